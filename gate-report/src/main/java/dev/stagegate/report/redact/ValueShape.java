package dev.stagegate.report.redact;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a value that stands where a secret could stand is, when it is not one: already masked, a
 * placeholder, a reference to a secret kept elsewhere (a shell variable, a template, a line of
 * source code reading a setting), or a name made of words and numbers. The rules mask a value only
 * when none of these fits, so a report never shows {@code [REDACTED]} over text that gave nothing
 * away.
 */
final class ValueShape {
  /** {@code Token{a64f992 …}}, {@code android.os.BinderProxy@2bd79ce}: an object's toString. */
  private static final Pattern OBJECT_REPRESENTATION =
      Pattern.compile(
          "(?:[A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Z][A-Za-z0-9_$]*(?:[{(\\[].*|@[0-9a-f]{4,16})");

  /** Words that fill a secret's place to say there is none, or that it was hidden. */
  private static final Set<String> PLACEHOLDER_WORDS =
      Set.of(
          "redacted",
          "hidden",
          "masked",
          "filtered",
          "removed",
          "omitted",
          "secret_hidden",
          "not_set",
          "notset",
          "unset",
          "empty",
          "none",
          "null",
          "nil",
          "undefined",
          "n/a",
          "na",
          "true",
          "false",
          "yes",
          "no",
          "on",
          "off",
          "enabled",
          "disabled",
          "required",
          "optional",
          "prompt",
          "env",
          "file",
          "stdin",
          "-",
          "?",
          "...",
          "…",
          "%s",
          "%v",
          "{}",
          "sensitive",
          "private",
          "your_token",
          "your_api_key",
          "your_password",
          "your-token",
          "your-api-key",
          "your-password",
          "your_secret",
          "your-secret",
          "xxx",
          "~");

  private ValueShape() {}

