//! Corrections after the tagger, each a small deterministic rule about how news text writes
//! names that the statistical model gets wrong: one label per name in a document, people after
//! nouns of family and honorifics, a politician's party and state, names cut out of title-cased
//! headlines (and headline names that the body names more briefly), full names that start with a
//! common given name or share a person's surname, organisations by their head word. Each rule
//! says why it exists.

use super::given_names::is_given_name;
use super::tagger::LABELS;
use crate::model::{Entity, Label};
use crate::text::fasthash::FastMap;
use crate::text::Doc;

/// Run every rule, in order, over the tagger's entities (sorted, not overlapping; kept so).
pub fn apply(doc: &Doc, e: &mut Vec<Entity>) {
    page_furniture(doc.text, e);
    harmonise(e);
    kin_are_people(doc, e);
    party_and_state(doc.text, e);
    titled_are_people(doc, e);
    trim_headline_words(e);
    headline_names_from_the_body(doc.text, e);
    organisation_heads(e);
    given_names_are_people(e);
    full_names_of_people(e);
}

/// Lines a web page adds around an article (comment forms, share buttons, newsletter boxes), as
/// they come along when a reader copies a whole page; compared in lower case, without a final colon.
const FURNITURE: &[&str] = &[
    "advertisement", "click here to subscribe", "follow us on facebook", "follow us on twitter",
    "leave a comment", "leave a reply", "like this", "most popular", "most read", "post a comment",
    "read more", "related articles", "related stories", "send this to a friend", "share on facebook",
    "share on twitter", "share this", "share this article", "share this story",
    "sign up for our newsletter", "subscribe to our newsletter",
];

/// Names found on a line that is only page furniture (`Leave a Reply`, `Share on Facebook`) are
/// dropped: the tagger reads the capitalised words there as names (`Reply` as MISC), and they are
/// not part of the article. Only short lines are compared, so the pass stays linear.
pub fn page_furniture(text: &str, ents: &mut Vec<Entity>) {
    if ents.is_empty() {
        return;
    }
    const LONGEST: usize = 40;
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let t = line.trim();
        let t = t.strip_suffix(':').unwrap_or(t).trim_end();
        if !t.is_empty() && t.len() <= LONGEST && t.is_ascii() {
            let mut buf = [0u8; LONGEST];
            buf[..t.len()].copy_from_slice(t.as_bytes());
            buf[..t.len()].make_ascii_lowercase();
            let lower = std::str::from_utf8(&buf[..t.len()]).unwrap_or("");
            if FURNITURE.contains(&lower) {
                lines.push((start, end));
            }
        }
        start = end + 1;
    }
    if lines.is_empty() {
        return;
    }
    let mut k = 0;
    ents.retain(|e| {
        while k < lines.len() && lines[k].1 < e.start {
            k += 1;
        }
        !(k < lines.len() && lines[k].0 <= e.start && e.end <= lines[k].1)
    });
}

/// One label per name in a document: a mention whose exact text is given another label by a
/// clear majority (at least two thirds of at least three mentions) takes the majority label.
pub fn harmonise(ents: &mut [Entity]) {
    let mut by_text: FastMap<&str, [u32; 4]> = FastMap::default();
    for e in ents.iter() {
        by_text.entry(e.text.as_str()).or_insert([0; 4])[e.label as usize] += 1;
    }
    let mut relabel: Vec<(usize, Label)> = Vec::new();
    for (i, e) in ents.iter().enumerate() {
        let c = by_text[e.text.as_str()];
        let total: u32 = c.iter().sum();
        let (best, &n) = c.iter().enumerate().max_by_key(|&(k, &n)| (n, 4 - k)).unwrap();
        if total >= 3 && n * 3 >= total * 2 && best != e.label as usize {
            relabel.push((i, LABELS[best]));
        }
    }
    for (i, l) in relabel {
        ents[i].label = l;
    }
}

/// Nouns of family that name the person right after them (`his wife Ri Sol Ju`).
const KIN: &[&str] = &[
    "wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "widow", "widower",
    "grandson", "granddaughter", "grandmother", "grandfather", "uncle", "aunt", "nephew", "niece",
    "cousin", "fiancée", "fiancee", "fiancé", "fiance", "stepson", "stepdaughter", "stepmother",
    "stepfather", "girlfriend", "boyfriend",
];

