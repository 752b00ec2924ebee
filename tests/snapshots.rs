//! Corpus snapshot tests: each article in `tests/corpus/*.txt` is annotated (reference date from
//! its dateline) and rendered one span per line; the rendering must equal `tests/corpus/NAME.snap`.
//! A change in any layer shows up as a readable diff. After an intended change, regenerate with
//! `NEWSMARK_UPDATE_SNAPSHOTS=1 cargo test --test snapshots` and review the diff before committing.

use std::fmt::Write as _;
use std::path::Path;

use newsmark::{annotate, Annotation, Options};

fn render(r: &Annotation) -> String {
    let mut s = String::new();
    writeln!(s, "reference date: {:?} ({:?})", r.reference_date, r.reference_date_source).unwrap();
    for q in &r.quotes {
        let who = match &q.speaker {
            Some(sp) => format!("{} (mention {:?})", sp.name, sp.text),
            None => "-".to_string(),
        };
        let cue = q.cue.as_ref().map(|c| c.text.as_str()).unwrap_or("-");
        writeln!(s, "quote  {:>5}..{:<5} {:?} {:?} speaker={who} cue={cue:?}", q.start, q.end, q.kind, q.text).unwrap();
    }
    for d in &r.dates {
        let range = d.range.map(|r| format!(" range={}:{:?}", r.id, r.role)).unwrap_or_default();
        writeln!(s, "date   {:>5}..{:<5} {:?} {} {}{range}", d.start, d.end, d.text, d.kind.as_str(), d.value).unwrap();
    }
    for e in &r.entities {
        let g = &r.groups[e.group];
        writeln!(s, "entity {:>5}..{:<5} {:?} {} -> {:?}", e.start, e.end, e.text, e.label.as_str(), g.name).unwrap();
    }
    s
}

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let got = render(&annotate(&text, &Options::default()));
    let snap = dir.join(format!("{name}.snap"));
    if std::env::var_os("NEWSMARK_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snap, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&snap).unwrap_or_else(|_| {
        panic!("no snapshot {}: run NEWSMARK_UPDATE_SNAPSHOTS=1 cargo test --test snapshots", snap.display())
    });
    if got != want {
        let diff: Vec<String> = diff_lines(&want, &got);
        panic!("snapshot {name} changed (- expected, + got):\n{}", diff.join("\n"));
    }
}

/// Lines only in `a` (prefixed -) and only in `b` (prefixed +): enough to read a change.
fn diff_lines(a: &str, b: &str) -> Vec<String> {
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let mut out: Vec<String> = la.iter().filter(|l| !lb.contains(l)).map(|l| format!("- {l}")).collect();
    out.extend(lb.iter().filter(|l| !la.contains(l)).map(|l| format!("+ {l}")));
    out
}

#[test]
fn summit_talks() {
    check("summit-talks");
}

#[test]
fn quarterly_results() {
    check("quarterly-results");
}

#[test]
fn kerala_floods_crlf() {
    check("kerala-floods-crlf");
}
