//! `train-ner` — trains the entity tagger (averaged structured perceptron over BILOU tags, Viterbi
//! decoding, two passes with document-level history) from CoNLL-2003 train in the exchange format,
//! quantises it and writes `src/entities/data/ner.model`. Deterministic: fixed seed, fixed order.
//!
//! cargo run --release --bin train-ner -- [--train FILE] [--dev FILE] [--out FILE] [--table-out FILE] [--epochs N]
//!     [--min-count N] [--prune Q]
//!
//! `train-ner --write-gazetteer` only hashes the gazetteer list (`src/entities/data/gazetteers.txt`)
//! into the table the library embeds (`src/entities/data/gazetteers.bin`); run it after editing
//! the list (a unit test fails while the table is stale). `train-ner --write-table` only turns the
//! model (`src/entities/data/ner.model`) into the table the library embeds (`ner.bin`, read in
//! place); training writes both.

use std::collections::HashMap;
use std::time::Instant;

use newsmark::entities::features::{tags, DocInfo, NTAGS};
use newsmark::entities::gazetteer;
use newsmark::entities::model::{encode, quantise, table, viterbi, Model};
use newsmark::entities::tagger::{self, history, tag_tokens};
use newsmark::text::{sentences, tokenize, Doc, Sentence, Token};

struct Example {
    text: String,
    tokens: Vec<Token>,
    sents: Vec<Sentence>,
    gold: Vec<u8>,
    /// Gold spans as (start, end, type) in bytes.
    spans: Vec<(usize, usize, usize)>,
}

fn label_type(l: &str) -> Option<usize> {
    match l {
        "PER" => Some(0),
        "ORG" => Some(1),
        "LOC" => Some(2),
        "MISC" => Some(3),
        _ => None,
    }
}

fn load(path: &str, misaligned: &mut usize, total: &mut usize) -> Vec<Example> {
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut out = Vec::new();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        let text = v["text"].as_str().unwrap_or("").to_string();
        // code points -> bytes
        let mut cp2b: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        cp2b.push(text.len());
        let tokens = tokenize(&text);
        let sents = sentences(&text, &tokens);
        let mut gold = vec![tags::O; tokens.len()];
        let mut spans = Vec::new();
        for e in v["entities"].as_array().map(|a| a.as_slice()).unwrap_or(&[]) {
            let (Some(s), Some(en), Some(ty)) = (
                e["start"].as_u64(),
                e["end"].as_u64(),
                e["label"].as_str().and_then(label_type),
            ) else {
                continue;
            };
            *total += 1;
            let (bs, be) = (cp2b[s as usize], cp2b[en as usize]);
            let first = tokens.iter().position(|t| t.start == bs);
            let last = tokens.iter().position(|t| t.end == be);
            match (first, last) {
                (Some(a), Some(b)) if a <= b => {
                    if a == b {
                        gold[a] = tags::u(ty);
                    } else {
                        gold[a] = tags::b(ty);
                        for g in &mut gold[a + 1..b] {
                            *g = tags::i(ty);
                        }
                        gold[b] = tags::l(ty);
                    }
                    spans.push((bs, be, ty));
                }
                _ => {
                    *misaligned += 1;
                    if std::env::var_os("NER_DEBUG_ALIGN").is_some() {
                        let a = text[..bs].char_indices().rev().nth(10).map_or(0, |x| x.0);
                        let b = text[be..].char_indices().nth(10).map_or(text.len(), |x| be + x.0);
                        eprintln!("misaligned: {:?} in {:?}", &text[bs..be], &text[a..b]);
                    }
                }
            }
        }
        out.push(Example { text, tokens, sents, gold, spans });
    }
    out
}

/// Tags must form valid BILOU sequences per sentence; a gold entity crossing a sentence boundary
/// (rare) is cut into valid pieces.
fn repair(gold: &mut [u8], sents: &[Sentence]) {
    for s in sents {
        let seg = &mut gold[s.first..s.end];
        let n = seg.len();
        for i in 0..n {
            let y = seg[i];
            if y == tags::O {
                continue;
            }
            let ty = tags::typ(y).unwrap();
            let pos = tags::pos(y);
            let starts_here = i == 0 && (pos == 1 || pos == 2);
            let ends_here = i + 1 == n && (pos == 0 || pos == 1);
            if starts_here || ends_here {
                let begin = pos == 0 || pos == 3 || starts_here;
                let end = pos == 2 || pos == 3 || ends_here;
                seg[i] = match (begin, end) {
                    (true, true) => tags::u(ty),
                    (true, false) => tags::b(ty),
                    (false, true) => tags::l(ty),
                    _ => tags::i(ty),
                };
            }
        }
    }
}