/// A name right after a possessive and a noun of family (`his wife Ri Sol Ju`, `Kim’s sister Kim
/// Yo Jong`) is a person, whatever the tagger guessed: unfamiliar names there are otherwise often
/// read as organisations.
pub fn kin_are_people(doc: &Doc, ents: &mut [Entity]) {
    let toks = doc.tokens;
    let word = |i: usize| &doc.text[toks[i].start..toks[i].end];
    let mut ti = 0;
    for e in ents.iter_mut() {
        if e.label == Label::PER {
            continue;
        }
        while ti < toks.len() && toks[ti].start < e.start {
            ti += 1;
        }
        // `ti` is the entity's first token; look at the two before it
        if ti < 2 || toks.get(ti).map_or(true, |t| t.start != e.start) {
            continue;
        }
        let mut buf = [0u8; 24];
        let kin = lower(word(ti - 1), &mut buf);
        if !KIN.contains(&&*kin) {
            continue;
        }
        let owner = lower(word(ti - 2), &mut buf);
        let possessive = matches!(&*owner, "his" | "her" | "their" | "whose" | "'s" | "’s" | "s")
            || owner.ends_with("'s")
            || owner.ends_with("’s");
        if possessive {
            e.label = Label::PER;
        }
    }
}

/// `w` lower-cased: short ASCII words in `buf` (no allocation), others by `to_lowercase`.
fn lower<'a>(w: &'a str, buf: &'a mut [u8; 24]) -> std::borrow::Cow<'a, str> {
    if !w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        // already lower case: itself (no copy, no UTF-8 check)
        return std::borrow::Cow::Borrowed(w);
    }
    if w.is_ascii() && w.len() <= buf.len() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII bytes are UTF-8
        std::borrow::Cow::Borrowed(std::str::from_utf8(b).unwrap_or_default())
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

/// Words a title-cased headline capitalises that never end a name: a name does not run on
/// through them (`Donald Trump Is Right`, `Obama Says`).
const HEADLINE_VERBS: &[&str] = &[
    "Is", "Was", "Are", "Were", "Says", "Said", "Could", "Would", "Will", "Did", "Does", "Has", "Have",
    "Had", "Can", "Should", "When", "Who",
];

/// Conjunctions and the like that start a sentence and were taken into the name after them
/// (`Although Trump`, `Did Trump`, `With Trump`). Not `Will` (`Will Smith`).
const LEADING_WORDS: &[&str] = &[
    "Although", "Though", "Did", "Does", "With", "When", "While", "If", "But", "And", "After",
    "Before", "Because", "Since", "Unlike",
];

/// Title-cased headlines run names into the words around them: the tagger returned `Donald Trump
/// Is Right` and `Did Trump`. A name is cut before a capitalised verb or question word inside it,
/// and loses a sentence-opening conjunction in front.
pub fn trim_headline_words(ents: &mut Vec<Entity>) {
    for e in ents.iter_mut() {
        if !e.text.contains(' ') {
            continue;
        }
        let (mut a, mut b) = (0, e.text.len());
        // leading conjunction
        if let Some((first, rest)) = e.text.split_once(' ') {
            if LEADING_WORDS.contains(&first) && rest.chars().next().map_or(false, char::is_uppercase) {
                a = first.len() + 1;
            }
        }
        // a headline verb after the first word: the name ends before it
        let mut at = a;
        for (k, w) in e.text[a..].split(' ').enumerate() {
            if k > 0 && HEADLINE_VERBS.contains(&w) {
                b = at - 1;
                break;
            }
            at += w.len() + 1;
        }
        if a > 0 || b < e.text.len() {
            let kept = e.text[a..b].to_string();
            e.start += a;
            e.end = e.start + kept.len();
            e.text = kept;
        }
    }
}

/// Is `line` a title-cased headline: at least three words of four letters or more, nearly all
/// capitalised, and some lower-case letters (a line in capitals is another style, which the
/// tagger learned from Reuters copy)?
fn is_title_cased(line: &str) -> bool {
    let (mut long, mut capital) = (0, 0);
    for w in line.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() >= 4 && w.chars().next().map_or(false, char::is_alphabetic) {
            long += 1;
            if w.chars().next().map_or(false, char::is_uppercase) {
                capital += 1;
            }
        }
    }
    long >= 3 && capital * 5 >= long * 4 && line.chars().any(char::is_lowercase)
}

