package dev.stagegate.report.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
 *   <li><b>Patterns</b>, in this order:
 *       <ul>
 *         <li>PEM private keys (across lines, see below);
 *         <li>vendor tokens by prefix anywhere in plain text, about a hundred formats ({@link
 *             TokenFormats}: GitHub, GitLab, Slack, Stripe, AWS, Google, OpenAI, Anthropic, Hugging
 *             Face, npm, PyPI, Docker Hub, SendGrid, Twilio, Shopify, Atlassian, DigitalOcean,
 *             Heroku, Mailgun, Vault, Discord, Telegram, …), GitHub's and npm's CRC32 checksum
 *             taken as extra confidence ({@link TokenChecksum}); JWTs;
 *         <li>configuration-file shapes ({@link ConfigFileSecrets}: {@code .npmrc} {@code
 *             _authToken}, Docker {@code config.json} {@code auth}, base64 JSON holding
 *             credentials, {@code .netrc}, {@code .pgpass}, {@code requirepass}, Oracle JDBC, XML
 *             such as {@code <password>…</password>});
 *         <li>URLs ({@link UrlSecrets}): the password of {@code scheme://user:password@host} (user
 *             and host stay), credential query parameters ({@code sig}, {@code token}, {@code
 *             access_token}, {@code X-Amz-Signature}, …), webhook and bot paths (Slack, Discord,
 *             Teams, Telegram, …);
 *         <li>headers ({@link AuthHeaders}): {@code Authorization} with any scheme ({@code Bearer},
 *             {@code Basic}, {@code Token}, {@code SSWS}, {@code Bot}, {@code Api-Token}, {@code
 *             Digest …}, {@code AWS4-HMAC-SHA256 …}), {@code X-…-Api}/{@code -Auth} headers,
 *             session cookies, bearer tokens in prose;
 *         <li>command lines ({@link CommandSecrets}): the word after a secret-naming flag ({@code
 *             --password …}, {@code --token …}), {@code docker login -p}, {@code mysql -p…}, {@code
 *             curl -u user:password}, {@code aws configure set … KEY VALUE}, keytool, openssl,
 *             sshpass, redis-cli, … and SQL {@code WITH PASSWORD '…'};
 *         <li>assignments in env, JSON, YAML, logfmt, Ruby and flag form ({@code DB_PASSWORD=…},
 *             {@code "api_key": "…"}, {@code client_secret: …}, {@code "password"=>"…"}): a name
 *             ending in {@code PASSWORD}, {@code PASSWD}, {@code PWD}, {@code PASS} or {@code
 *             PASSPHRASE} is masked whenever its value is not empty; one ending in {@code KEY} (not
 *             a bare {@code key}), {@code TOKEN}, {@code SECRET}, {@code CREDENTIALS}, {@code
 *             SIGNATURE}, {@code SALT}, {@code AUTH} or {@code JWT} (also before a qualifier such
 *             as {@code _BASE} or {@code _B64}) when the value has a secret's shape (see {@link
 *             SecretLikeness#hasSecretShape}). A quoted value is masked whole, brackets inside it
 *             included.
 *       </ul>
 * </ol>
 *
 * <p><b>Left alone</b> ({@link ValueShape}): values already masked ({@code guest:**@rabbitmq},
 * {@code password=<redacted>}, {@code ****}), placeholders, shell variables and command
 * substitutions ({@code Bearer $API_KEY}, {@code ${TOKEN}}, {@code $(cat /run/secrets/x)}),
 * templates, source code that reads a secret ({@code API_KEY = os.environ["API_KEY"]}, {@code token
 * = settings.SECRET_KEY}), names that announce no credential ({@code schemaKey}, {@code
 * nextPageToken}, {@code public_key}, {@code sort_key}) and values made of words and numbers
 * ({@code bucket_key=reports/2024/01.csv}); UUIDs, request ids and git SHAs in plain text.
 *
 * <p><b>PEM keys.</b> {@link #redact(String)} and {@link #redactLines(List)} carry state from line
 * to line: after a {@code -----BEGIN … PRIVATE KEY-----} line, lines that look like key material
 * (base64 as the line's last word, also behind a log prefix) are masked until the END line; a line
 * that is clearly not key material ends the block, so a truncated key cannot hide the rest of a
 * log. A key inside one line (JSON with {@code \n} escapes) is masked from BEGIN to END. Calling
 * {@code redact} on single lines one by one loses that state: use {@code redactLines} for logs. The
 * same state carries a name announced on one line to its value on the next ({@code - name:
 * DB_PASSWORD} then {@code value: …}, see {@link SplitNameValue}).
 *
 * <p><b>Speed.</b> Each pattern has a few marker strings ({@code ://}, {@code --}, {@code key}, …);
 * one pass over the line finds which it holds ({@link MarkerIndex}) and only those patterns run.
 * Vendor tokens are found in one more pass ({@link TokenScanner}). {@code bench/redaction-bench.sh}
 * measures recall, false positives and throughput against the previous redactor.
 *
 * <p>Not covered, by design or for now: secrets split across lines other than PEM keys and
 * name/value pairs, URL- or JSON-escaped forms of known values, a secret as the bare next word in
 * prose ({@code password is hunter2}), and low-entropy values under names that do not announce a
 * secret.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Redactor redactor =
 *     Redactor.defaults().withEnvSecrets(EnvSecrets.fromCompose(Path.of("compose.yaml")));
 * redactor.redact("connect postgres://app:s3cr3t@db/shop");
 * // "connect postgres://app:[REDACTED:url-password]@db/shop"
 * redactor.redact("+ docker login -u ci -p hunter2 ghcr.io");
 * // "+ docker login -u ci -p [REDACTED:password] ghcr.io"
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
      return redactLine(text, new PemBlocks(), new SplitNameValue());
    }
    PemBlocks pem = new PemBlocks();
    SplitNameValue pairs = new SplitNameValue();
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    while (true) {
      int end = text.indexOf('\n', start);
      out.append(redactLine(text.substring(start, end < 0 ? text.length() : end), pem, pairs));
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
    SplitNameValue pairs = new SplitNameValue();
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      out.add(line == null ? null : redactLine(line, pem, pairs));
    }
    return Collections.unmodifiableList(out);
  }

  private String redactLine(String line, PemBlocks pem, SplitNameValue pairs) {
    String out = line;
    for (KnownSecret secret : known) {
      if (out.contains(secret.value())) {
        out = out.replace(secret.value(), secret.replacement());
      }
    }
    out = pem.apply(out);
    out = pairs.apply(out);
    // Which rules' markers the line holds, in one pass; again only after a rule masked.
    long[] present = MARKERS.scan(out);
    for (int i = 0; i < PATTERNS.size(); i++) {
      if (!MARKERS.mayMatch(i, present)) {
        continue;
      }
      String masked = PATTERNS.get(i).applyToCandidate(out);
      if (masked != out) {
        out = masked;
        present = MARKERS.scan(out);
      }
    }
    return out;
  }
}
