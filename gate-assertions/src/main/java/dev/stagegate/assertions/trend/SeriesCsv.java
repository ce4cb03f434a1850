package dev.stagegate.assertions.trend;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a series from a two-column CSV file whose header names the metric.
 *
 * <pre>{@code
 * t_seconds,memory_bytes        or   t_seconds,cpu_percent
 * 0.0,160365276                      0.0,4.346
 * 1.0,161061078                      1.0,5.07
 * }</pre>
 *
 * <p>Blank lines are skipped. The series is labelled with the file name without {@code .csv}.
 *
 * <pre>{@code
 * Series s = SeriesCsv.read(Path.of("worker-memory.csv"));
 * }</pre>
 */
public final class SeriesCsv {
  private SeriesCsv() {}

  /**
   * Reads {@code file}.
   *
   * @throws SeriesFormatException for a missing or unreadable file, an unknown header, a malformed
   *     or non-finite number, or times that go backwards; the message names file and line
   */
  public static Series read(Path file) throws SeriesFormatException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null) {
        throw new SeriesFormatException(file + ": empty file, expected a header line");
      }
      Metric metric = metricOf(file, header.strip().replace("\uFEFF", ""));
      double[] t = new double[1024];
      double[] v = new double[1024];
      int count = 0;
      int lineNumber = 1;
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",", -1);
        if (fields.length != 2) {
          throw new SeriesFormatException(
              file + ":" + lineNumber + ": expected 2 comma-separated fields, got " + line);
        }
        if (count == t.length) {
          t = Arrays.copyOf(t, count * 2);
          v = Arrays.copyOf(v, count * 2);
        }
        t[count] = number(file, lineNumber, fields[0]);
        v[count] = number(file, lineNumber, fields[1]);
        if (count > 0 && t[count] < t[count - 1]) {
          throw new SeriesFormatException(
              file + ":" + lineNumber + ": time " + fields[0].strip() + " goes backwards");
        }
        count++;
      }
      String name = file.getFileName().toString();
      String label = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
      return Series.of(metric, Arrays.copyOf(t, count), Arrays.copyOf(v, count)).withLabel(label);
    } catch (NoSuchFileException e) {
      throw new SeriesFormatException(file + ": no such file");
    } catch (IOException e) {
      throw new SeriesFormatException(file + ": cannot read: " + e.getMessage());
    }
  }

  private static Metric metricOf(Path file, String header) throws SeriesFormatException {
    for (Metric metric : Metric.values()) {
      if (header.equals("t_seconds," + metric.csvHeader())) {
        return metric;
      }
    }
    throw new SeriesFormatException(
        file
            + ":1: unknown header \""
            + header
            + "\", expected t_seconds,memory_bytes or t_seconds,cpu_percent");
  }

  private static double number(Path file, int lineNumber, String field)
      throws SeriesFormatException {
    try {
      double value = Double.parseDouble(field.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the position the user needs
    }
    throw new SeriesFormatException(
        file + ":" + lineNumber + ": \"" + field.strip() + "\" is not a finite number");
  }
}
