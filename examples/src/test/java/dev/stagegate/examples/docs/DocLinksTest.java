package dev.stagegate.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link check itself, on small fixture trees: each broken kind must be named, good links pass.
 */
class DocLinksTest {
  @TempDir Path root;

  @BeforeEach
  void aDocsTree() throws IOException {
    Files.createDirectories(root.resolve("docs/ci"));
    Files.writeString(
        root.resolve("docs/reference.md"),
        """
        # Reference

        ## `@HealthySmoke`

        ## Under load, against the previous release

        ## Notes

        ## Notes
        """);
    Files.writeString(root.resolve("docs/ci/github-actions.yml"), "name: gate\n");
  }

  private List<String> problemsOf(String readme) throws IOException {
    Files.writeString(root.resolve("README.md"), readme);
    return DocLinks.problems(root, List.of(Path.of("README.md")));
  }

  @Test
  void goodLinksPass() throws IOException {
    assertThat(
            problemsOf(
                """
                # stagegate

                See [the reference](docs/reference.md), [a heading](docs/reference.md#healthysmoke),
                [another](docs/reference.md#under-load-against-the-previous-release), [the second
                Notes](docs/reference.md#notes-1), [the workflow](docs/ci/github-actions.yml), [this
                page](#stagegate), [GitHub](https://github.com/) and [mail](mailto:a@example.com).

                ```markdown
                [not a link, it is code](docs/missing.md)
                ```
                """))
        .isEmpty();
  }

  @Test
  void aMissingFileIsNamedWithItsLine() throws IOException {
    assertThat(problemsOf("# stagegate\n\nSee [the manual](docs/manual.md).\n"))
        .containsExactly(
            "Expecting the link \"docs/manual.md\" in README.md (line 3) to point at an existing"
                + " file but docs/manual.md does not exist; fix the path or move the file back.");
  }

  @Test
  void aMissingAnchorIsNamedWithTheAnchorsThereAre() throws IOException {
    assertThat(problemsOf("# stagegate\n\n[Burn-in](docs/reference.md#burn-in)\n"))
        .singleElement()
        .asString()
        .startsWith(
            "Expecting the link \"docs/reference.md#burn-in\" in README.md (line 3) to point at a"
                + " heading of docs/reference.md but it has no heading with the anchor #burn-in;")
        .contains("[reference, healthysmoke, under-load-against-the-previous-release, notes,");
  }

  @Test
  void aMissingAnchorInTheSameFileIsNamed() throws IOException {
    assertThat(problemsOf("# stagegate\n\n[Supported toolchain](#supported-toolchain)\n"))
        .singleElement()
        .asString()
        .contains("\"#supported-toolchain\" in README.md (line 3)")
        .contains("no heading with the anchor #supported-toolchain; its anchors are [stagegate].");
  }

  @Test
  void aLinkOutOfTheRepositoryIsRefused() throws IOException {
    assertThat(problemsOf("# stagegate\n\n[shared](../shared/docker-notes.md)\n"))
        .singleElement()
        .asString()
        .contains("to stay inside the repository but it points at");
  }

  @Test
  void slugsFollowGitHub() {
    assertThat(DocLinks.slug("The audit: stability_audit.md"))
        .isEqualTo("the-audit-stability_auditmd");
    assertThat(DocLinks.slug("Rollback drill: prove the way back before the way forward"))
        .isEqualTo("rollback-drill-prove-the-way-back-before-the-way-forward");
    assertThat(DocLinks.slug("Deploy checks: @PreDeployCheck"))
        .isEqualTo("deploy-checks-predeploycheck");
    assertThat(DocLinks.slug("GateStack (a parameter of the gate method)"))
        .isEqualTo("gatestack-a-parameter-of-the-gate-method");
  }
}
