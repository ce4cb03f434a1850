package dev.stagegate.junit.gate;

import dev.stagegate.junit.compose.ComposeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline a burn-in is compared with, ready to build and start: the ref exported with JGit
 * into a work directory, what git ignores copied from the release's working tree, and a {@link
 * GateSpec} of its own over the exported compose files.
 *
 * @param label the ref as steps and messages name it, e.g. {@code v1.2.2 (abc1234)}
 * @param spec the baseline's gate, named after the release's with the label
 * @param workDir the work directory the tree was exported into; deleted after the run
 * @param copied what was not in git and was copied from the release's working tree
 */
record BaselineTree(String label, GateSpec spec, Path workDir, List<String> copied) {
  BaselineTree {
    copied = List.copyOf(copied);
  }

  /**
   * Exports {@code ref} ({@value BaselineRun#PREVIOUS}: the newest tag below HEAD) of the
   * repository holding the release's compose file.
   */
  static BaselineTree prepare(GateSpec spec, String ref) throws IOException {
    Path compose = spec.compose().files().get(0).toAbsolutePath().normalize();
    try (GitTrees git =
        GitTrees.open(compose.getParent())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        compose.getParent()
                            + " is in no git repository to take a baseline from"))) {
      String wanted =
          BaselineRun.PREVIOUS.equals(ref)
              ? git.newestTagBelowHead().orElse(RollbackRefs.FALLBACK)
              : ref;
      String commit =
          git.resolve(wanted)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the ref "
                              + wanted
                              + " does not resolve in "
                              + git.gitDir()
                              + (git.shallow() ? " (a shallow clone: fetch more history)" : "")));
      String label =
          wanted.equals(RollbackRefs.shortId(commit)) || wanted.equals(commit)
              ? RollbackRefs.shortId(commit)
              : wanted + " (" + RollbackRefs.shortId(commit) + ")";
      Path workDir =
          Files.createDirectories(
              spec.settings()
                  .reportDir()
                  .toAbsolutePath()
                  .normalize()
                  .resolve("work")
                  .resolve("baseline-" + RollbackRefs.shortId(commit) + "-" + System.nanoTime()));
      // the whole tree: a compose file may build from or include paths above its directory
      git.export(commit, "", workDir);
      Path root = git.root().toAbsolutePath().normalize();
      // what the build makes before compose runs (a deployment marker) is not in git: the
      // baseline gets the release's copy, and the audit says which files those were
      String composeDir = root.relativize(compose.getParent()).toString().replace('\\', '/');
      List<String> copied = new ArrayList<>();
      for (String ignored : git.ignoredFiles(composeDir)) {
        Path target = workDir.resolve(ignored);
        if (!Files.exists(target)) {
          Files.createDirectories(target.getParent());
          Files.copy(root.resolve(ignored), target);
          copied.add(ignored);
        }
      }
      List<Path> files = new ArrayList<>();
      for (Path f : spec.compose().files()) {
        Path exported = workDir.resolve(root.relativize(f.toAbsolutePath().normalize()));
        if (!Files.isRegularFile(exported)) {
          throw new IllegalStateException(
              "the baseline " + label + " has no " + root.relativize(f.toAbsolutePath()));
        }
        files.add(exported);
      }
      ComposeFile baselineCompose =
          ComposeFile.load(files, spec.settings().composeProfiles(), spec.compose().command());
      GateSpec baselineSpec =
          new GateSpec(
              spec.id() + " @ baseline " + label,
              spec.displayName() + " (baseline " + label + ")",
              spec.kind(),
              label + ":" + spec.composeAttribute(),
              baselineCompose,
              spec.startupTimeout(),
              spec.settle(),
              spec.smokeChecks(),
              spec.logAudit(),
              // the previous release's images are not this commit's: never tag them as tested
              spec.settings().withoutKeepingImages(),
              spec.burnIn(),
              spec.loads());
      return new BaselineTree(label, baselineSpec, workDir, copied);
    }
  }
}
