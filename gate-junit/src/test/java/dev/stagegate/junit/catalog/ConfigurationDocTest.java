package dev.stagegate.junit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md}'s tables are the catalog's, and the catalog holds every key the
 * main sources read. {@code -Dstagegate.updateDocs=true} rewrites the tables from the catalog.
 */
class ConfigurationDocTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path DOC = ROOT.resolve("docs/configuration.md");
  private static final String END = "<!-- end of generated table -->";

  /** Names of JUnit report entries a gate publishes: not settings. */
  private static final Set<String> REPORT_ENTRIES =
      Set.of("stagegate.audit", "stagegate.verdict", "stagegate.progress", "stagegate.deployments");

  private static final Pattern KEY = Pattern.compile("\"(stagegate\\.[a-z0-9.-]+)\"");

  private static String start(ConfigSection section) {
    return "<!-- generated from ConfigCatalog ("
        + section
        + ") by ConfigurationDocTest; edit the catalog, not this table -->";
  }

  private static String table(ConfigSection section) {
    List<String> lines = new ArrayList<>(ConfigKey.TABLE_HEAD);
    ConfigCatalog.ALL.stream().filter(k -> k.section() == section).forEach(k -> lines.add(k.row()));
    return String.join("\n", lines);
  }

  @Test
  void everyTableOfTheConfigurationPageIsGeneratedFromTheCatalog() throws IOException {
    String page = Files.readString(DOC);
    String wanted = page;
    for (ConfigSection section : ConfigSection.values()) {
      int from = wanted.indexOf(start(section));
      assertThat(from).as("the generated table of %s in %s", section, DOC).isNotNegative();
      int bodyFrom = from + start(section).length() + 1;
      int to = wanted.indexOf(END, bodyFrom);
      wanted = wanted.substring(0, bodyFrom) + table(section) + "\n" + wanted.substring(to);
    }
    if (Boolean.getBoolean("stagegate.updateDocs")) {
      Files.writeString(DOC, wanted);
    }
    assertThat(page)
        .as(
            "docs/configuration.md differs from ConfigCatalog; rerun with"
                + " -Dstagegate.updateDocs=true and review the diff")
        .isEqualTo(wanted);
  }

  @Test
  void theCatalogHoldsEveryKeyTheMainSourcesRead() throws IOException {
    Set<String> catalog =
        ConfigCatalog.ALL.stream().map(ConfigKey::name).collect(Collectors.toSet());
    Set<String> read = new TreeSet<>();
    for (String module :
        List.of("gate-model", "gate-report", "gate-deploy", "gate-assertions", "gate-junit")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = KEY.matcher(Files.readString(f));
          while (m.find()) {
            read.add(m.group(1));
          }
        }
      }
    }
    read.removeAll(REPORT_ENTRIES);
    assertThat(read).as("keys the main sources read").isNotEmpty();
    assertThat(catalog).as("ConfigCatalog").containsAll(read);
  }

  @Test
  void everyKeyIsDocumentedOnceInItsSection() {
    assertThat(ConfigCatalog.ALL)
        .allSatisfy(
            k -> {
              assertThat(k.name()).startsWith("stagegate.");
              assertThat(k.type()).isNotBlank();
              assertThat(k.meaning()).isNotBlank();
            });
    assertThat(ConfigCatalog.ALL.stream().map(k -> k.section() + " " + k.name()))
        .doesNotHaveDuplicates();
  }
}
