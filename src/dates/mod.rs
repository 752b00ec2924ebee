//! Temporal expressions: where dates and times are found (one module per pattern family) and how
//! they are normalised to TIMEX3 values against the reference date.
//!
//! One left-to-right pass over the date layer's tokens ([`lex::Toks`]): at each token every family
//! proposes its longest match, modifiers (`the`, `early`, `nearly`…) are taken in front, the longest
//! candidate wins; then adjacent pieces are combined (`Monday, Oct. 26`, `5 p.m. EST Nov. 9`),
//! undecided directions are settled by the sentence's tense, ranges are linked, and the normaliser
//! prints each value.

pub mod calendar;
pub mod dateline;
pub mod durations;
pub mod holidays;
pub mod lex;
pub mod months;
pub mod normalize;
pub mod numeric;
pub mod relative;
pub mod sets;
pub mod tense;
pub mod times;
pub mod vague;
pub mod weekdays;

use crate::model::{RangeRef, RangeRole, Timex, TimexType};
use crate::text::Doc;
use lex::{Toks, Unit};
use normalize::{Dir, Part, Tod, Val, YearRef};

/// What normalisation needs to know besides the text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    pub reference_date: Option<calendar::Date>,
    pub day_first: bool,
}

/// Values that depend on what the article said before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    None,
    /// "a year ago", "year-earlier": the year before, or the same quarter a year before when the
    /// sentence talks about quarters (financial news).
    YearAgo,
    /// "the quarter": the quarter under discussion.
    TheQuarter,
    /// "the latest quarter": the quarter the results were named for, else the last one completed.
    LatestQuarter,
    /// "this quarter": the quarter just named (results for it), else the current one.
    ThisQuarter,
    /// "the 1988 quarter", "the 1989 period": that year's quarter under discussion.
    YearQuarter,
    /// "that year", "later that year": the last year mentioned.
    ThatYear,
    /// "that day", "the same day": the last day mentioned.
    ThatDay,
    /// "the following year", "the previous month", "the next day": the value's offset (a
    /// `Val::Offset`) taken from the last year, month or day mentioned, else from the reference.
    Narrative,
}

/// A candidate match, in date-layer token indices `s..e`.
#[derive(Clone, Debug, PartialEq)]
pub struct Cand {
    pub s: usize,
    pub e: usize,
    pub kind: TimexType,
    pub val: Val,
    /// Takes a leading "the" into its span ("the third quarter", "the past two years").
    pub det: bool,
    pub anchor: Anchor,
}

impl Cand {
    pub fn new(s: usize, e: usize, kind: TimexType, val: Val) -> Cand {
        Cand {
            s,
            e,
            kind,
            val,
            det: false,
            anchor: Anchor::None,
        }
    }
    pub fn det(mut self) -> Cand {
        self.det = true;
        self
    }
    pub fn anchor(mut self, a: Anchor) -> Cand {
        self.anchor = a;
        self
    }
    /// A point in time (a DATE/TIME whose value names a calendar point), which modifiers such as
    /// "early" or "the end of" can qualify.
    fn is_point(&self) -> bool {
        matches!(self.kind, TimexType::Date | TimexType::Time)
            && (self.anchor != Anchor::None || !matches!(self.val, Val::Lit(_) | Val::Dur { .. }))
    }
    fn is_day(&self) -> bool {
        matches!(
            self.val,
            Val::Cal { d: Some(_), .. }
                | Val::Weekday { .. }
                | Val::Offset { unit: Unit::Day, .. }
                | Val::Holiday { .. }
        )
    }
}

type Family = fn(&Toks, usize, &Context) -> Option<Cand>;

/// The pattern families, in priority order for equally long matches.
const FAMILIES: &[Family] = &[
    times::at,
    months::at,
    numeric::at,
    weekdays::at,
    holidays::at,
    relative::at,
    sets::at,
    durations::at,
    vague::at,
];

/// Modifier in front of an expression: (tokens, class).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mod {
    The,
    /// early, late, mid, the end of…: qualifies a point.
    Point,
    /// nearly, more than…: qualifies an amount.
    Approx,
}

fn modifier(tk: &Toks, i: usize) -> Option<(usize, Mod)> {
    let w = tk.w(i);
    Some(match w {
        "the" => (1, Mod::The),
        "early" | "late" | "earlier" | "later" => (1, Mod::Point),
        "mid" if tk.w(i + 1) == "-" => (2, Mod::Point),
        "mid" => (1, Mod::Point),
        "end" | "beginning" | "start" | "middle" | "close" | "turn" if tk.w(i + 1) == "of" => (2, Mod::Point),
        "nearly" | "almost" | "roughly" | "approximately" => (1, Mod::Approx),
        "more" | "less" | "fewer" if tk.w(i + 1) == "than" => (2, Mod::Approx),
        // "at least 30 days", "up to 180 days", "no more than sixty days"
        "at" if tk.w(i + 1) == "least" => (2, Mod::Approx),
        "up" if tk.w(i + 1) == "to" => (2, Mod::Approx),
        "no" if tk.is_any(i + 1, &["more", "less", "fewer"]) && tk.w(i + 2) == "than" => (3, Mod::Approx),
        "over"
            if !matches!(
                tk.w(i + 1),
                "the" | "this" | "that" | "its" | "his" | "her" | "their" | "last" | "next" | "past" | "coming"
            ) =>
        {
            (1, Mod::Approx)
        }
        _ => return None,
    })
}

/// Words that, after `a`/`an`, can still lead to a date although they start none themselves: "a
/// couple of days", "an additional year", "a hundred years", "a.m." (the `.` and `-` are punctuation).
const AFTER_A: &[&str] = &[
    "additional",
    "business",
    "calendar",
    "consecutive",
    "couple",
    "dozen",
    "extra",
    "few",
    "full",
    "further",
    "half",
    "hundred",
    "later",
    "long",
    "more",
    "number",
    "straight",
    "trading",
    "whole",
    "working",
];

/// The commonest words that pass [`lex::may_start`] (`the`, `a`, `at`, `as`, `more`…) start a
/// date only with a given next word: every match that starts on `the`, `this`, `that`, `over`,
/// `many`, `most`, `new` or `'` goes on with a word that passes `may_start` too ("the same day",
/// "this week", "over two years", "many years", "the most recent quarter", "New Year's", "'90s");
/// after `a`/`an` it may also be one of [`AFTER_A`] or punctuation; `at` only leads "at present",
/// `as` "as soon as possible", `more` "more than". (A modifier such as "the" or "over" needs the
/// same of the match after it.) So these words are rejected here, before any family runs.
#[inline]
fn lead_word_may_start(tk: &Toks, i: usize) -> bool {
    match tk.w(i) {
        "that" => lex::may_start(tk, i + 1) || tk.w(i + 1) == "time",
        // "at the time": a past point the story is at (vague.rs)
        "the" if tk.w(i + 1) == "time" => i > 0 && tk.w(i - 1) == "at",
        "the" | "this" | "over" | "many" | "most" | "new" | "'" => lex::may_start(tk, i + 1),
        "a" | "an" if tk.w(i + 1) == "while" => true,
        // "for a (fairly) lengthy period": vague.rs
        "a" if tk.w(i + 2) == "period" || tk.w(i + 3) == "period" => true,
        "a" | "an" => {
            lex::may_start(tk, i + 1)
                || tk.t.get(i + 1).map_or(false, |t| t.punct)
                || AFTER_A.contains(&tk.w(i + 1))
        }
        "at" => tk.is_any(i + 1, &["present", "least"]),
        "up" => tk.w(i + 1) == "to",
        "no" => tk.is_any(i + 1, &["more", "less", "fewer"]),
        "as" => tk.w(i + 1) == "soon",
        "more" => tk.w(i + 1) == "than",
        _ => true,
    }
}

fn best_at(tk: &Toks, i: usize, ctx: &Context, depth: u8) -> Option<Cand> {
    if !lex::may_start(tk, i) {
        return None;
    }
    if !lead_word_may_start(tk, i) {
        return None;
    }
    let mut best: Option<Cand> = None;
    for f in FAMILIES {
        if let Some(c) = f(tk, i, ctx) {
            if c.e > c.s && best.as_ref().map_or(true, |b| c.e > b.e) {
                best = Some(c);
            }
        }
    }
    if depth < 3 {
        if let Some((len, m)) = modifier(tk, i) {
            if let Some(mut inner) = best_at(tk, i + len, ctx, depth + 1) {
                let ok = inner.s == i + len
                    && tk.same_sent(i, inner.s)
                    && match m {
                        Mod::The => inner.det,
                        Mod::Point => inner.is_point() && !(tk.w(i) == "late" && inner.kind == TimexType::Time),
                        Mod::Approx => {
                            matches!(inner.kind, TimexType::Duration)
                                // "nearly two years ago"; not "more than the year" (no amount)
                                || (matches!(inner.val, Val::Offset { n, .. } if n != 0) && inner.anchor != Anchor::Narrative)
                                || (matches!(inner.val, Val::Year(YearRef::Rel(_))) && inner.e - inner.s > 1)
                        }
                    };
                if ok && best.as_ref().map_or(true, |b| inner.e >= b.e) {
                    inner.s = i;
                    // "the end of the year": the modifier's own "the" is inside
                    if m == Mod::Point && len == 2 && i > 0 && tk.w(i - 1) == "the" {
                        inner.det = true;
                    }
                    if m == Mod::The {
                        inner.det = false;
                    }
                    best = Some(inner);
                }
            }
        }
    }
    best
}

