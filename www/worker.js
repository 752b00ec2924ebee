// Module worker: runs the newsmark WebAssembly package off the main thread so typing never waits
// for annotation. Long texts are annotated in chunks, with progress messages between chunks, and a
// job is abandoned as soon as a newer one arrives.

import * as newsmark from "./pkg/index.js";
import { prepare, chunkBounds, mergeChunks } from "./layout.js";
import { EXAMPLE_TEXT, EXAMPLE_DATE } from "./example.js";

/** Texts longer than this (UTF-16 units) are annotated in chunks of CHUNK units. */
const CHUNKED_ABOVE = 400_000;
const CHUNK = 200_000;

let latest = 0; // id of the newest job received
let pending = null; // newest job not yet started
let running = false;

const started = (async () => {
  const t0 = performance.now();
  const init = newsmark.init || newsmark.default;
  if (typeof init === "function") await init();
  // Warm up while the page is still being read: the first call builds the lazily-initialised
  // tables and makes the engine compile the code it runs (WebAssembly functions are compiled on
  // first use), so the user's first text — often the example — comes back at full speed.
  try {
    newsmark.annotateSync(EXAMPLE_TEXT, { referenceDate: EXAMPLE_DATE });
  } catch {
    // a failed warm-up changes nothing: the real job reports its own error
  }
  const version = typeof newsmark.version === "function" ? newsmark.version() : newsmark.version;
  postMessage({ type: "ready", version: String(version ?? ""), ms: performance.now() - t0 });
})();

started.catch((err) => {
  postMessage({ type: "fatal", message: describe(err) });
});

function describe(err) {
  if (err && typeof err === "object") return `${err.name || "Error"}: ${err.message || String(err)}`;
  return String(err);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function run(job) {
  await started;
  if (job.id !== latest) return;
  const { id, text, options } = job;
  const t0 = performance.now();
  let ann;
  if (text.length <= CHUNKED_ABOVE) {
    ann = newsmark.annotateSync(text, options);
  } else {
    const cuts = chunkBounds(text, CHUNK);
    const parts = [];
    let from = 0;
    let opts = options;
    postMessage({ type: "progress", id, done: 0, total: text.length });
    for (const cut of cuts) {
      const part = newsmark.annotateSync(text.slice(from, cut), opts);
      if (parts.length === 0 && !opts.referenceDate && part.referenceDate) {
        // Later chunks resolve against the dateline found at the top of the article.
        opts = { ...opts, referenceDate: part.referenceDate };
      }
      parts.push({ offset: from, ann: part });
      from = cut;
      postMessage({ type: "progress", id, done: from, total: text.length });
      await tick(); // let a newer job's message in
      if (latest !== id) return; // superseded
    }
    ann = mergeChunks(parts);
  }
  const ms = performance.now() - t0;
  // The page gets compact arrays to draw with, and the full result as JSON text (for export),
  // so that receiving even a multi-megabyte result costs its main thread next to nothing.
  const { view, transfer } = prepare(ann, text);
  const json = JSON.stringify(ann, null, text.length < 1_000_000 ? 2 : 0);
  postMessage({ type: "result", id, view, json, ms }, transfer);
}

async function pump() {
  if (running) return;
  running = true;
  try {
    while (pending) {
      const job = pending;
      pending = null;
      try {
        await run(job);
      } catch (err) {
        const crash = err && err.name === "NewsmarkError";
        postMessage({ type: "error", id: job.id, crash, message: describe(err) });
      }
    }
  } finally {
    running = false;
  }
}

self.onmessage = (event) => {
  const msg = event.data;
  if (msg && msg.type === "annotate") {
    latest = msg.id;
    pending = msg;
    pump();
  } else if (msg && msg.type === "cancel") {
    latest = msg.id; // a running job stops at its next chunk
    pending = null;
  }
};
