//! Gazetteers (countries, cities, regions, international organisations, news agencies) as tagger
//! features. The list is built by `data/build_gazetteers.py` from named sources (see
//! `data/LICENSES.md`) and embedded; it is parsed once into a map of token-sequence hashes.

use std::sync::OnceLock;

use super::features::{lower_hash, mix, Cls, KeyMap, TokInfo};
use crate::text::{tokenize, Doc};

/// Categories, in the order of their bits.
pub const CATEGORIES: &[&str] = &["country", "city", "region", "continent", "org", "agency", "demonym", "person"];

const MAX_LEN: usize = 6;
const SEED: u64 = 0x7a3c_91e5_0b2d_4f68;

/// Token-sequence hash → category bit mask.
pub struct Gazetteer {
    map: KeyMap<u8>,
    max_len: usize,
}

static EMBEDDED: &str = include_str!("data/gazetteers.txt");

/// The embedded gazetteer, parsed on first use.
pub fn embedded() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::parse(EMBEDDED))
}

/// Hash of a name's token sequence and its number of tokens. Names of ASCII letters and spaces
/// (most of the list) are split at the spaces, as the tokenizer would, without running it.
fn name_hash(name: &str) -> (u64, usize) {
    let mut h = SEED;
    let mut n = 0;
    if name.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
        for w in name.split_ascii_whitespace() {
            h = mix(h, lower_hash(w));
            n += 1;
        }
        return (h, n);
    }
    for t in &tokenize(name) {
        h = mix(h, lower_hash(&name[t.start..t.end]));
        n += 1;
    }
    (h, n)
}

impl Gazetteer {
    pub fn empty() -> Gazetteer {
        Gazetteer { map: KeyMap::default(), max_len: 0 }
    }

    /// Parse lines `category<TAB>name` (unknown categories and malformed lines are skipped).
    pub fn parse(src: &str) -> Gazetteer {
        let mut map = KeyMap::with_capacity_and_hasher(src.len() / 16 + 1, Default::default());
        let mut max_len = 0;
        for line in src.lines() {
            let Some((cat, name)) = line.split_once('\t') else { continue };
            let Some(c) = CATEGORIES.iter().position(|&k| k == cat) else { continue };
            let (h, len) = name_hash(name);
            if len == 0 || len > MAX_LEN {
                continue;
            }
            *map.entry(h).or_insert(0u8) |= 1 << c;
            max_len = max_len.max(len);
        }
        Gazetteer { map, max_len }
    }

    /// Category mask of an exact name (for tests and grouping).
    pub fn lookup(&self, name: &str) -> u8 {
        self.map.get(&name_hash(name).0).copied().unwrap_or(0)
    }

    /// Set the gazetteer bits of each token: for every category, the longest match starting at a
    /// capitalised token marks its tokens B/I/L or U.
    pub fn mark(&self, doc: &Doc, toks: &mut [TokInfo]) {
        if self.map.is_empty() {
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
                if let Some(&m) = self.map.get(&h) {
                    for (c, f) in found.iter_mut().enumerate() {
                        if m & (1 << c) != 0 {
                            *f = len;
                        }
                    }
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
    fn fast_name_split_agrees_with_the_tokenizer() {
        for line in EMBEDDED.lines().chain(["a  b", " Xi Jinping ", "", "New York"]) {
            let name = line.split_once('\t').map_or(line, |(_, n)| n);
            let toks = tokenize(name);
            let mut h = SEED;
            for t in &toks {
                h = mix(h, lower_hash(&name[t.start..t.end]));
            }
            assert_eq!(name_hash(name), (h, toks.len()), "{name:?}");
        }
    }

    #[test]
    fn embedded_list_parses() {
        let g = embedded();
        assert!(g.lookup("China") & 1 != 0, "China is a country");
        assert!(g.lookup("Reuters") != 0);
    }
}
