package dev.stagegate.report.redact;

import java.util.List;

/**
 * One step of redaction over one line: a {@link PatternRule}, the {@link TokenScanner} or the
 * {@link Assignments}.
 */
interface LineRule {
  /**
   * The line with this rule's secrets masked; the same instance when nothing was masked. Called
   * only on lines that hold one of the rule's {@link #markers} ({@link MarkerIndex} has checked).
   */
  String applyToCandidate(String line);

  /** Texts of which every match holds one; none means the rule runs on every line. */
  default List<String> markers() {
    return List.of();
  }

  /** Whether {@link #markers} are compared ignoring ASCII case (and written in lower case). */
  default boolean markersIgnoreCase() {
    return false;
  }
}
