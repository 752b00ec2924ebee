//! A fast non-cryptographic hasher for the in-memory maps of the layers (word look-ups, name
//! indexes): a multiply-rotate step per 8 bytes instead of SipHash. The maps are never iterated
//! where order would matter, and their keys come from one document.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// Multiply-rotate hasher (in the style of FxHash), 8 bytes at a time.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(K).rotate_left(26);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        let h = self.0;
        h ^ (h >> 32)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let r = chunks.remainder();
        // the last 1 to 7 bytes in one word, read without a copy: two overlapping 4-byte reads,
        // or the first, middle and last byte (with the length, the word tells the tails apart)
        let n = r.len();
        if n >= 4 {
            let read = |b: &[u8]| b.get(..4).and_then(|b| b.try_into().ok()).map_or(0, u32::from_le_bytes) as u64;
            let (lo, hi) = (read(r), read(&r[n - 4..]));
            self.add((lo | hi << 32) ^ ((n as u64) << 59));
        } else if n > 0 {
            let x = r[0] as u64 | (r[n / 2] as u64) << 8 | (r[n - 1] as u64) << 16;
            self.add(x ^ ((n as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, x: u8) {
        self.add(x as u64);
    }
    #[inline]
    fn write_u32(&mut self, x: u32) {
        self.add(x as u64);
    }
    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.add(x);
    }
    #[inline]
    fn write_usize(&mut self, x: usize) {
        self.add(x as u64);
    }
}

/// A `HashMap` with [`FastHasher`] (build with `FastMap::default()`).
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`] (build with `FastSet::default()`).
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_and_hashes_differ() {
        let mut m: FastMap<&str, usize> = FastMap::default();
        let words = ["", "a", "ab", "abcdefgh", "abcdefghi", "Kim", "kim", "Jong-un", "北京"];
        for (i, w) in words.iter().enumerate() {
            m.insert(w, i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m[w], i);
        }
        assert_eq!(m.len(), words.len());
        let h = |s: &str| {
            let mut x = FastHasher::default();
            x.write(s.as_bytes());
            x.finish()
        };
        assert_ne!(h("a"), h("a\0"));
        assert_ne!(h("abcdefgh"), h("abcdefgh\0"));
    }
}
