//! Finding quotation spans: pair opening and closing marks paragraph by paragraph, telling
//! quotation marks from apostrophes, and following the newspaper convention for quotes that run
//! over several paragraphs. A stray or missing mark never leaks past its own paragraph.

/// One quoted segment (a quote running over several paragraphs gives one segment per paragraph).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte offsets; `start..end` includes the marks, `content_start..content_end` excludes them.
    pub start: usize,
    pub end: usize,
    pub content_start: usize,
    pub content_end: usize,
    /// Double marks (“…”, "…", «…», „…“) rather than single ones (‘…’, '…').
    pub double: bool,
    /// Continues the quote left open at the end of the previous paragraph.
    pub continued: bool,
    /// Left open at the end of its paragraph and taken up by the next one.
    pub continues: bool,
    /// A closing mark was found (false: the segment runs to the end of its paragraph).
    pub closed: bool,
    /// A double-quoted quotation set inside another double-quoted passage (“…” inside "…"): the
    /// passage is split around it, and it is reported on its own.
    pub nested: bool,
    /// The rest of a passage after a quotation nested in it: the same words, the same speaker.
    pub resumes: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
    /// Straight `"` with nothing to tell its direction: close an open quote, else open one.
    Toggle,
}

fn is_double(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{FF02}')
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}')
}

/// Any quotation mark (double or single).
pub fn is_quote_mark(c: char) -> bool {
    is_double(c) || is_single(c)
}

/// Characters after which a mark followed by text opens a quote.
fn opens_after(p: char) -> bool {
    p.is_whitespace()
        || matches!(p, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '\u{2015}' | '-' | '/' | ':' | ';' | ',' | '…')
        || is_quote_mark(p)
}

/// Characters before which a mark following text closes a quote.
fn closes_before(n: char) -> bool {
    n.is_whitespace()
        || matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{2014}' | '\u{2013}' | '\u{2015}' | '-' | '/' | '…')
        || is_quote_mark(n)
}

/// Direction of a mark from its neighbours (`None` = start/end of paragraph), then its glyph.
fn role(c: char, prev: Option<char>, next: Option<char>) -> Role {
    // French spacing: `« Nous sommes prêts », a déclaré …`. A guillemet with a space on its inner
    // side and no letter on its outer side points the way it is drawn.
    let space = |x: Option<char>| x.map_or(false, char::is_whitespace);
    let letter = |x: Option<char>| x.map_or(false, char::is_alphanumeric);
    match c {
        '\u{00AB}' | '\u{2039}' if space(next) && !letter(prev) => return Role::Open,
        '\u{00BB}' | '\u{203A}' if space(prev) && !letter(next) => return Role::Close,
        _ => {}
    }
    let left = next.map_or(false, |n| !n.is_whitespace()) && prev.map_or(true, opens_after);
    let right = prev.map_or(false, |p| !p.is_whitespace()) && next.map_or(true, closes_before);
    match (left, right) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => match c {
            '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{2018}' | '\u{201A}' | '\u{2039}' => Role::Open,
            '\u{201D}' | '\u{00BB}' | '\u{2019}' | '\u{203A}' => Role::Close,
            _ => Role::Toggle,
        },
    }
}

/// Elisions that start with an apostrophe: rock 'n' roll, 'em, 'til, 'cause, '90s.
fn is_elision(rest: &str) -> bool {
    let mut it = rest.chars();
    match it.next() {
        Some(d) if d.is_ascii_digit() => return true,
        None => return false,
        _ => {}
    }
    // the word's length in `rest` itself: lower-casing may change it (İ → i̇)
    let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    let after = rest[len..].chars().next();
    let word_ends = after.map_or(true, |a| !a.is_alphanumeric());
    word_ends
        && len <= 5
        && matches!(
            rest[..len].to_ascii_lowercase().as_str(),
            "n" | "em" | "til" | "cause" | "bout" | "tis" | "twas" | "round" | "nuff" | "cos" | "ol" | "s"
        )
}

