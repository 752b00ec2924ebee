//! Holidays and named days: `Christmas`, `New Year's Day`, `Thanksgiving` (fourth Thursday of
//! November), `Easter` (computed), `Labor Day`… each computed for its year.

use super::calendar::Date;
use super::lex::Toks;
use super::normalize::{Dir, Val, YearRef};
use super::relative::year_at;
use super::{Cand, Context};
use crate::model::TimexType;

/// A holiday's rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// Fixed month and day.
    Fixed(u8, u8),
    /// n-th weekday of a month (n = 5: the last).
    Nth { month: u8, wd: u8, n: u8 },
    /// Days from Easter Sunday.
    Easter(i8),
    /// US Election Day: the Tuesday after the first Monday of November.
    Election,
}

/// Names (lower-cased token sequences) and their rules; "day" after a name is optional unless
/// listed.
const NAMES: &[(&[&str], Holiday)] = &[
    (&["christmas", "eve"], Holiday::Fixed(12, 24)),
    (&["christmas", "day"], Holiday::Fixed(12, 25)),
    (&["christmas"], Holiday::Fixed(12, 25)),
    (&["new", "year", "'s", "eve"], Holiday::Fixed(12, 31)),
    (&["new", "year", "'s", "day"], Holiday::Fixed(1, 1)),
    (&["new", "year", "'s"], Holiday::Fixed(1, 1)),
    (&["boxing", "day"], Holiday::Fixed(12, 26)),
    (&["valentine", "'s", "day"], Holiday::Fixed(2, 14)),
    (&["halloween"], Holiday::Fixed(10, 31)),
    (&["independence", "day"], Holiday::Fixed(7, 4)),
    (&["veterans", "day"], Holiday::Fixed(11, 11)),
    (&["armistice", "day"], Holiday::Fixed(11, 11)),
    (&["bastille", "day"], Holiday::Fixed(7, 14)),
    (&["may", "day"], Holiday::Fixed(5, 1)),
    (&["international", "women", "'s", "day"], Holiday::Fixed(3, 8)),
    (&["thanksgiving", "day"], Holiday::Nth { month: 11, wd: 4, n: 4 }),
    (&["thanksgiving"], Holiday::Nth { month: 11, wd: 4, n: 4 }),
    (&["labor", "day"], Holiday::Nth { month: 9, wd: 1, n: 1 }),
    (&["memorial", "day"], Holiday::Nth { month: 5, wd: 1, n: 5 }),
    (&["mother", "'s", "day"], Holiday::Nth { month: 5, wd: 7, n: 2 }),
    (&["father", "'s", "day"], Holiday::Nth { month: 6, wd: 7, n: 3 }),
    (
        &["martin", "luther", "king", "day"],
        Holiday::Nth { month: 1, wd: 1, n: 3 },
    ),
    (&["presidents", "day"], Holiday::Nth { month: 2, wd: 1, n: 3 }),
    (&["presidents", "'", "day"], Holiday::Nth { month: 2, wd: 1, n: 3 }),
    (&["columbus", "day"], Holiday::Nth { month: 10, wd: 1, n: 2 }),
    (&["easter", "sunday"], Holiday::Easter(0)),
    (&["easter", "monday"], Holiday::Easter(1)),
    (&["easter"], Holiday::Easter(0)),
    (&["good", "friday"], Holiday::Easter(-2)),
    (&["ash", "wednesday"], Holiday::Easter(-46)),
    (&["palm", "sunday"], Holiday::Easter(-7)),
    (&["pentecost"], Holiday::Easter(49)),
    (&["election", "day"], Holiday::Election),
];

/// The holiday's date in `year`.
pub fn in_year(h: Holiday, year: i32) -> Option<Date> {
    match h {
        Holiday::Fixed(m, d) => Date::new(year, m, d),
        Holiday::Nth { month, wd, n } => Date::nth_weekday(year, month, wd, n),
        Holiday::Easter(off) => Some(Date::easter(year)?.add_days(off as i64)),
        Holiday::Election => Some(Date::nth_weekday(year, 11, 1, 1)?.add_days(1)),
    }
}

/// The holiday's date for a given or inferred year.
pub fn resolve(h: Holiday, y: Option<YearRef>, dir: Dir, r: Option<Date>) -> Option<Date> {
    match y {
        Some(YearRef::Abs(y)) => in_year(h, y),
        Some(YearRef::Rel(n)) => in_year(h, r?.year + n),
        None => {
            let r = r?;
            let c: Vec<Date> = (r.year - 1..=r.year + 1).filter_map(|y| in_year(h, y)).collect();
            let rd = r.to_days();
            match dir {
                Dir::Past => c.iter().copied().filter(|d| d.to_days() <= rd).max(),
                Dir::Before => c.iter().copied().filter(|d| d.to_days() < rd).max(),
                Dir::Future => c.iter().copied().filter(|d| d.to_days() >= rd).min(),
                Dir::After => c.iter().copied().filter(|d| d.to_days() > rd).min(),
                Dir::Near | Dir::Auto | Dir::NearPast | Dir::NearFuture | Dir::Recent => c.iter().copied().min_by_key(|d| (d.to_days() - rd).abs()),
            }
        }
    }
}

