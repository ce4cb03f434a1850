package dev.stagegate.deploy.risk;

import java.util.regex.Pattern;

/**
 * A file-name pattern for risk rules, matched against {@code /}-separated paths relative to the
 * repository root, in the manner of {@code .gitignore}:
 *
 * <ul>
 *   <li>{@code *} matches within one path segment, {@code ?} one character other than {@code /},
 *       {@code **} any number of segments, {@code {a,b}} either alternative (not nested);
 *   <li>a glob without {@code /} matches the file name at any depth ({@code .env} matches {@code
 *       deploy/.env}); a glob with {@code /} is anchored at the root ({@code app/models/*.py}), and
 *       {@code **}{@code /} in front lets it match at any depth.
 * </ul>
 *
 * Everything else matches itself; matching is case-sensitive, as git paths are.
 *
 * <pre>{@code
 * PathGlob compose = PathGlob.of("docker-compose*.{yml,yaml}");
 * compose.matches("deploy/docker-compose.prod.yml"); // true
 * }</pre>
 */
public final class PathGlob {
  private final String glob;
  private final Pattern regex;

  private PathGlob(String glob, Pattern regex) {
    this.glob = glob;
    this.regex = regex;
  }

  /**
   * Compiles a glob.
   *
   * @throws IllegalArgumentException when it is empty, has an unclosed or nested brace, or ends in
   *     a backslash
   */
  public static PathGlob of(String glob) {
    if (glob.isBlank()) {
      throw new IllegalArgumentException("the glob is empty");
    }
    String body = glob.startsWith("/") ? glob.substring(1) : glob;
    boolean anchored = glob.contains("/");
    StringBuilder re = new StringBuilder(anchored ? "" : "(?:.*/)?");
    boolean inBraces = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < body.length() && body.charAt(i + 1) == '*') {
            i++;
            if (i + 1 < body.length() && body.charAt(i + 1) == '/') {
              i++;
              re.append("(?:.*/)?"); // "**/": zero or more whole directories
            } else {
              re.append(".*");
            }
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '{' -> {
          if (inBraces) {
            throw new IllegalArgumentException("nested '{' at position " + (i + 1));
          }
          inBraces = true;
          re.append("(?:");
        }
        case '}' -> {
          if (!inBraces) {
            throw new IllegalArgumentException("'}' without '{' at position " + (i + 1));
          }
          inBraces = false;
          re.append(')');
        }
        case ',' -> re.append(inBraces ? "|" : ",");
        case '\\' -> {
          if (++i >= body.length()) {
            throw new IllegalArgumentException("ends in a backslash");
          }
          re.append(Pattern.quote(String.valueOf(body.charAt(i))));
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (inBraces) {
      throw new IllegalArgumentException("'{' is not closed");
    }
    return new PathGlob(glob, Pattern.compile(re.toString()));
  }

  /** True when the repository-relative path matches. */
  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  /** The glob as written. */
  @Override
  public String toString() {
    return glob;
  }
}
