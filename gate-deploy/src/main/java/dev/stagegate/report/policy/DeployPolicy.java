package dev.stagegate.report.policy;

import dev.stagegate.report.approval.ApprovalRefusal;
import dev.stagegate.report.text.UntrustedText;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules a deploy must pass: not inside the blocked window (unless overridden with a reason),
 * the audit approved and unchanged, the deployment marker verified, and optionally a passing
 * rollback drill.
 *
 * <pre>{@code
 * DeployPolicy policy = DeployPolicy.fromConfig(key -> Optional.ofNullable(System.getProperty(key)));
 * PolicyDecision decision = policy.evaluate(facts);
 * // blocks: [deploy-window: It is 10:14 Europe/Berlin (MON), inside the blocked deploy window
 * //          09:00–18:00 Europe/Berlin, MON–FRI. Deploy after 18:00 Europe/Berlin, or …]
 * }</pre>
 *
 * @param blockedWindow when deploys are blocked; empty for never
 * @param overrideReason why a deploy inside the window is needed; a blank reason is no reason
 * @param requireApproval whether the audit must be approved and unchanged
 * @param requireMarker whether the deployment marker must have been verified
 * @param requireRollbackDrill whether a passing rollback drill must be in the evidence
 */
public record DeployPolicy(
    Optional<DeployWindow> blockedWindow,
    Optional<String> overrideReason,
    boolean requireApproval,
    boolean requireMarker,
    boolean requireRollbackDrill) {
  /** Key: the blocked window, {@code HH:MM-HH:MM}, e.g. {@code 09:00-18:00}. */
  public static final String BLOCKED_WINDOW = "stagegate.policy.blocked-window";

  /** Key: the window's time zone, e.g. {@code Europe/Berlin}; default UTC. */
  public static final String ZONE = "stagegate.policy.zone";

  /** Key: the days the window applies to, e.g. {@code MON-FRI}; default every day. */
  public static final String BLOCKED_DAYS = "stagegate.policy.blocked-days";

  /** Key: why a deploy inside the window is needed, e.g. {@code hotfix for INC-123}. */
  public static final String OVERRIDE_REASON = "stagegate.policy.override-reason";

  /** Key: whether the audit must be approved; default true. */
  public static final String REQUIRE_APPROVAL = "stagegate.policy.require-approval";

  /** Key: whether the deployment marker must be verified; default true. */
  public static final String REQUIRE_MARKER = "stagegate.policy.require-marker";

  /** Key: whether a passing rollback drill is required; default false. */
  public static final String REQUIRE_ROLLBACK_DRILL = "stagegate.policy.require-rollback-drill";

  /** Rule name of the blocked window. */
  public static final String RULE_WINDOW = "deploy-window";

  /** Rule name of the approval. */
  public static final String RULE_APPROVAL = "approval";

  /** Rule name of the deployment marker. */
  public static final String RULE_MARKER = "marker";

  /** Rule name of the rollback drill. */
  public static final String RULE_ROLLBACK_DRILL = "rollback-drill";

  public DeployPolicy {
    Objects.requireNonNull(blockedWindow, "blockedWindow");
    Objects.requireNonNull(overrideReason, "overrideReason");
    overrideReason =
        overrideReason.map(r -> UntrustedText.cleanLine(r).strip()).filter(r -> !r.isEmpty());
  }

  /** The defaults: no window, approval and marker required, no rollback drill required. */
  public static DeployPolicy defaults() {
    return new DeployPolicy(Optional.empty(), Optional.empty(), true, true, false);
  }

  /**
   * Reads the policy from configuration parameters (the {@code stagegate.policy.*} keys of this
   * class); a key without a value takes its default.
   *
   * @param config the value of a key, e.g. {@code key ->
   *     Optional.ofNullable(System.getProperty(key))} or JUnit's {@code
   *     ConfigurationParameters::get}
   * @throws IllegalArgumentException naming the key, the value and an example of a good value
   */
  public static DeployPolicy fromConfig(Function<String, Optional<String>> config) {
    Optional<String> window = value(config, BLOCKED_WINDOW);
    Optional<String> zoneText = value(config, ZONE);
    Optional<String> daysText = value(config, BLOCKED_DAYS);
    ZoneId zone = ZoneOffset.UTC;
    if (zoneText.isPresent()) {
      try {
        zone = ZoneId.of(zoneText.get());
      } catch (DateTimeException e) {
        throw bad(ZONE, zoneText.get(), "it is not a time zone", "Europe/Berlin");
      }
    }
    Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
    if (daysText.isPresent()) {
      if (window.isEmpty()) {
        throw new IllegalArgumentException(
            BLOCKED_DAYS
                + "="
                + daysText.get()
                + " is set but "
                + BLOCKED_WINDOW
                + " is not: give the hours too, e.g. "
                + BLOCKED_WINDOW
                + "=09:00-18:00.");
      }
      try {
        days = DeployWindow.parseDays(daysText.get());
      } catch (IllegalArgumentException e) {
        throw bad(BLOCKED_DAYS, daysText.get(), e.getMessage(), "MON-FRI");
      }
    }
    Optional<DeployWindow> blocked = Optional.empty();
    if (window.isPresent()) {
      try {
        blocked = Optional.of(DeployWindow.parse(window.get(), zone, days));
      } catch (IllegalArgumentException e) {
        throw bad(BLOCKED_WINDOW, window.get(), e.getMessage(), "09:00-18:00");
      }
    }
    return new DeployPolicy(
        blocked,
        config.apply(OVERRIDE_REASON),
        bool(config, REQUIRE_APPROVAL, true),
        bool(config, REQUIRE_MARKER, true),
        bool(config, REQUIRE_ROLLBACK_DRILL, false));
  }

  private static Optional<String> value(Function<String, Optional<String>> config, String key) {
    return config.apply(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static boolean bool(
      Function<String, Optional<String>> config, String key, boolean defaultValue) {
    Optional<String> v = value(config, key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    return switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(key, v.get(), "it must be true or false", String.valueOf(!defaultValue));
    };
  }

  private static IllegalArgumentException bad(
      String key, String value, String problem, String example) {
    return new IllegalArgumentException(
        "Configuration parameter "
            + key
            + " is '"
            + UntrustedText.cleanLine(value)
            + "': "
            + problem
            + "; e.g. -D"
            + key
            + "="
            + example
            + ".");
  }

  /** Applies every rule to the facts; see {@link PolicyDecision}. */
  public PolicyDecision evaluate(PolicyFacts facts) {
    List<PolicyBlock> blocks = new ArrayList<>();
    List<String> overrides = new ArrayList<>();
    if (blockedWindow.isPresent() && blockedWindow.get().blocks(facts.now())) {
      DeployWindow w = blockedWindow.get();
      String time = w.localTime(facts.now());
      if (overrideReason.isPresent()) {
        overrides.add(RULE_WINDOW + " overridden at " + time + ": " + overrideReason.get());
      } else {
        blocks.add(
            new PolicyBlock(
                RULE_WINDOW,
                "It is "
                    + time
                    + " ("
                    + w.localDay(facts.now())
                    + "), inside the blocked deploy window "
                    + w
                    + ".",
                "Deploy after "
                    + w.endText()
                    + " "
                    + w.zone().getId()
                    + ", or give the reason to deploy now (it is recorded): -D"
                    + OVERRIDE_REASON
                    + "=\"hotfix for INC-123\"."));
      }
    }
    if (requireApproval && !facts.approvalProblems().isEmpty()) {
      List<String> why = facts.approvalProblems().stream().map(ApprovalRefusal::message).toList();
      blocks.add(
          new PolicyBlock(
              RULE_APPROVAL,
              "The audit is not approved for this deploy: " + String.join(" ", why),
              "Do what the reason says, or turn the rule off with -D"
                  + REQUIRE_APPROVAL
                  + "=false."));
    }
    if (requireMarker && !facts.markerVerified().orElse(false)) {
      boolean checked = facts.markerVerified().isPresent();
      blocks.add(
          new PolicyBlock(
              RULE_MARKER,
              checked
                  ? "The deployment marker on the target does not name the commit to deploy."
                  : "The deployment marker was not checked, and the policy requires it.",
              (checked
                      ? "Build the image with the marker of this commit (MarkerCli write) and"
                          + " deploy it again"
                      : "Check it (@PostDeployWatch markerService, or MarkerCheck)")
                  + ", or turn the rule off with -D"
                  + REQUIRE_MARKER
                  + "=false."));
    }
    if (requireRollbackDrill && !facts.rollbackDrill().orElse(false)) {
      boolean ran = facts.rollbackDrill().isPresent();
      blocks.add(
          new PolicyBlock(
              RULE_ROLLBACK_DRILL,
              ran
                  ? "The rollback drill failed: the way back is not proven."
                  : "There is no rollback drill in the evidence, and the policy requires a passing"
                      + " one.",
              (ran ? "Fix the rollback and run the drill again" : "Run a rollback drill gate")
                  + ", or turn the rule off with -D"
                  + REQUIRE_ROLLBACK_DRILL
                  + "=false."));
    }
    return new PolicyDecision(blocks, overrides);
  }
}
