package dev.stagegate.report.approval;

import dev.stagegate.report.text.UntrustedText;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How approvals show times, digests and names in sentences. */
final class ApprovalTexts {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Digits of a SHA-256 shown in a sentence: enough to compare by eye. */
  static final int SHA_SHOWN = 12;

  private ApprovalTexts() {}

  /** {@code 2026-11-23 14:02 UTC}. */
  static String time(Instant at) {
    return MINUTE.format(at);
  }

  /** {@code 3f2a9c1e0b7d…}. */
  static String sha(String sha256) {
    return sha256.length() <= SHA_SHOWN ? sha256 : sha256.substring(0, SHA_SHOWN) + "…";
  }

  /** A name from a file (the reviewer): one clean line, bounded. */
  static String name(String untrusted) {
    String line = UntrustedText.cleanLine(untrusted).strip();
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }

  /** The command that approves {@code auditMd} accepting a verdict other than PASS. */
  static String acceptCommand(Path auditMd) {
    return approveCommand(auditMd) + " --accept \"REASON\" (shown as ⚠️ ACCEPTED, never ✅)";
  }

  /** The command that approves {@code auditMd}, for the fix in a sentence. */
  static String approveCommand(Path auditMd) {
    return "ApprovalCli approve --audit " + auditMd + " --reviewer NAME";
  }
}
