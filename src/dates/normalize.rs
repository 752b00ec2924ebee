//! The normaliser: turns what a pattern understood (a [`Val`]: "the Friday before", "two years
//! back", "the third quarter") into a TIMEX3 value string, doing the calendar arithmetic against the
//! reference date. With no reference date, anchored parts degrade to `X` (`XXXX-01-07`).

use super::calendar::Date;
use super::lex::Unit;

/// Which occurrence of a partial date is meant, relative to the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// Not yet decided: the sentence's tense decides (see `tense.rs`); else the nearest.
    Auto,
    /// On or before the reference date ("said Friday").
    Past,
    /// On or after the reference date ("will meet Friday").
    Future,
    /// Strictly before ("last Friday", "last April").
    Before,
    /// Strictly after ("next Friday").
    After,
    /// The nearest one ("this Friday", "this September").
    Near,
    /// The nearest one, counting the future at double distance: news mostly looks back.
    NearPast,
    /// The nearest one, counting the past at double distance: a deadline ("by August",
    /// "effective June 1") mostly looks ahead.
    NearFuture,
    /// A month told in the past tense: on or before the reference, unless that is a year back while
    /// the next one is a step ahead ("placed orders for November transactions" late in October).
    Recent,
}

/// A year: absolute, or relative to the reference year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearRef {
    Abs(i32),
    Rel(i32),
}

/// Part of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Quarter(u8),
    Half(u8),
    /// SP, SU, FA, WI as 0..=3.
    Season(u8),
}

/// Time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tod {
    /// Hour, minute and the zone's offset from UTC in minutes when the text gives one (`Some(0)`
    /// for UTC/GMT → `Z`; `EST` → `-05:00`).
    Clock { h: u8, m: u8, zone: Option<i16> },
    /// `MO`, `AF`, `EV`, `NI`.
    Part(&'static str),
}

/// What a pattern understood, before calendar arithmetic.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    /// A final value.
    Lit(&'static str),
    Str(String),
    /// A calendar month (and day): year given, or inferred in direction `dir`.
    Cal {
        y: Option<YearRef>,
        m: u8,
        d: Option<u8>,
        dir: Dir,
    },
    /// A year.
    Year(YearRef),
    /// A weekday (Monday = 1) near the reference date.
    Weekday {
        wd: u8,
        dir: Dir,
    },
    /// `n` units from the reference date, printed at that unit's granularity.
    Offset {
        unit: Unit,
        n: i64,
    },
    /// Quarter, half or season of a year.
    Part {
        y: Option<YearRef>,
        part: Part,
        dir: Dir,
    },
    /// A decade (`199` for the 1990s) or century (`19` for the 20th), absolute.
    Decade(i32),
    Century(i32),
    /// A duration: amount in tenths (None: unspecified `X`) of a unit.
    Dur {
        amt: Option<u32>,
        unit: Unit,
    },
    /// The ISO week that holds a day ("the week of March 6").
    WeekOf(Box<Val>),
    /// `n` days from a day ("the day before last Tuesday", "the day after Christmas").
    DayShift(Box<Val>, i8),
    /// A time of day on a day.
    Time {
        day: Box<Val>,
        tod: Tod,
    },
    /// A fixed or computed holiday in a year.
    Holiday {
        h: super::holidays::Holiday,
        y: Option<YearRef>,
        dir: Dir,
    },
}

fn year_of(y: YearRef, r: Option<Date>) -> Option<i32> {
    match (y, r) {
        (YearRef::Abs(y), _) => Some(y),
        (YearRef::Rel(n), Some(r)) => Some(r.year + n),
        (YearRef::Rel(_), None) => None,
    }
}

fn yfmt(y: Option<i32>) -> String {
    match y {
        Some(y) if (0..=9999).contains(&y) => format!("{y:04}"),
        _ => "XXXX".to_string(),
    }
}

