package dev.stagegate.report.redact;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Judges whether a name or a value looks like a secret. Shared by the assignment rule of {@link
 * Redactor} and by {@link EnvSecrets}, so both draw the line in the same place.
 */
final class SecretLikeness {
  /** Bits per char at or above which a value of an API-key-like name counts as random. */
  static final double ASSIGNMENT_MIN_ENTROPY = 3.0;

  /** Length below which a value of an API-key-like name is too short to be a credential. */
  static final int ASSIGNMENT_MIN_LENGTH = 8;

  /**
   * Values that appear all over logs and configuration and are never credentials; masking them
   * would blank ordinary words throughout a report.
   */
  private static final Set<String> COMMON_VALUES =
      Set.of(
          "true",
          "false",
          "enabled",
          "disabled",
          "localhost",
          "0.0.0.0",
          "127.0.0.1",
          "production",
          "development",
          "staging",
          "testing",
          "default",
          "docker",
          "compose",
          "postgres",
          "postgresql",
          "mysql",
          "redis",
          "warning",
          "critical");

  private SecretLikeness() {}

  /** Shannon entropy of the chars of {@code s}, in bits per char; 0 for an empty string. */
  static double shannonBits(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return 0;
    }
    // Secrets are almost always ASCII; a small array beats a map on the hot path.
    int[] ascii = new int[128];
    Map<Character, Integer> other = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        ascii[c]++;
      } else {
        if (other == null) {
          other = new HashMap<>();
        }
        other.merge(c, 1, Integer::sum);
      }
    }
    double bits = 0;
    for (int count : ascii) {
      bits += term(count, n);
    }
    if (other != null) {
      for (int count : other.values()) {
        bits += term(count, n);
      }
    }
    return bits;
  }

  private static double term(int count, int n) {
    if (count == 0) {
      return 0;
    }
    double p = (double) count / n;
    return -p * (Math.log(p) / Math.log(2));
  }

  /**
   * Whether a value passed as a known secret is too short or too common to mask exactly: shorter
   * than 6 chars, only digits and dots (ports, counts, versions, IP addresses), or a common word.
   */
  static boolean isTrivialValue(String value) {
    String v = value.strip();
    if (v.length() < 6) {
      return true;
    }
    boolean digitsAndDots = true;
    for (int i = 0; i < v.length() && digitsAndDots; i++) {
      char c = v.charAt(i);
      digitsAndDots = (c >= '0' && c <= '9') || c == '.';
    }
    return digitsAndDots || COMMON_VALUES.contains(v.toLowerCase(Locale.ROOT));
  }

  /** The kind of credential a variable or field name announces. */
  enum NameKind {
    /** A password: its value is masked whenever it is not empty. */
    PASSWORD,
    /** A key, token, secret or credential: masked when the value looks random. */
    KEY,
    /** Not a credential name. */
    NONE
  }

  /**
   * Classifies a name such as {@code DB_PASSWORD}, {@code api_key}, {@code access-token}: by its
   * last word (see {@link CredentialNames}).
   */
  static NameKind nameKind(String name) {
    return CredentialNames.kindOf(name);
  }

  /**
   * Whether a value under a key-, token- or secret-like name has a secret's shape: at least 8 chars
   * and 3.0 bits per char (see {@link #isHighEntropy}), not masked, a placeholder or a reference
   * (see {@link ValueShape#isNotASecret}), not all digits, not a URL, not a public key, and not
   * made of words and numbers ({@code user_profile}, {@code reports/2024/01.csv}).
   */
  static boolean hasSecretShape(String value) {
    if (!isHighEntropy(value) || ValueShape.isNotASecret(value)) {
      return false;
    }
    if (value.contains("://") || isPublicKey(value) || isDigest(value)) {
      return false;
    }
    if (value.startsWith("/") || value.startsWith("./") || value.startsWith("~/")) {
      return false;
    }
    if (ValueShape.isObjectRepresentation(value)) {
      return false;
    }
    return !ValueShape.isWordsAndNumbers(value);
  }

  /**
   * A message digest or a request signature that says which algorithm made it ({@code sha256=…},
   * {@code v0=…}, {@code t=…,v1=…}): evidence of integrity, not a credential.
   */
  static boolean isDigest(String value) {
    return value.startsWith("sha1=")
        || value.startsWith("sha256=")
        || value.startsWith("sha512=")
        || value.startsWith("md5=")
        || value.startsWith("v0=")
        || value.startsWith("v1=")
        || value.startsWith("t=");
  }

  /**
   * Keys meant to be public: SSH public keys, Stripe publishable keys ({@code pk_live_…}), Mapbox
   * public tokens ({@code pk.eyJ…}), age recipients ({@code age1…}).
   */
  static boolean isPublicKey(String value) {
    return value.startsWith("ssh-")
        || value.startsWith("ecdsa-sha2-")
        || value.startsWith("pk_live_")
        || value.startsWith("pk_test_")
        || value.startsWith("pk.eyJ")
        || value.startsWith("age1");
  }

  /**
   * Whether a password-like name's value is a password: anything that is not masked, a placeholder
   * or a reference (see {@link ValueShape#isNotASecret}); a working directory such as {@code
   * PWD=/app} is not one either.
   */
  static boolean isPasswordValue(String name, String value) {
    if (ValueShape.isNotASecret(value)) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if ((n.endsWith("pwd") || n.endsWith("dir"))
        && (value.startsWith("/") || value.startsWith("~"))) {
      return false;
    }
    return !isVariableName(name, value);
  }

  /**
   * A keyword argument passed on in a quoted source line: {@code connect(password=password)},
   * {@code Client(api_key=self_api_key)}, {@code token=access_token}: the value is a variable named
   * like the field.
   */
  static boolean isVariableName(String name, String value) {
    if (value.equalsIgnoreCase(name) || value.equalsIgnoreCase(lastWord(name))) {
      return true;
    }
    if (value.indexOf('_') < 0
        || !value.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c))) {
      return false;
    }
    String v = value.toLowerCase(Locale.ROOT);
    return v.contains("pass")
        || v.contains("pwd")
        || v.contains("token")
        || v.contains("secret")
        || v.contains("key")
        || v.contains("auth")
        || v.contains("cred");
  }

  private static String lastWord(String name) {
    int cut =
        Math.max(name.lastIndexOf('_'), Math.max(name.lastIndexOf('-'), name.lastIndexOf('.')));
    return name.substring(cut + 1);
  }

  /**
   * Whether the body of a token with a vendor prefix looks random: mixed letters and digits, or
   * both cases, with 3.0 bits per char or more. Keeps {@code sk-learn-examples} or {@code
   * key-management} readable while no generated token of a known format is left.
   */
  static boolean looksLikeTokenBody(String body) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
      digit |= c >= '0' && c <= '9';
    }
    int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0);
    return kinds >= 2 && shannonBits(body) >= 3.0;
  }

  /** Whether an environment variable name says its value is sensitive, wherever in the name. */
  static boolean isSensitiveEnvName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return nameKind(name) != NameKind.NONE
        || n.contains("secret")
        || n.contains("token")
        || n.contains("passw")
        || n.contains("api_key")
        || n.contains("apikey")
        || n.contains("private")
        || n.contains("credential")
        || n.contains("auth")
        || n.contains("dsn");
  }

  /**
   * Whether a value looks random enough to be a credential by itself: at least 16 chars, no
   * whitespace, letters and digits, at least 3.5 bits per char, and not a path or a URL.
   */
  static boolean looksRandom(String value) {
    if (value.length() < 16 || value.startsWith("/") || value.startsWith(".")) {
      return false;
    }
    if (value.contains("://")) {
      return false;
    }
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit && shannonBits(value) >= 3.5;
  }

  /** Whether a value of an API-key-like name is random enough to mask (see the constants). */
  static boolean isHighEntropy(String value) {
    return value.length() >= ASSIGNMENT_MIN_LENGTH && shannonBits(value) >= ASSIGNMENT_MIN_ENTROPY;
  }
}
