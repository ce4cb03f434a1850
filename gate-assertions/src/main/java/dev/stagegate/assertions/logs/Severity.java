package dev.stagegate.assertions.logs;

/** The level a log line declares for itself, reduced to what the audit cares about. */
enum Severity {
  /** No level found. */
  NONE,
  /** TRACE, DEBUG, INFO, NOTICE and the like: a crash signature inside such a line is a message. */
  QUIET,
  /** WARN, WARNING. */
  WARN,
  /** ERROR, CRITICAL, SEVERE, {@code Error:}. */
  ERROR,
  /** FATAL, PANIC, ALERT, EMERG. */
  FATAL
}
