package dev.stagegate.report.redact;

/** One step of redaction over one line: a {@link PatternRule} or the {@link TokenScanner}. */
interface LineRule {
  /**
   * The line with this rule's secrets masked; the same instance when nothing was masked.
   *
   * @param lowerLine {@code line} in lower case, computed once for all rules by the caller
   */
  String apply(String line, String lowerLine);
}