struct Weights {
    w: Vec<f32>,
    u: Vec<f64>,
    tr: Vec<f32>,
    tu: Vec<f64>,
    c: f64,
}

impl Weights {
    fn update(&mut self, id: usize, tag: usize, d: f32) {
        let k = id * NTAGS + tag;
        self.w[k] += d;
        self.u[k] += self.c * d as f64;
    }
    fn update_tr(&mut self, prev: Option<u8>, tag: u8, d: f32) {
        let k = prev.map_or(NTAGS, |p| p as usize) * NTAGS + tag as usize;
        self.tr[k] += d;
        self.tu[k] += self.c * d as f64;
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn arg(args: &[String], name: &str, default: &str) -> String {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned().unwrap_or_else(|| default.to_string())
}

/// Exact-span micro P/R/F1 and per type.
fn evaluate(exs: &[Example], model: &Model) -> String {
    let gaz = gazetteer::embedded();
    let mut tp = [0usize; 4];
    let mut np = [0usize; 4];
    let mut ng = [0usize; 4];
    for ex in exs {
        let doc = Doc { text: &ex.text, tokens: &ex.tokens, sentences: &ex.sents };
        let t = tag_tokens(&doc, model, gaz);
        let mut ents = newsmark::entities::tagger::spans(&doc, &t);
        if std::env::var_os("NER_NO_HARMONISE").is_none() {
            newsmark::entities::rules::harmonise(&mut ents);
        }
        let pred: Vec<(usize, usize, usize)> = ents
            .iter()
            .map(|e| (e.start, e.end, label_type(e.label.as_str()).unwrap()))
            .collect();
        for p in &pred {
            np[p.2] += 1;
            if ex.spans.contains(p) {
                tp[p.2] += 1;
            }
        }
        for g in &ex.spans {
            ng[g.2] += 1;
        }
    }
    let f = |tp: usize, np: usize, ng: usize| {
        let p = tp as f64 / np.max(1) as f64;
        let r = tp as f64 / ng.max(1) as f64;
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    };
    let (p, r, f1) = f(tp.iter().sum(), np.iter().sum(), ng.iter().sum());
    let mut s = format!("P {p:.4} R {r:.4} F1 {f1:.4} |");
    for (k, name) in ["PER", "ORG", "LOC", "MISC"].iter().enumerate() {
        s += &format!(" {name} {:.4}", f(tp[k], np[k], ng[k]).2);
    }
    s
}

/// Write the table of compact model `compact` to `path`; returns it.
fn write_table(compact: &[u8], path: &str) -> Vec<u8> {
    let t = table(compact).expect("a well-formed model");
    std::fs::write(path, &t).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    eprintln!("wrote {path} ({} bytes)", t.len());
    t
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--write-gazetteer") {
        let list = std::fs::read_to_string(gazetteer::LIST_PATH).expect("the gazetteer list");
        let table = gazetteer::Gazetteer::table_bytes(&list);
        std::fs::write(gazetteer::TABLE_PATH, &table).expect("writable table");
        eprintln!("wrote {} ({} bytes)", gazetteer::TABLE_PATH, table.len());
        return;
    }
    if args.iter().any(|a| a == "--write-table") {
        let compact = std::fs::read(tagger::MODEL_PATH).expect("the model");
        write_table(&compact, tagger::TABLE_PATH);
        return;
    }
    let train_path = arg(&args, "--train", "../shared/data/conll2003/train.jsonl");
    let dev_path = arg(&args, "--dev", "");
    let out_path = arg(&args, "--out", tagger::MODEL_PATH);
    let epochs: usize = arg(&args, "--epochs", "12").parse().expect("--epochs N");
    let min_count: u32 = arg(&args, "--min-count", "2").parse().expect("--min-count N");
    let noise: u64 = arg(&args, "--noise", "0").parse().expect("--noise PERMILLE");
    let clipdiv: usize = arg(&args, "--clip", "1000000000").parse().expect("--clip N");
    let prune: i32 = arg(&args, "--prune", "4").parse().expect("--prune Q");
    let t0 = Instant::now();

    let (mut mis, mut tot) = (0, 0);
    let mut train = load(&train_path, &mut mis, &mut tot);
    eprintln!("train: {} docs, {} gold spans, {} misaligned with tokens", train.len(), tot, mis);
    for ex in &mut train {
        repair(&mut ex.gold, &ex.sents);
    }
    let dev = if dev_path.is_empty() {
        Vec::new()
    } else {
        let (mut m, mut t) = (0, 0);
        let d = load(&dev_path, &mut m, &mut t);
        eprintln!("dev: {} docs, {} gold spans, {} misaligned", d.len(), t, m);
        d
    };

    // static features per token, mapped to dense ids (features seen fewer than min_count times
    // are dropped: the tagger computes them too, but they carry no weight)
    let gaz = gazetteer::embedded();
    let mut infos = Vec::with_capacity(train.len());
    let mut keys: Vec<Vec<u32>> = Vec::with_capacity(train.len());
    let mut offs: Vec<Vec<u32>> = Vec::with_capacity(train.len());
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for ex in &train {
        let doc = Doc { text: &ex.text, tokens: &ex.tokens, sentences: &ex.sents };
        let info = DocInfo::new(&doc, gaz);
        let mut k = Vec::new();
        let mut o = vec![0u32];
        for i in 0..ex.tokens.len() {
            info.static_features(i, &mut k);
            o.push(k.len() as u32);
        }
        for &f in &k {
            *counts.entry(f).or_insert(0) += 1;
        }
        infos.push(info);
        keys.push(k);
        offs.push(o);
    }
    let mut ids: HashMap<u32, u32> = HashMap::new();
    let mut id_keys: Vec<u32> = Vec::new();
    let mut sorted: Vec<(u32, u32)> = counts.into_iter().filter(|&(_, c)| c >= min_count).collect();
    sorted.sort_unstable();
    for (k, _) in sorted {
        ids.insert(k, id_keys.len() as u32);
        id_keys.push(k);
    }
    const NONE: u32 = u32::MAX;
    let fids: Vec<Vec<u32>> =
        keys.iter().map(|k| k.iter().map(|f| ids.get(f).copied().unwrap_or(NONE)).collect()).collect();
    drop(keys);
    eprintln!("{} static features kept (min count {min_count}); {:.1}s", id_keys.len(), t0.elapsed().as_secs_f64());

    // several runs with different shuffles, their averaged weights averaged again (an ensemble that
    // costs nothing at tagging time)
    let runs: u64 = arg(&args, "--runs", "1").parse().expect("--runs N");
    let seed: u64 = arg(&args, "--seed", "1").parse().expect("--seed N");
    let mut sum_w: Vec<f32> = Vec::new();
    let mut sum_t: Vec<f32> = vec![0.0; (NTAGS + 1) * NTAGS];
    for run in 0..runs {
    let nf = id_keys.len();
    let mut wts = Weights {
        w: vec![0.0; nf * NTAGS],
        u: vec![0.0; nf * NTAGS],
        tr: vec![0.0; (NTAGS + 1) * NTAGS],
        tu: vec![0.0; (NTAGS + 1) * NTAGS],
        c: 1.0,
    };
    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ (seed + run * 7919).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let mut nrng = Rng(0x1234_5678_9abc_def1);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let (mut path, mut back) = (Vec::new(), Vec::new());
    let mut em: Vec<f32> = Vec::new();
    let mut hfeats: Vec<u32> = Vec::new();
    let mut hids: Vec<u32> = Vec::new();
    let mut hoffs: Vec<u32> = Vec::new();
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        let mut ntok = 0usize;
        for &d in &order {
            let ex = &train[d];
            let info = &infos[d];
            let (f, o) = (&fids[d], &offs[d]);
            let n = ex.tokens.len();
            let mut pass0 = vec![0u8; n];
            for pass in 0..2 {
                if pass == 1 {
                    // history features from pass 0 (admitted to the model as they appear)
                    // the first pass is nearly perfect on its own training data; add noise so the
                    // second pass learns to trust it as much as it deserves on unseen text
                    let mut noisy = pass0.clone();
                    if noise > 0 {
                        for y in noisy.iter_mut() {
                            if (nrng.next() % 1000) < noise {
                                let ty = (nrng.next() % 5) as usize;
                                *y = if ty == 4 { tags::O } else { tags::u(ty) };
                            }
                        }
                    }
                    let hist = history(info, &noisy);
                    hids.clear();
                    hoffs.clear();
                    hoffs.push(0);
                    for i in 0..n {
                        hfeats.clear();
                        if let Some(c) = hist.get(&info.toks[i].lower) {
                            info.history_features(i, c, pass0[i], &mut hfeats);
                        }
                        for &k in &hfeats {
                            let id = *ids.entry(k).or_insert_with(|| {
                                id_keys.push(k);
                                wts.w.extend([0.0; NTAGS]);
                                wts.u.extend([0.0; NTAGS]);
                                (id_keys.len() - 1) as u32
                            });
                            hids.push(id);
                        }
                        hoffs.push(hids.len() as u32);
                    }
                }
                for &(a, b) in &info.sents {
                    em.clear();
                    em.resize((b - a) * NTAGS, 0.0);
                    for i in a..b {
                        let row = &mut em[(i - a) * NTAGS..(i - a + 1) * NTAGS];
                        let mut add = |id: u32| {
                            if id != NONE {
                                let w = &wts.w[id as usize * NTAGS..(id as usize + 1) * NTAGS];
                                for (s, x) in row.iter_mut().zip(w) {
                                    *s += x;
                                }
                            }
                        };
                        for &id in &f[o[i] as usize..o[i + 1] as usize] {
                            add(id);
                        }
                        if pass == 1 {
                            for &id in &hids[hoffs[i] as usize..hoffs[i + 1] as usize] {
                                add(id);
                            }
                        }
                    }
                    viterbi(&em, &wts.tr, NTAGS, -1e30, &mut path, &mut back);
                    let gold = &ex.gold[a..b];
                    if pass == 0 {
                        pass0[a..b].copy_from_slice(&path);
                    }
                    ntok += b - a;
                    if path != gold {
                        for i in a..b {
                            let (g, p) = (gold[i - a], path[i - a]);
                            let gp = if i > a { Some(gold[i - a - 1]) } else { None };
                            let pp = if i > a { Some(path[i - a - 1]) } else { None };
                            if g != p {
                                errors += 1;
                                let mut upd = |id: u32| {
                                    if id != NONE {
                                        wts.update(id as usize, g as usize, 1.0);
                                        wts.update(id as usize, p as usize, -1.0);
                                    }
                                };
                                for &id in &f[o[i] as usize..o[i + 1] as usize] {
                                    upd(id);
                                }
                                if pass == 1 {
                                    for &id in &hids[hoffs[i] as usize..hoffs[i + 1] as usize] {
                                        upd(id);
                                    }
                                }
                            }
                            if (gp, g) != (pp, p) {
                                wts.update_tr(gp, g, 1.0);
                                wts.update_tr(pp, p, -1.0);
                            }
                        }
                    }
                    wts.c += 1.0;
                }
            }
        }
        eprintln!(
            "run {run} epoch {:2}: token error rate {:.4} ({:.1}s)",
            epoch + 1,
            errors as f64 / ntok.max(1) as f64,
            t0.elapsed().as_secs_f64()
        );
    }

    // average, quantise, prune
    let c = wts.c;
    let avg: Vec<f32> = wts.w.iter().zip(&wts.u).map(|(&w, &u)| (w as f64 - u / c) as f32).collect();
    let tavg: Vec<f32> = wts.tr.iter().zip(&wts.tu).map(|(&w, &u)| (w as f64 - u / c) as f32).collect();
    sum_w.resize(avg.len(), 0.0);
    for (s, a) in sum_w.iter_mut().zip(&avg) {
        *s += a / runs as f32;
    }
    for (s, a) in sum_t.iter_mut().zip(&tavg) {
        *s += a / runs as f32;
    }
    }
    let (avg, tavg) = (sum_w, sum_t);
    let mut mags: Vec<f32> = avg.iter().filter(|x| **x != 0.0).map(|x| x.abs()).collect();
    mags.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let top = mags.get(mags.len().saturating_sub(1 + mags.len() / clipdiv)).copied().unwrap_or(1.0).max(1e-6);
    let scale = top / 16129.0;
    let mut feats: Vec<(u32, Vec<i8>)> = Vec::new();
    for (id, &k) in id_keys.iter().enumerate() {
        let w: Vec<i8> = avg[id * NTAGS..(id + 1) * NTAGS]
            .iter()
            .map(|&x| {
                let q = quantise(x / scale);
                if (q as i32).abs() < prune { 0 } else { q }
            })
            .collect();
        feats.push((k, w));
    }
    let trans: Vec<i32> = tavg.iter().map(|&x| (x / scale).round() as i32).collect();
    let bytes = encode(NTAGS, &trans, &mut feats);
    std::fs::write(&out_path, &bytes).unwrap_or_else(|e| panic!("cannot write {out_path}: {e}"));
    eprintln!(
        "wrote {out_path}: {} features, {} bytes (scale {scale:.4}); training took {:.1}s",
        feats.len(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    let table_path = arg(&args, "--table-out", tagger::TABLE_PATH);
    let table = write_table(&bytes, &table_path);
    let model = Model::from_table(&table).expect("model round-trips");
    if !dev.is_empty() {
        eprintln!("dev   {}", evaluate(&dev, &model));
    }
    if args.iter().any(|a| a == "--eval-train") {
        eprintln!("train {}", evaluate(&train, &model));
    }
}