/// In a title-cased headline on the first line, the tagger runs names into the words around them
/// (`Clinton Breaks With Obama` as one ORG, `Washington Post Hit Piece Exploits Trump Supporter`).
/// The article restates its headline's names in its body, so a headline name of three words or
/// more that the body never uses is replaced by the longest runs of its words that the body tags
/// as names, with the body's label (`Clinton`, `Obama`; `Washington Post`, `Trump`). When no run
/// is a body name, the tagger's name stays.
pub fn headline_names_from_the_body(text: &str, ents: &mut Vec<Entity>) {
    let start = text.len() - text.trim_start().len();
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    if ents.first().map_or(true, |e| e.start >= end) || !is_title_cased(&text[start..end]) {
        return;
    }
    let mut body: FastMap<&str, [u32; 4]> = FastMap::default();
    for e in ents.iter().filter(|e| e.start >= end) {
        body.entry(e.text.as_str()).or_insert([0; 4])[e.label as usize] += 1;
    }
    let label_of = |c: &[u32; 4]| LABELS[c.iter().enumerate().max_by_key(|&(k, &n)| (n, 4 - k)).map_or(0, |(k, _)| k)];
    let mut repl: Vec<(usize, Vec<Entity>)> = Vec::new();
    for (i, e) in ents.iter().enumerate().take_while(|(_, e)| e.start < end) {
        if e.end > end || e.text.split(' ').count() < 3 || body.contains_key(e.text.as_str()) {
            continue;
        }
        // word boundaries inside the name
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut at = 0;
        for w in e.text.split(' ') {
            words.push((at, at + w.len()));
            at += w.len() + 1;
        }
        let mut found = Vec::new();
        let mut k = 0;
        while k < words.len() {
            let run = (k + 1..=words.len()).rev().find_map(|j| {
                let sub = &e.text[words[k].0..words[j - 1].1];
                body.get(sub).map(|c| (j, sub, label_of(c)))
            });
            match run {
                Some((j, sub, label)) => {
                    let s = e.start + words[k].0;
                    found.push(Entity { start: s, end: s + sub.len(), text: sub.to_string(), label, group: 0 });
                    k = j;
                }
                None => k += 1,
            }
        }
        if !found.is_empty() {
            repl.push((i, found));
        }
    }
    for (i, found) in repl.into_iter().rev() {
        ents.splice(i..=i, found);
    }
}

/// Last words that make a name an organisation (`Nordline Shipping`, `Peabody Energy`,
/// `Wheaton College`). Words that also end places or events (`Bank`: West Bank, `League`: American
/// League, `Union`: Soviet Union) are left out.
fn is_organisation_head(w: &str) -> bool {
    // a match compiles to a switch on the length, then a few comparisons: cheaper per entity than
    // a search of a list
    matches!(
        w,
        "AG" | "Agency" | "Airlines" | "Airways" | "Association" | "Authority" | "Board" | "Bureau"
            | "Capital" | "Club" | "Co" | "College" | "Commission" | "Committee" | "Company" | "Corp"
            | "Corporation" | "Council" | "Department" | "Energy" | "Foundation" | "Fund" | "GmbH"
            | "Group" | "Holdings" | "Inc" | "Industries" | "Institute" | "Institution" | "Insurance"
            | "Investments" | "Ltd" | "Ministry" | "Motors" | "NV" | "Organisation" | "Organization"
            | "PLC" | "Partners" | "Party" | "Pharmaceuticals" | "Plc" | "Press" | "SA" | "Securities"
            | "Service" | "Services" | "Shipping" | "Society" | "Systems" | "Technologies" | "Trust"
            | "University"
    )
}

/// A name of two words or more that ends with an organisation's head word is an organisation,
/// whatever the tagger said (`Nordline Shipping` as PER, `Democratic National Committee` as MISC),
/// and so is the first word of a two-word one written alone (`Nordline`), unless that word is a
/// given name or a place the gazetteer knows.
pub fn organisation_heads(ents: &mut [Entity]) {
    let mut short: FastMap<&str, ()> = FastMap::default();
    let gaz = super::gazetteer::embedded();
    for e in ents.iter_mut() {
        // the last word (a byte search: names are short, and most are one word)
        let Some(sp) = e.text.bytes().rposition(|b| b == b' ') else { continue };
        let last = &e.text[sp + 1..];
        if is_organisation_head(last) {
            e.label = Label::ORG;
        }
    }
    for e in ents.iter() {
        if e.label != Label::ORG {
            continue;
        }
        if let Some((first, last)) = e.text.split_once(' ') {
            if is_organisation_head(last) && !is_given_name(first) && gaz.lookup(first) == 0 {
                short.insert(first, ());
            }
        }
    }
    if short.is_empty() {
        return;
    }
    // adjectives written alone (`European` beside `European Commission`) are MISC and stay so
    let mut relabel: Vec<usize> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.label, Label::PER | Label::LOC) && short.contains_key(e.text.as_str()))
        .map(|(i, _)| i)
        .collect();
    if relabel.is_empty() {
        return;
    }
    // a word that is also part of a person's name here stays as tagged (`Trump` beside `Trump
    // University` and `Donald Trump`)
    let mut in_a_name: FastMap<&str, ()> = FastMap::default();
    for e in ents.iter().filter(|e| e.label == Label::PER && e.text.contains(' ')) {
        for w in e.text.split(' ') {
            in_a_name.insert(w, ());
        }
    }
    relabel.retain(|&i| !in_a_name.contains_key(ents[i].text.as_str()));
    for i in relabel {
        ents[i].label = Label::ORG;
    }
}

