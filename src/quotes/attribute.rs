//! Who said it: find the cue and the speaker mention of each quoted segment with the attribution
//! patterns of news writing, tried in the order listed in [`attribute`]. Works on tokens alone;
//! resolving the mention to a name is `names.rs`'s job.

use super::cues::*;
use super::marks::Segment;
use super::names::CapWords;
use crate::model::{Entity, Label};
use crate::text::{Doc, TokKind};
use crate::text::fasthash::FastSet as HashSet;

/// Token range `[a, b)`.
pub type Range = (usize, usize);

/// What attribution found for one segment (token ranges).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Found {
    pub speaker: Option<Range>,
    pub cue: Option<Range>,
    /// The speaker was taken over from another quote (continuation, same paragraph, lead-in).
    pub inherited: bool,
}

/// How many quotes either way a cue-less quote looks for a speaker in its paragraph.
const NEIGHBOURS: usize = 16;
/// The longest speaker phrase we accept, in tokens.
const MAX_NP: usize = 8;
/// How far (tokens) an appositive may run: "Lee, a professor at the Korea National Academy, said".
const MAX_APPOSITIVE: usize = 25;

struct Ctx<'a, 'd> {
    doc: &'a Doc<'d>,
    /// Capitalised words seen inside a sentence (not first): names, not sentence-initial capitals.
    caps: &'a CapWords<'d>,
    /// Words of the entities tagged PER or ORG: names wherever they stand.
    entity_words: HashSet<&'d str>,
}

