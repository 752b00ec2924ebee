//! Times of day: `10:30 a.m. EST`, `7 pm local time`, `7pm`, `noon`, `midnight`, `4 in the
//! morning`, `18:00 UTC`; a zone is kept as its offset (`Z` for UTC/GMT, `-05:00` for EST, `+08:00`
//! for `(GMT +8)`). A clock time takes the day it is attached to (`5 p.m. EST Nov. 9`, see
//! `mod.rs`), else the day last talked about, else the reference date.

use super::lex::{small_number, Toks, Unit};
use super::normalize::{Tod, Val};
use super::{Cand, Context};
use crate::model::TimexType;

/// "am", "a.m.", "pm", "p.m." as one word (lower-cased): whether it is afternoon.
pub(super) fn meridiem_word(w: &str) -> Option<bool> {
    match w {
        "a.m." | "a.m" | "am" => Some(false),
        "p.m." | "p.m" | "pm" => Some(true),
        _ => None,
    }
}

/// `a.m.`/`p.m.` at `i`: (is pm, next).
fn meridiem(tk: &Toks, i: usize) -> Option<(bool, usize)> {
    if let Some(pm) = meridiem_word(tk.w(i)) {
        return Some((pm, i + 1));
    }
    match tk.w(i) {
        "a" | "p" if tk.w(i + 1) == "." && tk.w(i + 2) == "m" => {
            let e = if tk.w(i + 3) == "." { i + 4 } else { i + 3 };
            Some((tk.w(i) == "p", e))
        }
        _ => None,
    }
}

/// A time zone at `i`: (its offset from UTC in minutes if the name fixes one, next). Zones whose
/// offset changes with daylight saving (`ET`, `PT`) or whose abbreviation is shared (`IST`: India,
/// Ireland, Israel) are spanned but get no offset rather than a guess.
fn zone(tk: &Toks, i: usize) -> Option<(Option<i16>, usize)> {
    let w = tk.w(i);
    if matches!(w, "utc" | "gmt" | "z") {
        return Some((Some(0), i + 1));
    }
    if let Some(z) = utc_offset(w.trim_end_matches('.')) {
        // a lower-case `est` or `pt` is a word, not a zone
        return if tk.cap(i) { Some((z, i + 1)) } else { None };
    }
    if w == "local" && tk.w(i + 1) == "time" {
        return Some((None, i + 2));
    }
    None
}

/// Offsets of zone abbreviations (lower case): `Some(Some(minutes))` fixed, `Some(None)` a zone
/// with no fixed offset, `None` not a zone.
fn utc_offset(w: &str) -> Option<Option<i16>> {
    Some(match w {
        "utc" | "gmt" | "z" => Some(0),
        "est" => Some(-300),
        "edt" | "ast" => Some(-240),
        "cst" => Some(-360),
        "cdt" => Some(-300),
        "mst" => Some(-420),
        "mdt" => Some(-360),
        "pst" => Some(-480),
        "pdt" => Some(-420),
        "bst" | "cet" => Some(60),
        "cest" | "eet" | "sast" => Some(120),
        "eest" | "msk" => Some(180),
        "jst" | "kst" => Some(540),
        "aest" => Some(600),
        "aedt" => Some(660),
        "ist" | "et" | "pt" | "ct" => None,
        _ => return None,
    })
}

