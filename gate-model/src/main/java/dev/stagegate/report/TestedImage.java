package dev.stagegate.report;

import java.util.regex.Pattern;

/**
 * The image one service ran in a gate: the engine's content-addressed image ID, which is what a
 * deploy must run for the approval to mean anything, and the name the gate kept it under.
 *
 * <pre>{@code
 * TestedImage api = new TestedImage("api", "sha256:ab12…", "examples/api:5d6e7f8a9b0c…");
 * api.kept(); // true: the image survives the gate's teardown under that tag
 * }</pre>
 *
 * @param service the compose service
 * @param imageId the image ID, {@code sha256:} and 64 lowercase hex digits
 * @param tag {@code <project>/<service>:<commit>}, the name the image was kept under for the
 *     deploy; empty when the gate did not keep it (it failed, or {@code
 *     stagegate.images.keep=false}) and removed it at teardown ({@code null} is taken as empty)
 */
public record TestedImage(String service, String imageId, String tag) {
  private static final Pattern IMAGE_ID = Pattern.compile("sha256:[0-9a-f]{64}");

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException when the service is blank or the image ID is not {@code
   *     sha256:<64 hex digits>}
   */
  public TestedImage {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("service must not be null or blank");
    }
    if (imageId == null || !IMAGE_ID.matcher(imageId).matches()) {
      throw new IllegalArgumentException(
          "imageId of service \""
              + service
              + "\" must be sha256: and 64 lowercase hex digits but was '"
              + imageId
              + "'");
    }
    tag = tag == null ? "" : tag;
  }

  /** Whether the image was kept under {@link #tag} after the gate's teardown. */
  public boolean kept() {
    return !tag.isEmpty();
  }

  /** The image ID shortened for reading, {@code sha256:} and the first 12 hex digits. */
  public String shortId() {
    return shortId(imageId);
  }

  /** {@code sha256:} and the first 12 hex digits of any image ID; other text unchanged. */
  public static String shortId(String imageId) {
    return imageId != null && imageId.startsWith("sha256:") && imageId.length() > 19
        ? imageId.substring(0, 19)
        : String.valueOf(imageId);
  }

  /** Whether {@code text} is a full image ID. */
  public static boolean isImageId(String text) {
    return text != null && IMAGE_ID.matcher(text).matches();
  }
}