/// Find every temporal expression in `doc`, sorted by start, not overlapping.
pub fn find(doc: &Doc, ctx: &Context) -> Vec<Timex> {
    let tk = Toks::new(doc);
    let n = tk.len();
    let mut cands: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < n {
        match best_at(&tk, i, ctx, 0) {
            Some(c) if c.e > i => {
                i = c.e;
                // "April 24 and 25": the listed days after a month and day
                let mut next = months::listed_day(&tk, &c);
                cands.push(c);
                while let Some(d) = next {
                    i = d.e;
                    next = months::listed_day(&tk, &d);
                    cands.push(d);
                }
            }
            _ => i += 1,
        }
    }
    let cands = combine(&tk, cands);
    resolve(&tk, cands, ctx)
}

/// Join adjacent pieces that name one time: `Monday, Oct. 26`; `5 p.m. EST Nov. 9`; `noon Thursday`.
/// Where a candidate starting at token `s` starts once it takes in `head link` (and a "the"
/// before them) standing just before it in its sentence, if no earlier expression holds those
/// words: "the week of | March 6", "the day after | Christmas".
fn led_by(tk: &Toks, out: &[Cand], s: usize, head: &str, links: &[&str]) -> Option<usize> {
    let free = |i: usize| out.last().map_or(true, |p| p.e <= i);
    if s < 2 || !tk.is_any(s - 1, links) || tk.w(s - 2) != head || !tk.same_sent(s - 2, s) || !free(s - 2) {
        return None;
    }
    let the = s >= 3 && tk.w(s - 3) == "the" && free(s - 3);
    Some(if the { s - 3 } else { s - 2 })
}

fn combine(tk: &Toks, cands: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for mut c in cands {
        // "the week of March 6": the ISO week that holds the day
        if c.kind == TimexType::Date && matches!(c.val, Val::Cal { d: Some(_), .. }) {
            if let Some(s) = led_by(tk, &out, c.s, "week", &["of"]) {
                c.s = s;
                c.val = Val::WeekOf(Box::new(std::mem::replace(&mut c.val, Val::Lit(""))));
            }
        }
        // "the day before last Tuesday", "the day after Christmas": a day from the day named
        if c.kind == TimexType::Date && c.anchor == Anchor::None && c.is_day() {
            if let Some(s) = led_by(tk, &out, c.s, "day", &["before", "after"]) {
                let n = if tk.w(c.s - 1) == "before" { -1 } else { 1 };
                c.s = s;
                c.val = Val::DayShift(Box::new(std::mem::replace(&mut c.val, Val::Lit(""))), n);
            }
        }
        // "a week from Friday", "two weeks from today": that many days after the day named (the
        // coming weekday), one date rather than a duration and a day
        if c.kind == TimexType::Date && c.anchor == Anchor::None && c.is_day() && c.s >= 1 && tk.w(c.s - 1) == "from" {
            if let Some(prev) = out.last_mut() {
                let days = match (prev.kind, &prev.val) {
                    (TimexType::Duration, Val::Dur { amt: Some(a), unit: Unit::Day }) if a % 10 == 0 => a / 10,
                    (TimexType::Duration, Val::Dur { amt: Some(a), unit: Unit::Week }) if a % 10 == 0 => a / 10 * 7,
                    _ => 0,
                };
                // "took two weeks from Monday to Friday", "closed for two weeks from Monday": a
                // stretch that starts on the day, not a day
                let stretch = tk.is_any(c.e, &["to", "until", "till", "through", "-"])
                    || (prev.s > 0 && tk.is_any(prev.s - 1, &["for", "of", "took", "takes", "lasted", "last"]))
                    // "the past two weeks from Monday": only a bare amount counts on from the day
                    || tk.is_any(prev.s, &["the", "last", "past", "next", "coming", "first", "previous", "following"]);
                if (1..=120).contains(&days) && !stretch && prev.e + 1 == c.s && tk.same_sent(prev.s, c.s) {
                    if let Val::Weekday { dir, .. } = &mut c.val {
                        if *dir == Dir::Auto {
                            *dir = Dir::Future;
                        }
                    }
                    prev.e = c.e;
                    prev.kind = TimexType::Date;
                    prev.val = Val::DayShift(Box::new(std::mem::replace(&mut c.val, Val::Lit(""))), days as i8);
                    continue;
                }
            }
        }
        // "10:35 a.m. (0735 GMT) Friday": both clock times are on the day after the parenthesis
        if c.is_day() && c.kind == TimexType::Date && c.s >= 1 && tk.w(c.s - 1) == ")" {
            let n = out.len();
            let bare_clock = |x: &Cand| {
                matches!(&x.val, Val::Time { day, tod: Tod::Clock { .. } }
                    if matches!(**day, Val::Offset { unit: Unit::Day, n: 0 }))
            };
            if n >= 1 && out[n - 1].e + 1 == c.s && bare_clock(&out[n - 1]) && tk.same_sent(out[n - 1].s, c.s) {
                let inner_s = out[n - 1].s;
                if inner_s >= 1 && tk.w(inner_s - 1) == "(" {
                    for k in (n.saturating_sub(2)..n).rev() {
                        let fits = k == n - 1 || (out[k].e + 1 == inner_s && bare_clock(&out[k]));
                        if fits {
                            if let Val::Time { day, .. } = &mut out[k].val {
                                **day = c.val.clone();
                            }
                        }
                    }
                }
            }
        }
        if let Some(prev) = out.last_mut() {
            let gap_comma = c.s == prev.e + 1 && tk.w(prev.e) == "," && tk.same_sent(prev.e, c.s);
            let adjacent = c.s == prev.e && tk.same_sent(prev.s, c.s);
            if adjacent || gap_comma {
                // weekday + full date
                if matches!(prev.val, Val::Weekday { .. }) && matches!(c.val, Val::Cal { d: Some(_), .. }) {
                    prev.e = c.e;
                    prev.val = c.val;
                    continue;
                }
                // clock time + day
                if let (
                    Val::Time {
                        day,
                        tod: tod @ Tod::Clock { .. },
                    },
                    true,
                ) = (&prev.val, c.is_day() && c.kind == TimexType::Date)
                {
                    if matches!(**day, Val::Offset { unit: Unit::Day, n: 0 }) {
                        let tod = *tod;
                        prev.e = c.e;
                        prev.val = Val::Time {
                            day: Box::new(c.val),
                            tod,
                        };
                        continue;
                    }
                }
                // part of the day + day ("mid-afternoon yesterday")
                if adjacent && prev.anchor == Anchor::ThatDay && c.is_day() && c.kind == TimexType::Date {
                    if let Val::Time { tod: tod @ Tod::Part(_), .. } = &prev.val {
                        let tod = *tod;
                        prev.e = c.e;
                        prev.val = Val::Time {
                            day: Box::new(c.val),
                            tod,
                        };
                        prev.anchor = c.anchor;
                        continue;
                    }
                }
                // day + clock time ("Tuesday 10 a.m.")
                if adjacent && prev.is_day() && prev.kind == TimexType::Date {
                    if let Val::Time {
                        day,
                        tod: tod @ Tod::Clock { .. },
                    } = &c.val
                    {
                        if matches!(**day, Val::Offset { unit: Unit::Day, n: 0 }) {
                            let tod = *tod;
                            let d = std::mem::replace(&mut prev.val, Val::Lit(""));
                            prev.val = Val::Time { day: Box::new(d), tod };
                            prev.kind = TimexType::Time;
                            prev.e = c.e;
                            continue;
                        }
                    }
                }
            }
        }
        out.push(c);
    }
    out
}

/// The day of `cands[k]` when it is a clock time followed by `on` and a day (`7 pm on Friday`,
/// `10:30 a.m. EST on March 3`): that day, resolved as it will be resolved itself.
fn day_after_time(tk: &Toks, cands: &[Cand], k: usize, r: Option<calendar::Date>) -> Option<calendar::Date> {
    let (c, n) = (&cands[k], cands.get(k + 1)?);
    let clock = matches!(&c.val, Val::Time { day, tod: Tod::Clock { .. } }
        if matches!(**day, Val::Offset { unit: Unit::Day, n: 0 }));
    if !clock || c.anchor != Anchor::None || n.anchor != Anchor::None || n.kind != TimexType::Date || !n.is_day() {
        return None;
    }
    if n.s != c.e + 1 || tk.w(c.e) != "on" || !tk.same_sent(c.s, n.s) {
        return None;
    }
    let mut n = n.clone();
    settle_dir(tk, &mut n);
    let v = normalize::value(&n.val, r);
    calendar::Date::parse_iso(v.get(..10).filter(|_| v.len() == 10)?).ok()
}

