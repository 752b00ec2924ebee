//! Offsets through all three units — UTF-8 bytes (core), UTF-16 code units (JavaScript) and code
//! points (JSONL, CLI JSON) — on text with emoji, CJK, combining marks and CRLF. Expected values are
//! worked out by hand below, then checked again against direct counting and against the CLI.

mod invariants;

use newsmark::offsets::{to_byte_offset, OffsetTable, Unit};
use newsmark::{
    Annotation, Cue, Date, Entity, Group, Label, Options, Quote, QuoteKind, RefDateSource, Speaker, Timex,
    TimexType,
};

/// `😀中é\r\n“Kim” 7日` with `é` as `e` + U+0301. Byte / UTF-16 / code-point layout:
///
/// | char   | bytes  | UTF-16 | code points |
/// |--------|--------|--------|-------------|
/// | 😀     | 0..4   | 0..2   | 0..1        |
/// | 中     | 4..7   | 2..3   | 1..2        |
/// | e      | 7..8   | 3..4   | 2..3        |
/// | U+0301 | 8..10  | 4..5   | 3..4        |
/// | \r \n  | 10..12 | 5..7   | 4..6        |
/// | “      | 12..15 | 7..8   | 6..7        |
/// | Kim    | 15..18 | 8..11  | 7..10       |
/// | ”      | 18..21 | 11..12 | 10..11      |
/// | space  | 21..22 | 12..13 | 11..12      |
/// | 7      | 22..23 | 13..14 | 12..13      |
/// | 日     | 23..26 | 14..15 | 13..14      |
const TEXT: &str = "\u{1f600}\u{4e2d}e\u{301}\r\n\u{201c}Kim\u{201d} 7\u{65e5}";

/// (bytes, UTF-16, code points) of each span used below.
const CJK_E: [(usize, usize); 3] = [(4, 10), (2, 5), (1, 4)];
const KIM: [(usize, usize); 3] = [(15, 18), (8, 11), (7, 10)];
const QUOTE: [(usize, usize); 3] = [(12, 21), (7, 12), (6, 11)];
const SEVEN: [(usize, usize); 3] = [(22, 26), (13, 15), (12, 14)];
const EMOJI: [(usize, usize); 3] = [(0, 4), (0, 2), (0, 1)];

fn sample() -> Annotation {
    let t = |(s, e): (usize, usize)| TEXT[s..e].to_string();
    Annotation {
        version: newsmark::VERSION.to_string(),
        reference_date: None,
        reference_date_source: RefDateSource::None,
        quotes: vec![Quote {
            start: QUOTE[0].0,
            end: QUOTE[0].1,
            text: t(QUOTE[0]),
            kind: QuoteKind::Partial,
            content_start: KIM[0].0,
            content_end: KIM[0].1,
            speaker: Some(Speaker { name: "X".into(), start: CJK_E[0].0, end: CJK_E[0].1, text: t(CJK_E[0]), group: Some(0) }),
            cue: Some(Cue { start: EMOJI[0].0, end: EMOJI[0].1, text: t(EMOJI[0]) }),
        }],
        dates: vec![Timex { start: SEVEN[0].0, end: SEVEN[0].1, text: t(SEVEN[0]), kind: TimexType::Date, value: "XXXX-XX-07".into(), range: None }],
        entities: vec![
            Entity { start: CJK_E[0].0, end: CJK_E[0].1, text: t(CJK_E[0]), label: Label::LOC, group: 0 },
            Entity { start: KIM[0].0, end: KIM[0].1, text: t(KIM[0]), label: Label::PER, group: 1 },
        ],
        groups: vec![
            Group { id: 0, name: t(CJK_E[0]), label: Label::LOC, mentions: vec![0] },
            Group { id: 1, name: "Kim".into(), label: Label::PER, mentions: vec![1] },
        ],
    }
}

fn in_unit(unit: Unit) -> Annotation {
    let mut a = sample();
    a.convert_offsets(TEXT, unit);
    a
}

#[test]
fn the_hand_worked_layout_is_right() {
    assert_eq!(TEXT.len(), 26);
    assert_eq!(TEXT.encode_utf16().count(), 15);
    assert_eq!(TEXT.chars().count(), 14);
    assert_eq!(&TEXT[KIM[0].0..KIM[0].1], "Kim");
    let a = sample();
    invariants::check(TEXT, &Options::default(), &a).unwrap();
}

