package dev.stagegate.assertions;

import dev.stagegate.assertions.deploy.HookReport;
import dev.stagegate.assertions.deploy.HookReportAssert;

/**
 * Entry point for post-deploy hook assertions.
 *
 * <pre>{@code
 * import static dev.stagegate.assertions.DeployAssertions.assertThat;
 *
 * assertThat(HookRunner.of(health, dbPort, pgIsReady, systemState).run()).allPassed();
 * }</pre>
 */
public final class DeployAssertions {
  private DeployAssertions() {}

  /** Assertions on {@code report}. */
  public static HookReportAssert assertThat(HookReport report) {
    return new HookReportAssert(report);
  }
}