/// Settle directions by tense, resolve context-dependent values, print values, link ranges.
fn resolve(tk: &Toks, mut cands: Vec<Cand>, ctx: &Context) -> Vec<Timex> {
    let r = ctx.reference_date;
    let mut out = Vec::with_capacity(cands.len());
    let mut last_quarter: Option<(i32, u8, u32)> = None;
    // the last quarter named by its number ("the fiscal first quarter", "fourth-quarter"), not
    // worked out from a closing month, and the first one: the quarter the results story leads
    // with, which "the quarter" and "the latest period" go on meaning (a company's fiscal
    // quarter keeps its name for the rest of the story)
    let mut named_quarter: Option<(i32, u8, u32)> = None;
    let mut lead_quarter: Option<(i32, u8)> = None;
    // "the nine months", "the six months ended Aug. 12": the stretch of months last reported on,
    // unless a quarter was named after it ("the year-earlier period" is then that stretch)
    let mut months_period: Option<String> = None;
    // the sentence of that stretch: "In the first nine months, net was $306 million, compared
    // with a loss in the 1988 period. The year-ago results …": a year-ago point near it is the
    // year before (a stretch of months is no quarter), not the lead quarter
    let mut months_sent: Option<u32> = None;
    // sentences that talk about quarters (financial results)
    let mut quarter_sents = vec![false; tk.sent_start.len()];
    for j in 0..tk.len() {
        // "a quarter-century low", "a quarter-point cut" measure something else
        if matches!(tk.w(j), "quarter" | "quarterly" | "quarters")
            && !(tk.w(j + 1) == "-" && tk.is_any(j + 2, &["century", "point", "points", "mile", "hour"]))
        {
            quarter_sents[tk.t[j].sent as usize] = true;
        }
    }
    let mut last_day: Option<(calendar::Date, u32)> = None;
    let mut last_year: Option<i32> = None;
    let mut last_month: Option<(i32, u8, u32)> = None;
    // the last point named was a month, after any day ("last October"): "that day" falls in it
    let mut month_after_day = false;
    // the month of the latest day or month named ("On March 3 … later that month")
    let mut last_point_month: Option<(i32, u8, u32)> = None;
    // "the comparable year-ago quarter, the second quarter ended Oct. 31": a quarter named in
    // apposition to a year-ago quarter is that quarter (its number, the year-ago's year)
    let apposed = |k: usize| -> Option<u8> {
        let (a, b) = (cands.get(k)?, cands.get(k + 1)?);
        if a.anchor != Anchor::YearAgo || tk.w(a.e) != "," || b.s != a.e + 1 && !(b.s == a.e + 2 && tk.w(a.e + 1) == "the") {
            return None;
        }
        match b.val {
            Val::Part { y: None, part: Part::Quarter(q), .. } if b.anchor == Anchor::None => Some(q),
            _ => None,
        }
    };
    let apposed: Vec<Option<u8>> = (0..cands.len()).map(apposed).collect();
    let mut prev_year_ago: Option<i32> = None;
    // "The quarter-to-quarter comparison": the unit compared with itself names no date, but the
    // story is still about that quarter (what "the quarter" means next), so it is resolved and
    // then left out
    let mut silent = vec![false; cands.len()];
    // the end of the last "24 hours a day" met: the candidates within it are left out
    let mut idiom_end = 0;
    for k in 0..cands.len() {
        // "at 10:30 a.m. on March 3": the day named right after a clock time is its day
        let day_after = day_after_time(tk, &cands, k, r);
        let c = &mut cands[k];
        settle_dir(tk, c);
        let sent = tk.t[c.s].sent;
        let apposed_year = if k > 0 && apposed[k - 1].is_some() { prev_year_ago } else { None };
        // a stretch of months longer than a quarter reported in this sentence or the one before
        // ("the first nine months"): year-ago points near it are the year before, not a quarter
        let near_months = months_period.as_deref().is_some_and(|v| v != "P3M") && months_sent.is_some_and(|ms| ms + 1 >= sent);
        let value = match c.anchor {
            Anchor::None if apposed_year.is_some() => {
                let q = apposed[k - 1].unwrap_or(1);
                format!("{:04}-Q{q}", apposed_year.unwrap_or(0))
            }
            Anchor::None => match (&c.val, day_after.map(|d| (d, sent)).or(last_day)) {
                // a clock time alone: on the day last talked about in this or the previous sentence
                (
                    Val::Time {
                        day,
                        tod: tod @ Tod::Clock { .. },
                    },
                    Some((d, s)),
                ) if matches!(**day, Val::Offset { unit: Unit::Day, n: 0 }) && s + 1 >= sent => {
                    let day = Val::Cal {
                        y: Some(YearRef::Abs(d.year)),
                        m: d.month,
                        d: Some(d.day),
                        dir: Dir::Near,
                    };
                    normalize::value(
                        &Val::Time {
                            day: Box::new(day),
                            tod: *tod,
                        },
                        r,
                    )
                }
                _ => normalize::value(&c.val, r),
            },
            Anchor::YearAgo => {
                let s = sent as usize;
                // a quarter named in this sentence or the four before: the comparison is with that quarter
                let quarterly = quarter_sents[s.saturating_sub(4)..=s].iter().any(|&b| b);
                // "the same month a year ago", "the same period last year" after "in January": that
                // month a year before
                let month_unit = (c.s..c.e).any(|k| tk.w(k) == "month")
                    || (!quarterly && (c.s..c.e).any(|k| tk.w(k) == "period"));
                let month_ago = match last_month {
                    Some((y, m, ms)) if month_unit && ms == sent => Some(format!("{:04}-{m:02}", y - 1)),
                    _ => None,
                };
                let period = (c.s..c.e).any(|k| tk.w(k) == "period");
                if let Some(v) = month_ago {
                    v
                } else if let (false, true, Some(r)) = (period, near_months, r) {
                    format!("{:04}", r.year - 1)
                } else if let (true, Some(v)) = (period, &months_period) {
                    // "For the nine months, net rose … In the year-earlier period": the same
                    // stretch a year before, a duration as "the nine months" is
                    c.kind = TimexType::Duration;
                    v.clone()
                } else if let (true, false, Some(_), Some((y, q))) = (period, quarterly, r, lead_quarter) {
                    // "the year-earlier period" far from any "quarter": the quarter the results
                    // story leads with, a year before
                    format!("{:04}-Q{}", y - 1, q)
                } else {
                    match (r, quarterly) {
                        (Some(r), true) => {
                            // the quarter under discussion, if it is a recent one (not itself a
                            // year-ago quarter such as "the 1988 period", nor a forecast such as
                            // "through the third quarter of 1990"), else the one the story leads
                            // with
                            let (y, q) = last_quarter
                                .map(|(y, q, _)| (y, q))
                                .filter(|&(y, q)| y >= r.year - 1 && (y, q) <= (r.year, r.quarter()))
                                .or(lead_quarter)
                                .unwrap_or_else(|| prev_quarter(r));
                            let q = apposed[k].unwrap_or(q);
                            format!("{:04}-Q{}", y - 1, q)
                        }
                        (Some(r), false) => format!("{:04}", r.year - 1),
                        (None, true) => "XXXX-QX".to_string(),
                        (None, false) => "XXXX".to_string(),
                    }
                }
            }
            // "the quarter ended Sept. 30": the quarter that month closes, in the latest such year
            Anchor::TheQuarter | Anchor::LatestQuarter if ended_quarter(tk, c.e, r).is_some() => {
                let (y, q) = ended_quarter(tk, c.e, r).unwrap_or((0, 0));
                format!("{y:04}-Q{q}")
            }
            Anchor::ThisQuarter => match named_quarter {
                Some((y, q, s)) if s + 2 >= sent => format!("{y:04}-Q{q}"),
                _ => normalize::value(&c.val, r),
            },
            Anchor::TheQuarter | Anchor::LatestQuarter => match (last_quarter, lead_quarter, r) {
                (Some((y, q, s)), _, _) if c.anchor == Anchor::TheQuarter && s + 1 >= sent => format!("{y:04}-Q{q}"),
                (_, Some((y, q)), _) => format!("{y:04}-Q{q}"),
                (_, _, Some(r)) => {
                    let (y, q) = prev_quarter(r);
                    format!("{y:04}-Q{q}")
                }
                (_, _, None) => "XXXX-QX".to_string(),
            },
            Anchor::YearQuarter => match (&c.val, r) {
                // "the 1988 period" right after "the first nine months": that year
                (Val::Year(YearRef::Abs(y)), Some(_)) if near_months =>
                {
                    format!("{y:04}")
                }
                (Val::Year(YearRef::Abs(y)), Some(r)) => {
                    // the number of the quarter the story leads with ("the fiscal first quarter …
                    // in the 1988 period"), else of the last one talked about
                    let q = lead_quarter
                        .map(|(_, q)| q)
                        .or(last_quarter.map(|(_, q, _)| q))
                        .unwrap_or_else(|| prev_quarter(r).1);
                    format!("{y:04}-Q{q}")
                }
                (Val::Year(YearRef::Abs(y)), None) => format!("{y:04}-QX"),
                _ => normalize::value(&c.val, r),
            },
            Anchor::ThatYear => match last_year {
                Some(y) => format!("{y:04}"),
                None => "XXXX".to_string(),
            },
            Anchor::Narrative => match (&c.val, last_year, last_point_month, last_day) {
                (Val::Offset { unit: Unit::Year, n }, Some(y), _, _) if y > 0 && y < 9999 => {
                    format!("{:04}", y + *n as i32)
                }
                (Val::Offset { unit: Unit::Week, n }, _, _, Some((d, _))) => {
                    let (y, w) = d.add_days(7 * *n).iso_week();
                    format!("{y:04}-W{w:02}")
                }
                (Val::Offset { unit: Unit::Month, n }, _, Some((y, m, _)), _) if y > 0 && y < 9999 => {
                    let k = y as i64 * 12 + (m as i64 - 1) + n;
                    format!("{:04}-{:02}", k.div_euclid(12), k.rem_euclid(12) + 1)
                }
                (Val::Offset { unit: Unit::Day, n }, _, _, Some((d, _))) => d.add_days(*n).to_string(),
                // "the next morning": that part of the day after
                (Val::Time { day, tod: Tod::Part(p) }, _, _, Some((d, _))) if matches!(**day, Val::Offset { unit: Unit::Day, .. }) => {
                    let n = match **day {
                        Val::Offset { n, .. } => n,
                        _ => 0,
                    };
                    format!("{}T{p}", d.add_days(n))
                }
                // "the previous Friday", "the following Monday morning": counted from that day
                (Val::Weekday { .. }, _, _, Some((d, _))) => normalize::value(&c.val, Some(d)),
                (Val::Time { day, .. }, _, _, Some((d, _))) if matches!(**day, Val::Weekday { .. }) => {
                    normalize::value(&c.val, Some(d))
                }
                _ => normalize::value(&c.val, r),
            },
            // "killed last October … crossed out that same day": the month last named is the
            // latest point the story is at, a day within it
            Anchor::ThatDay if month_after_day && matches!(c.val, Val::Lit(_)) => match last_month {
                Some((y, m, _)) if y > 0 && y < 9999 => format!("{y:04}-{m:02}-XX"),
                _ => normalize::value(&c.val, r),
            },
            Anchor::ThatDay => match (last_day, &c.val) {
                // "in the morning": that part of the day under discussion
                (Some((d, _)), Val::Time { tod: Tod::Part(p), .. }) => format!("{d}T{p}"),
                (Some((d, _)), _) => d.to_string(),
                (None, _) => normalize::value(&c.val, r),
            },
        };
        // remember the quarter and the day under discussion
        prev_year_ago = match (c.anchor, parse_quarter(&value)) {
            (Anchor::YearAgo, Some((y, _))) => Some(y),
            _ => None,
        };
        if c.kind == TimexType::Duration
            && tk.w(c.s) == "the"
            && matches!(c.val, Val::Dur { amt: Some(_), unit: Unit::Month })
        {
            months_period = Some(value.clone());
            months_sent = Some(sent);
        }
        if !matches!(c.anchor, Anchor::YearAgo | Anchor::YearQuarter) {
            if let Some((y, q)) = parse_quarter(&value) {
                months_period = None;
                last_quarter = Some((y, q, sent));
                if c.anchor == Anchor::None {
                    named_quarter = last_quarter;
                    lead_quarter = lead_quarter.or(Some((y, q)));
                }
            }
        }
        if c.kind == TimexType::Date || c.kind == TimexType::Time {
            if let Some(y) = value.get(..4).and_then(|y| y.parse::<i32>().ok()) {
                if value.len() == 4 || value.as_bytes().get(4) == Some(&b'-') {
                    last_year = Some(y);
                }
                // a year named after the month: the month is no longer where the story is
                if value.len() == 4 {
                    month_after_day = false;
                }
            }
            let b = value.as_bytes();
            if b.len() == 7 && b[4] == b'-' && b[5].is_ascii_digit() && b[6].is_ascii_digit() {
                if let (Ok(y), Ok(m)) = (value[..4].parse::<i32>(), value[5..].parse::<u8>()) {
                    last_month = Some((y, m, sent));
                    last_point_month = last_month;
                    month_after_day = true;
                }
            }
            if let Ok(d) = calendar::Date::parse_iso(value.get(..10).unwrap_or("")) {
                if value.len() == 10 || value.as_bytes().get(10) == Some(&b'T') {
                    last_day = Some((d, sent));
                    last_point_month = Some((d.year, d.month, sent));
                    month_after_day = false;
                }
            }
        }
        silent[k] = tk.w(c.e) == "-"
            && tk.is_any(c.e + 1, &["to", "over", "on", "by"])
            && tk.w(c.e + 2) == "-"
            && tk.w(c.e + 3) == tk.w(c.e - 1);
        // "24 hours a day": all the time, neither part a time (durations::all_the_time)
        if let Some(e) = durations::all_the_time(tk, c.s) {
            idiom_end = e;
        }
        silent[k] |= c.e <= idiom_end;
        let (s, e) = (tk.t[c.s].s, tk.t[c.e - 1].e);
        out.push(Timex {
            start: s,
            end: e,
            text: tk.text[s..e].to_string(),
            kind: c.kind,
            value,
            range: None,
        });
    }
    link_ranges(tk, &cands, &mut out);
    if silent.iter().any(|&b| b) {
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !silent[k - 1]
        });
    }
    out
}

