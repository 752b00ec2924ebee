//! Numeric dates: ISO `2019-01-07`, slashed `1/7/2019` (US order unless day-first), years standing
//! alone where they are years (`in 2018`, not `2,018 people`, `$2018`, `Apple's 2018 iPhone`, a phone
//! number or a score), year spans (`2015-16`), decades (`the 1990s`, `'90s`), `fiscal 1989`, and
//! spoken years (`nineteen ninety-six`, `the year two thousand`).

use super::calendar::Date;
use super::lex::{small_number, unit_of, Toks};
use super::normalize::{Dir, Tod, Val, YearRef};
use super::{Cand, Context};
use crate::model::TimexType;

fn date(s: usize, e: usize, v: Val) -> Cand {
    Cand::new(s, e, TimexType::Date, v)
}

/// Words after a number that make it a count, not a year.
const COUNTED: &[&str] = &[
    "%",
    "percent",
    "people",
    "persons",
    "votes",
    "points",
    "tons",
    "tonnes",
    "shares",
    "feet",
    "foot",
    "meters",
    "metres",
    "miles",
    "km",
    "kilometers",
    "kilometres",
    "dollars",
    "euros",
    "yen",
    "pounds",
    "cars",
    "vehicles",
    "troops",
    "soldiers",
    "students",
    "workers",
    "jobs",
    "members",
    "residents",
    "cases",
    "deaths",
    "homes",
    "houses",
    "units",
    "barrels",
    "acres",
    "kilograms",
    "kg",
    "lb",
    "lbs",
    "hp",
    "cc",
    "rpm",
    "mph",
    "degrees",
    "calories",
    "words",
    "pages",
    "times",
    "hours",
    "minutes",
    "seconds",
    "days",
    "weeks",
    "months",
    "years",
    "more",
    "fewer",
    "other",
    "others",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "employees",
    "patients",
    "children",
    "men",
    "women",
    "copies",
    "runs",
    "yards",
    "laps",
    "seats",
    "rooms",
    "beds",
    "households",
    "families",
    "firms",
    "companies",
    "visitors",
    "tourists",
    "passengers",
    "fans",
    "users",
    "customers",
    "voters",
    "delegates",
    "officers",
    "police",
    "victims",
    "refugees",
    "prisoners",
    "signatures",
    "items",
    "sq",
    "square",
    "cubic",
    "ft",
    "m",
    "cm",
    "mm",
    "kb",
    "mb",
    "gb",
    "x",
    "*",
    "/",
    "+",
    "=",
];

const STREETS: &[&str] = &[
    "street",
    "st.",
    "avenue",
    "ave.",
    "road",
    "rd.",
    "boulevard",
    "blvd.",
    "lane",
    "drive",
    "way",
    "place",
];

const YEAR_PREPS: &[&str] = &[
    "in", "since", "of", "from", "by", "until", "till", "before", "after", "around", "circa", "c.", "during",
    "through", "between", "and", "to", "early", "late", "mid", "fiscal", "year", "the", "for", "as", "summer",
    "winter", "spring", "fall", "autumn",
];

/// Is the 4-digit number at `i` a year here?
/// The clock time of an ISO date-time whose day token carries it, lower-cased: "08t10:00",
/// "08t10:00:30z" (seconds are kept in the span, not in the value; `z` is UTC).
fn iso_clock(dw: &str) -> Option<Tod> {
    let clock = dw.get(3..)?;
    let (clock, zulu) = match clock.strip_suffix('z') {
        Some(c) => (c, true),
        None => (clock, false),
    };
    let mut parts = clock.split(':');
    let two = |p: Option<&str>| p.filter(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit())).and_then(|p| p.parse::<u8>().ok());
    let (h, m) = (two(parts.next())?, two(parts.next())?);
    if let Some(sec) = parts.next() {
        two(Some(sec)).filter(|&s| s < 60)?;
    }
    (parts.next().is_none() && h < 24 && m < 60).then_some(Tod::Clock { h, m, zone: zulu.then_some(0) })
}

