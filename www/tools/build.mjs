// Build the npm package (pkg/) and the deployable static site (dist/).
//   node www/tools/build.mjs                 package + site
//   node www/tools/build.mjs --package-only  package only (used by `npm pack`)
// Steps: cargo (wasm32 with SIMD, `wasm` profile) → wasm-bindgen --target web → wasm-opt -Oz with
// one-caller inlining capped (binaryen npm package) → JS wrapper into pkg/ → www/ (minus tools/) +
// pkg/ into dist/.
// Prints raw, gzip and brotli sizes of what a browser downloads.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PKG = path.join(ROOT, "pkg");
const DIST = path.join(ROOT, "dist");
const WWW = path.join(ROOT, "www");
const TARGET = "wasm32-unknown-unknown";
const PROFILE = "wasm";
const packageOnly = process.argv.includes("--package-only");
// In www/ but not part of the site: the build tools, a stale package copy, the README's screenshot.
const NOT_SITE = new Set(["tools", "pkg", "screenshot.png"]);

const cargoBin = path.join(os.homedir(), ".cargo", "bin");
const env = { ...process.env, PATH: `${cargoBin}${path.delimiter}${process.env.PATH ?? ""}` };

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env, ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    console.error(`build: \`${cmd} ${args.join(" ")}\` failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  return r;
}

function cargoVersion() {
  const toml = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8");
  const m = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(toml);
  if (!m) throw new Error("build: no version in Cargo.toml [package]");
  return m[1];
}

function lockedBindgenVersion() {
  const lock = fs.readFileSync(path.join(ROOT, "Cargo.lock"), "utf8");
  const m = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock);
  if (!m) throw new Error("build: wasm-bindgen not in Cargo.lock");
  return m[1];
}

const t0 = Date.now();
const version = cargoVersion();
const pkgJson = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
if (pkgJson.version !== version) {
  console.error(`build: package.json version ${pkgJson.version} differs from Cargo.toml ${version}`);
  process.exit(1);
}

// 1. Rust → wasm32, with 128-bit SIMD on (LLVM vectorises the byte scans and the entity scorer's
//    i16→i32 weight sums). Every engine newsmark targets has it: Chrome/Edge 91+, Firefox 89+,
//    Safari 16.4+, Node 16.4+. Measured (4.19 MB corpus, all layers, Node 20, one process taking
//    turns, 10 rounds, loaded 2-core machine): min 677 → 629 ms, median 825 → 753 ms; output
//    identical; .wasm gzipped +0.1 KB. Added to the caller's RUSTFLAGS (with --target given, cargo
//    applies them to the wasm code only, not to build scripts).
const SIMD = "-C target-feature=+simd128";
const rustflags = [process.env.RUSTFLAGS, SIMD].filter(Boolean).join(" ");
run("cargo", ["build", "--lib", "--target", TARGET, "--profile", PROFILE], {
  env: { ...env, RUSTFLAGS: rustflags },
});
const targetDir = process.env.CARGO_TARGET_DIR
  ? path.resolve(ROOT, process.env.CARGO_TARGET_DIR)
  : path.join(ROOT, "target");
const rawWasm = path.join(targetDir, TARGET, PROFILE, "newsmark.wasm");

// 2. wasm-bindgen, pinned to the version in Cargo.lock (www/tools/setup.sh installs it).
const want = lockedBindgenVersion();
const have = spawnSync("wasm-bindgen", ["--version"], { env, encoding: "utf8" });
if (have.error || !have.stdout.includes(want)) {
  console.error(
    `build: wasm-bindgen ${want} is needed (found: ${have.stdout?.trim() || "none"}); run bash www/tools/setup.sh`,
  );
  process.exit(1);
}
const staging = fs.mkdtempSync(path.join(os.tmpdir(), "newsmark-pkg-"));
run("wasm-bindgen", [
  "--target", "web",
  "--out-dir", staging,
  "--out-name", "newsmark",
  "--no-typescript",
  "--experimental-reset-state-function",
  rawWasm,
]);

// 3. wasm-opt (cached by input and flags: it is the slow step and the input rarely changes).
const bgIn = path.join(staging, "newsmark_bg.wasm");
// -Oz, except that a function called from one place is inlined only if small (-ocimfs): by
// default wasm-opt inlines every such function, which folds the whole pipeline into one 100 KB
// function under `annotateUtf8`. Engines compile a function at a time, so that one took long to
// compile on first call and far longer to optimise (V8 tiers a function up in the background:
// until then it runs unoptimised). Capped, the cold start in headless Chromium (fetch, compile,
// annotate the example; loaded 2-core machine, runs interleaved, median of 25) went from 286 to
// 219 ms, its first annotate from 179 to 124 ms; same size, throughput unchanged within noise.
const WASM_OPT_FLAGS = [
  "-Oz", "--converge", "--one-caller-inline-max-function-size", "200",
  "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue", "--enable-simd",
  "--strip-debug", "--strip-producers",
];
const inputHash = createHash("sha256").update(fs.readFileSync(bgIn)).update(WASM_OPT_FLAGS.join(" ")).digest("hex").slice(0, 16);
const cacheDir = path.join(targetDir, "wasm-opt-cache");
const cached = path.join(cacheDir, `${inputHash}.wasm`);
if (!fs.existsSync(cached)) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const wasmOpt = path.join(ROOT, "node_modules", ".bin", "wasm-opt");
  if (!fs.existsSync(wasmOpt)) {
    console.error("build: node_modules/.bin/wasm-opt missing; run npm ci (or bash www/tools/setup.sh)");
    process.exit(1);
  }
  run(wasmOpt, [bgIn, "-o", `${cached}.tmp`, ...WASM_OPT_FLAGS]);
  fs.renameSync(`${cached}.tmp`, cached);
}

// 4. Assemble pkg/.
fs.rmSync(PKG, { recursive: true, force: true });
fs.mkdirSync(PKG);
fs.copyFileSync(cached, path.join(PKG, "newsmark_bg.wasm"));
let glue = fs.readFileSync(path.join(staging, "newsmark.js"), "utf8");
glue = glue.replace(/^\/\* @ts-self-types=.*\*\/\n/m, "");
if (!glue.includes("export function __wbg_reset_state")) {
  console.error("build: the glue lacks __wbg_reset_state (needed for restart after a panic)");
  process.exit(1);
}
fs.writeFileSync(path.join(PKG, "newsmark.js"), glue);
const indexJs = fs.readFileSync(path.join(ROOT, "src/js/index.js"), "utf8");
if (!indexJs.includes('"__NEWSMARK_VERSION__"')) throw new Error("build: version placeholder missing");
fs.writeFileSync(path.join(PKG, "index.js"), indexJs.replace('"__NEWSMARK_VERSION__"', JSON.stringify(version)));
fs.copyFileSync(path.join(ROOT, "src/js/index.d.ts"), path.join(PKG, "index.d.ts"));
fs.rmSync(staging, { recursive: true, force: true });

// 5. The static site: www/ (not tools/) + pkg/ → dist/. URLs in www/ are relative, so dist/ works
//    from any host and sub-path.
if (!packageOnly) {
  fs.rmSync(DIST, { recursive: true, force: true });
  fs.mkdirSync(DIST);
  if (fs.existsSync(WWW)) {
    for (const entry of fs.readdirSync(WWW, { withFileTypes: true })) {
      if (NOT_SITE.has(entry.name) || entry.name.startsWith(".")) continue;
      fs.cpSync(path.join(WWW, entry.name), path.join(DIST, entry.name), { recursive: true });
    }
  }
  fs.mkdirSync(path.join(DIST, "pkg"));
  for (const f of ["index.js", "newsmark.js", "newsmark_bg.wasm"]) {
    fs.copyFileSync(path.join(PKG, f), path.join(DIST, "pkg", f));
  }
  if (!fs.existsSync(path.join(DIST, "index.html"))) {
    console.warn("build: warning: www/index.html missing; dist/ has only the package");
  }
}

// 6. Sizes of the download.
function sizes(file) {
  const buf = fs.readFileSync(file);
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const rows = ["newsmark_bg.wasm", "newsmark.js", "index.js"].map((f) => [f, sizes(path.join(PKG, f))]);
const total = rows.reduce(
  (t, [, s]) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
console.log(`\nnewsmark ${version} package (pkg/)        raw       gzip     brotli`);
for (const [f, s] of [...rows, ["total (.wasm + JS)", total]]) {
  console.log(`  ${f.padEnd(26)}${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`);
}
if (!packageOnly) {
  const walk = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
  const site = walk(DIST).map(sizes).reduce(
    (t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  console.log(`  ${"whole site (dist/)".padEnd(26)}${kb(site.raw)} ${kb(site.gzip)} ${kb(site.brotli)}`);
}
console.log(
  `build: pkg/${packageOnly ? "" : " and dist/ (the static site: host this folder anywhere)"} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
