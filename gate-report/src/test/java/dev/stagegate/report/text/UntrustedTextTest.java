package dev.stagegate.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

  @Test
  void removesAnsiColoursAndKeepsText() {
    assertThat(UntrustedText.clean("\u001b[31mERROR\u001b[0m boom")).isEqualTo("ERROR boom");
    assertThat(UntrustedText.clean("\u001b[1;38;5;196mx\u001b[K")).isEqualTo("x");
    assertThat(UntrustedText.clean("\u009b31mred")).isEqualTo("red");
  }

  @Test
  void removesOscSequencesSuchAsTitlesAndHyperlinks() {
    assertThat(UntrustedText.clean("a\u001b]0;title\u0007b")).isEqualTo("ab");
    assertThat(UntrustedText.clean("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\"))
        .isEqualTo("link");
  }

  @Test
  void unterminatedOscStopsAtEndOfLine() {
    assertThat(UntrustedText.clean("a\u001b]0;never ends\nnext line")).isEqualTo("a\nnext line");
  }

  @Test
  void removesControlCharactersButKeepsTabAndNewline() {
    assertThat(UntrustedText.clean("nul\u0000 bell\u0007 bs\b\ttab\nline"))
        .isEqualTo("nul bell bs\ttab\nline");
    assertThat(UntrustedText.clean("crlf\r\nline\rcr")).isEqualTo("crlf\nline\ncr");
  }

  @Test
  void removesDirectionOverrides() {
    assertThat(UntrustedText.clean("ok \u202Edab\u202C done \u2066x\u2069"))
        .isEqualTo("ok dab done x");
  }

  @Test
  void cleanLineJoinsLines() {
    assertThat(UntrustedText.cleanLine("a\nb\r\nc")).isEqualTo("a b c");
  }

  @Test
  void replacesUnpairedSurrogatesOnly() {
    assertThat(UntrustedText.replaceUnpairedSurrogates("a\uD800b")).isEqualTo("a\uFFFDb");
    assertThat(UntrustedText.replaceUnpairedSurrogates("\uDC00")).isEqualTo("\uFFFD");
    assertThat(UntrustedText.replaceUnpairedSurrogates("end\uD83D")).isEqualTo("end\uFFFD");
    assertThat(UntrustedText.replaceUnpairedSurrogates("emoji \uD83D\uDE00 ok"))
        .isEqualTo("emoji \uD83D\uDE00 ok");
  }

  @Test
  void cutsLongLinesAndSaysHowMuch() {
    String cut = UntrustedText.clean("x".repeat(100_000) + "\nshort");
    String[] lines = cut.split("\n");
    assertThat(lines[0]).isEqualTo("x".repeat(2000) + "… [cut 98000 chars]");
    assertThat(lines[1]).isEqualTo("short");
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    String line = "x".repeat(1999) + "\uD83D\uDE00" + "tail";
    String cut = UntrustedText.cutLine(line);
    assertThat(cut).startsWith("x".repeat(1999) + "…").endsWith("[cut 6 chars]");
  }

  @Test
  void nullAndEmptyBecomeEmpty() {
    assertThat(UntrustedText.clean(null)).isEmpty();
    assertThat(UntrustedText.clean("")).isEmpty();
  }
}
