//! The compact tagger model: hashed feature keys with quantised i8 weights per BILOU tag, plus
//! tag-transition scores; its two file formats and Viterbi decoding under the BILOU constraints.
//!
//! The trainer writes the compact format (`ner.model`, the model's source of record) and, from it,
//! the table the library embeds (`ner.bin`, through `include_bytes!`): fixed-width fields at
//! offsets known from the header, so loading it is two sequential passes with no varints, no
//! hashing and no probing (the keys laid into a look-up table, the weights widened into rows).
//!
//! Compact format (little endian, columnar so gzip does well): `b"NMNER1"`, `ntags: u8`,
//! `nfeat: u32`, `(ntags + 1) * ntags` transition scores as `i32` (the last row scores the
//! sentence start), then `nfeat` varint key deltas (keys sorted), `nfeat` varint masks of the tags
//! with a non-zero weight, then one `i8` per set mask bit.
//!
//! Table format (little endian): `b"NMNTAB3\0"`, then `u32`s `ntags`, `nkeys`, `nweights` and
//! `bits` (16); the transitions (`i32`, as above); the number of keys in each bucket (`2^16` `u8`s:
//! a bucket holds the keys whose high 16 bits are its number); the low 16 bits of each key
//! (`u16`, keys ascending, no zero key); per key the mask of its tags with a weight (`u24`); then
//! the weights (`i8` codes, by key, in tag order). For the 43,000 keys of the model: 448 KB, 289 KB
//! gzipped (the compact file: 386 KB, 292 KB). Loading it takes 5.0M instructions natively, the
//! compact file 6.9M (varint keys and masks); scoring is the same either way.

use super::features::tags;

const MAGIC: &[u8] = b"NMNER1";
const TABLE_MAGIC: &[u8; 8] = b"NMNTAB3\0";
/// Bytes of the table's header: magic and four `u32`s.
const TABLE_HEADER: usize = 24;

/// Most tags a model may have (a row holds one weight per tag).
pub const MAX_TAGS: usize = 18;
/// Bits of a key that pick its bucket (the high half; the table keeps the low half).
const BITS: u32 = 16;
/// Number of buckets.
const BUCKETS: usize = 1 << BITS;

/// The model, loaded from a table: an open-addressing table of feature keys, each with the number
/// of its row of weights, widened at load to `i16` (a code's square fits), so scoring only adds
/// rows. The table holds twice as many slots as keys, so a probe is short; the rows are stored
/// densely in key order apart from it.
pub struct Model {
    pub ntags: usize,
    /// `(ntags + 1) * ntags`; row `ntags` is the start row.
    pub trans: Vec<i32>,
    /// `(key, row)` by slot (key 0: empty); the last slot is always empty.
    slots: Vec<[u32; 2]>,
    rows: Vec<[i16; MAX_TAGS]>,
    /// Home slots (`slots` has a few more at the end for runs that spill past them).
    cap: u32,
    /// Number of keys.
    pub nfeat: usize,
}

/// Home slot of a key among `cap`: its place in the key range (keys are already well-mixed
/// hashes), so it grows with the key.
#[inline]
fn slot_of(key: u32, cap: u32) -> usize {
    ((key as u64 * cap as u64) >> 32) as usize
}

