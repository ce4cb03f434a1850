package dev.stagegate.report.redact;

/** One step of redaction over one line: a {@link PatternRule} or the {@link TokenScanner}. */
interface LineRule {
  /**
   * The line with this rule's secrets masked; the same instance when nothing was masked. Called
   * only on lines that hold one of the rule's markers ({@link MarkerIndex} has checked).
   */
  String applyToCandidate(String line);
}
