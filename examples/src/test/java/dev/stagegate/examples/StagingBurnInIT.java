package dev.stagegate.examples;

import dev.stagegate.junit.BurnIn;
import dev.stagegate.junit.SmokeCheck;

/**
 * The seed's four-hour burn-in. In CI, {@code junit-platform.properties} shortens it with {@code
 * stagegate.burnin.duration}; the audit then says {@code PASS_SHORTENED (1.5 min of 4 h
 * requested)}, never a plain PASS, and approving it needs a recorded reason ({@code --accept}).
 */
class StagingBurnInIT {

  @BurnIn(hours = 4, smokeEvery = "PT30S")
  @SmokeCheck(
      service = "api",
      port = 8000,
      path = "/health",
      json = "{\"status\":\"ok\",\"db_ready\":true}")
  void survivesTheBurnIn() {}
}
