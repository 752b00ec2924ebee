//! `--jsonl` mode: exchange-format documents in, prediction documents out (code-point offsets).

use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

use newsmark::offsets::Unit;
use newsmark::{annotate, Date, Options, QuoteKind};
use serde_json::{json, Value};

/// Annotate each input line; `dct` (if any) is the reference date. Errors name the line. Lines are
/// read in batches whose documents are annotated on up to `threads` threads, then written in order,
/// so the output is the same whatever `threads` is.
pub fn run(reader: Box<dyn BufRead>, out: &mut impl Write, base: &Options, threads: usize) -> Result<(), String> {
    let batch_len = 64 * threads.max(1);
    let mut lines = reader.lines().enumerate();
    loop {
        let mut batch = Vec::with_capacity(batch_len);
        for (n, line) in lines.by_ref().take(batch_len) {
            batch.push((n + 1, line.map_err(|e| format!("line {}: {e}", n + 1))?));
        }
        if batch.is_empty() {
            return Ok(());
        }
        for result in annotate_batch(&batch, base, threads) {
            out.write_all(&result?).map_err(|e| e.to_string())?;
        }
    }
}

/// Each line's output bytes (empty for a blank line), in input order.
fn annotate_batch(batch: &[(usize, String)], base: &Options, threads: usize) -> Vec<Result<Vec<u8>, String>> {
    let threads = threads.min(batch.len());
    if threads <= 1 {
        return batch.iter().map(|(ln, line)| annotate_line(*ln, line, base)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Result<Vec<u8>, String>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((ln, line)) = batch.get(i) else { break };
                        mine.push((i, annotate_line(*ln, line, base)));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
    });
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// One exchange-format document in, its prediction line out.
fn annotate_line(ln: usize, line: &str, base: &Options) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    if line.trim().is_empty() {
        return Ok(out);
    }
    let doc: Value = serde_json::from_str(line).map_err(|e| format!("line {ln}: invalid JSON: {e}"))?;
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
    serde_json::to_writer(&mut out, &pred).map_err(|e| e.to_string())?;
    out.push(b'\n');
    Ok(out)
}
