package dev.stagegate.report.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadHistoryTest {
  private static LoadInterval minute(int i, double p99) {
    return new LoadInterval(i * 60, (i + 1) * 60, 1200, 1200, i % 7 == 0 ? 1 : 0, 5, 8, p99, 40);
  }

  @Test
  void aDayOfMinutesIsKeptAtFullResolution() {
    LoadHistory h = new LoadHistory();
    for (int i = 0; i < 1440; i++) {
      h.add(minute(i, 10));
    }
    assertThat(h.intervals()).hasSize(1440);
    assertThat(h.intervals().get(1439).tEndSeconds()).isEqualTo(1440 * 60);
  }

  @Test
  void aLongerRunStaysWithinCapacityAndSpansTheWholeRun() {
    LoadHistory h = new LoadHistory(10);
    long sent = 0;
    for (int i = 0; i < 1000; i++) {
      h.add(minute(i, i == 500 ? 900 : 10));
      sent += 1200;
      assertThat(h.intervals().size()).isLessThanOrEqualTo(10);
    }
    List<LoadInterval> kept = h.intervals();
    assertThat(kept.get(0).tStartSeconds()).isZero();
    assertThat(kept.get(kept.size() - 1).tEndSeconds()).isEqualTo(1000 * 60);
    assertThat(kept.stream().mapToLong(LoadInterval::sent).sum()).isEqualTo(sent);
    assertThat(kept.stream().mapToDouble(LoadInterval::p99Ms).max().orElseThrow())
        .as("a slow minute is not averaged away by merging")
        .isEqualTo(900);
    for (int i = 1; i < kept.size(); i++) {
      assertThat(kept.get(i).tStartSeconds()).isEqualTo(kept.get(i - 1).tEndSeconds());
    }
  }

  @Test
  void aMergeAddsCountsAndKeepsTheLargerPercentiles() {
    LoadInterval a = new LoadInterval(0, 60, 100, 100, 2, 5, 9, 20, 50);
    LoadInterval b = new LoadInterval(60, 120, 80, 79, 0, 7, 8, 30, 45);
    LoadInterval m = a.merge(b);

    assertThat(m).isEqualTo(new LoadInterval(0, 120, 180, 179, 2, 7, 9, 30, 50));
    assertThat(m.achievedRate()).isEqualTo(1.5);
    assertThat(m.errorRate()).isEqualTo(2.0 / 179);
  }

  @Test
  void anIntervalWithMoreErrorsThanCompletedRequestsIsRefused() {
    assertThatThrownBy(() -> new LoadInterval(0, 60, 10, 3, 4, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("errors 4");
  }
}
