package dev.stagegate.report.redact;

/**
 * A value known to be secret (e.g. from the stack's environment) and the label that replaces it.
 *
 * @param value the exact text to mask, one line, not trivial (see {@link Redactor})
 * @param label what the reviewer sees instead, e.g. {@code env API_KEY}
 */
record KnownSecret(String value, String label) {
  String replacement() {
    return PatternRule.replacement(label);
  }
}
