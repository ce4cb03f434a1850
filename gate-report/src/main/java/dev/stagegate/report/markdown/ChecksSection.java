package dev.stagegate.report.markdown;

import dev.stagegate.report.CheckResult;
import dev.stagegate.report.CheckStatus;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each check with its result, then the raw output behind each check that has one (a response body,
 * build output), folded in {@code <details>}. When every check passed, one line says so and the
 * table has no Result column; a passing check's long detail (the image IDs it kept) is cut at a
 * clause, with where the whole is. A check run more than once with the same result (a smoke check
 * before and after the burn-in) is one row saying how often, and an output identical to an earlier
 * check's (a marker written, then read back) says so instead, or is named with the earlier output
 * when that was only named; a failed check's output is always quoted. A failed check's output shows
 * its last {@link #FAILED_OUTPUT_LINES} lines, verbatim. A passing check's output is quoted when it
 * is short (a response body, up to {@link #OUTPUT_LINES} lines); a longer one (build or compose
 * output of a step that worked) is named with its length in one line, since the check's detail
 * already says what it did. The JSON twin keeps all of it.
 */
final class ChecksSection implements GateSection {
  /**
   * Output lines quoted for a check that passed (a response body); longer outputs of a passing
   * check (build and compose output, a marker file) are only named: its detail says what it did.
   */
  static final int OUTPUT_LINES = 3;

  /** Output lines shown for a check that failed: the error and what led to it. */
  static final int FAILED_OUTPUT_LINES = 60;

  /**
   * A passing check's detail longer than this is cut (to at most {@link #DETAIL_CHARS}): the image
   * IDs a gate kept, listed again under Images, or the drill's, in the JSON twin.
   */
  static final int DETAIL_CUT_ABOVE = 160;

  /** Characters of a long passing check's detail shown. */
  static final int DETAIL_CHARS = 120;

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
    // a Result column of PASS in every row says one thing: say it once
    boolean allPassed = runs.keySet().stream().allMatch(CheckResult::passed);
    List<List<String>> rows = new ArrayList<>();
    runs.forEach(
        (check, n) -> {
          String name = MarkdownText.cell(check.name()) + (n > 1 ? " (" + n + " runs)" : "");
          String detail = detail(check, gate.checks().indexOf(check));
          rows.add(
              allPassed ? List.of(name, detail) : List.of(name, result(check.status()), detail));
        });
    if (allPassed) {
      doc.paragraph("Every check passed:");
      doc.table(List.of("Check", "Detail"), rows);
    } else {
      doc.table(List.of("Check", "Result", "Detail"), rows);
    }
    Map<String, String> shownFor = new HashMap<>();
    // an output named, not quoted, and the later checks whose output is the same
    Map<String, String> notQuotedName = new LinkedHashMap<>();
    Map<String, String> notQuotedSize = new HashMap<>();
    Map<String, List<String>> sameAs = new HashMap<>();
    for (CheckResult check : runs.keySet()) {
      if (check.rawOutput().isBlank()) {
        continue;
      }
      boolean failed = check.status() == CheckStatus.FAIL;
      String earlier = shownFor.putIfAbsent(check.rawOutput(), check.name());
      if (earlier != null) {
        if (notQuotedName.containsKey(check.rawOutput())) {
          if (!failed) {
            // a marker read back unchanged from an output named, not quoted: named with it
            sameAs.get(check.rawOutput()).add(MarkdownText.code(check.name()));
            continue;
          }
          // a failed check's output is quoted, even when a passing one had the same
        } else {
          // a marker written, then read back unchanged: say so rather than show it twice
          doc.paragraph(
              "Output of "
                  + MarkdownText.code(check.name())
                  + ": the same as "
                  + MarkdownText.code(earlier)
                  + "'s.");
          continue;
        }
      }
      if (!failed && check.detail().contains(check.rawOutput().strip())) {
        continue; // a body the detail already quotes ("body contains {...}"): once is enough
      }
      TailExcerpt out = TailExcerpt.of(check.rawOutput(), FAILED_OUTPUT_LINES);
      if (!failed && out.total() > OUTPUT_LINES) {
        // the output of a step that worked: its detail says what it did, the twin keeps the rest
        notQuotedName.put(check.rawOutput(), MarkdownText.code(check.name()));
        notQuotedSize.put(check.rawOutput(), out.total() + " lines");
        sameAs.put(check.rawOutput(), new ArrayList<>());
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
    if (!notQuotedName.isEmpty()) {
      List<String> notQuoted = new ArrayList<>();
      notQuotedName.forEach(
          (output, name) -> {
            List<String> same = sameAs.get(output);
            notQuoted.add(
                name
                    + " "
                    + notQuotedSize.get(output)
                    + (same.isEmpty()
                        ? ""
                        : " (also the output of " + String.join(", ", same) + ")"));
          });
      doc.paragraph(
          "Not quoted, passing (JSON twin → `checks[].rawOutput`): "
              + String.join(", ", notQuoted)
              + ".");
    }
  }

  /**
   * The check's detail as a cell; a passing check's detail longer than {@link #DETAIL_CUT_ABOVE}
   * characters is cut at the last clause ending within {@link #DETAIL_CHARS} and says where the
   * whole is. A failed or skipped check's detail is the evidence: never cut.
   */
  static String detail(CheckResult check, int index) {
    String detail = check.detail();
    if (!check.passed() || detail.length() <= DETAIL_CUT_ABOVE) {
      return MarkdownText.cell(detail);
    }
    int cut =
        Math.max(detail.lastIndexOf(", ", DETAIL_CHARS), detail.lastIndexOf("; ", DETAIL_CHARS));
    if (cut <= 0) {
      cut = detail.lastIndexOf(' ', DETAIL_CHARS);
    }
    if (cut <= 0) {
      cut = DETAIL_CHARS;
    }
    return MarkdownText.cell(detail.substring(0, cut))
        + " … (whole: JSON twin → `checks["
        + index
        + "].detail`)";
  }

  /** Failures in bold so they stand out in a long table. */
  private static String result(CheckStatus status) {
    return status == CheckStatus.FAIL ? "**FAIL**" : String.valueOf(status);
  }
}
