/**
 * Comparing a release with its baseline (the previous release) run side by side under the same
 * load: per service and metric, a one-sided Mann-Whitney U test and an effect size ({@link
 * dev.stagegate.assertions.baseline.RegressionJudge}).
 *
 * <p>Internal to stagegate: no compatibility promise (see docs/api.md).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.stagegate.assertions.baseline;

import org.apiguardian.api.API;
