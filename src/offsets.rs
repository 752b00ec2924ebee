//! Offset conventions at the edges. The core speaks UTF-8 byte offsets; JavaScript wants UTF-16
//! code units (so `text.slice(start, end)` works) and the JSONL exchange format wants Unicode code
//! points (Python slicing). Conversion is one sorted sweep over the text, linear in its length and
//! with memory proportional to the number of spans, not to the text.

use crate::model::{Annotation, Entity, Quote, Timex};

/// The unit offsets are expressed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Byte,
    Utf16,
    CodePoint,
}

impl Annotation {
    /// Visit every offset in the result (spans, quote contents, speakers, cues).
    pub fn for_each_offset_mut(&mut self, f: &mut dyn FnMut(&mut usize)) {
        for_each_offset(&mut self.quotes, &mut self.dates, &mut self.entities, f);
    }

    /// Convert every byte offset to `unit`. Offsets must lie on character boundaries of `text`.
    pub fn convert_offsets(&mut self, text: &str, unit: Unit) {
        convert(text, unit, &mut self.quotes, &mut self.dates, &mut self.entities);
    }
}

/// Visit every offset of these layers (spans, quote contents, speakers, cues).
fn for_each_offset(quotes: &mut [Quote], dates: &mut [Timex], entities: &mut [Entity], f: &mut dyn FnMut(&mut usize)) {
    for q in quotes {
        f(&mut q.start);
        f(&mut q.end);
        f(&mut q.content_start);
        f(&mut q.content_end);
        if let Some(s) = &mut q.speaker {
            f(&mut s.start);
            f(&mut s.end);
        }
        if let Some(c) = &mut q.cue {
            f(&mut c.start);
            f(&mut c.end);
        }
    }
    for d in dates {
        f(&mut d.start);
        f(&mut d.end);
    }
    for e in entities {
        f(&mut e.start);
        f(&mut e.end);
    }
}

/// Convert the byte offsets into `text` of these layers to `unit`: [`Annotation::convert_offsets`]
/// for a whole result, and the parallel path's workers for their own segment.
pub(crate) fn convert(text: &str, unit: Unit, quotes: &mut [Quote], dates: &mut [Timex], entities: &mut [Entity]) {
    if unit == Unit::Byte {
        return;
    }
    let marks = Checkpoints::new(text, unit);
    // offsets mostly come in text order (a span's start, then its end): each is counted on
    // from the one before when that lies in the same block, below it
    let mut last = (0usize, 0usize);
    for_each_offset(quotes, dates, entities, &mut |o| {
        let b = floor_boundary(text, *o);
        let u = if last.0 <= b && last.0 / BLOCK == b / BLOCK {
            last.1 + units_in(&text.as_bytes()[last.0..b], unit)
        } else {
            marks.get(text, b)
        };
        last = (b, u);
        *o = u;
    });
}

/// Length of `text` in `unit`s.
pub fn len_in(text: &str, unit: Unit) -> usize {
    units_in(text.as_bytes(), unit)
}

/// Units before every 64th byte of a text, so any byte offset converts by counting at most 63
/// bytes: linear to build, no sort, memory an eighth of the text.
struct Checkpoints {
    unit: Unit,
    before: Vec<usize>,
}

const BLOCK: usize = 64;

/// Units in `bytes`, a run of whole characters of a UTF-8 text: code points are the bytes that do
/// not continue a character; a four-byte character is two UTF-16 units. Eight bytes at a time.
#[inline]
fn units_in(bytes: &[u8], unit: Unit) -> usize {
    if unit == Unit::Byte {
        return bytes.len();
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        n += word_units(w, unit);
    }
    for &b in chunks.remainder() {
        n += ((b as i8) >= -0x40) as usize + (unit == Unit::Utf16 && b >= 0xF0) as usize;
    }
    n
}

