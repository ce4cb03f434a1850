package dev.stagegate.report.policy;

import java.util.Objects;

/**
 * One rule of the {@link DeployPolicy} that blocks a deploy.
 *
 * <pre>{@code
 * new PolicyBlock(
 *     "deploy-window",
 *     "It is 10:14 Europe/Berlin (MON), inside the blocked deploy window 09:00–18:00 Europe/Berlin, MON–FRI.",
 *     "Deploy after 18:00 Europe/Berlin, or set -Dstagegate.policy.override-reason=\"hotfix for INC-123\" …");
 * }</pre>
 *
 * @param rule {@code deploy-window}, {@code approval}, {@code marker} or {@code rollback-drill}
 * @param reason why, with the evidence, as a sentence
 * @param howToOverride what to do to deploy, as a sentence
 */
public record PolicyBlock(String rule, String reason, String howToOverride) {
  public PolicyBlock {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(howToOverride, "howToOverride");
  }

  /** {@code deploy-window: <reason> <howToOverride>}. */
  public String sentence() {
    return rule + ": " + reason + " " + howToOverride;
  }
}
