package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeReviewTest {
  @TempDir Path repo;

  @Test
  void aModuleInASubdirectoryIsItsServiceRoot() throws IOException {
    Path module = Files.createDirectories(repo.resolve("examples/agents"));

    assertThat(ChangeReview.serviceRoot(repo, module)).isEqualTo("examples/agents");
  }

  @Test
  void theRootItselfOrADirectoryOutsideHasNone() throws IOException {
    Path outside = Files.createDirectories(repo.resolveSibling(repo.getFileName() + "-elsewhere"));
    try {
      assertThat(ChangeReview.serviceRoot(repo, repo)).isEmpty();
      assertThat(ChangeReview.serviceRoot(repo, outside)).isEmpty();
    } finally {
      Files.delete(outside);
    }
  }
}
