//! The date layer's view of the text: the shared tokens re-split at inner hyphens (`third-quarter`
//! → `third - quarter`), lower-cased once into one buffer, plus the small lookup tables every pattern
//! family uses (months, weekdays, units, number words, ordinals).

use crate::text::{Doc, TokKind};

/// One token of the date layer (byte offsets into the text).
#[derive(Clone, Copy, Debug)]
pub struct T {
    pub s: usize,
    pub e: usize,
    /// Range of the lower-cased form in [`Toks::lower`].
    lo: (u32, u32),
    pub num: bool,
    pub punct: bool,
    /// Sentence index.
    pub sent: u32,
    /// Whitespace before this token.
    pub space: bool,
}

/// Tokens of one document, with lower-cased forms.
pub struct Toks<'a> {
    pub text: &'a str,
    pub t: Vec<T>,
    lower: String,
    /// First token index of each sentence (plus a final sentinel).
    pub sent_start: Vec<usize>,
}

impl<'a> Toks<'a> {
    pub fn new(doc: &Doc<'a>) -> Toks<'a> {
        let text = doc.text;
        let mut t = Vec::with_capacity(doc.tokens.len() + 16);
        // The whole text lower-cased in one pass: a token's lower-cased form is then the same byte
        // range of `lower`, with no per-token copy. Only a token holding a typographic apostrophe
        // (`’`, read as `'`) gets its own copy, appended after the text.
        let mut lower = String::with_capacity(text.len() + 64);
        lower.push_str(text);
        lower.make_ascii_lowercase();
        let mut sent_start = Vec::with_capacity(doc.sentences.len() + 1);
        let push = |t: &mut Vec<T>, s: usize, e: usize, kind: TokKind, sent: u32, space: bool| {
            let lo = (s as u32, e as u32);
            t.push(T {
                s,
                e,
                lo,
                num: kind == TokKind::Number,
                punct: kind == TokKind::Punct,
                sent,
                space,
            });
        };
        for (si, sen) in doc.sentences.iter().enumerate() {
            sent_start.push(t.len());
            for tok in &doc.tokens[sen.first.min(doc.tokens.len())..sen.end.min(doc.tokens.len())] {
                // (bytes: no char-boundary checks for the many tokens that are not split)
                let wb = text.as_bytes().get(tok.start..tok.end).unwrap_or(b"");
                if tok.kind == TokKind::Word && wb.len() > 1 && wb[1..].iter().any(|&b| b == b'-') {
                    let w = &text[tok.start..tok.end];
                    // split at inner hyphens: each part and each hyphen is a token
                    let mut s = tok.start;
                    let mut first = true;
                    for (k, c) in w.char_indices() {
                        if c == '-' && k > 0 {
                            let p = tok.start + k;
                            if p > s {
                                let kind = if text[s..].starts_with(|c: char| c.is_ascii_digit()) {
                                    TokKind::Number
                                } else {
                                    TokKind::Word
                                };
                                push(&mut t, s, p, kind, si as u32, first && tok.space_before);
                                first = false;
                            }
                            push(&mut t, p, p + 1, TokKind::Punct, si as u32, false);
                            s = p + 1;
                        }
                    }
                    if tok.end > s {
                        let kind = if text[s..].starts_with(|c: char| c.is_ascii_digit()) {
                            TokKind::Number
                        } else {
                            TokKind::Word
                        };
                        push(&mut t, s, tok.end, kind, si as u32, first && tok.space_before);
                    }
                } else {
                    push(&mut t, tok.start, tok.end, tok.kind, si as u32, tok.space_before);
                }
            }
        }
        sent_start.push(t.len());
        // a token holding a typographic apostrophe (`’`, read as `'`) gets its own lower-cased copy,
        // appended after the text; the tokens are in text order, so each `’` finds its token by a
        // binary search
        let apos: Vec<usize> = text.match_indices('\u{2019}').map(|(p, _)| p).collect();
        let mut holders: Vec<usize> = Vec::new();
        if !apos.is_empty() {
            if t.windows(2).all(|w| w[0].s <= w[1].s) {
                for &p in &apos {
                    let k = t.partition_point(|x: &T| x.s <= p);
                    if k > 0 && p < t[k - 1].e && holders.last() != Some(&(k - 1)) {
                        holders.push(k - 1);
                    }
                }
            } else {
                // out of order (never seen): look at every token
                holders = (0..t.len()).filter(|&k| text[t[k].s..t[k].e].contains('\u{2019}')).collect();
            }
        }
        for k in holders {
            let (s, e) = (t[k].s, t[k].e);
            let a = lower.len();
            for c in text[s..e].chars() {
                if c.is_ascii() {
                    lower.push(c.to_ascii_lowercase());
                } else if c == '\u{2019}' {
                    lower.push('\'');
                } else {
                    lower.push(c);
                }
            }
            t[k].lo = (a as u32, lower.len() as u32);
        }
        Toks {
            text,
            t,
            lower,
            sent_start,
        }
    }

    pub fn len(&self) -> usize {
        self.t.len()
    }

    /// Lower-cased token `i`, or "" past the end.
    #[inline]
    pub fn w(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) => &self.lower[t.lo.0 as usize..t.lo.1 as usize],
            None => "",
        }
    }

    /// Original text of token `i`, or "".
    pub fn raw(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) => &self.text[t.s..t.e],
            None => "",
        }
    }

    /// Token `i` starts with an upper-case letter.
    pub fn cap(&self, i: usize) -> bool {
        self.raw(i).chars().next().map_or(false, char::is_uppercase)
    }

    /// Token `i` is written entirely in upper case (a headline or an acronym).
    pub fn all_caps(&self, i: usize) -> bool {
        let r = self.raw(i);
        r.chars().any(char::is_alphabetic) && !r.chars().any(char::is_lowercase)
    }

    /// Token `i` follows token `i-1` with no space, and both are in the same sentence.
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.t.len() && !self.t[i].space
    }

    pub fn same_sent(&self, a: usize, b: usize) -> bool {
        a < self.t.len() && b < self.t.len() && self.t[a].sent == self.t[b].sent
    }

    /// Is token `i` (in the same sentence as `base`) the word `w`?
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.w(i) == w
    }

    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        let x = self.w(i);
        !x.is_empty() && ws.contains(&x)
    }

    /// Token range of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        match self.t.get(i) {
            Some(t) => {
                let s = t.sent as usize;
                (self.sent_start[s], self.sent_start[s + 1])
            }
            None => (0, 0),
        }
    }

    /// The value of a plain digit token (`2019`, `07`), if it is only digits.
    pub fn digits(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        if w.is_empty() || w.len() > 9 {
            return None;
        }
        // at most nine digits: the value fits a u32 (what `parse` gives, without its checks)
        w.bytes().try_fold(0u32, |v, b| b.is_ascii_digit().then(|| v * 10 + (b - b'0') as u32))
    }
}

