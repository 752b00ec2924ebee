// The newsmark page: keeps the user's text in a plain-text box, sends it to the annotation worker as they
// type (debounced; newer edits supersede older jobs), and renders the result as highlights built from
// DOM nodes and text nodes only (never HTML from user text), with a legend, tooltips and side lists.

import { QUOTE, DATE, ENTITY, LABELS, QUOTE_KINDS, DATE_TYPES, describeValue } from "./layout.js";
import { EXAMPLE_TEXT, EXAMPLE_DATE } from "./example.js";
import { PlainEditor } from "./editor.js";
import { Rendering } from "./render.js";

const $ = (id) => document.getElementById(id);
const els = {
  text: $("text"),
  refdate: $("refdate"),
  today: $("today"),
  dayfirst: $("dayfirst"),
  refnote: $("refnote"),
  charcount: $("charcount"),
  status: $("status"),
  progress: $("progress"),
  alert: $("alert"),
  legend: $("legend"),
  view: $("view"),
  tip: $("tip"),
  exportBtn: $("export"),
  loadExample: $("load-example"),
  clear: $("clear"),
  version: $("version"),
  quotesList: $("quotes-list"),
  entitiesList: $("entities-list"),
  datesList: $("dates-list"),
  quotesCount: $("quotes-count"),
  entitiesCount: $("entities-count"),
  datesCount: $("dates-count"),
};

/** The kinds shown in the legend, each with its CSS class suffix. */
const KINDS = [
  { key: "q", name: "Quotes", title: "Quote" },
  { key: "d", name: "Dates & times", title: "Date" },
  { key: "per", name: "People", title: "Person", label: "PER" },
  { key: "org", name: "Organisations", title: "Organisation", label: "ORG" },
  { key: "loc", name: "Places", title: "Place", label: "LOC" },
  { key: "misc", name: "Other names", title: "Other name", label: "MISC" },
];
const LABEL_KEY = { PER: "per", ORG: "org", LOC: "loc", MISC: "misc" };
const LABEL_TITLE = { PER: "Person", ORG: "Organisation", LOC: "Place", MISC: "Other name" };
const LIST_CAP = 300;
const WATCHDOG_MS = 30000;
const STORE_KEY = "newsmark.text";
const STORE_MAX = 1_000_000;

const hidden = new Set();
const editor = new PlainEditor(els.text, {
  onChange: () => {
    hideEditorNote();
    scheduleAnnotate();
  },
});
const numberFmt = new Intl.NumberFormat();

// ---------------------------------------------------------------------------------------------
// Worker and jobs

let worker = null;
let ready = false;
let version = "";
let jobSeq = 0;
let inFlight = null; // { id, text, options, started, lastHeard }
let current = null; // { id, text, options, view, json, ms, marks }
let debounceTimer = 0;
let renders = 0; // results shown so far
let stale = 0; // messages about jobs already superseded

function startWorker() {
  ready = false;
  try {
    worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  } catch (err) {
    worker = null;
    showAlert(
      "The annotator could not start in this browser." +
        (location.protocol === "file:" ? " Open the page through a web server rather than as a file." : ""),
      String(err && err.message ? err.message : err),
    );
    setStatus("Annotator unavailable.");
    return;
  }
  worker.onmessage = onWorkerMessage;
  worker.onerror = (event) => {
    event.preventDefault();
    const detail = event.message || "The worker script failed to load.";
    stopWorker();
    inFlight = null;
    showBusy(false);
    showAlert(
      "The annotator stopped unexpectedly. Your text is safe and unchanged." +
        (location.protocol === "file:" ? " Open the page through a web server rather than as a file." : " Edit the text to try again."),
      detail,
    );
    setStatus("Annotator stopped.");
  };
}

function stopWorker() {
  if (worker) worker.terminate();
  worker = null;
  ready = false;
}

function restartWorker() {
  stopWorker();
  startWorker();
}

