package dev.stagegate.report.deploy;

/**
 * A deployment marker could not be read: it is not well-formed JSON, a field is missing, empty or
 * of the wrong type, or the timestamp is not an ISO-8601 instant. The message names the source and,
 * where known, the line and column, e.g. {@code /app/.deployment_marker in service "api":3:16:
 * field "timestamp" is not an ISO-8601 instant with an offset: "yesterday"}.
 *
 * <pre>{@code
 * try {
 *   DeploymentMarker marker = DeploymentMarker.parse(json, "build/.deployment_marker");
 * } catch (DeploymentMarkerException e) {
 *   System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public final class DeploymentMarkerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The file or other source that was read. */
  private final String source;

  /** 1-based line of the problem, or -1 when not known. */
  private final int line;

  /** 1-based column of the problem, or -1 when not known. */
  private final int column;

  /** What is wrong, without the source and position. */
  private final String problem;

  DeploymentMarkerException(String source, int line, int column, String problem, Throwable cause) {
    super(describe(source, line, column, problem), cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  private static String describe(String source, int line, int column, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(problem).toString();
  }

  /** The file or other source that was read. */
  public String source() {
    return source;
  }

  /** 1-based line of the problem, or -1 when not known. */
  public int line() {
    return line;
  }

  /** 1-based column of the problem, or -1 when not known. */
  public int column() {
    return column;
  }

  /** What is wrong, without the source and position, e.g. {@code missing field "commit"}. */
  public String problem() {
    return problem;
  }
}
