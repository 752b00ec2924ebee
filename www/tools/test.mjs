// `npm test`: run every suite in turn and fail if any fails (the later ones still run, so one
// report shows everything). Suites: cargo test; the wasm/npm build; the package tests under Node
// (tests/js/); the browser tests in headless Chromium (tests/browser/); a short fuzz run
// (tests/fuzz/run-short.sh). Suites whose files do not exist yet are reported as skipped.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const env = {
  ...process.env,
  PATH: `${path.join(os.homedir(), ".cargo", "bin")}${path.delimiter}${process.env.PATH ?? ""}`,
};

const hasTests = (dir) =>
  fs.existsSync(path.join(ROOT, dir)) &&
  fs.readdirSync(path.join(ROOT, dir)).some((f) => /\.test\.(m?js|cjs)$/.test(f));

const suites = [
  { name: "cargo test", cmd: "cargo", args: ["test", "--quiet"] },
  { name: "build (pkg/ + dist/)", cmd: "node", args: ["www/tools/build.mjs"], needed: true },
  { name: "package tests (tests/js)", cmd: "node", args: ["--test", "tests/js/"], when: () => hasTests("tests/js") },
  {
    name: "browser tests (tests/browser)",
    cmd: "node",
    args: ["--test", "tests/browser/"],
    when: () => hasTests("tests/browser"),
  },
  {
    name: "short fuzz run (tests/fuzz/run-short.sh)",
    cmd: "bash",
    args: ["tests/fuzz/run-short.sh"],
    when: () => fs.existsSync(path.join(ROOT, "tests/fuzz/run-short.sh")),
  },
];

const results = [];
let blocked = false;
for (const s of suites) {
  if (s.when && !s.when()) {
    results.push([s.name, "skipped (no tests yet)"]);
    continue;
  }
  if (blocked) {
    results.push([s.name, "not run (the build failed)"]);
    continue;
  }
  console.log(`\n=== ${s.name}: ${s.cmd} ${s.args.join(" ")}`);
  const t0 = Date.now();
  const r = spawnSync(s.cmd, s.args, { cwd: ROOT, stdio: "inherit", env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const ok = r.status === 0 && !r.error;
  results.push([s.name, ok ? `passed (${secs} s)` : `FAILED (${r.error?.message ?? `exit ${r.status ?? r.signal}`}, ${secs} s)`]);
  if (!ok && s.needed) blocked = true;
}

console.log("\n=== npm test summary");
for (const [name, status] of results) console.log(`  ${name.padEnd(44)} ${status}`);
const passed = results.filter(([, s]) => s.startsWith("passed")).length;
const failed = results.filter(([, s]) => !s.startsWith("passed") && !s.startsWith("skipped")).length;
const skipped = results.filter(([, s]) => s.startsWith("skipped")).length;
console.log(`suites: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
