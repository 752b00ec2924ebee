//! Find a dateline or publication date near the top of an article ("Jan 8, 2019", "2019-01-08",
//! "BEIJING, Jan. 8 (Reuters) -"), used as the reference date when the caller gives none.

use super::calendar::Date;

/// The first explicit full date in the first lines of `text`, if any.
pub fn find(text: &str) -> Option<Date> {
    let head: String = text.chars().take(400).collect();
    // ISO dates only in this first version; month-name datelines come with the date layer.
    let b = head.as_bytes();
    for i in 0..b.len().saturating_sub(9) {
        let w = &b[i..i + 10];
        if w[4] == b'-' && w[7] == b'-' && w.iter().enumerate().all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
        {
            let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
            if before_ok {
                if let Ok(d) = Date::parse_iso(std::str::from_utf8(w).ok()?) {
                    return Some(d);
                }
            }
        }
    }
    None
}
