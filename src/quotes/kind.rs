//! Full, partial or other: a quote is full when it is a sentence or more of speech set off from
//! the writer's words, partial when it is a phrase inside the writer's sentence, and other (a
//! title, nickname or scare quote) when it is a phrase nobody is said to have spoken.

use super::marks::Segment;
use crate::model::QuoteKind;

/// Classify a segment; `attributed` tells whether a speaker was found, `cued` whether a reporting
/// cue was (rather than only the subject of the sentence).
pub fn classify(text: &str, seg: &Segment, attributed: bool, cued: bool) -> QuoteKind {
    let content = text.get(seg.content_start..seg.content_end).unwrap_or("").trim();
    let first = content.chars().find(|c| c.is_alphanumeric());
    let starts_upper = first.map_or(false, |c| c.is_uppercase() || c.is_numeric());
    // the word count is only compared with numbers up to 8: counting stops at 9 (a long quote is
    // not walked to its end)
    let words = content.split_whitespace().take(9).count();
    let before = text.get(..seg.start).unwrap_or("").trim_end();
    // set off from the writer's words: at a paragraph start, after a colon, a comma or a sentence end
    let set_off = before.is_empty()
        || before.ends_with(['\n', ':', ',', '.', '!', '?', '\u{2014}'])
        || text.get(..seg.start).map_or(false, |b| b.ends_with('\n'))
        || before.ends_with(['"', '\u{201D}']);
    let sentence_like = starts_upper
        && (words >= 4 || content.ends_with(['.', '!', '?', ',']))
        && (set_off || words >= 8);
    // A title named after its owner: CNN's "State of the Union", NBC's "Nightly News".
    let titled = words <= 6
        && !seg.continued
        && (before.ends_with("'s") || before.ends_with("\u{2019}s"))
        && content
            .split_whitespace()
            .all(|w| w.chars().next().map_or(true, |c| !c.is_alphabetic() || c.is_uppercase()) || w.len() <= 3);
    // A short title-case phrase nobody is said to have said is a title: the “Fantastic Four” reboot.
    let title_case = words <= 6
        && content.split_whitespace().filter(|w| w.len() > 3).count() > 0
        && content
            .split_whitespace()
            .all(|w| w.chars().find(|c| c.is_alphabetic()).map_or(true, char::is_uppercase) || w.len() <= 3);
    // A stage direction in a transcript: "(CROSSTALK.)", "[Applause]".
    let bracketed = {
        let c = content.trim_end_matches(['.', ',']);
        (c.starts_with('(') && c.ends_with(')')) || (c.starts_with('[') && c.ends_with(']'))
    };
    // The title of a work named just before it: her memoir, “Tough Choices.”; the documentary, “13th”.
    let work_title = words <= 8 && !cued && !seg.continued && !seg.continues && {
        let w = before.trim_end_matches([',', ':']).trim_end();
        let last = w.rsplit(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
        is_work_noun(last)
    };
    // A name somebody gave, after a word of naming: referred to her as “Miss Piggy”, dubbed “Lyin'
    // Ted”, calls people “losers” and “sad”, names like “pigs”.
    let named = {
        // (only the last few dozen bytes: a long run of marks must not be rescanned per quote)
        let mut from = before.len().saturating_sub(64);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        let mut words_before = before[from..].rsplit(|c: char| !c.is_alphanumeric() && c != '-').filter(|x| !x.is_empty());
        let last = words_before.next().unwrap_or("");
        matches!(super::cues::lower_b(last, &mut [0; 24]), b"as" | b"named" | b"titled" | b"entitled" | b"like")
            || std::iter::once(last).chain(words_before.take(3)).any(is_naming_verb)
    };
    if titled || bracketed || work_title || (title_case && !cued && !named && !seg.continued && !seg.continues) {
        QuoteKind::Other
    } else if seg.continued || seg.continues || sentence_like {
        QuoteKind::Full
    } else if attributed {
        QuoteKind::Partial
    } else if words >= 8 {
        // a long unattributed passage is still speech or a quoted document
        QuoteKind::Full
    } else if (words >= 2 && !title_case) || named {
        // a quoted phrase of several lower-case words is someone's words even when the sentence
        // does not say whose ("a “rush to judgment”"), and so is a name somebody gave; a single
        // word is a scare quote
        QuoteKind::Partial
    } else {
        QuoteKind::Other
    }
}

/// Verbs of naming, whose object in quotes is somebody's words: "calls people “losers”".
fn is_naming_verb(w: &str) -> bool {
    matches!(
        super::cues::lower_b(w, &mut [0; 24]),
        b"call" | b"calls" | b"called" | b"calling" | b"dub" | b"dubs" | b"dubbed" | b"nicknamed" | b"labeled"
            | b"labelled" | b"branded" | b"termed" | b"chant" | b"chants" | b"chanted" | b"chanting" | b"cries"
            | b"shouts" | b"shouting"
    )
}

/// Nouns naming a work whose title may follow: "the documentary “13th”".
fn is_work_noun(w: &str) -> bool {
    matches!(
        super::cues::lower_b(w, &mut [0; 24]),
        b"book" | b"memoir" | b"novel" | b"film" | b"movie" | b"documentary" | b"show" | b"series" | b"program"
            | b"programme" | b"podcast" | b"song" | b"album" | b"play" | b"musical" | b"column" | b"commentary"
            | b"op-ed" | b"essay" | b"episode" | b"sitcom" | b"anthem"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks;

    fn kinds(text: &str, attributed: bool) -> Vec<QuoteKind> {
        marks::find(text).iter().map(|s| classify(text, s, attributed, attributed)).collect()
    }

    #[test]
    fn full_partial_other() {
        assert_eq!(kinds("“We will win this race,” he said.", true), [QuoteKind::Full]);
        assert_eq!(kinds("He said: “Yes.”", true), [QuoteKind::Full]);
        assert_eq!(kinds("he might take a “new path” soon", true), [QuoteKind::Partial]);
        assert_eq!(kinds("she watched “Morning Joe” today", false), [QuoteKind::Other]);
        assert_eq!(kinds("the “fact-checking” website", false), [QuoteKind::Other]);
        assert_eq!(kinds("Pence said on CNN's “State of the Union.”", true), [QuoteKind::Other]);
        assert_eq!(kinds("Marvel cast him in the “Fantastic Four” reboot", false), [QuoteKind::Other]);
        // a phrase of several lower-case words is someone's words even with no speaker found
        assert_eq!(kinds("the campaign called it a “rush to judgment” today", false), [QuoteKind::Partial]);
        // a name somebody gave is their words
        let t = "Clinton cited his references to Machado as “Miss Piggy” in the debate";
        assert_eq!(classify(t, &marks::find(t)[0], true, false), QuoteKind::Partial);
        assert_eq!(kinds("Preys on our fears, and calls people “losers” and “sad.”", false), [QuoteKind::Partial, QuoteKind::Partial]);
        let t = "Clinton spoke on the show “Miss Piggy” in the debate";
        assert_eq!(classify(t, &marks::find(t)[0], true, false), QuoteKind::Other);
        // stage directions and the titles of named works
        assert_eq!(kinds("\"(CROSSTALK.)", false), [QuoteKind::Other]);
        assert_eq!(kinds("she wrote in her memoir, “Tough Choices.” Then", false), [QuoteKind::Other]);
        assert_eq!(kinds("Davis' commentary, “Melania, tell your immigrant story,” is good", false), [QuoteKind::Other]);
    }
}