/// Words (other than figures, month and weekday names, units, numbers and ordinals) that can
/// begin a temporal expression or a modifier in front of one, so that the families only run where
/// something can start (see [`may_start`]). Kept sorted to read and merge easily.
const TRIGGERS: &[&str] = &[
    "a",
    "almost",
    "an",
    "annually",
    "approximately",
    "armistice",
    "as",
    "ash",
    "at",
    "autumn",
    "bastille",
    "beginning",
    "boxing",
    "calendar",
    "christmas",
    "close",
    "columbus",
    "coming",
    "comparable",
    "corresponding",
    "current",
    "currently",
    "daily",
    "distant",
    "dozen",
    "each",
    "earlier",
    "early",
    "easter",
    "eighties",
    "election",
    "end",
    "every",
    "fall",
    "father",
    "few",
    "fewer",
    "fifties",
    "final",
    "fiscal",
    "following",
    "foreseeable",
    "formerly",
    "forties",
    "full",
    "future",
    "good",
    "half",
    "halloween",
    "high",
    "hourly",
    "independence",
    "international",
    "labor",
    "last",
    "late",
    "lately",
    "later",
    "latest",
    "less",
    "long",
    "many",
    "martin",
    "memorial",
    "mid",
    "midday",
    "middle",
    "midnight",
    "monthly",
    "more",
    "most",
    "mother",
    "multiple",
    "near",
    "nearly",
    "new",
    "next",
    "nightly",
    "nineties",
    "no",
    "noon",
    "now",
    "nowadays",
    "numerous",
    "once",
    "over",
    "palm",
    "past",
    "pentecost",
    "per",
    "presently",
    "presidents",
    "previous",
    "recent",
    "recently",
    "right",
    "roughly",
    "same",
    "seventies",
    "several",
    "short",
    "sixties",
    "soon",
    "spring",
    "start",
    "summer",
    "thanksgiving",
    "that",
    "the",
    "then",
    "these",
    "thirties",
    "this",
    "thrice",
    "today",
    "tomorrow",
    "tonight",
    "turn",
    "twenties",
    "twice",
    "up",
    "valentine",
    "veterans",
    "weekly",
    "winter",
    "yearly",
    "yesterday",
];

