//! The tense of the sentence around an expression, from its nearest verb cue: "said Sunday" points
//! back, "will meet Thursday" points forward (as HeidelTime does with part-of-speech tags; here
//! from a few auxiliaries and the `-ed` ending).

use super::lex::{month_of, Toks, WordSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// The words of [`cue`] that end in neither `s` nor `d` (every other word that ends so is tried in
/// full): most words of a sentence are rejected by one table probe.
const CUE_WORDS: &[&str] = &[
    "'ll", "ago", "are", "became", "began", "bought", "broke", "brought", "built", "came", "coming", "due",
    "earlier", "expect", "fell", "felt", "flew", "gave", "going", "got", "hit", "kept", "knew", "last", "left",
    "lost", "made", "met", "next", "plan", "planning", "preparing", "ran", "rose", "saw", "sent", "set", "shall",
    "shot", "since", "spoke", "struck", "thought", "tomorrow", "took", "upcoming", "went", "were", "will", "wo",
    "won", "won't", "wrote", "yesterday", "saying", "speaking", "telling", "adding", "meet", "resume", "open",
    "begin", "start", "convene", "reconvene", "arrive", "leave", "visit", "travel", "vote", "run", "return",
    "close", "play", "host", "place", "kick",
];

/// Verbs of scheduled events: in the present right before a weekday ("Arafat meet separately
/// Monday with Albright", "the talks resume on Monday") they tell what is planned.
const SCHEDULE_VERBS: &[&str] = &[
    "meet", "meets", "resume", "resumes", "open", "opens", "begin", "begins", "start", "starts", "convene",
    "convenes", "reconvene", "reconvenes", "arrive", "arrives", "leave", "leaves", "visit", "visits", "travel",
    "travels", "vote", "votes", "run", "runs", "end", "ends", "return", "returns", "close", "closes", "play",
    "plays", "host", "hosts", "kick", "kicks",
];

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// A present-tense schedule verb at `j` ("takes place" too) followed by a weekday or a month
/// (after an optional `-ly` adverb and "on"), not an infinitive nor after a negation or
/// auxiliary: "the festival runs June 5-9", "the final takes place on Sunday".
fn scheduled_present(tk: &Toks, j: usize, w: &str) -> bool {
    let place = w == "place" && j > 0 && tk.is_any(j - 1, &["takes", "take"]);
    if !place && !SCHEDULE_VERBS.contains(&w) {
        return false;
    }
    let v = if place { j - 1 } else { j };
    let prev = if v > 0 { tk.w(v - 1) } else { "" };
    if matches!(prev, "to" | "did" | "not" | "n't" | "never" | "the" | "a" | "an" | "will" | "would" | "could" | "can" | "may" | "might" | "should" | "must") {
        return false;
    }
    let mut k = j + 1;
    // "kicks off Saturday"
    if tk.w(k) == "off" {
        k += 1;
    }
    if tk.w(k).len() > 4 && tk.w(k).ends_with("ly") {
        k += 1;
    }
    // "starts at 9.30 a.m. on Friday", "kicks off at 3pm Saturday": past a clock time
    if tk.w(k) == "at" && tk.w(k + 1).as_bytes().first().map_or(false, u8::is_ascii_digit) {
        k += 2;
        if super::times::meridiem_word(tk.w(k)).is_some() {
            k += 1;
        }
    }
    // ("runs from November to March" may hold the reference date: left to the range)
    if tk.w(k) == "on" {
        k += 1;
    }
    WEEKDAYS.contains(&tk.w(k)) || (tk.cap(k) && month_of(tk.w(k)).is_some())
}

/// A present copula at `j` right before a weekday or a month ("the vote is Friday", "the hearing
/// is on Monday", "the deadline is midnight Friday", "the election is in November"): a date told
/// in the present is what is planned.
fn copula_before_date(tk: &Toks, j: usize) -> bool {
    let prev = if j > 0 { tk.w(j - 1) } else { "" };
    // "what it is in March", "as it is on Friday": no schedule
    if matches!(prev, "it" | "what" | "as" | "there" | "here") {
        return false;
    }
    let mut k = j + 1;
    if matches!(tk.w(k), "on" | "in") {
        k += 1;
    }
    if matches!(tk.w(k), "noon" | "midnight") {
        k += 1;
    }
    let w = tk.w(k);
    tk.cap(k) && (WEEKDAYS.contains(&w) || month_of(w).is_some())
}

fn cue(tk: &Toks, j: usize) -> Option<Tense> {
    let w = tk.w(j);
    if !w.ends_with(['s', 'd']) {
        static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
        if !SET.get_or_init(|| WordSet::new(CUE_WORDS.iter().copied())).contains(w) {
            return None;
        }
    }
    let t = cue_word(tk, j, w)?;
    // "expected to hit", "could set": a past form that is also the bare verb ("hit", "set",
    // "cut"…) after "to" or a modal is an infinitive, no past
    if t == Tense::Past
        && j > 0
        && !w.ends_with("ed")
        && !matches!(w, "ago" | "earlier" | "since" | "yesterday")
        && tk.is_any(j - 1, &["to", "will", "would", "could", "can", "may", "might", "should", "must", "shall"])
    {
        return None;
    }
    // "will be paid", "would be held", "to be sent": a passive infinitive looks ahead, whatever
    // its participle
    if t == Tense::Past && j > 1 && tk.w(j - 1) == "be" && FUTURE_MODALS.contains(&tk.w(j - 2)) {
        return Some(Tense::Future);
    }
    Some(t)
}

/// Articles and possessives: a participle right after one is an adjective.
const DETERMINERS: &[&str] = &["a", "an", "the", "its", "his", "her", "their", "our", "this", "that"];

/// The words before "be" that make a participle after it look ahead.
const FUTURE_MODALS: &[&str] = &["will", "'ll", "shall", "should", "would", "to"];

fn cue_word(tk: &Toks, j: usize, w: &str) -> Option<Tense> {
    let prev = if j > 0 { tk.w(j - 1) } else { "" };
    Some(match w {
        // "had been due to expire Friday", "had been scheduled to": the plan is over
        "scheduled" | "expected" | "due" | "set" | "slated"
            if (j.saturating_sub(3)..j).any(|k| tk.w(k) == "had") =>
        {
            Tense::Past
        }
        // "as previously planned", "as originally scheduled": a plan told as past, no direction
        "planned" | "scheduled" | "expected" | "proposed"
            if tk.w(j + 1) != "to" && matches!(prev, "previously" | "originally" | "earlier" | "already") =>
        {
            return None
        }
        // "vacation plans", "his hopes": nouns unless an infinitive follows
        "plans" | "plan" | "hopes" | "aims" if tk.w(j + 1) != "to" => return None,
        // "next to the embassy", "coming from Paris" are no future
        "next" if tk.w(j + 1) == "to" => return None,
        "coming" if !matches!(prev, "the" | "this" | "in" | "over") => return None,
        "will" | "'ll" | "shall" | "won't" | "wo" | "would" | "scheduled" | "expected" | "plans" | "plan"
        | "planned" | "planning" | "preparing" | "upcoming" | "next" | "coming" | "tomorrow" | "intends"
        | "intend" | "aims" | "hopes" | "expects" | "expect" | "anticipates" | "anticipated" => Tense::Future,
        "going" if tk.w(j + 1) == "to" => Tense::Future,
        _ if scheduled_present(tk, j, w) => Tense::Future,
        // a present-tense verb in a relative clause: a scheduled event ("who leaves office in
        // November", "which opens Monday")
        _ if j > 0
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("ous")
            && !matches!(w, "says" | "thinks" | "believes" | "argues" | "insists" | "claims" | "recalls")
            && matches!(prev, "who" | "which") =>
        {
            Tense::Future
        }
        "due" | "set" if tk.w(j + 1) == "to" => Tense::Future,
        // "a visit slated to end on Thursday", "agreed to meet Friday": the infinitive looks ahead
        "slated" | "poised" | "agreed" | "promised" | "pledged" | "vowed" | "decided" | "asked" | "invited"
            if tk.w(j + 1) == "to" =>
        {
            Tense::Future
        }
        "is" | "are" if tk.w(j + 1) == "to" => Tense::Future,
        "is" | "are" if copula_before_date(tk, j) => Tense::Future,
        // "were planning to drive … on Monday", "was expected to arrive Friday": a plan told in the
        // past looks ahead; the auxiliary yields to the word after it
        "was" | "were"
            if matches!(
                tk.w(j + 1),
                "planning" | "preparing" | "going" | "expected" | "scheduled" | "due" | "set" | "slated" | "poised"
            ) =>
        {
            return None
        }
        "said" | "was" | "were" | "had" | "did" | "told" | "ago" | "came" | "went" | "made" | "took" | "gave"
        | "met" | "began" | "left" | "won" | "lost" | "fell" | "rose" | "held" | "sent" | "got" | "found" | "saw"
        | "became" | "brought" | "spoke" | "wrote" | "paid" | "led" | "ran" | "struck" | "hit" | "yesterday"
        | "last" | "earlier" | "ended" | "since" | "killed" | "broke" | "sold" | "bought" | "kept" | "felt"
        | "thought" | "knew" | "stood" | "fled" | "shot" | "built" | "flew" | "arrived" => Tense::Past,
        // a report's participle dates the report: "…, saying Sunday a date would be announced"
        "saying" | "speaking" | "telling" | "adding" => Tense::Past,
        _ => {
            if w.len() >= 5 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase()) && tk.t[j].space {
                // "a still unspecified date", "the newly elected mayor": a participle after an
                // article qualifies a noun, it is no verb
                let adverb = prev == "still" || (prev.len() > 4 && prev.ends_with("ly"));
                let det_at = if adverb { j.saturating_sub(2) } else { j.saturating_sub(1) };
                if j > usize::from(adverb) && DETERMINERS.contains(&tk.w(det_at)) {
                    return None;
                }
                if matches!(
                    w,
                    "indeed"
                        | "hundred"
                        | "speed"
                        | "united"
                        | "limited"
                        | "need"
                        | "proceed"
                        | "exceed"
                        | "succeed"
                        | "based"
                        | "related"
                        | "proposed"
                        | "red"
                        | "concerned"
                        | "interested"
                        | "advanced"
                        | "detailed"
                        | "supposed"
                ) {
                    return None;
                }
                Tense::Past
            } else {
                return None;
            }
        }
    })
}

