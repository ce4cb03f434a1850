package dev.stagegate.assertions.deploy;

import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link HookReport}; start from {@code
 * dev.stagegate.assertions.DeployAssertions.assertThat(report)}.
 *
 * <pre>{@code
 * assertThat(HookRunner.of(health, dbPort, systemState).run()).allPassed();
 * // Expecting all 3 deploy hooks to pass but 2 did not (run took 2.0 s):
 * //   hook "db-port" timed out after 2.0 s
 * //   hook "health" failed: at $.db_ready expected true but was false
 * }</pre>
 */
public final class HookReportAssert extends AbstractAssert<HookReportAssert, HookReport> {

  public HookReportAssert(HookReport actual) {
    super(actual, HookReportAssert.class);
  }

  /** Every hook passed; the message lists each one that did not, with its detail. */
  public HookReportAssert allPassed() {
    isNotNull();
    List<String> failures = actual.failures();
    if (!failures.isEmpty()) {
      int hooks = actual.results().size();
      failWithMessage(
          "Expecting all %d deploy hook%s to pass but %d did not (run took %s):%n  %s",
          hooks,
          hooks == 1 ? "" : "s",
          failures.size(),
          Texts.seconds(actual.total()),
          String.join(System.lineSeparator() + "  ", failures));
    }
    return myself;
  }
}
