/**
 * AssertJ entry points over the evidence ({@code GateAssertions}, {@code SeriesJudge} and the
 * assertion classes).
 *
 * <p>Declared API (see docs/api.md).
 */
@API(status = API.Status.STABLE, since = "0.1")
package dev.stagegate.assertions;

import org.apiguardian.api.API;
