package dev.stagegate.report.redact;

import dev.stagegate.report.redact.SecretLikeness.NameKind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code NAME=value}, {@code name: value}, {@code "name": "value"} (also inside escaped JSON),
 * {@code --name=value}, {@code "name" => "value"}, {@code name := value}: masks the value by the
 * name's last word (see {@link SecretLikeness#nameKind}): a password-like name's value whenever it
 * is one ({@link SecretLikeness#isPasswordValue}), a key-, token- or secret-like name's value when
 * it has a secret's shape ({@link SecretLikeness#hasSecretShape}).
 *
 * <p>In two steps, because most names on a log line ({@code status=}, {@code user=}) announce no
 * credential: first the name and its separator, then, only for a credential name, the value from
 * where the separator ends.
 */
final class Assignments implements LineRule {
  /** Name-like chars that may not directly precede a name (so we see the whole name). */
  private static final String NAME_START = "(?<![A-Za-z0-9_.])(?<!\\$\\{)";

  private static final Pattern NAME =
      Pattern.compile(
          NAME_START + "(\\\\?[\"']?)([A-Za-z][A-Za-z0-9_.\\-]{0,80}+)\\1\\s*(?:=>|:=|[:=])\\s*");

  /**
   * Quoted in JSON inside JSON ({@code \"…\"}), in JSON ({@code "…"}, escapes such as {@code \"}
   * inside), in single quotes, or not quoted. Unquoted, the value may hold brackets and commas but
   * not end with one: {@code {password=a}b}} keeps {@code a}b} whole, {@code Config(password=x,
   * user=y)} stops at {@code x}. Bounded, so that a pathological line stays cheap.
   */
  private static final Pattern VALUE =
      Pattern.compile(
          "\\\\\"((?:[^\"\\\\]|\\\\[^\"]){0,1024}?)\\\\\"|\"((?:[^\"\\\\]|\\\\.){0,1024})\""
              + "|'([^']{0,1024})'|([^\\s\"'\\\\;&]{0,1023}[^\\s\"'\\\\;&}\\]),)])");

  private static final List<String> MARKERS =
      List.of(
          "key",
          "token",
          "secret",
          "pass",
          "pwd",
          "credential",
          "signature",
          "salt",
          "sig",
          "jwt",
          "auth",
          "_pat",
          "-pat");

  @Override
  public List<String> markers() {
    return MARKERS;
  }

  @Override
  public boolean markersIgnoreCase() {
    return true;
  }

  @Override
  public String applyToCandidate(String line) {
    Matcher name = NAME.matcher(line);
    Matcher value = null;
    StringBuilder out = null;
    int last = 0;
    int from = 0;
    while (from < line.length() && name.find(from)) {
      from = name.end(2);
      NameKind kind = SecretLikeness.nameKind(name.group(2));
      if (kind == NameKind.NONE) {
        continue;
      }
      if (value == null) {
        value = VALUE.matcher(line);
      }
      value.region(name.end(), line.length());
      if (!value.lookingAt()) {
        continue;
      }
      int group = firstMatched(value);
      if (group < 0 || PatternRule.isInsideReplacement(line, value.start(group))) {
        continue;
      }
      String kindLabel = label(kind, name.group(2), value.group(group));
      if (kindLabel == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(line.length());
      }
      out.append(line, last, value.start(group)).append(PatternRule.replacement(kindLabel));
      last = value.end(group);
      from = Math.max(value.end(), from + 1);
    }
    return out == null ? line : out.append(line, last, line.length()).toString();
  }

  private static String label(NameKind kind, String name, String value) {
    if (value.isEmpty() || value.startsWith("=")) {
      return null; // "password == x" compares, it does not assign
    }
    return switch (kind) {
      case PASSWORD -> SecretLikeness.isPasswordValue(name, value) ? "password" : null;
      case KEY ->
          SecretLikeness.hasSecretShape(value) && !SecretLikeness.isVariableName(name, value)
              ? "secret"
              : null;
      case NONE -> null;
    };
  }

  private static int firstMatched(Matcher m) {
    for (int g = 1; g <= 4; g++) {
      if (m.start(g) >= 0 && m.end(g) > m.start(g)) {
        return g;
      }
    }
    return -1;
  }
}