function onWorkerMessage(event) {
  const msg = event.data;
  switch (msg.type) {
    case "ready":
      ready = true;
      version = msg.version;
      els.version.textContent = version ? `newsmark ${version}` : "newsmark";
      if (inFlight) {
        inFlight.lastHeard = performance.now();
      } else if (!current) {
        setStatus(editor.value ? "Annotating…" : "Ready. Paste an article to begin.");
        if (editor.value) submit();
      }
      break;
    case "progress":
      if (!inFlight || msg.id !== inFlight.id) return void stale++;
      inFlight.lastHeard = performance.now();
      showBusy(true, msg.done / Math.max(1, msg.total));
      setStatus(`Annotating ${formatSize(msg.total)}… ${Math.floor((100 * msg.done) / Math.max(1, msg.total))}%`);
      break;
    case "result":
      if (!inFlight || msg.id !== inFlight.id) return void stale++;
      current = { ...inFlight, view: msg.view, json: msg.json, ms: msg.ms, parsed: null };
      inFlight = null;
      showBusy(false);
      hideAlert();
      showResult(current);
      break;
    case "error":
      if (!inFlight || msg.id !== inFlight.id) return;
      inFlight = null;
      showBusy(false);
      if (msg.crash) {
        showAlert(
          "newsmark hit an internal error while reading this text and has been restarted. Your text is safe and unchanged; edit it to try again.",
          msg.message,
        );
      } else {
        showAlert("The text could not be annotated. Your text is safe and unchanged.", msg.message);
      }
      setStatus("Annotation failed. The annotator has been restarted.");
      restartWorker();
      break;
    case "fatal":
      showAlert(
        "The annotator could not start, so nothing can be highlighted. Your text is safe and unchanged; reload the page to try again.",
        msg.message,
      );
      setStatus("Annotator unavailable.");
      inFlight = null;
      showBusy(false);
      stopWorker();
      break;
  }
}

function currentOptions() {
  const options = { layers: ["quotes", "dates", "entities"], dayFirst: els.dayfirst.checked };
  if (/^\d{4}-\d{2}-\d{2}$/.test(els.refdate.value)) options.referenceDate = els.refdate.value;
  return options;
}

function sameOptions(a, b) {
  return a && b && a.referenceDate === b.referenceDate && a.dayFirst === b.dayFirst;
}

function scheduleAnnotate() {
  clearTimeout(debounceTimer);
  // Short texts feel live; long ones wait for a pause in typing.
  const n = editor.cache.length; // as of the last read: reading the text is left to the debounce
  const delay = n < 20_000 ? 120 : n < 400_000 ? 250 : 600;
  debounceTimer = setTimeout(submit, delay);
}

function submit() {
  clearTimeout(debounceTimer);
  const text = editor.value;
  const options = currentOptions();
  els.charcount.textContent = `${numberFmt.format(text.length)} characters`;
  saveText(text);
  if (!text.trim()) {
    if (inFlight && worker) worker.postMessage({ type: "cancel", id: ++jobSeq }); // stop a long job
    inFlight = null;
    current = null;
    showBusy(false);
    clearResult();
    setStatus(ready ? "Ready. Paste an article to begin." : "Starting the annotator…");
    return;
  }
  if (inFlight && inFlight.text === text && sameOptions(inFlight.options, options)) return;
  if (!inFlight && current && current.text === text && sameOptions(current.options, options)) return;
  if (!worker) startWorker();
  if (!worker) return;
  const id = ++jobSeq;
  const now = performance.now();
  inFlight = { id, text, options, started: now, lastHeard: now };
  worker.postMessage({ type: "annotate", id, text, options });
  if (text.length > 200_000) {
    showBusy(true, 0);
    setStatus(`Annotating ${formatSize(text.length)}…`);
  } else if (!current) {
    setStatus(ready ? "Annotating…" : "Starting the annotator…");
  }
  els.view.setAttribute("aria-busy", "true");
}

// A job that never answers (a hang inside the module) is stopped and the worker re-created.
setInterval(() => {
  if (inFlight && performance.now() - inFlight.lastHeard > WATCHDOG_MS) {
    inFlight = null;
    showBusy(false);
    restartWorker();
    showAlert("Annotating this text took too long, so it was stopped. Your text is safe and unchanged; edit it to try again.");
    setStatus("Stopped a job that took too long.");
  }
}, 1000);

