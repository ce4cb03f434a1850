package dev.stagegate.report.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the secret values a compose stack is given, so that {@link Redactor} can mask them
 * exactly wherever a container prints them.
 *
 * <p>Read: the {@code environment:} of every service (mapping or {@code KEY=VALUE} list), every
 * {@code env_file:} (a path, a list of paths, or {@code {path: …}} entries; relative to the compose
 * file; missing files skipped), and the {@code .env} beside the compose file. Values are
 * interpolated as Compose does ({@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}},
 * {@code $VAR}) from the given environment and then {@code .env}; a variable listed without a value
 * ({@code - API_KEY}) takes its value from there too.
 *
 * <p>Kept: a value whose name announces a secret ({@code …PASSWORD}, {@code …_KEY}, {@code …TOKEN},
 * {@code …SECRET}, {@code …CREDENTIALS}, names with {@code AUTH}, {@code PRIVATE}, {@code DSN}), a
 * value that looks random by itself (16+ chars, letters and digits, 3.5+ bits per char), and a URL
 * with a password. Left out: the values of other names (hosts, modes, log levels, paths, database
 * names), because exact masking would blank ordinary words such as {@code docker} or {@code
 * postgres} throughout the logs. {@link Redactor} further skips values too short or common to mask.
 * YAML anchors are resolved by the parser; merge keys ({@code <<:}) are not.
 *
 * <pre>{@code
 * Map<String, String> secrets = EnvSecrets.fromCompose(Path.of("compose.yaml"));
 * // {"s3cr3t-Pa55" -> "DB_PASSWORD", "sk_live_…" -> "STRIPE_KEY"}
 * Redactor redactor = Redactor.defaults().withEnvSecrets(secrets);
 * }</pre>
 */
public final class EnvSecrets {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$(?:\\$|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");
  private static final Pattern URL_PASSWORD = Pattern.compile("://[^:/?#@\\s]*:[^@/]+@");

  private EnvSecrets() {}

  /**
   * The secret values of a compose file, interpolating only from its {@code .env}: see {@link
   * #fromCompose(Path, Map)}.
   */
  public static Map<String, String> fromCompose(Path composeFile) throws IOException {
    return fromCompose(composeFile, Map.of());
  }

  /**
   * The secret values of a compose file, its {@code env_file}s and its {@code .env}.
   *
   * @param composeFile the compose file
   * @param environment the environment Compose would interpolate from first (e.g. {@code
   *     System.getenv()}); its own values are not collected unless the file refers to them
   * @return secret value to the name of the variable it was first seen under, in file order
   * @throws IOException when the compose file cannot be read or is not YAML
   */
  public static Map<String, String> fromCompose(Path composeFile, Map<String, String> environment)
      throws IOException {
    Path dir = composeFile.toAbsolutePath().getParent();
    Map<String, String> dotEnv = DotEnv.read(dir.resolve(".env"));
    Map<String, String> lookup = new HashMap<>(dotEnv);
    lookup.putAll(environment);

    Map<String, String> secrets = new LinkedHashMap<>();
    dotEnv.forEach((key, value) -> keep(secrets, key, value));
    JsonNode root = YAML.readTree(composeFile.toFile());
    JsonNode services = root == null ? null : root.get("services");
    if (services != null && services.isObject()) {
      for (Map.Entry<String, JsonNode> entry : services.properties()) {
        JsonNode service = entry.getValue();
        for (Path envFile : envFiles(service.get("env_file"), dir)) {
          DotEnv.read(envFile).forEach((key, value) -> keep(secrets, key, value));
        }
        environment(service.get("environment"), lookup)
            .forEach((key, value) -> keep(secrets, key, value));
      }
    }
    return Collections.unmodifiableMap(secrets);
  }

  private static void keep(Map<String, String> secrets, String key, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    if (SecretLikeness.isSensitiveEnvName(key)
        || SecretLikeness.looksRandom(value)
        || URL_PASSWORD.matcher(value).find()) {
      secrets.putIfAbsent(value, key);
    }
  }

  /** The {@code environment:} of a service as name to interpolated value. */
  private static Map<String, String> environment(JsonNode env, Map<String, String> lookup) {
    Map<String, String> vars = new LinkedHashMap<>();
    if (env == null) {
      return vars;
    }
    if (env.isObject()) {
      for (Map.Entry<String, JsonNode> e : env.properties()) {
        JsonNode v = e.getValue();
        vars.put(
            e.getKey(),
            v == null || v.isNull() ? lookup.get(e.getKey()) : interpolate(v.asText(), lookup));
      }
    } else if (env.isArray()) {
      for (JsonNode item : env) {
        String entry = item.asText();
        int eq = entry.indexOf('=');
        if (eq < 0) {
          vars.put(entry.strip(), lookup.get(entry.strip()));
        } else {
          vars.put(entry.substring(0, eq).strip(), interpolate(entry.substring(eq + 1), lookup));
        }
      }
    }
    return vars;
  }

  private static List<Path> envFiles(JsonNode node, Path dir) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(dir.resolve(node.asText()));
    }
    List<Path> files = new ArrayList<>();
    for (JsonNode item : node) {
      JsonNode path = item.isObject() ? item.get("path") : item;
      if (path != null && path.isTextual()) {
        files.add(dir.resolve(path.asText()));
      }
    }
    return files;
  }

  /** Compose interpolation; {@code $$} is a literal {@code $}, unknown variables are empty. */
  static String interpolate(String value, Map<String, String> lookup) {
    if (value.indexOf('$') < 0) {
      return value;
    }
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().equals("$$")) {
        replacement = "$";
      } else {
        String name = m.group(1) != null ? m.group(1) : m.group(4);
        String found = lookup.get(name);
        boolean hasDefault = m.group(3) != null;
        boolean colon = ":".equals(m.group(2));
        if (hasDefault && (found == null || (colon && found.isEmpty()))) {
          replacement = m.group(3);
        } else {
          replacement = found == null ? "" : found;
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
