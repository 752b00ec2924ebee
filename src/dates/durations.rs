//! Durations: `an hour` (PT1H), `three years` (P3Y), `two and a half years`, `10-year` (adjective),
//! `several months` (PXM), `months` alone after `for`/`in`, `the past 24 hours`, `the next two
//! weeks`, `the first nine months`, `decades-long`. Not `a second` (as in "wait a second") and not
//! ages (`10-year-old`).

use super::lex::{number_at, unit_of, vague_amount, Toks, Unit};
use super::normalize::Val;
use super::{Cand, Context};
use crate::model::TimexType;

fn w0_is_article(w: &str) -> bool {
    w == "a" || w == "an"
}

fn dur(s: usize, e: usize, amt: Option<u32>, unit: Unit) -> Cand {
    // quarters and decades are written in months and years (P9M, P20Y), as TimeBank does
    // (an unstated number of quarters stays in quarters: "several quarters", PXQ)
    let (amt, unit) = match unit {
        Unit::Quarter if amt.is_some() => (amt.map(|a| a * 3), Unit::Month),
        Unit::Decade => (amt.map(|a| a * 10), Unit::Year),
        _ => (amt, unit),
    };
    Cand::new(s, e, TimexType::Duration, Val::Dur { amt, unit })
}

/// `N units` at `i`: (amount in tenths or None for vague, unit, end, hyphenated adjective).
pub(super) fn amount_unit(tk: &Toks, i: usize) -> Option<(Option<u32>, Unit, usize, bool)> {
    // "a few days": the article belongs to the vague amount, not a number "a"
    let (amt, j) = match (vague_amount(tk, i), number_at(tk, i)) {
        (Some(j), _) if tk.w(i + 1) == "few" => (None, j),
        (_, Some((v, j))) => (Some(v), j),
        (Some(j), None) => (None, j),
        (None, None) => return None,
    };
    if j == i || !tk.same_sent(i, j) {
        return None;
    }
    let hyph = tk.w(j) == "-" && tk.glued(j) && tk.glued(j + 1);
    let mut k = if hyph { j + 1 } else { j };
    // "20 more years", "an additional year", "eight trading days", "two consecutive quarters"
    if !hyph
        && matches!(
            tk.w(k),
            "more"
                | "additional"
                | "further"
                | "full"
                | "straight"
                | "consecutive"
                | "trading"
                | "business"
                | "working"
                | "calendar"
                | "long"
                | "whole"
                | "extra"
        )
    {
        k += 1;
    }
    let (unit, plural) = unit_of(tk.w(k))?;
    if unit == Unit::Half {
        return None;
    }
    let w0 = tk.w(i);
    // "a second", "a minute" as in "wait a second": only figures or number words for seconds
    if unit == Unit::Second && (w0 == "a" || w0 == "an") {
        return None;
    }
    // "a" only counts before a singular unit; numbers larger than one need the plural (except hyphenated adjectives)
    if (w0 == "a" || w0 == "an") && plural && amt == Some(10) {
        return None;
    }
    // "the 1988 second quarter": a year, not an amount; singular units need one (or an adjective)
    if let Some(v) = amt {
        // "a five year low", "a two day rally" are fine; "the 1988 second quarter" is not
        if !plural && !hyph && v != 10 && (v >= 10000 || unit == Unit::Second) {
            return None;
        }
        if v >= 10000 && !plural {
            return None;
        }
    }
    // "a year-earlier loss", "three-quarters of": the unit is part of another word
    if tk.w(k + 1) == "-" && tk.glued(k + 1) && !matches!(tk.w(k + 2), "long" | "old") {
        return None;
    }
    // "a day-long meeting": the adjective "day-long" alone (below), not "a day"
    if (w0_is_article(tk.w(i))) && !hyph && tk.w(k + 1) == "-" && tk.glued(k + 1) && tk.w(k + 2) == "long" {
        return None;
    }
    // "three quarters of its food" is a share; "several quarters of losses" a stretch of time
    if unit == Unit::Quarter && tk.w(k + 1) == "of" && amt.is_some() {
        return None;
    }
    // "60 Minutes": a title
    if tk.cap(k) && !tk.all_caps(k) && tk.sentence_of(k).0 != i {
        return None;
    }
    let mut e = k + 1;
    let mut amt = amt;
    if let (Some(v), true) = (amt, tk.w(e) == "and" && tk.w(e + 1) == "a" && tk.w(e + 2) == "half") {
        amt = Some(v + 5);
        e += 3;
    }
    // ages: "10-year-old", "two-month-old"
    if tk.w(e) == "-" && tk.w(e + 1) == "old" || tk.w(e) == "old" {
        return None;
    }
    if hyph && tk.w(e) == "-" && tk.w(e + 1) == "long" {
        e += 2;
    }
    Some((amt, unit, e, hyph))
}