// ---------------------------------------------------------------------------------------------
// Showing a result

let render = null;

function clearResult() {
  cancelRender();
  hideTip();
  els.view.replaceChildren(emptyMessage());
  els.view.setAttribute("aria-busy", "false");
  els.exportBtn.disabled = true;
  updateLegend(null);
  fillLists(null);
}

function emptyMessage() {
  const p = document.createElement("p");
  p.className = "empty";
  p.append("Paste an article above, or ");
  const b = document.createElement("button");
  b.type = "button";
  b.className = "linklike";
  b.textContent = "load the example";
  b.addEventListener("click", loadExample);
  p.append(b, ", to see its quotes, dates and names highlighted here.");
  return p;
}

function cancelRender() {
  if (render) render.cancel();
  render = null;
}

function showResult(res) {
  renders++;
  const v = res.view;
  cancelRender();
  hideTip();
  const view = els.view;
  const scroll = view.scrollTop;
  render = new Rendering(view, res.text, v, { isHidden: (key) => hidden.has(key) });
  render.res = res;
  res.marks = render.marks;
  // The first screenful now, the rest in slices between tasks.
  render.start(() => view.setAttribute("aria-busy", "false"));
  view.scrollTop = scroll;
  els.exportBtn.disabled = false;
  updateLegend(v);
  fillLists(v);
  updateRefNote(v);
  const counts = `${plural(v.counts.q, "quote")} · ${plural(v.counts.d, "date")} · ${plural(v.entities.label.length, "name")}`;
  setStatus(`${counts} in ${numberFmt.format(res.text.length)} characters · ${formatMs(res.ms)}`);
}

/** Make sure the mark of a span exists (rendering synchronously up to it) and return it. */
function markFor(kind, index) {
  if (!current || !render || render.res !== current) return null;
  return render.markFor(kind, index);
}

// ---------------------------------------------------------------------------------------------
// Legend

function updateLegend(v) {
  const counts = v ? v.counts : { q: 0, d: 0, per: 0, org: 0, loc: 0, misc: 0 };
  for (const kind of KINDS) {
    const btn = els.legend.querySelector(`[data-kind="${kind.key}"]`);
    const n = btn.querySelector(".n");
    n.textContent = numberFmt.format(counts[kind.key]);
    btn.setAttribute("aria-label", `${kind.name}: ${counts[kind.key]}. ${hidden.has(kind.key) ? "Hidden" : "Shown"}; press to ${hidden.has(kind.key) ? "show" : "hide"}.`);
  }
}

function buildLegend() {
  for (const kind of KINDS) {
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = `chip chip-${kind.key}`;
    btn.dataset.kind = kind.key;
    btn.setAttribute("aria-pressed", "true");
    btn.append(swatch(kind.key), textSpan("", kind.name), textSpan("n", "0"));
    btn.addEventListener("click", () => toggleKind(kind.key));
    els.legend.appendChild(btn);
  }
}

function toggleKind(key, show = hidden.has(key)) {
  if (show) hidden.delete(key);
  else hidden.add(key);
  els.view.classList.toggle(`hide-${key}`, !show);
  const btn = els.legend.querySelector(`[data-kind="${key}"]`);
  btn.setAttribute("aria-pressed", String(show));
  const sel = key === "q" ? "mark.q" : key === "d" ? "mark.d" : `mark.e.${key}`;
  for (const m of els.view.querySelectorAll(`${sel}:not(.cont)`)) m.tabIndex = show ? 0 : -1;
  hideTip();
  updateLegend(current && current.view);
}

function keyOfMark(el) {
  if (el.classList.contains("q")) return "q";
  if (el.classList.contains("d")) return "d";
  for (const k of ["per", "org", "loc", "misc"]) if (el.classList.contains(k)) return k;
  return "misc";
}

// ---------------------------------------------------------------------------------------------
// Tooltip (hover and keyboard focus)

let tipFor = null;
let related = [];

