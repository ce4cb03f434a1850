/** Matching JSON response bodies against an expected subset: {@link JsonSubset}. */
package dev.stagegate.assertions.json;
