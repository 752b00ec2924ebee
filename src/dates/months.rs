//! Month names: `January 7`, `Jan. 7, 2019`, `7 January 2019`, `the 7th of January`, `January
//! 2019`, `June last year`, and `January` alone — but not `may` the verb, `March` the verb or noun,
//! or `April` the first name.

use super::lex::{month_of, ordinal, small_number, Toks};
use super::normalize::{Dir, Val, YearRef};
use super::relative::{year_at, year_or_spoken_at, year_ref_at};
use super::{Cand, Context};
use crate::model::TimexType;

/// A day of the month at `i`: `7`, `07`, `7th`, `seventh`, `twenty-first`. Returns (day, next).
pub fn day_at(tk: &Toks, i: usize) -> Option<(u8, usize)> {
    let w = tk.w(i);
    let (d, e) = if let Some(d) = tk.digits(i) {
        if w.len() > 2 {
            return None;
        }
        (d, i + 1)
    } else if let Some(d) = ordinal(w) {
        // twenty-first
        (d, i + 1)
    } else if let Some(t) = small_number(w) {
        if (t == 20 || t == 30) && tk.w(i + 1) == "-" {
            let o = ordinal(tk.w(i + 2))?;
            (t + o, i + 3)
        } else {
            return None;
        }
    } else {
        return None;
    };
    if !(1..=31).contains(&d) {
        return None;
    }
    // not a quantity or a clock time: "May 5 million", "March 3:30"
    let next = tk.w(e);
    if matches!(next, "%" | "percent" | "million" | "billion" | "per") {
        return None;
    }
    if matches!(next, ":" | ".") && tk.glued(e) && tk.t.get(e + 1).map_or(false, |t| t.num && !t.space) {
        return None;
    }
    Some((d as u8, e))
}

const MONTH_PREPS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "of",
    "through",
    "early",
    "late",
    "mid",
    "-",
    "last",
    "next",
    "this",
    "during",
    "before",
    "after",
    "between",
    "and",
    "to",
    "on",
    "for",
    "that",
    "every",
    "each",
    "or",
    "throughout",
];

/// Is the month word at `i` really a month (not `may` the verb, `March` the noun, `April` a name)?
fn month_ok(tk: &Toks, i: usize, followed_by_date: bool) -> bool {
    let w = tk.w(i);
    if !tk.cap(i) {
        return false;
    }
    let abbrev = w.len() <= 4 && w != "may" && w != "june" && w != "july";
    if abbrev && !w.ends_with('.') && !followed_by_date {
        return false;
    }
    if w == "sun." || w == "mar" && !followed_by_date {
        return false;
    }
    let prev = if i > 0 && tk.same_sent(i - 1, i) {
        tk.w(i - 1)
    } else {
        ""
    };
    let prep_before = MONTH_PREPS.contains(&prev);
    if followed_by_date {
        return true;
    }
    // a capitalised word before it (not the sentence's first): a name ("Theresa May", "Mrs. June Smith")
    if i > 0
        && tk.same_sent(i - 1, i)
        && tk.cap(i - 1)
        && !tk.all_caps(i)
        && super::lex::month_of(prev).is_none()
        && !prep_before
    {
        let first_of_sentence = tk.sentence_of(i).0 == i - 1;
        if !first_of_sentence {
            return false;
        }
    }
    // a capitalised word after it: a name ("April Smith", "August Wilson")
    if tk.cap(i + 1) && tk.same_sent(i, i + 1) && !tk.all_caps(i) && !prep_before {
        return false;
    }
    if matches!(w, "may" | "march") {
        // "the March accession", "the May elections": the month before the noun it dates (not "the
        // March for Life", "the March of Dimes", "the March on Washington", names with a preposition)
        let premodifier = prev == "the"
            && tk.same_sent(i, i + 1)
            && !tk.cap(i + 1)
            && tk.w(i + 1).bytes().all(|b| b.is_ascii_lowercase())
            && !tk.w(i + 1).is_empty()
            && !tk.is_any(
                i + 1,
                &["of", "for", "on", "to", "against", "from", "through", "in", "into", "across", "and", "or", "was", "is", "will", "had", "has"],
            );
        return prep_before || premodifier;
    }
    true
}

