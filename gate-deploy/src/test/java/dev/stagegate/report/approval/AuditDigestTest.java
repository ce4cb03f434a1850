package dev.stagegate.report.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditDigestTest {
  @Test
  void isTheStandardSha256InLowercaseHex(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("a.md"), "abc", StandardCharsets.UTF_8);
    String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assertThat(AuditDigest.sha256(file)).isEqualTo(abc);
    assertThat(AuditDigest.sha256("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(abc);
    assertThat(AuditDigest.isSha256(abc)).isTrue();
    assertThat(AuditDigest.isSha256(abc.toUpperCase(Locale.ROOT))).isFalse();
  }
}
