package dev.stagegate.report.change;

/**
 * Git commit ids as the deploy evidence holds them: full in data, seven characters in sentences
 * (what {@code git log --oneline} shows, so a reader can paste it).
 */
public final class CommitIds {
  /** Length of the abbreviated id shown in messages. */
  public static final int SHORT = 7;

  private CommitIds() {}

  /**
   * Whether {@code id} looks like a commit id: 7 to 64 hex digits (64 for SHA-256 repositories).
   * Abbreviations are accepted because a hand-written marker may carry one.
   */
  public static boolean isValid(String id) {
    if (id.length() < SHORT || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.digit(id.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The first seven characters (or all, when shorter). */
  public static String abbreviate(String id) {
    return id.length() <= SHORT ? id : id.substring(0, SHORT);
  }

  /**
   * Whether a marker's id names the expected commit: equal ignoring case, or an abbreviation of it
   * (at least seven characters).
   */
  public static boolean sameCommit(String actual, String expected) {
    if (actual.length() < SHORT || actual.length() > expected.length()) {
      return false;
    }
    return expected.regionMatches(true, 0, actual, 0, actual.length());
  }

  /**
   * Whether two ids name the same commit when either may be abbreviated: both valid, and the
   * shorter (at least seven characters) is a prefix of the longer, ignoring case. {@code 5d6e7f8}
   * and {@code 5d6e7f8a9b…} match; {@code 5d6e7f8} and {@code 5d6e7f9a…} do not.
   */
  public static boolean samePrefix(String a, String b) {
    if (a == null || b == null || !isValid(a) || !isValid(b)) {
      return false;
    }
    int common = Math.min(a.length(), b.length());
    return a.regionMatches(true, 0, b, 0, common);
  }
}
