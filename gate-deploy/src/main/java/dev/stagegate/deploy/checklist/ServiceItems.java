package dev.stagegate.deploy.checklist;

import dev.stagegate.deploy.checklist.GateEvidence.Found;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.ServiceEvidence;
import dev.stagegate.report.checklist.CheckName;
import dev.stagegate.report.checklist.ChecklistItem;
import dev.stagegate.report.checklist.ChecklistItemId;
import dev.stagegate.report.checklist.ItemState;
import java.util.ArrayList;
import java.util.List;

/**
 * Checklist items read from the services' evidence in gates: every service healthy, no restart,
 * exit or OOM kill, no errors in the logs.
 */
final class ServiceItems {
  private ServiceItems() {}

  /** Every service healthy: the healthy check passed, and no service ended unhealthy. */
  static ChecklistItem healthy(List<GateResult> staging) {
    ChecklistItemId text = ChecklistItemId.EVERY_SERVICE_HEALTHY;
    List<Found> found = GateEvidence.checks(staging, CheckName.ALL_SERVICES_HEALTHY::matches);
    ChecklistItem fromChecks = GateEvidence.fromChecks(text, found, Checklists.NO_STAGING);
    if (fromChecks.state() != ItemState.DONE) {
      return fromChecks;
    }
    // At the end too: a service that turned unhealthy later is caught here.
    for (GateResult g : staging) {
      for (ServiceEvidence s : g.services()) {
        if (s.health().equals("unhealthy")) {
          return new ChecklistItem(
              text, ItemState.FAILED, GateEvidence.cite(g) + ": " + s.service() + " unhealthy");
        }
      }
    }
    Found first = found.stream().filter(f -> f.check().passed()).findFirst().orElseThrow();
    return new ChecklistItem(
        text,
        ItemState.DONE,
        GateEvidence.cite(first.gate())
            + ": PASS; "
            + serviceStates(first.gate().services())
            + GateEvidence.more(found.size() - 1));
  }

  private static String serviceStates(List<ServiceEvidence> services) {
    if (services.isEmpty()) {
      return "no service evidence";
    }
    List<String> states = new ArrayList<>();
    for (ServiceEvidence s : services) {
      if (states.size() == 6) {
        states.add("… " + (services.size() - 6) + " more");
        break;
      }
      if (s.oneShot()) {
        states.add(s.service() + " exited " + s.exitCode());
      } else {
        states.add(s.service() + " " + (s.health().equals("none") ? s.state() : s.health()));
      }
    }
    return String.join(", ", states);
  }

  /** FAILED at the first service that restarted, exited or was OOM-killed. */
  static ChecklistItem noRestarts(ChecklistItemId text, List<GateResult> gates, String none) {
    int services = 0;
    for (GateResult g : gates) {
      for (ServiceEvidence s : g.services()) {
        services++;
        List<String> wrong = new ArrayList<>();
        if (s.restartCount() > 0) {
          wrong.add("restarted " + s.restartCount() + (s.restartCount() == 1 ? " time" : " times"));
        }
        boolean exited =
            s.oneShot() ? s.exitCode() != null && s.exitCode() != 0 : s.exitCode() != null;
        if (exited) {
          wrong.add("exited (exit code " + s.exitCode() + ")");
        }
        if (s.oomKilled()) {
          wrong.add("OOM-killed");
        }
        if (!wrong.isEmpty()) {
          return new ChecklistItem(
              text,
              ItemState.FAILED,
              GateEvidence.cite(g) + ": " + s.service() + " " + String.join(", ", wrong));
        }
      }
    }
    return noneFound(text, "0 restarts, exits or OOM kills", services, gates, none);
  }

  /** FAILED at the first service with log findings. */
  static ChecklistItem noLogErrors(ChecklistItemId text, List<GateResult> gates, String none) {
    int services = 0;
    for (GateResult g : gates) {
      for (ServiceEvidence s : g.services()) {
        services++;
        if (s.findingsTotal() > 0 || !s.findings().isEmpty()) {
          long total = Math.max(s.findingsTotal(), s.findings().size());
          String first =
              s.findings().isEmpty()
                  ? ""
                  : " (first: line "
                      + s.findings().get(0).lineNumber()
                      + ", "
                      + s.findings().get(0).rule()
                      + ")";
          return new ChecklistItem(
              text,
              ItemState.FAILED,
              GateEvidence.cite(g)
                  + ": "
                  + s.service()
                  + " "
                  + total
                  + (total == 1 ? " log finding" : " log findings")
                  + first);
        }
      }
    }
    return noneFound(text, "0 log findings", services, gates, none);
  }

  /**
   * DONE with {@code zero} in the {@code services} of {@code gates}; MANUAL when there was no
   * service to look at ({@code none} when there was no gate).
   */
  private static ChecklistItem noneFound(
      ChecklistItemId text, String zero, int services, List<GateResult> gates, String none) {
    if (services == 0) {
      return ChecklistItem.manual(
          text, gates.isEmpty() ? none : "no service evidence in the gates");
    }
    return new ChecklistItem(
        text,
        ItemState.DONE,
        zero
            + " in "
            + services
            + (services == 1 ? " service" : " services")
            + " of "
            + gates.size()
            + (gates.size() == 1 ? " gate" : " gates"));
  }
}
