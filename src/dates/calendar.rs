//! Calendar arithmetic on proleptic Gregorian dates: parsing ISO dates, weekdays, adding days and
//! months (with month ends and leap years), ISO weeks.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) && (1..=9999).contains(&year) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Parse `YYYY-MM-DD` (a trailing time such as `T00:00:00` is ignored).
    pub fn parse_iso(s: &str) -> Result<Date, String> {
        let s = s.trim();
        let day_part = s.split(['T', ' ']).next().unwrap_or("");
        let mut it = day_part.split('-');
        let (y, m, d) = (it.next(), it.next(), it.next());
        let bad = || format!("invalid date {s:?}: expected YYYY-MM-DD");
        if it.next().is_some() {
            return Err(bad());
        }
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                let y: i32 = y.parse().map_err(|_| bad())?;
                let m: u8 = m.parse().map_err(|_| bad())?;
                let d: u8 = d.parse().map_err(|_| bad())?;
                Date::new(y, m, d).ok_or_else(|| format!("invalid date {s:?}: no such day"))
            }
            _ => Err(bad()),
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil algorithm (public-domain formula).
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Date {
            year: (y + if m <= 2 { 1 } else { 0 }) as i32,
            month: m,
            day: d,
        }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// Add `n` calendar months, clamping the day to the month's end (Jan 31 + 1 month = Feb 28/29).
    pub fn add_months(self, n: i64) -> Date {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) + n;
        let year = total.div_euclid(12).clamp(1, 9999) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// ISO 8601 week: (week-numbering year, week 1..=53).
    pub fn iso_week(self) -> (i32, u8) {
        // The week belongs to the year of its Thursday.
        let thursday = self.add_days(4 - self.weekday() as i64);
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u8)
    }

    /// Quarter of the year, 1..=4.
    pub fn quarter(self) -> u8 {
        (self.month - 1) / 3 + 1
    }

    /// The `n`-th (1-based) weekday `wd` of a month; `n = 5` or more means the last one.
    pub fn nth_weekday(year: i32, month: u8, wd: u8, n: u8) -> Option<Date> {
        let first = Date::new(year, month, 1)?;
        let offset = (wd as i64 - first.weekday() as i64).rem_euclid(7);
        let mut d = first.add_days(offset + 7 * (n.max(1) as i64 - 1));
        while d.month != month {
            d = d.add_days(-7);
        }
        Some(d)
    }

    /// Western Easter Sunday (anonymous Gregorian computus).
    pub fn easter(year: i32) -> Option<Date> {
        let y = year;
        let a = y % 19;
        let b = y / 100;
        let c = y % 100;
        let d = b / 4;
        let e = b % 4;
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - d - g + 15) % 30;
        let i = c / 4;
        let k = c % 4;
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        Date::new(y, month as u8, day as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print() {
        assert_eq!(Date::parse_iso("2019-01-08").unwrap().to_string(), "2019-01-08");
        assert_eq!(
            Date::parse_iso("2019-01-08T00:00:00").unwrap().to_string(),
            "2019-01-08"
        );
        assert!(Date::parse_iso("2019-02-29").is_err());
        assert!(Date::parse_iso("2020-02-29").is_ok());
        assert!(Date::parse_iso("19-1-8").is_err());
        assert!(Date::parse_iso("").is_err());
    }

    #[test]
    fn weekdays_and_day_arithmetic() {
        let d = Date::parse_iso("2019-01-08").unwrap();
        assert_eq!(d.weekday(), 2); // Tuesday
        assert_eq!(d.add_days(2).to_string(), "2019-01-10");
        assert_eq!(d.add_days(-8).to_string(), "2018-12-31");
        assert_eq!(Date::new(2000, 3, 1).unwrap().add_days(-1).to_string(), "2000-02-29");
        for z in [-800_000i64, -1, 0, 1, 17_000, 2_000_000] {
            assert_eq!(Date::from_days(z).to_days(), z);
        }
    }

    #[test]
    fn months_clamp_to_month_end() {
        let d = Date::new(2019, 1, 31).unwrap();
        assert_eq!(d.add_months(1).to_string(), "2019-02-28");
        assert_eq!(Date::new(2020, 1, 31).unwrap().add_months(1).to_string(), "2020-02-29");
        assert_eq!(d.add_months(-1).to_string(), "2018-12-31");
        assert_eq!(d.add_months(-13).to_string(), "2017-12-31");
        assert_eq!(Date::new(2019, 3, 15).unwrap().add_months(12).to_string(), "2020-03-15");
    }

    #[test]
    fn iso_weeks_at_year_edges() {
        assert_eq!(Date::new(2019, 1, 8).unwrap().iso_week(), (2019, 2));
        assert_eq!(Date::new(2018, 12, 31).unwrap().iso_week(), (2019, 1));
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(Date::new(1989, 10, 30).unwrap().iso_week(), (1989, 44));
        assert_eq!(Date::new(2016, 1, 1).unwrap().iso_week(), (2015, 53));
    }

    #[test]
    fn holidays_arithmetic() {
        // Thanksgiving: fourth Thursday of November
        assert_eq!(Date::nth_weekday(1998, 11, 4, 4).unwrap().to_string(), "1998-11-26");
        // Memorial Day: last Monday of May
        assert_eq!(Date::nth_weekday(2019, 5, 1, 5).unwrap().to_string(), "2019-05-27");
        assert_eq!(Date::easter(2019).unwrap().to_string(), "2019-04-21");
        assert_eq!(Date::easter(2000).unwrap().to_string(), "2000-04-23");
        assert_eq!(Date::new(2019, 11, 30).unwrap().quarter(), 4);
    }
}
