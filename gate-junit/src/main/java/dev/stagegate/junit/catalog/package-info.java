/**
 * The catalog of configuration keys: what {@code docs/configuration.md} is generated from. Depends
 * on the packages whose constants name the keys; nothing in the library depends on it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.stagegate.junit.catalog;

import org.apiguardian.api.API;
