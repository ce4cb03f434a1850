package dev.stagegate.junit.gate;

import dev.stagegate.junit.compose.ComposeCommand;
import dev.stagegate.junit.compose.ComposeFile;
import dev.stagegate.junit.compose.ComposeOverride;
import dev.stagegate.junit.compose.ComposeProject;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.deploy.DeploymentMarker;
import dev.stagegate.report.deploy.MarkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A rollback drill's work directory: each commit's subtree exported into it with its marker written
 * and its labelling override beside it, each ready to deploy as a {@link DrillStage}.
 *
 * @param spec the drill
 * @param dir the work directory, absolute (compose runs in the exported trees and reads the
 *     overrides from here)
 * @param labels the drill's run labels; its run id is the compose project's name
 * @param engine the engine the stages are deployed to
 */
record DrillWorkspace(RollbackSpec spec, Path dir, RunLabels labels, DockerEngine engine) {

  /** Exports one commit's subtree, writes its marker and its labelling override; one check. */
  DrillStage export(String name, String commit, String version, List<CheckResult> checks)
      throws IOException {
    Path root = dir.resolve(name);
    List<String> skipped;
    try (GitTrees git = GitTrees.open(spec.repoRoot()).orElseThrow()) {
      skipped = git.export(commit, spec.subdir(), root);
    }
    Path tree = spec.subdir().isEmpty() ? root : root.resolve(spec.subdir());
    String detail =
        "exported "
            + (spec.subdir().isEmpty() ? "the tree" : spec.subdir() + "/")
            + " of "
            + ("current".equals(name) ? "HEAD " : spec.previousRef() + " ")
            + RollbackRefs.shortId(commit)
            + (spec.markerFile().isEmpty() ? "" : " and wrote its marker (version " + version + ")")
            + (skipped.isEmpty()
                ? ""
                : "; not exported (symbolic links and submodules are skipped): "
                    + String.join(", ", skipped));
    String markerJson = "";
    if (!spec.markerFile().isEmpty()) {
      DeploymentMarker marker =
          new DeploymentMarker(
              version,
              Instant.now(),
              commit,
              spec.environment(),
              MarkerFactory.defaultDeployedBy(System.getenv()));
      markerJson = marker.toJson();
      marker.writeTo(tree.resolve(spec.markerFile()));
    }
    checks.add(CheckResult.pass("export " + name, detail, markerJson));
    ComposeFile compose =
        ComposeFile.load(
            List.of(tree.resolve(spec.composeName())),
            spec.settings().composeProfiles(),
            composeCommand(spec));
    Path override = ComposeOverride.write(compose, labels, dir.resolve("override-" + name));
    ComposeProject project =
        ComposeProject.named(labels.runId(), compose, override, labels, engine.composeEngine());
    return new DrillStage(name, commit, version, compose, project);
  }

  /** The compose command the drill runs. */
  static ComposeCommand composeCommand(RollbackSpec spec) {
    return ComposeCommand.resolve(spec.settings().composeCommand());
  }

  /** The compose command as shell words, e.g. {@code docker compose}. */
  static String composeShellWords(RollbackSpec spec) {
    return String.join(
        " ", composeCommand(spec).argv().stream().map(RollbackCommand::word).toList());
  }
}
