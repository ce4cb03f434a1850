package dev.stagegate.assertions;

import dev.stagegate.report.ServiceEvidence;

/**
 * Entry point for stagegate's AssertJ assertions.
 *
 * <pre>{@code
 * import static dev.stagegate.assertions.GateAssertions.assertThat;
 *
 * assertThat(serviceEvidence).hasNoRestarts().hasNoLogFindings();
 * }</pre>
 */
public final class GateAssertions {
  private GateAssertions() {}

  public static ServiceEvidenceAssert assertThat(ServiceEvidence actual) {
    return new ServiceEvidenceAssert(actual);
  }
}
