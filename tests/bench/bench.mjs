// `npm run bench`: print newsmark's performance figures (never a timed test) on a fixed corpus of
// news text built at bench time from ../shared/data (the exchange-format corpora):
//   throughput of all layers and of each layer alone — native CLI, WebAssembly under Node, headless
//   Chromium; cold start in Chromium; download sizes (raw, gzip, brotli); peak memory for a 10 MB
//   input (WebAssembly linear memory, CLI max RSS); scaling over 10 KB … 10 MB.
// Each figure is shown beside the floor of issue 6. Run after `npm run build` (pkg/ and dist/) —
// `npm run bench` does that first. Options: --quick (fewer repetitions), --json FILE (figures).
// Internal: `node bench.mjs --wasm-memory FILE` prints the linear memory after annotating FILE.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import zlib from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED = path.resolve(ROOT, "..", "shared");
const REF_DATE = "2019-01-08";
const LAYERS = ["quotes", "dates", "entities"];
const MB = 1024 * 1024;
const argv = process.argv.slice(2);
const QUICK = argv.includes("--quick");
const JSON_OUT = argv.includes("--json") ? argv[argv.indexOf("--json") + 1] : null;
const REPS = QUICK ? 1 : 3;
// In-process engines (Node, Chromium) take the median of more runs: their runs are cheap to repeat,
// and their first runs swing with the engine's background compiling.
const WASM_REPS = QUICK ? 3 : 5;
const FLOORS = {
  nativeMBs: 10, // all layers, MB/s
  chromiumMBs: 5,
  coldStartMs: 100,
  downloadGzipKB: 800,
  memoryMB: 64, // for a 10 MB input
};

const figures = {};
const rows = []; // [section, what, value, floor, verdict]

// ---------------------------------------------------------------------------------------------
// Internal child mode: WebAssembly linear memory after annotating one file (a fresh instance).
if (argv[0] === "--wasm-memory") {
  const text = fs.readFileSync(argv[1], "utf8");
  const { pkgDir } = findPkg();
  const nm = await import(pathToFileURL(path.join(pkgDir, "index.js")).href);
  await nm.init();
  const glue = await import(pathToFileURL(path.join(pkgDir, "newsmark.js")).href);
  const exports = await glue.default(); // already initialised: returns the same instance's exports
  const before = exports.memory.buffer.byteLength;
  const r = nm.annotateSync(text, { referenceDate: REF_DATE });
  const after = exports.memory.buffer.byteLength;
  console.log(JSON.stringify({ before, after, spans: r.quotes.length + r.dates.length + r.entities.length }));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function findPkg() {
  for (const dir of [path.join(ROOT, "dist", "pkg"), path.join(ROOT, "pkg")]) {
    if (fs.existsSync(path.join(dir, "index.js")) && fs.existsSync(path.join(dir, "newsmark_bg.wasm"))) {
      return { pkgDir: dir };
    }
  }
  return { pkgDir: null };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmtMB = (bytes) => `${(bytes / MB).toFixed(2)} MB`;
const fmtKB = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const fmtRate = (bytes, ms) => `${(bytes / MB / (ms / 1000)).toFixed(1)} MB/s`;
const rate = (bytes, ms) => bytes / MB / (ms / 1000);

function row(section, what, value, floor = "", ok = null) {
  const r = [section, what, value, floor, ok === null ? "" : ok ? "ok" : "BELOW FLOOR"];
  rows.push(r);
  // Printed as measured too, so a long run shows progress (the table follows at the end).
  console.log(`bench: ${section} | ${what} | ${value}${floor ? ` | floor ${floor}: ${r[4]}` : ""}`);
}

function printTable() {
  const head = ["", "measure", "figure", "floor", ""];
  const all = [head, ...rows];
  const w = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(w[i])).join("  ").trimEnd();
  console.log("");
  console.log(line(head));
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  let last = null;
  for (const r of rows) {
    console.log(line([r[0] === last ? "" : r[0], ...r.slice(1)]));
    last = r[0];
  }
}

function say(msg) {
  console.log(`bench: ${msg}`);
}

/** Cut `text` to at most `bytes` UTF-8 bytes at a paragraph end (else a line, else a char). */
function cutTo(text, bytes) {
  const buf = Buffer.from(text, "utf8");
  if (buf.length <= bytes) return text;
  let s = buf.subarray(0, bytes).toString("utf8");
  if (s.endsWith("\ufffd")) s = s.slice(0, -1); // a cut multi-byte character
  const para = s.lastIndexOf("\n\n");
  if (para > s.length * 0.9) return s.slice(0, para + 2);
  const nl = s.lastIndexOf("\n");
  if (nl > s.length * 0.9) return s.slice(0, nl + 1);
  return s;
}

/** `text` repeated (paragraph-separated) and cut to `bytes`. */
function sized(text, bytes) {
  const unit = Buffer.byteLength(text);
  const n = Math.ceil(bytes / unit) + 1;
  return cutTo(Array(n).fill(text).join(""), bytes);
}

// ---------------------------------------------------------------------------------------------
// 1. The corpus: exchange-format documents from ../shared/data, in a fixed order, ~4 MB.

const SOURCES = [
  "polnear/dev.jsonl",
  "conll2003/dev.jsonl",
  "tempeval3/timebank.jsonl",
  "tempeval3/aquaint.jsonl",
  "meantime/dates.jsonl",
  "polnear/train.jsonl",
  "conll2003/train.jsonl",
];
const CORPUS_BYTES = 4 * MB;

function buildCorpus() {
  const parts = [];
  let bytes = 0;
  const used = [];
  for (const rel of SOURCES) {
    const file = path.join(SHARED, "data", rel);
    if (!fs.existsSync(file)) continue;
    let docs = 0;
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const text = JSON.parse(line).text;
      if (typeof text !== "string" || !text.trim()) continue;
      const piece = text.trimEnd() + "\n\n";
      parts.push(piece);
      bytes += Buffer.byteLength(piece);
      docs++;
      if (bytes >= CORPUS_BYTES) break;
    }
    used.push(`${rel} (${docs})`);
    if (bytes >= CORPUS_BYTES) break;
  }
  return { text: cutTo(parts.join(""), CORPUS_BYTES), used };
}

