package dev.stagegate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.junit.fixtures.BadJsonGate;
import dev.stagegate.junit.fixtures.BadPathGate;
import dev.stagegate.junit.fixtures.BadPortGate;
import dev.stagegate.junit.fixtures.BadTimeoutGate;
import dev.stagegate.junit.fixtures.BothAnnotationsGate;
import dev.stagegate.junit.fixtures.BurnInBadDurationGate;
import dev.stagegate.junit.fixtures.GoodGate;
import dev.stagegate.junit.fixtures.InvalidYamlGate;
import dev.stagegate.junit.fixtures.MissingComposeGate;
import dev.stagegate.junit.fixtures.UnknownServiceGate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input fails before Docker is touched, with a message that says what is wrong and how to fix
 * it. These run without an engine.
 */
class GateBadInputTest {
  @TempDir Path reports;

  @Test
  void missingComposeFileNamesThePathAndTheAttribute() {
    Throwable t = GateKit.onlyFailure(GateKit.run(MissingComposeGate.class, reports));
    assertThat(t)
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("Compose file not found")
        .hasMessageContaining("does-not-exist/docker-compose.yml")
        .hasMessageContaining("Fix the compose attribute");
  }

  @Test
  void invalidYamlSaysWhereItBreaks() {
    Throwable t = GateKit.onlyFailure(GateKit.run(InvalidYamlGate.class, reports));
    assertThat(t)
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("is not valid YAML at line")
        .hasMessageContaining("invalid-yaml/docker-compose.yml");
  }

  @Test
  void smokeCheckOfAnUnknownServiceListsTheServicesThereAre() {
    Throwable t = GateKit.onlyFailure(GateKit.run(UnknownServiceGate.class, reports));
    assertThat(t)
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("service \"apii\" is not in")
        .hasMessageContaining("Services there: api, worker")
        .hasMessageContaining("Fix the service attribute");
  }

  @Test
  void invalidPortIsRejected() {
    assertThat(GateKit.onlyFailure(GateKit.run(BadPortGate.class, reports)))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("port must be a container port from 1 to 65535 but was 0");
  }

  @Test
  void pathWithoutLeadingSlashIsRejected() {
    assertThat(GateKit.onlyFailure(GateKit.run(BadPathGate.class, reports)))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("path must start with '/'");
  }

  @Test
  void malformedJsonSubsetIsRejectedWithItsLocation() {
    assertThat(GateKit.onlyFailure(GateKit.run(BadJsonGate.class, reports)))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("@SmokeCheck(service = \"api\", path = \"/health\")")
        .hasMessageContaining("json");
  }

  @Test
  void invalidDurationNamesTheAttributeAndAnExample() {
    assertThat(GateKit.onlyFailure(GateKit.run(BadTimeoutGate.class, reports)))
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("@HealthySmoke(startupTimeout)")
        .hasMessageContaining("PT2M")
        .hasMessageContaining("'two minutes'");
  }

  @Test
  void invalidConfigurationParameterIsNamed() {
    Throwable t =
        GateKit.onlyFailure(
            GateKit.run(GoodGate.class, reports, Map.of("stagegate.startup.timeout", "5 min")));
    assertThat(t).hasMessageContaining("Configuration parameter stagegate.startup.timeout");
  }

  @Test
  void invalidAllowlistRegexIsNamed() {
    Throwable t =
        GateKit.onlyFailure(
            GateKit.run(GoodGate.class, reports, Map.of("stagegate.logs.allow.worker", "[oops")));
    assertThat(t)
        .hasMessageContaining("stagegate.logs.allow.worker is not a valid regular expression")
        .hasMessageContaining("[oops");
  }

  @Test
  void burnInNeedsExactlyOneValidDuration() {
    var events = GateKit.run(BurnInBadDurationGate.class, reports);
    events.assertStatistics(st -> st.started(3).failed(3));
    assertThat(GateKit.failures(events))
        .extracting(Throwable::getMessage)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("exactly one of hours, minutes or duration")
                    .contains("2 were given"))
        .anySatisfy(m -> assertThat(m).contains("none was given"))
        .anySatisfy(m -> assertThat(m).contains("@BurnIn(duration)").contains("'4 hours'"));
  }

  @Test
  void healthySmokeAndBurnInTogetherIsRejected() {
    assertThat(GateKit.onlyFailure(GateKit.run(BothAnnotationsGate.class, reports)))
        .hasMessageContaining("has both @HealthySmoke and @BurnIn");
  }

  @Test
  void invalidBurnInOverrideIsNamed() {
    assertThat(
            GateKit.onlyFailure(
                GateKit.run(
                    dev.stagegate.junit.fixtures.BurnInGoodStackGate.class,
                    reports,
                    Map.of("stagegate.burnin.duration", "2m"))))
        .hasMessageContaining("Configuration parameter stagegate.burnin.duration");
  }

  @Test
  void unreachableDeployHostNamesTheHostAndTheKey() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    String host = "tcp://127.0.0.1:" + port;
    Throwable t =
        GateKit.onlyFailure(
            GateKit.run(
                dev.stagegate.junit.fixtures.PostDeployGoodGate.class,
                reports,
                java.util.Map.of(
                    "stagegate.deploy.docker-host",
                    host,
                    "stagegate.deploy.base-url",
                    "http://127.0.0.1:" + port,
                    "stagegate.deploy.expected-commit",
                    "0123456")));
    assertThat(t)
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining("The Docker engine at " + host)
        .hasMessageContaining("(stagegate.deploy.docker-host) is not reachable");
  }

  @Test
  void postDeployWatchWithoutABaseUrlForItsHttpChecksSaysWhichKey() {
    Throwable t =
        GateKit.onlyFailure(
            GateKit.run(
                dev.stagegate.junit.fixtures.PostDeployGoodGate.class,
                reports,
                java.util.Map.of(
                    "stagegate.deploy.docker-host", "tcp://127.0.0.1:1",
                    "stagegate.deploy.expected-commit", "0123456")));
    assertThat(t)
        .isInstanceOf(GateConfigurationException.class)
        .hasMessageContaining(
            "no base URL: set the configuration parameter stagegate.deploy.base-url");
  }
}
