package dev.stagegate.report.redact;

import dev.stagegate.report.redact.SecretLikeness.NameKind;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Secrets given on a command line that a container or a CI step echoed: the word after a flag
 * ({@code --password hunter2}, {@code --token …}, {@code --client-secret …}); the short flags of
 * commands that take a password ({@code docker login -p …}, {@code mysql -p…}, {@code sshpass -p
 * …}, {@code redis-cli -a …}, {@code sqlcmd -P …}, {@code mongosh -p …}, {@code ldapsearch -w …},
 * {@code openssl … -k …}); {@code user:password} after {@code -u}, {@code -a}, {@code --user},
 * {@code -auth} (curl, httpie, wget, jenkins-cli) and {@code user%password} after smbclient's
 * {@code -U}; {@code sqlplus user/password}; keytool's {@code -storepass} and openssl's {@code
 * -passin pass:…}; {@code aws configure set aws_secret_access_key …} and other {@code config set
 * NAME VALUE} forms; {@code gh secret set NAME --body …}; {@code htpasswd -b file user password};
 * {@code rabbitmqctl add_user name password}; and a secret piped into a command that reads one from
 * stdin ({@code echo … | docker login --password-stdin}, {@code | gcloud secrets create …
 * --data-file=-}).
 *
 * <p>The flag and its form stay; the value goes unless it is a shell variable, a command
 * substitution, a path, another flag or already masked ({@code --password $DB_PASSWORD}, {@code
 * --password-stdin}, {@code --secret id=npmrc,src=.npmrc}).
 */
final class CommandSecrets {
  /** A value: double-quoted, single-quoted, or a word up to a shell separator. */
  private static final String VALUE =
      "(?:\"([^\"]{1,512})\"|'([^']{1,512})'|([^\\s\"'|;&<>`]{1,512}))";

  /** The rest of one command (not past a pipe or a separator). */
  private static final String SAME_COMMAND = "[^|;&\\n]{0,300}?\\s";

  private CommandSecrets() {}

  static List<PatternRule> all() {
    return List.of(
        new PatternRule(
            List.of("--"),
            false,
            Pattern.compile("(?<![\\w-])--([A-Za-z][A-Za-z0-9_-]{0,60})\\s+" + VALUE),
            List.of(2, 3, 4),
            CommandSecrets::longFlagKind),
        password("login", "\\blogin\\b" + SAME_COMMAND + "-p(?:\\s+|=)?" + VALUE),
        password(
            "mysql",
            "\\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlsh|mariadb|mariadb-dump"
                + "|mariadb-admin)\\b"
                + SAME_COMMAND
                + "-p"
                + VALUE,
            "maria"),
        password("sqlplus", "\\bsqlplus\\s+(?:-\\S+\\s+)*[^/\\s@\"']+/([^@\\s\"']+)(?:@|\\s|$)"),
        password(
            "rabbitmqctl", "\\brabbitmqctl\\s+(?:add_user|change_password)\\s+\\S+\\s+" + VALUE),
        password("openssl", "\\bopenssl\\b" + SAME_COMMAND + "-k\\s+" + VALUE),
        password("ldap", "\\bldap[a-z]*\\b" + SAME_COMMAND + "-w\\s+" + VALUE),
        password(
            "smb",
            "\\b(?:smbclient|rpcclient|smbcacls|smbget|smbmap)\\b"
                + SAME_COMMAND
                + "-U\\s*[\"']?[^%\\s\"']+%"
                + VALUE,
            "rpcclient"),
        password("sshpass", "\\bsshpass\\s+-p\\s*" + VALUE),
        password("redis-cli", "\\bredis-cli\\b" + SAME_COMMAND + "-a\\s+" + VALUE),
        password("sqlcmd", "\\b(?:sqlcmd|bcp|osql)\\b" + SAME_COMMAND + "-P\\s*" + VALUE),
        password(
            "mongo",
            "\\bmongo(?:sh|dump|restore|import|export)?\\b" + SAME_COMMAND + "-p\\s+" + VALUE),
        // curl -u, httpie -a, wget/git --user: user:password. Digits only after the colon is a
        // uid:gid (docker run -u 1000:1000), not a password.
        new PatternRule(
            List.of("-u", "-U", "-a", "--user", "-auth", "--proxy-user", "--basic-auth"),
            false,
            Pattern.compile(
                "(?<![\\w-])(?:-u|-U|-a|--user|--auth|-auth|--proxy-user|--basic-auth)(?:\\s+|=)?"
                    + "(?:\"[^\\s:\"]*:([^\"]{1,512})\"|'[^\\s:']*:([^']{1,512})'"
                    + "|[^\\s:\"'/]*:([^\\s\"'|;&<>`]{1,512}))"),
            List.of(1, 2, 3),
            m -> {
              String value = secretOf(m, 1, 2, 3);
              return value == null || isNoValue(value) || value.chars().allMatch(Character::isDigit)
                  ? null
                  : "password";
            }),
        password(
            "pass",
            "(?<![\\w-])-(?:storepass|keypass|srcstorepass|deststorepass|srckeypass|destkeypass"
                + "|passin|passout|pass|password|passwd)\\s+(?:pass:)?"
                + VALUE),
        password("htpasswd", "\\bhtpasswd\\s+-[A-Za-z]*b[A-Za-z]*\\s+\\S+\\s+\\S+\\s+" + VALUE),
        password(
            "secret", "\\bsecret\\s+set\\b" + SAME_COMMAND + "(?:--body|-b)(?:\\s+|=)" + VALUE),
        password(
            "--password-stdin",
            // A secret piped into a command that reads one from stdin.
            "\\b(?:echo|printf)\\s+(?:-[neE]+\\s+)?"
                + VALUE
                + "\\s*\\|[^|;&\\n]{0,300}?(?:--password-stdin|--data-file[= ]-|--with-token"
                + "|\\bsecrets?\\s+(?:create|set|put|add|versions\\s+add)\\b)",
            "--data-file",
            "--with-token",
            "secret"),
        new PatternRule(
            List.of("set"),
            false,
            Pattern.compile(
                "\\bconfig(?:ure)?[ :]set\\s+(?:--?[A-Za-z-]+(?:\\s+|=)[^\\s-]\\S*\\s+)*"
                    + "([A-Za-z0-9_./:@-]{1,200}?)(?:\\s+|=)"
                    + VALUE),
            List.of(2, 3, 4),
            CommandSecrets::configSetKind));
  }

