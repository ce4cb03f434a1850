package dev.stagegate.deploy.checklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagegate.deploy.checklist.GateEvidence.Found;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.checklist.ItemState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The items read from the services and hooks of a stack: the one-shot jobs (migrations), the
 * long-running services (workers), the health hooks' answers (configuration, database).
 *
 * <p>A service counts as a one-shot job when its evidence says so and it is not running; a running
 * container is never a finished job, whatever its labels say.
 */
final class TargetEvidence {
  /** The field of a health hook's JSON answer that says the database answered. */
  static final String DB_READY = "db_ready";

  /** The metric the seed's post-deployment check reads. */
  static final String SYSTEM_STATE_STATUS = "system_state_status";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TargetEvidence() {}

  /** The health hooks' checks ({@code hook health …}) of {@code gates}. */
  static List<Found> healthHooks(List<GateResult> gates) {
    return GateEvidence.checks(
        gates,
        c ->
            CheckName.HOOK.matches(c)
                && c.name().startsWith(CheckName.HOOK.named(CheckName.HEALTH_HOOK)));
  }

  /**
   * DONE when every one-shot job of {@code gates} (e.g. {@code migrate}) exited 0, FAILED citing
   * the first that did not, MANUAL when there is none.
   */
  static ChecklistItem migrations(ChecklistItemId id, List<GateResult> gates, String noGate) {
    List<String> jobs = new ArrayList<>();
    GateResult first = null;
    for (GateResult g : gates) {
      for (ServiceEvidence s : g.services()) {
        if (!isJob(s)) {
          continue;
        }
        if (s.exitCode() == null || s.exitCode() != 0) {
          return new ChecklistItem(
              id,
              ItemState.FAILED,
              GateEvidence.cite(g)
                  + ": one-shot job "
                  + s.service()
                  + (s.exitCode() == null
                      ? " has no exit code (" + GateEvidence.detail(s.state()) + ")"
                      : " exited " + s.exitCode()));
        }
        if (first == null) {
          first = g;
        }
        if (first == g) {
          jobs.add(s.service() + " exited 0");
        }
      }
    }
    if (first == null) {
      return new ChecklistItem(
          id,
          ItemState.MANUAL,
          gates.isEmpty()
              ? noGate
              : "no one-shot job (e.g. migrate) in the evidence: check the migrations ran");
    }
    return new ChecklistItem(
        id,
        ItemState.DONE,
        GateEvidence.cite(first) + ": one-shot " + String.join(", ", jobs) + more(gates, first));
  }

  /**
   * DONE when every long-running service of the target is running, and healthy where it has a
   * healthcheck; FAILED naming the first that is not; MANUAL without service evidence.
   */
  static ChecklistItem workersStarted(List<GateResult> post) {
    ChecklistItemId id = ChecklistItemId.WORKERS_STARTED;
    List<String> started = new ArrayList<>();
    for (GateResult g : post) {
      for (ServiceEvidence s : g.services()) {
        if (isJob(s)) {
          continue;
        }
        Optional<String> wrong = notStarted(s);
        if (wrong.isPresent()) {
          return new ChecklistItem(id, ItemState.FAILED, GateEvidence.cite(g) + ": " + wrong.get());
        }
        if (g == post.get(0)) {
          started.add(s.service() + " " + (s.health().equals("none") ? s.state() : s.health()));
        }
      }
    }
    if (started.isEmpty()) {
      return new ChecklistItem(
          id,
          ItemState.MANUAL,
          post.isEmpty() ? Checklists.NO_POST_DEPLOY : "no long-running service on the target");
    }
    return new ChecklistItem(
        id,
        ItemState.DONE,
        GateEvidence.cite(post.get(0)) + ": " + names(started) + more(post, post.get(0)));
  }

