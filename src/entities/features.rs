//! Features of the entity tagger: every feature is a 32-bit hash built incrementally from byte/char
//! pieces (no String per token), shared verbatim by the trainer (`src/bin/train-ner.rs`) and the
//! tagger, so training and tagging can never disagree.
//!
//! Per token we compute once a handful of base hashes (normalised form, lower-cased form, shape,
//! prefixes, suffixes, hyphen parts, gazetteer bits, document-level casing); the per-position
//! features then only combine them. Typographic apostrophes, quotes and dashes are normalised so a
//! model trained on 1996 Reuters text reads modern copy (`Xi Jinping’s`).

use std::collections::HashMap;

use super::gazetteer::Gazetteer;
use crate::text::fasthash::FastMap;
use crate::text::{Doc, TokKind};

/// Number of BILOU tags: `O` plus B, I, L, U for PER, ORG, LOC, MISC.
pub const NTAGS: usize = 17;
/// Number of entity types.
pub const NTYPES: usize = 4;

/// Tag index helpers: `O` is 0; type `t` (0..4) has B=1+4t, I=2+4t, L=3+4t, U=4+4t.
pub mod tags {
    pub const O: u8 = 0;
    pub fn b(t: usize) -> u8 { (1 + 4 * t) as u8 }
    pub fn i(t: usize) -> u8 { (2 + 4 * t) as u8 }
    pub fn l(t: usize) -> u8 { (3 + 4 * t) as u8 }
    pub fn u(t: usize) -> u8 { (4 + 4 * t) as u8 }
    /// Entity type of a tag (None for `O`).
    pub fn typ(tag: u8) -> Option<usize> { if tag == 0 { None } else { Some((tag as usize - 1) / 4) } }
    /// 0 = B, 1 = I, 2 = L, 3 = U.
    pub fn pos(tag: u8) -> usize { (tag as usize - 1) % 4 }
    /// May `cur` follow `prev` (`None` = sentence start)?
    pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
        let inside = cur != O && matches!(pos(cur), 1 | 2);
        match prev {
            None => !inside,
            Some(p) => {
                let open = p != O && matches!(pos(p), 0 | 1);
                if open { inside && typ(p) == typ(cur) } else { !inside }
            }
        }
    }
    /// May a sentence end after `tag`?
    pub fn can_end(tag: u8) -> bool { tag == O || matches!(pos(tag), 2 | 3) }
}

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Combine a hash with one more 64-bit piece.
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Final 32-bit feature key (never 0: 0 marks an empty slot in the model table).
#[inline]
pub fn finish(h: u64) -> u32 {
    let mut h = h ^ (h >> 31);
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 29;
    let k = (h ^ (h >> 32)) as u32;
    if k == 0 { 1 } else { k }
}

#[inline]
fn feat(tid: u64, a: u64) -> u32 {
    finish(mix(mix(0x9e37_79b9_7f4a_7c15, tid), a))
}

#[inline]
fn feat2(tid: u64, a: u64, b: u64) -> u32 {
    finish(mix(mix(mix(0x9e37_79b9_7f4a_7c15, tid), a), b))
}

#[inline]
fn feat3(tid: u64, a: u64, b: u64, c: u64) -> u32 {
    finish(mix(mix(mix(mix(0x9e37_79b9_7f4a_7c15, tid), a), b), c))
}

/// A fast hasher for keys that are already hashes (u64): one multiply instead of SipHash.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(26);
    }
}

/// Map keyed by precomputed hashes.
pub type KeyMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// Typographic variants folded to their ASCII forms.
#[inline]
pub fn norm_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// Hash of a string's lower-cased normalised form (digits as `0`): the key used for document-level
/// statistics and gazetteer look-ups.
pub fn lower_hash(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    if s.is_ascii() {
        for &b in s.as_bytes() {
            h = mix(h, (ASCII[b as usize] >> 16 & 0xff) as u64);
        }
        return h;
    }
    lower_hash_chars(s)
}

/// [`lower_hash`] char by char (any text; the ASCII path gives the same values).
fn lower_hash_chars(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in s.chars() {
        let c = norm_char(c);
        if c.is_ascii_digit() {
            h = mix(h, '0' as u64);
        } else if c.is_ascii() {
            h = mix(h, c.to_ascii_lowercase() as u64);
        } else {
            for l in c.to_lowercase() {
                h = mix(h, l as u64);
            }
        }
    }
    h
}

/// Coarse class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Cls {
    Lower = 0,
    Cap = 1,
    AllCaps = 2,
    Num = 3,
    Punct = 4,
    Other = 5,
}

