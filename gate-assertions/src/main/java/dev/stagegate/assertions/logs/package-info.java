/**
 * The log audit: which lines of a service's log are problems, as {@link
 * dev.stagegate.report.LogFinding}s, one per failure.
 *
 * <p>Start with {@link dev.stagegate.assertions.logs.LogAudit#defaults()}; see {@link
 * dev.stagegate.assertions.logs.LogAudit} for the rules and the log formats whose level it reads,
 * {@link dev.stagegate.assertions.logs.LogScanner} for streaming and crash blocks (one crash = one
 * finding), and {@link dev.stagegate.assertions.logs.LogFailure} for a block's first line, message
 * and line range.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.stagegate.assertions.logs;

import org.apiguardian.api.API;
