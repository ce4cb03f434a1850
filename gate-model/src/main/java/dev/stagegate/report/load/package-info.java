/**
 * The report's view of a load run: per-interval latency and error summaries ({@link
 * dev.stagegate.report.load.LoadInterval}) in bounded memory ({@link
 * dev.stagegate.report.load.LoadHistory}).
 *
 * <p>Internal to stagegate: no compatibility promise (see docs/api.md).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.stagegate.report.load;

import org.apiguardian.api.API;