/// What features read of one token, computed once per distinct token text and kind, then
/// completed per occurrence (sentence flags, document casing, gazetteer bits). Small (40 bytes):
/// the hashes only the token's own features read are in its [`Form`].
#[derive(Clone, Copy, Debug)]
pub struct TokInfo {
    pub lower: u64,
    pub shape: u64,
    /// Number of this token's lower-cased form among the document's distinct forms (set by
    /// [`DocInfo::new`]; equal ids, equal `lower`).
    pub lid: u32,
    /// Index of this token's text and kind in [`DocInfo::forms`].
    pub form: u32,
    /// Gazetteer bits: category * 4 + position (B, I, L, U).
    pub gaz: u32,
    pub cls: Cls,
    /// Document casing of this word elsewhere: 0 unseen, 1 lower only, 2 capitalised only, 3 both.
    pub doc_case: u8,
    /// First token of its sentence.
    pub first: bool,
    /// Its sentence is in capitals (a headline).
    pub caps_sent: bool,
    /// Number of chars.
    pub len: u8,
    /// Has an upper-case letter.
    pub upper: bool,
}

/// The hashes of a distinct token text that only its own (unigram) features read.
#[derive(Clone, Copy, Debug)]
pub struct Form {
    pub word: u64,
    pub pre: [u64; 4],
    pub suf: [u64; 4],
    /// Lower-cased part before the first / after the last hyphen (0: no hyphen).
    pub hy_first: u64,
    pub hy_last: u64,
}

const BOS: u64 = 0x1111_2222_3333_4444;
const EOS: u64 = 0x5555_6666_7777_8888;

/// Everything the features need about one document.
pub struct DocInfo {
    pub toks: Vec<TokInfo>,
    /// The distinct token texts (`TokInfo::form`).
    pub forms: Vec<Form>,
    /// Sentence index of each token.
    pub sent_of: Vec<u32>,
    /// Sentences as token ranges.
    pub sents: Vec<(usize, usize)>,
    /// Number of distinct lower-cased forms (`TokInfo::lid` is below it).
    pub n_lower: usize,
}

/// Per ASCII byte: the char read (a backtick as an apostrophe) in bits 0-7, its shape char
/// (`X`, `x`, `d` or itself) in 8-15, its lower-cased form (digits as `0`) in 16-23, bit 24 for
/// an upper-case letter, bit 25 for a lower-case one.
static ASCII: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut b = 0;
    while b < 128 {
        let c = if b == b'`' as usize { b'\'' } else { b as u8 };
        let (sc, low, flags) = if c.is_ascii_uppercase() {
            (b'X', c.to_ascii_lowercase(), 1u32 << 24)
        } else if c.is_ascii_lowercase() {
            (b'x', c, 1 << 25)
        } else if c.is_ascii_digit() {
            (b'd', b'0', 0)
        } else {
            (c, c, 0)
        };
        t[b] = c as u32 | (sc as u32) << 8 | (low as u32) << 16 | flags;
        b += 1;
    }
    t
};

/// The base hashes of an ASCII token: the same values as the general path, byte by byte.
fn token_info_ascii(s: &[u8], kind: TokKind) -> (TokInfo, Form) {
    const SEED: u64 = 0xcbf2_9ce4_8422_2325;
    let (mut word, mut lower, mut shape) = (SEED, SEED, SEED);
    let (mut n_up, mut n_low) = (0usize, 0usize);
    let mut last_shape = 0u8;
    let mut run = 0;
    let (mut first_hy, mut last_hy) = (usize::MAX, 0);
    let low = |c: u8| (ASCII[c as usize] >> 16) as u8;
    for (k, &c) in s.iter().enumerate() {
        // one table look-up gives the char (a backtick read as an apostrophe), its shape char,
        // its lower-cased form (digits as 0) and whether it is an upper or lower case letter
        let e = ASCII[c as usize];
        let (c, sc) = (e as u8, (e >> 8) as u8);
        word = mix(word, c as u64);
        n_up += (e >> 24 & 1) as usize;
        n_low += (e >> 25 & 1) as usize;
        if sc == last_shape {
            run += 1;
        } else {
            run = 1;
            last_shape = sc;
        }
        if run <= 2 {
            shape = mix(shape, sc as u64);
        }
        lower = mix(lower, (e >> 16 & 0xff) as u64);
        if c == b'-' {
            first_hy = first_hy.min(k);
            last_hy = k;
        }
    }
    let n = s.len();
    let mut pre = [0u64; 4];
    let mut suf = [0u64; 4];
    let mut h = SEED;
    for k in 0..4.min(n) {
        h = mix(h, low(s[k]) as u64);
        pre[k] = h;
    }
    let mut h = 0x8422_2325_cbf2_9ce4u64;
    for k in 0..4.min(n) {
        h = mix(h, low(s[n - 1 - k]) as u64);
        suf[k] = h;
    }
    let (mut hy_first, mut hy_last) = (0, 0);
    if kind == TokKind::Word && n > 2 && first_hy != usize::MAX {
        let mut a = 0x1234_5678u64;
        for &c in &s[..first_hy] {
            a = mix(a, low(c) as u64);
        }
        let mut b = 0x8765_4321u64;
        for &c in &s[last_hy + 1..] {
            b = mix(b, low(c) as u64);
        }
        hy_first = a;
        hy_last = b;
    }
    let n_letters = n_up + n_low;
    let first = s.first().map(|&c| if c == b'`' { b'\'' } else { c });
    let cls = match first {
        _ if kind == TokKind::Punct => Cls::Punct,
        _ if kind == TokKind::Number => Cls::Num,
        Some(c) if c.is_ascii_uppercase() => {
            if n_letters >= 2 && n_low == 0 { Cls::AllCaps } else { Cls::Cap }
        }
        Some(c) if c.is_ascii_lowercase() => Cls::Lower,
        Some(b'\'') if n_letters > 0 => Cls::Lower,
        _ => Cls::Other,
    };
    let tok = TokInfo {
        lower,
        shape,
        lid: 0,
        form: 0,
        gaz: 0,
        cls,
        doc_case: 0,
        first: false,
        caps_sent: false,
        len: n.min(255) as u8,
        upper: n_up > 0,
    };
    (tok, Form { word, pre, suf, hy_first, hy_last })
}

