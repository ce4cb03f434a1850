package dev.stagegate.deploy.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {
  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    ".env, .env, true",
    ".env, deploy/.env, true",
    ".env, .env.production, false",
    "app/models/*.py, app/models/user.py, true",
    "app/models/*.py, app/models/sub/user.py, false",
    "app/models/*.py, lib/app/models/user.py, false",
    "'docker-compose*.{yml,yaml}', docker-compose.yml, true",
    "'docker-compose*.{yml,yaml}', deploy/docker-compose.prod.yaml, true",
    "'docker-compose*.{yml,yaml}', docker-compose.json, false",
    "'{docker-compose,compose}*.{yml,yaml}', deploy/compose.ci.yml, true",
    "'{docker-compose,compose}*.{yml,yaml}', compose.yaml, true",
    "'{docker-compose,compose}*.{yml,yaml}', app/composer.json, false",
    "**/migrations/**, migrations/001.sql, true",
    "**/migrations/**, db/alembic/migrations/versions/1.py, true",
    "**/migrations/**, migrations.py, false",
    "/app/main.py, app/main.py, true",
    "a?c, abc, true",
    "a?c, a/c, false",
    "'a\\*b', a*b, true",
    "'a\\*b', axb, false",
  })
  void matches(String glob, String path, boolean expected) {
    assertThat(PathGlob.of(glob).matches(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"{a,{b}};nested", "a}b;without", "{a,b;not closed", "a\\;backslash", " ;empty"})
  void rejectsBadGlobs(String glob, String problem) {
    assertThatThrownBy(() -> PathGlob.of(glob == null ? "" : glob))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }
}
