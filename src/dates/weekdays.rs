//! Weekdays: `Thursday`, `Thu.`, `Tuesday morning` (TIME `…TMO`). A bare weekday is resolved by the
//! sentence's tense (see `tense.rs`): "said Sunday" is the Sunday before, "will meet Thursday" the
//! one after.

use super::lex::{weekday_of, Toks};
use super::normalize::{Dir, Val};
use super::relative::with_part_of_day;
use super::{Cand, Context};

pub fn at(tk: &Toks, i: usize, _ctx: &Context) -> Option<Cand> {
    let w = tk.w(i);
    let wd = weekday_of(w)?;
    if !tk.cap(i) {
        return None;
    }
    // "Monday and Tuesday nights": recurring, a set (sets::weekday_nights)
    if super::sets::weekday_nights(tk, i).is_some() {
        return None;
    }
    // a capitalised word before it, mid-sentence: a name ("Ruby Tuesday", "Black Monday")
    // names built on a weekday ("Black Monday", "Ruby Tuesday", "Super Tuesday", "Good Friday")
    if i > 0 && tk.same_sent(i - 1, i) && tk.cap(i - 1) {
        if matches!(
            tk.w(i - 1),
            "black"
                | "blue"
                | "cyber"
                | "super"
                | "ruby"
                | "good"
                | "holy"
                | "ash"
                | "palm"
                | "easter"
                | "man"
                | "girl"
                | "fat"
                | "bloody"
                | "maundy"
                | "shrove"
                | "giving"
        ) {
            return None;
        }
    }
    // "Sunday Times", "Monday Night Football": a title
    if tk.cap(i + 1)
        && !tk.all_caps(i)
        && matches!(
            tk.w(i + 1),
            "times" | "telegraph" | "express" | "mirror" | "herald" | "night" | "morning"
        )
        && tk.cap(i + 2)
    {
        return None;
    }
    Some(with_part_of_day(tk, i, i + 1, Val::Weekday { wd, dir: Dir::Auto }))
}

#[cfg(test)]
mod tests {
    use crate::dates::testutil::one;

    #[test]
    fn tense_decides() {
        // 2019-01-08 is a Tuesday
        assert_eq!(
            one("The minister said Sunday that talks failed.", "2019-01-08"),
            "Sunday|DATE|2019-01-06"
        );
        assert_eq!(
            one("The leaders will meet Thursday.", "2019-01-08"),
            "Thursday|DATE|2019-01-10"
        );
        assert_eq!(
            one("Police arrested him Thursday.", "2019-01-08"),
            "Thursday|DATE|2019-01-03"
        );
        assert_eq!(one("It fell on Tuesday.", "2019-01-08"), "Tuesday|DATE|2019-01-08");
        assert_eq!(one("The leaders will meet Thursday.", ""), "Thursday|DATE|XXXX-WXX-4");
    }

    #[test]
    fn parts_of_day() {
        assert_eq!(
            one("It fell Tuesday morning.", "2019-01-08"),
            "Tuesday morning|TIME|2019-01-08TMO"
        );
        assert_eq!(
            one("They left Friday night.", "2019-01-08"),
            "Friday night|TIME|2019-01-04TNI"
        );
    }

    #[test]
    fn traps() {
        assert_eq!(one("They sang Ruby Tuesday again.", "2019-01-08"), "");
        assert_eq!(one("Stocks fell on Black Monday.", "2019-01-08"), "");
        assert_eq!(
            one("The World Court Friday rejected it.", "2019-01-08"),
            "Friday|DATE|2019-01-04"
        );
        assert_eq!(one("I saw the sun today.", "2019-01-08"), "today|DATE|2019-01-08");
    }

    #[test]
    fn deadlines_look_ahead() {
        // a moved date lies ahead even in the past tense; a stay that lasted does not
        assert_eq!(
            one("Officials postponed until Tuesday morning any action.", "2000-03-30"),
            "Tuesday morning|TIME|2000-04-04TMO"
        );
        assert_eq!(one("He stayed in the hospital until Tuesday.", "2000-03-30"), "Tuesday|DATE|2000-03-28");
        assert_eq!(
            one("The government decided to hold all stock markets closed until Friday.", "2008-09-18"),
            "Friday|DATE|2008-09-19"
        );
        assert_eq!(
            one("The boy could leave as soon as Tuesday, Castro said.", "2000-04-03"),
            "Tuesday|DATE|2000-04-04"
        );
    }

    #[test]
    fn possessive_weekdays_are_reported_events() {
        // "Wednesday's ruling": the news reports it, so it lies behind even after "would"
        assert_eq!(
            one("Relatives said they would look for ways around Wednesday's ruling.", "2000-01-07"),
            "Wednesday|DATE|2000-01-05"
        );
        assert_eq!(
            one("The GM move follows Tuesday's declaration by Ford, which holds a stake.", "1989-10-27"),
            "Tuesday|DATE|1989-10-24"
        );
        // unless the sentence plainly looks ahead
        assert_eq!(
            one("Parties rallied ahead of Sunday's election.", "2019-01-08"),
            "Sunday|DATE|2019-01-13"
        );
        assert_eq!(
            one("Voters expect Clinton to win Monday's debate.", "2016-09-22"),
            "Monday|DATE|2016-09-26"
        );
        assert_eq!(
            one("Trump will probably use Monday's encounter to attack her.", "2016-09-22"),
            "Monday|DATE|2016-09-26"
        );
    }
}