fn token_info(s: &str, kind: TokKind, buf: &mut Vec<char>) -> (TokInfo, Form) {
    if s.is_ascii() {
        return token_info_ascii(s.as_bytes(), kind);
    }
    general_token_info(s, kind, buf)
}

/// The base hashes of any token, char by char.
fn general_token_info(s: &str, kind: TokKind, buf: &mut Vec<char>) -> (TokInfo, Form) {
    buf.clear();
    let mut word = 0xcbf2_9ce4_8422_2325u64;
    let mut lower = word;
    let mut shape = word;
    let (mut n_up, mut n_low, mut n_letters) = (0usize, 0usize, 0usize);
    let mut last_shape = '\0';
    let mut run = 0;
    let mut first_char = None;
    for c in s.chars() {
        let c = norm_char(c);
        if first_char.is_none() {
            first_char = Some(c);
        }
        word = mix(word, c as u64);
        let sc = if c.is_uppercase() {
            n_up += 1;
            n_letters += 1;
            'X'
        } else if c.is_lowercase() {
            n_low += 1;
            n_letters += 1;
            'x'
        } else if c.is_alphabetic() {
            n_letters += 1;
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if sc == last_shape {
            run += 1;
        } else {
            run = 1;
            last_shape = sc;
        }
        if run <= 2 {
            shape = mix(shape, sc as u64);
        }
        if c.is_ascii_digit() {
            buf.push('0');
        } else if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                buf.push(l);
            }
        }
    }
    for &c in buf.iter() {
        lower = mix(lower, c as u64);
    }
    let mut pre = [0u64; 4];
    let mut suf = [0u64; 4];
    let n = buf.len();
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for k in 0..4.min(n) {
        h = mix(h, buf[k] as u64);
        pre[k] = h;
    }
    let mut h = 0x8422_2325_cbf2_9ce4u64;
    for k in 0..4.min(n) {
        h = mix(h, buf[n - 1 - k] as u64);
        suf[k] = h;
    }
    let (mut hy_first, mut hy_last) = (0, 0);
    if kind == TokKind::Word && n > 2 {
        if let Some(p) = buf.iter().position(|&c| c == '-') {
            let q = buf.iter().rposition(|&c| c == '-').unwrap_or(p);
            let mut a = 0x1234_5678u64;
            for &c in &buf[..p] {
                a = mix(a, c as u64);
            }
            let mut b = 0x8765_4321u64;
            for &c in &buf[q + 1..] {
                b = mix(b, c as u64);
            }
            hy_first = a;
            hy_last = b;
        }
    }
    let cls = match first_char {
        _ if kind == TokKind::Punct => Cls::Punct,
        _ if kind == TokKind::Number => Cls::Num,
        Some(c) if c.is_uppercase() => {
            if n_letters >= 2 && n_low == 0 { Cls::AllCaps } else { Cls::Cap }
        }
        Some(c) if c.is_lowercase() => Cls::Lower,
        Some(c) if c.is_alphabetic() => Cls::Cap,
        Some('\'') if n_letters > 0 => Cls::Lower,
        _ => Cls::Other,
    };
    let tok = TokInfo {
        lower,
        shape,
        lid: 0,
        form: 0,
        gaz: 0,
        cls,
        doc_case: 0,
        first: false,
        caps_sent: false,
        len: n.min(255) as u8,
        upper: n_up > 0,
    };
    (tok, Form { word, pre, suf, hy_first, hy_last })
}

