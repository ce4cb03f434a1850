/**
 * The one command line, {@code stagegate}.
 *
 * <p>Declared API (see docs/api.md).
 */
@API(status = API.Status.STABLE, since = "0.1")
package dev.stagegate.cli;

import org.apiguardian.api.API;
