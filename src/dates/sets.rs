//! Sets (recurring times): `every Monday` (XXXX-WXX-1), `each year` (P1Y), `every two weeks`,
//! `daily`, `weekly`, `annually`, `twice a day`, `on Sundays`.

use super::lex::{number_at, unit_of, weekday_of, weekday_plural, Toks, Unit};
use super::normalize::{duration, Val};
use super::{Cand, Context};
use crate::model::TimexType;

fn set(s: usize, e: usize, v: String) -> Cand {
    Cand::new(s, e, TimexType::Set, Val::Str(v))
}

pub fn at(tk: &Toks, i: usize, _ctx: &Context) -> Option<Cand> {
    let w = tk.w(i);
    if let Some(c) = plural_weekday(tk, i) {
        return Some(c);
    }
    match w {
        // "the Communist Party daily Granma": a newspaper
        "daily" if tk.cap(i + 1) && tk.same_sent(i, i + 1) => return None,
        // "average daily volume", "the average weekly benefit": a measure per period, no recurrence
        // (TimeBank marks "average hourly earnings" though, so the hour is left)
        "daily" | "weekly" | "monthly" | "yearly" if i > 0 && tk.w(i - 1) == "average" => return None,
        "daily" => return Some(set(i, i + 1, "P1D".into())),
        "weekly" => return Some(set(i, i + 1, "P1W".into())),
        "monthly" => return Some(set(i, i + 1, "P1M".into())),
        // "to rise 8.5% annually", "10,000 units annually", "C$17.9 million annually": an amount's
        // rate, which TimeBank leaves unmarked (as "per year"); "held here annually" is a set
        "annually" | "yearly" if after_amount(tk, i) => return None,
        "annually" | "yearly" => return Some(set(i, i + 1, "P1Y".into())),
        "hourly" => return Some(set(i, i + 1, "PT1H".into())),
        "nightly" => return Some(set(i, i + 1, "P1D".into())),
        // "$500 million a year", "four flights a week": a rate, not marked in TimeBank
        "per" if i > 0 && (tk.t[i - 1].num || tk.is_any(i - 1, &["million", "billion", "%", "percent"])) => {
            return None
        }
        "every" | "each" | "per" => {
            let mut j = i + 1;
            if tk.w(j) == "other" {
                // every other week
                let (unit, false) = unit_of(tk.w(j + 1))? else {
                    return None;
                };
                return Some(set(i, j + 2, duration(Some(20), unit)));
            }
            if let Some(wd) = weekday_of(tk.w(j)) {
                if tk.cap(j) {
                    let mut e = j + 1;
                    let mut v = format!("XXXX-WXX-{wd}");
                    if let Some(p) = super::lex::part_of_day(tk.w(e)) {
                        v.push_str(&format!("T{p}"));
                        e += 1;
                    }
                    return Some(set(i, e, v));
                }
            }
            if let Some(p) = super::lex::part_of_day(tk.w(j)) {
                return Some(set(i, j + 1, format!("XXXX-XX-XXT{p}")));
            }
            // each July, every spring
            if let Some(m) = super::lex::month_of(tk.w(j)) {
                if tk.cap(j) && !tk.w(j).ends_with('.') {
                    return Some(set(i, j + 1, format!("XXXX-{m:02}")));
                }
            }
            if let Some(sn) = super::relative::season_of(tk.w(j)) {
                return Some(set(i, j + 1, format!("XXXX-{}", ["SP", "SU", "FA", "WI"][sn as usize])));
            }
            let mut amt = Some(10);
            if let Some((v, k)) = number_at(tk, j) {
                if tk.w(j) != "a" && tk.w(j) != "an" {
                    amt = Some(v);
                    j = k;
                }
            } else if tk.w(j) == "few" || tk.w(j) == "several" {
                amt = None;
                j += 1;
            }
            let (unit, _) = unit_of(tk.w(j))?;
            if w == "per" && unit == Unit::Second {
                return None;
            }
            return Some(set(i, j + 1, duration(amt, unit)));
        }
        _ => {}
    }
    // "$33 million a year", "four flights a week", "24 hours a day": a rate, i.e. a set
    if matches!(w, "a" | "an") && i > 0 && tk.same_sent(i - 1, i) {
        if let Some((unit, false)) = unit_of(tk.w(i + 1)) {
            let p = tk.w(i - 1);
            let rate = tk.t[i - 1].num
                || tk.is_any(i - 1, &["million", "billion", "thousand", "hundred", "%", "percent", "cents", "dollars"])
                || (p.len() > 4
                    && p.ends_with('s')
                    && !p.ends_with("ss")
                    && !p.ends_with("ous")
                    && !p.ends_with("ness")
                    && !matches!(
                        p,
                        "takes" | "lasts" | "needs" | "spends" | "requires" | "gives" | "makes" | "remains"
                            | "seems" | "means" | "wants" | "comes" | "plans" | "expects" | "hopes" | "years"
                            | "months" | "weeks" | "days" | "hours" | "minutes" | "times" | "perhaps" | "always"
                    )
                    && p.bytes().all(|b| b.is_ascii_lowercase())
                    && !tk.cap(i - 1));
            let next = tk.w(i + 2);
            if rate
                && !matches!(unit, Unit::Second | Unit::Half | Unit::Weekend | Unit::Decade | Unit::Century)
                && !matches!(next, "ago" | "earlier" | "later" | "before" | "after" | "-" | "or" | "and" | "of" | "'s")
            {
                return Some(set(i, i + 2, duration(Some(10), unit)));
            }
        }
    }
    // twice a day, three times a week, once a year
    let k = match w {
        "once" | "twice" | "thrice" => i + 1,
        _ => {
            let (_, j) = number_at(tk, i)?;
            if tk.w(j) != "times" || tk.w(i) == "a" {
                return None;
            }
            j + 1
        }
    };
    if matches!(tk.w(k), "a" | "an" | "per" | "each" | "every") {
        let (unit, false) = unit_of(tk.w(k + 1))? else {
            return None;
        };
        return Some(set(i, k + 2, duration(Some(10), unit)));
    }
    None
}

