package dev.stagegate.deploy.risk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secret-looking values in a quoted line before it goes into the audit: the audit is read by
 * many and archived, and a finding about an API key must not become the leak.
 *
 * <p>Redacted: the value of an assignment ({@code =} or {@code :}) to a name containing {@code
 * KEY}, {@code SECRET}, {@code TOKEN}, {@code PASSWORD} or {@code CREDENTIAL}, also with a Python
 * type annotation ({@code api_key: str = "..."}), unless the value is a plain number ({@code
 * max_tokens: 4096} stays readable), {@code None}/{@code null}/{@code true}/{@code false} or a
 * reference ({@code ${OPENAI_API_KEY}}); and anything shaped like a provider key ({@code sk-...}).
 */
final class LineRedaction {
  static final String REDACTED = "<redacted>";

  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?i)([A-Za-z0-9_.-]*(?:key|secret|token|passw(?:or)?d|credential)[A-Za-z0-9_.-]*"
              // a Python annotation (api_key: str = "…", as pydantic settings write it) or = or :
              + "[\"']?\\s*(?::\\s*[A-Za-z_][\\w.]*(?:\\[[^\\]=]*])?"
              + "(?:\\s*\\|\\s*[A-Za-z_][\\w.]*)*\\s*=|[=:])\\s*)"
              + "([\"']?)([^\\s\"',}(\\[]+)");
  private static final Pattern NOTHING = Pattern.compile("(?i)none|null|nil|true|false");
  private static final Pattern PROVIDER_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  private LineRedaction() {}

  /** {@code os.environ[...]} or {@code getenv(...)}: code that fetches a secret, not one. */
  private static boolean isCallOrIndex(String line, int end) {
    return end < line.length() && (line.charAt(end) == '(' || line.charAt(end) == '[');
  }

  static String redact(String line) {
    Matcher m = ASSIGNMENT.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(3);
      boolean harmless =
          NUMBER.matcher(value).matches()
              || NOTHING.matcher(value).matches()
              || value.startsWith("$")
              || isCallOrIndex(line, m.end());
      String replacement = harmless ? m.group() : m.group(1) + m.group(2) + REDACTED;
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return PROVIDER_KEY.matcher(out).replaceAll(REDACTED);
  }
}
