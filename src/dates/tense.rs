//! The tense of the sentence around an expression, from its nearest verb cue: "said Sunday" points
//! back, "will meet Thursday" points forward (as HeidelTime does with part-of-speech tags; here
//! from a few auxiliaries and the `-ed` ending).

use super::lex::Toks;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

fn cue(tk: &Toks, j: usize) -> Option<Tense> {
    let w = tk.w(j);
    Some(match w {
        "will" | "'ll" | "shall" | "won't" | "wo" | "would" | "scheduled" | "expected" | "plans" | "plan"
        | "planned" | "upcoming" | "next" | "coming" | "tomorrow" | "intends" | "aims" | "hopes" => Tense::Future,
        "going" if tk.w(j + 1) == "to" => Tense::Future,
        "due" | "set" if tk.w(j + 1) == "to" => Tense::Future,
        // "a visit slated to end on Thursday", "agreed to meet Friday": the infinitive looks ahead
        "slated" | "poised" | "agreed" | "promised" | "pledged" | "vowed" | "decided" | "asked" | "invited"
            if tk.w(j + 1) == "to" =>
        {
            Tense::Future
        }
        "is" | "are" if tk.w(j + 1) == "to" => Tense::Future,
        "said" | "was" | "were" | "had" | "did" | "told" | "ago" | "came" | "went" | "made" | "took" | "gave"
        | "met" | "began" | "left" | "won" | "lost" | "fell" | "rose" | "held" | "sent" | "got" | "found" | "saw"
        | "became" | "brought" | "spoke" | "wrote" | "paid" | "led" | "ran" | "struck" | "hit" | "yesterday"
        | "last" | "earlier" | "ended" | "since" | "killed" | "broke" | "sold" | "bought" | "kept" | "felt"
        | "thought" | "knew" | "stood" | "fled" | "shot" | "built" | "flew" | "arrived" => Tense::Past,
        _ => {
            if w.len() >= 5 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase()) && tk.t[j].space {
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

/// The tense nearest to token `i` within its sentence.
pub fn around(tk: &Toks, i: usize) -> Tense {
    let (s0, s1) = tk.sentence_of(i);
    let mut best: Option<(usize, Tense)> = None;
    let mut consider = |j: usize, dist: usize| {
        if let Some(t) = cue(tk, j) {
            // a future cue wins a tie (modal before the verb)
            if best.map_or(true, |(d, bt)| {
                dist < d || (dist == d && t == Tense::Future && bt != Tense::Future)
            }) {
                best = Some((dist, t));
            }
        }
    };
    let lo = i.saturating_sub(25).max(s0);
    let hi = (i + 25).min(s1);
    for j in lo..hi {
        // the expression's own words ("next", "last") are not the verb's tense
        if j >= i && j < i + 1 {
            continue;
        }
        let dist = if j < i { i - j } else { j - i };
        consider(j, dist);
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
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
        assert_eq!(tense_at("Talks resume Monday.", "monday"), Tense::Unknown);
        assert_eq!(tense_at("Police arrested him Tuesday.", "tuesday"), Tense::Past);
    }
}
