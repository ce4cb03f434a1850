package dev.stagegate.report;

/**
 * The outcome of a gate, or of a whole audit.
 *
 * <p>Ordered from best to worst so that an audit's verdict is the worst of its gates'.
 */
public enum Verdict {
  /** Every check passed on a run of the full requested length. */
  PASS,
  /** The evidence could not decide (e.g. the Docker connection dropped mid-run). Never a pass. */
  INCONCLUSIVE,
  /** At least one check failed. */
  FAIL,
  /** The run was cut off (e.g. the JVM was killed); the audit holds what was collected. */
  INCOMPLETE;

  /** The worse of two verdicts: {@code INCOMPLETE > FAIL > INCONCLUSIVE > PASS}. */
  public Verdict worst(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