/// Last words that make a name after a given name a place, an event or a title rather than a
/// person (`Ross County`, `Crystal Palace`, `Labor Day`), sorted for a binary search; an
/// organisation's head word (`is_organisation_head`) does the same for organisations.
const NOT_PERSON_HEADS: &[&str] = &[
    "Act", "Airport", "Avenue", "Award", "Awards", "Bank", "Bay", "Bill", "Boulevard", "Bridge",
    "Building", "Center", "Centre", "Church", "City", "County", "Day", "Hall", "Highway",
    "Hospital", "Hotel", "Island", "Islands", "Lake", "Law", "Library", "Media", "Memorial",
    "Mountain", "Museum", "News", "Now", "Palace", "Park", "Plan", "Post", "Prize", "Report",
    "River", "Road", "School", "Show", "Square", "Stadium", "Station", "Street", "Times", "Tower",
];
/// A name of two or three capitalised words that starts with a common given name is a person
/// (`Donald Trump`, `Marc Dutroux`), unless its last word makes it a place or an organisation
/// (`Ross County`). The tagger learned from 1996 Reuters copy and, in other news, settles some
/// full names on ORG or MISC when their first mentions sit in unusual contexts (`Donald Trump
/// supporters`); the surname rule below then carries the person to the surname alone.
pub fn given_names_are_people(ents: &mut [Entity]) {
    for e in ents.iter_mut() {
        if e.label == Label::PER || !e.text.contains(' ') {
            continue;
        }
        let n = e.text.split(' ').count();
        let first = e.text.split(' ').next().unwrap_or("");
        let last = e.text.rsplit(' ').next().unwrap_or("");
        if (2..=3).contains(&n)
            && e.text.split(' ').all(|w| w.chars().next().map_or(false, char::is_uppercase))
            && !e.text.bytes().any(|b| b.is_ascii_digit())
            && !NOT_PERSON_HEADS.binary_search(&last).is_ok()
            && !is_organisation_head(last)
            && is_given_name(first)
        {
            e.label = Label::PER;
        }
    }
}

/// A name of two or three words that ends with a word the document mostly tags as a person is
/// that person: `Donald Trump` in a text where `Trump` alone is a person more often than not. The
/// tagger's document-level history can otherwise settle a full name on another label when its
/// first mentions sat in unusual contexts (`Donald Trump supporters`).
pub fn full_names_of_people(ents: &mut [Entity]) {
    let mut single: FastMap<&str, (u32, u32)> = FastMap::default(); // (as a person, as another label)
    for e in ents.iter() {
        if !e.text.contains(' ') {
            let c = single.entry(e.text.as_str()).or_insert((0, 0));
            if e.label == Label::PER {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        }
    }
    let person = |w: &str| single.get(w).map_or(false, |&(p, o)| p > o);
    // two or three capitalised words
    let is_name = |t: &str| {
        (2..=3).contains(&t.split(' ').count()) && t.split(' ').all(|w| w.chars().next().map_or(false, char::is_uppercase))
    };
    let relabel: Vec<usize> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.label != Label::PER && is_name(&e.text) && e.text.rsplit(' ').next().map_or(false, person))
        .map(|(i, _)| i)
        .collect();
    for i in relabel {
        ents[i].label = Label::PER;
    }
    // then the surname alone, given another label, is the person of the full name (`Trump` beside
    // `Donald Trump`), unless the gazetteer knows the word as a place or an organisation
    // (`Washington` beside `George Washington`)
    let surnames: FastMap<&str, ()> = ents
        .iter()
        .filter(|e| e.label == Label::PER && is_name(&e.text))
        .filter_map(|e| e.text.rsplit(' ').next().map(|w| (w, ())))
        .collect();
    if surnames.is_empty() {
        return;
    }
    let gaz = super::gazetteer::embedded();
    let lone: Vec<usize> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.label != Label::PER && !e.text.contains(' ') && surnames.contains_key(e.text.as_str()) && gaz.lookup(&e.text) == 0
        })
        .map(|(i, _)| i)
        .collect();
    for i in lone {
        ents[i].label = Label::PER;
    }
}

/// Honorifics and ranks written before a person's name (compared without their period).
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
    "Adm", "Rev", "Sir", "Dame",
];

