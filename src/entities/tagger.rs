//! The two-pass tagger: pass 1 tags each sentence with the embedded model (Viterbi over BILOU
//! tags); pass 2 adds what pass 1 said about the same word elsewhere in the document and tags again.

use std::sync::OnceLock;

use super::features::{history_features_of, mix, tags, Cls, DocInfo, KeyMap, NTAGS};
use super::gazetteer::{self, Gazetteer};
use super::model::{Bilou, Lattice, Model};
use super::rules;
use crate::model::{Entity, Label};
use crate::text::fasthash::FastMap;
use crate::text::Doc;

/// A score that rules a transition out (weights are far smaller).
const NEG: i32 = -(1 << 28);

/// Where the trainer writes the model (compact format) and the table made from it.
pub const MODEL_PATH: &str = "src/entities/data/ner.model";
pub const TABLE_PATH: &str = "src/entities/data/ner.bin";

/// The embedded model: the table (fixed-width, loaded in two sequential passes).
static MODEL_TABLE: &[u8] = include_bytes!("data/ner.bin");

/// The embedded model (`None` only if the embedded table is malformed).
pub fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::from_table(MODEL_TABLE)).as_ref()
}

/// The embedded model's transitions, prepared once.
fn lattice(model: &Model) -> &'static Option<Bilou> {
    static L: OnceLock<Option<Bilou>> = OnceLock::new();
    L.get_or_init(|| Bilou::new(&Lattice::new(&model.trans, model.ntags, NEG)))
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

