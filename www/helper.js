// Helper worker of the pool (www/pool.js): started by the annotation worker, it holds one more
// newsmark instance, made from the WebAssembly.Module the annotation worker already compiled, and
// annotates the chunks of long texts it is sent, one at a time.

import * as newsmark from "./pkg/index.js";
import { EXAMPLE_TEXT, EXAMPLE_DATE } from "./example.js";

let started = null;

function describe(err) {
  return err && typeof err === "object" ? err.message || String(err) : String(err);
}

async function start(module) {
  // A module from the annotation worker means nothing is fetched or compiled here (a package
  // without `compiledModule` gives none: then init() loads the .wasm itself).
  await newsmark.init(module || undefined);
  postMessage({ type: "loaded" }); // every script is in: nothing more is requested
  // Warm up, as the annotation worker does, so the first long text runs at full speed here too.
  try {
    newsmark.annotateSync(EXAMPLE_TEXT, { referenceDate: EXAMPLE_DATE });
  } catch {
    // a failed warm-up changes nothing: a real chunk reports its own error
  }
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    started = start(msg.module);
    started.catch((err) => postMessage({ type: "fatal", message: describe(err) }));
  } else if (msg.type === "annotate") {
    try {
      await started;
      const ann = newsmark.annotateSync(msg.text, msg.options);
      postMessage({ type: "result", call: msg.call, ann });
    } catch (err) {
      // A panic (NewsmarkError) has already re-created this instance (the package does it): the
      // helper goes on with the next chunk it is sent. The error is rebuilt on the other side.
      const name = (err && err.name) || "Error";
      if (name === "NewsmarkError") started = newsmark.init(); // resolves at once unless a restart failed
      postMessage({ type: "error", call: msg.call, name, message: describe(err), panic: err?.panic ?? null });
    }
  }
};