/// "on Sundays", "Mondays": plural weekdays.
pub fn plural_weekday(tk: &Toks, i: usize) -> Option<Cand> {
    if let Some(c) = weekday_nights(tk, i) {
        return Some(c);
    }
    let wd = weekday_plural(tk.w(i))?;
    if !tk.cap(i) {
        return None;
    }
    Some(set(i, i + 1, format!("XXXX-WXX-{wd}")))
}

/// "Tuesday nights", "Monday and Tuesday nights": a weekday with a plural part of the day recurs
/// (XXXX-WXX-2TNI); the first of two joined weekdays shares the part.
pub fn weekday_nights(tk: &Toks, i: usize) -> Option<Cand> {
    let wd = weekday_of(tk.w(i))?;
    if !tk.cap(i) {
        return None;
    }
    let plural_part = |k: usize| {
        let w = tk.w(k);
        if w.ends_with('s') && tk.same_sent(i, k) {
            super::lex::part_of_day(w)
        } else {
            None
        }
    };
    if let Some(p) = plural_part(i + 1) {
        return Some(set(i, i + 2, format!("XXXX-WXX-{wd}T{p}")));
    }
    if tk.is_any(i + 1, &["and", "or"]) && weekday_of(tk.w(i + 2)).is_some() && tk.cap(i + 2) {
        if let Some(p) = plural_part(i + 3) {
            return Some(set(i, i + 1, format!("XXXX-WXX-{wd}T{p}")));
        }
    }
    None
}

/// Does an amount end just before `i` ("20%", "$2 million", "10,000 units")?
fn after_amount(tk: &Toks, i: usize) -> bool {
    let amount = |k: usize| tk.t[k].num || tk.is_any(k, &["%", "percent", "million", "billion", "thousand"]);
    // ("3 times annually" counts occurrences: a set)
    i > 0
        && tk.same_sent(i - 1, i)
        && tk.w(i - 1) != "times"
        && (amount(i - 1) || (i > 1 && amount(i - 2) && !tk.t[i - 1].punct && !tk.t[i - 1].num))
}

#[cfg(test)]
mod tests {
    use crate::dates::testutil::one;

    #[test]
    fn sets() {
        assert_eq!(one("They meet every Monday.", ""), "every Monday|SET|XXXX-WXX-1");
        assert_eq!(one("They meet each year.", ""), "each year|SET|P1Y");
        assert_eq!(one("They meet every two weeks.", ""), "every two weeks|SET|P2W");
        assert_eq!(one("It is published weekly.", ""), "weekly|SET|P1W");
        assert_eq!(one("They meet twice a day.", ""), "twice a day|SET|P1D");
        assert_eq!(one("Shops close on Sundays.", ""), "Sundays|SET|XXXX-WXX-7");
        assert_eq!(
            one("Flights leave on Monday and Tuesday nights.", "1998-02-13"),
            "Monday|SET|XXXX-WXX-1TNI; Tuesday nights|SET|XXXX-WXX-2TNI"
        );
        // one night is a time
        assert_eq!(one("It left on Tuesday night.", "1998-02-13"), "Tuesday night|TIME|1998-02-10TNI");
    }

    #[test]
    fn rates_and_recurring_months() {
        assert_eq!(
            one("It will add profit of about $33 million a year.", "1989-10-26"),
            "a year|SET|P1Y"
        );
        assert_eq!(one("Qantas runs four flights a week.", "1998-02-13"), "a week|SET|P1W");
        assert_eq!(one("They march each July to the church.", "1998-03-22"), "each July|SET|XXXX-07");
        assert_eq!(one("Floods come every spring.", "1998-03-22"), "every spring|SET|XXXX-SP");
        // an amount of time is no rate
        assert_eq!(one("The work takes a year.", "1998-03-22"), "a year|DURATION|P1Y");
        assert_eq!(one("He stayed for a week.", "1998-03-22"), "a week|DURATION|P1W");
        assert_eq!(one("Sales rose from $5 million a year earlier.", "1989-10-26"), "a year earlier|DATE|1988");
    }

    #[test]
    fn annually_after_an_amount_is_a_rate() {
        assert_eq!(one("Revenue should rise 20% annually.", "1989-10-30"), "");
        assert_eq!(one("The plant would produce about 10,000 units annually.", "1989-10-26"), "");
        assert_eq!(one("It will cut payments of C$17.9 million annually.", "1989-10-26"), "");
        assert_eq!(one("Similar rallies are held here annually.", "2000-01-28"), "annually|SET|P1Y");
        assert_eq!(one("The board meets 3 times annually.", ""), "annually|SET|P1Y");
    }

    #[test]
    fn an_average_per_period_is_no_set() {
        assert_eq!(one("It is under 5% of the average daily volume.", "1989-10-30"), "");
        assert_eq!(one("The average weekly benefit was $200.", ""), "");
        assert_eq!(one("They rally daily.", ""), "daily|SET|P1D");
    }
}
