package dev.stagegate.assertions.trend;

/** How a series is named at the start of a sentence: {@code Memory of "worker"} or {@code CPU}. */
final class Subject {
  private Subject() {}

  static String of(Series series) {
    String noun = series.metric().noun();
    String capitalised = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    return series.label() == null ? capitalised : capitalised + " of \"" + series.label() + "\"";
  }
}
