package dev.stagegate.assertions.logs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Precision, recall and "one crash = one finding" of {@link LogAudit#defaults()} on the labelled
 * corpus under {@code bench/corpus/}; run by {@code bench/log-audit-accuracy-bench.sh}.
 *
 * <ul>
 *   <li>{@code loghub/*.log}: excerpts of public sample logs of real systems (see {@code
 *       bench/corpus/README.md}). Each line is labelled by its own level field, read with the
 *       per-system pattern in {@link #SYSTEMS} — never by the audit's rules. A finding is a true
 *       positive if its line range holds an error-labelled line, else a false positive; an error
 *       line is found if some finding's range holds it.
 *   <li>{@code benign.log}: container lines that look like errors but are not; every finding on it
 *       is a false positive.
 *   <li>{@code crashes.log}: one container log per {@code ### name} section, each with exactly one
 *       crash among ordinary lines; a section passes if the audit gives exactly one finding.
 * </ul>
 *
 * <pre>
 * java -cp ... dev.stagegate.assertions.logs.LogAuditAccuracyBench bench/corpus
 * </pre>
 */
public final class LogAuditAccuracyBench {
  /** A system's level field and the values that mean error (or worse). */
  private record LevelField(Pattern pattern, Set<String> errorValues) {
    boolean isError(String line) {
      Matcher m = pattern.matcher(line);
      return m.find() && errorValues.contains(m.group(1));
    }
  }

  private static final Map<String, LevelField> SYSTEMS = new LinkedHashMap<>();

  static {
    // [Sun Dec 04 04:47:44 2005] [error] ...
    SYSTEMS.put(
        "Apache",
        new LevelField(
            Pattern.compile("^\\[[^\\]]*\\] \\[(\\w+)\\]"),
            Set.of("error", "crit", "alert", "emerg")));
    // 2015-07-29 19:03:35,413 - ERROR [...] - ...
    SYSTEMS.put(
        "Zookeeper",
        new LevelField(Pattern.compile("^\\S+ \\S+ - (\\w+) "), Set.of("ERROR", "FATAL")));
    // - 1117838570 2005.06.03 NODE 2005-06-03-15.42.50.675872 NODE RAS KERNEL INFO ...
    SYSTEMS.put(
        "BGL",
        new LevelField(
            Pattern.compile("^(?:\\S+ ){8}(\\w+) "),
            Set.of("ERROR", "FATAL", "SEVERE", "FAILURE")));
    // 03-17 16:13:38.811  1702  2395 D WindowManager: ...
    SYSTEMS.put(
        "Android",
        new LevelField(
            Pattern.compile("^\\S+ \\S+\\s+\\d+\\s+\\d+ (\\w) "), Set.of("E", "F", "A")));
    // 2015-10-18 18:04:11,034 ERROR [RMCommunicator Allocator] ...
    SYSTEMS.put(
        "Hadoop", new LevelField(Pattern.compile("^\\S+ \\S+ (\\w+) "), Set.of("ERROR", "FATAL")));
    // sshd prefixes its error()/fatal() messages; everything else it logs is informational.
    SYSTEMS.put(
        "OpenSSH",
        new LevelField(
            Pattern.compile("^\\w+ +\\d+ \\S+ \\S+ sshd\\[\\d+\\]: (error|fatal): "),
            Set.of("error", "fatal")));
    // nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO ...
    SYSTEMS.put(
        "OpenStack",
        new LevelField(
            Pattern.compile("^\\S+ \\S+ \\S+ \\d+ (\\w+) "), Set.of("ERROR", "CRITICAL")));
  }

  private LogAuditAccuracyBench() {}

  /** Prints the tables and the totals; exit status 1 if a target is missed. */
  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "bench/corpus");
    LogAudit audit = LogAudit.defaults();

    int errorLines = 0;
    int found = 0;
    int benignLines = 0;
    int falsePositives = 0;
    System.out.printf(
        Locale.ROOT,
        "%-12s %6s %6s %6s %8s %9s %4s%n",
        "system",
        "lines",
        "errors",
        "found",
        "recall",
        "findings",
        "FP");
    for (Map.Entry<String, LevelField> system : SYSTEMS.entrySet()) {
      List<String> lines = read(corpus.resolve("loghub").resolve(system.getKey() + ".log"));
      boolean[] error = new boolean[lines.size()];
      int errors = 0;
      for (int i = 0; i < lines.size(); i++) {
        error[i] = system.getValue().isError(lines.get(i));
        errors += error[i] ? 1 : 0;
      }
      boolean[] covered = new boolean[lines.size()];
      List<LogFailure> failures = audit.failures(system.getKey(), lines);
      int fp = 0;
      for (LogFailure f : failures) {
        boolean holdsError = false;
        for (long n = f.firstLineNumber(); n <= f.lastLineNumber(); n++) {
          covered[(int) n - 1] = true;
          holdsError |= error[(int) n - 1];
        }
        if (!holdsError) {
          fp++;
          System.out.println(
              "  FALSE POSITIVE "
                  + system.getKey()
                  + ":"
                  + f.firstLineNumber()
                  + " ["
                  + f.rule()
                  + "] "
                  + f.firstLine());
        }
      }
      int hit = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (error[i] && covered[i]) {
          hit++;
        } else if (error[i]) {
          System.out.println("  MISSED " + system.getKey() + ":" + (i + 1) + " " + lines.get(i));
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%-12s %6d %6d %6d %8s %9d %4d%n",
          system.getKey(),
          lines.size(),
          errors,
          hit,
          errors == 0 ? "-" : String.format(Locale.ROOT, "%.3f", hit / (double) errors),
          failures.size(),
          fp);
      errorLines += errors;
      found += hit;
      benignLines += lines.size() - errors;
      falsePositives += fp;
    }

    List<String> benign = read(corpus.resolve("benign.log"));
    List<LogFailure> benignFindings = audit.failures("benign", benign);
    for (LogFailure f : benignFindings) {
      System.out.println(
          "  FALSE POSITIVE benign:"
              + f.firstLineNumber()
              + " ["
              + f.rule()
              + "] "
              + f.firstLine());
    }
    System.out.printf(
        Locale.ROOT,
        "%-12s %6d %6d %6s %8s %9d %4d%n",
        "look-alikes",
        benign.size(),
        0,
        "-",
        "-",
        benignFindings.size(),
        benignFindings.size());
    benignLines += benign.size();
    falsePositives += benignFindings.size();

    Map<String, List<String>> crashes = sections(read(corpus.resolve("crashes.log")));
    int exactlyOne = 0;
    for (Map.Entry<String, List<String>> crash : crashes.entrySet()) {
      List<LogFailure> failures = audit.failures(crash.getKey(), crash.getValue());
      if (failures.size() == 1) {
        exactlyOne++;
      } else {
        System.out.println("  CRASH " + crash.getKey() + " gave " + failures.size() + " findings");
        for (LogFailure f : failures) {
          System.out.println(
              "    "
                  + f.firstLineNumber()
                  + "-"
                  + f.lastLineNumber()
                  + " ["
                  + f.rule()
                  + "] "
                  + f.message());
        }
      }
    }

    double recall = found / (double) errorLines;
    double oneFinding = 100.0 * exactlyOne / crashes.size();
    System.out.printf(
        Locale.ROOT,
        "recall %.3f (%d of %d error lines), false positives %d in %d benign lines%n",
        recall,
        found,
        errorLines,
        falsePositives,
        benignLines);
    System.out.printf(
        Locale.ROOT,
        "crashes with exactly one finding: %d of %d (%.1f %%)%n",
        exactlyOne,
        crashes.size(),
        oneFinding);
    boolean met = recall >= 0.95 && falsePositives == 0 && oneFinding >= 95.0;
    System.out.println(
        "targets (recall >= 0.95 at 0 false positives, >= 95 % one finding): "
            + (met ? "met" : "NOT met"));
    System.exit(met ? 0 : 1);
  }

  private static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private static Map<String, List<String>> sections(List<String> lines) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : lines) {
      if (line.startsWith("### ")) {
        current = new ArrayList<>();
        sections.put(line.substring(4).strip(), current);
      } else if (current != null) {
        current.add(line);
      }
    }
    return sections;
  }
}
