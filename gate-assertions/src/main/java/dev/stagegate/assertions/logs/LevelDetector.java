package dev.stagegate.assertions.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the level of a log line in the usual formats, so that the level rules judge the level
 * rather than the word "error" anywhere in the message.
 *
 * <p>The first format that applies decides, in this order:
 *
 * <ol>
 *   <li>glog: {@code E1123 12:00:00.000000 ...} (E = error, F = fatal);
 *   <li>JSON lines (starting with <code>{</code>): the {@code level}, {@code severity}, {@code lvl}
 *       or {@code log.level} key, and nothing else — text inside other values never counts;
 *   <li>logfmt: {@code level=error} (also {@code lvl=}, {@code severity=}, quoted values);
 *   <li>the first upper-case level word: {@code 2024-01-01 12:00:00,123 ERROR [x] msg}, {@code
 *       [ERROR] msg}, {@code ERROR:root:msg}, postgres' {@code FATAL:}; a later ERROR in an INFO
 *       line's message does not count because INFO came first;
 *   <li>{@code Error: something} as a whole word (not {@code ValueError:}, not {@code Errors:}).
 * </ol>
 *
 * Level values are matched in lower or upper case ({@code error}, {@code ERROR}), which is what
 * logging libraries emit and what {@link AnchorPrefilter} anchors on.
 */
final class LevelDetector {
  private static final Pattern GLOG = Pattern.compile("^([EF])\\d{4} \\d\\d:\\d\\d:\\d\\d");
  private static final Pattern JSON_LEVEL =
      Pattern.compile("\"(?:level|severity|lvl|log\\.level)\"\\s*:\\s*\"([A-Za-z]+)\"");
  private static final Pattern LOGFMT_LEVEL =
      Pattern.compile("(?:^|\\s)(?:level|lvl|severity)=\"?([A-Za-z]+)");
  private static final Pattern LEVEL_WORD =
      Pattern.compile(
          "(?<![\\w.])(TRACE|DEBUG|FINE|FINER|FINEST|CONFIG|INFO|NOTICE|WARN|WARNING|ERROR"
              + "|CRITICAL|SEVERE|FATAL|PANIC)(?![\\w.])");
  private static final Pattern ERROR_COLON = Pattern.compile("(?<![\\w.])Error:(?:\\s|$)");

  private LevelDetector() {}

  /** The severity of {@code content}, the line without a docker timestamp. */
  static Severity severity(String content) {
    Matcher m = GLOG.matcher(content);
    if (m.lookingAt()) {
      return m.group(1).equals("E") ? Severity.ERROR : Severity.FATAL;
    }
    if (content.startsWith("{")) {
      m = JSON_LEVEL.matcher(content);
      return m.find() ? ofValue(m.group(1)) : Severity.NONE;
    }
    m = LOGFMT_LEVEL.matcher(content);
    if (m.find()) {
      return ofValue(m.group(1));
    }
    m = LEVEL_WORD.matcher(content);
    if (m.find()) {
      return ofValue(m.group(1));
    }
    return ERROR_COLON.matcher(content).find() ? Severity.ERROR : Severity.NONE;
  }

  private static Severity ofValue(String value) {
    switch (value) {
      case "error":
      case "ERROR":
      case "critical":
      case "CRITICAL":
      case "SEVERE":
        return Severity.ERROR;
      case "fatal":
      case "FATAL":
      case "panic":
      case "PANIC":
        return Severity.FATAL;
      default:
        return Severity.NONE;
    }
  }
}
