package dev.stagegate.assertions.deploy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Runs {@link DeployHook}s in parallel, each on its own thread with its own timeout, and reports
 * every one of them. Immutable; every {@code with...} returns a new runner.
 *
 * <pre>{@code
 * HookReport report =
 *     HookRunner.of(health, dbPort, pgIsReady, systemState)
 *         .withTimeout(Duration.ofSeconds(5))            // every hook
 *         .withTimeout("db-port", Duration.ofSeconds(2)) // this one
 *         .withOverallTimeout(Duration.ofSeconds(10))    // the whole run
 *         .withCommandRunner(dockerExec)
 *         .run();
 * }</pre>
 *
 * <p><b>Time.</b> All hooks start together; a hook's deadline is the start plus its timeout, or the
 * overall deadline if that comes first. A hook still running at its deadline is {@link
 * HookStatus#TIMEOUT}: the runner records where its thread was, interrupts it and moves on without
 * waiting for it, so one hung hook neither hides the others' results nor stretches the run. A hook
 * that ignores the interrupt keeps its thread (a daemon, so it cannot keep the JVM alive) until it
 * returns; its late result is ignored. {@code run()} therefore takes about as long as the slowest
 * hook, not the sum.
 *
 * <p><b>Threads.</b> One platform thread per hook and run, named {@code stagegate-hook-<name>} so
 * thread dumps show which hook is stuck. A pool would not help: hooks are few, and a hung hook
 * would keep its pool thread busy after the run.
 *
 * <p>Defaults: {@value #DEFAULT_TIMEOUT_SECONDS} s per hook, {@value
 * #DEFAULT_OVERALL_TIMEOUT_SECONDS} s overall, no base URI, no command runner.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HookRunner {
  /** The timeout of a hook without one of its own, in seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 10;

  /** The overall deadline of a run, in seconds after its start. */
  public static final int DEFAULT_OVERALL_TIMEOUT_SECONDS = 30;

  private final Map<String, DeployHook> hooks;
  private final Duration defaultTimeout;
  private final Map<String, Duration> timeouts;
  private final Duration overallTimeout;
  private final URI baseUri;
  private final CommandRunner commandRunner;

  private HookRunner(
      Map<String, DeployHook> hooks,
      Duration defaultTimeout,
      Map<String, Duration> timeouts,
      Duration overallTimeout,
      URI baseUri,
      CommandRunner commandRunner) {
    this.hooks = hooks;
    this.defaultTimeout = defaultTimeout;
    this.timeouts = timeouts;
    this.overallTimeout = overallTimeout;
    this.baseUri = baseUri;
    this.commandRunner = commandRunner;
  }

  /** A runner for {@code hooks}, whose names must be distinct. */
  public static HookRunner of(DeployHook... hooks) {
    return of(Arrays.asList(hooks));
  }

  /** A runner for {@code hooks}, whose names must be distinct. */
  public static HookRunner of(List<? extends DeployHook> hooks) {
    Objects.requireNonNull(hooks, "hooks");
    // Names are read once: they key the timeouts and the results, so they must not change.
    Map<String, DeployHook> byName = new LinkedHashMap<>();
    for (DeployHook hook : hooks) {
      Objects.requireNonNull(hook, "hook");
      String name = hook.name();
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(
            "a hook has no name (" + hook + "); give it one, e.g. with .named(\"health\")");
      }
      if (byName.putIfAbsent(name, hook) != null) {
        throw new IllegalArgumentException(
            "two hooks are named \""
                + name
                + "\"; names identify results and timeouts, so give each its own with"
                + " .named(...)");
      }
    }
    return new HookRunner(
        byName,
        Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS),
        Map.of(),
        Duration.ofSeconds(DEFAULT_OVERALL_TIMEOUT_SECONDS),
        null,
        null);
  }

  /** The timeout of every hook without one of its own. */
  public HookRunner withTimeout(Duration timeout) {
    return new HookRunner(
        hooks, positive(timeout, "timeout"), timeouts, overallTimeout, baseUri, commandRunner);
  }

  /** The timeout of the hook named {@code hookName}. */
  public HookRunner withTimeout(String hookName, Duration timeout) {
    Objects.requireNonNull(hookName, "hookName");
    if (!hooks.containsKey(hookName)) {
      throw new IllegalArgumentException(
          "no hook is named \"" + hookName + "\"; the hooks are " + hooks.keySet());
    }
    Map<String, Duration> more = new HashMap<>(timeouts);
    more.put(hookName, positive(timeout, "timeout of hook \"" + hookName + "\""));
    return new HookRunner(
        hooks, defaultTimeout, Map.copyOf(more), overallTimeout, baseUri, commandRunner);
  }

  /** The deadline of the whole run, after its start; it cuts every hook's timeout short. */
  public HookRunner withOverallTimeout(Duration timeout) {
    return new HookRunner(
        hooks,
        defaultTimeout,
        timeouts,
        positive(timeout, "overall timeout"),
        baseUri,
        commandRunner);
  }

  /** The base URI that relative hook URIs resolve against (see {@link HookContext#resolve}). */
  public HookRunner withBaseUri(URI baseUri) {
    // Validated here, where the mistake is made, rather than in every hook's context.
    HookContext.until(Instant.EPOCH).withBaseUri(baseUri);
    return new HookRunner(hooks, defaultTimeout, timeouts, overallTimeout, baseUri, commandRunner);
  }

  /** The runner {@link ExecHook}s use for commands inside services. */
  public HookRunner withCommandRunner(CommandRunner commandRunner) {
    return new HookRunner(
        hooks,
        defaultTimeout,
        timeouts,
        overallTimeout,
        baseUri,
        Objects.requireNonNull(commandRunner, "commandRunner"));
  }

  /**
   * Runs every hook once, in parallel, and returns when each has a result: it returned, or its
   * deadline passed. If the calling thread is interrupted meanwhile, the hooks are interrupted too
   * and those without a result yet are reported as failed; the interrupt flag stays set.
   */
  public HookReport run() {
    long start = System.nanoTime();
    Instant startedAt = Instant.now();
    long overallEnd = start + overallTimeout.toNanos();
    HookContext base = HookContext.until(startedAt);
    if (baseUri != null) {
      base = base.withBaseUri(baseUri);
    }
    if (commandRunner != null) {
      base = base.withCommandRunner(commandRunner);
    }

    List<RunningHook> running = new ArrayList<>();
    for (DeployHook hook : hooks.values()) {
      String name = hook.name();
      long ownEnd = start + timeouts.getOrDefault(name, defaultTimeout).toNanos();
      long end = Math.min(ownEnd, overallEnd);
      HookContext ctx = base.withDeadline(startedAt.plusNanos(end - start));
      CompletableFuture<FinishedHook> done = new CompletableFuture<>();
      Thread thread =
          new Thread(() -> done.complete(FinishedHook.call(hook, ctx)), "stagegate-hook-" + name);
      // A hook that ignores interrupts must not keep the JVM (or the test run) alive.
      thread.setDaemon(true);
      running.add(new RunningHook(name, end, ownEnd > overallEnd, thread, done));
    }
    running.forEach(r -> r.thread().start());

    // Judged in deadline order, so each hung hook is interrupted at its own deadline rather than
    // after waiting for a later one.
    Map<String, HookResult> results = new HashMap<>();
    boolean interrupted = false;
    List<RunningHook> byDeadline = new ArrayList<>(running);
    byDeadline.sort(Comparator.comparingLong(RunningHook::end));
    for (RunningHook r : byDeadline) {
      FinishedHook finished = null;
      if (!interrupted) {
        try {
          finished = r.done().get(Math.max(0, r.end() - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          finished = null;
        } catch (InterruptedException e) {
          interrupted = true;
          byDeadline.forEach(other -> other.thread().interrupt());
        } catch (ExecutionException e) {
          throw new IllegalStateException("unreachable: hook futures complete normally", e);
        }
      }
      if (interrupted && finished == null) {
        finished = r.done().getNow(null);
        if (finished == null || finished.at() > r.end()) {
          results.put(
              r.name(),
              new HookResult(
                  r.name(),
                  HookStatus.FAIL,
                  Duration.ofNanos(System.nanoTime() - start),
                  "not judged: the thread running the hooks was interrupted",
                  ""));
          continue;
        }
      }
      // A result that arrived after the deadline (the waiter woke late) is still a timeout.
      if (finished == null || finished.at() > r.end()) {
        results.put(r.name(), HookResults.timeout(r, start));
      } else {
        results.put(r.name(), HookResults.judged(r.name(), finished, start));
      }
    }
    Duration total = Duration.ofNanos(System.nanoTime() - start);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return new HookReport(running.stream().map(r -> results.get(r.name())).toList(), total);
  }

  private static Duration positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive but was " + d);
    }
    return d;
  }
}
