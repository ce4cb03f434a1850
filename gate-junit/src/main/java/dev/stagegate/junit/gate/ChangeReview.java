package dev.stagegate.junit.gate;

import dev.stagegate.deploy.change.BaseCandidates;
import dev.stagegate.deploy.change.DeployedCommit;
import dev.stagegate.deploy.change.GitAddedLines;
import dev.stagegate.deploy.change.GitChangeReader;
import dev.stagegate.deploy.risk.RiskAssessor;
import dev.stagegate.deploy.risk.RiskRules;
import dev.stagegate.deploy.risk.RiskRulesException;
import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.deploy.DeploymentHistory;
import dev.stagegate.report.deploy.LastDeployment;
import dev.stagegate.report.risk.RiskAssessment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What changed since the base (git) and what that risks, computed once per test run for the audit's
 * "Change summary" and "Risk assessment". The base is what runs now when the deployment history
 * knows it: the question a reviewer asks is what deploying this changes.
 *
 * @param change the change summary (notes say why it is empty, e.g. no repository)
 * @param risk the risk assessment of the change
 */
record ChangeReview(ChangeSummary change, RiskAssessment risk) {

  /**
   * Only deployments to this environment count as the base; by default, any environment's.
   * Documented in {@code docs/risk-rules.md}.
   */
  static final String BASE_ENVIRONMENT = GitChangeReader.BASE_ENVIRONMENT_KEY;

  /**
   * The change since the last deployment recorded in the configured deployment history ({@link
   * DeploymentHistory}: JSON Lines log, text log, table), else the last release tag, else {@value
   * GitChangeReader#BASE_KEY}, else the merge-base with the default branch, else the last commit
   * only (and the audit says so), with its risk.
   *
   * @param workDir where to look for the repository (upward)
   * @param config the configuration; blank values count as absent
   * @param reportDir {@code stagegate.report.dir}, where the history logs are by default
   * @throws GateConfigurationException when the configured base, the history settings or the rules
   *     file is wrong
   */
  static ChangeReview of(Path workDir, Function<String, Optional<String>> config, Path reportDir) {
    Function<String, Optional<String>> lookup =
        key -> config.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    try {
      List<String> notes = new ArrayList<>();
      Optional<DeployedCommit> deployed =
          LastDeployment.find(
              DeploymentHistory.fromConfig(lookup, reportDir),
              lookup.apply(BASE_ENVIRONMENT),
              notes);
      ChangeSummary change =
          new GitChangeReader()
              .read(
                  workDir,
                  new BaseCandidates(deployed, lookup.apply(GitChangeReader.BASE_KEY), notes));
      Optional<Path> root = GitChangeReader.workTree(workDir);
      RiskRules rules = root.isPresent() ? RiskRules.load(root.get()) : RiskRules.defaults();
      if (root.isEmpty()) {
        return new ChangeReview(
            change,
            RiskAssessor.assess(change, dev.stagegate.deploy.change.AddedLines.none(), rules));
      }
      try (GitAddedLines added = GitAddedLines.open(workDir, change)) {
        return new ChangeReview(
            change, RiskAssessor.assess(change, added, rules, serviceRoot(root.get(), workDir)));
      }
    } catch (IllegalArgumentException | RiskRulesException e) {
      throw new GateConfigurationException(e.getMessage(), e);
    } catch (IOException e) {
      throw new GateConfigurationException(
          "Cannot read the git repository for the change summary: " + e.getMessage(), e);
    }
  }

  /**
   * The module's directory relative to the work tree ({@code examples/agents}), {@code ""} when it
   * is the root or outside it: the seed's rules name paths of a service repository ({@code
   * app/core/database.py}), which in a monorepo start at the service's directory.
   */
  static String serviceRoot(Path workTree, Path workDir) throws IOException {
    Path tree = workTree.toRealPath();
    Path dir = workDir.toAbsolutePath().normalize();
    if (Files.exists(dir)) {
      dir = dir.toRealPath();
    }
    if (!dir.startsWith(tree) || dir.equals(tree)) {
      return "";
    }
    return tree.relativize(dir).toString().replace(File.separatorChar, '/');
  }
}
