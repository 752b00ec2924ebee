// The built npm package (pkg/) under Node: result shape against index.d.ts, UTF-16 offsets on odd
// text, agreement with the native CLI, options and input errors, lone surrogates, and recovery
// after an internal error (a Rust panic traps the instance).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import {
  PKG,
  ROOT,
  annotateNative,
  checkSpans,
  checkType,
  exampleTexts,
  parseDeclarations,
} from "./helpers.mjs";

const nm = await (await import("./helpers.mjs")).loadPackage();
const decls = parseDeclarations(fs.readFileSync(path.join(PKG, "index.d.ts"), "utf8"));
const REF = "2019-01-08";

test("the declarations cover every result type", () => {
  for (const name of ["Annotation", "Quote", "Speaker", "Cue", "Timex", "RangeRef", "Entity", "Group", "Options"]) {
    assert.ok(decls.interfaces[name], `index.d.ts declares ${name}`);
  }
  assert.deepEqual(Object.keys(decls.interfaces.Timex.fields), ["start", "end", "text", "type", "value", "range"]);
});

test("results are plain objects exactly as index.d.ts declares them", async () => {
  const seen = { quotes: 0, dates: 0, entities: 0, groups: 0, speakers: 0, cues: 0 };
  for (const [name, text] of exampleTexts()) {
    for (const options of [{ referenceDate: REF }, undefined, { layers: ["dates"] }]) {
      const r = await nm.annotate(text, options);
      const problems = checkType(decls, "Annotation", r, `${name}`);
      assert.deepEqual(problems, [], problems.slice(0, 10).join("\n"));
      for (const k of ["quotes", "dates", "entities", "groups"]) seen[k] += r[k].length;
      seen.speakers += r.quotes.filter((q) => q.speaker).length;
      seen.cues += r.quotes.filter((q) => q.cue).length;
    }
  }
  console.log(`# shape checked on ${JSON.stringify(seen)}`);
});

test("version matches Cargo.toml and the results", async () => {
  const cargo = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8");
  const v = /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1];
  assert.equal(nm.version, v);
  assert.equal((await nm.annotate("x")).version, v);
  const pkgJson = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  assert.equal(pkgJson.version, v);
});

test("UTF-16 offsets: text.slice(start, end) === span.text for every span of every layer", async (t) => {
  let total = 0;
  for (const [name, text] of exampleTexts()) {
    const r = await nm.annotate(text, { referenceDate: REF });
    total += checkSpans(assert, text, r, name);
    // The same text behind a prefix of astral characters: every offset shifts by the prefix length.
    const prefix = "😀𝔘\u0301é中\r\n";
    const r2 = await nm.annotate(prefix + text, { referenceDate: REF });
    checkSpans(assert, prefix + text, r2, `${name} (prefixed)`);
  }
  if (total === 0) t.skip("the core found no span in any example text yet");
  console.log(`# ${total} spans checked`);
});

test("the WebAssembly results equal the native CLI's (offsets converted)", async () => {
  for (const [name, text] of exampleTexts()) {
    if (!text.isWellFormed()) continue;
    const wasm = await nm.annotate(text, { referenceDate: REF });
    const native = annotateNative(text, REF);
    assert.deepEqual(wasm, native, `${name}: wasm and native results differ`);
  }
});

test("layers, referenceDate and dayFirst options", async () => {
  const text = "Angela Merkel said on 1/7/2019 in Berlin: “We will act.” She left yesterday.";
  const all = await nm.annotate(text, { referenceDate: REF });
  const datesOnly = await nm.annotate(text, { referenceDate: REF, layers: ["dates"] });
  assert.deepEqual(datesOnly.dates, all.dates);
  assert.deepEqual([datesOnly.quotes, datesOnly.entities, datesOnly.groups], [[], [], []]);
  assert.deepEqual(await nm.annotate(text, { referenceDate: REF, layers: "dates" }), datesOnly);
  assert.deepEqual(
    await nm.annotate(text, { referenceDate: REF, layers: { quotes: false, entities: false } }),
    datesOnly,
  );
  const none = await nm.annotate(text, { layers: [] });
  assert.deepEqual([none.quotes, none.dates, none.entities], [[], [], []]);
  const ents = await nm.annotate(text, { referenceDate: REF, layers: ["entities"] });
  assert.deepEqual(ents.entities, all.entities);
  assert.deepEqual(ents.dates, []);

  assert.equal(all.referenceDate, REF);
  assert.equal(all.referenceDateSource, "option");
  const fromDate = await nm.annotate(text, { referenceDate: new Date(2019, 0, 8) });
  assert.equal(fromDate.referenceDate, REF);
  const noRef = await nm.annotate("Nothing to date here.", {});
  assert.equal(noRef.referenceDate, null);
  assert.equal(noRef.referenceDateSource, "none");
  assert.equal((await nm.annotate("Nothing to date here.", { referenceDate: "" })).referenceDateSource, "none");
  assert.equal((await nm.annotate(text, null)).version, nm.version);

  const dayFirst = await nm.annotate(text, { referenceDate: REF, dayFirst: true });
  const monthFirst = await nm.annotate(text, { referenceDate: REF, dayFirst: false });
  assert.deepEqual(monthFirst, all);
  if (all.dates.some((d) => d.text.includes("1/7/2019"))) {
    assert.notDeepEqual(dayFirst.dates, monthFirst.dates, "dayFirst changes how 1/7/2019 reads");
  }
});

