// Type declarations for the newsmark npm package. They describe exactly the plain objects that
// `annotate` returns (checked against real results by tests/js/package.test.mjs).

/** Which annotation layers to run. */
export type Layer = "quotes" | "dates" | "entities";

export interface Options {
  /**
   * "Today" for the article, `"YYYY-MM-DD"` (or a `Date`: its local calendar day). Without it a
   * dateline in the text is used, else values stay unanchored (`XXXX-01-07`).
   */
  referenceDate?: string | Date | null;
  /** Layers to run: `["dates"]`, `"quotes,dates"` or `{ entities: false }` (missing keys on). Default: all. */
  layers?: Layer[] | string | { quotes?: boolean; dates?: boolean; entities?: boolean } | null;
  /** Read `1/7/2019` as 1 July instead of 7 January. Default false. */
  dayFirst?: boolean | null;
}

/** Offsets are UTF-16 code units: `text.slice(start, end) === span.text`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Entity label (CoNLL-2003 set). */
export type Label = "PER" | "ORG" | "LOC" | "MISC";

/** Who said a quote: the mention in the attribution and the entity it resolves to. */
export interface Speaker {
  /** Canonical name ("Lu Kang" for a mention "Lu" or "he"). */
  name: string;
  start: number;
  end: number;
  /** The mention itself (may be a pronoun or a title). */
  text: string;
  /** Index into `Annotation.groups`, when the speaker is a known entity. */
  group: number | null;
}

/** The reporting cue: "said", "told", "according to"… */
export interface Cue {
  start: number;
  end: number;
  text: string;
}

/** A quotation; `start..end` includes the quotation marks, `contentStart..contentEnd` does not. */
export interface Quote {
  start: number;
  end: number;
  text: string;
  /** full: a sentence or more of speech; partial: a phrase; other: titles, scare quotes. */
  kind: "full" | "partial" | "other";
  contentStart: number;
  contentEnd: number;
  speaker: Speaker | null;
  cue: Cue | null;
}

/** TIMEX3 type. */
export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

/** One end of a range such as "from March to May". */
export interface RangeRef {
  /** Shared by both ends of one range. */
  id: number;
  role: "start" | "end";
}

/** A temporal expression (TimeML TIMEX3). */
export interface Timex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** TIMEX3 value: `2019-01-07`, `2018`, `PT1H`, `PAST_REF`, `XXXX-01-07`… */
  value: string;
  range: RangeRef | null;
}

/** Alias of {@link Timex}. */
export type DateSpan = Timex;

/** One entity mention. */
export interface Entity {
  start: number;
  end: number;
  text: string;
  label: Label;
  /** Index into `Annotation.groups`. */
  group: number;
}

/** The mentions of one entity, with its canonical (fullest) name. */
export interface Group {
  id: number;
  name: string;
  label: Label;
  /** Indices into `Annotation.entities`, in text order. */
  mentions: number[];
}

/** Everything found in one text. */
export interface Annotation {
  /** Version of newsmark that produced it. */
  version: string;
  /** ISO date used to resolve relative expressions, or null. */
  referenceDate: string | null;
  /** Where `referenceDate` came from. */
  referenceDateSource: "option" | "dateline" | "none";
  quotes: Quote[];
  dates: Timex[];
  entities: Entity[];
  /** Entity groups: each mention's canonical entity. */
  groups: Group[];
}

/** Thrown when newsmark failed internally on a text; the module was restarted and the next call works. */
export class NewsmarkError extends Error {
  name: "NewsmarkError";
  code: "NEWSMARK_INTERNAL";
  /** The internal (Rust panic) message, for bug reports, or null. */
  panic: string | null;
}

/** Version of the package (and of the Rust crate inside it). */
export const version: string;

/**
 * Load and instantiate the WebAssembly module (once). `annotate` calls it for you; await it before
 * `annotateSync`. `source` overrides where the `.wasm` comes from.
 */
export function init(
  source?: string | URL | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/**
 * The compiled `WebAssembly.Module` once `init()` has completed, else `null`. Post it to a Web Worker
 * (it is structured-cloneable) and give it to that worker's `init(module)`: a second instance starts
 * without fetching or compiling the `.wasm` again.
 */
export function compiledModule(): WebAssembly.Module | null;

/**
 * Annotate `text`. Throws `TypeError` if `text` is not a string, `TypeError`/`RangeError` for bad
 * options, and `NewsmarkError` on an internal error (after restarting).
 */
export function annotate(text: string, options?: Options | null): Promise<Annotation>;

/**
 * WebAssembly linear memory: `current` bytes of the live instance and the `peak` over all calls
 * (above 64 MiB after a call the instance is re-created, giving the memory back). Zeros before
 * `init()`. For measurements.
 */
export function wasmMemoryBytes(): { current: number; peak: number };

/** Like `annotate`, synchronously, once `await init()` has completed (handy in a Web Worker). */
export function annotateSync(text: string, options?: Options | null): Annotation;
