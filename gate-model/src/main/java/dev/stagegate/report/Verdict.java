package dev.stagegate.report;

import java.util.List;

/**
 * The outcome of a gate, or of a whole audit.
 *
 * <p>Ordered from best to worst so that an audit's verdict is the worst of its gates': one
 * shortened burn-in makes the audit {@link #PASS_SHORTENED}, never {@link #PASS}.
 *
 * <pre>{@code
 * Verdict audit = Verdict.PASS.worst(Verdict.PASS_SHORTENED); // PASS_SHORTENED
 * audit.nothingFailed(); // true: the test passes, but approving it needs a recorded reason
 * }</pre>
 */
public enum Verdict {
  /** Every check passed on a run of the full requested length. */
  PASS("every check passed on a run of the full requested length"),
  /**
   * Nothing failed in the time watched, but a burn-in or watch ran shorter than requested: not the
   * evidence asked for. Approvable only with a recorded reason.
   */
  PASS_SHORTENED("nothing failed in the time watched, but it watched less than requested"),
  /** The evidence could not decide (e.g. the Docker connection dropped mid-run). Never a pass. */
  INCONCLUSIVE("the evidence could not decide (e.g. the engine connection broke); never a pass"),
  /** At least one check failed. */
  FAIL("at least one check failed"),
  /** The run was cut off (e.g. the JVM was killed); the audit holds what was collected. */
  INCOMPLETE("the run was cut off; the audit holds what was collected");

  private final String meaning;

  Verdict(String meaning) {
    this.meaning = meaning;
  }

  /**
   * The worse of two verdicts: {@code INCOMPLETE > FAIL > INCONCLUSIVE > PASS_SHORTENED > PASS}.
   */
  public Verdict worst(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /**
   * Whether no check failed and nothing was left undecided in what was watched: {@link #PASS} or
   * {@link #PASS_SHORTENED}. The gate's test then passes; only {@link #PASS} is approvable without
   * a recorded reason.
   */
  public boolean nothingFailed() {
    return this == PASS || this == PASS_SHORTENED;
  }

  /** What this verdict means, as one clause: {@code at least one check failed}. */
  public String meaning() {
    return meaning;
  }

  /**
   * The legend shown wherever verdicts are: one line, every verdict with its meaning, e.g. {@code
   * PASS: every check passed … · PASS_SHORTENED: …}.
   */
  public static String legend() {
    return String.join(
        " · ", List.of(values()).stream().map(v -> v.name() + ": " + v.meaning()).toList());
  }
}