test("bad options throw clear JS errors, and the module keeps working", async () => {
  const cases = [
    [{ referenceDate: "2019-13-40" }, RangeError, /referenceDate.*2019-13-40/],
    [{ referenceDate: "yesterday" }, RangeError, /referenceDate/],
    [{ referenceDate: 20190108 }, TypeError, /referenceDate must be/],
    [{ referenceDate: new Date(NaN) }, RangeError, /invalid Date/],
    [{ layers: ["date"] }, RangeError, /unknown layer "date"/],
    [{ layers: ["dates", 3] }, TypeError, /layers must contain only/],
    [{ layers: { people: true } }, RangeError, /unknown layer "people"/],
    [{ layers: { dates: "yes" } }, TypeError, /layers.dates must be true or false/],
    [{ layers: 5 }, TypeError, /layers must be/],
    [{ dayFirst: "yes" }, TypeError, /dayFirst must be true or false/],
    [{ refDate: REF }, TypeError, /unknown option "refDate"/],
    ["dates", TypeError, /options must be an object/],
    [["dates"], TypeError, /options must be an object/],
    [() => {}, TypeError, /options must be an object/],
  ];
  const before = await nm.annotate("Angela Merkel said on Monday: “Yes.”", { referenceDate: REF });
  for (const [options, type, message] of cases) {
    await assert.rejects(nm.annotate("Some text.", options), (e) => {
      assert.ok(e instanceof type, `${JSON.stringify(options)} → ${e.name}: ${e.message}`);
      assert.match(e.message, message);
      assert.match(e.message, /^newsmark: /);
      return true;
    });
    assert.throws(() => nm.annotateSync("Some text.", options), type);
  }
  assert.deepEqual(await nm.annotate("Angela Merkel said on Monday: “Yes.”", { referenceDate: REF }), before);
});

test("non-string input is a TypeError with a clear message", async () => {
  for (const [value, what] of [
    [undefined, "undefined"],
    [null, "null"],
    [42, "number"],
    [{ text: "x" }, "object"],
    [["x"], "an array"],
    [new String("x"), "object"],
    [Buffer.from("x"), "object"],
    [Symbol("x"), "symbol"],
  ]) {
    await assert.rejects(nm.annotate(value), (e) => {
      assert.ok(e instanceof TypeError);
      assert.equal(e.message, `newsmark: text must be a string, got ${what}`);
      return true;
    });
    assert.throws(() => nm.annotateSync(value), TypeError);
  }
});

test("lone surrogates: offsets still match text.slice", async () => {
  const texts = [
    "\ud800Angela Merkel said on 7 January 2019 in Berlin: “We \udc00 will act.” \ud83d",
    "Kim Jong-un \udfff visited China on Tuesday, \ud800\ud800 Xinhua reported.",
    "\udc00",
    "\ud800".repeat(1000) + " Joe Biden said on Monday “no”.",
  ];
  for (const text of texts) {
    const r = await nm.annotate(text, { referenceDate: REF });
    checkSpans(assert, text, r, JSON.stringify(text.slice(0, 30)));
    // Same offsets as the well-formed text with U+FFFD in place of each lone surrogate.
    const r2 = await nm.annotate(text.toWellFormed(), { referenceDate: REF });
    const offsets = (x) => [...x.quotes, ...x.dates, ...x.entities].map((s) => [s.start, s.end]);
    assert.deepEqual(offsets(r), offsets(r2));
  }
});

test("odd input never throws: empty, huge, controls, 100k quote marks", async () => {
  const inputs = [
    "",
    "\u0000".repeat(1000),
    "“".repeat(100_000),
    "A".repeat(200_000),
    "The President said “yes”. ".repeat(20_000),
    "<img src=x onerror=alert(1)>",
  ];
  for (const text of inputs) {
    const r = await nm.annotate(text, { referenceDate: REF });
    checkSpans(assert, text, r, `${text.slice(0, 20)}… (${text.length})`);
  }
});

test("an internal error (Rust panic) is reported in plain words and the next call works", async () => {
  const text = "Angela Merkel said on Monday in Berlin: “We will act.”";
  const before = await nm.annotate(text, { referenceDate: REF });
  for (let round = 0; round < 3; round++) {
    let caught;
    try {
      nm.__panicForTest();
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof nm.NewsmarkError, `round ${round}: a NewsmarkError, got ${caught}`);
    assert.ok(caught instanceof Error);
    assert.equal(caught.name, "NewsmarkError");
    assert.equal(caught.message, "newsmark hit an internal error on this text and restarted; your text is unchanged");
    assert.match(caught.panic, /test panic/);
    assert.ok(caught.cause instanceof WebAssembly.RuntimeError);
    assert.deepEqual(await nm.annotate(text, { referenceDate: REF }), before, "async call after restart");
    assert.deepEqual(nm.annotateSync(text, { referenceDate: REF }), before, "sync call after restart");
  }
});

