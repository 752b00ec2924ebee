//! Common given names and the sex they are given to (the 1990 US Census lists, public domain; see
//! `data/LICENSES.md`): the entity rules use them to tell `Donald Trump` from an organisation, and
//! the quote resolver to keep "he" from a woman's name and "she" from a man's.

use std::sync::OnceLock;

/// `name<TAB>M|F|X[<TAB>place]` per line, sorted by name (built by `data/build_given_names.py`).
static TABLE: &str = include_str!("data/given_names.txt");

/// The sex a given name is given to, when nine in ten of its bearers share it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
    Either,
}

struct Row {
    name: &'static str,
    sex: Sex,
    place: bool,
}

fn rows() -> &'static [Row] {
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    ROWS.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let mut f = l.split('\t');
                let name = f.next().unwrap_or("");
                let sex = match f.next() {
                    Some("M") => Sex::Male,
                    Some("F") => Sex::Female,
                    _ => Sex::Either,
                };
                Row { name, sex, place: f.next() == Some("place") }
            })
            .collect()
    })
}

fn row(w: &str) -> Option<&'static Row> {
    let rows = rows();
    rows.binary_search_by(|r| r.name.cmp(w)).ok().map(|k| &rows[k])
}

/// `w` is a common given name that no gazetteer place or organisation shares (`Donald`, not
/// `Georgia` or `Elizabeth`): a name that starts with it is a person's.
pub fn is_given_name(w: &str) -> bool {
    row(w).map_or(false, |r| !r.place)
}

/// The sex of a common given name (`Theresa` → female), place names included (`Elizabeth`).
pub fn sex_of(w: &str) -> Option<Sex> {
    row(w).map(|r| r.sex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_unique_and_read_whole() {
        let lines: Vec<&str> = TABLE.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(rows().len(), lines.len());
        assert!(rows().len() >= 1000, "{} names", rows().len());
        assert!(rows().windows(2).all(|w| w[0].name < w[1].name), "given_names.txt must be sorted and unique (binary search)");
        let gaz = super::super::gazetteer::embedded();
        for r in rows() {
            assert_eq!(r.place, gaz.lookup(r.name) != 0, "{}: the place mark must follow the gazetteer", r.name);
        }
    }

    #[test]
    fn names_and_sexes() {
        assert!(is_given_name("Donald") && is_given_name("Theresa"));
        for not in ["Trump", "donald", "DONALD", "", "Georgia", "Virginia", "Elizabeth"] {
            assert!(!is_given_name(not), "{not}");
        }
        assert_eq!(sex_of("Donald"), Some(Sex::Male));
        assert_eq!(sex_of("Theresa"), Some(Sex::Female));
        assert_eq!(sex_of("Elizabeth"), Some(Sex::Female));
        assert_eq!(sex_of("Taylor"), Some(Sex::Either));
        assert_eq!(sex_of("Xi"), None);
    }
}