/// [`units_in`] for eight bytes: a continuation byte is `10xxxxxx` (bit 7 set, bit 6 clear), a
/// four-byte lead is `11110xxx` (bits 7 to 4 set); a shift lines each byte's lower bits up with
/// its bit 7, and the masks keep bit 7 of every byte.
#[inline]
fn word_units(w: u64, unit: Unit) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // bits only at bit 7 of bytes: moved to bit 0 and summed into the top byte by one multiply
    let count = |m: u64| ((m >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    let continuation = w & !(w << 1) & HIGH;
    let mut n = 8 - count(continuation);
    if unit == Unit::Utf16 {
        n += count(w & (w << 1) & (w << 2) & (w << 3) & HIGH);
    }
    n
}

/// `b` clamped to the text and floored to a character boundary.
#[inline]
fn floor_boundary(text: &str, b: usize) -> usize {
    let mut b = b.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

impl Checkpoints {
    fn new(text: &str, unit: Unit) -> Checkpoints {
        let mut before = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut n = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            before.push(n);
            n += units_in(block, unit);
        }
        before.push(n);
        Checkpoints { unit, before }
    }

    /// The offset of byte `b`, floored to a character boundary (and clamped to the text).
    fn get(&self, text: &str, b: usize) -> usize {
        let b = floor_boundary(text, b);
        let k = b / BLOCK;
        // a block start may fall inside a character: counting lead bytes from there is still
        // exact, since the character's lead byte lies in an earlier block
        self.before[k] + units_in(&text.as_bytes()[k * BLOCK..b], self.unit)
    }
}

/// Byte offset → `unit` offset for a fixed set of byte offsets.
pub struct OffsetTable {
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl OffsetTable {
    pub fn new(text: &str, mut byte_offsets: Vec<usize>, unit: Unit) -> OffsetTable {
        byte_offsets.sort_unstable();
        byte_offsets.dedup();
        let mut units = Vec::with_capacity(byte_offsets.len());
        let mut counted_bytes = 0usize;
        let mut counted_units = 0usize;
        for &b in &byte_offsets {
            let b_clamped = b.min(text.len());
            // Offsets are expected on char boundaries; floor defensively so we never panic.
            let mut b_floor = b_clamped;
            while !text.is_char_boundary(b_floor) {
                b_floor -= 1;
            }
            if b_floor > counted_bytes {
                let seg = &text[counted_bytes..b_floor];
                counted_units += match unit {
                    Unit::Byte => seg.len(),
                    Unit::Utf16 => seg.chars().map(char::len_utf16).sum(),
                    Unit::CodePoint => seg.chars().count(),
                };
                counted_bytes = b_floor;
            }
            units.push(counted_units);
        }
        OffsetTable { bytes: byte_offsets, units }
    }

    /// The converted offset of byte offset `b` (which must have been given to `new`).
    pub fn get(&self, b: usize) -> usize {
        match self.bytes.binary_search(&b) {
            Ok(i) => self.units[i],
            Err(_) => 0,
        }
    }
}

/// Convert one code-unit offset (UTF-16 or code point) back to a byte offset, flooring to a
/// character boundary. Used by bindings that receive offsets from the host.
pub fn to_byte_offset(text: &str, offset: usize, unit: Unit) -> usize {
    let mut units = 0usize;
    for (b, ch) in text.char_indices() {
        if units >= offset {
            return b;
        }
        units += match unit {
            Unit::Byte => ch.len_utf8(),
            Unit::Utf16 => ch.len_utf16(),
            Unit::CodePoint => 1,
        };
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_code_points_differ_for_astral_characters() {
        let text = "a😀b é中";
        // byte offsets of 'b' (5), ' ' (6), 'é' (7), '中' (9), end (12)
        let t16 = OffsetTable::new(text, vec![0, 5, 7, 9, 12], Unit::Utf16);
        assert_eq!(
            [t16.get(0), t16.get(5), t16.get(7), t16.get(9), t16.get(12)],
            [0, 3, 5, 6, 7]
        );
        let tcp = OffsetTable::new(text, vec![12, 0, 5, 9, 7], Unit::CodePoint);
        assert_eq!(
            [tcp.get(0), tcp.get(5), tcp.get(7), tcp.get(9), tcp.get(12)],
            [0, 2, 4, 5, 6]
        );
    }

    #[test]
    fn checkpoints_agree_with_the_offset_table() {
        let text = "a😀b é中\u{0301}x".repeat(40) + "tail 😀";
        let all: Vec<usize> = (0..=text.len() + 3).collect();
        for unit in [Unit::Utf16, Unit::CodePoint, Unit::Byte] {
            let table = OffsetTable::new(&text, all.clone(), unit);
            let marks = Checkpoints::new(&text, unit);
            for &b in &all {
                let mut f = b.min(text.len());
                while !text.is_char_boundary(f) {
                    f -= 1;
                }
                assert_eq!(marks.get(&text, b), table.get(f), "{unit:?} {b}");
            }
        }
        assert_eq!(Checkpoints::new("", Unit::Utf16).get("", 5), 0);
    }

    #[test]
    fn word_counts_equal_byte_counts() {
        let byte_units = |b: u8, unit: Unit| ((b as i8) >= -0x40) as usize + (unit == Unit::Utf16 && b >= 0xF0) as usize;
        for unit in [Unit::Utf16, Unit::CodePoint] {
            for special in 0..=255u8 {
                for filler in [b'a', 0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0xF7, 0xFF] {
                    for at in 0..8 {
                        let mut w = [filler; 8];
                        w[at] = special;
                        let want: usize = w.iter().map(|&b| byte_units(b, unit)).sum();
                        assert_eq!(word_units(u64::from_le_bytes(w), unit), want, "{w:?} {unit:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn to_byte_offset_round_trips() {
        let text = "x😀y";
        assert_eq!(to_byte_offset(text, 3, Unit::Utf16), 5);
        assert_eq!(to_byte_offset(text, 2, Unit::CodePoint), 5);
        assert_eq!(to_byte_offset(text, 99, Unit::CodePoint), text.len());
    }
}