/// Choose among candidate positions (`idx` of year-1, year, year+1 in a linear index) the one the
/// direction asks for, given the reference's index.
fn pick(cands: [i64; 3], r: i64, dir: Dir) -> i64 {
    match dir {
        Dir::Past => cands.iter().copied().filter(|&c| c <= r).max().unwrap_or(cands[0]),
        Dir::Future => cands.iter().copied().filter(|&c| c >= r).min().unwrap_or(cands[2]),
        Dir::Before => cands.iter().copied().filter(|&c| c < r).max().unwrap_or(cands[0]),
        Dir::After => cands.iter().copied().filter(|&c| c > r).min().unwrap_or(cands[2]),
        Dir::Near | Dir::Auto | Dir::NearPast | Dir::NearFuture | Dir::Recent => {
            let w = |c: i64| match dir {
                Dir::NearPast if c > r => 2 * (c - r),
                Dir::NearFuture if c < r => 2 * (r - c),
                Dir::Recent if c > r => 5 * (c - r),
                _ => (c - r).abs(),
            };
            let mut best = cands[1];
            for &c in &cands {
                let (dc, db) = (w(c), w(best));
                if dc < db || (dc == db && c < best) {
                    best = c;
                }
            }
            best
        }
    }
}

/// The year a (month, day) falls in, seen from `r` in direction `dir`.
fn infer_year(r: Date, m: u8, d: Option<u8>, dir: Dir) -> i32 {
    let idx = |y: i32| -> i64 {
        match d {
            Some(d) => {
                let dd = d.min(super::calendar::days_in_month(y, m));
                Date {
                    year: y,
                    month: m,
                    day: dd,
                }
                .to_days()
            }
            None => y as i64 * 12 + m as i64,
        }
    };
    let rr = match d {
        Some(_) => r.to_days(),
        None => r.year as i64 * 12 + r.month as i64,
    };
    let c = [idx(r.year - 1), idx(r.year), idx(r.year + 1)];
    // "last February" told in March is a year back: the month just past would be "last month"
    // (and "next April" told in March is a year ahead likewise)
    let rr = match (d, dir) {
        (None, Dir::Before) => rr - 1,
        (None, Dir::After) => rr + 1,
        _ => rr,
    };
    let p = pick(c, rr, dir);
    if p == c[0] {
        r.year - 1
    } else if p == c[2] {
        r.year + 1
    } else {
        r.year
    }
}

/// Season index of a date: (year the season is named by, 0..=3 for SP SU FA WI).
fn season_of(d: Date) -> (i32, u8) {
    match d.month {
        3..=5 => (d.year, 0),
        6..=8 => (d.year, 1),
        9..=11 => (d.year, 2),
        12 => (d.year, 3),
        _ => (d.year - 1, 3),
    }
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// The weekday `wd` near `r` in direction `dir`.
pub fn weekday_near(r: Date, wd: u8, dir: Dir) -> Date {
    let delta = wd as i64 - r.weekday() as i64; // -6..=6
    let past = if delta <= 0 { delta } else { delta - 7 };
    let fut = if delta >= 0 { delta } else { delta + 7 };
    let off = match dir {
        Dir::Past => past,
        Dir::Future => fut,
        Dir::Before => {
            if past == 0 {
                -7
            } else {
                past
            }
        }
        Dir::After => {
            if fut == 0 {
                7
            } else {
                fut
            }
        }
        // "this Saturday": the day of the reference date's week (Monday to Sunday)
        Dir::Near => delta,
        Dir::Auto | Dir::NearPast | Dir::NearFuture | Dir::Recent => {
            if -past <= fut {
                past
            } else {
                fut
            }
        }
    };
    r.add_days(off)
}

/// Print a day-level date (or `XXXX-XX-XX`-style placeholder).
fn fmt_day(d: Option<Date>) -> String {
    match d {
        Some(d) => d.to_string(),
        None => "XXXX-XX-XX".to_string(),
    }
}

/// Print a point `n` units from `r` at that unit's granularity.
fn offset(r: Option<Date>, unit: Unit, n: i64) -> String {
    let Some(r) = r else {
        return match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX".into(),
            Unit::Week => "XXXX-WXX".into(),
            Unit::Weekend => "XXXX-WXX-WE".into(),
            Unit::Month => "XXXX-XX".into(),
            Unit::Quarter => "XXXX-QX".into(),
            Unit::Half => "XXXX-HX".into(),
            Unit::Year => "XXXX".into(),
            Unit::Decade => "XXX".into(),
            Unit::Century => "XX".into(),
            Unit::Millennium => "X".into(),
        };
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => r.add_days(n).to_string(),
        Unit::Week | Unit::Weekend => {
            let (y, w) = r.add_days(7 * n).iso_week();
            if unit == Unit::Weekend {
                format!("{y:04}-W{w:02}-WE")
            } else {
                format!("{y:04}-W{w:02}")
            }
        }
        Unit::Month => {
            let d = r.add_months(n);
            format!("{:04}-{:02}", d.year, d.month)
        }
        Unit::Quarter => {
            let q = r.year as i64 * 4 + (r.quarter() as i64 - 1) + n;
            format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
        }
        Unit::Half => {
            let h = r.year as i64 * 2 + if r.month <= 6 { 0 } else { 1 } + n;
            format!("{:04}-H{}", h.div_euclid(2), h.rem_euclid(2) + 1)
        }
        Unit::Year => yfmt(Some(r.year + n as i32)),
        Unit::Decade => format!("{:03}", (r.year as i64).div_euclid(10) + n),
        Unit::Century => format!("{:02}", (r.year as i64).div_euclid(100) + n),
        Unit::Millennium => format!("{}", (r.year as i64).div_euclid(1000) + n),
    }
}

