/**
 * The catalog of configuration keys: what {@code docs/configuration.md} is generated from. Depends
 * on the packages whose constants name the keys; nothing in the library depends on it.
 */
package dev.stagegate.junit.catalog;
