//! `--format html`: a self-contained page with the text highlighted (every character escaped).

use newsmark::Annotation;

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Render `text` with one `<mark>` per span (byte offsets from the core). Nested spans are shown
/// by opening and closing marks at span boundaries; overlapping spans across layers are split.
pub fn render(text: &str, r: &Annotation) -> String {
    // (offset, is_start, class, title)
    let mut spans: Vec<(usize, usize, String, String)> = Vec::new();
    for q in &r.quotes {
        let who = q.speaker.as_ref().map(|s| s.name.as_str()).unwrap_or("unattributed");
        spans.push((q.start, q.end, "quote".into(), format!("quote ({:?}) — {who}", q.kind)));
    }
    for d in &r.dates {
        spans.push((d.start, d.end, "date".into(), format!("{} {}", d.kind.as_str(), d.value)));
    }
    for e in &r.entities {
        let name = r.groups.get(e.group).map(|g| g.name.as_str()).unwrap_or("");
        spans.push((e.start, e.end, format!("ent {}", e.label.as_str()), format!("{} — {name}", e.label.as_str())));
    }
    // Boundaries: every start and end; between boundaries, the set of covering spans decides.
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.0, s.1]).chain([0, text.len()]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut body = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let covering: Vec<&(usize, usize, String, String)> = spans.iter().filter(|s| s.0 <= a && s.1 >= b).collect();
        for s in &covering {
            body.push_str("<mark class=\"");
            body.push_str(&s.2);
            body.push_str("\" title=\"");
            escape(&s.3, &mut body);
            body.push_str("\">");
        }
        escape(&text[a..b], &mut body);
        for _ in &covering {
            body.push_str("</mark>");
        }
    }
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>newsmark</title>\n<style>\
body{{font:16px/1.6 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;white-space:pre-wrap}}\
mark{{border-radius:3px;padding:0 1px}}.quote{{background:#fde68a}}.date{{background:#bfdbfe}}\
.PER{{background:#bbf7d0}}.ORG{{background:#fbcfe8}}.LOC{{background:#c7d2fe}}.MISC{{background:#e5e7eb}}\
</style></head><body>{body}</body></html>\n"
    )
}
