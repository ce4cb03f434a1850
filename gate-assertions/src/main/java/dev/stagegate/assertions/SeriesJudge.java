package dev.stagegate.assertions;

import dev.stagegate.assertions.trend.CpuTrendJudge;
import dev.stagegate.assertions.trend.CpuTrendVerdict;
import dev.stagegate.assertions.trend.LatencyTrendJudge;
import dev.stagegate.assertions.trend.LatencyTrendVerdict;
import dev.stagegate.assertions.trend.LeakVerdict;
import dev.stagegate.assertions.trend.MemoryLeakJudge;
import dev.stagegate.assertions.trend.Series;
import dev.stagegate.assertions.trend.SeriesCsv;
import dev.stagegate.assertions.trend.SeriesFormatException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Command line: judges CSV series files with the default judges.
 *
 * <pre>{@code
 * java -cp <gate-assertions classpath> dev.stagegate.assertions.SeriesJudge worker.csv api-cpu.csv
 * worker.csv leak 31.20
 * api-cpu.csv stable -0.40
 * }</pre>
 *
 * <p>One line per file on stdout: {@code <file as given> <verdict> <slope per hour>}. The header of
 * each file picks the judge: {@code t_seconds,memory_bytes} is judged for leaks (verdict {@code
 * leak}, {@code stable}, {@code inconclusive} or {@code not-judged}; slope in MiB/hour), {@code
 * t_seconds,cpu_percent} for trends ({@code trend}, {@code stable}, {@code inconclusive} or {@code
 * not-judged}; slope in percentage points per hour). Slopes print with two decimals and a dot.
 *
 * <p>Bad input (missing file, unknown header, malformed number) prints one line naming the file and
 * line to stderr, and the remaining files are still judged so one bad file does not hide the
 * verdicts of the others. Exit code: 0 when every file was judged, 2 when any could not be read or
 * no file was given. The exit code does not depend on the verdicts; scripts compare those.
 */
public final class SeriesJudge {
  private SeriesJudge() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns its exit code; for tests and embedding. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(
          "usage: SeriesJudge FILE.csv... (header t_seconds,memory_bytes, cpu_percent or latency_ms)");
      return 2;
    }
    int exit = 0;
    for (String arg : args) {
      Series series;
      try {
        series = SeriesCsv.read(Path.of(arg));
      } catch (SeriesFormatException e) {
        err.println("SeriesJudge: " + e.getMessage());
        exit = 2;
        continue;
      }
      out.println(arg + " " + judge(series));
    }
    return exit;
  }

  private static String judge(Series series) {
    return switch (series.metric()) {
      case MEMORY_BYTES -> {
        LeakVerdict v = MemoryLeakJudge.defaults().judge(series);
        yield v.word() + " " + slope(v.slopeMibPerHour());
      }
      case CPU_PERCENT -> {
        CpuTrendVerdict v = CpuTrendJudge.defaults().judge(series);
        yield v.word() + " " + slope(v.slopePointsPerHour());
      }
      case LATENCY_MS -> {
        LatencyTrendVerdict v = LatencyTrendJudge.defaults().judge(series);
        yield v.word() + " " + slope(v.slopeMsPerHour());
      }
    };
  }

  private static String slope(double perHour) {
    return String.format(Locale.ROOT, "%.2f", perHour);
  }
}
