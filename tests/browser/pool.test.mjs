// Long texts on the pool (www/pool.js): the annotation worker (www/worker.js), driven directly as
// app.js drives it, spreads a long text's chunks over its own instance and its helper workers. The
// merged result equals the sequential chunked path (run here under Node with the same package); a
// dateline at the top reaches every chunk; a newer job or a cancel supersedes a long one; a panic in
// a helper is reported as a crash and the helper keeps working; nested workers start under the
// site's CSP header (www/tools/serve.mjs).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, ROOT, serve, openPage, setText, startPageAndBrowser, stopPageAndBrowser } from "./helpers.mjs";
import { chunkBounds, mergeChunks } from "../../www/layout.js";
import { EXAMPLE_TEXT } from "../../www/example.js";
import { serveStatic } from "../../www/tools/serve.mjs";

const CHUNKED_ABOVE = 400_000; // as in www/worker.js
const CHUNK = 200_000;
const ALL = { layers: ["quotes", "dates", "entities"], dayFirst: false };

const seedPath = join(ROOT, "../shared/seed/article.txt");
const SEED = fs.existsSync(seedPath) ? fs.readFileSync(seedPath, "utf8") : EXAMPLE_TEXT;

/** About `size` UTF-16 units of news: the seed article under "Part N" headings, after `top`. */
function longText(size, top = "", body = SEED) {
  const parts = [top];
  let n = top.length;
  for (let i = 1; n < size; i++) {
    const part = `Part ${i}\n\n${body}\n`;
    parts.push(part);
    n += part.length;
  }
  return parts.join("");
}

/** The page's worker before the pool: chunks one after the other, the first one's date passed on. */
function sequential(nm, text, options) {
  if (text.length <= CHUNKED_ABOVE) return nm.annotateSync(text, options);
  const parts = [];
  let from = 0;
  let opts = options;
  for (const cut of chunkBounds(text, CHUNK)) {
    const part = nm.annotateSync(text.slice(from, cut), opts);
    if (parts.length === 0 && !opts.referenceDate && part.referenceDate) opts = { ...opts, referenceDate: part.referenceDate };
    parts.push({ offset: from, ann: part });
    from = cut;
  }
  return mergeChunks(parts);
}

/** Start www/worker.js in the page; `window.__w.run(msg)` posts a job and resolves to its last message. */
async function startWorker(page) {
  await page.evaluate(async () => {
    const w = new Worker(new URL("worker.js", location.href), { type: "module" });
    const log = [];
    const waiting = new Map();
    w.onmessage = (e) => {
      const m = e.data;
      log.push({ type: m.type, id: m.id, done: m.done, at: performance.now() });
      if ((m.type === "result" || m.type === "error") && waiting.has(m.id)) {
        waiting.get(m.id)({ type: m.type, id: m.id, json: m.json, spread: m.spread, crash: m.crash, message: m.message });
        waiting.delete(m.id);
      }
      if (m.type === "ready") window.__ready = true;
    };
    window.__w = {
      worker: w,
      log,
      post: (msg) => w.postMessage(msg),
      run: (msg) => new Promise((ok) => {
        waiting.set(msg.id, ok);
        w.postMessage(msg);
      }),
    };
    await new Promise((ok) => {
      const wait = () => (window.__ready ? ok() : setTimeout(wait, 10));
      wait();
    });
  });
  return page.evaluate(() => navigator.hardwareConcurrency || 2);
}

const instances = (cores) => Math.min(cores, 4);

let server;
let browser;
let nm;

before(async () => {
  ({ server, browser } = await startPageAndBrowser());
  nm = await import(pathToFileURL(join(DIST, "pkg/index.js")).href);
  await nm.init();
});

after(() => stopPageAndBrowser({ server, browser }));

