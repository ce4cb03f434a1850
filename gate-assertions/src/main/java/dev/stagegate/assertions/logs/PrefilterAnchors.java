package dev.stagegate.assertions.logs;

import java.util.List;

/**
 * The literals {@link AnchorPrefilter} looks for: every rule in {@link LineRule}, and the traceback
 * rule, needs at least one of them in a line. Each is at least 5 ASCII characters long and
 * case-sensitive on purpose.
 */
final class PrefilterAnchors {
  /**
   * Literals that the rules in {@link LineRule} and the traceback rule require; keep this in step
   * with them (the rule tests fail when a positive example has no anchor).
   */
  static final List<String> ALL =
      List.of(
          "Traceback",
          "ERROR",
          "Error",
          "CRITICAL",
          "SEVERE",
          "FATAL",
          "PANIC",
          "=error",
          "\"error\"",
          "=critical",
          "\"critical\"",
          "=fatal",
          "\"fatal\"",
          "=panic",
          "\"panic\"",
          "Exception in thread",
          "Caused by: ",
          "panic: ",
          "fatal error: ",
          "Unhandled",
          "unhandled",
          "egmentation fault",
          "segfault",
          "SIGSEGV",
          "dumped",
          "Killed",
          "JavaScript heap",
          // exception lines with frames, Node/.NET/Go/Rust/C++/npm crash lines
          "Exception",
          "Throwable",
          "panic serving",
          "panicked at",
          "terminate called",
          "npm error",
          " ERR!",
          // native aborts: glibc assertions and heap checks, stack protector, faulthandler, JVM
          "Assertion `",
          "double free",
          "free(): ",
          "malloc(): ",
          "munmap_chunk",
          "corrupted size",
          "stack smashing",
          "fatal error has been detected",
          // bracketed and lower-case levels: [error], [core:crit], sshd[1]: error: ...
          "error]",
          "crit]",
          "alert]",
          "emerg]",
          "fatal]",
          "error:",
          "fatal:",
          "crit:",
          "alert:",
          "emerg:",
          "fail: ",
          "err: ",
          // upper-case short levels: zerolog's ERR, [CRIT], EMERG, ALERT
          " ERR ",
          "[ERR]",
          " ERR]",
          " FTL ",
          " FTL]",
          "FAILURE",
          "Fatal",
          "Critical",
          " CRIT",
          "[CRIT",
          "EMERG",
          "ALERT",
          // logfmt and JSON spellings beyond =error and "error"
          "l=err",
          "l=ERR",
          "y=err",
          "=eror",
          "=crit",
          "=alert",
          "=emerg",
          "\"err\"",
          "\"crit\"",
          "\"alert\"",
          "\"emerg\"",
          // numeric JSON levels that mean error or worse, spelled out so that pino's info (30) or
          // warn (40) lines do not pass: syslog/GELF 0-3, pino 50/60, Monolog 400-600
          "\"level\":0,",
          "\"level\":1,",
          "\"level\":2,",
          "\"level\":3,",
          "\"level\":0}",
          "\"level\":1}",
          "\"level\":2}",
          "\"level\":3}",
          "\"level\":50",
          "\"level\":60",
          "\"level\":400",
          "\"level\":500",
          "\"level\":550",
          "\"level\":600",
          "\"level\": 0,",
          "\"level\": 1,",
          "\"level\": 2,",
          "\"level\": 3,",
          "\"level\": 0}",
          "\"level\": 1}",
          "\"level\": 2}",
          "\"level\": 3}",
          "\"level\": 50",
          "\"level\": 60",
          "\"level\": 400",
          "\"level\": 500",
          "\"level\": 550",
          "\"level\": 600");

  private PrefilterAnchors() {}
}
