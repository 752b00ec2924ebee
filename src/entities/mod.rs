//! Named entities: the trained tagger (PER, ORG, LOC, MISC) and the grouping of mentions into
//! entities with a canonical name.
//!
//! - `features`  — hashed features shared by the trainer and the tagger;
//! - `gazetteer` — embedded name lists as features;
//! - `model`     — the compact model format and Viterbi decoding;
//! - `tagger`    — two-pass tagging (sentence, then document-level history);
//! - `grouping`  — mentions to entities with a canonical name.

pub mod features;
pub mod gazetteer;
pub mod given_names;
pub mod grouping;
pub mod model;
pub mod rules;
pub mod tagger;

use crate::model::{Entity, Group};
use crate::text::Doc;

/// Tag entity mentions in `doc`, sorted by start, not overlapping. `group` is filled by [`group`].
pub fn tag(doc: &Doc) -> Vec<Entity> {
    tagger::tag(doc)
}

/// Group mentions of the same entity; sets each mention's `group` and returns the groups.
pub fn group(doc: &Doc, entities: &mut [Entity]) -> Vec<Group> {
    grouping::group(doc, entities)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Label;

    fn run(text: &str) -> (Vec<Entity>, Vec<Group>) {
        Doc::with(text, |doc| {
            let mut e = tag(doc);
            let g = group(doc, &mut e);
            (e, g)
        })
    }

    fn has(e: &[Entity], text: &str, label: Label) -> bool {
        e.iter().any(|m| m.text == text && m.label == label)
    }

    #[test]
    fn names_from_every_culture() {
        let text = "Kim Jong-un met South Korean President Moon Jae-in in Panmunjom on Friday.\n\
            “We will not give up,” said Lee Sang-sook, a professor at a Seoul university.\n\
            Chinese President Xi Jinping welcomed Turkish President Recep Tayyip Erdoğan to Beijing.\n\
            European Commission President Jean-Claude Juncker spoke with Syrian President Bashar al-Assad’s envoy.";
        let (e, _) = run(text);
        for name in ["Kim Jong-un", "Moon Jae-in", "Lee Sang-sook", "Xi Jinping", "Recep Tayyip Erdoğan", "Jean-Claude Juncker", "Bashar al-Assad"] {
            assert!(has(&e, name, Label::PER), "{name} as PER in {e:?}");
        }
        assert!(has(&e, "Beijing", Label::LOC));
    }

    #[test]
    fn conll_conventions() {
        let (e, _) = run("The North Korean leader met officials of South Korea’s Unification Ministry in Seoul.");
        assert!(has(&e, "North Korean", Label::MISC), "{e:?}");
        assert!(has(&e, "Unification Ministry", Label::ORG), "{e:?}");
        assert!(has(&e, "Seoul", Label::LOC), "{e:?}");
    }

    #[test]
    fn mentions_are_grouped_under_the_full_name() {
        let text = "Kim visits China\n\nKim Jong-un is making his fourth visit to China, where President Xi Jinping \
            will host him. Kim was invited by Xi. Foreign Ministry spokesman Lu Kang said the visit was planned. \
            Lu said the US should act. Donald Trump said the United States was ready. Mr. Trump added more.";
        let (e, g) = run(text);
        let canon = |m: &str| e.iter().filter(|x| x.text == m).map(|x| g[x.group].name.as_str()).collect::<Vec<_>>();
        assert!(canon("Kim").iter().all(|&n| n == "Kim Jong-un") && !canon("Kim").is_empty(), "{e:?}");
        assert_eq!(canon("Xi"), ["Xi Jinping"]);
        assert_eq!(canon("Lu"), ["Lu Kang"]);
        assert_eq!(canon("US"), ["United States"]);
        assert_eq!(canon("Trump"), ["Donald Trump"]);
        // every mention belongs to exactly the group that lists it
        for (i, m) in e.iter().enumerate() {
            assert!(g[m.group].mentions.contains(&i));
        }
    }

    #[test]
    fn odd_input_gives_valid_spans() {
        let long_caps = "PRESIDENT XI JINPING MEETS KIM JONG-UN IN BEIJING ".repeat(200);
        let no_spaces = "KimJong-unmetXiJinpinginBeijing".repeat(100);
        let inputs = [
            "", " ", "\u{0}\u{1}\u{2}", "😀 Kim 😀 Jong-un 😀", "e\u{301}e\u{301} Zoe\u{308} met Ame\u{301}lie",
            "\r\nKim\r\nJong-un\r\n", "“unbalanced quote by Lu Kang", "مرحبا بكم في القاهرة", "北京 Beijing 北京",
            "'s 's 's", "U.S.", "Mr.", "- - -", long_caps.as_str(), no_spaces.as_str(), "A.B.C.D.E.F.",
        ];
        for text in inputs {
            let (e, g) = run(text);
            let mut last_end = 0;
            for m in &e {
                assert!(m.start < m.end && m.end <= text.len(), "{text:?}");
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                assert!(m.start >= last_end, "sorted, not overlapping");
                assert_eq!(m.text, &text[m.start..m.end]);
                assert!(m.group < g.len());
                last_end = m.end;
            }
        }
    }
}
