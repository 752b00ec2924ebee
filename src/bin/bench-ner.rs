//! `bench-ner` — prints the entity layer's throughput (MB/s) on a text file, phase by phase:
//! tokenising, tagging, grouping. `cargo run --release --bin bench-ner -- FILE [REPEAT]`.
//! The file is split into documents at blank lines, as articles would be annotated one at a time.

use std::time::Instant;

/// CPU time of this thread in seconds (Linux), so a busy machine does not skew the figures.
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse::<f64>().ok()))
        .map_or(0.0, |ns| ns / 1e9)
}

use newsmark::entities;
use newsmark::text::{sentences, tokenize, Doc};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: bench-ner FILE [REPEAT]");
    let repeat: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let docs: Vec<&str> = text.split("\n\n").filter(|d| !d.trim().is_empty()).collect();
    let mb = text.len() as f64 / 1e6 * repeat as f64;
    // one-time setup (model, gazetteer, lattice), outside the throughput timings
    let s0 = Instant::now();
    let _ = entities::tagger::model();
    let s1 = Instant::now();
    let _ = entities::gazetteer::embedded();
    let s2 = Instant::now();
    let first = docs.first().copied().unwrap_or("");
    let toks = tokenize(first);
    let sents = sentences(first, &toks);
    let _ = entities::tag(&Doc { text: first, tokens: &toks, sentences: &sents });
    let s3 = Instant::now();
    println!(
        "setup: model {:.2} ms, gazetteer {:.2} ms, first document {:.2} ms",
        (s1 - s0).as_secs_f64() * 1e3,
        (s2 - s1).as_secs_f64() * 1e3,
        (s3 - s2).as_secs_f64() * 1e3
    );
    let (mut t_tok, mut t_tag, mut t_group, mut n_ent) = (0.0, 0.0, 0.0, 0usize);
    let (w0, c0) = (Instant::now(), cpu());
    for _ in 0..repeat {
        for d in &docs {
            let t0 = Instant::now();
            let toks = tokenize(d);
            let sents = sentences(d, &toks);
            let doc = Doc { text: d, tokens: &toks, sentences: &sents };
            let t1 = Instant::now();
            let mut e = entities::tag(&doc);
            let t2 = Instant::now();
            let g = entities::group(&doc, &mut e);
            let t3 = Instant::now();
            n_ent += e.len() + g.len() * 0;
            t_tok += (t1 - t0).as_secs_f64();
            t_tag += (t2 - t1).as_secs_f64();
            t_group += (t3 - t2).as_secs_f64();
        }
    }
    let (wall, cpu_s) = (w0.elapsed().as_secs_f64(), cpu() - c0);
    // phases are timed by the wall clock; scale them to CPU time when the machine is busy
    let k = if cpu_s > 0.0 { cpu_s / wall } else { 1.0 };
    let (t_tok, t_tag, t_group) = (t_tok * k, t_tag * k, t_group * k);
    let total = t_tok + t_tag + t_group;
    println!("wall {wall:.2} s, CPU {cpu_s:.2} s (figures below per CPU second)");
    println!("{} docs, {:.2} MB x{repeat}, {} entities", docs.len(), text.len() as f64 / 1e6, n_ent / repeat);
    println!("tokenise {:6.1} MB/s", mb / t_tok);
    println!("tag      {:6.1} MB/s", mb / t_tag);
    println!("group    {:6.1} MB/s", mb / t_group);
    println!("entities layer total {:.1} MB/s ({:.3} s CPU per MB)", mb / total, total / mb);
}
