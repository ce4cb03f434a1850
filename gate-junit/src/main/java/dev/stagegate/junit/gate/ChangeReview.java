package dev.stagegate.junit.gate;

import dev.stagegate.junit.GateConfigurationException;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.GitAddedLines;
import dev.stagegate.report.change.GitChangeReader;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.risk.RiskAssessor;
import dev.stagegate.report.risk.RiskRules;
import dev.stagegate.report.risk.RiskRulesException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What changed since the base (git) and what that risks, computed once per test run for the audit's
 * "Change summary" and "Risk assessment".
 *
 * @param change the change summary (notes say why it is empty, e.g. no repository)
 * @param risk the risk assessment of the change
 */
record ChangeReview(ChangeSummary change, RiskAssessment risk) {

  /**
   * @param workDir where to look for the repository (upward)
   * @param gitBase the {@code stagegate.git.base} ref, if configured
   * @throws GateConfigurationException when the configured base or the rules file is wrong
   */
  static ChangeReview of(Path workDir, Optional<String> gitBase) {
    try {
      ChangeSummary change = new GitChangeReader().read(workDir, gitBase);
      Optional<Path> root = GitChangeReader.workTree(workDir);
      RiskRules rules = root.isPresent() ? RiskRules.load(root.get()) : RiskRules.defaults();
      if (root.isEmpty()) {
        return new ChangeReview(
            change,
            RiskAssessor.assess(change, dev.stagegate.report.change.AddedLines.none(), rules));
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