test("a multi-MB text on the pool gives exactly the sequential chunked result", { timeout: 240_000 }, async (t) => {
  const { context, page } = await openPage(browser, server.url);
  try {
    const cores = await startWorker(page);
    // A dateline at the top, no reference date given: later chunks resolve "January 7" and
    // "Thursday" against it. The head read for it ends inside an emoji at unit 2000 (the pair is
    // not split).
    const top = "BEIJING, Jan. 8, 2019 (Reuters) - ";
    const pad = "x".repeat(1999 - top.length - 2) + "\n\n";
    const dated = longText(3_000_000, `${top}${pad}😀 and more.\n\n`);
    assert.equal(dated.charCodeAt(1999), 0xd83d, "the emoji straddles unit 2000");
    const cases = [
      ["3 MB, dateline at the top, no referenceDate", dated, ALL],
      ["2 MB, no dateline, no referenceDate", longText(2_000_000), ALL],
      ["2 MB, referenceDate given, day first, no entities", longText(2_000_000, top), { referenceDate: "2020-02-29", dayFirst: true, layers: ["quotes", "dates"] }],
    ];
    let id = 0;
    for (const [name, text, options] of cases) {
      const want = JSON.parse(JSON.stringify(sequential(nm, text, options)));
      const got = await page.evaluate((msg) => window.__w.run(msg), { type: "annotate", id: ++id, text, options });
      assert.equal(got.type, "result", `${name}: ${got.message}`);
      const ann = JSON.parse(got.json);
      assert.deepEqual(ann, want, `${name}: same result as the sequential path`);
      assert.equal(got.spread.length, instances(cores), `${name}: one count per instance`);
      assert.equal(got.spread.reduce((a, b) => a + b, 0), chunkBounds(text, CHUNK).length);
      if (cores > 1) assert.ok(got.spread.slice(1).some((n) => n > 0), `${name}: helpers took chunks (${got.spread})`);
      t.diagnostic(`${name}: ${ann.entities.length} entities, ${ann.dates.length} dates; chunks per instance ${got.spread.join("/")}`);
    }
    const ann = JSON.parse((await page.evaluate((msg) => window.__w.run(msg), { type: "annotate", id: ++id, text: dated, options: ALL })).json);
    assert.equal(ann.referenceDate, "2019-01-08");
    assert.equal(ann.referenceDateSource, "dateline");
    const last = ann.dates.filter((d) => d.start > dated.length - CHUNK && d.text === "January 7");
    assert.ok(last.length > 0 && last.every((d) => d.value === "2019-01-07"), "the last chunk resolved against the dateline");
    // Progress: from 0 up to the text's length, as chunks finish.
    const progress = await page.evaluate((n) => window.__w.log.filter((m) => m.id === n && m.type === "progress").map((m) => m.done), id);
    assert.equal(progress[0], 0);
    assert.equal(progress.at(-1), dated.length);
    assert.ok(progress.every((d, i) => i === 0 || d > progress[i - 1]), "progress only grows");
  } finally {
    await context.close();
  }
});

test("a newer job or a cancel supersedes a long one; the helpers go on with later jobs", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  try {
    const cores = await startWorker(page);
    const big = longText(4_000_000);
    const small = "“We will act,” said Angela Merkel in Berlin on Monday.";
    const out = await page.evaluate(async ({ big, small }) => {
      const w = window.__w;
      w.post({ type: "annotate", id: 1, text: big, options: { layers: ["quotes", "dates", "entities"] } });
      // Once the first chunks are done, an edit replaces the text.
      await new Promise((ok) => {
        const wait = () => (w.log.some((m) => m.id === 1 && m.type === "progress" && m.done > 0) ? ok() : setTimeout(wait, 1));
        wait();
      });
      const edited = performance.now();
      const r2 = await w.run({ type: "annotate", id: 2, text: small, options: {} });
      // A long job, then the text cleared (app.js sends a cancel).
      w.post({ type: "annotate", id: 3, text: big, options: {} });
      await new Promise((ok) => setTimeout(ok, 30));
      w.post({ type: "cancel", id: 4 });
      const cancelled = performance.now();
      await new Promise((ok) => setTimeout(ok, 2000));
      // The helpers were not stopped: the next long job is spread over them again.
      const r5 = await w.run({ type: "annotate", id: 5, text: big, options: {} });
      const after = (id, t) => w.log.filter((m) => m.id === id && m.at > t).map((m) => m.type);
      return { r2: r2.type, old: after(1, edited), cancelled: after(3, cancelled), results: w.log.filter((m) => m.type === "result").map((m) => m.id), spread: r5.spread };
    }, { big, small });
    assert.equal(out.r2, "result");
    assert.deepEqual(out.results, [2, 5], "no result of a superseded job");
    // At most a progress message per instance: chunks already done, or the one this thread was
    // annotating, when the edit came (helpers' late results are dropped without a word).
    const most = instances(cores);
    assert.ok(out.old.length <= most && out.old.every((type) => type === "progress"), `old job after the edit: ${out.old}`);
    assert.ok(out.cancelled.length <= most && out.cancelled.every((type) => type === "progress"), `cancelled job: ${out.cancelled}`);
    if (cores > 1) assert.ok(out.spread.slice(1).some((n) => n > 0), `helpers took chunks (${out.spread})`);
  } finally {
    await context.close();
  }
});