/// The year of "FY2020" / "FY20" from its digits: four digits as written, two digits in the
/// century that puts the year nearest the reference date (else 2000-2049, 1950-1999).
fn fiscal_year(digits: &str, ctx: &Context) -> Option<i32> {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = digits.parse().ok()?;
    match digits.len() {
        4 if (1900..=2100).contains(&n) => Some(n),
        2 => {
            let around = ctx.reference_date.map_or(2000, |d| d.year);
            let base = around - around.rem_euclid(100) + n;
            Some([base - 100, base, base + 100].into_iter().min_by_key(|y| (y - around).abs()).unwrap_or(base))
        }
        _ => None,
    }
}

pub fn is_year_here(tk: &Toks, i: usize, y: u32) -> bool {
    let prev = if i > 0 && tk.same_sent(i - 1, i) {
        tk.w(i - 1)
    } else {
        ""
    };
    let prep = YEAR_PREPS.contains(&prev);
    if !(1900..=2100).contains(&y) && !((1000..1900).contains(&y) && prep) {
        return false;
    }
    if matches!(
        prev,
        "$" | "#"
            | "\u{20ac}"
            | "\u{a3}"
            | "no."
            | "no"
            | "number"
            | "nos."
            | "room"
            | "flight"
            | "route"
            | "highway"
            | "page"
            | "p."
            | "pp."
            | "channel"
            | "tel"
            | "phone"
            | "fax"
            | "+"
            | "/"
            | "model"
            | "version"
            | "box"
            | "suite"
            | "apt."
            | "bus"
            | "train"
            | "rs."
            | "us$"
    ) {
        return false;
    }
    if i > 0 && (tk.t[i - 1].num) && tk.same_sent(i - 1, i) {
        return false;
    }
    // glued to digits by a hyphen or a dot: phone numbers, codes, decimals
    if i > 1 && !tk.t[i].space && matches!(prev, "-" | "." | ":") && tk.t[i - 2].num && !tk.t[i - 1].space {
        return false;
    }
    let next = tk.w(i + 1);
    let next_glued = i + 1 < tk.len() && !tk.t[i + 1].space;
    if next_glued && matches!(next, "-" | "." | ":" | "/") && tk.t.get(i + 2).map_or(false, |t| t.num && !t.space) {
        // 2015-16 is a span of years; 2018-555-1234 is not
        let w2 = tk.w(i + 2);
        if next != "-" || !(w2.len() == 2 || w2.len() == 4) || tk.w(i + 3) == "-" {
            return false;
        }
    }
    if COUNTED.contains(&next) {
        return false;
    }
    // "Apple's 2018 iPhone": a model year after a possessive, before a name
    if prev == "'s" && tk.raw(i + 1).chars().any(char::is_uppercase) && tk.same_sent(i, i + 1) {
        return false;
    }
    if tk.cap(i + 1) && STREETS.contains(&tk.w(i + 2)) {
        return false;
    }
    // "a joint venture called Orion 1980", "a plan named Vision 2020": the year ends the name
    // being given
    if i > 1
        && tk.cap(i - 1)
        && !tk.all_caps(i - 1)
        && super::lex::month_of(prev).is_none()
        && tk.is_any(i - 2, &["called", "named", "dubbed", "titled", "entitled", "christened"])
        && tk.same_sent(i - 2, i)
    {
        return false;
    }
    // "Russell 2000 Index", "Windows 2000 Server": part of a name
    if i > 0
        && tk.cap(i - 1)
        && tk.cap(i + 1)
        && tk.same_sent(i - 1, i + 1)
        && !tk.all_caps(i - 1)
        && super::lex::month_of(prev).is_none()
        && !YEAR_PREPS.contains(&prev)
        && tk.sentence_of(i).0 != i - 1
    {
        return false;
    }
    true
}

