package dev.stagegate.examples;

import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.Load;
import dev.stagegate.junit.SmokeCheck;

/**
 * The four-hour burn-in under load, judged against the previous release: the release and the
 * previous one (the newest tag below HEAD, else HEAD~1, exported from git) run side by side, each
 * under 20 requests/s on the agents list, and any regression in latency, errors, memory or CPU
 * fails the gate. CI shortens it through {@code junit-platform.properties}; the audit says so and
 * shows both runs side by side.
 */
class StagingLoadIT {

  @BurnIn(hours = 4, baseline = "previous")
  @SmokeCheck(service = "api", port = 8000, path = "/health")
  @Load(service = "api", port = 8000, path = "/api/v1/agents/list", rate = 20, p99 = "PT1S")
  void noWorseThanThePreviousRelease() {}
}
