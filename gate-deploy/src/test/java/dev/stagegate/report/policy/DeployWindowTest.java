package dev.stagegate.report.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DeployWindowTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void peakHoursOnWeekdaysInTheZone() {
    DeployWindow w = DeployWindow.parse("09:00-18:00", BERLIN, DeployWindow.parseDays("MON-FRI"));
    // Monday 2026-11-23, CET = UTC+1
    assertThat(w.blocks(at("2026-11-23T07:59:00Z"))).as("08:59 Berlin").isFalse();
    assertThat(w.blocks(at("2026-11-23T08:00:00Z"))).as("09:00 Berlin").isTrue();
    assertThat(w.blocks(at("2026-11-23T16:59:00Z"))).as("17:59 Berlin").isTrue();
    assertThat(w.blocks(at("2026-11-23T17:00:00Z"))).as("18:00 Berlin").isFalse();
    // Saturday 2026-11-28
    assertThat(w.blocks(at("2026-11-28T10:00:00Z"))).isFalse();
    assertThat(w).hasToString("09:00–18:00 Europe/Berlin, MON–FRI");
    assertThat(w.localTime(at("2026-11-23T09:14:00Z"))).isEqualTo("10:14 Europe/Berlin");
    assertThat(w.localDay(at("2026-11-23T09:14:00Z"))).isEqualTo("MON");
  }

  @Test
  void wallClockFollowsDaylightSavingTime() {
    DeployWindow w = DeployWindow.parse("09:00-18:00", BERLIN);
    // winter (UTC+1) and summer (UTC+2): 07:30 UTC is 08:30 and 09:30 in Berlin
    assertThat(w.blocks(at("2026-01-12T07:30:00Z"))).isFalse();
    assertThat(w.blocks(at("2026-07-06T07:30:00Z"))).isTrue();
    // the switch day itself, Sunday 2026-03-29: 02:00 CET jumps to 03:00 CEST
    assertThat(w.blocks(at("2026-03-29T06:59:00Z"))).as("08:59 CEST").isFalse();
    assertThat(w.blocks(at("2026-03-29T07:00:00Z"))).as("09:00 CEST").isTrue();
    assertThat(w.blocks(at("2026-03-29T15:59:00Z"))).as("17:59 CEST").isTrue();
    assertThat(w.blocks(at("2026-03-29T16:00:00Z"))).as("18:00 CEST").isFalse();
  }

  @Test
  void aWindowAroundTheSkippedHourOfTheDstSwitch() {
    DeployWindow w = DeployWindow.parse("01:00-03:30", BERLIN);
    assertThat(w.blocks(at("2026-03-29T00:59:00Z"))).as("01:59 CET").isTrue();
    assertThat(w.blocks(at("2026-03-29T01:00:00Z"))).as("03:00 CEST, 02:xx never was").isTrue();
    assertThat(w.blocks(at("2026-03-29T01:30:00Z"))).as("03:30 CEST").isFalse();
    // autumn, 2026-10-25: 02:00-03:00 happens twice; both are inside
    DeployWindow night = DeployWindow.parse("02:00-03:00", BERLIN);
    assertThat(night.blocks(at("2026-10-25T00:30:00Z"))).as("02:30 CEST").isTrue();
    assertThat(night.blocks(at("2026-10-25T01:30:00Z"))).as("02:30 CET").isTrue();
    assertThat(night.blocks(at("2026-10-25T02:00:00Z"))).as("03:00 CET").isFalse();
  }

  @Test
  void aWindowCrossingMidnightBelongsToTheDayItStarts() {
    DeployWindow w =
        DeployWindow.parse("22:00-06:00", ZoneOffset.UTC, EnumSet.of(DayOfWeek.FRIDAY));
    assertThat(w.blocks(at("2026-11-27T21:59:00Z"))).as("Fri 21:59").isFalse();
    assertThat(w.blocks(at("2026-11-27T22:00:00Z"))).as("Fri 22:00").isTrue();
    assertThat(w.blocks(at("2026-11-28T03:00:00Z"))).as("Sat 03:00").isTrue();
    assertThat(w.blocks(at("2026-11-28T06:00:00Z"))).as("Sat 06:00").isFalse();
    assertThat(w.blocks(at("2026-11-28T23:00:00Z"))).as("Sat 23:00").isFalse();
    assertThat(w.blocks(at("2026-11-27T03:00:00Z"))).as("Fri 03:00 (Thursday's)").isFalse();
    assertThat(w).hasToString("22:00–06:00 Z, FRI");
  }

  @Test
  void wholeDaysAndEndOfDay() {
    DeployWindow sundays =
        DeployWindow.parse("00:00-24:00", ZoneOffset.UTC, DeployWindow.parseDays("sun"));
    assertThat(sundays.blocks(at("2026-03-29T00:00:00Z"))).isTrue();
    assertThat(sundays.blocks(at("2026-03-29T23:59:59Z"))).isTrue();
    assertThat(sundays.blocks(at("2026-03-30T00:00:00Z"))).isFalse();
    assertThat(sundays).hasToString("00:00–24:00 Z, SUN");
    DeployWindow evening = DeployWindow.parse("20:00-24:00", ZoneOffset.UTC);
    assertThat(evening.blocks(at("2026-03-30T23:59:00Z"))).isTrue();
    assertThat(evening.blocks(at("2026-03-31T00:00:00Z"))).isFalse();
    assertThat(evening).hasToString("20:00–24:00 Z");
  }

  @Test
  void daysParseNamesRangesListsAndWrap() {
    assertThat(DeployWindow.parseDays("MON-FRI"))
        .containsExactlyInAnyOrder(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    assertThat(DeployWindow.parseDays("fri-mon"))
        .containsExactlyInAnyOrder(
            DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    assertThat(DeployWindow.parseDays("Monday, wed,FRI"))
        .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    assertThat(DeployWindow.parse("09:00-17:00", ZoneOffset.UTC, DeployWindow.parseDays("MON,WED")))
        .hasToString("09:00–17:00 Z, MON, WED");
    assertThatThrownBy(() -> DeployWindow.parseDays("MON-FRY"))
        .hasMessage("'FRY' is not a day; use MON, TUE, WED, THU, FRI, SAT or SUN");
  }

  @Test
  void badWindowsSayWhy() {
    assertThatThrownBy(() -> DeployWindow.parse("9-18", ZoneOffset.UTC))
        .hasMessage("a window is HH:MM-HH:MM in 24-hour time but was '9-18'");
    assertThatThrownBy(() -> DeployWindow.parse("09:00-25:00", ZoneOffset.UTC))
        .hasMessage("'25:00' in '09:00-25:00' is not a time of day (00:00 to 23:59)");
    assertThatThrownBy(() -> DeployWindow.parse("09:00-09:00", ZoneOffset.UTC))
        .hasMessage("the window '09:00-09:00' is empty; for whole days write 00:00-24:00");
  }
}