/// A spoken year at `i`: "nineteen ninety-six", "two thousand", "two thousand and one".
pub fn spoken_year(tk: &Toks, i: usize) -> Option<(i32, usize)> {
    let a = small_number(tk.w(i))?;
    if (10..=20).contains(&a) && tk.w(i + 1) != "-" {
        let b = small_number(tk.w(i + 1))?;
        if b >= 20 && b % 10 == 0 {
            let (mut v, mut e) = (b, i + 2);
            if tk.w(e) == "-" {
                if let Some(u) = small_number(tk.w(e + 1)).filter(|u| (1..10).contains(u)) {
                    v += u;
                    e += 2;
                }
            } else if let Some(u) = small_number(tk.w(e)).filter(|u| (1..10).contains(u)) {
                v += u;
                e += 1;
            }
            return Some((a as i32 * 100 + v as i32, e));
        }
        if (10..20).contains(&b) {
            return Some((a as i32 * 100 + b as i32, i + 2));
        }
        return None;
    }
    if a == 2 && tk.w(i + 1) == "thousand" {
        let mut e = i + 2;
        let mut v = 2000;
        let k = if tk.w(e) == "and" { e + 1 } else { e };
        if let Some(u) = small_number(tk.w(k)).filter(|u| (1..20).contains(u)) {
            v += u as i32;
            e = k + 1;
        }
        return Some((v, e));
    }
    None
}

/// Two-digit year to four: 00-29 → 20xx, else 19xx.
fn expand_yy(yy: u32) -> i32 {
    if yy < 30 {
        2000 + yy as i32
    } else {
        1900 + yy as i32
    }
}

