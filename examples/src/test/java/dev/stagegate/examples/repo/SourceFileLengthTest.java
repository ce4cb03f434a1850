package dev.stagegate.examples.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #13: no main-source file over {@value #MAX_LINES} lines unless its class comment gives a
 * one-line reason starting with {@value #REASON}. A long file is usually several concepts; split it
 * into one type per concept, or say why its length is one concept (e.g. a table of keys).
 */
class SourceFileLengthTest {
  /** The repository root: Surefire runs in the module directory, {@code examples/}. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static final int MAX_LINES = 300;
  private static final String REASON = "Longer than 300 lines because ";

  @Test
  void noMainSourceFileIsLongerThan300LinesWithoutAReason() throws IOException {
    List<Path> sources = mainSources();
    assertThat(sources).as("main sources found under %s", ROOT).hasSizeGreaterThan(100);
    List<String> tooLong = new ArrayList<>();
    for (Path file : sources) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      long lines = text.lines().count();
      if (lines > MAX_LINES && !text.contains(REASON)) {
        tooLong.add(ROOT.relativize(file) + " (" + lines + " lines)");
      }
    }
    assertThat(tooLong)
        .as(
            "Expecting no main-source file over %d lines without a line '%s…' in its class comment;"
                + " split these into one type per concept, or give the reason",
            MAX_LINES, REASON)
        .isEmpty();
  }

  /** Every {@code .java} file under a {@code src/main/java} directory, build output skipped. */
  private static List<Path> mainSources() throws IOException {
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(
        ROOT,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            return name.equals("target") || (name.startsWith(".") && !dir.equals(ROOT))
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String path = ROOT.relativize(file).toString().replace('\\', '/');
            if (path.endsWith(".java") && path.contains("/src/main/java/")) {
              found.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    found.sort(null);
    return found;
  }
}