/// The other words the families look up (month and weekday names, units, numbers, ordinals, with
/// their abbreviations and plurals); with [`TRIGGERS`] they make [`lookup`], the quick
/// "could a date start at this word?" test.
const LOOKUP_WORDS: &[&str] = &[
    "afternoon",
    "afternoon.",
    "afternoons",
    "afternoons.",
    "apr",
    "apr.",
    "april",
    "april.",
    "aug",
    "aug.",
    "august",
    "august.",
    "centuries",
    "centuries.",
    "century",
    "century.",
    "day",
    "day.",
    "days",
    "days.",
    "dec",
    "dec.",
    "decade",
    "decade.",
    "decades",
    "decades.",
    "december",
    "december.",
    "eight",
    "eight.",
    "eighteen",
    "eighteen.",
    "eighteenth",
    "eighteenth.",
    "eighth",
    "eighth.",
    "eighty",
    "eighty.",
    "eleven",
    "eleven.",
    "eleventh",
    "eleventh.",
    "evening",
    "evening.",
    "evenings",
    "evenings.",
    "feb",
    "feb.",
    "february",
    "february.",
    "fifteen",
    "fifteen.",
    "fifteenth",
    "fifteenth.",
    "fifth",
    "fifth.",
    "fifty",
    "fifty.",
    "first",
    "first.",
    "five",
    "five.",
    "fortnight",
    "fortnight.",
    "forty",
    "forty.",
    "four",
    "four.",
    "fourteen",
    "fourteen.",
    "fourteenth",
    "fourteenth.",
    "fourth",
    "fourth.",
    "fri.",
    "fri..",
    "friday",
    "friday.",
    "fridays",
    "hour",
    "hour.",
    "hours",
    "hours.",
    "hr",
    "hr.",
    "hrs",
    "hrs.",
    "jan",
    "jan.",
    "january",
    "january.",
    "jul",
    "jul.",
    "july",
    "july.",
    "jun",
    "jun.",
    "june",
    "june.",
    "mar",
    "mar.",
    "march",
    "march.",
    "may",
    "may.",
    "millennia",
    "millennia.",
    "millennium",
    "millennium.",
    "millenniums",
    "millenniums.",
    "min",
    "min.",
    "mins",
    "mins.",
    "minute",
    "minute.",
    "minutes",
    "minutes.",
    "mon.",
    "mon..",
    "monday",
    "monday.",
    "mondays",
    "month",
    "month.",
    "months",
    "months.",
    "morning",
    "morning.",
    "mornings",
    "mornings.",
    "nd",
    "nd.",
    "night",
    "night.",
    "nights",
    "nights.",
    "nine",
    "nine.",
    "nineteen",
    "nineteen.",
    "nineteenth",
    "nineteenth.",
    "ninety",
    "ninety.",
    "ninth",
    "ninth.",
    "nov",
    "nov.",
    "november",
    "november.",
    "oct",
    "oct.",
    "october",
    "october.",
    "one",
    "one.",
    "overnight",
    "overnight.",
    "quarter",
    "quarter.",
    "quarters",
    "quarters.",
    "rd",
    "rd.",
    "sat.",
    "sat..",
    "saturday",
    "saturday.",
    "saturdays",
    "sec",
    "sec.",
    "second",
    "second.",
    "seconds",
    "seconds.",
    "secs",
    "secs.",
    "sep",
    "sep.",
    "sept",
    "sept.",
    "september",
    "september.",
    "seven",
    "seven.",
    "seventeen",
    "seventeen.",
    "seventeenth",
    "seventeenth.",
    "seventh",
    "seventh.",
    "seventy",
    "seventy.",
    "six",
    "six.",
    "sixteen",
    "sixteen.",
    "sixteenth",
    "sixteenth.",
    "sixth",
    "sixth.",
    "sixty",
    "sixty.",
    "st",
    "st.",
    "sun.",
    "sun..",
    "sunday",
    "sunday.",
    "sundays",
    "ten",
    "ten.",
    "tenth",
    "tenth.",
    "th",
    "th.",
    "third",
    "third.",
    "thirteen",
    "thirteen.",
    "thirteenth",
    "thirteenth.",
    "thirtieth",
    "thirtieth.",
    "thirty",
    "thirty.",
    "three",
    "three.",
    "thu.",
    "thu..",
    "thur.",
    "thur..",
    "thurs.",
    "thurs..",
    "thursday",
    "thursday.",
    "thursdays",
    "tue.",
    "tue..",
    "tues.",
    "tues..",
    "tuesday",
    "tuesday.",
    "tuesdays",
    "twelfth",
    "twelfth.",
    "twelve",
    "twelve.",
    "twentieth",
    "twentieth.",
    "twenty",
    "twenty.",
    "two",
    "two.",
    "wed.",
    "wed..",
    "wednesday",
    "wednesday.",
    "wednesdays",
    "week",
    "week.",
    "weekend",
    "weekend.",
    "weekends",
    "weekends.",
    "weeks",
    "weeks.",
    "year",
    "year.",
    "years",
    "years.",
    "yr",
    "yr.",
    "yrs",
    "yrs.",
    "zero",
    "zero.",
];

