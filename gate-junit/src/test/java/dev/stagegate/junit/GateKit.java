package dev.stagegate.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs sample gate classes through JUnit's own {@link EngineTestKit}, as JUnit tests itself. */
public final class GateKit {
  private GateKit() {}

  /**
   * Runs every test of {@code gateClass} with its audit written to {@code reportDir}. Passing gates
   * keep no image unless {@code parameters} say {@code stagegate.images.keep=true}: these gates are
   * never deployed, and a kept image would outlive the test.
   */
  public static Events run(Class<?> gateClass, Path reportDir, Map<String, String> parameters) {
    Map<String, String> all = new java.util.HashMap<>(Map.of("stagegate.images.keep", "false"));
    all.putAll(parameters);
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(gateClass))
        .configurationParameter("stagegate.report.dir", reportDir.toString())
        .configurationParameters(all)
        .execute()
        .testEvents();
  }

  public static Events run(Class<?> gateClass, Path reportDir) {
    return run(gateClass, reportDir, Map.of());
  }

  /** The throwables of the failed tests, in order. */
  public static List<Throwable> failures(Events events) {
    return events.failed().stream().map(GateKit::throwable).toList();
  }

  /** The single failure; fails when there is not exactly one failed test and nothing else. */
  static Throwable onlyFailure(Events events) {
    events.assertStatistics(s -> s.started(1).failed(1).succeeded(0));
    return failures(events).get(0);
  }

  private static Throwable throwable(Event e) {
    return e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }
}
