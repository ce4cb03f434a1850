/**
 * Judging a run under load: error rate and p99 against the gate's limits, latency creep over the
 * run ({@link dev.stagegate.assertions.load.LoadJudge}).
 *
 * <p>Internal to stagegate: no compatibility promise (see docs/api.md).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.stagegate.assertions.load;

import org.apiguardian.api.API;
