package dev.stagegate.report.deploy;

import dev.stagegate.report.TestedImage;
import dev.stagegate.report.change.CommitIds;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One successful deployment as the history holds it: what runs in an environment, and so what a
 * rollback brings back. {@link LastDeployment#latest} finds it.
 *
 * <pre>{@code
 * Optional<DeployedRelease> last =
 *     LastDeployment.latest(history, Optional.of("production"), Optional.of(head), notes);
 * last.ifPresent(r -> System.out.println(r.describe()));
 * // the last deployment to production at 2026-12-07 10:14 UTC (version 1.2.2, commit abc1234),
 * // from /ci/report/deployments.jsonl
 * }</pre>
 *
 * @param when when the deployment finished
 * @param version the version deployed
 * @param commit the commit deployed, full or abbreviated (the seed's text log keeps 7 digits)
 * @param environment where it was deployed
 * @param images the image every container ran, by ID, with the approved tag; empty when the source
 *     does not record images (the text log, the table, JSON Lines entries written before images
 *     were recorded)
 * @param from where it was read: the log's path or {@code table <name>}
 */
public record DeployedRelease(
    Instant when,
    String version,
    String commit,
    String environment,
    List<TestedImage> images,
    String from) {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Checks that nothing is null and copies the images. */
  public DeployedRelease {
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(environment, "environment");
    images = List.copyOf(Objects.requireNonNull(images, "images"));
    Objects.requireNonNull(from, "from");
  }

  /** The commit's first seven characters. */
  public String shortCommit() {
    return CommitIds.abbreviate(commit);
  }

  /**
   * The deployment in one phrase, for a reader deciding whether it is the right way back: {@code
   * the last deployment to production at 2026-12-07 10:14 UTC (version 1.2.2, commit abc1234), from
   * /ci/report/deployments.jsonl}.
   */
  public String describe() {
    return "the last deployment to "
        + environment
        + " at "
        + SHOWN.format(when)
        + " (version "
        + version
        + ", commit "
        + shortCommit()
        + "), from "
        + from;
  }
}