test("annotateSync before init() says what to do; init() accepts bytes", () => {
  const entry = JSON.stringify(path.join(PKG, "index.js"));
  const wasm = JSON.stringify(path.join(PKG, "newsmark_bg.wasm"));
  const script = `
    const nm = await import(${entry});
    try { nm.annotateSync("x"); console.log("no error"); } catch (e) { console.log(e.message); }
    await nm.init((await import("node:fs")).readFileSync(${wasm}));
    console.log(nm.annotateSync("x").version === nm.version);
    await Promise.all([nm.init(), nm.init(), nm.annotate("y")]);
    console.log("ok");`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split("\n"), [
    "newsmark: not initialised yet: `await init()` before annotateSync()",
    "true",
    "ok",
  ]);
});

test("concurrent first calls share one initialisation", () => {
  const entry = JSON.stringify(path.join(PKG, "index.js"));
  const script = `
    const nm = await import(${entry});
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => nm.annotate("Call " + i + " on Monday.")));
    console.log(rs.length, rs.every((r) => r.version === nm.version));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), "20 true");
});

test("wasmMemoryBytes: memory grows with the input and stays within 64 MiB for a 10 MB text, all layers", async () => {
  await nm.init();
  const before = nm.wasmMemoryBytes();
  assert.ok(before.current >= 65536 && before.current % 65536 === 0, JSON.stringify(before));
  // News-like density: one quote, one date and a few names in ~400 bytes of prose.
  const para =
    "\u201cWe will talk,\u201d Angela Merkel told Xi Jinping on Monday in Berlin, according to the Chancellery. " +
    "The two leaders discussed trade, the climate and the situation in the region over a long working lunch, " +
    "and officials on both sides said that the atmosphere had been constructive, if not always warm, throughout " +
    "a meeting that had been planned for several months and postponed twice because of other commitments.\n\n";
  const mid = para.repeat(2_500); // ~1 MB
  await nm.annotate(mid, { referenceDate: REF });
  const afterMid = nm.wasmMemoryBytes();
  assert.ok(afterMid.peak >= afterMid.current && afterMid.current >= before.current, JSON.stringify(afterMid));
  // 10 MB, every layer: long texts are annotated in segments, so linear memory stays bounded.
  const huge = para.repeat(25_000);
  const r = await nm.annotate(huge, { referenceDate: REF });
  const afterHuge = nm.wasmMemoryBytes();
  assert.ok(r.quotes.length === 25_000 && r.dates.length === 50_000, `${r.quotes.length} quotes, ${r.dates.length} dates`);
  assert.ok(afterHuge.peak <= 64 * 2 ** 20, `peak ${afterHuge.peak}`);
  assert.ok(afterHuge.current <= 64 * 2 ** 20, `current ${afterHuge.current}`);
  console.log(`# linear memory: ${before.current / 2 ** 20} MiB at start, peak ${afterHuge.peak / 2 ** 20} MiB for 10 MB (all layers), ${afterHuge.current / 2 ** 20} MiB after`);
});

test("compiledModule: null before init, then a Module another thread starts from without compiling", () => {
  const entry = JSON.stringify(pathToFileURL(path.join(PKG, "index.js")).href);
  // The worker counts WebAssembly compiles: init(module) must not compile (nor read the .wasm).
  const worker = `
    import { parentPort, workerData } from "node:worker_threads";
    void Response; // Node compiles its own HTTP parser (wasm) when fetch's globals are first touched
    let compiles = 0;
    for (const k of ["compile", "compileStreaming"]) {
      const orig = WebAssembly[k];
      WebAssembly[k] = (...a) => (compiles++, orig(...a));
    }
    const nm = await import(${entry});
    await nm.init(workerData.module);
    parentPort.postMessage({ compiles, r: nm.annotateSync(workerData.text, { referenceDate: "2019-01-08" }) });`;
  const script = `
    import { Worker } from "node:worker_threads";
    import { isDeepStrictEqual } from "node:util";
    const nm = await import(${entry});
    console.log(nm.compiledModule());
    await nm.init();
    const module = nm.compiledModule();
    console.log(module instanceof WebAssembly.Module, nm.compiledModule() === module);
    const text = "“We will act,” said Angela Merkel in Berlin on Monday.";
    const w = new Worker(new URL("data:text/javascript," + encodeURIComponent(${JSON.stringify(worker)})), { workerData: { module, text } });
    const { compiles, r } = await new Promise((ok, fail) => { w.once("message", ok); w.once("error", fail); });
    await w.terminate();
    console.log(compiles, isDeepStrictEqual(r, nm.annotateSync(text, { referenceDate: "2019-01-08" })), r.entities.length > 0);`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split("\n"), ["null", "true true", "0 true true"]);
});