impl<'a, 'd> Ctx<'a, 'd> {
    fn n(&self) -> usize {
        self.doc.tokens.len()
    }
    fn t(&self, i: usize) -> &'d str {
        self.doc.tok(i)
    }
    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokKind::Word
    }
    fn is_cap(&self, i: usize) -> bool {
        let t = &self.doc.tokens[i];
        match self.doc.text.as_bytes().get(t.start) {
            // an ASCII first byte answers without decoding (the same as `char::is_uppercase`)
            Some(&b) if b < 0x80 => t.end > t.start && b.is_ascii_uppercase(),
            _ => self.t(i).chars().next().map_or(false, char::is_uppercase),
        }
    }
    fn is(&self, i: usize, s: &str) -> bool {
        i < self.n() && self.t(i) == s
    }
    fn is_quote(&self, i: usize) -> bool {
        self.t(i).chars().next().map_or(false, super::marks::is_quote_mark) && self.t(i).chars().count() == 1
    }
    /// A double quotation mark (single marks may be apostrophes: "veterans' families").
    fn is_double_quote(&self, i: usize) -> bool {
        matches!(self.t(i), "\"" | "\u{201C}" | "\u{201D}" | "\u{201E}" | "\u{00AB}" | "\u{00BB}")
    }
    /// A sentence end: `.`, `!` or `?` not followed by a comma, a closing bracket or a
    /// lower-case word ("(R-Ky.) said", "Pa., said").
    fn is_terminal(&self, i: usize) -> bool {
        // a one-byte token `.`, `!` or `?` (compared as a byte, no string slicing)
        let t = &self.doc.tokens[i];
        let b = self.doc.text.as_bytes().get(t.start).copied().unwrap_or(0);
        if !(t.end == t.start + 1 && matches!(b, b'.' | b'!' | b'?')) {
            return false;
        }
        // a period glued to the next word is inside an abbreviation: "(D-N.Y.)"
        if b == b'.' && i + 1 < self.n() && !self.doc.tokens[i + 1].space_before && self.is_word(i + 1) {
            return false;
        }
        let mut j = i + 1;
        while j < self.n() && !self.newline(j) && self.is_quote(j) {
            j += 1;
        }
        if j >= self.n() || self.newline(j) {
            return true;
        }
        let next = self.t(j);
        !(matches!(next, "," | ")" | ";") || next.chars().next().map_or(false, char::is_lowercase))
    }
    fn is_dash(&self, i: usize) -> bool {
        matches!(self.t(i), "\u{2014}" | "\u{2013}" | "\u{2015}" | "-" | "--")
    }
    fn is_cue(&self, i: usize) -> bool {
        i < self.n()
            && self.is_word(i)
            && (is_reporting_verb(self.t(i))
                || matches!(self.t(i), "went" | "goes") && self.is(i + 1, "on")
                || is_verb_after_speaker(self.t(i)) && i > 0 && self.verb_position(i))
            && (!self.is_cap(i) || (self.sentence_initial(i) && inverts(self.t(i))))
    }
    /// A word that is a verb or a noun ("claims", "notes") is a verb right after a subject: not
    /// after a determiner, a possessive, a preposition or an adjective-like lower-case word.
    fn verb_position(&self, i: usize) -> bool {
        let p = self.t(i - 1);
        self.is_word(i - 1)
            && !is_determiner(p)
            && !p.starts_with('\'')
            && !p.starts_with('\u{2019}')
            && !matches!(lower(p, &mut [0; 24]), "of" | "in" | "on" | "for" | "with" | "by" | "to" | "and" | "or" | "the" | "such" | "these" | "those")
            && (self.is_cap(i - 1) && !(i >= 2 && is_preposition_word(self.t(i - 2))) || is_pronoun(p) || p == "who" || i >= 2 && is_determiner(self.t(i - 2)))
    }

    /// A lower-case past or present verb form ("barked", "mocks"), where a reporting verb stands.
    fn speechlike(&self, i: usize) -> bool {
        i < self.n()
            && self.is_word(i)
            && !self.is_cap(i)
            && (self.is_cue(i) || {
                let w = self.t(i);
                w.len() > 3 && (w.ends_with("ed") || w.ends_with('s')) && !is_stop(w) && !is_verb_filler(w)
            })
    }

    /// "According to", any case.
    fn is_according(&self, i: usize) -> bool {
        i + 1 < self.n() && self.t(i).eq_ignore_ascii_case("according") && self.is(i + 1, "to")
    }
    fn sentence_initial(&self, i: usize) -> bool {
        i == 0 || self.newline(i) || self.is_terminal(i - 1) || self.is_quote(i - 1)
    }
    fn newline(&self, i: usize) -> bool {
        self.doc.tokens[i].newline_before
    }

    /// A word that can be part of a speaker phrase.
    fn np_word(&self, i: usize) -> bool {
        let w = self.t(i);
        if self.doc.tokens[i].kind == TokKind::Number {
            // "9/11 widow Terry Strada", "17-year-old Jared Potts"
            let cap_at = |j: usize| j < self.n() && self.is_word(j) && self.is_cap(j);
            return cap_at(i + 1) || (i + 1 < self.n() && self.is_word(i + 1) && cap_at(i + 2));
        }
        if !self.is_word(i) {
            return w == "&";
        }
        if w.starts_with('\'') || w.starts_with('\u{2019}') {
            return true; // possessive 's: "Clinton's campaign"
        }
        if is_calendar_word(w) {
            return false;
        }
        if is_stop(w) {
            // a first name that is also a small word, inside a sentence: "said Will Doyle"
            return self.is_cap(i)
                && !self.sentence_initial(i)
                && i + 1 < self.n()
                && self.is_word(i + 1)
                && self.is_cap(i + 1)
                && !is_stop(self.t(i + 1))
                && !is_calendar_word(self.t(i + 1));
        }
        if self.is_cap(i) {
            return true;
        }
        // an -ing word after a determiner is an adjective: "the gambling tycoon", "the ruling party"
        let adjective_ing = w.ends_with("ing") && i > 0 && is_determiner(self.t(i - 1)) && i + 1 < self.n() && self.is_word(i + 1) && !self.t(i + 1).ends_with("ing");
        !is_reporting_verb(w) && !is_verb_filler(w) && (!w.ends_with("ing") || adjective_ing) && !w.ends_with("ly")
    }

    /// Is `[a, b)` an acceptable speaker phrase?
    fn good_np(&self, a: usize, b: usize) -> bool {
        if a >= b || b - a > MAX_NP {
            return false;
        }
        if b - a == 1 && is_pronoun(self.t(a)) {
            return true;
        }
        let first = self.t(a);
        if self.t(b - 1).starts_with('\'') || self.t(b - 1).starts_with('\u{2019}') {
            return false;
        }
        // A capitalised word, or a description opened by a determiner, or a bare plural (sources).
        (a..b).any(|i| self.is_cap(i) && !is_calendar_word(self.t(i)))
            || is_determiner(first)
            || (b - a <= 2 && self.t(b - 1).ends_with('s'))
    }

    /// Speaker phrase ending just before `end` (exclusive), not reaching below `lo`.
    fn np_before(&self, end: usize, lo: usize) -> Option<Range> {
        let mut b = end;
        // a parenthetical after the name: Jason Chaffetz (R-Utah) said
        if b > lo && self.is(b - 1, ")") {
            let mut k = b - 1;
            while k > lo && b - k < 12 && !self.is(k, "(") {
                k -= 1;
            }
            if self.is(k, "(") {
                b = k;
            }
        }
        if b > lo && is_pronoun(self.t(b - 1)) && self.is_word(b - 1) {
            return Some((b - 1, b));
        }
        let mut a = b;
        loop {
            let of_phrase = a >= lo + 2
                && a < b
                && self.is_cap(a)
                && (matches!(self.t(a - 1), "of" | "for" | "at")
                    || self.is(a - 1, "the") && a >= lo + 3 && matches!(self.t(a - 2), "of" | "for" | "at"));
            if !(a > lo && b - a < MAX_NP && (self.np_word(a - 1) || of_phrase) && !is_pronoun(self.t(a - 1))) {
                break;
            }
            if of_phrase {
                a -= if self.is(a - 1, "the") { 2 } else { 1 };
                continue;
            }
            a -= 1;
            if self.is_cap(a) && is_determiner(self.t(a)) {
                break; // "The New York Post", sentence-initial determiner
            }
            if !self.is_cap(a) && is_determiner(self.t(a)) {
                break;
            }
            if self.newline(a) {
                break;
            }
        }
        // drop leading lowercase words that are not determiners when a name follows: "campaign
        // manager Kellyanne Conway" keeps all; "percent Trump" is cut at a number earlier.
        if self.good_np(a, b) {
            Some((a, b))
        } else {
            None
        }
    }

    /// Speaker phrase starting at `start`, not reaching `hi`.
    fn np_after(&self, start: usize, hi: usize) -> Option<Range> {
        if start >= hi {
            return None;
        }
        if is_pronoun(self.t(start)) && self.is_word(start) {
            return Some((start, start + 1));
        }
        let mut b = start;
        while b < hi && b - start < MAX_NP {
            let w = self.t(b);
            // "Mr. Morgan of the Sierra Club", "a spokeswoman for the campaign"
            let of_phrase = b > start
                && matches!(w, "of" | "for" | "at")
                && (self.is(b + 1, "the") && b + 2 < hi && self.is_cap(b + 2) || b + 1 < hi && self.is_cap(b + 1) && self.np_word(b + 1));
            let mut ok = if (b == start && is_determiner(w)) || of_phrase { true } else { self.np_word(b) && !is_pronoun(w) };
            // After a name, a lower-case word goes on only as a head noun ("the Clinton campaign",
            // "Clinton campaign spokesman Brian Fallon"), never as a verb ("Sanders used …").
            let possessive = w.starts_with('\'') || w.starts_with('\u{2019}');
            if ok && !of_phrase && !possessive && b > start && self.is_cap(b - 1) && !is_determiner(self.t(b - 1)) && self.is_word(b) && !self.is_cap(b) {
                let next_cap = !w.ends_with("ed")
                    && (b + 1..(b + 3).min(hi)).take_while(|&x| self.is_word(x) && self.np_word(x)).any(|x| self.is_cap(x));
                ok = is_head_noun(w) || is_title(w) || next_cap;
            }
            // …a lower-case word after a lower-case head noun is the verb: "The Florida senator
            // sought", "The Rove ad hits"
            if ok && !of_phrase && b > start + 1 && self.is_word(b) && !self.is_cap(b) && !self.is_cap(b - 1) && is_head_noun(self.t(b - 1)) && !matches!(self.t(b - 1), "former" | "chief") && !is_head_noun(w) && !is_title(w) {
                let verb_form = (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3)
                    || w.ends_with("ed")
                    || matches!(w, "sought" | "took" | "made" | "gave" | "got" | "went" | "came" | "held" | "kept" | "found" | "thought" | "spoke" | "ran" | "led" | "left" | "felt" | "met" | "paid" | "won" | "lost" | "brought" | "stood" | "put" | "set" | "sent" | "saw" | "knew");
                if verb_form {
                    ok = false;
                }
            }
            // …and after a noun, a past form or a verb of writing is the verb: "The team cited",
            // "Her economic plan promises", "the statement reads"
            if ok && !of_phrase && !possessive && b > start && self.is_word(b) && !self.is_cap(b) && !is_determiner(self.t(b - 1)) && !self.t(b - 1).starts_with(['\'', '\u{2019}']) {
                if (w.len() > 4 && w.ends_with("ed") && !is_head_noun(w) && !is_title(w)) || is_verb_after_speaker(w) {
                    ok = false;
                }
            }
            if !ok || (b > start && self.newline(b)) {
                break;
            }
            b += 1;
        }
        if b == start && start + 1 < hi && self.is_cap(start) && self.is_word(start) && self.is_cue(start + 1) {
            b = start + 1; // a name that is also a small word: "From said"
        }
        if self.good_np(start, b) {
            Some((start, b))
        } else {
            None
        }
    }

    /// An auxiliary or adverb between speaker and verb: "also", "has", "jokingly".
    fn is_filler(&self, i: usize) -> bool {
        let w = self.t(i);
        self.is_word(i)
            && !self.is_cap(i)
            && !is_reporting_verb(w)
            && (is_verb_filler(w) || (w.len() > 4 && w.ends_with("ly") && !matches!(w, "only" | "early" | "family" | "ally" | "rally" | "july" | "italy")))
    }

    /// Skip auxiliaries and adverbs forward: "also said", "has since argued".
    fn skip_fillers_fwd(&self, mut i: usize, hi: usize) -> usize {
        while i < hi && self.is_filler(i) {
            i += 1;
        }
        i
    }

    fn skip_fillers_back(&self, mut i: usize, lo: usize) -> usize {
        while i > lo && self.is_filler(i - 1) {
            i -= 1;
        }
        i
    }

    /// The cue at `i` with its particle: "according to", "pointed out", "went on".
    fn cue_range(&self, i: usize) -> Range {
        if self.is_according(i) {
            return (i, i + 2);
        }
        if i + 1 < self.n() && matches!(self.t(i + 1), "out" | "on" | "back") && matches!(lower(self.t(i), &mut [0; 24]), "pointed" | "points" | "went" | "goes" | "shot" | "fired") {
            return (i, i + 2);
        }
        (i, i + 1)
    }

    /// After the quote: `“…,” said X`, `“…,” X said`, `“…,” X, a professor at Y, said`,
    /// `“…,” according to X`, `“…” — X`.
    fn after(&self, qe: usize, hi: usize) -> Option<Found> {
        let mut i = qe;
        while i < hi && matches!(self.t(i), "," | ")") {
            i += 1;
        }
        if i >= hi {
            return None;
        }
        // “…” — X   (a byline-style attribution)
        if self.is_dash(i) && i == qe {
            if let Some(np) = self.np_after(i + 1, hi) {
                if self.is_cap(np.0) && np.1 - np.0 <= 5 && (np.1 >= hi || !self.is_word(np.1)) {
                    return Some(Found { speaker: Some(np), cue: Some((i, i + 1)), inherited: false });
                }
            }
        }
        // “…,” according to X
        if self.is_according(i) {
            return self.np_after(i + 2, hi).map(|np| Found { speaker: Some(np), cue: Some((i, i + 2)), inherited: false });
        }
        // “…,” said X   (inverted)
        let j = self.skip_fillers_fwd(i, hi);
        if self.is_cue(j) && inverts(self.t(j)) {
            let c = self.cue_range(j);
            // …but not the subject of a clause the verb introduces: "said the days when …"
            let clause = |np: &Range| np.1 < hi && matches!(self.t(np.1), "when" | "that" | "if" | "whether" | "because");
            if let Some(np) = self.np_after(c.1, hi).filter(|np| !clause(np)) {
                return Some(Found { speaker: Some(np), cue: Some(c), inherited: false });
            }
        }
        // A quote that ends in a comma, "?" or "!" inside its marks hands over to its attribution,
        // whatever the verb: `“…!” beamed Donald Hartley`, `“…,” Oliver barked`, `“…?” Hannity pressed`.
        let handed_over = qe >= 2 && matches!(self.t(qe - 2), "," | "?" | "!") && i == qe;
        if handed_over {
            if self.speechlike(j) && !is_stop(self.t(j)) {
                if let Some(np) = self.np_after(j + 1, hi) {
                    if self.is_cap(np.0) && !is_calendar_word(self.t(np.0)) {
                        return Some(Found { speaker: Some(np), cue: Some((j, j + 1)), inherited: false });
                    }
                }
            }
            if let Some(np) = self.np_after(i, hi) {
                let v = self.skip_fillers_fwd(np.1, hi);
                if self.speechlike(v) && (self.is_cap(np.0) || is_pronoun(self.t(np.0)) || is_determiner(self.t(np.0))) {
                    if v + 1 >= hi || matches!(self.t(v + 1), "," | "as" | "to" | "at" | "in" | "on" | "from" | "while" | "before" | "after") {
                        return Some(Found { speaker: Some(np), cue: Some((v, v + 1)), inherited: false });
                    }
                }
            }
        }
        // “…,” X said / X, a professor at Y, said / X (R-Utah) said / X told reporters
        let Some(np) = self.np_after(i, hi) else {
            return self.sentence_end_cue(i, hi);
        };
        let mut k = np.1;
        if self.is(k, "(") {
            let mut m = k;
            while m < hi && m - k < 12 && !self.is(m, ")") {
                m += 1;
            }
            if self.is(m, ")") {
                k = m + 1;
            }
        }
        let k2 = self.skip_fillers_fwd(k, hi);
        if self.is_cue(k2) || (k2 < hi && is_verb_after_speaker(self.t(k2))) {
            return Some(Found { speaker: Some(np), cue: Some(self.cue_range(k2)), inherited: false });
        }
        // a phrase of place between the speaker and the verb: `“…,” a voice-over in the ad states.`
        if k == np.1 && k < hi && matches!(self.t(k), "in" | "at" | "on" | "from" | "for" | "of") {
            if let Some(pp) = self.np_after(k + 1, hi) {
                let v = self.skip_fillers_fwd(pp.1, hi);
                let ends = v + 1 >= hi || matches!(self.t(v + 1), "," | "." | "!" | "?" | ";");
                if ends && (self.is_cue(v) || (v < hi && is_verb_after_speaker(self.t(v)))) {
                    return Some(Found { speaker: Some((np.0, pp.1)), cue: Some(self.cue_range(v)), inherited: false });
                }
            }
        }
        self.appositive_cue(np, k, hi).or_else(|| self.sentence_end_cue(i, hi))
    }

    /// Does the attribution `f` found after a quote end its sentence within a few words
    /// (`X said Tuesday.`) rather than go on with a complement of its own (`X insisted that …`)?
    fn short_tail(&self, f: &Found, hi: usize) -> bool {
        let e = f.cue.map_or(0, |c| c.1).max(f.speaker.map_or(0, |s| s.1));
        let mut i = e;
        while i < hi && i < self.n() && !self.is_terminal(i) && !self.is(i, ",") {
            if self.is_quote(i) || self.is(i, "that") || i - e >= 4 {
                return false;
            }
            i += 1;
        }
        // the window also ends where the next quote starts: `X said Korea had shown “…”`
        i >= self.n() || !self.is_quote(i)
    }

    /// `X, a professor at Y, said` once the name `np` is known and `k` is just after it.
    fn appositive_cue(&self, np: Range, k: usize, hi: usize) -> Option<Found> {
        if self.is(k, ",") {
            // appositive: find the comma that closes it, then the verb
            let mut m = k + 1;
            while m < hi && m - k < MAX_APPOSITIVE && !self.is_double_quote(m) {
                if self.is(m, ",") {
                    let v = self.skip_fillers_fwd(m + 1, hi);
                    if self.is_cue(v) {
                        return Some(Found { speaker: Some(np), cue: Some(self.cue_range(v)), inherited: false });
                    }
                }
                m += 1;
            }
        }
        None
    }

    /// A quote inside the sentence, attributed at its end: `… “…” to drive up the price, she said.`
    fn sentence_end_cue(&self, from: usize, hi: usize) -> Option<Found> {
        for m in from..hi {
            if !self.is(m, ",") {
                continue;
            }
            // …, said Geert Wilders, founder of the Party for Freedom.
            if self.is_cue(m + 1) && inverts(self.t(m + 1)) {
                let c = self.cue_range(m + 1);
                if let Some(np) = self.np_after(c.1, hi) {
                    if self.is_cap(np.0) || is_determiner(self.t(np.0)) {
                        return Some(Found { speaker: Some(np), cue: Some(c), inherited: false });
                    }
                }
            }
            // …, DFA spokesman Neil Sroka said.
            if let Some(np) = self.np_after(m + 1, hi) {
                let v = self.skip_fillers_fwd(np.1, hi);
                if self.is_cue(v) && (hi - v <= 3 || self.is(v + 1, ",")) && (self.is_cap(np.0) || is_pronoun(self.t(np.0))) {
                    return Some(Found { speaker: Some(np), cue: Some(self.cue_range(v)), inherited: false });
                }
            }
        }
        None
    }

    /// Transcripts: `"PENCE: Well, look…"` names its speaker inside the quote.
    fn transcript(&self, qs: usize, qe: usize) -> Option<Found> {
        let w = qs + 1;
        if w + 1 < qe && self.is_word(w) && self.is(w + 1, ":") {
            let t = self.t(w);
            if t.chars().count() >= 2 && t.chars().all(|c| c.is_uppercase() || c == '.' || c == '-') {
                return Some(Found { speaker: Some((w, w + 1)), cue: Some((w + 1, w + 2)), inherited: false });
            }
        }
        None
    }

    /// Before the quote, in the same sentence: `X said: “…”`, `X told Y, “…”`, `X said that “…”`,
    /// `X called it a “…”`, `According to X, “…”`, `X: “…”`.
    fn before(&self, lo: usize, qs: usize) -> Option<Found> {
        if qs == 0 || qs <= lo {
            return None;
        }
        // X: “…”
        if self.is(qs - 1, ":") {
            if let Some(np) = self.np_before(qs - 1, lo) {
                // at the start of its clause: after a dash ("… - Pew Research: “…”"), or after
                // "from"/a verb of speech ("More from Jones: “…”", "explained Nancy Cordes: “…”")
                let opens = np.0 == lo
                    || self.is_dash(np.0 - 1)
                    || (matches!(self.t(np.0 - 1), "from" | "From") && (np.0 - 1 == lo || self.t(np.0 - 2).eq_ignore_ascii_case("more")))
                    || (self.is_cue(np.0 - 1) && inverts(self.t(np.0 - 1)));
                if opens && self.is_cap(np.0) {
                    return Some(Found { speaker: Some(np), cue: Some((qs - 1, qs)), inherited: false });
                }
            }
        }
        // X's claim that “…”, X's call for “…”: the owner of the words
        let mut w = qs;
        while w > lo && qs - w < 12 && !self.is_double_quote(w - 1) {
            w -= 1;
            if is_speech_noun(self.t(w)) && w >= lo + 2 && self.t(w - 1).ends_with("s") && (self.t(w - 1).starts_with('\'') || self.t(w - 1).starts_with('\u{2019}')) {
                // the quote is what the claim says (X's claim that …, X's call for …), and no verb
                // of the sentence attributes it to someone else (Priebus called Clinton's remarks …)
                let content = w + 1 == qs || matches!(self.t(w + 1), "that" | "for" | "to" | "of");
                if let Some(np) = self.np_before(w - 1, lo).filter(|_| content) {
                    if self.is_cap(np.0) && (lo..qs).all(|x| !self.is_cue(x)) {
                        return Some(Found { speaker: Some(np), cue: Some((w, w + 1)), inherited: false });
                    }
                }
                break;
            }
        }
        // The nearest cue with a speaker wins, unless it is a stance verb and a verb of speech
        // comes earlier in the sentence: "Park said Kim's state is “spiraling”".
        let mut nearest: Option<Found> = None;
        let mut k = qs;
        let mut tried = 0;
        while k > lo && tried < 4 {
            k -= 1;
            if self.is_according(k) {
                if let Some(np) = self.np_after(k + 2, qs) {
                    let f = Found { speaker: Some(np), cue: Some((k, k + 2)), inherited: false };
                    return Some(nearest.unwrap_or(f));
                }
                continue;
            }
            if !self.is_cue(k) {
                continue;
            }
            tried += 1;
            if let Some(np) = self.speaker_of_cue(k, lo) {
                let f = Found { speaker: Some(np), cue: Some(self.cue_range(k)), inherited: false };
                match nearest {
                    None => nearest = Some(f),
                    // An earlier verb of speech whose complement holds the nearer cue is the
                    // attribution ("The statement noted they had said …", "Park said Kim's state
                    // is …"); not across a comma or dash ("When Clinton said …, Trump boasted").
                    Some(n) if is_speech_verb(self.t(k))
                        && n.speaker.map_or(false, |sp| {
                            sp.0 > k && !(k..sp.0).any(|x| matches!(self.t(x), "," | ";") || self.is_dash(x) || is_subordinator(self.t(x)) && self.t(x) != "that")
                        }) =>
                    {
                        nearest = Some(f)
                    }
                    _ => {}
                }
            }
        }
        nearest
    }

    /// The speaker of the reporting verb at `k`, looking back no further than `lo`.
    fn speaker_of_cue(&self, k: usize, lo: usize) -> Option<Range> {
        let mut j = self.skip_fillers_back(k, lo);
        // a second verb of the same subject: "She then urges her husband … and repeatedly says, “…”"
        if j > lo + 1 && matches!(self.t(j - 1), "and" | "but" | "then") {
            if let Some(np) = self.subject(lo, j - 1) {
                return Some(np);
            }
        }
        // a prepositional phrase between speaker and verb: "Trump at the time said",
        // "Beck, who has in the past described …"
        for _ in 0..2 {
            if j >= lo + 2 && self.doc.tokens[j - 1].kind == TokKind::Number && is_preposition(self.t(j - 2)) {
                j = self.skip_fillers_back(j - 2, lo); // "who in 2010 said"
                continue;
            }
            if let Some(pp) = self.np_before(j, lo) {
                if pp.0 > lo && is_preposition(self.t(pp.0 - 1)) && !self.is_cap(pp.0 - 1) {
                    j = self.skip_fillers_back(pp.0 - 1, lo);
                    continue;
                }
            }
            break;
        }
        if j > lo && is_be(self.t(j - 1)) {
            return None; // passive: "would be announced"
        }
        // a relative clause: "Mike Lee, who declared …" — the mention is "who"
        if j > lo && matches!(self.t(j - 1), "who" | "which") {
            return Some((j - 1, j));
        }
        if j > lo && self.is(j - 1, ",") {
            // X, a professor at Y, said …   or   …, saying …
            let mut m = j - 1;
            while m > lo && j - m < MAX_APPOSITIVE && !self.is_double_quote(m - 1) {
                m -= 1;
                if self.is(m, ",") {
                    if let Some(np) = self.np_before(m, lo) {
                        // the object of a preposition is inside the appositive: "Clinton, during a
                        // town hall meeting in Columbus, Ohio, said …"
                        if np.0 > lo && is_preposition_word(self.t(np.0 - 1)) && !self.is_cap(np.0 - 1) {
                            continue;
                        }
                        if self.is_cap(np.0) || is_pronoun(self.t(np.0)) {
                            return Some(np);
                        }
                    }
                    // "her senior policy adviser, Jake Sullivan, said": the name in the commas
                    if let Some(np) = self.np_after(m + 1, j - 1) {
                        if np.1 == j - 1 && self.is_cap(np.0) {
                            return Some(np);
                        }
                    }
                    break;
                }
            }
            if self.t(k).ends_with("ing") {
                return self.subject(lo, k);
            }
            return None;
        }
        if let Some(np) = self.np_before(j, lo) {
            return Some(np);
        }
        // inverted inside the sentence: "Because of the calendar, explained Rosenberg, “…”"
        if inverts(self.t(k)) {
            if let Some(np) = self.np_after(k + 1, self.n()) {
                if self.is_cap(np.0) && (self.is(np.1, ",") || self.is(np.1, ":")) {
                    return Some(np);
                }
            }
        }
        if self.t(k).ends_with("ing") || j == lo {
            return self.subject(lo, k);
        }
        None
    }

    /// The subject at the start of a sentence (after "But", "On Monday,", …), before `hi`.
    /// The first name or pronoun of the sentence that is followed by a verb — past leading
    /// adverbials ("On Thursday, after remaining neutral, Warren appeared…") and appositives
    /// ("Silverman, herself a Sanders supporter, incurred…").
    fn subject(&self, lo: usize, hi: usize) -> Option<Range> {
        self.subject_pass(lo, hi, false).or_else(|| self.subject_pass(lo, hi, true))
    }

    /// One pass of [`Ctx::subject`]; the first pass skips subordinate clauses ("as the four
    /// candidates took the stage, Trump opened…").
    fn subject_pass(&self, lo: usize, hi: usize, subordinate: bool) -> Option<Range> {
        let mut p = lo;
        while p < hi {
            let starts = self.is_word(p)
                && (self.is_cap(p) || is_pronoun(self.t(p)) || is_determiner(self.t(p)))
                && !is_stop(self.t(p))
                && !is_calendar_word(self.t(p))
                && (p == lo || matches!(self.t(p - 1), "," | "(" | ":") || self.is_word(p - 1) && is_stop(self.t(p - 1)) && !is_preposition_word(self.t(p - 1)) && !is_reporting_verb(self.t(p - 1)))
                && (subordinate || p == lo || !is_subordinator(self.t(p - 1)));
            if starts {
                if let Some(np) = self.np_after(p, hi) {
                    let mut v = np.1;
                    if self.is(v, "(") {
                        // "Sen. Claire McCaskill (D-Mo.) scolded him"
                        if let Some(c) = (v + 1..hi.min(v + 12)).find(|&c| self.is(c, ")")) {
                            v = c + 1;
                        }
                    }
                    if self.is(v, ",") {
                        // an appositive: the verb follows its closing comma
                        if let Some(c) = (v + 1..hi.min(v + MAX_APPOSITIVE)).find(|&c| self.is(c, ",")) {
                            v = c + 1;
                        }
                    }
                    let v = self.skip_fillers_fwd(v, hi);
                    let verb = v < hi
                        && self.is_word(v)
                        && !self.is_cap(v)
                        && !is_stop(self.t(v)) | is_be(self.t(v)) | is_reporting_verb(self.t(v)) | matches!(self.t(v), "has" | "had" | "have");
                    // a lone capitalised word opening the sentence is a name only if it also
                    // appears capitalised inside a sentence ("Optimism is higher…" is not)
                    let lone_initial = np.1 - np.0 == 1
                        && self.is_cap(np.0)
                        && !is_pronoun(self.t(np.0))
                        && self.sentence_initial(np.0)
                        && !self.caps.mid_sentence(self.t(np.0))
                        && !self.entity_words.contains(self.t(np.0));
                    let described = is_determiner(self.t(np.0)) && np.1 - np.0 >= 2;
                    if verb && !lone_initial && (self.is_cap(np.0) || is_pronoun(self.t(np.0)) || described) {
                        return Some(np);
                    }
                    p = np.1;
                    continue;
                }
            }
            p += 1;
        }
        None
    }

    /// Start of the clause window before token `qs`: paragraph start, end of the previous quote or
    /// the last sentence end.
    fn window_start(&self, qs: usize, floor: usize) -> usize {
        let mut i = qs;
        while i > floor && qs - i < 60 {
            if self.newline(i) {
                return i;
            }
            if self.is_terminal(i - 1) {
                return i;
            }
            i -= 1;
        }
        i
    }

    fn window_end(&self, qe: usize, ceil: usize) -> usize {
        let mut i = qe;
        while i < ceil && i - qe < 40 {
            if i > qe && self.newline(i) || (i < self.n() && self.newline(i) && i == qe) {
                return i;
            }
            if self.is_terminal(i) || self.is(i, ";") {
                return i;
            }
            i += 1;
        }
        i
    }
}

