package dev.stagegate.report.risk;

/**
 * How closely a reviewer should look, in increasing order: {@code compareTo} ranks them.
 *
 * <pre>{@code
 * RiskLevel worst = RiskLevel.LOW.max(RiskLevel.HIGH); // HIGH
 * }</pre>
 */
public enum RiskLevel {
  /** Worth a glance. */
  LOW,
  /** Read the diff of these files before approving. */
  MEDIUM,
  /** A mistake here can take the deployment down or cost money: review line by line. */
  HIGH;

  /** The higher of this level and {@code other}. */
  public RiskLevel max(RiskLevel other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
