//! The example article: every quotation a reader sees, with the speaker a reader would name.

use newsmark::{annotate, Layers, Options, QuoteKind};

const ARTICLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seed/article.txt"));

fn quotes_layer() -> Options {
    Options { layers: Layers { quotes: true, dates: false, entities: false }, ..Options::default() }
}

/// (start of the quoted text, kind, mention in the attribution, resolved name)
const EXPECTED: &[(&str, QuoteKind, &str, &str)] = &[
    ("“in the not-too-distant future.”", QuoteKind::Partial, "Trump", "Donald Trump"),
    ("“new path”", QuoteKind::Partial, "The North Korean leader", "Kim Jong-un"),
    ("“For China, North Korea is something", QuoteKind::Full, "Lee Sang-sook", "Lee Sang-sook"),
    ("“But for North Korea, China is its strongest foothold", QuoteKind::Full, "Lee Sang-sook", "Lee Sang-sook"),
    ("“China and the DPRK are friendly", QuoteKind::Full, "Lu", "Lu Kang"),
    ("“socialist countries”", QuoteKind::Partial, "Kim", "Kim Jong-un"),
];

#[test]
fn every_quotation_with_its_speaker() {
    let r = annotate(ARTICLE, &quotes_layer());
    assert_eq!(r.quotes.len(), EXPECTED.len(), "{:#?}", r.quotes.iter().map(|q| &q.text).collect::<Vec<_>>());
    for (q, &(start, kind, mention, name)) in r.quotes.iter().zip(EXPECTED) {
        assert!(q.text.starts_with(start), "{:?} should start with {start:?}", q.text);
        assert_eq!(&ARTICLE[q.start..q.end], q.text);
        assert_eq!(q.kind, kind, "{}", q.text);
        let s = q.speaker.as_ref().unwrap_or_else(|| panic!("no speaker for {}", q.text));
        assert_eq!(s.text, mention, "{}", q.text);
        assert_eq!(&ARTICLE[s.start..s.end], mention);
        assert_eq!(s.name, name, "{}", q.text);
        assert!(q.cue.is_some(), "{}", q.text);
    }
}

#[test]
fn marks_are_inside_the_span_and_outside_the_content() {
    let r = annotate(ARTICLE, &quotes_layer());
    for q in &r.quotes {
        let content = &ARTICLE[q.content_start..q.content_end];
        assert!(q.start < q.content_start && q.content_end < q.end, "{}", q.text);
        assert!(!content.starts_with('“') && !content.ends_with('”'), "{content}");
    }
    // the cues a reader sees
    let cues: Vec<&str> = r.quotes.iter().filter_map(|q| q.cue.as_ref().map(|c| c.text.as_str())).collect();
    assert_eq!(cues, ["saying", "said", "said", "said", "said", "proposed"]);
}

#[test]
fn quotes_by_speaker_can_be_counted() {
    let r = annotate(ARTICLE, &quotes_layer());
    let by_lee = r.quotes.iter().filter(|q| q.speaker.as_ref().map_or(false, |s| s.name == "Lee Sang-sook")).count();
    let by_kim = r.quotes.iter().filter(|q| q.speaker.as_ref().map_or(false, |s| s.name == "Kim Jong-un")).count();
    assert_eq!((by_lee, by_kim), (2, 2));
}
