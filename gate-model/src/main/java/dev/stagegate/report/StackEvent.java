package dev.stagegate.report;

import java.time.Instant;

/**
 * A container event of the stack, as the engine reported it: the restart/exit timeline.
 *
 * @param at when the engine emitted it
 * @param service the compose service
 * @param action {@code start}, {@code die}, {@code oom}, {@code kill}, {@code health_status:
 *     unhealthy}, …
 * @param exitCode the exit code of a {@code die}, else {@code null}
 */
public record StackEvent(Instant at, String service, String action, Integer exitCode) {
  /** A one-line description, e.g. {@code worker die (exit code 137)}. */
  public String describe() {
    return service + " " + action + (exitCode == null ? "" : " (exit code " + exitCode + ")");
  }
}
