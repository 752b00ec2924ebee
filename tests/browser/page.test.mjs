// The page in real headless Chromium with the built package: highlights for every layer, legend
// toggles, tooltips on hover and keyboard focus, side lists, JSON export, CSP, no network after
// load, XSS payloads shown as text, emoji and right-to-left text, and the README screenshot.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { openPage, pasteText, setText, waitForResult, checkMarksMatchSpans, boxText, ROOT, DIST, startPageAndBrowser, stopPageAndBrowser } from "./helpers.mjs";
import { EXAMPLE_TEXT, EXAMPLE_DATE } from "../../www/example.js";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startPageAndBrowser());
});

after(() => stopPageAndBrowser({ server, browser }));

async function loadExample(page) {
  await page.click("#load-example");
  await waitForResult(page, EXAMPLE_TEXT);
}

test("the page loads from a sub-path with a strict CSP, and nothing inline", async () => {
  const { context, page, log } = await openPage(browser, server.url);
  try {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.ok(csp, "CSP meta present");
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'", "base-uri 'none'"]) {
      assert.ok(csp.includes(directive), `CSP has ${directive}`);
    }
    assert.ok(!/unsafe-inline|unsafe-eval'|\*/.test(csp.replace("'wasm-unsafe-eval'", "")), "no unsafe-inline, unsafe-eval or wildcards");
    await loadExample(page);
    const inline = await page.evaluate(() => ({
      scripts: [...document.scripts].filter((s) => !s.src).length,
      styleAttrs: document.querySelectorAll("[style]").length,
      styleTags: document.querySelectorAll("style").length,
      handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    }));
    assert.deepEqual(inline, { scripts: 0, styleAttrs: 0, styleTags: 0, handlers: 0 });
    // Hover and focus (the tooltip is placed through CSSOM, which the policy allows): no violation.
    await page.hover("#view mark.m");
    await page.focus("#view mark.q");
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    // Every request the page made stayed under the sub-path, relative to the page.
    for (const url of log.requests) assert.ok(url.startsWith(server.url), `request outside the site: ${url}`);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.console.filter((m) => /Content Security Policy|Refused/.test(m)), []);
    // The reference date defaults to today, shown in the field.
    const { page: fresh } = await openPage(browser, server.url);
    const shown = await fresh.inputValue("#refdate");
    const today = await fresh.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    assert.equal(shown, today);
    await fresh.context().close();
  } finally {
    await context.close();
  }
});

