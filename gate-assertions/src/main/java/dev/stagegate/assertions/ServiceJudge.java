package dev.stagegate.assertions;

import dev.stagegate.report.LogFinding;
import dev.stagegate.report.ServiceEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Judges what a gate saw of one service: restarts, exits, OOM kills, health and log findings. Each
 * method returns the failure as a sentence with the evidence inline, or empty when fine; the
 * AssertJ assertions and the JUnit extension share these sentences.
 *
 * <pre>{@code
 * List<String> problems = ServiceJudge.problems(evidence);
 * // ["Expecting service \"worker\" to have 0 restarts but had 2 (exit code 137, OOMKilled)"]
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ServiceJudge {
  /** Findings quoted in one message; the rest are counted. */
  static final int QUOTED_FINDINGS = 5;

  private ServiceJudge() {}

  /** Every problem with the service, in a fixed order; empty when it passed. */
  public static List<String> problems(ServiceEvidence e) {
    List<String> problems = new ArrayList<>();
    restarts(e).ifPresent(problems::add);
    exit(e).ifPresent(problems::add);
    oomKill(e).ifPresent(problems::add);
    health(e).ifPresent(problems::add);
    logFindings(e).ifPresent(problems::add);
    return problems;
  }

  /** Any restart is a failure. */
  public static Optional<String> restarts(ServiceEvidence e) {
    if (e.restartCount() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        "Expecting service \""
            + e.service()
            + "\" to have 0 restarts but had "
            + e.restartCount()
            + exitDetail(e));
  }

  /** A long-running service must still run; a one-shot job must have exited 0 (or still run). */
  public static Optional<String> exit(ServiceEvidence e) {
    if ("running".equals(e.state()) || "unknown".equals(e.state())) {
      return Optional.empty(); // unknown: the engine could not be asked; the gate is inconclusive
    }
    if (e.oneShot()) {
      if (e.exitCode() != null && e.exitCode() == 0) {
        return Optional.empty();
      }
      return Optional.of(
          "Expecting one-shot job \""
              + e.service()
              + "\" to exit with code 0 but it "
              + stateWords(e));
    }
    if (e.restartCount() > 0 && "restarting".equals(e.state())) {
      return Optional.empty(); // the restart sentence already says it
    }
    return Optional.of(
        "Expecting service \"" + e.service() + "\" to be running but it " + stateWords(e));
  }

  /** An OOM kill is a failure even when the service came back. */
  public static Optional<String> oomKill(ServiceEvidence e) {
    if (!e.oomKilled() || e.restartCount() > 0) {
      return Optional.empty(); // with restarts, the restart sentence names OOMKilled
    }
    return Optional.of(
        "Expecting service \"" + e.service() + "\" not to be OOM-killed but the kernel killed it");
  }

  /** A service with a healthcheck must be healthy while it runs. */
  public static Optional<String> health(ServiceEvidence e) {
    if (!"running".equals(e.state()) || "healthy".equals(e.health()) || "none".equals(e.health())) {
      return Optional.empty();
    }
    String probe =
        e.healthLog().isEmpty()
            ? ""
            : "; last probe exit "
                + e.healthLog().get(e.healthLog().size() - 1).exitCode()
                + ": "
                + oneLine(e.healthLog().get(e.healthLog().size() - 1).output());
    return Optional.of(
        "Expecting service \"" + e.service() + "\" to be healthy but it was " + e.health() + probe);
  }

  /** Any log finding is a failure; the first few are quoted with their line numbers. */
  public static Optional<String> logFindings(ServiceEvidence e) {
    if (e.findingsTotal() == 0) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting service \"")
        .append(e.service())
        .append("\" to log no errors but found ")
        .append(e.findingsTotal())
        .append(e.findingsTotal() == 1 ? " problem: " : " problems: ");
    List<LogFinding> quoted =
        e.findings().subList(0, Math.min(QUOTED_FINDINGS, e.findings().size()));
    for (int i = 0; i < quoted.size(); i++) {
      LogFinding f = quoted.get(i);
      if (i > 0) {
        sb.append("; ");
      }
      sb.append("line ")
          .append(f.lineNumber())
          .append(" [")
          .append(f.rule())
          .append("] ")
          .append(oneLine(f.line()));
    }
    if (e.findingsTotal() > quoted.size()) {
      sb.append("; and ").append(e.findingsTotal() - quoted.size()).append(" more");
    }
    return Optional.of(sb.toString());
  }

  private static String stateWords(ServiceEvidence e) {
    String words = e.exitCode() == null ? "was " + e.state() : "exited with code " + e.exitCode();
    return e.oomKilled() ? words + " (OOMKilled)" : words;
  }

  private static String exitDetail(ServiceEvidence e) {
    List<String> parts = new ArrayList<>();
    if (e.exitCode() != null) {
      parts.add("exit code " + e.exitCode());
    }
    if (e.oomKilled()) {
      parts.add("OOMKilled");
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  private static String oneLine(String s) {
    String flat = s.strip().replaceAll("\\s*\\R\\s*", " | ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }
}
