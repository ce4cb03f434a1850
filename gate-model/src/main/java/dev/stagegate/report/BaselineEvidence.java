package dev.stagegate.report;

import dev.stagegate.report.baseline.MetricComparison;
import java.util.List;

/**
 * A burn-in's comparison with the previous release: which ref ran as the baseline, how (side by
 * side or one after the other, and why), the verdict, every metric compared, and the baseline's own
 * gate result for the side-by-side tables and charts.
 *
 * <pre>{@code
 * BaselineEvidence b = gate.baseline();
 * b.verdict();   // "regression: api p95 latency +38 % (p < 0.001)"
 * }</pre>
 *
 * @param ref the baseline as configured, e.g. {@code previous} or {@code v1.2.2}
 * @param label the baseline as resolved, e.g. {@code v1.2.2 (3f2a1c9)}
 * @param mode {@code side by side} or {@code one after the other: <why>}
 * @param verdict {@code no regression vs <label>}, {@code regression: <sentences>} or {@code
 *     inconclusive: <why>}
 * @param comparisons every metric compared, in service order
 * @param baselineRun the baseline's own run (its services, trends and loads); {@code null} when it
 *     could not run at all
 */
public record BaselineEvidence(
    String ref,
    String label,
    String mode,
    String verdict,
    List<MetricComparison> comparisons,
    GateResult baselineRun) {
  public BaselineEvidence {
    comparisons = List.copyOf(comparisons);
  }

  /** Whether a metric regressed. */
  public boolean regressed() {
    return comparisons.stream().anyMatch(c -> c.outcome() == MetricComparison.Outcome.REGRESSION);
  }
}
