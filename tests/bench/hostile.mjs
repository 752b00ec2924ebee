// `node tests/bench/hostile.mjs`: print what the npm package does with each hostile or odd input
// named in issue 6 — size, time, what was found, and whether every span still slices the text it
// reports (sorted, inside the text, not overlapping within its layer). A report for people (the
// closing note's table), not a test: the tests that assert all this are tests/hostile.rs (Rust),
// tests/js (lone surrogates, panic recovery) and tests/browser (the page, XSS, no requests).
// Needs pkg/ (`npm run build`).

import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const nm = await import(pathToFileURL(path.join(ROOT, "pkg", "index.js")).href);
await nm.init();

const MB = 1024 * 1024;
const para =
  'SEOUL, Jan. 8 (Yonhap) -- North Korean leader Kim Jong-un arrived in Beijing on Tuesday, ' +
  '"We will keep talking," said Lee Sang-sook of the Korea Institute. Kim met Xi Jinping last year.\n\n';
const repeat = (s, bytes) => s.repeat(Math.ceil(bytes / s.length)).slice(0, bytes);

const inputs = [
  ["empty", ""],
  ["whitespace only", " \t\n\r\n   \u00a0\u2003\n".repeat(1000)],
  ["10 MB of text (paragraphs)", repeat(para, 10 * MB)],
  ["one 1 MB line (no line break)", repeat(para.replace(/\n/g, " "), MB)],
  ["100,000 quote marks", '"'.repeat(100_000)],
  ["100,000 mixed curly/straight marks", repeat('“a" ‘b\' ”c« d»', 100_000)],
  ["unbalanced marks", repeat('He said "yes. She said “no\n\n“Never, ” ”” "" ‘’ \' “', 50_000)],
  ["all capitals", para.toUpperCase().repeat(200)],
  ["no spaces", para.replace(/\s/g, "").repeat(200)],
  ["NUL and control characters", para.replace(/ /g, "\u0000\u0001\u001b\u007f").repeat(50)],
  ["emoji and astral characters", para.replace(/ /g, " 🇰🇷👩‍👩‍👧 𝕏 ").repeat(100)],
  ["right-to-left text", "قال الرئيس \"نحن هنا\" يوم الثلاثاء. " + para + "שלום \"עולם\" אמר דוד.\n".repeat(100)],
  ["combining marks", para.normalize("NFD").replace(/e/g, "e\u0301\u0323").repeat(100)],
  ["CRLF line ends", para.replace(/\n/g, "\r\n").repeat(100)],
  ["lone surrogates (from JavaScript)", para.replace(/ /g, " \ud800 \udfff ").repeat(50)],
  ["pasted HTML", `<html><script>alert(1)</script><p onclick="x()">${para}</p><img src=x onerror=alert(1)>`.repeat(100)],
  ["binary garbage (200 KB of random bytes, decoded)", new TextDecoder().decode(Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919 + 13) % 251))],
];

function check(text, ann) {
  const problems = [];
  const span = (layer, s) => {
    if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length)) problems.push(`${layer} ${s.start}-${s.end} outside`);
    else if (text.slice(s.start, s.end) !== s.text) problems.push(`${layer} ${s.start}-${s.end} text differs`);
  };
  for (const layer of ["quotes", "dates", "entities"]) {
    let end = -1;
    let start = -1;
    for (const s of ann[layer]) {
      span(layer, s);
      if (s.start < start) problems.push(`${layer} not sorted`);
      if (s.start < end) problems.push(`${layer} overlap at ${s.start}`);
      start = s.start;
      end = Math.max(end, s.end);
      if (layer === "quotes") {
        if (s.speaker) span("speaker", s.speaker);
        if (s.cue) span("cue", s.cue);
      }
    }
  }
  return problems;
}

const rows = [["input", "UTF-16 units", "ms", "quotes", "dates", "entities", "spans slice the text"]];
for (const [name, text] of inputs) {
  const t0 = performance.now();
  let ann;
  let error = null;
  try {
    ann = nm.annotateSync(text, { referenceDate: "2019-01-08" });
  } catch (e) {
    error = `${e.name}: ${e.message}`;
  }
  const ms = performance.now() - t0;
  if (error) {
    rows.push([name, String(text.length), ms.toFixed(1), "-", "-", "-", `threw ${error}`]);
    continue;
  }
  const problems = check(text, ann);
  rows.push([
    name,
    String(text.length),
    ms.toFixed(1),
    String(ann.quotes.length),
    String(ann.dates.length),
    String(ann.entities.length),
    problems.length ? `NO: ${problems.slice(0, 3).join("; ")}` : "yes",
  ]);
}
const mem = nm.wasmMemoryBytes();
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const [k, r] of rows.entries()) {
  console.log(r.map((c, i) => (i === 0 || i === 6 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ").trimEnd());
  if (k === 0) console.log(w.map((n) => "-".repeat(n)).join("  "));
}
console.log(`\nWebAssembly memory: peak ${(mem.peak / MB).toFixed(1)} MB, now ${(mem.current / MB).toFixed(1)} MB`);
