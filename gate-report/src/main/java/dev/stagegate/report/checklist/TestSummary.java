package dev.stagegate.report.checklist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How the unit tests of the commit went, for the "tests passing" item.
 *
 * <pre>{@code
 * Optional<TestSummary> tests = TestSummary.fromSurefireReports(Path.of("target/surefire-reports"));
 * // TestSummary[tests=488, failures=0, errors=0, source=target/surefire-reports]
 * }</pre>
 *
 * @param tests how many tests ran
 * @param failures how many failed an assertion
 * @param errors how many threw otherwise
 * @param source where the numbers come from, e.g. the reports directory
 */
public record TestSummary(int tests, int failures, int errors, String source) {
  public TestSummary {
    if (tests < 0 || failures < 0 || errors < 0) {
      throw new IllegalArgumentException(
          "test counts must not be negative: " + tests + ", " + failures + ", " + errors);
    }
    source = source == null ? "" : source;
  }

  /** Whether tests ran and none failed or erred. */
  public boolean passed() {
    return tests > 0 && failures == 0 && errors == 0;
  }

  /** {@code 488 tests, 0 failures, 0 errors (target/surefire-reports)}. */
  public String describe() {
    return tests
        + (tests == 1 ? " test, " : " tests, ")
        + failures
        + (failures == 1 ? " failure, " : " failures, ")
        + errors
        + (errors == 1 ? " error" : " errors")
        + (source.isEmpty() ? "" : " (" + source + ")");
  }

  /**
   * Sums the {@code tests}, {@code failures} and {@code errors} attributes of the {@code
   * <testsuite>} root of every {@code TEST-*.xml} in {@code dir} (Surefire's and Failsafe's report
   * format).
   *
   * @return empty when the directory does not exist or holds no report
   * @throws IOException naming the file when a report cannot be read or is not a test suite
   */
  public static Optional<TestSummary> fromSurefireReports(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<Path> reports = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "TEST-*.xml")) {
      files.forEach(reports::add);
    }
    if (reports.isEmpty()) {
      return Optional.empty();
    }
    int tests = 0;
    int failures = 0;
    int errors = 0;
    for (Path report : reports) {
      int[] counts = read(report);
      tests += counts[0];
      failures += counts[1];
      errors += counts[2];
    }
    return Optional.of(new TestSummary(tests, failures, errors, dir.toString()));
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
              count(xml, "errors", report)
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
