package dev.stagegate.deploy.change;

import dev.stagegate.report.change.ChangedFile;
import java.io.IOException;
import java.util.List;

/**
 * Access to what a change added to each file, so content rules can look at new lines without
 * depending on git. {@link GitAddedLines} reads them from the repository; tests pass a map.
 *
 * <pre>{@code
 * AddedLines lines = file -> file.path().equals("app/core/database.py")
 *     ? List.of("    pool_size=50,")
 *     : List.of();
 * }</pre>
 */
@FunctionalInterface
public interface AddedLines {
  /**
   * The lines added to the file between the base and HEAD, in file order, without line ends; empty
   * for a deleted or binary file. A changed line counts as added (its new text).
   */
  List<String> addedLines(ChangedFile file) throws IOException;

  /** No added lines for any file: content rules then find nothing. */
  static AddedLines none() {
    return file -> List.of();
  }
}