/// [`history`] indexed by `TokInfo::lid` (forms never counted have all zeros).
fn history_by_form(info: &DocInfo, tags_: &[u8]) -> Vec<[u16; 5]> {
    let mut h = vec![[0u16; 5]; info.n_lower];
    for (t, &y) in info.toks.iter().zip(tags_) {
        if !matches!(t.cls, Cls::Cap | Cls::AllCaps | Cls::Lower) {
            continue;
        }
        let e = &mut h[t.lid as usize];
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
    // emission scores of the tokens that are scored (not `surely_outside`), in token order: a
    // stretch of scored tokens has consecutive rows (`row_of[i]` for each scored token)
    let skip = info.outside_mask();
    let scored = skip.iter().filter(|&&s| !s).count();
    let mut row_of = vec![0u32; n];
    let mut em: Vec<i32> = Vec::with_capacity(scored * NTAGS);
    let mut feats = Vec::with_capacity(64);
    // A token's row is the sum of three parts, each scored once per distinct key it reads (the
    // sums are of integers, so the parts may be added in any order):
    // - the features of the token alone, by its form and flags;
    // - the context features that read only shapes and classes, by `shape_context_key` (a few
    //   thousand distinct keys in a long text);
    // - the context features that read the neighbours' words, scored for every token.
    let mut unigram: FastMap<(u64, u64), [i32; NTAGS]> =
        FastMap::with_capacity_and_hasher(info.forms.len().min(scored) + 1, Default::default());
    let mut shapes: FastMap<[u64; 4], [i32; NTAGS]> = FastMap::default();
    let score = |feats: &mut Vec<u32>, add: &dyn Fn(&mut Vec<u32>)| {
        feats.clear();
        add(feats);
        let mut u = [0i32; NTAGS];
        model.add_scores(feats, &mut u);
        u
    };
    for i in 0..n {
        if skip[i] {
            continue;
        }
        row_of[i] = (em.len() / NTAGS) as u32;
        let key = info.unigram_key(i);
        let mut row = *unigram.entry(key).or_insert_with(|| score(&mut feats, &|f| info.unigram_features(i, f)));
        let sh = shapes
            .entry(info.shape_context_key(i))
            .or_insert_with(|| score(&mut feats, &|f| info.shape_context_features(i, f)));
        for (r, x) in row.iter_mut().zip(sh.iter()) {
            *r += x;
        }
        feats.clear();
        info.word_context_features(i, &mut feats);
        model.add_scores(&feats, &mut row);
        em.extend_from_slice(&row);
    }
    let (mut path, mut back) = (Vec::new(), Vec::new());
    // the embedded model's lattice is cached; another model's is built here
    let own;
    let lat = if self::model().map_or(false, |m| std::ptr::eq(m, model)) {
        lattice(model)
    } else {
        own = Bilou::new(&Lattice::new(&model.trans, NTAGS, NEG));
        &own
    };
    let Some(lat) = lat else { return out };
    for &(a, b) in &info.sents {
        decode_sentence(lat, &em, &skip, &row_of, a, b, &mut out, &mut path, &mut back);
    }
    // second pass: document-level history
    let hist = history_by_form(&info, &out);
    let mut changed = vec![false; info.sents.len()];
    let mut history_rows: KeyMap<[i32; NTAGS]> = KeyMap::default();
    for i in 0..n {
        // only these tokens have history features (and their own form was counted); a skipped
        // one (a letter of a script without case) stays `O` whatever its scores
        let t = &info.toks[i];
        if !skip[i] && (matches!(t.cls, Cls::Cap | Cls::AllCaps) || (t.cls == Cls::Lower && t.caps_sent)) {
            // the features read little (see `history_key`): each distinct key is scored once
            if let Some(key) = info.history_key(i, &hist[t.lid as usize], out[i]) {
                let h = history_rows.entry(key).or_insert_with(|| score(&mut feats, &|f| history_features_of(key, f)));
                let r = row_of[i] as usize * NTAGS;
                for (e, x) in em[r..r + NTAGS].iter_mut().zip(h.iter()) {
                    *e += x;
                }
                changed[info.sent_of[i] as usize] = true;
            }
        }
    }
    for (&(a, b), _) in info.sents.iter().zip(&changed).filter(|(_, &c)| c) {
        decode_sentence(lat, &em, &skip, &row_of, a, b, &mut out, &mut path, &mut back);
    }
    propagate(&info, &mut out);
    out
}

/// Decode sentence `a..b`: tokens in `skip` are `O`, so only the stretches between them are
/// decoded (exactly: each stretch is scored from and into the `O` around it). `em` has a row for
/// each token not skipped, `row_of[i]` for token `i`.
#[allow(clippy::too_many_arguments)]
fn decode_sentence(
    lat: &Bilou,
    em: &[i32],
    skip: &[bool],
    row_of: &[u32],
    a: usize,
    b: usize,
    out: &mut [u8],
    path: &mut Vec<u8>,
    back: &mut Vec<[i32; NTAGS]>,
) {
    let mut x = a;
    while x < b {
        if skip[x] {
            out[x] = tags::O;
            x += 1;
            continue;
        }
        let mut y = x + 1;
        while y < b && !skip[y] {
            y += 1;
        }
        let r = row_of[x] as usize;
        lat.decode_between(&em[r * NTAGS..(r + y - x) * NTAGS], x > a, y < b, path, back);
        out[x..y].copy_from_slice(path);
        x = y;
    }
}

/// One sense per document for names: a multi-word name tagged somewhere is tagged wherever else
/// it appears untagged, and a lone capitalised word that is the first or last word of a person's
/// full name in the same document (`Kim` of `Kim Jong-un`, `Trump` of `Donald Trump`) is that
/// person, unless the word also appears in lower case or stands next to other capitalised words.
pub fn propagate(info: &DocInfo, tags_: &mut [u8]) {
    let n = tags_.len().min(info.toks.len());
    let mut forms: KeyMap<u8> = KeyMap::default();
    let mut parts: KeyMap<()> = KeyMap::default();
    let mut max_len = 0;
    let mut i = 0;
    while i < n {
        let y = tags_[i];
        if y == tags::O || tags::pos(y) != 0 {
            i += 1;
            continue;
        }
        let ty = tags::typ(y).unwrap_or(0);
        let mut j = i + 1;
        while j < n && tags_[j] == tags::i(ty) {
            j += 1;
        }
        if j >= n || tags_[j] != tags::l(ty) {
            i = j;
            continue;
        }
        let len = j + 1 - i;
        let mut h = 0x51u64;
        for (k, t) in info.toks[i..=j].iter().enumerate() {
            h = mix(h, t.lower);
            // its shorter starts (of two words or more) are known too, as no name (0) unless
            // they are one: the search below stops at the first run of words no name starts with
            if k >= 1 && k < len - 1 {
                forms.entry(h).or_insert(0);
            }
        }
        let e = forms.entry(h).or_insert(ty as u8 + 1);
        if *e != ty as u8 + 1 {
            *e = if *e == 0 { ty as u8 + 1 } else { 0xff }; // the same words with two labels: leave them alone
        }
        max_len = max_len.max(len);
        if ty == 0 {
            for t in [&info.toks[i], &info.toks[j]] {
                if t.cls == Cls::Cap && t.len >= 2 {
                    parts.insert(t.lower, ());
                }
            }
        }
        i = j + 1;
    }
    if forms.is_empty() {
        return;
    }
    // a lone word tagged as an organisation or a work that is a word of a person's full name
    // elsewhere is that person (`Trump` of `Donald Trump`), unless a gazetteer knows the word
    for k in 0..n {
        let y = tags_[k];
        if y == tags::u(1) || y == tags::u(3) {
            let t = &info.toks[k];
            if t.gaz == 0 && t.cls == Cls::Cap && parts.contains_key(&t.lower) {
                tags_[k] = tags::u(0);
            }
        }
    }
    let capital = |k: usize| matches!(info.toks[k].cls, Cls::Cap | Cls::AllCaps);
    for &(a, b) in &info.sents {
        let b = b.min(n);
        let mut i = a;
        while i < b {
            if tags_[i] != tags::O || !capital(i) {
                i += 1;
                continue;
            }
            // a whole multi-word name
            let mut found = None;
            let mut h = 0x51u64;
            for len in 1..=max_len.min(b - i) {
                let k = i + len - 1;
                if tags_[k] != tags::O {
                    break;
                }
                h = mix(h, info.toks[k].lower);
                if len >= 2 {
                    let Some(&ty) = forms.get(&h) else { break };
                    if ty != 0 && ty != 0xff && (k + 1 >= b || tags_[k + 1] == tags::O && !capital(k + 1)) {
                        found = Some((len, ty as usize - 1));
                    }
                }
            }
            if let Some((len, ty)) = found {
                tags_[i] = tags::b(ty);
                for t in &mut tags_[i + 1..i + len - 1] {
                    *t = tags::i(ty);
                }
                tags_[i + len - 1] = tags::l(ty);
                i += len;
                continue;
            }
            // a lone part of a person's name
            let t = &info.toks[i];
            let lone = (i == a || !capital(i - 1) || t.caps_sent) && (i + 1 >= b || !capital(i + 1) || t.caps_sent);
            let next_free = i + 1 >= b || tags_[i + 1] == tags::O;
            let prev_free = i == a || tags_[i - 1] == tags::O || matches!(tags::pos(tags_[i - 1]), 2 | 3);
            // beside a number it is not a name (`Jun 2018` in a text about `Ai Jun`, `5 May`)
            let by_number = (i > a && info.toks[i - 1].cls == Cls::Num) || (i + 1 < b && info.toks[i + 1].cls == Cls::Num);
            if lone && next_free && prev_free && !by_number && t.doc_case & 1 == 0 && parts.contains_key(&t.lower) {
                tags_[i] = tags::u(0);
            }
            i += 1;
        }
    }
}

pub(super) const LABELS: [Label; 4] = [Label::PER, Label::ORG, Label::LOC, Label::MISC];

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


/// Tag `doc` with the embedded model and gazetteer.
pub fn tag(doc: &Doc) -> Vec<Entity> {
    // Nothing to tag: do not load the model and gazetteer for an empty or blank text.
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let Some(m) = model() else { return Vec::new() };
    let t = tag_tokens(doc, m, gazetteer::embedded());
    let mut e = spans(doc, &t);
    rules::apply(doc, &mut e);
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
    fn a_name_part_beside_a_number_is_not_the_person() {
        let text = "Ai Jun, a spokesman, spoke. Jun said so in Jun 2018.";
        Doc::with(text, |doc| {
            let e = tag(doc);
            let got: Vec<(&str, Label)> = e.iter().map(|e| (&text[e.start..e.end], e.label)).collect();
            assert!(got.contains(&("Ai Jun", Label::PER)), "{got:?}");
            // the lone `Jun` of the second sentence is the person; the one beside a number is not
            let juns: Vec<usize> = e.iter().filter(|e| e.text == "Jun").map(|e| e.start).collect();
            assert_eq!(juns, [text.find("Jun said").unwrap()], "{got:?}");
        });
    }

    #[test]
    fn names_propagate_through_the_document() {
        let text = "Kim Jong-un left. Kim spoke to Lee Sang-sook Park. Kim Jong-un and the kim. Kim Jong-un";
        Doc::with(text, |doc| {
            let info = DocInfo::new(doc, &Gazetteer::empty());
            let mut t = vec![tags::O; doc.tokens.len()];
            // only the first mention is tagged
            t[0] = tags::b(0);
            t[1] = tags::l(0);
            propagate(&info, &mut t);
            let got: Vec<&str> = spans(doc, &t).iter().map(|e| &text[e.start..e.end]).collect();
            // lone `Kim` stays untagged: `kim` also appears in lower case
            assert_eq!(got, ["Kim Jong-un", "Kim Jong-un", "Kim Jong-un"]);
        });
        let text = "Donald Trump left. Trump spoke. Trump Tower stood.";
        Doc::with(text, |doc| {
            let info = DocInfo::new(doc, &Gazetteer::empty());
            let mut t = vec![tags::O; doc.tokens.len()];
            t[0] = tags::b(0);
            t[1] = tags::l(0);
            t[4] = tags::u(3); // `Trump spoke` misread as MISC
            propagate(&info, &mut t);
            let got: Vec<(&str, Label)> = spans(doc, &t).iter().map(|e| (&text[e.start..e.end], e.label)).collect();
            // `Trump Tower`: next to another capitalised word, left alone
            assert_eq!(got, [("Donald Trump", Label::PER), ("Trump", Label::PER)]);
        });
    }

    #[test]
    fn history_by_form_is_history() {
        let text = "KIM VISITS CHINA\nKim Jong-un met kim and Xi in China. China's 1996 plan; Kim said.";
        Doc::with(text, |doc| {
            let info = DocInfo::new(doc, &Gazetteer::empty());
            let tags_: Vec<u8> = (0..info.toks.len()).map(|i| (i % 17) as u8).collect();
            let (a, b) = (history(&info, &tags_), history_by_form(&info, &tags_));
            for t in &info.toks {
                // one form, one id
                assert!(info.toks.iter().all(|u| (u.lower == t.lower) == (u.lid == t.lid)));
                assert_eq!(a.get(&t.lower).copied().unwrap_or([0; 5]), b[t.lid as usize]);
            }
        });
    }

    #[test]
    fn embedded_model_loads() {
        let m = model().expect("embedded model parses");
        assert_eq!(m.ntags, NTAGS);
        assert!(m.nfeat > 1000);
    }

    /// `ner.bin` is what `train-ner --write-table` makes of `ner.model`: rerun it if this fails.
    #[test]
    fn embedded_table_is_made_from_the_model() {
        let compact = include_bytes!("data/ner.model");
        let made = super::super::model::table(compact).expect("ner.model is well-formed");
        assert!(made == MODEL_TABLE, "src/entities/data/ner.bin is stale: run `cargo run --release --bin train-ner -- --write-table`");
    }

}