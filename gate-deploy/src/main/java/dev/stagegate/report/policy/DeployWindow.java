package dev.stagegate.report.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of day in which deploys are blocked (peak hours), in a time zone, on some weekdays.
 *
 * <p>Times are wall-clock times in the zone, so the window follows daylight saving time: {@code
 * 09:00-18:00 Europe/Berlin} is 08:00–17:00 UTC in winter and 07:00–16:00 UTC in summer. A window
 * whose end is not after its start crosses midnight ({@code 22:00-06:00}) and belongs to the day it
 * starts on: with {@code FRI} only, Saturday 03:00 is blocked and Monday 03:00 is not. {@code
 * 00:00-24:00} blocks whole days.
 *
 * <pre>{@code
 * DeployWindow peak =
 *     DeployWindow.parse("09:00-18:00", ZoneId.of("Europe/Berlin"), DeployWindow.parseDays("MON-FRI"));
 * peak.blocks(Instant.parse("2026-11-23T09:14:00Z"));   // true: Monday 10:14 in Berlin
 * peak.toString();                                      // "09:00–18:00 Europe/Berlin, MON–FRI"
 * }</pre>
 *
 * @param start first blocked minute (wall clock in {@code zone})
 * @param end first minute no longer blocked; not after {@code start} means the next day
 * @param zone the zone of the wall clock
 * @param days the days the window starts on; not empty
 */
public record DeployWindow(LocalTime start, LocalTime end, ZoneId zone, Set<DayOfWeek> days) {
  private static final Pattern WINDOW =
      Pattern.compile("\\s*(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})\\s*");

  /**
   * Checks and copies the fields.
   *
   * @throws IllegalArgumentException when a field is null, the days are empty, or the window is
   *     empty (start equals end other than {@code 00:00-24:00})
   */
  public DeployWindow {
    if (start == null || end == null || zone == null || days == null) {
      throw new IllegalArgumentException("start, end, zone and days must not be null");
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("a deploy window needs at least one day");
    }
    if (start.getSecond() != 0
        || start.getNano() != 0
        || end.getSecond() != 0
        || end.getNano() != 0) {
      throw new IllegalArgumentException("a deploy window is given in whole minutes");
    }
    if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
      throw new IllegalArgumentException(
          "the window " + start + "-" + end + " is empty; for whole days write 00:00-24:00");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  /**
   * Parses {@code HH:MM-HH:MM} (24-hour; {@code 24:00} as an end means midnight), on every day.
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  public static DeployWindow parse(String window, ZoneId zone) {
    return parse(window, zone, EnumSet.allOf(DayOfWeek.class));
  }

  /**
   * Parses {@code HH:MM-HH:MM} on the given days (see {@link #parseDays}).
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  public static DeployWindow parse(String window, ZoneId zone, Set<DayOfWeek> days) {
    Matcher m = WINDOW.matcher(window == null ? "" : window);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a window is HH:MM-HH:MM in 24-hour time but was '" + window + "'");
    }
    LocalTime start = time(m.group(1), m.group(2), false, window);
    LocalTime end = time(m.group(3), m.group(4), true, window);
    boolean wholeDay = start.equals(LocalTime.MIDNIGHT) && m.group(3).equals("24");
    if (start.equals(end) && !wholeDay) {
      throw new IllegalArgumentException(
          "the window '" + window.strip() + "' is empty; for whole days write 00:00-24:00");
    }
    return new DeployWindow(start, end, zone, days);
  }

  private static LocalTime time(String hh, String mm, boolean isEnd, String window) {
    int hour = Integer.parseInt(hh);
    int minute = Integer.parseInt(mm);
    if (isEnd && hour == 24 && minute == 0) {
      return LocalTime.MIDNIGHT;
    }
    if (hour > 23 || minute > 59) {
      throw new IllegalArgumentException(
          "'"
              + hh
              + ":"
              + mm
              + "' in '"
              + window.strip()
              + "' is not a time of day (00:00 to 23:59)");
    }
    return LocalTime.of(hour, minute);
  }

  /**
   * Parses days: names ({@code MON} or {@code MONDAY}, any case), ranges ({@code MON-FRI}, {@code
   * FRI-MON} wraps over the weekend) and lists ({@code MON,WED,FRI}, {@code MON-WED,SAT}).
   *
   * @throws IllegalArgumentException naming the part that is not a day
   */
  public static Set<DayOfWeek> parseDays(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no days given");
    }
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.split(",", -1)) {
      String[] range = part.split("[-–]", -1);
      if (range.length > 2) {
        throw new IllegalArgumentException("'" + part.strip() + "' is not a day or a range");
      }
      DayOfWeek from = day(range[0]);
      DayOfWeek to = range.length == 2 ? day(range[1]) : from;
      for (DayOfWeek d = from; ; d = d.plus(1)) {
        days.add(d);
        if (d == to) {
          break;
        }
      }
    }
    return days;
  }

  private static DayOfWeek day(String text) {
    String name = text.strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (name.length() >= 3
          && d.name().startsWith(name)
          && (name.length() == 3 || d.name().equals(name))) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "'" + text.strip() + "' is not a day; use MON, TUE, WED, THU, FRI, SAT or SUN");
  }

  /** Whether deploys are blocked at {@code instant}. */
  public boolean blocks(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    LocalTime time = local.toLocalTime();
    DayOfWeek day = local.getDayOfWeek();
    if (start.isBefore(end)) {
      return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
    }
    // Crosses midnight (or whole days): the evening part belongs to today, the early part to the
    // day before.
    return (days.contains(day) && !time.isBefore(start))
        || (days.contains(day.minus(1)) && time.isBefore(end));
  }

  /** {@code 10:14 Europe/Berlin}: the wall-clock time of {@code instant} in this window's zone. */
  public String localTime(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    return String.format(
        Locale.ROOT, "%02d:%02d %s", local.getHour(), local.getMinute(), zone.getId());
  }

  /** {@code MON}: the day of {@code instant} in this window's zone. */
  public String localDay(Instant instant) {
    return instant
        .atZone(zone)
        .getDayOfWeek()
        .getDisplayName(TextStyle.SHORT, Locale.ROOT)
        .toUpperCase(Locale.ROOT);
  }

  /** {@code 18:00} ({@code 24:00} for a window ending at midnight). */
  public String endText() {
    return end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString();
  }

  /** {@code 09:00–18:00 Europe/Berlin, MON–FRI}; the days left out when every day. */
  @Override
  public String toString() {
    String text = start + "–" + endText() + " " + zone.getId();
    return days.size() == 7 ? text : text + ", " + daysText();
  }

  private String daysText() {
    List<DayOfWeek> sorted = new ArrayList<>(EnumSet.copyOf(days));
    boolean contiguous = true;
    for (int i = 1; i < sorted.size(); i++) {
      contiguous &= sorted.get(i).getValue() == sorted.get(i - 1).getValue() + 1;
    }
    if (contiguous && sorted.size() > 2) {
      return abbreviation(sorted.get(0)) + "–" + abbreviation(sorted.get(sorted.size() - 1));
    }
    return String.join(", ", sorted.stream().map(DeployWindow::abbreviation).toList());
  }

  private static String abbreviation(DayOfWeek d) {
    return d.name().substring(0, 3);
  }
}