/// Rule 3b: the pieces of a passage split around a quotation nested in it take the passage's
/// speaker (the rest of the passage, and a nested quotation with no cue of its own).
fn passage_pieces(text: &str, segs: &[Segment], out: &mut [Found]) {
    for k in 1..segs.len() {
        if out[k].speaker.is_some() || !(segs[k].resumes || segs[k].nested) {
            continue;
        }
        let mut j = k - 1;
        // (a bounded walk keeps this linear when a passage holds thousands of nested quotes)
        for _ in 0..NEIGHBOURS {
            if !segs[j].nested && out[j].speaker.is_some() {
                out[k] = Found { inherited: true, ..out[j] };
                break;
            }
            if j == 0 || !(segs[j].nested || segs[j].resumes) || !adjacent(text, &segs[j - 1], &segs[j]) {
                break;
            }
            j -= 1;
        }
    }
    // …and a nested quotation opening its passage takes the speaker of the rest
    for k in (0..segs.len().saturating_sub(1)).rev() {
        if out[k].speaker.is_none() && segs[k].nested && segs[k + 1].resumes && out[k + 1].speaker.is_some() && adjacent(text, &segs[k], &segs[k + 1]) {
            out[k] = Found { inherited: true, ..out[k + 1] };
        }
    }
}