#[test]
fn every_offset_converts_to_its_hand_worked_value_in_each_unit() {
    for (k, unit) in [Unit::Byte, Unit::Utf16, Unit::CodePoint].into_iter().enumerate() {
        let a = in_unit(unit);
        let q = &a.quotes[0];
        assert_eq!((q.start, q.end), QUOTE[k], "{unit:?} quote");
        assert_eq!((q.content_start, q.content_end), KIM[k], "{unit:?} quote content");
        let s = q.speaker.as_ref().unwrap();
        assert_eq!((s.start, s.end), CJK_E[k], "{unit:?} speaker");
        let c = q.cue.as_ref().unwrap();
        assert_eq!((c.start, c.end), EMOJI[k], "{unit:?} cue");
        assert_eq!((a.dates[0].start, a.dates[0].end), SEVEN[k], "{unit:?} date");
        assert_eq!((a.entities[0].start, a.entities[0].end), CJK_E[k], "{unit:?} entity 0");
        assert_eq!((a.entities[1].start, a.entities[1].end), KIM[k], "{unit:?} entity 1");
        // Text, groups and other fields are untouched by conversion.
        assert_eq!(a.entities[0].text, "\u{4e2d}e\u{301}");
        assert_eq!(a.groups, sample().groups);
    }
}

#[test]
fn converted_offsets_slice_the_text_as_each_host_does() {
    let units: Vec<u16> = TEXT.encode_utf16().collect();
    let chars: Vec<char> = TEXT.chars().collect();
    let js = in_unit(Unit::Utf16);
    let py = in_unit(Unit::CodePoint);
    for (j, p) in js.entities.iter().zip(&py.entities) {
        // JavaScript: text.slice(start, end); Python: text[start:end].
        assert_eq!(String::from_utf16(&units[j.start..j.end]).unwrap(), j.text);
        assert_eq!(chars[p.start..p.end].iter().collect::<String>(), p.text);
    }
    let q = &js.quotes[0];
    assert_eq!(String::from_utf16(&units[q.start..q.end]).unwrap(), "\u{201c}Kim\u{201d}");
    invariants::check_offset_conversion(TEXT, &sample()).unwrap();
}

#[test]
fn to_byte_offset_inverts_each_unit_and_floors_inside_characters() {
    for (k, unit) in [Unit::Byte, Unit::Utf16, Unit::CodePoint].into_iter().enumerate() {
        for span in [CJK_E, KIM, QUOTE, SEVEN, EMOJI] {
            assert_eq!(to_byte_offset(TEXT, span[k].0, unit), span[0].0, "{unit:?} start");
            assert_eq!(to_byte_offset(TEXT, span[k].1, unit), span[0].1, "{unit:?} end");
        }
    }
    // UTF-16 offset 1 is the middle of the emoji's surrogate pair: never a byte inside a char.
    let b = to_byte_offset(TEXT, 1, Unit::Utf16);
    assert!(TEXT.is_char_boundary(b), "{b}");
    assert_eq!(to_byte_offset(TEXT, 1000, Unit::Utf16), TEXT.len());
}

#[test]
fn offset_table_is_defensive_about_bad_offsets() {
    // Offsets past the end clamp to the end; offsets inside a char floor to its start.
    let t = OffsetTable::new(TEXT, vec![2, 26, 999], Unit::CodePoint);
    assert_eq!(t.get(2), 0);
    assert_eq!(t.get(26), 14);
    assert_eq!(t.get(999), 14);
}

/// The CRLF pair counts as two units in every unit, and a span after N line breaks shifts by N
/// against the same text with `\n`.
#[test]
fn crlf_counts_two_units_everywhere() {
    let lf = "a\nb\nKim";
    let crlf = "a\r\nb\r\nKim";
    for unit in [Unit::Byte, Unit::Utf16, Unit::CodePoint] {
        let lf_kim = OffsetTable::new(lf, vec![4], unit).get(4);
        let cr_kim = OffsetTable::new(crlf, vec![6], unit).get(6);
        assert_eq!((lf_kim, cr_kim), (4, 6), "{unit:?}");
    }
}

