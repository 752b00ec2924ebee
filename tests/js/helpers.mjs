// Shared helpers for the package tests: paths, the built package, the d.ts shape checker, span
// invariants, the native CLI for comparison, and headless Chromium via playwright-core.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PKG = path.join(ROOT, "pkg");
export const env = {
  ...process.env,
  PATH: `${path.join(os.homedir(), ".cargo", "bin")}${path.delimiter}${process.env.PATH ?? ""}`,
};

/** Import the built package (pkg/), with a clear message when it has not been built. */
export async function loadPackage() {
  const entry = path.join(PKG, "index.js");
  if (!fs.existsSync(entry)) throw new Error("pkg/ is not built: run `npm run build` first");
  return import(pathToFileURL(entry).href);
}

/** Example texts: the repo corpus, the shared seed article, and hand-made odd ones. */
export function exampleTexts() {
  const texts = [];
  const corpus = path.join(ROOT, "tests/corpus");
  if (fs.existsSync(corpus)) {
    for (const f of fs.readdirSync(corpus).sort()) {
      if (f.endsWith(".txt")) texts.push([f, fs.readFileSync(path.join(corpus, f), "utf8")]);
    }
  }
  const seed = path.join(ROOT, "../shared/seed/article.txt");
  const seedAlt = "/work/shared/seed/article.txt";
  for (const p of [seed, seedAlt]) {
    if (fs.existsSync(p)) {
      texts.push(["seed/article.txt", fs.readFileSync(p, "utf8")]);
      break;
    }
  }
  texts.push(...ODD_TEXTS);
  return texts;
}

/** Texts that stress UTF-16 offsets: astral emoji, CJK, combining marks, CRLF, RTL. */
export const ODD_TEXTS = [
  [
    "emoji",
    "WASHINGTON (Reuters) 😀🎉 — President Joe Biden said on Monday, January 7, 2019 that " +
      "“the economy is strong 💪,” according to the White House. 👍🏽 Angela Merkel met him in " +
      "Berlin 🇩🇪 last week. “We will talk again 🙂 next month,” Merkel told reporters.",
  ],
  [
    "cjk",
    "北京 (新华社) 中国外交部发言人陆慷说 Lu Kang said on Tuesday that China “will never give up”. " +
      "日本 Prime Minister Shinzo Abe visited Tokyo on 8 January 2019. 한국 Moon Jae-in said “yes”.",
  ],
  [
    "combining",
    "Zoe\u0308 Dupont of Societe\u0301 Ge\u0301ne\u0301rale said on 3 March 2020: “Cafe\u0301 prices rose " +
      "by 10% in two years.” The mayor of Montre\u0301al, Vale\u0301rie Plante, agreed last Friday.",
  ],
  [
    "crlf",
    "PARIS, Jan 7, 2019\r\n\r\nEmmanuel Macron said on Sunday that France would act.\r\n" +
      "“We will not wait,” Macron told Le Monde.\r\nThe talks resume in June 2019.\r\n",
  ],
  [
    "rtl",
    "القاهرة — Egyptian President Abdel Fattah el-Sisi said on 5 May 2021 that «the talks are " +
      "over». שלום Benjamin Netanyahu met him in Jerusalem yesterday.",
  ],
  ["empty", ""],
  ["whitespace", " \t\r\n\u00a0\u2003 "],
  ["nul-controls", "A\u0000B\u0001 said \u0007 “x\u0000y” on 1 May 2020\u001b[0m."],
];

/** Every span-like object of a result, with the layer it belongs to. */
export function* spans(result) {
  for (const q of result.quotes) {
    yield ["quote", q];
    yield ["quote content", { start: q.contentStart, end: q.contentEnd, text: null }];
    if (q.speaker) yield ["speaker", q.speaker];
    if (q.cue) yield ["cue", q.cue];
  }
  for (const d of result.dates) yield ["date", d];
  for (const e of result.entities) yield ["entity", e];
}

/** Assert the offset invariants of a result for `text`; returns the number of spans checked. */
export function checkSpans(assert, text, result, label) {
  let n = 0;
  for (const [kind, s] of spans(result)) {
    n++;
    const where = `${label}: ${kind} ${JSON.stringify(s)}`;
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${where}: integer offsets`);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${where}: within the text`);
    assert.ok(!isLowSurrogate(text.charCodeAt(s.start)) || !isHighSurrogate(text.charCodeAt(s.start - 1)),
      `${where}: start splits a surrogate pair`);
    assert.ok(!isLowSurrogate(text.charCodeAt(s.end)) || !isHighSurrogate(text.charCodeAt(s.end - 1)),
      `${where}: end splits a surrogate pair`);
    if (s.text !== null) assert.equal(text.slice(s.start, s.end), s.text, `${where}: text.slice matches`);
  }
  for (const [layer, list] of [["quotes", result.quotes], ["dates", result.dates], ["entities", result.entities]]) {
    for (let i = 1; i < list.length; i++) {
      assert.ok(list[i - 1].end <= list[i].start,
        `${label}: ${layer} ${i - 1} and ${i} overlap or are unsorted: ${JSON.stringify([list[i - 1], list[i]])}`);
    }
  }
  for (const q of result.quotes) {
    assert.ok(q.start <= q.contentStart && q.contentStart <= q.contentEnd && q.contentEnd <= q.end,
      `${label}: quote content outside its quote: ${JSON.stringify(q)}`);
  }
  for (const e of result.entities) {
    assert.ok(e.group >= 0 && e.group < result.groups.length, `${label}: entity group index ${e.group}`);
  }
  result.groups.forEach((g, i) => {
    assert.equal(g.id, i, `${label}: group ids are their indices`);
    for (const m of g.mentions) assert.equal(result.entities[m]?.group, i, `${label}: group ${i} mention ${m}`);
  });
  return n;
}

