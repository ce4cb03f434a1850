package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollbackCommandTest {
  private static final String PREV = "1234567890abcdef1234567890abcdef12345678";

  private static Map<String, String> images() {
    Map<String, String> images = new LinkedHashMap<>();
    images.put("api", "examples/api:" + PREV);
    images.put("worker", "examples/worker:" + PREV);
    return images;
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
            List.of());
    assertThat(command)
        .isEqualTo(
            "# roll project agents-staging back to v1.2.2 (1234567): the images its gate tested"
                + " and kept, no rebuild\n"
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
            List.of("/work/labels.yml"));
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
  void migrationsAreFilesUnderMigrationsOrAlembicOrNamedAfterThem() {
    assertThat(MigrationChanges.isMigration("app/migrations/0001_initial.py")).isTrue();
    assertThat(MigrationChanges.isMigration("alembic/env.py")).isTrue();
    assertThat(MigrationChanges.isMigration("services/migrate/migrate.sh")).isTrue();
    assertThat(MigrationChanges.isMigration("db/Migration.java")).isTrue();
    assertThat(MigrationChanges.isMigration("services/api/handler.sh")).isFalse();
    assertThat(MigrationChanges.isMigration("docs/README.md")).isFalse();
  }
}
