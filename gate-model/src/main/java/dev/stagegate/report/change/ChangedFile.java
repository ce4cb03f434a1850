package dev.stagegate.report.change;

import java.util.List;
import java.util.Objects;

/**
 * One file that differs between the base and HEAD, with the subjects of the commits that touched
 * it: the "why" a reviewer wants next to the "what".
 *
 * <pre>{@code
 * ChangedFile f =
 *     new ChangedFile("app/core/database.py", ChangeType.MODIFY, null, List.of("Raise pool size"));
 * }</pre>
 *
 * @param path the path in HEAD, {@code /}-separated and relative to the repository root; for a
 *     deleted file, the path it had
 * @param changeType how it changed
 * @param oldPath the path before a rename; {@code null} for every other change type
 * @param commitSubjects first lines of the commits between base and HEAD that touched the file (or
 *     its old path), newest first, at most {@link #MAX_SUBJECTS}; untrusted text
 */
public record ChangedFile(
    String path, ChangeType changeType, String oldPath, List<String> commitSubjects) {
  /** The most commit subjects kept per file; the newest are kept. */
  public static final int MAX_SUBJECTS = 20;

  public ChangedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(changeType, "changeType");
    if ((changeType == ChangeType.RENAME) != (oldPath != null)) {
      throw new IllegalArgumentException(
          "oldPath must be set for a RENAME and only then, but was "
              + oldPath
              + " for "
              + changeType);
    }
    commitSubjects = List.copyOf(commitSubjects);
  }
}
