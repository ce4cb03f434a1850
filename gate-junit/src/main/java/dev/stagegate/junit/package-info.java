/**
 * The gates: annotations, {@code GateStack} and the extension that runs them.
 *
 * <p>Declared API (see docs/api.md).
 */
@API(status = API.Status.STABLE, since = "0.1")
package dev.stagegate.junit;

import org.apiguardian.api.API;
