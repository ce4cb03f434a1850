/**
 * The report's view of a load run: per-interval latency and error summaries ({@link
 * dev.stagegate.report.load.LoadInterval}) in bounded memory ({@link
 * dev.stagegate.report.load.LoadHistory}).
 */
package dev.stagegate.report.load;
