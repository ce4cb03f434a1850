package dev.stagegate.junit.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels the gate puts on everything it creates (containers, networks, volumes, images), so
 * that what a killed run leaves behind can be found and removed by the next run.
 *
 * <p>The owner is the host name and process id of the JVM that ran the gate: a later run removes
 * only what belongs to a process on the same host that is no longer alive.
 *
 * @param runId unique per gate run, also the compose project prefix and image name part
 * @param host the host name of the owning JVM
 * @param pid the process id of the owning JVM
 */
public record RunLabels(String runId, String host, long pid) {
  /** Present on every resource the gate creates. */
  public static final String MARKER = "dev.stagegate";

  public static final String RUN = "dev.stagegate.run";
  public static final String HOST = "dev.stagegate.host";
  public static final String PID = "dev.stagegate.pid";

  /** Labels for this run as a map, marker first. */
  public Map<String, String> asMap() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MARKER, "1");
    labels.put(RUN, runId);
    labels.put(HOST, host);
    labels.put(PID, Long.toString(pid));
    return labels;
  }

  /**
   * The one label built images carry: every label is a build step (with its own intermediate
   * container), so images get the owner packed into the marker's value, {@code run/host/pid}.
   */
  public Map<String, String> asImageLabel() {
    return Map.of(MARKER, runId + "/" + host + "/" + pid);
  }

  /** Reads the owner back from a resource's labels; empty when they are not ours or incomplete. */
  public static Optional<RunLabels> from(Map<String, String> labels) {
    if (labels == null || !labels.containsKey(MARKER)) {
      return Optional.empty();
    }
    String packed = labels.get(MARKER);
    if (!labels.containsKey(PID) && packed != null && packed.split("/").length == 3) {
      String[] parts = packed.split("/");
      try {
        return Optional.of(new RunLabels(parts[0], parts[1], Long.parseLong(parts[2])));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          new RunLabels(
              labels.getOrDefault(RUN, ""),
              labels.getOrDefault(HOST, ""),
              Long.parseLong(labels.getOrDefault(PID, "-1"))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The owner of a container, network or volume a gate run created: those carry the run's labels
   * one by one ({@link #asMap()}). The packed image label is not enough: every container made from
   * a built image inherits it — a deployed container of an image a gate kept, too — and names a run
   * that is long over.
   */
  public static Optional<RunLabels> ofRunResource(Map<String, String> labels) {
    if (labels == null || !labels.containsKey(RUN) || !labels.containsKey(PID)) {
      return Optional.empty();
    }
    return from(labels);
  }

  /** This machine's host name, as written into the owner labels. */
  public static String localHost() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }

  /** Whether the owning JVM is gone: same host and its process no longer runs. */
  public boolean ownerIsDeadOn(String localHost) {
    return host.equals(localHost) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }
}
