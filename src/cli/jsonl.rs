//! `--jsonl` mode: exchange-format documents in, prediction documents out (code-point offsets).

use std::io::{BufRead, Write};

use newsmark::offsets::Unit;
use newsmark::{annotate, Date, Options, QuoteKind};
use serde_json::{json, Value};

/// Annotate each input line; `dct` (if any) is the reference date. Errors name the line.
pub fn run(reader: Box<dyn BufRead>, out: &mut impl Write, base: &Options) -> Result<(), String> {
    for (n, line) in reader.lines().enumerate() {
        let ln = n + 1;
        let line = line.map_err(|e| format!("line {ln}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value = serde_json::from_str(&line).map_err(|e| format!("line {ln}: invalid JSON: {e}"))?;
        let id = doc.get("id").cloned().unwrap_or(Value::Null);
        let text = doc.get("text").and_then(Value::as_str).ok_or_else(|| format!("line {ln}: no \"text\" string"))?;
        let dct = doc.get("dct").and_then(Value::as_str);
        let mut opts = base.clone();
        opts.reference_date = match dct {
            Some(s) => Some(Date::parse_iso(s).map_err(|e| format!("line {ln}: dct: {e}"))?),
            None => None,
        };
        let mut r = annotate(text, &opts);
        r.convert_offsets(text, Unit::CodePoint);
        let mut pred = json!({ "id": id, "dct": dct });
        if base.layers.entities {
            pred["entities"] = r.entities.iter().map(|e| json!({"start": e.start, "end": e.end, "label": e.label.as_str()})).collect();
        }
        if base.layers.dates {
            pred["dates"] = r.dates.iter().map(|d| json!({"start": d.start, "end": d.end, "type": d.kind.as_str(), "value": d.value})).collect();
        }
        if base.layers.quotes {
            // The exchange format holds quotations someone is reported to have said or written:
            // titles, nicknames and scare quotes (`kind: other`) are left out. Its quotations are
            // set off by double marks (" “ ” „ « »; PolNeAR, US news style: single marks appear
            // only inside a double-quoted quote or in headlines), so quotes set off by single marks
            // or by typewriter doubles ('' … '', as in news-archive exports) are left out here, and
            // so is the rest of a passage after a quotation nested in it (no mark opens it; the
            // corpus keeps a passage's words up to its first nested quotation).
            // The core (JSON, HTML, WebAssembly) still reports all of them.
            let exchange_mark = |q: &newsmark::Quote| {
                !q.text.starts_with("''")
                    && q.text.chars().next().map_or(false, |c| matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{FF02}'))
            };
            pred["quotes"] = r.quotes.iter().filter(|q| q.kind != QuoteKind::Other && exchange_mark(q)).map(|q| {
                let s = q.speaker.as_ref();
                json!({"start": q.start, "end": q.end, "kind": q.kind,
                       "speaker": s.map(|s| s.name.clone()),
                       "speaker_start": s.map(|s| s.start), "speaker_end": s.map(|s| s.end)})
            }).collect();
        }
        serde_json::to_writer(&mut *out, &pred).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    Ok(())
}
