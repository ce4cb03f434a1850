package dev.stagegate.junit.docker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.junit.GateConfigurationException;
import org.junit.jupiter.api.Test;

/** Bad Docker host URLs fail before anything is contacted or started. */
class RemoteDockerTest {
  @Test
  void anUnknownSchemeNamesTheKeyAndTheAcceptedForms() {
    assertThatThrownBy(
            () -> RemoteDocker.connect("http://host:2375", "stagegate.deploy.docker-host"))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("(stagegate.deploy.docker-host) must be a tcp://host:port,")
        .hasMessageContaining("ssh://user@host[:port]");
  }

  @Test
  void anSshUrlWithAPasswordIsRefusedBeforeSshRuns() {
    assertThatThrownBy(
            () -> RemoteDocker.connect("ssh://deploy:pw@host", "@PostDeployWatch(dockerHost)"))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining(
            "The Docker host 'ssh://deploy:pw@host' (@PostDeployWatch(dockerHost)) is not a"
                + " usable ssh:// URL: it carries a password");
  }
}
