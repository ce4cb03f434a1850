package dev.stagegate.junit.compose;

import java.util.Optional;
import java.util.Set;

/**
 * What the gate needs to know of one service in a compose project before starting it.
 *
 * @param name the service name
 * @param builds whether it has a {@code build:} section (the gate rebuilds it without cache)
 * @param hasHealthcheck whether it declares a healthcheck that is not disabled
 * @param oneShot whether it is a one-shot job (see {@link ComposeFile#oneShotRule()})
 * @param publishedPorts container ports it publishes under {@code ports:}
 * @param image the {@code image:} it names, if any (for a service without {@code build:}, an image
 *     that must be present or pullable; the gate never removes it)
 */
public record ComposeService(
    String name,
    boolean builds,
    boolean hasHealthcheck,
    boolean oneShot,
    Set<Integer> publishedPorts,
    Optional<String> image) {
  public ComposeService {
    publishedPorts = Set.copyOf(publishedPorts);
  }

  public ComposeService(
      String name,
      boolean builds,
      boolean hasHealthcheck,
      boolean oneShot,
      Set<Integer> publishedPorts,
      String image) {
    this(name, builds, hasHealthcheck, oneShot, publishedPorts, Optional.ofNullable(image));
  }

  /** A service known only by what runs (a deployed target), without an image of its own. */
  public ComposeService(
      String name,
      boolean builds,
      boolean hasHealthcheck,
      boolean oneShot,
      Set<Integer> publishedPorts) {
    this(name, builds, hasHealthcheck, oneShot, publishedPorts, Optional.empty());
  }
}
