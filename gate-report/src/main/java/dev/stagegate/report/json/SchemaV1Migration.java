package dev.stagegate.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagegate.report.AuditReport;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an audit of schema version 1 as the current model, so audits (and their approvals) written
 * before version 2 stay readable.
 *
 * <p>Migration note, 1 → 2:
 *
 * <ul>
 *   <li>Verdict {@code PASS_SHORTENED} is new. A version 1 gate whose burn-in or watch ran shorter
 *       than requested says {@code PASS}; it is read as {@code PASS_SHORTENED}, with the shortfall
 *       as its reason, and so is the audit's verdict. An approval of such an audit no longer allows
 *       a deploy: approve it again with {@code --accept REASON}.
 *   <li>Trends: {@code memorySlopeMbPerHour} (MB = 10^6 bytes) became {@code memorySlopeMibPerHour}
 *       (MiB = 2^20 bytes, the unit of the tables and charts), converted on read. New: {@code
 *       memoryBaselineMib}, {@code significance} (read as 0: unknown), {@code window} and {@code
 *       minimumSpan} (read as null: unknown). Verdict word {@code not-judged} is new.
 * </ul>
 *
 * <p>The audit read says schema version 2: it is the version 2 model now, whatever file it came
 * from. The file itself is never rewritten.
 */
final class SchemaV1Migration {
  private static final double MIB_PER_MB = 1_000_000.0 / (1 << 20);

  private SchemaV1Migration() {}

  /** Whether {@code tree} is a version 1 audit. */
  static boolean applies(JsonNode tree) {
    return tree.isObject()
        && tree.path("schemaVersion").isInt()
        && tree.get("schemaVersion").asInt() == 1;
  }

  /** Rewrites the renamed and added trend properties of a version 1 tree in place. */
  static void migrateTree(JsonNode tree) {
    for (JsonNode gate : tree.path("gates")) {
      for (JsonNode trend : gate.path("burnIn").path("trends")) {
        if (!(trend instanceof ObjectNode t) || !t.has("memorySlopeMbPerHour")) {
          continue;
        }
        double mb = t.get("memorySlopeMbPerHour").asDouble();
        // rebuilt in the version 2 order, so the model reads it as written today
        ObjectNode v2 = t.objectNode();
        v2.set("service", t.get("service"));
        v2.set("memoryVerdict", t.get("memoryVerdict"));
        v2.put("memorySlopeMibPerHour", mb * MIB_PER_MB);
        v2.put("memoryBaselineMib", 0.0);
        v2.set("memoryEvidence", t.get("memoryEvidence"));
        v2.set("cpuVerdict", t.get("cpuVerdict"));
        v2.set("cpuSlopePointsPerHour", t.get("cpuSlopePointsPerHour"));
        v2.set("cpuEvidence", t.get("cpuEvidence"));
        v2.put("significance", 0.0);
        v2.putNull("window");
        v2.putNull("minimumSpan");
        v2.set("memory", t.get("memory"));
        v2.set("cpu", t.get("cpu"));
        t.removeAll();
        t.setAll(v2);
      }
    }
  }

  /** The version 1 report with shortened passes made {@code PASS_SHORTENED}, as version 2. */
  static AuditReport migrateModel(AuditReport v1) {
    List<GateResult> gates = new ArrayList<>();
    for (GateResult g : v1.gates()) {
      boolean shortenedPass =
          g.verdict() == Verdict.PASS && g.burnIn() != null && g.burnIn().shortened();
      if (!shortenedPass) {
        gates.add(g);
        continue;
      }
      List<String> reasons = new ArrayList<>(g.failures());
      reasons.addAll(g.burnIn().shortfall());
      gates.add(g.toBuilder().verdict(Verdict.PASS_SHORTENED).failures(reasons).build());
    }
    return new AuditReport(
        AuditReport.SCHEMA_VERSION,
        v1.generatedAt(),
        gates,
        v1.changeSummary(),
        v1.riskAssessment(),
        v1.source());
  }
}