function spanOf(el) {
  const kind = Number(el.dataset.k);
  const index = Number(el.dataset.i);
  return { kind, index };
}

function row(dl, term, value, cls) {
  if (value == null || value === "") return;
  const dt = document.createElement("dt");
  dt.textContent = term;
  const dd = document.createElement("dd");
  dd.textContent = value;
  if (cls) dd.className = cls;
  dl.append(dt, dd);
}

function tipSection(v, kind, index) {
  const sec = document.createElement("div");
  sec.className = "tip-sec";
  const head = document.createElement("div");
  head.className = "tip-head";
  const sw = document.createElement("span");
  sw.setAttribute("aria-hidden", "true");
  const title = document.createElement("strong");
  const dl = document.createElement("dl");
  if (kind === QUOTE) {
    const q = v.quotes;
    const qkind = QUOTE_KINDS[q.kind[index]];
    sw.className = "swatch q";
    title.textContent = qkind === "full" ? "Quote" : qkind === "partial" ? "Partial quote" : "Quotation marks (not speech)";
    const name = q.speakerName[index];
    if (name) {
      const said = q.speakerText[index] && q.speakerText[index] !== name ? `${name} (as “${q.speakerText[index]}”)` : name;
      row(dl, "Speaker", said);
    } else if (qkind !== "other") {
      row(dl, "Speaker", "not found", "muted");
    }
    if (q.cue[index]) row(dl, "Cue", q.cue[index]);
  } else if (kind === DATE) {
    const type = DATE_TYPES[v.dates.type[index]];
    const value = v.dates.value[index];
    sw.className = "swatch d";
    title.textContent = { DATE: "Date", TIME: "Time", DURATION: "Duration", SET: "Recurring time" }[type] || "Date";
    row(dl, "Value", value, "mono");
    row(dl, "Meaning", describeValue(value, type));
    row(dl, "Type", type, "mono");
    const range = v.dates.range[index];
    if (range >= 0) row(dl, "Range", range === 0 ? "start of a range" : "end of a range");
  } else {
    const label = LABELS[v.entities.label[index]];
    const g = v.entities.group[index];
    sw.className = `swatch ${LABEL_KEY[label] || "misc"}`;
    title.textContent = LABEL_TITLE[label] || label;
    if (g >= 0 && g < v.groups.name.length) {
      row(dl, "Canonical", v.groups.name[g]);
      row(dl, "Mentions", numberFmt.format(v.groups.count[g]));
    }
    row(dl, "Label", label, "mono");
  }
  head.append(sw, title);
  sec.append(head, dl);
  return sec;
}

function showTip(mark) {
  if (!current) return;
  const chain = [];
  for (let el = mark; el && el !== els.view; el = el.parentElement) {
    if (el.tagName === "MARK" && !hidden.has(keyOfMark(el))) chain.push(el);
  }
  if (!chain.length) {
    hideTip();
    return;
  }
  if (tipFor === chain[0]) return;
  clearRelated();
  tipFor = chain[0];
  const v = current.view;
  els.tip.replaceChildren(...chain.map((el) => {
    const { kind, index } = spanOf(el);
    return tipSection(v, kind, index);
  }));
  markRelated(v, spanOf(chain[0]));
  els.tip.hidden = false;
  placeTip(chain[0]);
}

function placeTip(mark) {
  const tip = els.tip;
  const rects = mark.getClientRects();
  const box = rects.length ? rects[0] : mark.getBoundingClientRect();
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  const left = Math.max(8, Math.min(box.left, window.innerWidth - w - 8));
  let top = box.bottom + 6;
  if (top + h > window.innerHeight - 8) top = Math.max(8, box.top - h - 6);
  tip.style.left = `${Math.round(left)}px`;
  tip.style.top = `${Math.round(top)}px`;
}

function hideTip() {
  clearRelated();
  tipFor = null;
  els.tip.hidden = true;
}

