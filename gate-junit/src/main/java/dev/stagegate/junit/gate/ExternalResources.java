package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.stagegate.junit.compose.ComposeFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The external networks and volumes a stack uses must exist before {@code up}: compose will not
 * create them, and the gate must not either (they belong to something else on the host, a reverse
 * proxy's network, a data volume). Checked before starting, so a missing one is named with its fix
 * instead of surfacing as a service that never got a container.
 */
final class ExternalResources {
  private ExternalResources() {}

  /** One sentence per missing external network or volume; empty when all exist. */
  static List<String> missing(ComposeFile compose, DockerClient client) {
    List<String> missing = new ArrayList<>();
    for (String network : compose.externalNetworks()) {
      try {
        client.inspectNetworkCmd().withNetworkId(network).exec();
      } catch (NotFoundException e) {
        missing.add(
            "External network \""
                + network
                + "\" does not exist on the engine; compose does not create external networks."
                + " Create it first (docker network create "
                + network
                + ") or drop external: true");
      }
    }
    for (String volume : compose.externalVolumes()) {
      try {
        client.inspectVolumeCmd(volume).exec();
      } catch (NotFoundException e) {
        missing.add(
            "External volume \""
                + volume
                + "\" does not exist on the engine; compose does not create external volumes."
                + " Create it first (docker volume create "
                + volume
                + ") or drop external: true");
      }
    }
    return missing;
  }
}
