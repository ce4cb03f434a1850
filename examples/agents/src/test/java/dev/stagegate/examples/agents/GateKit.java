package dev.stagegate.examples.agents;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.stagegate.report.GateResult;
import dev.stagegate.report.json.AuditJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs gate classes through JUnit's own {@link EngineTestKit}, as JUnit tests itself. */
final class GateKit {
  private GateKit() {}

  /** Runs every test of {@code gateClass} with its audit written to {@code reportDir}. */
  static Events run(Class<?> gateClass, Path reportDir, Map<String, String> parameters) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(gateClass))
        .configurationParameter("stagegate.report.dir", reportDir.toString())
        .configurationParameters(parameters)
        .execute()
        .testEvents();
  }

  /** The single failure; fails when there is not exactly one failed test and nothing else. */
  static Throwable onlyFailure(Events events) {
    events.assertStatistics(s -> s.started(1).failed(1).succeeded(0));
    return events.failed().stream().map(GateKit::throwable).findFirst().orElseThrow();
  }

  /** The messages of the failed tests, in order. */
  static List<String> failureMessages(Events events) {
    return events.failed().stream().map(GateKit::throwable).map(Throwable::getMessage).toList();
  }

  /**
   * The one gate of the audit the run of {@code events} wrote to {@code reportDir}; when it wrote
   * none, fails with what the gate threw (else a missing audit hides why).
   */
  static GateResult onlyGate(Path reportDir, Events events) {
    Path json = reportDir.resolve("stability_audit.json");
    if (!Files.exists(json)) {
      AssertionError e =
          new AssertionError(
              "Expecting the gate to write "
                  + json
                  + " but it wrote none; the gate's failures: "
                  + failureMessages(events));
      events.failed().stream().map(GateKit::throwable).forEach(e::addSuppressed);
      throw e;
    }
    return onlyGate(reportDir);
  }

  /** The one gate of the audit in {@code reportDir}. */
  static GateResult onlyGate(Path reportDir) {
    try {
      List<GateResult> gates =
          AuditJson.readReport(reportDir.resolve("stability_audit.json")).gates();
      if (gates.size() != 1) {
        throw new AssertionError("Expecting one gate in the audit but found " + gates.size());
      }
      return gates.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Throwable throwable(Event e) {
    return e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }
}
