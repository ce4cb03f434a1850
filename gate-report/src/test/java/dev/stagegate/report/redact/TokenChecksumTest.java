package dev.stagegate.report.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenChecksumTest {
  private static final String RANDOM_30 = "abcdefghijklmnopqrstuvwxyz0123";

  @Test
  void encodesCrc32InSixBase62Chars() {
    // Reference values from Python's zlib.crc32 and the same base62 alphabet.
    assertThat(TokenChecksum.encode(TokenChecksum.crc32(""))).isEqualTo("000000");
    assertThat(TokenChecksum.encode(TokenChecksum.crc32("a"))).isEqualTo("4GEHKN");
    assertThat(TokenChecksum.encode(TokenChecksum.crc32(RANDOM_30))).isEqualTo("2LolCm");
  }

  @Test
  void holdsOnlyForTheRightChecksumAndLength() {
    assertThat(TokenChecksum.holds(RANDOM_30 + "2LolCm")).isTrue();
    assertThat(TokenChecksum.holds(RANDOM_30 + "2LolCn")).isFalse();
    assertThat(TokenChecksum.holds("b" + RANDOM_30.substring(1) + "2LolCm")).isFalse();
    assertThat(TokenChecksum.holds(RANDOM_30 + "2LolC")).isFalse();
  }

  @Test
  void aChecksummedTokenIsMaskedEvenWhenItsBodyLooksTame() {
    // Lower-case letters only would fail the shape check; the checksum vouches for it.
    String body = "abcdefghijklmnopqrstuvwxyzabcd";
    String token = "ghp_" + body + TokenChecksum.encode(TokenChecksum.crc32(body));
    assertThat(SecretLikeness.looksLikeTokenBody(body)).isFalse();
    assertThat(Redactor.defaults().redact("token " + token))
        .isEqualTo("token [REDACTED:github-token]");
  }
}
