/**
 * Comparing a release with its baseline (the previous release) run side by side under the same
 * load: per service and metric, a one-sided Mann-Whitney U test and an effect size ({@link
 * dev.stagegate.assertions.baseline.RegressionJudge}).
 */
package dev.stagegate.assertions.baseline;
