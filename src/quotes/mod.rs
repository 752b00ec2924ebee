//! Quotations and who said them: first find the quoted spans (`marks`), then attribute each to a
//! speaker with the cue patterns of news writing (`attribute`, `cues`), resolve the speaker mention
//! to a name and entity group (`names`), and tell full quotes from partial ones (`kind`).

pub mod attribute;
pub mod cues;
pub mod kind;
pub mod marks;
pub mod names;

use crate::model::{Cue, Entity, Group, Quote, Speaker};
use crate::text::Doc;

/// Find quotations in `doc` and attribute them, sorted by start, not overlapping.
pub fn find(doc: &Doc, entities: &[Entity], groups: &[Group]) -> Vec<Quote> {
    let text = doc.text;
    let mut segs = marks::find(text);
    // A pair of marks around nothing that can be said (`""`, `" "`, `"?"`, control characters) is
    // not a quotation: keep only spans whose content has a letter or a digit.
    segs.retain(|s| text[s.content_start..s.content_end].chars().any(char::is_alphanumeric));
    // the capitalised words, gathered once for the attribution and the resolver
    let caps = names::CapWords::new(doc);
    let found = attribute::attribute_with(doc, &segs, entities, &caps);
    let quoted: Vec<(usize, usize)> = segs.iter().map(|s| (s.content_start, s.content_end)).collect();
    let mut resolver = names::Resolver::with_caps(doc, entities, groups, &quoted, caps);
    let toks = doc.tokens;
    let mut out = Vec::with_capacity(segs.len());
    let mut prev_speaker: Option<Speaker> = None;
    for (seg, f) in segs.iter().zip(&found) {
        let speaker = f.speaker.map(|(a, b)| {
            let (start, end) = (toks[a].start, toks[b - 1].end);
            // an inherited mention keeps the name it was resolved to
            match (&prev_speaker, f.inherited) {
                (Some(p), true) if p.start == start && p.end == end => p.clone(),
                _ => {
                    let r = resolver.resolve(a, b);
                    Speaker { name: r.name, start, end, text: text[start..end].to_string(), group: r.group }
                }
            }
        });
        let cue = f.cue.map(|(a, b)| {
            let (start, end) = (toks[a].start, toks[b - 1].end);
            Cue { start, end, text: text[start..end].to_string() }
        });
        let kind = kind::classify(text, seg, speaker.is_some(), f.cue.is_some() || f.inherited);
        if speaker.is_some() {
            prev_speaker = speaker.clone();
        }
        out.push(Quote {
            start: seg.start,
            end: seg.end,
            text: text[seg.start..seg.end].to_string(),
            kind,
            content_start: seg.content_start,
            content_end: seg.content_end,
            speaker,
            cue,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteKind;

    fn quotes(text: &str) -> Vec<Quote> {
        Doc::with(text, |doc| find(doc, &[], &[]))
    }

    /// Regression (hostile input): `""""` gave a quote of kind "other" per pair, with nothing inside.
    #[test]
    fn marks_around_nothing_sayable_are_not_quotes() {
        for t in ["\"\"\"\"\"\"", "x \"\" y", "\" \"", "\"\u{1}\"", "\u{201c}\u{2026}\u{201d}", "\"?!\" and \"--\""] {
            assert!(quotes(t).is_empty(), "{t:?} gave {:?}", quotes(t));
        }
        // one letter or digit inside is enough
        let q = quotes("\"\" then \"a\" and \"7\"");
        assert_eq!(q.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(), ["\"a\"", "\"7\""]);
    }

    #[test]
    fn end_to_end_shape() {
        let t = "Foreign Ministry spokesman Lu Kang spoke. “We are close,” Lu said. He called it a “new era.”";
        let q = quotes(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "“We are close,”");
        assert_eq!(&t[q[0].content_start..q[0].content_end], "We are close,");
        assert_eq!(q[0].kind, QuoteKind::Full);
        let s = q[0].speaker.as_ref().unwrap();
        assert_eq!((s.text.as_str(), s.name.as_str()), ("Lu", "Lu Kang"));
        assert_eq!(q[0].cue.as_ref().unwrap().text, "said");
        let s1 = q[1].speaker.as_ref().unwrap();
        assert_eq!((s1.text.as_str(), s1.name.as_str()), ("He", "Lu Kang"));
        assert_eq!(q[1].kind, QuoteKind::Partial);
    }

    #[test]
    fn tagged_names_are_subjects_anywhere() {
        let t = "Trump is seeking a summit, saying a date would be announced “in the not-too-distant future.”";
        Doc::with(t, |doc| {
            assert!(find(doc, &[], &[])[0].speaker.is_none());
            let ents = [Entity { start: 0, end: 5, text: "Trump".into(), label: crate::model::Label::PER, group: 0 }];
            let groups = [Group { id: 0, name: "Donald Trump".into(), label: crate::model::Label::PER, mentions: vec![0] }];
            let q = find(doc, &ents, &groups);
            let s = q[0].speaker.as_ref().unwrap();
            assert_eq!((s.text.as_str(), s.name.as_str(), s.group), ("Trump", "Donald Trump", Some(0)));
        });
    }

    #[test]
    fn spans_sorted_within_text_on_char_boundaries() {
        for t in ["", "\"", "😀 “a” 😀 said Lee.", "«x» \u{0} „y“ he said\r\n\"z", "'''\"\"\"", "Lee: “"] {
            let q = quotes(t);
            for w in q.windows(2) {
                assert!(w[0].end <= w[1].start);
            }
            for x in &q {
                assert!(x.end <= t.len() && t.is_char_boundary(x.start) && t.is_char_boundary(x.end));
            }
        }
    }
}
