// Long texts through the page's worker (a measuring tool, never a test):
//   node tests/bench/chunked.mjs [RUNS] [DIST]      (default: 5 runs of dist/)
// Serves the built site, starts www/worker.js in headless Chromium the way app.js does, and posts
// a ~4 MB text (the seed article, or the page's example, repeated under "Part N" headings) RUNS
// times. Prints, per run, the worker's own `ms` (from the job's start to the merged result) and
// the wall time from posting to the result message, then their medians; also the time from
// starting the worker to its "ready" message. Give a second dist (e.g. a copy built from main) to
// compare builds; run them one after the other on a quiet machine.

import fs from "node:fs";
import path from "node:path";
import { launch, serve, ROOT } from "../browser/helpers.mjs";
import { EXAMPLE_TEXT } from "../../www/example.js";

const RUNS = +process.argv[2] || 5;
const root = path.resolve(process.argv[3] || path.join(ROOT, "dist"));
const seedPath = path.join(ROOT, "../shared/seed/article.txt");
const base = fs.existsSync(seedPath) ? fs.readFileSync(seedPath, "utf8") : EXAMPLE_TEXT;
const parts = [];
let size = 0;
for (let i = 1; size < 4_000_000; i++) {
  const part = `Part ${i}\n\n${base}\n`;
  parts.push(part);
  size += part.length;
}
const text = parts.join("");

const server = await serve({ root });
const browser = await launch();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url);
  const figures = await page.evaluate(
    async ({ text, runs }) => {
      const t0 = performance.now();
      const w = new Worker(new URL("worker.js", location.href), { type: "module" });
      const next = (type) => new Promise((ok, fail) => {
        w.onmessage = (e) => {
          if (e.data.type === type) ok(e.data);
          else if (e.data.type === "error" || e.data.type === "fatal") fail(new Error(e.data.message));
        };
      });
      await next("ready");
      const ready = performance.now() - t0;
      const out = [];
      for (let i = 1; i <= runs; i++) {
        const t1 = performance.now();
        const done = next("result");
        w.postMessage({ type: "annotate", id: i, text, options: { layers: ["quotes", "dates", "entities"], dayFirst: false } });
        const r = await done;
        out.push({ ms: r.ms, wall: performance.now() - t1, spread: r.spread });
      }
      w.terminate();
      return { ready, out, cores: navigator.hardwareConcurrency };
    },
    { text, runs: RUNS },
  );
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${root}: ${text.length} UTF-16 units, hardwareConcurrency ${figures.cores}, ready after ${figures.ready.toFixed(0)} ms`);
  figures.out.forEach((f, i) => console.log(`  run ${i + 1}: worker ${f.ms.toFixed(0)} ms, wall ${f.wall.toFixed(0)} ms${f.spread ? `, chunks per instance ${f.spread.join("/")}` : ""}`));
  console.log(`  median: worker ${med(figures.out.map((f) => f.ms)).toFixed(0)} ms, wall ${med(figures.out.map((f) => f.wall)).toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.close();
}