/// A fixed set of short words (at most 16 bytes): an open-addressed table keyed by the word's bytes
/// packed into a `u128` and its length, so a word is found or rejected by one or two exact integer
/// comparisons, with no string comparison and no false hit.
pub struct WordSet {
    keys: Vec<u128>,
    /// Word length per slot; 0 marks an empty slot.
    lens: Vec<u8>,
}

/// `w` (1 to 16 bytes) packed into a `u128` with no copy: two overlapping 8-byte or 4-byte reads
/// (from the start and to the end), or the first, middle and last byte of a shorter word. With the
/// length (kept beside the key) the key gives back the word, so equal keys of equal length are
/// equal words.
#[inline]
fn pack(w: &[u8]) -> u128 {
    let n = w.len();
    let u64_at = |i: usize| w.get(i..i + 8).and_then(|b| b.try_into().ok()).map_or(0, u64::from_le_bytes);
    let u32_at = |i: usize| w.get(i..i + 4).and_then(|b| b.try_into().ok()).map_or(0, u32::from_le_bytes) as u64;
    if n >= 8 {
        (u64_at(n - 8) as u128) << 64 | u64_at(0) as u128
    } else if n >= 4 {
        (u32_at(n - 4) << 32 | u32_at(0)) as u128
    } else if n > 0 {
        (w[0] as u64 | (w[n / 2] as u64) << 8 | (w[n - 1] as u64) << 16) as u128
    } else {
        0
    }
}

impl WordSet {
    /// The set of `words` (longer ones are left out: [`WordSet::contains`] never finds them).
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> WordSet {
        let words: Vec<&[u8]> = words
            .into_iter()
            .map(str::as_bytes)
            .filter(|w| !w.is_empty() && w.len() <= 16)
            .collect();
        // at most a quarter full: one probe, rarely two
        let slots = (words.len() * 4).next_power_of_two().max(64);
        let mut keys = vec![0u128; slots];
        let mut lens = vec![0u8; slots];
        for w in words {
            let key = pack(w);
            let mut k = Self::slot(key, w.len(), slots);
            while lens[k] != 0 && !(keys[k] == key && lens[k] as usize == w.len()) {
                k = (k + 1) & (slots - 1);
            }
            keys[k] = key;
            lens[k] = w.len() as u8;
        }
        WordSet { keys, lens }
    }

    #[inline]
    fn slot(key: u128, len: usize, slots: usize) -> usize {
        let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29) ^ len as u64;
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (slots - 1)
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        let w = w.as_bytes();
        if w.is_empty() || w.len() > 16 {
            return false;
        }
        let slots = self.lens.len();
        let key = pack(w);
        let mut k = Self::slot(key, w.len(), slots);
        loop {
            match self.lens[k] {
                0 => return false,
                n if n as usize == w.len() && self.keys[k] == key => return true,
                _ => k = (k + 1) & (slots - 1),
            }
        }
    }
}

