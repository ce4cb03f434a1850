package dev.stagegate.deploy.risk;

import dev.stagegate.deploy.change.AddedLines;
import dev.stagegate.report.change.ChangeSummary;
import dev.stagegate.report.change.ChangedFile;
import dev.stagegate.report.redact.Redactor;
import dev.stagegate.report.risk.RiskAssessment;
import dev.stagegate.report.risk.RiskFinding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies {@link RiskRules} to a {@link ChangeSummary}: path rules to every changed file and every
 * uncommitted path (the gate builds from the working tree, so those are deployed too), content
 * rules to the added lines of committed files (a content rule without a path skips documentation
 * and tests, whose lines do not change what runs). Each rule is reported at most once per file,
 * with the first matching line: enough for the reviewer to open the diff at the right place.
 *
 * <pre>{@code
 * ChangeSummary change = new GitChangeReader().read(workDir, base);
 * try (GitAddedLines lines = GitAddedLines.open(workDir, change)) {
 *   RiskAssessment risk = RiskAssessor.assess(change, lines, RiskRules.load(repoRoot));
 * }
 * }</pre>
 */
public final class RiskAssessor {
  /** Quoted lines are cut to this many characters (minified files have very long lines). */
  public static final int MAX_LINE_CHARS = RiskFinding.MAX_LINE_CHARS;

  private static final Redactor REDACTOR = Redactor.defaults();

  private RiskAssessor() {}

  /**
   * The findings of all rules on the change, and the overall level.
   *
   * @throws IOException when added lines cannot be read
   */
  public static RiskAssessment assess(ChangeSummary change, AddedLines added, RiskRules rules)
      throws IOException {
    return assess(change, added, rules, "");
  }

  /**
   * As {@link #assess(ChangeSummary, AddedLines, RiskRules)}, for a service that lives in a
   * subdirectory of its repository (a monorepo): a path rule matches a file's path from the
   * repository root, or, for a file inside {@code serviceRoot}, its path from there. So {@code
   * app/core/database.py} flags {@code services/agents/app/core/database.py} when the service root
   * is {@code services/agents}. Findings name the path from the repository root.
   *
   * <pre>{@code
   * RiskAssessor.assess(change, lines, RiskRules.load(repoRoot), "services/agents");
   * }</pre>
   *
   * @param serviceRoot the service's directory relative to the repository root, {@code /}-separated
   *     ({@code ""}: the root itself)
   * @throws IOException when added lines cannot be read
   */
  public static RiskAssessment assess(
      ChangeSummary change, AddedLines added, RiskRules rules, String serviceRoot)
      throws IOException {
    String prefix =
        serviceRoot.isEmpty() || serviceRoot.endsWith("/") ? serviceRoot : serviceRoot + "/";
    List<RiskFinding> findings = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ChangedFile file : change.files()) {
      List<String> lines = null; // read only when a content rule applies
      for (RiskRule rule : rules.rules()) {
        if (!applies(rule, file.path(), prefix)) {
          continue;
        }
        if (rule.content().isEmpty()) {
          add(findings, seen, file.path(), rule, null);
          continue;
        }
        if (rule.path().isEmpty() && NotDeployedFiles.matches(file.path())) {
          continue; // documentation and tests mention model names and keys without changing them
        }
        if (lines == null) {
          lines = added.addedLines(file);
        }
        Pattern pattern = rule.content().get();
        for (String line : lines) {
          if (pattern.matcher(line).find()) {
            add(findings, seen, file.path(), rule, quote(line));
            break;
          }
        }
      }
    }
    List<String> uncommitted = new ArrayList<>();
    uncommitted.addAll(change.uncommitted().staged());
    uncommitted.addAll(change.uncommitted().modified());
    uncommitted.addAll(change.uncommitted().untracked());
    for (String path : uncommitted) {
      for (RiskRule rule : rules.rules()) {
        if (rule.content().isEmpty() && applies(rule, path, prefix)) {
          add(findings, seen, path, rule, null);
        }
      }
    }
    findings.sort(
        Comparator.comparing(RiskFinding::level)
            .reversed()
            .thenComparing(RiskFinding::file)
            .thenComparing(RiskFinding::ruleId));
    return RiskAssessment.of(findings);
  }

  private static boolean applies(RiskRule rule, String path, String servicePrefix) {
    return rule.appliesTo(path)
        || (!servicePrefix.isEmpty()
            && path.startsWith(servicePrefix)
            && rule.appliesTo(path.substring(servicePrefix.length())));
  }

  private static void add(
      List<RiskFinding> findings, Set<String> seen, String file, RiskRule rule, String line) {
    if (seen.add(file + "\0" + rule.id())) {
      findings.add(
          new RiskFinding(file, rule.id(), rule.category(), rule.level(), rule.why(), line));
    }
  }

  private static String quote(String line) {
    // The full redactor knows token formats and URL passwords; LineRedaction adds any value
    // assigned to a key, secret, token or password name, however it looks.
    String redacted = LineRedaction.redact(REDACTOR.redact(line.strip()));
    return redacted.length() <= MAX_LINE_CHARS
        ? redacted
        : redacted.substring(0, MAX_LINE_CHARS) + "…";
  }
}