/// Duration code for a unit: (letter(s), needs `T`).
fn dur_code(unit: Unit) -> (&'static str, bool) {
    match unit {
        Unit::Second => ("S", true),
        Unit::Minute => ("M", true),
        Unit::Hour => ("H", true),
        Unit::Day => ("D", false),
        Unit::Weekend => ("WE", false),
        Unit::Week => ("W", false),
        Unit::Month => ("M", false),
        Unit::Quarter => ("Q", false),
        Unit::Half => ("H", false),
        Unit::Year => ("Y", false),
        // TimeML's TIMEX3 letters (TimeBank writes `P1E`, `PXC`, `P2L`), not TIMEX2's DE/CE/ML
        Unit::Decade => ("E", false),
        Unit::Century => ("C", false),
        Unit::Millennium => ("L", false),
    }
}

/// `P3Y`, `PT1H`, `PXM`, `P2.5Y`.
pub fn duration(amt: Option<u32>, unit: Unit) -> String {
    // a half of a unit is written in the next unit down: P2Y6M, PT5H30M, PT1M30S
    if let Some(v) = amt {
        if v % 10 == 5 {
            let n = v / 10;
            let lower = match unit {
                Unit::Year => Some(("M", 6, false)),
                Unit::Month => Some(("D", 15, false)),
                Unit::Day => Some(("H", 12, true)),
                Unit::Hour => Some(("M", 30, true)),
                Unit::Minute => Some(("S", 30, true)),
                _ => None,
            };
            if let Some((lc, lv, lt)) = lower {
                let (c, t) = dur_code(unit);
                let head = if n > 0 { format!("{n}{c}") } else { String::new() };
                if t || !lt {
                    return format!("P{}{head}{lv}{lc}", if t { "T" } else { "" });
                }
                // a day and a half: P1DT12H
                return format!("P{head}T{lv}{lc}");
            }
        }
    }
    let (c, t) = dur_code(unit);
    let n = match amt {
        None => "X".to_string(),
        Some(v) if v % 10 == 0 => (v / 10).to_string(),
        Some(v) => format!("{}.{}", v / 10, v % 10),
    };
    format!("P{}{}{}", if t { "T" } else { "" }, n, c)
}

/// The day a value denotes, when it denotes one day.
pub fn day_of(v: &Val, r: Option<Date>) -> Option<Date> {
    match v {
        Val::Cal { y, m, d: Some(d), dir } => {
            let year = match y {
                Some(y) => year_of(*y, r)?,
                None => infer_year(r?, *m, Some(*d), *dir),
            };
            Date::new(year, *m, *d)
        }
        Val::Weekday { wd, dir } => Some(weekday_near(r?, *wd, *dir)),
        Val::Offset { unit: Unit::Day, n } => Some(r?.add_days(*n)),
        Val::Holiday { h, y, dir } => super::holidays::resolve(*h, *y, *dir, r),
        _ => None,
    }
}

/// The TIMEX3 value of `v` against the reference date `r`.
/// ISO 8601 zone designator for an offset from UTC in minutes: `Z`, `-05:00`, `+05:30`, or nothing.
fn zone_suffix(zone: Option<i16>) -> String {
    match zone {
        None => String::new(),
        Some(0) => "Z".to_string(),
        Some(z) => {
            let sign = if z < 0 { '-' } else { '+' };
            let a = z.unsigned_abs();
            format!("{sign}{:02}:{:02}", a / 60, a % 60)
        }
    }
}

