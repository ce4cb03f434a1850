package dev.stagegate.assertions.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.report.LogFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowlistAndApiTest {
  private static final List<String> LOG =
      List.of(
          "ERROR cache miss storm",
          "ERROR db down",
          "INFO retrying",
          "Traceback (most recent call last):",
          "  File \"x.py\", line 1, in f",
          "TimeoutError: upstream");

  @Test
  void anAllowedRegexForOneServiceOnlyAppliesToIt() {
    LogAudit audit = LogAudit.defaults().withAllowed("cache", "cache miss");
    assertThat(audit.audit("cache", LOG))
        .extracting(LogFinding::line)
        .containsExactly("ERROR db down", "TimeoutError: upstream");
    assertThat(audit.audit("api", LOG)).hasSize(3);
  }

  @Test
  void anAllowedRegexForAllServices() {
    LogAudit audit = LogAudit.defaults().withAllowed("db down").withAllowed("*", "^ERROR cache");
    assertThat(audit.audit("api", LOG))
        .extracting(LogFinding::line)
        .containsExactly("TimeoutError: upstream");
  }

  @Test
  void aTracebackIsAllowedByItsExceptionLine() {
    LogAudit audit = LogAudit.defaults().withAllowed("worker", "^TimeoutError: ");
    assertThat(audit.audit("worker", LOG))
        .extracting(LogFinding::rule)
        .doesNotContain("python-traceback");
  }

  @Test
  void aCrashBlockIsAllowedByItsFirstLineOrItsMessage() {
    List<String> log =
        List.of(
            "2024-01-01 12:00:00 ERROR [w] job 7 failed, will retry",
            "Traceback (most recent call last):",
            "  File \"x.py\", line 1, in f",
            "TimeoutError: upstream");
    assertThat(LogAudit.defaults().withAllowed("will retry$").audit("w", log)).isEmpty();
    assertThat(LogAudit.defaults().withAllowed("^TimeoutError").audit("w", log)).isEmpty();
    assertThat(LogAudit.defaults().withAllowed("File ").audit("w", log))
        .extracting(LogFinding::line)
        .as("lines inside the block do not allow it")
        .containsExactly("TimeoutError: upstream");
  }

  @Test
  void anInvalidRegexSaysWhatAndWhereToFixIt() {
    assertThatThrownBy(() -> LogAudit.defaults().withAllowed("api", "retry (attempt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"retry (attempt\"")
        .hasMessageContaining("Unclosed group")
        .hasMessageContaining("stagegate.logs.allow")
        .hasMessageContaining("@LogAllow")
        .hasMessageContaining("\"api\"");
  }

  @Test
  void withMethodsReturnNewInstances() {
    LogAudit defaults = LogAudit.defaults();
    LogAudit fewer = defaults.withoutRule("error-level");
    assertThat(defaults.ruleNames()).contains("error-level");
    assertThat(fewer.ruleNames()).doesNotContain("error-level");
    assertThat(fewer.audit("api", List.of("ERROR x"))).isEmpty();
    assertThat(defaults.withAllowed("x")).isNotSameAs(defaults);
  }

  @Test
  void ruleNamesInPrecedenceOrder() {
    assertThat(LogAudit.defaults().ruleNames())
        .containsExactly(
            "python-traceback",
            "node-uncaught-exception",
            "exception-stack-trace",
            "out-of-memory",
            "java-uncaught-exception",
            "java-caused-by",
            "dotnet-unhandled-exception",
            "go-panic",
            "go-fatal-error",
            "rust-panic",
            "cpp-terminate",
            "native-abort",
            "npm-error",
            "node-unhandled-rejection",
            "segfault",
            "oom-killed",
            "fatal-level",
            "error-level");
  }

  @Test
  void unknownRuleNamesAreRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> LogAudit.defaults().withoutRule("errors"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"errors\"")
        .hasMessageContaining("error-level");
  }

  @Test
  void everyRuleCanBeTurnedOff() {
    LogAudit none = LogAudit.defaults();
    for (String rule : LogAudit.defaults().ruleNames()) {
      none = none.withoutRule(rule);
    }
    assertThat(none.ruleNames()).isEmpty();
    assertThat(none.audit("api", LOG)).isEmpty();
  }
}
