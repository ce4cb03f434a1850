package dev.stagegate.junit.compose;

import java.util.Set;

/**
 * What the gate needs to know of one service in a compose file before starting it.
 *
 * @param name the service name
 * @param builds whether it has a {@code build:} section (the gate rebuilds it without cache)
 * @param hasHealthcheck whether it declares a healthcheck that is not disabled
 * @param oneShot whether it is a one-shot job (see {@link ComposeFile#oneShotRule()})
 * @param publishedPorts container ports it publishes under {@code ports:}
 */
public record ComposeService(
    String name,
    boolean builds,
    boolean hasHealthcheck,
    boolean oneShot,
    Set<Integer> publishedPorts) {
  public ComposeService {
    publishedPorts = Set.copyOf(publishedPorts);
  }
}
