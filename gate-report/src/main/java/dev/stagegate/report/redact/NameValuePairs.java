package dev.stagegate.report.redact;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A secret whose name and value are two separate fields of one record, as orchestrators print
 * environments: ECS and Kubernetes JSON ({@code {"name": "DB_PASSWORD", "value": "…"}}), .NET
 * settings ({@code <add key="ApiKey" value="…"/>}) and the AWS CLI's shorthand ({@code
 * Name=API_TOKEN,Value=…}). The name decides, as for an assignment (see {@link
 * SecretLikeness#nameKind}).
 */
final class NameValuePairs {
  private NameValuePairs() {}

  static List<PatternRule> all() {
    return List.of(
        pair(
            "value",
            "(?i)\\\\?\"(?:name|key)\\\\?\"\\s*:\\s*\\\\?\"([A-Za-z0-9_.-]{1,100})\\\\?\"\\s*,\\s*"
                + "\\\\?\"value\\\\?\"\\s*:\\s*\\\\?\"((?:[^\"\\\\]|\\\\[^\"]){1,1024}?)\\\\?\""),
        pair(
            "value=",
            "(?i)\\b(?:key|name)\\s*=\\s*\"([A-Za-z0-9_.:-]{1,100})\"\\s+value\\s*=\\s*\"([^\"]{1,1024})\""),
        pair(
            "value=",
            "\\b(?:Name|name|Key|key)=([A-Za-z0-9_.-]{1,100}),\\s*(?:Value|value)=([^,\\s}\\]]{1,1024})"));
  }

  private static PatternRule pair(String marker, String regex) {
    return new PatternRule(
        List.of(marker), true, Pattern.compile(regex), List.of(2), NameValuePairs::kind);
  }

  private static String kind(MatchResult m) {
    String name = m.group(1);
    String value = m.group(2);
    return switch (SecretLikeness.nameKind(name)) {
      case PASSWORD -> SecretLikeness.isPasswordValue(name, value) ? "password" : null;
      case KEY -> SecretLikeness.hasSecretShape(value) ? "secret" : null;
      case NONE -> null;
    };
  }
}