/// "(the quarter) ended July 31" at `e`: the calendar quarter most of the period falls in (the one
/// holding the month before the closing month), in the year that closing month last came.
fn ended_quarter(tk: &Toks, e: usize, r: Option<calendar::Date>) -> Option<(i32, u8)> {
    if !tk.is_any(e, &["ended", "ending"]) {
        return None;
    }
    let m = lex::month_of(tk.w(e + 1))?;
    let r = r?;
    let y = if m > r.month { r.year - 1 } else { r.year };
    // the three months ending with m: their middle month names the quarter
    let mid = if m == 1 { 12 } else { m - 1 };
    let y = if m == 1 { y - 1 } else { y };
    Some((y, (mid - 1) / 3 + 1))
}

/// The last quarter completed before `r`.
fn prev_quarter(r: calendar::Date) -> (i32, u8) {
    let q = r.quarter();
    if q == 1 {
        (r.year - 1, 4)
    } else {
        (r.year, q - 1)
    }
}

fn parse_quarter(v: &str) -> Option<(i32, u8)> {
    let b = v.as_bytes();
    if b.len() == 7 && &b[4..6] == b"-Q" {
        let y: i32 = v[..4].parse().ok()?;
        let q = b[6].wrapping_sub(b'0');
        if (1..=4).contains(&q) {
            return Some((y, q));
        }
    }
    None
}

