package dev.stagegate.assertions.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HookRunnerTest {

  @Test
  void fourSleepingHooksRunInParallel() {
    List<DeployHook> hooks =
        List.of(
            Hooks.sleeping("db", 500),
            Hooks.sleeping("pool", 500),
            Hooks.sleeping("api", 500),
            Hooks.sleeping("state", 500));

    HookReport report = HookRunner.of(hooks).run();

    Duration sum = report.results().stream().map(HookResult::took).reduce(Duration::plus).get();
    System.out.printf(
        "parallel hooks: total %d ms for 4 hooks of ~500 ms (sum of their times %d ms)%n",
        report.total().toMillis(), sum.toMillis());
    assertThat(report.passed()).isTrue();
    assertThat(report.total()).isLessThan(Duration.ofMillis(900));
    assertThat(sum).isGreaterThanOrEqualTo(Duration.ofMillis(2000));
  }

  @Test
  void aHangingHookTimesOutWhileTheOthersPass() throws Exception {
    AtomicBoolean interrupted = new AtomicBoolean();
    DeployHook hangs =
        Hooks.named(
            "hangs",
            ctx -> {
              try {
                Thread.sleep(Long.MAX_VALUE);
              } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
              }
              return HookOutcome.pass("woke up");
            });

    HookReport report =
        HookRunner.of(Hooks.passing("health"), hangs, Hooks.sleeping("db", 100))
            .withTimeout("hangs", Duration.ofMillis(300))
            .run();

    assertThat(report.results())
        .extracting(HookResult::name, HookResult::status)
        .containsExactly(
            tuple("health", HookStatus.PASS),
            tuple("hangs", HookStatus.TIMEOUT),
            tuple("db", HookStatus.PASS));
    assertThat(report.failures()).containsExactly("hook \"hangs\" timed out after 0.3 s");
    HookResult hung = report.result("hangs").orElseThrow();
    assertThat(hung.took()).isBetween(Duration.ofMillis(300), Duration.ofMillis(1000));
    assertThat(hung.evidence())
        .startsWith("stagegate-hook-hangs was at:")
        .contains("java.lang.Thread.sleep");
    assertThat(report.total()).isLessThan(Duration.ofSeconds(2));
    // The interrupt reaches the hook; give its thread a moment to see it.
    for (int i = 0; i < 100 && !interrupted.get(); i++) {
      Thread.sleep(10);
    }
    assertThat(interrupted).isTrue();
  }

  @Test
  void aHookIgnoringInterruptsIsStillReportedAtItsDeadline() {
    AtomicBoolean stop = new AtomicBoolean();
    try {
      long before = System.nanoTime();
      HookReport report =
          HookRunner.of(Hooks.busy("spins", stop), Hooks.passing("health"))
              .withTimeout(Duration.ofMillis(400))
              .run();
      Duration waited = Duration.ofNanos(System.nanoTime() - before);

      assertThat(report.result("spins").orElseThrow().status()).isEqualTo(HookStatus.TIMEOUT);
      assertThat(report.result("health").orElseThrow().status()).isEqualTo(HookStatus.PASS);
      assertThat(report.failures()).containsExactly("hook \"spins\" timed out after 0.4 s");
      assertThat(waited).isLessThan(Duration.ofMillis(1500));
    } finally {
      stop.set(true);
    }
  }

  @Test
  void anExceptionIsAFailureWithItsMessage() {
    DeployHook throwing =
        Hooks.named(
            "pool",
            ctx -> {
              throw new IllegalStateException("pool exhausted: 0 of 20 connections idle");
            });

    HookReport report = HookRunner.of(throwing, Hooks.passing("health")).run();

    HookResult pool = report.result("pool").orElseThrow();
    assertThat(pool.status()).isEqualTo(HookStatus.FAIL);
    assertThat(pool.sentence())
        .isEqualTo(
            "hook \"pool\" failed: IllegalStateException: pool exhausted: 0 of 20 connections"
                + " idle");
    assertThat(pool.evidence()).contains("at dev.stagegate.assertions.deploy.");
    assertThat(report.result("health").orElseThrow().passed()).isTrue();
  }

  @Test
  void anAssertionErrorOrANullOutcomeIsAFailureToo() {
    HookReport report =
        HookRunner.of(
                Hooks.named(
                    "asserts",
                    ctx -> {
                      throw new AssertionError("expected 3 replicas but was 2");
                    }),
                Hooks.named("nothing", ctx -> null))
            .run();

    assertThat(report.failures())
        .containsExactly(
            "hook \"asserts\" failed: AssertionError: expected 3 replicas but was 2",
            "hook \"nothing\" failed: returned no outcome (null)");
  }

  @Test
  void aFailingOutcomeKeepsItsDetailAndEvidence() {
    HookReport report =
        HookRunner.of(
                Hooks.named(
                    "health",
                    ctx ->
                        HookOutcome.fail("at $.db_ready expected true but was false")
                            .withEvidence("{\"db_ready\":false}")))
            .run();

    assertThat(report.passed()).isFalse();
    assertThat(report.failures())
        .containsExactly("hook \"health\" failed: at $.db_ready expected true but was false");
    assertThat(report.results().get(0).evidence()).isEqualTo("{\"db_ready\":false}");
  }

  @Test
  void theOverallDeadlineCutsLongerTimeoutsShort() {
    HookReport report =
        HookRunner.of(Hooks.sleeping("slow", 5_000), Hooks.passing("quick"))
            .withTimeout(Duration.ofSeconds(5))
            .withOverallTimeout(Duration.ofMillis(300))
            .run();

    assertThat(report.failures())
        .containsExactly("hook \"slow\" timed out after 0.3 s, the overall deadline of the run");
    assertThat(report.total()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void eachHookRunsOnAThreadNamedAfterIt() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Hooks.Check record =
        ctx -> {
          threads.add(Thread.currentThread().getName());
          return HookOutcome.pass("ok");
        };

    HookRunner.of(Hooks.named("db-port", record), Hooks.named("health", record)).run();

    assertThat(threads)
        .containsExactlyInAnyOrder("stagegate-hook-db-port", "stagegate-hook-health");
  }

  @Test
  void hooksSeeTheirOwnDeadlineAndTheConfiguredContext() {
    CommandRunner runner = (service, command) -> new CommandResult(0, "", "");
    HookContext[] seen = new HookContext[1];
    HookRunner.of(
            Hooks.named(
                "ctx",
                ctx -> {
                  seen[0] = ctx;
                  return HookOutcome.pass("ok");
                }))
        .withTimeout(Duration.ofSeconds(3))
        .withBaseUri(URI.create("http://127.0.0.1:8080/"))
        .withCommandRunner(runner)
        .run();

    assertThat(seen[0].remaining()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(seen[0].resolve(URI.create("/health")))
        .isEqualTo(URI.create("http://127.0.0.1:8080/health"));
    assertThat(seen[0].commandRunner()).containsSame(runner);
  }

  @Test
  void namesMustBeDistinctAndTimeoutsMustNameAHook() {
    assertThatThrownBy(() -> HookRunner.of(Hooks.passing("health"), Hooks.passing("health")))
        .hasMessageContaining("two hooks are named \"health\"");
    assertThatThrownBy(
            () ->
                HookRunner.of(Hooks.passing("health")).withTimeout("helth", Duration.ofSeconds(1)))
        .hasMessage("no hook is named \"helth\"; the hooks are [health]");
    assertThatThrownBy(() -> HookRunner.of(Hooks.passing("a")).withTimeout(Duration.ZERO))
        .hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> HookRunner.of().withBaseUri(URI.create("/relative")))
        .hasMessageContaining("base URI must be absolute");
  }

  @Test
  void noHooksPass() {
    assertThat(HookRunner.of().run().passed()).isTrue();
  }
}
