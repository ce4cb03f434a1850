package dev.stagegate.deploy.change;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link GitChangeReader} may take as the base besides the repository's own release tags and
 * default branch: the last deployed commit (from the deployment history) and the configured ref
 * ({@value GitChangeReader#BASE_KEY}), with the notes of reading the history (a damaged line, a
 * database that did not answer), which the summary passes on.
 *
 * <pre>{@code
 * BaseCandidates candidates =
 *     new BaseCandidates(lastDeployed, Optional.ofNullable(System.getProperty(BASE_KEY)), notes);
 * ChangeSummary change = new GitChangeReader().read(Path.of("."), candidates);
 * }</pre>
 *
 * @param lastDeployment the commit of the last successful deployment, when a history has one
 * @param configured the value of {@value GitChangeReader#BASE_KEY}, when set
 * @param notes sentences about reading the history, for the summary's notes
 */
public record BaseCandidates(
    Optional<DeployedCommit> lastDeployment, Optional<String> configured, List<String> notes) {
  public BaseCandidates {
    Objects.requireNonNull(lastDeployment, "lastDeployment");
    Objects.requireNonNull(configured, "configured");
    configured = configured.map(String::strip).filter(s -> !s.isEmpty());
    notes = List.copyOf(notes);
  }

  /** Only a configured ref (or none): no deployment history. */
  public static BaseCandidates configured(Optional<String> configured) {
    return new BaseCandidates(Optional.empty(), configured, List.of());
  }
}
