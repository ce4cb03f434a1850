package dev.stagegate.report.deploy;

import static dev.stagegate.report.deploy.DeploymentEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentLogTest {
  static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  @TempDir Path tmp;

  @Test
  void appendsAndReadsBackInOrder() throws Exception {
    DeploymentLog log = DeploymentLog.at(tmp.resolve("logs/deployments.jsonl"));
    assertThat(log.readAll().entries()).isEmpty();
    DeploymentEntry first = entry(T0, Outcome.SUCCESS, "first");
    DeploymentEntry second = entry(T0.plusSeconds(60), Outcome.ROLLED_BACK, "second");
    log.append(first);
    log.append(second);
    DeploymentLogContents read = DeploymentLog.at(log.file()).readAll();
    assertThat(read.entries()).containsExactly(first, second);
    assertThat(read.skipped()).isEmpty();
    assertThat(Files.readAllLines(log.file())).hasSize(2);
    assertThat(log.file().resolveSibling("deployments.jsonl.lock")).exists();
  }

  @Test
  void incompleteLastLineIsSkippedAndReportedThenEndedByTheNextAppend() throws Exception {
    DeploymentLog log = DeploymentLog.at(tmp.resolve("deployments.jsonl"));
    log.append(entry("whole"));
    // What a writer killed mid-write leaves behind.
    Files.writeString(
        log.file(), "{\"when\":\"2024-05-01T1", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    DeploymentLogContents read = log.readAll();
    assertThat(read.entries()).extracting(DeploymentEntry::note).containsExactly("whole");
    assertThat(read.skipped())
        .containsExactly(
            "line 2: incomplete last line (21 bytes without a line end; a writer was probably"
                + " stopped mid-write)");

    log.append(entry("after"));
    read = log.readAll();
    assertThat(read.entries()).extracting(DeploymentEntry::note).containsExactly("whole", "after");
    assertThat(read.skipped())
        .singleElement()
        .asString()
        .startsWith("line 2: not a deployment entry: ");
  }

  @Test
  void damagedLineIsReportedWithItsReason() throws Exception {
    DeploymentLog log = DeploymentLog.at(tmp.resolve("deployments.jsonl"));
    String valid = new String(DeploymentLog.line(entry("ok")), StandardCharsets.UTF_8);
    Files.writeString(
        log.file(),
        valid + "\n" + valid.replace("\"SUCCESS\"", "\"MAYBE\"") + valid.replace("5d6e7f8a", "zz"));
    DeploymentLogContents read = log.readAll();
    assertThat(read.entries()).hasSize(1);
    assertThat(read.skipped()).hasSize(2);
    assertThat(read.skipped().get(0))
        .startsWith("line 3: not a deployment entry: ")
        .contains("MAYBE");
    assertThat(read.skipped().get(1))
        .isEqualTo("line 4: not a deployment entry: commit must be 7 to 64 hex digits");
  }

  @Test
  void markdownTableIsNewestFirstAndHoldsUntrustedTextInItsCells() throws Exception {
    DeploymentLog log = DeploymentLog.at(tmp.resolve("deployments.jsonl"));
    log.append(entry(T0, Outcome.SUCCESS, "first"));
    log.append(entry(T0.plusSeconds(3600), Outcome.ROLLED_BACK, "| evil |\n# Pwned\n<script>"));
    log.append(
        new DeploymentEntry(
            T0.plusSeconds(60),
            "2.0.0",
            "1a2b3c4d",
            "staging",
            "bob",
            Outcome.FAILED,
            Duration.ofSeconds(5),
            List.of(),
            null,
            ""));
    Files.writeString(log.file(), "{\"when\"", StandardOpenOption.APPEND);

    Node doc = parse(log.toMarkdown());
    assertThat(all(doc, Heading.class))
        .extracting(DeploymentLogTest::text)
        .containsExactly("Deployments", "Unreadable lines");
    List<TableBlock> tables = all(doc, TableBlock.class);
    assertThat(tables).hasSize(1);
    List<List<String>> rows = new ArrayList<>();
    for (TableRow row : all(tables.get(0), TableRow.class)) {
      rows.add(all(row, TableCell.class).stream().map(DeploymentLogTest::text).toList());
    }
    assertThat(rows.get(0)).isEqualTo(DeploymentLogMarkdown.HEADERS);
    assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r).hasSize(10));
    assertThat(rows.subList(1, 4))
        .extracting(r -> r.get(0))
        .containsExactly("2024-05-01 13:00:00", "2024-05-01 12:01:00", "2024-05-01 12:00:00");
    assertThat(rows.get(1))
        .containsExactly(
            "2024-05-01 13:00:00",
            "1.2.3",
            "5d6e7f8",
            "production",
            "alice",
            "ROLLED_BACK",
            "1m 24.3s",
            "health /ready PASS (420ms)smoke TIMEOUT (30s): no answer in 30 s",
            "9f86d081884c",
            "| evil |# Pwned<script>");
    assertThat(rows.get(2))
        .containsExactly(
            "2024-05-01 12:01:00",
            "2.0.0",
            "1a2b3c4",
            "staging",
            "bob",
            "FAILED",
            "5s",
            "–",
            "–",
            "");
    assertThat(all(doc, BulletList.class)).hasSize(1);
    assertThat(text(all(doc, BulletList.class).get(0))).startsWith("line 4: incomplete last line");
  }

  @Test
  void readingAMissingLogCreatesNothing() {
    DeploymentLogContents read = DeploymentLog.at(tmp.resolve("none.jsonl")).readAll();
    assertThat(read.entries()).isEmpty();
    assertThat(read.skipped()).isEmpty();
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void aReadOnlyCopyIsReadWithoutTheLock() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("artifact"));
    Files.write(dir.resolve("deployments.jsonl"), DeploymentLog.line(entry("copied")));
    assumeTrue(dir.toFile().setWritable(false, false), "cannot make a directory read-only");
    try {
      assumeFalse(Files.isWritable(dir), "running as root: permissions do not apply");
      assertThat(DeploymentLog.at(dir.resolve("deployments.jsonl")).readAll().entries())
          .extracting(DeploymentEntry::note)
          .containsExactly("copied");
      assertThat(dir.resolve("deployments.jsonl.lock")).doesNotExist();
    } finally {
      dir.toFile().setWritable(true, false);
    }
  }

  @Test
  void emptyLogSaysSo() {
    String md = DeploymentLog.at(tmp.resolve("none.jsonl")).toMarkdown();
    assertThat(md).isEqualTo("## Deployments\n\nNo deployments recorded.\n");
  }

  private static Node parse(String markdown) {
    List<Extension> extensions = List.of(TablesExtension.create());
    return Parser.builder().extensions(extensions).build().parse(markdown);
  }

  private static <T extends Node> List<T> all(Node root, Class<T> type) {
    List<T> found = new ArrayList<>();
    for (Node child = root.getFirstChild(); child != null; child = child.getNext()) {
      if (type.isInstance(child)) {
        found.add(type.cast(child));
      }
      found.addAll(all(child, type));
    }
    return found;
  }

  /** Literal text under a node; inline HTML such as {@code <br>} counts as nothing. */
  private static String text(Node node) {
    StringBuilder sb = new StringBuilder();
    for (Text t : all(node, Text.class)) {
      sb.append(t.getLiteral());
    }
    return sb.toString();
  }
}
