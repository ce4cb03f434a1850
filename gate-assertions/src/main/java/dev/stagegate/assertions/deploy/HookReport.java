package dev.stagegate.assertions.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every hook's result of one {@link HookRunner} run, in the order the hooks were given, and the
 * wall time of the whole run.
 *
 * <pre>{@code
 * HookReport report = HookRunner.of(hooks).run();
 * if (!report.passed()) {
 *   report.failures().forEach(System.out::println);
 *   // hook "db-port" timed out after 2.0 s
 *   // hook "health" failed: at $.db_ready expected true but was false
 * }
 * }</pre>
 *
 * @param total from the start of the run until the last result was known; hooks run in parallel, so
 *     this is about the slowest hook, not the sum
 */
public record HookReport(List<HookResult> results, Duration total) {
  public HookReport {
    results = List.copyOf(results);
    Objects.requireNonNull(total, "total");
  }

  /** Whether every hook passed (true for no hooks). */
  public boolean passed() {
    return results.stream().allMatch(HookResult::passed);
  }

  /** One sentence per hook that did not pass, in hook order. */
  public List<String> failures() {
    return results.stream().filter(r -> !r.passed()).map(HookResult::sentence).toList();
  }

  /** The result of the hook named {@code name}. */
  public Optional<HookResult> result(String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