/// A day range's dash at `i` and its end day after it (`-13` of `June 12-13`): a later day of the
/// same month (`m`, or any month when 0), the dash glued on both sides (a hyphen or an en dash).
/// Returns (end day, index after it).
fn range_end_day(tk: &Toks, i: usize, start: u8, m: u8) -> Option<(u8, usize)> {
    if !matches!(tk.w(i), "-" | "\u{2013}") || !tk.glued(i) || !tk.glued(i + 1) || !tk.same_sent(i, i + 1) {
        return None;
    }
    let (d, k) = day_at(tk, i + 1)?;
    let last = if m == 0 { 31 } else { super::calendar::days_in_month(2000, m) };
    (d > start && d <= last).then_some((d, k))
}

/// The end day of `June 12-13` at `i` (the `13`), with the year after it if any.
fn range_end_after_month(tk: &Toks, i: usize) -> Option<Cand> {
    if i < 3 || tk.digits(i).is_none() {
        return None;
    }
    let m = month_of(tk.w(i - 3))?;
    let (d1, after) = day_at(tk, i - 2)?;
    if after != i - 1 || !month_ok(tk, i - 3, true) || !tk.same_sent(i - 3, i) {
        return None;
    }
    let (d, mut e) = range_end_day(tk, i - 1, d1, m)?;
    let at = if tk.w(e) == "," { e + 1 } else { e };
    let y = year_at(tk, at).map(|(y, k)| {
        e = k;
        YearRef::Abs(y)
    });
    Some(Cand::new(i, e, TimexType::Date, Val::Cal { y, m, d: Some(d), dir: Dir::Auto }))
}

pub fn at(tk: &Toks, i: usize, _ctx: &Context) -> Option<Cand> {
    let w = tk.w(i);
    if let Some(m) = month_of(w) {
        // M D [, Y]
        let mut j = i + 1;
        if let Some((d, e)) = day_at(tk, j).filter(|_| tk.same_sent(i, j)) {
            if month_ok(tk, i, true) && d <= super::calendar::days_in_month(2000, m) {
                j = e;
                // the year, after an optional comma: "January 7, 2019", "7 January 2019"
                let at = if tk.w(j) == "," { j + 1 } else { j };
                if let Some((y, k)) = year_at(tk, at) {
                    return Some(Cand::new(
                        i,
                        k,
                        TimexType::Date,
                        Val::Cal {
                            y: Some(YearRef::Abs(y)),
                            m,
                            d: Some(d),
                            dir: Dir::Auto,
                        },
                    ));
                }
                // the start of a day range takes the range's year: "March 3-5, 2019"
                let y = range_end_day(tk, j, d, m).and_then(|(_, k)| {
                    let at = if tk.w(k) == "," { k + 1 } else { k };
                    year_at(tk, at).map(|(y, _)| YearRef::Abs(y))
                });
                return Some(Cand::new(
                    i,
                    j,
                    TimexType::Date,
                    Val::Cal {
                        y,
                        m,
                        d: Some(d),
                        dir: Dir::Auto,
                    },
                ));
            }
        }
        // M Y, M of Y, M last year
        let k = if tk.w(j) == "of" || tk.w(j) == "," { j + 1 } else { j };
        if let Some((y, e)) = year_or_spoken_at(tk, k) {
            if month_ok(tk, i, true) {
                return Some(Cand::new(
                    i,
                    e,
                    TimexType::Date,
                    Val::Cal {
                        y: Some(YearRef::Abs(y)),
                        m,
                        d: None,
                        dir: Dir::Auto,
                    },
                ));
            }
        }
        if tk.w(j) != "," {
            if let Some((y, e)) = year_ref_at(tk, k) {
                if month_ok(tk, i, true) {
                    return Some(Cand::new(
                        i,
                        e,
                        TimexType::Date,
                        Val::Cal {
                            y: Some(y),
                            m,
                            d: None,
                            dir: Dir::Auto,
                        },
                    ));
                }
            }
        }
        if month_ok(tk, i, false) {
            return Some(Cand::new(
                i,
                i + 1,
                TimexType::Date,
                Val::Cal {
                    y: None,
                    m,
                    d: None,
                    dir: Dir::Auto,
                },
            ));
        }
        return None;
    }
    // the end of a day range after its month: "13" of "June 12-13", "5, 2019" of "March 3-5, 2019"
    if let Some(c) = range_end_after_month(tk, i) {
        return Some(c);
    }
    // D M [Y]: "7 January 2019", "7th of January", "the 7th of January"
    let (d, mut j) = day_at(tk, i)?;
    // the start of a day range before its month: "12" of "12-14 June 2019"
    if let Some((d2, k)) = range_end_day(tk, j, d, 0) {
        if let Some(c) = at(tk, k - 1, _ctx).filter(|c| c.s == k - 1) {
            if let Val::Cal { y, m, d: Some(end), .. } = c.val {
                if end == d2 && d <= super::calendar::days_in_month(2000, m) {
                    return Some(Cand::new(i, j, TimexType::Date, Val::Cal { y, m, d: Some(d), dir: Dir::Auto }));
                }
            }
        }
    }
    let det = tk.w(j) == "of";
    if det {
        j += 1;
    }
    let m = month_of(tk.w(j))?;
    // the day before it makes an abbreviation without its point a month ("8 Jan", British
    // style, and "on 8 Jan." whose point ends the sentence)
    if !tk.cap(j) {
        return None;
    }
    if d > super::calendar::days_in_month(2000, m) {
        return None;
    }
    let mut e = j + 1;
    let mut y = None;
    let k = if tk.w(e) == "," { e + 1 } else { e };
    if let Some((yy, kk)) = year_at(tk, k) {
        y = Some(YearRef::Abs(yy));
        e = kk;
    }
    let c = Cand::new(
        i,
        e,
        TimexType::Date,
        Val::Cal {
            y,
            m,
            d: Some(d),
            dir: Dir::Auto,
        },
    );
    Some(if det { c.det() } else { c })
}

