package dev.stagegate.junit.gate;

import java.util.Locale;

/** How a {@link GateRun}'s sentences show a time taken and quote a command's output. */
final class GateText {
  private GateText() {}

  /** The time since {@code startNanos} (a {@link System#nanoTime()}), e.g. {@code 12.3 s}. */
  static String secondsSince(long startNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }

  /** {@code text}, each line set off as quoted output. */
  static String indent(String text) {
    return text.lines().map(l -> "     | " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
