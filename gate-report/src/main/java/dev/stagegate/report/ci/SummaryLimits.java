package dev.stagegate.report.ci;

/**
 * How much of an audit a step summary shows; {@link StepSummary} shrinks these until the summary
 * fits its budget.
 *
 * @param charts whether resource charts are included
 * @param gateRows rows of the gate table; the rest become one "… N more" line
 * @param gateDetails gates that get a service table
 * @param serviceRows rows of each service table
 */
record SummaryLimits(boolean charts, int gateRows, int gateDetails, int serviceRows) {
  /** Everything, charts included. */
  static SummaryLimits everything() {
    return new SummaryLimits(true, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  SummaryLimits withoutCharts() {
    return new SummaryLimits(false, gateRows, gateDetails, serviceRows);
  }

  /** Service rows kept per gate before gate details or gate rows are given up. */
  static final int FEW_SERVICE_ROWS = 5;

  /**
   * The next smaller limits, starting from what the audit actually has. The least useful part goes
   * first: service rows down to {@value #FEW_SERVICE_ROWS}, then gates with details, then rows of
   * the gate table (the one line per gate a reviewer scans), then the last service rows; each
   * halved (at least 1).
   */
  SummaryLimits shrunk(int gates, int maxServices) {
    int services = Math.min(serviceRows, maxServices);
    int details = Math.min(gateDetails, gates);
    int rows = Math.min(gateRows, gates);
    if (services > FEW_SERVICE_ROWS) {
      return new SummaryLimits(charts, rows, details, Math.max(FEW_SERVICE_ROWS, services / 2));
    }
    if (details > 1) {
      return new SummaryLimits(charts, rows, details / 2, services);
    }
    if (rows > 1) {
      return new SummaryLimits(charts, rows / 2, details, services);
    }
    return new SummaryLimits(charts, rows, details, Math.max(1, services / 2));
  }

  /** Whether shrinking would change nothing. */
  boolean isSmallest() {
    return gateRows <= 1 && gateDetails <= 1 && serviceRows <= 1;
  }
}
