//! Compact JSON for an [`Annotation`], written by hand for its fixed shape. The output is byte for
//! byte what `serde_json::to_writer` gives (same field order, escapes and number format; a test
//! checks it), several times faster: no per-field dispatch, strings copied a run at a time. The
//! CLI writes its JSON with it.

use std::io::{self, Write};

use crate::model::{Annotation, Cue, Entity, Group, Quote, QuoteKind, RangeRole, RefDateSource, Speaker, Timex};

/// Bytes gathered before they are handed to the underlying writer.
const CHUNK: usize = 1 << 16;

struct Out<W: Write> {
    buf: Vec<u8>,
    inner: W,
}

impl<W: Write> Out<W> {
    #[inline(always)]
    fn raw(&mut self, s: &[u8]) {
        self.buf.extend_from_slice(s);
    }

    #[inline(always)]
    fn num(&mut self, mut n: usize) {
        // two digits per division, from a table of "00".."99"
        const PAIRS: [[u8; 2]; 100] = {
            let mut t = [[0u8; 2]; 100];
            let mut k = 0;
            while k < 100 {
                t[k] = [b'0' + (k / 10) as u8, b'0' + (k % 10) as u8];
                k += 1;
            }
            t
        };
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        while n >= 100 {
            let p = PAIRS[n % 100];
            n /= 100;
            i -= 2;
            digits[i] = p[0];
            digits[i + 1] = p[1];
        }
        if n >= 10 {
            let p = PAIRS[n];
            i -= 2;
            digits[i] = p[0];
            digits[i + 1] = p[1];
        } else {
            i -= 1;
            digits[i] = b'0' + n as u8;
        }
        self.buf.extend_from_slice(&digits[i..]);
    }

    /// A JSON string, escaped as serde_json does: `"` and `\`, the short forms `\b \t \n \f \r`,
    /// other control characters as `\u00XX` (lower-case hex); everything else as is.
    #[inline(always)]
    fn str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.buf.reserve(bytes.len() + 2);
        self.buf.push(b'"');
        let mut run = 0;
        // Eight bytes at a time while none needs escaping (most strings have no such byte).
        let mut i = 0;
        while i + 8 <= bytes.len() {
            let w = u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or([0; 8]));
            if needs_escape(w) {
                break;
            }
            i += 8;
        }
        // fewer than eight bytes left and all before them clean: the final eight read as one word
        if i < bytes.len() && i + 8 > bytes.len() && bytes.len() >= 8 {
            let w = u64::from_le_bytes(bytes[bytes.len() - 8..].try_into().unwrap_or([0; 8]));
            if !needs_escape(w) {
                i = bytes.len();
            }
        }
        for (i, &b) in bytes.iter().enumerate().skip(i) {
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            self.buf.extend_from_slice(&bytes[run..i]);
            run = i + 1;
            match b {
                b'"' => self.raw(b"\\\""),
                b'\\' => self.raw(b"\\\\"),
                0x08 => self.raw(b"\\b"),
                0x09 => self.raw(b"\\t"),
                0x0A => self.raw(b"\\n"),
                0x0C => self.raw(b"\\f"),
                0x0D => self.raw(b"\\r"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.raw(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
                }
            }
        }
        self.buf.extend_from_slice(&bytes[run..]);
        self.buf.push(b'"');
    }

    /// `{"key":` or `,"key":` (keys are plain ASCII).
    #[inline(always)]
    fn field(&mut self, before: &str, k: &str) {
        self.raw(before.as_bytes());
        self.buf.push(b'"');
        self.buf.extend_from_slice(k.as_bytes());
        self.buf.extend_from_slice(b"\":");
    }

    fn flush_if_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= CHUNK {
            self.inner.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) -> io::Result<()> {
        self.buf.push(b'[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.buf.push(b',');
            }
            each(self, x);
            self.flush_if_full()?;
        }
        self.buf.push(b']');
        Ok(())
    }

    fn opt_num(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.num(n),
            None => self.raw(b"null"),
        }
    }

    fn quote(&mut self, q: &Quote) {
        self.key_num("{", "start", q.start);
        self.key_num(",", "end", q.end);
        self.key_str(",", "text", &q.text);
        self.key_str(",", "kind", match q.kind {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Other => "other",
        });
        self.key_num(",", "contentStart", q.content_start);
        self.key_num(",", "contentEnd", q.content_end);
        self.field(",", "speaker");
        match &q.speaker {
            Some(s) => self.speaker(s),
            None => self.raw(b"null"),
        }
        self.field(",", "cue");
        match &q.cue {
            Some(c) => self.cue(c),
            None => self.raw(b"null"),
        }
        self.raw(b"}");
    }

    fn speaker(&mut self, s: &Speaker) {
        self.key_str("{", "name", &s.name);
        self.key_num(",", "start", s.start);
        self.key_num(",", "end", s.end);
        self.key_str(",", "text", &s.text);
        self.field(",", "group");
        self.opt_num(s.group);
        self.raw(b"}");
    }

    fn cue(&mut self, c: &Cue) {
        self.key_num("{", "start", c.start);
        self.key_num(",", "end", c.end);
        self.key_str(",", "text", &c.text);
        self.raw(b"}");
    }

    fn timex(&mut self, d: &Timex) {
        self.key_num("{", "start", d.start);
        self.key_num(",", "end", d.end);
        self.key_str(",", "text", &d.text);
        self.key_str(",", "type", d.kind.as_str());
        self.key_str(",", "value", &d.value);
        self.field(",", "range");
        match &d.range {
            Some(r) => {
                self.key_num("{", "id", r.id);
                self.key_str(",", "role", match r.role {
                    RangeRole::Start => "start",
                    RangeRole::End => "end",
                });
                self.raw(b"}");
            }
            None => self.raw(b"null"),
        }
        self.raw(b"}");
    }

    fn entity(&mut self, e: &Entity) {
        self.key_num("{", "start", e.start);
        self.key_num(",", "end", e.end);
        self.key_str(",", "text", &e.text);
        self.key_str(",", "label", e.label.as_str());
        self.key_num(",", "group", e.group);
        self.raw(b"}");
    }

    fn group(&mut self, g: &Group) -> io::Result<()> {
        self.key_num("{", "id", g.id);
        self.key_str(",", "name", &g.name);
        self.key_str(",", "label", g.label.as_str());
        self.field(",", "mentions");
        self.list(&g.mentions, |o, &m| o.num(m))?;
        self.raw(b"}");
        Ok(())
    }

    /// `{"key":n` or `,"key":n`.
    #[inline(always)]
    fn key_num(&mut self, before: &str, k: &str, n: usize) {
        self.field(before, k);
        self.num(n);
    }

    /// `{"key":"s"` or `,"key":"s"`.
    #[inline(always)]
    fn key_str(&mut self, before: &str, k: &str, s: &str) {
        self.field(before, k);
        self.str(s);
    }
}

