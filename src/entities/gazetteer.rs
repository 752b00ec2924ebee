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

/// Token-sequence hash → category bit mask, plus [`CONTINUES`] on every proper prefix of a
/// longer name (so a match can stop at the first token sequence that starts no name).
pub struct Gazetteer {
    map: KeyMap<u16>,
    max_len: usize,
}

/// Set on a token-sequence hash that a longer name continues.
const CONTINUES: u16 = 1 << 8;

static EMBEDDED: &str = include_str!("data/gazetteers.txt");

/// The embedded gazetteer, parsed on first use.
pub fn embedded() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::parse(EMBEDDED))
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
        Gazetteer { map: KeyMap::default(), max_len: 0 }
    }

    /// Parse lines `category<TAB>name` (unknown categories and malformed lines are skipped).
    pub fn parse(src: &str) -> Gazetteer {
        let mut map = KeyMap::with_capacity_and_hasher(src.len() / 16 + 1, Default::default());
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
        Gazetteer { map, max_len }
    }

    /// Category mask of an exact name (for tests and grouping).
    pub fn lookup(&self, name: &str) -> u8 {
        self.map.get(&name_hash(name).0).map_or(0, |&m| m as u8)
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
                let Some(&m) = self.map.get(&h) else { break };
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