test("a panic in a helper is reported as a crash; the helper recovers and takes the next chunks", { timeout: 120_000 }, async (t) => {
  const crashServer = await serve({
    overrides: {
      "pkg/index.js": join(ROOT, "tests/browser/fixtures/crash-pkg/index.js"),
      "pkg/real-index.js": join(DIST, "pkg/index.js"),
    },
  });
  const { context, page, log } = await openPage(browser, crashServer.url);
  try {
    const cores = await startWorker(page);
    if (cores < 2) return void t.skip("one core: no helpers");
    // Every chunk is marked, but only a helper panics on it.
    const marked = longText(1_500_000, "", `${SEED}\n\u2620HELPERCRASH\n`);
    const clean = longText(1_500_000);
    const out = await page.evaluate(async ({ marked, clean }) => {
      const crashed = await window.__w.run({ type: "annotate", id: 1, text: marked, options: {} });
      const next = await window.__w.run({ type: "annotate", id: 2, text: clean, options: {} });
      return { crashed, next: { type: next.type, spread: next.spread, entities: next.json && JSON.parse(next.json).entities.length } };
    }, { marked, clean });
    assert.equal(out.crashed.type, "error");
    assert.equal(out.crashed.crash, true, "reported as a crash, as app.js expects");
    assert.match(out.crashed.message, /^NewsmarkError: newsmark hit an internal error on this text and restarted/);
    assert.equal(out.next.type, "result");
    assert.ok(out.next.entities > 1000);
    assert.ok(out.next.spread.slice(1).every((n) => n > 0), `every helper took chunks after the panic (${out.next.spread})`);
    // Through the page: the alert of the crash path, text kept.
    const page2 = await context.newPage();
    await page2.goto(crashServer.url);
    await page2.waitForFunction(() => window.newsmark && window.newsmark.ready, null, { timeout: 30_000 });
    await setText(page2, marked);
    await page2.waitForSelector("#alert:not([hidden])", { timeout: 60_000 });
    assert.match(await page2.textContent("#alert p"), /internal error .*Your text is safe and unchanged/);
    assert.match(await page2.textContent("#alert details"), /NewsmarkError/);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
    await crashServer.close();
  }
});

test("helpers start as nested workers under the site's CSP header (www/tools/serve.mjs)", { timeout: 60_000 }, async () => {
  const site = await serveStatic(DIST, { port: 0 });
  const url = `http://127.0.0.1:${site.address().port}/`;
  const { context, page, log } = await openPage(browser, url);
  try {
    const cores = await startWorker(page);
    const text = longText(1_000_000);
    const r = await page.evaluate((msg) => window.__w.run(msg), { type: "annotate", id: 1, text, options: {} });
    assert.equal(r.type, "result", r.message);
    assert.equal(r.spread.length, instances(cores));
    if (cores > 1) assert.ok(r.spread.slice(1).every((n) => n > 0), `every helper took chunks (${r.spread})`);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(log.console.filter((m) => /Content Security Policy|Refused/.test(m)), []);
    for (const u of log.requests) assert.ok(u.startsWith(url), `request outside the site: ${u}`);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
    await new Promise((ok) => site.close(ok));
  }
});
