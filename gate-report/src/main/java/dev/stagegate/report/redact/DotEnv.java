package dev.stagegate.report.redact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a {@code .env} or {@code env_file} file as Docker Compose reads it: {@code KEY=VALUE} per
 * line, an optional {@code export } prefix, {@code #} comments (whole lines, and after whitespace
 * in unquoted values), double-quoted values with {@code \n}, {@code \t}, {@code \"} and {@code \\}
 * escapes, single-quoted values taken literally. Lines without {@code =} are skipped; so are
 * malformed ones, since this only feeds redaction and must not fail an audit.
 */
final class DotEnv {
  private DotEnv() {}

  /** The variables of the file in file order; an empty map when it does not exist. */
  static Map<String, String> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The variables of {@code content} in order; a later duplicate wins, as in Compose. */
  static Map<String, String> parse(String content) {
    Map<String, String> vars = new LinkedHashMap<>();
    String[] lines = content.replace("\r\n", "\n").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).stripLeading();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String rest = line.substring(eq + 1).strip();
      if (rest.startsWith("\"")) {
        // A double-quoted value may run over several lines.
        StringBuilder raw = new StringBuilder(rest.substring(1));
        while (closingQuote(raw) < 0 && i + 1 < lines.length) {
          raw.append('\n').append(lines[++i]);
        }
        int close = closingQuote(raw);
        vars.put(key, unescape(close < 0 ? raw.toString() : raw.substring(0, close)));
      } else if (rest.startsWith("'")) {
        int close = rest.indexOf('\'', 1);
        vars.put(key, close < 0 ? rest.substring(1) : rest.substring(1, close));
      } else {
        vars.put(key, stripComment(rest));
      }
    }
    return vars;
  }

  private static int closingQuote(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        switch (next) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          default -> out.append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code value # comment} → {@code value}; a {@code #} inside a word is part of the value. */
  private static String stripComment(String value) {
    for (int i = 1; i < value.length(); i++) {
      if (value.charAt(i) == '#' && Character.isWhitespace(value.charAt(i - 1))) {
        return value.substring(0, i).strip();
      }
    }
    return value;
  }
}