pub fn at(tk: &Toks, i: usize, ctx: &Context) -> Option<Cand> {
    let w = tk.w(i);
    // "the year two thousand", "the year 2000"
    if w == "year" && i > 0 && tk.w(i - 1) == "the" {
        if let Some((y, e)) = spoken_year(tk, i + 1) {
            return Some(date(i, e, Val::Year(YearRef::Abs(y))).det());
        }
        if let Some(y) = tk.digits(i + 1).filter(|_| tk.w(i + 1).len() == 4) {
            if is_year_here(tk, i + 1, y) {
                return Some(date(i, i + 2, Val::Year(YearRef::Abs(y as i32))).det());
            }
        }
    }
    // "FY2020", "FY 2020", "FY20", "FY 20": a company's fiscal year, written in capitals
    if let Some(rest) = w.strip_prefix("fy").filter(|_| tk.raw(i).starts_with("FY")) {
        let (digits, end) = if rest.is_empty() { (tk.w(i + 1), i + 2) } else { (rest, i + 1) };
        return fiscal_year(digits, ctx).map(|y| date(i, end, Val::Year(YearRef::Abs(y))));
    }
    if w == "fiscal" {
        let j = if tk.w(i + 1) == "year" { i + 2 } else { i + 1 };
        if let Some(y) = tk.digits(j).filter(|_| tk.w(j).len() == 4) {
            if (1900..=2100).contains(&y) {
                return Some(date(i, j + 1, Val::Year(YearRef::Abs(y as i32))));
            }
        }
        // fiscal '90, fiscal 90
        return None;
    }
    // the nineties, the eighties
    if i > 0 && tk.w(i - 1) == "the" {
        let d = match w {
            "twenties" => 192,
            "thirties" => 193,
            "forties" => 194,
            "fifties" => 195,
            "sixties" => 196,
            "seventies" => 197,
            "eighties" => 198,
            "nineties" => 199,
            _ => 0,
        };
        if d > 0 {
            return Some(date(i, i + 1, Val::Decade(d)).det());
        }
    }
    if let Some((y, e)) = spoken_year(tk, i) {
        // "two thousand years", "two thousand troops": a count, not the year 2000
        let counts = unit_of(tk.w(e)).is_some()
            || (tk.w(i + 1) == "thousand"
                && e == i + 2
                && tk.raw(e).bytes().next().map_or(false, |b| b.is_ascii_lowercase())
                && !matches!(tk.w(e), "and" | "when" | "as" | "to" | "in" | "at" | "on" | "for" | "with" | "by" | "but" | "or" | "that" | "which" | "has" | "have" | "is" | "was" | "will"));
        if (1000..=2100).contains(&y) && !counts && !(i > 0 && tk.is_any(i - 1, &["$", "the"])) {
            return Some(date(i, e, Val::Year(YearRef::Abs(y))));
        }
    }
    // '90s, '82
    if w == "'" && !tk.t.get(i + 1).map_or(true, |t| t.space) {
        let d = tk.w(i + 1);
        if d.len() == 3
            && d.ends_with('s')
            && d.as_bytes()[..2].iter().all(u8::is_ascii_digit)
            && d.as_bytes()[1] == b'0'
        {
            let yy: u32 = d[..2].parse().ok()?;
            return Some(date(i, i + 2, Val::Decade(expand_yy(yy) / 10)).det());
        }
        if d.len() == 2
            && d.bytes().all(|b| b.is_ascii_digit())
            && i > 0
            && tk.is_any(i - 1, &["since", "in", "of", "until", "from", "and", "to", "by"])
        {
            let yy: u32 = d.parse().ok()?;
            return Some(date(i, i + 2, Val::Year(YearRef::Abs(expand_yy(yy)))));
        }
        return None;
    }
    // the 70s, the 80s
    if w.len() == 3
        && w.ends_with('s')
        && w.as_bytes()[1] == b'0'
        && w.as_bytes()[0].is_ascii_digit()
        && i > 0
        && tk.is_any(i - 1, &["the", "and", "early", "late", "mid", "-"])
    {
        let yy: u32 = w[..2].parse().ok()?;
        return Some(date(i, i + 1, Val::Decade(expand_yy(yy) / 10)).det());
    }
    if w.is_empty() || !w.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    // 1990s
    if w.len() == 5 && w.ends_with('s') && w.as_bytes()[..4].iter().all(u8::is_ascii_digit) && w.as_bytes()[3] == b'0' {
        let y: i32 = w[..4].parse().ok()?;
        if (1000..=2100).contains(&y) {
            return Some(date(i, i + 1, Val::Decade(y / 10)).det());
        }
    }
    // dotted dates: 08.01.2019 (day first, as where it is written), 2019.01.08; one dot is a
    // decimal
    if w.bytes().filter(|&b| b == b'.').count() == 2 && w.as_bytes()[0].is_ascii_digit() {
        let mut it = w.split('.');
        let (p0, p1, p2) = (it.next()?, it.next()?, it.next()?);
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if !(digits(p0) && digits(p1) && digits(p2)) || !(1..=2).contains(&p1.len()) {
            return None;
        }
        let (y, m, d): (i32, u32, u32) = match (p0.len(), p2.len()) {
            (1 | 2, 4) => (p2.parse().ok()?, p1.parse().ok()?, p0.parse().ok()?),
            (4, 1 | 2) => (p0.parse().ok()?, p1.parse().ok()?, p2.parse().ok()?),
            _ => return None,
        };
        if !(1900..=2100).contains(&y) || Date::new(y, m as u8, d as u8).is_none() {
            return None;
        }
        let v = Val::Cal { y: Some(YearRef::Abs(y)), m: m as u8, d: Some(d as u8), dir: Dir::Auto };
        return Some(date(i, i + 1, v));
    }
    // slashed dates
    if w.contains('/') {
        let parts: Vec<&str> = w.split('/').collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let (a, b): (u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
            // 2019/01/08: the year first, then month and day
            let year_first = parts[0].len() == 4 && parts[1].len() <= 2 && parts[2].len() <= 2;
            let (m, d) = if year_first {
                (b, parts[2].parse().ok()?)
            } else if ctx.day_first {
                (b, a)
            } else {
                (a, b)
            };
            let y: i32 = match parts[2].len() {
                _ if year_first => a as i32,
                4 => parts[2].parse().ok()?,
                2 => expand_yy(parts[2].parse().ok()?),
                _ => return None,
            };
            let dd = Date::new(y, m as u8, d as u8)?;
            let _ = dd;
            if m > 12 || d > 31 {
                return None;
            }
            return Some(date(
                i,
                i + 1,
                Val::Cal {
                    y: Some(YearRef::Abs(y)),
                    m: m as u8,
                    d: Some(d as u8),
                    dir: Dir::Auto,
                },
            ));
        }
        return None;
    }
    let y = tk.digits(i)?;
    // ISO 2019-01-07
    if w.len() == 4
        && tk.w(i + 1) == "-"
        && tk.w(i + 3) == "-"
        && tk.glued(i + 1)
        && tk.glued(i + 2)
        && tk.glued(i + 3)
        && tk.glued(i + 4)
    {
        let dw = tk.w(i + 4);
        // 2019-01-08T10:00: the day token carries the time
        let dd: Option<u32> = if dw.len() > 2 && dw.as_bytes()[2] == b't' {
            dw[..2].parse().ok()
        } else {
            tk.digits(i + 4).filter(|_| dw.len() == 2)
        };
        if let (Some(m), Some(d)) = (tk.digits(i + 2), dd) {
            if tk.w(i + 2).len() == 2 && tk.w(i + 5) != "-" {
                if Date::new(y as i32, m as u8, d as u8).is_some() {
                    let day = Val::Cal { y: Some(YearRef::Abs(y as i32)), m: m as u8, d: Some(d as u8), dir: Dir::Auto };
                    // 2019-01-08T10:00(:30)(Z): a time on that day
                    if let Some(tod) = iso_clock(dw) {
                        return Some(Cand::new(i, i + 5, TimexType::Time, Val::Time { day: Box::new(day), tod }));
                    }
                    return Some(date(
                        i,
                        i + 5,
                        Val::Cal {
                            y: Some(YearRef::Abs(y as i32)),
                            m: m as u8,
                            d: Some(d as u8),
                            dir: Dir::Auto,
                        },
                    ));
                }
            }
        }
        return None;
    }
    // second half of a year span: 2015-16, 1990-1995
    // (only after digits: "post-1959", "anti-1990" are years of their own)
    if i >= 2 && tk.w(i - 1) == "-" && tk.glued(i) && tk.glued(i - 1) && tk.t[i - 2].num && tk.w(i - 2).len() == 4 {
        if let Some(first) = tk.digits(i - 2) {
            if (1000..=2100).contains(&first) && tk.w(i + 1) != "-" {
                let second = match w.len() {
                    2 => (first / 100 * 100 + y) as i32,
                    4 => y as i32,
                    _ => return None,
                };
                if second > first as i32
                    && second - first as i32 <= 50
                    && !(i >= 3 && tk.t[i - 3].num && tk.glued(i - 2))
                {
                    return Some(date(i, i + 1, Val::Year(YearRef::Abs(second))));
                }
            }
        }
        return None;
    }
    if w.len() == 4 && is_year_here(tk, i, y) {
        return Some(date(i, i + 1, Val::Year(YearRef::Abs(y as i32))));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{calendar::Date, testutil::one, Context};
    use crate::text::Doc;

    /// Business copy writes fiscal years as FY2020 / FY20; they were missed.
    #[test]
    fn fy_years_are_fiscal_years() {
        assert_eq!(
            one("Revenue in FY2020 rose, FY 2019 fell, and FY19 and FY99 too.", "2019-01-08"),
            "FY2020|DATE|2020; FY 2019|DATE|2019; FY19|DATE|2019; FY99|DATE|1999"
        );
        // lower case, letters after the digits, or a five-digit number are no fiscal year
        assert_eq!(one("fy2020 and FY2020s and FY20201.", "2019-01-08"), "");
    }

    /// Regression: an ISO date-time was typed DATE with the day only.
    #[test]
    fn iso_date_times_are_times() {
        assert_eq!(
            one("At 2018-12-31T10:00 and 2018-12-31T10:00:30Z, then 2018-12-31T25:00.", "2019-01-08"),
            "2018-12-31T10:00|TIME|2018-12-31T10:00; 2018-12-31T10:00:30Z|TIME|2018-12-31T10:00Z; 2018-12-31T25:00|DATE|2018-12-31"
        );
    }

    #[test]
    fn iso_slash_and_years() {
        assert_eq!(one("Filed 2019-01-07 in court.", ""), "2019-01-07|DATE|2019-01-07");
        assert_eq!(one("Filed 1/7/2019 in court.", ""), "1/7/2019|DATE|2019-01-07");
        assert_eq!(one("Filed 7/8/07 in court.", ""), "7/8/07|DATE|2007-07-08");
        assert_eq!(one("It was founded in 1998.", ""), "1998|DATE|1998");
        assert_eq!(one("Prices fell in fiscal 1989.", ""), "fiscal 1989|DATE|1989");
        assert_eq!(one("Music of the 1990s.", ""), "the 1990s|DATE|199");
        assert_eq!(one("Music of the '60s.", ""), "the '60s|DATE|196");
        assert_eq!(one("The mid-1990s boom.", ""), "The mid-1990s|DATE|199");
        assert_eq!(
            one("In nineteen ninety-six it began.", ""),
            "nineteen ninety-six|DATE|1996"
        );
        assert_eq!(
            one("By the year two thousand it ends.", ""),
            "the year two thousand|DATE|2000"
        );
    }

    #[test]
    fn day_first_option() {
        let ctx = Context {
            reference_date: None,
            day_first: true,
        };
        let t = Doc::with("Filed 1/7/2019.", |d| super::super::find(d, &ctx));
        assert_eq!(t[0].value, "2019-07-01");
        let _ = Date::new(2019, 1, 1);
    }

    #[test]
    fn year_spans() {
        assert_eq!(one("The 2015-16 season.", ""), "2015|DATE|2015; 16|DATE|2016");
        // a four-letter word before the hyphen is no first year: "post-1959", "anti-1990"
        assert_eq!(one("The post-1959 politics split families.", ""), "1959|DATE|1959");
        assert_eq!(one("An anti-1990 mood.", ""), "1990|DATE|1990");
        // but a four-digit number that is no year still blocks its second half (a code)
        assert_eq!(one("Call 0800-1990 now.", ""), "now|DATE|PRESENT_REF");
    }

    #[test]
    fn traps() {
        assert_eq!(one("There were 2,018 people.", ""), "");
        assert_eq!(one("It costs $2018 now.", ""), "now|DATE|PRESENT_REF");
        assert_eq!(one("Apple's 2018 iPhone sold well.", ""), "");
        assert_eq!(one("Call 555-2018 or 212-555-1998.", ""), "");
        assert_eq!(one("They won 3-2 in extra time.", ""), "");
        assert_eq!(one("About 1999 people came.", ""), "");
        assert_eq!(one("He lives at 1998 Main Street.", ""), "");
        assert_eq!(one("The Russell 2000 Index fell.", ""), "");
        // a name being given ends in the year
        assert_eq!(one("He set up a joint venture called Orion 1980, making parts.", ""), "");
        // the year of a month named after "called" is still a date
        assert_eq!(one("The meeting was called March 1980, he said.", ""), "March 1980|DATE|1980-03");
        assert_eq!(one("Cars of the 70s and 80s.", ""), "the 70s|DATE|197; 80s|DATE|198");
        assert_eq!(one("Lowest since '82, he said.", ""), "'82|DATE|1982");
    }

    #[test]
    fn two_thousand_as_a_count() {
        assert_eq!(
            one("They kept their secrets for more than two thousand years.", "1998-01-21"),
            "more than two thousand years|DURATION|P2000Y"
        );
        assert_eq!(one("Two thousand people marched.", "1998-01-21"), "");
        assert_eq!(one("The approach of two thousand has alarmed them.", "1998-01-21"), "two thousand|DATE|2000");
    }
    #[test]
    fn year_first_and_dotted_dates() {
        // were nothing
        assert_eq!(one("The report was published on 2019/01/08.", "2019-01-08"), "2019/01/08|DATE|2019-01-08");
        assert_eq!(one("The report was published on 08.01.2019.", "2019-01-08"), "08.01.2019|DATE|2019-01-08");
        assert_eq!(one("The report was published on 2019.01.08.", "2019-01-08"), "2019.01.08|DATE|2019-01-08");
        // version numbers and thousands are no dates
        assert_eq!(one("Version 1.2.3 shipped.", "2019-01-08"), "");
        assert_eq!(one("It costs 1.250.000 euros.", "2019-01-08"), "");
        assert_eq!(one("It was 31.02.2019 on the form.", "2019-01-08"), "");
    }
}
