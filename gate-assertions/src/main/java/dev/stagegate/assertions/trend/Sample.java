package dev.stagegate.assertions.trend;

/**
 * One observation of a metric.
 *
 * @param tSeconds seconds since an arbitrary origin (only differences matter)
 * @param value the measured value, in the unit of the series' {@link Metric}
 */
public record Sample(double tSeconds, double value) {}