/// A token of at most 7 bytes as one number: its bytes little-endian in bits 0-55 and its length
/// in bits 56-58 (bits 59 and up are free); `None` for a longer token.
#[inline(always)]
fn pack_short(w: &[u8]) -> Option<u64> {
    let n = w.len();
    let bytes = match n {
        // two overlapping reads: the bytes they share are the same
        4..=7 => {
            let read = |b: &[u8]| b.get(..4).and_then(|b| b.try_into().ok()).map_or(0, u32::from_le_bytes) as u64;
            read(w) | read(&w[n - 4..]) << (8 * (n - 4))
        }
        1..=3 => w[0] as u64 | (w[n / 2] as u64) << (8 * (n / 2)) | (w[n - 1] as u64) << (8 * (n - 1)),
        0 => 0,
        _ => return None,
    };
    Some(bytes | (n as u64) << 56)
}

impl DocInfo {
    /// Compute the base hashes and document statistics of `doc`.
    pub fn new(doc: &Doc, gaz: &Gazetteer) -> DocInfo {
        let n = doc.tokens.len();
        let mut buf = Vec::with_capacity(32);
        let mut toks: Vec<TokInfo> = Vec::with_capacity(n);
        // words repeat: each distinct token is hashed once per document, and each distinct
        // lower-cased form numbered (document statistics are then kept in plain vectors)
        let bytes = doc.text.as_bytes();
        let mut seen: FastMap<(&[u8], u8), u32> = FastMap::with_capacity_and_hasher(n / 16 + 1, Default::default());
        // tokens of up to 7 bytes (most of them) are looked up by their bytes, length and kind
        // packed into one number: one multiply to hash, no byte comparison
        let mut seen_short: KeyMap<u32> = KeyMap::with_capacity_and_hasher(n / 4 + 1, Default::default());
        let mut lids: KeyMap<u32> = KeyMap::with_capacity_and_hasher(n / 4 + 1, Default::default());
        let mut forms = Vec::with_capacity(n / 4 + 1);
        let mut first_of_form: Vec<TokInfo> = Vec::with_capacity(n / 4 + 1);
        for (i, t) in doc.tokens.iter().enumerate() {
            // looked up by bytes (no char-boundary checks); the text is read only for a new form
            let key = bytes.get(t.start..t.end).unwrap_or_default();
            let new_form = || {
                let (mut info, form) = token_info(doc.tok(i), t.kind, &mut buf);
                let next = lids.len() as u32;
                info.lid = *lids.entry(info.lower).or_insert(next);
                info.form = forms.len() as u32;
                forms.push(form);
                first_of_form.push(info);
                info.form
            };
            let f = match pack_short(key) {
                Some(p) => *seen_short.entry(p | (t.kind as u64) << 59).or_insert_with(new_form),
                None => *seen.entry((key, t.kind as u8)).or_insert_with(new_form),
            };
            toks.push(first_of_form[f as usize]);
        }
        let n_lower = lids.len();
        let mut sent_of = vec![0u32; n];
        let mut sents = Vec::with_capacity(doc.sentences.len());
        for s in doc.sentences.iter() {
            let (a, b) = (s.first.min(n), s.end.min(n));
            if a >= b {
                continue;
            }
            let si = sents.len();
            sents.push((a, b));
            toks[a].first = true;
            // a sentence counts as a headline when it has words of two letters or more and no
            // lower-case letter at all
            let mut words = 0;
            let mut lower = false;
            for t in &toks[a..b] {
                match t.cls {
                    Cls::AllCaps => words += 1,
                    Cls::Lower | Cls::Cap => lower = true,
                    _ => {}
                }
            }
            let caps = words > 0 && !lower;
            for (k, t) in toks[a..b].iter_mut().enumerate() {
                t.caps_sent = caps;
                sent_of[a + k] = si as u32;
            }
        }
        // casing of each word elsewhere (mid-sentence, outside headlines)
        let mut case = vec![(0u32, 0u32); n_lower];
        let counts = |t: &TokInfo| -> Option<bool> {
            if t.first || t.caps_sent {
                return None;
            }
            match t.cls {
                Cls::Lower => Some(false),
                Cls::Cap | Cls::AllCaps => Some(true),
                _ => None,
            }
        };
        for t in &toks {
            if let Some(cap) = counts(t) {
                let e = &mut case[t.lid as usize];
                if cap { e.1 += 1 } else { e.0 += 1 }
            }
        }
        for t in toks.iter_mut() {
            if !matches!(t.cls, Cls::Lower | Cls::Cap | Cls::AllCaps) {
                continue;
            }
            let (mut lo, mut up) = case[t.lid as usize];
            match counts(t) {
                Some(true) => up -= 1,
                Some(false) => lo -= 1,
                None => {}
            }
            t.doc_case = (lo > 0) as u8 | (((up > 0) as u8) << 1);
        }
        gaz.mark(doc, &mut toks);
        DocInfo { toks, forms, sent_of, sents, n_lower }
    }

