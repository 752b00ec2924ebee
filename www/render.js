// Builds the highlighted text from the worker's nested piece list: <mark> elements and text nodes
// only (never HTML from the text), in time slices so that even a multi-megabyte result never holds
// up typing, in blocks the browser may skip laying out while off screen.

import { QUOTE, DATE, PIECE_FIELDS, QUOTE_KINDS } from "./layout.js";

const SEGMENT = 8000; // characters per content-visibility block, cut after a line break
const LABEL_KEYS = ["per", "org", "loc", "misc"]; // by label code (LABELS order)

export class Rendering {
  /**
   * @param {HTMLElement} container emptied and filled with the text
   * @param {string} text the annotated text
   * @param {object} v the worker's view data (`prepare` in layout.js)
   * @param {{isHidden: (key: string) => boolean}} options hidden kinds get no tab stop
   */
  constructor(container, text, v, { isHidden = () => false } = {}) {
    this.container = container;
    this.text = text;
    this.pieces = v.pieces;
    this.isHidden = isHidden;
    this.p = 0;
    this.cursor = 0;
    this.stack = [];
    this.seg = null;
    this.segLen = 0;
    /** The first mark of each span: marks[kind][index]. */
    this.marks = [new Array(v.counts.q), new Array(v.counts.d), new Array(v.entities.label.length)];
    this.done = false;
    this.cancelled = false;
    container.replaceChildren();
    this.newSegment();
  }

  /** Render a first slice now and the rest in later tasks; `onDone` when all is shown. */
  start(onDone) {
    this.step(performance.now() + 12);
    if (this.done) {
      onDone();
      return;
    }
    const run = () => {
      if (this.cancelled) return;
      this.step(performance.now() + 10);
      if (this.done) onDone();
      else setTimeout(run, 0);
    };
    setTimeout(run, 0);
  }

  cancel() {
    this.cancelled = true;
  }

  /** The first mark of a span, rendering synchronously up to it if need be. */
  markFor(kind, index) {
    while (!this.done && !this.cancelled && !this.marks[kind][index]) this.step(performance.now() + 50);
    return this.marks[kind][index] || null;
  }

  newSegment() {
    const seg = document.createElement("div");
    seg.className = "seg";
    this.container.appendChild(seg);
    this.seg = seg;
    this.segLen = 0;
  }

  appendText(from, to) {
    if (to <= from) return;
    const text = this.text;
    if (this.stack.length) {
      this.stack[this.stack.length - 1].el.appendChild(document.createTextNode(text.slice(from, to)));
      return;
    }
    // Outside any highlight: start a new block after a line break once the block is full.
    while (from < to) {
      if (this.segLen >= SEGMENT) {
        const nl = text.indexOf("\n", from);
        if (nl >= 0 && nl < to) {
          this.seg.appendChild(document.createTextNode(text.slice(from, nl + 1)));
          this.newSegment();
          from = nl + 1;
          continue;
        }
        this.seg.appendChild(document.createTextNode(text.slice(from, to)));
        this.segLen += to - from;
        return;
      }
      let cut = Math.min(to, from + (SEGMENT - this.segLen));
      if (cut < to) {
        const c = text.charCodeAt(cut);
        if (c >= 0xdc00 && c <= 0xdfff) cut++; // keep a surrogate pair in one text node
      }
      this.seg.appendChild(document.createTextNode(text.slice(from, cut)));
      this.segLen += cut - from;
      from = cut;
    }
  }

  closeUntil(pos) {
    const stack = this.stack;
    while (stack.length && stack[stack.length - 1].end <= pos) {
      const top = stack[stack.length - 1];
      this.appendText(this.cursor, top.end);
      this.cursor = Math.max(this.cursor, top.end);
      stack.pop();
    }
  }

  makeMark(kind, index, first, sub) {
    const el = document.createElement("mark");
    let key;
    if (kind === QUOTE) {
      key = "q";
      el.className = `m q q-${QUOTE_KINDS[sub] || "other"}`;
    } else if (kind === DATE) {
      key = "d";
      el.className = "m d";
    } else {
      key = LABEL_KEYS[sub] || "misc";
      el.className = `m e ${key}`;
    }
    el.dataset.k = String(kind);
    el.dataset.i = String(index);
    if (first) {
      el.tabIndex = this.isHidden(key) ? -1 : 0;
      this.marks[kind][index] = el;
    } else {
      el.classList.add("cont"); // the rest of a span split around another one's end
    }
    return el;
  }

  /** Render pieces until `deadline` (a performance.now() time) or the end. */
  step(deadline) {
    const pieces = this.pieces;
    const n = pieces.length / PIECE_FIELDS;
    while (this.p < n) {
      if ((this.p & 31) === 0 && performance.now() > deadline) return;
      const b = this.p * PIECE_FIELDS;
      const start = pieces[b];
      const end = pieces[b + 1];
      this.closeUntil(start);
      this.appendText(this.cursor, start);
      this.cursor = Math.max(this.cursor, start);
      const el = this.makeMark(pieces[b + 2], pieces[b + 3], pieces[b + 4] === 1, pieces[b + 5]);
      (this.stack.length ? this.stack[this.stack.length - 1].el : this.seg).appendChild(el);
      this.stack.push({ el, end });
      this.p++;
    }
    this.closeUntil(Infinity);
    this.appendText(this.cursor, this.text.length);
    this.cursor = this.text.length;
    this.done = true;
  }
}
