//! From a speaker mention to a name: the entity group it belongs to when the tagger found one;
//! otherwise the full name written earlier ("Lu" → "Lu Kang"), and for pronouns and titles ("he",
//! "the North Korean leader") the person the story was last about.

use crate::text::fasthash::FastMap as HashMap;

use super::cues::*;
use crate::entities::given_names::{self, Sex};
use crate::model::{Entity, Group, Label};
use crate::text::{Doc, TokKind};

/// A resolved speaker: canonical name and entity group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub name: String,
    pub group: Option<usize>,
}

/// A capitalised name written in the text (titles dropped), by token range.
#[derive(Clone, Debug)]
struct Name {
    a: usize,
    b: usize,
    /// Starts a sentence and is followed by a lower-case word: the sentence's subject.
    subject: bool,
}

pub struct Resolver<'a, 'd> {
    doc: &'a Doc<'d>,
    entities: &'a [Entity],
    groups: &'a [Group],
    names: Vec<Name>,
    /// Names of two words or more by their last word, in text order ("Trump" → "Donald Trump").
    by_last: HashMap<&'d str, Vec<(usize, usize)>>,
    /// The first name of two words or more starting with a word ("Lu" → "Lu Kang").
    by_first: HashMap<&'d str, (usize, usize)>,
    /// Indices into `names` of sentence subjects, in text order.
    subjects: Vec<usize>,
    /// Entity groups by lower-cased canonical name, and by the text of their mentions.
    group_by_name: HashMap<String, usize>,
    group_by_mention: HashMap<&'a str, usize>,
    /// Speakers resolved so far: (byte position, name, is a person).
    history: Vec<(usize, String, bool)>,
}

/// `s` lower-cased: the same as `to_lowercase`, by the cheaper ASCII copy when `s` is ASCII.
fn lower_name(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

fn cap(w: &str) -> bool {
    w.chars().next().map_or(false, char::is_uppercase)
}

struct CapWord {
    name: bool,
    mid: bool,
}

/// The capitalised words of a document, one entry per distinct word: whether the word lists let it
/// be a name (consulted once per word), and whether it is also seen inside a sentence (a name
/// rather than a sentence opener). Gathered once for the attribution and the resolver.
pub struct CapWords<'d> {
    words: HashMap<&'d str, CapWord>,
    /// Per token: a capitalised word that may be (part of) a name.
    is_name: Vec<bool>,
}

impl<'d> CapWords<'d> {
    pub fn new(doc: &Doc<'d>) -> Self {
        let toks = doc.tokens;
        let mut words: HashMap<&'d str, CapWord> = HashMap::with_capacity_and_hasher(toks.len() / 16 + 16, Default::default());
        let mut is_name = vec![false; toks.len()];
        for i in 0..toks.len() {
            if toks[i].kind != TokKind::Word {
                continue;
            }
            let w = doc.tok(i);
            if !cap(w) {
                continue;
            }
            let mid = i > 0 && !toks[i].newline_before && {
                let prev = doc.tok(i - 1);
                !matches!(prev, "." | "!" | "?" | ":") && !prev.chars().all(super::marks::is_quote_mark)
            };
            let e = words.entry(w).or_insert_with(|| CapWord {
                name: !is_stop(w) && !is_calendar_word(w) && !is_determiner(w) && !is_pronoun(w),
                mid: false,
            });
            e.mid |= mid;
            is_name[i] = e.name;
        }
        CapWords { words, is_name }
    }

    /// `w` is written with a capital inside a sentence somewhere (not only as a sentence's first word).
    pub fn mid_sentence(&self, w: &str) -> bool {
        self.words.get(w).map_or(false, |c| c.mid)
    }
}

impl<'a, 'd> Resolver<'a, 'd> {
    /// `quoted`: byte ranges of quoted text, sorted; names inside them are not the story's people.
    pub fn new(doc: &'a Doc<'d>, entities: &'a [Entity], groups: &'a [Group], quoted: &[(usize, usize)]) -> Self {
        Self::with_caps(doc, entities, groups, quoted, CapWords::new(doc))
    }

