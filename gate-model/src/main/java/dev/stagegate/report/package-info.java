/**
 * The evidence model every gate writes and the audit renders: records a custom assertion or a
 * script reading {@code stability_audit.json} (through {@code json.AuditJson}) sees.
 *
 * <p>Declared API (see docs/api.md).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.stagegate.report;

import org.apiguardian.api.API;
