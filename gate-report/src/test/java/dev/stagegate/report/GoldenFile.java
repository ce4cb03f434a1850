package dev.stagegate.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a checked-in expected file under {@code src/test/resources}.
 *
 * <p>Run with {@code -Dstagegate.updateGolden=true} to rewrite the expected files from the current
 * output; then review the diff with git before committing.
 */
public final class GoldenFile {
  private static final Path RESOURCES = Path.of("src", "test", "resources");
  private static final Path ACTUAL = Path.of("target", "golden-actual");
  private static final String UPDATE_PROPERTY = "stagegate.updateGolden";
  // Surefire runs in the module's directory: gate-report or gate-deploy, whose test uses this.
  private static final String MODULE = String.valueOf(Path.of("").toAbsolutePath().getFileName());

  private GoldenFile() {}

  public static void assertMatches(String actual, String resource) throws IOException {
    Path expectedFile = RESOURCES.resolve(resource);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(expectedFile.getParent());
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    String how =
        "If the change is intended, regenerate from the repository root with"
            + " `mvn -B -q -pl "
            + MODULE
            + " verify -D"
            + UPDATE_PROPERTY
            + "=true` and review `git diff "
            + MODULE
            + "/"
            + expectedFile
            + "` before committing.";
    if (!Files.exists(expectedFile)) {
      fail("Golden file " + expectedFile + " is missing. " + how);
    }
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      Path actualFile = ACTUAL.resolve(resource);
      Files.createDirectories(actualFile.getParent());
      Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
      int line = firstDifferingLine(expected, actual);
      fail(
          "Output differs from golden file %s at line %d:%n  expected: %s%n  actual:   %s%n"
              + "Full output in %s (diff -u %s %s).%n%s",
          expectedFile,
          line,
          lineAt(expected, line),
          lineAt(actual, line),
          actualFile,
          expectedFile,
          actualFile,
          how);
    }
  }

  private static String lineAt(String text, int line) {
    String[] lines = text.split("\n", -1);
    return line <= lines.length ? lines[line - 1] : "<end of file>";
  }

  private static int firstDifferingLine(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.min(e.length, a.length); i++) {
      if (!e[i].equals(a[i])) {
        return i + 1;
      }
    }
    return Math.min(e.length, a.length) + 1;
  }
}
