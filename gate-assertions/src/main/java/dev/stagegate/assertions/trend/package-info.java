/**
 * The trend judges (memory leak, CPU trend, latency creep), their verdicts and message factories,
 * and {@code SeriesAssert}.
 *
 * <p>Declared API (see docs/api.md).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.stagegate.assertions.trend;

import org.apiguardian.api.API;
