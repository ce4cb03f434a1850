package dev.stagegate.junit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.report.StackEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows the engine's container events for one run: the restart/exit timeline, the last exit code
 * of each service (inspect reads 0 again once a restarted container runs), and a callback for
 * fail-fast watches. An automatic restart shows only as {@code die} then {@code start}.
 */
public final class EventWatch implements AutoCloseable {
  /** Events kept for the report; beyond this they are counted only. */
  static final int EVENTS_KEPT = 1000;

  private static final Set<String> RECORDED = Set.of("start", "die", "oom", "kill");

  private final DockerClient client;
  private final String labelKey;
  private final String labelValue;
  private volatile Consumer<StackEvent> listener;
  private final List<StackEvent> events = new ArrayList<>();
  private final Map<String, Integer> lastExit = new HashMap<>();
  private final Map<String, String> lastAction = new HashMap<>();
  private long dropped;
  private volatile Throwable failure;
  private ResultCallback.Adapter<Event> callback;

  /** Follows the containers of the gate run {@code runId} ({@value RunLabels#RUN}). */
  public EventWatch(DockerClient client, String runId, Consumer<StackEvent> listener) {
    this(client, RunLabels.RUN, runId, listener);
  }

  private EventWatch(
      DockerClient client, String labelKey, String labelValue, Consumer<StackEvent> listener) {
    this.client = client;
    this.labelKey = labelKey;
    this.labelValue = labelValue;
    this.listener = listener;
  }

  /**
   * Follows the containers carrying {@code key=value}, e.g. {@code
   * com.docker.compose.project=agents} for a stack deployed with compose.
   */
  public static EventWatch byLabel(
      DockerClient client, String key, String value, Consumer<StackEvent> listener) {
    return new EventWatch(client, key, value, listener);
  }

  /** Starts following; events from this moment on are seen. */
  public EventWatch start() {
    callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Event e) {
            accept(e);
          }

          @Override
          public void onError(Throwable t) {
            failure = t;
          }
        };
    client
        .eventsCmd()
        .withLabelFilter(Map.of(labelKey, labelValue))
        .withEventTypeFilter(EventType.CONTAINER)
        .withSince(Long.toString(Instant.now().getEpochSecond()))
        .exec(callback);
    return this;
  }

  private void accept(Event e) {
    String action = e.getAction() == null ? e.getStatus() : e.getAction();
    if (action == null
        || !(RECORDED.contains(action) || action.startsWith("health_status: unhealthy"))) {
      return;
    }
    Map<String, String> attributes =
        e.getActor() == null || e.getActor().getAttributes() == null
            ? Map.of()
            : e.getActor().getAttributes();
    String service = attributes.getOrDefault("com.docker.compose.service", "?");
    Integer exitCode = null;
    if ("die".equals(action) && attributes.containsKey("exitCode")) {
      try {
        exitCode = Integer.parseInt(attributes.get("exitCode"));
      } catch (NumberFormatException ignored) {
        // keep null: the engine sent something we cannot read
      }
    }
    Instant at =
        e.getTimeNano() != null
            ? Instant.ofEpochSecond(0, e.getTimeNano())
            : Instant.ofEpochSecond(e.getTime() == null ? 0 : e.getTime());
    StackEvent event = new StackEvent(at, service, action, exitCode);
    synchronized (this) {
      lastAction.put(service, action);
      notifyAll();
      if (exitCode != null) {
        lastExit.put(service, exitCode);
      }
      if (events.size() < EVENTS_KEPT) {
        events.add(event);
      } else {
        dropped++;
      }
    }
    listener.accept(event);
  }

  /** Replaces the listener, e.g. when a burn-in starts to watch for failures. */
  public void onEvent(Consumer<StackEvent> listener) {
    this.listener = listener;
  }

  /**
   * Waits until every service whose last event was a {@code kill} or {@code oom} has its {@code
   * die} (the engine sends it some milliseconds later), so the timeline a watch that stopped on the
   * first event reports is whole and carries the exit code.
   */
  public synchronized void awaitPendingDies(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (lastAction.values().stream().anyMatch(a -> a.equals("kill") || a.equals("oom"))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** The events seen so far (at most {@value #EVENTS_KEPT}). */
  public synchronized List<StackEvent> events() {
    return List.copyOf(events);
  }

  /** Events seen beyond those kept. */
  public synchronized long dropped() {
    return dropped;
  }

  /** The exit code of the service's last {@code die}, if it died during the watch. */
  public synchronized Optional<Integer> lastExitCode(String service) {
    return Optional.ofNullable(lastExit.get(service));
  }

  /** Why the event stream broke, if it did (e.g. the engine went away). */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void close() {
    if (callback != null) {
      try {
        callback.close();
      } catch (IOException ignored) {
        // closing a stream that the engine may already have ended
      }
    }
  }
}
