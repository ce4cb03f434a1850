package dev.stagegate.assertions.logs;

import java.util.regex.Pattern;

/**
 * The single-line rules, in precedence order: a line yields at most one finding, named after the
 * first enabled rule that matches it. Crash signatures come before the level rules so that {@code
 * ERROR ... Segmentation fault} is reported as a segfault.
 *
 * <p>Every rule requires a literal listed in {@link AnchorPrefilter#ANCHORS}; lines without one
 * never reach {@link #matches}.
 */
enum LineRule {
  /** {@code java.lang.OutOfMemoryError}, Node's {@code JavaScript heap out of memory}. */
  OUT_OF_MEMORY("out-of-memory") {
    @Override
    boolean matches(String content, Severity severity) {
      return content.contains("OutOfMemoryError")
          || content.contains("JavaScript heap out of memory");
    }
  },
  /** {@code Exception in thread "main" java.lang.IllegalStateException: ...}. */
  JAVA_UNCAUGHT_EXCEPTION("java-uncaught-exception") {
    @Override
    boolean matches(String content, Severity severity) {
      return content.contains("Exception in thread \"");
    }
  },
  /** {@code Caused by: java.io.IOException: ...} in a Java stack trace. */
  JAVA_CAUSED_BY("java-caused-by") {
    @Override
    boolean matches(String content, Severity severity) {
      return content.stripLeading().startsWith("Caused by: ");
    }
  },
  /**
   * .NET's {@code Unhandled exception. System.InvalidOperationException: ...} (and .NET Framework's
   * {@code Unhandled Exception: ...}) at the start of the line.
   */
  DOTNET_UNHANDLED_EXCEPTION("dotnet-unhandled-exception") {
    @Override
    boolean matches(String content, Severity severity) {
      return content.startsWith("Unhandled exception. ")
          || content.startsWith("Unhandled Exception: ");
    }
  },
  /**
   * Go runtime {@code panic: runtime error: ...} at the start of the line, and net/http's {@code
   * http: panic serving 10.0.0.7:51234: ...} after the log prefix.
   */
  GO_PANIC("go-panic") {
    @Override
    boolean matches(String content, Severity severity) {
      return content.startsWith("panic: ") || content.contains("http: panic serving ");
    }
  },
  /** Go runtime {@code fatal error: concurrent map writes} at the start of the line. */
  GO_FATAL_ERROR("go-fatal-error") {
    @Override
    boolean matches(String content, Severity severity) {
      return content.startsWith("fatal error: ");
    }
  },
  /** Rust's {@code thread 'main' panicked at src/main.rs:10:5:} (any thread name). */
  RUST_PANIC("rust-panic") {
    private final Pattern pattern = Pattern.compile("^thread '[^']*' panicked at ");

    @Override
    boolean matches(String content, Severity severity) {
      return content.startsWith("thread '") && pattern.matcher(content).find();
    }
  },
  /**
   * The C++ runtime's {@code terminate called after throwing an instance of 'std::runtime_error'}
   * and {@code terminate called without an active exception}.
   */
  CPP_TERMINATE("cpp-terminate") {
    @Override
    boolean matches(String content, Severity severity) {
      return content.startsWith("terminate called ");
    }
  },
  /**
   * A native process aborting: glibc's {@code app: main.c:12: main: Assertion `p' failed.} and heap
   * checks ({@code double free or corruption}, {@code free(): invalid pointer}, {@code malloc():
   * ...}), {@code *** stack smashing detected ***}, {@code Fatal Python error: ...}, the JVM's
   * {@code A fatal error has been detected by the Java Runtime Environment}.
   */
  NATIVE_ABORT("native-abort") {
    private final Pattern pattern =
        Pattern.compile(
            "^(?:\\S+: \\S+:\\d+: .*: Assertion `.*' failed\\.$"
                + "|(?:double free or corruption|free\\(\\): invalid|malloc\\(\\): |realloc\\(\\): invalid"
                + "|munmap_chunk\\(\\): invalid|corrupted size vs\\. prev_size)"
                + "|\\*\\*\\* stack smashing detected \\*\\*\\*"
                + "|Fatal Python error: )");

    @Override
    boolean matches(String content, Severity severity) {
      return pattern.matcher(content).find()
          || content.contains("A fatal error has been detected by the Java Runtime Environment");
    }
  },
  /** npm's {@code npm ERR! ...} (npm 6–9) and {@code npm error ...} (npm 10). */
  NPM_ERROR("npm-error") {
    @Override
    boolean matches(String content, Severity severity) {
      return content.startsWith("npm ERR!") || content.startsWith("npm error ");
    }
  },
  /**
   * {@code (node:123) UnhandledPromiseRejectionWarning: ...}, {@code [UnhandledPromiseRejection:
   * ...]}, {@code Unhandled rejection ...}, {@code Unhandled promise rejection}.
   */
  NODE_UNHANDLED_REJECTION("node-unhandled-rejection") {
    private final Pattern pattern = Pattern.compile("[Uu]nhandled ?(?:[Pp]romise ?)?[Rr]ejection");

    @Override
    boolean matches(String content, Severity severity) {
      return pattern.matcher(content).find();
    }
  },
  /** {@code Segmentation fault (core dumped)}, {@code SIGSEGV}, kernel's {@code segfault at}. */
  SEGFAULT("segfault") {
    @Override
    boolean matches(String content, Severity severity) {
      return content.contains("egmentation fault")
          || content.contains("SIGSEGV")
          || content.contains("core dumped")
          || content.contains("segfault at");
    }
  },
  /**
   * The shell's {@code Killed} (usually the OOM killer) and the kernel's {@code Killed process}.
   */
  OOM_KILLED("oom-killed") {
    private final Pattern killedProcess = Pattern.compile("Killed process \\d+");

    @Override
    boolean matches(String content, Severity severity) {
      return content.strip().equals("Killed") || killedProcess.matcher(content).find();
    }
  },
  /** A FATAL or PANIC level (see {@link LevelDetector}). */
  FATAL_LEVEL("fatal-level") {
    @Override
    boolean matches(String content, Severity severity) {
      return severity == Severity.FATAL;
    }
  },
  /** An ERROR, CRITICAL or SEVERE level, or {@code Error: ...} (see {@link LevelDetector}). */
  ERROR_LEVEL("error-level") {
    @Override
    boolean matches(String content, Severity severity) {
      return severity == Severity.ERROR;
    }
  };

  private final String ruleName;

  LineRule(String ruleName) {
    this.ruleName = ruleName;
  }

  String ruleName() {
    return ruleName;
  }

  /** Whether {@link #matches} reads the severity, which costs a few regexes to work out. */
  boolean needsSeverity() {
    return this == FATAL_LEVEL || this == ERROR_LEVEL;
  }

  /**
   * Whether the rule finds its signature anywhere in the line rather than where a runtime prints it
   * (at the start). Such a signature inside a line that declares a quiet level ({@code INFO JVM
   * args: -XX:+HeapDumpOnOutOfMemoryError}, {@code DEBUG Unhandled rejection tracker on}) is part
   * of a message, not a crash.
   */
  boolean findsSignatureAnywhere() {
    return this == OUT_OF_MEMORY
        || this == JAVA_UNCAUGHT_EXCEPTION
        || this == NODE_UNHANDLED_REJECTION
        || this == SEGFAULT
        || this == OOM_KILLED;
  }

  /**
   * Whether this rule matches {@code content}, the line without a docker timestamp; {@code
   * severity} is the line's level from {@link LevelDetector}, or null if no rule so far needed it.
   */
  abstract boolean matches(String content, Severity severity);
}
