package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.report.HealthProbe;
import dev.stagegate.report.StatsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Reads the state, ports, logs and stats of one run's containers through docker-java: those
 * carrying the run label, or (for a deployed target) any label given to {@link #byLabel}.
 */
public final class StackInspector {
  private final DockerClient client;
  private final String labelKey;
  private final String labelValue;

  /** The containers of the gate run {@code runId} ({@value RunLabels#RUN}). */
  public StackInspector(DockerClient client, String runId) {
    this(client, RunLabels.RUN, runId);
  }

  private StackInspector(DockerClient client, String labelKey, String labelValue) {
    this.client = client;
    this.labelKey = labelKey;
    this.labelValue = labelValue;
  }

  /**
   * The containers carrying {@code key=value}, e.g. {@code com.docker.compose.project=agents} for a
   * stack deployed with compose.
   */
  public static StackInspector byLabel(DockerClient client, String key, String value) {
    return new StackInspector(client, key, value);
  }

  /** The containers (running or not), sorted by service name. */
  public List<ServiceContainer> containers() {
    List<Container> found =
        client
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(labelKey, labelValue))
            .exec();
    List<ServiceContainer> result = new ArrayList<>();
    for (Container c : found) {
      String service = c.getLabels().getOrDefault("com.docker.compose.service", "?");
      String name = c.getNames().length > 0 ? c.getNames()[0].replaceFirst("^/", "") : c.getId();
      result.add(new ServiceContainer(service, c.getId(), name));
    }
    result.sort(Comparator.comparing(ServiceContainer::service));
    return result;
  }

  /** The container of a service, if the stack has one. */
  public Optional<ServiceContainer> container(String service) {
    return containers().stream().filter(c -> c.service().equals(service)).findFirst();
  }

  /** What inspect says of the container now. */
  public ContainerState state(String containerId) {
    InspectContainerResponse r = client.inspectContainerCmd(containerId).exec();
    InspectContainerResponse.ContainerState s = r.getState();
    HealthState h = s.getHealth();
    List<HealthProbe> log = new ArrayList<>();
    if (h != null && h.getLog() != null) {
      for (HealthStateLog l : h.getLog()) {
        log.add(
            new HealthProbe(
                parseInstant(l.getStart()),
                l.getExitCodeLong() == null ? -1 : l.getExitCodeLong().intValue(),
                l.getOutput() == null ? "" : l.getOutput()));
      }
    }
    boolean everFinished = s.getFinishedAt() != null && !s.getFinishedAt().startsWith("0001-01-01");
    return new ContainerState(
        s.getStatus(),
        h == null || h.getStatus() == null ? "none" : h.getStatus(),
        r.getRestartCount() == null ? 0 : r.getRestartCount(),
        everFinished && s.getExitCodeLong() != null ? s.getExitCodeLong().intValue() : null,
        Boolean.TRUE.equals(s.getOOMKilled()),
        log);
  }

  /** The host port a container port is published on, if it is published. */
  public Optional<Integer> hostPort(String containerId, int containerPort) {
    InspectContainerResponse r = client.inspectContainerCmd(containerId).exec();
    Ports ports = r.getNetworkSettings() == null ? null : r.getNetworkSettings().getPorts();
    if (ports == null) {
      return Optional.empty();
    }
    Ports.Binding[] bindings = ports.getBindings().get(ExposedPort.tcp(containerPort));
    if (bindings == null || bindings.length == 0) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(bindings[0].getHostPortSpec()));
  }

  /**
   * Streams a container's whole log (stdout and stderr) line by line to {@code lines}, in the order
   * the engine keeps it; returns when the log is read or the timeout passes.
   */
  public void readLog(String containerId, Duration timeout, Consumer<String> lines) {
    LineSplitter stdout = new LineSplitter(lines);
    LineSplitter stderr = new LineSplitter(lines);
    ResultCallback.Adapter<Frame> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            switch (frame.getStreamType()) {
              case STDERR -> stderr.accept(frame.getPayload());
              default -> stdout.accept(frame.getPayload());
            }
          }
        };
    try (ResultCallback.Adapter<Frame> cb =
        client
            .logContainerCmd(containerId)
            .withStdOut(true)
            .withStdErr(true)
            .withTailAll()
            .exec(callback)) {
      if (!cb.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        lines.accept("[stagegate: log read stopped after " + timeout.toSeconds() + " s]");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.io.IOException e) {
      // closing a finished stream; nothing was lost
    }
    stdout.flush();
    stderr.flush();
  }

  /** One {@code docker stats} reading, or empty when the container does not run. */
  public Optional<StatsSnapshot> stats(String containerId, Duration timeout) {
    CompletableFuture<Statistics> first = new CompletableFuture<>();
    ResultCallback.Adapter<Statistics> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Statistics s) {
            first.complete(s);
          }

          @Override
          public void onError(Throwable t) {
            first.completeExceptionally(t);
          }

          @Override
          public void onComplete() {
            first.completeExceptionally(new IllegalStateException("no stats"));
          }
        };
    client.statsCmd(containerId).withNoStream(true).exec(callback);
    try {
      return Optional.of(
          StatsReading.toSnapshot(first.get(timeout.toMillis(), TimeUnit.MILLISECONDS)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return Optional.empty();
    } finally {
      try {
        callback.close();
      } catch (java.io.IOException ignored) {
        // the one-shot stream has ended already
      }
    }
  }

  private static Instant parseInstant(String s) {
    try {
      return s == null ? Instant.EPOCH : Instant.parse(s);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** Unused network entries are summed; kept here because only the snapshot needs them. */
  static long sum(Map<String, StatisticNetworksConfig> networks, boolean rx) {
    if (networks == null) {
      return 0;
    }
    long total = 0;
    for (StatisticNetworksConfig n : networks.values()) {
      Long v = rx ? n.getRxBytes() : n.getTxBytes();
      total += v == null ? 0 : v;
    }
    return total;
  }
}
