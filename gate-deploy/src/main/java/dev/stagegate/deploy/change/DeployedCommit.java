package dev.stagegate.deploy.change;

import dev.stagegate.report.change.ChangeSummary;
import java.util.Objects;

/**
 * The commit that runs now according to the deployment history: the first candidate for the base of
 * a {@link ChangeSummary}, since what a deploy changes is the difference to what is deployed.
 *
 * <pre>{@code
 * DeployedCommit deployed =
 *     new DeployedCommit("5d6e7f8", "1.2.3 to production at 2024-05-01 12:00:00 UTC");
 * }</pre>
 *
 * @param commit the recorded commit id, full or abbreviated (the seed's text log keeps 7 digits);
 *     it becomes the summary's {@code baseRef}, a revision git understands (the rollback command
 *     checks it out)
 * @param description the deployment in words, with where it was read
 */
public record DeployedCommit(String commit, String description) {
  public DeployedCommit {
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(description, "description");
  }
}
