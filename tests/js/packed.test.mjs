// `npm pack` the package and prove it works, unchanged, installed from the tarball into fresh
// scratch projects under /tmp: (1) a Node 20 ESM script, (2) a plain static page with
// <script type="module"> importing from node_modules/newsmark (headless Chromium), (3) an app
// built with Vite (built, served, opened in headless Chromium). Also checks the tarball contents.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { serveStatic } from "../../www/tools/serve.mjs";
import { ROOT, launchChromium, sh } from "./helpers.mjs";

const SCRATCH = fs.mkdtempSync(path.join(os.tmpdir(), "newsmark-pack-"));
const TEXT =
  "BERLIN, Jan 8, 2019 😀 — Chancellor Angela Merkel said on Monday in Berlin that “we will act " +
  "🇩🇪 soon,” according to her spokesman Steffen Seibert. 北京 Xi Jinping visited Paris last week.";
const REF = "2019-01-08";
let tarball;
let expected; // the result in Node from the repo's pkg/, which every consumer must reproduce
let browser;

before(async () => {
  const out = sh("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", SCRATCH], { cwd: ROOT });
  const info = JSON.parse(out)[0];
  tarball = path.join(SCRATCH, info.filename);
  assert.ok(fs.existsSync(tarball));
  const nm = await import(new URL("../../pkg/index.js", import.meta.url).href);
  expected = await nm.annotate(TEXT, { referenceDate: REF });
});

after(async () => {
  await browser?.close();
  fs.rmSync(SCRATCH, { recursive: true, force: true });
});

/** A fresh scratch project with the tarball installed from the local file. */
function project(name, files) {
  const dir = path.join(SCRATCH, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: `scratch-${name}`, private: true, type: "module" }, null, 2),
  );
  for (const [f, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), body);
  }
  sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: dir });
  return dir;
}

// The browser app used by both the static page and the Vite app. It annotates on the main thread
// and in a module Web Worker, triggers an internal error and checks the next call works, and
// publishes everything on window.__newsmark.
const appJs = (specifier) => `
import { annotate, version, NewsmarkError, __panicForTest } from ${JSON.stringify(specifier)};
const TEXT = ${JSON.stringify(TEXT)};
const out = { version };
try {
  out.result = await annotate(TEXT, { referenceDate: ${JSON.stringify(REF)} });
  out.slicesMatch = [...out.result.quotes, ...out.result.dates, ...out.result.entities]
    .every((s) => TEXT.slice(s.start, s.end) === s.text);
  try { __panicForTest(); out.panic = "no error"; }
  catch (e) { out.panic = { isNewsmarkError: e instanceof NewsmarkError, message: e.message }; }
  out.afterPanic = await annotate(TEXT, { referenceDate: ${JSON.stringify(REF)} });
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  out.worker = await new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => reject(new Error("worker: " + e.message));
    worker.postMessage(TEXT);
  });
} catch (e) {
  out.error = String(e && e.stack || e);
}
document.getElementById("out").textContent = JSON.stringify(out);
window.__newsmark = out;
`;
const workerJs = (specifier) => `
import { init, annotateSync } from ${JSON.stringify(specifier)};
const ready = init();
self.onmessage = async (e) => {
  try { await ready; self.postMessage(annotateSync(e.data, { referenceDate: ${JSON.stringify(REF)} })); }
  catch (err) { self.postMessage({ error: String(err) }); }
};
`;
const html = (src) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>newsmark scratch</title></head>
<body><pre id="out"></pre><script type="module" src="${src}"></script></body></html>
`;

async function openAndRead(url) {
  browser ??= await launchChromium();
  const page = await browser.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => window.__newsmark, null, { timeout: 30_000 });
  const out = await page.evaluate(() => window.__newsmark);
  await page.close();
  const origin = new URL(url).origin;
  assert.deepEqual(requests.filter((r) => !r.startsWith(origin)), [], "only same-origin requests");
  return { out, requests, errors };
}

function checkBrowserOutput({ out, errors }) {
  assert.equal(out.error, undefined, out.error);
  assert.deepEqual(errors, []);
  assert.deepEqual(out.result, expected, "same result as in Node");
  assert.equal(out.slicesMatch, true);
  assert.deepEqual(out.panic, {
    isNewsmarkError: true,
    message: "newsmark hit an internal error on this text and restarted; your text is unchanged",
  });
  assert.deepEqual(out.afterPanic, expected, "works after the restart");
  assert.deepEqual(out.worker, expected, "same result in a Web Worker");
}

test("the tarball holds only the package", () => {
  const list = sh("tar", ["-tzf", tarball]).trim().split("\n").sort();
  const allowed = [
    "package/LICENSE",
    "package/README.md",
    "package/package.json",
    "package/pkg/index.d.ts",
    "package/pkg/index.js",
    "package/pkg/newsmark.js",
    "package/pkg/newsmark_bg.wasm",
  ];
  for (const f of list) assert.ok(allowed.includes(f), `unexpected file in the package: ${f}`);
  for (const f of allowed.filter((f) => f.includes("/pkg/") || f.endsWith("package.json"))) {
    assert.ok(list.includes(f), `missing from the package: ${f}`);
  }
  const size = fs.statSync(tarball).size;
  console.log(`# ${path.basename(tarball)}: ${list.length} files, ${(size / 1024).toFixed(1)} KB`);
});