/// Value with no year known.
pub fn unanchored(h: Holiday) -> String {
    match h {
        Holiday::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
        _ => "XXXX-XX-XX".to_string(),
    }
}

pub fn at(tk: &Toks, i: usize, _ctx: &Context) -> Option<Cand> {
    let (mut dir, start) = match tk.w(i) {
        "last" => (Dir::Before, i + 1),
        "next" => (Dir::After, i + 1),
        "this" => (Dir::Near, i + 1),
        _ => (Dir::Auto, i),
    };
    if !tk.cap(start) {
        return None;
    }
    for (words, h) in NAMES {
        if words.iter().enumerate().all(|(k, w)| tk.w(start + k) == *w) {
            let mut e = start + words.len();
            if words.len() == 1 && tk.w(e) == "day" && tk.cap(e) {
                e += 1;
            }
            // "Christmas tree", "Easter egg": a following lower-case noun makes it a modifier
            let next = tk.raw(e);
            if matches!(
                tk.w(e),
                "tree"
                    | "trees"
                    | "egg"
                    | "eggs"
                    | "card"
                    | "cards"
                    | "island"
                    | "party"
                    | "parties"
                    | "shopping"
                    | "sales"
                    | "season"
                    | "carol"
                    | "carols"
                    | "rising"
                    | "bunny"
                    | "dinner"
                    | "turkey"
                    | "market"
                    | "markets"
                    | "special"
                    | "gift"
                    | "gifts"
            ) && !next.is_empty()
            {
                return None;
            }
            let mut y = None;
            let k = if tk.w(e) == "," { e + 1 } else { e };
            if let Some((yy, kk)) = year_at(tk, k) {
                y = Some(YearRef::Abs(yy));
                e = kk;
            }
            if y.is_some() {
                dir = Dir::Auto;
            }
            // "Easter week", "Christmas week": the ISO week that holds the holiday, the nearest
            // one (the week may have begun before the day itself: "as Easter week began")
            if tk.w(e) == "week" && tk.same_sent(i, e) {
                let dir = if dir == Dir::Auto && y.is_none() { Dir::Near } else { dir };
                let day = Val::Holiday { h: *h, y, dir };
                return Some(Cand::new(i, e + 1, TimexType::Date, Val::WeekOf(Box::new(day))));
            }
            return Some(Cand::new(i, e, TimexType::Date, Val::Holiday { h: *h, y, dir }));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::dates::testutil::one;

    #[test]
    fn holiday_weeks() {
        // Easter 2000 fell on April 23 (ISO week 16): the week has begun though the day lies ahead
        assert_eq!(
            one("Protesters prayed as Easter week began.", "2000-04-17"),
            "Easter week|DATE|2000-W16"
        );
        assert_eq!(one("Sales in Christmas week rose.", "1999-01-10"), "Christmas week|DATE|1998-W52");
        assert_eq!(one("Sales in Christmas week rose.", ""), "Christmas week|DATE|XXXX-WXX");
        // "Easter weekend" is no week of the holiday
        assert_eq!(one("He left over Easter weekend.", "2000-04-17").contains("W16"), false);
    }

    #[test]
    fn computed_per_year() {
        assert_eq!(
            one("They met on Thanksgiving Day.", "1998-12-01"),
            "Thanksgiving Day|DATE|1998-11-26"
        );
        assert_eq!(
            one("They met last Thanksgiving.", "1999-01-05"),
            "last Thanksgiving|DATE|1998-11-26"
        );
        assert_eq!(one("It opens on Christmas 2019.", ""), "Christmas 2019|DATE|2019-12-25");
        assert_eq!(
            one("It opens on New Year's Day.", "2018-12-20"),
            "New Year's Day|DATE|2019-01-01"
        );
        assert_eq!(
            one("He was seen on Easter Sunday.", "2019-05-01"),
            "Easter Sunday|DATE|2019-04-21"
        );
        assert_eq!(one("He was seen on Christmas.", ""), "Christmas|DATE|XXXX-12-25");
        assert_eq!(
            one("From now to Election Day.", "1998-10-26"),
            "now|DATE|PRESENT_REF; Election Day|DATE|1998-11-03"
        );
    }

    #[test]
    fn traps() {
        assert_eq!(one("A Christmas tree fell.", "2019-01-08"), "");
        assert_eq!(one("They visited Easter Island.", "2019-01-08"), "");
    }
}
