package dev.stagegate.deploy.risk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stagegate.report.risk.RiskCategory;
import dev.stagegate.report.risk.RiskLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Parses {@code stagegate-risk.yml}: {@code disable:} (default rule ids) and {@code rules:} (rules
 * to add). Read token by token rather than bound to classes, so that every error can name the line
 * of the offending key and a fix.
 */
final class RiskRulesFile {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final List<String> RULE_KEYS =
      List.of("id", "path", "content", "category", "level", "why");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final String source;

  private RiskRulesFile(String source) {
    this.source = source;
  }

  /** The defaults minus the disabled ones, then the file's rules, in file order. */
  static List<RiskRule> parse(String yaml, String source, List<RiskRule> defaults) {
    return new RiskRulesFile(source).read(yaml, defaults);
  }

  /** One scalar value and the line of its key. */
  private record Entry(String value, int line) {}

  private List<RiskRule> read(String yaml, List<RiskRule> defaults) {
    Map<String, Integer> disabled = new LinkedHashMap<>();
    List<RiskRule> added = new ArrayList<>();
    Map<String, Integer> addedLines = new HashMap<>();
    try (JsonParser p = YAML.createParser(yaml)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return defaults; // an empty file changes nothing
      }
      if (first != JsonToken.START_OBJECT) {
        throw error(
            line(p),
            "the file must be a mapping, but starts with " + describe(first),
            "start with 'rules:' and/or 'disable:' at the left margin (see docs/risk-rules.md)");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = line(p);
        JsonToken value = p.nextToken();
        switch (key) {
          case "disable" -> {
            expectList(value, keyLine, "disable", "disable: [database-models, app-entry-point]");
            while (p.nextToken() != JsonToken.END_ARRAY) {
              String id = scalar(p, "a rule id in disable");
              disabled.put(id, line(p));
            }
          }
          case "rules" -> {
            expectList(value, keyLine, "rules", "entries starting with '- id: my-rule'");
            while (p.nextToken() != JsonToken.END_ARRAY) {
              if (p.currentToken() != JsonToken.START_OBJECT) {
                throw error(
                    line(p),
                    "each entry of rules must be a mapping, but found "
                        + describe(p.currentToken()),
                    "write each rule as '- id: ...' with its keys indented under it");
              }
              int ruleLine = line(p);
              RiskRule rule = rule(p, ruleLine);
              Integer before = addedLines.putIfAbsent(rule.id(), ruleLine);
              if (before != null) {
                throw error(
                    ruleLine,
                    "rule id '" + rule.id() + "' is already used on line " + before,
                    "give each rule its own id");
              }
              added.add(rule);
            }
          }
          default ->
              throw error(
                  keyLine,
                  "unknown key '" + key + "'",
                  "use only 'rules:' and 'disable:' at the top level");
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw error(
          line,
          "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""),
          "check the indentation and quoting around that line; quote regexes with single quotes");
    } catch (IOException e) {
      // Parsing a String does no I/O; only syntax problems (above) can occur.
      throw new IllegalStateException(e);
    }
    Set<String> defaultIds = defaults.stream().map(RiskRule::id).collect(Collectors.toSet());
    for (Map.Entry<String, Integer> d : disabled.entrySet()) {
      if (!defaultIds.contains(d.getKey())) {
        throw error(
            d.getValue(),
            "disable names '" + d.getKey() + "', which is not a default rule",
            "use one of the default ids: " + String.join(", ", ids(defaults)));
      }
    }
    List<RiskRule> rules = new ArrayList<>();
    for (RiskRule r : defaults) {
      if (!disabled.containsKey(r.id())) {
        rules.add(r);
      }
    }
    for (RiskRule r : added) {
      if (defaultIds.contains(r.id()) && !disabled.containsKey(r.id())) {
        throw error(
            addedLines.get(r.id()),
            "rule id '" + r.id() + "' is a default rule's id",
            "pick another id, or add '" + r.id() + "' to disable: to replace the default");
      }
      rules.add(r);
    }
    return rules;
  }

  private RiskRule rule(JsonParser p, int ruleLine) throws IOException {
    Map<String, Entry> fields = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int keyLine = line(p);
      if (!RULE_KEYS.contains(key)) {
        throw error(
            keyLine, "unknown rule key '" + key + "'", "use only " + String.join(", ", RULE_KEYS));
      }
      p.nextToken();
      fields.put(key, new Entry(scalar(p, key), keyLine));
    }
    Entry id = required(fields, "id", ruleLine, "id: my-rule");
    if (!ID.matcher(id.value()).matches()) {
      throw error(
          id.line(),
          "id '" + id.value() + "' has characters other than letters, digits, '-', '_' and '.'",
          "use a short name such as billing-tables");
    }
    Entry why = required(fields, "why", ruleLine, "why: one sentence a reviewer should read");
    Entry category = required(fields, "category", ruleLine, "category: DATABASE");
    Entry level = required(fields, "level", ruleLine, "level: HIGH");
    Entry path = fields.get("path");
    Entry content = fields.get("content");
    if (path == null && content == null) {
      throw error(
          ruleLine,
          "rule '" + id.value() + "' has neither path nor content",
          "add 'path:' (a glob such as app/billing/**) and/or 'content:' (a regex for added lines)");
    }
    return new RiskRule(
        id.value(),
        enumValue(RiskCategory.class, category, "category"),
        enumValue(RiskLevel.class, level, "level"),
        why.value(),
        Optional.ofNullable(path).map(this::glob),
        Optional.ofNullable(content).map(this::regex));
  }

  private PathGlob glob(Entry path) {
    try {
      return PathGlob.of(path.value());
    } catch (IllegalArgumentException e) {
      throw error(
          path.line(),
          "path '" + path.value() + "' is not a valid glob: " + e.getMessage(),
          "use *, **, ? and {a,b} (not nested); escape a literal character with a backslash");
    }
  }

  private Pattern regex(Entry content) {
    try {
      return Pattern.compile(content.value());
    } catch (PatternSyntaxException e) {
      throw error(
          content.line(),
          "content is not a valid Java regex: "
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + " of "
              + content.value(),
          "correct the pattern; put it in single quotes so YAML keeps backslashes as written");
    }
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, Entry entry, String key) {
    try {
      return Enum.valueOf(type, entry.value().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error(
          entry.line(),
          key + " '" + entry.value() + "' is not a " + key,
          "use one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }

  private Entry required(Map<String, Entry> fields, String key, int ruleLine, String example) {
    Entry e = fields.get(key);
    if (e == null || e.value().isBlank()) {
      throw error(
          e == null ? ruleLine : e.line(),
          "the rule starting here has no " + key,
          "add '" + example + "'");
    }
    return e;
  }

  private String scalar(JsonParser p, String what) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
      throw error(
          line(p),
          what + " must be a single value, but found " + describe(t),
          "write it on one line after the colon, quoted if it holds ':' or '#'");
    }
    return p.getText();
  }

  private void expectList(JsonToken value, int line, String key, String example) {
    if (value != JsonToken.START_ARRAY) {
      throw error(
          line,
          "'" + key + ":' must be a list, but is " + describe(value),
          "write a list, e.g. " + example);
    }
  }

  private static List<String> ids(List<RiskRule> rules) {
    return rules.stream().map(RiskRule::id).toList();
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_OBJECT -> "a mapping";
      case START_ARRAY -> "a list";
      case VALUE_NULL -> "an empty value";
      default -> "a single value";
    };
  }

  private RiskRulesException error(int line, String problem, String fix) {
    return new RiskRulesException(source, line, problem, fix);
  }
}
