//! Relative dates: `today`, `yesterday`, `last year`, `next month`, `this week`, `two weeks ago`,
//! `a year earlier`, `year-ago`, quarters and halves (`the third quarter`, `Q3`, `first-half`),
//! seasons (`last fall`, `summer 2018`), centuries, and `that day`.

use super::lex::{month_of, number_at, ordinal, part_of_day, small_number, unit_of, vague_amount, weekday_of, Toks, Unit};
use super::normalize::{Dir, Part, Tod, Val, YearRef};
use super::tense::{self, Tense};
use super::{Anchor, Cand, Context};
use crate::model::TimexType;

fn date(s: usize, e: usize, v: Val) -> Cand {
    Cand::new(s, e, TimexType::Date, v)
}

/// A day plus an optional part of day after it ("yesterday morning"): TIME if so.
pub fn with_part_of_day(tk: &Toks, s: usize, e: usize, day: Val) -> Cand {
    if let Some(p) = part_of_day(tk.w(e)) {
        if tk.same_sent(s, e) && !tk.w(e).ends_with('s') {
            return Cand::new(
                s,
                e + 1,
                TimexType::Time,
                Val::Time {
                    day: Box::new(day),
                    tod: Tod::Part(p),
                },
            );
        }
    }
    date(s, e, day)
}

/// A season word: 0..=3 for SP SU FA WI.
pub fn season_of(w: &str) -> Option<u8> {
    match w {
        "spring" => Some(0),
        "summer" => Some(1),
        "fall" | "autumn" => Some(2),
        "winter" => Some(3),
        _ => None,
    }
}

/// A four-digit year at `i` (`1989`), or `fiscal 1989`.
pub fn year_at(tk: &Toks, i: usize) -> Option<(i32, usize)> {
    if tk.w(i) == "fiscal" {
        return year_at(tk, i + 1);
    }
    let w = tk.w(i);
    if w.len() == 4 {
        if let Some(y) = tk.digits(i) {
            if (1000..=2200).contains(&y) {
                return Some((y as i32, i + 1));
            }
        }
    }
    None
}

/// A year in figures or, after a month or a season, spoken the way broadcasts write it out
/// ("January nineteen ninety-seven", "the winter of nineteen ninety-four"); only the "nineteen
/// ninety-four" form: "two thousand" after a month is as often a count ("in March two thousand
/// troops…").
pub fn year_or_spoken_at(tk: &Toks, i: usize) -> Option<(i32, usize)> {
    year_at(tk, i).or_else(|| {
        if !(10..=20).contains(&small_number(tk.w(i))?) {
            return None;
        }
        super::numeric::spoken_year(tk, i).filter(|(y, _)| (1100..=2099).contains(y))
    })
}

/// "this year", "last year", "next year", "1989", "fiscal 1989": a year reference at `i`.
pub fn year_ref_at(tk: &Toks, i: usize) -> Option<(YearRef, usize)> {
    if let Some((y, e)) = year_at(tk, i) {
        return Some((YearRef::Abs(y), e));
    }
    let n = match tk.w(i) {
        "this" | "the" if tk.w(i + 1) == "current" && tk.w(i + 2) == "year" => return Some((YearRef::Rel(0), i + 3)),
        "this" => 0,
        "last" | "previous" | "past" => -1,
        "next" | "coming" => 1,
        _ => return None,
    };
    if tk.w(i + 1) == "year" {
        Some((YearRef::Rel(n), i + 2))
    } else {
        None
    }
}

fn quarter_word(w: &str) -> Option<u8> {
    match w {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" => Some(4),
        _ => None,
    }
}

/// "third quarter", "third-quarter", "fiscal first quarter", "first half" at `i`, then "of 1989" /
/// "of this year" / " 1989".
fn quarter_at(tk: &Toks, i: usize) -> Option<Cand> {
    let mut j = i;
    let mut y: Option<YearRef> = None;
    // "1989's third quarter", "this year's third quarter"
    if let Some((yr, e)) = year_ref_at(tk, j) {
        if tk.w(e) == "'s" {
            y = Some(yr);
            j = e + 1;
        } else if let (YearRef::Abs(_), true) = (yr, i > 0 && tk.w(i - 1) == "the") {
            // "the 1988 third quarter"
            if quarter_word(tk.w(e)).is_some() {
                y = Some(yr);
                j = e;
            }
        }
    }
    if tk.w(j) == "fiscal" {
        j += 1;
    }
    // Q3, 3Q
    let w = tk.w(j);
    let (part, mut e) = if w.len() == 2 && (w.starts_with('q') || w.ends_with('q')) && tk.cap(j) {
        let d = if w.starts_with('q') {
            w.as_bytes()[1]
        } else {
            w.as_bytes()[0]
        };
        if !(b'1'..=b'4').contains(&d) {
            return None;
        }
        (Part::Quarter(d - b'0'), j + 1)
    } else {
        let q = quarter_word(w).or_else(|| if w == "last" || w == "final" { Some(4) } else { None })?;
        let k = if tk.w(j + 1) == "-" { j + 2 } else { j + 1 };
        match tk.w(k) {
            "quarter" => (Part::Quarter(q), k + 1),
            "half" if q <= 2 || w == "last" => (Part::Half(if w == "last" { 2 } else { q }), k + 1),
            // "the first two quarters of 1990": its first half ("the last two quarters" are the
            // latest two, a duration)
            "two" if w == "first" && tk.w(k + 1) == "quarters" => (Part::Half(1), k + 2),
            _ => return None,
        }
    };
    if (w == "last" || w == "final") && y.is_none() && !matches!(part, Part::Half(_)) {
        // "last quarter" is relative (handled elsewhere) unless tied to a year
        if !(tk.w(e) == "of" && year_ref_at(tk, e + 1).is_some()) {
            return None;
        }
    }
    // "the last half of the '80s", "the first half of the 1990s": TimeML has no half of a
    // decade, so the whole is the decade, in one span rather than a wrong half-year and a decade
    if let (Part::Half(_), None, "of") = (part, y, tk.w(e)) {
        if let Some((d, k)) = the_decade_at(tk, e + 1) {
            return Some(date(i, k, Val::Decade(d)).det());
        }
    }
    if y.is_none() {
        if tk.w(e) == "of" {
            if let Some((yr, k)) = year_ref_at(tk, e + 1) {
                y = Some(yr);
                e = k;
            } else if tk.w(e + 1) == "fiscal" && tk.w(e + 2) == "year" {
                if let Some((yr, k)) = year_ref_at(tk, e + 3) {
                    y = Some(yr);
                    e = k;
                }
            }
        } else if let Some((yr, k)) = year_at(tk, e) {
            y = Some(YearRef::Abs(yr));
            e = k;
        } else if tk.w(e) == "," {
            if let Some((yr, k)) = year_at(tk, e + 1) {
                y = Some(YearRef::Abs(yr));
                e = k;
            }
        }
    }
    Some(
        date(
            i,
            e,
            Val::Part {
                y,
                part,
                dir: Dir::Auto,
            },
        )
        .det(),
    )
}

