package dev.stagegate.assertions.watch;

import dev.stagegate.assertions.trend.CpuTrendJudge;
import dev.stagegate.assertions.trend.LeakVerdict;
import dev.stagegate.assertions.trend.MemoryLeakJudge;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Heap benchmark of a 24-hour watch, run by {@code bench/harness-heap.sh}; not a test (Surefire's
 * name patterns do not pick it up).
 *
 * <p>Feeds 20 {@link ServiceRecorder}s as fast as it can with a simulated day: {@code docker stats}
 * for every service once per simulated second (86 400 readings each) and 100 log lines per
 * simulated second over all services (8.64 M lines): ordinary INFO/DEBUG lines, an ERROR line now
 * and then and a Python traceback every few minutes. After every simulated hour it collects garbage
 * and records the used heap. Exits 1 when the heap after any hour exceeds the limit (default 64 MB)
 * or the last hour exceeds the hour-2 figure by more than 10 % and 4 MB.
 *
 * <pre>
 * java -Xmx96m -cp ... dev.stagegate.assertions.watch.HeapBench [hours] [limitMb]
 * </pre>
 */
public final class HeapBench {
  private static final int SERVICES = 20;
  private static final int LINES_PER_SECOND = 100;
  private static final double MB = 1_000_000;
  private static final double MIB = 1024 * 1024;

  private static final String[] LOGGERS = {
    "app.http", "app.db.pool", "app.jobs.worker", "uvicorn.access", "sqlalchemy.engine", "app.cache"
  };
  private static final String[] PATHS = {
    "/api/orders", "/api/orders/{id}", "/healthz", "/api/users/{id}/cart", "/metrics"
  };

  private HeapBench() {}

  public static void main(String[] args) {
    int hours = args.length > 0 ? Integer.parseInt(args[0]) : 24;
    double limitMib = args.length > 1 ? Double.parseDouble(args[1]) : 64;
    MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
    ServiceRecorder[] recorders = new ServiceRecorder[SERVICES];
    for (int s = 0; s < SERVICES; s++) {
      recorders[s] = ServiceRecorder.of(String.format(Locale.ROOT, "svc-%02d", s));
    }
    double baseline = usedAfterGc(heap);
    System.out.printf(
        Locale.ROOT,
        "heap-bench: %d services, %d h at 1 Hz stats, %d log lines/s; max heap %.0f MiB;"
            + " baseline %.1f MiB%n",
        SERVICES,
        hours,
        LINES_PER_SECOND,
        Runtime.getRuntime().maxMemory() / MIB,
        baseline / MIB);
    System.out.println("hour  used-heap-MiB  lines-total  findings-total  seconds");

    SplittableRandom random = new SplittableRandom(42);
    StringBuilder line = new StringBuilder(256);
    double[] usedByHour = new double[hours + 1];
    long lines = 0;
    long started = System.nanoTime();
    for (int hour = 1; hour <= hours; hour++) {
      for (int second = (hour - 1) * 3600; second < hour * 3600; second++) {
        for (int s = 0; s < SERVICES; s++) {
          recorders[s].onStats(second, cpu(random, s, second), memory(random, s, second));
        }
        for (int i = 0; i < LINES_PER_SECOND; i++) {
          int s = i % SERVICES;
          if (s == 3 && second % 300 == 0 && i < SERVICES) {
            for (String frame : traceback(second)) {
              recorders[s].onLogLine(frame);
              lines++;
            }
          }
          recorders[s].onLogLine(logLine(line, random, s, second, i));
          lines++;
        }
      }
      usedByHour[hour] = usedAfterGc(heap);
      long findings = 0;
      for (ServiceRecorder r : recorders) {
        findings += r.findingsTotal();
      }
      System.out.printf(
          Locale.ROOT,
          "%4d  %13.1f  %11d  %14d  %7.1f%n",
          hour,
          usedByHour[hour] / MIB,
          lines,
          findings,
          (System.nanoTime() - started) / 1e9);
    }
    for (ServiceRecorder r : recorders) {
      r.finish();
    }

    double max = 0;
    for (int h = 1; h <= hours; h++) {
      max = Math.max(max, usedByHour[h]);
    }
    System.out.printf(Locale.ROOT, "max used heap after GC: %.1f MiB%n", max / MIB);
    for (int s : new int[] {0, 1, 2, 3}) {
      LeakVerdict leak = recorders[s].leakVerdict(MemoryLeakJudge.defaults());
      System.out.println("  " + leak.word() + ": " + leak.evidence());
      System.out.println("  " + recorders[s].cpuVerdict(CpuTrendJudge.defaults()).evidence());
    }
    System.out.println(
        "  svc-03 kept "
            + recorders[3].findings().size()
            + " of "
            + recorders[3].findingsTotal()
            + " findings, last "
            + recorders[3].lastLines().size()
            + " lines; "
            + recorders[3].memoryHistory().size()
            + " memory buckets");

    boolean ok = true;
    if (max > limitMib * MIB) {
      System.out.printf(Locale.ROOT, "FAIL: max %.1f MiB > %.0f MiB%n", max / MIB, limitMib);
      ok = false;
    }
    if (hours >= 3) {
      double hour2 = usedByHour[2];
      double last = usedByHour[hours];
      double allowed = Math.max(hour2 * 1.10, hour2 + 4 * MIB);
      System.out.printf(
          Locale.ROOT,
          "hour 2: %.1f MiB, hour %d: %.1f MiB, allowed %.1f MiB%n",
          hour2 / MIB,
          hours,
          last / MIB,
          allowed / MIB);
      if (last > allowed) {
        System.out.println("FAIL: heap grows after warm-up");
        ok = false;
      }
    }
    System.out.println(ok ? "heap-bench: OK" : "heap-bench: FAILED");
    System.exit(ok ? 0 : 1);
  }

