package dev.stagegate.assertions.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the lines that follow the first line of a crash look, for the block state machine in {@link
 * LogScanner}: which lines continue the failure that is already open, so that one crash is one
 * finding.
 *
 * <pre>
 * 2024-05-01 12:00:00,123 ERROR [main] c.e.Worker - job failed    head (a single-line finding)
 * java.lang.IllegalStateException: no connection                  exception line (message)
 * 	at com.example.Worker.run(Worker.java:42)                      frame (indented)
 * Caused by: java.net.ConnectException: refused                   cause (message)
 * 	... 3 more                                                     indented
 *
 * panic: runtime error: index out of range [5] with length 3        head
 * [signal SIGSEGV: segmentation violation code=0x1 addr=0x0]         signal
 * goroutine 1 [running]:                                            goroutine header
 * main.main()                                                       Go frame (only inside a dump)
 * 	/app/main.go:12 +0x1d                                            indented
 * exit status 2                                                     process end
 * </pre>
 *
 * All checks take the line's content, i.e. after any docker timestamp.
 */
final class CrashLayout {
  /**
   * {@code java.lang.IllegalStateException: boom}, {@code com.x.FooError}, {@code TypeError: x},
   * {@code Error [ERR_HTTP_HEADERS_SENT]: ...}: a (dotted) class name ending in Exception, Error or
   * Throwable, then a colon, a bracketed code or the end of the line.
   */
  private static final Pattern EXCEPTION_LINE =
      Pattern.compile(
          "^(?:[A-Za-z_$][\\w$]*\\.)*(?:[A-Z][\\w$]*)?(?:Exception|Error|Throwable)"
              + "(?: \\[[\\w-]+\\])?(?::(?:\\s.*)?)?$");

  private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at \\S");
  // Frames whose indentation was lost (pasted or re-logged): Java's "at a.B.c(B.java:12)",
  // JavaScript's "at fn (/app/x.js:1:2)" or "at /app/x.js:1:2", and "... 12 more".
  private static final Pattern UNINDENTED_FRAME =
      Pattern.compile(
          "^(?:at [\\w$.<>/-]+\\([^()]*\\)(?: ~?\\[[^\\]]*\\])?"
              + "|at .*(?:\\(\\S+:\\d+:\\d+\\)|\\S+:\\d+:\\d+)"
              + "|\\.\\.\\. \\d+ (?:more|common frames omitted))$");
  // "goroutine 1 [running]:", Go 1.23's "goroutine 1 gp=0xc000002380 m=0 mp=0x5b6a40 [running]:"
  private static final Pattern GOROUTINE = Pattern.compile("^goroutine \\d+ [^\\[]*\\[.*\\]:$");
  private static final Pattern GO_FRAME = Pattern.compile("^[^\\s(]+\\(.*\\)$");
  private static final Pattern PROCESS_END =
      Pattern.compile(
          "^(?:exit status \\d+"
              + "|(?:Aborted|Segmentation fault|Illegal instruction|Bus error"
              + "|Trace/breakpoint trap)(?: \\(core dumped\\))?"
              + "|Node\\.js v\\d.*"
              + "|note: run with `RUST_BACKTRACE=.*"
              + "|stack backtrace:)$");
  private static final Pattern FAULTHANDLER =
      Pattern.compile(
          "^(?:(?:Current thread|Thread) 0x[0-9a-f]+ \\(most recent call first\\):"
              + "|Extension modules: .*)$");
  private static final Pattern NODE_WARNING = Pattern.compile("^\\((?:node:\\d+\\) |Use `node )");
  private static final Pattern POSTGRES_DETAIL =
      Pattern.compile("(?:^|\\s)(?:DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION):  ");
  private static final Pattern NODE_FILE_LINE =
      Pattern.compile("^(?:node:[\\w/]+|(?:file://)?/[^\\s:]*\\.[cm]?[jt]sx?):\\d+$");
  private static final Pattern LOGCAT_SOURCE =
      Pattern.compile(
          "^(?:\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\s+(\\d+\\s+\\d+\\s+[EFA]\\s+[^:]*?)"
              + "|([EFA]/[^(:]+\\(\\s*\\d+\\))):");
  private static final Pattern CARET = Pattern.compile("^\\s*\\^+\\s*$");

  private CrashLayout() {}

  static boolean isExceptionLine(String content) {
    return EXCEPTION_LINE.matcher(content).matches();
  }

