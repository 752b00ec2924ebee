// Pure helpers shared by the worker (and unit-tested under Node): turn an annotation into a flat,
// properly nested list of highlight pieces, and merge annotations of consecutive chunks of a long
// text. No DOM, no I/O.

/** Kind codes used in the piece list; also the nesting priority when two spans cover the same text
 * (a quote wraps a date, which wraps an entity). */
export const QUOTE = 0;
export const DATE = 1;
export const ENTITY = 2;

/** Fields per piece in the Int32Array returned by `layoutSpans`. */
/** start, end, kind, index, first (1 on the first piece of a span), sub (quote kind / entity label) */
export const PIECE_FIELDS = 6;

export const LABELS = ["PER", "ORG", "LOC", "MISC"];
export const QUOTE_KINDS = ["full", "partial", "other"];
export const DATE_TYPES = ["DATE", "TIME", "DURATION", "SET"];
const code = (list, value) => {
  const i = list.indexOf(value);
  return i < 0 ? list.length - 1 : i;
};

function compare(a, b) {
  return a.start - b.start || b.end - a.end || a.kind - b.kind || a.index - b.index;
}

/**
 * Nest every quote, date and entity span into a tree that DOM elements can express, in document
 * (pre-)order. A span that crosses the end of an enclosing span is split in pieces; only the first
 * piece has `first` = 1. Spans are clipped to `[0, length]`; empty spans are dropped.
 * Returns an Int32Array of PIECE_FIELDS ints per piece.
 */
export function layoutSpans(ann, length) {
  const spans = [];
  const add = (list, kind, subOf) => {
    if (!Array.isArray(list)) return;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      const start = Math.max(0, s.start | 0);
      const end = Math.min(length, s.end | 0);
      if (end > start) spans.push({ start, end, kind, index: i, first: 1, sub: subOf(s) });
    }
  };
  add(ann.quotes, QUOTE, (q) => code(QUOTE_KINDS, q.kind));
  add(ann.dates, DATE, () => 0);
  add(ann.entities, ENTITY, (e) => code(LABELS, e.label));
  spans.sort(compare);

  const out = [];
  const stack = []; // ends of the open pieces, innermost last (non-increasing)
  const extra = []; // remainders of split spans, kept sorted
  let i = 0;
  for (;;) {
    let sp;
    if (extra.length && (i >= spans.length || compare(extra[0], spans[i]) <= 0)) sp = extra.shift();
    else if (i < spans.length) sp = spans[i++];
    else break;
    while (stack.length && stack[stack.length - 1] <= sp.start) stack.pop();
    let end = sp.end;
    if (stack.length && stack[stack.length - 1] < end) {
      // Crosses the innermost open piece: keep the part inside it, queue the rest.
      end = stack[stack.length - 1];
      const rest = { start: end, end: sp.end, kind: sp.kind, index: sp.index, first: 0, sub: sp.sub };
      let lo = 0;
      let hi = extra.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compare(extra[mid], rest) <= 0) lo = mid + 1;
        else hi = mid;
      }
      extra.splice(lo, 0, rest);
    }
    out.push(sp.start, end, sp.kind, sp.index, sp.first, sp.sub);
    stack.push(end);
  }
  return Int32Array.from(out);
}

/**
 * Where to cut a long text into chunks of about `size` UTF-16 units: at a paragraph break if one is
 * near, else a line break, else a sentence end, else a space; never inside a surrogate pair.
 * Returns the cut offsets, ending with text.length.
 */
export function chunkBounds(text, size) {
  const cuts = [];
  let from = 0;
  const n = text.length;
  while (n - from > size) {
    const limit = from + size;
    const floor = from + (size >> 1);
    let cut = -1;
    for (const sep of ["\n\n", "\n", ". ", " "]) {
      const at = text.lastIndexOf(sep, limit - sep.length);
      if (at >= floor) {
        cut = at + sep.length;
        break;
      }
    }
    if (cut < 0) {
      cut = limit;
      const c = text.charCodeAt(cut);
      if (c >= 0xdc00 && c <= 0xdfff) cut -= 1;
    }
    cuts.push(cut);
    from = cut;
  }
  cuts.push(n);
  return cuts;
}

/**
 * Merge the annotations of consecutive chunks (`parts[k] = { offset, ann }`) into one annotation
 * of the whole text: offsets shifted, entity groups joined by (label, canonical name), date range
 * ids renumbered.
 */
