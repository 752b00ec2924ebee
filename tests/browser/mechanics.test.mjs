// Page mechanics that the real module cannot be made to show on demand, driven through a stand-in
// package with the same API (tests/browser/fixtures/mock-pkg): an internal crash reported in plain
// words with the worker re-created and the text kept; a long job's progress; a newer edit
// superseding a running job.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, pasteText, setText, waitForResult, boxText, startPageAndBrowser, stopPageAndBrowser } from "./helpers.mjs";

let server;
let browser;

before(async () => {
  // Only the page's own files are needed; the package is the stand-in.
  ({ server, browser } = await startPageAndBrowser({ standIn: true }));
});

after(() => stopPageAndBrowser({ server, browser }));

test("a crash inside the module is reported in plain words, the text kept and the worker re-created", async () => {
  const { context, page, log } = await openPage(browser, server.url);
  try {
    await pasteText(page, "First “draft” by Ann Lee in 2024.");
    const before = await page.evaluate(() => window.newsmark.renders);
    const bad = "Ann Lee wrote “this” in 2025. \u2620CRASH and more words";
    await setText(page, bad);
    await page.waitForSelector("#alert:not([hidden])");
    const message = await page.textContent("#alert p");
    assert.match(message, /internal error/);
    assert.match(message, /Your text is safe and unchanged/);
    assert.doesNotMatch(message, /NewsmarkError|unreachable|wasm/i, "plain words first; the technical detail is folded away");
    assert.match(await page.textContent("#alert details"), /NewsmarkError/);
    assert.equal(await boxText(page), bad, "the text is kept");
    assert.equal(await page.evaluate(() => window.newsmark.renders), before, "no result from the crashed job");
    // The worker comes back and the next edit is annotated.
    await page.waitForFunction(() => window.newsmark.ready);
    await page.click("#text");
    await page.keyboard.press("Control+End");
    for (let i = 0; i < "and more words".length; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("fixed");
    await setText(page, (await boxText(page)).replace("\u2620CRASH", ""));
    const fixed = await boxText(page);
    await waitForResult(page, fixed);
    assert.equal(await page.$eval("#alert", (a) => a.hidden), true, "the alert clears after a good run");
    assert.ok(await page.$$eval("#view mark", (m) => m.length) > 0);
    assert.ok(fixed.endsWith("fixed"), "typing after the crash reached the text box");
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

test("a long job shows progress and is superseded by the next edit", async (t) => {
  const { context, page } = await openPage(browser, server.url);
  try {
    // 6 M characters in 30 chunks; the stand-in takes 250 ms per chunk because of SLOWMOCK.
    const para = "SLOWMOCK Ann Lee met Bob Stone in Paris in 2021. “We talked,” she said.\n\n";
    const big = para.repeat(Math.ceil(6_000_000 / para.length));
    await setText(page, big);
    await page.waitForFunction(() => {
      const p = document.getElementById("progress");
      return !p.hidden && p.value > 0 && p.value < 1;
    }, null, { timeout: 20_000, polling: 20 });
    assert.match(await page.textContent("#status"), /Annotating .*\d+%/);
    const progress = [];
    for (let i = 0; i < 3; i++) {
      progress.push(await page.$eval("#progress", (p) => p.value));
      await page.waitForTimeout(300);
    }
    assert.ok(progress[2] > progress[0], `progress moves: ${progress}`);
    const before = await page.evaluate(() => ({ renders: window.newsmark.renders, stale: window.newsmark.stale }));
    // The next edit (Clear, then a paste) replaces the text: the old job stops at its next chunk
    // instead of running its remaining chunks (about 20 of them, 250 ms each).
    const small = "Carla Diaz flew to Lima in 2023.";
    const t0 = Date.now();
    await setText(page, small);
    await waitForResult(page, small);
    t.diagnostic(`new text annotated ${Date.now() - t0} ms after the edit`);
    assert.equal(await page.$eval("#progress", (p) => p.hidden), true);
    await page.waitForTimeout(3000);
    const after = await page.evaluate(() => ({ renders: window.newsmark.renders, stale: window.newsmark.stale }));
    assert.ok(after.stale - before.stale <= 2, `the old job stopped (${after.stale - before.stale} messages from it after the edit)`);
    // The stale job's result never shows up.
    assert.equal(after.renders, before.renders + 1);
    assert.equal(await page.evaluate(() => document.getElementById("view").textContent), small);
  } finally {
    await context.close();
  }
});
