// Unit tests (plain Node) of the page's pure helpers: nesting highlight pieces, cutting long texts
// into chunks, and merging the chunks' annotations.

import { test } from "node:test";
import assert from "node:assert/strict";
import { layoutSpans, chunkBounds, mergeChunks, dateSortKey, prepare, describeValue, PIECE_FIELDS, QUOTE, DATE, ENTITY } from "../../www/layout.js";

const pieces = (arr) => {
  const out = [];
  // start, end, kind, index, first (the sub-kind code is checked separately)
  for (let i = 0; i < arr.length; i += PIECE_FIELDS) out.push(Array.from(arr.slice(i, i + 5)));
  return out;
};

test("an entity inside a quote nests inside it, in document order", () => {
  const ann = {
    quotes: [{ start: 0, end: 30 }],
    dates: [{ start: 40, end: 45 }],
    entities: [{ start: 5, end: 10 }, { start: 32, end: 36 }],
  };
  assert.deepEqual(pieces(layoutSpans(ann, 50)), [
    [0, 30, QUOTE, 0, 1],
    [5, 10, ENTITY, 0, 1],
    [32, 36, ENTITY, 1, 1],
    [40, 45, DATE, 0, 1],
  ]);
});

test("equal spans nest quote > date > entity", () => {
  const ann = { quotes: [{ start: 2, end: 8 }], dates: [{ start: 2, end: 8 }], entities: [{ start: 2, end: 8 }] };
  assert.deepEqual(pieces(layoutSpans(ann, 10)).map((p) => p[2]), [QUOTE, DATE, ENTITY]);
});

test("a span crossing the end of another is split, only the first piece is marked first", () => {
  const ann = { quotes: [{ start: 0, end: 10 }], dates: [], entities: [{ start: 8, end: 14 }] };
  assert.deepEqual(pieces(layoutSpans(ann, 20)), [
    [0, 10, QUOTE, 0, 1],
    [8, 10, ENTITY, 0, 1],
    [10, 14, ENTITY, 0, 0],
  ]);
});

test("a span crossing two nested spans is split at each end", () => {
  const ann = { quotes: [{ start: 0, end: 20 }], dates: [{ start: 5, end: 12 }], entities: [{ start: 10, end: 25 }] };
  const got = pieces(layoutSpans(ann, 30));
  assert.deepEqual(got, [
    [0, 20, QUOTE, 0, 1],
    [5, 12, DATE, 0, 1],
    [10, 12, ENTITY, 0, 1],
    [12, 20, ENTITY, 0, 0],
    [20, 25, ENTITY, 0, 0],
  ]);
  // Properly nested: each piece lies inside every piece still open when it starts.
  const stack = [];
  for (const [s, e] of got) {
    while (stack.length && stack.at(-1)[1] <= s) stack.pop();
    for (const [ps, pe] of stack) assert.ok(ps <= s && e <= pe, `${s}-${e} inside ${ps}-${pe}`);
    stack.push([s, e]);
  }
});

test("spans are clipped to the text and empty spans dropped", () => {
  const ann = { quotes: [], dates: [{ start: 3, end: 3 }, { start: -2, end: 4 }], entities: [{ start: 8, end: 99 }] };
  assert.deepEqual(pieces(layoutSpans(ann, 10)), [
    [0, 4, DATE, 1, 1],
    [8, 10, ENTITY, 0, 1],
  ]);
});

test("chunks end at paragraph breaks and never split a surrogate pair", () => {
  const para = "A sentence here. Another one follows.\n\n";
  const text = para.repeat(100);
  const cuts = chunkBounds(text, 500);
  assert.equal(cuts.at(-1), text.length);
  for (const c of cuts.slice(0, -1)) assert.equal(text.slice(c - 2, c), "\n\n");
  const emoji = "😀".repeat(1000); // no separators at all
  for (const c of chunkBounds(emoji, 333)) {
    const code = emoji.charCodeAt(c);
    assert.ok(c === emoji.length || !(code >= 0xdc00 && code <= 0xdfff), `cut ${c} splits a pair`);
  }
  assert.deepEqual(chunkBounds("short", 100), [5]);
});