    /// [`Resolver::new`] with the document's capitalised words already gathered.
    #[inline(never)]
    pub fn with_caps(doc: &'a Doc<'d>, entities: &'a [Entity], groups: &'a [Group], quoted: &[(usize, usize)], caps: CapWords<'d>) -> Self {
        let mut names = Vec::new();
        let toks = doc.tokens;
        let in_quote = |pos: usize| -> bool {
            let k = quoted.partition_point(|q| q.1 <= pos);
            k < quoted.len() && quoted[k].0 <= pos
        };
        let CapWords { words, mut is_name } = caps;
        // a capitalised word of a person's name the tagger found is a name word, even one that is
        // also a month or a stop word elsewhere ("Theresa May", "Will Smith")
        for e in entities.iter().filter(|e| e.label == Label::PER) {
            let from = toks.partition_point(|t| t.start < e.start);
            for t in from..toks.len() {
                if toks[t].start >= e.end {
                    break;
                }
                if toks[t].kind == TokKind::Word && cap(doc.tok(t)) {
                    is_name[t] = true;
                }
            }
        }
        let mut sentence_first = vec![false; toks.len()];
        for s in doc.sentences {
            // first word of the sentence, past quotes and conjunctions
            let mut i = s.first;
            while i < s.end && (toks[i].kind == TokKind::Punct || is_stop(doc.tok(i))) {
                i += 1;
            }
            if i < s.end {
                sentence_first[i] = true;
            }
        }
        let name_word = |i: usize| -> bool { is_name[i] };
        let mut i = 0;
        while i < toks.len() {
            if !name_word(i) {
                i += 1;
                continue;
            }
            let a0 = i;
            let mut b = i;
            while b < toks.len() && name_word(b) && (b == a0 || !toks[b].newline_before) {
                b += 1;
            }
            // drop everything up to the last title: "Turkish President | Recep Tayyip Erdoğan"
            let mut a = (a0..b.saturating_sub(1)).rev().find(|&t| is_title(doc.tok(t))).map_or(a0, |t| t + 1);
            // a person's full name that the tagger found at the end of a longer run starts the name
            // there: "Secretary of State | Mike Pompeo" (`State` is no title word on its own)
            if b > a + 2 {
                let k = entities.partition_point(|e| e.start <= toks[b - 1].start);
                if let Some(e) = k.checked_sub(1).map(|k| &entities[k]) {
                    if e.label == Label::PER && e.end == toks[b - 1].end && e.start > toks[a].start && e.text.contains(' ') {
                        if let Some(t) = (a + 1..b).find(|&t| toks[t].start == e.start) {
                            a = t;
                        }
                    }
                }
            }
            let subject = sentence_first[a0]
                && b < toks.len()
                && toks[b].kind == TokKind::Word
                && !cap(doc.tok(b))
                && (b - a >= 2 || words.get(doc.tok(a)).map_or(false, |w| w.mid) || {
                    // entities are sorted and disjoint: only the one starting last at or before `a` can hold it
                    let k = entities.partition_point(|e| e.start <= toks[a].start);
                    k > 0 && { let e = &entities[k - 1]; e.label == Label::PER && toks[a].end <= e.end }
                });
            if a < b && !in_quote(toks[a].start) {
                names.push(Name { a, b, subject });
            }
            i = b;
        }
        let mut by_last: HashMap<&'d str, Vec<(usize, usize)>> = HashMap::default();
        let mut by_first: HashMap<&'d str, (usize, usize)> = HashMap::default();
        for n in names.iter().filter(|n| n.b - n.a >= 2) {
            by_last.entry(doc.tok(n.b - 1)).or_default().push((n.a, n.b));
            by_first.entry(doc.tok(n.a)).or_insert((n.a, n.b));
        }
        let subjects = (0..names.len()).filter(|&i| names[i].subject).collect();
        let mut group_by_name = HashMap::default();
        for (i, g) in groups.iter().enumerate() {
            group_by_name.entry(lower_name(&g.name)).or_insert(i);
        }
        let mut group_by_mention = HashMap::default();
        for e in entities.iter().filter(|e| e.group < groups.len()) {
            group_by_mention.entry(e.text.as_str()).or_insert(e.group);
        }
        Resolver { doc, entities, groups, names, by_last, by_first, subjects, group_by_name, group_by_mention, history: Vec::new() }
    }

