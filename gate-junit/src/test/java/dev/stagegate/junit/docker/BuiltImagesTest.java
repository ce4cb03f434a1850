package dev.stagegate.junit.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The removal order of a run's images: no image before one of its children. */
class BuiltImagesTest {
  @Test
  void aChainOfIntermediateImagesIsRemovedFromTheLeafUp() {
    // listed as the engine may list them: parents first
    Map<String, String> parentOf = new LinkedHashMap<>();
    parentOf.put("sha256:step1", "sha256:base");
    parentOf.put("sha256:step2", "sha256:step1");
    parentOf.put("sha256:step3", "sha256:step2");
    parentOf.put("sha256:final", "sha256:step3");
    assertThat(BuiltImages.childrenFirst(parentOf))
        .containsExactly("sha256:final", "sha256:step3", "sha256:step2", "sha256:step1");
  }

  @Test
  void twoServicesSharingAParentKeepEveryChildBeforeIt() {
    Map<String, String> parentOf = new LinkedHashMap<>();
    parentOf.put("shared", "");
    parentOf.put("api", "shared");
    parentOf.put("worker", "shared");
    List<String> order = BuiltImages.childrenFirst(parentOf);
    assertThat(order).hasSize(3).endsWith("shared");
    assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("api", "worker");
  }

  @Test
  void buildKitImagesWithoutParentsAreAllLeaves() {
    Map<String, String> parentOf = new LinkedHashMap<>();
    parentOf.put("a", "");
    parentOf.put("b", "");
    assertThat(BuiltImages.childrenFirst(parentOf)).containsExactly("a", "b");
  }
}