/// "the 1980s", "the '80s", "the 80s", "the eighties" at `i`: the decade (`198`) and the end.
fn the_decade_at(tk: &Toks, i: usize) -> Option<(i32, usize)> {
    if tk.w(i) != "the" {
        return None;
    }
    let (w, k) = if tk.w(i + 1) == "'" { (tk.w(i + 2), i + 2) } else { (tk.w(i + 1), i + 1) };
    let b = w.as_bytes();
    let d = match b.len() {
        5 if b[4] == b's' && b[..4].iter().all(u8::is_ascii_digit) && b[3] == b'0' => w[..3].parse().ok()?,
        3 if b[2] == b's' && b[..2].iter().all(u8::is_ascii_digit) && b[1] == b'0' => {
            let yy: i32 = w[..1].parse().ok()?;
            if yy < 3 {
                200 + yy
            } else {
                190 + yy
            }
        }
        _ => {
            let n = [
                "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
            ]
            .iter()
            .position(|&x| x == w)?;
            192 + n as i32
        }
    };
    Some((d, k + 1))
}

/// A season at `i` ("summer", "summer 2018", "the summer of 1998"); `strong` when a modifier
/// already makes "fall"/"spring" a season.
fn season_at(tk: &Toks, i: usize, strong: bool) -> Option<Cand> {
    let s = season_of(tk.w(i))?;
    let mut y = None;
    let mut e = i + 1;
    if let Some((yr, k)) = year_or_spoken_at(tk, e) {
        y = Some(YearRef::Abs(yr));
        e = k;
    } else if tk.w(e) == "of" {
        let spoken = || year_or_spoken_at(tk, e + 1).map(|(yr, k)| (YearRef::Abs(yr), k));
        if let Some((yr, k)) = year_ref_at(tk, e + 1).or_else(spoken) {
            y = Some(yr);
            e = k;
        }
    }
    // "fall" and "spring" are verbs/nouns too: need a year or a determiner
    let prev = if i > 0 { tk.w(i - 1) } else { "" };
    let ok = strong
        || y.is_some()
        || (s == 1 || s == 3)
            && !matches!(
                tk.w(i + 1),
                "-" | "olympics" | "games" | "camp" | "school" | "storm" | "solstice"
            )
        || matches!(
            prev,
            "the" | "this" | "last" | "next" | "early" | "late" | "mid" | "during" | "until" | "in" | "by" | "since"
        );
    if !ok {
        return None;
    }
    Some(
        date(
            i,
            e,
            Val::Part {
                y,
                part: Part::Season(s),
                dir: Dir::Auto,
            },
        )
        .det(),
    )
}

/// "the people of tomorrow", "the heroes of yesterday": an age ahead or gone, not a day (but "as
/// of today", "the end of today", "the events of yesterday" name the day)
fn an_age(tk: &Toks, i: usize) -> bool {
    i > 2
        && tk.w(i - 1) == "of"
        && tk.w(i - 3) == "the"
        && tk.same_sent(i - 3, i)
        && !tk.t[i - 2].punct
        && !tk.is_any(
            i - 2,
            &[
                "end", "start", "beginning", "middle", "rest", "close", "morning", "afternoon", "evening", "night",
                "events", "edition", "issue", "session", "meeting", "hours", "part", "course", "date", "day",
            ],
        )
        && tk.w(i + 1) != "'s"
}

/// "twice as high a dividend this year as last", "more this week than last": the bare "last" of a
/// comparison stands for the unit of the "this …" a few words before it in the sentence.
fn elliptic_last(tk: &Toks, i: usize) -> Option<Cand> {
    if i < 3 || !tk.is_any(i - 1, &["as", "than"]) || !tk.t.get(i + 1).map_or(true, |t| t.punct) {
        return None;
    }
    let (s0, _) = tk.sentence_of(i);
    let from = (i - 1).saturating_sub(10).max(s0);
    (from..i - 2).rev().find_map(|k| {
        let unit = match tk.w(k + 1) {
            "year" => Unit::Year,
            "month" => Unit::Month,
            "week" => Unit::Week,
            _ => return None,
        };
        (tk.w(k) == "this").then(|| date(i, i + 1, Val::Offset { unit, n: -1 }))
    })
}

