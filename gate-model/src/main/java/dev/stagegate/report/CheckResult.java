package dev.stagegate.report;

/**
 * One check of a gate: what was checked, whether it passed, and the raw evidence behind it.
 *
 * @param name what was checked, e.g. {@code smoke GET api:8000/health}
 * @param status the result
 * @param detail one sentence on what was seen, e.g. {@code status 200, JSON subset matched}
 * @param rawOutput the raw output behind the check (a response body, build output), may be empty
 */
public record CheckResult(String name, CheckStatus status, String detail, String rawOutput) {
  public CheckResult {
    rawOutput = rawOutput == null ? "" : rawOutput;
    detail = detail == null ? "" : detail;
  }

  public static CheckResult pass(String name, String detail, String rawOutput) {
    return new CheckResult(name, CheckStatus.PASS, detail, rawOutput);
  }

  public static CheckResult fail(String name, String detail, String rawOutput) {
    return new CheckResult(name, CheckStatus.FAIL, detail, rawOutput);
  }

  public boolean passed() {
    return status == CheckStatus.PASS;
  }
}