/// A name right after an honorific (`Mr. Trump`, `Mrs. Clinton`, `Sen. Warren`, `Dr. Ben Carson`)
/// is a person, and the honorific is not part of it (the CoNLL convention). The tagger learned from
/// Reuters copy, which hardly ever writes `Mr.`: in newspapers that do, it made `Mr. Obama` a place
/// and `Mr. Xi` an organisation. Whatever it found over the title and the name is replaced by the
/// name (the run of capitalised words after the title, at most four) as a person.
pub fn titled_are_people(doc: &Doc, ents: &mut Vec<Entity>) {
    let toks = doc.tokens;
    let word = |i: usize| &doc.text[toks[i].start..toks[i].end];
    let capital = |i: usize| word(i).chars().next().map_or(false, char::is_uppercase);
    let mut names: Vec<(usize, usize, usize)> = Vec::new(); // (title start, name start, name end) in bytes
    let mut i = 0;
    while i + 1 < toks.len() {
        let w = word(i);
        // cheap checks first: every honorific is 2-5 bytes and starts with an ASCII capital
        if !(2..=5).contains(&w.len()) || !w.as_bytes()[0].is_ascii_uppercase() {
            i += 1;
            continue;
        }
        let bare = w.strip_suffix('.').unwrap_or(w);
        if !HONORIFICS.contains(&bare) {
            i += 1;
            continue;
        }
        // the period may be a token of its own
        let mut j = i + 1;
        if bare.len() == w.len() && word(j) == "." && !toks[j].space_before {
            j += 1;
        }
        let first = j;
        while j < toks.len() && j < first + 4 && capital(j) && !toks[j].newline_before && word(j).chars().count() > 1 {
            j += 1;
        }
        if j > first && toks[first].space_before {
            names.push((toks[i].start, toks[first].start, toks[j - 1].end));
        }
        i = j.max(i + 1);
    }
    if names.is_empty() {
        return;
    }
    // whatever the tagger found over the title or the name gives way to the titled name
    let people = names
        .into_iter()
        .map(|(t, a, b)| (t, b, Entity { start: a, end: b, text: doc.text[a..b].to_string(), label: Label::PER, group: 0 }))
        .collect();
    replace_covered(ents, people);
}

/// Put each `(from, to, entity)` of `repl` (sorted, apart) into `ents` in place of the entities
/// that overlap `from..to`, keeping `ents` sorted and free of overlaps.
fn replace_covered(ents: &mut Vec<Entity>, repl: Vec<(usize, usize, Entity)>) {
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len() + repl.len());
    let push = |out: &mut Vec<Entity>, e: Entity| {
        if out.last().map_or(true, |l| l.end <= e.start) {
            out.push(e);
        }
    };
    let mut r = repl.into_iter().peekable();
    for e in ents.drain(..) {
        // replacements that end before this entity go first (keeps the order)
        while let Some((_, _, new)) = r.next_if(|&(_, to, _)| to <= e.start) {
            push(&mut out, new);
        }
        let covered = r.peek().map_or(false, |&(from, to, _)| e.start < to && e.end > from);
        if !covered {
            push(&mut out, e);
        }
    }
    for (_, _, new) in r {
        push(&mut out, new);
    }
    *ents = out;
}

