package dev.stagegate.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Docker engine itself stopped, restarted or became unreachable during a watch. What the
 * services did at that moment (exits with 137/143, kills) is the engine's doing, not theirs, so the
 * watch is not judged: the gate is INCONCLUSIVE naming the engine, never a FAIL blamed on a
 * service.
 *
 * <pre>{@code
 * new EngineInterruption(at, Duration.ofSeconds(50), List.of(EngineSign.SHUTDOWN_KILLS), kills,
 *     at.plusSeconds(11), "77461a0c-…", "77461a0c-…").sentence("burn-in");
 * // "The Docker engine stopped 50 s into the burn-in and was back 11 s later (…): …"
 * }</pre>
 *
 * @param at when the first sign was seen (the first shutdown kill, or the failed ping)
 * @param intoWatch how long the watch had run by then
 * @param signs what was seen, in the order it was seen
 * @param engineEvents the container events attributed to the engine (its shutdown kills and the
 *     exits that followed), not to the services
 * @param backAt when the engine answered {@code /_ping} again; {@code null} when it did not within
 *     {@code stagegate.teardown.engine-wait}
 * @param engineIdBefore the engine ID recorded when the gate started ({@code docker info}); empty
 *     when it could not be read
 * @param engineIdAfter the engine ID once it answered again; empty when it did not answer
 */
public record EngineInterruption(
    Instant at,
    Duration intoWatch,
    List<EngineSign> signs,
    List<StackEvent> engineEvents,
    Instant backAt,
    String engineIdBefore,
    String engineIdAfter) {
  public EngineInterruption {
    signs = List.copyOf(signs);
    engineEvents = List.copyOf(engineEvents);
    engineIdBefore = engineIdBefore == null ? "" : engineIdBefore;
    engineIdAfter = engineIdAfter == null ? "" : engineIdAfter;
  }

  /** How long the engine did not answer, when it answered again. */
  public Optional<Duration> unreachable() {
    return backAt == null ? Optional.empty() : Optional.of(Duration.between(at, backAt));
  }

  /** Whether the engine stopped (killed its containers), not merely became unreachable. */
  public boolean stopped() {
    return signs.contains(EngineSign.SHUTDOWN_KILLS)
        || signs.contains(EngineSign.ENGINE_ID_CHANGED);
  }

  /** This interruption once the engine answered again ({@code backAt}) with {@code engineId}. */
  public EngineInterruption back(Instant backAt, String engineId) {
    List<EngineSign> seen = new java.util.ArrayList<>(signs);
    if (!engineIdBefore.isEmpty()
        && engineId != null
        && !engineId.isEmpty()
        && !engineId.equals(engineIdBefore)
        && !seen.contains(EngineSign.ENGINE_ID_CHANGED)) {
      seen.add(EngineSign.ENGINE_ID_CHANGED);
    }
    return new EngineInterruption(
        at, intoWatch, seen, engineEvents, backAt, engineIdBefore, engineId);
  }

  /**
   * The verdict's sentence, e.g. {@code The Docker engine stopped 50 s into the burn-in and was
   * back 11 s later (seen: …; engine ID 77461a0c unchanged): the services' exits at that moment are
   * the engine's, not theirs; the burn-in is not judged}.
   *
   * @param watchName what the watch is called, e.g. {@code burn-in}
   */
  public String sentence(String watchName) {
    StringBuilder sb =
        new StringBuilder("The Docker engine ")
            .append(stopped() ? "stopped " : "became unreachable ")
            .append(BurnInEvidence.human(intoWatch))
            .append(" into the ")
            .append(watchName);
    unreachable()
        .ifPresentOrElse(
            d -> sb.append(" and was back ").append(BurnInEvidence.human(d)).append(" later"),
            () -> sb.append(" and did not answer again"));
    sb.append(" (seen: ")
        .append(signs.stream().map(EngineSign::describe).collect(Collectors.joining("; ")));
    if (!engineIdBefore.isEmpty() && !engineIdAfter.isEmpty()) {
      sb.append(
          engineIdBefore.equals(engineIdAfter)
              ? "; engine ID " + shortId(engineIdBefore) + " unchanged"
              : "; engine ID " + shortId(engineIdBefore) + " → " + shortId(engineIdAfter));
    }
    sb.append(")");
    if (!engineEvents.isEmpty()) {
      sb.append(": the services' exits at that moment (")
          .append(engineEvents.stream().map(StackEvent::describe).collect(Collectors.joining(", ")))
          .append(") are the engine's, not theirs");
    }
    return sb.append("; the ").append(watchName).append(" is not judged").toString();
  }

  private static String shortId(String id) {
    return id.length() > 8 ? id.substring(0, 8) : id;
  }
}