/// Are two segments pieces of one passage (nothing but blanks between them)?
fn adjacent(text: &str, a: &Segment, b: &Segment) -> bool {
    a.end <= b.start && text.get(a.end..b.start).map_or(false, |t| t.trim().is_empty())
}

/// Token index range of each segment: `(first token, one past the last)`.
fn token_span(doc: &Doc, s: &Segment) -> Range {
    let a = doc.tokens.partition_point(|t| t.start < s.start);
    let b = doc.tokens.partition_point(|t| t.start < s.end);
    (a, b.max(a))
}

/// Attribute every segment. The rules, in the order they are tried:
/// 0. a transcript names its speaker inside the quote: `"PENCE: Well, look…"`;
/// 1. after the quote: `“…,” said X`, `“…,” X said`, `“…,” X, a professor at Y, said`,
///    `“…,” X (R-Utah) said in a statement`, `“…,” according to X`, `“…” — X`, and at the end of
///    the sentence: `… “…” to drive up the price, she said.`, `…, said Geert Wilders.`;
/// 2. before it, in the same sentence: `X said: “…”`, `X told Y, “…”`, `X said that “…”`,
///    `X called it a “…”`, `According to X, “…”`, `X: “…”`, `…, saying “…”` (the subject),
///    `Mike Lee, who declared “…”` (the mention is "who"), `X leaned in and boomed: “…”`; a verb
///    of speech outranks a stance verb in its complement (`Park said Kim's state is “…”`);
/// 2b. a quote opening the sentence after `…, Schiff said.` is Schiff's;
/// 3. a quote that continues a paragraph-spanning quote keeps that quote's speaker;
/// 4. another quote of the same paragraph with a speaker lends it (`“…,” said Lee. “…”`), unless
///    the quote sits in another sentence with a subject of its own;
/// 5. a lead-in ending with a colon in the previous paragraph (`Caddell continued:`);
/// 6. a paragraph that is only a quote, right after a paragraph whose last quote has a speaker,
///    continues that speaker;
/// 7. a phrase quoted inside the writer's sentence with no cue belongs to the sentence's subject
///    (`Kim has proposed cooperation with fellow “socialist countries”`).
pub fn attribute(doc: &Doc, segs: &[Segment], entities: &[Entity]) -> Vec<Found> {
    attribute_with(doc, segs, entities, &CapWords::new(doc))
}

