import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns an audit's Markdown into one HTML page styled like GitHub's rendering: CommonMark with GFM
 * tables (commonmark-java, as the gate-report tests parse it), {@code <details>} kept folded, and
 * every {@code mermaid} block handed to the real mermaid package. Used by screenshot-audit.sh:
 *
 * <pre>java -cp COMMONMARK_JARS AuditPage.java AUDIT.md MERMAID_JS_URL OUT.html</pre>
 */
public class AuditPage {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: java AuditPage.java AUDIT.md MERMAID_JS_URL OUT.html");
      System.exit(2);
    }
    String markdown = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    List<Extension> extensions = List.of(TablesExtension.create());
    Node doc = Parser.builder().extensions(extensions).build().parse(markdown);
    // The audit escapes everything it quotes; what is raw HTML in it is its own <details>.
    String body =
        HtmlRenderer.builder()
            .extensions(extensions)
            .attributeProviderFactory(
                context ->
                    (node, tag, attributes) -> {
                      if (node instanceof FencedCodeBlock f && "mermaid".equals(f.getInfo())) {
                        attributes.put("class", "mermaid-source");
                      }
                    })
            .build()
            .render(doc);
    String page =
        """
        <!doctype html><html><head><meta charset="utf-8"><title>stability audit</title>
        <style>
          body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
                 color: #1f2328; background: #fff; margin: 0; }
          main { max-width: 1012px; margin: 0 auto; padding: 32px; }
          h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
          h1 { font-size: 2em; margin: 0 0 16px; } h2 { font-size: 1.5em; margin: 24px 0 16px; }
          h3 { font-size: 1.25em; margin: 24px 0 16px; } p, ul, table, pre, details { margin: 0 0 16px; }
          ul { padding-left: 2em; } li + li { margin-top: .25em; }
          code { font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
                 background: #eff1f3; border-radius: 6px; padding: .2em .4em; }
          pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; }
          pre code { background: none; padding: 0; }
          table { border-collapse: collapse; display: block; overflow: auto; }
          th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
          tr:nth-child(2n) { background: #f6f8fa; }
          summary { cursor: pointer; }
        </style>
        <script src="MERMAID"></script></head><body><main>
        BODY
        </main><script>
          for (const code of document.querySelectorAll("code.mermaid-source")) {
            const chart = document.createElement("pre");
            chart.className = "mermaid";
            chart.textContent = code.textContent;
            code.parentElement.replaceWith(chart);
          }
          mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
          mermaid.run().finally(() => document.body.setAttribute("data-rendered", "1"));
        </script></body></html>
        """
            .replace("MERMAID", args[1])
            .replace("BODY", body);
    Files.writeString(Path.of(args[2]), page, StandardCharsets.UTF_8);
  }
}