pub fn at(tk: &Toks, i: usize, _ctx: &Context) -> Option<Cand> {
    let w = tk.w(i);
    // "will one day be": some day, a vague reference (vague.rs), not a day's length
    if super::vague::someday(tk, i) {
        return None;
    }
    // the past/last/next/coming/first N units
    if matches!(
        w,
        "past" | "last" | "next" | "coming" | "first" | "final" | "previous" | "following"
    ) {
        let j = i + 1;
        if let Some((amt, unit, e, false)) = amount_unit(tk, j) {
            // "the past year" (singular, no number) is a date: relative.rs
            if amt.is_some() && tk.w(j) != "a" && tk.w(j) != "an" || amt.is_none() {
                return Some(dur(i, e, amt, unit).det());
            }
        }
        // the coming weeks, the past months
        if let Some((unit, true)) = unit_of(tk.w(j)) {
            if i > 0 && tk.w(i - 1) == "the" && !matches!(unit, Unit::Half | Unit::Quarter) {
                return Some(dur(i, j + 1, None, unit).det());
            }
        }
        return None;
    }
    let unit_w = unit_of(w);
    // "their third day-long meeting", "a week-long strike": one unit's length
    if let Some((unit, false)) = unit_w {
        if tk.w(i + 1) == "-"
            && tk.glued(i + 1)
            && tk.w(i + 2) == "long"
            && tk.glued(i + 2)
            && !matches!(unit, Unit::Half | Unit::Quarter | Unit::Second)
        {
            return Some(dur(i, i + 3, Some(10), unit));
        }
    }
    // the weeks ahead
    if let Some((unit, true)) = unit_w {
        if i > 0 && tk.w(i - 1) == "the" && tk.w(i + 1) == "ahead" {
            return Some(dur(i, i + 2, None, unit).det());
        }
        // months, years alone: "for months", "in years", "decades-long"
        let prev = if i > 0 { tk.w(i - 1) } else { "" };
        if tk.w(i + 1) == "-" && tk.w(i + 2) == "long" && tk.glued(i + 1) {
            return Some(dur(i, i + 3, None, unit));
        }
        // "over the years", "in the years that followed": an unstated stretch of years
        if prev == "the"
            && matches!(unit, Unit::Year | Unit::Decade)
            && i > 1
            && tk.same_sent(i - 2, i)
            && (tk.is_any(i - 2, &["over", "through", "throughout"])
                || (tk.w(i - 2) == "in" && tk.is_any(i + 1, &["that", "since", "following", "after", "before", "ahead", "to"])))
        {
            return Some(dur(i, i + 1, None, unit).det());
        }
        if matches!(
            prev,
            "for" | "in" | "within" | "over" | "after" | "took" | "lasted" | "than" | "spent" | "last" | "lasting"
        ) && !matches!(unit, Unit::Second | Unit::Half | Unit::Quarter | Unit::Weekend)
            && !matches!(tk.w(i + 1), "of" | "'" | "'s")
        {
            return Some(dur(i, i + 1, None, unit));
        }
        return None;
    }
    // "between two to six days", "between three and five years": the first end is an amount of
    // the unit the second names, a span of its own (TimeML marks each end)
    if i > 0 && tk.w(i - 1) == "between" && tk.same_sent(i - 1, i) && tk.is_any(i + 1, &["and", "to"]) {
        if let Some((v, j)) = number_at(tk, i).filter(|&(_, j)| j == i + 1) {
            if let Some((Some(_), unit, _, false)) = amount_unit(tk, i + 2) {
                if v < 10000 {
                    return Some(dur(i, j, Some(v), unit));
                }
            }
        }
    }
    let (amt, unit, e, hyph) = amount_unit(tk, i)?;
    // a bare "a year" / "one day" right before "ago"/"earlier" is relative.rs's (longer) match
    let c = dur(i, e, amt, unit);
    Some(if hyph { c } else { c.det() })
}

/// "24 hours a day", "seven days a week", "365 days a year", "12 months a year": a count of one
/// unit that makes up exactly one of the next ("around the clock", "all year round"). The words
/// say "all the time", not a stretch or a recurrence, so neither part is a time expression
/// (TimeBank leaves them unmarked). Returns the token after the idiom when one starts at `i`.
pub fn all_the_time(tk: &Toks, i: usize) -> Option<usize> {
    let (n, j) = number_at(tk, i)?;
    let (unit, true) = unit_of(tk.w(j))? else { return None };
    if !tk.is_any(j + 1, &["a", "an", "per"]) || !tk.same_sent(i, j + 2) {
        return None;
    }
    let (whole, false) = unit_of(tk.w(j + 2))? else { return None };
    let fits = match (unit, whole) {
        (Unit::Minute, Unit::Hour) => n == 600,
        (Unit::Hour, Unit::Day) => n == 240,
        (Unit::Day, Unit::Week) => n == 70,
        (Unit::Day, Unit::Year) => n == 3650 || n == 3660,
        (Unit::Week, Unit::Year) => n == 520,
        (Unit::Month, Unit::Year) => n == 120,
        _ => false,
    };
    fits.then_some(j + 3)
}

#[cfg(test)]
mod tests {
    use crate::dates::testutil::one;

