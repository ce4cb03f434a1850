package dev.stagegate.report.markdown;

import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each check with its result, then the raw output behind each check that has one (a response body,
 * build output), folded in {@code <details>}. A check run more than once with the same result (a
 * smoke check before and after the burn-in) is one row saying how often, and an output identical to
 * an earlier check's (a marker written, then read back) says so instead. A failed check's output
 * shows its last {@link #FAILED_OUTPUT_LINES} lines, verbatim. A passing check's output is quoted
 * when it is short (a response body, up to {@link #OUTPUT_LINES} lines); a longer one (build or
 * compose output of a step that worked) is named with its length in one line, since the check's
 * detail already says what it did. The JSON twin keeps all of it.
 */
final class ChecksSection implements GateSection {
  /**
   * Output lines quoted for a check that passed (a response body); longer outputs of a passing
   * check (build and compose output, a marker file) are only named: its detail says what it did.
   */
  static final int OUTPUT_LINES = 3;

  /** Output lines shown for a check that failed: the error and what led to it. */
  static final int FAILED_OUTPUT_LINES = 60;

  @Override
  public void render(GateResult gate, MarkdownDocument doc) {
    doc.heading(3, "Checks");
    if (gate.checks().isEmpty()) {
      doc.paragraph("No checks ran.");
      return;
    }
    // Same check, same result, same output: one row; a check whose result changed keeps its rows.
    Map<CheckResult, Integer> runs = new LinkedHashMap<>();
    for (CheckResult check : gate.checks()) {
      runs.merge(check, 1, Integer::sum);
    }
    List<List<String>> rows = new ArrayList<>();
    runs.forEach(
        (check, n) ->
            rows.add(
                List.of(
                    MarkdownText.cell(check.name()) + (n > 1 ? " (" + n + " runs)" : ""),
                    result(check.status()),
                    MarkdownText.cell(check.detail()))));
    doc.table(List.of("Check", "Result", "Detail"), rows);
    Map<String, String> shownFor = new HashMap<>();
    List<String> notQuoted = new ArrayList<>();
    for (CheckResult check : runs.keySet()) {
      if (check.rawOutput().isBlank()) {
        continue;
      }
      String earlier = shownFor.putIfAbsent(check.rawOutput(), check.name());
      if (earlier != null) {
        // a marker written, then read back unchanged: say so rather than show it twice
        doc.paragraph(
            "Output of "
                + MarkdownText.code(check.name())
                + ": the same as "
                + MarkdownText.code(earlier)
                + "'s.");
        continue;
      }
      boolean failed = check.status() == CheckStatus.FAIL;
      if (!failed && check.detail().contains(check.rawOutput().strip())) {
        continue; // a body the detail already quotes ("body contains {...}"): once is enough
      }
      TailExcerpt out = TailExcerpt.of(check.rawOutput(), FAILED_OUTPUT_LINES);
      if (!failed && out.total() > OUTPUT_LINES) {
        // the output of a step that worked: its detail says what it did, the twin keeps the rest
        notQuoted.add(MarkdownText.code(check.name()) + " " + out.total() + " lines");
        continue;
      }
      doc.collapsedCodeBlock(
          "Output: "
              + check.name()
              + " ("
              + out.describe()
              + (out.cut() ? "; all of it in the JSON twin" : "")
              + ")",
          "text",
          out.text());
    }
    if (!notQuoted.isEmpty()) {
      doc.paragraph(
          "Not quoted, passing (JSON twin → `checks[].rawOutput`): "
              + String.join(", ", notQuoted)
              + ".");
    }
  }

  /** Failures in bold so they stand out in a long table. */
  private static String result(CheckStatus status) {
    return status == CheckStatus.FAIL ? "**FAIL**" : String.valueOf(status);
  }
}
