package dev.stagegate.junit.gate;

import java.util.Objects;
import java.util.Optional;

/**
 * One service's image in a rollback command: the tag it is started from and, when a recorded
 * deployment says which image that was, the ID the tag must still name.
 *
 * @param service the compose service
 * @param tag the image to run, {@code <repository>/<service>:<commit>} or the recorded tag
 * @param expectedId the image ID the tag must resolve to; empty: not checked (no record)
 * @param note why it is not checked, shown as a comment; empty when there is nothing to say
 */
record RollbackImage(String service, String tag, Optional<String> expectedId, String note) {
  RollbackImage {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(expectedId, "expectedId");
    Objects.requireNonNull(note, "note");
  }

  /** The same service with another tag and ID: the drill's own names for the same command. */
  RollbackImage renamed(String otherTag, Optional<String> otherId) {
    return new RollbackImage(service, otherTag, otherId, note);
  }
}
