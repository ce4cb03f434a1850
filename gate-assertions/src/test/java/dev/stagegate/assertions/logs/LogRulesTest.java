package dev.stagegate.assertions.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.LogFinding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each single-line rule with lines that must and must not count. */
class LogRulesTest {
  private static List<LogFinding> audit(String line) {
    return LogAudit.defaults().audit("api", List.of(line));
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2024-01-01 12:00:00,123 ERROR [main] db connection refused | error-level
          ERROR:root:could not reach the broker                        | error-level
          [ERROR] build step failed                                    | error-level
          12:00:00.123 [main] ERROR c.e.App - boom                     | error-level
          time=2024-01-01T12:00:00Z level=error msg="db down"          | error-level
          time=2024-01-01T12:00:00Z level="error" msg="db down"        | error-level
          ts=1 level=ERROR msg=x                                       | error-level
          {"level":"error","msg":"db down"}                            | error-level
          {"ts":1, "level": "ERROR", "msg":"db down"}                  | error-level
          {"severity":"error","message":"x"}                           | error-level
          E1123 12:00:00.000000    1 main.go:12] failed to sync        | error-level
          Error: something went wrong                                  | error-level
          2024-01-01 12:00:00 Error: something went wrong              | error-level
          [web] Error: listen EADDRINUSE                               | error-level
          CRITICAL:root:disk full                                      | error-level
          2024-01-01 12:00:00 CRITICAL [app] disk full                 | error-level
          SEVERE: servlet failed                                       | error-level
          level=critical msg=x                                         | error-level
          2024-01-01 12:00:00 FATAL [main] cannot start                | fatal-level
          2024-01-01 12:00:00.123 UTC [42] FATAL:  role "x" does not exist | fatal-level
          level=fatal msg="bye"                                        | fatal-level
          level=panic msg="bye"                                        | fatal-level
          {"level":"fatal","msg":"bye"}                                | fatal-level
          PANIC: could not write to file                               | fatal-level
          F1123 12:00:00.000000    1 main.go:12] check failed          | fatal-level
          Exception in thread "main" java.lang.IllegalStateException: boom | java-uncaught-exception
          Caused by: java.io.IOException: broken pipe                  | java-caused-by
          panic: runtime error: invalid memory address or nil pointer dereference | go-panic
          fatal error: concurrent map writes                           | go-fatal-error
          (node:123) UnhandledPromiseRejectionWarning: Error: x        | node-unhandled-rejection
          [UnhandledPromiseRejection: This error originated either by throwing] | node-unhandled-rejection
          Unhandled rejection TypeError: x is not a function           | node-unhandled-rejection
          Unhandled promise rejection: boom                            | node-unhandled-rejection
          Segmentation fault (core dumped)                             | segfault
          /entrypoint.sh: line 3:     7 Segmentation fault      ./app   | segfault
          [signal SIGSEGV: segmentation violation code=0x1 addr=0x0]   | segfault
          Aborted (core dumped)                                        | segfault
          app[123]: segfault at 0 ip 00007f sp 00007ff error 4         | segfault
          Killed                                                       | oom-killed
          Out of memory: Killed process 1234 (java)                    | oom-killed
          Exception in thread "main" java.lang.OutOfMemoryError: Java heap space | out-of-memory
          FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory | out-of-memory
          """)
  void countsProblemLines(String line, String rule) {
    assertThat(audit(line))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(rule);
              assertThat(f.line()).isEqualTo(line);
              assertThat(f.lineNumber()).isEqualTo(1);
              assertThat(f.blockLines()).isEqualTo(1);
              assertThat(f.service()).isEqualTo("api");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "processed 10 tasks, 0 errors",
        "GET /api/v1/errors/summary 200",
        "errors=0",
        "error_count: 0",
        "Errors: 0",
        "stats: Errors: 0 Warnings: 2",
        "2024-01-01 12:00:00 INFO [app] no errors found",
        "2024-01-01 12:00:00 DEBUG [app] error handler registered",
        "2024-01-01 12:00:00 WARN [http] retrying after transient error... ok",
        "2024-01-01 12:00:00 INFO [app] ERROR count is 0",
        "2024-01-01 12:00:00 INFO [app] mapping FATAL to exit code 3",
        "level=info msg=\"ERROR budget ok\"",
        "level=warn msg=\"transient error\" error=\"timeout\"",
        "{\"level\":\"info\",\"msg\":\"ERROR rate 0\",\"error\":null}",
        "{\"level\":\"info\",\"error\":\"none\"}",
        "ValueError: not inside a traceback, so just text",
        "INFO Errors: 0 in 10 runs",
        "the errorless path",
        "Terror level low",
        "2024-01-01 12:00:00 INFO [app] panic button disabled",
        "I1123 12:00:00.000000    1 main.go:12] synced",
        "Executing task 12",
        "",
        "short",
      })
  void ignoresBenignLines(String line) {
    assertThat(audit(line)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-05-01T12:00:00.123456789Z ERROR [x] boom",
        "2024-05-01T12:00:00Z panic: boom",
        "2024-05-01T12:00:00.1+02:00 E1123 12:00:00.000000 1 main.go:1] x",
      })
  void toleratesDockerTimestamps(String line) {
    assertThat(audit(line)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-05-01T12:00:00.123456789Z INFO processed 3 tasks, 0 errors",
        "2024-05-01T12:00:00.123456789Z Killed process list refreshed",
      })
  void toleratesDockerTimestampsOnBenignLines(String line) {
    assertThat(audit(line)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void crashSignaturesWinOverTheLevel() {
    assertThat(audit("2024-01-01 ERROR [w] Segmentation fault in worker"))
        .extracting(LogFinding::rule)
        .containsExactly("segfault");
  }

  @org.junit.jupiter.api.Test
  void countsLinesAndNumbersFindings() {
    LogScanner scanner = LogAudit.defaults().scanner("db");
    assertThat(scanner.accept("INFO up")).isEmpty();
    assertThat(scanner.accept("INFO ready")).isEmpty();
    // The line may be the head of a crash block, so the next line (or finish) reports it.
    assertThat(scanner.accept("ERROR lost connection")).isEmpty();
    assertThat(scanner.accept("INFO reconnected"))
        .containsExactly(LogFinding.single("db", 3, "error-level", "ERROR lost connection"));
    assertThat(scanner.accept("ERROR lost it again")).isEmpty();
    assertThat(scanner.finish())
        .containsExactly(LogFinding.single("db", 5, "error-level", "ERROR lost it again"));
    assertThat(scanner.finish()).isEmpty();
    assertThat(scanner.linesSeen()).isEqualTo(5);
  }
}
