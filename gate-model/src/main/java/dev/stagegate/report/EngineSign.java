package dev.stagegate.report;

/**
 * What showed that the Docker engine itself, not a service, was in trouble during a gate.
 *
 * <pre>{@code
 * EngineSign.SHUTDOWN_KILLS.describe(); // "the engine killed the containers as it shut down"
 * }</pre>
 */
public enum EngineSign {
  /** The engine did not answer {@code /_ping} on a new connection. */
  PING_FAILED("the engine did not answer /_ping"),
  /** The engine's event stream, which a watch follows, ended or failed. */
  EVENT_STREAM_BROKE("the Docker event stream broke"),
  /**
   * Containers were killed (signal, or exit 137/143) at the moment the engine stopped answering: a
   * daemon that shuts down stops every container it runs.
   */
  SHUTDOWN_KILLS("the engine killed the containers as it shut down"),
  /** The engine that answered again has another engine ID than the one the gate started on. */
  ENGINE_ID_CHANGED("a different engine answered afterwards (new engine ID)");

  private final String description;

  EngineSign(String description) {
    this.description = description;
  }

  /** The sign as a phrase for a sentence. */
  public String describe() {
    return description;
  }
}
