//! The two-pass tagger: pass 1 tags each sentence with the embedded model (Viterbi over BILOU
//! tags); pass 2 adds what pass 1 said about the same word elsewhere in the document and tags again.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::features::{tags, Cls, DocInfo, KeyMap, NTAGS};
use super::gazetteer::{self, Gazetteer};
use super::model::{viterbi, Model};
use crate::model::{Entity, Label};
use crate::text::Doc;

/// A score that rules a transition out (weights are far smaller).
const NEG: i32 = -(1 << 28);

static MODEL_BYTES: &[u8] = include_bytes!("data/ner.model");

/// The embedded model, parsed once (`None` only if the embedded file is malformed).
pub fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::parse(MODEL_BYTES)).as_ref()
}

/// Per-document label counts of each word (lower-cased key): entity types 0..4 and `O` (index 4).
pub fn history(info: &DocInfo, tags_: &[u8]) -> KeyMap<[u16; 5]> {
    let mut h: KeyMap<[u16; 5]> = KeyMap::with_capacity_and_hasher(tags_.len() / 3 + 1, Default::default());
    for (t, &y) in info.toks.iter().zip(tags_) {
        if !matches!(t.cls, Cls::Cap | Cls::AllCaps | Cls::Lower) {
            continue;
        }
        let e = h.entry(t.lower).or_insert([0; 5]);
        let k = tags::typ(y).unwrap_or(4);
        e[k] = e[k].saturating_add(1);
    }
    h
}

/// BILOU tags for every token of `doc`.
pub fn tag_tokens(doc: &Doc, model: &Model, gaz: &Gazetteer) -> Vec<u8> {
    let n = doc.tokens.len();
    let mut out = vec![0u8; n];
    if n == 0 || model.ntags != NTAGS {
        return out;
    }
    let info = DocInfo::new(doc, gaz);
    let mut em = vec![0i32; n * NTAGS];
    let mut feats = Vec::with_capacity(64);
    for i in 0..n {
        let row = &mut em[i * NTAGS..(i + 1) * NTAGS];
        if info.surely_outside(i) {
            row[1..].fill(NEG / 4);
            continue;
        }
        feats.clear();
        info.static_features(i, &mut feats);
        model.add_scores(&feats, row);
    }
    let (mut path, mut back) = (Vec::new(), Vec::new());
    for &(a, b) in &info.sents {
        viterbi(&em[a * NTAGS..b * NTAGS], &model.trans, NTAGS, NEG, &mut path, &mut back);
        out[a..b].copy_from_slice(&path);
    }
    // second pass: document-level history
    let hist = history(&info, &out);
    let mut changed = vec![false; info.sents.len()];
    for i in 0..n {
        if let Some(c) = hist.get(&info.toks[i].lower) {
            feats.clear();
            info.history_features(i, c, out[i], &mut feats);
            if !feats.is_empty() {
                model.add_scores(&feats, &mut em[i * NTAGS..(i + 1) * NTAGS]);
                changed[info.sent_of[i] as usize] = true;
            }
        }
    }
    for (&(a, b), _) in info.sents.iter().zip(&changed).filter(|(_, &c)| c) {
        viterbi(&em[a * NTAGS..b * NTAGS], &model.trans, NTAGS, NEG, &mut path, &mut back);
        out[a..b].copy_from_slice(&path);
    }
    out
}

const LABELS: [Label; 4] = [Label::PER, Label::ORG, Label::LOC, Label::MISC];

/// Turn BILOU tags into entity spans (byte offsets; `group` left at 0).
pub fn spans(doc: &Doc, tags_: &[u8]) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &y) in tags_.iter().enumerate() {
        let Some(ty) = tags::typ(y) else {
            open = None;
            continue;
        };
        let pos = tags::pos(y);
        if pos == 0 || pos == 3 || open.map_or(true, |(_, t)| t != ty) {
            open = Some((i, ty));
        }
        if pos == 2 || pos == 3 {
            if let Some((s, t)) = open.take() {
                let (start, end) = (doc.tokens[s].start, doc.tokens[i].end);
                out.push(Entity { start, end, text: doc.text[start..end].to_string(), label: LABELS[t], group: 0 });
            }
        }
    }
    out
}

/// One label per name in a document: a mention whose exact text is given another label by a
/// clear majority (at least two thirds of at least three mentions) takes the majority label.
pub fn harmonise(ents: &mut [Entity]) {
    let mut by_text: HashMap<&str, [u16; 4]> = HashMap::new();
    for e in ents.iter() {
        by_text.entry(e.text.as_str()).or_insert([0; 4])[e.label as usize] += 1;
    }
    let mut relabel: Vec<(usize, Label)> = Vec::new();
    for (i, e) in ents.iter().enumerate() {
        let c = by_text[e.text.as_str()];
        let total: u16 = c.iter().sum();
        let (best, &n) = c.iter().enumerate().max_by_key(|&(k, &n)| (n, 4 - k)).unwrap();
        if total >= 3 && n * 3 >= total * 2 && best != e.label as usize {
            relabel.push((i, LABELS[best]));
        }
    }
    for (i, l) in relabel {
        ents[i].label = l;
    }
}

/// Tag `doc` with the embedded model and gazetteer.
pub fn tag(doc: &Doc) -> Vec<Entity> {
    let Some(m) = model() else { return Vec::new() };
    let t = tag_tokens(doc, m, gazetteer::embedded());
    let mut e = spans(doc, &t);
    harmonise(&mut e);
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_from_bilou() {
        Doc::with("Kim Jong-un met Xi in Beijing", |doc| {
            let t = [tags::b(0), tags::l(0), 0, tags::u(0), 0, tags::u(2)];
            let e = spans(doc, &t);
            let got: Vec<(&str, Label)> = e.iter().map(|e| (e.text.as_str(), e.label)).collect();
            assert_eq!(got, [("Kim Jong-un", Label::PER), ("Xi", Label::PER), ("Beijing", Label::LOC)]);
        });
    }

    #[test]
    fn embedded_model_loads() {
        let m = model().expect("embedded model parses");
        assert_eq!(m.ntags, NTAGS);
    }
}
