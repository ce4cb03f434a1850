package dev.stagegate.junit.gate;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A gate that did not pass: every failure of the run, one sentence each, and where the audit is. An
 * {@link AssertionError}, so the test counts as failed, not errored.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class GateFailedError extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient List<String> failures;

  /**
   * @param gate the gate's id
   * @param verdict the verdict as shown, e.g. {@code FAIL} or {@code INCONCLUSIVE (shortened: …)}
   * @param failures one sentence per failure
   * @param report the audit's path
   */
  public GateFailedError(String gate, String verdict, List<String> failures, Path report) {
    super(message(gate, verdict, failures, report));
    this.failures = List.copyOf(failures);
  }

  /** The failures, one sentence each. */
  public List<String> failures() {
    return failures;
  }

  private static String message(String gate, String verdict, List<String> failures, Path report) {
    StringBuilder sb = new StringBuilder();
    sb.append("Staging gate ")
        .append(gate)
        .append(verdict.startsWith("FAIL") ? " failed" : " was " + verdict)
        .append(" (")
        .append(failures.size())
        .append(failures.size() == 1 ? " problem)" : " problems)");
    for (int i = 0; i < failures.size(); i++) {
      sb.append("\n  ").append(i + 1).append(". ").append(failures.get(i));
    }
    sb.append("\nEvidence: ").append(report.toAbsolutePath());
    return sb.toString();
  }
}
