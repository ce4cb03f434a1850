package dev.stagegate.junit.gate;

import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.report.deploy.DeployedRelease;
import dev.stagegate.report.deploy.DeploymentHistory;
import dev.stagegate.report.deploy.LastDeployment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ref a rollback drill goes back to, and why: a given ref, else the last successful deployment
 * of the environment in the deployment history (not of HEAD), else the newest tag below HEAD, else
 * {@code HEAD~1}.
 *
 * @param ref the ref rolled back to, as given or chosen
 * @param choice how it was chosen, for the report
 * @param where where it came from, as errors name it
 * @param target where the rollback target came from, as the audit says it
 */
record RollbackChoice(String ref, String choice, String where, RollbackTarget target) {

  /**
   * Chooses the ref.
   *
   * @param configuredRef the ref given by configuration or annotation, if any
   * @param previousSource where that ref was given; {@code null} when none was
   */
  static RollbackChoice choose(
      GitTrees git,
      String head,
      Optional<String> configuredRef,
      String previousSource,
      DeploymentHistory history,
      Optional<String> historyEnvironment)
      throws IOException {
    List<String> notes = new ArrayList<>();
    Optional<DeployedRelease> deployed =
        LastDeployment.latest(history, historyEnvironment, Optional.of(head), notes);
    String ref;
    String choice;
    RollbackTarget target;
    if (configuredRef.isPresent()) {
      ref = configuredRef.get();
      choice = "given by " + previousSource;
      target = RollbackTarget.given(previousSource, deployed);
    } else if (deployed.isPresent()) {
      DeployedRelease release = deployed.get();
      String recorded =
          git.resolve(release.commit())
              .orElseThrow(
                  () ->
                      new GateConfigurationException(
                          "@RollbackDrill would roll back to "
                              + release.describe()
                              + ", but commit "
                              + release.commit()
                              + " is not in "
                              + git.gitDir()
                              + (git.shallow() ? ", a shallow clone" : "")
                              + ". Fetch it (git fetch --tags --unshallow; actions/checkout:"
                              + " fetch-depth: 0), or set "
                              + RollbackSpec.PREVIOUS
                              + " to the release to roll back to."));
      // the release's tag when it names that commit, so the marker and the steps say v1.2.2
      String tagRef = "v" + release.version();
      ref =
          git.isTag(tagRef) && git.resolve(tagRef).filter(recorded::equals).isPresent()
              ? tagRef
              : recorded;
      choice = release.describe();
      previousSource = "the deployment history";
      target = RollbackTarget.deployed(release);
    } else {
      Optional<String> tag = git.newestTagBelowHead();
      ref = tag.orElse(RollbackRefs.FALLBACK);
      choice =
          tag.isPresent()
              ? "the newest tag reachable from HEAD that does not point at HEAD"
              : "HEAD~1: no tag below HEAD";
      previousSource = tag.isPresent() ? "the newest tag below HEAD" : "the default HEAD~1";
      target =
          RollbackTarget.previousCommit(
              historyEnvironment,
              searched(history),
              tag.map(t -> t + ", the newest tag below HEAD").orElse("HEAD~1: no tag below HEAD"));
    }
    if (!notes.isEmpty()) {
      target =
          new RollbackTarget(
              target.deployed(), target.source() + " (" + String.join("; ", notes) + ")");
    }
    return new RollbackChoice(ref, choice, previousSource, target);
  }

  /**
   * The chosen ref's full commit id, checked: it resolves, is not HEAD and has the compose file.
   *
   * @param composeInRepo the compose file's path relative to the repository root
   */
  String commit(GitTrees git, String head, String composeInRepo) throws IOException {
    String previous =
        git.resolve(ref).orElseThrow(() -> unresolved(ref, where, git.shallow(), git.gitDir()));
    if (previous.equals(head)) {
      throw new GateConfigurationException(
          "@RollbackDrill: the rollback target '"
              + ref
              + "' ("
              + where
              + ") is HEAD itself ("
              + RollbackRefs.shortId(head)
              + "); a drill back to the same commit proves nothing. Set "
              + RollbackSpec.PREVIOUS
              + " to the release you would roll back to.");
    }
    if (!git.hasFile(previous, composeInRepo)) {
      throw new GateConfigurationException(
          "@RollbackDrill cannot roll back to '"
              + ref
              + "' ("
              + RollbackRefs.shortId(previous)
              + "): that commit has no "
              + composeInRepo
              + ", so there is nothing to deploy. Choose a ref that has it with "
              + RollbackSpec.PREVIOUS
              + ".");
    }
    return previous;
  }

  /** Every history source looked in, as the fallback's sentence names them. */
  private static String searched(DeploymentHistory history) {
    List<String> sources = new ArrayList<>();
    sources.add(history.jsonLog().file().toString());
    history.textLog().ifPresent(t -> sources.add(t.file().toString()));
    history.table().ifPresent(t -> sources.add("table " + t.table()));
    return String.join(", ", sources);
  }

  private static GateConfigurationException unresolved(
      String ref, String where, boolean shallow, Path gitDir) {
    return new GateConfigurationException(
        "@RollbackDrill cannot roll back to '"
            + ref
            + "' ("
            + where
            + "): it does not resolve to a commit in "
            + gitDir
            + (shallow ? ", a shallow clone" : "")
            + ". CI checkouts are often shallow and without tags: run 'git fetch --tags"
            + " --unshallow' before the tests (actions/checkout: fetch-depth: 0), or set "
            + RollbackSpec.PREVIOUS
            + " to a tag or commit that exists.");
  }
}
