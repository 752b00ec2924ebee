//! `annotate_parallel` (the CLI's path for long texts) gives exactly what `annotate` gives: the
//! segments run on several threads, but they are stitched in order.

use newsmark::{annotate, annotate_parallel, segment, Date, Options};

fn json(a: &newsmark::Annotation) -> Vec<u8> {
    let mut out = Vec::new();
    newsmark::json::write_annotation(&mut out, a).unwrap();
    out
}

#[test]
fn threads_do_not_change_the_result_of_a_long_text() {
    let article = "\"Talks on the Korean Peninsula will resume on Thursday,\" said Lee Sang-sook, a researcher \
        at the Sejong Institute in Seoul. Kim Jong-un met Xi Jinping in Beijing last year, and Kim said \
        he would return next month. Lu Kang, a spokesman, called it \"a good start\". Lu said so twice.";
    // Vary the paragraphs, so each segment differs and mixed-up order would show.
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 5 * segment::SEGMENT_BYTES / 2 {
        text.push_str(&format!("Paragraph {i}, written on January {}, 2019.\n\n", 1 + i % 28));
        text.push_str(&article);
        text.push_str("\n\n");
        i += 1;
    }
    assert!(segment::cut(&text, segment::SEGMENT_BYTES).len() >= 3, "the text must span several segments");
    let opts = Options { reference_date: Some(Date::parse_iso("2019-01-08").unwrap()), ..Options::default() };
    let one = annotate(&text, &opts);
    assert!(!one.dates.is_empty() && !one.entities.is_empty() && !one.quotes.is_empty());
    for threads in [2, 3, 8] {
        assert_eq!(json(&annotate_parallel(&text, &opts, threads)), json(&one), "{threads} threads");
    }
    // A short text (one segment) takes the plain path.
    let short = "Xi Jinping spoke on Friday.";
    assert_eq!(json(&annotate_parallel(short, &opts, 4)), json(&annotate(short, &opts)));
}

#[test]
fn offsets_converted_by_the_threads_are_those_of_the_whole_text() {
    use newsmark::{annotate_parallel_in, offsets::Unit};
    // characters of one, two, three and four bytes (two UTF-16 units), in quotes, dates and names
    let article = "“Talks will resume on Thursday,” said Lee Sang-sook in Zürich 😀. Kim Jong-un met Xi \
        Jinping in Beijing (北京) last year; Erdoğan said “ça va” on March 3, 2019.";
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 5 * segment::SEGMENT_BYTES / 2 {
        text.push_str(&format!("Paragraph {i} 😀 é, written on January {}, 2019.\n\n", 1 + i % 28));
        text.push_str(article);
        text.push_str("\n\n");
        i += 1;
    }
    assert!(segment::cut(&text, segment::SEGMENT_BYTES).len() >= 3);
    let opts = Options { reference_date: Some(Date::parse_iso("2019-01-08").unwrap()), ..Options::default() };
    for unit in [Unit::CodePoint, Unit::Utf16, Unit::Byte] {
        let mut one = annotate(&text, &opts);
        assert!(!one.dates.is_empty() && !one.entities.is_empty() && !one.quotes.is_empty());
        one.convert_offsets(&text, unit);
        for threads in [1, 2, 3] {
            assert_eq!(json(&annotate_parallel_in(&text, &opts, threads, unit)), json(&one), "{unit:?}, {threads} threads");
        }
    }
}
