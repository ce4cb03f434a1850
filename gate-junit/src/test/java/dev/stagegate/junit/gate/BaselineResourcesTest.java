package dev.stagegate.junit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaselineResourcesTest {
  private static final long GIB = 1024L * 1024 * 1024;

  @Test
  void twoCpusAndTwoGibibytesRunSideBySide() {
    assertThat(BaselineResources.tooSmall(2, 2 * GIB)).isEmpty();
    assertThat(BaselineResources.tooSmall(16, 64 * GIB)).isEmpty();
  }

  @Test
  void oneCpuRunsOneAfterTheOtherAndSaysWhy() {
    assertThat(BaselineResources.tooSmall(1, 8 * GIB))
        .contains("the engine has 1 CPU, fewer than the 2 two stacks under load need side by side");
  }

  @Test
  void littleMemoryRunsOneAfterTheOtherAndSaysWhy() {
    assertThat(BaselineResources.tooSmall(4, GIB + GIB / 2))
        .contains(
            "the engine has 1.5 GiB of memory, less than the 2 GiB two stacks need side by side");
  }

  @Test
  void unknownValuesSayNothingAgainstIt() {
    assertThat(BaselineResources.tooSmall(null, null)).isEmpty();
    assertThat(BaselineResources.tooSmall(0, 0L)).isEmpty();
  }
}
