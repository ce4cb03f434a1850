/**
 * Recording what a long watch of a running stack sees, in bounded memory: {@link
 * dev.stagegate.assertions.watch.ServiceRecorder} keeps one service's stats as {@link
 * dev.stagegate.report.BoundedHistory} buckets, its last log lines and its first log findings, so a
 * 24-hour burn-in costs the same memory as a 10-minute one. No Docker here: the caller feeds it
 * from its stats, logs and events streams.
 *
 * <p>Internal to stagegate: no compatibility promise (see docs/api.md).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.stagegate.assertions.watch;

import org.apiguardian.api.API;
