// The text box: a plain-text contenteditable whose content is kept in blocks of a few thousand
// characters that the browser may skip laying out while off screen (content-visibility), so a
// multi-megabyte paste stays light to scroll and type in, which a <textarea> is not. Pastes and drops
// are inserted as plain text only; typing keeps the browser's own undo.

const BLOCK = 8000; // characters per block, cut after a line break
const NATIVE_PASTE_MAX = 100_000; // larger pastes are laid out in blocks by us

function supportsPlaintextOnly() {
  const probe = document.createElement("div");
  try {
    probe.contentEditable = "plaintext-only";
    return probe.contentEditable === "plaintext-only";
  } catch {
    return false;
  }
}

/** Cut `text` into blocks of about BLOCK characters, each ending after a line break if one is near. */
export function blocksOf(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    let j = text.indexOf("\n", i + BLOCK);
    if (j < 0 || j > i + 4 * BLOCK) j = Math.min(text.length, i + 4 * BLOCK) - 1;
    let end = j + 1;
    const c = text.charCodeAt(end);
    if (c >= 0xdc00 && c <= 0xdfff) end++; // keep a surrogate pair together
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

export class PlainEditor {
  /** @param {HTMLElement} el the element to turn into the editor */
  constructor(el, { onChange } = {}) {
    this.el = el;
    this.onChange = onChange || (() => {});
    this.cache = "";
    this.dirty = false;
    el.contentEditable = supportsPlaintextOnly() ? "plaintext-only" : "true";
    el.spellcheck = false;
    el.setAttribute("role", "textbox");
    el.setAttribute("aria-multiline", "true");
    el.addEventListener("input", () => this.changed());
    el.addEventListener("paste", (e) => this.onPaste(e));
    el.addEventListener("drop", (e) => this.onDrop(e));
    el.addEventListener("beforeinput", (e) => {
      // Formatting commands have no meaning in plain text (only reachable without plaintext-only).
      if (e.inputType.startsWith("format")) e.preventDefault();
    });
  }

  changed() {
    this.dirty = true;
    this.el.classList.toggle("is-empty", this.isEmpty());
    this.onChange();
  }

  isEmpty() {
    const el = this.el;
    if (el.childNodes.length > 2) return false; // cheap: never reads a long text
    return !el.firstChild || (el.childNodes.length === 1 && el.firstChild.nodeName === "BR") || el.textContent === "";
  }

  /** The text, as a string (recomputed after edits). */
  get value() {
    if (this.dirty) {
      this.cache = serialize(this.el);
      this.dirty = false;
    }
    return this.cache;
  }

  /** Replace the whole text (no undo step). */
  set value(text) {
    text = normalizeNewlines(String(text));
    const frag = document.createDocumentFragment();
    for (const block of blocksOf(text)) {
      const div = document.createElement("div");
      div.className = "blk";
      div.textContent = block;
      frag.appendChild(div);
    }
    this.el.replaceChildren(frag);
    this.cache = text;
    this.dirty = false;
    this.el.classList.toggle("is-empty", text.length === 0);
  }

  focus() {
    this.el.focus({ preventScroll: true });
  }

  /**
   * Replace the whole text as an edit the browser can undo (Ctrl+Z). A very long text is replaced
   * directly instead (selecting it all would make the browser lay all of it out): returns false then.
   */
  replaceUndoable(text) {
    text = normalizeNewlines(text);
    if (this.value.length > 4 * NATIVE_PASTE_MAX || text.length > NATIVE_PASTE_MAX) {
      this.value = text;
      this.el.scrollTop = 0;
      this.changed();
      return false;
    }
    this.focus();
    const sel = window.getSelection();
    sel.selectAllChildren(this.el);
    let ok = false;
    try {
      ok = text ? document.execCommand("insertText", false, text) : document.execCommand("delete");
    } catch {
      ok = false;
    }
    this.dirty = true;
    if (!ok || this.value !== text) this.value = text;
    sel.collapse(this.el, 0);
    this.el.scrollTop = 0;
    this.changed();
    return ok;
  }

  /** Insert plain text at the selection. */
  insert(text) {
    text = normalizeNewlines(text);
    if (text.length <= NATIVE_PASTE_MAX && this.value.length <= 4 * NATIVE_PASTE_MAX) {
      let ok = false;
      try {
        ok = document.execCommand("insertText", false, text);
      } catch {
        ok = false;
      }
      if (ok) {
        this.changed();
        return;
      }
    }
    // Large: rebuild the blocks around the pasted text and put the caret after it.
    const [start, end] = this.selectionOffsets();
    const before = this.value;
    this.value = before.slice(0, start) + text + before.slice(end);
    this.setCaret(start + text.length);
    this.changed();
  }

  onPaste(e) {
    const data = e.clipboardData;
    if (!data) return;
    e.preventDefault();
    this.insert(data.getData("text/plain"));
  }

  onDrop(e) {
    const data = e.dataTransfer;
    if (!data) return;
    const text = data.getData("text/plain");
    e.preventDefault();
    if (!text) return;
    const pos = document.caretPositionFromPoint
      ? document.caretPositionFromPoint(e.clientX, e.clientY)
      : document.caretRangeFromPoint?.(e.clientX, e.clientY);
    if (pos) {
      const node = pos.offsetNode || pos.startContainer;
      const offset = pos.offset ?? pos.startOffset;
      if (this.el.contains(node)) window.getSelection().collapse(node, offset);
    }
    this.insert(text);
  }

  /** Selection start and end as offsets into `value` (the end of the text if outside). */
  selectionOffsets() {
    const sel = window.getSelection();
    const n = this.value.length;
    if (!sel || !sel.rangeCount) return [n, n];
    const r = sel.getRangeAt(0);
    if (!this.el.contains(r.startContainer) || !this.el.contains(r.endContainer)) return [n, n];
    return [this.offsetOf(r.startContainer, r.startOffset), this.offsetOf(r.endContainer, r.endOffset)];
  }

  /** Offset into `value` of a DOM position inside the editor. */
  offsetOf(node, offset) {
    return serialize(this.el, node, offset).length;
  }

  /** Put the caret at an offset into `value`. */
  setCaret(pos) {
    const walker = document.createTreeWalker(this.el, NodeFilter.SHOW_TEXT);
    let left = pos;
    let node;
    while ((node = walker.nextNode())) {
      if (left <= node.data.length) {
        window.getSelection().collapse(node, left);
        return;
      }
      left -= node.data.length;
    }
    window.getSelection().collapse(this.el, this.el.childNodes.length);
  }
}

function normalizeNewlines(text) {
  return text.replace(/\r\n?/g, "\n");
}

const BLOCKS = new Set(["DIV", "P", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE"]);
const STOP = {};

/**
 * The plain text of the editor's DOM, the way the browser shows it: text nodes as they are; a block
 * the browser made for a new line (not one of our .blk blocks, whose text carries its own line
 * breaks) starts a new line; <br> is a line break, except the browser's placeholder <br> that ends
 * a block. With `stopNode`/`stopOffset`, the text before that DOM position.
 */
function serialize(root, stopNode = null, stopOffset = 0) {
  const out = [];
  let started = false;
  let pending = false; // a browser block ended: the next content starts a new line
  const last = () => (out.length ? out[out.length - 1] : "");
  const flush = () => {
    if (pending) {
      out.push("\n");
      pending = false;
    }
  };
  const walk = (node) => {
    let i = 0;
    for (let c = node.firstChild; c; c = c.nextSibling, i++) {
      if (node === stopNode && i >= stopOffset) throw STOP;
      if (c.nodeType === 3) {
        if (c === stopNode) {
          if (stopOffset > 0) {
            flush();
            out.push(c.data.slice(0, stopOffset));
          }
          throw STOP;
        }
        if (c.data) {
          flush();
          out.push(c.data);
          started = true;
        }
      } else if (c.nodeName === "BR") {
        if (c.nextSibling || !(BLOCKS.has(node.nodeName) || node === root)) {
          flush();
          out.push("\n");
        }
        started = true;
      } else if (c.nodeType === 1 && BLOCKS.has(c.nodeName) && !c.classList.contains("blk")) {
        if (pending) flush();
        else if (started && !last().endsWith("\n")) out.push("\n");
        walk(c);
        started = true;
        pending = true;
      } else if (c.nodeType === 1 || c.nodeType === 11) {
        walk(c);
      }
    }
    if (node === stopNode) throw STOP;
  };
  try {
    walk(root);
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return out.join("");
}
