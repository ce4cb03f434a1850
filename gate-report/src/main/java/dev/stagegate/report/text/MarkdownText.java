package dev.stagegate.report.text;

/**
 * Turns untrusted text (anything a container printed, and anything derived from it) into Markdown
 * that shows exactly that text and cannot change the structure around it.
 *
 * <p>Each method is for one context; using the wrong one is the bug to look for in review:
 *
 * <ul>
 *   <li>{@link #text} for running text (paragraphs, list items, headings): single line, HTML
 *       entities for {@code < > &}, backslash escapes for Markdown punctuation.
 *   <li>{@link #cell} for a GFM table cell: as text, with {@code |} escaped and line breaks as
 *       {@code <br>}.
 *   <li>{@link #code} for an inline code span (never in a table cell: GFM splits cells on {@code |}
 *       even inside code).
 *   <li>{@link #fence} for a fenced code block of many lines.
 *   <li>{@link #html} for text inside a raw HTML block such as {@code <summary>}, where Markdown is
 *       not parsed and only entities work.
 * </ul>
 *
 * All of them first clean the text with {@link UntrustedText} (escape codes, control characters,
 * broken surrogates, overlong lines).
 *
 * <pre>{@code
 * String item = "- line 41: " + MarkdownText.code(logLine);
 * String block = MarkdownText.fence(healthBody, "text");
 * }</pre>
 */
public final class MarkdownText {
  private MarkdownText() {}

  /**
   * Running text on one line. Line breaks become spaces; leading and trailing whitespace is dropped
   * (it would otherwise start an indented code block or a hard line break).
   */
  public static String text(String untrusted) {
    return escapeInline(UntrustedText.cleanLine(untrusted).strip());
  }

  /**
   * Escapes one already-cleaned line. Kept apart from cleaning because cleaning twice is not
   * harmless: a line already cut would be cut again and lose its marker.
   */
  private static String escapeInline(String line) {
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        // Inline syntax: code, emphasis, links, strikethrough, GitHub math, table pipes.
        case '\\', '`', '*', '[', ']', '~', '$', '|' -> out.append('\\').append(c);
        // Intraword underscores cannot open or close emphasis; leave identifiers readable.
        case '_' -> {
          if (isWordChar(line, i - 1) && isWordChar(line, i + 1)) {
            out.append(c);
          } else {
            out.append("\\_");
          }
        }
        // A heading's closing sequence, or a heading when at the start: only after whitespace.
        case '#' -> {
          if (i == 0 || Character.isWhitespace(line.charAt(i - 1))) {
            out.append("\\#");
          } else {
            out.append(c);
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Text for one GFM table cell. Line breaks are kept as {@code <br>}; pipes cannot end the cell.
   * Empty text stays empty.
   */
  public static String cell(String untrusted) {
    String cleaned = UntrustedText.clean(untrusted).strip();
    if (cleaned.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String line : cleaned.split("\n", -1)) {
      String escaped = escapeInline(line.strip());
      if (escaped.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append("<br>");
      }
      out.append(escaped);
    }
    return out.toString();
  }

  /**
   * An inline code span showing the text literally on one line. The delimiter is a backtick run
   * longer than any inside, so the content cannot close it. Empty text gives {@code *(empty)*}. Not
   * for table cells.
   */
  public static String code(String untrusted) {
    String line = UntrustedText.cleanLine(untrusted);
    if (line.isEmpty()) {
      return "*(empty)*";
    }
    String ticks = "`".repeat(longestRun(line, '`') + 1);
    // CommonMark strips one space from each side when both are spaces, and a backtick at an edge
    // would join the delimiter; pad in those cases (padding is stripped when rendered).
    boolean pad =
        line.startsWith("`")
            || line.endsWith("`")
            || (line.startsWith(" ") && line.endsWith(" ") && !line.isBlank());
    String space = pad ? " " : "";
    return ticks + space + line + space + ticks;
  }

  /**
   * A fenced code block holding the text literally, one line per line, ending in a newline. The
   * fence is a backtick run longer than any in the text (at least three), so no line can close it.
   *
   * @param info the info string, e.g. {@code text} or {@code json}; ours, not untrusted
   */
  public static String fence(String untrusted, String info) {
    if (info.indexOf('`') >= 0 || info.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("info string must not contain ` or a line break: " + info);
    }
    String content = UntrustedText.clean(untrusted);
    String fence = "`".repeat(Math.max(3, longestRun(content, '`') + 1));
    StringBuilder out =
        new StringBuilder(content.length() + 2 * fence.length() + info.length() + 4);
    out.append(fence).append(info).append('\n');
    if (!content.isEmpty()) {
      out.append(content);
      if (!content.endsWith("\n")) {
        out.append('\n');
      }
    }
    return out.append(fence).append('\n').toString();
  }

  /**
   * Text for inside a raw HTML block (e.g. {@code <summary>}): one line, HTML-escaped. Markdown
   * escapes do not work there, and a blank line would end the block, so neither is produced.
   */
  public static String html(String untrusted) {
    String line = UntrustedText.cleanLine(untrusted).strip();
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isWordChar(String s, int i) {
    return i >= 0 && i < s.length() && Character.isLetterOrDigit(s.charAt(i));
  }

  private static int longestRun(String s, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        run++;
        longest = Math.max(longest, run);
      } else {
        run = 0;
      }
    }
    return longest;
  }
}
