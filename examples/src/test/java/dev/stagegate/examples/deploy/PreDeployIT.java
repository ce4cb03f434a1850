package dev.stagegate.examples.deploy;

import dev.stagegate.junit.PreDeployCheck;

/**
 * Step 4 of the deploy flow (see README "Deploy flow"): right before the deploy, the policy must
 * allow it. The audit the gate wrote must be approved, unchanged and of this commit; the marker the
 * build prepared must name this commit and staging. The pipeline runs it with its own report
 * directory ({@code -Dstagegate.report.dir=target/stagegate-deploy}), so the approved audit stays
 * as it was approved.
 */
class PreDeployIT {

  @PreDeployCheck(
      audit = "target/stagegate/stability_audit.md",
      markerFile = "services/api/.deployment_marker",
      environment = "staging")
  void stagingDeployIsAllowed() {}
}
