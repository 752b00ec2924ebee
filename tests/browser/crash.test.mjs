// A real panic inside the WebAssembly module, while the page annotates: reported in plain words,
// the user's text kept, the worker re-created, and the next edit annotated by the real module.
// The package is the built one, wrapped so that a marked text triggers its panic test hook.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { DIST, ROOT, openPage, setText, waitForResult, boxText, startPageAndBrowser, stopPageAndBrowser } from "./helpers.mjs";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startPageAndBrowser({
    overrides: {
      "pkg/index.js": join(ROOT, "tests/browser/fixtures/crash-pkg/index.js"),
      "pkg/real-index.js": join(DIST, "pkg/index.js"),
    },
  }));
});

after(() => stopPageAndBrowser({ server, browser }));

test("a panic in the module: plain words, text kept, worker re-created, next edit works", async () => {
  const { context, page, log } = await openPage(browser, server.url);
  try {
    const good = "“We will act,” said Angela Merkel in Berlin on Monday.";
    await setText(page, good);
    await waitForResult(page, good);
    const renders = await page.evaluate(() => window.newsmark.renders);
    const bad = `${good} \u2620CRASH`;
    await setText(page, bad);
    await page.waitForSelector("#alert:not([hidden])", { timeout: 30_000 });
    assert.match(await page.textContent("#alert p"), /internal error .*Your text is safe and unchanged/);
    assert.match(await page.textContent("#alert details"), /NewsmarkError/);
    assert.equal(await boxText(page), bad, "the text is kept");
    assert.equal(await page.evaluate(() => window.newsmark.renders), renders, "nothing shown for the failed run");
    // A fresh worker is up, and the next edit is annotated by the real module.
    await page.waitForFunction(() => window.newsmark.ready);
    const fixed = bad.replace(" \u2620CRASH", " Later that day, Olaf Scholz spoke in Paris.");
    await setText(page, fixed);
    await waitForResult(page, fixed);
    assert.equal(await page.$eval("#alert", (a) => a.hidden), true);
    const names = await page.evaluate(() => window.newsmark.result.entities.map((e) => e.text));
    assert.ok(names.includes("Angela Merkel") && names.includes("Paris"), `annotated after the restart: ${names}`);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});