/// The look-up set: [`LOOKUP_WORDS`] and [`TRIGGERS`] (all at most 16 bytes, checked by a test).
fn lookup() -> &'static WordSet {
    static L: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    L.get_or_init(|| WordSet::new(LOOKUP_WORDS.iter().chain(TRIGGERS).copied()))
}

/// Can a temporal expression (or a modifier of one) start at token `i`?
pub fn may_start(tk: &Toks, i: usize) -> bool {
    let w = tk.w(i);
    let Some(&b) = w.as_bytes().first() else { return false };
    if b.is_ascii_digit() || (b == b'\'' && w.len() == 1) {
        return true;
    }
    if tk.t[i].punct {
        return false;
    }
    if w.len() == 2 && (b == b'q' || w.as_bytes()[1] == b'q') {
        return true;
    }
    // "FY2020", "FY 2020", "FY20": a fiscal year (numeric.rs)
    if b == b'f' && w.starts_with("fy") && w[2..].bytes().all(|c| c.is_ascii_digit()) {
        return true;
    }
    in_lookup(w)
}

/// Is `w` (lower-cased) in the look-up set? A word missing from the lists would cost a match (the
/// test below checks the lists against the lookup functions).
#[inline]
fn in_lookup(w: &str) -> bool {
    lookup().contains(w)
}

/// Time units, finest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    Millennium,
}

/// A unit word: `(unit, plural)`.
pub fn unit_of(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" | "sec" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "fortnight" => (Unit::Week, false),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        "millennium" => (Unit::Millennium, false),
        "millennia" | "millenniums" => (Unit::Millennium, true),
        _ => return None,
    })
}

/// Month number of a month name or abbreviation (`jan.`, `sept`, `january`).
pub fn month_of(w: &str) -> Option<u8> {
    let w = w.strip_suffix('.').unwrap_or(w);
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// ISO weekday (Monday = 1) of a weekday name or abbreviation.
pub fn weekday_of(w: &str) -> Option<u8> {
    Some(match w {
        "monday" | "mon." => 1,
        "tuesday" | "tue." | "tues." => 2,
        "wednesday" | "wed." => 3,
        "thursday" | "thu." | "thur." | "thurs." => 4,
        "friday" | "fri." => 5,
        "saturday" | "sat." => 6,
        "sunday" | "sun." => 7,
        _ => return None,
    })
}

/// Plural weekday (`mondays`): used by sets.
pub fn weekday_plural(w: &str) -> Option<u8> {
    let s = w.strip_suffix('s')?;
    if s.ends_with("day") {
        weekday_of(s)
    } else {
        None
    }
}

/// Part of a day: TIMEX3 code.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" | "mornings" => "MO",
        "afternoon" | "afternoons" => "AF",
        "evening" | "evenings" => "EV",
        "night" | "nights" | "overnight" => "NI",
        _ => return None,
    })
}

/// Value of a number word from zero to ninety.
pub fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Value of an ordinal word or figure (`third`, `3rd`, `twenty-first` is handled by the caller).
pub fn ordinal(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    let v = match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => {
            let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suf = &w[d.len()..];
            if d.is_empty() || d.len() > 3 || !d.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            if !matches!(suf, "st" | "nd" | "rd" | "th") {
                return None;
            }
            return d.parse().ok();
        }
    };
    Some(v)
}