test("Node 20 ESM script", () => {
  const dir = project("node-esm", {
    "main.mjs": `
import { annotate, annotateSync, init, version } from "newsmark";
const r = await annotate(${JSON.stringify(TEXT)}, { referenceDate: ${JSON.stringify(REF)} });
await init();
const again = annotateSync(${JSON.stringify(TEXT)}, { referenceDate: ${JSON.stringify(REF)} });
console.log(JSON.stringify({ version, r, same: JSON.stringify(r) === JSON.stringify(again) }));
`,
  });
  const out = JSON.parse(sh(process.execPath, ["main.mjs"], { cwd: dir }));
  assert.deepEqual(out.r, expected);
  assert.equal(out.same, true);
  assert.equal(out.version, expected.version);
  // The package's files are used as shipped: no build step in the consumer.
  const installed = JSON.parse(fs.readFileSync(path.join(dir, "node_modules/newsmark/package.json"), "utf8"));
  assert.equal(installed.exports["."].types, "./pkg/index.d.ts");
});

test("plain static page: <script type=\"module\"> importing from node_modules/newsmark", async () => {
  const spec = "./node_modules/newsmark/pkg/index.js";
  const dir = project("static-page", {
    "index.html": html("./main.js"),
    "main.js": appJs(spec),
    "worker.js": workerJs(spec),
  });
  // Served from a sub-path (/static-page/), with the CSP header of www/tools/serve.mjs.
  const server = await serveStatic(SCRATCH, { port: 0 });
  try {
    const url = `http://127.0.0.1:${server.address().port}/${path.basename(dir)}/`;
    const seen = await openAndRead(url);
    checkBrowserOutput(seen);
    assert.ok(seen.requests.some((r) => r.endsWith("/newsmark_bg.wasm")));
  } finally {
    server.close();
  }
});

test("an app built with Vite", async () => {
  const dir = project("vite-app", {
    "index.html": html("./main.js"),
    "main.js": appJs("newsmark"),
    "worker.js": workerJs("newsmark"),
    "vite.config.js": `export default { base: "./", worker: { format: "es" }, logLevel: "warn" };\n`,
  });
  // Vite itself comes from the repo's dev dependencies (the same pinned version), linked in.
  fs.symlinkSync(path.join(ROOT, "node_modules/vite"), path.join(dir, "node_modules/vite"), "dir");
  sh(process.execPath, ["node_modules/vite/bin/vite.js", "build"], { cwd: dir });
  const assets = fs.readdirSync(path.join(dir, "dist/assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `a .wasm among the emitted assets: ${assets}`);
  const server = await serveStatic(dir, { port: 0 });
  try {
    const url = `http://127.0.0.1:${server.address().port}/dist/`;
    const seen = await openAndRead(url);
    checkBrowserOutput(seen);
    assert.ok(seen.requests.some((r) => r.endsWith(".wasm")));
  } finally {
    server.close();
  }
});
