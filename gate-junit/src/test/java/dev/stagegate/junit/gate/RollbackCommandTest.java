package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RollbackCommandTest {
  private static final String PREV = "1234567890abcdef1234567890abcdef12345678";

  private static final String API_ID =
      "sha256:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
  private static final String FALLBACK =
      "no deployment recorded to staging in target/stagegate/deployments.jsonl: rolling back to"
          + " the previous commit's kept images by tag name (v1.2.2, the newest tag below HEAD)";

  private static List<RollbackImage> images() {
    return List.of(
        new RollbackImage("api", "examples/api:" + PREV, Optional.empty(), ""),
        new RollbackImage("worker", "examples/worker:" + PREV, Optional.empty(), ""));
  }

  @Test
  void theCommandRunsThePreviousImagesWithoutARebuildInTheDeployedProject() {
    String command =
        RollbackCommand.render(
            "v1.2.2",
            PREV,
            "examples",
            "docker compose",
            "docker-compose.yml",
            images(),
            "agents-staging",
            List.of(),
            "/tmp/rollback-1234567",
            List.of(),
            FALLBACK);
    assertThat(command)
        .isEqualTo(
            "# roll project agents-staging back to v1.2.2 (1234567): the images its gate tested"
                + " and kept, no rebuild\n"
                + "# target: "
                + FALLBACK
                + "\n"
                + "mkdir -p /tmp/rollback-1234567 && git archive "
                + PREV
                + " examples | tar -x -C /tmp/rollback-1234567\n"
                + "cd /tmp/rollback-1234567/examples\n"
                + "cat > rollback-images.yml <<'IMAGES'\n"
                + "services:\n"
                + "  api:\n"
                + "    image: examples/api:"
                + PREV
                + "\n  worker:\n"
                + "    image: examples/worker:"
                + PREV
                + "\nIMAGES\n"
                + "docker compose -p agents-staging -f docker-compose.yml -f rollback-images.yml"
                + " up -d --no-build --remove-orphans");
  }

  @Test
  void migrationsAreSaidPlainlyFirstAndTheDrillsFilesGoBeforeTheImages() {
    List<String> migrations =
        List.of(
            "alembic/versions/a.py",
            "alembic/versions/b.py",
            "db/migrate_1.sql",
            "migrations/1.sql",
            "migrations/2.sql",
            "migrations/3.sql");
    String command =
        RollbackCommand.render(
            "HEAD~1",
            PREV,
            "",
            "docker compose",
            "compose.yml",
            images(),
            "p",
            migrations,
            "/work/x y",
            List.of("/work/labels.yml"),
            "given by @RollbackDrill(previous)");
    assertThat(command.lines().toList().subList(0, 2))
        .containsExactly(
            "# ⚠️ DATABASE: the change since 1234567 touches migrations (alembic/versions/a.py,"
                + " alembic/versions/b.py, db/migrate_1.sql, migrations/1.sql, migrations/2.sql, …"
                + " 1 more).",
            "# This rolls back the images only, NOT the database schema: a person must decide on"
                + " the database (a down-migration or a restore) before running it.");
    assertThat(command)
        .contains("cd '/work/x y'\n")
        .endsWith(
            "docker compose -p p -f compose.yml -f /work/labels.yml -f rollback-images.yml up -d"
                + " --no-build --remove-orphans");
  }

  @Test
  void aRecordedDeploymentPinsItsTagsAndChecksEveryIdBeforeAnythingStarts() {
    String source =
        "the last deployment to production at 2026-12-07 10:14 UTC (version 1.2.2, commit"
            + " 1234567), from /ci/deployments.jsonl: the images it ran, by tag, each checked"
            + " against the recorded ID";
    String command =
        RollbackCommand.render(
            "v1.2.2",
            PREV,
            "",
            "docker compose",
            "docker-compose.yml",
            List.of(
                new RollbackImage("api", "examples/api:" + PREV, Optional.of(API_ID), ""),
                new RollbackImage(
                    "worker",
                    "examples/worker:" + PREV,
                    Optional.empty(),
                    "the deployment recorded no image for it: the commit's kept tag by name, not"
                        + " checked by ID")),
            "agents-production",
            List.of(),
            "/tmp/rollback-1234567",
            List.of(),
            source);
    assertThat(command)
        .startsWith(
            "# roll project agents-production back to v1.2.2 (1234567): the images its last"
                + " deployment ran, no rebuild\n# target: "
                + source
                + "\n")
        .contains(
            "IMAGES\n# worker: the deployment recorded no image for it: the commit's kept tag by"
                + " name, not checked by ID\n"
                + "# every tag must still be the image the deployment ran; otherwise nothing is"
                + " started\n"
                + "{ test \"$(docker image inspect -f '{{.Id}}' examples/api:"
                + PREV
                + ")\" = "
                + API_ID
                + " || { echo 'ROLLBACK STOPPED: examples/api:"
                + PREV
                + " is not "
                + API_ID
                + ", the image the deployment ran; find that image (docker image ls --digests) and"
                + " tag it, or roll back by hand' >&2; false; }; } &&\n"
                + "docker compose -p agents-production -f docker-compose.yml -f"
                + " rollback-images.yml up -d --no-build --remove-orphans")
        .endsWith("up -d --no-build --remove-orphans");
  }

  @Test
  void aTargetSentenceCannotAddLinesToTheCommand() {
    String command =
        RollbackCommand.render(
            "v1",
            PREV,
            "",
            "docker compose",
            "docker-compose.yml",
            images(),
            "p",
            List.of(),
            "/tmp/r",
            List.of(),
            "from /ci/a\nrm -rf /\r\n");
    assertThat(command).contains("# target: from /ci/a rm -rf /\n").doesNotContain("\nrm -rf");
  }

  @Test
  void migrationsAreFilesUnderMigrationsOrAlembicOrNamedAfterThem() {
    assertThat(MigrationChanges.isMigration("app/migrations/0001_initial.py")).isTrue();
    assertThat(MigrationChanges.isMigration("alembic/env.py")).isTrue();
    assertThat(MigrationChanges.isMigration("services/migrate/migrate.sh")).isTrue();
    assertThat(MigrationChanges.isMigration("db/Migration.java")).isTrue();
    assertThat(MigrationChanges.isMigration("services/api/handler.sh")).isFalse();
    assertThat(MigrationChanges.isMigration("docs/README.md")).isFalse();
  }
}