#[derive(Clone, Copy, Debug)]
struct Open {
    pos: usize,
    len: usize,
    double: bool,
    /// Straight mark (" or '') rather than a typographic one.
    straight: bool,
}

/// Find the outermost quoted segments of `text`, sorted and non-overlapping.
#[inline(never)]
pub fn find(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut pending_open = false; // previous paragraph ended inside a double quote
    let mut para_start = 0;
    let bytes = text.as_bytes();
    while para_start <= text.len() {
        let para_end = line_break(&bytes[para_start..]).map_or(text.len(), |i| para_start + i);
        let para = &text[para_start..para_end];
        let first_mark = para.trim_start().chars().next().map_or(false, is_double);
        let continued = pending_open && first_mark;
        pending_open = paragraph(text, para_start, para_end, continued, &mut out);
        if para_end >= text.len() {
            break;
        }
        let nl = text[para_end..].chars().next().map_or(1, char::len_utf8);
        para_start = para_end + nl;
        // blank lines between paragraphs keep `pending_open`
        while para_start < text.len() && matches!(bytes[para_start], b'\n' | b'\r') {
            para_start += 1;
        }
    }
    // A segment left open only counts as "continues" if the next one really is its continuation.
    for i in 0..out.len() {
        let next_continued = out.get(i + 1).map_or(false, |s: &Segment| s.continued);
        if out[i].continues && !next_continued {
            out[i].continues = false;
        }
    }
    out
}

