package dev.stagegate.report.json;

/**
 * An audit JSON document could not be read: it is not well-formed JSON, or it does not hold an
 * audit this library understands. The message names the source and, where known, the line, column
 * and JSON path of the problem, e.g. {@code build/stagegate/stability_audit.json:12:18: ... (at
 * gates[0].verdict)}.
 *
 * <pre>{@code
 * try {
 *   AuditJson.readReport(file);
 * } catch (AuditJsonException e) {
 *   System.err.println(e.source() + " line " + e.line() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class AuditJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The file or other source that was read. */
  private final String source;

  /** 1-based line of the problem, or -1 when not known. */
  private final int line;

  /** 1-based column of the problem, or -1 when not known. */
  private final int column;

  /** The JSON path of the problem, e.g. {@code gates[0].verdict}, or empty. */
  private final String path;

  AuditJsonException(
      String source, int line, int column, String path, String problem, Throwable cause) {
    super(describe(source, line, column, path, problem), cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.path = path;
  }

  private static String describe(String source, int line, int column, String path, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ").append(problem);
    if (!path.isEmpty()) {
      sb.append(" (at ").append(path).append(')');
    }
    return sb.toString();
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

  /** The JSON path of the problem, e.g. {@code gates[0].verdict}, or empty when not known. */
  public String path() {
    return path;
  }
}