/// Decide `Dir::Auto` from the sentence's tense.
fn settle_dir(tk: &Toks, c: &mut Cand) {
    fn fix(tk: &Toks, at: usize, v: &mut Val) {
        match v {
            // "this Saturday": the coming one when the sentence looks ahead, the one before
            // when it looks back, else the one of the reference date's week
            Val::Weekday { dir, .. } if *dir == Dir::Near => {
                *dir = match tense::around(tk, at) {
                    tense::Tense::Future => Dir::Future,
                    tense::Tense::Past => Dir::Past,
                    tense::Tense::Unknown => Dir::Near,
                }
            }
            Val::Weekday { dir, .. } if *dir == Dir::Auto => {
                // "as early as Tuesday": a deadline ahead, even told in the past tense; "until
                // Tuesday" too after a verb that moves a date or sets a state ("postponed until
                // Tuesday", "extended its deadline until", "kept closed until"), but "stayed until
                // Tuesday" lies behind; "by Tuesday" only
                // when not in the past tense
                let as_soon_as = at > 2
                    && tk.w(at - 1) == "as"
                    && tk.is_any(at - 2, &["soon", "early"])
                    && tk.w(at - 3) == "as";
                let until = at > 0 && tk.is_any(at - 1, &["until", "till"]) && tk.sentence_of(at).0 + 1 != at;
                let by = at > 0 && tk.w(at - 1) == "by";
                let (t, cue) = tense::around_at(tk, at);
                let moved = tk.is_any(
                    cue,
                    &[
                        "postponed", "delayed", "extended", "deferred", "adjourned", "suspended", "recessed", "gave",
                        "given", "set", "closed", "shut", "halted", "frozen", "barred", "banned", "blocked",
                    ],
                );
                // "ahead of Sunday's election": still to come, whatever the tense of the telling
                let ahead = at > 1 && tk.w(at - 1) == "of" && tk.w(at - 2) == "ahead";
                let deadline = as_soon_as || ahead || (until && (t != tense::Tense::Past || moved));
                // "Tuesday's ruling", "Friday's close": a possessive weekday names an event the
                // news reports, already past (or today), even after a weak future cue ("would look
                // for ways around Wednesday's ruling", "Ford, which holds …"), unless the sentence
                // plainly looks ahead ("will use Monday's debate", "expect her to win Monday's
                // debate", "ahead of Sunday's election")
                let possessive = tk.w(at + 1) == "'s" && {
                    let (s0, s1) = tk.sentence_of(at);
                    !(at.saturating_sub(25).max(s0)..(at + 25).min(s1)).any(|k| {
                        tk.is_any(
                            k,
                            &[
                                "will", "'ll", "shall", "wo", "expect", "expects", "expected", "expecting", "upcoming",
                                "ahead", "before", "until", "till", "next", "coming", "await", "awaits", "awaiting",
                                "preparing", "prepare", "prepares", "scheduled", "slated", "planned", "plans", "tomorrow",
                            ],
                        ) || (tk.w(k) == "going" && tk.w(k + 1) == "to")
                    })
                };
                *dir = match t {
                    _ if possessive && !deadline => Dir::Past,
                    _ if deadline => Dir::Future,
                    t if by && t != tense::Tense::Past => Dir::Future,
                    tense::Tense::Future => Dir::Future,
                    _ => Dir::Past,
                }
            }
            // a month (and day) without a year: the nearest one; news tense is a poor guide here
            // ("payable Dec. 15", "expire Nov. 21" in past-tense sentences)
            // a month without a year: the tense decides, but after "by", "until", "payable"… (a
            // deadline) and for a month with a day, the nearest one: financial news writes "payable
            // Dec. 15" in past-tense sentences
            Val::Cal { y: None, d, dir, .. } if *dir == Dir::Auto => {
                let mut k = at;
                while k > 0
                    && tk.is_any(
                        k - 1,
                        &[
                            "early",
                            "late",
                            "mid",
                            "-",
                            "the",
                            "of",
                            "end",
                            "beginning",
                            "middle",
                            "on",
                            "around",
                            "about",
                        ],
                    )
                {
                    k -= 1;
                }
                let deadline = k > 0
                    && tk.is_any(
                        k - 1,
                        &[
                            "by",
                            "until",
                            "till",
                            "through",
                            "before",
                            "due",
                            "expected",
                            "scheduled",
                            "payable",
                            "record",
                            "effective",
                            "expire",
                            "expires",
                            "to",
                        ],
                    );
                // "the fiscal year ended Jan. 31": a period already closed
                let ended = k > 0 && tk.is_any(k - 1, &["ended", "closed"]);
                // a past tense backshifted in reported speech ("added that both sides needed the
                // deal before the elections in May") does not place a bare month
                let t = match tense::around_at(tk, at) {
                    (tense::Tense::Past, j) if d.is_none() && tense::reported(tk, j) => {
                        tense::Tense::Unknown
                    }
                    (t, _) => t,
                };
                *dir = match (deadline, d.is_some(), t) {
                    _ if ended => Dir::Past,
                    // "payable Dec. 15" in a past-tense sentence, "by August": the nearest, leaning
                    // ahead
                    (true, _, _) => Dir::NearFuture,
                    (_, true, tense::Tense::Future) => Dir::NearFuture,
                    (_, true, _) => Dir::NearPast,
                    (_, _, tense::Tense::Past) => Dir::Recent,
                    (_, _, tense::Tense::Future) => Dir::Future,
                    _ => Dir::Near,
                }
            }
            Val::Holiday { y: None, dir, .. } if *dir == Dir::Auto => {
                *dir = match tense::around(tk, at) {
                    tense::Tense::Future => Dir::Future,
                    tense::Tense::Past => Dir::Past,
                    tense::Tense::Unknown => Dir::Near,
                }
            }
            // "this summer" leans ahead unless told in the past ("began trading this summer")
            Val::Part { y: None, dir, part: Part::Season(_) } if *dir == Dir::NearFuture => {
                if tense::around(tk, at) == tense::Tense::Past {
                    *dir = Dir::Past;
                }
            }
            Val::Part { y: None, dir, part } if *dir == Dir::Auto => {
                // a bare quarter is the latest one reported (financial news), a season the nearest
                // "could arrive by the third quarter", "will rise in the fourth quarter": ahead
                let by = at > 0 && tk.is_any(at - 1, &["by", "until", "before"])
                    || at > 1 && tk.w(at - 1) == "the" && tk.is_any(at - 2, &["by", "until", "before"]);
                *dir = match (part, tense::around(tk, at)) {
                    // "will be held in the autumn", "joined in the spring": the tense decides a
                    // season too, else the nearest
                    (Part::Season(_), tense::Tense::Future) => Dir::Future,
                    (Part::Season(_), tense::Tense::Past) => Dir::Past,
                    (Part::Season(_), _) => Dir::Near,
                    // the quarter just reported is the past one, even in "are expected to"
                    (_, tense::Tense::Future) => Dir::NearFuture,
                    _ if by => Dir::NearFuture,
                    (_, tense::Tense::Unknown) => Dir::Near,
                    _ => Dir::Past,
                }
            }
            Val::Time { day, .. } | Val::WeekOf(day) | Val::DayShift(day, _) => fix(tk, at, day),
            _ => {}
        }
    }
    let at = c.s;
    fix(tk, at, &mut c.val);
}

/// Link the two ends of ranges: `from March to May`, `between 1990 and 1995`, `2015-16`.
fn link_ranges(tk: &Toks, cands: &[Cand], out: &mut [Timex]) {
    let mut id = 0;
    let mut k = 0;
    while k + 1 < cands.len() {
        let (a, b) = (&cands[k], &cands[k + 1]);
        let both_points = a.kind != TimexType::Duration && a.kind != TimexType::Set && b.kind == a.kind;
        let joined = both_points
            && tk.same_sent(a.s, b.s)
            && ((b.s == a.e + 1
                && match tk.w(a.e) {
                    "-" => !tk.t[a.e].space && !tk.t[b.s].space,
                    // an en dash may stand between spaces: "Oct. 30 – Nov. 2"
                    "\u{2013}" => true,
                    "to" | "through" | "until" | "till" | "thru" => a.s > 0 && tk.w(a.s - 1) == "from",
                    "and" => a.s > 0 && tk.w(a.s - 1) == "between",
                    _ => false,
                })
                || (b.s == a.e + 2
                    && tk.w(a.e) == ","
                    && a.s > 0
                    && tk.w(a.s - 1) == "from"
                    && tk.is_any(a.e + 1, &["to", "through"])));
        if joined {
            // an end without a year follows its start: "from November to March" crosses the year
            if let (Val::Cal { y: None, m, d, .. }, Ok(y0)) =
                (&b.val, out[k].value.get(..4).unwrap_or("").parse::<i32>())
            {
                let start = out[k].value.clone();
                let fmt = |y: i32| match d {
                    Some(d) => format!("{y:04}-{m:02}-{d:02}"),
                    None => format!("{y:04}-{m:02}"),
                };
                let mut v = fmt(y0);
                if v.as_str() < start.get(..v.len()).unwrap_or(&start) {
                    v = fmt(y0 + 1);
                }
                if let Some(t) = out[k + 1].value.get(10..).filter(|t| t.starts_with('T')) {
                    v.push_str(t);
                }
                out[k + 1].value = v;
            }
            // a weekday end follows its start: "from Monday to Wednesday" in a Tuesday story ends on
            // the Wednesday after that Monday, not the one before
            if matches!(b.val, Val::Weekday { .. }) {
                let day = |v: &str| v.get(..10).and_then(|d| calendar::Date::parse_iso(d).ok());
                if let (Some(s0), Some(e0)) = (day(&out[k].value), day(&out[k + 1].value)) {
                    if e0 < s0 {
                        let mut v = e0.add_days(7 * ((s0.to_days() - e0.to_days() + 6) / 7)).to_string();
                        v.push_str(out[k + 1].value.get(10..).unwrap_or(""));
                        out[k + 1].value = v;
                    }
                }
            }
            out[k].range = Some(RangeRef {
                id,
                role: RangeRole::Start,
            });
            out[k + 1].range = Some(RangeRef {
                id,
                role: RangeRole::End,
            });
            id += 1;
            k += 2;
        } else {
            k += 1;
        }
    }
}

#[cfg(test)]
pub(crate) mod testutil {
    use super::*;

    /// (text, type, value) of every timex found in `text` against `reference` (ISO or "").
    pub fn run(text: &str, reference: &str) -> Vec<(String, &'static str, String)> {
        let ctx = Context {
            reference_date: if reference.is_empty() {
                None
            } else {
                Some(calendar::Date::parse_iso(reference).unwrap())
            },
            day_first: false,
        };
        Doc::with(text, |d| find(d, &ctx))
            .into_iter()
            .map(|t| (t.text, t.kind.as_str(), t.value))
            .collect()
    }