const isHighSurrogate = (c) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c) => c >= 0xdc00 && c <= 0xdfff;

// --- The .d.ts as a runtime shape checker -------------------------------------------------------

/** Parse `export interface` and `export type` declarations of index.d.ts. */
export function parseDeclarations(source) {
  const src = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const interfaces = {};
  for (const m of src.matchAll(/export interface (\w+)(?: extends (\w+))? \{([^}]*)\}/g)) {
    const fields = {};
    for (const f of m[3].matchAll(/(\w+)(\??):\s*([^;]+);/g)) {
      fields[f[1]] = { optional: f[2] === "?", type: f[3].trim() };
    }
    interfaces[m[1]] = { extends: m[2] ?? null, fields };
  }
  const aliases = {};
  for (const m of src.matchAll(/export type (\w+) =\s*([^;]+);/g)) aliases[m[1]] = m[2].trim();
  return { interfaces, aliases };
}

function splitUnion(type) {
  const parts = [];
  let depth = 0;
  let cur = "";
  for (const ch of type) {
    if ("<({[".includes(ch)) depth++;
    if (">)}]".includes(ch)) depth--;
    if (ch === "|" && depth === 0) {
      parts.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  parts.push(cur.trim());
  return parts.filter(Boolean);
}

/** Check `value` against the declared type; returns a list of problems (empty if it matches). */
export function checkType(decls, type, value, where) {
  const alts = splitUnion(type);
  const problems = [];
  for (const alt of alts) {
    const p = checkOne(decls, alt, value, where);
    if (p.length === 0) return [];
    problems.push(...p);
  }
  return alts.length > 1 ? [`${where}: ${JSON.stringify(value)?.slice(0, 120)} is not ${type}`] : problems;
}

function checkOne(decls, t, v, where) {
  if (t === "number") return typeof v === "number" && Number.isFinite(v) ? [] : [`${where}: not a number`];
  if (t === "string") return typeof v === "string" ? [] : [`${where}: not a string`];
  if (t === "boolean") return typeof v === "boolean" ? [] : [`${where}: not a boolean`];
  if (t === "null") return v === null ? [] : [`${where}: not null`];
  if (/^"[^"]*"$/.test(t)) return v === JSON.parse(t) ? [] : [`${where}: ${JSON.stringify(v)} is not ${t}`];
  if (t.endsWith("[]")) {
    if (!Array.isArray(v)) return [`${where}: not an array`];
    return v.flatMap((x, i) => checkType(decls, t.slice(0, -2), x, `${where}[${i}]`));
  }
  if (decls.aliases[t]) return checkType(decls, decls.aliases[t], v, where);
  const iface = decls.interfaces[t];
  if (!iface) return [`${where}: unknown declared type ${t}`];
  if (typeof v !== "object" || v === null || Array.isArray(v)) return [`${where}: not an object (${t})`];
  if (Object.getPrototypeOf(v) !== Object.prototype) return [`${where}: not a plain object (${t})`];
  const fields = { ...(iface.extends ? decls.interfaces[iface.extends].fields : {}), ...iface.fields };
  const problems = [];
  for (const k of Object.keys(v)) {
    if (!(k in fields)) problems.push(`${where}.${k}: returned but not declared in ${t}`);
  }
  for (const [k, f] of Object.entries(fields)) {
    if (!(k in v)) {
      if (!f.optional) problems.push(`${where}.${k}: declared in ${t} but missing`);
      continue;
    }
    problems.push(...checkType(decls, f.type, v[k], `${where}.${k}`));
  }
  return problems;
}

// --- The native CLI (for comparing results) --------------------------------------------------

let cliPath = null;
/** Build (if needed) and return the debug CLI binary. */
export function nativeCli() {
  if (cliPath) return cliPath;
  const r = spawnSync("cargo", ["build", "--quiet", "--bin", "newsmark"], { cwd: ROOT, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error("cargo build --bin newsmark failed");
  const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(ROOT, process.env.CARGO_TARGET_DIR) : path.join(ROOT, "target");
  cliPath = path.join(targetDir, "debug", "newsmark");
  return cliPath;
}

/** Run the native CLI on `text`; returns its JSON result with offsets converted to UTF-16. */
export function annotateNative(text, refDate) {
  const args = ["annotate", "-", "--format", "json"];
  if (refDate) args.push("--ref-date", refDate);
  const r = spawnSync(nativeCli(), args, { input: text, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.error || r.status !== 0) throw new Error(`newsmark CLI failed: ${r.error ?? r.stderr}`);
  const result = JSON.parse(r.stdout);
  // code points → UTF-16 code units
  const map = [0];
  let u = 0;
  for (const ch of text) {
    u += ch.length;
    map.push(u);
  }
  const conv = (s) => {
    if (!s) return;
    s.start = map[s.start];
    s.end = map[s.end];
  };
  for (const q of result.quotes) {
    conv(q);
    q.contentStart = map[q.contentStart];
    q.contentEnd = map[q.contentEnd];
    conv(q.speaker);
    conv(q.cue);
  }
  result.dates.forEach(conv);
  result.entities.forEach(conv);
  return result;
}

// --- Headless Chromium ------------------------------------------------------------------------

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Run a command; throw with its output if it fails. */
export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", env, maxBuffer: 1 << 26, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}
