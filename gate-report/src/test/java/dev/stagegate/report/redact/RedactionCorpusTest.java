package dev.stagegate.report.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagegate.report.redact.RedactionCorpus.LookAlike;
import dev.stagegate.report.redact.RedactionCorpus.SecretLine;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of the benchmark corpus: each secret fully removed, each look-alike unchanged. The
 * figures of {@code bench/redaction-bench.sh} come from the same corpus.
 */
class RedactionCorpusTest {
  private static final RedactionCorpus CORPUS = RedactionCorpus.load();

  static Stream<Named<SecretLine>> secretLines() {
    return CORPUS.secrets().stream().map(l -> Named.of(l.family() + "/" + l.format(), l));
  }

  static Stream<Named<LookAlike>> lookAlikes() {
    return CORPUS.lookAlikes().stream().map(l -> Named.of(l.lookAlikeClass() + ": " + l.text(), l));
  }

  @Test
  void corpusIsAsLargeAsTheBenchmarkClaims() {
    long formats = CORPUS.secrets().stream().map(SecretLine::format).distinct().count();
    long secrets = CORPUS.secrets().stream().mapToLong(l -> l.secrets().size()).sum();
    assertThat(secrets).as("secrets in the corpus").isGreaterThanOrEqualTo(150);
    assertThat(formats).as("formats in the corpus").isGreaterThanOrEqualTo(40);
    assertThat(CORPUS.lookAlikes())
        .as("look-alikes in the corpus")
        .hasSizeGreaterThanOrEqualTo(150);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secretLines")
  void secretIsFullyRemoved(SecretLine line) {
    String out = Redactor.defaults().redact(line.text());
    assertThat(line.leakedIn(out))
        .as("secrets of \"%s\" still shown in \"%s\"", line.text(), out)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookAlikes")
  void lookAlikeIsUnchanged(LookAlike lookAlike) {
    assertThat(Redactor.defaults().redact(lookAlike.text()))
        .as("look-alike of class %s", lookAlike.lookAlikeClass())
        .isEqualTo(lookAlike.text());
  }
}
