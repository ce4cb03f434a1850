package dev.stagegate.assertions.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fetches a Prometheus {@code /metrics} endpoint and checks metric values, e.g. that the system
 * state gauge reads 0 after a deploy. Immutable; every method returns a new hook.
 *
 * <pre>{@code
 * MetricHook.prometheus(URI.create("http://127.0.0.1:9100/metrics"))
 *     .expect("system_state_status", 0)
 *     .expect("db_pool_ready{pool=\"primary\"}", 1)
 *     .named("system-state");
 * // fails with: metric system_state_status not found; metrics present: up, db_pool_ready
 * // or with:    metric system_state_status expected 0 but was 2
 * }</pre>
 *
 * <p>A selector is a metric name with optional exact label matchers, written like a series. Every
 * series it matches must have the expected value (compared numerically: {@code 1} is {@code 1.0e0},
 * and {@code NaN} equals only {@code NaN}); a selector matching none fails. The body is parsed with
 * {@link PrometheusText}; a malformed body fails naming the line. The samples of the expected
 * metrics are the evidence. A relative URI resolves against the runner's base URI.
 */
public final class MetricHook implements DeployHook {
  private static final int NAMES_LISTED = 20;

  private final String name;
  private final URI uri;
  private final List<Expectation> expectations;

  private MetricHook(String name, URI uri, List<Expectation> expectations) {
    this.name = name;
    this.uri = uri;
    this.expectations = expectations;
  }

  /**
   * A hook reading the Prometheus text at {@code uri}; named {@code "metrics <uri>"}. Without
   * expectations it passes when the endpoint answers 200 with well-formed metrics.
   */
  public static MetricHook prometheus(URI uri) {
    Objects.requireNonNull(uri, "uri");
    return new MetricHook("metrics " + uri, uri, List.of());
  }

  /**
   * Expect every series matching {@code selector} ({@code system_state_status} or {@code
   * up{job="api"}}) to have {@code value}.
   *
   * @throws IllegalArgumentException if the selector is not a name with optional labels
   */
  public MetricHook expect(String selector, double value) {
    List<Expectation> more = new ArrayList<>(expectations);
    more.add(new Expectation(MetricSelector.parse(selector), value));
    return new MetricHook(name, uri, List.copyOf(more));
  }

  /** This hook under another name. */
  public MetricHook named(String name) {
    return new MetricHook(Objects.requireNonNull(name, "name"), uri, expectations);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public HookOutcome check(HookContext ctx) throws InterruptedException {
    URI target = ctx.resolve(uri);
    // 0.0.4 is the format parsed here; endpoints that also speak OpenMetrics pick it then.
    HttpGet.Checked got =
        HttpGet.expect(
            target, ctx, "text/plain;version=0.0.4;q=1.0,*/*;q=0.1", 200, Texts::evidence);
    if (got.failed()) {
      return got.failure();
    }
    String body = got.response().body();
    List<MetricSample> samples;
    try {
      samples = PrometheusText.parse(body);
    } catch (IllegalArgumentException e) {
      return HookOutcome.fail(
              "metrics at " + target + " are not Prometheus text: " + e.getMessage())
          .withEvidence(Texts.evidence(body));
    }
    if (expectations.isEmpty()) {
      long metrics = samples.stream().map(MetricSample::name).distinct().count();
      return HookOutcome.pass(
          "GET " + target + " returned " + samples.size() + " samples of " + metrics + " metrics");
    }
    List<String> problems = new ArrayList<>();
    List<String> fine = new ArrayList<>();
    for (Expectation e : expectations) {
      e.judge(samples).ifPresentOrElse(problems::add, () -> fine.add(e.passSentence()));
    }
    String evidence = evidence(samples, body);
    return problems.isEmpty()
        ? HookOutcome.pass(String.join("; ", fine)).withEvidence(evidence)
        : HookOutcome.fail(String.join("; ", problems)).withEvidence(evidence);
  }

  /** The samples of the expected metrics, or the start of the body when none of them is there. */
  private String evidence(List<MetricSample> samples, String body) {
    Set<String> names =
        expectations.stream().map(e -> e.selector().name()).collect(Collectors.toSet());
    String relevant =
        samples.stream()
            .filter(s -> names.contains(s.name()))
            .map(s -> s.series() + " " + MetricSample.format(s.value()))
            .collect(Collectors.joining("\n"));
    return Texts.evidence(relevant.isEmpty() ? body : relevant);
  }

  @Override
  public String toString() {
    return "MetricHook[" + name + "]";
  }

  /** One {@code expect(selector, value)}. */
  private record Expectation(MetricSelector selector, double value) {
    Optional<String> judge(List<MetricSample> samples) {
      List<MetricSample> matching = samples.stream().filter(selector::matches).toList();
      if (matching.isEmpty()) {
        return Optional.of(notFound(samples));
      }
      List<String> wrong = new ArrayList<>();
      for (MetricSample s : matching) {
        if (!same(s.value(), value)) {
          wrong.add(
              "metric "
                  + s.series()
                  + " expected "
                  + MetricSample.format(value)
                  + " but was "
                  + MetricSample.format(s.value()));
        }
      }
      return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
    }

    String passSentence() {
      return "metric " + selector + " is " + MetricSample.format(value);
    }

    private String notFound(List<MetricSample> samples) {
      List<String> sameName =
          samples.stream()
              .filter(s -> s.name().equals(selector.name()))
              .map(MetricSample::series)
              .toList();
      if (!sameName.isEmpty()) {
        return "metric "
            + selector
            + " not found; series of "
            + selector.name()
            + " present: "
            + listed(sameName);
      }
      Set<String> names = new LinkedHashSet<>();
      samples.forEach(s -> names.add(s.name()));
      return "metric "
          + selector
          + " not found; "
          + (names.isEmpty() ? "the endpoint has no metrics" : "metrics present: " + listed(names));
    }

    private static String listed(Collection<String> items) {
      String shown = items.stream().limit(NAMES_LISTED).collect(Collectors.joining(", "));
      return items.size() <= NAMES_LISTED
          ? shown
          : shown + " and " + (items.size() - NAMES_LISTED) + " more";
    }

    // Numerically equal, where NaN equals NaN (a NaN gauge can be the expected state) and 0.0
    // equals -0.0.
    private static boolean same(double a, double b) {
      return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }
  }
}