if (!fs.existsSync(path.join(SHARED, "data"))) {
  say(`no corpus: ${path.join(SHARED, "data")} is missing (the shared data sits beside the repo); skipping the bench`);
  process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "newsmark-bench-"));
process.on("exit", () => fs.rmSync(work, { recursive: true, force: true }));

const { text: corpus, used } = buildCorpus();
const corpusBytes = Buffer.byteLength(corpus);
const corpusFile = path.join(work, "corpus.txt");
fs.writeFileSync(corpusFile, corpus);
const SIZES = [
  ["10 KB", 10 * 1024],
  ["100 KB", 100 * 1024],
  ["1 MB", MB],
  ["10 MB", 10 * MB],
];
const sizedFiles = {};
const sizedTexts = {};
for (const [name, bytes] of SIZES) {
  sizedTexts[name] = sized(corpus, bytes);
  sizedFiles[name] = path.join(work, `corpus-${name.replace(" ", "")}.txt`);
  fs.writeFileSync(sizedFiles[name], sizedTexts[name]);
}
const articleFile = [path.join(SHARED, "seed", "article.txt")].find((f) => fs.existsSync(f));
const article = articleFile ? fs.readFileSync(articleFile, "utf8") : sized(corpus, 4000);

say(`corpus: ${fmtMB(corpusBytes)} of news text from ${used.join(", ")}`);
say(`machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")} (figures on a busy machine are lower)`);
figures.corpus = { bytes: corpusBytes, sources: used };

// ---------------------------------------------------------------------------------------------
// 2. Native CLI.