pub fn at(tk: &Toks, i: usize, ctx: &Context) -> Option<Cand> {
    let w = tk.w(i);
    let r = ctx.reference_date;
    if w == "today" {
        // "USA Today", "VOA Today", "Russia Today": a capital mid-sentence after a capitalised word
        // makes a title
        if tk.cap(i) && i > 0 && tk.same_sent(i - 1, i) && tk.sentence_of(i).0 != i && tk.cap(i - 1) && !tk.all_caps(i) {
            return None;
        }
        // "today's world", "today's youth": the present age in general, not the reference day
        if tk.w(i + 1) == "'s"
            && tk.is_any(
                i + 2,
                &[
                    "world", "youth", "society", "generation", "children", "kids", "young", "teenagers", "standards",
                    "culture", "technology", "personal", "modern", "global", "political", "economic", "media",
                    "students", "parents", "families", "consumers", "women", "men", "people", "age",
                ],
            )
        {
            return None;
        }
    }
    match w {
        "today" | "yesterday" | "tomorrow" if an_age(tk, i) => return None,
        "last" if elliptic_last(tk, i).is_some() => return elliptic_last(tk, i),
        "today" => return Some(with_part_of_day(tk, i, i + 1, Val::Offset { unit: Unit::Day, n: 0 })),
        "yesterday" => return Some(with_part_of_day(tk, i, i + 1, Val::Offset { unit: Unit::Day, n: -1 })),
        "tomorrow" => return Some(with_part_of_day(tk, i, i + 1, Val::Offset { unit: Unit::Day, n: 1 })),
        "tonight" => {
            return Some(Cand::new(
                i,
                i + 1,
                TimexType::Time,
                Val::Time {
                    day: Box::new(Val::Offset { unit: Unit::Day, n: 0 }),
                    tod: Tod::Part("NI"),
                },
            ))
        }
        "that" | "the" if tk.w(i + 1) == "same" && tk.w(i + 2) == "day" => {
            return Some(date(i, i + 3, Val::Lit("XXXX-XX-XX")).anchor(Anchor::ThatDay))
        }
        "that" if tk.w(i + 1) == "day" => return Some(date(i, i + 2, Val::Lit("XXXX-XX-XX")).anchor(Anchor::ThatDay)),
        // "until then", "by that time": the deadline last named ("terminate on Nov. 30. Until then …")
        "then" | "that"
            if i > 0
                && tk.same_sent(i - 1, i)
                && tk.is_any(i - 1, &["until", "till", "by"])
                && (w == "then" || tk.w(i + 1) == "time") =>
        {
            let e = if w == "then" { i + 1 } else { i + 2 };
            return Some(date(i, e, Val::Lit("XXXX-XX-XX")).anchor(Anchor::ThatDay));
        }
        "that" | "the" if tk.w(i + 1) == "same" && tk.w(i + 2) == "year" => {
            return Some(date(i, i + 3, Val::Lit("XXXX")).anchor(Anchor::ThatYear))
        }
        "that" if tk.w(i + 1) == "year" && tk.w(i + 2) != "'s" => {
            return Some(date(i, i + 2, Val::Lit("XXXX")).anchor(Anchor::ThatYear))
        }
        // "that week", "the same month": the week or month the story is at
        "that" | "the"
            if (w == "that" || tk.w(i + 1) == "same")
                && matches!(tk.w(if w == "that" { i + 1 } else { i + 2 }), "week" | "month")
                && tk.w(if w == "that" { i + 2 } else { i + 3 }) != "'s" =>
        {
            let k = if w == "that" { i + 1 } else { i + 2 };
            let unit = if tk.w(k) == "week" { Unit::Week } else { Unit::Month };
            return Some(date(i, k + 1, Val::Offset { unit, n: 0 }).anchor(Anchor::Narrative));
        }
        "that" if tk.w(i + 1) == "quarter" => {
            return Some(date(i, i + 2, Val::Lit("XXXX-QX")).anchor(Anchor::TheQuarter))
        }
        _ => {}
    }
    // "Oct. 12, the day before the plunge": in apposition to the day just named, the same day
    if w == "day"
        && i > 2
        && tk.w(i - 1) == "the"
        && tk.w(i - 2) == ","
        && (tk.t[i - 3].num || weekday_of(tk.w(i - 3)).is_some() || tk.is_any(i - 3, &["yesterday", "today"]))
        && tk.is_any(i + 1, &["before", "after"])
        && tk.same_sent(i - 2, i)
        && !tk.is_any(i + 2, &["yesterday", "today", "tomorrow"])
        && weekday_of(tk.w(i + 2)).is_none()
        && month_of(tk.w(i + 2)).is_none()
    {
        return Some(date(i, i + 1, Val::Offset { unit: Unit::Day, n: 0 }).anchor(Anchor::ThatDay).det());
    }
    // "today is the eighth day of the operation", "it's the second day of the offensive": the
    // reference day itself
    if let Some(n) = (tk.w(i + 1) == "day").then(|| ordinal(w)).flatten() {
        if n >= 2
            && i > 2
            && tk.w(i - 1) == "the"
            && tk.is_any(i - 2, &["is", "'s"])
            && tk.is_any(i - 3, &["today", "it", "this"])
            && tk.same_sent(i - 3, i + 1)
            && (tk.w(i + 2) == "of" || tk.t.get(i + 2).map_or(true, |t| t.punct))
        {
            return Some(date(i, i + 2, Val::Offset { unit: Unit::Day, n: 0 }).det());
        }
    }
    // "the year previous", "the day previous": a step back from the time the story is at
    if i > 0 && tk.w(i - 1) == "the" && tk.w(i + 1) == "previous" && tk.t.get(i + 2).map_or(true, |t| t.punct) {
        let unit = match w {
            "day" => Some(Unit::Day),
            "month" => Some(Unit::Month),
            "year" => Some(Unit::Year),
            _ => None,
        };
        if let Some(unit) = unit {
            return Some(date(i, i + 2, Val::Offset { unit, n: -1 }).anchor(Anchor::Narrative).det());
        }
    }
    // the weekend, the week, the month, the year ("for the year ended June 30" is a duration)
    if i > 0
        && tk.w(i - 1) == "the"
        && !matches!(tk.w(i + 1), "-" | "before" | "after" | "that" | "when" | "in")
        && !(tk.w(i + 1) == "of" && w != "year")
    {
        let unit = match w {
            "weekend" => Some(Unit::Weekend),
            "week" => Some(Unit::Week),
            "month" => Some(Unit::Month),
            "year" => Some(Unit::Year),
            // "over the decade", "by the end of the century": the reference date's
            "decade" => Some(Unit::Decade),
            "century" => Some(Unit::Century),
            // ("during the day Friday": the weekday after it dates it, alone)
            "day"
                if (matches!(
                    tk.w(i + 1),
                    "," | "." | "at" | "with" | "down" | "up" | "higher" | "lower"
                ) || (i > 1
                    && tk.is_any(
                        i - 2,
                        &["end", "ended", "ending", "finish", "finished", "for", "during", "of"],
                    )))
                    && weekday_of(tk.w(i + 1)).is_none() =>
            {
                Some(Unit::Day)
            }
            _ => None,
        };
        if unit == Some(Unit::Day) {
            return Some(
                date(i, i + 1, Val::Offset { unit: Unit::Day, n: 0 })
                    .anchor(Anchor::ThatDay)
                    .det(),
            );
        }
        // "For the week, the index dropped", "the week's most active session": a week under
        // discussion, which news on a Monday often means the one before; the reference week would
        // be a guess, so the year is kept and the week left open (TimeBank marks it so). A part of
        // the week or a stretch inside it ("through the end of the week", "the rest of the week",
        // "earlier in the week") is the week of the reference date.
        let inside = i > 2
            && ((tk.w(i - 2) == "of"
                && tk.is_any(i - 3, &["end", "middle", "rest", "remainder", "beginning", "start", "course", "close"]))
                || tk.is_any(i - 2, &["in", "throughout", "during"]));
        if unit == Some(Unit::Week) && !inside {
            let v = match r {
                Some(r) => format!("{:04}-WXX", r.year),
                None => "XXXX-WXX".to_string(),
            };
            return Some(date(i, i + 1, Val::Str(v)).det());
        }
        if let Some(unit) = unit {
            // "the year to December", "the decade since": a stretch counted to or from a point
            let stretch = matches!(tk.w(i + 1), "ended" | "ending" | "ends" | "through" | "to" | "since");
            if unit == Unit::Year && stretch {
                return Some(Cand::new(i, i + 1, TimexType::Duration, Val::Dur { amt: Some(10), unit }).det());
            }
            if matches!(unit, Unit::Decade | Unit::Century) && stretch {
                let amt = if unit == Unit::Decade { 100 } else { 1000 };
                let v = Val::Dur { amt: Some(amt), unit: Unit::Year };
                return Some(Cand::new(i, i + 1, TimexType::Duration, v).det());
            }
            let mut n = 0;
            if unit == Unit::Weekend && early_in_the_week_looking_back(tk, i, r) {
                n = -1;
            }
            return Some(date(i, i + 1, Val::Offset { unit, n }).det());
        }
    }
    if matches!(w, "full" | "fiscal" | "calendar") && i > 0 && tk.w(i - 1) == "the" && tk.w(i + 1) == "year" {
        if matches!(tk.w(i + 2), "ended" | "ending" | "ends" | "through" | "to") {
            return Some(
                Cand::new(
                    i,
                    i + 2,
                    TimexType::Duration,
                    Val::Dur {
                        amt: Some(10),
                        unit: Unit::Year,
                    },
                )
                .det(),
            );
        }
        return Some(date(i, i + 2, Val::Offset { unit: Unit::Year, n: 0 }).det());
    }
    // year-end, year end, year's end
    if w == "year"
        && (tk.w(i + 1) == "end"
            || (tk.w(i + 1) == "-" && tk.w(i + 2) == "end")
            || (tk.w(i + 1) == "'s" && tk.w(i + 2) == "end"))
    {
        let e = if tk.w(i + 1) == "end" { i + 2 } else { i + 3 };
        return Some(date(i, e, Val::Offset { unit: Unit::Year, n: 0 }).det());
    }
    // year-earlier, year-ago (+ quarter/period)
    if w == "year" && tk.w(i + 1) == "-" && matches!(tk.w(i + 2), "earlier" | "ago") {
        let mut e = i + 3;
        // "the year-earlier nine months": a stretch of months, as "the nine months" is
        if let Some((Some(amt), unit, k, false)) = super::durations::amount_unit(tk, e) {
            if matches!(unit, Unit::Month | Unit::Week) && tk.w(k - 1).ends_with('s') {
                let v = Val::Dur { amt: Some(amt), unit };
                return Some(Cand::new(i, k, TimexType::Duration, v).det());
            }
        }
        let mut det = false;
        if matches!(tk.w(e), "quarter" | "period") {
            e += 1;
            det = true;
        } else if quarter_word(tk.w(e)).is_some() && tk.w(e + 1) == "quarter" {
            e += 2;
            det = true;
        }
        let c = date(i, e, Val::Lit("XXXX")).anchor(Anchor::YearAgo);
        return Some(if det { c.det() } else { c });
    }
    // the same period last year, the corresponding quarter a year earlier, last year's quarter
    if matches!(w, "same" | "corresponding" | "comparable" | "year-ago") && i > 0 && tk.w(i - 1) == "the" {
        let k = i + 1;
        if matches!(tk.w(k), "period" | "quarter" | "month" | "week") {
            let mut e = k + 1;
            if tk.w(e) == "of" {
                e += 1;
                if tk.w(e) == "the" {
                    e += 1;
                }
            }
            let ok = if tk.w(e) == "last" && tk.w(e + 1) == "year" {
                Some(e + 2)
            } else if tk.w(e) == "a" && tk.w(e + 1) == "year" && matches!(tk.w(e + 2), "earlier" | "ago" | "before") {
                Some(e + 3)
            } else {
                None
            };
            if let Some(e) = ok {
                return Some(date(i, e, Val::Lit("XXXX")).anchor(Anchor::YearAgo).det());
            }
        }
    }
    if w == "quarter"
        && i > 0
        && tk.w(i - 1) == "the"
        && tk.w(i + 1) == "a"
        && tk.w(i + 2) == "year"
        && matches!(tk.w(i + 3), "ago" | "earlier")
    {
        return Some(date(i, i + 4, Val::Lit("XXXX")).anchor(Anchor::YearAgo).det());
    }
    if w == "last" && tk.w(i + 1) == "year" && tk.w(i + 2) == "'s" && matches!(tk.w(i + 3), "quarter" | "period") {
        return Some(date(i, i + 4, Val::Lit("XXXX")).anchor(Anchor::YearAgo));
    }
    // "last year" stays the year even beside quarterly figures ("down from $21.4 million last
    // year"): TimeBank marks it so four times in five
    // the quarter / the latest quarter / the current quarter
    if matches!(w, "quarter") && i > 0 && tk.w(i - 1) == "the" {
        return Some(date(i, i + 1, Val::Lit("XXXX-QX")).anchor(Anchor::TheQuarter).det());
    }
    if matches!(w, "latest" | "most") && i > 0 && tk.w(i - 1) == "the" {
        let k = if w == "most" && tk.w(i + 1) == "recent" {
            i + 2
        } else {
            i + 1
        };
        if matches!(tk.w(k), "quarter" | "period") && (w == "latest" || tk.w(k) == "quarter") {
            return Some(date(i, k + 1, Val::Lit("XXXX-QX")).anchor(Anchor::LatestQuarter).det());
        }
        // "sales in the latest fiscal year": the last year whose accounts are closed, the one before
        // the reference year
        let k = if tk.w(k) == "fiscal" { k + 1 } else { k };
        if tk.w(k) == "year" && tk.w(k + 1) != "-" && tk.w(k + 1) != "'s" {
            return Some(date(i, k + 1, Val::Offset { unit: Unit::Year, n: -1 }).det());
        }
    }
    // "the 1988 quarter", "the 1989 period" (financial results)
    if i > 0 && tk.w(i - 1) == "the" {
        if let Some((y, e)) = year_at(tk, i) {
            if matches!(tk.w(e), "quarter" | "period") {
                return Some(
                    date(i, e + 1, Val::Year(YearRef::Abs(y)))
                        .anchor(Anchor::YearQuarter)
                        .det(),
                );
            }
        }
    }
    if let Some(c) = quarter_at(tk, i) {
        return Some(c);
    }
    if let Some(c) = season_at(tk, i, false) {
        return Some(c);
    }
    // the 19th century, the twentieth century
    if let Some(n) = ordinal(w) {
        if tk.w(i + 1) == "century" && (1..=30).contains(&n) {
            return Some(date(i, i + 2, Val::Century(n as i32 - 1)).det());
        }
    }
    // last / this / next / past / coming / previous + something
    let dir_n: Option<(Dir, i64)> = match w {
        "last" | "past" | "previous" => Some((Dir::Before, -1)),
        "this" | "current" => Some((Dir::Near, 0)),
        "next" | "coming" | "following" => Some((Dir::After, 1)),
        _ => None,
    };
    if let Some((mut dir, mut n)) = dir_n {
        let mut j = i + 1;
        // "this coming Sunday", "this past spring"
        if w == "this" && tk.w(j) == "coming" {
            dir = Dir::After;
            n = 1;
            j += 1;
        } else if w == "this" && (tk.w(j) == "past" || tk.w(j) == "last") {
            dir = Dir::Before;
            n = -1;
            j += 1;
        }
        // "the current fiscal year", "last fiscal year": the year (or quarter) of the accounts,
        // which news dates as the calendar one
        if tk.w(j) == "fiscal" && matches!(unit_of(tk.w(j + 1)), Some((Unit::Year | Unit::Quarter, false))) {
            j += 1;
        }
        let nw = tk.w(j);
        let det = matches!(w, "past" | "coming" | "previous" | "following" | "current") || j > i + 1;
        let finish = |c: Cand| if det { c.det() } else { c };
        // "the following/previous day" depend on the narrative: leave to the anchor
        if matches!(w, "following" | "previous") && !(i > 0 && tk.w(i - 1) == "the") {
            return None;
        }
        if w == "last" && nw == "night" {
            return Some(Cand::new(
                i,
                j + 1,
                TimexType::Time,
                Val::Time {
                    day: Box::new(Val::Offset { unit: Unit::Day, n: -1 }),
                    tod: Tod::Part("NI"),
                },
            ));
        }
        // "the next morning", "the following night", "the previous evening": that part of the day
        // after (before) the one the story is at
        if matches!(w, "next" | "following" | "previous") && i > 0 && tk.w(i - 1) == "the" && j == i + 1 {
            if let Some(p) = part_of_day(nw).filter(|_| !nw.ends_with('s')) {
                let day = Box::new(Val::Offset { unit: Unit::Day, n });
                let v = Val::Time { day, tod: Tod::Part(p) };
                return Some(Cand::new(i, j + 1, TimexType::Time, v).anchor(Anchor::Narrative).det());
            }
        }
        if w == "this" {
            if let Some(p) = part_of_day(nw) {
                if !nw.ends_with('s') {
                    return Some(Cand::new(
                        i,
                        j + 1,
                        TimexType::Time,
                        Val::Time {
                            day: Box::new(Val::Offset { unit: Unit::Day, n: 0 }),
                            tod: Tod::Part(p),
                        },
                    ));
                }
            }
        }
        if let Some(wd) = weekday_of(nw) {
            if tk.cap(j) {
                let dir = if w == "this" && j == i + 1 { Dir::Near } else { dir };
                let c = with_part_of_day(tk, i, j + 1, Val::Weekday { wd, dir });
                // "down from the previous Friday", "the following Monday": the weekday before or
                // after the day the story is at, not the reference date's
                if matches!(w, "previous" | "following") && j == i + 1 {
                    return Some(c.anchor(Anchor::Narrative).det());
                }
                return Some(c);
            }
        }
        if let Some(m) = month_of(nw) {
            // "this march" (a protest), "next may": the verb-like months need their capital
            if (tk.cap(j) || !matches!(m, 3 | 5)) && (!nw.ends_with('.') || nw.len() > 4) {
                if w == "this" && j == i + 1 {
                    return Some(date(
                        i,
                        j + 1,
                        Val::Cal {
                            y: Some(YearRef::Rel(0)),
                            m,
                            d: None,
                            dir,
                        },
                    ));
                }
                return Some(date(
                    i,
                    j + 1,
                    Val::Cal {
                        y: None,
                        m,
                        d: None,
                        dir,
                    },
                ));
            }
        }
        if let Some(s) = season_of(nw) {
            // "this summer" in a January story is the coming one, not the one just past: the
            // nearest, leaning ahead
            let dir = if w == "this" && j == i + 1 { Dir::NearFuture } else { dir };
            return Some(finish(date(
                i,
                j + 1,
                Val::Part {
                    y: None,
                    part: Part::Season(s),
                    dir,
                },
            )));
        }
        if let Some((unit, false)) = unit_of(nw) {
            let e = j + 1;
            if w == "past" && matches!(unit, Unit::Decade | Unit::Century) {
                let years = if unit == Unit::Decade { 100 } else { 1000 };
                return Some(
                    Cand::new(
                        i,
                        e,
                        TimexType::Duration,
                        Val::Dur {
                            amt: Some(years),
                            unit: Unit::Year,
                        },
                    )
                    .det(),
                );
            }
            // "This Week" (a programme title) mid-sentence
            if w == "this" && tk.cap(i) && tk.cap(j) && tk.sentence_of(i).0 != i {
                return None;
            }
            if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            // "the following year", "the previous month", "the next day": a step from the time the
            // story is at, not from the reference date
            let narrative = i > 0
                && tk.w(i - 1) == "the"
                && j == i + 1
                && (matches!(w, "following" | "previous") || (w == "next" && unit == Unit::Day));
            if narrative && matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                return Some(date(i, e, Val::Offset { unit, n }).anchor(Anchor::Narrative).det());
            }
            if unit == Unit::Day && n != 0 {
                return Some(finish(date(i, e, Val::Offset { unit, n })));
            }
            let mut n = n;
            if unit == Unit::Weekend && n == 0 && early_in_the_week_looking_back(tk, i, r) {
                n = -1;
            }
            // "This quarter's loss": the quarter whose results were just named
            if unit == Unit::Quarter && n == 0 && w == "this" && j == i + 1 {
                return Some(date(i, e, Val::Offset { unit, n }).anchor(Anchor::ThisQuarter));
            }
            return Some(finish(date(i, e, Val::Offset { unit, n })));
        }
        return None;
    }
    // N units ago / earlier / later / from now
    // "a few days": the article belongs to the vague amount, not a number "a"
    let (amt, j) = match (vague_amount(tk, i), number_at(tk, i)) {
        (Some(j), _) if tk.w(i + 1) == "few" => (None, j),
        (_, Some((v, j))) => (Some(v), j),
        (Some(j), None) => (None, j),
        (None, None) => return None,
    };
    let (unit, _) = unit_of(tk.w(j))?;
    let mut k = j + 1;
    if tk.w(k) == "or" && tk.w(k + 1) == "so" {
        k += 2;
    }
    let sign: i64 = match tk.w(k) {
        "ago" | "earlier" | "before" | "back" if tk.w(k) != "before" || matches!(tk.w(k + 1), "." | "," | "") => -1,
        // "three days later" counts from a narrative event, not from the reference date: TimeML
        // marks the amount as a DURATION and "later" as a signal (the durations family takes it)
        "later" => return None,
        "hence" => 1,
        "from" if tk.w(k + 1) == "now" => {
            k += 1;
            1
        }
        _ => return None,
    };
    let e = k + 1;
    let Some(amt) = amt else {
        return Some(date(i, e, Val::Lit(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" })));
    };
    let n = ((amt + 5) / 10) as i64 * sign;
    let c = match unit {
        // "a year ago", "a year earlier", "one year earlier": the year before, or the same quarter
        // a year before in financial news (see `Anchor::YearAgo`)
        Unit::Year if n == -1 && (tk.w(k) != "ago" || tk.w(i) == "a") => {
            date(i, e, Val::Offset { unit, n }).anchor(Anchor::YearAgo)
        }
        // "a week ago", "two weeks ago" count days back to a day; "six weeks ago" is only as
        // precise as its week (TimeML writes the unit's granularity)
        Unit::Week if n.abs() <= 2 => date(i, e, Val::Offset { unit: Unit::Day, n: n * 7 }),
        Unit::Week => date(i, e, Val::Offset { unit: Unit::Week, n }),
        // "48 hours ago" is two days back; less than a day back is the reference day (its hour is
        // not known)
        Unit::Hour => date(i, e, Val::Offset { unit: Unit::Day, n: n / 24 }),
        Unit::Second | Unit::Minute => date(i, e, Val::Offset { unit: Unit::Day, n: 0 }),
        _ => date(i, e, Val::Offset { unit, n }),
    };
    Some(c)
}

/// "The weekend" / "this weekend" in a story written Monday to Wednesday is the one just past
/// ("over the weekend, officials said"), unless the sentence looks ahead ("he will return this
/// weekend": the coming one).
fn early_in_the_week_looking_back(tk: &Toks, i: usize, r: Option<crate::Date>) -> bool {
    r.map_or(false, |r| r.weekday() <= 3) && tense::around(tk, i) != Tense::Future
}

#[cfg(test)]
mod tests {
    use crate::dates::testutil::one;

    /// Regression: "he will return this weekend" in a Tuesday story gave the weekend just past.
    #[test]
    fn the_weekend_early_in_the_week_is_past_unless_the_sentence_looks_ahead() {
        // 2019-01-08 is a Tuesday of ISO week 2
        assert_eq!(one("Over the weekend, officials said so.", "2019-01-08"), "the weekend|DATE|2019-W01-WE");
        assert_eq!(one("He will return this weekend.", "2019-01-08"), "this weekend|DATE|2019-W02-WE");
        assert_eq!(one("Talks are set to resume this weekend.", "2019-01-08"), "this weekend|DATE|2019-W02-WE");
        // later in the week, the coming weekend whatever the tense
        assert_eq!(one("Officials met this weekend.", "2019-01-10"), "this weekend|DATE|2019-W02-WE");
    }

    #[test]
    fn year_earlier_months_are_a_stretch() {
        assert_eq!(
            one("Net for the year-earlier nine months included a gain.", "1989-10-26"),
            "the year-earlier nine months|DURATION|P9M"
        );
        // "year-earlier" alone, or before a noun that is no amount of months, is the year before
        assert_eq!(one("It compares with year-earlier levels.", "1989-10-26"), "year-earlier|DATE|1988");
        assert_eq!(
            one("It compares with year-earlier nine-month results.", "1989-10-26"),
            "year-earlier|DATE|1988; nine-month|DURATION|P9M"
        );
    }

    #[test]
    fn days() {
        assert_eq!(one("He left yesterday.", "2019-01-08"), "yesterday|DATE|2019-01-07");
        assert_eq!(
            one("He left yesterday morning.", "2019-01-08"),
            "yesterday morning|TIME|2019-01-07TMO"
        );
        assert_eq!(one("They talk tonight.", "2019-01-08"), "tonight|TIME|2019-01-08TNI");
        assert_eq!(
            one("It rained last night.", "2019-01-01"),
            "last night|TIME|2018-12-31TNI"
        );
        assert_eq!(one("It rained today.", ""), "today|DATE|XXXX-XX-XX");
    }

    #[test]
    fn half_of_a_decade_is_the_decade() {
        assert_eq!(
            one("It marked the last half of the '80s.", "1989-10-26"),
            "the last half of the '80s|DATE|198"
        );
        assert_eq!(
            one("It grew in the first half of the 1990s.", "2000-01-01"),
            "the first half of the 1990s|DATE|199"
        );
        assert_eq!(one("It grew in the first half of 1990.", "1989-10-26"), "the first half of 1990|DATE|1990-H1");
        assert_eq!(
            one("Demand rises through the first two quarters of 1990.", "1989-10-26"),
            "the first two quarters of 1990|DATE|1990-H1"
        );
    }

    #[test]
    fn the_day_before_a_weekday_is_left_to_it() {
        assert_eq!(
            one("During the day Friday, Elian played in the yard.", "2000-01-07"),
            "Friday|DATE|2000-01-07"
        );
    }

    #[test]
    fn fiscal_years() {
        assert_eq!(
            one("It expects sales in the current fiscal year to rise.", "1989-11-02"),
            "the current fiscal year|DATE|1989"
        );
        assert_eq!(one("Sales fell last fiscal year.", "1989-11-02"), "last fiscal year|DATE|1988");
        assert_eq!(one("Sales rise this fiscal year.", "1989-11-02"), "this fiscal year|DATE|1989");
    }

    #[test]
    fn the_week_keeps_its_year_only() {
        // a week under discussion: which one is not told, so the week stays open
        assert_eq!(
            one("For the week, the index dropped 3.8%.", "1989-10-30"),
            "the week|DATE|1989-WXX"
        );
        assert_eq!(one("For the week, the index dropped.", ""), "the week|DATE|XXXX-WXX");
        // "this week" is the reference week
        assert_eq!(one("The index dropped this week.", "1989-10-30"), "this week|DATE|1989-W44");
        // a part of the week, or a time inside it, is told from the reference week
        assert_eq!(
            one("The heat could last through the end of the week.", "2019-01-08"),
            "the end of the week|DATE|2019-W02"
        );
        assert_eq!(one("She said so earlier in the week.", "2019-01-08"), "the week|DATE|2019-W02");
    }

    #[test]
    fn last_this_next() {
        assert_eq!(one("Sales fell last year.", "2019-01-08"), "last year|DATE|2018");
        assert_eq!(one("They meet next month.", "2019-12-08"), "next month|DATE|2020-01");
        assert_eq!(one("It sold this week.", "1989-10-30"), "this week|DATE|1989-W44");
        assert_eq!(one("It sold last week.", "1998-03-01"), "last week|DATE|1998-W08");
        assert_eq!(one("It was sold last April.", "1989-10-27"), "last April|DATE|1989-04");
        assert_eq!(one("It was sold last fall.", "1998-02-06"), "last fall|DATE|1997-FA");
        assert_eq!(
            one("It opens this coming Sunday.", "1998-03-05"),
            "this coming Sunday|DATE|1998-03-08"
        );
        assert_eq!(
            one("It happened last Friday.", "1989-10-30"),
            "last Friday|DATE|1989-10-27"
        );
        assert_eq!(
            one("The past decade was hard.", "1998-03-01"),
            "The past decade|DURATION|P10Y"
        );
    }

    #[test]
    fn ago_and_later() {
        assert_eq!(one("It began two years ago.", "1998-04-24"), "two years ago|DATE|1996");
        assert_eq!(
            one("It began two weeks ago.", "1998-03-22"),
            "two weeks ago|DATE|1998-03-08"
        );
        assert_eq!(
            one("It began five months ago.", "1998-03-31"),
            "five months ago|DATE|1997-10"
        );
        assert_eq!(
            one("It began several years ago.", "1998-03-31"),
            "several years ago|DATE|PAST_REF"
        );
        assert_eq!(
            one("It ends three days from now.", "2019-01-08"),
            "three days from now|DATE|2019-01-11"
        );
        assert_eq!(one("Sales rose from a year ago.", "1989-10-26"), "a year ago|DATE|1988");
        assert_eq!(one("It began two years ago.", ""), "two years ago|DATE|XXXX");
        // hours count whole days back
        assert_eq!(one("It began 48 hours ago.", "2019-01-08"), "48 hours ago|DATE|2019-01-06");
        assert_eq!(one("It began 36 hours ago.", "2019-01-08"), "36 hours ago|DATE|2019-01-07");
        assert_eq!(one("It began three hours ago.", "2019-01-08"), "three hours ago|DATE|2019-01-08");
    }

    #[test]
    fn quarters_halves_seasons() {
        assert_eq!(
            one("Profit rose in the third quarter.", "1989-11-02"),
            "the third quarter|DATE|1989-Q3"
        );
        assert_eq!(
            one("Third-quarter profit rose.", "1989-11-02"),
            "Third-quarter|DATE|1989-Q3"
        );
        assert_eq!(
            one("In the fourth quarter of 1988 it fell.", "1989-11-02"),
            "the fourth quarter of 1988|DATE|1988-Q4"
        );
        assert_eq!(
            one("In this year's third quarter it fell.", "1989-11-02"),
            "this year's third quarter|DATE|1989-Q3"
        );
        assert_eq!(one("Sales in Q3 rose.", "2019-11-02"), "Q3|DATE|2019-Q3");
        assert_eq!(
            one("In the first half profit rose.", "2019-11-02"),
            "the first half|DATE|2019-H1"
        );
        assert_eq!(one("It opens in summer 2018.", ""), "summer 2018|DATE|2018-SU");
        assert_eq!(one("It opens this summer.", "1998-03-22"), "this summer|DATE|1998-SU");
        assert_eq!(one("A change in the 19th century.", ""), "the 19th century|DATE|18");
    }

    #[test]
    fn anchored_to_the_story() {
        assert_eq!(
            one("He fled in June 1998 and returned later that year.", "2000-01-28"),
            "June 1998|DATE|1998-06; later that year|DATE|1998"
        );
    }

    #[test]
    fn traps() {
        // the second round, a second: not times
        assert_eq!(one("He won the second round.", "2019-01-08"), "");
        assert_eq!(one("Wait a second, he said.", "2019-01-08"), "");
        assert_eq!(one("Prices may fall sharply.", "2019-01-08"), "");
        assert_eq!(one("It came in second.", "2019-01-08"), "");
    }

    #[test]
    fn quarters_ahead_and_behind() {
        // a deadline quarter lies ahead; a reported quarter behind, even in "is expected to"
        assert_eq!(
            one("She said the first payments could arrive by the third quarter.", "2019-03-14"),
            "the third quarter|DATE|2019-Q3"
        );
        assert_eq!(
            one("Third-quarter earnings are expected to fall.", "1989-10-30"),
            "Third-quarter|DATE|1989-Q3"
        );
    }

    #[test]
    fn later_is_a_signal_after_a_duration() {
        // "three days later" counts from a narrative event: the amount is a duration
        assert_eq!(
            one("Three days later, the index had recovered.", "1989-10-30"),
            "Three days|DURATION|P3D"
        );
        assert_eq!(
            one("A few days later, it announced lower profits.", "1989-10-27"),
            "A few days|DURATION|PXD"
        );
        // "two days ago" and "a year earlier" still resolve against the reference date
        assert_eq!(one("He left two days ago.", "1989-10-27"), "two days ago|DATE|1989-10-25");
    }

    #[test]
    fn narrative_steps_follow_the_story() {
        assert_eq!(
            one("He became a general in 1995, and the following year he was sent to Washington.", "1998-04-18"),
            "1995|DATE|1995; the following year|DATE|1996"
        );
        assert_eq!(
            one("In March it got a bid. The following month, the company put itself up for sale.", "1989-10-27"),
            "March|DATE|1989-03; The following month|DATE|1989-04"
        );
        assert_eq!(
            one("He was arrested on Feb. 2, 1999. The next day he was released.", "1999-05-01"),
            "Feb. 2, 1999|DATE|1999-02-02; The next day|DATE|1999-02-03"
        );
        // with nothing told before, the step is from the reference date
        assert_eq!(one("The following year, it grew.", "1998-04-18"), "The following year|DATE|1999");
    }

    #[test]
    fn season_of_a_spoken_year() {
        assert_eq!(
            one("Prices fell to the level we saw in the winter of nineteen ninety-four.", "1998-02-23"),
            "the winter of nineteen ninety-four|DATE|1994-WI"
        );
    }

    #[test]
    fn weeks_ago_by_distance() {
        assert_eq!(one("He spoke two weeks ago.", "1998-03-22"), "two weeks ago|DATE|1998-03-08");
        assert_eq!(one("He spoke six weeks ago.", "2000-01-06"), "six weeks ago|DATE|1999-W47");
    }

    #[test]
    fn today_as_a_title_or_the_present_age() {
        assert_eq!(one("He told USA Today that he would run.", "2019-01-08"), "");
        assert_eq!(one("This is VOA Today.", "2019-01-08"), "");
        assert_eq!(one("It is hard in today's world.", "2019-01-08"), "");
        assert_eq!(one("The case is for today's youth a symbol.", "2019-01-08"), "");
        // the reference day still
        assert_eq!(one("Today the court ruled.", "2019-01-08"), "Today|DATE|2019-01-08");
        assert_eq!(one("The offer ran in today's editions.", "2019-01-08"), "today|DATE|2019-01-08");
        assert_eq!(one("TODAY: markets fall.", "2019-01-08"), "TODAY|DATE|2019-01-08");
    }

    #[test]
    fn a_quarter_without_tense_is_the_nearest() {
        // no verb tells: the nearest fourth quarter (ahead, seen from August)
        assert_eq!(
            one("Cuts of 21%, resulting in closures during the fourth quarter.", "2006-08-19"),
            "the fourth quarter|DATE|2006-Q4"
        );
        // a reported quarter is the past one
        assert_eq!(
            one("Profit fell in the fourth quarter.", "2006-08-19"),
            "the fourth quarter|DATE|2005-Q4"
        );
    }

    #[test]
    fn until_then_is_the_deadline_named() {
        assert_eq!(
            one("The rights terminate on Nov. 30. Until then, the stock remains convertible.", "1989-10-30"),
            "Nov. 30|DATE|1989-11-30; then|DATE|1989-11-30"
        );
        assert_eq!(
            one("It must be finalized by June 10. If no price is agreed on by that time, Fiat will pay.", "2011-05-29"),
            "June 10|DATE|2011-06-10; that time|DATE|2011-06-10"
        );
        // "since then" and a plain "then" stay out
        assert_eq!(one("It began in 1950. Since then, 427 were taken.", "1999-03-12"), "1950|DATE|1950");
    }

    #[test]
    fn latest_fiscal_year() {
        assert_eq!(
            one("It had $8 billion in sales in the latest fiscal year.", "1989-11-01"),
            "the latest fiscal year|DATE|1988"
        );
        assert_eq!(one("Profit in the latest year fell.", "1989-11-01"), "the latest year|DATE|1988");
        // a quarter stays a quarter
        assert_eq!(one("Profit in the latest quarter fell.", "1989-11-01"), "the latest quarter|DATE|1989-Q3");
    }

    #[test]
    fn an_age_named_by_its_day() {
        assert_eq!(one("If I were choosing the people of tomorrow, I would pick them.", "1989-11-02"), "");
        assert_eq!(one("They are the heroes of yesterday.", "1989-11-02"), "");
        // traps: the day itself
        assert_eq!(one("The rate as of today is 5%.", "1989-11-02"), "today|DATE|1989-11-02");
        assert_eq!(one("By the end of tomorrow it closes.", "1989-11-02"), "the end of tomorrow|DATE|1989-11-03");
    }

    #[test]
    fn unit_to_unit_compounds() {
        assert_eq!(one("He runs the day-to-day business.", "1989-10-20"), "");
        assert_eq!(one("The year-to-year change was small.", "1989-10-20"), "");
        // the quarter alone is still the quarter under discussion
        assert!(one("Sales rose in the quarter.", "1989-10-20").starts_with("the quarter|DATE|"));
    }

    #[test]
    fn last_standing_for_the_unit_compared() {
        assert_eq!(
            one("It would mean twice as high a dividend this year as last.", "1989-11-02"),
            "this year|DATE|1989; last|DATE|1988"
        );
        assert_eq!(
            one("Sales rose more this week than last, he said.", "1989-11-02"),
            "this week|DATE|1989-W44; last|DATE|1989-W43"
        );
        // traps: "last" of a list, or with no unit compared before it
        assert_eq!(one("He came first and she came last.", "1989-11-02"), "");
        assert_eq!(one("It is as good as last.", "1989-11-02"), "");
    }

    #[test]
    fn the_previous_evening_is_a_part_of_the_day_before() {
        // was nothing: only "the next morning" and "the following night" were read
        assert_eq!(
            one("He had called her the previous evening.", "2019-01-08"),
            "the previous evening|TIME|2019-01-07TEV"
        );
        assert_eq!(
            one("He fell ill on Feb. 22, 2000 after a meal the previous night.", "2000-02-24"),
            "Feb. 22, 2000|DATE|2000-02-22; the previous night|TIME|2000-02-21TNI"
        );
        // without "the" it is left to the story, as "previous week" is
        assert_eq!(one("He had a previous evening engagement.", "2019-01-08"), "");
    }

    #[test]
    fn the_decade_is_the_reference_decade() {
        // was nothing, as "the year" is the reference year
        assert_eq!(one("Costs rose over the decade.", "2019-01-08"), "the decade|DATE|201");
        assert_eq!(
            one("Costs will rise by the end of the decade.", "2019-01-08"),
            "the end of the decade|DATE|201"
        );
        assert_eq!(one("By the end of the century, seas will rise.", "2019-01-08"), "the end of the century|DATE|20");
        // a stretch counted from or to a point is a duration, as "the year to December" is
        assert_eq!(one("In the decade since, prices doubled.", "2019-01-08"), "the decade|DURATION|P10Y");
        assert_eq!(one("In the year since, prices doubled.", "2019-01-08"), "the year|DURATION|P1Y");
        // traps: a compound, and a decade named after it
        assert_eq!(one("The decade-long war ended.", "2019-01-08"), "decade-long|DURATION|P10Y");
        assert_eq!(one("The decade of the 1990s was calm.", "2019-01-08"), "the 1990s|DATE|199");
    }
}