export function mergeChunks(parts) {
  if (parts.length === 1 && parts[0].offset === 0) return parts[0].ann;
  const first = parts[0].ann;
  const merged = {
    version: first.version,
    referenceDate: first.referenceDate,
    referenceDateSource: first.referenceDateSource,
    quotes: [],
    dates: [],
    entities: [],
    groups: [],
  };
  const groupByKey = new Map();
  let rangeBase = 0;
  for (const { offset, ann } of parts) {
    const groupMap = [];
    for (const g of ann.groups || []) {
      const key = g.label + "\u0000" + g.name;
      let id = groupByKey.get(key);
      if (id === undefined) {
        id = merged.groups.length;
        groupByKey.set(key, id);
        merged.groups.push({ id, name: g.name, label: g.label, mentions: [] });
      }
      groupMap[g.id] = id;
    }
    for (const e of ann.entities || []) {
      const group = groupMap[e.group] ?? e.group;
      const index = merged.entities.length;
      merged.entities.push({ ...e, start: e.start + offset, end: e.end + offset, group });
      if (merged.groups[group]) merged.groups[group].mentions.push(index);
    }
    let maxRange = -1;
    for (const d of ann.dates || []) {
      let range = d.range;
      if (range) {
        maxRange = Math.max(maxRange, range.id);
        range = { ...range, id: range.id + rangeBase };
      }
      merged.dates.push({ ...d, start: d.start + offset, end: d.end + offset, range });
    }
    rangeBase += maxRange + 1;
    for (const q of ann.quotes || []) {
      const shifted = {
        ...q,
        start: q.start + offset,
        end: q.end + offset,
        contentStart: q.contentStart + offset,
        contentEnd: q.contentEnd + offset,
      };
      if (q.speaker) {
        shifted.speaker = {
          ...q.speaker,
          start: q.speaker.start + offset,
          end: q.speaker.end + offset,
          group: q.speaker.group == null ? q.speaker.group : (groupMap[q.speaker.group] ?? null),
        };
      }
      if (q.cue) shifted.cue = { ...q.cue, start: q.cue.start + offset, end: q.cue.end + offset };
      merged.quotes.push(shifted);
    }
  }
  return merged;
}

/** Sort key for a TIMEX3 value: anchored calendar values first, in time order. */
export function dateSortKey(value) {
  if (typeof value === "string" && /^\d{4}/.test(value)) return "0" + value;
  if (typeof value === "string" && /^X{4}-\d/.test(value)) return "1" + value;
  return "2";
}

