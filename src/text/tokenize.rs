//! The tokenizer and sentence splitter (see `text/mod.rs` for the rules).

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (and digits mixed in), with inner hyphens/apostrophes/abbreviation periods.
    Word,
    /// Starts with a digit: `2019`, `1,000`, `10:30`, `35th`.
    Number,
    /// A single punctuation or symbol character (quotes, dashes, brackets…).
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// A line break lies between the previous token and this one.
    pub newline_before: bool,
    /// Whitespace lies between the previous token and this one.
    pub space_before: bool,
}

/// A sentence as a half-open range of token indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub first: usize,
    pub end: usize,
}

/// Abbreviations that keep their period (lower-cased, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr",
    "adm", "maj", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "llc", "plc", "no", "vs",
    "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ft", "mt", "dept",
    "univ", "assn", "bros", "gov't", "pres", "supt", "atty", "est", "approx", "fig", "vol", "pp",
    "a.m", "p.m", "u.s", "u.k", "u.n", "e.g", "i.e",
];

fn is_abbreviation(word: &str) -> bool {
    if word.is_ascii() {
        return ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks stay inside the word they decorate.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Whether the punctuation `d` at byte `j` joins the word or number that began at `start`:
/// a hyphen inside a word (`Jong-un`), an apostrophe inside one but not a possessive (`don't`,
/// not `Jinping 's`), a separator between digits (`2,018`, `3.5`, `10:30`, `1/7`), a period
/// between single letters (`U.S.`, `a.m.`).
fn joins(text: &str, start: usize, j: usize, d: char, kind: TokKind) -> bool {
    let next_char = |i: usize| text.get(i..).and_then(|r| r.chars().next());
    let after = next_char(j + d.len_utf8());
    let after_is_word = after.map_or(false, is_word_char);
    match d {
        '-' | '\u{2010}' | '\u{2011}' => after_is_word && kind == TokKind::Word,
        _ if is_apostrophe(d) => {
            // possessive 's and s' stay apart: Jinping 's
            let rest = &text[j + d.len_utf8()..];
            let possessive = (rest.starts_with('s') || rest.starts_with('S'))
                && !rest[1..].chars().next().map_or(false, is_word_char);
            after_is_word && !possessive && kind == TokKind::Word
        }
        '.' | ',' | ':' | '/' if kind == TokKind::Number => after.map_or(false, |a| a.is_ascii_digit()),
        '.' if kind == TokKind::Word => {
            // U.S., a.m.: single letters joined by periods
            let word = &text[start..j];
            let last_seg = word.rsplit('.').next().unwrap_or(word);
            last_seg.chars().count() == 1
                && after.map_or(false, |a| a.is_alphabetic())
                && next_char(j + 1 + after.map_or(0, char::len_utf8)) == Some('.')
        }
        _ => false,
    }
}

/// Whether the word `start..end` keeps the period right after it: a known abbreviation or a dotted
/// initialism does, except at the end of a line, where the period ends the sentence (CoNLL-2003
/// splits it off: `Walt Disney Co` `.`).
fn takes_period(text: &str, start: usize, end: usize, kind: TokKind) -> bool {
    let bytes = text.as_bytes();
    let line_end = matches!(bytes.get(end + 1), None | Some(b'\n') | Some(b'\r'));
    if kind != TokKind::Word || bytes.get(end) != Some(&b'.') || line_end {
        return false;
    }
    let word = &text[start..end];
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    word.contains('.') || single_letter || is_abbreviation(word)
}

/// Whether the apostrophe `c` at byte `i` and the `s` after it are a possessive glued to the word
/// just before (`Kim's` → `Kim` `'s`): one token, as in CoNLL-2003.
fn glued_possessive(text: &str, i: usize, c: char, space: bool, tokens: &[Token]) -> bool {
    let rest = &text[i + c.len_utf8()..];
    is_apostrophe(c)
        && !space
        && tokens.last().map_or(false, |t| t.kind == TokKind::Word && t.end == i)
        && (rest.starts_with('s') || rest.starts_with('S'))
        && !rest[1..].chars().next().map_or(false, is_word_char)
}

/// Split `text` into tokens (byte offsets). Walks bytes, decoding a character only where it is
/// not plain ASCII; runs of ASCII letters and digits are taken without decoding.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut newline = false;
    let mut space = false;
    let next_char = |i: usize| text[i..].chars().next();
    let mut p = 0;

    while p < len {
        let i = p;
        let b = bytes[i];
        // ASCII first: a table look-up decides whitespace, word start and punctuation
        let c = if b < 0x80 {
            match ASCII_CLASS[b as usize] {
                SPACE => {
                    if b == b'\n' || b == b'\r' {
                        newline = true;
                    }
                    space = true;
                    p += 1;
                    continue;
                }
                PUNCT => b as char,
                _ => {
                    // a word or a number starting with an ASCII letter or digit: no decoding
                    let kind = if b.is_ascii_digit() { TokKind::Number } else { TokKind::Word };
                    let end = word_end(text, i, i + 1, kind);
                    tokens.push(Token { start: i, end, kind, newline_before: newline, space_before: space });
                    newline = false;
                    space = false;
                    p = end;
                    continue;
                }
            }
        } else {
            next_char(i).unwrap_or('\u{FFFD}')
        };
        if c.is_whitespace() || c.is_control() {
            if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
                newline = true;
            }
            space = true;
            p += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end;
        let kind;
        if is_word_char(c) {
            kind = if c.is_ascii_digit() || c.is_numeric() { TokKind::Number } else { TokKind::Word };
            end = word_end(text, start, i + c.len_utf8(), kind);
            p = end;
        } else {
            end = i + c.len_utf8();
            let possessive = glued_possessive(text, i, c, space, &tokens);
            if possessive {
                end += 1;
            }
            p = end;
            let kind = if possessive { TokKind::Word } else { TokKind::Punct };
            tokens.push(Token { start, end, kind, newline_before: newline, space_before: space });
            newline = false;
            space = false;
            continue;
        }
        tokens.push(Token { start, end, kind, newline_before: newline, space_before: space });
        newline = false;
        space = false;
    }
    tokens
}

/// Classes of ASCII bytes for the tokenizer: whitespace and control characters, letters and
/// digits, everything else (punctuation and symbols).
const SPACE: u8 = 0;
const ALNUM: u8 = 1;
const PUNCT: u8 = 2;
const ASCII_CLASS: [u8; 128] = {
    let mut t = [PUNCT; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c <= b' ' || c == 0x7F {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

/// ASCII letters and digits, by byte (a look-up per byte in the hot loop).
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The end of the word or number that starts at `start`, whose first character ends at `end`:
/// word characters and the punctuation that [`joins`] them, then a period the word
/// [`takes_period`]. ASCII letters and digits are taken without decoding. Most words end at a space
/// or at punctuation that never joins: that case is settled here, inline, and only the rest (a
/// non-ASCII character, `-`, `.`, `,`, `:`, `/`, `'`) goes to [`word_end_slow`].
#[inline(always)]
fn word_end(text: &str, start: usize, mut end: usize, kind: TokKind) -> usize {
    let bytes = text.as_bytes();
    while end < bytes.len() && ASCII_ALNUM[bytes[end] as usize] {
        end += 1;
    }
    match bytes.get(end) {
        // at the end of the text nothing joins and no period follows
        None => end,
        // a space or punctuation that never joins, and is not a period a word could take: only a
        // hyphen or an apostrophe joins a word, only `,` `:` `/` join a number, `.` may do either
        Some(&d) if d < 0x80 => {
            let may_join = match kind {
                TokKind::Word => matches!(d, b'-' | b'.' | b'\''),
                _ => matches!(d, b'.' | b',' | b':' | b'/'),
            };
            if may_join {
                word_end_slow(text, start, end, kind)
            } else {
                end
            }
        }
        _ => word_end_slow(text, start, end, kind),
    }
}

/// [`word_end`] from `end` on, character by character: the loop that decides joins and periods.
#[inline(never)]
fn word_end_slow(text: &str, start: usize, mut end: usize, kind: TokKind) -> usize {
    let bytes = text.as_bytes();
    let len = bytes.len();
    loop {
        while end < len && ASCII_ALNUM[bytes[end] as usize] {
            end += 1;
        }
        if end >= len {
            break;
        }
        let j = end;
        let d = if bytes[j] < 0x80 {
            // ASCII but not a letter or digit (the run above stopped): only punctuation may join
            let d = bytes[j];
            if !matches!(d, b'-' | b'.' | b',' | b':' | b'/' | b'\'') {
                break;
            }
            d as char
        } else {
            let d = text[j..].chars().next().unwrap_or('\u{FFFD}');
            if is_word_char(d) {
                end = j + d.len_utf8();
                continue;
            }
            if !matches!(d, '\u{2010}' | '\u{2011}') && !is_apostrophe(d) {
                break; // nothing else joins a word
            }
            d
        };
        if !joins(text, start, j, d, kind) {
            break;
        }
        end = j + d.len_utf8();
    }
    if takes_period(text, start, end, kind) {
        end += 1;
    }
    end
}

/// Split tokens into sentences: at `.`, `!`, `?` (with any closing quotes or brackets) followed by a
/// capital, a digit or an opening quote; and always at a line break.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if i > first && tokens[i].newline_before {
            out.push(Sentence { first, end: i });
            first = i;
        }
        let t = &tokens[i];
        // a one-byte token `.`, `!` or `?` (no string slicing for the other tokens)
        let terminal = t.end == t.start + 1 && matches!(text.as_bytes()[t.start], b'.' | b'!' | b'?');
        if terminal {
            let mut j = i + 1;
            while j < n && !tokens[j].newline_before && is_closer(&text[tokens[j].start..tokens[j].end]) {
                j += 1;
            }
            let boundary = j >= n
                || tokens[j].newline_before
                || {
                    let nt = &text[tokens[j].start..tokens[j].end];
                    let c = nt.chars().next().unwrap_or(' ');
                    c.is_uppercase() || c.is_ascii_digit() || is_opener(nt)
                };
            if boundary && j < n {
                out.push(Sentence { first, end: j });
                first = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if first < n {
        out.push(Sentence { first, end: n });
    }
    out
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "\u{201D}" | "\u{2019}" | "'" | ")" | "]" | "\u{00BB}")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "\"" | "\u{201C}" | "\u{2018}" | "'" | "(" | "[" | "\u{00AB}" | "\u{201E}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written (char by char), to check the fast one against.
    pub fn reference_tokenize(text: &str) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        let mut chars = text.char_indices().peekable();
        let mut newline = false;
        let mut space = false;

        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() || c.is_control() {
                if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
                    newline = true;
                }
                space = true;
                chars.next();
                continue;
            }
            let start = i;
            let mut end;
            let kind;
            if is_word_char(c) {
                kind = if c.is_ascii_digit() || c.is_numeric() { TokKind::Number } else { TokKind::Word };
                end = i + c.len_utf8();
                chars.next();
                loop {
                    let Some(&(j, d)) = chars.peek() else { break };
                    if is_word_char(d) {
                        end = j + d.len_utf8();
                        chars.next();
                        continue;
                    }
                    if !joins(text, start, j, d, kind) {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                if takes_period(text, start, end, kind) {
                    end += 1;
                    chars.next();
                }
            } else {
                end = i + c.len_utf8();
                chars.next();
                kind = TokKind::Word;
                let possessive = glued_possessive(text, i, c, space, &tokens);
                if possessive {
                    end += 1;
                    chars.next();
                }
                let kind = if possessive { kind } else { TokKind::Punct };
                tokens.push(Token { start, end, kind, newline_before: newline, space_before: space });
                newline = false;
                space = false;
                continue;
            }
            tokens.push(Token { start, end, kind, newline_before: newline, space_before: space });
            newline = false;
            space = false;
        }
        tokens
    }

    #[test]
    fn fast_tokenizer_equals_the_reference() {
        let mut texts: Vec<String> = vec![
            "Mr. Xi Jinping’s U.S. trip, Kim Jong-un's visit. Walt Disney Co.\nThe U.S.\nMr. X".into(),
            "1,000 at 10:30 on 1/7/2019, 3.5% don't rock 'n' roll Jones' 'em a.m. p.m. U.N. e.g.".into(),
            "e\u{301}e\u{301} Zoe\u{308} İstanbul ΣΊΣΥΦΟΣ 北京 Beijing ٠١٢ مرحبا 😀a😀 \u{0}\u{1}\r\n\u{2029}x\u{2028}".into(),
            "a.b.c. ... ''' --- A- -B Co. Corp. INC. St. ST. ſt. Kelvin \u{212A}o. ñ. Ñ. x.\u{301}y. 5th-6th 3-D".into(),
            "’s ’S 's 'S s' O’Brien ‘quoted’ “double” x’’ y'' end.".into(),
        ];
        // every short string over a small alphabet of tricky characters
        let alphabet = ['a', 'B', '1', '.', '\'', '’', '-', ' ', '\n', 's', 'é', '\u{301}', ',', '/', ':'];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    for d in ['a', '.', 's', ' ', '1', 'S'] {
                        texts.push([a, b, c, d].iter().collect());
                    }
                }
            }
        }
        for t in &texts {
            assert_eq!(tokenize(t), reference_tokenize(t), "{t:?}");
        }
    }

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn names_possessives_and_abbreviations() {
        assert_eq!(
            toks("Mr. Xi Jinping’s U.S. trip, Kim Jong-un's visit."),
            ["Mr.", "Xi", "Jinping", "’s", "U.S.", "trip", ",", "Kim", "Jong-un", "'s", "visit", "."]
        );
    }

    #[test]
    fn abbreviation_period_at_line_end_ends_the_sentence() {
        assert_eq!(toks("bid by Walt Disney Co.\nThe U.S.\nMr. X"), ["bid", "by", "Walt", "Disney", "Co", ".", "The", "U.S", ".", "Mr.", "X"]);
    }

    #[test]
    fn numbers_keep_inner_separators() {
        assert_eq!(toks("1,000 at 10:30 on 1/7/2019, 3.5%"), ["1,000", "at", "10:30", "on", "1/7/2019", ",", "3.5", "%"]);
    }

    #[test]
    fn contractions_stay_whole() {
        assert_eq!(toks("don't rock 'n' roll"), ["don't", "rock", "'", "n", "'", "roll"]);
    }

    #[test]
    fn sentences_split_at_terminals_and_lines() {
        let text = "He left. “We will,” he said. Mr. Lu spoke\nNew line here";
        let t = tokenize(text);
        let s = sentences(text, &t);
        let spans: Vec<&str> = s.iter().map(|s| &text[t[s.first].start..t[s.end - 1].end]).collect();
        assert_eq!(spans, ["He left.", "“We will,” he said.", "Mr. Lu spoke", "New line here"]);
    }

    #[test]
    fn odd_input_never_panics() {
        for text in ["", " ", "\u{0}\u{1}", "😀😀", "e\u{301}", "'''", "...", "a.b.c.", "\r\n\r\n", "٠١٢ مرحبا"] {
            let t = tokenize(text);
            let _ = sentences(text, &t);
            for tok in &t {
                assert!(text.is_char_boundary(tok.start) && text.is_char_boundary(tok.end));
            }
        }
    }
}