    /// A token with no capital letter, between two such tokens, is outside any name (in CoNLL-2003
    /// training data this holds for 99.9% of such tokens); the tagger skips scoring it.
    pub fn surely_outside(&self, i: usize) -> bool {
        let s = self.sents[self.sent_of[i] as usize];
        let up = |j: usize| j >= s.0 && j < s.1 && self.toks[j].upper;
        !self.toks[i].upper && !up(i.wrapping_sub(1)) && !up(i + 1) && !self.toks[i].caps_sent
    }

    /// [`DocInfo::surely_outside`] for every token, sentence by sentence.
    pub fn outside_mask(&self) -> Vec<bool> {
        let n = self.toks.len();
        if self.sents.windows(2).any(|w| w[1].0 < w[0].1) {
            return (0..n).map(|i| self.surely_outside(i)).collect();
        }
        let mut out = Vec::with_capacity(n);
        let mut next = 0;
        for &(a, b) in &self.sents {
            // tokens between sentences (none, as sentences are cut) are asked one by one
            while next < a.min(n) {
                out.push(self.surely_outside(next));
                next += 1;
            }
            let t = &self.toks[a..b];
            for (k, x) in t.iter().enumerate() {
                let up_before = k > 0 && t[k - 1].upper;
                let up_after = k + 1 < t.len() && t[k + 1].upper;
                out.push(!x.upper && !up_before && !up_after && !x.caps_sent);
            }
            next = b;
        }
        while next < n {
            out.push(self.surely_outside(next));
            next += 1;
        }
        out
    }

    /// The static features of token `i` that depend on the token alone (its text, class, casing
    /// flags and gazetteer bits): with [`DocInfo::context_features`], the same keys as
    /// [`DocInfo::static_features`]. Tokens with equal [`DocInfo::unigram_key`] have equal ones.
    pub fn unigram_features(&self, i: usize, out: &mut Vec<u32>) {
        let t = &self.toks[i];
        let f = &self.forms[t.form as usize];
        let caps = t.caps_sent as u64;
        let pos = if t.first { 0 } else if t.caps_sent { 1 } else { 2 };
        out.push(feat(1, 0));
        if !t.caps_sent {
            out.push(feat(2, f.word));
        }
        out.push(feat(3, t.lower));
        out.push(feat2(4, t.shape, caps));
        for k in 0..4 {
            if (t.len as usize) > k + 1 {
                out.push(feat(5 + k as u64, f.pre[k]));
                out.push(feat(9 + k as u64, f.suf[k]));
            }
        }
        out.push(feat3(24, pos, t.cls as u64, t.doc_case as u64));
        if f.hy_first != 0 {
            out.push(feat(26, f.hy_first));
            out.push(feat(27, f.hy_last));
        }
        let mut g = t.gaz;
        while g != 0 {
            let b = g.trailing_zeros() as u64;
            g &= g - 1;
            out.push(feat2(28, b, (t.cls == Cls::Lower) as u64));
        }
    }

    /// What [`DocInfo::unigram_features`] reads of token `i`: its text and kind (and so its
    /// class) and flags.
    pub fn unigram_key(&self, i: usize) -> (u64, u64) {
        let t = &self.toks[i];
        let flags = t.gaz as u64
            | (t.cls as u64) << 32
            | (t.doc_case as u64) << 40
            | (t.first as u64) << 48
            | (t.caps_sent as u64) << 49;
        (t.form as u64, flags)
    }