test("merging chunks shifts offsets, joins groups by name and renumbers ranges", () => {
  const a = {
    version: "1", referenceDate: "2025-03-04", referenceDateSource: "dateline",
    quotes: [{ start: 0, end: 5, text: "“Hi,”", kind: "full", contentStart: 1, contentEnd: 4, speaker: { name: "Ann Lee", start: 6, end: 9, text: "Ann", group: 0 }, cue: { start: 10, end: 14, text: "said" } }],
    dates: [{ start: 20, end: 25, text: "March", type: "DATE", value: "2025-03", range: { id: 0, role: "start" } }],
    entities: [{ start: 6, end: 9, text: "Ann", label: "PER", group: 0 }],
    groups: [{ id: 0, name: "Ann Lee", label: "PER", mentions: [0] }],
  };
  const b = {
    version: "1", referenceDate: "2025-03-04", referenceDateSource: "option",
    quotes: [{ start: 0, end: 5, text: "“Yo,”", kind: "full", contentStart: 1, contentEnd: 4, speaker: { name: "Ann Lee", start: 6, end: 9, text: "Lee", group: 1 }, cue: null }],
    dates: [{ start: 1, end: 3, text: "May", type: "DATE", value: "2025-05", range: { id: 0, role: "end" } }],
    entities: [{ start: 0, end: 4, text: "Oslo", label: "LOC", group: 0 }, { start: 6, end: 9, text: "Lee", label: "PER", group: 1 }],
    groups: [{ id: 0, name: "Oslo", label: "LOC", mentions: [0] }, { id: 1, name: "Ann Lee", label: "PER", mentions: [1] }],
  };
  const m = mergeChunks([{ offset: 0, ann: a }, { offset: 100, ann: b }]);
  assert.equal(m.referenceDateSource, "dateline");
  assert.deepEqual(m.groups.map((g) => [g.name, g.mentions]), [["Ann Lee", [0, 2]], ["Oslo", [1]]]);
  assert.deepEqual(m.entities.map((e) => [e.start, e.group]), [[6, 0], [100, 1], [106, 0]]);
  assert.deepEqual(m.quotes[1].speaker, { name: "Ann Lee", start: 106, end: 109, text: "Lee", group: 0 });
  assert.equal(m.quotes[1].contentStart, 101);
  assert.deepEqual(m.dates.map((d) => [d.start, d.range.id]), [[20, 0], [101, 1]]);
  assert.equal(m.quotes[0].cue.start, 10);
});

test("dates sort anchored first, then year-less, then the rest", () => {
  const values = ["PAST_REF", "XXXX-01-07", "2019-01-07", "2018", "PT1H"];
  const sorted = [...values].sort((x, y) => (dateSortKey(x) < dateSortKey(y) ? -1 : dateSortKey(x) > dateSortKey(y) ? 1 : 0));
  assert.deepEqual(sorted.slice(0, 3), ["2018", "2019-01-07", "XXXX-01-07"]);
});

