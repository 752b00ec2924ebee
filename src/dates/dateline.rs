//! Find a dateline or publication date near the top of an article ("Jan 8, 2019", "January 8,
//! 2019", "8 January 2019", "2019-01-08", "BEIJING, Jan. 8, 2019 (Reuters) -"), used as the reference
//! date when the caller gives none. Only full dates (with a year) count.

use super::calendar::Date;
use super::lex::Toks;
use super::normalize::{Val, YearRef};
use super::Context;
use crate::text::Doc;

/// How far into the text a dateline may start (characters).
const HEAD_CHARS: usize = 400;

/// The first explicit full date in the first lines of `text`, if any.
pub fn find(text: &str) -> Option<Date> {
    let cut = text.char_indices().nth(HEAD_CHARS).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    Doc::with(head, |doc| {
        let tk = Toks::new(doc);
        let ctx = Context::default();
        for i in 0..tk.len() {
            let c = super::months::at(&tk, i, &ctx).or_else(|| super::numeric::at(&tk, i, &ctx));
            if let Some(c) = c {
                // a date-time's day ("2019-01-08T10:00")
                let val = match c.val {
                    Val::Time { day, .. } => *day,
                    v => v,
                };
                if let Val::Cal {
                    y: Some(YearRef::Abs(y)),
                    m,
                    d: Some(d),
                    ..
                } = val
                {
                    if let Some(date) = Date::new(y, m, d) {
                        return Some(date);
                    }
                }
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> Option<String> {
        find(s).map(|d| d.to_string())
    }

    #[test]
    fn forms() {
        assert_eq!(f("Jan 8, 2019\nBEIJING — talks began."), Some("2019-01-08".into()));
        assert_eq!(f("January 8, 2019 By Staff"), Some("2019-01-08".into()));
        assert_eq!(f("Published 8 January 2019"), Some("2019-01-08".into()));
        assert_eq!(f("2019-01-08T10:00 update"), Some("2019-01-08".into()));
        assert_eq!(
            f("BEIJING, Jan. 8, 2019 (Reuters) - China said"),
            Some("2019-01-08".into())
        );
    }

    #[test]
    fn none_without_full_date() {
        assert_eq!(f("On Monday, the talks began in January."), None);
        assert_eq!(f(""), None);
        assert_eq!(f("2019-02-30 is no date"), None);
        let long = format!("{}Jan 8, 2019", "word ".repeat(200));
        assert_eq!(f(&long), None);
    }
}
