package dev.stagegate.report.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.report.approval.ApprovalRefusal;
import dev.stagegate.report.approval.ApprovalRefusal.Reason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployPolicyTest {
  /** Monday 2026-11-23 10:14 in Berlin. */
  static final Instant PEAK = Instant.parse("2026-11-23T09:14:00Z");

  /** Monday 2026-11-23 20:00 in Berlin. */
  static final Instant EVENING = Instant.parse("2026-11-23T19:00:00Z");

  static DeployPolicy policy(Map<String, String> config) {
    return DeployPolicy.fromConfig(key -> Optional.ofNullable(config.get(key)));
  }

  static PolicyFacts fine(Instant now) {
    return new PolicyFacts(now, List.of(), Optional.of(true), Optional.empty());
  }

  static final Map<String, String> BERLIN_PEAK =
      Map.of(
          "stagegate.policy.blocked-window", "09:00-18:00",
          "stagegate.policy.zone", "Europe/Berlin",
          "stagegate.policy.blocked-days", "MON-FRI");

  @Test
  void defaultsRequireApprovalAndMarkerButNoWindowOrDrill() {
    DeployPolicy p = policy(Map.of());
    assertThat(p).isEqualTo(DeployPolicy.defaults());
    assertThat(p.blockedWindow()).isEmpty();
    assertThat(p.requireApproval()).isTrue();
    assertThat(p.requireMarker()).isTrue();
    assertThat(p.requireRollbackDrill()).isFalse();
    assertThat(p.evaluate(fine(PEAK)).allowed()).isTrue();
  }

  @Test
  void insideTheWindowIsBlockedWithTheLocalTimeAndTheOverride() {
    PolicyDecision d = policy(BERLIN_PEAK).evaluate(fine(PEAK));
    assertThat(d.allowed()).isFalse();
    assertThat(d.overrides()).isEmpty();
    assertThat(d.blocks())
        .containsExactly(
            new PolicyBlock(
                "deploy-window",
                "It is 10:14 Europe/Berlin (MON), inside the blocked deploy window 09:00–18:00"
                    + " Europe/Berlin, MON–FRI.",
                "Deploy after 18:00 Europe/Berlin, or give the reason to deploy now (it is"
                    + " recorded): -Dstagegate.policy.override-reason=\"hotfix for INC-123\"."));
    assertThat(policy(BERLIN_PEAK).evaluate(fine(EVENING)).allowed()).isTrue();
  }

  @Test
  void anOverrideReasonAllowsItAndIsRecorded() {
    Map<String, String> config = new HashMap<>(BERLIN_PEAK);
    config.put("stagegate.policy.override-reason", "  hotfix for INC-123 ");
    PolicyDecision d = policy(config).evaluate(fine(PEAK));
    assertThat(d.allowed()).isTrue();
    assertThat(d.overrides())
        .containsExactly("deploy-window overridden at 10:14 Europe/Berlin: hotfix for INC-123");
    assertThat(policy(config).evaluate(fine(EVENING)).overrides())
        .as("nothing overridden outside the window")
        .isEmpty();
  }

  @Test
  void aBlankOverrideReasonIsNoReason() {
    Map<String, String> config = new HashMap<>(BERLIN_PEAK);
    config.put("stagegate.policy.override-reason", "   ");
    assertThat(policy(config).overrideReason()).isEmpty();
    assertThat(policy(config).evaluate(fine(PEAK)).block("deploy-window")).isPresent();
  }

  @Test
  void theDstSwitchMovesTheWindowInUtc() {
    DeployPolicy p =
        policy(
            Map.of(
                "stagegate.policy.blocked-window", "09:00-18:00",
                "stagegate.policy.zone", "Europe/Berlin"));
    // Sunday 2026-03-29 07:30 UTC: 09:30 CEST (the day before it would have been 08:30 CET)
    assertThat(p.evaluate(fine(Instant.parse("2026-03-29T07:30:00Z"))).block("deploy-window"))
        .get()
        .extracting(PolicyBlock::reason)
        .asString()
        .startsWith("It is 09:30 Europe/Berlin (SUN)");
    assertThat(p.evaluate(fine(Instant.parse("2026-03-28T07:30:00Z"))).allowed()).isTrue();
  }

  @Test
  void approvalProblemsBlockWithTheirSentences() {
    ApprovalRefusal changed =
        new ApprovalRefusal(Reason.AUDIT_CHANGED, "The audit changed after it was approved: …");
    PolicyFacts facts =
        new PolicyFacts(EVENING, List.of(changed), Optional.of(true), Optional.empty());
    PolicyBlock block = policy(Map.of()).evaluate(facts).block("approval").orElseThrow();
    assertThat(block.reason())
        .isEqualTo(
            "The audit is not approved for this deploy: The audit changed after it was approved:"
                + " …");
    assertThat(block.howToOverride()).contains("-Dstagegate.policy.require-approval=false");
    assertThat(
            policy(Map.of("stagegate.policy.require-approval", "FALSE")).evaluate(facts).allowed())
        .isTrue();
  }

  @Test
  void theMarkerMustBeCheckedAndRight() {
    DeployPolicy p = policy(Map.of());
    assertThat(
            p.evaluate(new PolicyFacts(EVENING, List.of(), Optional.empty(), Optional.empty()))
                .block("marker"))
        .get()
        .extracting(PolicyBlock::reason)
        .isEqualTo("The deployment marker was not checked, and the policy requires it.");
    assertThat(
            p.evaluate(new PolicyFacts(EVENING, List.of(), Optional.of(false), Optional.empty()))
                .block("marker"))
        .get()
        .extracting(PolicyBlock::reason)
        .isEqualTo("The deployment marker on the target does not name the commit to deploy.");
    assertThat(
            policy(Map.of("stagegate.policy.require-marker", "false"))
                .evaluate(new PolicyFacts(EVENING, List.of(), Optional.empty(), Optional.empty()))
                .allowed())
        .isTrue();
  }

  @Test
  void aRequiredRollbackDrillMustHavePassed() {
    DeployPolicy p = policy(Map.of("stagegate.policy.require-rollback-drill", "true"));
    assertThat(p.evaluate(fine(EVENING)).block("rollback-drill"))
        .get()
        .extracting(PolicyBlock::reason)
        .asString()
        .startsWith("There is no rollback drill in the evidence");
    assertThat(
            p.evaluate(new PolicyFacts(EVENING, List.of(), Optional.of(true), Optional.of(false)))
                .block("rollback-drill"))
        .get()
        .extracting(PolicyBlock::reason)
        .isEqualTo("The rollback drill failed: the way back is not proven.");
    assertThat(
            p.evaluate(new PolicyFacts(EVENING, List.of(), Optional.of(true), Optional.of(true)))
                .allowed())
        .isTrue();
  }

  @Test
  void everyBlockingRuleIsReportedInOrder() {
    DeployPolicy p =
        policy(
            Map.of(
                "stagegate.policy.blocked-window", "00:00-24:00",
                "stagegate.policy.require-rollback-drill", "true"));
    PolicyFacts facts =
        new PolicyFacts(
            PEAK,
            List.of(new ApprovalRefusal(Reason.NO_APPROVAL, "Nobody approved it.")),
            Optional.empty(),
            Optional.empty());
    assertThat(p.evaluate(facts).blocks())
        .extracting(PolicyBlock::rule)
        .containsExactly("deploy-window", "approval", "marker", "rollback-drill");
  }

  @Test
  void badValuesNameTheKeyTheValueAndAGoodExample() {
    assertThatThrownBy(() -> policy(Map.of("stagegate.policy.blocked-window", "9-18")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Configuration parameter stagegate.policy.blocked-window is '9-18': a window is"
                + " HH:MM-HH:MM in 24-hour time but was '9-18'; e.g."
                + " -Dstagegate.policy.blocked-window=09:00-18:00.");
    assertThatThrownBy(
            () ->
                policy(
                    Map.of(
                        "stagegate.policy.blocked-window", "09:00-18:00",
                        "stagegate.policy.zone", "Mars/Olympus")))
        .hasMessage(
            "Configuration parameter stagegate.policy.zone is 'Mars/Olympus': it is not a time"
                + " zone; e.g. -Dstagegate.policy.zone=Europe/Berlin.");
    assertThatThrownBy(
            () ->
                policy(
                    Map.of(
                        "stagegate.policy.blocked-window", "09:00-18:00",
                        "stagegate.policy.blocked-days", "weekdays")))
        .hasMessageStartingWith(
            "Configuration parameter stagegate.policy.blocked-days is 'weekdays'")
        .hasMessageEndingWith("; e.g. -Dstagegate.policy.blocked-days=MON-FRI.");
    assertThatThrownBy(() -> policy(Map.of("stagegate.policy.require-marker", "yes")))
        .hasMessage(
            "Configuration parameter stagegate.policy.require-marker is 'yes': it must be true or"
                + " false; e.g. -Dstagegate.policy.require-marker=false.");
    assertThatThrownBy(() -> policy(Map.of("stagegate.policy.blocked-days", "MON-FRI")))
        .hasMessage(
            "stagegate.policy.blocked-days=MON-FRI is set but stagegate.policy.blocked-window is"
                + " not: give the hours too, e.g. stagegate.policy.blocked-window=09:00-18:00.");
  }

  @Test
  void theZoneDefaultsToUtc() {
    DeployPolicy p = policy(Map.of("stagegate.policy.blocked-window", "09:00-18:00"));
    assertThat(p.blockedWindow()).get().extracting(DeployWindow::zone).isEqualTo(ZoneId.of("Z"));
    assertThat(p.blockedWindow().orElseThrow()).hasToString("09:00–18:00 Z");
  }
}