  /** Services 0 and 2 leak 10 MB/hour under a GC sawtooth; the others are flat. */
  private static long memory(SplittableRandom random, int service, int t) {
    double floor = 120 + 10 * service;
    double leak = service % 2 == 0 && service < 4 ? 10.0 * t / 3600 : 0;
    double sawtooth = 25.0 * ((t + 7 * service) % (40 + service)) / (40 + service);
    return (long) ((floor + leak + sawtooth + 0.3 * random.nextDouble()) * MB);
  }

  /** Service 1 creeps 2 points/hour; the others idle around 5-15 % with a spike each minute. */
  private static double cpu(SplittableRandom random, int service, int t) {
    double level = 5 + service % 10 + (service == 1 ? 2.0 * t / 3600 : 0);
    double spike = t % 60 == service ? 40 : 0;
    return level + 2 * random.nextDouble() + spike;
  }

  private static String logLine(StringBuilder b, SplittableRandom random, int s, int t, int i) {
    b.setLength(0);
    int h = t / 3600;
    int m = (t / 60) % 60;
    int sec = t % 60;
    b.append("2025-06-01T")
        .append(two(h % 24))
        .append(':')
        .append(two(m))
        .append(':')
        .append(two(sec))
        .append('.')
        .append(i * 10 % 1000)
        .append("Z ");
    int roll = random.nextInt(10_000);
    if (roll < 3) {
      b.append("ERROR [").append(LOGGERS[roll % LOGGERS.length]).append("] request ");
      b.append(Long.toHexString(random.nextLong())).append(" failed: upstream timed out after 5s");
    } else if (roll < 60) {
      b.append("WARN  [app.db.pool] pool near capacity: ").append(random.nextInt(40, 50));
      b.append("/50 connections in use");
    } else if (roll < 2000) {
      b.append("DEBUG [app.cache] cache hit key=user:").append(random.nextInt(100_000));
    } else {
      b.append("INFO  [").append(LOGGERS[i % LOGGERS.length]).append("] ");
      b.append("10.0.").append(s).append('.').append(random.nextInt(2, 250)).append(" - \"GET ");
      b.append(PATHS[random.nextInt(PATHS.length)]).append(" HTTP/1.1\" 200 ");
      b.append(random.nextInt(100, 20_000)).append(" ").append(random.nextInt(1, 900)).append("ms");
    }
    return b.toString();
  }

  private static String[] traceback(int t) {
    return new String[] {
      "Traceback (most recent call last):",
      "  File \"/app/jobs/worker.py\", line 212, in run_job",
      "    result = handler(payload)",
      "  File \"/app/jobs/handlers.py\", line 48, in handle_export",
      "    raise ExportError(f\"export {job_id} failed\")",
      "app.jobs.errors.ExportError: export job-" + t + " failed"
    };
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  /**
   * The live heap: a full collection, then the heap pools' usage <em>as that collection left
   * them</em> ({@link MemoryPoolMXBean#getCollectionUsage()}). Reading the current usage instead
   * would also count whatever was allocated since, which on a quiet heap is noise of a few MB.
   */
  private static double usedAfterGc(MemoryMXBean heap) {
    System.gc();
    long used = 0;
    boolean any = false;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        used += pool.getCollectionUsage().getUsed();
        any = true;
      }
    }
    return any ? used : heap.getHeapMemoryUsage().getUsed();
  }
}
