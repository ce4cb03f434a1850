package dev.stagegate.report.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DeploymentHistory#record} wrote for one deployment.
 *
 * <pre>{@code
 * RecordedHistory written = history.record(entry, Path.of("."));
 * written.summary().forEach(System.out::println);
 * // deployment log (JSON Lines): /ci/report/deployments.jsonl
 * // deployment text log: /ci/report/deployments.log
 * // table deployment_history: row inserted
 * // tag v1.2.3: created
 * }</pre>
 *
 * @param jsonLog the JSON Lines log appended to
 * @param textLog the text log appended to, when configured
 * @param table the table written to, when configured
 * @param rowInserted whether a row was inserted ({@code false} when the deployment was already
 *     there, or there is no table)
 * @param tag the release tag, when configured
 * @param tagCreated whether the tag was created ({@code false} when it already named the commit, or
 *     no tag is configured)
 */
public record RecordedHistory(
    Path jsonLog,
    Optional<Path> textLog,
    Optional<String> table,
    boolean rowInserted,
    Optional<String> tag,
    boolean tagCreated) {
  /** Checks that nothing is null. */
  public RecordedHistory {
    Objects.requireNonNull(jsonLog, "jsonLog");
    Objects.requireNonNull(textLog, "textLog");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(tag, "tag");
  }

  /** One line per place written, for a report or the build log. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add("deployment log (JSON Lines): " + jsonLog);
    textLog.ifPresent(p -> lines.add("deployment text log: " + p));
    table.ifPresent(
        t -> lines.add("table " + t + ": " + (rowInserted ? "row inserted" : "already recorded")));
    tag.ifPresent(t -> lines.add("tag " + t + ": " + (tagCreated ? "created" : "already there")));
    return lines;
  }
}
