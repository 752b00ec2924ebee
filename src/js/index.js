// newsmark — JavaScript entry point of the npm package. A thin wrapper over the wasm-bindgen glue
// (./newsmark.js): it loads the .wasm in browsers, bundlers and Node alike, checks the input,
// keeps offsets matching `text.slice`, and recovers from an internal error (a Rust panic traps the
// WebAssembly instance) by re-creating the instance, so the next call works.

// The wasm-bindgen glue (./newsmark.js) is imported by `init()`, at the same time as the .wasm
// is fetched and compiled, rather than statically: a page then waits for one request after this
// file instead of two in a row.
let glue = null;

/** Version of the package (the same as the Rust crate inside it). */
export const version = "__NEWSMARK_VERSION__";

/** Thrown when newsmark itself failed on a text (a bug): the module was restarted. */
export class NewsmarkError extends Error {
  constructor(message, { cause, panic } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "NewsmarkError";
    this.code = "NEWSMARK_INTERNAL";
    /** The Rust panic message, for bug reports (may be null). */
    this.panic = panic ?? null;
    if (panic && typeof this.stack === "string") this.stack += `\ninternal (Rust) panic: ${panic}`;
  }
}

const RESTARTED =
  "newsmark hit an internal error on this text and restarted; your text is unchanged";

const encoder = new TextEncoder();
let compiled = null; // WebAssembly.Module, kept to re-instantiate after a trap
let initPromise = null;
let ready = false;
let broken = null; // set when a restart failed: the next async call re-initialises

// Kept in a variable so bundlers leave it alone; only used when the .wasm is a file: URL (Node).
const NODE_FS = "node:fs/promises";

async function compileFrom(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return WebAssembly.compile(source);
  }
  if (typeof Response === "function" && source instanceof Response) {
    return compileResponse(source, source.url);
  }
  // The literal `new URL("./newsmark_bg.wasm", import.meta.url)` lets bundlers (Vite, webpack,
  // Rollup) find and emit the file; in Node it is a file: URL read from disk.
  let url = source ?? new URL("./newsmark_bg.wasm", import.meta.url);
  if (typeof url === "string") {
    const base = typeof location === "object" && location ? location.href : import.meta.url;
    url = new URL(url, base);
  }
  if (url.protocol === "file:") {
    const fs = await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS);
    return WebAssembly.compile(await fs.readFile(url));
  }
  return compileResponse(await fetch(url), url);
}

async function compileResponse(response, url) {
  if (!response.ok) {
    throw new Error(`newsmark: could not load ${url}: HTTP ${response.status}`);
  }
  const type = response.headers.get("content-type") || "";
  if (typeof WebAssembly.compileStreaming === "function" && type.startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Load and instantiate the WebAssembly module. Called for you by `annotate`; call it yourself
 * before `annotateSync`. `source` (optional) overrides where the .wasm comes from: a URL, a
 * Response, bytes or a compiled WebAssembly.Module.
 */
export function init(source) {
  if (ready && !broken) return Promise.resolve();
  if (!initPromise) {
    initPromise = (async () => {
      const [g, module] = await Promise.all([glue ?? import("./newsmark.js"), compiled ?? compileFrom(source)]);
      glue = g;
      compiled = module;
      if (broken) {
        // A failed synchronous restart: instantiate the kept module again.
        glue.__wbg_reset_state();
        broken = null;
      } else {
        await glue.default({ module_or_path: compiled });
      }
      ready = true;
    })();
    initPromise.catch(() => {
      initPromise = null;
    });
  }
  return initPromise;
}

/**
 * The compiled WebAssembly.Module once `init()` has completed (else null): post it to a Worker and
 * pass it to that worker's `init(module)` to start another instance without fetching or compiling.
 */
export function compiledModule() {
  return ready ? compiled : null;
}

/** Annotate `text` (loading the module on first use). Returns a plain object. */
export async function annotate(text, options) {
  checkText(text);
  if (!ready || broken) await init();
  return annotateSync(text, options);
}

/** Annotate `text` synchronously; `await init()` must have completed (e.g. in a worker). */
export function annotateSync(text, options) {
  checkText(text);
  if (!ready) {
    throw new Error("newsmark: not initialised yet: `await init()` before annotateSync()");
  }
  if (broken) throw broken;
  let result;
  try {
    result = glue.annotateUtf8(encoder.encode(text), options);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) restart(e);
    throw e;
  }
  if (!isWellFormed(text)) resliceTexts(result, text);
  releaseMemory();
  return result;
}

// WebAssembly memory grows and never shrinks. After a huge text, re-create the instance (cheap:
// the compiled module is kept) so a page or worker does not hold that memory for ever.
const RELEASE_ABOVE = 64 * 1024 * 1024;
let peakMemory = 0;

function releaseMemory() {
  const bytes = glue.memoryBytes();
  if (bytes > peakMemory) peakMemory = bytes;
  if (bytes > RELEASE_ABOVE) {
    try {
      glue.__wbg_reset_state();
    } catch {
      // keep the big instance: it works, it is only large
    }
  }
}

function checkText(text) {
  if (typeof text !== "string") {
    const what = text === null ? "null" : Array.isArray(text) ? "an array" : typeof text;
    throw new TypeError(`newsmark: text must be a string, got ${what}`);
  }
}

// The instance trapped (a Rust panic, or running out of memory): keep the panic message,
// re-create the instance from the compiled module, and report in plain words.
function restart(cause) {
  let panic = null;
  try {
    panic = glue.lastPanic() ?? null;
  } catch {
    // the trapped instance may not answer; the message is only a bonus
  }
  const error = new NewsmarkError(RESTARTED, { cause, panic });
  try {
    glue.__wbg_reset_state();
  } catch (e) {
    // Synchronous instantiation refused (some browsers limit it on the main thread): the next
    // `await annotate()` / `await init()` restarts asynchronously.
    broken = new NewsmarkError(
      "newsmark is restarting after an internal error: `await init()` before annotateSync()",
      { cause: e, panic },
    );
    initPromise = null;
  }
  throw error;
}

function isWellFormed(text) {
  return typeof text.isWellFormed === "function"
    ? text.isWellFormed()
    : !/\p{Surrogate}/u.test(text);
}

// Lone surrogates reach Rust as U+FFFD (same UTF-16 length, so offsets hold); give the spans the
// caller's own characters back so `text.slice(start, end) === span.text` always.
function resliceTexts(result, text) {
  const fix = (s) => {
    if (s) s.text = text.slice(s.start, s.end);
  };
  for (const q of result.quotes) {
    fix(q);
    fix(q.speaker);
    fix(q.cue);
  }
  result.dates.forEach(fix);
  result.entities.forEach(fix);
}

/**
 * WebAssembly linear memory: `current` bytes of the live instance and the `peak` over all calls.
 * (Memory only grows inside an instance; above 64 MiB after a call the instance is re-created so
 * the memory is given back.) Zeros before `init()`. For measurements.
 */
export function wasmMemoryBytes() {
  if (!ready) return { current: 0, peak: 0 };
  const current = glue.memoryBytes();
  return { current, peak: Math.max(peakMemory, current) };
}

/** Test hook: make the Rust side panic, to check recovery. Do not use. */
export function __panicForTest() {
  if (!ready) throw new Error("newsmark: not initialised yet");
  try {
    glue.__panicForTest();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) restart(e);
    throw e;
  }
}
