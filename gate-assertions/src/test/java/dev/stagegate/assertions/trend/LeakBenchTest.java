package dev.stagegate.assertions.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The labelled series of {@code shared/leak-bench} (beside the repository clone), when present:
 * every verdict must match the manifest.
 */
class LeakBenchTest {
  private static final Path BENCH =
      Path.of(System.getProperty("user.dir")).resolve("../../shared/leak-bench").normalize();

  @Test
  void everyLabelledSeriesGetsItsExpectedVerdict() throws Exception {
    Path manifest = BENCH.resolve("manifest.csv");
    assumeTrue(Files.isRegularFile(manifest), "no leak-bench at " + BENCH);
    List<String> lines = Files.readAllLines(manifest);
    List<String> mismatches = new ArrayList<>();
    int total = 0;
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split(",", 4);
      Series series = SeriesCsv.read(BENCH.resolve(fields[0]));
      String actual =
          series.metric() == Metric.MEMORY_BYTES
              ? MemoryLeakJudge.defaults().judge(series).word()
              : CpuTrendJudge.defaults().judge(series).word();
      total++;
      if (!actual.equals(fields[2])) {
        mismatches.add(fields[0] + ": expected " + fields[2] + " but was " + actual);
      }
    }
    assertThat(total).isPositive();
    assertThat(mismatches).as("%d of %d wrong", mismatches.size(), total).isEmpty();
  }
}