/** Outline the other mentions of the same entity, or a quote's speaker and cue mention. */
function markRelated(v, { kind, index }) {
  const marks = current.marks;
  if (kind === ENTITY) {
    const g = v.entities.group[index];
    if (v.groups.count[g] > 500) return;
    const groups = v.entities.group;
    for (let i = 0; i < groups.length; i++) if (groups[i] === g && i !== index && marks[ENTITY][i]) related.push(marks[ENTITY][i]);
  } else if (kind === QUOTE) {
    const start = v.quotes.speakerStart[index];
    if (start >= 0) {
      const i = findEntityAt(v, start, v.quotes.speakerEnd[index]);
      if (i >= 0 && marks[ENTITY][i]) related.push(marks[ENTITY][i]);
    }
  }
  for (const el of related) el.classList.add("rel");
}

function clearRelated() {
  for (const el of related) el.classList.remove("rel");
  related = [];
}

function findEntityAt(v, start, end) {
  const starts = v.entities.start;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < starts.length && starts[i] < end; i++) {
    if (v.entities.end[i] <= end) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Side lists

const cycle = new Map();
const groupMentions = new Map();

/** A span holding `text` as text (never HTML), with class `cls` if given. */
function textSpan(cls, text) {
  const span = document.createElement("span");
  if (cls) span.className = cls;
  span.textContent = text;
  return span;
}

/** The colour swatch of a layer or label, hidden from screen readers. */
function swatch(key) {
  const span = document.createElement("span");
  span.className = `swatch ${key}`;
  span.setAttribute("aria-hidden", "true");
  return span;
}

function itemButton(kind, index, cls) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `item ${cls || ""}`.trim();
  b.dataset.k = String(kind);
  b.dataset.i = String(index);
  return b;
}

function capNote(list, shown, total) {
  if (total <= shown) return;
  const p = document.createElement("p");
  p.className = "muted small";
  p.textContent = `Showing ${numberFmt.format(shown)} of ${numberFmt.format(total)}. Export JSON for the full list.`;
  list.appendChild(p);
}

function emptyNote(text) {
  const p = document.createElement("p");
  p.className = "muted";
  p.textContent = text;
  return p;
}

function fillLists(v) {
  cycle.clear();
  const { quotesList, entitiesList, datesList } = els;
  if (!v) {
    quotesList.replaceChildren(emptyNote("No quotes yet."));
    entitiesList.replaceChildren(emptyNote("No names yet."));
    datesList.replaceChildren(emptyNote("No dates yet."));
    els.quotesCount.textContent = els.entitiesCount.textContent = els.datesCount.textContent = "";
    return;
  }
  const lists = v.lists;

  els.quotesCount.textContent = numberFmt.format(v.counts.q);
  const qFrag = document.createDocumentFragment();
  for (const group of lists.quotes) {
    const div = document.createElement("div");
    div.className = "group";
    const h = document.createElement("h3");
    h.className = "group-title";
    h.textContent = group.name || "No speaker found";
    h.append(" ", textSpan("count", numberFmt.format(group.total)));
    const ul = document.createElement("ul");
    for (const item of group.items) {
      const li = document.createElement("li");
      const b = itemButton(QUOTE, item.i, `quote-item q-${item.kind}`);
      b.textContent = `“${item.preview}”`;
      if (item.kind === "partial") b.title = "Partial quote";
      li.appendChild(b);
      ul.appendChild(li);
    }
    div.append(h, ul);
    qFrag.appendChild(div);
  }
  quotesList.replaceChildren(v.counts.q ? qFrag : emptyNote("No quotes found."));
  capNote(quotesList, lists.quotesShown, v.counts.q);

  els.entitiesCount.textContent = numberFmt.format(lists.entityGroups);
  const ul = document.createElement("ul");
  ul.className = "entity-list";
  for (const g of lists.entities) {
    groupMentions.set(g.id, g.mentions);
    const key = LABEL_KEY[g.label] || "misc";
    const li = document.createElement("li");
    const b = itemButton(ENTITY, g.mentions[0], `entity-item ${key}`);
    b.dataset.g = String(g.id);
    b.append(swatch(key), textSpan("name", g.name), textSpan("tag", g.label), textSpan("count", `×${g.count}`));
    b.setAttribute("aria-label", `${g.name}, ${LABEL_TITLE[g.label] || g.label}, ${g.count} mention${g.count === 1 ? "" : "s"}. Press to go to the next mention.`);
    li.appendChild(b);
    ul.appendChild(li);
  }
  entitiesList.replaceChildren(lists.entities.length ? ul : emptyNote("No names found."));
  capNote(entitiesList, lists.entities.length, lists.entityGroups);

  els.datesCount.textContent = numberFmt.format(v.counts.d);
  const dl = document.createElement("ul");
  dl.className = "date-list";
  for (const d of lists.dates) {
    const li = document.createElement("li");
    const b = itemButton(DATE, d.i, "date-item");
    b.append(textSpan("mono value", d.value), textSpan("surface", d.text), textSpan("tag", d.type));
    b.title = describeValue(d.value, d.type);
    li.appendChild(b);
    dl.appendChild(li);
  }
  datesList.replaceChildren(lists.dates.length ? dl : emptyNote("No dates found."));
  capNote(datesList, lists.dates.length, v.counts.d);
}

