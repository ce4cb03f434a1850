package dev.stagegate.junit.catalog;

import java.util.List;

/**
 * One configuration key as the documentation shows it. Cells are Markdown.
 *
 * @param section the table it belongs to
 * @param name the key, e.g. {@code stagegate.burnin.duration}
 * @param type what a value is (duration, path, boolean, …)
 * @param defaultShown the default, or what applies when the key is not set
 * @param meaning what it changes
 * @param readBy the classes that read it
 */
public record ConfigKey(
    ConfigSection section,
    String name,
    String type,
    String defaultShown,
    String meaning,
    String readBy) {
  /** The documentation's table header, then its separator row. */
  public static final List<String> TABLE_HEAD =
      List.of("| key | type | default | meaning | read by |", "|---|---|---|---|---|");

  /** This key's row of the documentation's table. */
  public String row() {
    return "| `"
        + name
        + "` | "
        + type
        + " | "
        + defaultShown
        + " | "
        + meaning
        + " | "
        + readBy
        + " |";
  }
}
