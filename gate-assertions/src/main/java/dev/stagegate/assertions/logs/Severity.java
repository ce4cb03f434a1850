package dev.stagegate.assertions.logs;

/** The level a log line declares for itself, reduced to what the audit cares about. */
enum Severity {
  /** No level, or a level below error (TRACE, DEBUG, INFO, WARN, ...). */
  NONE,
  /** ERROR, CRITICAL, SEVERE, {@code Error:}. */
  ERROR,
  /** FATAL, PANIC. */
  FATAL
}
