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
        Date { year: (y + if m <= 2 { 1 } else { 0 }) as i32, month: m, day: d }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
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
        assert_eq!(Date::parse_iso("2019-01-08T00:00:00").unwrap().to_string(), "2019-01-08");
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
}