/// `+8`, `+ 8`, `-05:00`, `+0530` after `GMT`/`UTC` (tokens `from..to`): the offset in minutes.
fn explicit_offset(tk: &Toks, from: usize, to: usize) -> Option<i16> {
    let mut s = String::new();
    for k in from..to {
        s.push_str(tk.w(k));
    }
    let (neg, rest) = if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else if let Some(r) = s.strip_prefix(['-', '\u{2212}']) {
        (true, r)
    } else {
        return None;
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (i16, i16) = match digits.len() {
        1 | 2 => (digits.parse().ok()?, 0),
        3 => (digits[..1].parse().ok()?, digits[1..].parse().ok()?),
        _ => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
    };
    if h > 14 || m > 59 {
        return None;
    }
    let z = h * 60 + m;
    Some(if neg { -z } else { z })
}

fn clock(s: usize, e: usize, h: u32, m: u32, zone: Option<i16>) -> Option<Cand> {
    if h > 24 || m > 59 {
        return None;
    }
    Some(Cand::new(
        s,
        e,
        TimexType::Time,
        Val::Time {
            day: Box::new(Val::Offset { unit: Unit::Day, n: 0 }),
            tod: Tod::Clock {
                h: h as u8,
                m: m as u8,
                zone,
            },
        },
    ))
}

fn finish(tk: &Toks, s: usize, mut e: usize, mut h: u32, m: u32, had_meridiem: bool, pm: bool) -> Option<Cand> {
    if had_meridiem {
        if !(1..=12).contains(&h) {
            return None;
        }
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
    }
    let mut zoned = None;
    if let Some((z, k)) = zone(tk, e) {
        zoned = z;
        e = k;
    } else if tk.w(e) == "(" {
        if let Some((z, k)) = zone(tk, e + 1) {
            // "(GMT +8)": keep the parenthesis with the zone
            let mut k2 = k;
            while k2 < tk.len() && k2 < k + 4 && tk.w(k2) != ")" {
                k2 += 1;
            }
            if tk.w(k2) == ")" {
                // "(GMT +8)" is a local time eight hours ahead of UTC, not UTC itself
                zoned = if k2 == k { z } else if z == Some(0) { explicit_offset(tk, k, k2) } else { None };
                e = k2 + 1;
            }
        }
    }
    clock(s, e, h, m, zoned)
}

/// "mid-afternoon", "early morning", "in the morning", "by the evening": a part of the day under
/// discussion (the last day named, else the reference date; see `Anchor::ThatDay`). A bare part of
/// the day needs such a frame: "morning" alone is as often a noun ("morning papers").
fn part_of_the_day(tk: &Toks, i: usize) -> Option<Cand> {
    let w = tk.w(i);
    let p = match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => return None,
    };
    if i == 0 || !tk.same_sent(i - 1, i) || tk.is_any(
            i + 1,
            &[
                "of", "-", "'s", "paper", "papers", "news", "show", "shows", "meeting", "meetings", "edition",
                "editions", "briefing", "briefings", "rush", "commute", "traffic", "shift", "shifts", "prayers",
                "service", "services", "class", "classes",
            ],
        ) {
        return None;
    }
    let prev = tk.w(i - 1);
    let modded = matches!(prev, "mid" | "early" | "late") || (prev == "-" && i > 1 && tk.w(i - 2) == "mid");
    let framed = prev == "the" && i > 1 && tk.is_any(i - 2, &["in", "during", "by", "through", "throughout"]);
    if !(modded || framed) {
        return None;
    }
    let c = Cand::new(
        i,
        i + 1,
        TimexType::Time,
        Val::Time {
            day: Box::new(Val::Offset { unit: Unit::Day, n: 0 }),
            tod: Tod::Part(p),
        },
    )
    .anchor(super::Anchor::ThatDay);
    Some(if framed { c.det() } else { c })
}

/// "half past nine", "(a) quarter to ten", "quarter past 3 p.m.": a clock time, when the hour
/// ends the phrase ("cut by a quarter to 5 percent" is no time).
fn past_to(tk: &Toks, i: usize) -> Option<Cand> {
    let (k, mins) = match tk.w(i) {
        "a" if tk.w(i + 1) == "quarter" => (i + 2, 15),
        "quarter" => (i + 1, 15),
        "half" => (i + 1, 30),
        _ => return None,
    };
    let to = match tk.w(k) {
        "past" | "after" => false,
        "to" if mins == 15 => true,
        _ => return None,
    };
    let hw = tk.w(k + 1);
    let h: u32 = if hw.bytes().all(|b| b.is_ascii_digit()) && !hw.is_empty() && hw.len() <= 2 {
        hw.parse().ok()?
    } else {
        small_number(hw)?
    };
    if !(1..=12).contains(&h) {
        return None;
    }
    let (h, m) = if to { (if h == 1 { 12 } else { h - 1 }, 60 - mins) } else { (h, mins) };
    let mut e = k + 2;
    if let Some((pm, me)) = meridiem(tk, e) {
        return finish(tk, i, me, h, m, true, pm);
    } else if tk.w(e) == "o'clock" {
        e += 1;
    } else {
        let next = tk.t.get(e);
        let ends = next.map_or(true, |t| t.punct)
            || tk.is_any(e, &["on", "at", "in", "this", "that", "tonight", "tomorrow", "yesterday", "last", "and", "when", "local"])
            || super::lex::weekday_of(tk.w(e)).is_some();
        if !ends {
            return None;
        }
    }
    clock(i, e, h, m, None)
}

