package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RollbackCommandTest {
  private static final String COMMIT = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
  private static final String MARKER = "{\n  \"version\": \"1.0.0\"\n}\n";

  @Test
  void rendersTheExportTheMarkerAndTheComposeStepsInOrder() {
    String command =
        RollbackCommand.render(
            COMMIT,
            "deploy",
            "docker-compose.yml",
            "services/api/.deployment_marker",
            MARKER,
            "sgab12cd");
    assertThat(command)
        .isEqualTo(
            String.join(
                "\n",
                "# what the drill ran, minus its labelling override"
                    + " (-f docker-compose.stagegate-*.yml)",
                "mkdir -p /tmp/rollback-1a2b3c4 && git archive "
                    + COMMIT
                    + " deploy | tar -x -C /tmp/rollback-1a2b3c4",
                "cd /tmp/rollback-1a2b3c4/deploy",
                "cat > services/api/.deployment_marker <<'MARKER'",
                "{",
                "  \"version\": \"1.0.0\"",
                "}",
                "MARKER",
                "docker compose -p sgab12cd -f docker-compose.yml build --no-cache",
                "docker compose -p sgab12cd -f docker-compose.yml up -d --no-build"
                    + " --remove-orphans"));
  }

  @Test
  void theRepositoryRootAndNoMarkerLeaveThoseStepsOut() {
    String command = RollbackCommand.render(COMMIT, "", "compose.yaml", "", "", "p");
    assertThat(command)
        .contains("git archive " + COMMIT + " | tar -x -C /tmp/rollback-1a2b3c4\n")
        .contains("cd /tmp/rollback-1a2b3c4\n")
        .doesNotContain("cat >");
  }

  @Test
  void oddPathsAreQuotedAsOneShellWord() {
    String command =
        RollbackCommand.render(COMMIT, "my deploy", "docker-compose.yml", "a'b", "{}", "p");
    assertThat(command)
        .contains(" 'my deploy' | tar")
        .contains("cd /tmp/rollback-1a2b3c4/'my deploy'")
        .contains("cat > 'a'\\''b' <<'MARKER'");
  }
}
