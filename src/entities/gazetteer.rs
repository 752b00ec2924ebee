//! Gazetteers (countries, cities, regions, international organisations, news agencies) as tagger
//! features. The list is built by `data/build_gazetteers.py` from named sources (see
//! `data/LICENSES.md`). What is embedded is `data/gazetteers.bin`, the list already hashed (written by
//! `train-ner --write-gazetteer`, checked by a test to equal what the list gives): loading it only
//! lays its sorted keys into a look-up table, with no text to split and hash at start-up.

use std::sync::OnceLock;

use super::features::{lower_hash, mix, Cls, KeyMap, TokInfo};
use crate::text::{tokenize, Doc};

/// Categories, in the order of their bits.
pub const CATEGORIES: &[&str] = &["country", "city", "region", "continent", "org", "agency", "demonym", "person"];

const MAX_LEN: usize = 6;
const SEED: u64 = 0x7a3c_91e5_0b2d_4f68;

/// Token-sequence hash → category bit mask, plus [`CONTINUES`] on every proper prefix of a
/// longer name (so a match can stop at the first token sequence that starts no name).
///
/// An open-addressing table: a key's home slot grows with the key (keys are well-mixed hashes),
/// so the sorted keys fill it left to right at load time with no probing, and a probe stops at
/// an empty slot (key 0) or a larger key.
pub struct Gazetteer {
    slots: Vec<(u64, u16)>,
    cap: u64,
    max_len: usize,
}

const TABLE_MAGIC: &[u8] = b"NMGAZ1";

/// Home slot of `key` among `cap`.
#[inline]
fn slot_of(key: u64, cap: u64) -> usize {
    ((key as u128 * cap as u128) >> 64) as usize
}

/// Set on a token-sequence hash that a longer name continues.
const CONTINUES: u16 = 1 << 8;

/// The list the table is built from (not embedded in the library).
pub const LIST_PATH: &str = "src/entities/data/gazetteers.txt";
/// Where `train-ner --write-gazetteer` writes the table.
pub const TABLE_PATH: &str = "src/entities/data/gazetteers.bin";

static TABLE: &[u8] = include_bytes!("data/gazetteers.bin");

/// The embedded gazetteer, loaded on first use (empty if the embedded table were malformed).
pub fn embedded() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::from_table(TABLE).unwrap_or_else(Gazetteer::empty))
}

/// Hash of a name's token sequence and its number of tokens.
fn name_hash(name: &str) -> (u64, usize) {
    let mut prefixes = Vec::new();
    name_prefixes(name, &mut prefixes);
    (prefixes.last().copied().unwrap_or(SEED), prefixes.len())
}

/// The hashes of a name's first 1, 2, ... tokens (the last one is the name's hash) into `out`.
/// Names of ASCII letters and spaces (most of the list) are split at the spaces, as the
/// tokenizer would, without running it.
fn name_prefixes(name: &str, out: &mut Vec<u64>) {
    out.clear();
    let mut h = SEED;
    if name.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
        for w in name.split_ascii_whitespace() {
            h = mix(h, lower_hash(w));
            out.push(h);
        }
        return;
    }
    for t in &tokenize(name) {
        h = mix(h, lower_hash(&name[t.start..t.end]));
        out.push(h);
    }
}

impl Gazetteer {
    pub fn empty() -> Gazetteer {
        Gazetteer { slots: vec![(0, 0)], cap: 0, max_len: 0 }
    }

    /// Parse lines `category<TAB>name` (unknown categories and malformed lines are skipped).
    pub fn parse(src: &str) -> Gazetteer {
        let (entries, max_len) = Self::entries(src);
        Self::from_sorted(&entries, max_len)
    }

    /// The `(hash, mask)` entries of a list, sorted by hash (no zero hash), and its longest name.
    fn entries(src: &str) -> (Vec<(u64, u16)>, usize) {
        let mut map: KeyMap<u16> = KeyMap::with_capacity_and_hasher(src.len() / 16 + 1, Default::default());
        let mut max_len = 0;
        let mut prefixes = Vec::new();
        for line in src.lines() {
            let Some((cat, name)) = line.split_once('\t') else { continue };
            let Some(c) = CATEGORIES.iter().position(|&k| k == cat) else { continue };
            name_prefixes(name, &mut prefixes);
            let len = prefixes.len();
            if len == 0 || len > MAX_LEN {
                continue;
            }
            for &p in &prefixes[..len - 1] {
                *map.entry(p).or_insert(0u16) |= CONTINUES;
            }
            *map.entry(prefixes[len - 1]).or_insert(0u16) |= 1 << c;
            max_len = max_len.max(len);
        }
        // a zero hash (the empty slot's mark) is as unlikely as any other 64-bit value: dropped
        let mut entries: Vec<(u64, u16)> = map.into_iter().filter(|&(k, _)| k != 0).collect();
        entries.sort_unstable();
        (entries, max_len)
    }

