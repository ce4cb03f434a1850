/**
 * The log audit: which lines of a service's log are problems, as {@link
 * dev.stagegate.report.LogFinding}s.
 *
 * <p>Start with {@link dev.stagegate.assertions.logs.LogAudit#defaults()}; see {@link
 * dev.stagegate.assertions.logs.LogAudit} for the rules and {@link
 * dev.stagegate.assertions.logs.LogScanner} for streaming and traceback blocks.
 */
package dev.stagegate.assertions.logs;
