package dev.stagegate.report.approval;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.json.AuditJson;
import dev.stagegate.report.json.AuditJsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The audit pair as read once from disk: the digests are of the very bytes parsed, so a file
 * rewritten between hashing and parsing cannot slip through.
 *
 * @param markdown the Markdown audit's path
 * @param json its JSON twin's path
 * @param markdownSha256 SHA-256 of the Markdown bytes read
 * @param jsonSha256 SHA-256 of the JSON bytes read
 * @param report the audit parsed from the JSON
 */
record AuditEvidence(
    Path markdown, Path json, String markdownSha256, String jsonSha256, AuditReport report) {

  /**
   * Reads both files.
   *
   * @throws Missing with a sentence (without the fix) when either is missing, unreadable or the
   *     JSON is malformed
   */
  static AuditEvidence read(Path markdown) throws Missing {
    Path json = ApprovalRecord.jsonTwin(markdown);
    if (!Files.isRegularFile(markdown)) {
      throw new Missing(true, "there is no audit at " + markdown.toAbsolutePath());
    }
    byte[] md;
    try {
      md = Files.readAllBytes(markdown);
    } catch (IOException e) {
      throw new Missing(true, "the audit " + markdown.toAbsolutePath() + " cannot be read: " + e);
    }
    if (!Files.isRegularFile(json)) {
      throw new Missing(
          false,
          "the audit's JSON twin "
              + json.toAbsolutePath()
              + " is missing (the verdict is read from it)");
    }
    byte[] jsonBytes;
    AuditReport report;
    try {
      jsonBytes = Files.readAllBytes(json);
      report =
          AuditJson.readReport(
              new String(jsonBytes, StandardCharsets.UTF_8), json.getFileName().toString());
    } catch (IOException e) {
      throw new Missing(
          false, "the audit's JSON twin " + json.toAbsolutePath() + " cannot be read: " + e);
    } catch (AuditJsonException e) {
      throw new Missing(
          false,
          "the audit's JSON twin " + json.toAbsolutePath() + " is malformed: " + e.getMessage());
    }
    return new AuditEvidence(
        markdown, json, AuditDigest.sha256(md), AuditDigest.sha256(jsonBytes), report);
  }

  /** Why the audit pair cannot be used. */
  static final class Missing extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean markdownMissing;

    Missing(boolean markdownMissing, String sentence) {
      super(sentence);
      this.markdownMissing = markdownMissing;
    }

    /** Whether the Markdown audit itself is missing (else its JSON twin). */
    boolean markdownMissing() {
      return markdownMissing;
    }
  }
}