    /// The table of `entries` (sorted by key, no zero key): each key at its home slot or just
    /// after the key before it; the last slot is always empty.
    fn from_sorted(entries: &[(u64, u16)], max_len: usize) -> Gazetteer {
        let cap = 2 * entries.len() as u64 + 1;
        let mut slots = vec![(0u64, 0u16); cap as usize + 1];
        let mut next = 0usize;
        for &(key, m) in entries {
            let s = slot_of(key, cap).max(next);
            if s + 1 >= slots.len() {
                slots.push((0, 0));
            }
            slots[s] = (key, m);
            next = s + 1;
        }
        Gazetteer { slots, cap, max_len }
    }

    /// The binary table of a list: `b"NMGAZ1"`, the longest name in tokens (`u8`), the number of
    /// entries (`u32`), their keys (`u64`, ascending), then their masks (`u16`); little endian.
    pub fn table_bytes(src: &str) -> Vec<u8> {
        let (entries, max_len) = Self::entries(src);
        let mut out = Vec::with_capacity(11 + entries.len() * 10);
        out.extend_from_slice(TABLE_MAGIC);
        out.push(max_len as u8);
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for &(k, _) in &entries {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for &(_, m) in &entries {
            out.extend_from_slice(&m.to_le_bytes());
        }
        out
    }

    /// Load a table written by [`Gazetteer::table_bytes`]; `None` if it is malformed.
    pub fn from_table(b: &[u8]) -> Option<Gazetteer> {
        let head = TABLE_MAGIC.len() + 5;
        if b.len() < head || &b[..TABLE_MAGIC.len()] != TABLE_MAGIC {
            return None;
        }
        let max_len = (b[TABLE_MAGIC.len()] as usize).min(MAX_LEN);
        let n = u32::from_le_bytes(b[TABLE_MAGIC.len() + 1..head].try_into().ok()?) as usize;
        let body = &b[head..];
        if body.len() != n.checked_mul(10)? {
            return None;
        }
        let (keys, masks) = body.split_at(n * 8);
        let mut entries = Vec::with_capacity(n);
        let mut prev = 0u64;
        for (k, m) in keys.chunks_exact(8).zip(masks.chunks_exact(2)) {
            let k = u64::from_le_bytes(k.try_into().ok()?);
            if k <= prev {
                return None;
            }
            prev = k;
            entries.push((k, u16::from_le_bytes(m.try_into().ok()?)));
        }
        Some(Self::from_sorted(&entries, max_len))
    }

    /// The mask of a token-sequence hash, if the gazetteer knows it.
    #[inline]
    fn get(&self, key: u64) -> Option<u16> {
        let mut s = slot_of(key, self.cap);
        while let Some(&(k, m)) = self.slots.get(s) {
            if k == key {
                return Some(m);
            }
            if k == 0 || k > key {
                return None;
            }
            s += 1;
        }
        None
    }

    /// Category mask of an exact name (for tests and grouping).
    pub fn lookup(&self, name: &str) -> u8 {
        self.get(name_hash(name).0).map_or(0, |m| m as u8)
    }

    /// Set the gazetteer bits of each token: for every category, the longest match starting at a
    /// capitalised token marks its tokens B/I/L or U.
    pub fn mark(&self, doc: &Doc, toks: &mut [TokInfo]) {
        if self.max_len == 0 {
            return;
        }
        let n = toks.len();
        for i in 0..n {
            if !matches!(toks[i].cls, Cls::Cap | Cls::AllCaps) {
                continue;
            }
            let mut h = SEED;
            let mut found = [0usize; 8];
            for len in 1..=self.max_len.min(n - i) {
                let j = i + len - 1;
                if len > 1 && doc.tokens[j].newline_before {
                    break;
                }
                h = mix(h, toks[j].lower);
                let Some(m) = self.get(h) else { break };
                for (c, f) in found.iter_mut().enumerate() {
                    if m & (1 << c) != 0 {
                        *f = len;
                    }
                }
                if m & CONTINUES == 0 {
                    break;
                }
            }
            for (c, &len) in found.iter().enumerate() {
                if len == 0 {
                    continue;
                }
                let base = c as u32 * 4;
                if len == 1 {
                    toks[i].gaz |= 1 << (base + 3);
                } else {
                    toks[i].gaz |= 1 << base;
                    for t in &mut toks[i + 1..i + len - 1] {
                        t.gaz |= 1 << (base + 1);
                    }
                    toks[i + len - 1].gaz |= 1 << (base + 2);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::features::DocInfo;

    #[test]
    fn multi_token_names_are_marked_bilou() {
        let g = Gazetteer::parse("country\tSouth Korea\ncity\tBeijing\nbogus line\nnope\tX\n");
        assert_eq!(g.lookup("south korea"), 1);
        assert_eq!(g.lookup("Beijing"), 2);
        Doc::with("Talks in SOUTH KOREA and Beijing.", |doc| {
            let info = DocInfo::new(doc, &g);
            assert_eq!(info.toks[2].gaz, 1 << 0); // B-country
            assert_eq!(info.toks[3].gaz, 1 << 2); // L-country
            assert_eq!(info.toks[5].gaz, 1 << (4 + 3)); // U-city
            assert_eq!(info.toks[0].gaz, 0);
        });
    }

    #[test]
    fn a_match_goes_on_through_prefixes_that_are_no_names() {
        // `Bank` and `Bank of` are no names, only the start of one; `Bank of England` is
        let g = Gazetteer::parse("org\tBank of England\ncity\tBank\norg\tBank of England Museum\n");
        assert_eq!(g.lookup("Bank of"), 0);
        Doc::with("The Bank of England said. Bank of Spain. Bank of England Museum", |doc| {
            let info = DocInfo::new(doc, &g);
            let org = 4 * 4;
            assert_eq!(info.toks[1].gaz, 1 << org | 1 << (4 + 3), "B-org and U-city");
            assert_eq!(info.toks[2].gaz, 1 << (org + 1));
            assert_eq!(info.toks[3].gaz, 1 << (org + 2));
            assert_eq!(info.toks[6].gaz, 1 << (4 + 3), "`Bank` of `Bank of Spain` is only the city");
            assert_eq!(info.toks[8].gaz, 0);
            // the longest match of a category wins
            assert_eq!(info.toks[10].gaz, 1 << org | 1 << (4 + 3));
            assert_eq!(info.toks[13].gaz, 1 << (org + 2));
        });
    }

    #[test]
    fn fast_name_split_agrees_with_the_tokenizer() {
        let list = list();
        for line in list.lines().chain(["a  b", " Xi Jinping ", "", "New York"]) {
            let name = line.split_once('\t').map_or(line, |(_, n)| n);
            let toks = tokenize(name);
            let mut h = SEED;
            for t in &toks {
                h = mix(h, lower_hash(&name[t.start..t.end]));
            }
            assert_eq!(name_hash(name), (h, toks.len()), "{name:?}");
        }
    }

    /// The list, read from the source tree (tests run in the crate's folder).
    fn list() -> String {
        std::fs::read_to_string(LIST_PATH).expect("the gazetteer list")
    }

    #[test]
    fn embedded_table_is_the_list_hashed() {
        // if this fails, run `cargo run --release --bin train-ner -- --write-gazetteer`
        assert!(Gazetteer::table_bytes(&list()) == TABLE, "gazetteers.bin is stale");
        let (a, b) = (Gazetteer::parse(&list()), embedded());
        assert_eq!((a.slots.len(), a.cap, a.max_len), (b.slots.len(), b.cap, b.max_len));
        assert!(a.slots == b.slots);
    }

    #[test]
    fn malformed_tables_are_rejected() {
        assert!(Gazetteer::from_table(b"").is_none());
        assert!(Gazetteer::from_table(&TABLE[..TABLE.len() - 1]).is_none());
        let t = Gazetteer::table_bytes("city\tParis\ncity\tRome\n");
        let mut swapped = t.clone();
        swapped[11..19].copy_from_slice(&t[19..27]);
        swapped[19..27].copy_from_slice(&t[11..19]);
        assert!(Gazetteer::from_table(&swapped).is_none(), "keys out of order");
        let g = Gazetteer::from_table(&t).unwrap();
        assert_eq!(g.lookup("paris"), 2);
        assert_eq!(g.lookup("Rome"), 2);
        assert_eq!(g.lookup("Oslo"), 0);
    }

    #[test]
    fn embedded_list_parses() {
        let g = embedded();
        assert!(g.lookup("China") & 1 != 0, "China is a country");
        assert!(g.lookup("Reuters") != 0);
    }
}
