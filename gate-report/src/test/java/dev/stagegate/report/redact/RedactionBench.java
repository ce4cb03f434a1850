package dev.stagegate.report.redact;

import dev.stagegate.report.redact.RedactionCorpus.LookAlike;
import dev.stagegate.report.redact.RedactionCorpus.SecretLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The redaction benchmark, run by {@code bench/redaction-bench.sh}: recall (secrets fully removed)
 * per family and false-positive rate (look-alike lines changed) per class on the committed corpus,
 * then throughput on ordinary log lines. {@code --verbose} lists every miss and every changed
 * look-alike.
 */
public final class RedactionBench {
  private RedactionBench() {}

  public static void main(String[] args) {
    boolean verbose = List.of(args).contains("--verbose");
    RedactionCorpus corpus = RedactionCorpus.load();
    Redactor redactor = Redactor.defaults();

    Map<String, int[]> byFamily = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    int secrets = 0;
    int removed = 0;
    for (SecretLine line : corpus.secrets()) {
      String out = redactor.redact(line.text());
      List<String> leaked = line.leakedIn(out);
      int[] counts = byFamily.computeIfAbsent(line.family(), k -> new int[2]);
      counts[0] += line.secrets().size();
      counts[1] += line.secrets().size() - leaked.size();
      secrets += line.secrets().size();
      removed += line.secrets().size() - leaked.size();
      if (!leaked.isEmpty()) {
        misses.add(line.format() + ": " + out.replace("\n", "\\n"));
      }
    }
    Map<String, int[]> byClass = new TreeMap<>();
    List<String> mangled = new ArrayList<>();
    int changed = 0;
    for (LookAlike l : corpus.lookAlikes()) {
      String out = redactor.redact(l.text());
      int[] counts = byClass.computeIfAbsent(l.lookAlikeClass(), k -> new int[2]);
      counts[0]++;
      if (!out.equals(l.text())) {
        counts[1]++;
        changed++;
        mangled.add(l.lookAlikeClass() + ": " + out);
      }
    }
    long formats = corpus.secrets().stream().map(SecretLine::format).distinct().count();
    System.out.printf(
        Locale.ROOT,
        "corpus: %d secrets in %d formats (%d lines), %d look-alikes%n",
        secrets,
        formats,
        corpus.secrets().size(),
        corpus.lookAlikes().size());
    System.out.println("recall by family (secrets fully removed):");
    byFamily.forEach(
        (f, c) ->
            System.out.printf(
                Locale.ROOT, "  %-10s %3d/%3d  %6.1f %%%n", f, c[1], c[0], pct(c[1], c[0])));
    System.out.println("false positives by class (look-alike lines changed):");
    byClass.forEach(
        (k, c) ->
            System.out.printf(
                Locale.ROOT, "  %-15s %3d/%3d  %6.1f %%%n", k, c[1], c[0], pct(c[1], c[0])));
    System.out.printf(
        Locale.ROOT,
        "RECALL %.1f %% (%d/%d)   FALSE-POSITIVE RATE %.1f %% (%d/%d)%n",
        pct(removed, secrets),
        removed,
        secrets,
        pct(changed, corpus.lookAlikes().size()),
        changed,
        corpus.lookAlikes().size());
    if (verbose) {
      misses.forEach(m -> System.out.println("MISS  " + m));
      mangled.forEach(m -> System.out.println("FP    " + m));
    }
    throughput(redactor);
  }

  /** Lines per second over ordinary log lines, best of 5 rounds after a warm-up. */
  private static void throughput(Redactor redactor) {
    List<String> lines = new ArrayList<>();
    String[] shapes = {
      "%s INFO  [worker-%d] handled GET /api/v1/orders/%d status=200 duration_ms=12"
          + " request_id=3f2b9c1e-8d4a-4b7e-9f1a-2c3d4e5f6a7b user=app cache=hit",
      "%s DEBUG [db-pool-%d] cache lookup key=session:%08x hit=true ttl=300s pool size=20",
      "%s WARN  [http-%d] slow response from upstream inventory-service after %dms, retrying",
      "{\"ts\":\"%s\",\"level\":\"info\",\"logger\":\"api.%d\",\"msg\":\"order placed\",\"order_id\":%d}",
    };
    for (int i = 0; i < 200_000; i++) {
      String ts =
          String.format(
              Locale.ROOT, "2026-03-01T12:%02d:%02d.%03dZ", i / 600 % 60, i / 10 % 60, i % 1000);
      lines.add(String.format(Locale.ROOT, shapes[i % shapes.length], ts, i % 16, i));
    }
    long chars = lines.stream().mapToLong(String::length).sum();
    redactor.redactLines(lines.subList(0, 20_000));
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      redactor.redactLines(lines);
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "THROUGHPUT %.0f lines/s, %.1f MB/s (%d ordinary log lines, best of 5: %.3f s)%n",
        lines.size() / best,
        chars / best / 1e6,
        lines.size(),
        best);
  }

  private static double pct(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
