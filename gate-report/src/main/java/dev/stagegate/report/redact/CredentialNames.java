package dev.stagegate.report.redact;

import dev.stagegate.report.redact.SecretLikeness.NameKind;
import java.util.List;
import java.util.Locale;

/**
 * Classifies variable and field names by the credential they announce ({@link NameKind}): by their
 * last word, after qualifiers such as {@code _B64} or {@code _PROD}, unless the name is one of the
 * many keys, tokens and signatures that are no credential ({@code sort_key}, {@code
 * nextPageToken}).
 */
final class CredentialNames {
  private CredentialNames() {}

  /**
   * Words that, before {@code key}, {@code token}, {@code secret} or {@code signature}, name
   * something that is not a credential: database and cache keys, public keys, pagination tokens,
   * cancellation tokens, method signatures. Compared with the name lower-cased and without
   * separators, so {@code schemaKey}, {@code bucket_key} and {@code nextPageToken} all match.
   */
  private static final List<String> HARMLESS_NAME_ENDINGS =
      List.of(
          "publickey",
          "publishablekey",
          "sitekey",
          "pubkey",
          "primarykey",
          "foreignkey",
          "sortkey",
          "partitionkey",
          "cachekey",
          "bucketkey",
          "schemakey",
          "objectkey",
          "rowkey",
          "rangekey",
          "hashkey",
          "routingkey",
          "idempotencykey",
          "dedupkey",
          "dedupekey",
          "deduplicationkey",
          "lookupkey",
          "groupkey",
          "indexkey",
          "mapkey",
          "sequencekey",
          "shardkey",
          "entitykey",
          "compositekey",
          "uniquekey",
          "naturalkey",
          "surrogatekey",
          "clusterkey",
          "messagekey",
          "recordkey",
          "lockkey",
          "queuekey",
          "topickey",
          "eventkey",
          "joinkey",
          "parentkey",
          "childkey",
          "s3key",
          "filekey",
          "pathkey",
          "imagekey",
          "assetkey",
          "translationkey",
          "i18nkey",
          "labelkey",
          "configkey",
          "settingkey",
          "propertykey",
          "fieldkey",
          "columnkey",
          "tablekey",
          "rediskey",
          "featurekey",
          "flagkey",
          "experimentkey",
          "metrickey",
          "ratelimitkey",
          "throttlekey",
          "hotkey",
          "shortcutkey",
          "verifykey",
          "verificationkey",
          "sshpublickey",
          "hostkey",
          "itemkey",
          "orderkey",
          "storekey",
          "pagetoken",
          "nexttoken",
          "continuationtoken",
          "paginationtoken",
          "cursortoken",
          "synctoken",
          "resumetoken",
          "cancellationtoken",
          "canceltoken",
          "changetoken",
          "deltatoken",
          "lexertoken",
          "parsertoken",
          "skiptoken",
          "starttoken",
          "endtoken",
          "methodsignature",
          "typesignature",
          "functionsignature",
          "funcsignature",
          "callsignature",
          "hassecret",
          "issecret",
          "usesecret");

  /**
   * Classifies a name such as {@code DB_PASSWORD}, {@code api_key}, {@code access-token}: by its
   * last word. A bare {@code key} is not a credential name (cache keys, map keys, sort keys), nor
   * are names such as {@code public_key}, {@code sort_key} or {@code nextPageToken}.
   */
  static NameKind kindOf(String name) {
    String n = withoutQualifier(name.toLowerCase(Locale.ROOT));
    NameKind kind = byLastWord(n);
    return kind != NameKind.NONE && isHarmlessName(n) ? NameKind.NONE : kind;
  }

  /** Words that end in "pass" without naming a password: {@code bypass}, {@code compass}. */
  private static boolean isPassWord(String n) {
    return n.endsWith("bypass")
        || n.endsWith("compass")
        || n.endsWith("overpass")
        || n.endsWith("underpass")
        || n.endsWith("surpass")
        || n.endsWith("trespass")
        || n.endsWith("onepass")
        || n.endsWith("firstpass")
        || n.endsWith("secondpass");
  }

  private static NameKind byLastWord(String n) {
    if (n.endsWith("password")
        || n.endsWith("passphrase")
        || n.endsWith("passwd")
        || n.endsWith("pwd")
        || (n.endsWith("pass") && !isPassWord(n))) {
      return NameKind.PASSWORD;
    }
    if ((n.endsWith("key") && n.length() > 3)
        || n.endsWith("token")
        || n.endsWith("secret")
        || n.endsWith("credential")
        || n.endsWith("credentials")
        || n.endsWith("signature")
        || n.endsWith("salt")
        || n.equals("sig")
        || n.equals("pat")
        || n.endsWith("_pat")
        || n.endsWith("-pat")
        || n.endsWith("jwt")
        || n.endsWith("_auth")
        || n.endsWith("-auth")
        || n.equals("auth")) {
      return NameKind.KEY;
    }
    return NameKind.NONE;
  }

  /**
   * Trailing words that say how or which a secret is stored, not what it is: {@code
   * SECRET_KEY_BASE}, {@code API_TOKEN_B64}, {@code DB_PASSWORD_PROD}, {@code JWT_SECRET_2}.
   */
  private static final List<String> QUALIFIERS =
      List.of(
          "base",
          "value",
          "b64",
          "base64",
          "hex",
          "raw",
          "str",
          "string",
          "data",
          "plain",
          "plaintext",
          "encoded",
          "new",
          "old",
          "current",
          "previous",
          "prod",
          "production",
          "live",
          "test",
          "dev",
          "staging",
          "primary",
          "secondary",
          "v1",
          "v2",
          "1",
          "2",
          "3");

  private static String withoutQualifier(String lowerName) {
    String n = lowerName;
    for (int round = 0; round < 2; round++) {
      int cut = Math.max(n.lastIndexOf('_'), Math.max(n.lastIndexOf('-'), n.lastIndexOf('.')));
      if (cut <= 0 || !QUALIFIERS.contains(n.substring(cut + 1))) {
        return n;
      }
      n = n.substring(0, cut);
    }
    return n;
  }

  private static boolean isHarmlessName(String lowerName) {
    StringBuilder compact = new StringBuilder(lowerName.length());
    for (int i = 0; i < lowerName.length(); i++) {
      char c = lowerName.charAt(i);
      if (c != '_' && c != '-' && c != '.') {
        compact.append(c);
      }
    }
    String n = compact.toString();
    for (String ending : HARMLESS_NAME_ENDINGS) {
      if (n.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }
}