  /**
   * DONE when every long-running service of the target runs and a health hook passed: each read its
   * configuration at start, and one whose configuration fails to load stops there; the marker's
   * environment is cited when it was read. FAILED when a service did not start or the health hook
   * failed; MANUAL without a post-deploy watch or a health hook.
   */
  static ChecklistItem configurationLoaded(List<GateResult> post) {
    ChecklistItemId id = ChecklistItemId.CONFIGURATION_LOADED;
    if (post.isEmpty()) {
      return new ChecklistItem(id, ItemState.MANUAL, Checklists.NO_POST_DEPLOY);
    }
    for (GateResult g : post) {
      for (ServiceEvidence s : g.services()) {
        Optional<String> wrong = isJob(s) ? Optional.empty() : notStarted(s);
        if (wrong.isPresent()) {
          return new ChecklistItem(id, ItemState.FAILED, GateEvidence.cite(g) + ": " + wrong.get());
        }
      }
    }
    List<Found> health = healthHooks(post);
    Optional<Found> failed = health.stream().filter(f -> !f.check().passed()).findFirst();
    if (failed.isPresent()) {
      return new ChecklistItem(id, ItemState.FAILED, failed.get().cited());
    }
    if (health.isEmpty()) {
      return new ChecklistItem(
          id,
          ItemState.MANUAL,
          "no health hook in the post-deploy watch: nothing answered with its configuration");
    }
    Found passed = health.get(0);
    List<Found> marker =
        GateEvidence.checks(post, c -> CheckName.DEPLOYMENT_MARKER.matches(c) && c.passed());
    return new ChecklistItem(
        id,
        ItemState.DONE,
        GateEvidence.cite(passed.gate())
            + ": every long-running service started and "
            + passed.check().name()
            + " PASS (a service whose configuration fails to load stops at start)"
            + (marker.isEmpty() ? "" : "; " + GateEvidence.detail(marker.get(0).check().detail())));
  }

  /**
   * DONE when a health hook's JSON answer says {@code "db_ready": true}, FAILED when one says
   * otherwise, MANUAL when no health hook's answer has the field.
   */
  static ChecklistItem databaseReachable(List<GateResult> post) {
    ChecklistItemId id = ChecklistItemId.DATABASE_REACHABLE;
    if (post.isEmpty()) {
      return new ChecklistItem(id, ItemState.MANUAL, Checklists.NO_POST_DEPLOY);
    }
    Found ready = null;
    for (Found f : healthHooks(post)) {
      Optional<JsonNode> field = dbReady(f.check().rawOutput());
      if (field.isEmpty()) {
        continue;
      }
      if (!field.get().isBoolean() || !field.get().booleanValue()) {
        return new ChecklistItem(
            id, ItemState.FAILED, answered(f, GateEvidence.detail(field.get().toString())));
      }
      if (ready == null) {
        ready = f;
      }
    }
    if (ready == null) {
      return new ChecklistItem(
          id,
          ItemState.MANUAL,
          "no health hook answered with \""
              + DB_READY
              + "\": check the database from the target (or make /health report it)");
    }
    return new ChecklistItem(id, ItemState.DONE, answered(ready, "true"));
  }

  /** The hook and its {@code db_ready} answer, cited alike for DONE and FAILED. */
  private static String answered(Found hook, String value) {
    return GateEvidence.cite(hook.gate())
        + ": "
        + hook.check().name()
        + " answered \""
        + DB_READY
        + "\": "
        + value;
  }

  /** The {@code db_ready} field of a JSON object, when the text is one and has it. */
  private static Optional<JsonNode> dbReady(String raw) {
    String text = raw == null ? "" : raw.strip();
    if (!text.startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(text);
      return Optional.ofNullable(node.get(DB_READY));
    } catch (JsonProcessingException e) {
      return Optional.empty(); // not JSON: no answer about the database
    }
  }

  /** A one-shot job that has finished (or failed to): never a running container. */
  static boolean isJob(ServiceEvidence s) {
    return s.oneShot() && !s.state().equals("running");
  }

  /** Why a long-running service is not started, or empty when it runs (healthy, if checked). */
  private static Optional<String> notStarted(ServiceEvidence s) {
    if (!s.state().equals("running")) {
      return Optional.of(
          s.service()
              + " "
              + GateEvidence.detail(s.state())
              + (s.exitCode() == null ? "" : " (exit code " + s.exitCode() + ")"));
    }
    if (s.health().equals("unhealthy") || s.health().equals("starting")) {
      return Optional.of(s.service() + " running but " + s.health());
    }
    return Optional.empty();
  }

  private static String names(List<String> items) {
    return items.size() <= 6
        ? String.join(", ", items)
        : String.join(", ", items.subList(0, 6)) + " … " + (items.size() - 6) + " more";
  }

  private static String more(List<GateResult> gates, GateResult cited) {
    return GateEvidence.more(gates.size() - 1 - gates.indexOf(cited));
  }
}