/// "April 24 and 25", "May 5, 6 and 7": a bare day number listed after a month-and-day date `c`
/// is another day of that month, when the listing ends the phrase (punctuation or a preposition
/// follows) so that "May 5 and 6 others" stays a count.
pub fn listed_day(tk: &Toks, c: &Cand) -> Option<Cand> {
    let (y, m, d0, dir) = match &c.val {
        Val::Cal { y, m, d: Some(d), dir } => (*y, *m, *d, *dir),
        _ => return None,
    };
    let i = c.e;
    if !tk.is_any(i, &["and", "or", ","]) || !tk.same_sent(c.s, i + 1) {
        return None;
    }
    let w = tk.w(i + 1);
    let d = tk.digits(i + 1).filter(|_| w.len() <= 2)?;
    if d as u8 as u32 != d || d as u8 <= d0 || d as u8 > super::calendar::days_in_month(2000, m) {
        return None;
    }
    let after = tk.w(i + 2);
    // after a comma the list must go on ("5, 6 and 7"); it ends on punctuation or a preposition
    let more = tk.is_any(i + 2, &["and", "or", ","]) && tk.digits(i + 3).is_some();
    let ends = after.is_empty()
        || (tk.t[i + 2].punct && !matches!(after, "-" | "/" | ":" | "." if !tk.t[i + 2].space && tk.t.get(i + 3).map_or(false, |t| t.num && !t.space)))
        || matches!(after, "in" | "at" | "on" | "for" | "to" | "when" | "with" | "respectively" | "next" | "last" | "this");
    if (tk.w(i) == "," && !more) || !(ends || more) {
        return None;
    }
    Some(Cand::new(i + 1, i + 2, TimexType::Date, Val::Cal { y, m, d: Some(d as u8), dir }))
}

#[cfg(test)]
mod tests {
    use crate::dates::testutil::one;

