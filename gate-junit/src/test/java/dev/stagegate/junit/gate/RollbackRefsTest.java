package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollbackRefsTest {
  @Test
  void theNewestTagBelowHeadWinsAndATagOnHeadIsSkipped() {
    List<String> walk = List.of("c3", "c2", "c1");
    Map<String, List<String>> tags =
        Map.of("c3", List.of("v1.3.0"), "c2", List.of("v1.2.0"), "c1", List.of("v1.0.0"));
    assertThat(RollbackRefs.newestTagBelowHead(walk, tags)).contains("v1.2.0");
  }

  @Test
  void severalTagsOnOneCommitPickTheGreatestName() {
    assertThat(
            RollbackRefs.newestTagBelowHead(
                List.of("c2", "c1"), Map.of("c1", List.of("release-1", "v1.0.0", "v0.9.9"))))
        .contains("v1.0.0");
  }

  @Test
  void noTagBelowHeadIsEmpty() {
    assertThat(
            RollbackRefs.newestTagBelowHead(List.of("c2", "c1"), Map.of("c2", List.of("v2.0.0"))))
        .isEmpty();
    assertThat(RollbackRefs.newestTagBelowHead(List.of("c1"), Map.of())).isEmpty();
  }

  @Test
  void theVersionIsTheTagWithoutVElseTheShortCommit() {
    String commit = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    assertThat(RollbackRefs.versionOf("v1.2.2", true, commit)).isEqualTo("1.2.2");
    assertThat(RollbackRefs.versionOf("V2.0", true, commit)).isEqualTo("2.0");
    assertThat(RollbackRefs.versionOf("vintage", true, commit)).isEqualTo("vintage");
    assertThat(RollbackRefs.versionOf("release-7", true, commit)).isEqualTo("release-7");
    assertThat(RollbackRefs.versionOf("HEAD~1", false, commit)).isEqualTo("1a2b3c4");
  }
}
