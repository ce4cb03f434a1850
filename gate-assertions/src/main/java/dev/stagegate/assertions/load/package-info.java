/**
 * Judging a run under load: error rate and p99 against the gate's limits, latency creep over the
 * run ({@link dev.stagegate.assertions.load.LoadJudge}).
 */
package dev.stagegate.assertions.load;
