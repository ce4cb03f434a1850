package dev.stagegate.assertions;

import dev.stagegate.report.ServiceEvidence;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what a gate saw of one service.
 *
 * <pre>{@code
 * assertThat(evidence).hasNoRestarts().isRunning().isHealthy().hasNoLogFindings();
 * }</pre>
 */
public final class ServiceEvidenceAssert
    extends AbstractAssert<ServiceEvidenceAssert, ServiceEvidence> {

  public ServiceEvidenceAssert(ServiceEvidence actual) {
    super(actual, ServiceEvidenceAssert.class);
  }

  /** No restart during the gate. */
  public ServiceEvidenceAssert hasNoRestarts() {
    return check(ServiceJudge.restarts(actual));
  }

  /** Still running, or a one-shot job that exited 0. */
  public ServiceEvidenceAssert isRunning() {
    return check(ServiceJudge.exit(actual));
  }

  /** Never killed by the OOM killer. */
  public ServiceEvidenceAssert wasNotOomKilled() {
    return check(ServiceJudge.oomKill(actual));
  }

  /** Healthy (or without a healthcheck) while running. */
  public ServiceEvidenceAssert isHealthy() {
    return check(ServiceJudge.health(actual));
  }

  /** No error lines, tracebacks or crash signatures in the log. */
  public ServiceEvidenceAssert hasNoLogFindings() {
    return check(ServiceJudge.logFindings(actual));
  }

  /** All of the above; the message lists every problem. */
  public ServiceEvidenceAssert passesGate() {
    isNotNull();
    List<String> problems = ServiceJudge.problems(actual);
    if (!problems.isEmpty()) {
      failWithMessage("%s", String.join("\n", problems));
    }
    return this;
  }

  private ServiceEvidenceAssert check(Optional<String> problem) {
    isNotNull();
    problem.ifPresent(p -> failWithMessage("%s", p));
    return this;
  }
}
