package dev.stagegate.deploy.risk;

import dev.stagegate.report.risk.RiskCategory;
import dev.stagegate.report.risk.RiskLevel;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One thing that makes a change risky: a file that matches a path glob, an added line that matches
 * a content pattern, or both (an added line matching the pattern in a file matching the glob).
 *
 * <pre>{@code
 * RiskRule pool =
 *     new RiskRule(
 *         "db-pool",
 *         RiskCategory.DATABASE,
 *         RiskLevel.HIGH,
 *         "pool sizing decides how many connections every service may hold",
 *         Optional.empty(),
 *         Optional.of(Pattern.compile("pool_size|max_overflow")));
 * }</pre>
 *
 * @param id a stable name, used to disable the rule and shown in findings
 * @param category the kind of damage
 * @param level how closely to look
 * @param why one sentence on why it matters, shown to the reviewer
 * @param path the files the rule applies to; empty for every file
 * @param content the pattern searched for (with {@code find}) in added lines; empty for a rule on
 *     the file alone
 */
public record RiskRule(
    String id,
    RiskCategory category,
    RiskLevel level,
    String why,
    Optional<PathGlob> path,
    Optional<Pattern> content) {
  public RiskRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (path.isEmpty() && content.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " needs a path, a content pattern or both");
    }
  }

  /** A rule on files matching a glob, whatever their content. */
  public static RiskRule onPath(
      String id, RiskCategory category, RiskLevel level, String glob, String why) {
    return new RiskRule(id, category, level, why, Optional.of(PathGlob.of(glob)), Optional.empty());
  }

  /** A rule on added lines matching a regex, in files matching a glob or (null) in any file. */
  public static RiskRule onContent(
      String id, RiskCategory category, RiskLevel level, String glob, String regex, String why) {
    return new RiskRule(
        id,
        category,
        level,
        why,
        Optional.ofNullable(glob).map(PathGlob::of),
        Optional.of(Pattern.compile(regex)));
  }

  /** True when the rule applies to the path (always, without a glob). */
  public boolean appliesTo(String filePath) {
    return path.map(g -> g.matches(filePath)).orElse(true);
  }
}
