package dev.stagegate.deploy.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.checklist.ItemState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
        .contains(new TestSummary(15, 1, 2, 2, 2, tmp.toString()));
    assertThat(TestSummary.fromSurefireReports(tmp).orElseThrow().describe())
        .isEqualTo("15 tests, 1 failure, 2 errors, 2 skipped (2 reports in " + tmp + ")");
  }

  @Test
  void aReportOfAClassStillRunningIsAnEarlierRunsAndIsLeftOut() throws IOException {
    Files.writeString(tmp.resolve("TEST-a.BTest.xml"), suite(10, 0, 0));
    Files.writeString(tmp.resolve("TEST-a.BurnInIT.xml"), suite(1, 1, 0));

    TestSummary s = TestSummary.fromReports(List.of(tmp), Set.of("a.BurnInIT")).orElseThrow();

    assertThat(s.passed()).isTrue();
    assertThat(s.reports()).isEqualTo(1);
    assertThat(s.source())
        .endsWith("; left out, an earlier run's (the class still runs): TEST-a.BurnInIT.xml");
  }

  /** A report as Surefire 3.5 writes it, with its testcase elements. */
  static String surefireReport(String suite, int tests, int failures, int errors, int skipped) {
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < tests; i++) {
      cases.append("  <testcase name=\"t").append(i).append("\" classname=\"").append(suite);
      if (i < failures) {
        cases
            .append("\" time=\"0.01\">\n    <failure message=\"expected: 1 but was: 2\"")
            .append(" type=\"org.opentest4j.AssertionFailedError\"/>\n  </testcase>\n");
      } else if (i < failures + errors) {
        cases
            .append("\" time=\"0.01\">\n    <error type=\"java.lang.IllegalStateException\"/>")
            .append("\n  </testcase>\n");
      } else if (i < failures + errors + skipped) {
        cases.append("\" time=\"0\">\n    <skipped message=\"disabled\"/>\n  </testcase>\n");
      } else {
        cases.append("\" time=\"0.01\"/>\n");
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite"
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd\""
        + " version=\"3.0.2\" name=\""
        + suite
        + "\" time=\"0.42\" tests=\""
        + tests
        + "\" errors=\""
        + errors
        + "\" skipped=\""
        + skipped
        + "\" failures=\""
        + failures
        + "\">\n  <properties>\n    <property name=\"java.version\" value=\"17\"/>\n"
        + "  </properties>\n"
        + cases
        + "</testsuite>\n";
  }

  @Test
  void sumsTheSurefireAndFailsafeReportsOfTheRun() throws IOException {
    Path surefire = Files.createDirectories(tmp.resolve("target/surefire-reports"));
    Path failsafe = Files.createDirectories(tmp.resolve("target/failsafe-reports"));
    Files.writeString(
        surefire.resolve("TEST-a.UnitTest.xml"), surefireReport("a.UnitTest", 7, 0, 0, 1));
    Files.writeString(
        surefire.resolve("TEST-a.OtherTest.xml"), surefireReport("a.OtherTest", 3, 0, 0, 0));
    Files.writeString(
        failsafe.resolve("TEST-a.GateIT.xml"), surefireReport("a.GateIT", 2, 0, 0, 0));
    // Failsafe's summary is no test report
    Files.writeString(failsafe.resolve("failsafe-summary.xml"), "<failsafe-summary result=\"0\"/>");
    TestSummary both = TestSummary.fromReports(List.of(surefire, failsafe)).orElseThrow();
    assertThat(both).isEqualTo(new TestSummary(12, 0, 0, 1, 3, surefire + ", " + failsafe));
    assertThat(both.passed()).isTrue();
    assertThat(both.describe())
        .isEqualTo(
            "12 tests, 0 failures, 0 errors, 1 skipped (3 reports in "
                + surefire
                + ", "
                + failsafe
                + ")");

    Files.writeString(
        failsafe.resolve("TEST-a.BrokenIT.xml"), surefireReport("a.BrokenIT", 4, 1, 1, 0));
    TestSummary failing = TestSummary.fromReports(List.of(surefire, failsafe)).orElseThrow();
    assertThat(failing)
        .extracting(
            TestSummary::tests, TestSummary::failures, TestSummary::errors, TestSummary::reports)
        .containsExactly(16, 1, 1, 4);
    assertThat(failing.passed()).isFalse();

    assertThat(
            TestSummary.fromReports(List.of(tmp.resolve("nowhere"), surefire))
                .orElseThrow()
                .reports())
        .as("a directory that does not exist is passed over")
        .isEqualTo(2);
  }

  @Test
  void onlySkippedTestsIsNoPass() throws IOException {
    Files.writeString(tmp.resolve("TEST-a.SkipTest.xml"), surefireReport("a.SkipTest", 2, 0, 0, 2));
    TestSummary skipped = TestSummary.fromSurefireReports(tmp).orElseThrow();
    assertThat(skipped.passed()).isFalse();
    assertThat(
            Checklists.rollbackSafety(
                    ChecklistsTest.report(), DeployFacts.none().withTests(skipped))
                .get(0)
                .item(ChecklistItemId.TESTS_PASSING)
                .orElseThrow())
        .extracting(ChecklistItem::state, ChecklistItem::evidence)
        .containsExactly(
            ItemState.MANUAL,
            "no test ran: 2 tests, 0 failures, 0 errors, 2 skipped (1 report in " + tmp + ")");
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
