// The text box: typing, line breaks, pasting plain text (never markup) in the middle of a text,
// and never losing the user's text (Load example and Clear can be undone; a reload in the same tab
// brings the text back). Runs with the stand-in package: only the page is under test here.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, setText, waitForResult, boxText, startPageAndBrowser, stopPageAndBrowser } from "./helpers.mjs";
import { EXAMPLE_TEXT } from "../../www/example.js";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startPageAndBrowser({ standIn: true }));
});

after(() => stopPageAndBrowser({ server, browser }));

async function paste(page, text, html) {
  await page.evaluate(([t, h]) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    if (h) data.setData("text/html", h);
    document.getElementById("text").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, [text, html]);
}

test("typing, Enter, Backspace and pasting in the middle give exactly the text shown", async () => {
  const { context, page } = await openPage(browser, server.url);
  try {
    await page.click("#text");
    await page.keyboard.type("Hello Anna Berg");
    await page.keyboard.press("Enter");
    await page.keyboard.type("said Tom Hill in 2024.");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("End");
    assert.equal(await boxText(page), "Hello Anna Berg\nsaid Tom Hill in 2024.\n\nEnd");
    // Join the last two lines back.
    await page.keyboard.press("Home");
    await page.keyboard.press("Backspace");
    assert.equal(await boxText(page), "Hello Anna Berg\nsaid Tom Hill in 2024.\nEnd");
    // Paste several lines (with HTML on the clipboard too) in the middle of the first line.
    await page.keyboard.press("Control+Home");
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    await paste(page, " <b>bold</b>\r\nline two\n", "<b>bold</b><script>window.__ran=1</script>");
    const expected = "Hello <b>bold</b>\nline two\n Anna Berg\nsaid Tom Hill in 2024.\nEnd";
    assert.equal(await boxText(page), expected);
    assert.equal(await page.$$eval("#text b, #text script", (x) => x.length), 0, "pasted as text, not markup");
    assert.equal(await page.evaluate(() => window.__ran), undefined);
    // What the box shows is what gets annotated.
    await waitForResult(page, expected);
    assert.equal(await page.evaluate(() => document.getElementById("text").innerText.replace(/\n$/, "")), expected);
    assert.equal(await page.evaluate(() => document.getElementById("view").textContent), expected);
  } finally {
    await context.close();
  }
});

test("a large paste into the middle of a long text lands at the caret", async () => {
  const { context, page } = await openPage(browser, server.url);
  try {
    const head = "First line.\n".repeat(20_000); // 240 K characters
    const tail = "Last line.\n".repeat(20_000);
    await setText(page, head + tail);
    await page.evaluate((n) => {
      // Put the caret between head and tail: the box holds the text in blocks of whole lines.
      const box = document.getElementById("text");
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      let left = n;
      let node;
      while ((node = walker.nextNode())) {
        if (left <= node.data.length) break;
        left -= node.data.length;
      }
      box.focus();
      window.getSelection().collapse(node, left);
    }, head.length);
    const middle = "Inserted by Ann Lee.\n".repeat(10_000); // 210 K characters: laid out by the page
    await paste(page, middle);
    const text = await boxText(page);
    assert.equal(text.length, head.length + middle.length + tail.length);
    assert.ok(text === head + middle + tail, "pasted at the caret");
    await page.keyboard.type("X");
    assert.equal((await boxText(page)).slice(head.length + middle.length, head.length + middle.length + 11), "XLast line.");
  } finally {
    await context.close();
  }
});

test("Load example and Clear can be undone; a reload keeps the text", async () => {
  const { context, page } = await openPage(browser, server.url);
  try {
    await page.click("#text");
    await page.keyboard.type("My own draft about Oslo.");
    await page.click("#load-example");
    await waitForResult(page, EXAMPLE_TEXT);
    assert.match(await page.textContent("#editor-note"), /Ctrl\+Z/);
    await page.click("#text");
    await page.keyboard.press("Control+Z");
    assert.equal(await boxText(page), "My own draft about Oslo.");
    await page.click("#clear");
    assert.equal(await boxText(page), "");
    assert.match(await page.textContent("#editor-note"), /Ctrl\+Z/);
    assert.equal(await page.$eval("#text", (b) => b.classList.contains("is-empty")), true, "placeholder shows");
    await page.click("#text");
    await page.keyboard.press("Control+Z");
    assert.equal(await boxText(page), "My own draft about Oslo.");
    await waitForResult(page, "My own draft about Oslo.");
    await page.reload();
    await page.waitForFunction(() => window.newsmark && window.newsmark.ready);
    assert.equal(await boxText(page), "My own draft about Oslo.");
    await waitForResult(page, "My own draft about Oslo.");
  } finally {
    await context.close();
  }
});
