package dev.stagegate.assertions.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecHookTest {
  private static final ExecHook PG_ISREADY = ExecHook.in("db", "pg_isready", "-h", "db");

  @Test
  void exitZeroPassesAndTheRunnerGetsServiceAndCommand() {
    List<String> calls = new ArrayList<>();
    CommandRunner runner =
        (service, command) -> {
          calls.add(service + " " + List.of(command));
          return new CommandResult(0, "db:5432 - accepting connections\n", "");
        };

    HookReport report = HookRunner.of(PG_ISREADY).withCommandRunner(runner).run();

    HookResult r = report.results().get(0);
    assertThat(r.status()).isEqualTo(HookStatus.PASS);
    assertThat(r.name()).isEqualTo("db: pg_isready -h db");
    assertThat(r.detail())
        .isEqualTo("`pg_isready -h db` in service db exited 0: db:5432 - accepting connections");
    assertThat(calls).containsExactly("db [pg_isready, -h, db]");
  }

  @Test
  void aNonZeroExitFailsWithStderr() {
    CommandRunner runner =
        (service, command) -> new CommandResult(2, "", "db:5432 - no response\n");

    HookReport report =
        HookRunner.of(PG_ISREADY.named("pg_isready")).withCommandRunner(runner).run();

    assertThat(report.failures())
        .containsExactly(
            "hook \"pg_isready\" failed: `pg_isready -h db` in service db exited 2:"
                + " db:5432 - no response");
    assertThat(report.results().get(0).evidence())
        .isEqualTo("exit code 2\n--- stdout ---\n\n--- stderr ---\ndb:5432 - no response\n");
  }

  @Test
  void withoutARunnerItFailsAndSaysWhy() {
    HookReport report = HookRunner.of(PG_ISREADY.named("pg_isready")).run();

    assertThat(report.failures())
        .containsExactly(
            "hook \"pg_isready\" failed: cannot run `pg_isready -h db` in service db: no command"
                + " runner is configured (gate-junit provides one that uses docker exec; elsewhere"
                + " pass one to HookRunner.withCommandRunner)");
  }

  @Test
  void aRunnerThatCannotStartTheCommandFails() {
    CommandRunner broken =
        (service, command) -> {
          throw new IOException("container db is not running");
        };

    HookReport report = HookRunner.of(PG_ISREADY).withCommandRunner(broken).run();

    assertThat(report.results().get(0).detail())
        .isEqualTo(
            "cannot run `pg_isready -h db` in service db: IOException: container db is not"
                + " running");
  }

  @Test
  void aCommandIsRequired() {
    assertThatThrownBy(() -> ExecHook.in("db"))
        .hasMessageContaining("an exec hook needs a command");
  }
}