/// Whether any of the eight bytes of `w` is a control character, `"` or `\`. (Each test is the
/// exact "some byte is zero / below n" bit trick: no false negatives, and false positives only
/// send the word to the byte loop.)
#[inline(always)]
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w;
    let quote = w ^ (ONES * b'"' as u64);
    let backslash = w ^ (ONES * b'\\' as u64);
    let zero_quote = quote.wrapping_sub(ONES) & !quote;
    let zero_backslash = backslash.wrapping_sub(ONES) & !backslash;
    (below_space | zero_quote | zero_backslash) & HIGH != 0
}

/// Write `a` as one line of compact JSON (no trailing newline).
pub fn write_annotation(inner: impl Write, a: &Annotation) -> io::Result<()> {
    let mut o = Out { buf: Vec::with_capacity(CHUNK + 4096), inner };
    o.key_str("{", "version", &a.version);
    o.field(",", "referenceDate");
    match &a.reference_date {
        Some(d) => o.str(d),
        None => o.raw(b"null"),
    }
    o.key_str(",", "referenceDateSource", match a.reference_date_source {
        RefDateSource::Option => "option",
        RefDateSource::Dateline => "dateline",
        RefDateSource::None => "none",
    });
    o.field(",", "quotes");
    o.list(&a.quotes, |o, q| o.quote(q))?;
    o.field(",", "dates");
    o.list(&a.dates, |o, d| o.timex(d))?;
    o.field(",", "entities");
    o.list(&a.entities, |o, e| o.entity(e))?;
    o.field(",", "groups");
    let mut err = Ok(());
    o.list(&a.groups, |o, g| {
        if err.is_ok() {
            err = o.group(g);
        }
    })?;
    err?;
    o.raw(b"}");
    o.inner.write_all(&o.buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::Unit;
    use crate::{annotate, Date, Options};

    fn same_as_serde(text: &str, opts: &Options) {
        let mut a = annotate(text, opts);
        a.convert_offsets(text, Unit::CodePoint);
        let mut mine = Vec::new();
        write_annotation(&mut mine, &a).unwrap();
        let theirs = serde_json::to_vec(&a).unwrap();
        assert_eq!(String::from_utf8_lossy(&mine), String::from_utf8_lossy(&theirs));
    }

    #[test]
    fn word_test_matches_the_byte_test() {
        let byte_needs = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
        for special in 0..=255u8 {
            for filler in [b'a', b' ', 0x7F, 0x80, 0xE2, 0xFF, 0x1F, 0x21, 0x5B, 0x5D] {
                for at in 0..8 {
                    let mut w = [filler; 8];
                    w[at] = special;
                    let want = w.iter().any(|&b| byte_needs(b));
                    assert_eq!(needs_escape(u64::from_le_bytes(w)), want, "{w:?}");
                }
            }
        }
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        // an escape in each place of strings of 0 to 24 bytes: in a full word, in the tail, both
        for len in 0..25 {
            for at in 0..len {
                for special in ["\"", "\\", "\n", "\u{1}"] {
                    let mut s: String = "abcdefghijklmnopqrstuvwxyz".chars().take(len).collect();
                    s.replace_range(at..at + 1, special);
                    let mut o = Out { buf: Vec::new(), inner: Vec::new() };
                    o.str(&s);
                    assert_eq!(String::from_utf8(o.buf).unwrap(), serde_json::to_string(&s).unwrap(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn byte_identical_to_serde_json() {
        let article = "BEIJING, Jan. 7, 2019 — Foreign Ministry spokesman Lu Kang said on Monday: “We are close.”\n\
            \"Talks\\tresume\" on March 3, he told Reuters. Kim Jong-un's visit, 'he' said, lasts two days.\n\
            From Jan. 5 to Jan. 9 Mr. Xi met U.S. officials in Geneva every Monday.\u{0}\u{1f}\u{7f}\r\n\
            Weird \"con\u{8}trol\u{c}\" marks «French» and 😀 emoji, said Angela Merkel.";
        let opts = Options { reference_date: Some(Date::parse_iso("2019-01-08").unwrap()), ..Options::default() };
        same_as_serde(article, &opts);
        same_as_serde(article, &Options::default());
        same_as_serde("", &Options::default());
        same_as_serde("\"\\\"\u{1}\u{2}", &Options::default());
        same_as_serde("He said: “a long quotation with \\ and \" and\ttabs inside it, well past eight bytes,” Lee said.", &Options::default());
    }
}
