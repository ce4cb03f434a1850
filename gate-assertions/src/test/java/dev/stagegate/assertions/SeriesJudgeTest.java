package dev.stagegate.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesJudgeTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SeriesJudge.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path csv(String name, String header, java.util.function.IntToDoubleFunction value)
      throws Exception {
    StringBuilder text = new StringBuilder(header).append('\n');
    for (int i = 0; i <= 900; i++) {
      text.append(i).append(',').append(String.format(Locale.ROOT, "%.1f", value.applyAsDouble(i)));
      text.append('\n');
    }
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void printsOneLinePerFileWithVerdictAndSlope() throws Exception {
    Path leak =
        csv("leak.csv", "t_seconds,memory_bytes", i -> 160e6 + 1e6 * i / 60 + (i % 7) * 3e5);
    Path cpu = csv("cpu.csv", "t_seconds,cpu_percent", i -> 5 + (i % 5));
    int exit = run(leak.toString(), cpu.toString());
    assertThat(exit).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    // 1 MB a minute is 60 MB/hour, 57.2 MiB/hour: slopes are in MiB like the audit's tables
    assertThat(lines[0])
        .matches(java.util.regex.Pattern.quote(leak.toString()) + " leak 5[67]\\.\\d\\d");
    assertThat(lines[1]).startsWith(cpu + " stable ");
  }

  @Test
  void badInputNamesFileAndLineAndOtherFilesAreStillJudged() throws Exception {
    Path good = csv("good.csv", "t_seconds,cpu_percent", i -> 5);
    Path bad = Files.writeString(dir.resolve("bad.csv"), "t_seconds,cpu_percent\n0,1\n1,x\n");
    Path header = Files.writeString(dir.resolve("header.csv"), "time,heap\n0,1\n");
    Path missing = dir.resolve("missing.csv");
    int exit = run(bad.toString(), header.toString(), missing.toString(), good.toString());
    assertThat(exit).isEqualTo(2);
    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(errors.lines())
        .hasSize(3)
        .anySatisfy(l -> assertThat(l).contains(bad + ":3:").contains("\"x\""))
        .anySatisfy(l -> assertThat(l).contains(header + ":1:").contains("unknown header"))
        .anySatisfy(l -> assertThat(l).contains(missing.toString()).contains("no such file"));
    assertThat(errors).doesNotContain("Exception");
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(good + " stable ");
  }

  @Test
  void noArgumentsPrintsUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage:");
  }
}
