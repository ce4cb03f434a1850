package dev.stagegate.report.risk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One category's share of a {@link RiskAssessment}: the files that set off its rules and why, or no
 * change. Derived from the findings; the audit shows one per category.
 *
 * <pre>{@code
 * for (CategoryRisk c : risk.categories()) {
 *   System.out.println(c.summary());
 *   // Database: HIGH · app/models/user.py (database-models), migrations/versions/0002.py (db-migrations)
 *   // Networking: no change
 * }
 * }</pre>
 *
 * @param category the category
 * @param level the highest level of its findings; {@code null} when nothing in it changed
 * @param files the matched files, sorted; untrusted text
 * @param ruleIds the rules that fired, in the order of the findings
 * @param reasons the distinct reasons of those rules, in the same order
 */
public record CategoryRisk(
    RiskCategory category,
    RiskLevel level,
    List<String> files,
    List<String> ruleIds,
    List<String> reasons) {
  /** Files named in {@link #summary()}; the rest are counted. */
  public static final int SUMMARY_FILES = 3;

  public CategoryRisk {
    Objects.requireNonNull(category, "category");
    files = List.copyOf(files);
    ruleIds = List.copyOf(ruleIds);
    reasons = List.copyOf(reasons);
    if ((level == null) != files.isEmpty()) {
      throw new IllegalArgumentException(
          "a category has a level exactly when it has files, but "
              + category
              + " has level "
              + level
              + " and "
              + files.size()
              + " files");
    }
  }

  /** The category's share of the findings (which may be of any category). */
  public static CategoryRisk of(RiskCategory category, List<RiskFinding> findings) {
    RiskLevel level = null;
    Set<String> files = new TreeSet<>();
    Set<String> rules = new LinkedHashSet<>();
    Set<String> reasons = new LinkedHashSet<>();
    for (RiskFinding f : findings) {
      if (f.category() != category) {
        continue;
      }
      level = level == null ? f.level() : level.max(f.level());
      files.add(f.file());
      rules.add(f.ruleId());
      reasons.add(f.why());
    }
    return new CategoryRisk(
        category, level, new ArrayList<>(files), new ArrayList<>(rules), new ArrayList<>(reasons));
  }

  /** Whether any rule of this category matched the change. */
  public boolean changed() {
    return level != null;
  }

  /**
   * One plain-text line: {@code Database: HIGH · 2 files: app/models/user.py, … · database-models,
   * db-migrations}, or {@code Networking: no change}. Paths are untrusted: escape them for Markdown
   * or HTML.
   */
  public String summary() {
    if (!changed()) {
      return category.label() + ": no change";
    }
    List<String> shown = files.subList(0, Math.min(files.size(), SUMMARY_FILES));
    String more =
        files.size() > shown.size() ? ", +" + (files.size() - shown.size()) + " more" : "";
    return category.label()
        + ": "
        + level
        + " · "
        + files.size()
        + (files.size() == 1 ? " file: " : " files: ")
        + String.join(", ", shown)
        + more
        + " · "
        + String.join(", ", ruleIds);
  }
}
