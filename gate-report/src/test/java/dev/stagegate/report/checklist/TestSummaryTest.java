package dev.stagegate.report.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSummaryTest {
  @TempDir Path tmp;

  static String suite(int tests, int failures, int errors) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite"
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" name=\"a.BTest\" time=\"0.1\""
        + " tests=\""
        + tests
        + "\" errors=\""
        + errors
        + "\" skipped=\"1\" failures=\""
        + failures
        + "\">\n  <properties/>\n  <testcase name=\"x\" classname=\"a.BTest\"/>\n</testsuite>\n";
  }

  @Test
  void sumsEverySuiteOfTheDirectory() throws IOException {
    Files.writeString(tmp.resolve("TEST-a.BTest.xml"), suite(10, 1, 0));
    Files.writeString(tmp.resolve("TEST-a.CTest.xml"), suite(5, 0, 2));
    Files.writeString(tmp.resolve("a.BTest.txt"), "not a report");
    assertThat(TestSummary.fromSurefireReports(tmp))
        .contains(new TestSummary(15, 1, 2, tmp.toString()));
    assertThat(TestSummary.fromSurefireReports(tmp).orElseThrow().describe())
        .isEqualTo("15 tests, 1 failure, 2 errors (" + tmp + ")");
  }

  @Test
  void noReportsIsEmpty() throws IOException {
    assertThat(TestSummary.fromSurefireReports(tmp.resolve("missing"))).isEmpty();
    assertThat(TestSummary.fromSurefireReports(tmp)).isEmpty();
  }

  @Test
  void aBrokenReportIsNamed() throws IOException {
    Path bad = Files.writeString(tmp.resolve("TEST-x.xml"), "<testsuite tests=\"many\"/>");
    assertThatThrownBy(() -> TestSummary.fromSurefireReports(tmp))
        .isInstanceOf(IOException.class)
        .hasMessage(bad + ": <testsuite tests=\"many\"> is not a count");
    Files.writeString(bad, "<html/>");
    assertThatThrownBy(() -> TestSummary.fromSurefireReports(tmp))
        .hasMessageContaining("its root element is <html>, not <testsuite>");
    Files.writeString(bad, "<testsuite");
    assertThatThrownBy(() -> TestSummary.fromSurefireReports(tmp))
        .hasMessageContaining("is not well-formed XML");
  }

  @Test
  void externalEntitiesAreNotRead() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "7");
    Files.writeString(
        tmp.resolve("TEST-x.xml"),
        "<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY n SYSTEM \""
            + secret.toUri()
            + "\">]>\n<testsuite tests=\"&n;\"/>");
    assertThatThrownBy(() -> TestSummary.fromSurefireReports(tmp)).isInstanceOf(IOException.class);
  }
}