pub fn at(tk: &Toks, i: usize, _ctx: &Context) -> Option<Cand> {
    let w = tk.w(i);
    if let Some(c) = part_of_the_day(tk, i) {
        return Some(c);
    }
    if let Some(c) = past_to(tk, i) {
        return Some(c);
    }
    match w {
        "noon" if i > 0 && tk.w(i - 1) == "high" => return None,
        "noon" | "midday" => return clock(i, i + 1, 12, 0, None),
        "midnight" => return clock(i, i + 1, 24, 0, None),
        _ => {}
    }
    if w.is_empty() || !w.as_bytes()[0].is_ascii_digit() {
        // "four in the morning", "seven o'clock"
        let h = small_number(w)?;
        return word_hour(tk, i, h);
    }
    // 10:30, 18:00
    if let Some((hs, ms)) = w.split_once(':') {
        if hs.is_empty()
            || hs.len() > 2
            || ms.len() != 2
            || !hs.bytes().all(|b| b.is_ascii_digit())
            || !ms.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let (h, m): (u32, u32) = (hs.parse().ok()?, ms.parse().ok()?);
        if let Some((pm, e)) = meridiem(tk, i + 1) {
            return finish(tk, i, e, h, m, true, pm);
        }
        let prev = if i > 0 { tk.w(i - 1) } else { "" };
        let zoned = zone(tk, i + 1).is_some();
        if zoned
            || matches!(
                prev,
                "at" | "by"
                    | "from"
                    | "until"
                    | "till"
                    | "around"
                    | "about"
                    | "before"
                    | "after"
                    | "since"
                    | "to"
                    | "and"
            )
        {
            return finish(tk, i, i + 1, h, m, false, false);
        }
        return None;
    }
    // 9.30am, 9.30 a.m. (British wire copy): a dot between hour and minutes, only with a
    // meridiem ("9.30" alone is a decimal)
    if let Some((hs, rest)) = w.split_once('.') {
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        // (bytes, not a slice: the text after the dot may start with a multi-byte character)
        if hs.len() <= 2 && digits(hs) && rest.len() >= 2 && rest.as_bytes()[..2].iter().all(u8::is_ascii_digit) {
            let (ms, suf) = rest.split_at(2);
            let (h, m): (u32, u32) = (hs.parse().ok()?, ms.parse().ok()?);
            if suf.is_empty() {
                let (pm, e) = meridiem(tk, i + 1)?;
                return finish(tk, i, e, h, m, true, pm);
            }
            if let Some(pm) = meridiem_word(suf) {
                return finish(tk, i, i + 1, h, m, true, pm);
            }
        }
        return None;
    }
    // 7pm, 0800 UTC
    let digits_end = w.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(w.len());
    if digits_end < w.len() {
        let suf = &w[digits_end..];
        if let Some(pm) = meridiem_word(suf).filter(|_| digits_end <= 2) {
            let h: u32 = w[..digits_end].parse().ok()?;
            return finish(tk, i, i + 1, h, 0, true, pm);
        }
        return None;
    }
    let h: u32 = w.parse().ok()?;
    if w.len() <= 2 {
        if let Some((pm, e)) = meridiem(tk, i + 1) {
            return finish(tk, i, e, h, 0, true, pm);
        }
        return word_hour(tk, i, h);
    }
    if w.len() == 4 {
        if let Some((zone, e)) = zone(tk, i + 1) {
            if zone == Some(0) {
                return clock(i, e, h / 100, h % 100, zone);
            }
        }
    }
    None
}

