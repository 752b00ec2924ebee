//! Vague references: `now`, `currently` (PRESENT_REF), `recently`, `formerly`, `the past`
//! (PAST_REF), `the future`, `soon` (FUTURE_REF).

use super::lex::{small_number, unit_of, Toks};
use super::normalize::Val;
use super::{Cand, Context};
use crate::model::TimexType;

/// "Islam will one day be…", "he hoped he would one day fly": `one day` between a modal (or the
/// subject) and its verb means some day ahead (FUTURE_REF), not a length of one day.
pub fn someday(tk: &Toks, i: usize) -> bool {
    tk.w(i) == "one"
        && tk.w(i + 1) == "day"
        && i > 0
        && tk.same_sent(i - 1, i)
        && tk.is_any(
            i - 1,
            &["will", "would", "could", "might", "may", "can", "should", "shall", "he", "she", "they", "we", "i", "you"],
        )
        && !tk.t.get(i + 2).map_or(true, |t| t.punct)
}

pub fn at(tk: &Toks, i: usize, _ctx: &Context) -> Option<Cand> {
    if someday(tk, i) {
        return Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("FUTURE_REF")));
    }
    // "saying at the time he was willing": back then (not "at the time of …", "at the time when …")
    if tk.w(i) == "the"
        && tk.w(i + 1) == "time"
        && i > 0
        && tk.w(i - 1) == "at"
        && tk.same_sent(i - 1, i + 1)
        && !tk.is_any(i + 2, &["of", "when", "that"])
        // "At the time Howes was captured, the group …": opening the sentence without a comma, the
        // words after it are a clause that names the time (as "at the time when" would)
        && !(tk.sentence_of(i - 1).0 == i - 1 && tk.w(i + 2) != "," && !tk.t.get(i + 2).map_or(true, |t| t.punct))
    {
        return Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("PAST_REF")));
    }
    let w = tk.w(i);
    let lit = |e: usize, v: &'static str| Some(Cand::new(i, e, TimexType::Date, Val::Lit(v)));
    // "Now, he says, …", "Currently, transplant organs are …": opening a sentence before a comma the
    // adverb frames the discourse rather than dating an event, and TimeBank leaves it unmarked
    if matches!(w, "now" | "currently") && tk.sentence_of(i).0 == i && tk.w(i + 1) == "," {
        return None;
    }
    match w {
        "now" => {
            // "now that" is a conjunction, still a present reference in TimeML; "right now" keeps "right"
            lit(i + 1, "PRESENT_REF")
        }
        "currently" | "presently" | "nowadays" => lit(i + 1, "PRESENT_REF"),
        "current" => {
            // adjective "current" before a noun; not "current account", "electric current"
            let next = tk.w(i + 1);
            if matches!(
                next,
                "account" | "accounts" | "affairs" | "events" | "of" | "flowing" | "flows"
            ) || i > 0
                && matches!(
                    tk.w(i - 1),
                    "electric" | "alternating" | "direct" | "ocean" | "strong" | "a"
                )
                || next.is_empty()
                || tk.t[i + 1].punct
            {
                return None;
            }
            if unit_of(next).is_some() {
                return None; // "current quarter": relative
            }
            // "the then current market price": current at a time gone by
            if i > 0 && tk.w(i - 1) == "then" {
                return lit(i + 1, "PAST_REF");
            }
            lit(i + 1, "PRESENT_REF")
        }
        "at" if tk.w(i + 1) == "present" && matches!(tk.w(i + 2), "," | "." | "") => lit(i + 2, "PRESENT_REF"),
        "these" if tk.w(i + 1) == "days" => lit(i + 2, "PRESENT_REF"),
        // "previously" and the adjective "recent" are left out: TimeBank rarely marks them
        "recently" | "lately" | "formerly" => lit(i + 1, "PAST_REF"),
        "recent" => {
            let next = tk.w(i + 1);
            match unit_of(next) {
                Some((super::lex::Unit::Day, true)) => {
                    Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("PAST_REF")).det())
                }
                Some((super::lex::Unit::Year, true)) => {
                    Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("PAST_REF")).det())
                }
                Some((u, true)) => {
                    let u = if u == super::lex::Unit::Quarter {
                        super::lex::Unit::Month
                    } else {
                        u
                    };
                    Some(Cand::new(i, i + 2, TimexType::Duration, Val::Dur { amt: None, unit: u }).det())
                }
                _ if next == "past" || next == "history" => {
                    Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("PAST_REF")).det())
                }
                _ => None,
            }
        }
        "near" | "foreseeable" | "distant" if tk.w(i + 1) == "future" => {
            Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("FUTURE_REF")).det())
        }
        "near" | "short" | "long" if tk.w(i + 1) == "term" && i > 0 && tk.w(i - 1) == "the" => {
            Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("FUTURE_REF")).det())
        }
        "a" if tk.w(i + 1) == "later" && tk.w(i + 2) == "date" => lit(i + 3, "FUTURE_REF"),
        // "for a while": a stretch of unstated length
        "a" if i > 0
            && tk.is_any(i - 1, &["for", "after", "within"])
            && tk.w(i + 1) == "while"
            && !tk.is_any(i + 2, &["ago", "before", "after", "later", "now"]) =>
        {
            Some(Cand::new(i, i + 2, TimexType::Duration, Val::Lit("PXX")))
        }
        // "stay for a fairly lengthy period", "over a short period of time": a stretch of unstated
        // length (not "a period of growth", which says what, not how long)
        "a" if i > 0 && tk.same_sent(i - 1, i) && tk.is_any(i - 1, &["for", "over", "within", "after", "during", "in"]) => {
            let j = if tk.is_any(i + 1, &["fairly", "very", "relatively", "rather", "quite"]) { i + 2 } else { i + 1 };
            if !tk.is_any(j, &["long", "lengthy", "short", "brief", "extended", "prolonged", "limited"]) || tk.w(j + 1) != "period" {
                return None;
            }
            let e = if tk.w(j + 2) == "of" && tk.w(j + 3) == "time" { j + 4 } else { j + 2 };
            if tk.w(e) == "of" {
                return None;
            }
            Some(Cand::new(i, e, TimexType::Duration, Val::Lit("PXX")))
        }
        "as" if tk.w(i + 1) == "soon" && tk.w(i + 2) == "as" && tk.w(i + 3) == "possible" => lit(i + 4, "FUTURE_REF"),
        // "will soon move", "may soon seek": some time ahead; not the conjunction "as soon as" nor "too
        // soon", not "soon after …" (a step from another event), not beside a past verb ("was soon released")
        "soon"
            if !(i > 0 && tk.is_any(i - 1, &["as", "too", "how", "so"]))
                && !tk.is_any(i + 1, &["as", "after", "afterward", "afterwards", "thereafter", "before", "enough"])
                && !super::tense::past_verb_beside(tk, i) =>
        {
            lit(i + 1, "FUTURE_REF")
        }
        "past"
            if i > 0
                && tk.w(i - 1) == "the"
                && !tk.is_any(i + 1, &["few", "several"])
                && unit_of(tk.w(i + 1)).is_none()
                && small_number(tk.w(i + 1)).is_none()
                && !tk.t.get(i + 1).map_or(false, |t| t.num) =>
        {
            Some(Cand::new(i, i + 1, TimexType::Date, Val::Lit("PAST_REF")).det())
        }
        // "in past years", "in future quarters": unnamed stretches behind or ahead (with a
        // preposition before, so "past years' losses" in a list or "the past years" stay apart)
        "past" | "future"
            if i > 0
                && tk.same_sent(i - 1, i)
                && tk.is_any(i - 1, &["in", "over", "for", "during", "into", "than", "like"])
                && matches!(unit_of(tk.w(i + 1)), Some((u, true)) if u >= super::lex::Unit::Day)
                && tk.w(i + 2) != "'" =>
        {
            lit(i + 2, if w == "past" { "PAST_REF" } else { "FUTURE_REF" })
        }
        // "the future"; not the adjective ("future earnings"), which TimeBank leaves out
        "future" if i > 0 && tk.w(i - 1) == "the" && !tk.is_any(i + 1, &["of"]) => {
            Some(Cand::new(i, i + 1, TimexType::Date, Val::Lit("FUTURE_REF")).det())
        }
        "coming" if matches!(unit_of(tk.w(i + 1)), Some((_, true))) => {
            Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("FUTURE_REF")).det())
        }
        "once" | "then" => None,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::dates::testutil::one;

    #[test]
    fn then_current_is_past() {
        // current back then
        assert_eq!(
            one("Holders may buy shares at half the then current market price.", ""),
            "current|DATE|PAST_REF"
        );
    }

    #[test]
    fn present_past_future() {
        assert_eq!(one("He is now in Paris.", "2019-01-08"), "now|DATE|PRESENT_REF");
        assert_eq!(one("It recently moved.", "2019-01-08"), "recently|DATE|PAST_REF");
        assert_eq!(
            one("Worries about the future.", "2019-01-08"),
            "the future|DATE|FUTURE_REF"
        );
        assert_eq!(one("In the past, it did.", ""), "the past|DATE|PAST_REF");
        assert_eq!(one("The current slump.", ""), "current|DATE|PRESENT_REF");
        assert_eq!(one("They may soon seek an indictment.", ""), "soon|DATE|FUTURE_REF");
        assert_eq!(one("It soon will begin selling boxes.", ""), "soon|DATE|FUTURE_REF");
        assert_eq!(
            one("In the near future it ends.", ""),
            "the near future|DATE|FUTURE_REF"
        );
    }

    #[test]
    fn at_the_time() {
        assert_eq!(
            one("In a speech, he said at the time he was willing to withdraw.", ""),
            "the time|DATE|PAST_REF"
        );
        assert_eq!(one("Many were sick at the time, officials said.", ""), "the time|DATE|PAST_REF");
        // "at the time of its founding", "at the time when": a clause follows, no point of its own
        assert_eq!(one("There were 12 members at the time of its founding.", ""), "");
        assert_eq!(one("He was away at the time when it fell.", ""), "");
        assert_eq!(one("At the time Howes was captured, the group was stronger.", ""), "");
        assert_eq!(one("At the time, the group was stronger.", ""), "the time|DATE|PAST_REF");
    }

    #[test]
    fn past_and_future_stretches() {
        assert_eq!(one("There were sell programs in past years, too.", ""), "past years|DATE|PAST_REF");
        assert_eq!(one("It will cut taxes in future quarters.", ""), "future quarters|DATE|FUTURE_REF");
        // traps: adjectives before other nouns, no preposition
        assert_eq!(one("Future earnings will rise in past markets.", ""), "");
        assert_eq!(one("Past years were hard.", ""), "");
    }

    #[test]
    fn traps() {
        assert_eq!(one("The current account deficit grew.", ""), "");
        assert_eq!(one("As soon as they can.", ""), "");
        assert_eq!(one("He was killed soon after his capture.", ""), "");
        assert_eq!(one("He was soon released.", ""), "");
        assert_eq!(one("The trickle soon became a flood.", ""), "");
        assert_eq!(one("It is too soon to tell.", ""), "");
        assert_eq!(one("The future of the party.", ""), "");
        assert_eq!(one("Future earnings will rise.", ""), "");
    }

    #[test]
    fn discourse_now_and_counted_past() {
        // a sentence opened by "Now," frames the discourse; "now" inside it still dates
        assert_eq!(one("Now, he says, it looks different.", "2019-01-08"), "");
        assert_eq!(one("Currently, organs are rationed.", "2019-01-08"), "");
        assert_eq!(one("Now the alliance is larger.", "2019-01-08"), "Now|DATE|PRESENT_REF");
        assert_eq!(one("It is, for now, closed.", "2019-01-08"), "now|DATE|PRESENT_REF");
        // "the past three summers" is no bare "the past"
        assert!(!one("Violence spread for the past three summers.", "1998-03-22").contains("PAST_REF"));
    }

    #[test]
    fn one_day_ahead() {
        assert_eq!(one("Islam will one day be the second religion.", "1998-03-03"), "one day|DATE|FUTURE_REF");
        assert_eq!(one("He hoped he one day follow them.", "1998-03-03"), "one day|DATE|FUTURE_REF");
        // a length stays a duration
        assert_eq!(one("It took one day.", "1998-03-03"), "one day|DURATION|P1D");
        assert_eq!(one("They will stay one day.", "1998-03-03"), "one day|DURATION|P1D");
    }

    #[test]
    fn a_lengthy_period() {
        assert_eq!(one("We're there to stay for a fairly lengthy period.", ""), "a fairly lengthy period|DURATION|PXX");
        assert_eq!(one("Prices fell within a short period of time.", ""), "a short period of time|DURATION|PXX");
        // traps: what the period holds, or no preposition before it
        assert_eq!(one("They went through a long period of growth.", ""), "");
        assert_eq!(one("A long period ended.", ""), "");
    }

    #[test]
    fn a_while() {
        assert_eq!(one("They will live without it for a while.", ""), "a while|DURATION|PXX");
        assert_eq!(one("A while ago it broke.", ""), "");
        assert_eq!(one("Wait a while ago.", ""), "");
    }
}
