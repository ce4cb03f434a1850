package dev.stagegate.assertions.trend;

import java.time.Duration;
import java.util.Locale;

/** Number formatting for verdict sentences: fixed locale, so messages read the same everywhere. */
final class Format {
  private Format() {}

  /** One decimal place. */
  static String one(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** A p-value as "p=0.0123", or "p<0.0001" below that. */
  static String p(double p) {
    if (Double.isNaN(p)) {
      return "p=n/a";
    }
    return p < 0.0001 ? "p<0.0001" : String.format(Locale.ROOT, "p=%.4f", p);
  }

  /**
   * A test result against its significance level, so the reader sees the rule applied: {@code
   * p=0.0392 ≥ α=0.01}, {@code p=0.0012 < α=0.01}.
   */
  static String test(double p, double alpha) {
    String level = "α=" + alpha(alpha);
    if (Double.isNaN(p)) {
      return "p=n/a, " + level;
    }
    return p(p) + (p < alpha ? " < " : " ≥ ") + level;
  }

  /** A significance level without trailing zeros: {@code 0.01}, {@code 0.05}. */
  static String alpha(double alpha) {
    return java.math.BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString();
  }

  /**
   * The caveat for a slope per hour measured over less than an hour, e.g. {@code ; the slope per
   * hour is extrapolated from 12 min}; empty from an hour on.
   */
  static String extrapolation(Duration observed) {
    return observed.compareTo(Duration.ofHours(1)) < 0
        ? "; the slope per hour is extrapolated from " + duration(observed)
        : "";
  }

  /** A time offset given in hours, as "12.5 min". */
  static String minutes(double hours) {
    return one(hours * 60) + " min";
  }

  /** A duration as "8 s", "20 min" or, from two hours on, "4.0 h" (as the audit shows them). */
  static String duration(Duration d) {
    if (d.toMillis() < 60_000) {
      return Math.round(d.toMillis() / 1000.0) + " s";
    }
    double minutes = d.toMillis() / 60_000.0;
    if (minutes >= 120) {
      return one(minutes / 60) + " h";
    }
    return (minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : one(minutes)) + " min";
  }
}
