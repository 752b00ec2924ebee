// The pool that annotates a long text's chunks in parallel, used by the annotation worker
// (worker.js): a few helper workers (helper.js), each with its own newsmark instance made from the
// WebAssembly.Module the annotation worker compiled (posted to them: nothing is fetched or compiled
// twice). `annotateChunks` hands each chunk to whichever instance is free — the annotation worker's
// own or a helper's — and returns the results in text order. A superseded job dispatches no more
// chunks and its late results are dropped; a helper still busy with one finishes it first.

/** At most this many instances share a text: the annotation worker's and up to three helpers. */
const MAX_INSTANCES = 4;

/** Helpers worth starting here: one per core beyond the annotation worker's, up to the cap. */
export function helperCount() {
  if (typeof Worker !== "function") return 0; // no nested workers in this browser
  const cores = (typeof navigator === "object" && navigator.hardwareConcurrency) || 2;
  return Math.max(0, Math.min(cores, MAX_INSTANCES) - 1);
}

class Helper {
  constructor(module) {
    this.module = module;
    this.alive = true;
    this.busy = false;
    this.idle = Promise.resolve(); // settles when the chunk in hand (if any) is done
    this.calls = new Map();
    this.seq = 0;
    this.everLoaded = false;
    this.loaded = new Promise((resolve) => {
      this.onLoaded = resolve;
    });
    try {
      this.worker = new Worker(new URL("./helper.js", import.meta.url), { type: "module", name: "newsmark-helper" });
    } catch (err) {
      this.worker = null;
      this.die(err && err.message);
      return;
    }
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.die(event.message || "the helper worker stopped");
    };
    this.worker.postMessage({ type: "init", module });
  }

  receive(msg) {
    if (msg.type === "loaded") {
      this.everLoaded = true;
      this.onLoaded(true);
    } else if (msg.type === "fatal") {
      this.die(msg.message);
    } else {
      const call = this.calls.get(msg.call);
      this.calls.delete(msg.call);
      if (!call) return;
      if (msg.type === "result") return void call.resolve(msg.ann);
      // The helper's error, rebuilt so that it reads as the same error thrown here would.
      const err = new Error(msg.message);
      err.name = msg.name;
      err.panic = msg.panic;
      call.reject(err);
    }
  }

  /** The worker is gone (failed to load or crashed outright): chunks in hand are to be redone. */
  die(message) {
    this.alive = false;
    this.onLoaded(false);
    if (this.worker) this.worker.terminate();
    for (const call of this.calls.values()) {
      const err = new Error(`helper worker stopped: ${message}`);
      err.lost = true;
      call.reject(err);
    }
    this.calls.clear();
  }

  annotate(text, options) {
    const call = ++this.seq;
    const done = new Promise((resolve, reject) => this.calls.set(call, { resolve, reject }));
    this.busy = true;
    this.idle = done.then(
      () => void (this.busy = false),
      () => void (this.busy = false),
    );
    this.worker.postMessage({ type: "annotate", call, text, options });
    return done;
  }
}

export class Pool {
  /** Start `size` helpers from `module` (a compiled WebAssembly.Module, or undefined). */
  constructor(module, size = helperCount()) {
    this.module = module;
    this.helpers = Array.from({ length: size }, () => new Helper(module));
  }

  /** Resolves once every helper has its instance (all scripts fetched), or has failed to start. */
  loaded() {
    return Promise.all(this.helpers.map((h) => h.loaded));
  }

  /**
   * Annotate `text` cut at `cuts` (chunk ends, as layout.chunkBounds gives them). `local(text,
   * options)` annotates on the caller's own instance; `optionsFor(i)` gives chunk i's options;
   * `onChunk(length)` is called as each chunk finishes. `signal` (an AbortSignal) supersedes the
   * job: the promise then resolves to null at once. Otherwise it resolves to { parts, spread }:
   * parts for layout.mergeChunks, spread the chunks done by each instance (the caller's first).
   * The first error (a NewsmarkError from any instance, or a bad option) rejects it.
   */
  annotateChunks({ text, cuts, optionsFor, local, onChunk, signal }) {
    const n = cuts.length;
    const starts = [0, ...cuts.slice(0, -1)];
    const parts = new Array(n);
    const spread = new Array(this.helpers.length + 1).fill(0);
    let next = 0;
    let failure = null;
    const open = () => failure === null && !signal.aborted;
    const take = () => (open() && next < n ? next++ : -1);
    const finish = (i, ann, by) => {
      parts[i] = { offset: starts[i], ann };
      spread[by]++;
      onChunk(cuts[i] - starts[i]);
    };
    const runLocal = (i) => finish(i, local(text.slice(starts[i], cuts[i]), optionsFor(i)), 0);

    const viaHelper = async (h, by) => {
      for (;;) {
        if (h.busy) await h.idle; // still on a chunk of an older job
        if (!h.alive || !h.everLoaded) return;
        const i = take();
        if (i < 0) return;
        try {
          const ann = await h.annotate(text.slice(starts[i], cuts[i]), optionsFor(i));
          if (open()) finish(i, ann, by);
        } catch (err) {
          if (err.lost) return void this.replace(h); // the chunk is redone below
          if (open()) failure = err;
          return;
        }
      }
    };
    const viaSelf = async () => {
      for (let i; (i = take()) >= 0; ) {
        try {
          runLocal(i);
        } catch (err) {
          if (open()) failure = err;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 0)); // let messages in
      }
    };

    // Helpers first: each gets its chunk before this thread starts on its own.
    const all = Promise.all([...this.helpers.map((h, k) => viaHelper(h, k + 1)), viaSelf()]).then(() => {
      if (failure) throw failure;
      if (signal.aborted) return null;
      // Chunks of a helper that died meanwhile.
      for (let i = 0; i < n; i++) if (!parts[i]) runLocal(i);
      return { parts, spread };
    });
    const superseded = new Promise((resolve) => {
      if (signal.aborted) resolve(null);
      signal.addEventListener("abort", () => resolve(null), { once: true });
    });
    return Promise.race([all, superseded]);
  }

  /** Start a new helper in place of one whose worker died (only if that one had worked). */
  replace(h) {
    const k = this.helpers.indexOf(h);
    if (k >= 0 && h.everLoaded) this.helpers[k] = new Helper(this.module);
  }
}
