//! Invariants every `newsmark::annotate` result must satisfy, whatever the layers find: shared by the
//! property tests, the hostile-input tests and the fuzz target (which includes this file by path),
//! so "correct" means the same thing everywhere.
#![allow(dead_code)]

use std::collections::HashMap;

use newsmark::offsets::Unit;
use newsmark::{Annotation, Options};

/// A span-shaped thing: where it is and what it says it contains.
struct Span<'a> {
    what: String,
    start: usize,
    end: usize,
    text: &'a str,
}

fn check_span(text: &str, s: &Span) -> Result<(), String> {
    let Span { what, start, end, text: claimed } = s;
    if start > end {
        return Err(format!("{what}: start {start} > end {end}"));
    }
    if *end > text.len() {
        return Err(format!("{what}: end {end} beyond text length {}", text.len()));
    }
    if start == end {
        return Err(format!("{what}: empty span at {start}"));
    }
    if !text.is_char_boundary(*start) || !text.is_char_boundary(*end) {
        return Err(format!("{what}: {start}..{end} not on char boundaries"));
    }
    if &text[*start..*end] != *claimed {
        return Err(format!(
            "{what}: text {claimed:?} differs from its slice {:?}",
            &text[*start..*end]
        ));
    }
    Ok(())
}

/// Known bugs in the layers, found by these checks. While one is listed here (and this is `true`),
/// the property tests and the fuzzer step around it so they keep looking for new ones; each has a
/// strict regression test in `hostile.rs`. None is listed now: the two found so far (an elision
/// check slicing at a lower-cased length, `'Ⱥ`; a straight-quoted pair returned nested inside
/// another quote, `x " """`) are fixed in `quotes/marks.rs` and pinned by their regression tests.
pub const TOLERATE_KNOWN_BUGS: bool = false;

/// Bug 1: a letter that changes UTF-8 length in lower case (after a quote mark, it panics).
pub fn panics_by_known_bug(text: &str) -> bool {
    if !TOLERATE_KNOWN_BUGS {
        return false;
    }
    // Any such letter (after any quote mark, ASCII or not): broad on purpose; the regression
    // test is exact.
    text.chars().any(|c| c.is_alphabetic() && c.to_lowercase().map(char::len_utf8).sum::<usize>() != c.len_utf8())
}

/// Every span of one layer: valid, sorted by start, not overlapping.
fn check_layer(text: &str, layer: &str, spans: &[Span]) -> Result<(), String> {
    check_layer_with(text, layer, spans, false)
}

fn check_layer_with(text: &str, layer: &str, spans: &[Span], tolerate_nesting: bool) -> Result<(), String> {
    let mut outer_end = 0usize;
    for (i, s) in spans.iter().enumerate() {
        check_span(text, s)?;
        if i > 0 {
            let p = &spans[i - 1];
            if p.start > s.start {
                return Err(format!("{layer}: not sorted: {}..{} before {}..{}", p.start, p.end, s.start, s.end));
            }
            // Bug 2 (see above): a span nested wholly inside an earlier one.
            let nested = tolerate_nesting && s.end <= outer_end;
            if outer_end > s.start && !nested {
                return Err(format!("{layer}: overlap: {}..{} and {}..{}", p.start, p.end, s.start, s.end));
            }
        }
        outer_end = outer_end.max(s.end);
    }
    Ok(())
}

/// Check every structural invariant of `a`, the result of annotating `text` with `opts`, stepping
/// around the known bugs listed above.
pub fn check(text: &str, opts: &Options, a: &Annotation) -> Result<(), String> {
    check_with(text, opts, a, TOLERATE_KNOWN_BUGS)
}

/// Check every invariant, known bugs included.
pub fn check_strict(text: &str, opts: &Options, a: &Annotation) -> Result<(), String> {
    check_with(text, opts, a, false)
}