  /**
   * Whether the value gives nothing away: empty, masked ({@code ***}, {@code **}, {@code •••},
   * {@code xxxxxxxx}, {@code <redacted>}, {@code [FILTERED]}, a value partly starred such as {@code
   * ab****yz}), a stand-in word ({@code null}, {@code REDACTED}, {@code YOUR_API_KEY}) or a
   * reference to a secret kept elsewhere (see {@link #isReference}).
   */
  static boolean isNotASecret(String value) {
    String v = value.strip();
    if (v.isEmpty() || v.startsWith(PatternRule.PREFIX)) {
      return true;
    }
    if (v.contains("**") || v.contains("•") || v.contains("...") || v.contains("…")) {
      return true;
    }
    if (isRepeated(v, 'x') || isRepeated(v, 'X') || isRepeated(v, '*') || isRepeated(v, '#')) {
      return true;
    }
    char first = v.charAt(0);
    char last = v.charAt(v.length() - 1);
    if ((first == '<' && last == '>')
        || (first == '[' && last == ']')
        || (first == '(' && last == ')')
        || (first == '{' && last == '}')) {
      // <redacted>, [FILTERED], {password}; but Maven's {base64…} is an encrypted password.
      String inner = v.substring(1, v.length() - 1);
      return isReference(v)
          || inner.length() < 16
          || inner.chars().anyMatch(Character::isWhitespace)
          || !SecretLikeness.looksLikeTokenBody(inner);
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (PLACEHOLDER_WORDS.contains(lower)
        || lower.startsWith("your_")
        || lower.startsWith("your-")
        || lower.startsWith("<your")
        || lower.startsWith("redacted")
        || lower.startsWith("changeme_")
        || lower.equals("placeholder")) {
      return true;
    }
    return isReference(v);
  }

  /**
   * Whether the value points at a secret instead of holding one: a shell variable or command
   * substitution ({@code $API_KEY}, {@code ${TOKEN}}, {@code $(cat /run/secrets/x)}, {@code `cat
   * f`}, {@code %TOKEN%}, {@code $env:TOKEN}), a template ({@code {{ secrets.X }}}, {@code #{…}},
   * {@code <%= … %>}), a format directive ({@code %(password)s}), a bind parameter ({@code
   * :password}), or source code that reads it (see {@link #isCodeExpression}).
   */
  static boolean isReference(String value) {
    String v = value.strip();
    if (v.isEmpty()) {
      return false;
    }
    char first = v.charAt(0);
    // A YAML tag (!vault, !Ref, !GetAtt, !Sub) hands the value to a resolver.
    if (first == '$' || first == '`' || first == '!' || v.startsWith("#{") || v.startsWith("{{")) {
      return true;
    }
    if (v.startsWith("<%") || v.startsWith("%(") || v.startsWith("{%") || v.startsWith("%{")) {
      return true;
    }
    if (first == '%' && v.length() > 2 && v.indexOf('%', 1) == v.length() - 1) {
      return true;
    }
    if (first == ':' && v.length() > 1 && Character.isLetter(v.charAt(1))) {
      return true;
    }
    return isCodeExpression(v);
  }

  /**
   * Whether the value is source code rather than a literal (see {@link CodeExpression#matches}):
   * {@code os.environ["API_KEY"]}, {@code settings.SECRET_KEY}, {@code DB_PASSWORD}, {@code str}.
   */
  static boolean isCodeExpression(String value) {
    return CodeExpression.matches(value);
  }

  /**
   * Whether the value is how a program prints an object, not a credential: a class name followed by
   * its fields or identity hash ({@code token=Token{a64f992 …}}, {@code
   * android.os.BinderProxy@2bd79ce}), as Android and Java log them.
   */
  static boolean isObjectRepresentation(String value) {
    return OBJECT_REPRESENTATION.matcher(value).matches();
  }

  /**
   * Whether the value is made of words and numbers, as names, paths and ids are ({@code
   * user_profile}, {@code reports/2024/01.csv}, {@code session:42}, {@code orders.created}) rather
   * than random characters: every part between separators is a number, a short word, a camel-case
   * name, or a short mix such as {@code v2} or {@code s3}.
   */
  static boolean isWordsAndNumbers(String value) {
    int start = 0;
    int n = value.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || isSeparator(value.charAt(i))) {
        if (!isWordOrNumber(value, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.' || c == '/' || c == ':' || c == '@' || c == ','
        || c == '+' || c == ' ' || c == '=' || c == '#';
  }

  private static boolean isWordOrNumber(String s, int from, int to) {
    int len = to - from;
    if (len == 0) {
      return true;
    }
    boolean allDigits = true;
    boolean allLetters = true;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      allDigits &= c >= '0' && c <= '9';
      allLetters &= Character.isLetter(c);
    }
    if (allDigits) {
      return true;
    }
    if (!allLetters) {
      return len <= 4;
    }
    // A value of one long run of letters, "supersecretvalue", is not a name: names that long
    // have separators (user_profile) or humps (userProfile).
    boolean wholeValue = from == 0 && to == s.length();
    return len <= (wholeValue ? 12 : 24) && isWordCase(s, from, to);
  }

  /** lower, UPPER, Capitalized, or camelCase whose humps are real syllables (3+ chars). */
  private static boolean isWordCase(String s, int from, int to) {
    int humpStart = from;
    boolean sawLower = false;
    boolean allUpper = true;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c)) {
        if (sawLower) {
          if (i - humpStart < 3) {
            return false;
          }
          humpStart = i;
          sawLower = false;
        }
      } else {
        sawLower = true;
        allUpper = false;
      }
    }
    return allUpper || to - humpStart >= 3 || humpStart == from;
  }

  private static boolean isRepeated(String v, char c) {
    if (v.length() < 3) {
      return v.length() == 2 && v.charAt(0) == c && v.charAt(1) == c && c == '*';
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) != c) {
        return false;
      }
    }
    return true;
  }
}
