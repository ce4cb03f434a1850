package dev.stagegate.assertions.logs;

/** Picks the single-line rule that a line outside any crash block triggers. */
final class LineRuleMatcher {
  private LineRuleMatcher() {}

  /**
   * The first of {@code rules} that {@code content} matches, or null. A rule that finds its
   * signature anywhere in a line does not count on a line whose level is quiet (DEBUG, INFO, ...);
   * the level is detected at most once, and only if a rule needs it.
   */
  static LineRule firstMatch(LineRule[] rules, String content) {
    Severity severity = null;
    for (LineRule r : rules) {
      if (severity == null && r.needsSeverity()) {
        severity = LevelDetector.severity(content);
      }
      if (r.matches(content, severity)) {
        if (r.findsSignatureAnywhere()) {
          if (severity == null) {
            severity = LevelDetector.severity(content);
          }
          if (severity == Severity.QUIET) {
            continue;
          }
        }
        return r;
      }
    }
    return null;
  }
}