fn check_with(text: &str, opts: &Options, a: &Annotation, tolerate: bool) -> Result<(), String> {
    // --- quotes ---
    let spans: Vec<Span> = a
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| Span { what: format!("quote {i}"), start: q.start, end: q.end, text: &q.text })
        .collect();
    check_layer_with(text, "quotes", &spans, tolerate)?;
    for (i, q) in a.quotes.iter().enumerate() {
        if !(q.start <= q.content_start && q.content_start <= q.content_end && q.content_end <= q.end) {
            return Err(format!(
                "quote {i}: content {}..{} not inside quote {}..{}",
                q.content_start, q.content_end, q.start, q.end
            ));
        }
        if !text.is_char_boundary(q.content_start) || !text.is_char_boundary(q.content_end) {
            return Err(format!("quote {i}: content {}..{} not on char boundaries", q.content_start, q.content_end));
        }
        if let Some(sp) = &q.speaker {
            check_span(text, &Span { what: format!("quote {i} speaker"), start: sp.start, end: sp.end, text: &sp.text })?;
            if sp.name.trim().is_empty() {
                return Err(format!("quote {i}: speaker with an empty name"));
            }
            if let Some(g) = sp.group {
                if g >= a.groups.len() {
                    return Err(format!("quote {i}: speaker group {g} out of {} groups", a.groups.len()));
                }
            }
        }
        if let Some(c) = &q.cue {
            check_span(text, &Span { what: format!("quote {i} cue"), start: c.start, end: c.end, text: &c.text })?;
        }
    }

    // --- dates ---
    let spans: Vec<Span> = a
        .dates
        .iter()
        .enumerate()
        .map(|(i, d)| Span { what: format!("date {i}"), start: d.start, end: d.end, text: &d.text })
        .collect();
    check_layer(text, "dates", &spans)?;
    let mut range_ends: HashMap<(usize, bool), usize> = HashMap::new();
    for (i, d) in a.dates.iter().enumerate() {
        if d.value.is_empty() || d.value.chars().any(char::is_whitespace) {
            return Err(format!("date {i}: bad value {:?}", d.value));
        }
        if let Some(r) = d.range {
            let is_start = r.role == newsmark::RangeRole::Start;
            if let Some(prev) = range_ends.insert((r.id, is_start), i) {
                return Err(format!("dates {prev} and {i}: same end of range {}", r.id));
            }
        }
    }

    // --- entities and groups ---
    let spans: Vec<Span> = a
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| Span { what: format!("entity {i}"), start: e.start, end: e.end, text: &e.text })
        .collect();
    check_layer(text, "entities", &spans)?;
    for (i, e) in a.entities.iter().enumerate() {
        let Some(g) = a.groups.get(e.group) else {
            return Err(format!("entity {i}: group {} out of {} groups", e.group, a.groups.len()));
        };
        if !g.mentions.contains(&i) {
            return Err(format!("entity {i}: its group {} does not list it", e.group));
        }
    }
    for (gi, g) in a.groups.iter().enumerate() {
        if g.id != gi {
            return Err(format!("group {gi}: id {} differs from its index", g.id));
        }
        if g.mentions.is_empty() {
            return Err(format!("group {gi}: no mentions"));
        }
        if g.name.trim().is_empty() {
            return Err(format!("group {gi}: empty name"));
        }
        for (k, &m) in g.mentions.iter().enumerate() {
            let Some(e) = a.entities.get(m) else {
                return Err(format!("group {gi}: mention {m} out of {} entities", a.entities.len()));
            };
            if e.group != gi {
                return Err(format!("group {gi}: mention {m} points to group {}", e.group));
            }
            if k > 0 && g.mentions[k - 1] >= m {
                return Err(format!("group {gi}: mentions not in text order: {:?}", g.mentions));
            }
        }
    }

    // --- layers and reference date ---
    if !opts.layers.quotes && !a.quotes.is_empty() {
        return Err("quotes returned with the quotes layer off".into());
    }
    if !opts.layers.dates && !a.dates.is_empty() {
        return Err("dates returned with the dates layer off".into());
    }
    if !opts.layers.entities && (!a.entities.is_empty() || !a.groups.is_empty()) {
        return Err("entities returned with the entities layer off".into());
    }
    match (&a.reference_date, a.reference_date_source) {
        (None, newsmark::RefDateSource::None) => {}
        (Some(d), src) if src != newsmark::RefDateSource::None => {
            if newsmark::Date::parse_iso(d).is_err() {
                return Err(format!("reference date {d:?} is not an ISO date"));
            }
            if let (Some(given), newsmark::RefDateSource::Option) = (opts.reference_date, src) {
                if given.to_string() != *d {
                    return Err(format!("reference date {d} differs from the option {given}"));
                }
            }
        }
        (d, src) => return Err(format!("reference date {d:?} inconsistent with source {src:?}")),
    }
    if opts.reference_date.is_some() && a.reference_date_source != newsmark::RefDateSource::Option {
        return Err("an explicit reference date was not used".into());
    }
    if a.version != newsmark::VERSION {
        return Err(format!("version {:?}", a.version));
    }
    Ok(())
}

