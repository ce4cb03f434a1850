package dev.stagegate.assertions.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.LogFinding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte fast path must find exactly what the line-by-line API finds. */
class StreamAuditTest {
  private static final List<String> SAMPLES =
      List.of(
          "2024-05-01T12:00:00.001Z INFO [api-1] GET /api/v1/errors/summary 200 12ms",
          "2024-05-01T12:00:00.002Z INFO [scheduler-1] processed 10 tasks, 0 errors",
          "2024-05-01T12:00:00.003Z ERROR [db-pool-1] timeout",
          "Traceback (most recent call last):",
          "  File \"/app/w.py\", line 1, in f",
          "ValueError: boom",
          "",
          "During handling of the above exception, another exception occurred:",
          "",
          "level=error msg=\"x\"",
          "{\"level\":\"info\",\"msg\":\"ok\"}",
          "{\"level\":\"error\",\"msg\":\"bad\"}",
          "panic: oh no",
          "Exception in thread \"main\" java.lang.IllegalStateException: x",
          "\tat com.example.App.main(App.java:3)",
          "Caused by: java.io.IOException: y",
          "E1123 12:00:00.000000 1 x.go:1] bad",
          "Segmentation fault (core dumped)",
          "h\u00e9llo w\u00f6rld ERROR \u00fcber",
          "Killed");

  private static List<LogFinding> viaStream(String text) throws IOException {
    InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return LogAudit.defaults().audit("svc", in);
  }

  @Test
  void randomMixesAgreeWithTheLineApi() throws IOException {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<String> lines = new ArrayList<>();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        lines.add(SAMPLES.get(random.nextInt(SAMPLES.size())));
      }
      String text = String.join("\n", lines) + (random.nextBoolean() ? "\n" : "");
      assertThat(viaStream(text))
          .as("round %d: %s", round, lines)
          .isEqualTo(LogAudit.defaults().audit("svc", lines));
    }
  }

  @Test
  void crlfLineEndingsAndAMissingFinalNewline() throws IOException {
    assertThat(viaStream("INFO a\r\nERROR b\r\nERROR c"))
        .containsExactly(
            LogFinding.single("svc", 2, "error-level", "ERROR b"),
            LogFinding.single("svc", 3, "error-level", "ERROR c"));
  }

  @Test
  void linesLongerThanTheBufferAreKeptWhole() throws IOException {
    String longLine = "x".repeat(3 << 20) + " ERROR at the end";
    assertThat(viaStream("INFO a\n" + longLine + "\nERROR b\n"))
        .extracting(LogFinding::lineNumber)
        .containsExactly(2L, 3L);
  }

  @Test
  void thePrefilterDecidesTheSameOnBytesAndCharacters() {
    Random random = new Random(11);
    String alphabet = "ERORerorFATLPNICaeil=\"TracebkSGVdumpKJ :xyz\u00e9";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder line = new StringBuilder();
      int n = random.nextInt(30);
      for (int j = 0; j < n; j++) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (random.nextInt(4) == 0) {
        String anchor = AnchorPrefilter.ANCHORS.get(random.nextInt(AnchorPrefilter.ANCHORS.size()));
        line.insert(random.nextInt(line.length() + 1), anchor);
      }
      String s = line.toString();
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      boolean expected =
          AnchorPrefilter.ANCHORS.stream().anyMatch(s::contains) || startsLikeGlog(s);
      assertThat(AnchorPrefilter.mayMatch(s)).as(s).isEqualTo(expected);
      assertThat(AnchorPrefilter.mayMatch(bytes, 0, bytes.length)).as(s).isEqualTo(expected);
    }
  }

  private static boolean startsLikeGlog(String s) {
    return s.length() >= 2
        && (s.charAt(0) == 'E' || s.charAt(0) == 'F')
        && Character.isDigit(s.charAt(1));
  }
}
