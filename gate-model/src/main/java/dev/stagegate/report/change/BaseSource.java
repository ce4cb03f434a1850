package dev.stagegate.report.change;

/**
 * Where the base of a {@link ChangeSummary} came from, in the order {@code GitChangeReader} tries
 * them: what runs now is the best thing to compare with, a release is the next best, then what the
 * pipeline says.
 *
 * <pre>{@code
 * if (change.baseSource() == BaseSource.NONE) {
 *   System.out.println("only the last commit was looked at");
 * }
 * }</pre>
 */
public enum BaseSource {
  /** The commit of the last successful deployment in the deployment history. */
  DEPLOYMENT,
  /** The newest release tag ({@code v1.2.3}, {@code 1.2}) on a commit below HEAD. */
  RELEASE_TAG,
  /** The ref configured in {@value ChangeSummary#BASE_KEY}. */
  CONFIGURED,
  /** The merge-base of HEAD with the default branch (a feature branch without the above). */
  MERGE_BASE,
  /** No base: only the HEAD commit's own files were looked at. */
  NONE;

  /**
   * The source a summary written before this field existed had, from its {@code baseChoice} text:
   * {@code configured}, {@code merge-base with <branch>}, {@code last tag <tag>} or {@code none}.
   */
  static BaseSource fromChoice(String baseChoice) {
    if (baseChoice == null || baseChoice.equals(ChangeSummary.NO_BASE)) {
      return NONE;
    }
    if (baseChoice.startsWith("configured")) {
      return CONFIGURED;
    }
    if (baseChoice.startsWith("merge-base")) {
      return MERGE_BASE;
    }
    if (baseChoice.startsWith("last deployment")) {
      return DEPLOYMENT;
    }
    return RELEASE_TAG;
  }
}