    #[test]
    fn listed_days() {
        assert_eq!(
            one("The summit is on April 24 and 25.", "1999-02-10"),
            "April 24|DATE|1999-04-24; 25|DATE|1999-04-25"
        );
        assert_eq!(
            one("Talks on May 5, 6 and 7 in Paris failed.", "2019-06-10"),
            "May 5|DATE|2019-05-05; 6|DATE|2019-05-06; 7|DATE|2019-05-07"
        );
        assert_eq!(
            one("It met on Jan. 3, 1990 and 4 more times.", "2019-06-10"),
            "Jan. 3, 1990|DATE|1990-01-03"
        );
        // traps: a count after the date, a day that is no later one
        assert_eq!(one("On May 5 and 6 others were hurt.", "2019-06-10"), "May 5|DATE|2019-05-05");
        assert_eq!(one("On May 25 and 6 in June.", "2019-06-10"), "May 25|DATE|2019-05-25; June|DATE|2019-06");
        assert_eq!(one("On May 5, 6 people died.", "2019-06-10"), "May 5|DATE|2019-05-05");
    }

    #[test]
    fn forms() {
        assert_eq!(one("On Jan. 7, 2019, it fell.", ""), "Jan. 7, 2019|DATE|2019-01-07");
        assert_eq!(one("On January 7 it fell.", "2019-01-08"), "January 7|DATE|2019-01-07");
        assert_eq!(one("On 7 January 2019 it fell.", ""), "7 January 2019|DATE|2019-01-07");
        assert_eq!(
            one("On the 7th of January it fell.", "2019-03-01"),
            "the 7th of January|DATE|2019-01-07"
        );
        assert_eq!(one("Since August 1988 it fell.", ""), "August 1988|DATE|1988-08");
        assert_eq!(
            one("In June last year it fell.", "1998-02-19"),
            "June last year|DATE|1997-06"
        );
        assert_eq!(
            one("It opens on March eighth.", "1998-03-05"),
            "March eighth|DATE|1998-03-08"
        );
        assert_eq!(one("It opens Jan 7.", ""), "Jan 7|DATE|XXXX-01-07");
    }

    #[test]
    fn bare_months_use_tense() {
        assert_eq!(
            one("The deal was signed in February.", "1989-11-02"),
            "February|DATE|1989-02"
        );
        assert_eq!(
            one("The deal was signed in October.", "1989-11-02"),
            "October|DATE|1989-10"
        );
        // the month just ahead, told after a reporting verb, is the coming one, not eleven months back
        assert_eq!(
            one("Saudi Arabia told oil companies of a cutback in September.", "1990-08-16"),
            "September|DATE|1990-09"
        );
        assert_eq!(
            one("Dealers placed orders for November transactions.", "1989-10-30"),
            "November|DATE|1989-11"
        );
        // a deadline leans ahead; a period that "ended" lies behind
        assert_eq!(one("It wants new flights by August.", "1998-02-13"), "August|DATE|1998-08");
        assert_eq!(
            one("The labor pact is effective June 1.", "1989-10-26"),
            "June 1|DATE|1990-06-01"
        );
        assert_eq!(
            one("In the fiscal year ended Jan. 31, sales rose.", "1989-10-31"),
            "the fiscal year|DURATION|P1Y; Jan. 31|DATE|1989-01-31"
        );
        // a backshifted past in reported speech leaves the nearest month
        assert_eq!(
            one("He added that both sides needed the deal before the elections in May.", "2019-03-14"),
            "May|DATE|2019-05"
        );
        assert_eq!(one("Both sides needed the deal before the elections in May.", "2019-03-14"), "May|DATE|2018-05");
        // "will be named" looks ahead though "named" ends in -ed
        assert_eq!(
            one("Collins will be named commander of a mission in December.", "1998-03-04"),
            "December|DATE|1998-12"
        );
        assert_eq!(
            one("The deal will close in December.", "1989-11-02"),
            "December|DATE|1989-12"
        );
        assert_eq!(
            one("It is expected in December.", "1989-11-02"),
            "December|DATE|1989-12"
        );
    }