function onListClick(event) {
  const b = event.target.closest("button.item");
  if (!b || !current) return;
  let kind = Number(b.dataset.k);
  let index = Number(b.dataset.i);
  if (b.dataset.g) {
    const id = Number(b.dataset.g);
    const mentions = groupMentions.get(id) || [index];
    const n = cycle.get(id) || 0;
    index = mentions[n % mentions.length];
    cycle.set(id, n + 1);
  }
  goTo(kind, index);
}

function goTo(kind, index) {
  const el = markFor(kind, index);
  if (!el) return;
  const key = keyOfMark(el);
  if (hidden.has(key)) toggleKind(key, true);
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  el.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
  el.focus({ preventScroll: true });
  el.classList.remove("flash");
  void el.offsetWidth; // restart the animation
  el.classList.add("flash");
}

// ---------------------------------------------------------------------------------------------
// Status, alerts, small helpers

let noteTimer = 0;

/** A short note under the text box (e.g. how to undo), gone at the next edit or after a while. */
function showEditorNote(text) {
  const note = $("editor-note");
  note.textContent = text;
  note.hidden = false;
  clearTimeout(noteTimer);
  noteTimer = setTimeout(hideEditorNote, 20_000);
}

function hideEditorNote() {
  const note = $("editor-note");
  if (!note.hidden) {
    note.hidden = true;
    note.textContent = "";
  }
}

function setStatus(text) {
  els.status.textContent = text;
}

function showBusy(on, fraction) {
  els.progress.hidden = !on;
  if (on && typeof fraction === "number") {
    els.progress.value = fraction;
    els.progress.textContent = `${Math.floor(fraction * 100)}%`;
  }
}

