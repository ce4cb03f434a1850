package dev.stagegate.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import dev.stagegate.examples.repo.LibraryClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The declared API (issue #13): every public type of the library says, on itself or on its package,
 * whether users may rely on it ({@code @API(status = STABLE | EXPERIMENTAL)}) or not ({@code
 * INTERNAL}), and {@code docs/api.md} lists exactly the types they may rely on. {@code
 * -Dstagegate.updateDocs=true} rewrites that list from the declarations.
 */
class DeclaredApiTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path DOC = ROOT.resolve("docs/api.md");
  private static final String BEGIN =
      "<!-- generated from the @API declarations by DeclaredApiTest -->";
  private static final String END = "<!-- end of generated list -->";

  /** The library's main classes: each module's own, not the examples' or the tests'. */
  private static JavaClasses library() {
    return LibraryClasses.production();
  }

  private static List<JavaClass> publicTypes(JavaClasses classes) {
    return classes.stream()
        .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
        .filter(JavaClass::isTopLevelClass)
        .filter(
            c ->
                c.getSource()
                    .map(s -> !s.getUri().toString().contains("test-classes"))
                    .orElse(true))
        .filter(c -> !c.getSimpleName().endsWith("Test"))
        .toList();
  }

  private static Optional<API.Status> status(JavaClass c) {
    return c.tryGetAnnotationOfType(API.class)
        .or(() -> c.getPackage().tryGetAnnotationOfType(API.class))
        .map(API::status);
  }

  @Test
  void everyPublicTypeDeclaresWhetherUsersMayRelyOnIt() {
    List<String> undeclared =
        publicTypes(library()).stream()
            .filter(c -> status(c).isEmpty())
            .map(JavaClass::getName)
            .sorted()
            .toList();
    assertThat(undeclared)
        .as(
            "Expecting every public type to declare an @API status on itself or in its"
                + " package-info.java (INTERNAL unless users need it; see docs/api.md) but these"
                + " declare none")
        .isEmpty();
  }

  @Test
  void theApiPageListsExactlyTheTypesUsersMayRelyOn() throws IOException {
    String generated = generatedList();
    String doc = Files.readString(DOC);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("docs/api.md must contain the marker %s", BEGIN).isNotNegative();
    assertThat(end).as("docs/api.md must contain the marker %s", END).isGreaterThan(begin);
    String current = doc.substring(begin + BEGIN.length(), end);
    if (Boolean.getBoolean("stagegate.updateDocs")) {
      Files.writeString(
          DOC, doc.substring(0, begin + BEGIN.length()) + generated + doc.substring(end));
      return;
    }
    assertThat(current)
        .as(
            "docs/api.md's list differs from the @API declarations; run the test with"
                + " -Dstagegate.updateDocs=true and review the diff")
        .isEqualTo(generated);
  }

  /** One row per package and status: the types users may rely on, the counts of the rest. */
  private static String generatedList() {
    Map<String, List<String>> api = new TreeMap<>();
    int internal = 0;
    int total = 0;
    for (JavaClass c : publicTypes(library())) {
      total++;
      API.Status s = status(c).orElse(API.Status.INTERNAL);
      if (s == API.Status.INTERNAL) {
        internal++;
        continue;
      }
      api.computeIfAbsent("`" + c.getPackageName() + "` | " + s, k -> new ArrayList<>())
          .add(c.getSimpleName());
    }
    StringBuilder sb = new StringBuilder("\n| package | status | types |\n|---|---|---|\n");
    api.forEach(
        (k, types) ->
            sb.append("| ")
                .append(k)
                .append(" | ")
                .append(String.join(", ", types.stream().sorted().map(t -> "`" + t + "`").toList()))
                .append(" |\n"));
    sb.append("\n")
        .append(total - internal)
        .append(" of ")
        .append(total)
        .append(" public types are API; the other ")
        .append(internal)
        .append(" are INTERNAL.\n");
    return sb.toString();
  }
}