/// A number written at token `i`: figures (`24`, `1,000`, `5 1/2`, `2.5`), words (`twenty-four`,
/// `a hundred`, `two and a half`). Returns (value in tenths, next token index).
pub fn number_at(tk: &Toks, i: usize) -> Option<(u32, usize)> {
    let w = tk.w(i);
    if w.is_empty() {
        return None;
    }
    if w.as_bytes()[0].is_ascii_digit() {
        let mut int_part = 0u64;
        let mut frac = 0u64;
        let mut seen_dot = false;
        for b in w.bytes() {
            match b {
                b'0'..=b'9' if !seen_dot => int_part = int_part.saturating_mul(10).saturating_add((b - b'0') as u64),
                b'0'..=b'9' => {
                    if frac == 0 {
                        frac = (b - b'0') as u64 + 100;
                    }
                }
                b',' => {}
                b'.' if !seen_dot => seen_dot = true,
                _ => return None,
            }
        }
        if int_part > 100_000 {
            return None;
        }
        let mut v = int_part as u32 * 10 + if frac >= 100 { (frac - 100) as u32 } else { 0 };
        let mut j = i + 1;
        // 5 1/2
        if tk.w(j) == "1/2" {
            v += 5;
            j += 1;
        }
        if let (Some(_), true) = (half_after(tk, j), true) {
            let (h, k) = half_after(tk, j).unwrap();
            v += h;
            j = k;
        }
        return Some((v, j));
    }
    // a/an: one (only when followed by something that counts)
    let (mut v, mut j) = if let Some(n) = small_number(w) {
        let mut n = n;
        let mut j = i + 1;
        if n >= 20 && n % 10 == 0 {
            // twenty-four, twenty four
            let (k, off) = if tk.w(j) == "-" { (j + 1, 2) } else { (j, 1) };
            if let Some(u) = small_number(tk.w(k)) {
                if (1..10).contains(&u) {
                    n += u;
                    j += off;
                }
            }
        }
        (n, j)
    } else if (w == "a" || w == "an") && tk.w(i + 1) == "couple" && tk.w(i + 2) == "of" {
        (2, i + 3)
    } else if w == "couple" && tk.w(i + 1) == "of" {
        (2, i + 2)
    } else if w == "a" || w == "an" {
        (1, i + 1)
    } else if w == "dozen" {
        (12, i + 1)
    } else {
        return None;
    };
    if tk.w(j) == "hundred" {
        v *= 100;
        j += 1;
    } else if tk.w(j) == "thousand" && v < 100 {
        v *= 1000;
        j += 1;
    } else if tk.w(j) == "dozen" {
        v *= 12;
        j += 1;
    }
    let mut v10 = v * 10;
    if let Some((h, k)) = half_after(tk, j) {
        v10 += h;
        j = k;
    }
    Some((v10, j))
}

/// `and a half` after a number: (5 tenths, next index).
fn half_after(tk: &Toks, j: usize) -> Option<(u32, usize)> {
    if tk.w(j) == "and" && tk.w(j + 1) == "a" && tk.w(j + 2) == "half" {
        Some((5, j + 3))
    } else if tk.w(j) == "and" && tk.w(j + 1) == "one" && tk.w(j + 2) == "-" && tk.w(j + 3) == "half" {
        Some((5, j + 4))
    } else {
        None
    }
}