    /// The static features of token `i` that read its neighbours (in the trainer's order; the
    /// tagger takes the same keys in two parts, [`DocInfo::word_context_features`] and
    /// [`DocInfo::shape_context_features`]).
    pub fn context_features(&self, i: usize, out: &mut Vec<u32>) {
        let (a, b) = self.sents[self.sent_of[i] as usize];
        let t = &self.toks[i];
        // the neighbours within the sentence, read once
        let at = |j: usize| if j >= a && j < b { Some(&self.toks[j]) } else { None };
        let (p2, p1, n1, n2) = (at(i.wrapping_sub(2)), at(i.wrapping_sub(1)), at(i + 1), at(i + 2));
        let lw = |x: Option<&TokInfo>, end: u64| x.map_or(end, |t| t.lower);
        let sh = |x: Option<&TokInfo>, end: u64| x.map_or(end, |t| t.shape);
        let cl = |x: Option<&TokInfo>, end: u64| x.map_or(end, |t| t.cls as u64);
        let (lp1, ln1) = (lw(p1, BOS), lw(n1, EOS));
        let (sp1, sn1) = (sh(p1, BOS), sh(n1, EOS));
        let (cp1, cn1) = (cl(p1, 7), cl(n1, 8));
        let (caps, cls) = (t.caps_sent as u64, t.cls as u64);
        out.reserve(24);
        out.push(feat(13, lp1));
        out.push(feat(14, ln1));
        out.push(feat(15, lw(p2, BOS)));
        out.push(feat(16, lw(n2, EOS)));
        out.push(feat2(17, sp1, caps));
        out.push(feat2(18, sn1, caps));
        out.push(feat3(19, sp1, t.shape, caps));
        out.push(feat3(20, t.shape, sn1, caps));
        out.push(feat3(21, cp1, cls, cn1));
        out.push(feat2(22, lp1, t.lower));
        out.push(feat2(23, t.lower, ln1));
        for (x, tid) in [(p1, 29), (n1, 30)] {
            let mut g = x.map_or(0, |t| t.gaz);
            while g != 0 {
                let b = g.trailing_zeros() as u64;
                g &= g - 1;
                out.push(feat(tid, b));
            }
        }
        out.push(feat2(32, lp1, cls));
        out.push(feat2(33, ln1, cls));
        out.push(feat3(34, cl(p2, 7), cp1, cls));
        out.push(feat3(35, cls, cn1, cl(n2, 8)));
    }

    /// The neighbours of token `i` within its sentence: two before, one before, one after, two
    /// after (`None` past the sentence's edges).
    #[inline(always)]
    fn neighbours(&self, i: usize) -> [Option<&TokInfo>; 4] {
        let (a, b) = self.sents[self.sent_of[i] as usize];
        let at = |j: usize| if j >= a && j < b { Some(&self.toks[j]) } else { None };
        [at(i.wrapping_sub(2)), at(i.wrapping_sub(1)), at(i + 1), at(i + 2)]
    }

    /// The context features that read the neighbours' words and gazetteer bits.
    #[inline(always)]
    pub fn word_context_features(&self, i: usize, out: &mut Vec<u32>) {
        let t = &self.toks[i];
        let [p2, p1, n1, n2] = self.neighbours(i);
        let lw = |x: Option<&TokInfo>, end: u64| x.map_or(end, |t| t.lower);
        let (lp1, ln1) = (lw(p1, BOS), lw(n1, EOS));
        let cls = t.cls as u64;
        out.reserve(16);
        out.push(feat(13, lp1));
        out.push(feat(14, ln1));
        out.push(feat(15, lw(p2, BOS)));
        out.push(feat(16, lw(n2, EOS)));
        out.push(feat2(22, lp1, t.lower));
        out.push(feat2(23, t.lower, ln1));
        for (x, tid) in [(p1, 29), (n1, 30)] {
            let mut g = x.map_or(0, |t| t.gaz);
            while g != 0 {
                let b = g.trailing_zeros() as u64;
                g &= g - 1;
                out.push(feat(tid, b));
            }
        }
        out.push(feat2(32, lp1, cls));
        out.push(feat2(33, ln1, cls));
    }

    /// What [`DocInfo::shape_context_features`] reads of token `i` and its neighbours: their
    /// shapes and classes and the headline flag. Few distinct values in a document, so the
    /// tagger scores these features once per distinct key.
    #[inline(always)]
    pub fn shape_context_key(&self, i: usize) -> [u64; 4] {
        let t = &self.toks[i];
        let [p2, p1, n1, n2] = self.neighbours(i);
        let sh = |x: Option<&TokInfo>, end: u64| x.map_or(end, |t| t.shape);
        let cl = |x: Option<&TokInfo>, end: u64| x.map_or(end, |t| t.cls as u64);
        let small = t.caps_sent as u64
            | cl(p2, 7) << 4
            | cl(p1, 7) << 8
            | (t.cls as u64) << 12
            | cl(n1, 8) << 16
            | cl(n2, 8) << 20;
        [sh(p1, BOS), sh(n1, EOS), t.shape, small]
    }