/// "4 in the morning", "seven o'clock".
fn word_hour(tk: &Toks, i: usize, h: u32) -> Option<Cand> {
    if !(1..=12).contains(&h) {
        return None;
    }
    if tk.w(i + 1) == "o'clock" {
        return clock(i, i + 2, h, 0, None);
    }
    if tk.w(i + 1) == "in" && tk.w(i + 2) == "the" {
        let pm = match tk.w(i + 3) {
            "morning" => false,
            "afternoon" | "evening" => true,
            "night" => h < 12 && h >= 6,
            _ => return None,
        };
        let hh = if pm && h < 12 { h + 12 } else { h };
        return clock(i, i + 4, hh, 0, None);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::dates::testutil::one;

    #[test]
    fn clocks() {
        assert_eq!(
            one("It began at 10:30 a.m. EST, he said.", "2019-01-08"),
            "10:30 a.m. EST|TIME|2019-01-08T10:30-05:00"
        );
        assert_eq!(
            one("It began at 7 pm local time.", "2019-01-08"),
            "7 pm local time|TIME|2019-01-08T19:00"
        );
        assert_eq!(one("It began at 7pm.", "2019-01-08"), "7pm|TIME|2019-01-08T19:00");
        // an offset from GMT is a local time eight hours ahead, not UTC
        assert_eq!(
            one("It landed at 6:40 p.m. (GMT +8) after a long flight.", "2007-10-17"),
            "6:40 p.m. (GMT +8)|TIME|2007-10-17T18:40+08:00"
        );
        assert_eq!(
            one("It landed at 6:40 p.m. (GMT) after a long flight.", "2007-10-17"),
            "6:40 p.m. (GMT)|TIME|2007-10-17T18:40Z"
        );
        assert_eq!(one("It began at noon.", "2019-01-08"), "noon|TIME|2019-01-08T12:00");
        assert_eq!(
            one("It began at 18:00 UTC.", "2019-01-08"),
            "18:00 UTC|TIME|2019-01-08T18:00Z"
        );
        assert_eq!(
            one("It began at 4 in the morning.", "2019-01-08"),
            "4 in the morning|TIME|2019-01-08T04:00"
        );
        assert_eq!(one("It began at 12 a.m. sharp", ""), "12 a.m.|TIME|XXXX-XX-XXT00:00");
    }

    #[test]
    fn day_of_the_time() {
        assert_eq!(
            one("On Jan. 3 he left. He came back at 10 p.m. that night", "2019-01-08"),
            "Jan. 3|DATE|2019-01-03; 10 p.m.|TIME|2019-01-03T22:00"
        );
        assert_eq!(
            one("He left at 10 p.m. Wednesday.", "1998-02-13"),
            "10 p.m. Wednesday|TIME|1998-02-11T22:00"
        );
        // a day named after `on` is the time's day, not the last day talked about
        assert_eq!(
            one("Police said Wednesday the blast came at 10:30 a.m. EST on March 3.", "2019-01-08"),
            "Wednesday|DATE|2019-01-02; 10:30 a.m. EST|TIME|2019-03-03T10:30-05:00; March 3|DATE|2019-03-03"
        );
        assert_eq!(
            one("It began on Jan. 3. The vote came at 7 pm on Friday.", "2019-01-08"),
            "Jan. 3|DATE|2019-01-03; 7 pm|TIME|2019-01-04T19:00; Friday|DATE|2019-01-04"
        );
    }

    #[test]
    fn sentence_final_meridiem() {
        // the tokenizer gives the period at the end of the text to the sentence
        assert_eq!(
            one("He came back at 10 p.m.", "2019-01-08"),
            "10 p.m|TIME|2019-01-08T22:00"
        );
    }

    #[test]
    fn zones_keep_their_offset() {
        let r = "2019-01-08";
        assert_eq!(one("The polls closed at 8 p.m. PST.", r), "8 p.m. PST|TIME|2019-01-08T20:00-08:00");
        assert_eq!(one("The launch was at 18:00 UTC.", r), "18:00 UTC|TIME|2019-01-08T18:00Z");
        assert_eq!(one("It landed at 6:40 p.m. (GMT +8).", r), "6:40 p.m. (GMT +8)|TIME|2019-01-08T18:40+08:00");
        assert_eq!(one("It landed at 6:40 p.m. (GMT-05:30).", r), "6:40 p.m. (GMT-05:30)|TIME|2019-01-08T18:40-05:30");
        // offsets that move with daylight saving, or abbreviations shared by several zones: no guess
        assert_eq!(one("The show starts at 9 p.m. ET.", r), "9 p.m. ET|TIME|2019-01-08T21:00");
        assert_eq!(one("It began at 10 pm IST.", r), "10 pm IST|TIME|2019-01-08T22:00");
        // lower-case abbreviations are words
        assert_eq!(one("It began at 5 pm est cost.", r), "5 pm|TIME|2019-01-08T17:00");
    }

    #[test]
    fn traps() {
        assert_eq!(one("John 3:16 says so. The ratio was 10:30.", "2019-01-08"), "");
        assert_eq!(one("They won 3-2.", "2019-01-08"), "");
    }

    #[test]
    fn parts_of_the_day_under_discussion() {
        assert_eq!(
            one("By mid afternoon, official sources were saying it stopped.", "1998-03-06"),
            "mid afternoon|TIME|1998-03-06TAF"
        );
        assert_eq!(
            one("In London at mid-afternoon yesterday, shares rose.", "1989-11-02"),
            "mid-afternoon yesterday|TIME|1989-11-01TAF"
        );
        // the day last named
        assert_eq!(
            one("Prices fell Friday. Dealers placed orders in the morning.", "1989-10-30"),
            "Friday|DATE|1989-10-27; the morning|TIME|1989-10-27TMO"
        );
        // a bare part of the day is no time; nor a morning paper
        assert_eq!(one("The morning was cold.", "1989-10-30"), "");
        assert_eq!(one("It ran in the morning papers.", "1989-10-30"), "");
        assert_eq!(one("He speaks up in the morning meetings.", "1989-10-30"), "");
    }
    #[test]
    fn a_dotted_clock_time_with_a_meridiem() {
        // was nothing: British wire copy writes "9.30am"
        assert_eq!(one("The meeting starts at 9.30am.", "2019-01-08"), "9.30am|TIME|2019-01-08T09:30");
        assert_eq!(one("Polls close at 10.00pm GMT.", "2019-01-08"), "10.00pm GMT|TIME|2019-01-08T22:00Z");
        assert_eq!(one("The talks start at 9.30 a.m. tomorrow.", "2019-01-08"), "9.30 a.m. tomorrow|TIME|2019-01-09T09:30");
        // a decimal without a meridiem is no time
        assert_eq!(one("It rose 9.30 percent.", "2019-01-08"), "");
        assert_eq!(one("It rose 9.75 at the close.", "2019-01-08"), "");
        // a multi-byte character after the dot
        assert_eq!(one("At 9.5éam it rose.", "2019-01-08"), "");
    }
    #[test]
    fn a_quarter_to_ten_is_a_clock_time() {
        // was "a quarter|DURATION|P3M", and "half past nine" nothing
        assert_eq!(one("He arrived at a quarter to ten.", "2019-01-08"), "a quarter to ten|TIME|2019-01-08T09:45");
        assert_eq!(one("He arrived at half past nine.", "2019-01-08"), "half past nine|TIME|2019-01-08T09:30");
        assert_eq!(
            one("The blast came at quarter past 3 p.m. on Monday.", "2019-01-08"),
            "quarter past 3 p.m.|TIME|2019-01-07T15:15; Monday|DATE|2019-01-07"
        );
        // a share of an amount is no time
        assert_eq!(one("Sales fell by half to 10 million.", "2019-01-08"), "");
        assert_eq!(one("Half the voters stayed home.", "2019-01-08"), "");
    }
}
