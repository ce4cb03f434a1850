package dev.stagegate.report.approval;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stagegate.report.TestedImage;
import dev.stagegate.report.Verdict;
import dev.stagegate.report.change.CommitIds;
import dev.stagegate.report.deploy.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A reviewer's approval of one audit, bound to the exact bytes read: the SHA-256 of {@code
 * stability_audit.md} and of its JSON twin, and the commit the audit was made on. Kept next to the
 * audit as {@code stability_audit.approval.json} ({@link #defaultPath}); {@link ApprovalCheck}
 * refuses it once either file changes.
 *
 * <pre>{@code
 * ApprovalRecord record = ApprovalRecord.read(ApprovalRecord.defaultPath(auditMd));
 * System.out.println(record.reviewer() + " approved " + record.shortCommit());
 * }</pre>
 *
 * <p>The file, in snake_case like the other deploy files:
 *
 * <pre>{@code
 * {
 *   "reviewer": "alice",
 *   "approved_at": "2026-11-23T14:02:11Z",
 *   "commit": "5d6e7f8a9b…",
 *   "audit_file": "stability_audit.md",
 *   "audit_sha256": "3f2a…",
 *   "json_sha256": "9c1e…",
 *   "verdict": "PASS",
 *   "comment": "burn-in looks flat",
 *   "accepted": "",
 *   "images": [
 *     {"service": "api", "image_id": "sha256:ab12…", "tag": "examples/api:5d6e7f8a9b…"}
 *   ]
 * }
 * }</pre>
 *
 * <p>An audit whose verdict is not PASS (e.g. {@code PASS_SHORTENED}: a burn-in shorter than
 * requested) is approved only with the reason it is accepted anyway ({@code accepted}, from {@code
 * ApprovalCli approve --accept REASON}); the checklists and the deploy record then show it as ⚠️
 * ACCEPTED, never ✅. Approvals written before {@code accepted} existed read as accepting nothing.
 *
 * @param reviewer who approved; not blank
 * @param approvedAt when
 * @param commit the full id of the commit the audit was made on (7 to 64 hex digits)
 * @param auditFile the audit's file name, e.g. {@code stability_audit.md}
 * @param auditSha256 SHA-256 of the Markdown audit the reviewer read (64 lowercase hex digits)
 * @param jsonSha256 SHA-256 of its JSON twin
 * @param verdict the audit's overall verdict when approved
 * @param comment the reviewer's note; empty when none ({@code null} is taken as empty)
 * @param accepted why a verdict other than PASS is accepted for deploy, e.g. {@code burn-in
 *     shortened in CI: 4 h run scheduled nightly}; empty when the audit passed ({@code null}, or
 *     absent from the file, is taken as empty)
 * @param images the images a deploy of the approved audit runs ({@link
 *     dev.stagegate.report.AuditReport#keptImages()}), by image ID: what is approved is what runs;
 *     empty when the audit kept none ({@code null}, or absent from approvals written before images
 *     were bound, is taken as empty)
 */
public record ApprovalRecord(
    String reviewer,
    Instant approvedAt,
    String commit,
    String auditFile,
    String auditSha256,
    String jsonSha256,
    Verdict verdict,
    String comment,
    @JsonProperty("accepted") @JacksonInject(value = "accepted", useInput = OptBoolean.TRUE)
        String accepted,
    @JsonProperty("images") @JacksonInject(value = "images", useInput = OptBoolean.TRUE)
        List<TestedImage> images) {
  /** Suffix replacing {@code .md} in the audit's name: {@code stability_audit.approval.json}. */
  public static final String SUFFIX = ".approval.json";

  /**
   * Checks every field.
   *
   * @throws IllegalArgumentException naming the field that is missing or invalid
   */
  public ApprovalRecord {
    require(reviewer != null && !reviewer.isBlank(), "reviewer must not be null or blank");
    require(approvedAt != null, "approved_at must not be null");
    require(commit != null && CommitIds.isValid(commit), "commit must be 7 to 64 hex digits");
    require(auditFile != null && !auditFile.isBlank(), "audit_file must not be null or blank");
    require(AuditDigest.isSha256(auditSha256), "audit_sha256 must be 64 lowercase hex digits");
    require(AuditDigest.isSha256(jsonSha256), "json_sha256 must be 64 lowercase hex digits");
    require(verdict != null, "verdict must not be null");
    comment = comment == null ? "" : comment;
    accepted = accepted == null ? "" : accepted.strip();
    require(
        accepted.isEmpty() || verdict != Verdict.PASS,
        "accepted must be empty for a PASS audit: there is nothing to accept");
    images = images == null ? List.of() : List.copyOf(images);
    require(
        images.stream().map(TestedImage::service).distinct().count() == images.size(),
        "images must name each service once");
  }

  /** An approval that binds no image (an audit whose gates kept none). */
  public ApprovalRecord(
      String reviewer,
      Instant approvedAt,
      String commit,
      String auditFile,
      String auditSha256,
      String jsonSha256,
      Verdict verdict,
      String comment,
      String accepted) {
    this(
        reviewer,
        approvedAt,
        commit,
        auditFile,
        auditSha256,
        jsonSha256,
        verdict,
        comment,
        accepted,
        List.of());
  }

  /** An approval of a PASS audit: nothing accepted. */
  public ApprovalRecord(
      String reviewer,
      Instant approvedAt,
      String commit,
      String auditFile,
      String auditSha256,
      String jsonSha256,
      Verdict verdict,
      String comment) {
    this(reviewer, approvedAt, commit, auditFile, auditSha256, jsonSha256, verdict, comment, "");
  }

  /** Whether this approval accepts a verdict other than PASS, with a recorded reason. */
  public boolean acceptsNonPass() {
    return !accepted.isEmpty();
  }

  /**
   * Where the approval of {@code auditMd} is kept: next to it, {@code .md} replaced by {@value
   * #SUFFIX} ({@code target/stagegate/stability_audit.approval.json}).
   */
  public static Path defaultPath(Path auditMd) {
    return auditMd.resolveSibling(baseName(auditMd) + SUFFIX);
  }

  /** The JSON twin of {@code auditMd}: next to it, {@code .md} replaced by {@code .json}. */
  public static Path jsonTwin(Path auditMd) {
    return auditMd.resolveSibling(baseName(auditMd) + ".json");
  }

  private static String baseName(Path auditMd) {
    String name = auditMd.getFileName().toString();
    return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
  }

  /** The approved image of {@code service}, if this approval binds one. */
  public Optional<TestedImage> image(String service) {
    return images.stream().filter(i -> i.service().equals(service)).findFirst();
  }

  /** The commit's first seven characters. */
  public String shortCommit() {
    return CommitIds.abbreviate(commit);
  }

  /** This record as pretty-printed JSON, ending in a newline. */
  public String toJson() {
    try {
      return ApprovalJson.WRITER.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      // Strings, an instant and an enum only: this is a bug.
      throw new IllegalStateException("cannot write the approval: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes this record to {@code file} atomically (a reader never sees half of it).
   *
   * @throws IOException when the file cannot be written
   */
  public void writeTo(Path file) throws IOException {
    AtomicFiles.writeString(file, toJson());
  }

  /**
   * Parses an approval.
   *
   * @param source names the JSON in the message, e.g. its path
   * @throws IllegalArgumentException with a sentence naming the source, the position and the
   *     problem when the JSON is malformed or a field is missing or invalid
   */
  public static ApprovalRecord parse(String json, String source) {
    try {
      ApprovalRecord record = ApprovalJson.READER.readValue(json);
      if (record == null) {
        throw new IllegalArgumentException(source + " is not an approval: it holds null");
      }
      return record;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String position =
          where == null || where.getLineNr() < 1
              ? ""
              : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
      Throwable cause = e.getCause();
      String problem =
          cause instanceof IllegalArgumentException invalid
              ? invalid.getMessage()
              : e.getOriginalMessage();
      throw new IllegalArgumentException(
          source + " is not a valid approval" + position + ": " + problem, e);
    }
  }

  /**
   * Reads an approval file.
   *
   * @throws IOException when it cannot be read
   * @throws IllegalArgumentException when it is malformed; see {@link #parse}
   */
  public static ApprovalRecord read(Path file) throws IOException {
    // Invalid UTF-8 becomes U+FFFD and then fails as malformed JSON, with a position.
    return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString());
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