    /// The context features that read only shapes, classes and the headline flag (see
    /// [`DocInfo::shape_context_key`]).
    #[inline]
    pub fn shape_context_features(&self, i: usize, out: &mut Vec<u32>) {
        let [sp1, sn1, shape, small] = self.shape_context_key(i);
        let caps = small & 1;
        let part = |k: u32| small >> k & 0xf;
        let (cp2, cp1, cls, cn1, cn2) = (part(4), part(8), part(12), part(16), part(20));
        out.reserve(8);
        out.push(feat2(17, sp1, caps));
        out.push(feat2(18, sn1, caps));
        out.push(feat3(19, sp1, shape, caps));
        out.push(feat3(20, shape, sn1, caps));
        out.push(feat3(21, cp1, cls, cn1));
        out.push(feat3(34, cp2, cp1, cls));
        out.push(feat3(35, cls, cn1, cn2));
    }

    /// Static features of token `i` (appended to `out`): those of the token alone, then those
    /// that read its neighbours. The tagger scores the two parts apart (the first is cached per
    /// distinct token); the trainer takes them together here.
    pub fn static_features(&self, i: usize, out: &mut Vec<u32>) {
        self.unigram_features(i, out);
        self.context_features(i, out);
    }

    /// Document-level features: what the first pass said about the same word elsewhere in the
    /// document. `hist[w]` holds counts per type (0..4) and `O` (index 4) over all occurrences;
    /// `own` is this token's own first-pass tag, which is taken out.
    pub fn history_features(&self, i: usize, counts: &[u16; 5], own: u8, out: &mut Vec<u32>) {
        if let Some(key) = self.history_key(i, counts, own) {
            history_features_of(key, out);
        }
    }

    /// What [`DocInfo::history_features`] reads, in one number (`None`: the token has none):
    /// bit 0 clear and the class above it when the word is not seen elsewhere; else bit 0 set,
    /// the best label in bits 1-3, the sentence flags in bits 4-5, and for each label `k` in bits
    /// `6 + 3k` its share of the other occurrences plus one (0: none). Few distinct values, so the
    /// tagger scores each once.
    pub fn history_key(&self, i: usize, counts: &[u16; 5], own: u8) -> Option<u64> {
        let t = &self.toks[i];
        if !matches!(t.cls, Cls::Cap | Cls::AllCaps) && !(t.cls == Cls::Lower && t.caps_sent) {
            return None;
        }
        let mut c = *counts;
        match tags::typ(own) {
            Some(ty) => c[ty] = c[ty].saturating_sub(1),
            None => c[4] = c[4].saturating_sub(1),
        }
        let total: u32 = c.iter().map(|&x| x as u32).sum();
        if total == 0 {
            return Some((t.cls as u64) << 1);
        }
        let mut best = 4;
        for k in 0..5 {
            if c[k] > c[best] || (best == 4 && k < 4 && c[k] > 0 && c[k] * 2 >= c[4]) {
                best = k;
            }
        }
        let mut key = 1 | (best as u64) << 1 | (t.first as u64 | (t.caps_sent as u64) << 1) << 4;
        for k in 0..5 {
            if c[k] > 0 {
                let frac = (c[k] as u32 * 4 / total).min(3) as u64;
                key |= (frac + 1) << (6 + 3 * k);
            }
        }
        Some(key)
    }
}