test("prepare: compact arrays, counts, pieces with sub-kinds, and capped side lists", () => {
  const text = "“Go,” said Ann Lee in Oslo on 2 May. “Stop,” Lee said. Oslo again. “x”";
  const at = (s, from = 0) => [text.indexOf(s, from), text.indexOf(s, from) + s.length];
  const [q1s, q1e] = at("“Go,”");
  const [q2s, q2e] = at("“Stop,”");
  const [q3s, q3e] = at("“x”");
  const [as, ae] = at("Ann Lee");
  const [o1s, o1e] = at("Oslo");
  const [ds, de] = at("2 May");
  const [ls, le] = at("Lee", ae);
  const [o2s, o2e] = at("Oslo", o1e);
  const ann = {
    version: "1", referenceDate: "2025-03-04", referenceDateSource: "option",
    quotes: [
      { start: q1s, end: q1e, text: "“Go,”", kind: "full", contentStart: q1s + 1, contentEnd: q1e - 1, speaker: { name: "Ann Lee", start: as, end: ae, text: "Ann Lee", group: 0 }, cue: { start: 0, end: 0, text: "said" } },
      { start: q2s, end: q2e, text: "“Stop,”", kind: "partial", contentStart: q2s + 1, contentEnd: q2e - 1, speaker: { name: "Ann Lee", start: ls, end: le, text: "Lee", group: 0 }, cue: null },
      { start: q3s, end: q3e, text: "“x”", kind: "other", contentStart: q3s + 1, contentEnd: q3e - 1, speaker: null, cue: null },
    ],
    dates: [{ start: ds, end: de, text: "2 May", type: "DATE", value: "2025-05-02", range: null }],
    entities: [
      { start: as, end: ae, text: "Ann Lee", label: "PER", group: 0 },
      { start: o1s, end: o1e, text: "Oslo", label: "LOC", group: 1 },
      { start: ls, end: le, text: "Lee", label: "PER", group: 0 },
      { start: o2s, end: o2e, text: "Oslo", label: "LOC", group: 1 },
    ],
    groups: [{ id: 0, name: "Ann Lee", label: "PER", mentions: [0, 2] }, { id: 1, name: "Oslo", label: "LOC", mentions: [1, 3] }],
  };
  const { view, transfer } = prepare(ann, text, { listCap: 2 });
  assert.deepEqual(view.counts, { q: 3, d: 1, per: 2, org: 0, loc: 2, misc: 0 });
  assert.deepEqual(Array.from(view.quotes.kind), [0, 1, 2]);
  assert.deepEqual(view.quotes.speakerName, ["Ann Lee", "Ann Lee", null]);
  assert.deepEqual(Array.from(view.entities.label), [0, 2, 0, 2]);
  assert.deepEqual(Array.from(view.groups.count), [2, 2]);
  assert.deepEqual(view.dates.value, ["2025-05-02"]);
  // The sub-kind of each piece: quote kind or entity label.
  const subs = [];
  for (let i = 0; i < view.pieces.length; i += PIECE_FIELDS) subs.push([view.pieces[i + 2], view.pieces[i + 5]]);
  assert.deepEqual(subs.filter(([k]) => k === QUOTE).map(([, s]) => s), [0, 1, 2]);
  assert.deepEqual(subs.filter(([k]) => k === ENTITY).map(([, s]) => s), [0, 2, 0, 2]);
  // Lists: quotes by speaker capped at 2 items, previews from the text; groups with mentions.
  assert.equal(view.lists.quotes[0].name, "Ann Lee");
  assert.deepEqual(view.lists.quotes[0].items.map((x) => x.preview), ["Go,", "Stop,"]);
  assert.equal(view.lists.quotesShown, 2);
  assert.deepEqual(view.lists.entities.map((g) => [g.name, g.count, g.mentions]), [["Ann Lee", 2, [0, 2]], ["Oslo", 2, [1, 3]]]);
  assert.deepEqual(view.lists.dates.map((d) => d.value), ["2025-05-02"]);
  assert.equal(new Set(transfer).size, transfer.length, "each buffer transferred once");
  structuredClone(view, { transfer }); // transferable as a whole
});

test("TIMEX3 values read in plain words", () => {
  assert.match(describeValue("2019-01-07", "DATE"), /2019/);
  assert.match(describeValue("2019-01-07", "DATE"), /January|Monday/);
  assert.equal(describeValue("2018-03", "DATE"), "March 2018");
  assert.equal(describeValue("XXXX-01-07", "DATE"), "7 January, year unknown");
  assert.equal(describeValue("2018", "DATE"), "the year 2018");
  assert.equal(describeValue("2024-Q3", "DATE"), "quarter 3 of 2024");
  assert.equal(describeValue("201", "DATE"), "the 2010s");
  assert.equal(describeValue("PT1H", "DURATION"), "1 hour");
  assert.equal(describeValue("PT30M", "DURATION"), "30 minutes");
  assert.equal(describeValue("P3D", "DURATION"), "3 days");
  assert.equal(describeValue("P1W", "SET"), "every week");
  assert.equal(describeValue("P2W", "SET"), "every 2 weeks");
  assert.equal(describeValue("PAST_REF", "DATE"), "the past");
  assert.match(describeValue("2025-03-03TNI", "TIME"), /2025, night$/);
  assert.equal(describeValue("2025-SU", "DATE"), "summer 2025");
  assert.equal(describeValue("P1WE", "SET"), "every weekend");
  assert.equal(describeValue("2025-13-03TNI", "TIME"), "");
  assert.equal(describeValue("2019-13-45", "DATE"), "");
  assert.equal(describeValue(null, "DATE"), "");
});
