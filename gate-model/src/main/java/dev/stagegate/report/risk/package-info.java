/**
 * Internal to stagegate: public only for its other packages and modules; no compatibility promise
 * (see docs/api.md).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.stagegate.report.risk;

import org.apiguardian.api.API;