/// [`attribute`] with the document's capitalised words already gathered (`quotes::find` shares
/// them with the name resolver).
pub fn attribute_with<'d>(doc: &Doc<'d>, segs: &[Segment], entities: &[Entity], caps: &CapWords<'d>) -> Vec<Found> {
    // words the entity tagger calls a person or an organisation are names wherever they stand
    let mut entity_words = HashSet::default();
    for e in entities {
        if matches!(e.label, Label::PER | Label::ORG) {
            let a = doc.tokens.partition_point(|t| t.start < e.start);
            let b = doc.tokens.partition_point(|t| t.start < e.end);
            for i in a..b {
                entity_words.insert(doc.tok(i));
            }
        }
    }
    let cx = Ctx { doc, caps, entity_words };
    let n = doc.tokens.len();
    let spans: Vec<Range> = segs.iter().map(|s| token_span(doc, s)).collect();
    // first token of each token's paragraph, in one pass
    let mut para_start = vec![0usize; n];
    for i in 0..n {
        para_start[i] = if i > 0 && !doc.tokens[i].newline_before { para_start[i - 1] } else { i };
    }
    let para_of = |tok: usize| -> usize { para_start.get(tok.min(n.saturating_sub(1))).copied().unwrap_or(0) };
    let mut out = vec![Found::default(); segs.len()];
    for (k, &(qs, qe)) in spans.iter().enumerate() {
        if qs >= n {
            continue;
        }
        let mut prev_end = if k > 0 { spans[k - 1].1 } else { 0 };
        if segs[k].nested && k > 0 && adjacent(doc.text, &segs[k - 1], &segs[k]) {
            // a quotation nested in a passage sees the passage's words before it ("chanting “…”")
            prev_end = spans[k - 1].0 + 1;
        }
        let next_start = spans.get(k + 1).map_or(n, |s| s.0);
        let lo = cx.window_start(qs, prev_end);
        let hi = cx.window_end(qe, next_start);
        // A quote that closes its sentence (`… “outlaw nation.” Russia insisted that …`): what
        // follows is a new sentence, whose attribution is its own unless it is only `X said.`
        let closes_sentence = qe >= 2 && qe < n && cx.is(qe - 2, ".") && cx.is_cap(qe) && !cx.newline(qe);
        let after = cx.after(qe, hi).filter(|f| !closes_sentence || cx.short_tail(f, hi));
        // a lead-in ending with a colon in the same sentence (`Pompeo told reporters: “…”`) names
        // the speaker of a quote that closes its sentence, whatever the next sentence says
        let led_in = if closes_sentence && qs > lo && cx.is(qs - 1, ":") && !segs[k].nested { cx.before(lo, qs) } else { None };
        if let Some(f) = cx.transcript(qs, qe) {
            out[k] = f;
        } else if let Some(f) = led_in {
            out[k] = f;
        } else if segs[k].nested && after.or_else(|| cx.before(lo, qs)).map_or(false, |f| f.speaker.map_or(false, |(a, b)| b == a + 1 && matches!(cx.t(a), "I" | "we" | "We" | "you" | "You"))) {
            // "… I read you the question: “…”": the passage's speaker quoting; see rule 3b
        } else if let Some(f) = after {
            out[k] = f;
        } else if let Some(f) = cx.before(lo, qs) {
            out[k] = f;
        } else if qs > lo && cx.is(qs - 1, ":") && !segs[k].nested {
            // "Trump leaned in and boomed: “…”", "Obama issued the following statement: “…”"
            if let Some(np) = cx.subject(lo, qs - 1) {
                out[k] = Found { speaker: Some(np), cue: Some((qs - 1, qs)), inherited: false };
            }
        }
    }
    // 2b. a quote opening a sentence right after "…, Schiff said." takes that speaker
    for k in 0..segs.len() {
        let (qs, _) = spans[k];
        if out[k].speaker.is_some() || qs >= n || qs < 2 || doc.tokens[qs].newline_before || !cx.is_terminal(qs - 1) {
            continue;
        }
        let prev_end = if k > 0 { spans[k - 1].1 } else { 0 };
        let lo = cx.window_start(qs - 1, prev_end);
        if let Some(f) = cx.sentence_end_cue(lo, qs - 1) {
            out[k] = f;
        } else if let Some(f) = cx.before(lo, qs - 1) {
            // paraphrase, then the quote: "Coan argues that his client … . “The government …”"
            if f.cue.map_or(false, |c| is_reporting_verb(cx.t(c.0))) {
                out[k] = Found { inherited: true, ..f };
            }
        }
    }
    // 3. continuation across paragraphs (both directions inside a chain)
    for k in 1..segs.len() {
        if segs[k].continued && out[k].speaker.is_none() && out[k - 1].speaker.is_some() {
            out[k] = Found { inherited: true, ..out[k - 1] };
        }
    }
    for k in (0..segs.len().saturating_sub(1)).rev() {
        if segs[k].continues && segs[k + 1].continued && out[k].speaker.is_none() && out[k + 1].speaker.is_some() {
            out[k] = Found { inherited: true, ..out[k + 1] };
        }
    }
    // 3b. a passage split around a quotation nested in it: the rest of the passage, and a nested
    //     quotation with no cue of its own, are the passage speaker's
    passage_pieces(doc.text, segs, &mut out);
    // 4. same paragraph
    let paras: Vec<usize> = spans.iter().map(|&(qs, _)| para_of(qs)).collect();
    for k in 0..segs.len() {
        if out[k].speaker.is_some() || spans[k].0 >= n {
            continue;
        }
        // (a bounded look either way keeps this linear in quote-dense paragraphs)
        // (a quotation nested in a passage lends nothing: its speaker is quoted by someone else)
        let lends = |j: usize| out[j].speaker.is_some() && !out[j].inherited && !segs[j].nested;
        let prev = (0..k).rev().take(NEIGHBOURS).take_while(|&j| paras[j] == paras[k]).find(|&j| lends(j));
        let next = (k + 1..segs.len()).take(NEIGHBOURS).take_while(|&j| paras[j] == paras[k]).find(|&j| lends(j));
        if let Some(j) = prev.or(next) {
            // a phrase quoted in another sentence with a subject of its own belongs to that
            // subject (rule 7): "He promises to … He rails against its “Great Wall”"
            let (qs, qe) = spans[k];
            let lo = cx.window_start(qs, paras[k]);
            let same_sentence = if j < k { spans[j].1 > lo } else { spans[j].0 <= cx.window_end(qe, n) };
            if !same_sentence && lo + 2 <= qs && cx.subject(lo, qs).is_some() {
                continue;
            }
            out[k] = Found { inherited: true, ..out[j] };
        }
    }
    // 5. lead-in with a colon at the end of the previous paragraph
    for k in 0..segs.len() {
        let (qs, _) = spans[k];
        if out[k].speaker.is_some() || qs >= n || qs == 0 || paras[k] != qs {
            continue;
        }
        if cx.is(qs - 1, ":") {
            let lo = cx.window_start(qs - 1, 0);
            if let Some(f) = cx.before(lo, qs) {
                out[k] = f;
            } else if let Some(np) = cx.subject(lo, qs - 1) {
                out[k] = Found { speaker: Some(np), cue: Some((qs - 1, qs)), inherited: false };
            }
        }
    }
    // 6. a paragraph that opens with a full quote and has no cue continues the speaker of the
    //    previous paragraph's last quote
    for k in 1..segs.len() {
        let (qs, _) = spans[k];
        if out[k].speaker.is_some() || qs >= n || paras[k] != qs || paras[k - 1] == paras[k] {
            continue;
        }
        if out[k - 1].speaker.is_none() || super::kind::classify(doc.text, &segs[k], true, true) != crate::model::QuoteKind::Full {
            continue;
        }
        // the previous quote's paragraph must be the one right before this one
        let prev_para_end = paras[k];
        let between = &doc.tokens[spans[k - 1].1.min(n)..prev_para_end];
        if between.iter().any(|t| t.newline_before) {
            continue;
        }
        out[k] = Found { inherited: true, ..out[k - 1] };
    }
    // 3b again, now that lead-ins are known
    passage_pieces(doc.text, segs, &mut out);
    // 7. a phrase quoted inside the writer's sentence with no cue belongs to the sentence's
    //    subject: "Sanders ticked off issues, including making the wealthy pay their “fair share”"
    for k in 0..segs.len() {
        let (qs, _) = spans[k];
        if out[k].speaker.is_some() || qs >= n || segs[k].continued {
            continue;
        }
        // the whole sentence, even across an earlier quote in it ("blasted Trump's call for a
        // “deportation force,” calling it “absurd”")
        let lo = cx.window_start(qs, paras[k]);
        if lo + 2 <= qs {
            if let Some(np) = cx.subject(lo, qs) {
                out[k] = Found { speaker: Some(np), cue: None, inherited: false };
            }
        }
    }
    // 8. what is still without a speaker takes the subject of the sentence before it in the
    //    paragraph: the paraphrase, then the words (`Clinton touted her record. “We need …”`)
    for k in 0..segs.len() {
        let (qs, _) = spans[k];
        if out[k].speaker.is_some() || qs >= n || segs[k].continued {
            continue;
        }
        let lo = cx.window_start(qs, paras[k]);
        if lo > paras[k] && lo >= 2 {
            let plo = cx.window_start(lo - 1, paras[k]);
            // the speaker of a sentence ending `…, he said.`, else its subject
            let speaker = cx.sentence_end_cue(plo, lo - 1).and_then(|f| f.speaker).or_else(|| cx.subject(plo, lo - 1));
            if let Some(np) = speaker {
                out[k] = Found { speaker: Some(np), cue: None, inherited: false };
            }
        }
    }
    // chains again, now that lead-ins are known
    for k in 1..segs.len() {
        if segs[k].continued && out[k].speaker.is_none() && out[k - 1].speaker.is_some() {
            out[k] = Found { inherited: true, ..out[k - 1] };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks;

    /// Speaker and cue text of each quote in `text`.
    fn run(text: &str) -> Vec<(String, String)> {
        Doc::with(text, |doc| {
            let segs = marks::find(text);
            let found = attribute(doc, &segs, &[]);
            let sl = |r: Option<Range>| {
                r.map_or(String::new(), |(a, b)| text[doc.tokens[a].start..doc.tokens[b - 1].end].to_string())
            };
            found.iter().map(|f| (sl(f.speaker), sl(f.cue))).collect()
        })
    }

    fn speakers(text: &str) -> Vec<String> {
        run(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn x_said_and_said_x() {
        assert_eq!(run("“We will win,” Lee said."), [("Lee".into(), "said".into())]);
        assert_eq!(run("“We will win,” said Lee Sang-sook."), [("Lee Sang-sook".into(), "said".into())]);
        assert_eq!(speakers("“It is over,” he said."), ["he"]);
    }

    #[test]
    fn appositive_and_parenthetical() {
        assert_eq!(
            run("“Fine,” said Lee Sang-sook, a professor at the Korea National Diplomatic Academy."),
            [("Lee Sang-sook".into(), "said".into())]
        );
        assert_eq!(speakers("“Fine,” Lee, a professor at Yonsei University, said."), ["Lee"]);
        assert_eq!(speakers("“No deals,” Oversight Chairman Jason Chaffetz (R-Utah) said in a statement."), ["Oversight Chairman Jason Chaffetz"]);
    }

    #[test]
    fn told_according_to_and_colon() {
        assert_eq!(run("Lu told reporters: “We are friends.”"), [("Lu".into(), "told".into())]);
        assert_eq!(run("“Growth is slow,” according to the central bank."), [("the central bank".into(), "according to".into())]);
        assert_eq!(run("According to Smith, “nothing changed.”"), [("Smith".into(), "According to".into())]);
        assert_eq!(speakers("Trump: “We will build it.”"), ["Trump"]);
        // regression: the next sentence's "According to X," took the cue of a colon-led quote
        assert_eq!(
            run("Pompeo told reporters: “The door is open.” According to Lee, “nothing has been agreed.”"),
            [("Pompeo".into(), "told".into()), ("Lee".into(), "According to".into())]
        );
    }

    #[test]
    fn dash_and_other_verbs() {
        assert_eq!(speakers("“Be kind.” — Maya Angelou"), ["Maya Angelou"]);
        assert_eq!(run("“Not now,” she added."), [("she".into(), "added".into())]);
        assert_eq!(run("“Sad!” Trump wrote on Twitter."), [("Trump".into(), "wrote".into())]);
        for v in ["argued", "warned", "insisted", "noted", "asked", "told reporters"] {
            let t = format!("“This is it,” the spokesman {v}.");
            assert_eq!(speakers(&t), ["the spokesman"], "{v}");
        }
        assert_eq!(speakers("“We must act,” Warren said in a statement."), ["Warren"]);
    }

    #[test]
    fn partial_quotes_take_the_subject() {
        assert_eq!(speakers("The North Korean leader said in his address that he might take a “new path” soon."), ["The North Korean leader"]);
        assert_eq!(speakers("Kim has proposed cooperation with fellow “socialist countries” to grow."), ["Kim"]);
        assert_eq!(
            speakers("Kim met Trump in June. Trump is seeking a summit, saying Sunday a date would be announced “in the not-too-distant future.”"),
            ["Trump"]
        );
    }

    #[test]
    fn sentence_level_patterns() {
        // relative clause: the mention is "who"
        assert_eq!(speakers("Cruz won an endorsement from Mike Lee, who declared, “It is time to unite.”"), ["who"]);
        // the attribution closes the sentence after a mid-sentence quote
        assert_eq!(speakers("The treaty signals “the beginning of the end” for the EU, said Geert Wilders, a lawmaker."), ["Geert Wilders"]);
        assert_eq!(speakers("Endorsements bring “grass-roots firepower” to candidates, DFA spokesman Neil Sroka said."), ["DFA spokesman Neil Sroka"]);
        // an earlier sentence "…, X said." lends its speaker to the quote that follows
        assert_eq!(speakers("It will take time, Schiff said. “We need to know more.”"), ["Schiff"]);
        // a stance verb inside the complement of a verb of speech
        assert_eq!(speakers("Park said Kim's state is “spiraling out of control.”"), ["Park"]);
        // …but not across a comma or into a clause of its own
        assert_eq!(speakers("When Clinton said so, Trump boasted, “That makes me smart.”"), ["Trump"]);
        assert_eq!(speakers("“Calm down,” Cruz said as the heckler yelled: “You suck!”")[1], "the heckler");
        // a prepositional phrase between speaker and verb
        assert_eq!(speakers("Trump at the time said he would “look into” it."), ["Trump"]);
        // transcripts name the speaker inside the quote
        assert_eq!(speakers("\"PENCE: Well, look, that is not true.\""), ["PENCE"]);
        // any verb after a quote that hands over with a comma, "?" or "!"
        assert_eq!(speakers("“This is fantastic!” beamed Donald Hartley of Madison."), ["Donald Hartley of Madison"]);
        assert_eq!(speakers("“Maybe let some people stay?” Hannity pressed."), ["Hannity"]);
        // paraphrase, then the quote in the next sentence
        assert_eq!(speakers("Coan, his attorney, argues that his client did nothing. “The government is wrong.”"), ["Coan"]);
        // a name with a parenthetical, and an appositive name
        assert_eq!(speakers("“No,” Sen. Claire McCaskill (D-Mo.) said."), ["Sen. Claire McCaskill"]);
        assert_eq!(speakers("In a statement, her senior policy adviser, Jake Sullivan, said: “We agree.”"), ["Jake Sullivan"]);
        // a lone capitalised word opening the sentence is a subject only when it is a name
        assert_eq!(speakers("Optimism is higher among “young voters” now."), [""]);
    }

    #[test]
    fn speaker_phrases_end_at_the_verb() {
        // a past form after a name is the verb, not part of the name
        assert_eq!(speakers("Phil Kerpen needled the CNN “reporter,” saying, “A reporter who tweets!”")[1], "Phil Kerpen");
        assert_eq!(speakers("Bernie Sanders credited Clinton's victory to “a closed primary” in New York."), ["Bernie Sanders"]);
        assert_eq!(speakers("The team cited “blocked toilets and leaking pipes” in the village."), ["The team"]);
        assert_eq!(speakers("Her economic plan promises to “lift up participation” for women."), ["Her economic plan"]);
        // a first name that is also a small word
        assert_eq!(speakers("“It is costly,” said Will Doyle, a professor."), ["Will Doyle"]);
        // the period of an abbreviation inside brackets does not end the sentence
        assert_eq!(speakers("“No,” Sen. Chuck Schumer (D-N.Y.) said Tuesday."), ["Sen. Chuck Schumer"]);
        // a phrase of place between the speaker and the verb
        assert_eq!(speakers("“She will fight,” a voice-over in the ad states."), ["a voice-over in the ad"]);
    }

    #[test]
    fn attribution_at_the_sentence_end_before_a_participle() {
        let t = "“You squeezed employees” to drive up the stock price, she said, referencing the drive to “cross-sell” products.";
        assert_eq!(speakers(t), ["she", "she"]);
    }

    #[test]
    fn appositives_and_objects() {
        // the object of a preposition inside an appositive is not the speaker
        assert_eq!(speakers("Hillary Clinton, during a town hall meeting in Columbus, Ohio, said she was “going to put a lot of coal miners out of business.”"), ["Hillary Clinton"]);
        // nor is the object of a reporting verb a subject
        let t = "Hemsley, the author of “Going Viral,” said the days when the nation had “a somewhat unified” view are gone.";
        assert_ne!(speakers(t)[1], "the days");
    }

    #[test]
    fn adjectives_in_ing_and_sentence_end_speakers() {
        assert_eq!(speakers("“It was very nice,” the gambling tycoon told Reuters in an interview."), ["the gambling tycoon"]);
        // rule 8 prefers the speaker of `…, he said.` over the first subject of that sentence
        assert_eq!(speakers("It is hard, he said. Good information can win when “the truth is sexier than the lie.”"), ["he"]);
    }

    #[test]
    fn a_name_and_a_colon_after_a_dash_or_more_from() {
        assert_eq!(speakers("RED STATES OUTNUMBER BLUE - Jeffrey M. Jones: “Gallup finds that 20 states are red.”"), ["Jeffrey M. Jones"]);
        assert_eq!(speakers("What that means - More from Jones: “The partisanship of the state matters.”"), ["Jones"]);
        assert_eq!(speakers("In other words, explained CBS moderator Nancy Cordes: “What does that have to do with it?”"), ["CBS moderator Nancy Cordes"]);
        // …but not a place after "from"
        assert_eq!(speakers("Trump suggested Curiel was from Mexico: “The judge is Mexican.”"), ["Trump"]);
    }

    #[test]
    fn the_owner_of_a_claim() {
        assert_eq!(speakers("Pence faulted the media over Donald Trump's claim that Obama “founded ISIS.”"), ["Donald Trump"]);
        // not when a verb of the sentence attributes it
        assert_eq!(speakers("Reince Priebus called Clinton's remarks on 9/11 a “new low” today."), ["Reince Priebus"]);
        // a lower-case verb after a head noun ends the speaker phrase
        assert_eq!(speakers("The Rove ad hits Clinton for taking “54 times more money” from banks."), ["The Rove ad"]);
    }

    #[test]
    fn a_number_opens_a_description() {
        assert_eq!(speakers("“They are wrong,” said 9/11 widow Terry Strada."), ["9/11 widow Terry Strada"]);
    }

    #[test]
    fn a_second_verb_of_the_same_subject() {
        assert_eq!(speakers("Diamond Reynolds then urges her husband to come out and repeatedly says, “Don't you do it,” until the end."), ["Diamond Reynolds"]);
    }

    #[test]
    fn a_name_after_a_preposition_is_no_subject_of_a_verb() {
        // "claims" is a noun after "of Republican"
        assert_eq!(speakers("The site PolitiFact rated 32% of Republican claims as “false” or worse."), ["The site PolitiFact"]);
    }

    #[test]
    fn a_subject_never_follows_a_preposition() {
        assert_eq!(speakers("In response to the filings, Cruz's lawyers relied on cases to show he is “natural born.”"), ["Cruz's lawyers"]);
    }

    #[test]
    fn a_quote_closing_its_sentence_keeps_its_own_attribution() {
        let t = "Japan branded North Korea an “outlaw nation.” Russia insisted that Pyongyang “stop its escapades.”";
        assert_eq!(speakers(t), ["Japan", "Russia"]);
        // the next sentence's attribution runs on to a quote of its own
        let t = "Russia insisted that Pyongyang “stop its escapades.” The Atomic Energy Agency said Korea had shown “complete disregard.”";
        assert_eq!(speakers(t), ["Russia", "The Atomic Energy Agency"]);
        // …but a bare `X said.` after it is still its attribution
        assert_eq!(speakers("“We are done here.” Lee said Tuesday."), ["Lee"]);
    }

    #[test]
    fn paraphrase_then_quote() {
        // any reporting verb in the sentence before lends its subject to a quote opening the next
        assert_eq!(speakers("Dianne Bystrom agreed. “Mainstream Republicans are running out of time.”"), ["Dianne Bystrom"]);
        // rule 8: the subject of the sentence before, when nothing else attributes the quote
        assert_eq!(speakers("Hillary Clinton spoke at length about unions. “We need to support workers.”"), ["Hillary Clinton"]);
    }

    #[test]
    fn a_passage_keeps_its_speaker_around_a_nested_quotation() {
        let t = "Caddell continued:\n\n\"The issue is partisan, so I read them the question: “Is she fit?” Forty-three, yes.\"";
        assert_eq!(speakers(t), ["Caddell", "Caddell", "Caddell"]);
        assert_eq!(speakers("\"PENCE: Well, look, this is not an episode of “Shark Tank.” But this is America."), ["PENCE", "PENCE", "PENCE"]);
        // a nested quotation with a cue of its own keeps it
        assert_eq!(speakers("\"Donald Trump walked onto the stage, chanting “U-S-A! U-S-A!”")[1], "Donald Trump");
    }

    #[test]
    fn inheritance_rules() {
        // same paragraph
        assert_eq!(speakers("“One,” said Caddell. “Two.”"), ["Caddell", "Caddell"]);
        // continuation over paragraphs
        assert_eq!(speakers("“First part,” she said. “Still going.\n\n“And more.”"), ["she", "she", "she"]);
        // lead-in with a colon
        assert_eq!(speakers("Caddell continued:\n\n\"The health issue is partisan.\""), ["Caddell"]);
        // an unrelated title in quotes stays unattributed
        assert_eq!(speakers("The show “Morning Joe” aired."), [""]);
    }
}