/// Every byte offset of `a`, in `for_each_offset_mut` order.
pub fn offsets_of(a: &mut Annotation) -> Vec<usize> {
    let mut v = Vec::new();
    a.for_each_offset_mut(&mut |o| v.push(*o));
    v
}

/// Reference conversion, by direct counting over the text: byte offset -> (UTF-16, code points).
/// Linear in the text: one walk, looking each boundary up among the wanted offsets.
pub fn reference_units(text: &str, wanted: &[usize]) -> HashMap<usize, (usize, usize)> {
    let want: std::collections::HashSet<usize> = wanted.iter().copied().collect();
    let mut out = HashMap::new();
    let (mut u16s, mut cps) = (0usize, 0usize);
    for (b, ch) in text.char_indices() {
        if want.contains(&b) {
            out.insert(b, (u16s, cps));
        }
        u16s += ch.len_utf16();
        cps += 1;
    }
    if want.contains(&text.len()) {
        out.insert(text.len(), (u16s, cps));
    }
    out
}

/// `convert_offsets` to UTF-16 and to code points agrees with direct counting, and byte is a no-op.
pub fn check_offset_conversion(text: &str, a: &Annotation) -> Result<(), String> {
    let mut bytes = a.clone();
    let byte_offsets = offsets_of(&mut bytes);
    let reference = reference_units(text, &byte_offsets);
    let mut same = a.clone();
    same.convert_offsets(text, Unit::Byte);
    if offsets_of(&mut same) != byte_offsets {
        return Err("converting to bytes changed offsets".into());
    }
    let mut u16 = a.clone();
    u16.convert_offsets(text, Unit::Utf16);
    let mut cp = a.clone();
    cp.convert_offsets(text, Unit::CodePoint);
    let (u16o, cpo) = (offsets_of(&mut u16), offsets_of(&mut cp));
    for (k, b) in byte_offsets.iter().enumerate() {
        let Some(&(eu, ec)) = reference.get(b) else {
            return Err(format!("offset {b} is not a char boundary"));
        };
        if u16o[k] != eu || cpo[k] != ec {
            return Err(format!(
                "byte offset {b}: got utf16 {} / code point {}, expected {eu} / {ec}",
                u16o[k], cpo[k]
            ));
        }
    }
    // The converted spans still slice out the same text in their own unit.
    let units16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    for (i, e) in u16.entities.iter().enumerate() {
        if String::from_utf16_lossy(&units16[e.start..e.end]) != e.text {
            return Err(format!("entity {i}: UTF-16 slice differs"));
        }
    }
    for (i, d) in cp.dates.iter().enumerate() {
        if chars[d.start..d.end].iter().collect::<String>() != d.text {
            return Err(format!("date {i}: code-point slice differs"));
        }
    }
    for (i, q) in u16.quotes.iter().enumerate() {
        if String::from_utf16_lossy(&units16[q.start..q.end]) != q.text {
            return Err(format!("quote {i}: UTF-16 slice differs"));
        }
    }
    Ok(())
}

/// Annotate and check everything; panics with the input's head on failure (test and fuzz use).
/// Inputs that trip a known bug (above) are not annotated: the result is then empty.
pub fn annotate_checked(text: &str, opts: &Options) -> Annotation {
    if panics_by_known_bug(text) {
        return newsmark::annotate("", &Options { layers: opts.layers, ..Options::default() });
    }
    annotate_checked_with(text, opts, TOLERATE_KNOWN_BUGS)
}

/// Annotate and check every invariant, known bugs included (the regression tests).
pub fn annotate_checked_strict(text: &str, opts: &Options) -> Annotation {
    annotate_checked_with(text, opts, false)
}

fn annotate_checked_with(text: &str, opts: &Options, tolerate: bool) -> Annotation {
    let a = newsmark::annotate(text, opts);
    let head: String = text.chars().take(200).collect();
    if let Err(e) = check_with(text, opts, &a, tolerate) {
        panic!("invariant broken: {e}\n  input (first 200 chars): {head:?}");
    }
    if let Err(e) = check_offset_conversion(text, &a) {
        panic!("offset conversion: {e}\n  input (first 200 chars): {head:?}");
    }
    a
}
