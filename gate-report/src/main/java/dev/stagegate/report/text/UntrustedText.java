package dev.stagegate.report.text;

/**
 * Makes text that a container printed safe to show to a reviewer, before any format-specific
 * escaping.
 *
 * <p>Anything a container prints is hostile: it may carry terminal escape codes that recolour or
 * hide text, control characters, Unicode direction overrides that reorder what the reviewer sees,
 * lines long enough to make a report unreadable, or broken UTF-16 that cannot be written as UTF-8.
 * This class removes those; escaping for a target format (Markdown, HTML) is a separate step.
 *
 * <pre>{@code
 * String shown = UntrustedText.clean("\u001b[31mERROR\u001b[0m boom\u0000");
 * // shown == "ERROR boom"
 * }</pre>
 */
public final class UntrustedText {
  /** Lines longer than this many chars are cut, so one runaway line cannot bury the report. */
  public static final int MAX_LINE_LENGTH = 2000;

  private static final char ESC = '\u001b';
  private static final char BEL = '\u0007';
  private static final char C1_CSI = '\u009b';

  private UntrustedText() {}

  /**
   * Cleans multi-line text: keeps line breaks ({@code \n}; {@code \r\n} and lone {@code \r} become
   * {@code \n}) and tabs, removes terminal escape sequences, other control characters and direction
   * overrides, replaces unpaired surrogates with U+FFFD and cuts each line at {@link
   * #MAX_LINE_LENGTH}.
   */
  public static String clean(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    String stripped = stripControls(replaceUnpairedSurrogates(normalized), true);
    StringBuilder out = new StringBuilder(Math.min(stripped.length(), 1 << 16));
    int start = 0;
    while (true) {
      int end = stripped.indexOf('\n', start);
      out.append(cutLine(stripped.substring(start, end < 0 ? stripped.length() : end)));
      if (end < 0) {
        return out.toString();
      }
      out.append('\n');
      start = end + 1;
    }
  }

  /**
   * Cleans text meant for one line (a table cell, a heading): as {@link #clean(String)}, but line
   * breaks become a single space.
   */
  public static String cleanLine(String text) {
    return clean(text).replace('\n', ' ');
  }

  /**
   * Replaces each unpaired surrogate with U+FFFD. A Java string holding one cannot be encoded as
   * UTF-8; this is also where bytes that were not valid UTF-8 end up when decoded leniently.
   */
  public static String replaceUnpairedSurrogates(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(n).append(text, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Cuts a line longer than {@link #MAX_LINE_LENGTH}, saying how much was cut, e.g. {@code … [cut
   * 98000 chars]}. Never splits a surrogate pair.
   */
  public static String cutLine(String line) {
    if (line.length() <= MAX_LINE_LENGTH) {
      return line;
    }
    int keep = MAX_LINE_LENGTH;
    if (Character.isHighSurrogate(line.charAt(keep - 1))) {
      keep--;
    }
    return line.substring(0, keep) + "… [cut " + (line.length() - keep) + " chars]";
  }

  /**
   * Removes terminal escape sequences (CSI such as colours, OSC such as window titles and
   * hyperlinks, DCS/SOS/PM/APC strings, two-char escapes), then every other control character
   * except tab (and newline when {@code keepNewlines}), and the bidirectional overrides and
   * isolates (U+202A–U+202E, U+2066–U+2069) that can make a line read differently from what it
   * holds. A hand scanner rather than a regex keeps this linear on a 100 000-char line.
   */
  static String stripControls(String text, boolean keepNewlines) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == ESC) {
        i = skipEscape(text, i + 1);
      } else if (c == C1_CSI) {
        i = skipCsiBody(text, i + 1);
      } else if (c == '\t' || (c == '\n' && keepNewlines)) {
        out.append(c);
        i++;
      } else if (Character.isISOControl(c) || isDirectionControl(c)) {
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Returns the index after the escape sequence whose introducer (after ESC) is at {@code i}. */
  private static int skipEscape(String text, int i) {
    if (i >= text.length()) {
      return i;
    }
    char kind = text.charAt(i);
    switch (kind) {
      case '[':
        return skipCsiBody(text, i + 1);
      case ']':
      case 'P':
      case 'X':
      case '^':
      case '_':
        return skipStringBody(text, i + 1);
      default:
        // A two-char escape (ESC c, ESC 7, ESC ( B ...): drop ESC and the next char only.
        return i + 1;
    }
  }

  /** CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E. */
  private static int skipCsiBody(String text, int i) {
    int n = text.length();
    while (i < n && text.charAt(i) >= 0x30 && text.charAt(i) <= 0x3F) {
      i++;
    }
    while (i < n && text.charAt(i) >= 0x20 && text.charAt(i) <= 0x2F) {
      i++;
    }
    if (i < n && text.charAt(i) >= 0x40 && text.charAt(i) <= 0x7E) {
      i++;
    }
    return i;
  }

  /**
   * OSC and friends run to BEL or ESC \. A string that is never terminated on this line runs to the
   * end of the line, not the end of the text, so it cannot swallow the rest of a log.
   */
  private static int skipStringBody(String text, int i) {
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == BEL) {
        return i + 1;
      }
      if (c == ESC && i + 1 < n && text.charAt(i + 1) == '\\') {
        return i + 2;
      }
      if (c == '\n') {
        return i;
      }
      i++;
    }
    return i;
  }

  private static boolean isDirectionControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }
}
