package dev.stagegate.report.markdown;

import java.util.List;

/**
 * The last lines of a long text for the Markdown audit, saying how many were left out: the audit
 * keeps what a reviewer reads, the JSON twin keeps everything.
 *
 * @param lines the lines shown, the last ones of the text
 * @param total how many lines the text had
 */
record TailExcerpt(List<String> lines, int total) {
  TailExcerpt {
    lines = List.copyOf(lines);
  }

  /**
   * The last {@code max} lines of {@code all}, or all of them when cutting would hide fewer lines
   * than it shows (a 7-line marker is shown whole, not as 6 lines and a note).
   */
  static TailExcerpt of(List<String> all, int max) {
    int from = all.size() <= 2 * max ? 0 : all.size() - max;
    return new TailExcerpt(all.subList(from, all.size()), all.size());
  }

  /**
   * The last {@code max} lines of {@code text}, leading and trailing blank lines dropped (build
   * output starts with one); every other line verbatim, indentation included.
   */
  static TailExcerpt of(String text, int max) {
    List<String> lines = List.of(text.split("\r?\n", -1));
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return of(lines.subList(from, to), max);
  }

  boolean cut() {
    return lines.size() < total;
  }

  /** {@code 3 lines} or {@code last 20 of 120 lines}. */
  String describe() {
    return cut()
        ? "last " + lines.size() + " of " + total + " lines"
        : total + (total == 1 ? " line" : " lines");
  }

  String text() {
    return String.join("\n", lines);
  }
}
