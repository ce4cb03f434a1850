package dev.stagegate.junit.gate;

import static dev.stagegate.junit.gate.GateText.indent;

import dev.stagegate.junit.compose.ComposeProject;
import dev.stagegate.junit.compose.ProcessOutput;
import dev.stagegate.junit.compose.RunLabels;
import dev.stagegate.junit.docker.BuiltImages;
import dev.stagegate.junit.docker.DockerEngine;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.checklist.CheckName;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link GateRun} leaves behind: a passing gate's tested images kept for the deploy, and
 * nothing else: compose down, then the images the run built removed (children first).
 */
final class StackTeardown {
  private final GateSpec spec;
  private final DockerEngine engine;
  private final RunLabels labels;
  private final TestedImages images;
  private final Set<String> unlabelledImages;
  private final List<CheckResult> checks;
  private final Map<String, String> serviceProblems;
  private final List<String> otherFailures;
  private final List<String> inconclusive;

  /**
   * @param unlabelledImages what the classic builder made without the run's label (BuildKit: none)
   */
  StackTeardown(
      GateSpec spec,
      DockerEngine engine,
      RunLabels labels,
      TestedImages images,
      Set<String> unlabelledImages,
      GateFindings findings) {
    this.spec = spec;
    this.engine = engine;
    this.labels = labels;
    this.images = images;
    this.unlabelledImages = unlabelledImages;
    this.checks = findings.checks();
    this.serviceProblems = findings.serviceProblems();
    this.otherFailures = findings.otherFailures();
    this.inconclusive = findings.inconclusive();
  }

  /**
   * Tags the tested images for the deploy when nothing failed and nothing was left undecided: only
   * a passing gate's images may be approved, so only they outlive the teardown.
   */
  void keepImagesIfPassed(Throwable bodyFailure) {
    boolean passed =
        serviceProblems.isEmpty()
            && otherFailures.isEmpty()
            && inconclusive.isEmpty()
            && bodyFailure == null
            && checks.stream().anyMatch(CheckName.ALL_SERVICES_HEALTHY::matches);
    // keep=false: the Images section says the images were removed; no check adds noise
    if (!passed || !images.wanted()) {
      return;
    }
    CheckResult kept = images.keep();
    checks.add(kept);
    if (kept.status() == CheckStatus.FAIL) {
      // the stack passed, but what it tested cannot be deployed: not a PASS to approve
      inconclusive.add("The tested images could not be kept for the deploy: " + kept.detail());
    }
  }

  /** Takes the stack down and removes the images it built, but not those kept. */
  void down(ComposeProject project) {
    try {
      ProcessOutput down = project.down(spec.startupTimeout());
      if (!down.succeeded()) {
        inconclusive.add(
            "Teardown (compose down) exited with code "
                + down.exitCode()
                + "; compose said:\n"
                + indent(down.tail(5)));
      }
    } catch (RuntimeException e) {
      inconclusive.add("Teardown (compose down) failed: " + e.getMessage());
    }
    inconclusive.addAll(
        BuiltImages.remove(
            engine.client(), labels, unlabelledImages, images.keptIds(), images.runNames()));
  }
}