/// A US politician's party and state in brackets after the name (`(D-N.Y.)`, `(R-Texas)`,
/// `(I-Vt.)`): the state is a place, the party letter and its hyphen are not part of any name.
/// The tagger, which never saw this notation in training, made `D-N` and `Y.` organisations and
/// `R-Wis` a MISC; here whatever it found inside the brackets is replaced by the state alone.
pub fn party_and_state(text: &str, ents: &mut Vec<Entity>) {
    let b = text.as_bytes();
    let mut found: Vec<(usize, usize)> = Vec::new(); // (open bracket, close bracket)
    let mut after = 0; // skip what a found tag covered
    for (i, _) in text.match_indices('(') {
        if i < after || i + 4 >= b.len() {
            continue;
        }
        if matches!(b[i + 1], b'D' | b'R' | b'I') && b[i + 2] == b'-' && b[i + 3].is_ascii_uppercase() {
            // the state: ASCII letters, periods and spaces, at most 20 bytes (`N.Y.`, `Calif.`, `New Mexico`)
            let mut j = i + 4;
            while j < b.len() && j < i + 24 && (b[j].is_ascii_alphabetic() || b[j] == b'.' || b[j] == b' ') {
                j += 1;
            }
            if j < b.len() && b[j] == b')' && b[j - 1] != b' ' {
                found.push((i, j));
                after = j;
            }
        }
    }
    if found.is_empty() {
        return;
    }
    // whatever the tagger found inside the brackets gives way to the state (`(X-` is three ASCII
    // bytes, `)` one: the slice is on character boundaries)
    let states = found
        .into_iter()
        .map(|(open, close)| {
            let (start, end) = (open + 3, close);
            (open, close + 1, Entity { start, end, text: text[start..end].to_string(), label: Label::LOC, group: 0 })
        })
        .collect();
    replace_covered(ents, states);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tagger::tag;

    #[test]
    fn party_and_state_keeps_the_state_as_a_place() {
        let text = "Sen. Chuck Schumer (D-N.Y.) and Sen. Ted Cruz (R-Texas) spoke; (R-Wis) too, (D- N.Y.) not.";
        let span = |s: &str| {
            let start = text.find(s).unwrap();
            (start, start + s.len())
        };
        let ent = |s: &str, label| {
            let (start, end) = span(s);
            Entity { start, end, text: s.to_string(), label, group: 0 }
        };
        // what the tagger gives without the rule
        let mut e = vec![
            ent("Chuck Schumer", Label::PER),
            ent("D-N", Label::ORG),
            ent("Y.", Label::ORG),
            ent("Ted Cruz", Label::PER),
            ent("R-Texas", Label::LOC),
            ent("R-Wis", Label::MISC),
            {
                // the second `N.Y.`, outside the notation
                let start = text.rfind("N.Y.").unwrap();
                Entity { start, end: start + 4, text: "N.Y.".to_string(), label: Label::LOC, group: 0 }
            },
        ];
        party_and_state(text, &mut e);
        let got: Vec<(&str, Label)> = e.iter().map(|e| (&text[e.start..e.end], e.label)).collect();
        assert_eq!(
            got,
            [
                ("Chuck Schumer", Label::PER),
                ("N.Y.", Label::LOC),
                ("Ted Cruz", Label::PER),
                ("Texas", Label::LOC),
                ("Wis", Label::LOC),
                ("N.Y.", Label::LOC), // `(D- N.Y.)` is not the notation: left as it was
            ]
        );
        assert!(e.iter().all(|x| x.text == text[x.start..x.end]));
        // no notation: nothing changes; brackets at the very end do not read past the text
        for t in ["(D-", "(D-N", "(R-Texas", "a (b) c"] {
            let mut none: Vec<Entity> = Vec::new();
            party_and_state(t, &mut none);
            assert!(none.is_empty(), "{t}");
        }
    }


    fn ents_of(text: &str, spans: &[(&str, Label)]) -> Vec<Entity> {
        let mut from = 0;
        spans
            .iter()
            .map(|&(s, label)| {
                let start = from + text[from..].find(s).unwrap();
                from = start + s.len();
                Entity { start, end: start + s.len(), text: s.to_string(), label, group: 0 }
            })
            .collect()
    }

    #[test]
    fn titled_names_are_people_without_their_title() {
        let text = "Mr. Obama met Mr. Xi and Mrs. Clinton. Sen. Warren, Dr. Ben Carson and Mr and Mrs. Smith spoke in Beijing.";
        Doc::with(text, |doc| {
            // what the tagger gave on such text: the title inside, wrong labels, a name missed
            let mut e = ents_of(
                text,
                &[("Mr. Obama", Label::LOC), ("Mr. Xi", Label::ORG), ("Warren", Label::ORG), ("Beijing", Label::LOC)],
            );
            titled_are_people(doc, &mut e);
            let got: Vec<(&str, Label)> = e.iter().map(|e| (&text[e.start..e.end], e.label)).collect();
            assert_eq!(
                got,
                [
                    ("Obama", Label::PER),
                    ("Xi", Label::PER),
                    ("Clinton", Label::PER),
                    ("Warren", Label::PER),
                    ("Ben Carson", Label::PER),
                    ("Smith", Label::PER),
                    ("Beijing", Label::LOC),
                ]
            );
            assert!(e.iter().all(|x| x.text == text[x.start..x.end]));
        });
        // no name after the title, or a title at the very end: nothing added
        for t in ["He thanked Mr. and left.", "Call me Mr.", "Mr"] {
            Doc::with(t, |doc| {
                let mut e = Vec::new();
                titled_are_people(doc, &mut e);
                assert!(e.is_empty(), "{t}");
            });
        }
    }

    #[test]
    fn headline_words_are_cut_from_names() {
        let text = "Donald Trump Is Right. Did Trump win? Will Smith Says No. Gone With the Wind. Bank of England";
        let mut e = ents_of(
            text,
            &[
                ("Donald Trump Is Right", Label::ORG),
                ("Did Trump", Label::PER),
                ("Will Smith Says", Label::PER),
                ("Gone With the Wind", Label::MISC),
                ("Bank of England", Label::ORG),
            ],
        );
        trim_headline_words(&mut e);
        let got: Vec<&str> = e.iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(got, ["Donald Trump", "Trump", "Will Smith", "Gone With the Wind", "Bank of England"]);
        assert!(e.iter().all(|x| x.text == text[x.start..x.end]));
    }

    #[test]
    fn full_names_follow_their_surname() {
        let text = "Donald Trump spoke. Trump left. Trump won. Trump Tower stood. Jordan met Michael Jordan.";
        let mut e = ents_of(
            text,
            &[
                ("Donald Trump", Label::ORG),
                ("Trump", Label::PER),
                ("Trump", Label::PER),
                ("Trump Tower", Label::LOC),
                ("Jordan", Label::LOC),
                ("Michael Jordan", Label::PER),
            ],
        );
        full_names_of_people(&mut e);
        let labels: Vec<Label> = e.iter().map(|e| e.label).collect();
        // `Trump Tower` does not end with the surname; `Jordan` alone is a country the gazetteer knows
        assert_eq!(labels, [Label::PER, Label::PER, Label::PER, Label::LOC, Label::LOC, Label::PER]);
        // the surname alone follows the full name, even when no lone mention was a person
        let text = "Donald Trump spoke. Trump left. Trump Tower stood.";
        let mut e = ents_of(text, &[("Donald Trump", Label::PER), ("Trump", Label::ORG), ("Trump Tower", Label::LOC)]);
        full_names_of_people(&mut e);
        let labels: Vec<Label> = e.iter().map(|e| e.label).collect();
        assert_eq!(labels, [Label::PER, Label::PER, Label::LOC]);
    }

    /// Regression (PolNeAR dev): `Donald Trump` tagged MISC or ORG in 17 mentions, and with it
    /// `Trump` alone (58 of 428 mentions not a person).
    #[test]
    fn given_names_make_full_names_people() {
        let text = "Donald Trump spoke. Marc Dutroux left. Ross County won. Christopher Newport University met \
                    Henry VIII and Route 66 Mary. Hillary Clinton stayed. Donald said so. Georgia Tech lost.";
        let mut e = ents_of(
            text,
            &[
                ("Donald Trump", Label::MISC),
                ("Marc Dutroux", Label::ORG),
                ("Ross County", Label::ORG),
                ("Christopher Newport University", Label::ORG),
                ("Henry VIII", Label::ORG),
                ("Route 66 Mary", Label::LOC),
                ("Hillary Clinton", Label::PER),
                ("Donald", Label::ORG),
                ("Georgia Tech", Label::ORG),
            ],
        );
        given_names_are_people(&mut e);
        let labels: Vec<Label> = e.iter().map(|e| e.label).collect();
        // a place or organisation head word, a digit, a single word, or a first word the gazetteer
        // knows as a place (`Georgia`) keeps the tagger's label
        use Label::*;
        assert_eq!(labels, [PER, PER, ORG, ORG, PER, LOC, PER, ORG, ORG]);
    }

    #[test]
    fn page_furniture_lines_have_no_names() {
        let text = "Kim met Xi.\n\nLeave a Reply\n  Share on Facebook:\r\nSend this to a friend\n\
                    Reply to Kim, said Facebook.\nLeave a Reply to Lee Sang-sook";
        let mut e = ents_of(
            text,
            &[
                ("Kim", Label::PER),
                ("Xi", Label::PER),
                ("Reply", Label::MISC),
                ("Facebook", Label::ORG),
                ("Reply", Label::MISC),
                ("Kim", Label::PER),
                ("Facebook", Label::ORG),
                ("Reply", Label::MISC),
                ("Lee Sang-sook", Label::PER),
            ],
        );
        page_furniture(text, &mut e);
        // lines that only look like furniture keep their names
        let kept: Vec<(&str, usize)> = e.iter().map(|e| (e.text.as_str(), e.start)).collect();
        let at = |s: &str, n: usize| text.match_indices(s).nth(n).unwrap().0;
        assert_eq!(
            kept,
            [("Kim", at("Kim", 0)), ("Xi", at("Xi", 0)), ("Reply", at("Reply", 1)), ("Kim", at("Kim", 1)),
             ("Facebook", at("Facebook", 1)), ("Reply", at("Reply", 2)), ("Lee Sang-sook", at("Lee", 0))]
        );
    }

    /// Regression (PolNeAR dev): headline names such as `Clinton Breaks With Obama` (ORG).
    #[test]
    fn headline_names_are_the_body_names_inside_them() {
        let text = "Clinton Breaks With Obama On Senate Armed Services Committee Bill\n\
                    Hillary Clinton broke with Barack Obama. Clinton said so; Obama did not. The Senate voted.";
        let mut e = ents_of(
            text,
            &[
                ("Clinton Breaks With Obama", Label::ORG),
                ("Senate Armed Services Committee", Label::ORG),
                ("Hillary Clinton", Label::PER),
                ("Barack Obama", Label::PER),
                ("Clinton", Label::PER),
                ("Obama", Label::PER),
                ("Senate", Label::ORG),
            ],
        );
        headline_names_from_the_body(text, &mut e);
        let got: Vec<(&str, Label, usize)> = e.iter().map(|e| (e.text.as_str(), e.label, e.start)).collect();
        let at = |w: &str| text.find(w).unwrap();
        assert_eq!(got[..3], [("Clinton", Label::PER, 0), ("Obama", Label::PER, at("Obama")), ("Senate", Label::ORG, at("Senate"))]);
        assert_eq!(e.len(), 8);
        assert!(e.windows(2).all(|w| w[0].end <= w[1].start), "sorted, apart");
        // not a headline: a sentence on the first line, or a line in capitals
        for first in ["Clinton Breaks With Obama, the paper said on Monday in a report", "CLINTON BREAKS WITH OBAMA ON BILLS"] {
            let text = format!("{first}\nClinton and Obama met.");
            let name = &first[..25];
            let mut e = ents_of(&text, &[(name, Label::ORG), ("Clinton", Label::PER), ("Obama", Label::PER)]);
            headline_names_from_the_body(&text, &mut e);
            assert_eq!(e[0].text, name);
        }
    }

    /// Regression (the page's example): `Nordline Shipping` and `Nordline` were people.
    #[test]
    fn organisation_heads_make_organisations() {
        use Label::*;
        let text = "Nordline Shipping said so. Nordline agreed. Peabody Energy and Peabody. The European Commission \
                    and European firms. Trump University sued Donald Trump; Trump said no. West Bank. Walter Energy, Walter.";
        let mut e = ents_of(
            text,
            &[
                ("Nordline Shipping", PER),
                ("Nordline", PER),
                ("Peabody Energy", PER),
                ("Peabody", LOC),
                ("European Commission", ORG),
                ("European", MISC),
                ("Trump University", ORG),
                ("Donald Trump", PER),
                ("Trump", PER),
                ("West Bank", LOC),
                ("Walter Energy", PER),
                ("Walter", PER),
            ],
        );
        organisation_heads(&mut e);
        let labels: Vec<Label> = e.iter().map(|e| e.label).collect();
        // adjectives stay MISC, a person's name stays a person, `Bank` is no head (West Bank), and
        // a given name alone (`Walter`) is not taken for the company
        assert_eq!(labels, [ORG, ORG, ORG, ORG, ORG, MISC, ORG, PER, PER, LOC, ORG, PER]);
    }

    /// Regression (PolNeAR dev, TimeBank): `Walter Energy`, `Lawrence Insurance` were made
    /// organisations by their head word, then people again by their given name.
    #[test]
    fn a_given_name_does_not_undo_an_organisation_head() {
        use Label::*;
        let text = "Walter Energy and Lawrence Insurance Group met Ross County.";
        let mut e = ents_of(text, &[("Walter Energy", PER), ("Lawrence Insurance Group", MISC), ("Ross County", LOC)]);
        organisation_heads(&mut e);
        given_names_are_people(&mut e);
        let labels: Vec<Label> = e.iter().map(|e| e.label).collect();
        assert_eq!(labels, [ORG, ORG, LOC]);
    }

    #[test]
    fn head_word_lists_are_sorted_for_binary_search() {
        for list in [NOT_PERSON_HEADS, FURNITURE] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn lower_without_allocating_agrees_with_to_lowercase() {
        let mut buf = [0u8; 24];
        for w in ["Wife", "HIS", "FIANCÉE", "’s", "", "Abcdefghijklmnopqrstuvwxyz"] {
            assert_eq!(lower(w, &mut buf), w.to_lowercase());
        }
    }


    #[test]
    fn a_name_after_a_noun_of_family_is_a_person() {
        let text = "Kim was accompanied by his wife Ri Sol Ju and Kim’s sister Kim Yo Jong. \
            The firm and its partner Toyota Motor agreed.";
        let e = Doc::with(text, tag);
        let label = |name: &str| e.iter().find(|m| m.text == name).map(|m| m.label);
        assert_eq!(label("Ri Sol Ju"), Some(Label::PER), "{e:?}");
        assert_eq!(label("Kim Yo Jong"), Some(Label::PER), "{e:?}");
        // the rule itself, whatever the tagger said: only the names after `his wife`, `Kim’s sister`
        let relabelled = Doc::with(text, |doc| {
            let mut ents = tag(doc);
            for m in &mut ents {
                m.label = Label::ORG;
            }
            kin_are_people(doc, &mut ents);
            ents.into_iter().filter(|m| m.label == Label::PER).map(|m| m.text).collect::<Vec<_>>()
        });
        assert_eq!(relabelled, ["Ri Sol Ju", "Kim Yo Jong"]);
    }
}