  /** A rule masking the first value group as a password, after a literal marker. */
  private static PatternRule password(String marker, String regex, String... moreMarkers) {
    List<String> markers = new java.util.ArrayList<>(List.of(marker));
    markers.addAll(List.of(moreMarkers));
    Pattern pattern = Pattern.compile(regex);
    int[] groups =
        java.util.stream.IntStream.rangeClosed(1, pattern.matcher("").groupCount()).toArray();
    return new PatternRule(
        markers,
        false,
        pattern,
        java.util.Arrays.stream(groups).boxed().toList(),
        m -> {
          String value = secretOf(m, groups);
          return value == null || isNoValue(value) ? null : "password";
        });
  }

  private static String longFlagKind(MatchResult m) {
    String flag = m.group(1);
    String value = secretOf(m, 2, 3, 4);
    if (value == null || isNoValue(value)) {
      return null;
    }
    return switch (SecretLikeness.nameKind(flag)) {
      case PASSWORD -> SecretLikeness.isPasswordValue(flag, value) ? "password" : null;
      // After --token the next word can only be the token: a short one counts too, unless it is
      // a name made of words (--secret generic).
      case KEY ->
          SecretLikeness.hasSecretShape(value)
                  || (value.length() >= 6 && !ValueShape.isWordsAndNumbers(value))
              ? "secret"
              : null;
      case NONE -> null;
    };
  }

  private static String configSetKind(MatchResult m) {
    String name = m.group(1);
    String value = secretOf(m, 2, 3, 4);
    if (value == null || isNoValue(value)) {
      return null;
    }
    String last = name.substring(name.lastIndexOf(':') + 1);
    NameKind kind = SecretLikeness.nameKind(last.startsWith("_") ? last.substring(1) : last);
    return switch (kind) {
      case PASSWORD -> "password";
      case KEY -> SecretLikeness.hasSecretShape(value) ? "secret" : null;
      case NONE -> null;
    };
  }

  /**
   * Words that follow a flag's name in prose rather than a value: Docker's own "WARNING! Using
   * --password via the CLI is insecure".
   */
  private static final Set<String> PROSE_WORDS =
      Set.of(
          "via",
          "on",
          "in",
          "is",
          "the",
          "for",
          "with",
          "to",
          "from",
          "and",
          "or",
          "of",
          "at",
          "by",
          "flag",
          "option",
          "argument",
          "instead",
          "when",
          "if",
          "not",
          "was",
          "will",
          "can",
          "may",
          "must",
          "should",
          "are",
          "be",
          "as",
          "only",
          "has",
          "requires");

  /** {@code --secret id=npmrc,src=.npmrc}: a build secret's spec, not its value. */
  private static final Pattern SPEC =
      Pattern.compile("(?:id|src|source|type|env|target|dst|mode)=.*");

  /** A flag, a path, a variable, a mask or prose in the value's place: nothing was given away. */
  private static boolean isNoValue(String value) {
    return value.startsWith("-")
        || PROSE_WORDS.contains(value)
        || SPEC.matcher(value).matches()
        || value.startsWith("/")
        || value.startsWith("~/")
        || value.startsWith("./")
        || value.startsWith("env:")
        || value.startsWith("file:")
        || value.startsWith("fd:")
        || ValueShape.isNotASecret(value);
  }

  private static String secretOf(MatchResult m, int... groups) {
    for (int g : groups) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    return null;
  }
}
