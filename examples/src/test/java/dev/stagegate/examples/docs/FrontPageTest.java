package dev.stagegate.examples.docs;

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
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Keeps the front page true: at most 12 KB, every relative link of the README and of {@code docs/}
 * resolves, the ten-line gate is the example's real gate, the workflow shown is the file in {@code
 * docs/ci/}, and the versions to paste are the build's own.
 */
class FrontPageTest {
  /** The repository root: Surefire runs in the module directory, {@code examples/}. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static final int MAX_README_BYTES = 12 * 1024;

  private static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"));
  }

  @Test
  void theReadmeIsAFrontPageOfAtMost12Kb() throws IOException {
    long size = Files.size(ROOT.resolve("README.md"));
    assertThat(size)
        .as(
            "Expecting README.md to be a front page of at most %d bytes but it has %d; move the"
                + " detail into docs/",
            MAX_README_BYTES, size)
        .isLessThanOrEqualTo(MAX_README_BYTES);
  }

  @Test
  void everyRelativeLinkOfTheReadmeAndDocsResolves() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(Path.of("README.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md"))
          .map(ROOT::relativize)
          .sorted()
          .forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThan(5);
    assertThat(DocLinks.problems(ROOT, files)).isEmpty();
  }

  @Test
  void theTenLineGateIsTheExamplesRealGate() throws IOException {
    String gate = onlyBlock("java", "@HealthySmoke");
    String source =
        squeeze(
            Files.readString(
                ROOT.resolve("examples/src/test/java/dev/stagegate/examples/StagingGateIT.java")));
    List<String> lines =
        gate.lines().map(FrontPageTest::withoutComment).map(FrontPageTest::squeeze).toList();
    assertThat(lines).filteredOn(l -> l.length() > 1).hasSizeGreaterThanOrEqualTo(6);
    for (String line : lines) {
      if (line.length() > 1) {
        assertThat(source)
            .as(
                "Expecting every line of the README's ten-line gate to be in the example's"
                    + " StagingGateIT.java, but this one is not: %s",
                line)
            .contains(line);
      }
    }
  }

  @Test
  void theWorkflowShownIsTheFileInDocsCi() throws IOException {
    String shown = onlyBlock("yaml", "upload-artifact");
    assertThat(Files.readString(ROOT.resolve("docs/ci/github-actions.yml")))
        .as("Expecting the README's workflow to be docs/ci/github-actions.yml as it is")
        .isEqualTo(shown);
  }

  /** Names of JUnit report entries a gate publishes: they look like keys but are not settings. */
  private static final Set<String> REPORT_ENTRIES =
      Set.of("stagegate.audit", "stagegate.verdict", "stagegate.progress", "stagegate.deployments");

  @Test
  void everyKeyTheCodeReadsIsInTheConfigurationPage() throws IOException {
    String page = Files.readString(ROOT.resolve("docs/configuration.md"));
    Pattern literal = Pattern.compile("\"(stagegate\\.[a-z0-9.-]*[a-z0-9])\"");
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(ROOT)) {
      for (Path source :
          sources
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> !p.toString().contains("/target/"))
              .toList()) {
        Matcher m = literal.matcher(Files.readString(source));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    keys.removeAll(REPORT_ENTRIES);
    assertThat(keys).as("the keys read by the main sources").hasSizeGreaterThanOrEqualTo(50);
    List<String> missing = keys.stream().filter(key -> !page.contains("`" + key + "`")).toList();
    assertThat(missing)
        .as(
            "Expecting docs/configuration.md to list every stagegate.* key the main sources read,"
                + " but these are missing (add a row: key, type, default, meaning, read by)")
        .isEmpty();
  }

  @Test
  void theVersionsToPasteAreTheBuildsOwn() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    String xml = onlyBlock("xml", "gate-junit");
    assertThat(xml)
        .contains(
            "<version>"
                + first(pom, "<artifactId>stagegate-parent</artifactId>\\s*<version>([^<]+)")
                + "</version>")
        .contains("<version>" + first(pom, "<junit.version>([^<]+)") + "</version>")
        .contains(
            "<version>"
                + first(pom, "<artifactId>maven-failsafe-plugin</artifactId>\\s*<version>([^<]+)")
                + "</version>");
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("Expecting the root pom.xml to match %s", regex).isTrue();
    return m.group(1);
  }

  /** The one fenced block of the README with this info string that contains {@code marker}. */
  private static String onlyBlock(String info, String marker) throws IOException {
    List<String> blocks = new ArrayList<>();
    Parser.builder()
        .build()
        .parse(readme())
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(FencedCodeBlock block) {
                if (info.equals(block.getInfo()) && block.getLiteral().contains(marker)) {
                  blocks.add(block.getLiteral());
                }
              }
            });
    assertThat(blocks)
        .as("Expecting README.md to have one ```%s block containing %s", info, marker)
        .hasSize(1);
    return blocks.get(0);
  }

  private static String withoutComment(String line) {
    int comment = line.indexOf("//");
    return comment < 0 ? line : line.substring(0, comment);
  }

  private static String squeeze(String text) {
    return text.replaceAll("\\s+", "");
  }
}
