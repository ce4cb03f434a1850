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
 * an earlier check's (a marker written, then read back) says so instead. A long output shows its
 * last {@link #OUTPUT_LINES} lines ({@link #FAILED_OUTPUT_LINES} for a failed check), verbatim; the
 * JSON twin keeps all of it.
 */
final class ChecksSection implements GateSection {
  /** Output lines shown for a check that passed (build output tails end in what it built). */
  static final int OUTPUT_LINES = 6;

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
      TailExcerpt out =
          TailExcerpt.of(
              check.rawOutput(),
              check.status() == CheckStatus.FAIL ? FAILED_OUTPUT_LINES : OUTPUT_LINES);
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
  }

  /** Failures in bold so they stand out in a long table. */
  private static String result(CheckStatus status) {
    return status == CheckStatus.FAIL ? "**FAIL**" : String.valueOf(status);
  }
}
