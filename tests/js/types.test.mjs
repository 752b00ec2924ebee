// The shipped TypeScript declarations compile under `tsc --strict`, resolve through package.json's
// "exports" (types condition), accept correct use and reject wrong use (`@ts-expect-error` lines fail
// the compile if the error they expect does not happen).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "./helpers.mjs";

const CONSUMER = `
import { annotate, annotateSync, init, version, NewsmarkError, compiledModule } from "newsmark";
import type { Annotation, Quote, Timex, DateSpan, Entity, Group, Speaker, Cue, Options, Label, TimexType } from "newsmark";

async function main(text: string): Promise<void> {
  const opts: Options = { referenceDate: "2019-01-08", layers: ["quotes", "dates"], dayFirst: false };
  const r: Annotation = await annotate(text, opts);
  await annotate(text);
  await annotate(text, { layers: { entities: false } });
  await annotate(text, { layers: "dates,quotes", referenceDate: new Date() });
  await init();
  const compiled: WebAssembly.Module | null = compiledModule();
  if (compiled) await init(compiled);
  const s: Annotation = annotateSync(text, null);
  const v: string = version + r.version + s.referenceDateSource;
  for (const q of r.quotes) {
    const kind: "full" | "partial" | "other" = q.kind;
    const speaker: Speaker | null = q.speaker;
    const cue: Cue | null = q.cue;
    const group: number | null = speaker ? speaker.group : null;
    const n: number = q.contentStart + q.contentEnd + q.start + q.end;
    console.log(kind, speaker?.name, cue?.text, group, n, text.slice(q.start, q.end) === q.text);
  }
  const d: Timex = r.dates[0];
  const d2: DateSpan = d;
  const type: TimexType = d.type;
  const value: string = d2.value;
  const role: "start" | "end" | undefined = d.range?.role;
  const e: Entity = r.entities[0];
  const label: Label = e.label;
  const g: Group = r.groups[e.group];
  const mentions: number[] = g.mentions;
  const quote: Quote | undefined = r.quotes[0];
  const refDate: string | null = r.referenceDate;
  console.log(v, type, value, role, label, mentions, quote, refDate);
  try {
    await annotate(text);
  } catch (err) {
    if (err instanceof NewsmarkError) console.log(err.panic ?? "", err.code, err.message);
  }
  // @ts-expect-error: text must be a string
  await annotate(42);
  // @ts-expect-error: unknown layer
  await annotate(text, { layers: ["people"] });
  // @ts-expect-error: unknown option
  await annotate(text, { refDate: "2019-01-08" });
  // @ts-expect-error: entities have no "type"
  console.log(e.type);
  // @ts-expect-error: dates use "type", not "kind"
  console.log(d.kind);
  // @ts-expect-error: the speaker may be null
  console.log(r.quotes[0].speaker.name);
}
main("x");
`;

test("index.d.ts compiles with tsc --strict and matches correct/incorrect use", () => {
  const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
  assert.ok(fs.existsSync(tsc), "typescript dev dependency installed");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsmark-types-"));
  try {
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.symlinkSync(ROOT, path.join(dir, "node_modules/newsmark"), "dir");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
    fs.writeFileSync(path.join(dir, "main.ts"), CONSUMER);
    fs.writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "es2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          lib: ["es2022", "dom"],
          types: [],
          skipLibCheck: false,
        },
        files: ["main.ts"],
      }),
    );
    const r = spawnSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8", cwd: dir });
    assert.equal(r.status, 0, `tsc reported:\n${r.stdout}${r.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
