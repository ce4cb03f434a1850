package dev.stagegate.junit.gate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which ref a rollback drill goes back to, and the version its marker says; pure logic, so that it
 * is tested without a repository.
 */
final class RollbackRefs {
  static final String FALLBACK = "HEAD~1";

  private static final Pattern V_VERSION = Pattern.compile("^[vV](?=\\d)");

  private RollbackRefs() {}

  /**
   * The newest tag reachable from HEAD that does not point at HEAD: the first commit after HEAD, in
   * walk order (newest first), that carries a tag. Several tags on that commit: the greatest name,
   * so the choice does not depend on map order.
   *
   * @param commitsFromHead commit ids from HEAD (first) backwards, as a walk yields them
   * @param tagsByCommit tag names (without {@code refs/tags/}) by the commit they point at
   */
  static Optional<String> newestTagBelowHead(
      List<String> commitsFromHead, Map<String, List<String>> tagsByCommit) {
    for (int i = 1; i < commitsFromHead.size(); i++) {
      List<String> tags = tagsByCommit.getOrDefault(commitsFromHead.get(i), List.of());
      if (!tags.isEmpty()) {
        return tags.stream().max(String::compareTo);
      }
    }
    return Optional.empty();
  }

  /** The marker version of a build: the tag without a leading {@code v}, else the short commit. */
  static String versionOf(String ref, boolean isTag, String commit) {
    return isTag ? V_VERSION.matcher(ref).replaceFirst("") : shortId(commit);
  }

  static String shortId(String commit) {
    return commit.length() > 7 ? commit.substring(0, 7) : commit;
  }
}
