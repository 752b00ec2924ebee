// Module worker: runs the newsmark WebAssembly package off the main thread so typing never waits
// for annotation. Long texts are annotated in chunks, spread over this worker's instance and a few
// helper workers (pool.js), with progress messages as chunks finish, and a job is abandoned as soon
// as a newer one arrives.

import * as newsmark from "./pkg/index.js";
import { prepare, chunkBounds, mergeChunks } from "./layout.js";
import { EXAMPLE_TEXT, EXAMPLE_DATE } from "./example.js";
import { Pool, helperCount } from "./pool.js";

/** Texts longer than this (UTF-16 units) are annotated in chunks of CHUNK units. */
const CHUNKED_ABOVE = 400_000;
const CHUNK = 200_000;
/** The head annotated first for its dateline (found in the first 400 characters), in UTF-16 units. */
const HEAD = 2_000;

let latest = 0; // id of the newest job received
let pending = null; // newest job not yet started
let running = false;
let abort = new AbortController(); // aborted when a newer job or a cancel arrives
let pool = null; // set once the module is loaded

const t0 = performance.now();
const started = (async () => {
  const init = newsmark.init || newsmark.default;
  if (typeof init === "function") await init();
  // The helpers start from the module compiled here, and load while this instance warms up. With
  // none (one core, or no nested workers), the pool runs every chunk on this instance.
  const module = typeof newsmark.compiledModule === "function" ? newsmark.compiledModule() : undefined;
  pool = new Pool(module ?? undefined, helperCount());
  // Warm up while the page is still being read: the first call builds the lazily-initialised
  // tables and makes the engine compile the code it runs (WebAssembly functions are compiled on
  // first use), so the user's first text — often the example — comes back at full speed.
  try {
    newsmark.annotateSync(EXAMPLE_TEXT, { referenceDate: EXAMPLE_DATE });
  } catch {
    // a failed warm-up changes nothing: the real job reports its own error
  }
})();

// "ready" once the helpers have their instances too: every script is fetched by then, so nothing
// is requested after the page says it is ready. Jobs only wait for `started` (a long text that
// comes sooner leaves a helper still loading out). A helper that neither loads nor fails within
// 10 s does not hold "ready" up; it joins later jobs once it has loaded.
started.then(
  async () => {
    await Promise.race([pool.loaded(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    const version = typeof newsmark.version === "function" ? newsmark.version() : newsmark.version;
    postMessage({ type: "ready", version: String(version ?? ""), ms: performance.now() - t0 });
  },
  (err) => postMessage({ type: "fatal", message: describe(err) }),
);

function describe(err) {
  if (err && typeof err === "object") return `${err.name || "Error"}: ${err.message || String(err)}`;
  return String(err);
}

async function run(job) {
  await started;
  if (job.id !== latest) return;
  const { id, text, options } = job;
  const t0 = performance.now();
  let ann;
  let spread = null;
  if (text.length <= CHUNKED_ABOVE) {
    ann = newsmark.annotateSync(text, options);
  } else {
    postMessage({ type: "progress", id, done: 0, total: text.length });
    // Later chunks resolve against the dateline at the top of the article: read it first from a
    // short head (dates only), so that every chunk can start at once.
    let later = options;
    if (!options.referenceDate) {
      let end = Math.min(HEAD, text.length);
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end -= 1; // do not split a surrogate pair
      const head = newsmark.annotateSync(text.slice(0, end), { ...options, layers: ["dates"] });
      if (head.referenceDate) later = { ...options, referenceDate: head.referenceDate };
    }
    const cuts = chunkBounds(text, CHUNK);
    const optionsFor = (i) => (i === 0 ? options : later);
    let done = 0;
    const onChunk = (length) => {
      done += length;
      postMessage({ type: "progress", id, done, total: text.length });
    };
    const out = await pool.annotateChunks({ text, cuts, optionsFor, local: newsmark.annotateSync, onChunk, signal: abort.signal });
    if (!out) return; // superseded
    const { parts } = out;
    spread = out.spread;
    ann = mergeChunks(parts);
  }
  const ms = performance.now() - t0;
  // The page gets compact arrays to draw with, and the full result as JSON text (for export),
  // so that receiving even a multi-megabyte result costs its main thread next to nothing.
  const { view, transfer } = prepare(ann, text);
  const json = JSON.stringify(ann, null, text.length < 1_000_000 ? 2 : 0);
  postMessage({ type: "result", id, view, json, ms, spread }, transfer);
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
  if (msg && (msg.type === "annotate" || msg.type === "cancel")) {
    abort.abort(); // the running job dispatches no more chunks
    abort = new AbortController();
  }
  if (msg && msg.type === "annotate") {
    latest = msg.id;
    pending = msg;
    pump();
  } else if (msg && msg.type === "cancel") {
    latest = msg.id; // a running job stops at its next chunk
    pending = null;
  }
};