    fn text(&self, a: usize, b: usize) -> &'d str {
        &self.doc.text[self.doc.tokens[a].start..self.doc.tokens[b - 1].end]
    }

    /// The entity group of a mention spanning bytes `start..end` (people first).
    fn group_at(&self, start: usize, end: usize) -> Option<usize> {
        // entities are sorted and do not overlap: the ones under the span end just before `k`
        let k = self.entities.partition_point(|e| e.start < end);
        let over = self.entities[..k].iter().rev().take_while(|e| start < e.end);
        let mut best: Option<&Entity> = None;
        for e in over {
            let rank = |x: &Entity| match x.label {
                Label::PER => 0,
                Label::ORG => 1,
                _ => 2,
            };
            if best.map_or(true, |b| rank(e) < rank(b) || (rank(e) == rank(b) && e.start >= b.start)) {
                best = Some(e);
            }
        }
        best.map(|e| e.group).filter(|&g| g < self.groups.len())
    }

    /// The full name for a single-word name at token `i`: the latest earlier name ending with it
    /// ("Trump" → "Donald Trump"), else starting with it ("Lu" → "Lu Kang").
    fn full_name(&self, i: usize) -> Option<(usize, usize)> {
        let w = self.doc.tok(i);
        let last_pos = self.by_last.get(w).and_then(|v| {
            let k = v.partition_point(|n| n.1 <= i);
            (k > 0).then(|| v[k - 1])
        });
        last_pos.or_else(|| self.by_first.get(w).copied().filter(|n| n.1 <= i))
    }

    /// Resolve a name written at tokens `[a, b)` (titles dropped, short names completed).
    fn name_of(&self, a: usize, b: usize) -> String {
        // the trailing run of capitalised words, minus titles
        let mut s = b;
        while s > a && cap(self.doc.tok(s - 1)) && !is_determiner(self.doc.tok(s - 1)) {
            s -= 1;
        }
        if let Some(t) = (s..b.saturating_sub(1)).rev().find(|&t| is_title(self.doc.tok(t))) {
            s = t + 1;
        }
        if s >= b {
            return self.text(a, b).to_string();
        }
        if b - s == 1 {
            if let Some((fa, fb)) = self.full_name(s) {
                return self.text(fa, fb).to_string();
            }
        }
        if s > a && !is_determiner(self.doc.tok(a)) && b - s >= 1 && (a..s).all(|i| !cap(self.doc.tok(i))) {
            return self.text(s, b).to_string();
        }
        if is_determiner(self.doc.tok(a)) && (a + 1..b).all(|i| cap(self.doc.tok(i))) {
            return self.text(a, b).to_string(); // The New York Post
        }
        self.text(s, b).to_string()
    }

    /// The person the story was last about before byte `pos`: the latest named speaker or sentence
    /// subject.
    fn antecedent(&self, pos: usize, person: bool, sex: Option<Sex>) -> Option<(String, Option<usize>)> {
        let spks = || self.history.iter().rev().take(64).filter(|h| h.0 < pos && (h.2 || !person));
        let k = self.subjects.partition_point(|&n| self.doc.tokens[self.names[n].b - 1].end <= pos);
        let subjs = || (0..k).rev().take(64).map(|j| &self.names[self.subjects[j]]);
        // the later of the last speaker and the last sentence subject
        let pick = |spk: Option<&(usize, String, bool)>, subj: Option<&Name>| {
            let subj_pos = subj.map(|n| self.doc.tokens[n.a].start);
            match (spk, subj, subj_pos) {
                (Some(h), Some(n), Some(sp)) if sp > h.0 => Some(self.subject_name(n)),
                (Some(h), _, _) => Some((h.1.clone(), None)),
                (None, Some(n), _) => Some(self.subject_name(n)),
                _ => None,
            }
        };
        let found = pick(spks().next(), subjs().next());
        // "he" is no one whose given name is a woman's, "she" no one whose is a man's: then the
        // pronoun goes to the nearest speaker or subject whose given name fits (one that tells
        // nothing, "Ohio" or "Barack Obama", is passed over), else stays unresolved
        let sex_of = |name: &str| name.split(' ').next().and_then(given_names::sex_of);
        let (Some(want), Some((name, _))) = (sex, &found) else { return found };
        match sex_of(name) {
            Some(has) if has != want && has != Sex::Either => {
                let fits = |name: &str| sex_of(name).map_or(false, |has| has == want || has == Sex::Either);
                pick(spks().find(|h| fits(&h.1)), subjs().find(|n| fits(&self.name_of(n.a, n.b))))
            }
            _ => found,
        }
    }

    /// A sentence subject's name and entity group.
    fn subject_name(&self, n: &Name) -> (String, Option<usize>) {
        (self.name_of(n.a, n.b), self.group_at(self.doc.tokens[n.a].start, self.doc.tokens[n.b - 1].end))
    }

    /// The person named in apposition after a description ending at token `b`: "the spokesperson,
    /// Jane Doe," / "a spokeswoman for the company, Maria Lopez." — a comma within a few words,
    /// then a person's name the tagger found, closed by punctuation.
    fn appositive(&self, b: usize) -> Option<&'a Entity> {
        let toks = self.doc.tokens;
        let end = (b + 8).min(toks.len());
        let mut i = b;
        while i < end && self.doc.tok(i) != "," {
            if toks[i].kind != TokKind::Word || (i > b && toks[i].newline_before) {
                return None;
            }
            i += 1;
        }
        if i >= end || i + 1 >= toks.len() {
            return None;
        }
        let start = toks[i + 1].start;
        let k = self.entities.partition_point(|e| e.start < start);
        let e = self.entities.get(k).filter(|e| e.start == start && e.label == Label::PER)?;
        let after = toks.partition_point(|t| t.start < e.end);
        (after >= toks.len() || matches!(self.doc.tok(after), "," | "." | ";" | ")")).then_some(e)
    }

    /// "the spokesman", "The North Korean leader": a determiner and a lower-case person noun.
    fn is_description(&self, a: usize, b: usize) -> bool {
        let last = self.doc.tok(b - 1);
        is_determiner(self.doc.tok(a)) && !cap(last) && is_person_noun(last)
    }

    /// Link a name resolved from the text to an entity group: the group named so, else the group
    /// of the entity under the mention, keeping the fuller of the two names ("Lu Kang" over a
    /// group named "Lu").
    fn link(&self, r: Resolved, over: Option<usize>) -> Resolved {
        if r.group.is_some() {
            return r;
        }
        let by_name = self
            .group_by_name
            .get(&lower_name(&r.name))
            .or_else(|| self.group_by_mention.get(r.name.as_str()))
            .copied();
        if let Some(g) = by_name {
            return Resolved { name: self.groups[g].name.clone(), group: Some(g) };
        }
        let Some(g) = over else { return r };
        // a group named with its title keeps the bare name: "Recep Tayyip Erdoğan"
        let gname = {
            let ws: Vec<&str> = self.groups[g].name.split(' ').collect();
            let cut = (0..ws.len().saturating_sub(1)).rev().find(|&i| is_title(ws[i])).map_or(0, |i| i + 1);
            ws[cut..].join(" ")
        };
        if gname.eq_ignore_ascii_case(&r.name) {
            return Resolved { name: gname, group: Some(g) };
        }
        let words = |s: &str| -> Vec<String> { s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(lower_name).collect() };
        let (mine, theirs) = (words(&r.name), words(&gname));
        if mine.len() > theirs.len() && theirs.iter().all(|w| mine.contains(w)) {
            Resolved { name: r.name, group: Some(g) }
        } else {
            Resolved { name: gname, group: Some(g) }
        }
    }

    /// Resolve the mention at tokens `[a, b)`.
    pub fn resolve(&mut self, a: usize, b: usize) -> Resolved {
        let toks = self.doc.tokens;
        let start = toks[a].start;
        let mention = self.text(a, b).to_string();
        let first = self.doc.tok(a);
        let has_cap = (a..b).any(|i| cap(self.doc.tok(i)) && !(i == a && is_determiner(first)));
        let pronoun = b - a == 1 && is_pronoun(first);
        let description = self.is_description(a, b);
        // the entity whose mention holds the head (last word) of the speaker phrase
        let head = (toks[b - 1].start, toks[b - 1].end);
        let over = if pronoun || description || matches!(first, "who" | "which") { None } else { self.group_at(head.0, head.1) };
        let relative = b - a == 1 && matches!(first, "who" | "which");
        let appositive = if description { self.appositive(b) } else { None };
        let r = if let Some(e) = appositive {
            // "The spokesperson, Jane Doe, said": the name in apposition
            Resolved { name: e.text.clone(), group: (e.group < self.groups.len()).then_some(e.group) }
        } else if relative {
            // the name the relative clause hangs on: "Mike Lee, who declared …"
            match self.names[..self.names.partition_point(|n| n.b <= a)].last().filter(|n| a - n.b <= 1) {
                Some(n) => Resolved { name: self.name_of(n.a, n.b), group: None },
                None => match self.antecedent(start, false, None) {
                    Some((name, g)) => Resolved { name, group: g },
                    None => Resolved { name: mention.clone(), group: None },
                },
            }
        } else if pronoun {
            let lower = first.to_ascii_lowercase();
            let person = matches!(lower.as_str(), "he" | "she" | "i");
            let sex = match lower.as_str() {
                "he" => Some(Sex::Male),
                "she" => Some(Sex::Female),
                _ => None,
            };
            match self.antecedent(start, person, sex) {
                Some((name, g)) => Resolved { name, group: g },
                None => Resolved { name: mention.clone(), group: None },
            }
        } else if has_cap && !description {
            Resolved { name: self.name_of(a, b), group: None }
        } else if is_person_noun(self.doc.tok(b - 1)) && first.eq_ignore_ascii_case("the") {
            // "the North Korean leader": who that description named earlier, else the last person
            // (looked for in the preceding few thousand bytes, to stay linear)
            let lower = mention.to_ascii_lowercase();
            let mut from = start.saturating_sub(8000);
            while !self.doc.text.is_char_boundary(from) {
                from += 1;
            }
            let earlier = self.doc.text[from..start].to_ascii_lowercase().find(&lower).map(|p| from + p);
            let by_earlier = earlier.and_then(|p| {
                let k = self.subjects.partition_point(|&n| toks[self.names[n].a].start < p);
                (k > 0).then(|| {
                    let n = &self.names[self.subjects[k - 1]];
                    (self.name_of(n.a, n.b), None)
                })
            });
            // else the last person named with that word as a title ("President Obama" for "the
            // president"), rather than whoever was named last ("Senator Warren")
            let head_word = self.doc.tok(b - 1);
            let before = &self.names[..self.names.partition_point(|n| toks[n.a].start < start)];
            // the words of a name and the two before it, where its title stands ("Sen. Warren",
            // "Senator Elizabeth Warren")
            let title_words = |n: &Name| (n.a.saturating_sub(2)..n.b.saturating_sub(1)).map(|t| self.doc.tok(t));
            let by_title = || {
                before
                    .iter()
                    .rev()
                    .take(200)
                    .take_while(|n| start - toks[n.a].start <= 8000)
                    .find(|n| title_words(n).any(|w| w.eq_ignore_ascii_case(head_word)))
                    .map(|n| (self.name_of(n.a, n.b), None))
            };
            // the last person, unless named with another office ("the president" is not
            // "Senator Elizabeth Warren")
            let by_last = || {
                let (name, g) = self.antecedent(start, true, None)?;
                let Some(office) = office_of(head_word) else { return Some((name, g)) };
                // the person's mentions: the same last word ("Warren", "Elizabeth Warren")
                let last = name.rsplit(' ').next().unwrap_or("");
                let other = before.iter().rev().take(200).any(|n| {
                    self.name_of(n.a, n.b).rsplit(' ').next() == Some(last)
                        && title_words(n).any(|w| office_of(w).map_or(false, |o| o != office))
                });
                (!other).then_some((name, g))
            };
            match by_earlier.or_else(by_title).or_else(by_last) {
                Some((name, g)) => Resolved { name, group: g },
                None => Resolved { name: mention.clone(), group: None },
            }
        } else {
            Resolved { name: mention.clone(), group: None }
        };
        let r = self.link(r, over);
        let person = has_cap || is_pronoun(first) || is_person_noun(self.doc.tok(b - 1));
        if has_cap || r.group.is_some() {
            self.history.push((start, r.name.clone(), person));
        }
        r
    }
}

