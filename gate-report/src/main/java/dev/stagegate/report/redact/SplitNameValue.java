package dev.stagegate.report.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name and its value on two lines, as YAML and pretty-printed JSON show an environment entry:
 *
 * <pre>
 * - name: DB_PASSWORD
 *   value: hunter2
 * </pre>
 *
 * Carries, from one line to the next, the kind of credential a {@code name:} line announced; the
 * {@code value:} line right after it is masked by that kind (see {@link SecretLikeness#nameKind}).
 * Like {@link PemBlocks}, it only sees what {@link Redactor#redactLines} or a multi-line {@link
 * Redactor#redact} hands it in order.
 */
final class SplitNameValue {
  private static final Pattern NAME =
      Pattern.compile(
          "^\\s*-?\\s*\"?(?:name|key)\"?\\s*:\\s*\"?([A-Za-z0-9_.-]{1,100})\"?\\s*,?\\s*$");
  private static final Pattern VALUE =
      Pattern.compile(
          "^(\\s*\"?value\"?\\s*:\\s*)(\"((?:[^\"\\\\]|\\\\.){1,1024})\"|'([^']{1,1024})'|([^\\s\"',]{1,1024}))");

  /** The name the previous line announced, or {@code null}. */
  private String pendingName;

  /** The line with the value of a secret named on the line before masked. */
  String apply(String line) {
    String name = pendingName;
    pendingName = null;
    if (name == null) {
      Matcher n = line.contains("name") || line.contains("key") ? NAME.matcher(line) : null;
      if (n != null
          && n.matches()
          && SecretLikeness.nameKind(n.group(1)) != SecretLikeness.NameKind.NONE) {
        pendingName = n.group(1);
      }
      return line;
    }
    Matcher v = VALUE.matcher(line);
    if (!v.lookingAt()) {
      return line;
    }
    int group = v.group(3) != null ? 3 : v.group(4) != null ? 4 : 5;
    String value = v.group(group);
    String kind =
        switch (SecretLikeness.nameKind(name)) {
          case PASSWORD -> SecretLikeness.isPasswordValue(name, value) ? "password" : null;
          case KEY -> SecretLikeness.hasSecretShape(value) ? "secret" : null;
          case NONE -> null;
        };
    if (kind == null || PatternRule.isInsideReplacement(line, v.start(group))) {
      return line;
    }
    return line.substring(0, v.start(group))
        + PatternRule.replacement(kind)
        + line.substring(v.end(group));
  }
}