#[inline(always)]
fn read_varint(b: &[u8], pos: &mut usize) -> Option<u32> {
    // most keys and masks are one or two bytes
    if let Some(&x) = b.get(*pos) {
        if x < 0x80 {
            *pos += 1;
            return Some(x as u32);
        }
    }
    let mut v: u32 = 0;
    let mut shift = 0;
    loop {
        let byte = *b.get(*pos)?;
        *pos += 1;
        if shift > 28 {
            return None;
        }
        v |= ((byte & 0x7f) as u32) << shift;
        if byte & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
    }
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The `u32` at byte `at` of `b`, if there is one.
#[inline(always)]
fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// Weights are stored as square-root companded `i8` codes: code `q` means `q * |q|` units, so small
/// weights keep precision and large ones keep their range (1 to 16,129 units).
#[inline]
pub fn decode(q: i8) -> i32 {
    let q = q as i32;
    q * q.abs()
}

/// [`decode`] of each code, by its byte.
static DECODED: [i16; 256] = {
    let mut t = [0i16; 256];
    let mut b = 0;
    while b < 256 {
        let q = b as u8 as i8 as i16;
        t[b] = q * if q < 0 { -q } else { q };
        b += 1;
    }
    t
};

/// The code of a weight of `w` units (`w` may be fractional).
pub fn quantise(w: f32) -> i8 {
    (w.abs().sqrt().round().min(127.0) as i8) * if w < 0.0 { -1 } else { 1 }
}

/// Encode a model in the compact format: `feats` are `(key, weights)` with keys unique; zero
/// weights are left out.
pub fn encode(ntags: usize, trans: &[i32], feats: &mut Vec<(u32, Vec<i8>)>) -> Vec<u8> {
    feats.retain(|(_, w)| w.iter().any(|&x| x != 0));
    feats.sort_by_key(|(k, _)| *k);
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(ntags as u8);
    out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
    for &t in trans {
        out.extend_from_slice(&t.to_le_bytes());
    }
    let mut prev = 0u32;
    for (k, _) in feats.iter() {
        write_varint(&mut out, k - prev);
        prev = *k;
    }
    for (_, w) in feats.iter() {
        let mut m = 0u32;
        for (t, &x) in w.iter().enumerate() {
            if x != 0 {
                m |= 1 << t;
            }
        }
        write_varint(&mut out, m);
    }
    for (_, w) in feats.iter() {
        out.extend(w.iter().filter(|&&x| x != 0).map(|&x| x as u8));
    }
    out
}

/// The table (the format the library embeds) of a compact model `b`; `None` if `b` is malformed.
/// Deterministic: the same compact model always gives the same bytes.
pub fn table(b: &[u8]) -> Option<Vec<u8>> {
    if b.len() < MAGIC.len() + 5 || &b[..MAGIC.len()] != MAGIC {
        return None;
    }
    let mut pos = MAGIC.len();
    let ntags = b[pos] as usize;
    pos += 1;
    if ntags == 0 || ntags > MAX_TAGS {
        return None;
    }
    let nfeat = u32_at(b, pos)? as usize;
    pos += 4;
    let ntrans = (ntags + 1) * ntags;
    let trans = b.get(pos..pos + 4 * ntrans)?;
    pos += 4 * ntrans;
    if nfeat > b.len() {
        return None;
    }
    let mut keys = Vec::with_capacity(nfeat);
    let mut k = 0u32;
    for _ in 0..nfeat {
        k = k.checked_add(read_varint(b, &mut pos)?)?;
        keys.push(k);
    }
    // the weights follow the `nfeat` masks: find where (a varint ends at a byte < 0x80)
    let masks = b.get(pos..)?;
    let mut ends = 0;
    let mut mlen = 0;
    for &x in masks {
        if ends == nfeat {
            break;
        }
        ends += (x < 0x80) as usize;
        mlen += 1;
    }
    if ends < nfeat {
        return None;
    }
    let (masks, weights) = masks.split_at(mlen);
    // each key takes the next weights, one per set bit of its mask (bits past `ntags` take none)
    let tag_mask = (1u32 << ntags) - 1;
    let mut rows: Vec<(u32, &[u8])> = Vec::with_capacity(nfeat);
    let (mut mpos, mut wpos) = (0, 0);
    for _ in 0..nfeat {
        let m = read_varint(masks, &mut mpos)? & tag_mask;
        let w = weights.get(wpos..wpos + m.count_ones() as usize)?;
        wpos += w.len();
        rows.push((m, w));
    }
    // a zero key could never be found (the compact reader took it for an empty slot): left out
    let kept: Vec<usize> = (0..nfeat).filter(|&i| keys[i] != 0).collect();
    let n = kept.len();
    let nweights: usize = kept.iter().map(|&i| rows[i].1.len()).sum();
    let mut out = Vec::with_capacity(TABLE_HEADER + trans.len() + BUCKETS + 5 * n + nweights);
    out.extend_from_slice(TABLE_MAGIC);
    for x in [ntags, n, nweights, BITS as usize] {
        out.extend_from_slice(&u32::try_from(x).ok()?.to_le_bytes());
    }
    out.extend_from_slice(trans);
    // keys before each bucket, then their counts
    let mut kbefore = Vec::with_capacity(BUCKETS + 1);
    let mut next = 0usize;
    for bucket in 0..=BUCKETS as u32 {
        while next < n && keys[kept[next]] >> BITS < bucket {
            next += 1;
        }
        kbefore.push(next);
    }
    for (b, w) in kbefore.windows(2).enumerate() {
        // (a bucket of hashed keys holds a handful; 256 would take a model of millions)
        out.push(u8::try_from(w[1] - w[0]).ok().filter(|_| b < BUCKETS)?);
    }
    for &i in &kept {
        out.extend_from_slice(&(keys[i] as u16).to_le_bytes());
    }
    for &i in &kept {
        out.extend_from_slice(&rows[i].0.to_le_bytes()[..3]);
    }
    for &i in &kept {
        out.extend_from_slice(rows[i].1);
    }
    Some(out)
}

impl Model {
    /// Load a table written by [`table`]; `None` if it is malformed. Two sequential passes with
    /// no varints and no probing: the sorted keys are laid into the slot table (each at its home
    /// slot or just after the key before it), and the weights widened into rows.
    pub fn from_table(b: &[u8]) -> Option<Model> {
        if b.len() < TABLE_HEADER || &b[..TABLE_MAGIC.len()] != TABLE_MAGIC {
            return None;
        }
        let ntags = u32_at(b, 8)? as usize;
        let nfeat = u32_at(b, 12)? as usize;
        let nweights = u32_at(b, 16)? as usize;
        if ntags == 0 || ntags > MAX_TAGS || u32_at(b, 20)? != BITS || nfeat > b.len() || nweights > b.len() {
            return None;
        }
        let mut pos = TABLE_HEADER;
        let ntrans = (ntags + 1) * ntags;
        let trans = (0..ntrans).map(|i| u32_at(b, pos + 4 * i).map(|x| x as i32)).collect::<Option<Vec<i32>>>()?;
        pos += 4 * ntrans;
        let mut take = |len: usize| {
            let s = b.get(pos..pos + len);
            pos += len;
            s
        };
        let counts: &[u8; BUCKETS] = take(BUCKETS)?.try_into().ok()?;
        let keys = take(2 * nfeat)?;
        let masks = take(3 * nfeat)?;
        let weights = take(nweights)?;
        if pos != b.len() {
            return None;
        }
        // keys are sorted and their home slot is monotonic in the key, so the table fills left
        // to right; an empty slot at the end stops every probe. A key's row is its place.
        let cap = (2 * nfeat + 1).min(u32::MAX as usize);
        let mut slots = vec![[0u32; 2]; cap + 1]; // a zeroed allocation
        let mut next = 0usize;
        // the key's high half is its bucket: the buckets are walked along with the keys
        let (mut bucket, mut left) = (0usize, counts[0]);
        for (i, low) in keys.chunks_exact(2).enumerate() {
            while left == 0 {
                bucket += 1;
                left = *counts.get(bucket)?;
            }
            left -= 1;
            let k = (bucket as u32) << BITS | u16::from_le_bytes([low[0], low[1]]) as u32;
            if k == 0 {
                continue;
            }
            let s = slot_of(k, cap as u32).max(next);
            match slots.get_mut(s..s + 2) {
                Some(two) => two[0] = [k, i as u32],
                None => {
                    slots.resize(s + 2, [0, 0]);
                    slots[s] = [k, i as u32];
                }
            }
            next = s + 1;
        }
        // the counts must account for exactly the keys
        if left != 0 || counts.get(bucket + 1..)?.iter().any(|&c| c != 0) {
            return None;
        }
        // rows start zeroed (a zeroed allocation); each key's weights go at the set bits of its
        // mask, in order
        let tag_mask = (1u32 << ntags) - 1;
        let mut rows = vec![[0i16; MAX_TAGS]; nfeat];
        let mut ws = weights.iter();
        for (row, m) in rows.iter_mut().zip(masks.chunks_exact(3)) {
            // (`tag_mask` keeps the bits below `ntags`, so below MAX_TAGS)
            let mut m = u32::from_le_bytes([m[0], m[1], m[2], 0]) & tag_mask;
            while m != 0 {
                row[(m.trailing_zeros() as usize).min(MAX_TAGS - 1)] = DECODED[*ws.next()? as usize];
                m &= m - 1;
            }
        }
        Some(Model { ntags, trans, slots, rows, cap: cap as u32, nfeat })
    }

    /// The decoded weights of feature `key` (one per tag), if the model knows it.
    pub fn row(&self, key: u32) -> Option<Vec<i32>> {
        let r = self.find(key)?;
        Some(self.rows.get(r)?[..self.ntags].iter().map(|&w| w as i32).collect())
    }

    /// Add the weights of `keys` to `scores` (one per tag).
    #[inline]
    pub fn add_scores(&self, keys: &[u32], scores: &mut [i32]) {
        // rows are summed in 32-bit lanes (fixed width, so the loop is vectorised)
        let mut acc = [0i32; MAX_TAGS];
        for &k in keys {
            if let Some(r) = self.find(k) {
                let w = &self.rows[r];
                for (a, &w) in acc.iter_mut().zip(w) {
                    *a += w as i32;
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(&acc) {
            *s += a;
        }
    }

    /// The row of `key`, if present.
    #[inline]
    fn find(&self, key: u32) -> Option<usize> {
        // occupied slots are sorted by key and a run never has a gap, so a probe ends at an
        // empty slot or a larger key
        let mut s = slot_of(key, self.cap);
        while let Some(&[k, r]) = self.slots.get(s) {
            if k == key {
                return Some(r as usize);
            }
            if k == 0 || k > key {
                return None;
            }
            s += 1;
        }
        None
    }
}

/// Transitions prepared for decoding: BILOU constraints folded in, allowed predecessors listed,
/// tags with the same predecessors grouped so a step gathers their scores once.
pub struct Lattice<S> {
    t: usize,
    neg: S,
    /// `tr[p][y]`; row `t` is the sentence start.
    tr: Vec<[S; 32]>,
    /// Tags sharing one predecessor list, decoded together: `(preds, tags)`.
    groups: Vec<(Vec<u8>, Vec<u8>)>,
    /// `trp[y][k]`: the score of the move into `y` from its `k`-th predecessor.
    trp: Vec<[S; 32]>,
}

/// The first best of `pv[k] + tv[k]`: the score and `k` (a strictly larger score wins, as in
/// a scan in predecessor order).
#[inline(always)]
fn best_among<S: Copy + PartialOrd + std::ops::Add<Output = S>>(pv: &[S], tv: &[S]) -> (S, usize) {
    let (mut best, mut arg) = (pv[0] + tv[0], 0);
    for k in 1..pv.len().min(tv.len()) {
        let s = pv[k] + tv[k];
        if s > best {
            best = s;
            arg = k;
        }
    }
    (best, arg)
}

/// [`best_among`] the first `N` predecessors, `N` known at compile time (unrolled).
#[inline(always)]
fn best_of<S: Copy + PartialOrd + std::ops::Add<Output = S>, const N: usize>(pv: &[S; 32], tv: &[S; 32]) -> (S, usize) {
    best_among(&pv[..N], &tv[..N])
}

impl<S: Copy + PartialOrd + std::ops::Add<Output = S> + std::ops::Sub<Output = S>> Lattice<S> {
    /// `trans` is `(t + 1) * t` (last row = start); `neg` rules a transition out.
    pub fn new(trans: &[S], t: usize, neg: S) -> Lattice<S> {
        let t = t.min(32);
        let mut tr = vec![[neg; 32]; t + 1];
        for p in 0..=t {
            for y in 0..t {
                let prev = if p == t { None } else { Some(p as u8) };
                if tags::allowed(prev, y as u8) {
                    if let Some(&x) = trans.get(p * t + y) {
                        tr[p][y] = x;
                    }
                }
            }
        }
        let preds: Vec<Vec<u8>> = (0..t)
            .map(|y| (0..t as u8).filter(|&p| tags::allowed(Some(p), y as u8)).collect())
            .collect();
        let mut groups: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        for (y, ps) in preds.iter().enumerate() {
            match groups.iter_mut().find(|(g, _)| g == ps) {
                Some((_, ys)) => ys.push(y as u8),
                None => groups.push((ps.clone(), vec![y as u8])),
            }
        }
        let trp = (0..t)
            .map(|y| {
                let mut r = [neg; 32];
                for (k, &p) in preds[y].iter().enumerate() {
                    r[k] = tr[p as usize][y];
                }
                r
            })
            .collect();
        Lattice { t, neg, tr, groups, trp }
    }

    /// Best tag sequence for emission scores `em` (`n * t`) into `out`; `work` is scratch space.
    pub fn decode(&self, em: &[S], out: &mut Vec<u8>, work: &mut Vec<u8>) {
        self.decode_between(em, false, false, out, work)
    }

    /// As [`Lattice::decode`] for a stretch of a sentence: `after_o` if the token before it is
    /// tagged `O` (instead of the sentence start), `before_o` if the token after it is `O`.
    pub fn decode_between(&self, em: &[S], after_o: bool, before_o: bool, out: &mut Vec<u8>, work: &mut Vec<u8>) {
        let (t, neg, tr) = (self.t, self.neg, &self.tr);
        let start = if after_o { tags::O as usize } else { t };
        out.clear();
        let n = if t == 0 { 0 } else { em.len() / t };
        if n == 0 {
            return;
        }
        let back = work;
        back.clear();
        back.resize(n * t, 0);
        let mut prev = [neg; 32];
        let mut cur = [neg; 32];
        for y in 0..t {
            prev[y] = tr[start][y] + em[y];
        }
        let mut pv = [neg; 32];
        for i in 1..n {
            let e = &em[i * t..(i + 1) * t];
            let bk = &mut back[i * t..(i + 1) * t];
            for (ps, ys) in &self.groups {
                if ps.is_empty() {
                    for &y in ys {
                        cur[y as usize] = neg + e[y as usize];
                        bk[y as usize] = 0;
                    }
                    continue;
                }
                for (v, &p) in pv.iter_mut().zip(ps) {
                    *v = prev[p as usize];
                }
                for &y in ys {
                    let y = y as usize;
                    let tv = &self.trp[y];
                    let (best, k) = match ps.len() {
                        1 => best_of::<S, 1>(&pv, tv),
                        2 => best_of::<S, 2>(&pv, tv),
                        9 => best_of::<S, 9>(&pv, tv),
                        n => best_among(&pv[..n], &tv[..n]),
                    };
                    cur[y] = best + e[y];
                    bk[y] = ps[k];
                }
            }
            prev = cur;
            // Keep scores near zero: subtracting the same amount from every state changes no
            // decision, and a sentence of any length can no longer overflow the sums.
            let mut m = prev[0];
            for &v in &prev[1..t] {
                if v > m {
                    m = v;
                }
            }
            for v in &mut prev[..t] {
                *v = *v - m;
            }
        }
        let mut y = 0u8;
        let mut best: Option<S> = None;
        for k in 0..t {
            let s = if before_o { prev[k] + tr[k][tags::O as usize] } else { prev[k] };
            if tags::can_end(k as u8) && best.map_or(true, |b| s > b) {
                best = Some(s);
                y = k as u8;
            }
        }
        out.resize(n, 0);
        for i in (0..n).rev() {
            out[i] = y;
            if i > 0 {
                y = back[i * t + y as usize];
            }
        }
    }
}

/// Predecessors of `O`, `B-x` and `U-x` (the tags after which no name is open), in tag order.
const OUTS: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// The tags that may follow them: `O`, `B-x`, `U-x`.
const OPENS: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

/// The decoder of the embedded tagger: Viterbi over the 17 BILOU tags of four types with `i32`
/// scores, its loops unrolled for that layout. Gives exactly what [`Lattice::decode_between`] gives
/// (same sums, same ties: the first best predecessor in tag order wins), several times faster.
pub struct Bilou {
    /// `into_out[k][j]`: the move from `OUTS[k]` into `OPENS[j]`.
    into_out: [[i32; 9]; 9],
    /// `inner[t]`: moves into I-t and L-t from B-t and I-t: `[[B→I, I→I], [B→L, I→L]]`.
    inner: [[[i32; 2]; 2]; 4],
    /// The move of each tag into `O`.
    to_o: [i32; 17],
    /// The forward pass works on the tags in the order [`AT`] (B-x, U-x, O, L-x, I-x), where
    /// the tags after which no name is open are `4..13` and those that may follow them `0..9`
    /// (`O` last, at 8, so the others make two vectors of four):
    /// `fwd[k][j]` is the move from the tag at `4 + k` into the tag at `j`.
    fwd: [[i32; 9]; 9],
    /// Moves into L-t and I-t, by type: from B-t, from I-t.
    b_l: [i32; 4],
    i_l: [i32; 4],
    b_i: [i32; 4],
    i_i: [i32; 4],
    /// `gap[a][k]`: how much more the move from place `4 + k` than from `4 + a` gives at most
    /// (over the nine tags they lead to): when the score at `4 + a` leads that at `4 + k` by
    /// at least this for every `k`, place `4 + a` is a best predecessor of all nine.
    gap: [[i32; 9]; 9],
    /// `start` and `after_o` in the order [`AT`].
    start_at: [i32; 17],
    after_o_at: [i32; 17],
}

/// The tag at each place of the forward pass's order: B-x, U-x, O, L-x, I-x.
const AT: [usize; 17] = [1, 5, 9, 13, 4, 8, 12, 16, 0, 3, 7, 11, 15, 2, 6, 10, 14];
/// The place of each tag in that order (the inverse of [`AT`]).
const PLACE: [usize; 17] = [8, 0, 13, 9, 4, 1, 14, 10, 5, 2, 15, 11, 6, 3, 16, 12, 7];

impl Bilou {
    /// `None` unless `lat` has the 17 tags of four types.
    pub fn new(lat: &Lattice<i32>) -> Option<Bilou> {
        if lat.t != 17 {
            return None;
        }
        let tr = &lat.tr;
        let mut into_out = [[0; 9]; 9];
        for (k, &p) in OUTS.iter().enumerate() {
            for (j, &y) in OPENS.iter().enumerate() {
                into_out[k][j] = tr[p][y];
            }
        }
        let mut inner = [[[0; 2]; 2]; 4];
        for (t, row) in inner.iter_mut().enumerate() {
            let (b, i, l) = (1 + 4 * t, 2 + 4 * t, 3 + 4 * t);
            *row = [[tr[b][i], tr[i][i]], [tr[b][l], tr[i][l]]];
        }
        let mut start = [0; 17];
        let mut after_o = [0; 17];
        let mut to_o = [0; 17];
        for y in 0..17 {
            start[y] = tr[17][y];
            after_o[y] = tr[0][y];
            to_o[y] = tr[y][0];
        }
        let mut fwd = [[0; 9]; 9];
        for (k, row) in fwd.iter_mut().enumerate() {
            for (j, x) in row.iter_mut().enumerate() {
                *x = tr[AT[4 + k]][AT[j]];
            }
        }
        let (mut b_l, mut i_l, mut b_i, mut i_i) = ([0; 4], [0; 4], [0; 4], [0; 4]);
        for t in 0..4 {
            [[b_i[t], i_i[t]], [b_l[t], i_l[t]]] = inner[t];
        }
        let mut gap = [[0; 9]; 9];
        for a in 0..9 {
            for k in 0..9 {
                gap[a][k] = (0..9).map(|j| fwd[k][j] - fwd[a][j]).max().unwrap_or(0);
            }
        }
        let start_at = AT.map(|y| start[y]);
        let after_o_at = AT.map(|y| after_o[y]);
        Some(Bilou { into_out, inner, to_o, fwd, gap, b_l, i_l, b_i, i_i, start_at, after_o_at })
    }

    /// As [`Lattice::decode_between`]: the best tags for emissions `em` (`n * 17`) into `out`.
    ///
    /// The forward pass keeps only the best score of each tag (no back pointers): `rows` keeps
    /// each position's scores, and the back trace picks the predecessor of the one tag on the
    /// path again from them, with the same sums and the same tie rule.
    pub fn decode_between(&self, em: &[i32], after_o: bool, before_o: bool, out: &mut Vec<u8>, rows: &mut Vec<[i32; 17]>) {
        out.clear();
        let n = em.len() / 17;
        if n == 0 {
            return;
        }
        rows.clear();
        rows.reserve(n);
        // scores in the order AT (see `fwd`)
        let first = if after_o { &self.after_o_at } else { &self.start_at };
        let mut prev = [0i32; 17];
        for p in 0..17 {
            prev[p] = first[p] + em[AT[p]];
        }
        rows.push(prev);
        for e in em.chunks_exact(17).skip(1) {
            let e: &[i32; 17] = e.try_into().unwrap();
            let e = AT.map(|y| e[y]);
            let mut cur = [0i32; 17];
            // B-x, U-x, O (places 0..9): from U-x, O or L-x (places 4..13). Most often one of
            // those leads the others by more than any move can make up: it alone is then the best
            // predecessor of all nine (same sums; ties give the same score either way)
            let mut a = 0;
            for k in 1..9 {
                if prev[4 + k] > prev[4 + a] {
                    a = k;
                }
            }
            let (pa, gap) = (prev[4 + a], &self.gap[a]);
            let mut clear = true;
            for k in 0..9 {
                clear &= pa - prev[4 + k] >= gap[k];
            }
            if clear {
                let row = &self.fwd[a];
                for j in 0..9 {
                    cur[j] = pa + row[j] + e[j];
                }
            } else {
                let mut best = [0i32; 8];
                let mut best_o = prev[4] + self.fwd[0][8];
                for j in 0..8 {
                    best[j] = prev[4] + self.fwd[0][j];
                }
                for k in 1..9 {
                    let pk = prev[4 + k];
                    let row = &self.fwd[k];
                    for j in 0..8 {
                        best[j] = best[j].max(pk + row[j]);
                    }
                    best_o = best_o.max(pk + row[8]);
                }
                for j in 0..8 {
                    cur[j] = best[j] + e[j];
                }
                cur[8] = best_o + e[8];
            }
            // L-x (places 9..13) and I-x (13..17): from B-x (0..4) or I-x (13..17)
            for t in 0..4 {
                let (b, i) = (prev[t], prev[13 + t]);
                cur[9 + t] = (b + self.b_l[t]).max(i + self.i_l[t]) + e[9 + t];
                cur[13 + t] = (b + self.b_i[t]).max(i + self.i_i[t]) + e[13 + t];
            }
            // keep scores near zero (as the generic decoder does)
            let mut m = cur[0];
            for &v in &cur[1..] {
                m = m.max(v);
            }
            for p in 0..17 {
                prev[p] = cur[p] - m;
            }
            rows.push(prev);
        }
        let mut y = 0u8;
        let mut best: Option<i32> = None;
        for k in 0..17 {
            let s = if before_o { prev[PLACE[k]] + self.to_o[k] } else { prev[PLACE[k]] };
            if tags::can_end(k as u8) && best.map_or(true, |b| s > b) {
                best = Some(s);
                y = k as u8;
            }
        }
        out.resize(n, 0);
        for i in (0..n).rev() {
            out[i] = y;
            if i > 0 {
                y = self.predecessor(&rows[i - 1], y as usize);
            }
        }
    }

    /// The best tag before `y` given the scores `prev_at` (in the order [`AT`]) of the position
    /// before: the first best in tag order, as the generic decoder picks it.
    fn predecessor(&self, prev_at: &[i32; 17], y: usize) -> u8 {
        let prev = |tag: usize| prev_at[PLACE[tag]];
        if let Some(j) = OPENS.iter().position(|&o| o == y) {
            let mut best = prev(OUTS[0]) + self.into_out[0][j];
            let mut arg = 0;
            for k in 1..9 {
                let s = prev(OUTS[k]) + self.into_out[k][j];
                if s > best {
                    best = s;
                    arg = k;
                }
            }
            return OUTS[arg] as u8;
        }
        // I-t or L-t: from B-t or I-t (B wins a tie)
        let t = (y - 1) / 4;
        let (b, i) = (1 + 4 * t, 2 + 4 * t);
        let row = &self.inner[t][if y == i { 0 } else { 1 }];
        if prev(i) + row[1] > prev(b) + row[0] { i as u8 } else { b as u8 }
    }
}

/// Viterbi decoding of `n` positions with emission scores `em` (`n * t`) and transitions `trans`
/// (`(t + 1) * t`, last row = start), under the BILOU constraints (`neg` is a score low enough to
/// rule a transition out). Writes the best tags to `out`; `work` is scratch space.
pub fn viterbi<S>(em: &[S], trans: &[S], t: usize, neg: S, out: &mut Vec<u8>, work: &mut Vec<u8>)
where
    S: Copy + PartialOrd + std::ops::Add<Output = S> + std::ops::Sub<Output = S>,
{
    Lattice::new(trans, t, neg).decode(em, out, work)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_table_round_trip() {
        let trans: Vec<i32> = (0..(3 * 2)).collect();
        let mut feats = vec![(42u32, vec![1i8, -3]), (7, vec![0, 5]), (9, vec![0, 0]), (u32::MAX, vec![-128, 127])];
        let bytes = encode(2, &trans, &mut feats);
        let t = table(&bytes).unwrap();
        assert_eq!(table(&bytes).unwrap(), t, "deterministic");
        let m = Model::from_table(&t).unwrap();
        assert_eq!(m.nfeat, 3);
        assert_eq!(m.trans, trans);
        assert_eq!(m.row(42), Some(vec![1, -9]));
        assert_eq!(m.row(7), Some(vec![0, 25]));
        assert_eq!(m.row(u32::MAX), Some(vec![-16384, 16129]));
        assert_eq!(m.row(9), None);
        assert_eq!(m.row(0), None);
        let mut s = [0i32; 2];
        m.add_scores(&[42, 7, 1000], &mut s);
        assert_eq!(s, [1, 25 - 9]);
        assert_eq!(quantise(-16.2), -4);
        assert_eq!(decode(quantise(10000.0)), 10000);
    }

    /// Many keys (several per bucket, buckets left empty, keys at both ends of the range): every
    /// key is found with its weights, and keys not in the model are not.
    #[test]
    fn table_finds_every_key_and_no_other() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut rnd = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut feats: Vec<(u32, Vec<i8>)> = (0..5000)
            .map(|i| (rnd() as u32 | 1, (0..17).map(|t| ((i * 7 + t * 3) % 11) as i8 - 5).collect()))
            .chain([(1u32, vec![3i8; 17]), (u32::MAX, vec![-2i8; 17])])
            .collect();
        feats.sort_by_key(|f| f.0);
        feats.dedup_by_key(|f| f.0);
        let want = feats.clone();
        let t = table(&encode(17, &vec![1; 18 * 17], &mut feats)).unwrap();
        let m = Model::from_table(&t).unwrap();
        assert_eq!(m.nfeat, want.len());
        for (k, w) in &want {
            assert_eq!(m.row(*k), Some(w.iter().map(|&q| decode(q)).collect::<Vec<_>>()), "key {k}");
            if *k & 1 == 1 {
                assert_eq!(m.row(k - 1), None);
            }
        }
        assert_eq!(m.row(0), None);
    }

    #[test]
    fn malformed_models_are_rejected() {
        assert!(table(b"").is_none());
        assert!(table(b"NMNER1\x11\xff\xff\xff\xff").is_none());
        let mut feats = vec![(5u32, vec![1i8; 17])];
        let bytes = encode(17, &vec![0; 18 * 17], &mut feats);
        assert!(table(&bytes[..bytes.len() - 1]).is_none());
        let t = table(&bytes).unwrap();
        assert!(Model::from_table(&t).is_some());
        for cut in 0..t.len() {
            assert!(Model::from_table(&t[..cut]).is_none(), "cut at {cut}");
        }
        let mut bad = t.clone();
        bad[20] = 15; // bits
        assert!(Model::from_table(&bad).is_none());
        // a corrupt index or mask finds nothing, or other weights, rather than panicking
        let at = TABLE_HEADER + 4 * 18 * 17;
        for (place, value) in [(at, 7u32), (at, 0x0000_0100), (t.len() - 17 - 4, u32::MAX)] {
            let mut bad = t.clone();
            bad[place..place + 4].copy_from_slice(&value.to_le_bytes());
            if let Some(m) = Model::from_table(&bad) {
                assert_eq!(m.row(5), None);
            }
        }
    }

    #[test]
    fn bilou_decoder_equals_the_generic_one() {
        use crate::entities::features::NTAGS;
        // a small pseudo-random generator; narrow score ranges make many ties
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut rnd = |m: i32| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % (2 * m as u64 + 1)) as i32 - m
        };
        for round in 0..400 {
            let m = if round % 2 == 0 { 3 } else { 1000 };
            let trans: Vec<i32> = (0..(NTAGS + 1) * NTAGS).map(|_| rnd(m)).collect();
            // emissions far larger than moves (as in real text) as well as comparable ones
            let me = if round % 3 == 0 { m * 20 } else { m };
            let lat = Lattice::new(&trans, NTAGS, -(1 << 28));
            let fast = Bilou::new(&lat).unwrap();
            let n = 1 + (round % 13);
            let em: Vec<i32> = (0..n * NTAGS).map(|_| rnd(me)).collect();
            for (after_o, before_o) in [(false, false), (true, false), (false, true), (true, true)] {
                let (mut a, mut b, mut w, mut rows) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
                lat.decode_between(&em, after_o, before_o, &mut a, &mut w);
                fast.decode_between(&em, after_o, before_o, &mut b, &mut rows);
                assert_eq!(a, b, "round {round}");
            }
        }
        assert!(Bilou::new(&Lattice::new(&[0i32; 6], 2, -100)).is_none());
    }

    #[test]
    fn forward_order_is_a_permutation() {
        for (p, &y) in AT.iter().enumerate() {
            assert_eq!(PLACE[y], p);
        }
        // places 0..9: B-x, U-x, O; 4..13: U-x, O, L-x
        let mut opens: Vec<usize> = AT[..9].to_vec();
        let mut outs: Vec<usize> = AT[4..13].to_vec();
        opens.sort_unstable();
        outs.sort_unstable();
        assert_eq!(opens, OPENS);
        assert_eq!(outs, OUTS);
        assert!((0..4).all(|t| AT[t] == 1 + 4 * t && AT[9 + t] == 3 + 4 * t && AT[13 + t] == 2 + 4 * t));
        assert_eq!(AT[8], 0);
    }

    #[test]
    fn viterbi_respects_bilou() {
        use crate::entities::features::{tags, NTAGS};
        // emissions favour I-PER at position 0, which is not allowed at a sentence start
        let mut em = vec![0i32; 2 * NTAGS];
        em[tags::i(0) as usize] = 10;
        em[NTAGS + tags::l(0) as usize] = 10;
        em[tags::b(0) as usize] = 5;
        let trans = vec![0i32; (NTAGS + 1) * NTAGS];
        let (mut out, mut back) = (Vec::new(), Vec::new());
        viterbi(&em, &trans, NTAGS, -1_000_000, &mut out, &mut back);
        assert_eq!(out, vec![tags::b(0), tags::l(0)]);
    }
}
