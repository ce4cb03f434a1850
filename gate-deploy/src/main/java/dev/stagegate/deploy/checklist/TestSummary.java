package dev.stagegate.deploy.checklist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How the tests of the run went, for the "tests passing" item: the sums over the Surefire and
 * Failsafe reports ({@code TEST-*.xml}) of the build.
 *
 * <pre>{@code
 * Optional<TestSummary> tests =
 *     TestSummary.fromReports(
 *         List.of(Path.of("target/surefire-reports"), Path.of("target/failsafe-reports")));
 * // 488 tests, 0 failures, 0 errors, 3 skipped (12 reports in target/surefire-reports, ...)
 * }</pre>
 *
 * @param tests how many tests ran (skipped ones included, as the reports count them)
 * @param failures how many failed an assertion
 * @param errors how many threw otherwise
 * @param skipped how many were skipped or disabled
 * @param reports how many report files were read
 * @param source where the numbers come from, e.g. the reports directories
 */
public record TestSummary(
    int tests, int failures, int errors, int skipped, int reports, String source) {
  public TestSummary {
    if (tests < 0 || failures < 0 || errors < 0 || skipped < 0 || reports < 0) {
      throw new IllegalArgumentException(
          "test counts must not be negative: "
              + tests
              + ", "
              + failures
              + ", "
              + errors
              + ", "
              + skipped
              + ", "
              + reports);
    }
    source = source == null ? "" : source;
  }

  /** A summary without skipped tests or a report count, e.g. from a CI system's numbers. */
  public TestSummary(int tests, int failures, int errors, String source) {
    this(tests, failures, errors, 0, 0, source);
  }

  /** Whether tests ran, none failed or erred, and not every one was skipped. */
  public boolean passed() {
    return tests > skipped && failures == 0 && errors == 0;
  }

  /**
   * {@code 488 tests, 0 failures, 0 errors, 3 skipped (12 reports in target/surefire-reports)}; the
   * skipped count and the report count only when there are any.
   */
  public String describe() {
    String where =
        reports == 0
            ? source
            : reports
                + (reports == 1 ? " report" : " reports")
                + (source.isEmpty() ? "" : " in ")
                + source;
    return plural(tests, "test")
        + ", "
        + plural(failures, "failure")
        + ", "
        + plural(errors, "error")
        + (skipped == 0 ? "" : ", " + skipped + " skipped")
        + (where.isEmpty() ? "" : " (" + where + ")");
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** The reports of one directory; see {@link #fromReports}. */
  public static Optional<TestSummary> fromSurefireReports(Path dir) throws IOException {
    return fromReports(List.of(dir));
  }

  /**
   * Sums the {@code tests}, {@code failures}, {@code errors} and {@code skipped} attributes of the
   * {@code <testsuite>} root of every {@code TEST-*.xml} in the directories (Surefire's and
   * Failsafe's report format); a directory that does not exist is passed over.
   *
   * @return empty when no directory holds a report
   * @throws IOException naming the file when a report cannot be read or is not a test suite
   */
  public static Optional<TestSummary> fromReports(List<Path> dirs) throws IOException {
    return fromReports(dirs, Set.of());
  }

  /**
   * As {@link #fromReports(List)}, leaving out the reports of {@code stillRunning} test classes: a
   * class writes its report when it finishes, so while it runs, a report under its name is an
   * earlier run's. The source names what was left out.
   */
  public static Optional<TestSummary> fromReports(List<Path> dirs, Set<String> stillRunning)
      throws IOException {
    int tests = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    int files = 0;
    List<String> sources = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> reports = new ArrayList<>();
      try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "TEST-*.xml")) {
        for (Path report : found) {
          String name = report.getFileName().toString();
          if (stillRunning.contains(name.substring(5, name.length() - 4))) {
            stale.add(name);
          } else {
            reports.add(report);
          }
        }
      }
      if (reports.isEmpty()) {
        continue;
      }
      sources.add(dir.toString());
      for (Path report : reports) {
        int[] counts = read(report);
        tests += counts[0];
        failures += counts[1];
        errors += counts[2];
        skipped += counts[3];
        files++;
      }
    }
    if (files == 0) {
      return Optional.empty();
    }
    String source = String.join(", ", sources);
    if (!stale.isEmpty()) {
      source += "; left out, an earlier run's (the class still runs): " + String.join(", ", stale);
    }
    return Optional.of(new TestSummary(tests, failures, errors, skipped, files, source));
  }

  private static int[] read(Path report) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // Reports are files from a build; still, no DTDs or external entities.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(report)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("testsuite")) {
              throw new IOException(
                  report
                      + " is not a test report: its root element is <"
                      + xml.getLocalName()
                      + ">, not <testsuite>");
            }
            return new int[] {
              count(xml, "tests", report),
              count(xml, "failures", report),
              count(xml, "errors", report),
              count(xml, "skipped", report)
            };
          }
        }
        throw new IOException(report + " is not a test report: it has no root element");
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new IOException(report + " is not well-formed XML: " + e.getMessage(), e);
    }
  }

  private static int count(XMLStreamReader xml, String attribute, Path report) throws IOException {
    String value = xml.getAttributeValue(null, attribute);
    if (value == null) {
      return 0;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IOException(
          report + ": <testsuite " + attribute + "=\"" + value + "\"> is not a count", e);
    }
  }
}