/// The document-level features of a [`DocInfo::history_key`] (appended to `out`).
pub fn history_features_of(key: u64, out: &mut Vec<u32>) {
    if key & 1 == 0 {
        out.push(feat(40, key >> 1));
        return;
    }
    out.push(feat2(41, key >> 1 & 7, key >> 4 & 3));
    for k in 0..5 {
        let f = key >> (6 + 3 * k) & 7;
        if f > 0 {
            out.push(feat2(42, k as u64, f - 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    #[test]
    fn typographic_apostrophes_hash_like_ascii() {
        assert_eq!(lower_hash("Jinping’s"), lower_hash("jinping's"));
        // the ASCII path and the general one agree
        for s in ["Jinping`s", "1996-X", "", "U.S.", "O'Brien", "a b", "\t~`0Zz"] {
            assert_eq!(lower_hash(s), lower_hash_chars(s), "{s:?}");
        }
        assert_ne!(lower_hash("Kim"), lower_hash("Xi"));
        assert_eq!(lower_hash("1996"), lower_hash("2019"));
    }

    #[test]
    fn bilou_transitions() {
        use tags::*;
        assert!(allowed(None, b(0)));
        assert!(!allowed(None, i(0)));
        assert!(allowed(Some(b(0)), l(0)));
        assert!(!allowed(Some(b(0)), l(1)));
        assert!(!allowed(Some(b(0)), O));
        assert!(allowed(Some(u(2)), b(1)));
        assert!(can_end(l(3)) && !can_end(b(3)));
        assert_eq!(typ(u(3)), Some(3));
    }

    #[test]
    fn headline_and_document_casing() {
        let text = "KIM VISITS CHINA\nKim Jong-un left for China. The visit was short.";
        Doc::with(text, |doc| {
            let gaz = Gazetteer::empty();
            let info = DocInfo::new(doc, &gaz);
            assert!(info.toks[0].caps_sent);
            assert_eq!(info.toks[0].cls, Cls::AllCaps);
            // CHINA in the headline: seen capitalised mid-sentence elsewhere
            assert_eq!(info.toks[2].doc_case, 2);
            assert!(!info.toks[3].caps_sent && info.toks[3].first);
            let mut f = Vec::new();
            info.static_features(4, &mut f);
            assert!(f.len() > 20 && f.iter().all(|&k| k != 0));
        });
    }

    #[test]
    fn outside_mask_is_surely_outside_per_token() {
        let texts = [
            "KIM VISITS CHINA\nKim Jong-un left for China. the visit was short, said an iPhone user.",
            "", "a", "A", "a b c d e f", "北京 Beijing 北京 東京", "Mr. Smith. Dr. Jones! x y z.\n\nQ",
        ];
        for text in texts {
            Doc::with(text, |doc| {
                let info = DocInfo::new(doc, &Gazetteer::empty());
                let each: Vec<bool> = (0..info.toks.len()).map(|i| info.surely_outside(i)).collect();
                assert_eq!(info.outside_mask(), each, "{text:?}");
            });
        }
    }

    #[test]
    fn equal_unigram_keys_give_equal_unigram_features() {
        let text = "KIM VISITS CHINA\nKim Jong-un left for China's north-east on Friday, the U.S. said.\n\
            \"We'll see,\" said Mr. O'Brien of the Bank of England. Xi Jinping’s envoy met Erdoğan in İzmir. China.";
        let gaz = Gazetteer::parse("country\tChina\ncity\tİzmir\norg\tBank of England\nperson\tXi Jinping\n");
        Doc::with(text, |doc| {
            let info = DocInfo::new(doc, &gaz);
            assert!(info.toks.iter().any(|t| t.gaz != 0));
            let mut pairs = 0;
            for i in 0..info.toks.len() {
                // the unigram key decides the unigram features (the tagger caches them by it)
                for j in 0..info.toks.len() {
                    let (mut x, mut y) = (Vec::new(), Vec::new());
                    info.unigram_features(i, &mut x);
                    info.unigram_features(j, &mut y);
                    if info.unigram_key(i) == info.unigram_key(j) {
                        assert_eq!(x, y, "tokens {i} and {j}");
                        pairs += (i != j) as usize;
                    } else if info.forms[info.toks[i].form as usize].word != info.forms[info.toks[j].form as usize].word {
                        // (texts that differ only in typographic variants read as one word)
                        assert_ne!(x, y, "tokens {i} and {j}: different words, same unigram features");
                    }
                }
            }
            assert!(pairs > 0, "the text repeats words with the same flags");
        });
    }

    #[test]
    fn short_tokens_pack_exactly() {
        let words: [&[u8]; 10] = [b"", b"a", b"ab", b"abc", b"abcd", b"abcde", b"abcdef", b"abcdefg", b"\0", b"a\0"];
        for w in words {
            let mut b = [0u8; 8];
            b[..w.len()].copy_from_slice(w);
            let want = u64::from_le_bytes(b) | (w.len() as u64) << 56;
            assert_eq!(pack_short(w), Some(want), "{w:?}");
        }
        assert_eq!(pack_short(b"abcdefgh"), None);
        assert_ne!(pack_short(b"a"), pack_short(b"a\0"));
    }

    #[test]
    fn ascii_tokens_hash_as_the_general_path_does() {
        let words = [
            "Kim", "Jong-un", "U.S.", "1,000", "O'Brien", "`", "``", "'s", "'90s", "NATO", "iPhone", "e-mail", "-",
            "a-b-c", "ab-", "X", "", "x1y2", "MIXED-case-Word", "''", "'", "--", "A-", "3-D", "$", "ok", "Hello-",
        ];
        for w in words {
            for kind in [TokKind::Word, TokKind::Number, TokKind::Punct] {
                let a = token_info_ascii(w.as_bytes(), kind);
                // the general path, forced by a non-ASCII copy that folds to the same text
                let mut buf = Vec::new();
                let g = general_token_info(w, kind, &mut buf);
                assert_eq!(format!("{a:?}"), format!("{g:?}"), "{w:?} {kind:?}");
            }
        }
    }
}
