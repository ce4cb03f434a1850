package dev.stagegate.assertions.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.LogFinding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracebackTest {
  private static final List<String> TRACEBACK =
      List.of(
          "Traceback (most recent call last):",
          "  File \"/app/worker.py\", line 88, in run",
          "    result = handler(payload)",
          "  File \"/app/handlers.py\", line 17, in handler",
          "    raise ValueError(\"boom\")",
          "ValueError: boom");

  private static List<LogFinding> audit(List<String> lines) {
    return LogAudit.defaults().audit("worker", lines);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  @Test
  void aTracebackIsOneFindingQuotingTheException() {
    List<String> log = concat(List.of("INFO start"), TRACEBACK, List.of("INFO next"));
    assertThat(audit(log))
        .containsExactly(new LogFinding("worker", 2, "python-traceback", "ValueError: boom", 6));
  }

  @Test
  void theFindingIsReportedByTheLineAfterTheBlock() {
    LogScanner scanner = LogAudit.defaults().scanner("worker");
    for (String line : TRACEBACK) {
      assertThat(scanner.accept(line)).isEmpty();
    }
    assertThat(scanner.accept("INFO next")).hasSize(1);
    assertThat(scanner.finish()).isEmpty();
  }

  @Test
  void aTracebackAtTheEndOfTheStreamIsFlushedByFinish() {
    LogScanner scanner = LogAudit.defaults().scanner("worker");
    TRACEBACK.forEach(scanner::accept);
    assertThat(scanner.finish())
        .containsExactly(new LogFinding("worker", 1, "python-traceback", "ValueError: boom", 6));
    assertThat(scanner.finish()).isEmpty();
  }

  @Test
  void aTracebackCutOffBeforeItsExceptionIsStillReported() {
    LogScanner scanner = LogAudit.defaults().scanner("worker");
    TRACEBACK.subList(0, 3).forEach(scanner::accept);
    assertThat(scanner.finish())
        .containsExactly(
            new LogFinding("worker", 1, "python-traceback", "    result = handler(payload)", 3));
  }

  private static final String QUOTE = "\"\"\"";

  /** A Celery 5.2 task raising in the prefork pool, as the agents example's worker logs it. */
  private static final List<String> CELERY_TASK_FAILURE =
      List.of(
          "[2026-12-07 05:26:22,297: ERROR/ForkPoolWorker-1] Task app.tasks.score_agents[d55e]"
              + " raised unexpected: ExceptionWithTraceback()",
          "Traceback (most recent call last):",
          "  File \"/usr/lib/python3/dist-packages/celery/app/trace.py\", line 451, in trace_task",
          "    R = retval = fun(*args, **kwargs)",
          "                 ^^^^^^^^^^^^^^^^^^^^",
          "  File \"/app/app/tasks.py\", line 49, in score_agents",
          "    mean = sum(scores) / len(scores)",
          "billiard.einfo.ExceptionWithTraceback: ",
          QUOTE,
          "Traceback (most recent call last):",
          "  File \"/usr/lib/python3/dist-packages/celery/app/trace.py\", line 451, in trace_task",
          "    R = retval = fun(*args, **kwargs)",
          "  File \"/app/app/tasks.py\", line 49, in score_agents",
          "    mean = sum(scores) / len(scores)",
          "           ~~~~~~~~~~~~^~~~~~~~~~~~~",
          "ZeroDivisionError: division by zero",
          QUOTE,
          "[2026-12-07 05:26:22,305: INFO/ForkPoolWorker-1] Task app.tasks.record_heartbeat[d761]"
              + " succeeded in 0.0056s: 3");

  @Test
  void aCeleryTaskFailureQuotingItsTracebackIsOneTracebackFinding() {
    // Celery's ERROR line, its exception, the quoted traceback: one failure, one finding, quoting
    // the exception the task raised
    assertThat(audit(CELERY_TASK_FAILURE))
        .containsExactly(
            new LogFinding(
                "worker", 1, "python-traceback", "ZeroDivisionError: division by zero", 17));
  }

  @Test
  void aQuotedMessageThatNeverClosesEndsWithTheStream() {
    LogScanner scanner = LogAudit.defaults().scanner("worker");
    CELERY_TASK_FAILURE.subList(1, 16).forEach(scanner::accept);
    assertThat(scanner.finish())
        .containsExactly(
            new LogFinding(
                "worker", 1, "python-traceback", "ZeroDivisionError: division by zero", 15));
  }

  @Test
  void twoTracebacksInARowAreTwoFindings() {
    List<String> log = concat(TRACEBACK, TRACEBACK, List.of("INFO after"));
    assertThat(audit(log))
        .containsExactly(
            new LogFinding("worker", 1, "python-traceback", "ValueError: boom", 6),
            new LogFinding("worker", 7, "python-traceback", "ValueError: boom", 6));
  }

  @Test
  void aTracebackFollowedByMoreTracebacksAndLogLines() {
    List<String> log =
        concat(
            TRACEBACK, List.of("2024-01-01 12:00:00 ERROR [w] retry failed"), TRACEBACK, TRACEBACK);
    assertThat(audit(log))
        .extracting(LogFinding::lineNumber, LogFinding::rule, LogFinding::blockLines)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "python-traceback", 6),
            // the logger line and the traceback printed right under it are one failure
            org.assertj.core.groups.Tuple.tuple(7L, "python-traceback", 7),
            org.assertj.core.groups.Tuple.tuple(14L, "python-traceback", 6));
  }

  @Test
  void chainedTracebacksAreOneFindingQuotingTheLastException() {
    List<String> log =
        concat(
            TRACEBACK,
            List.of(
                "",
                "During handling of the above exception, another exception occurred:",
                "",
                "Traceback (most recent call last):",
                "  File \"/app/worker.py\", line 90, in run",
                "    raise RuntimeError(\"handler failed\") from e",
                "RuntimeError: handler failed",
                "",
                "INFO next"));
    assertThat(audit(log))
        .containsExactly(
            new LogFinding("worker", 1, "python-traceback", "RuntimeError: handler failed", 13));
  }

  @Test
  void directCauseChainsAreOneFindingToo() {
    List<String> log =
        concat(
            TRACEBACK,
            List.of(
                "",
                "The above exception was the direct cause of the following exception:",
                "",
                "Traceback (most recent call last):",
                "  File \"/app/worker.py\", line 90, in run",
                "KeyError: 'x'"));
    assertThat(audit(log))
        .containsExactly(new LogFinding("worker", 1, "python-traceback", "KeyError: 'x'", 12));
  }

  @Test
  void blankLinesAfterATracebackAreNotPartOfIt() {
    List<String> log = concat(TRACEBACK, List.of("", "", "ERROR:root:later"));
    assertThat(audit(log))
        .containsExactly(
            new LogFinding("worker", 1, "python-traceback", "ValueError: boom", 6),
            LogFinding.single("worker", 9, "error-level", "ERROR:root:later"));
  }

  @Test
  void aLogLineInterruptingTheFramesEndsTheBlockAndIsJudgedItself() {
    List<String> log =
        concat(TRACEBACK.subList(0, 3), List.of("2024-01-01 12:00:00 ERROR [w] other thread"));
    assertThat(audit(log))
        .containsExactly(
            new LogFinding("worker", 1, "python-traceback", "    result = handler(payload)", 3),
            LogFinding.single(
                "worker", 4, "error-level", "2024-01-01 12:00:00 ERROR [w] other thread"));
  }

  @Test
  void dockerTimestampsDoNotHideTheIndentation() {
    List<String> log = new ArrayList<>();
    for (String line : TRACEBACK) {
      log.add("2024-05-01T12:00:00.123456789Z " + line);
    }
    assertThat(audit(log))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.blockLines()).isEqualTo(6);
              assertThat(f.line()).endsWith("ValueError: boom");
            });
  }

  @Test
  void theRuleCanBeTurnedOff() {
    assertThat(LogAudit.defaults().withoutRule("python-traceback").audit("worker", TRACEBACK))
        .isEmpty();
  }
}
