package dev.stagegate.report.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks PEM private keys ({@code -----BEGIN … PRIVATE KEY-----} … {@code -----END … PRIVATE
 * KEY-----}) line by line, carrying whether the previous line left a key open.
 *
 * <p>A key on one line (as in JSON, with {@code \n} escapes) is masked from BEGIN to END. A BEGIN
 * without END on its line masks the rest of that line and opens a block; while a block is open,
 * each line that looks like key material is masked (a run of base64 of at least 16 chars, or a
 * shorter one ending in {@code =} padding, as the line's last word, keeping any log prefix before
 * it; a line of base64 alone; PEM headers such as {@code Proc-Type:}; blank lines stay blank). The
 * END line closes the block. A line that looks like none of these also closes it, so a key cut off
 * before its END cannot swallow the rest of a log. Certificates and public keys are not secrets and
 * are left alone.
 */
final class PemBlocks {
  static final String KIND = "private-key";
  private static final String MARKER = "PRIVATE KEY";
  private static final Pattern BEGIN =
      Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----");
  private static final Pattern END =
      Pattern.compile("-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----");

  /** The last word of a body line: long base64, or a short last line ending in padding. */
  private static final Pattern BODY_WORD =
      Pattern.compile("(?:[A-Za-z0-9+/=]{16,}|[A-Za-z0-9+/]+={1,2})$");

  private static final Pattern SHORT_BODY_LINE = Pattern.compile("^\\s*[A-Za-z0-9+/]+={0,2}\\s*$");
  private static final Pattern HEADER =
      Pattern.compile("^\\s*(?:Proc-Type|DEK-Info|Comment|Version):.*$");

  /** Whether a key block is open after the lines seen so far. */
  private boolean open;

  /** Masks key material in one line, updating whether a block is open. */
  String apply(String line) {
    if (open) {
      Matcher end = END.matcher(line);
      if (end.find()) {
        open = false;
        return line.substring(0, end.start())
            + PatternRule.replacement(KIND)
            + masked(line.substring(end.end()));
      }
      String body = maskBody(line);
      if (body != null) {
        return body;
      }
      open = false;
    }
    return masked(line);
  }

  /** Whether the last line seen left a key block open. */
  boolean isOpen() {
    return open;
  }

  /** Masks every BEGIN…END span of the line; a BEGIN without END opens a block. */
  private String masked(String line) {
    if (!line.contains(MARKER)) {
      return line;
    }
    Matcher begin = BEGIN.matcher(line);
    if (!begin.find()) {
      return line;
    }
    Matcher end = END.matcher(line);
    if (end.find(begin.end())) {
      return line.substring(0, begin.start())
          + PatternRule.replacement(KIND)
          + masked(line.substring(end.end()));
    }
    open = true;
    return line.substring(0, begin.start()) + PatternRule.replacement(KIND);
  }

  /** The line with its key material masked, or {@code null} when it is not key material. */
  private static String maskBody(String line) {
    if (line.isBlank()) {
      return line;
    }
    if (HEADER.matcher(line).matches() || SHORT_BODY_LINE.matcher(line).matches()) {
      return PatternRule.replacement(KIND);
    }
    String trimmed = line.stripTrailing();
    Matcher word = BODY_WORD.matcher(trimmed);
    if (word.find()) {
      int start = word.start();
      if (start == 0 || Character.isWhitespace(trimmed.charAt(start - 1))) {
        return trimmed.substring(0, start) + PatternRule.replacement(KIND);
      }
    }
    return null;
  }
}
