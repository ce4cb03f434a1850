package dev.stagegate.report.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Masks secrets in text before it goes into an audit: a reviewer, a CI log and every reader of an
 * artifact sees the report, so nothing a container printed may carry a credential into it.
 *
 * <p>Two mechanisms, applied in this order:
 *
 * <ol>
 *   <li><b>Known values</b> ({@link #withEnvSecrets}, {@link #withSecretValues}): exact text, e.g.
 *       the stack's environment values from {@link EnvSecrets}, replaced by {@code [REDACTED:env
 *       API_KEY]}. Values too short or too common to be credentials are skipped, because masking
 *       them would blank ordinary words throughout the logs: shorter than 6 chars, only digits and
 *       dots ({@code 8000}, {@code 127.0.0.1}), and common words such as {@code true}, {@code
 *       localhost}, {@code production}, {@code postgres}. Longer values are masked first, so a
 *       value that contains another is masked whole. A multi-line value is masked line by line.
 *   <li><b>Patterns</b>: PEM private keys (across lines, see below), passwords in URLs ({@code
 *       postgres://app:[REDACTED:url-password]@db/shop}: user and host stay), AWS access key ids
 *       ({@code AKIA}/{@code ASIA}) and secret keys, JWTs, {@code Authorization:} headers and
 *       bearer tokens, GitHub ({@code ghp_}, {@code github_pat_}), Slack ({@code xoxb-}, webhook
 *       URLs), OpenAI-style ({@code sk-}), Stripe and Google ({@code AIza}) keys, and assignments
 *       in env, JSON, YAML, logfmt and flag form ({@code DB_PASSWORD=…}, {@code "api_key": "…"},
 *       {@code client_secret: …}, {@code --password=…}): a name ending in {@code PASSWORD}, {@code
 *       PASSWD}, {@code PWD} or {@code PASS} is masked whenever its value is not empty; one ending
 *       in {@code KEY} (but not a bare {@code key}), {@code TOKEN}, {@code SECRET}, {@code
 *       CREDENTIALS}, {@code SIGNATURE} or {@code SALT} when the value has at least 8 chars and 3.0
 *       bits of entropy per char. So {@code token_count=12}, {@code max_tokens: 512} and {@code GET
 *       /api/v1/keys 200} stay, as do UUIDs (request ids are evidence, not secrets).
 * </ol>
 *
 * <p><b>PEM keys.</b> {@link #redact(String)} and {@link #redactLines(List)} carry state from line
 * to line: after a {@code -----BEGIN … PRIVATE KEY-----} line, lines that look like key material
 * (base64 as the line's last word, also behind a log prefix) are masked until the END line; a line
 * that is clearly not key material ends the block, so a truncated key cannot hide the rest of a
 * log. A key inside one line (JSON with {@code \n} escapes) is masked from BEGIN to END. Calling
 * {@code redact} on single lines one by one loses that state: use {@code redactLines} for logs.
 *
 * <p><b>Speed.</b> Each pattern has a few marker strings ({@code ://}, {@code AKIA}, {@code eyJ},
 * {@code key}, …); a line that holds none of them skips the regex. A typical log line costs a dozen
 * {@code indexOf} calls plus one per known value.
 *
 * <p>Not covered, by design or for now: secrets split across lines other than PEM, values only
 * given as {@code --password secret} (space-separated flag), URL- or JSON-escaped forms of known
 * values, and low-entropy values under names that do not announce a secret.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Redactor redactor =
 *     Redactor.defaults().withEnvSecrets(EnvSecrets.fromCompose(Path.of("compose.yaml")));
 * redactor.redact("connect postgres://app:s3cr3t@db/shop");
 * // "connect postgres://app:[REDACTED:url-password]@db/shop"
 * AuditReport safe = ReportRedaction.redact(report, redactor);
 * }</pre>
 */
public final class Redactor {
  private static final List<LineRule> PATTERNS = SecretPatterns.all();
  private static final MarkerIndex MARKERS = new MarkerIndex(PATTERNS);
  private static final Redactor DEFAULTS = new Redactor(List.of());

  /** Longest value first, so that a value containing another is masked whole. */
  private final List<KnownSecret> known;

  private Redactor(List<KnownSecret> known) {
    this.known = List.copyOf(known);
  }

  /** The patterns only, no known values. */
  public static Redactor defaults() {
    return DEFAULTS;
  }

  /**
   * This redactor, also masking each of {@code values} exactly as {@code [REDACTED:secret]}.
   * Trivial values (see the class comment) are skipped.
   */
  public Redactor withSecretValues(Collection<String> values) {
    Map<String, String> labelled = new LinkedHashMap<>();
    for (String value : values) {
      labelled.putIfAbsent(value, "secret");
    }
    return withLabelled(labelled);
  }

  /**
   * This redactor, also masking each value of the map's keys exactly as {@code [REDACTED:env
   * NAME]}, where NAME is the map's value: the form {@link EnvSecrets#fromCompose} returns. Trivial
   * values (see the class comment) are skipped.
   *
   * @param valueToName secret value to the variable name it came from
   */
  public Redactor withEnvSecrets(Map<String, String> valueToName) {
    Map<String, String> labelled = new LinkedHashMap<>();
    valueToName.forEach((value, name) -> labelled.putIfAbsent(value, "env " + name));
    return withLabelled(labelled);
  }

  private Redactor withLabelled(Map<String, String> valueToLabel) {
    List<KnownSecret> all = new ArrayList<>(known);
    valueToLabel.forEach(
        (value, label) -> {
          if (value == null) {
            return;
          }
          // Per line, because redaction runs per line; each line of a multi-line value must go.
          for (String line : value.split("\r?\n")) {
            String v = line.strip();
            boolean seen = all.stream().anyMatch(k -> k.value().equals(v));
            if (!SecretLikeness.isTrivialValue(v) && !seen) {
              all.add(new KnownSecret(v, label));
            }
          }
        });
    all.sort(Comparator.comparingInt((KnownSecret k) -> k.value().length()).reversed());
    return new Redactor(all);
  }

  /** How many known values this redactor masks (after skipping trivial ones). */
  public int knownValueCount() {
    return known.size();
  }

  /**
   * The text with every secret masked. Multi-line text is handled line by line with PEM state
   * carried across lines; line breaks are kept. {@code null} gives {@code null}.
   */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    if (text.indexOf('\n') < 0) {
      return redactLine(text, new PemBlocks());
    }
    PemBlocks pem = new PemBlocks();
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    while (true) {
      int end = text.indexOf('\n', start);
      out.append(redactLine(text.substring(start, end < 0 ? text.length() : end), pem));
      if (end < 0) {
        return out.toString();
      }
      out.append('\n');
      start = end + 1;
    }
  }

  /**
   * Each line with its secrets masked, PEM state carried from line to line: the form for a log
   * tail. Returns a new immutable list of the same size.
   */
  public List<String> redactLines(List<String> lines) {
    PemBlocks pem = new PemBlocks();
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      out.add(line == null ? null : redactLine(line, pem));
    }
    return Collections.unmodifiableList(out);
  }

  private String redactLine(String line, PemBlocks pem) {
    String out = line;
    for (KnownSecret secret : known) {
      if (out.contains(secret.value())) {
        out = out.replace(secret.value(), secret.replacement());
      }
    }
    out = pem.apply(out);
    // Lower-cased once for the markers compared ignoring case; again only after a rule masked.
    String lower = out.toLowerCase(Locale.ROOT);
    long[] present = MARKERS.scan(out, lower);
    for (int i = 0; i < PATTERNS.size(); i++) {
      if (!MARKERS.mayMatch(i, present)) {
        continue;
      }
      String masked = PATTERNS.get(i).apply(out, lower);
      if (masked != out) {
        out = masked;
        lower = out.toLowerCase(Locale.ROOT);
        present = MARKERS.scan(out, lower);
      }
    }
    return out;
  }
}