/// Is the word just before or after token `i` a past-tense verb ("was soon released", "soon
/// became")?
pub fn past_verb_beside(tk: &Toks, i: usize) -> bool {
    (i > 0 && tk.same_sent(i - 1, i) && cue(tk, i - 1) == Some(Tense::Past))
        || (tk.same_sent(i, i + 1) && cue(tk, i + 1) == Some(Tense::Past))
}

/// The tense nearest to token `i` within its sentence.
pub fn around(tk: &Toks, i: usize) -> Tense {
    around_at(tk, i).0
}

/// Is token `j` inside reported speech ("He added that both sides needed …")? There the past
/// tense is backshifted and says little about when the event lies.
pub fn reported(tk: &Toks, j: usize) -> bool {
    // a bounded look back: linear time on a sentence without end
    let s0 = tk.sentence_of(j).0.max(j.saturating_sub(40));
    let mut k = j;
    while k > s0 + 1 {
        k -= 1;
        if tk.w(k) == "that"
            && (tk.is_any(k - 1, &["said", "added", "says", "told", "noted", "warned"])
                || (k > s0 + 2 && tk.is_any(k - 2, &["said", "added", "says", "told", "noted", "warned"])))
        {
            return true;
        }
    }
    false
}

/// The tense nearest to token `i` and the token that tells it.
pub fn around_at(tk: &Toks, i: usize) -> (Tense, usize) {
    let (s0, s1) = tk.sentence_of(i);
    let mut best: Option<(usize, Tense, usize)> = None;
    let lo = i.saturating_sub(25).max(s0);
    let hi = (i + 25).min(s1);
    let far_hi = (i + 45).min(s1);
    for j in lo..far_hi {
        // past the near window only while nothing nearer has been found: a long sentence's verb
        // ("In January, a week after the 25th anniversary of … decision, a bombing killed …")
        if j >= hi && best.is_some() {
            break;
        }
        // the expression's own words ("next", "last") are not the verb's tense
        if j >= i && j < i + 1 {
            continue;
        }
        let mut dist = if j < i { i - j } else { j - i };
        // a reporting verb dates the report, not the event: it yields to any nearby verb
        // ("Juncker, who leaves office in November, said")
        // across a comma ("who leaves office in November, said")
        if tk.is_any(j, &["said", "told", "added"])
            && (j.min(i)..j.max(i)).any(|k| tk.w(k) == ",")
        {
            dist += 3;
        }
        if let Some(t) = cue(tk, j) {
            // "pleaded guilty in October and will be sentenced in March": a verb past a
            // coordinating "and" or "but" heads another clause, and yields to one in the
            // expression's own
            if (j.min(i) + 1..j.max(i)).any(|k| tk.is_any(k, &["and", "but"])) {
                dist += 3;
            }
            // "The minister, who takes office in March, spoke": a verb across a comma is
            // another clause's, after any in the expression's own
            if j > i && !tk.is_any(j, &["said", "told", "added"]) && (i..j).any(|k| tk.w(k) == ",") {
                dist += 2;
            }
            // "On Friday, … the hastily planned trip": a participle used as an adjective after
            // the expression qualifies its own noun, not the expression ("a planned rally on
            // Saturday" still looks ahead)
            if t == Tense::Future
                && j > i
                && tk.is_any(j, &["planned", "scheduled", "expected", "proposed"])
                && tk.w(j + 1) != "to"
                && (tk.is_any(j - 1, &["the", "a", "an", "its", "his", "her", "their", "our"])
                    || (tk.w(j - 1).len() > 4 && tk.w(j - 1).ends_with("ly")))
            {
                continue;
            }
            // a future cue wins a tie (modal before the verb)
            if best.map_or(true, |(d, bt, _)| {
                dist < d || (dist == d && t == Tense::Future && bt != Tense::Future)
            }) {
                best = Some((dist, t, j));
            }
        }
    }
    best.map_or((Tense::Unknown, i), |(_, t, j)| (t, j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn tense_at(text: &str, word: &str) -> Tense {
        Doc::with(text, |d| {
            let tk = Toks::new(d);
            let i = (0..tk.len()).find(|&i| tk.w(i) == word).unwrap();
            around(&tk, i)
        })
    }

    #[test]
    fn a_participle_after_an_article_is_no_verb() {
        // "a still unspecified date" says nothing of when: "would be paid" does
        assert_eq!(
            tense_at("The split would be paid on a still unspecified date in January.", "january"),
            Tense::Future
        );
        assert_eq!(tense_at("The newly elected mayor takes office in January.", "january"), Tense::Unknown);
        // the same participle as a verb still points back
        assert_eq!(tense_at("The company unspecified its plans in January.", "january"), Tense::Past);
    }

    #[test]
    fn a_passive_infinitive_looks_ahead() {
        assert_eq!(tense_at("The dividend will be paid Friday.", "friday"), Tense::Future);
        assert_eq!(tense_at("The meeting would be held Friday.", "friday"), Tense::Future);
        assert_eq!(tense_at("It is to be sent Friday.", "friday"), Tense::Future);
        // without the infinitive the participle is past
        assert_eq!(tense_at("The dividend was paid Friday.", "friday"), Tense::Past);
        assert_eq!(tense_at("The meeting was held Friday.", "friday"), Tense::Past);
    }

    #[test]
    fn a_far_verb_when_none_is_near() {
        // the verb lies 30 words on: still the sentence's tense when nothing nearer tells one
        let long = "In January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court \
                    decision on the right to choose of every woman in the whole country, a clinic \
                    bombing in Birmingham, Ala., killed a security guard.";
        assert_eq!(tense_at(long, "january"), Tense::Past);
        // a near cue still wins over a far one
        let near = "In January it will open, a week after the 25th anniversary of the Roe vs. Wade \
                    Supreme Court decision on the right to choose of every woman, and so it was said.";
        assert_eq!(tense_at(near, "january"), Tense::Future);
        // nothing within 45 words: unknown
        let words = "word ".repeat(50);
        assert_eq!(tense_at(&format!("In January {words}killed."), "january"), Tense::Unknown);
    }

    #[test]
    fn a_report_participle_is_past() {
        // "saying Sunday": the day of the saying, told in a report
        assert_eq!(tense_at("Trump wants a summit, saying Sunday a date would be announced.", "sunday"), Tense::Past);
        assert_eq!(tense_at("Trump, speaking Sunday, said talks would resume.", "sunday"), Tense::Past);
        // a nearer future still wins
        assert_eq!(tense_at("He will travel Sunday, saying it matters.", "sunday"), Tense::Future);
    }

    #[test]
    fn participles_as_adjectives() {
        // "the hastily planned trip" tells no future; the clause's own verb does
        assert_eq!(
            tense_at("On Friday, when Albright set aside her plans for the hastily planned trip, she called.", "friday"),
            Tense::Past
        );
        assert_eq!(tense_at("He began as previously planned Saturday night.", "saturday"), Tense::Past);
        // an attributive participle before the expression still looks ahead
        assert_eq!(tense_at("She noted a planned rally on Saturday.", "saturday"), Tense::Future);
        // the verb itself still looks ahead
        assert_eq!(tense_at("The vote is scheduled Thursday.", "thursday"), Tense::Future);
        assert_eq!(tense_at("They planned to meet Thursday.", "thursday"), Tense::Future);
    }

    #[test]
    fn cues() {
        assert_eq!(
            tense_at("The minister said Sunday that talks failed.", "sunday"),
            Tense::Past
        );
        assert_eq!(
            tense_at("The leaders will meet Thursday in Paris.", "thursday"),
            Tense::Future
        );
        assert_eq!(
            tense_at("He said Friday he will meet them Thursday.", "friday"),
            Tense::Past
        );
        assert_eq!(
            tense_at("He said Friday he will meet them Thursday.", "thursday"),
            Tense::Future
        );
        assert_eq!(
            tense_at("Kim left Pyongyang for a visit slated to end on Thursday.", "thursday"),
            Tense::Future
        );
        assert_eq!(tense_at("They agreed to meet again on Friday.", "friday"), Tense::Future);
        // a schedule verb in the present right before the weekday: what is planned
        assert_eq!(tense_at("Talks resume Monday.", "monday"), Tense::Future);
        assert_eq!(
            tense_at("He and Arafat meet separately Monday with Albright.", "monday"),
            Tense::Future
        );
        // traps: a negation, an infinitive (left to the verb before it), a noun, another verb
        assert_ne!(tense_at("They did not meet Monday.", "monday"), Tense::Future);
        assert_eq!(tense_at("The talks had been due to resume Monday.", "monday"), Tense::Past);
        assert_ne!(tense_at("The start Monday was slow.", "monday"), Tense::Future);
        assert_eq!(tense_at("Police arrested him Tuesday.", "tuesday"), Tense::Past);
        assert_eq!(tense_at("Police arrested him Tuesday.", "tuesday"), Tense::Past);
    }

    #[test]
    fn cue_words_cover_the_cues() {
        // every word `cue_word` compares (the source's one-word literals) that ends in neither `s`
        // nor `d` is in CUE_WORDS, unless it is only ever a neighbour's context
        let context = ["", "to", "the", "this", "in", "over", "be", "who", "which", "that", "in", "a", "an", "its", "her", "their", "our", "ly", "previously", "originally", "earlier", "already", "still"];
        let src = include_str!("tense.rs");
        let body = &src[src.find("fn cue_word").unwrap()..src.find("/// The tense nearest to token").unwrap()];
        for lit in body.split('"').skip(1).step_by(2) {
            if lit.contains(' ') || lit.ends_with(['s', 'd']) || context.contains(&lit) {
                continue;
            }
            assert!(CUE_WORDS.contains(&lit), "{lit} missing from CUE_WORDS");
        }
    }

    #[test]
    fn reported_speech() {
        let at = |text: &str, word: &str| {
            Doc::with(text, |d| {
                let tk = Toks::new(d);
                let i = (0..tk.len()).find(|&i| tk.w(i) == word).unwrap();
                reported(&tk, i)
            })
        };
        assert!(at("He added that both sides needed the deal.", "needed"));
        assert!(at("She said Monday that prices rose.", "rose"));
        assert!(!at("Both sides needed the deal.", "needed"));
        assert!(!at("The deal that he signed was good.", "signed"));
    }

    #[test]
    fn false_future_cues_and_plans_in_the_past() {
        // "next to" is a place, not the future
        assert_eq!(
            tense_at("The bomb went off next to the embassy Friday morning.", "friday"),
            Tense::Past
        );
        assert_eq!(tense_at("Refugees coming from the north arrived Friday.", "friday"), Tense::Past);
        // a schedule that was overtaken
        assert_eq!(tense_at("The offer had been due to expire Friday.", "friday"), Tense::Past);
        assert_eq!(
            tense_at("It had previously been scheduled to expire at midnight Friday.", "friday"),
            Tense::Past
        );
        // a passive infinitive and plans look ahead
        assert_eq!(
            tense_at("Collins will be named commander for a mission in December.", "december"),
            Tense::Future
        );
        assert_eq!(
            tense_at("The company said it expects to release results in November.", "november"),
            Tense::Future
        );
        assert_eq!(
            tense_at("Protesters were planning to drive around the airport on Monday.", "monday"),
            Tense::Future
        );
        assert_eq!(
            tense_at("Protesters planned a rally on Saturday and were planning to drive around.", "saturday"),
            Tense::Future
        );
        assert_eq!(
            tense_at("On Friday, when Albright set aside vacation plans, aides left.", "friday"),
            Tense::Past
        );
        // a relative clause in the present tense outweighs the reporting verb after a comma
        assert_eq!(
            tense_at("Juncker, who leaves office in November, said the sides would meet.", "november"),
            Tense::Future
        );
        // but a reporting verb next to its date dates the report
        assert_eq!(
            tense_at("Paribas said Monday that it intends to bid.", "monday"),
            Tense::Past
        );
    }

    #[test]
    fn a_date_after_a_present_copula_lies_ahead() {
        use crate::dates::testutil::one;
        // 2019-01-08 is a Tuesday: "the vote is Friday" was the Friday before (2019-01-04)
        assert_eq!(one("The vote is Friday.", "2019-01-08"), "Friday|DATE|2019-01-11");
        assert_eq!(one("The hearing is on Friday.", "2019-01-08"), "Friday|DATE|2019-01-11");
        assert_eq!(one("The deadline is midnight Friday.", "2019-01-08"), "midnight Friday|TIME|2019-01-11T24:00");
        assert_eq!(one("The election is in November.", "2019-01-08"), "November|DATE|2019-11");
        assert_eq!(one("Today is Tuesday.", "2019-01-08"), "Today|DATE|2019-01-08; Tuesday|DATE|2019-01-08");
        // the past copula and a copula after "it" keep their reading
        assert_eq!(one("The vote was Friday.", "2019-01-08"), "Friday|DATE|2019-01-04");
        assert_eq!(tense_at("As it is on Friday, prices fell.", "friday"), Tense::Past);
    }

    #[test]
    fn a_verb_past_and_heads_another_clause() {
        use crate::dates::testutil::one;
        // was "October|DATE|2019-10": "will", one word nearer than "pleaded", took October ahead
        assert_eq!(
            one("He pleaded guilty in October and will be sentenced in March.", "2019-01-08"),
            "October|DATE|2018-10; March|DATE|2019-03"
        );
        assert_eq!(
            one("The firm closed a plant on Monday but will hire in March.", "2019-01-08"),
            "Monday|DATE|2019-01-07; March|DATE|2019-03"
        );
        // with no verb on its own side, the other clause's verb still tells
        assert_eq!(tense_at("Monday and Tuesday were quiet.", "monday"), Tense::Past);
    }
    #[test]
    fn a_bare_verb_after_to_is_no_past() {
        use crate::dates::testutil::one;
        // was "Wednesday night|TIME|2019-01-02TNI": "hit" read as a past tense
        assert_eq!(
            one("The storm is expected to hit on Wednesday night.", "2019-01-08"),
            "Wednesday night|TIME|2019-01-09TNI"
        );
        assert_eq!(one("The talks are expected to last until Friday.", "2019-01-08"), "Friday|DATE|2019-01-11");
        // the past form itself still points back
        assert_eq!(one("The storm hit on Wednesday night.", "2019-01-08"), "Wednesday night|TIME|2019-01-02TNI");
        assert_eq!(tense_at("It rose from Monday to yesterday.", "monday"), Tense::Past);
    }
    #[test]
    fn a_verb_across_a_comma_yields_to_the_clause_own() {
        use crate::dates::testutil::one;
        // was "March|DATE|2018-03": "spoke", one word nearer, outweighed "who takes office"
        assert_eq!(one("The minister, who takes office in March, spoke.", "2019-01-08"), "March|DATE|2019-03");
        // alone across the comma, it still tells
        assert_eq!(one("On Friday, the company announced a deal.", "2019-01-08"), "Friday|DATE|2019-01-04");
    }
    #[test]
    fn a_scheduled_present_before_a_month_or_takes_place() {
        use crate::dates::testutil::one;
        // were the June before (2018-06-05) and the Sunday before (2019-01-06)
        assert_eq!(
            one("The festival runs June 5-9.", "2019-01-08"),
            "June 5|DATE|2019-06-05; 9|DATE|2019-06-09"
        );
        assert_eq!(one("The final takes place on Sunday.", "2019-01-08"), "Sunday|DATE|2019-01-13");
        assert_eq!(one("The team plays Sunday.", "2019-01-08"), "Sunday|DATE|2019-01-13");
        // the past form looks back
        assert_eq!(one("The event took place on Sunday.", "2019-01-08"), "Sunday|DATE|2019-01-06");
        assert_eq!(one("The store closed Monday.", "2019-01-08"), "Monday|DATE|2019-01-07");
    }
    #[test]
    fn a_scheduled_present_past_a_clock_time() {
        use crate::dates::testutil::one;
        // were the Saturday and Friday before (Jan 5, Jan 4)
        assert_eq!(
            one("The match kicks off at 3pm on Saturday.", "2019-01-08"),
            "3pm|TIME|2019-01-12T15:00; Saturday|DATE|2019-01-12"
        );
        assert_eq!(one("The meeting starts at 10 a.m. Friday.", "2019-01-08"), "10 a.m. Friday|TIME|2019-01-11T10:00");
        assert_eq!(one("The game kicks off Sunday.", "2019-01-08"), "Sunday|DATE|2019-01-13");
        // told in the past, it lies behind
        assert_eq!(
            one("The match kicked off at 3pm on Saturday.", "2019-01-08"),
            "3pm|TIME|2019-01-05T15:00; Saturday|DATE|2019-01-05"
        );
    }
}
