package dev.stagegate.report.text;

import java.util.Locale;

/**
 * Byte counts in binary units (as {@code docker stats} shows them): {@code 510.2 MiB}. Public so
 * that other renderings of the audit (the CI step summary) show sizes the same way.
 *
 * <pre>{@code
 * ByteSize.mib(52_428_800);  // "50.0"
 * ByteSize.human(3_500_000); // "3.3 MiB"
 * }</pre>
 */
public final class ByteSize {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private ByteSize() {}

  /** Mebibytes with one decimal, no unit: {@code 510.2}. */
  public static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }

  /** The largest unit that keeps the number at least 1: {@code 3.3 MiB}, {@code 512 B}. */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