    #[test]
    fn amounts() {
        assert_eq!(one("It took an hour.", ""), "an hour|DURATION|PT1H");
        assert_eq!(one("It takes a few minutes.", ""), "a few minutes|DURATION|PTXM");
        assert_eq!(one("It lasted a couple of weeks.", ""), "a couple of weeks|DURATION|P2W");
        assert_eq!(one("It took three years.", ""), "three years|DURATION|P3Y");
        assert_eq!(
            one("It took two and a half years.", ""),
            "two and a half years|DURATION|P2Y6M"
        );
        assert_eq!(one("A 10-year bond.", ""), "10-year|DURATION|P10Y");
        assert_eq!(one("It took several months.", ""), "several months|DURATION|PXM");
        assert_eq!(one("It took months.", ""), "months|DURATION|PXM");
        assert_eq!(
            one("Sales in the past 24 hours.", ""),
            "the past 24 hours|DURATION|PT24H"
        );
        assert_eq!(
            one("Sales in the first nine months rose.", ""),
            "the first nine months|DURATION|P9M"
        );
        assert_eq!(one("In the coming weeks it ends.", ""), "the coming weeks|DURATION|PXW");
        assert_eq!(one("A decades-long feud.", ""), "decades-long|DURATION|PXY");
        assert_eq!(one("It took 5 1/2 hours.", ""), "5 1/2 hours|DURATION|PT5H30M");
    }

    #[test]
    fn all_the_time_is_no_time() {
        assert_eq!(one("Guards watch the house 24 hours a day.", ""), "");
        assert_eq!(one("It is open seven days a week, 365 days a year.", ""), "");
        assert_eq!(one("Crews work twenty-four hours per day.", ""), "");
        // a count that is not the whole of the next unit is a rate: left to the other rules
        assert_eq!(one("He works 12 hours a day.", ""), "12 hours|DURATION|PT12H; a day|DURATION|P1D");
        assert_eq!(one("It lasted 24 hours.", ""), "24 hours|DURATION|PT24H");
    }

    #[test]
    fn traps() {
        assert_eq!(one("Wait a second.", ""), "");
        assert_eq!(one("A 10-year-old boy.", ""), "");
        assert_eq!(one("He is 40 years old.", ""), "");
        assert_eq!(one("A year-earlier loss.", "1989-10-26"), "year-earlier|DATE|1988");
        assert_eq!(one("Iraq imports three-quarters of its food.", ""), "");
        assert_eq!(
            one("In the 1988 second quarter.", ""),
            "the 1988 second quarter|DATE|1988-Q2"
        );
        assert_eq!(one("He said on 60 Minutes that.", ""), "");
        assert_eq!(one("Stocks hit a five year low.", ""), "five year|DURATION|P5Y");
        assert_eq!(
            one("It lasted for a couple of years.", ""),
            "a couple of years|DURATION|P2Y"
        );
        assert_eq!(
            one("It lasted almost a hundred years.", ""),
            "almost a hundred years|DURATION|P100Y"
        );
    }

    #[test]
    fn one_unit_long() {
        assert_eq!(one("They emerged from their third day-long meeting.", ""), "day-long|DURATION|P1D");
        assert_eq!(one("It ended a week-long strike.", ""), "week-long|DURATION|P1W");
        // trap: a year's end is no length
        assert_eq!(one("A year-end bonus.", "1989-10-20"), "year-end|DATE|1989");
    }

    #[test]
    fn vague_quarters() {
        assert_eq!(
            one("It achieved profitability after several quarters of losses.", ""),
            "several quarters|DURATION|PXQ"
        );
        // a share, not a stretch of time
        assert_eq!(one("Iraq imports three quarters of its food.", ""), "");
    }

    #[test]
    fn between_range_start() {
        let t = crate::dates::testutil::run("It's between two to six days for each patient.", "");
        let got: Vec<String> = t.iter().map(|(a, b, c)| format!("{a}|{b}|{c}")).collect();
        assert_eq!(got, ["two|DURATION|P2D", "six days|DURATION|P6D"]);
        let t = crate::dates::testutil::run("They serve between three and five years.", "");
        let got: Vec<String> = t.iter().map(|(a, b, c)| format!("{a}|{b}|{c}")).collect();
        assert_eq!(got, ["three|DURATION|P3Y", "five years|DURATION|P5Y"]);
        // traps: a count of things, not of time; years are points
        assert_eq!(one("It costs between two and six dollars.", ""), "");
        let t = crate::dates::testutil::run("It rose between 1990 and 1995.", "");
        assert!(t.iter().all(|(_, b, _)| *b == "DATE"), "{t:?}");
    }

    #[test]
    fn the_years_as_a_stretch() {
        assert_eq!(one("Over the years many patients died.", ""), "the years|DURATION|PXY");
        assert_eq!(one("In the years that followed, they won.", ""), "the years|DURATION|PXY");
        // not a year named by what follows
        assert_eq!(one("In the years of plenty they saved.", ""), "");
    }
}