/// Byte position of the first `\n`, `\r` or U+2029 (paragraph separator) in `b`. Words of eight
/// bytes holding none of `\n`, `\r` and 0xE2 (U+2029's lead byte) are skipped whole.
fn line_break(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(w) = b.get(i..i + 8) {
        let w = word(w);
        if has_byte(w, b'\n') || has_byte(w, b'\r') || has_byte(w, 0xE2) {
            break;
        }
        i += 8;
    }
    b[i..].iter().enumerate().position(|(j, &x)| x == b'\n' || x == b'\r' || (x == 0xE2 && b[i + j + 1..].starts_with(&[0x80, 0xA9]))).map(|j| i + j)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight bytes as one little-endian word (`w` holds exactly eight).
#[inline]
fn word(w: &[u8]) -> u64 {
    u64::from_le_bytes(w.try_into().unwrap_or([0; 8]))
}

/// Whether some byte of `w` equals `c` (the exact "has a zero byte" bit trick on `w ^ c…c`).
#[inline]
fn has_byte(w: u64, c: u8) -> bool {
    let x = w ^ (ONES * c as u64);
    x.wrapping_sub(ONES) & !x & HIGH != 0
}

/// Whether all eight bytes of `w` are plain ASCII other than `"`, `'` and `` ` ``.
#[inline]
fn all_plain(w: u64) -> bool {
    w & HIGH == 0 && !has_byte(w, b'"') && !has_byte(w, b'\'') && !has_byte(w, b'`')
}

/// Pair the marks of one paragraph; push its outermost segments. Returns whether the paragraph
/// ends inside an open double quote.
fn paragraph(text: &str, start: usize, end: usize, continued: bool, out: &mut Vec<Segment>) -> bool {
    let para = &text[start..end];
    let mut stack: Vec<Open> = Vec::new();
    // Completed segments nested inside a still-open outer quote, in case that one never closes.
    let mut inner: Vec<Segment> = Vec::new();
    let first_out = out.len();
    let mut prev: Option<char> = None;
    let pb = para.as_bytes();
    // the character at byte `k` of the paragraph (`None` at its end)
    let char_at = |k: usize| para.get(k..).and_then(|r| r.chars().next());
    // plain ASCII other than the three marks: the common case, skipped a run at a time
    let plain = |b: u8| b < 0x80 && !matches!(b, b'"' | b'\'' | b'`');
    let mut k = 0; // the next byte not yet read
    while k < pb.len() {
        if plain(pb[k]) {
            let mut j = k + 1;
            while let Some(w) = pb.get(j..j + 8) {
                if !all_plain(word(w)) {
                    break;
                }
                j += 8;
            }
            while j < pb.len() && plain(pb[j]) {
                j += 1;
            }
            prev = Some(pb[j - 1] as char);
            k = j;
            continue;
        }
        let i = k;
        let Some(c) = char_at(i) else { break };
        k = i + c.len_utf8();
        if is_combining(c) {
            continue; // part of the character before
        }
        let mut next = char_at(k);
        if !(is_double(c) || is_single(c) || c == '`') {
            prev = Some(c);
            continue;
        }
        let pos = start + i;
        let mut len = c.len_utf8();
        let mut double = is_double(c);
        // Typewriter doubles: '' and `` stand for one double mark (news archives, PTB text).
        let typewriter = (c == '\'' && next == Some('\'')) || (c == '`' && next == Some('`'));
        if typewriter {
            k += 1;
            len = 2;
            double = true;
        } else if c == '`' {
            prev = Some(c);
            continue;
        }
        // (`len` is no test here: « and » are two bytes long too)
        let c = if c == '`' { '\u{201C}' } else if typewriter { '"' } else { c };
        // marks stacked on the quotation mark are part of it
        while let Some(d) = char_at(k) {
            if !is_combining(d) {
                break;
            }
            len += d.len_utf8();
            k += d.len_utf8();
        }
        next = char_at(k);
        if prev == Some('=') {
            // markup, not prose: author="…" in pasted HTML
            prev = Some(c);
            while let Some(d) = char_at(k) {
                k += d.len_utf8();
                if d == c {
                    break;
                }
            }
            continue;
        }
        let mut r = role(c, prev, next);
        if !double {
            let letter_before = prev.map_or(false, |p| p.is_alphanumeric());
            let letter_after = next.map_or(false, |n| n.is_alphanumeric());
            let single_open = stack.iter().any(|o| !o.double);
            if letter_before && letter_after {
                prev = Some(c);
                continue; // don't, O’Brien
            }
            if r == Role::Open || (r == Role::Toggle && !single_open) {
                if is_elision(&para[i + len..]) {
                    prev = Some(c);
                    continue;
                }
                r = Role::Open;
            } else {
                // A closing single mark only closes an open single quote (Jones' book), and the
                // second apostrophe of rock 'n' roll closes nothing.
                let before = &para[..i];
                let n_elision = (before.ends_with("'n") || before.ends_with("\u{2019}n") || before.ends_with("'N") || before.ends_with("\u{2019}N"))
                    && !before[..before.len() - 1].trim_end_matches(['\'', '\u{2019}']).ends_with(char::is_alphanumeric);
                if !single_open || n_elision {
                    prev = Some(c);
                    continue;
                }
                r = Role::Close;
            }
        }
        let double_open = stack.iter().any(|o| o.double);
        let r = match r {
            Role::Toggle if double_open && stack.last().map_or(false, |o| o.double) => Role::Close,
            Role::Toggle if double_open => Role::Close,
            Role::Toggle => Role::Open,
            r => r,
        };
        match r {
            Role::Open => {
                let straight = c == '"';
                // News never nests a quote in marks of its own style: an open mark of the same
                // style means the earlier one was stray, and it costs only itself.
                if double && stack.last().map_or(false, |o| o.double && o.straight == straight) {
                    stack.pop();
                }
                stack.push(Open { pos, len, double, straight })
            }
            Role::Close | Role::Toggle => {
                let Some(k) = stack.iter().rposition(|o| o.double == double) else {
                    prev = Some(c);
                    continue; // stray closing mark
                };
                let o = stack[k];
                stack.truncate(k);
                let seg = Segment {
                    start: o.pos,
                    end: pos + len,
                    content_start: o.pos + o.len,
                    content_end: pos,
                    double,
                    continued: false,
                    continues: false,
                    closed: true,
                    nested: false,
                    resumes: false,
                };
                if stack.is_empty() {
                    push_outer(text, out, seg, &mut inner);
                } else if k == 0 || stack.iter().all(|o| !o.double) {
                    inner.push(seg);
                } else {
                    inner.push(seg);
                }
            }
        }
        prev = Some(c);
    }
    // Unclosed single quotes were apostrophes after all; an unclosed double runs to the paragraph
    // end (the multi-paragraph convention, or a missing closing mark).
    let outer = stack.iter().find(|o| o.double).copied();
    let para_trim_end = start + para.trim_end().len();
    if let Some(o) = outer {
        let content_end = para_trim_end.max(o.pos + o.len);
        // Quotes closed inside the open one go with it; those before it stand on their own.
        let mut within: Vec<Segment> = inner.iter().filter(|s| s.start > o.pos).copied().collect();
        inner.retain(|s| s.end <= o.pos);
        push_outermost(out, &mut inner);
        let seg = Segment {
            start: o.pos,
            end: content_end,
            content_start: o.pos + o.len,
            content_end,
            double: true,
            continued: false,
            continues: true,
            closed: false,
            nested: false,
            resumes: false,
        };
        if seg.content_start < seg.content_end {
            split_nested(text, out, seg, &mut within);
        }
    } else {
        push_outermost(out, &mut inner);
    }
    out[first_out..].sort_by_key(|s| s.start);
    if continued {
        if let Some(s) = out.get_mut(first_out) {
            if text[start..s.start].trim().is_empty() {
                s.continued = true;
            }
        }
    }
    outer.is_some()
}

/// Push the outermost of `segs` (closed inside a mark that never closed), never two that overlap.
fn push_outermost(out: &mut Vec<Segment>, segs: &mut Vec<Segment>) {
    segs.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut last_end = 0;
    for s in segs.drain(..) {
        if s.start >= last_end && s.content_start <= s.content_end {
            last_end = s.end;
            out.push(s);
        }
    }
}

/// Combining marks belong to the character before them (a mark on a quotation mark stays in the
/// quote's span).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Push an outermost segment; segments recorded inside it are dropped, but for double-quoted
/// ones, which split it (see [`split_nested`]).
fn push_outer(text: &str, out: &mut Vec<Segment>, seg: Segment, inner: &mut Vec<Segment>) {
    let mut within: Vec<Segment> = Vec::new();
    inner.retain(|s| {
        let outside = s.end <= seg.start || s.start >= seg.end;
        if !outside {
            within.push(*s);
        }
        outside
    });
    if seg.content_start <= seg.content_end {
        split_nested(text, out, seg, &mut within);
    }
}

/// Push `seg`, split around the double-quoted quotations nested in it (`within`: segments closed
/// inside it). A double-quoted passage inside another (only possible with mixed marks: “…”
/// inside "…", as when a straight-quoted excerpt quotes someone) is a quotation of its own: the
/// passage before it is one piece, the nested quotation the next, and the rest of the passage
/// resumes after it. Single-quoted phrases stay inside their piece.
fn split_nested(text: &str, out: &mut Vec<Segment>, seg: Segment, within: &mut Vec<Segment>) {
    within.retain(|s| s.double && s.start >= seg.content_start && s.end <= seg.content_end);
    if within.is_empty() {
        out.push(seg);
        return;
    }
    within.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let has_words = |a: usize, b: usize| text.get(a..b).map_or(false, |t| t.chars().any(char::is_alphanumeric));
    // a piece of the passage between byte `a` and `b`, without the blanks at its ends
    let piece = |a: usize, b: usize| -> (usize, usize) {
        let t = &text[a..b];
        let a2 = a + (t.len() - t.trim_start().len());
        (a2, a2.max(a + t.trim_end().len()))
    };
    let mut cursor = seg.content_start;
    let mut first = true;
    let mut last_end = seg.content_start;
    for s in within.drain(..) {
        if s.start < last_end {
            continue; // nested deeper still: stays inside its own piece
        }
        if has_words(cursor, s.start) {
            let (a, b) = piece(cursor, s.start);
            let start = if first { seg.start } else { a };
            out.push(Segment { start, end: b, content_start: a, content_end: b, closed: false, continues: false, nested: false, resumes: !first, ..seg });
        }
        out.push(Segment { nested: true, resumes: false, continued: false, continues: false, ..s });
        cursor = s.end;
        last_end = s.end;
        first = false; // (with no words before it, the opening mark stands alone)
    }
    if has_words(cursor, seg.content_end) {
        let (a, _) = piece(cursor, seg.content_end);
        out.push(Segment { start: a, content_start: a, nested: false, resumes: true, ..seg });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `find` as first written (char by char over each paragraph), to check the fast one against.
    fn reference_find(text: &str) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut pending_open = false; // previous paragraph ended inside a double quote
        let mut para_start = 0;
        let bytes = text.as_bytes();
        while para_start <= text.len() {
            let para_end = line_break(&bytes[para_start..]).map_or(text.len(), |i| para_start + i);
            let para = &text[para_start..para_end];
            let first_mark = para.trim_start().chars().next().map_or(false, is_double);
            let continued = pending_open && first_mark;
            pending_open = reference_paragraph(text, para_start, para_end, continued, &mut out);
            if para_end >= text.len() {
                break;
            }
            let nl = text[para_end..].chars().next().map_or(1, char::len_utf8);
            para_start = para_end + nl;
            // blank lines between paragraphs keep `pending_open`
            while para_start < text.len() && matches!(bytes[para_start], b'\n' | b'\r') {
                para_start += 1;
            }
        }
        // A segment left open only counts as "continues" if the next one really is its continuation.
        for i in 0..out.len() {
            let next_continued = out.get(i + 1).map_or(false, |s: &Segment| s.continued);
            if out[i].continues && !next_continued {
                out[i].continues = false;
            }
        }
        out
    }

    /// The paragraph pass as first written (see `reference_find`).
    fn reference_paragraph(text: &str, start: usize, end: usize, continued: bool, out: &mut Vec<Segment>) -> bool {
        let para = &text[start..end];
        let mut stack: Vec<Open> = Vec::new();
        // Completed segments nested inside a still-open outer quote, in case that one never closes.
        let mut inner: Vec<Segment> = Vec::new();
        let first_out = out.len();
        let mut prev: Option<char> = None;
        let mut chars = para.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_ascii() && !matches!(c, '"' | '\'' | '`') {
                prev = Some(c); // the common case, decided at once
                continue;
            }
            if is_combining(c) {
                continue; // part of the character before
            }
            let mut next = chars.peek().map(|&(_, n)| n);
            if !(is_double(c) || is_single(c) || c == '`') {
                prev = Some(c);
                continue;
            }
            let pos = start + i;
            let mut len = c.len_utf8();
            let mut double = is_double(c);
            // Typewriter doubles: '' and `` stand for one double mark (news archives, PTB text).
            let typewriter = (c == '\'' && next == Some('\'')) || (c == '`' && next == Some('`'));
            if typewriter {
                chars.next();
                len = 2;
                double = true;
            } else if c == '`' {
                prev = Some(c);
                continue;
            }
            let c = if c == '`' { '\u{201C}' } else if typewriter { '"' } else { c };
            // marks stacked on the quotation mark are part of it
            while let Some(&(_, d)) = chars.peek() {
                if !is_combining(d) {
                    break;
                }
                len += d.len_utf8();
                chars.next();
            }
            next = chars.peek().map(|&(_, n)| n);
            if prev == Some('=') {
                // markup, not prose: author="…" in pasted HTML
                prev = Some(c);
                while let Some((_, d)) = chars.next() {
                    if d == c {
                        break;
                    }
                }
                continue;
            }
            let mut r = role(c, prev, next);
            if !double {
                let letter_before = prev.map_or(false, |p| p.is_alphanumeric());
                let letter_after = next.map_or(false, |n| n.is_alphanumeric());
                let single_open = stack.iter().any(|o| !o.double);
                if letter_before && letter_after {
                    prev = Some(c);
                    continue; // don't, O’Brien
                }
                if r == Role::Open || (r == Role::Toggle && !single_open) {
                    if is_elision(&para[i + len..]) {
                        prev = Some(c);
                        continue;
                    }
                    r = Role::Open;
                } else {
                    // A closing single mark only closes an open single quote (Jones' book), and the
                    // second apostrophe of rock 'n' roll closes nothing.
                    let before = &para[..i];
                    let n_elision = (before.ends_with("'n") || before.ends_with("\u{2019}n") || before.ends_with("'N") || before.ends_with("\u{2019}N"))
                        && !before[..before.len() - 1].trim_end_matches(['\'', '\u{2019}']).ends_with(char::is_alphanumeric);
                    if !single_open || n_elision {
                        prev = Some(c);
                        continue;
                    }
                    r = Role::Close;
                }
            }
            let double_open = stack.iter().any(|o| o.double);
            let r = match r {
                Role::Toggle if double_open && stack.last().map_or(false, |o| o.double) => Role::Close,
                Role::Toggle if double_open => Role::Close,
                Role::Toggle => Role::Open,
                r => r,
            };
            match r {
                Role::Open => {
                    let straight = c == '"';
                    // News never nests a quote in marks of its own style: an open mark of the same
                    // style means the earlier one was stray, and it costs only itself.
                    if double && stack.last().map_or(false, |o| o.double && o.straight == straight) {
                        stack.pop();
                    }
                    stack.push(Open { pos, len, double, straight })
                }
                Role::Close | Role::Toggle => {
                    let Some(k) = stack.iter().rposition(|o| o.double == double) else {
                        prev = Some(c);
                        continue; // stray closing mark
                    };
                    let o = stack[k];
                    stack.truncate(k);
                    let seg = Segment {
                        start: o.pos,
                        end: pos + len,
                        content_start: o.pos + o.len,
                        content_end: pos,
                        double,
                        continued: false,
                        continues: false,
                        closed: true,
                        nested: false,
                        resumes: false,
                    };
                    if stack.is_empty() {
                        push_outer(text, out, seg, &mut inner);
                    } else if k == 0 || stack.iter().all(|o| !o.double) {
                        inner.push(seg);
                    } else {
                        inner.push(seg);
                    }
                }
            }
            prev = Some(c);
        }
        // Unclosed single quotes were apostrophes after all; an unclosed double runs to the paragraph
        // end (the multi-paragraph convention, or a missing closing mark).
        let outer = stack.iter().find(|o| o.double).copied();
        let para_trim_end = start + para.trim_end().len();
        if let Some(o) = outer {
            let content_end = para_trim_end.max(o.pos + o.len);
            // Quotes closed inside the open one go with it; those before it stand on their own.
            let mut within: Vec<Segment> = inner.iter().filter(|s| s.start > o.pos).copied().collect();
            inner.retain(|s| s.end <= o.pos);
            push_outermost(out, &mut inner);
            let seg = Segment {
                start: o.pos,
                end: content_end,
                content_start: o.pos + o.len,
                content_end,
                double: true,
                continued: false,
                continues: true,
                closed: false,
                nested: false,
                resumes: false,
            };
            if seg.content_start < seg.content_end {
                split_nested(text, out, seg, &mut within);
            }
        } else {
            push_outermost(out, &mut inner);
        }
        out[first_out..].sort_by_key(|s| s.start);
        if continued {
            if let Some(s) = out.get_mut(first_out) {
                if text[start..s.start].trim().is_empty() {
                    s.continued = true;
                }
            }
        }
        outer.is_some()
    }

    #[test]
    fn word_tests_match_byte_tests() {
        let plain = |b: u8| b < 0x80 && !matches!(b, b'"' | b'\'' | b'`');
        for special in 0..=255u8 {
            for filler in [b'a', b' ', 0x7F, 0x80, 0xE2, 0xFF, b'\n', b'"', 0x01] {
                for at in 0..8 {
                    let mut w = [filler; 8];
                    w[at] = special;
                    let x = u64::from_le_bytes(w);
                    assert_eq!(all_plain(x), w.iter().all(|&b| plain(b)), "{w:?}");
                    for c in [b'\n', b'\r', 0xE2] {
                        assert_eq!(has_byte(x, c), w.contains(&c), "{w:?} {c}");
                    }
                }
            }
        }
        // line breaks past the first word
        assert_eq!(line_break(b"abcdefghijk\nx"), Some(11));
        assert_eq!(line_break("abcdefgh\u{2029}".as_bytes()), Some(8));
        assert_eq!(line_break("abcdefgh\u{2014}".as_bytes()), None);
    }

    #[test]
    fn fast_scan_equals_the_reference() {
        let alphabet = ['a', ' ', '"', '\'', '`', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '=', '\u{301}', '\n', '.', 'n', 's', '\u{AB}', '\u{2029}'];
        let mut texts: Vec<String> = Vec::new();
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    for d in alphabet {
                        texts.push([a, b, c, d].iter().collect());
                    }
                }
            }
        }
        // longer texts from a fixed pseudo-random sequence
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..(x % 40) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            texts.push(t);
        }
        for t in &texts {
            assert_eq!(find(t), reference_find(t), "{t:?}");
        }
    }

    fn quotes(text: &str) -> Vec<&str> {
        find(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn straight_and_typographic_marks() {
        assert_eq!(quotes("He said \"yes\" and “no” and «oui» and „ja“."), ["\"yes\"", "“no”", "«oui»", "„ja“"]);
        // regression: French spacing paired the closing guillemet with nothing after it
        assert_eq!(quotes("« Nous sommes prêts », a déclaré Macron."), ["« Nous sommes prêts »"]);
        assert_eq!(quotes("Er sagte »Wir sind bereit« und ging."), ["»Wir sind bereit«"]);
        assert_eq!(quotes("‘Single’ marks, too."), ["‘Single’"]);
        assert_eq!(quotes("''Archive style,'' he said, ``and PTB.''"), ["''Archive style,''", "``and PTB.''"]);
        assert_eq!(quotes("It's 'fine', she said."), ["'fine'"]);
    }

    #[test]
    fn content_excludes_marks() {
        let t = "A “new path” ahead";
        let s = find(t)[0];
        assert_eq!(&t[s.content_start..s.content_end], "new path");
        assert!(s.closed && s.double);
    }

    #[test]
    fn single_inside_double_stays_inside() {
        assert_eq!(quotes("“He called it ‘fake news’ today,” she said."), ["“He called it ‘fake news’ today,”"]);
        assert_eq!(quotes("\"She said 'no' twice,\" he said."), ["\"She said 'no' twice,\""]);
    }

    #[test]
    fn double_inside_double_is_a_quotation_of_its_own() {
        // a straight-quoted passage quoting someone in typographic marks is split around it
        let t = "\"Trump tried to laugh it off by interjecting, “Only Rosie O’Donnell.” But Kelly was relentless.\"";
        assert_eq!(quotes(t), ["\"Trump tried to laugh it off by interjecting,", "“Only Rosie O’Donnell.”", "But Kelly was relentless.\""]);
        let s = find(t);
        assert!(!s[0].nested && !s[0].resumes && s[1].nested && s[2].resumes && s[2].closed);
        // the same in a passage left open at the paragraph end, and at the start of a passage
        let t = "\"Trump walked onto the stage, chanting “U-S-A! U-S-A!”\n\n\"“If I was a donor, I’d want answers.”";
        assert_eq!(quotes(t), ["\"Trump walked onto the stage, chanting", "“U-S-A! U-S-A!”", "“If I was a donor, I’d want answers.”"]);
        // single marks stay inside their piece
        let t = "\"I read “The Post” and ‘The Sun’ daily,\" he said.";
        assert_eq!(quotes(t), ["\"I read", "“The Post”", "and ‘The Sun’ daily,\""]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(find("I don't know. Back in the '90s we played rock 'n' roll.").is_empty());
        assert!(find("Jones' book and the Joneses' car aren't O’Brien’s.").is_empty());
        assert_eq!(quotes("“We don't like the ’80s or Jones’ book,” he said."), ["“We don't like the ’80s or Jones’ book,”"]);
        assert_eq!(quotes("‘Rock ’n’ roll’"), ["‘Rock ’n’ roll’"]);
    }

    #[test]
    fn multi_paragraph_convention() {
        let t = "“First part of the speech.\n\n“Second part,” she said.\n\nNo quote here.";
        let s = find(t);
        assert_eq!(s.len(), 2);
        assert_eq!(&t[s[0].start..s[0].end], "“First part of the speech.");
        assert!(s[0].continues && !s[0].continued && !s[0].closed);
        assert_eq!(&t[s[1].start..s[1].end], "“Second part,”");
        assert!(s[1].continued && !s[1].continues && s[1].closed);
    }

    #[test]
    fn three_paragraph_quote_with_straight_marks() {
        let t = "\"One.\n\"Two.\n\"Three.\"\nAfter.";
        let s = find(t);
        assert_eq!(s.len(), 3);
        assert!(s[0].continues && s[1].continued && s[1].continues && s[2].continued && s[2].closed);
    }

    #[test]
    fn unbalanced_marks_cost_only_their_paragraph() {
        let t = "He said “this never closes.\n\nLater, “a real quote,” she said. And “another.”";
        assert_eq!(quotes(t), ["“this never closes.", "“a real quote,”", "“another.”"]);
        let s = find(t);
        assert!(!s[0].closed && !s[0].continues && !s[1].continued);
        // a stray closing mark is ignored; a stray opening mark costs only itself
        assert_eq!(quotes("Odd” mark. Then “ok” here."), ["“ok”"]);
        assert_eq!(quotes("A stray “ mark, then “a real quote,” he said."), ["“a real quote,”"]);
        assert_eq!(quotes("A stray \" mark, then \"a real quote,\" he said."), ["\"a real quote,\""]);
        // mismatched glyphs still pair
        assert_eq!(quotes("the “work-related\" emails"), ["“work-related\""]);
        // attribute values in pasted markup are not quotations
        assert_eq!(quotes("<tweet author=\"tedcruz\" id=\"12\">Our “prayers” here</tweet>"), ["“prayers”"]);
    }

    #[test]
    fn combining_marks_stay_with_their_mark() {
        let t = "\u{201c}\u{301}We will\u{301},\u{201d}\u{316} said Jose\u{301}.";
        let s = find(t);
        assert_eq!(s.len(), 1);
        assert!(t[s[0].end..].starts_with(' '));
        assert_eq!(&t[s[0].content_start..s[0].content_end], "We will\u{301},");
        // an apostrophe under a mark is still an apostrophe
        assert!(find("don\u{301}'\u{301}t").is_empty());
        // lower-casing that changes a word's length never cuts a character
        let _ = find("x 'İİİ 'ẞ' y");
    }

    #[test]
    fn never_overlapping_when_an_outer_single_never_closes() {
        let t = "M'x i\"25 ,\"a \u{c}'b' c\" end";
        let s = find(t);
        for w in s.windows(2) {
            assert!(w[0].end <= w[1].start, "{s:?}");
        }
    }

    #[test]
    fn many_quotations_nested_in_one_passage() {
        let t = format!("\"{}end\"", "“a” x ".repeat(10_000));
        let s = find(&t);
        assert_eq!(s.len(), 20_000); // each quotation and the words after it
        assert!(s.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!(s.iter().filter(|x| x.nested).count(), 10_000);
    }

    #[test]
    fn odd_input_never_panics() {
        for t in ["", "\"", "“", "'", "''''", "\"\"\"", "“”“”", "\n\n\"\n\"", "😀\"😀\"", "e\u{301}'", "\r\n\"a\r\n\"b\""] {
            for s in find(t) {
                assert!(s.start <= s.content_start && s.content_start <= s.content_end && s.content_end <= s.end);
                assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
            }
        }
    }

    #[test]
    fn line_breaks_found_by_bytes() {
        assert_eq!(line_break(b"ab\ncd"), Some(2));
        assert_eq!(line_break(b"ab\r\n"), Some(2));
        assert_eq!(line_break("a\u{2029}b".as_bytes()), Some(1));
        assert_eq!(line_break("a\u{2028}b\u{20AC}".as_bytes()), None);
        assert_eq!(line_break(b"\xE2"), None);
        assert_eq!(line_break(b""), None);
    }
}