/// What the core finds in a mixed-script article converts exactly, whatever the layers find.
#[test]
fn annotate_on_mixed_scripts_converts_exactly() {
    let text = "\u{1f4f0} BEIJING, Jan. 8 \u{2014} \u{5317}\u{4eac}\u{ff08}\u{65b0}\u{534e}\u{793e}\u{ff09}\r\n\
\u{201c}We will not give up,\u{201d} said Jose\u{301} Marti\u{301}nez of the \u{d55c}\u{ad6d} desk on January 7, 2019. \u{1f1f0}\u{1f1f7}\r\n\
\u{645}\u{631}\u{62d}\u{628}\u{627} \u{2014} Lee Sang-sook told reporters on Monday that \u{ab}talks\u{bb} resume in March.\r\n";
    for opts in [Options::default(), Options { reference_date: Date::new(2019, 1, 8), ..Options::default() }] {
        invariants::annotate_checked(text, &opts);
    }
}

/// The CLI's JSON and JSONL outputs use code points: each span slices the text in Python style.
#[test]
fn cli_outputs_code_point_offsets() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let text = "\u{1f600}\u{1f600} \u{201c}We will not give up,\u{201d} said Jose\u{301} Mart\u{ed}nez in \u{5317}\u{4eac} on January 7, 2019.\r\nLee Sang-sook agreed on Monday.";
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: &serde_json::Value, e: &serde_json::Value| -> String {
        chars[s.as_u64().unwrap() as usize..e.as_u64().unwrap() as usize].iter().collect()
    };
    let run = |args: &[&str], input: &str| -> serde_json::Value {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsmark"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // `annotate -` JSON: spans carry their own text.
    let v = run(&["annotate", "-", "--ref-date", "2019-01-08"], text);
    for layer in ["quotes", "dates", "entities"] {
        for span in v[layer].as_array().unwrap() {
            assert_eq!(slice(&span["start"], &span["end"]), span["text"].as_str().unwrap(), "{layer}");
        }
    }
    // `--jsonl`: same finds, same code-point offsets, `id` copied.
    let doc = serde_json::json!({"id": "d1", "text": text, "dct": "2019-01-08"});
    let p = run(&["annotate", "--jsonl", "-"], &format!("{doc}\n"));
    assert_eq!(p["id"], "d1");
    let starts = |val: &serde_json::Value, layer: &str| -> Vec<(u64, u64)> {
        val[layer].as_array().map_or(vec![], |a| {
            a.iter().map(|s| (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap())).collect()
        })
    };
    for layer in ["dates", "entities", "quotes"] {
        assert_eq!(starts(&p, layer), starts(&v, layer), "{layer}: JSONL and JSON differ");
        for (s, e) in starts(&p, layer) {
            assert!(e as usize <= chars.len() && s < e, "{layer} {s}..{e}");
        }
    }
    if let Some(qs) = p["quotes"].as_array() {
        for q in qs {
            if let (Some(s), Some(e)) = (q["speaker_start"].as_u64(), q["speaker_end"].as_u64()) {
                assert!(s < e && e as usize <= chars.len(), "speaker {s}..{e}");
            }
        }
    }
}

/// Piped JSON is one compact line (a program reads it); `--pretty` indents the same value.
#[test]
fn cli_json_is_compact_when_piped_and_indented_with_pretty() {
    use std::process::Command;
    let dir = std::env::temp_dir().join(format!("newsmark-pretty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.txt");
    std::fs::write(&file, "“We will talk,” said Lee Sang-sook on Thursday.").unwrap();
    let run = |extra: &[&str]| -> String {
        let mut args = vec!["annotate", file.to_str().unwrap(), "--ref-date", "2019-01-08"];
        args.extend_from_slice(extra);
        let out = Command::new(env!("CARGO_BIN_EXE_newsmark")).args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let compact = run(&[]);
    let pretty = run(&["--pretty"]);
    assert_eq!(compact.trim_end().lines().count(), 1, "{compact}");
    assert!(pretty.lines().count() > 10 && pretty.contains("\n  \""), "{pretty}");
    let a: serde_json::Value = serde_json::from_str(&compact).unwrap();
    let b: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    assert_eq!(a, b);
    assert_eq!(a["quotes"][0]["speaker"]["name"], "Lee Sang-sook");
    let _ = std::fs::remove_dir_all(&dir);
}