test("the example is highlighted on every layer, each mark exactly on its span", async () => {
  const { context, page, log } = await openPage(browser, server.url);
  try {
    await loadExample(page);
    assert.equal(await page.inputValue("#refdate"), EXAMPLE_DATE);
    const counts = await page.evaluate(() => {
      const n = (sel) => document.querySelectorAll(`#view ${sel}`).length;
      return { q: n("mark.q"), d: n("mark.d"), per: n("mark.e.per"), org: n("mark.e.org"), loc: n("mark.e.loc"), misc: n("mark.e.misc") };
    });
    for (const [kind, n] of Object.entries(counts)) assert.ok(n > 0, `some ${kind} highlighted (got ${JSON.stringify(counts)})`);
    // The view reads exactly the text typed, and every mark sits on its span.
    assert.equal(await page.evaluate(() => document.getElementById("view").textContent), EXAMPLE_TEXT);
    const check = await checkMarksMatchSpans(page);
    assert.deepEqual(check.bad, []);
    assert.equal(check.n, check.total);
    // A quote with its speaker found, and an entity nested inside a quote somewhere in the text.
    const ann = await page.evaluate(() => window.newsmark.result);
    assert.ok(ann.quotes.some((q) => q.speaker && q.speaker.name), "a quote has a speaker");
    // Legend counts match the result.
    const legend = await page.$$eval("#legend .chip", (chips) => chips.map((c) => [c.dataset.kind, Number(c.querySelector(".n").textContent.replace(/\D/g, ""))]));
    const byLabel = (l) => ann.entities.filter((e) => e.label === l).length;
    assert.deepEqual(Object.fromEntries(legend), { q: ann.quotes.length, d: ann.dates.length, per: byLabel("PER"), org: byLabel("ORG"), loc: byLabel("LOC"), misc: byLabel("MISC") });
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

test("a legend chip toggles its layer off and on again", async () => {
  const { context, page } = await openPage(browser, server.url);
  try {
    await loadExample(page);
    const bg = () => page.$eval("#view mark.d", (m) => getComputedStyle(m).backgroundColor);
    const on = await bg();
    assert.notEqual(on, "rgba(0, 0, 0, 0)");
    const chip = page.locator('#legend [data-kind="d"]');
    await chip.click();
    assert.equal(await chip.getAttribute("aria-pressed"), "false");
    assert.equal(await bg(), "rgba(0, 0, 0, 0)");
    assert.equal(await page.$eval("#view mark.d:not(.cont)", (m) => m.tabIndex), -1, "hidden marks leave the tab order");
    // Other layers stay highlighted.
    assert.notEqual(await page.$eval("#view mark.e", (m) => getComputedStyle(m).backgroundColor), "rgba(0, 0, 0, 0)");
    await chip.click();
    assert.equal(await chip.getAttribute("aria-pressed"), "true");
    assert.equal(await bg(), on);
    assert.equal(await page.$eval("#view mark.d:not(.cont)", (m) => m.tabIndex), 0);
  } finally {
    await context.close();
  }
});

test("tooltips show details on hover and on keyboard focus", async () => {
  const { context, page } = await openPage(browser, server.url);
  try {
    await loadExample(page);
    const ann = await page.evaluate(() => window.newsmark.result);
    // Hover a date: its normalised value and type.
    const di = ann.dates.findIndex((d) => /^\d{4}-\d{2}-\d{2}/.test(d.value)) >= 0 ? ann.dates.findIndex((d) => /^\d{4}-\d{2}-\d{2}/.test(d.value)) : 0;
    await page.hover(`#view mark.d[data-i="${di}"]`);
    await page.waitForSelector("#tip:not([hidden])");
    let tip = await page.textContent("#tip");
    assert.ok(tip.includes(ann.dates[di].value), `tip shows ${ann.dates[di].value}: ${tip}`);
    assert.ok(tip.includes(ann.dates[di].type));
    // Hover an entity: its canonical name and label.
    const ei = ann.entities.findIndex((e) => e.label === "PER");
    await page.hover(`#view mark.e[data-i="${ei}"]`);
    tip = await page.textContent("#tip");
    assert.ok(tip.includes(ann.groups[ann.entities[ei].group].name), `tip shows canonical name: ${tip}`);
    assert.ok(tip.includes("PER"));
    // Moving away hides it.
    await page.hover("h1");
    assert.equal(await page.$eval("#tip", (t) => t.hidden), true);
    // Keyboard: Tab from the text view onto its first mark.
    await page.focus("#view");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({ tag: document.activeElement.tagName, k: document.activeElement.dataset.k, i: document.activeElement.dataset.i, described: document.activeElement.getAttribute("aria-describedby") }));
    assert.equal(focused.tag, "MARK");
    assert.equal(focused.described, "tip");
    assert.equal(await page.$eval("#tip", (t) => t.hidden), false);
    tip = await page.textContent("#tip");
    assert.ok(tip.length > 0);
    // A quote's tooltip names its speaker and cue.
    const qi = ann.quotes.findIndex((q) => q.speaker && q.cue);
    assert.ok(qi >= 0, "a quote with speaker and cue");
    await page.focus(`#view mark.q[data-i="${qi}"]`);
    tip = await page.textContent("#tip");
    assert.ok(tip.includes(ann.quotes[qi].speaker.name), `speaker in tip: ${tip}`);
    assert.ok(tip.includes(ann.quotes[qi].cue.text), `cue in tip: ${tip}`);
    await page.keyboard.press("Escape");
    assert.equal(await page.$eval("#tip", (t) => t.hidden), true);
  } finally {
    await context.close();
  }
});

test("side lists: quotes by speaker, names with counts, dates in order; a click goes to the span", async () => {
  const { context, page } = await openPage(browser, server.url);
  try {
    await loadExample(page);
    const ann = await page.evaluate(() => window.newsmark.result);
    const speakers = await page.$$eval("#quotes-list .group-title", (hs) => hs.map((h) => h.firstChild.textContent.trim()));
    const named = [...new Set(ann.quotes.filter((q) => q.speaker).map((q) => q.speaker.name))];
    for (const name of named) assert.ok(speakers.includes(name), `speaker ${name} listed`);
    const entityItems = await page.$$eval("#entities-list .entity-item", (bs) => bs.map((b) => [b.querySelector(".name").textContent, Number(b.querySelector(".count").textContent.replace(/\D/g, ""))]));
    assert.equal(entityItems.length, ann.groups.filter((g) => g.mentions.length).length);
    for (const [name, n] of entityItems) {
      const g = ann.groups.find((x) => x.name === name);
      assert.ok(g, `group ${name}`);
      assert.equal(n, g.mentions.length);
    }
    for (let i = 1; i < entityItems.length; i++) assert.ok(entityItems[i - 1][1] >= entityItems[i][1], "most mentioned first");
    const dateValues = await page.$$eval("#dates-list .value", (vs) => vs.map((v) => v.textContent));
    const anchored = dateValues.filter((v) => /^\d{4}/.test(v));
    assert.deepEqual(anchored, [...anchored].sort(), "anchored dates in time order");
    // Clicking an entity goes to its first mention, focuses and flashes it; again goes to the next.
    const item = page.locator("#entities-list .entity-item").first();
    const gid = Number(await item.getAttribute("data-g"));
    await item.click();
    const first = await page.evaluate(() => ({ i: Number(document.activeElement.dataset.i), flash: document.activeElement.classList.contains("flash") }));
    assert.equal(first.i, ann.groups[gid].mentions[0]);
    assert.ok(first.flash);
    if (ann.groups[gid].mentions.length > 1) {
      await item.click();
      assert.equal(await page.evaluate(() => Number(document.activeElement.dataset.i)), ann.groups[gid].mentions[1]);
    }
    // Clicking a date item focuses that date's mark, inside the scrolled view.
    const dateItem = page.locator("#dates-list .date-item").last();
    const di = Number(await dateItem.getAttribute("data-i"));
    await dateItem.click();
    assert.equal(await page.evaluate(() => document.activeElement.dataset.k + ":" + document.activeElement.dataset.i), `1:${di}`);
  } finally {
    await context.close();
  }
});

test("export JSON downloads the result shape with spans that slice the text", async () => {
  const { context, page } = await openPage(browser, server.url);
  try {
    await loadExample(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
    assert.match(download.suggestedFilename(), /^newsmark-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile(await download.path(), "utf8"));
    for (const key of ["version", "referenceDate", "quotes", "dates", "entities", "groups"]) assert.ok(key in data, `export has ${key}`);
    assert.equal(data.referenceDate, EXAMPLE_DATE);
    assert.ok(data.quotes.length && data.dates.length && data.entities.length);
    for (const span of [...data.quotes, ...data.dates, ...data.entities]) {
      assert.equal(EXAMPLE_TEXT.slice(span.start, span.end), span.text);
    }
    assert.deepEqual(data, await page.evaluate(() => window.newsmark.result));
  } finally {
    await context.close();
  }
});

const XSS = [
  "<img src=x onerror=alert(1)>",
  '<script>alert("s")</script>',
  '"><svg onload=alert(2)>',
  "<iframe src=\"javascript:alert(3)\"></iframe>",
  "</textarea><img src=x onerror=window.__xss=1>",
  "<a href=javascript:alert(4)>click</a> <b onmouseover=alert(5)>Paris</b>",
  "&lt;img src=x onerror=alert(6)&gt; ${alert(7)} {{constructor.constructor('alert(8)')()}}",
];

test("XSS payloads are shown as text and never run", async () => {
  const { context, page, log } = await openPage(browser, server.url);
  try {
    await page.evaluate(() => {
      window.__xss = 0;
      window.alert = () => { window.__xss++; };
    });
    const text = `“${XSS[0]},” said Angela Merkel in Berlin on Monday.\n` + XSS.join("\n") + '\n“<img src=x onerror=alert(9)>” said Barack Obama on 4 July 2016.\n';
    await pasteText(page, text);
    assert.equal(await page.evaluate(() => document.getElementById("view").textContent), text);
    const result = await page.evaluate(() => ({
      imgs: document.querySelectorAll("#view img, #view svg, #view script, #view iframe, #view a, #view b").length,
      lists: document.querySelectorAll("aside img, aside svg, aside script, aside iframe").length,
      xss: window.__xss,
      marks: document.querySelectorAll("#view mark").length,
    }));
    assert.equal(result.imgs, 0);
    assert.equal(result.lists, 0);
    assert.equal(result.xss, 0);
    // Hover and focus every mark: the tooltip never turns text into markup either.
    for (const m of await page.$$("#view mark.m:not(.cont)")) {
      await m.hover();
      await m.focus();
    }
    assert.equal(await page.evaluate(() => document.querySelectorAll("#tip *:not(div):not(span):not(strong):not(dl):not(dt):not(dd)").length), 0);
    await page.waitForTimeout(300);
    assert.deepEqual(log.dialogs, []);
    assert.deepEqual(log.errors, []);
    assert.equal(await page.evaluate(() => window.__xss), 0);
    // Nothing was fetched for the payloads' URLs.
    assert.deepEqual(log.requests.filter((u) => /\/x$|javascript:/.test(u)), []);
    const check = await checkMarksMatchSpans(page);
    assert.deepEqual(check.bad, []);
  } finally {
    await context.close();
  }
});

test("no network request after load, whatever the user does", async () => {
  const { context, page, log } = await openPage(browser, server.url);
  try {
    // Loaded: the page, its scripts, the worker and the WebAssembly module.
    assert.ok(log.requests.some((u) => u.endsWith(".wasm")), `the module was fetched at load: ${log.requests.join(" ")}`);
    await page.waitForTimeout(500);
    const atLoad = log.requests.length;
    await loadExample(page);
    await page.locator('#legend [data-kind="per"]').click();
    await page.locator('#legend [data-kind="per"]').click();
    await page.hover("#view mark.e");
    await page.focus("#view mark.q");
    await page.locator("#entities-list .entity-item").first().click();
    await page.locator("#dates-list .date-item").first().click();
    await page.fill("#refdate", "2024-02-29");
    await page.dispatchEvent("#refdate", "change");
    await page.check("#dayfirst");
    await page.waitForFunction(() => !window.newsmark.busy && window.newsmark.result.referenceDate === "2024-02-29");
    await Promise.all([page.waitForEvent("download"), page.click("#export")]);
    await page.click("#text");
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Extra words typed by Maria Lopez in Madrid on Friday.");
    await page.waitForFunction(() => !window.newsmark.busy && window.newsmark.result && document.getElementById("view").textContent === window.newsmark.text);
    await pasteText(page, "<img src=x onerror=alert(1)> “Hello,” said Kim.");
    await page.click("#clear");
    await page.waitForTimeout(500);
    const after = log.requests.slice(atLoad).filter((u) => !u.startsWith("blob:") && !u.startsWith("data:"));
    assert.deepEqual(after, [], "requests after load");
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  } finally {
    await context.close();
  }
});

test("emoji, right-to-left and combining text: highlights land on the right characters", async () => {
  const { context, page } = await openPage(browser, server.url);
  try {
    const text = [
      "👩🏽‍💻🚀 Angela Merkel met Emmanuel Macron in Paris on 3 March 2021. 🇫🇷🇩🇪",
      "مرحبا بالعالم — “We agree on everything,” said Macron. שלום עולם",
      "Ｚürich café naïve: Ångström e\u0301le\u0300ve 𝒜𝒷𝒸 visited Berlin on Monday, 8 March 2021.",
      "",
    ].join("\r\n");
    await page.fill("#refdate", "2021-03-10");
    await page.dispatchEvent("#refdate", "change");
    await pasteText(page, text);
    // The text box keeps line breaks as LF: the page annotates exactly what the box holds.
    const stored = text.replace(/\r\n/g, "\n");
    assert.equal(await boxText(page), stored);
    assert.equal(await page.evaluate(() => document.getElementById("view").textContent), stored);
    const check = await checkMarksMatchSpans(page);
    assert.deepEqual(check.bad, []);
    assert.equal(check.n, check.total);
    const ann = await page.evaluate(() => window.newsmark.result);
    const names = ann.entities.map((e) => e.text);
    for (const n of ["Angela Merkel", "Emmanuel Macron", "Paris"]) assert.ok(names.includes(n), `${n} found after emoji: ${names}`);
    const berlin = ann.entities.find((e) => e.text === "Berlin");
    assert.ok(berlin, "Berlin found after combining marks and astral letters");
    assert.equal(await page.textContent(`#view mark.e[data-i="${ann.entities.indexOf(berlin)}"]`), "Berlin");
    assert.ok(ann.dates.some((d) => d.text.includes("3 March 2021")), "date after emoji");
    assert.ok(ann.quotes.some((q) => q.text.startsWith("“We agree")), "quote inside right-to-left text");
  } finally {
    await context.close();
  }
});

test("screenshot of the page with the example loaded (README)", async () => {
  const { context, page } = await openPage(browser, server.url, { viewport: { width: 1440, height: 1000 } });
  try {
    await loadExample(page);
    const ann = await page.evaluate(() => window.newsmark.result);
    const qi = ann.quotes.findIndex((q) => q.speaker);
    await page.evaluate(() => document.activeElement.blur());
    if (qi >= 0) await page.hover(`#view mark.q[data-i="${qi}"]`);
    const file = join(ROOT, "www", "screenshot.png");
    await page.screenshot({ path: file });
    const png = await readFile(file);
    assert.equal(png.subarray(1, 4).toString(), "PNG");
    assert.ok(png.length > 20_000);
  } finally {
    await context.close();
  }
});

test("hostile and odd input: shown exactly, highlighted in place, nothing breaks", { timeout: 240_000 }, async () => {
  const { context, page, log } = await openPage(browser, server.url);
  try {
    const inputs = {
      "all capitals": "PRESIDENT JOE BIDEN SAID ON MONDAY 4 MARCH 2024 THAT “WE WILL WIN,” IN WASHINGTON.",
      "no spaces": "AngelaMerkelmetEmmanuelMacroninParison3March2021“Weagree,”saidMacron.".repeat(200),
      "NUL and control characters": "Ann\u0000 Lee said\u0007 “hi\u0001” in Oslo\u001b on 2 May 2024.\u000b\u000c\u0085\u2028\u2029",
      "lone surrogates": "Anna \ud800Berg met Tom Hill\udc00 in Paris on 3 March 2021. “Yes\ud83d,” said Hill.",
      "unbalanced marks": "“He said ”yes“ and „no” and «maybe» ‘on Friday’ \"Ann Lee\" said '' “ “ ” 2024",
      "100,000 quote marks": "“".repeat(50_000) + " Ann Lee " + "”".repeat(50_000),
      "pasted HTML": '<p class="x">Ann <b>Lee</b> said “hi” on <time datetime="2024-05-02">2 May</time></p><style>*{display:none}</style>',
      "combining marks and CRLF": "Zoe\u0308 Sa\u0301nchez visited Me\u0301xico City\r\non 5 June 2023.\r\n“Bien,” she said.\r\n",
    };
    // Empty and whitespace only: nothing to annotate, the invitation to paste stays.
    for (const text of ["", " \n\t \n"]) {
      await setText(page, text);
      await page.waitForTimeout(400);
      assert.equal(await page.evaluate(() => window.newsmark.result), null);
      assert.ok(await page.$("#view .empty"), "the view invites a paste");
    }
    for (const [name, text] of Object.entries(inputs)) {
      await setText(page, text);
      const stored = await boxText(page);
      await waitForResult(page, stored, 120_000);
      assert.equal(await page.evaluate(() => document.getElementById("view").textContent), stored, `${name}: the view shows the text`);
      if (stored.length < 20_000) {
        const check = await checkMarksMatchSpans(page);
        assert.deepEqual(check.bad, [], `${name}: marks on their spans`);
        assert.equal(check.n, check.total, `${name}: every span shown`);
      }
      assert.equal(await page.$$eval("#view *:not(div.seg):not(mark)", (x) => x.length), 0, `${name}: only marks and text`);
    }
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.dialogs, []);
    assert.equal(await page.$eval("#alert", (a) => a.hidden), true, "no failure reported");
  } finally {
    await context.close();
  }
});

for (const scheme of ["light", "dark"]) {
  test(`readable and labelled in ${scheme} mode: contrast of text and highlights, names of controls`, async () => {
    const { context, page } = await openPage(browser, server.url, { colorScheme: scheme });
    try {
      await loadExample(page);
      const report = await page.evaluate(() => {
        const rgb = (s) => {
          const m = s.match(/[\d.]+/g).map(Number);
          return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 };
        };
        const lum = ({ r, g, b }) => {
          const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        // The colour actually behind an element: its background over its ancestors' backgrounds.
        const behind = (el) => {
          const layers = [];
          for (let e = el; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.a > 0) layers.push(c);
            if (c.a === 1) break;
          }
          let out = { r: 255, g: 255, b: 255 };
          for (const c of layers.reverse()) out = { r: c.r * c.a + out.r * (1 - c.a), g: c.g * c.a + out.g * (1 - c.a), b: c.b * c.a + out.b * (1 - c.a) };
          return out;
        };
        const ratio = (el) => {
          const a = lum(rgb(getComputedStyle(el).color));
          const b = lum(behind(el));
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        };
        const samples = {};
        for (const sel of ["#view mark.q", "#view mark.d", "#view mark.e.per", "#view mark.e.org", "#view mark.e.loc", "#view mark.e.misc", "#view", "#text", ".tagline", "#status", "#refnote", ".chip", ".btn-primary", ".date-item .value", ".entity-item .name", ".quote-item", ".tag"]) {
          const el = document.querySelector(sel);
          samples[sel] = el ? Math.round(ratio(el) * 10) / 10 : null;
        }
        const unnamed = [...document.querySelectorAll("button, input, [role=textbox], a[href]")]
          .filter((el) => !(el.getAttribute("aria-label") || el.labels?.[0]?.textContent || el.textContent.trim() || (el.getAttribute("aria-labelledby") && document.getElementById(el.getAttribute("aria-labelledby")))))
          .map((el) => el.outerHTML.slice(0, 80));
        return { samples, unnamed, live: document.getElementById("status").getAttribute("aria-live") };
      });
      for (const [sel, r] of Object.entries(report.samples)) {
        assert.ok(r !== null, `${sel} present`);
        assert.ok(r >= 4.5, `${scheme}: contrast of ${sel} is ${r}:1 (need 4.5:1)`);
      }
      assert.deepEqual(report.unnamed, [], "every control has a name");
      assert.equal(report.live, "polite");
    } finally {
      await context.close();
    }
  });
}

test("opened as a file instead of through a server, the page says what to do", async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`file://${join(DIST, "index.html")}`);
    await page.waitForSelector("#alert:not([hidden])", { timeout: 10_000 });
    assert.match(await page.textContent("#alert"), /web server/);
  } finally {
    await context.close();
  }
});
