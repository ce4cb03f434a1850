/** Matching JSON response bodies against an expected subset: {@link JsonSubset}. */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.stagegate.assertions.json;

import org.apiguardian.api.API;
