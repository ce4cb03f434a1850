package dev.stagegate.junit.gate;

import com.github.dockerjava.api.DockerClient;
import dev.stagegate.assertions.deploy.HookReport;
import dev.stagegate.assertions.deploy.HookResult;
import dev.stagegate.assertions.deploy.HookRunner;
import dev.stagegate.junit.docker.DockerExec;
import dev.stagegate.junit.docker.ServiceContainer;
import dev.stagegate.junit.docker.StackInspector;
import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.deploy.HookResultSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A post-deploy watch's hook rounds against the target: every hook at the start, then again
 * periodically during the watch. The first round is recorded in full, later rounds only their
 * failures, as checks and as the summaries the deployment entry keeps.
 */
final class DeployHookRounds {
  private final PostDeploySpec spec;
  private final DockerClient client;
  private final StackInspector inspector;
  private final List<CheckResult> checks;
  private final List<HookResultSummary> summaries = new ArrayList<>();

  DeployHookRounds(
      PostDeploySpec spec,
      DockerClient client,
      StackInspector inspector,
      List<CheckResult> checks) {
    this.spec = spec;
    this.client = client;
    this.inspector = inspector;
    this.checks = checks;
  }

  /** What the rounds so far recorded: every hook of the first, the failures of later ones. */
  List<HookResultSummary> summaries() {
    return summaries;
  }

  /** Runs every hook once in parallel; returns a sentence per failing or timed-out hook. */
  List<String> run(String when) {
    if (spec.hooks().isEmpty()) {
      return List.of();
    }
    HookRunner runner =
        HookRunner.of(spec.hooks())
            .withTimeout(spec.hookTimeout())
            .withOverallTimeout(spec.hookTimeout())
            .withCommandRunner(
                (service, command) -> {
                  ServiceContainer c =
                      inspector
                          .container(service)
                          .orElseThrow(
                              () ->
                                  new IOException(
                                      "no container of service \""
                                          + service
                                          + "\" in project \""
                                          + spec.project()
                                          + "\""));
                  return DockerExec.run(client, c.id(), spec.hookTimeout(), command);
                });
    if (spec.baseUrl().isPresent()) {
      runner = runner.withBaseUri(spec.baseUrl().get());
    }
    HookReport report = runner.run();
    boolean first = summaries.isEmpty();
    List<String> failed = new ArrayList<>();
    for (HookResult r : report.results()) {
      if (first || !r.passed()) {
        summaries.add(
            new HookResultSummary(
                first ? r.name() : r.name() + " (" + when + ")",
                r.status().name(),
                r.took(),
                r.detail()));
      }
      if (first || !r.passed()) {
        checks.add(
            new CheckResult(
                CheckName.HOOK.named(r.name()) + (first ? "" : " (" + when + ")"),
                r.passed() ? CheckStatus.PASS : CheckStatus.FAIL,
                r.sentence(),
                r.evidence()));
      }
      if (!r.passed()) {
        failed.add("Post-deploy " + r.sentence() + " (" + when + ")");
      }
    }
    return failed;
  }
}