function preview(s, n) {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/**
 * Everything the page needs to show an annotation, in a form that is cheap to send from the worker
 * (typed arrays, short string lists, capped side lists) even for a multi-megabyte text: the nested
 * highlight pieces, per-span details for tooltips, legend counts and the side lists.
 * `transfer` lists the buffers to transfer.
 */
export function prepare(ann, text, { listCap = 300, mentionCap = 1000 } = {}) {
  const quotes = ann.quotes || [];
  const dates = ann.dates || [];
  const entities = ann.entities || [];
  const groups = ann.groups || [];
  const q = {
    kind: new Uint8Array(quotes.length),
    speakerName: quotes.map((x) => (x.speaker ? x.speaker.name : null)),
    speakerText: quotes.map((x) => (x.speaker ? x.speaker.text : null)),
    speakerStart: Int32Array.from(quotes, (x) => (x.speaker ? x.speaker.start : -1)),
    speakerEnd: Int32Array.from(quotes, (x) => (x.speaker ? x.speaker.end : -1)),
    cue: quotes.map((x) => (x.cue ? x.cue.text : null)),
  };
  quotes.forEach((x, i) => (q.kind[i] = code(QUOTE_KINDS, x.kind)));
  const d = {
    type: Uint8Array.from(dates, (x) => code(DATE_TYPES, x.type)),
    value: dates.map((x) => x.value),
    range: Int8Array.from(dates, (x) => (x.range ? (x.range.role === "start" ? 0 : 1) : -1)),
  };
  const e = {
    label: Uint8Array.from(entities, (x) => code(LABELS, x.label)),
    group: Int32Array.from(entities, (x) => x.group),
    start: Int32Array.from(entities, (x) => x.start),
    end: Int32Array.from(entities, (x) => x.end),
  };
  const g = {
    name: groups.map((x) => x.name),
    label: Uint8Array.from(groups, (x) => code(LABELS, x.label)),
    count: Int32Array.from(groups, (x) => x.mentions.length),
  };
  const counts = { q: quotes.length, d: dates.length, per: 0, org: 0, loc: 0, misc: 0 };
  const keys = ["per", "org", "loc", "misc"];
  for (let i = 0; i < e.label.length; i++) counts[keys[e.label[i]]]++;

  // Quotes grouped by speaker, most quoted first, unattributed last.
  const bySpeaker = new Map();
  quotes.forEach((x, i) => {
    const name = x.speaker ? x.speaker.name : "";
    if (!bySpeaker.has(name)) bySpeaker.set(name, []);
    bySpeaker.get(name).push(i);
  });
  const names = [...bySpeaker.keys()].sort(
    (a, b) => (!a) - (!b) || bySpeaker.get(b).length - bySpeaker.get(a).length || bySpeaker.get(a)[0] - bySpeaker.get(b)[0],
  );
  const quoteGroups = [];
  let shown = 0;
  for (const name of names) {
    if (shown >= listCap) break;
    const idx = bySpeaker.get(name);
    const items = [];
    for (const i of idx) {
      if (shown >= listCap) break;
      const x = quotes[i];
      items.push({ i, kind: x.kind, preview: preview(text.slice(x.contentStart, x.contentEnd) || x.text, 140) });
      shown++;
    }
    quoteGroups.push({ name, total: idx.length, items });
  }

  // Entity groups by canonical name, most mentioned first.
  const entityGroups = groups
    .filter((x) => x.mentions.length)
    .sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0] - b.mentions[0]);
  const entityItems = entityGroups.slice(0, listCap).map((x) => ({
    id: x.id, name: x.name, label: x.label, count: x.mentions.length, mentions: x.mentions.slice(0, mentionCap),
  }));

  // Dates in time order (anchored values first), then by position.
  const order = dates.map((_, i) => i);
  const sortKeys = dates.map((x) => dateSortKey(x.value));
  order.sort((a, b) => (sortKeys[a] < sortKeys[b] ? -1 : sortKeys[a] > sortKeys[b] ? 1 : dates[a].start - dates[b].start));
  const dateItems = order.slice(0, listCap).map((i) => ({ i, value: dates[i].value, text: preview(dates[i].text, 60), type: dates[i].type }));

  const pieces = layoutSpans(ann, text.length);
  const view = {
    version: ann.version,
    referenceDate: ann.referenceDate,
    referenceDateSource: ann.referenceDateSource,
    pieces,
    quotes: q,
    dates: d,
    entities: e,
    groups: g,
    counts,
    lists: {
      quotes: quoteGroups,
      quotesShown: shown,
      entities: entityItems,
      entityGroups: entityGroups.length,
      dates: dateItems,
    },
  };
  const transfer = [pieces, q.kind, q.speakerStart, q.speakerEnd, d.type, d.range, e.label, e.group, e.start, e.end, g.label, g.count].map((a) => a.buffer);
  return { view, transfer };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const UNITS = { Y: "year", M: "month", W: "week", D: "day", H: "hour", S: "second", DE: "decade", CE: "century", WE: "weekend", Q: "quarter" };
const SEASONS = { SP: "spring", SU: "summer", FA: "autumn", WI: "winter" };
const DAY_PARTS = { MO: "morning", AF: "afternoon", EV: "evening", NI: "night", DT: "daytime" };

/** A plain-words reading of a TIMEX3 value, when one is easy to give ("" otherwise). */
export function describeValue(value, type) {
  if (typeof value !== "string") return "";
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value))) {
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0));
    if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) return "";
    const opts = { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
    if (m[4]) Object.assign(opts, { hour: "numeric", minute: "2-digit" });
    return date.toLocaleString(undefined, opts);
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)$/.exec(value))) {
    const day = describeValue(m[1], "DATE");
    return day ? `${day}, ${DAY_PARTS[m[2]]}` : "";
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[2]]} ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value)) && +m[2] >= 1 && +m[2] <= 12) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  if ((m = /^XXXX-(\d{2})-(\d{2})$/.exec(value)) && +m[1] >= 1 && +m[1] <= 12) return `${+m[2]} ${MONTHS[+m[1] - 1]}, year unknown`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return `week ${+m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `quarter ${m[2]} of ${m[1]}`;
  if (/^\d{4}$/.test(value)) return `the year ${value}`;
  if ((m = /^(\d{3})$/.exec(value))) return `the ${m[1]}0s`;
  if ((m = /^P(T?)(\d+(?:\.\d+)?|X)(DE|CE|WE|[YMWDHSQ])$/.exec(value))) {
    let unit = UNITS[m[3]] || m[3];
    if (m[1] && m[3] === "M") unit = "minute";
    const n = m[2] === "X" ? "some" : m[2];
    const word = n === "1" ? unit : unit === "century" ? "centuries" : `${unit}s`;
    if (type === "SET") return n === "1" ? `every ${unit}` : `every ${n} ${word}`;
    return `${n} ${word}`;
  }
  return { PAST_REF: "the past", PRESENT_REF: "now", FUTURE_REF: "the future" }[value] || "";
}
