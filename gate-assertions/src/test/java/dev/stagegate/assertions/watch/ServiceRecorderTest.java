package dev.stagegate.assertions.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagegate.assertions.logs.LogAudit;
import dev.stagegate.assertions.trend.CpuTrendJudge;
import dev.stagegate.assertions.trend.CpuTrendVerdict;
import dev.stagegate.assertions.trend.LeakVerdict;
import dev.stagegate.assertions.trend.MemoryLeakJudge;
import dev.stagegate.report.HistoryBucket;
import dev.stagegate.report.LogFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServiceRecorderTest {
  private static final List<String> TRACEBACK =
      List.of(
          "Traceback (most recent call last):",
          "  File \"/app/worker.py\", line 88, in run",
          "    raise ValueError(\"boom\")",
          "ValueError: boom");

  @Test
  void errorLinesComeBackAtOnceAndAreKept() {
    ServiceRecorder worker = ServiceRecorder.of("worker");
    assertThat(worker.onLogLine("INFO started")).isEmpty();
    List<LogFinding> fresh = worker.onLogLine("2024-01-01 12:00:00 ERROR [w] retry failed");
    assertThat(fresh).hasSize(1);
    assertThat(fresh.get(0).service()).isEqualTo("worker");
    assertThat(fresh.get(0).lineNumber()).isEqualTo(2);
    assertThat(worker.findings()).isEqualTo(fresh);
    assertThat(worker.findingsTotal()).isEqualTo(1);
    assertThat(worker.linesSeen()).isEqualTo(2);
  }

  @Test
  void aTracebackIsReportedByTheNextLineOrByFinish() {
    ServiceRecorder next = ServiceRecorder.of("worker");
    TRACEBACK.forEach(line -> assertThat(next.onLogLine(line)).isEmpty());
    assertThat(next.onLogLine("INFO next"))
        .extracting(LogFinding::rule, LogFinding::line, LogFinding::blockLines)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("python-traceback", "ValueError: boom", 4));

    ServiceRecorder end = ServiceRecorder.of("worker");
    TRACEBACK.forEach(end::onLogLine);
    assertThat(end.finish()).hasSize(1);
    assertThat(end.finish()).isEmpty();
    assertThat(end.findingsTotal()).isEqualTo(1);
  }

  @Test
  void anErrorLineComesBackAtOnceAndGrowsIntoTheCrashBlockUnderIt() {
    ServiceRecorder worker = ServiceRecorder.of("worker");
    assertThat(worker.onLogLine("2024-01-01 12:00:00 ERROR [w] job 7 failed"))
        .extracting(LogFinding::rule, LogFinding::lineNumber, LogFinding::blockLines)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("error-level", 1L, 1));
    TRACEBACK.forEach(line -> assertThat(worker.onLogLine(line)).isEmpty());
    assertThat(worker.onLogLine("INFO next")).isEmpty();
    assertThat(worker.findings())
        .containsExactly(new LogFinding("worker", 1, "python-traceback", "ValueError: boom", 5));
    assertThat(worker.findingsTotal()).isEqualTo(1);
    assertThat(worker.finish()).isEmpty();
    assertThat(worker.findingsTotal()).isEqualTo(1);
  }

  @Test
  void anAnnouncedBlockThatTheAllowlistDropsByItsMessageIsNotCounted() {
    ServiceRecorder worker =
        ServiceRecorder.builder("worker")
            .audit(LogAudit.defaults().withAllowed("^ValueError: boom$"))
            .build();
    assertThat(worker.onLogLine("2024-01-01 12:00:00 ERROR [w] job 7 failed")).hasSize(1);
    TRACEBACK.forEach(worker::onLogLine);
    assertThat(worker.finish()).isEmpty();
    assertThat(worker.findings()).isEmpty();
    assertThat(worker.findingsTotal()).isZero();
  }

  @Test
  void keepsOnlyTheLastLinesAndTheFirstFindings() {
    ServiceRecorder api = ServiceRecorder.builder("api").lastLines(3).maxFindings(2).build();
    for (int i = 1; i <= 10; i++) {
      api.onLogLine("ERROR failure " + i);
    }
    assertThat(api.lastLines())
        .containsExactly("ERROR failure 8", "ERROR failure 9", "ERROR failure 10");
    assertThat(api.findings())
        .extracting(LogFinding::line)
        .containsExactly("ERROR failure 1", "ERROR failure 2");
    assertThat(api.findingsTotal()).isEqualTo(10);
    assertThat(api.linesSeen()).isEqualTo(10);
  }

  @Test
  void longLinesAreCutInTheRingAndInFindings() {
    ServiceRecorder api = ServiceRecorder.builder("api").maxLineChars(20).build();
    String longError = "ERROR " + "x".repeat(10_000);
    List<LogFinding> fresh = api.onLogLine(longError);
    assertThat(fresh.get(0).line()).hasSize(20).endsWith("…");
    assertThat(api.lastLines().get(0)).hasSize(20).startsWith("ERROR xx");
    assertThat(api.onLogLine("short")).isEmpty();
    assertThat(api.lastLines().get(1)).isEqualTo("short");
  }

  @Test
  void theAuditsAllowlistApplies() {
    ServiceRecorder api =
        ServiceRecorder.builder("api")
            .audit(LogAudit.defaults().withAllowed("api", "during shutdown"))
            .build();
    assertThat(api.onLogLine("ERROR expected during shutdown")).isEmpty();
    assertThat(api.onLogLine("ERROR database gone")).hasSize(1);
  }

  @Test
  void statsGoToBoundedHistoriesAndNonFiniteCpuIsSkipped() {
    ServiceRecorder db = ServiceRecorder.builder("db").historyBuckets(16).build();
    db.onStats(0, Double.NaN, 100);
    for (int t = 1; t < 1000; t++) {
      db.onStats(t, 5, 100 + t);
    }
    List<HistoryBucket> memory = db.memoryHistory();
    assertThat(memory).hasSizeLessThanOrEqualTo(16);
    assertThat(memory.stream().mapToLong(HistoryBucket::count).sum()).isEqualTo(1000);
    assertThat(db.cpuHistory().stream().mapToLong(HistoryBucket::count).sum()).isEqualTo(999);
    assertThat(db.cpuSamplesSkipped()).isEqualTo(1);
    assertThat(db.statsSeen()).isEqualTo(1000);
    assertThat(db.latestMemoryBytes()).isEqualTo(1099);
    assertThat(ServiceRecorder.of("none").latestMemoryBytes()).isEqualTo(-1);
  }

  @Test
  void verdictsJudgeTheHistoriesUnderTheServiceName() {
    ServiceRecorder leaky = ServiceRecorder.of("leaky");
    ServiceRecorder steady = ServiceRecorder.of("steady");
    Random random = new Random(7);
    for (int t = 0; t < 4 * 3600; t++) {
      double noise = random.nextGaussian();
      double sawtooth = 20e6 * (t % 45) / 45.0;
      leaky.onStats(t, 10 + t / 600.0 + noise, (long) (150e6 + 10e6 * t / 3600 + sawtooth));
      steady.onStats(t, 10 + noise, (long) (150e6 + sawtooth + 1e5 * noise));
    }
    LeakVerdict leak = leaky.leakVerdict(MemoryLeakJudge.defaults());
    assertThat(leak.kind()).as(leak.evidence()).isEqualTo(LeakVerdict.Kind.LEAK);
    assertThat(leak.evidence()).contains("leaky");
    CpuTrendVerdict creep = leaky.cpuVerdict(CpuTrendJudge.defaults());
    assertThat(creep.kind()).as(creep.evidence()).isEqualTo(CpuTrendVerdict.Kind.TREND);
    assertThat(steady.leakVerdict(MemoryLeakJudge.defaults()).kind())
        .isEqualTo(LeakVerdict.Kind.STABLE);
    assertThat(steady.cpuVerdict(CpuTrendJudge.defaults()).kind())
        .isEqualTo(CpuTrendVerdict.Kind.STABLE);
  }

  @Test
  void callbacksFromSeveralThreadsLoseNothing() throws Exception {
    ServiceRecorder api = ServiceRecorder.builder("api").lastLines(50).build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> jobs = new ArrayList<>();
    for (int thread = 0; thread < 4; thread++) {
      int id = thread;
      jobs.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 5000; i++) {
                  if (id % 2 == 0) {
                    api.onLogLine(i % 100 == 0 ? "ERROR tick " + i : "INFO tick " + i);
                  } else {
                    api.onStats(i, 1, 1000);
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> job : jobs) {
      job.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(api.linesSeen()).isEqualTo(10_000);
    assertThat(api.findingsTotal()).isEqualTo(100);
    assertThat(api.statsSeen()).isEqualTo(10_000);
    assertThat(api.lastLines()).hasSize(50);
    assertThat(api.toString()).contains("api", "10000 lines");
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> ServiceRecorder.builder("x").lastLines(-1))
        .hasMessageContaining("lastLines");
    assertThatThrownBy(() -> ServiceRecorder.builder("x").maxLineChars(1))
        .hasMessageContaining("maxLineChars");
    assertThatThrownBy(() -> ServiceRecorder.builder("x").historyBuckets(1))
        .hasMessageContaining("historyBuckets");
    assertThatThrownBy(() -> ServiceRecorder.of("x").onStats(Double.NaN, 1, 1))
        .hasMessageContaining("finite");
    assertThat(ServiceRecorder.builder("x").lastLines(0).build().onLogLine("x")).isEmpty();
  }
}
