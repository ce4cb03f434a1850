package dev.stagegate.report;

/**
 * The Docker engine and compose binary a gate ran on.
 *
 * @param engineVersion e.g. {@code 20.10.24}
 * @param apiVersion e.g. {@code 1.41}
 * @param composeVersion e.g. {@code docker compose 2.26.1}
 */
public record EngineInfo(String engineVersion, String apiVersion, String composeVersion) {
  /** Used when the engine could not be asked (e.g. it is not running). */
  public static EngineInfo unknown() {
    return new EngineInfo("unknown", "unknown", "unknown");
  }
}