/// Vague quantities: `several`, `a few`, `some`, `many`, `few`, `a couple of`. Returns next index.
pub fn vague_amount(tk: &Toks, i: usize) -> Option<usize> {
    match tk.w(i) {
        "several" | "many" | "few" | "numerous" | "multiple" => Some(i + 1),
        "a" if tk.w(i + 1) == "few" => Some(i + 2),
        "a" if tk.w(i + 1) == "couple" && tk.w(i + 2) == "of" => Some(i + 3),
        "a" if tk.w(i + 1) == "number" && tk.w(i + 2) == "of" => Some(i + 3),
        "the" if tk.w(i + 1) == "next" && tk.w(i + 2) == "few" => None,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn words(text: &str) -> Vec<String> {
        Doc::with(text, |d| {
            let tk = Toks::new(d);
            (0..tk.len()).map(|i| tk.w(i).to_string()).collect()
        })
    }

    #[test]
    fn hyphenated_words_are_split() {
        assert_eq!(
            words("Third-quarter profit, mid-1990s"),
            ["third", "-", "quarter", "profit", ",", "mid", "-", "1990s"]
        );
    }

    #[test]
    fn typographic_apostrophes_read_as_plain() {
        // every token holding a `’` gets its own copy; the others read the lower-cased text
        assert_eq!(
            words("Obama’s NEW Year’s plan, the ’90s and rock’n’roll"),
            ["obama", "'s", "new", "year", "'s", "plan", ",", "the", "'", "90s", "and", "rock'n'roll"]
        );
    }

    #[test]
    fn lookup_lists_cover_the_lookup_functions() {
        // every word a lookup function accepts (tried over the lists themselves and their variants)
        // must pass the quick filter
        let accepted = |w: &str| {
            month_of(w).is_some()
                || weekday_of(w).is_some()
                || weekday_plural(w).is_some()
                || unit_of(w).is_some()
                || small_number(w).is_some()
                || ordinal(w).is_some()
                || part_of_day(w).is_some()
        };
        for w in LOOKUP_WORDS.iter().chain(TRIGGERS) {
            for v in [
                w.to_string(),
                format!("{w}."),
                format!("{w}s"),
                w.trim_end_matches('.').to_string(),
            ] {
                if accepted(&v) && v.as_bytes()[0].is_ascii_alphabetic() {
                    assert!(in_lookup(&v), "{v}");
                }
            }
        }
        for w in [
            "january",
            "sept.",
            "thurs.",
            "mondays",
            "centuries",
            "ninety",
            "thirtieth",
            "overnight",
            "yesterday",
            "the",
        ] {
            assert!(in_lookup(w), "{w}");
        }
    }

    #[test]
    fn lookup_table_is_exact() {
        for w in LOOKUP_WORDS.iter().chain(TRIGGERS) {
            assert!(w.len() <= 16, "{w} is longer than the table's keys");
            assert!(in_lookup(w), "{w}");
        }
        // no false hits: neighbours, prefixes, padding with NUL, empty, too long
        for w in ["", "thee", "januaryy", "janu", "the\0", "year\0\0", "monday-tuesday-x", "aaaaaaaaaaaaaaaaa"] {
            assert!(!in_lookup(w), "{w:?}");
        }
    }

    #[test]
    fn digits_read_like_parse() {
        let text = "2019 07 0 999999999 1000000000 12a 3.5 x";
        Doc::with(text, |d| {
            let tk = Toks::new(d);
            for i in 0..tk.len() {
                let w = tk.w(i);
                let expected = if w.len() <= 9 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) { w.parse().ok() } else { None };
                assert_eq!(tk.digits(i), expected, "{w}");
            }
            assert_eq!(tk.digits(0), Some(2019));
            assert_eq!(tk.digits(1), Some(7));
            assert_eq!(tk.digits(3), Some(999_999_999));
            assert_eq!(tk.digits(4), None);
        });
    }

    #[test]
    fn packed_keys_tell_words_of_one_length_apart() {
        // every word over a two-letter alphabet, lengths 1 to 13: one key per word and length
        let mut seen = std::collections::HashSet::new();
        for n in 1..=13usize {
            for bits in 0u32..(1 << n) {
                let w: Vec<u8> = (0..n).map(|k| if bits >> k & 1 == 1 { b'b' } else { b'a' }).collect();
                assert!(seen.insert((n, pack(&w))), "{:?}", String::from_utf8_lossy(&w));
            }
        }
        // and the longest words: a change at any of the 16 bytes changes the key
        let w = *b"abcdefghijklmnop";
        for k in 0..16 {
            let mut v = w;
            v[k] = b'z';
            assert_ne!(pack(&v), pack(&w), "byte {k}");
        }
    }

    #[test]
    fn triggers_are_sorted() {
        assert!(TRIGGERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn tables() {
        assert_eq!(month_of("sept."), Some(9));
        assert_eq!(month_of("mayday"), None);
        assert_eq!(weekday_of("thurs."), Some(4));
        assert_eq!(weekday_plural("mondays"), Some(1));
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(ordinal("third"), Some(3));
        assert_eq!(ordinal("3x"), None);
        assert_eq!(unit_of("centuries"), Some((Unit::Century, true)));
    }

    #[test]
    fn numbers() {
        Doc::with(
            "twenty-four hours, 5 1/2 hours, two and a half years, 1,000 days, a week",
            |d| {
                let tk = Toks::new(d);
                assert_eq!(number_at(&tk, 0), Some((240, 3)));
                assert_eq!(number_at(&tk, 5), Some((55, 7)));
                assert_eq!(number_at(&tk, 9), Some((25, 13)));
                assert_eq!(number_at(&tk, 15), Some((10000, 16)));
                assert_eq!(number_at(&tk, 18), Some((10, 19)));
            },
        );
    }
}
