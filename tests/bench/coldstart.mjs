// Cold start in headless Chromium, broken down (a measuring tool, never a test):
//   node tests/bench/coldstart.mjs [RUNS] [label=PKGDIR ...]     (default: 9 runs of cur=pkg/)
// Build the package first (`node www/tools/build.mjs --package-only`); give several labelled pkg/
// copies to compare builds: runs are interleaved (old, new, old, new, ...) so machine noise hits
// both alike. Each run opens a fresh browser context per package, twice:
//   bench.*  as `npm run bench` measures it: import index.js, init(), annotateSync(example) —
//            total, load (import + init), first (the first annotate), again (the same call again);
//   steps.*  the same work step by step: fetch the .wasm, WebAssembly.compile, import the glue,
//            instantiate, trivial calls (version, memoryBytes), annotate "" (no options, then with
//            a reference date), a tiny entities-only text (builds the model and gazetteer), the
//            example, the example again.
// Prints the median of each figure (ms). KINDS=bench or KINDS=steps runs one kind only;
// JSFLAGS="--no-wasm-lazy-compilation" (etc.) passes V8 flags to see what a flag changes.

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(path.join(ROOT, "package.json"));
const { chromium } = require("playwright-core");

const RUNS = +process.argv[2] || 9;
const given = process.argv.slice(3).map((s) => s.split("="));
const pkgs = given.length ? given : [["cur", path.join(ROOT, "pkg")]];
const article = fs.readFileSync(path.resolve(ROOT, "..", "shared", "seed", "article.txt"), "utf8");
const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8" };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (url.pathname === "/bench.html") {
    res.writeHead(200, { "content-type": types[".html"], "cache-control": "no-store" });
    return res.end("<!doctype html><meta charset=utf-8><title>p</title><body>p</body>");
  }
  const m = /^\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  const dir = m && pkgs.find(([l]) => l === m[1]);
  if (!dir) return res.writeHead(404).end();
  const f = path.join(dir[1], m[2]);
  if (!fs.existsSync(f)) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": types[path.extname(f)] ?? "application/octet-stream", "cache-control": "no-store" });
  res.end(fs.readFileSync(f));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", ...(process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : [])],
});
const REF = "2019-01-08";
const res = {};
for (let i = 0; i < RUNS; i++) {
  for (const [label] of pkgs) {
    for (const kind of (process.env.KINDS ?? "bench,steps").split(",")) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(`${base}/bench.html`);
      const r = await page.evaluate(
        async ({ text, ref, label, kind }) => {
          const now = () => performance.now();
          if (kind === "bench") {
            const t0 = now();
            const nm = await import(`/${label}/index.js`);
            await nm.init();
            const t1 = now();
            nm.annotateSync(text, { referenceDate: ref });
            const t2 = now();
            nm.annotateSync(text, { referenceDate: ref });
            const t3 = now();
            return { total: t2 - t0, load: t1 - t0, first: t2 - t1, again: t3 - t2 };
          }
          const enc = new TextEncoder();
          const t0 = now();
          const resp = await fetch(`/${label}/newsmark_bg.wasm`);
          const buf = await resp.arrayBuffer();
          const t1 = now();
          const mod = await WebAssembly.compile(buf);
          const t2 = now();
          const glue = await import(`/${label}/newsmark.js`);
          const t3 = now();
          await glue.default({ module_or_path: mod });
          const t4 = now();
          glue.version();
          const t4b = now();
          glue.memoryBytes();
          const t4c = now();
          glue.annotateUtf8(enc.encode(""), undefined);
          const t4d = now();
          glue.annotateUtf8(enc.encode(""), { referenceDate: ref });
          const t5 = now();
          glue.annotateUtf8(enc.encode("Mr. Smith went to Paris."), { layers: ["entities"] });
          const t6 = now();
          glue.annotateUtf8(enc.encode(text), { referenceDate: ref });
          const t7 = now();
          glue.annotateUtf8(enc.encode(text), { referenceDate: ref });
          const t8 = now();
          return { fetch: t1 - t0, compile: t2 - t1, glue: t3 - t2, inst: t4 - t3, version: t4b - t4, membytes: t4c - t4b, emptyNoOpt: t4d - t4c, empty: t5 - t4d, ent1: t6 - t5, art1: t7 - t6, art2: t8 - t7, sum: t7 - t0 };
        },
        { text: article, ref: REF, label, kind },
      );
      await ctx.close();
      for (const [k, v] of Object.entries(r)) ((res[label] ??= {})[`${kind}.${k}`] ??= []).push(v);
    }
  }
}
await browser.close();
server.close();
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const keys = Object.keys(res[pkgs[0][0]]);
console.log(`median of ${RUNS} (ms)`.padEnd(16) + pkgs.map(([l]) => l.padStart(10)).join(""));
for (const k of keys) console.log(k.padEnd(16) + pkgs.map(([l]) => med(res[l][k]).toFixed(1).padStart(10)).join(""));