    #[test]
    fn day_ranges() {
        let r = "2019-01-08";
        assert_eq!(one("The talks ran March 3-5, 2019 in Hanoi.", r), "March 3|DATE|2019-03-03; 5, 2019|DATE|2019-03-05");
        assert_eq!(one("They met June 12-13.", r), "June 12|DATE|2018-06-12; 13|DATE|2018-06-13");
        assert_eq!(one("The fair ran 12-14 June 2017.", r), "12|DATE|2017-06-12; 14 June 2017|DATE|2017-06-14");
        assert_eq!(one("It was held Oct. 30 \u{2013} Nov. 2.", r), "Oct. 30|DATE|2018-10-30; Nov. 2|DATE|2018-11-02");
        // not ranges: a score after a date, a later day that the month does not have, spaced hyphens
        assert_eq!(one("On March 3 3-2 was the score.", r), "March 3|DATE|2019-03-03");
        assert_eq!(one("On March 3-2 they won.", r), "March 3|DATE|2019-03-03");
        assert_eq!(one("It ran Feb. 27-30.", r), "Feb. 27|DATE|2019-02-27");
        assert_eq!(one("The vote was 12-13 in March.", r), "March|DATE|2018-03");
    }

    #[test]
    fn traps() {
        assert_eq!(one("Prices may fall. May I ask?", "2019-01-08"), "");
        assert_eq!(one("Thousands march on the capital. March on!", "2019-01-08"), "");
        assert_eq!(one("Prime Minister Theresa May spoke.", "2019-01-08"), "");
        assert_eq!(one("April Smith said so.", "2019-01-08"), "");
        assert_eq!(one("He will mar the event.", "2019-01-08"), "");
        assert_eq!(one("In May prices fell.", "2019-06-08"), "May|DATE|2019-05");
        assert_eq!(
            one("He was arrested at this march in each of the last three years.", "1999-01-22"),
            "the last three years|DURATION|P3Y"
        );
        assert_eq!(one("We will see next may.", "2019-01-08"), "");
        // names of marches with a preposition after them
        assert_eq!(one("He was at the annual March for Life on Capitol Hill.", "1999-01-22"), "");
        assert_eq!(one("They led the March of the Mothers.", "1999-01-22"), "");
    }

    #[test]
    fn may_and_march_before_a_noun() {
        assert_eq!(
            one("The March accession will enable them to join.", "1999-02-10"),
            "March|DATE|1999-03"
        );
        assert_eq!(one("They won the May elections.", "1999-06-10"), "May|DATE|1999-05");
    }

    #[test]
    fn spoken_year_after_a_month() {
        assert_eq!(
            one("January nineteen ninety-seven. Atlanta again.", "1998-02-27"),
            "January nineteen ninety-seven|DATE|1997-01"
        );
        // "two thousand" after a month stays a count
        assert_eq!(one("In March two thousand troops left.", "1998-02-27"), "March|DATE|1998-03");
    }

    #[test]
    fn a_day_told_ahead() {
        // a month and day in a future-tense sentence is the nearest one, leaning ahead
        assert_eq!(
            one("The new flights would leave Bombay from August 6.", "1998-02-13"),
            "August 6|DATE|1998-08-06"
        );
        // but in the past tense the nearest, leaning back
        assert_eq!(one("The flights left on August 6.", "1998-02-13"), "August 6|DATE|1997-08-06");
    }
    #[test]
    fn a_day_before_an_abbreviation_without_its_point() {
        // were nothing and "Jan 2019|DATE|2019-01"
        assert_eq!(one("The report was published on 8 Jan.", "2019-01-08"), "8 Jan|DATE|2019-01-08");
        assert_eq!(one("The report was published on 8 Jan 2019.", "2019-01-08"), "8 Jan 2019|DATE|2019-01-08");
        assert_eq!(one("He was born on 3 Mar 1970.", "2019-01-08"), "3 Mar 1970|DATE|1970-03-03");
        // a bare abbreviation without a day is still no month
        assert_eq!(one("He spoke to Jan about it.", "2019-01-08"), "");
    }
}