pub fn value(v: &Val, r: Option<Date>) -> String {
    match v {
        Val::Lit(s) => s.to_string(),
        Val::Str(s) => s.clone(),
        Val::Cal { y, m, d, dir } => {
            let year = match y {
                Some(y) => year_of(*y, r),
                None => r.map(|r| infer_year(r, *m, *d, *dir)),
            };
            match d {
                Some(d) => format!("{}-{:02}-{:02}", yfmt(year), m, d),
                None => format!("{}-{:02}", yfmt(year), m),
            }
        }
        Val::Year(y) => yfmt(year_of(*y, r)),
        Val::WeekOf(day) => match Date::parse_iso(&value(day, r)) {
            Ok(d) => {
                let (y, w) = d.iso_week();
                format!("{y:04}-W{w:02}")
            }
            Err(_) => "XXXX-WXX".to_string(),
        },
        Val::DayShift(day, n) => match Date::parse_iso(&value(day, r)) {
            Ok(d) => d.add_days(*n as i64).to_string(),
            Err(_) => "XXXX-XX-XX".to_string(),
        },
        Val::Weekday { wd, dir } => match r {
            Some(r) => weekday_near(r, *wd, *dir).to_string(),
            None => format!("XXXX-WXX-{wd}"),
        },
        Val::Offset { unit, n } => offset(r, *unit, *n),
        Val::Part { y, part, dir } => {
            let year = match y {
                Some(y) => year_of(*y, r),
                None => r.map(|r| match part {
                    Part::Quarter(q) => {
                        let c = [
                            (r.year - 1) as i64 * 4 + *q as i64,
                            r.year as i64 * 4 + *q as i64,
                            (r.year + 1) as i64 * 4 + *q as i64,
                        ];
                        let p = pick(c, r.year as i64 * 4 + r.quarter() as i64, *dir);
                        (p - *q as i64) as i32 / 4
                    }
                    Part::Half(h) => {
                        let rh = if r.month <= 6 { 1 } else { 2 };
                        let c = [
                            (r.year - 1) as i64 * 2 + *h as i64,
                            r.year as i64 * 2 + *h as i64,
                            (r.year + 1) as i64 * 2 + *h as i64,
                        ];
                        let p = pick(c, r.year as i64 * 2 + rh, *dir);
                        (p - *h as i64) as i32 / 2
                    }
                    Part::Season(s) => {
                        let (ry, rs) = season_of(r);
                        let c = [
                            (ry - 1) as i64 * 4 + *s as i64,
                            ry as i64 * 4 + *s as i64,
                            (ry + 1) as i64 * 4 + *s as i64,
                        ];
                        let p = pick(c, ry as i64 * 4 + rs as i64, *dir);
                        (p - *s as i64) as i32 / 4
                    }
                }),
            };
            match part {
                Part::Quarter(q) => format!("{}-Q{q}", yfmt(year)),
                Part::Half(h) => format!("{}-H{h}", yfmt(year)),
                Part::Season(s) => format!("{}-{}", yfmt(year), SEASONS[*s as usize & 3]),
            }
        }
        Val::Decade(d) => format!("{d:03}"),
        Val::Century(c) => format!("{c:02}"),
        Val::Dur { amt, unit } => duration(*amt, *unit),
        Val::Time { day, tod } => {
            let base = match day.as_ref() {
                Val::Offset { unit: Unit::Day, n } => r.map(|r| r.add_days(*n)),
                other => day_of(other, r),
            };
            let base = match (base, day.as_ref()) {
                (Some(d), _) => d.to_string(),
                (None, Val::Weekday { wd, .. }) => format!("XXXX-WXX-{wd}"),
                (None, Val::Cal { m, d: Some(d), .. }) => format!("XXXX-{m:02}-{d:02}"),
                (None, _) => fmt_day(None),
            };
            match tod {
                Tod::Clock { h, m, zone } => format!("{base}T{h:02}:{m:02}{}", zone_suffix(*zone)),
                Tod::Part(p) => format!("{base}T{p}"),
            }
        }
        Val::Holiday { h, y, dir } => match super::holidays::resolve(*h, *y, *dir, r) {
            Some(d) => d.to_string(),
            None => super::holidays::unanchored(*h),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        Some(Date::parse_iso(s).unwrap())
    }

    #[test]
    fn weekdays_follow_direction() {
        // 2019-01-08 is a Tuesday
        let r = d("2019-01-08");
        assert_eq!(value(&Val::Weekday { wd: 7, dir: Dir::Past }, r), "2019-01-06");
        assert_eq!(
            value(
                &Val::Weekday {
                    wd: 4,
                    dir: Dir::Future
                },
                r
            ),
            "2019-01-10"
        );
        assert_eq!(value(&Val::Weekday { wd: 2, dir: Dir::Past }, r), "2019-01-08");
        assert_eq!(
            value(
                &Val::Weekday {
                    wd: 2,
                    dir: Dir::Before
                },
                r
            ),
            "2019-01-01"
        );
        assert_eq!(value(&Val::Weekday { wd: 2, dir: Dir::After }, r), "2019-01-15");
        assert_eq!(value(&Val::Weekday { wd: 1, dir: Dir::Near }, r), "2019-01-07");
        assert_eq!(value(&Val::Weekday { wd: 1, dir: Dir::Near }, None), "XXXX-WXX-1");
    }

    #[test]
    fn months_and_days_infer_the_year() {
        let r = d("2019-01-08");
        assert_eq!(
            value(
                &Val::Cal {
                    y: None,
                    m: 12,
                    d: Some(30),
                    dir: Dir::Near
                },
                r
            ),
            "2018-12-30"
        );
        assert_eq!(
            value(
                &Val::Cal {
                    y: None,
                    m: 12,
                    d: None,
                    dir: Dir::Future
                },
                r
            ),
            "2019-12"
        );
        assert_eq!(
            value(
                &Val::Cal {
                    y: None,
                    m: 1,
                    d: None,
                    dir: Dir::Before
                },
                r
            ),
            "2018-01"
        );
        assert_eq!(
            value(
                &Val::Cal {
                    y: None,
                    m: 1,
                    d: Some(7),
                    dir: Dir::Near
                },
                None
            ),
            "XXXX-01-07"
        );
        // the future counts double: Oct. 23 seen from May 6 is last October, not next
        assert_eq!(
            value(
                &Val::Cal {
                    y: None,
                    m: 10,
                    d: Some(23),
                    dir: Dir::NearPast
                },
                d("1999-05-06")
            ),
            "1998-10-23"
        );
        assert_eq!(
            value(
                &Val::Cal {
                    y: None,
                    m: 12,
                    d: Some(15),
                    dir: Dir::NearPast
                },
                d("1989-11-02")
            ),
            "1989-12-15"
        );
        assert_eq!(
            value(
                &Val::Cal {
                    y: Some(YearRef::Rel(-1)),
                    m: 6,
                    d: None,
                    dir: Dir::Auto
                },
                r
            ),
            "2018-06"
        );
    }

    #[test]
    fn offsets_print_at_their_granularity() {
        let r = d("1998-03-01");
        assert_eq!(value(&Val::Offset { unit: Unit::Day, n: -1 }, r), "1998-02-28");
        assert_eq!(
            value(
                &Val::Offset {
                    unit: Unit::Week,
                    n: -1
                },
                r
            ),
            "1998-W08"
        );
        assert_eq!(
            value(
                &Val::Offset {
                    unit: Unit::Month,
                    n: -1
                },
                r
            ),
            "1998-02"
        );
        assert_eq!(
            value(
                &Val::Offset {
                    unit: Unit::Quarter,
                    n: -1
                },
                r
            ),
            "1997-Q4"
        );
        assert_eq!(value(&Val::Offset { unit: Unit::Year, n: 1 }, r), "1999");
        assert_eq!(
            value(
                &Val::Offset {
                    unit: Unit::Decade,
                    n: -1
                },
                r
            ),
            "198"
        );
        assert_eq!(
            value(
                &Val::Offset {
                    unit: Unit::Century,
                    n: 0
                },
                r
            ),
            "19"
        );
        assert_eq!(
            value(
                &Val::Offset {
                    unit: Unit::Weekend,
                    n: 0
                },
                r
            ),
            "1998-W09-WE"
        );
        assert_eq!(
            value(
                &Val::Offset {
                    unit: Unit::Month,
                    n: -1
                },
                None
            ),
            "XXXX-XX"
        );
    }

    #[test]
    fn parts_of_years() {
        let r = d("1989-11-02");
        assert_eq!(
            value(
                &Val::Part {
                    y: None,
                    part: Part::Quarter(3),
                    dir: Dir::Past
                },
                r
            ),
            "1989-Q3"
        );
        assert_eq!(
            value(
                &Val::Part {
                    y: None,
                    part: Part::Quarter(4),
                    dir: Dir::Past
                },
                r
            ),
            "1989-Q4"
        );
        assert_eq!(
            value(
                &Val::Part {
                    y: None,
                    part: Part::Quarter(1),
                    dir: Dir::Future
                },
                r
            ),
            "1990-Q1"
        );
        assert_eq!(
            value(
                &Val::Part {
                    y: None,
                    part: Part::Season(2),
                    dir: Dir::Before
                },
                d("1998-02-06")
            ),
            "1997-FA"
        );
        assert_eq!(
            value(
                &Val::Part {
                    y: None,
                    part: Part::Season(1),
                    dir: Dir::Near
                },
                d("1998-03-22")
            ),
            "1998-SU"
        );
        assert_eq!(
            value(
                &Val::Part {
                    y: Some(YearRef::Abs(2018)),
                    part: Part::Season(1),
                    dir: Dir::Auto
                },
                None
            ),
            "2018-SU"
        );
    }

    #[test]
    fn durations_and_times() {
        assert_eq!(duration(Some(30), Unit::Year), "P3Y");
        assert_eq!(duration(Some(10), Unit::Hour), "PT1H");
        assert_eq!(duration(None, Unit::Month), "PXM");
        assert_eq!(duration(Some(25), Unit::Year), "P2Y6M");
        assert_eq!(duration(Some(15), Unit::Minute), "PT1M30S");
        assert_eq!(duration(Some(15), Unit::Day), "P1DT12H");
        assert_eq!(duration(Some(5), Unit::Hour), "PT30M");
        // decades, centuries, millennia: TimeML's one-letter units, never TIMEX2's two letters
        assert_eq!(duration(None, Unit::Century), "PXC");
        assert_eq!(duration(Some(20), Unit::Decade), "P2E");
        assert_eq!(duration(Some(10), Unit::Millennium), "P1L");
        assert_ne!(duration(None, Unit::Century), "PXCE");
        let r = d("2019-01-08");
        let t = Val::Time {
            day: Box::new(Val::Weekday { wd: 2, dir: Dir::Past }),
            tod: Tod::Part("MO"),
        };
        assert_eq!(value(&t, r), "2019-01-08TMO");
        let t = Val::Time {
            day: Box::new(Val::Offset { unit: Unit::Day, n: 0 }),
            tod: Tod::Clock { h: 18, m: 0, zone: Some(0) },
        };
        assert_eq!(value(&t, r), "2019-01-08T18:00Z");
        assert_eq!(value(&t, None), "XXXX-XX-XXT18:00Z");
        let t = Val::Time {
            day: Box::new(Val::Offset { unit: Unit::Day, n: 0 }),
            tod: Tod::Clock { h: 10, m: 30, zone: Some(-300) },
        };
        assert_eq!(value(&t, r), "2019-01-08T10:30-05:00");
        assert_eq!(zone_suffix(Some(330)), "+05:30");
        assert_eq!(zone_suffix(None), "");
    }

    #[test]
    fn last_month_name_skips_the_month_just_past() {
        // "last February" told in March is a year back ("last month" would name the one just past)
        let r = Date::parse_iso("1998-03-01").unwrap();
        assert_eq!(infer_year(r, 2, None, Dir::Before), 1997);
        assert_eq!(infer_year(r, 1, None, Dir::Before), 1998);
        assert_eq!(infer_year(r, 3, None, Dir::Before), 1997);
        // and "next April" told in March a year ahead
        assert_eq!(infer_year(r, 4, None, Dir::After), 1999);
        assert_eq!(infer_year(r, 5, None, Dir::After), 1998);
        // a day keeps the strict order
        assert_eq!(infer_year(r, 2, Some(20), Dir::Before), 1998);
    }
}
