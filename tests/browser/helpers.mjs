// Shared by the browser tests: a tiny static server for the built site (under a sub-path, to prove
// relative URLs), and a headless Debian Chromium page that records requests, errors and dialogs.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const DIST = resolve(process.env.NEWSMARK_DIST || join(ROOT, "dist"));
export const MOCK_PKG = join(ROOT, "tests/browser/fixtures/mock-pkg/index.js");
/** The site is served under this sub-path, as on a static host's project page. */
export const BASE = "/some/sub/path/";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export function assertBuilt() {
  if (!existsSync(join(DIST, "index.html")) || !existsSync(join(DIST, "pkg", "index.js"))) {
    throw new Error(`No built site in ${DIST}: run \`npm run build\` first (or set NEWSMARK_DIST).`);
  }
}

/**
 * Serve `root` at http://127.0.0.1:<free port>/some/sub/path/. `overrides` maps a path inside the
 * site (e.g. "pkg/index.js") to a file to serve instead. Resolves to { url, close, hits }.
 */
export async function serve({ root = DIST, overrides = {} } = {}) {
  const hits = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      hits.push(url.pathname);
      if (!url.pathname.startsWith(BASE)) {
        res.writeHead(404).end("not found");
        return;
      }
      let rel = decodeURIComponent(url.pathname.slice(BASE.length)) || "index.html";
      if (rel.endsWith("/")) rel += "index.html";
      let file = overrides[rel] || normalize(join(root, rel));
      if (!overrides[rel] && file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404).end("not found");
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "cache-control": "no-store",
      });
      res.end(body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${BASE}`,
    hits,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/**
 * The set-up every browser test file shares: serve the site and start Chromium. `standIn` serves the
 * page with the stand-in package (tests/browser/fixtures/mock-pkg), from dist/ if built, else www/;
 * otherwise the built site is required, with any `overrides` (see `serve`). Resolves to
 * { server, browser }; `stopPageAndBrowser` closes both.
 */
export async function startPageAndBrowser({ standIn = false, overrides = {} } = {}) {
  let server;
  if (standIn) {
    const root = existsSync(join(DIST, "index.html")) ? DIST : join(ROOT, "www");
    server = await serve({ root, overrides: { "pkg/index.js": MOCK_PKG, ...overrides } });
  } else {
    assertBuilt();
    server = await serve({ overrides });
  }
  return { server, browser: await launch() };
}

export async function stopPageAndBrowser({ server, browser } = {}) {
  await browser?.close();
  await server?.close();
}

/**
 * Open the page in a fresh context. Every request (page and workers), console error, page error
 * and dialog is recorded on the returned object.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme = "light" } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
  // Any Content-Security-Policy violation (a blocked script, style or request) is recorded.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const log = { requests: [], errors: [], dialogs: [], console: [] };
  context.on("request", (r) => log.requests.push(r.url()));
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") log.console.push(m.text());
  });
  page.on("dialog", async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(url);
  await page.waitForFunction(() => window.newsmark && window.newsmark.ready, null, { timeout: 30_000 });
  return { context, page, log };
}

/** Replace the text box's text with `text` through a paste event (as Ctrl+A, Ctrl+V would). */
export async function setText(page, text) {
  // Selecting a multi-megabyte text makes the browser lay it all out: a user would press Clear.
  if ((await boxText(page)).length > 400_000) await page.click("#clear");
  await page.evaluate((t) => {
    const box = document.getElementById("text");
    box.focus();
    window.getSelection().selectAllChildren(box);
    const data = new DataTransfer();
    data.setData("text/plain", t);
    box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Paste `text` in place of the text box's text and wait for its result. */
export async function pasteText(page, text) {
  await setText(page, text);
  await waitForResult(page, text);
}

/** The text the text box holds. */
export async function boxText(page) {
  return page.evaluate(() => window.newsmark.text);
}

/** Wait until the annotation of exactly `text` is rendered (line breaks are kept as LF). */
export async function waitForResult(page, text, timeout = 60_000) {
  text = text.replace(/\r\n?/g, "\n");
  await page.waitForFunction(
    (n) => {
      const v = document.getElementById("view");
      return window.newsmark.text.length === n && !window.newsmark.busy && window.newsmark.result && v.textContent.length === n;
    },
    text.length,
    { timeout, polling: 50 },
  );
}

/**
 * Check that every highlight sits exactly on the text its span names: the mark starts at the span's
 * offset in the view's text, and the pieces of a span put together read the span's text.
 * Returns { n, bad }. Quadratic: use on article-sized texts.
 */
export async function checkMarksMatchSpans(page) {
  return page.evaluate(() => {
    const ann = window.newsmark.result;
    const text = window.newsmark.text;
    const view = document.getElementById("view");
    const lists = [ann.quotes, ann.dates, ann.entities];
    const bad = [];
    const pieces = new Map();
    for (const m of view.querySelectorAll("mark.m")) {
      const key = `${m.dataset.k}:${m.dataset.i}`;
      if (!pieces.has(key)) pieces.set(key, []);
      pieces.get(key).push(m);
    }
    for (const [key, marks] of pieces) {
      const [k, i] = key.split(":").map(Number);
      const span = lists[k][i];
      const range = document.createRange();
      range.setStart(view, 0);
      range.setEndBefore(marks[0]);
      const start = range.toString().length;
      const joined = marks.map((m) => m.textContent).join("");
      if (start !== span.start || joined !== span.text || text.slice(span.start, span.end) !== span.text) {
        bad.push({ key, start, joined, span: { start: span.start, end: span.end, text: span.text } });
      }
    }
    const total = ann.quotes.length + ann.dates.length + ann.entities.length;
    return { n: pieces.size, total, bad };
  });
}
