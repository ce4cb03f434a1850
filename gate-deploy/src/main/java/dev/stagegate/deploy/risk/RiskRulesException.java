package dev.stagegate.deploy.risk;

/**
 * A risk rules file could not be used. The message names the file and line, says what is wrong and
 * how to fix it: {@code stagegate-risk.yml:7: level 'CRITICAL' is not a level. Fix: use LOW, MEDIUM
 * or HIGH.}
 *
 * <pre>{@code
 * try {
 *   rules = RiskRules.load(repoRoot);
 * } catch (RiskRulesException e) {
 *   System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public final class RiskRulesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The file that was read. */
  private final String source;

  /** 1-based line of the problem, or -1 when not known. */
  private final int line;

  RiskRulesException(String source, int line, String problem, String fix) {
    super(source + (line > 0 ? ":" + line : "") + ": " + problem + ". Fix: " + fix);
    this.source = source;
    this.line = line;
  }

  /** The file that was read. */
  public String source() {
    return source;
  }

  /** 1-based line of the problem, or -1 when not known. */
  public int line() {
    return line;
  }
}
