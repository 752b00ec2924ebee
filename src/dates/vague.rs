//! Vague references: `now`, `currently` (PRESENT_REF), `recently`, `formerly`, `the past`
//! (PAST_REF), `the future`, `soon` (FUTURE_REF).

use super::lex::{unit_of, Toks};
use super::normalize::Val;
use super::{Cand, Context};
use crate::model::TimexType;

pub fn at(tk: &Toks, i: usize, _ctx: &Context) -> Option<Cand> {
    let w = tk.w(i);
    let lit = |e: usize, v: &'static str| Some(Cand::new(i, e, TimexType::Date, Val::Lit(v)));
    match w {
        "now" => {
            // "now that" is a conjunction, still a present reference in TimeML; "right now" keeps "right"
            lit(i + 1, "PRESENT_REF")
        }
        "currently" | "presently" | "nowadays" => lit(i + 1, "PRESENT_REF"),
        "current" => {
            // adjective "current" before a noun; not "current account", "electric current"
            let next = tk.w(i + 1);
            if matches!(
                next,
                "account" | "accounts" | "affairs" | "events" | "of" | "flowing" | "flows"
            ) || i > 0
                && matches!(
                    tk.w(i - 1),
                    "electric" | "alternating" | "direct" | "ocean" | "strong" | "a"
                )
                || next.is_empty()
                || tk.t[i + 1].punct
            {
                return None;
            }
            if unit_of(next).is_some() {
                return None; // "current quarter": relative
            }
            lit(i + 1, "PRESENT_REF")
        }
        "at" if tk.w(i + 1) == "present" && matches!(tk.w(i + 2), "," | "." | "") => lit(i + 2, "PRESENT_REF"),
        "these" if tk.w(i + 1) == "days" => lit(i + 2, "PRESENT_REF"),
        // "previously" and the adjective "recent" are left out: TimeBank rarely marks them
        "recently" | "lately" | "formerly" => lit(i + 1, "PAST_REF"),
        "recent" => {
            let next = tk.w(i + 1);
            match unit_of(next) {
                Some((super::lex::Unit::Day, true)) => {
                    Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("PAST_REF")).det())
                }
                Some((super::lex::Unit::Year, true)) => {
                    Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("PAST_REF")).det())
                }
                Some((u, true)) => {
                    let u = if u == super::lex::Unit::Quarter {
                        super::lex::Unit::Month
                    } else {
                        u
                    };
                    Some(Cand::new(i, i + 2, TimexType::Duration, Val::Dur { amt: None, unit: u }).det())
                }
                _ if next == "past" || next == "history" => {
                    Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("PAST_REF")).det())
                }
                _ => None,
            }
        }
        "near" | "foreseeable" | "distant" if tk.w(i + 1) == "future" => {
            Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("FUTURE_REF")).det())
        }
        "near" | "short" | "long" if tk.w(i + 1) == "term" && i > 0 && tk.w(i - 1) == "the" => {
            Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("FUTURE_REF")).det())
        }
        "a" if tk.w(i + 1) == "later" && tk.w(i + 2) == "date" => lit(i + 3, "FUTURE_REF"),
        "as" if tk.w(i + 1) == "soon" && tk.w(i + 2) == "as" && tk.w(i + 3) == "possible" => lit(i + 4, "FUTURE_REF"),
        "past"
            if i > 0
                && tk.w(i - 1) == "the"
                && !tk.is_any(i + 1, &["few", "several"])
                && unit_of(tk.w(i + 1)).is_none()
                && !tk.t.get(i + 1).map_or(false, |t| t.num) =>
        {
            Some(Cand::new(i, i + 1, TimexType::Date, Val::Lit("PAST_REF")).det())
        }
        // "the future"; not the adjective ("future earnings"), which TimeBank leaves out
        "future" if i > 0 && tk.w(i - 1) == "the" && !tk.is_any(i + 1, &["of"]) => {
            Some(Cand::new(i, i + 1, TimexType::Date, Val::Lit("FUTURE_REF")).det())
        }
        "coming" if matches!(unit_of(tk.w(i + 1)), Some((_, true))) => {
            Some(Cand::new(i, i + 2, TimexType::Date, Val::Lit("FUTURE_REF")).det())
        }
        "once" | "then" => None,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::dates::testutil::one;

    #[test]
    fn present_past_future() {
        assert_eq!(one("He is now in Paris.", "2019-01-08"), "now|DATE|PRESENT_REF");
        assert_eq!(one("It recently moved.", "2019-01-08"), "recently|DATE|PAST_REF");
        assert_eq!(
            one("Worries about the future.", "2019-01-08"),
            "the future|DATE|FUTURE_REF"
        );
        assert_eq!(one("In the past, it did.", ""), "the past|DATE|PAST_REF");
        assert_eq!(one("The current slump.", ""), "current|DATE|PRESENT_REF");
        assert_eq!(
            one("In the near future it ends.", ""),
            "the near future|DATE|FUTURE_REF"
        );
    }

    #[test]
    fn traps() {
        assert_eq!(one("The current account deficit grew.", ""), "");
        assert_eq!(one("As soon as they can.", ""), "");
        assert_eq!(one("The future of the party.", ""), "");
        assert_eq!(one("Future earnings will rise.", ""), "");
    }
}
