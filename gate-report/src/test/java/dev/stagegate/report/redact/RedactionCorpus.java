package dev.stagegate.report.redact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed redaction corpus ({@code src/test/resources/redact/}, written by {@code
 * bench/redaction-corpus-gen.py}): fake secrets of real formats in realistic lines, and look-alike
 * lines that are not secrets. Shared by the benchmark ({@link RedactionBench}) and the tests.
 */
record RedactionCorpus(List<SecretLine> secrets, List<LookAlike> lookAlikes) {
  /** Marks around a secret in {@code secrets.txt}. */
  static final char OPEN = '«';

  static final char CLOSE = '»';

  /**
   * A line holding secrets.
   *
   * @param family the kind of place it comes from (vcs, cloud, command, header, …)
   * @param format the secret's format (github-classic, aws-secret-key, curl-u, …)
   * @param text the line, marks removed, {@code \n} turned into line breaks
   * @param secrets the secret texts, as they occur in {@code text}
   */
  record SecretLine(String family, String format, String text, List<String> secrets) {
    /** The secrets of this line that the redacted text still shows, whole or in part. */
    List<String> leakedIn(String redacted) {
      // The masks' labels and the line's own words are no leak: "[REDACTED:rubygems-key]" holds
      // "rubygems" and "AGE-SECRET-KEY: AGE-SECRET-KEY-1…" its prefix.
      String shown = redacted.replaceAll("\\[REDACTED:[^\\]]*]", "\u0000");
      String context = text;
      for (String secret : secrets) {
        context = context.replace(secret, "\u0000");
      }
      List<String> leaked = new ArrayList<>();
      for (String secret : secrets) {
        if (leaks(secret, shown, context)) {
          leaked.add(secret);
        }
      }
      return leaked;
    }

    /**
     * Whether any 8 chars in a row of the secret (the whole secret when shorter) survive, other
     * than ones the line shows outside its secrets too: a mask that stopped half-way leaks as much
     * as no mask.
     */
    private static boolean leaks(String secret, String shown, String context) {
      int window = Math.min(8, secret.length());
      for (int i = 0; i + window <= secret.length(); i++) {
        String part = secret.substring(i, i + window);
        if (shown.contains(part) && !context.contains(part)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A line that must come out unchanged.
   *
   * @param lookAlikeClass why it resembles a secret (masked, shell-variable, source-code, …)
   */
  record LookAlike(String lookAlikeClass, String text) {}

  static RedactionCorpus load() {
    List<SecretLine> secrets = new ArrayList<>();
    for (String line : lines("secrets.txt")) {
      String[] f = line.split("\t", 3);
      secrets.add(parse(f[0], f[1], f[2]));
    }
    List<LookAlike> lookAlikes = new ArrayList<>();
    for (String line : lines("lookalikes.txt")) {
      String[] f = line.split("\t", 2);
      lookAlikes.add(new LookAlike(f[0], f[1].replace("\\n", "\n")));
    }
    return new RedactionCorpus(List.copyOf(secrets), List.copyOf(lookAlikes));
  }

  private static SecretLine parse(String family, String format, String marked) {
    String text = marked.replace("\\n", "\n");
    StringBuilder plain = new StringBuilder();
    List<String> secrets = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf(OPEN, i);
      if (open < 0) {
        plain.append(text, i, text.length());
        break;
      }
      int close = text.indexOf(CLOSE, open);
      plain.append(text, i, open);
      String secret = text.substring(open + 1, close);
      plain.append(secret);
      // A multi-line secret (a PEM key) is judged line by line, without its BEGIN/END lines.
      for (String part : secret.split("\n")) {
        if (!part.startsWith("-----")) {
          secrets.add(part);
        }
      }
      i = close + 1;
    }
    return new SecretLine(family, format, plain.toString(), List.copyOf(secrets));
  }

  private static List<String> lines(String name) {
    try (InputStream in = RedactionCorpus.class.getResourceAsStream("/redact/" + name)) {
      if (in == null) {
        throw new IllegalStateException("corpus file missing from the classpath: redact/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
