package dev.stagegate.report.change;

/**
 * How one file changed between the base and HEAD, as git reports it with rename detection.
 *
 * <pre>{@code
 * if (file.changeType() == ChangeType.RENAME) {
 *   System.out.println(file.oldPath() + " -> " + file.path());
 * }
 * }</pre>
 */
public enum ChangeType {
  /** The file is new (a copy is reported as an add: its source did not change). */
  ADD,
  /** The file's content or mode changed. */
  MODIFY,
  /** The file is gone; its path is the old path. */
  DELETE,
  /** The file moved, possibly with edits; the old path is kept. */
  RENAME
}
