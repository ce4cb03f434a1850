package dev.stagegate.report.json;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Jackson annotations for {@link dev.stagegate.report.change.UncommittedChanges}: {@code isEmpty()}
 * is a convenience, derived from the lists, not a property of the JSON form.
 */
abstract class UncommittedChangesMixin {
  @JsonIgnore
  abstract boolean isEmpty();
}