/// The office a title or role noun names, one word for its spellings (`Sen.`, `senator` →
/// `senator`); `None` for other words (`spokesman`, `official`, `Mr.`).
fn office_of(word: &str) -> Option<&'static str> {
    let mut buf = [0u8; 24];
    let w = word.as_bytes();
    if w.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    buf[..w.len()].copy_from_slice(w);
    buf[..w.len()].make_ascii_lowercase();
    Some(match std::str::from_utf8(&buf[..w.len()]).ok()? {
        "president" | "pres." => "president",
        "senator" | "sen." => "senator",
        "representative" | "rep." | "congressman" | "congresswoman" => "representative",
        "governor" | "gov." => "governor",
        "mayor" => "mayor",
        "secretary" => "secretary",
        "minister" | "premier" => "minister",
        "chancellor" => "chancellor",
        "judge" | "justice" => "judge",
        "general" | "gen." => "general",
        "ambassador" | "amb." => "ambassador",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_noun_is_not_a_person_named_with_another_office() {
        // also when the last mention is the bare surname
        let text = "\"No,\" said Senator Elizabeth Warren. Warren added: \"Never.\" The president tweeted \"a disaster\".";
        let got = Doc::with(text, |doc| {
            let mut r = Resolver::new(doc, &[], &[], &[]);
            let i = (0..doc.tokens.len()).find(|&i| doc.tok(i) == "Warren").unwrap();
            r.resolve(i - 2, i + 1);
            let j = (0..doc.tokens.len()).rfind(|&i| doc.tok(i) == "Warren").unwrap();
            r.resolve(j, j + 1);
            let t = (0..doc.tokens.len()).find(|&i| doc.tok(i) == "The").unwrap();
            r.resolve(t, t + 2).name
        });
        assert_eq!(got, "The president");
        let text = "President Barack Obama spoke. \"No,\" said Sen. John McCain. Later the president said \"yes\".";
        let got = Doc::with(text, |doc| {
            let mut r = Resolver::new(doc, &[], &[], &[]);
            let t = (0..doc.tokens.len()).find(|&i| doc.tok(i) == "the").unwrap();
            r.resolve(t, t + 2).name
        });
        assert_eq!(got, "Barack Obama");
    }

    fn resolve_word(text: &str, word: &str, nth: usize) -> String {
        Doc::with(text, |doc| {
            let mut r = Resolver::new(doc, &[], &[], &[]);
            let idx: Vec<usize> = (0..doc.tokens.len()).filter(|&i| doc.tok(i) == word).collect();
            r.resolve(idx[nth], idx[nth] + 1).name
        })
    }

    #[test]
    fn surnames_take_the_earlier_full_name() {
        assert_eq!(resolve_word("Foreign Ministry spokesman Lu Kang spoke. Later Lu said no.", "Lu", 1), "Lu Kang");
        assert_eq!(resolve_word("President Donald Trump left. Then Trump said so.", "Trump", 1), "Donald Trump");
    }

    /// Regression: the speaker of "Pompeo said" was named "State Mike Pompeo" after "Secretary of
    /// State Mike Pompeo" (the run of capitalised words), though the tagger found "Mike Pompeo".
    #[test]
    fn a_full_name_the_tagger_found_ends_a_longer_run() {
        let text = "Secretary of State Mike Pompeo met him. \"The door is open,\" Pompeo said.";
        let a = crate::annotate(text, &crate::Options::default());
        let speaker = a.quotes[0].speaker.as_ref().expect("a speaker");
        assert_eq!((speaker.text.as_str(), speaker.name.as_str()), ("Pompeo", "Mike Pompeo"));
    }

    /// Regression: "she" after "Prime Minister Theresa May spoke" stayed "she": `May` is a month,
    /// so the name ended at "Theresa" and was no sentence subject.
    #[test]
    fn a_person_whose_name_holds_a_month_is_a_subject() {
        let text = "Prime Minister Theresa May spoke on Tuesday.\n\n\"We are ready,\" she said.";
        let a = crate::annotate(text, &crate::Options::default());
        let speaker = a.quotes[0].speaker.as_ref().expect("a speaker");
        assert_eq!((speaker.text.as_str(), speaker.name.as_str()), ("she", "Theresa May"));
    }

    /// Regression: "The spokesperson, Jane Doe, said …" resolved to the previous speaker.
    #[test]
    fn a_description_takes_the_name_in_apposition() {
        let text = "'No,' said Jeremy Corbyn.\n\nThe spokesperson, Jane Doe, said the plan was \"unworkable\".\n\n\
                    \"This is a disaster,\" said a spokeswoman for the company, Maria Lopez.\n\n\
                    \"Maybe,\" said a spokesman, who declined to be named.";
        let a = crate::annotate(text, &crate::Options::default());
        let names: Vec<&str> = a.quotes.iter().map(|q| q.speaker.as_ref().map_or("", |s| s.name.as_str())).collect();
        assert_eq!(names[1..], ["Jane Doe", "Maria Lopez", "a spokesman"]);
    }

    /// Regression: "he added" after a quote of Senator Elizabeth Warren was named Elizabeth Warren.
    #[test]
    fn he_and_she_pass_over_names_of_the_other_sex() {
        let text = "\"We stay,\" Tim Cook told CNN.\n\nSenator Elizabeth Warren said the plan was \"flawed.\"\n\n\
                    \"It's over,\" he added.\n\n\"Not yet,\" she said.";
        let a = crate::annotate(text, &crate::Options::default());
        let names: Vec<&str> = a.quotes.iter().map(|q| q.speaker.as_ref().map_or("", |s| s.name.as_str())).collect();
        assert_eq!(names, ["Tim Cook", "Elizabeth Warren", "Tim Cook", "Elizabeth Warren"]);
        // no one fits: the pronoun stays as written rather than take a woman's name
        let text = "Senator Elizabeth Warren spoke.\n\n\"It's over,\" he added.";
        let a = crate::annotate(text, &crate::Options::default());
        assert_eq!(a.quotes[0].speaker.as_ref().map(|s| s.name.as_str()), Some("he"));
    }

    #[test]
    fn pronouns_take_the_last_subject() {
        assert_eq!(resolve_word("Lee Sang-sook spoke first. Then he said it.", "he", 0), "Lee Sang-sook");
    }

    #[test]
    fn groups_win_when_present() {
        let text = "Mr. Lu said so.";
        Doc::with(text, |doc| {
            let ents = [Entity { start: 4, end: 6, text: "Lu".into(), label: Label::PER, group: 0 }];
            let groups = [Group { id: 0, name: "Lu Kang".into(), label: Label::PER, mentions: vec![0] }];
            let mut r = Resolver::new(doc, &ents, &groups, &[]);
            assert_eq!(r.resolve(0, 2), Resolved { name: "Lu Kang".into(), group: Some(0) });
        });
    }
}