function showAlert(message, detail) {
  const p = document.createElement("p");
  p.textContent = message;
  const parts = [p];
  if (detail) {
    const d = document.createElement("details");
    const s = document.createElement("summary");
    s.textContent = "Technical details";
    const pre = document.createElement("code");
    pre.textContent = detail;
    d.append(s, pre);
    parts.push(d);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.className = "btn btn-small";
  close.textContent = "Dismiss";
  close.addEventListener("click", hideAlert);
  parts.push(close);
  els.alert.replaceChildren(...parts);
  els.alert.hidden = false;
}

function hideAlert() {
  els.alert.hidden = true;
  els.alert.replaceChildren();
}

function updateRefNote(v) {
  const used = v.referenceDate;
  let note;
  if (v.referenceDateSource === "option") note = `Relative dates are resolved against ${describeValue(used, "DATE") || used}, the date set here.`;
  else if (v.referenceDateSource === "dateline") note = `No date set: relative dates are resolved against the article’s dateline, ${describeValue(used, "DATE") || used}.`;
  else note = "No date set and no dateline found: relative dates such as “on Tuesday” are left unresolved (XXXX…).";
  els.refnote.textContent = note;
}

function plural(n, word) {
  return `${numberFmt.format(n)} ${word}${n === 1 ? "" : "s"}`;
}

function formatSize(n) {
  if (n < 1000) return `${n} characters`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(0)} K characters`;
  return `${(n / 1_000_000).toFixed(1)} M characters`;
}

function formatMs(ms) {
  return ms < 10 ? `${ms.toFixed(1)} ms` : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function saveText(text) {
  try {
    if (text.length <= STORE_MAX) sessionStorage.setItem(STORE_KEY, text);
    else sessionStorage.removeItem(STORE_KEY);
  } catch {
    /* storage full or disabled: the text box still holds the text */
  }
}

function loadExample() {
  const had = editor.value.trim().length > 0 && editor.value !== EXAMPLE_TEXT;
  const undoable = editor.replaceUndoable(EXAMPLE_TEXT);
  els.refdate.value = EXAMPLE_DATE;
  submit();
  if (had && undoable) showEditorNote("Example loaded. Press Ctrl+Z in the text box to bring your text back.");
}

function exportJson() {
  if (!current) return;
  const blob = new Blob([current.json], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `newsmark-${todayIso()}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------------------------------------------------------------------------------------------
// Wiring

function main() {
  // The worker first: it loads and warms the module on its own thread while this one sets up.
  startWorker();
  setStatus("Starting the annotator…");
  buildLegend();
  els.refdate.value = todayIso();
  let restored = "";
  try {
    restored = sessionStorage.getItem(STORE_KEY) || "";
  } catch {
    restored = "";
  }
  if (restored && !editor.value) editor.value = restored;
  els.charcount.textContent = editor.value ? `${numberFmt.format(editor.value.length)} characters` : "";

  $("text-label").addEventListener("click", () => editor.focus());
  els.refdate.addEventListener("change", submit);
  els.dayfirst.addEventListener("change", submit);
  els.today.addEventListener("click", () => {
    els.refdate.value = todayIso();
    submit();
  });
  els.loadExample.addEventListener("click", loadExample);
  $("load-example-2")?.addEventListener("click", loadExample);
  els.clear.addEventListener("click", () => {
    const had = editor.value.length > 0;
    const undoable = editor.replaceUndoable("");
    submit();
    if (had && undoable) showEditorNote("Cleared. Press Ctrl+Z in the text box to bring your text back.");
  });
  els.exportBtn.addEventListener("click", exportJson);

  for (const list of [els.quotesList, els.entitiesList, els.datesList]) list.addEventListener("click", onListClick);

  const view = els.view;
  view.addEventListener("mouseover", (e) => {
    const m = e.target.closest && e.target.closest("mark.m");
    if (m) showTip(m);
    else if (!(document.activeElement && document.activeElement.tagName === "MARK" && view.contains(document.activeElement))) hideTip();
  });
  view.addEventListener("mouseleave", () => {
    const f = document.activeElement;
    if (f && f.tagName === "MARK" && view.contains(f)) showTip(f);
    else hideTip();
  });
  view.addEventListener("focusin", (e) => {
    if (e.target.tagName === "MARK") {
      e.target.setAttribute("aria-describedby", "tip");
      tipFor = null;
      showTip(e.target);
    }
  });
  view.addEventListener("focusout", (e) => {
    if (e.target.tagName === "MARK") e.target.removeAttribute("aria-describedby");
    hideTip();
  });
  view.addEventListener("animationend", (e) => e.target.classList?.remove("flash"));
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hideTip();
  });
  window.addEventListener("resize", hideTip);
  view.addEventListener("scroll", () => {
    if (tipFor && document.activeElement === tipFor) placeTip(tipFor);
    else hideTip();
  }, { passive: true });

}

main();

// For the browser tests and the curious: the latest result, read-only.
Object.defineProperty(window, "newsmark", {
  value: Object.freeze({
    get result() {
      if (!current) return null;
      if (!current.parsed) current.parsed = JSON.parse(current.json);
      return current.parsed;
    },
    get busy() {
      return Boolean(inFlight) || Boolean(render && !render.done);
    },
    get ready() {
      return ready;
    },
    get annotating() {
      return Boolean(inFlight);
    },
    get renders() {
      return renders;
    },
    get stale() {
      return stale;
    },
    get text() {
      return editor.value;
    },
  }),
});
