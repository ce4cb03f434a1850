/**
 * Recording what a long watch of a running stack sees, in bounded memory: {@link
 * dev.stagegate.assertions.watch.ServiceRecorder} keeps one service's stats as {@link
 * dev.stagegate.report.BoundedHistory} buckets, its last log lines and its first log findings, so a
 * 24-hour burn-in costs the same memory as a 10-minute one. No Docker here: the caller feeds it
 * from its stats, logs and events streams.
 */
package dev.stagegate.assertions.watch;