    /// The single timex found, as "text|TYPE|value", or all of them joined by "; ".
    pub fn one(text: &str, reference: &str) -> String {
        run(text, reference)
            .into_iter()
            .map(|(t, k, v)| format!("{t}|{k}|{v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::{one, run};
    use super::*;

    #[test]
    fn lead_words_still_start_their_dates() {
        // every lead word that `lead_word_may_start` filters, with each kind of word that may follow
        let r = "2019-01-08";
        for (text, span) in [
            ("It ended a couple of days ago.", "a couple of days ago"),
            ("He served an additional year.", "an additional year"),
            ("It lasted a full year.", "a full year"),
            ("It happened a hundred years ago.", "a hundred years ago"),
            ("They met a few weeks ago.", "a few weeks ago"),
            ("It will be decided at a later date.", "a later date"),
            ("Prices are stable at present.", "present"),
            ("He will leave as soon as possible.", "as soon as possible"),
            ("It took more than two years.", "more than two years"),
            ("They must wait at least 30 days.", "at least 30 days"),
            ("Reservists serve up to 180 days.", "up to 180 days"),
            ("Sites open for no more than sixty days.", "no more than sixty days"),
            ("Prices rose over two years.", "over two years"),
            ("It took many years.", "many years"),
            ("Profit fell in the most recent quarter.", "the most recent quarter"),
            ("They met on New Year's Day.", "New Year's Day"),
            ("It was popular in the '90s.", "the '90s"),
            ("He left that same day.", "that same day"),
            ("She left this week.", "this week"),
            ("She left the same day.", "the same day"),
        ] {
            let got = run(text, r);
            assert!(got.iter().any(|(t, _, _)| t.ends_with(span) || span.ends_with(t.as_str())), "{text}: {got:?}");
        }
        // and nothing where the next word cannot go on with a date
        for text in ["The cat sat at the door as more people came over many hills.", "A man and the dog."] {
            assert_eq!(run(text, r), vec![], "{text}");
        }
    }

    #[test]
    fn combined_expressions() {
        assert_eq!(
            one("It closed Monday, Oct. 26.", "1998-10-28"),
            "Monday, Oct. 26|DATE|1998-10-26"
        );
        assert_eq!(
            one("The offer expires at 5 p.m. EST Nov. 9.", "1989-11-02"),
            "5 p.m. EST Nov. 9|TIME|1989-11-09T17:00-05:00"
        );
        assert_eq!(
            one("They met noon Thursday.", "1998-02-13"),
            "noon Thursday|TIME|1998-02-12T12:00"
        );
        // a clock time with its UTC equivalent in brackets, then the day
        assert_eq!(
            one("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", "1998-08-08"),
            "10:35 a.m.|TIME|1998-08-07T10:35; 0735 GMT|TIME|1998-08-07T07:35Z; Friday|DATE|1998-08-07"
        );
    }

    #[test]
    fn modifiers_join_the_span() {
        assert_eq!(
            one("Sales rose in the third quarter.", "1989-11-02"),
            "the third quarter|DATE|1989-Q3"
        );
        assert_eq!(
            one("It will close early next year.", "1989-10-27"),
            "early next year|DATE|1990"
        );
        assert_eq!(
            one("It fell for nearly forty years.", "1998-01-01"),
            "nearly forty years|DURATION|P40Y"
        );
        assert_eq!(
            one("It ends at the end of 1990.", "1989-01-01"),
            "the end of 1990|DATE|1990"
        );
    }

    /// Regression: "from Monday to Wednesday" in a Tuesday story ended on the Wednesday before.
    #[test]
    fn a_weekday_range_ends_after_it_starts() {
        assert_eq!(
            one("The strike runs from Monday to Wednesday.", "2019-01-08"),
            "Monday|DATE|2019-01-07; Wednesday|DATE|2019-01-09"
        );
        assert_eq!(
            one("The strike ran from Thursday to Monday.", "2019-01-08"),
            "Thursday|DATE|2019-01-03; Monday|DATE|2019-01-07"
        );
    }

    #[test]
    fn ranges_are_linked() {
        let ctx = Context {
            reference_date: calendar::Date::parse_iso("2019-01-08").ok(),
            day_first: false,
        };
        let t = Doc::with(
            "It ran from March to May, and between 1990 and 1995, and in 2015-16.",
            |d| find(d, &ctx),
        );
        let texts: Vec<_> = t
            .iter()
            .map(|x| (x.text.as_str(), x.value.as_str(), x.range.map(|r| r.id)))
            .collect();
        assert_eq!(
            texts,
            [
                ("March", "2018-03", Some(0)),
                ("May", "2018-05", Some(0)),
                ("1990", "1990", Some(1)),
                ("1995", "1995", Some(1)),
                ("2015", "2015", Some(2)),
                ("16", "2016", Some(2)),
            ]
        );
        assert_eq!(t[0].range.unwrap().role, RangeRole::Start);
        assert_eq!(t[1].range.unwrap().role, RangeRole::End);
        // day ranges, and an en dash between spaces; a spaced hyphen is not a range mark
        let t = Doc::with("They met June 12-13 and Oct. 30 \u{2013} Nov. 2, not May 1 - May 3.", |d| find(d, &ctx));
        let ids: Vec<_> = t.iter().map(|x| (x.text.as_str(), x.range.map(|r| (r.id, r.role)))).collect();
        assert_eq!(
            ids,
            [
                ("June 12", Some((0, RangeRole::Start))),
                ("13", Some((0, RangeRole::End))),
                ("Oct. 30", Some((1, RangeRole::Start))),
                ("Nov. 2", Some((1, RangeRole::End))),
                ("May 1", None),
                ("May 3", None),
            ]
        );
    }

    #[test]
    fn range_ends_follow_their_start() {
        assert_eq!(
            one("It runs from November to March.", "2019-01-08"),
            "November|DATE|2018-11; March|DATE|2019-03"
        );
    }

    #[test]
    fn narrative_weekdays_and_that_day() {
        // "the previous Friday" steps back from the day the story is at, not from the reference
        assert_eq!(
            one("Shares closed Friday at 2082.1, down 4.5% from the previous Friday.", "1989-10-30"),
            "Friday|DATE|1989-10-27; the previous Friday|DATE|1989-10-20"
        );
        assert_eq!(
            one("Talks began on March 3, 2019. The following Monday they broke down.", "2019-06-10"),
            "March 3, 2019|DATE|2019-03-03; The following Monday|DATE|2019-03-04"
        );
        // with no day named before, the reference date stands in
        assert_eq!(
            one("Prices fell from the previous Friday.", "2019-01-08"),
            "the previous Friday|DATE|2019-01-04"
        );
        // "last Friday" is no narrative step
        assert_eq!(
            one("On March 3, 2019 it rained. He left last Friday.", "2019-06-10"),
            "March 3, 2019|DATE|2019-03-03; last Friday|DATE|2019-06-07"
        );
        // "that same day" after a month named later than any day: a day in that month
        assert_eq!(
            one("He said Thursday that a doctor was killed last October. His name was crossed out that same day.", "1999-02-06"),
            "Thursday|DATE|1999-02-04; last October|DATE|1998-10; that same day|DATE|1998-10-XX"
        );
        // a year named after the month leaves "that day" to the last day named
        assert_eq!(
            one("He left Thursday. It opened in June. In 2009, it was sold; by that time it had closed.", "2019-01-08"),
            "Thursday|DATE|2019-01-03; June|DATE|2018-06; 2009|DATE|2009; that time|DATE|2019-01-03"
        );
        assert_eq!(
            one("Talks began in October. He left on Oct. 5, 2018 and returned that same day.", "2019-01-08"),
            "October|DATE|2018-10; Oct. 5, 2018|DATE|2018-10-05; that same day|DATE|2018-10-05"
        );
    }

    #[test]
    fn narrative_weeks_and_months() {
        assert_eq!(
            one(
                "The bank failed on March 3, 2018. That week, regulators met. The following week they sued. \
                 Later that month it closed.",
                "2019-06-10"
            ),
            "March 3, 2018|DATE|2018-03-03; That week|DATE|2018-W09; The following week|DATE|2018-W10; \
             Later that month|DATE|2018-03"
        );
        // nothing named before: the reference date's week
        assert_eq!(one("The previous week it had warned.", "2019-06-10"), "The previous week|DATE|2019-W23");
        // "that month's": a possessive is left alone
        assert_eq!(one("That month's sales fell.", "2019-06-10"), "");
    }

    #[test]
    fn narrative_days() {
        assert_eq!(
            one("He fell ill on Feb. 22, 2000 and appeared in court the next morning.", "2000-02-24"),
            "Feb. 22, 2000|DATE|2000-02-22; the next morning|TIME|2000-02-23TMO"
        );
        // with no day named before: the reference day's next
        assert_eq!(
            one("They left the following night.", "2000-02-24"),
            "the following night|TIME|2000-02-25TNI"
        );
        // an approximation still takes "a year ago", not a narrative step
        assert_eq!(one("It began more than a year ago.", "2019-01-08"), "more than a year ago|DATE|2018");
        // "the year previous": the year before the last one named
        assert_eq!(
            one("Ford made $2.7 billion last year, $19.8 billion more than the year previous.", "2010-01-28"),
            "last year|DATE|2009; the year previous|DATE|2008"
        );
        // "Oct. 12, the day before the plunge": the day just named
        assert_eq!(
            one("Eight days after Oct. 12, the day before the plunge, it fell.", "1989-10-30"),
            "Eight days|DURATION|P8D; Oct. 12|DATE|1989-10-12; the day|DATE|1989-10-12"
        );
        // "today is the eighth day of …": the reference day
        assert_eq!(
            one("In Saudi Arabia, today is the eighth day of the operation.", "1990-08-15"),
            "today|DATE|1990-08-15; the eighth day|DATE|1990-08-15"
        );
        assert_eq!(
            one("It's the second day of an offensive.", "1998-03-06"),
            "the second day|DATE|1998-03-06"
        );
        // no date before the comma: no apposition
        assert_eq!(one("He spoke to the Advocate, a magazine on LGBT issues, the day after.", "2019-01-08"), "");
        // traps: a count of days, a day in a list
        assert_eq!(one("It was the second day he missed.", "1998-03-06"), "");
        assert_eq!(one("The second day of talks ended.", "1998-03-06"), "");
    }

    #[test]
    fn context_anchored_values() {
        assert_eq!(
            one(
                "Net rose in the third quarter. Sales fell from a year earlier in the quarter.",
                "1989-11-02"
            ),
            "the third quarter|DATE|1989-Q3; a year earlier|DATE|1988-Q3; the quarter|DATE|1989-Q3"
        );
        assert_eq!(
            one("Profit doubled from a year earlier.", "1989-11-02"),
            "a year earlier|DATE|1988"
        );
        // a quarter-century is no fiscal quarter: the year stays a year
        assert_eq!(
            one(
                "Unemployment is just above its quarter-century low. Wages rose 3.8 percent from a year earlier.",
                "1998-02-06"
            ),
            "a year earlier|DATE|1997"
        );
        assert_eq!(
            one("Sales fell 35% in January, compared to the same month a year ago.", "2008-02-01"),
            "January|DATE|2008-01; the same month a year ago|DATE|2007-01"
        );
        assert_eq!(
            one("Sales rose 43% in February compared to the same period last year.", "2010-03-03"),
            "February|DATE|2010-02; the same period last year|DATE|2009-02"
        );
        assert_eq!(
            one("In the quarter ended July 31, Jayark had a loss.", "1989-10-30"),
            "the quarter|DATE|1989-Q2; July 31|DATE|1989-07-31"
        );
        assert_eq!(
            one("Sales rose in the quarter ended Sept. 30.", "1989-10-26"),
            "the quarter|DATE|1989-Q3; Sept. 30|DATE|1989-09-30"
        );
        // "the 1988 period" is the year-ago quarter, not the quarter under discussion
        assert_eq!(
            one(
                "Net fell in the third quarter, against a loss in the 1988 period. The year-ago results included a charge.",
                "1989-11-02"
            ),
            "the third quarter|DATE|1989-Q3; the 1988 period|DATE|1988-Q3; year-ago|DATE|1988-Q3"
        );
    }

    #[test]
    fn the_quarter_is_the_one_the_story_leads_with() {
        // a fiscal quarter named at the top keeps its number, even sentences later
        assert_eq!(
            one(
                "Sun earned $5 million in the fiscal first quarter. Sales rose. Costs fell. Sun shipped 28,000 systems in the quarter.",
                "1989-10-26"
            ),
            "the fiscal first quarter|DATE|1989-Q1; the quarter|DATE|1989-Q1"
        );
        assert_eq!(
            one(
                "Ralston reported a decline in fourth-quarter earnings. Net fell. Sales in the latest period rose.",
                "1989-11-02"
            ),
            "fourth-quarter|DATE|1989-Q4; the latest period|DATE|1989-Q4"
        );
        // a later forward mention ("a fourth-quarter charge") does not move the lead quarter
        assert_eq!(
            one(
                "Travelers's third-quarter net rose. It expects a fourth-quarter charge. Net fell in the latest quarter.",
                "1989-11-02"
            ),
            "third-quarter|DATE|1989-Q3; fourth-quarter|DATE|1989-Q4; the latest quarter|DATE|1989-Q3"
        );
        // no quarter named: the last one completed
        assert_eq!(
            one("Net fell in the latest quarter.", "1989-11-02"),
            "the latest quarter|DATE|1989-Q3"
        );
        // "this quarter" after the results' quarter is that quarter; alone, the current one
        assert_eq!(
            one("It lost $8 million in the third quarter. This quarter's loss includes charges.", "1989-11-01"),
            "the third quarter|DATE|1989-Q3; This quarter|DATE|1989-Q3"
        );
        assert_eq!(
            one("It expects to break even this quarter.", "1989-11-01"),
            "this quarter|DATE|1989-Q4"
        );
        // "the 1988 period" takes the lead quarter's number, not the calendar quarter a closing
        // month gives
        assert_eq!(
            one(
                "Sun earned $5 million in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose. In the 1988 period, it earned $20 million.",
                "1989-10-26"
            ),
            "the fiscal first quarter|DATE|1989-Q1; the quarter|DATE|1989-Q3; Sept. 29|DATE|1989-09-29; the 1988 period|DATE|1988-Q1"
        );
        // a forecast quarter ("through the third quarter of 1990") is not the one a year-ago
        // comparison is made with
        assert_eq!(
            one(
                "Bethlehem posted a drop in third-quarter profit. Losses may last through the third quarter of 1990. In the year-ago period, it earned $101 million.",
                "1989-10-26"
            ),
            "third-quarter|DATE|1989-Q3; the third quarter of 1990|DATE|1990-Q3; the year-ago period|DATE|1988-Q3"
        );
    }

    #[test]
    fn a_year_ago_keeps_to_a_quarter_named_four_sentences_before() {
        // a results story names its quarter, gives three sentences of charges, then compares
        let story = "Acme expects a third-quarter loss of $18 million. It will record a reserve. \
                     It will also write off leases. It cited interest costs. A year earlier, net was $2 million.";
        assert_eq!(one(story, "1989-11-02"), "third-quarter|DATE|1989-Q3; A year earlier|DATE|1988-Q3");
        // five sentences on, the quarter is no longer what is compared: the year before
        let far = story.replace("It cited", "It sold a plant. It cited");
        assert_eq!(one(&far, "1989-11-02"), "third-quarter|DATE|1989-Q3; A year earlier|DATE|1988");
    }

    #[test]
    fn the_year_earlier_period_is_the_period_last_reported() {
        // after "the nine months": that stretch a year before, a duration like it
        assert_eq!(
            one(
                "Net for the third quarter fell. For the nine months, net was $81 million. In the year-earlier period, net was $77 million.",
                "1989-10-27"
            ),
            "the third quarter|DATE|1989-Q3; the nine months|DURATION|P9M; the year-earlier period|DURATION|P9M"
        );
        // a quarter named after the months takes over again
        assert_eq!(
            one(
                "For the nine months, net rose. In the third quarter, net fell. In the year-earlier period, net was $7 million.",
                "1989-10-27"
            ),
            "the nine months|DURATION|P9M; the third quarter|DATE|1989-Q3; the year-earlier period|DATE|1988-Q3"
        );
        // far from any "quarter": the quarter the story leads with, a year before
        assert_eq!(
            one(
                "Du Pont reported that third-quarter profit grew. Sales rose. Costs fell. Prices held. Shares rose. In the year-earlier period, the company earned $461 million.",
                "1989-10-26"
            ),
            "third-quarter|DATE|1989-Q3; the year-earlier period|DATE|1988-Q3"
        );
        // a quarter in apposition to a year-ago quarter is that quarter: its number, the
        // year-ago's year; "that quarter" then means it too
        assert_eq!(
            one(
                "Net fell in the third quarter. In the year-ago quarter, the second quarter ended Oct. 31, it had a loss. Results for that quarter included a charge.",
                "1989-10-27"
            ),
            "the third quarter|DATE|1989-Q3; the year-ago quarter|DATE|1988-Q2; the second quarter|DATE|1988-Q2; Oct. 31|DATE|1988-10-31; that quarter|DATE|1988-Q2"
        );
        // a quarter after a comma that is no apposition keeps its own year
        assert_eq!(
            one("Net fell from a year ago, and the second quarter was weak.", "1989-10-27"),
            "a year ago|DATE|1988-Q3; the second quarter|DATE|1989-Q2"
        );
        // a year-ago point right after a stretch of months is the year before (no quarter), as
        // is "the 1988 period" there; a quarter named after the stretch takes over again
        assert_eq!(
            one(
                "Net fell in the third quarter. In the first nine months, net was $306 million, compared with a loss in the 1988 period. The year-ago results included a charge.",
                "1989-11-02"
            ),
            "the third quarter|DATE|1989-Q3; the first nine months|DURATION|P9M; the 1988 period|DATE|1988; year-ago|DATE|1988"
        );
        // trap: "the three months ended Dec. 29" is a quarter: a year earlier is that quarter
        assert_eq!(
            one(
                "Apple reported a drop in holiday-quarter revenue. Revenue fell in the three months ended Dec. 29. Sales dropped from a year earlier.",
                "2019-01-29"
            ),
            "the three months|DURATION|P3M; Dec. 29|DATE|2018-12-29; a year earlier|DATE|2017-Q4"
        );
        // trap: far from the stretch (two sentences on), the quarter again
        assert_eq!(
            one(
                "Net fell in the third quarter. For the nine months, net was $30 million. Sales rose. Net was $5 million a year ago.",
                "1989-11-02"
            ),
            "the third quarter|DATE|1989-Q3; the nine months|DURATION|P9M; a year ago|DATE|1988-Q3"
        );
        // "the quarter-to-quarter comparison" names no date, but still sets the quarter talked
        // about; trap: "the quarter to come" is a date
        assert_eq!(
            one(
                "Net for the third quarter fell. The quarter-to-quarter comparison was hurt. During the quarter, sales rose.",
                "1989-10-27"
            ),
            "the third quarter|DATE|1989-Q3; the quarter|DATE|1989-Q3"
        );
        assert_eq!(
            one("Sales in the third quarter fell. The quarter to come looks weak.", "1989-10-27"),
            "the third quarter|DATE|1989-Q3; The quarter|DATE|1989-Q3"
        );
        // no quarter in the story: the year before
        assert_eq!(
            one("In the year-earlier period, the company earned $461 million.", "1989-10-26"),
            "the year-earlier period|DATE|1988"
        );
    }

    #[test]
    fn combining_marks_stay_with_their_letters() {
        let is_mark = |c: char| matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F);
        let sample = "On Monday, Jan. 7, 2019 at 10:30 a.m. EST, two weeks ago, the third-quarter of 1989, mid-1990s, 2015-16, last year, 1/7/2019 and 2019-01-07.";
        let zalgo: String = sample
            .chars()
            .flat_map(|c| [c, '\u{301}', '\u{316}', '\u{35c}'])
            .collect();
        for text in [sample.to_string(), zalgo, format!("\u{308}{sample}")] {
            let ctx = Context {
                reference_date: calendar::Date::new(2019, 1, 8),
                day_first: false,
            };
            for t in Doc::with(&text, |d| find(d, &ctx)) {
                assert!(
                    !text[t.start..].chars().next().is_some_and(is_mark),
                    "{:?} starts on a mark",
                    t.text
                );
                assert!(
                    !text[t.end..].chars().next().is_some_and(is_mark),
                    "{:?} cuts a mark off",
                    t.text
                );
            }
        }
    }

    #[test]
    fn never_panics_and_spans_are_sound() {
        let mut texts: Vec<String> = [
            "",
            "2019",
            "Jan.",
            "the",
            "- - -",
            "😀 Monday 😀",
            "e\u{301} March 3",
            "\r\n1/7/2019\r\n",
            "May",
            "\u{0}today",
            "’s-’s",
            "x’s-year",
            "ÄÖ-2019-ü",
            "12:",
            ":30",
            "'",
            "' '90s",
            "9999999999999 years",
            "1/2/3/4",
            "99/99/9999",
            "2019-13-45",
            "Jan. 32, 2019",
            "Feb. 29",
            "the 0th century",
            "’",
            "—2019—",
            "a.m. p.m.",
            "٣ March ٢٠١٩",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // every prefix/suffix cut of a dense sample, and a pseudo-random shuffle of date-ish pieces
        let dense = "On Monday, Jan. 7, 2019 at 10:30 a.m. EST, two weeks ago, the third quarter of 1989’s year-end — 2015-16 “now” 😀 every Monday.";
        for (i, _) in dense.char_indices() {
            texts.push(dense[..i].to_string());
            texts.push(dense[i..].to_string());
        }
        let pieces = [
            "Jan.", "7", ",", "2019", "-", "’s", "the", "last", "next", "year", "ago", "a", "second", "10:30", "p.m.",
            "😀", "Q3", "mid", "'", "90s", "e\u{301}", "\n", "May", "day",
        ];
        let mut seed: u64 = 0x9E3779B97F4A7C15;
        for _ in 0..300 {
            let mut s = String::new();
            for _ in 0..12 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                if seed & 16 == 0 {
                    s.push(' ');
                }
            }
            texts.push(s);
        }
        for text in &texts {
            let text = text.as_str();
            let t = Doc::with(text, |d| find(d, &Context::default()));
            let mut last = 0;
            for x in &t {
                assert!(x.start >= last && x.end > x.start && x.end <= text.len());
                assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
                last = x.end;
            }
        }
    }

    #[test]
    fn a_day_before_or_after_a_day() {
        assert_eq!(
            one("The day before last Tuesday's hearing, Manuel went home.", "2000-02-24"),
            "The day before last Tuesday|DATE|2000-02-21"
        );
        assert_eq!(
            one("The PAC gave money on the day after Christmas.", "2016-01-05"),
            "the day after Christmas|DATE|2015-12-26"
        );
        assert_eq!(
            one("He met partners the day after Monday's debate.", "2016-09-30"),
            "the day after Monday|DATE|2016-09-27"
        );
        assert_eq!(one("He came the day before March 1, 2000.", ""), "the day before March 1, 2000|DATE|2000-02-29");
        assert_eq!(one("He came the day before Jan. 5.", ""), "the day before Jan. 5|DATE|XXXX-XX-XX");
        // traps: no day after the word, a day taken by an earlier expression, a month alone
        assert_eq!(one("It was the day after.", "2000-02-24"), "");
        assert_eq!(one("He left the day before the vote.", "2000-02-24"), "");
        assert_eq!(one("In the day before March, it rained.", "2000-02-24"), "March|DATE|2000-03");
        assert_eq!(
            one("Sales rose that day before Monday's drop.", "2000-02-24"),
            "that day|DATE|XXXX-XX-XX; Monday|DATE|2000-02-21"
        );
    }

    #[test]
    fn the_week_of_a_day() {
        // the ISO week that holds the day, the year inferred as for the day alone
        assert_eq!(
            one("The hearing was moved to the week of March 6.", "2000-02-24"),
            "the week of March 6|DATE|2000-W10"
        );
        assert_eq!(
            one("The week of Jan. 2, 2000 was calm.", "1999-12-01"),
            "The week of Jan. 2, 2000|DATE|1999-W52"
        );
        assert_eq!(one("It slipped to the week of March 6.", ""), "the week of March 6|DATE|XXXX-WXX");
        // traps: a week that is no day's, a month without a day, a week already taken
        assert_eq!(one("The week of talks ended.", "2000-02-24"), "");
        assert_eq!(one("In the week of March, rain fell.", "2000-02-24"), "March|DATE|2000-03");
        assert_eq!(
            one("Sales fell last week of March 6 stores.", "2000-02-24"),
            "last week|DATE|2000-W07; March 6|DATE|2000-03-06"
        );
    }

    #[test]
    fn a_week_from_friday_is_one_date() {
        // was "a week|DURATION|P1W; Friday|DATE|2019-01-11"
        assert_eq!(
            one("The decision will come a week from Friday.", "2019-01-08"),
            "a week from Friday|DATE|2019-01-18"
        );
        assert_eq!(one("The plan takes effect a week from today.", "2019-01-08"), "a week from today|DATE|2019-01-15");
        assert_eq!(one("The vote is two weeks from Monday.", "2019-01-08"), "two weeks from Monday|DATE|2019-01-28");
        assert_eq!(one("The trial opens 10 days from Jan. 15.", "2019-01-08"), "10 days from Jan. 15|DATE|2019-01-25");
        // a stretch that starts on the day stays a duration and a day
        assert_eq!(
            one("It took two weeks from Monday to finish.", "2019-01-08"),
            "two weeks|DURATION|P2W; Monday|DATE|2019-01-07"
        );
        assert_eq!(
            one("The office will be closed for two weeks from Monday.", "2019-01-08"),
            "two weeks|DURATION|P2W; Monday|DATE|2019-01-14"
        );
    }

    #[test]
    fn this_saturday_follows_the_tense() {
        // 2019-01-08 is a Tuesday; was the nearest Saturday, Jan 5, whatever the tense
        assert_eq!(
            one("The event is scheduled for this Saturday.", "2019-01-08"),
            "this Saturday|DATE|2019-01-12"
        );
        assert_eq!(one("The vote will be held this Monday.", "2019-01-08"), "this Monday|DATE|2019-01-14");
        assert_eq!(one("He arrived this Saturday.", "2019-01-08"), "this Saturday|DATE|2019-01-05");
        // no tense: the day of the reference date's week
        assert_eq!(one("This Sunday is a holiday.", "2019-01-08"), "This Sunday|DATE|2019-01-13");
        assert_eq!(
            one("The event was held this past Saturday.", "2019-01-08"),
            "this past Saturday|DATE|2019-01-05"
        );
    }

    #[test]
    fn a_bare_season_follows_the_tense() {
        // were the nearest season whatever the tense: 2018-FA and 2019-SP
        assert_eq!(one("The election will be held in the autumn.", "2019-01-08"), "the autumn|DATE|2019-FA");
        assert_eq!(one("He joined the firm in the spring.", "2019-01-08"), "the spring|DATE|2018-SP");
        // no tense: the nearest
        assert_eq!(one("It is cold in the winter.", "2019-01-08"), "the winter|DATE|2018-WI");
    }

    #[test]
    fn this_summer_in_january_is_the_coming_one() {
        // was 2018-SU, the nearest, whatever the tense
        assert_eq!(one("They hope to finish this summer.", "2019-01-08"), "this summer|DATE|2019-SU");
        assert_eq!(one("It will open this spring.", "2019-01-08"), "this spring|DATE|2019-SP");
        // the season under way, and one told in the past
        assert_eq!(one("It is cold this winter.", "2019-01-08"), "this winter|DATE|2018-WI");
        assert_eq!(one("The stock began trading this summer.", "2019-01-08"), "this summer|DATE|2018-SU");
        assert_eq!(one("The stock began trading this summer.", "1989-11-01"), "this summer|DATE|1989-SU");
    }
}

#[cfg(test)]
mod throughput {
    /// Prints the date layer's throughput on a file named by `NEWSMARK_BENCH_FILE` (not a timed
    /// assertion: run with `cargo test --release -- --ignored --nocapture throughput`).
    #[test]
    #[ignore]
    fn print_throughput() {
        let Ok(path) = std::env::var("NEWSMARK_BENCH_FILE") else {
            return;
        };
        let text = std::fs::read_to_string(path).unwrap();
        let ctx = super::Context {
            reference_date: super::calendar::Date::new(2019, 1, 8),
            day_first: false,
        };
        // CPU time of this thread (Linux), else wall time: the machine may be shared
        fn now() -> f64 {
            match std::fs::read_to_string("/proc/thread-self/schedstat") {
                Ok(s) => {
                    s.split_whitespace()
                        .next()
                        .and_then(|x| x.parse::<f64>().ok())
                        .unwrap_or(0.0)
                        / 1e9
                }
                Err(_) => std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0.0, |d| d.as_secs_f64()),
            }
        }
        let (mut tok_s, mut date_s, mut n) = (f64::MAX, f64::MAX, 0);
        for _ in 0..5 {
            let t0 = now();
            let tokens = crate::text::tokenize(&text);
            let sentences = crate::text::sentences(&text, &tokens);
            let t1 = now();
            let doc = crate::text::Doc {
                text: &text,
                tokens: &tokens,
                sentences: &sentences,
            };
            n = super::find(&doc, &ctx).len();
            let t2 = now();
            tok_s = tok_s.min(t1 - t0);
            date_s = date_s.min(t2 - t1);
        }
        let mb = text.len() as f64 / 1e6;
        println!(
            "{} timexes; tokenize+sentences {:.1} MB/s; date layer {:.1} MB/s",
            n,
            mb / tok_s,
            mb / date_s
        );
    }
}
