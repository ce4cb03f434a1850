package dev.stagegate.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Checks that every relative link of a set of Markdown files points at a file that exists and, when
 * it has a {@code #fragment}, at a heading of that file (anchors as GitHub makes them). Parsed with
 * commonmark, so links inside code are not links; external links ({@code https:}, {@code mailto:})
 * are not checked: the check stays fast and works offline.
 */
final class DocLinks {
  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  private final Path root;
  private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

  private DocLinks(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * The broken links of {@code files} (paths relative to {@code root}), one sentence each naming
   * the file, the line and what is missing; empty when every link resolves.
   */
  static List<String> problems(Path root, List<Path> files) {
    DocLinks links = new DocLinks(root);
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      problems.addAll(links.problemsOf(links.root.resolve(file).normalize()));
    }
    return problems;
  }

  private List<String> problemsOf(Path file) {
    Node document = PARSER.parse(read(file));
    List<String> problems = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            check(file, link.getDestination(), lineOf(link)).ifPresent(problems::add);
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            check(file, image.getDestination(), lineOf(image)).ifPresent(problems::add);
          }
        });
    return problems;
  }

  private Optional<String> check(Path from, String destination, int line) {
    if (destination.isEmpty() || destination.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return Optional.empty(); // https:, mailto:: not ours to check offline
    }
    int hash = destination.indexOf('#');
    String pathPart = hash < 0 ? destination : destination.substring(0, hash);
    String fragment = hash < 0 ? null : destination.substring(hash + 1);
    Path target =
        pathPart.isEmpty()
            ? from
            : from.getParent()
                .resolve(URLDecoder.decode(pathPart, StandardCharsets.UTF_8))
                .normalize();
    String where = "in " + relative(from) + " (line " + line + ")";
    if (!target.startsWith(root)) {
      return Optional.of(
          "Expecting the link \""
              + destination
              + "\" "
              + where
              + " to stay inside the repository but it points at "
              + target
              + "; link to a file of the repository or use a full https: address.");
    }
    if (!Files.exists(target)) {
      return Optional.of(
          "Expecting the link \""
              + destination
              + "\" "
              + where
              + " to point at an existing file but "
              + relative(target)
              + " does not exist; fix the path or move the file back.");
    }
    if (fragment == null || fragment.isEmpty() || !target.toString().endsWith(".md")) {
      return Optional.empty();
    }
    Set<String> anchors = anchorsByFile.computeIfAbsent(target, DocLinks::anchorsOf);
    if (anchors.contains(fragment)) {
      return Optional.empty();
    }
    return Optional.of(
        "Expecting the link \""
            + destination
            + "\" "
            + where
            + " to point at a heading of "
            + relative(target)
            + " but it has no heading with the anchor #"
            + fragment
            + "; its anchors are "
            + anchors
            + ".");
  }

  /** The anchors GitHub gives the headings of a Markdown file, duplicates numbered -1, -2, … */
  static Set<String> anchorsOf(Path file) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    PARSER
        .parse(read(file))
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Heading heading) {
                String slug = slug(plainText(heading));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
              }
            });
    return anchors;
  }

  /**
   * GitHub's heading anchor: lower case, every character that is not a letter, digit, space, hyphen
   * or underscore dropped, spaces turned into hyphens.
   */
  static String slug(String headingText) {
    StringBuilder slug = new StringBuilder();
    headingText
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .forEach(
            c -> {
              if (c == ' ') {
                slug.append('-');
              } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
              }
            });
    return slug.toString();
  }

  private static String plainText(Node node) {
    StringBuilder text = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            text.append(t.getLiteral());
          }

          @Override
          public void visit(Code code) {
            text.append(code.getLiteral());
          }
        });
    return text.toString().strip();
  }

  private static int lineOf(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
  }

  private String relative(Path path) {
    return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + " to check its links", e);
    }
  }
}
