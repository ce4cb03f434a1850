package dev.stagegate.junit.gate;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether an engine can run a release and its baseline side by side without the comparison
 * measuring their contention: at least {@value #MIN_CPUS} CPUs (one per stack under load) and
 * {@value #MIN_MEMORY_GIB} GiB of memory. Below either, the two run one after the other and the
 * audit says why. A heuristic on what the engine reports ({@code docker info}); stacks that declare
 * large limits deserve {@code stagegate.baseline.mode=sequential} on any engine.
 *
 * <pre>{@code
 * Optional<String> why = BaselineResources.tooSmall(info.getNCPU(), info.getMemTotal());
 * }</pre>
 */
final class BaselineResources {
  static final int MIN_CPUS = 2;
  static final int MIN_MEMORY_GIB = 2;

  private BaselineResources() {}

  /**
   * Why two stacks should not run at once on an engine with {@code cpus} CPUs and {@code
   * memoryBytes} of memory; empty when they may. Unknown values ({@code null} or below 1) say
   * nothing against it.
   */
  static Optional<String> tooSmall(Integer cpus, Long memoryBytes) {
    if (cpus != null && cpus >= 1 && cpus < MIN_CPUS) {
      return Optional.of(
          "the engine has "
              + cpus
              + " CPU, fewer than the "
              + MIN_CPUS
              + " two stacks under load need side by side");
    }
    double gib = memoryBytes == null ? -1 : memoryBytes / (1024.0 * 1024 * 1024);
    if (gib > 0 && gib < MIN_MEMORY_GIB) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "the engine has %.1f GiB of memory, less than the %d GiB two stacks need side by"
                  + " side",
              gib,
              MIN_MEMORY_GIB));
    }
    return Optional.empty();
  }
}
