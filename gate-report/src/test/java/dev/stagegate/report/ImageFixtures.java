package dev.stagegate.report;

import java.util.List;

/** Gates with the images they built and tested, for image tests. */
public final class ImageFixtures {
  public static final String API_A = "sha256:" + "a1".repeat(32);
  public static final String API_B = "sha256:" + "b2".repeat(32);
  public static final String WORKER_A = "sha256:" + "c3".repeat(32);
  public static final String TAG_COMMIT = "2222222222222222222222222222222222222222";

  private ImageFixtures() {}

  /** A passing smoke gate that kept {@code api} as {@code apiId} and {@code worker}. */
  public static GateResult passingWithImages(String apiId) {
    return AuditFixtures.passingGate()
        .withImages(
            List.of(
                new TestedImage("api", apiId, "examples/api:" + TAG_COMMIT),
                new TestedImage("worker", WORKER_A, "examples/worker:" + TAG_COMMIT)));
  }
}
