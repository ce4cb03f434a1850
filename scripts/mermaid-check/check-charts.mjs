// Renders every ```mermaid block of a Markdown file with the real mermaid package in headless
// Chromium, and fails on a parse or render error, or on a line drawn at fewer distinct x positions
// than it has values (what Mermaid's band scale does with duplicate x labels).
//
//   node check-charts.mjs FILE.md [FILE.md ...]     (scripts/check-mermaid-charts.sh sets it up)
//
// Exit status 0 when every chart rendered with every point at its own x, 1 otherwise, 2 on bad use.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const chromium = process.env.CHROMIUM || "chromium";
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node check-charts.mjs FILE.md...");
  process.exit(2);
}

/** The mermaid blocks of a Markdown text, with the line each starts on. */
function mermaidBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})mermaid\s*$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].trim().startsWith(fence)) body.push(lines[j++]);
    blocks.push({ line: i + 1, text: body.join("\n") });
    i = j;
  }
  return blocks;
}

/** How many values each `line [...]` statement of a chart gives, in order. */
function valuesGiven(text) {
  return [...text.matchAll(/^\s*line\s+(?:"[^"]*"\s*)?\[([^\]]*)\]/gm)].map(
    (m) => m[1].split(",").filter((v) => v.trim() !== "").length,
  );
}

const page = (charts) => `<!doctype html><html><head><meta charset="utf-8">
<script src="${pathToFileURL(join(here, "node_modules/mermaid/dist/mermaid.min.js"))}"></script>
</head><body><pre id="result">pending</pre><script>
(async () => {
  const charts = ${JSON.stringify(charts)};
  const out = [];
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
  for (let i = 0; i < charts.length; i++) {
    const r = { index: i, lines: [] };
    try {
      await mermaid.parse(charts[i]);
      const { svg } = await mermaid.render("chart" + i, charts[i]);
      const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      for (const g of doc.querySelectorAll("g[class^='line-plot-']")) {
        const path = g.querySelector("path");
        if (!path) continue;
        const xs = [...(path.getAttribute("d") || "").matchAll(/[ML]\\s*(-?[\\d.]+(?:e-?\\d+)?)[ ,](-?[\\d.]+)/g)]
          .map((m) => Number(m[1]).toFixed(3));
        r.lines.push({ vertices: xs.length, distinctX: new Set(xs).size });
      }
    } catch (e) {
      r.error = String((e && e.message) || e);
    }
    out.push(r);
  }
  document.getElementById("result").textContent = JSON.stringify(out);
})();
</script></body></html>`;

let failed = 0;
let total = 0;
for (const file of files) {
  const blocks = mermaidBlocks(readFileSync(file, "utf8"));
  if (blocks.length === 0) {
    console.log(`${file}: no mermaid chart`);
    continue;
  }
  const dir = mkdtempSync(join(tmpdir(), "mermaid-check-"));
  try {
    const html = join(dir, "page.html");
    writeFileSync(html, page(blocks.map((b) => b.text)));
    const dom = execFileSync(
      chromium,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--user-data-dir=${join(dir, "profile")}`,
        "--allow-file-access-from-files",
        "--virtual-time-budget=60000",
        "--dump-dom",
        pathToFileURL(html).href,
      ],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] },
    );
    const m = /<pre id="result">([\s\S]*?)<\/pre>/.exec(dom);
    const raw = m ? m[1].replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&") : "";
    if (!raw.startsWith("[")) {
      console.log(`${file}: FAIL the page did not finish rendering (${raw.slice(0, 80) || "no result"})`);
      failed++;
      continue;
    }
    for (const r of JSON.parse(raw)) {
      const block = blocks[r.index];
      const given = valuesGiven(block.text);
      total++;
      const where = `${file}:${block.line}`;
      if (r.error) {
        console.log(`${where}: FAIL parse/render error: ${r.error.split("\n")[0]}`);
        failed++;
        continue;
      }
      const problems = [];
      if (r.lines.length !== given.length) {
        problems.push(`${given.length} line statements but ${r.lines.length} lines drawn`);
      }
      given.forEach((n, k) => {
        const drawn = r.lines[k];
        if (drawn && drawn.distinctX < n) {
          problems.push(`line ${k + 1}: ${n} values drawn at ${drawn.distinctX} distinct x positions`);
        }
      });
      if (problems.length > 0) {
        console.log(`${where}: FAIL ${problems.join("; ")}`);
        failed++;
      } else {
        console.log(`${where}: ok (${given.join(", ")} points, each at its own x)`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`${total - failed}/${total} charts render with every point drawn`);
process.exit(failed === 0 && total > 0 ? 0 : 1);