const cargoEnv = { ...process.env, PATH: `${path.join(os.homedir(), ".cargo", "bin")}${path.delimiter}${process.env.PATH}` };
say("cargo build --release (the CLI)");
const build = spawnSync("cargo", ["build", "--release", "--quiet", "--bin", "newsmark"], { cwd: ROOT, stdio: "inherit", env: cargoEnv });
const exe = path.join(ROOT, "target", "release", "newsmark");
if (build.status !== 0 || !fs.existsSync(exe)) {
  say("the native build failed: skipping native figures");
} else {
  const cli = (file, layers, threads) => {
    const args = ["annotate", file, "--ref-date", REF_DATE];
    if (layers) args.push("--layers", layers);
    if (threads) args.push("--threads", String(threads));
    const t0 = process.hrtime.bigint();
    const r = spawnSync(exe, args, { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * MB });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`newsmark ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
    return ms;
  };
  const timed = (file, layers, reps = REPS, threads) => median(Array.from({ length: reps }, () => cli(file, layers, threads)));
  cli(corpusFile, null); // warm the page cache
  const emptyFile = path.join(work, "empty.txt");
  fs.writeFileSync(emptyFile, "");
  const startup = timed(emptyFile, null, 5);
  const all = timed(corpusFile, null);
  figures.native = { startupMs: startup, all: rate(corpusBytes, all) };
  row("native CLI", `all layers, ${fmtMB(corpusBytes)}, ${os.availableParallelism()} cores`, `${fmtRate(corpusBytes, all)} (${all.toFixed(0)} ms)`, `≥ ${FLOORS.nativeMBs} MB/s`, rate(corpusBytes, all) >= FLOORS.nativeMBs);
  // The same on one thread (--threads 1): the single-core speed of the core itself.
  const one = timed(corpusFile, null, REPS, 1);
  figures.native.oneThread = rate(corpusBytes, one);
  row("native CLI", "all layers, one thread (--threads 1)", `${fmtRate(corpusBytes, one)} (${one.toFixed(0)} ms)`);
  for (const l of LAYERS) {
    const ms = timed(corpusFile, l);
    figures.native[l] = rate(corpusBytes, ms);
    row("native CLI", `${l} alone`, `${fmtRate(corpusBytes, ms)} (${ms.toFixed(0)} ms)`);
  }
  row("native CLI", "process start, empty input", `${startup.toFixed(1)} ms`);

  // Max RSS for the 10 MB input.
  const big = sizedFiles["10 MB"];
  let rssKB = null;
  if (fs.existsSync("/usr/bin/time")) {
    const r = spawnSync("/usr/bin/time", ["-f", "%M", exe, "annotate", big, "--ref-date", REF_DATE], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    rssKB = Number(r.stderr.trim().split("\n").pop());
  } else {
    rssKB = await peakRssByPolling(exe, ["annotate", big, "--ref-date", REF_DATE]);
  }
  figures.native.maxRssMB = rssKB / 1024;
  row("memory", "CLI max RSS, 10 MB input", `${(rssKB / 1024).toFixed(1)} MB`, `≤ ${FLOORS.memoryMB} MB`, rssKB / 1024 <= FLOORS.memoryMB);

  // Scaling, natively (includes process start and JSON output).
  figures.native.scaling = {};
  for (const [name, bytes] of SIZES) {
    const real = Buffer.byteLength(sizedTexts[name]);
    const ms = timed(sizedFiles[name], null, bytes >= 10 * MB ? Math.min(REPS, 2) : REPS);
    figures.native.scaling[name] = ms;
    row("scaling (native)", name, `${ms.toFixed(1)} ms, ${(ms / (real / MB)).toFixed(1)} ms/MB (${fmtRate(real, ms)})`);
  }
}

/** Peak RSS (KB) of a child, by reading VmHWM from /proc while it runs. */
function peakRssByPolling(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "ignore" });
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peak = Math.max(peak, Number(m[1]));
      } catch {}
    }, 2);
    child.on("exit", () => {
      clearInterval(poll);
      resolve(peak);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// 3. WebAssembly under Node.

const { pkgDir } = findPkg();
if (!pkgDir) {
  say("no built package (dist/pkg or pkg/): run `npm run build`; skipping WebAssembly figures");
} else {
  say(`WebAssembly package: ${path.relative(ROOT, pkgDir)}/`);
  const nm = await import(pathToFileURL(path.join(pkgDir, "index.js")).href);
  await nm.init();
  const run = (text, layers) => {
    const opts = { referenceDate: REF_DATE };
    if (layers) opts.layers = [layers];
    const t0 = performance.now();
    nm.annotateSync(text, opts);
    return performance.now() - t0;
  };
  // The first run of the corpus is reported on its own: it includes the engine's tier-up (V8 runs
  // each function unoptimised until it has been hot for a while and its optimised code, compiled on
  // a background thread, is ready). The throughput is the median of the runs after it.
  const first = run(corpus, null);
  const timed = (text, layers, reps = WASM_REPS) => median(Array.from({ length: reps }, () => run(text, layers)));
  const all = timed(corpus, null);
  figures.node = { all: rate(corpusBytes, all), firstRun: rate(corpusBytes, first) };
  row("WebAssembly, Node", `all layers, ${fmtMB(corpusBytes)}`, `${fmtRate(corpusBytes, all)} (${all.toFixed(0)} ms, median of ${WASM_REPS})`);
  row("WebAssembly, Node", "  first run in the process (with tier-up)", `${fmtRate(corpusBytes, first)} (${first.toFixed(0)} ms)`);
  for (const l of LAYERS) {
    const ms = timed(corpus, l);
    figures.node[l] = rate(corpusBytes, ms);
    row("WebAssembly, Node", `${l} alone`, `${fmtRate(corpusBytes, ms)} (${ms.toFixed(0)} ms)`);
  }
  // Scaling in-process: the time of annotate alone, so time per MB should stay flat.
  figures.node.scaling = {};
  for (const [name, bytes] of SIZES) {
    const text = sizedTexts[name];
    const real = Buffer.byteLength(text);
    const reps = Math.max(1, Math.min(QUICK ? 5 : 20, Math.round((QUICK ? 1 : 4) * MB / bytes)));
    const per = [];
    for (let i = 0; i < Math.max(REPS, 1); i++) {
      const t0 = performance.now();
      for (let k = 0; k < reps; k++) nm.annotateSync(text, { referenceDate: REF_DATE });
      per.push((performance.now() - t0) / reps);
    }
    const ms = median(per);
    figures.node.scaling[name] = ms;
    row("scaling (WebAssembly, Node)", name, `${ms.toFixed(2)} ms, ${(ms / (real / MB)).toFixed(1)} ms/MB (${fmtRate(real, ms)})`);
  }

  // Linear memory after a 10 MB input, in a fresh process (a fresh instance).
  const mem = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--wasm-memory", sizedFiles["10 MB"]], { encoding: "utf8", maxBuffer: MB });
  if (mem.status === 0) {
    const m = JSON.parse(mem.stdout.trim().split("\n").pop());
    figures.wasmMemoryMB = m.after / MB;
    row("memory", "WebAssembly linear memory, 10 MB input", `${(m.after / MB).toFixed(1)} MB (${(m.before / MB).toFixed(1)} MB at start)`, `≤ ${FLOORS.memoryMB} MB`, m.after / MB <= FLOORS.memoryMB);
  } else {
    row("memory", "WebAssembly linear memory, 10 MB input", `failed: ${(mem.stderr || "").trim().split("\n").slice(-3).join(" ")}`, `≤ ${FLOORS.memoryMB} MB`, false);
  }

  // Download sizes: what a browser fetches to annotate (wasm + JS glue + any data files).
  const files = fs
    .readdirSync(pkgDir)
    .filter((f) => !f.endsWith(".d.ts") && !["package.json", "README.md", "LICENSE"].includes(f))
    .sort();
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const buf = fs.readFileSync(path.join(pkgDir, f));
    const s = {
      raw: buf.length,
      gzip: zlib.gzipSync(buf, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
    };
    for (const k of Object.keys(total)) total[k] += s[k];
    row("download", f, `${fmtKB(s.raw)} raw, ${fmtKB(s.gzip)} gzip, ${fmtKB(s.brotli)} brotli`);
  }
  figures.download = total;
  row("download", "total (.wasm + JS glue + data)", `${fmtKB(total.raw)} raw, ${fmtKB(total.gzip)} gzip, ${fmtKB(total.brotli)} brotli`, `≤ ${FLOORS.downloadGzipKB} KB gzip`, total.gzip / 1024 <= FLOORS.downloadGzipKB);
  const dist = path.join(ROOT, "dist");
  if (fs.existsSync(path.join(dist, "index.html"))) {
    const site = { raw: 0, gzip: 0 };
    const walk = (d) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else {
          const buf = fs.readFileSync(p);
          site.raw += buf.length;
          site.gzip += zlib.gzipSync(buf, { level: 9 }).length;
        }
      }
    };
    walk(dist);
    figures.siteDownload = site;
    row("download", "whole page (dist/, every file)", `${fmtKB(site.raw)} raw, ${fmtKB(site.gzip)} gzip`);
  }

  // -------------------------------------------------------------------------------------------
  // 4. Headless Chromium.
  await chromiumFigures(pkgDir);
}

async function chromiumFigures(pkgDir) {
  let chromium;
  try {
    const require = createRequire(path.join(ROOT, "package.json"));
    ({ chromium } = require("playwright-core"));
  } catch {
    say("playwright-core is not installed (npm ci): skipping Chromium figures");
    return;
  }
  if (!fs.existsSync("/usr/bin/chromium")) {
    say("/usr/bin/chromium is missing: skipping Chromium figures");
    return;
  }
  // A local server: the built package under /pkg/, and a blank bench page with the texts.
  const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".css": "text/css" };
  const siteDir = fs.existsSync(path.join(ROOT, "dist", "index.html")) ? path.join(ROOT, "dist") : null;
  const routes = {
    "/bench.html": ["<!doctype html><meta charset=utf-8><title>newsmark bench</title><body>bench</body>", ".html"],
    "/corpus.txt": [corpus, ".txt"],
    "/article.txt": [article, ".txt"],
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let body;
    let ext;
    if (routes[url.pathname]) [body, ext] = routes[url.pathname];
    else if (url.pathname.startsWith("/pkg/")) {
      const f = path.join(pkgDir, path.basename(url.pathname));
      if (fs.existsSync(f)) [body, ext] = [fs.readFileSync(f), path.extname(f)];
    } else if (url.pathname.startsWith("/site/") && siteDir) {
      // the built page (dist/), for the page figures
      const f = path.join(siteDir, path.normalize(url.pathname.slice("/site/".length) || "index.html"));
      if (f.startsWith(siteDir) && fs.existsSync(f) && fs.statSync(f).isFile()) [body, ext] = [fs.readFileSync(f), path.extname(f)];
    }
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[ext] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    say(`Chromium ${browser.version()}`);
    // Cold start: a fresh context each time (empty cache), measured inside the page.
    const colds = [];
    for (let i = 0; i < (QUICK ? 2 : 5); i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(`${base}/bench.html`);
      const text = article;
      colds.push(
        await page.evaluate(async ({ text, ref }) => {
          const t0 = performance.now();
          const nm = await import("/pkg/index.js");
          await nm.init();
          const t1 = performance.now();
          const r = nm.annotateSync(text, { referenceDate: ref });
          const t2 = performance.now();
          nm.annotateSync(text, { referenceDate: ref }); // after the clock: the same call once compiled
          const again = performance.now() - t2;
          return { total: t2 - t0, load: t1 - t0, annotate: t2 - t1, again, found: r.quotes.length + r.dates.length + r.entities.length };
        }, { text, ref: REF_DATE }),
      );
      await ctx.close();
    }
    const cold = median(colds.map((c) => c.total));
    figures.coldStartMs = cold;
    row("Chromium", "cold start: fetch + compile + instantiate + annotate the example", `${cold.toFixed(1)} ms (load ${median(colds.map((c) => c.load)).toFixed(1)} + annotate ${median(colds.map((c) => c.annotate)).toFixed(1)}; median of ${colds.length}, best ${Math.min(...colds.map((c) => c.total)).toFixed(1)})`, `≤ ${FLOORS.coldStartMs} ms`, cold <= FLOORS.coldStartMs);
    // The first call compiles most of the code it runs (engines compile WebAssembly functions on
    // first use) and builds the lazily-initialised tables; the same call again shows the rest.
    row("Chromium", "  the example annotated again, same page", `${median(colds.map((c) => c.again)).toFixed(1)} ms`);

    // The page itself (dist/): its worker loads and warms the module while the page starts, so
    // "Load example" is measured from the click to the highlights on screen.
    if (siteDir) {
      const pages = [];
      for (let i = 0; i < (QUICK ? 2 : 5); i++) {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        await page.goto(`${base}/site/index.html`);
        await page.waitForFunction(() => window.newsmark && window.newsmark.ready, null, { timeout: 30_000 });
        const ready = await page.evaluate(() => performance.now()); // since navigation start
        const shown = await page.evaluate(
          () =>
            new Promise((resolve) => {
              const t0 = performance.now();
              document.getElementById("load-example").click();
              const check = () => {
                if (window.newsmark.renders > 0 && !window.newsmark.busy) resolve(performance.now() - t0);
                else setTimeout(check, 1);
              };
              check();
            }),
        );
        pages.push({ ready, shown });
        await ctx.close();
      }
      figures.page = { readyMs: median(pages.map((p) => p.ready)), exampleMs: median(pages.map((p) => p.shown)) };
      row("Chromium", "page: navigation → annotator ready (worker loaded and warmed)", `${figures.page.readyMs.toFixed(0)} ms (median of ${pages.length})`);
      row("Chromium", "page: “Load example” click → highlights shown", `${figures.page.exampleMs.toFixed(0)} ms (median of ${pages.length})`);
    }

    // The page's own path for a long paste: its annotation worker cuts the text in chunks and runs
    // them at once on itself and its helper workers (www/pool.js), one instance per core up to four.
    if (siteDir) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(`${base}/bench.html`);
      const p = await page.evaluate(async ({ ref, reps }) => {
        const text = await (await fetch("/corpus.txt")).text();
        const w = new Worker("/site/worker.js", { type: "module" });
        const next = (type) =>
          new Promise((ok, fail) => {
            w.onmessage = (e) => {
              if (e.data.type === type) ok(e.data);
              else if (e.data.type === "error" || e.data.type === "fatal") fail(new Error(e.data.message));
            };
          });
        await next("ready");
        const ms = [];
        let spread = null;
        // the first run includes tier-up, as on the other rows; then the median of `reps`
        for (let i = 0; i <= reps; i++) {
          const done = next("result");
          w.postMessage({ type: "annotate", id: i + 1, text, options: { referenceDate: ref } });
          const r = await done;
          if (i > 0) ms.push(r.ms);
          spread = r.spread;
        }
        w.terminate();
        ms.sort((a, b) => a - b);
        return { ms: ms[Math.floor(ms.length / 2)], spread, cores: navigator.hardwareConcurrency };
      }, { ref: REF_DATE, reps: WASM_REPS });
      await ctx.close();
      figures.chromiumPage = { all: rate(corpusBytes, p.ms), instances: p.spread ? p.spread.length : 1 };
      row("Chromium", `page worker, all layers, ${fmtMB(corpusBytes)} pasted (chunks on ${p.spread ? p.spread.length : 1} instances, ${p.cores} cores)`, `${fmtRate(corpusBytes, p.ms)} (${p.ms.toFixed(0)} ms, median of ${WASM_REPS}${p.spread ? `; chunks per instance ${p.spread.join("/")}` : ""})`);
    }

    // Throughput on the corpus, inside the page.
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${base}/bench.html`);
    const t = await page.evaluate(async ({ ref, layers, reps }) => {
      const nm = await import("/pkg/index.js");
      await nm.init();
      const text = await (await fetch("/corpus.txt")).text();
      // The first run of the corpus, reported on its own (it includes tier-up; see the Node rows).
      const f0 = performance.now();
      nm.annotateSync(text, { referenceDate: ref });
      const firstRun = performance.now() - f0;
      const time = (opts) => {
        const xs = [];
        for (let i = 0; i < reps; i++) {
          const t0 = performance.now();
          nm.annotateSync(text, opts);
          xs.push(performance.now() - t0);
        }
        xs.sort((a, b) => a - b);
        return xs[Math.floor(xs.length / 2)];
      };
      const out = { all: time({ referenceDate: ref }), firstRun };
      for (const l of layers) out[l] = time({ referenceDate: ref, layers: [l] });
      const glue = await import("/pkg/newsmark.js");
      out.memory = (await glue.default()).memory.buffer.byteLength;
      return out;
    }, { ref: REF_DATE, layers: LAYERS, reps: WASM_REPS });
    await ctx.close();
    figures.chromium = { all: rate(corpusBytes, t.all), firstRun: rate(corpusBytes, t.firstRun) };
    row("Chromium", `all layers, ${fmtMB(corpusBytes)}`, `${fmtRate(corpusBytes, t.all)} (${t.all.toFixed(0)} ms, median of ${WASM_REPS})`, `≥ ${FLOORS.chromiumMBs} MB/s`, rate(corpusBytes, t.all) >= FLOORS.chromiumMBs);
    row("Chromium", "  first run in the page (with tier-up)", `${fmtRate(corpusBytes, t.firstRun)} (${t.firstRun.toFixed(0)} ms)`);
    for (const l of LAYERS) {
      figures.chromium[l] = rate(corpusBytes, t[l]);
      row("Chromium", `${l} alone`, `${fmtRate(corpusBytes, t[l])} (${t[l].toFixed(0)} ms)`);
    }
    row("Chromium", `linear memory after the ${fmtMB(corpusBytes)} corpus`, fmtMB(t.memory));
  } catch (e) {
    say(`Chromium figures failed: ${e.message}`);
    row("Chromium", "failed", e.message.split("\n")[0]);
  } finally {
    await browser.close();
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------

printTable();
say(`load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
const below = rows.filter((r) => r[4] === "BELOW FLOOR").length;
console.log(`\nbench: ${rows.filter((r) => r[4]).length - below} figures at or above their floor, ${below} below (floors from issue 6)`);
if (JSON_OUT) {
  fs.writeFileSync(JSON_OUT, JSON.stringify(figures, null, 2));
  say(`figures written to ${JSON_OUT}`);
}