  /** {@code \tat com.x.Foo.bar(Foo.java:1)}, {@code at run (/app/x.js:1:2)}, .NET's too. */
  static boolean isStackFrame(String content) {
    return STACK_FRAME.matcher(content).lookingAt()
        || (content.startsWith("at ") || content.startsWith("..."))
            && UNINDENTED_FRAME.matcher(content).matches();
  }

  static boolean isIndented(String content) {
    return !content.isEmpty() && (content.charAt(0) == ' ' || content.charAt(0) == '\t');
  }

  /** Java's {@code Caused by: ...} and {@code Suppressed: ...}, indented or not. */
  static boolean isCause(String content) {
    String s = content.stripLeading();
    return s.startsWith("Caused by: ") || s.startsWith("Suppressed: ");
  }

  /** C++'s {@code what(): boom} under {@code terminate called ...}. */
  static boolean isWhat(String content) {
    return content.stripLeading().startsWith("what():");
  }

  /** Where a Go dump starts: the signal line, {@code runtime stack:} or a goroutine header. */
  static boolean isGoDumpStart(String content) {
    return content.startsWith("[signal ")
        || content.equals("runtime stack:")
        || GOROUTINE.matcher(content).lookingAt();
  }

  /** Lines of a goroutine dump that are not indented: headers, functions, {@code created by}. */
  static boolean isGoDumpLine(String content) {
    return GOROUTINE.matcher(content).lookingAt()
        || content.startsWith("created by ")
        || content.startsWith("...additional frames elided...")
        || GO_FRAME.matcher(content).matches();
  }

  /**
   * Go's {@code panic: } or {@code fatal error: } inside a block (e.g. after {@code log.Panic}).
   */
  static boolean isGoPanic(String content) {
    return content.startsWith("panic: ") || content.startsWith("fatal error: ");
  }

  /** What a runtime or shell prints as the process dies, after the crash it reports. */
  static boolean isProcessEnd(String content) {
    return PROCESS_END.matcher(content).matches();
  }

  /** Node's follow-ups to a rejection: {@code (node:7) [DEP0018] DeprecationWarning: ...}. */
  static boolean isNodeWarning(String content) {
    return NODE_WARNING.matcher(content).lookingAt();
  }

  /**
   * The lines Python's faulthandler prints under {@code Fatal Python error: ...}: {@code Current
   * thread 0x00007f3c (most recent call first):} and {@code Extension modules: ...}.
   */
  static boolean isFaulthandlerLine(String content) {
    return FAULTHANDLER.matcher(content).matches();
  }

  /**
   * Node's module-resolution error: {@code Require stack:} and the {@code - /app/server.js} lines
   * under it, between the error line and its frames.
   */
  static boolean isNodeRequireStack(String content) {
    return content.equals("Require stack:") || content.startsWith("- ");
  }

  /** The end of an error's printed properties ({@code { code: 'X' }}). */
  static boolean isClosingBrace(String content) {
    return content.equals("}") || content.equals("]");
  }

  /** PostgreSQL's lines that explain the ERROR before them. */
  static boolean isPostgresDetail(String content) {
    return content.indexOf(":  ") >= 0 && POSTGRES_DETAIL.matcher(content).find();
  }

  /** The first line of Node's uncaught-error layout: {@code /app/server.js:452}. */
  static boolean isNodeFileLine(String content) {
    return NODE_FILE_LINE.matcher(content).matches();
  }

  /**
   * For an Android logcat error line, who wrote it ({@code 4321 4321 E AndroidRuntime}, {@code
   * E/AndroidRuntime( 4321)}), else null: logcat prints a crash as one line per line of the stack
   * trace, all from the same writer.
   */
  static String logcatSource(String content) {
    if (content.length() < 3
        || !(Character.isDigit(content.charAt(0)) || content.charAt(1) == '/')) {
      return null;
    }
    Matcher m = LOGCAT_SOURCE.matcher(content);
    if (!m.lookingAt()) {
      return null;
    }
    String source = m.group(1) != null ? m.group(1) : m.group(2);
    return source.replaceAll("\\s+", " ");
  }

  /** The text of a logcat line after its writer ({@code ...: java.lang.IllegalStateException}). */
  static String logcatMessage(String content) {
    Matcher m = LOGCAT_SOURCE.matcher(content);
    return m.lookingAt() ? content.substring(m.end()).strip() : content;
  }

  /** The caret under the failing source line: {@code ^}. */
  static boolean isCaret(String content) {
    return CARET.matcher(content).matches();
  }
}
