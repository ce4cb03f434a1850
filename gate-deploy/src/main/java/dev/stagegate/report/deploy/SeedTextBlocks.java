package dev.stagegate.report.deploy;

import dev.stagegate.report.change.CommitIds;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the seed's text blocks ({@link DeploymentEntry#toSeedText()}) of a {@link
 * DeploymentTextLog}: enough of each to find the last deployed commit. A block without a time,
 * commit or status (a writer stopped mid-block, a hand edit) is left out.
 */
final class SeedTextBlocks {
  private static final Pattern HEADER =
      Pattern.compile("^\\[(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})] DEPLOYMENT\\s*$");
  private static final Pattern FIELD = Pattern.compile("^([A-Za-z ]+):\\s?(.*)$");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  /** One block's fields. */
  record Block(Instant when, String version, String commit, String environment, Outcome outcome) {}

  private SeedTextBlocks() {}

  static List<Block> parse(String text) {
    List<Block> blocks = new ArrayList<>();
    Instant when = null;
    Map<String, String> fields = new HashMap<>();
    for (String line : text.split("\n", -1)) {
      Matcher header = HEADER.matcher(line.strip());
      if (header.matches()) {
        add(blocks, when, fields);
        fields.clear();
        try {
          when = LocalDateTime.parse(header.group(1), TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          when = null;
        }
        continue;
      }
      Matcher field = FIELD.matcher(line.strip());
      if (when != null && field.matches()) {
        fields.putIfAbsent(field.group(1), field.group(2).strip());
      }
    }
    add(blocks, when, fields);
    return blocks;
  }

  private static void add(List<Block> blocks, Instant when, Map<String, String> f) {
    String commit = f.get("Commit");
    String status = f.get("Status");
    if (when == null || commit == null || !CommitIds.isValid(commit) || status == null) {
      return;
    }
    Outcome outcome =
        "ROLLED_BACK".equals(f.get("Rollback"))
            ? Outcome.ROLLED_BACK
            : "SUCCESS".equals(status) ? Outcome.SUCCESS : Outcome.FAILED;
    blocks.add(
        new Block(
            when,
            f.getOrDefault("Version", "?"),
            commit,
            f.getOrDefault("Environment", "?"),
            outcome));
  }
}
