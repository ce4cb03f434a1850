package dev.stagegate.assertions.trend;

/** A series file that cannot be read as a series; the message names the file and the line. */
public final class SeriesFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public SeriesFormatException(String message) {
    super(message);
  }
}
