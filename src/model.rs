//! The one result shape every surface returns, and the options `annotate` takes.
//!
//! Field names serialise in camelCase (the JavaScript convention); offsets are byte offsets in the
//! core and are converted at each surface's edge by [`crate::offsets`].

use serde::Serialize;

use crate::dates::calendar::Date;

/// Which layers to run. Quotes need entities internally (to link speakers); turning entities off
/// only removes them from the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layers {
    pub quotes: bool,
    pub dates: bool,
    pub entities: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers { quotes: true, dates: true, entities: true }
    }
}

impl Layers {
    /// Parse a comma-separated list such as `"quotes,dates"`.
    pub fn parse(list: &str) -> Result<Layers, String> {
        let mut l = Layers { quotes: false, dates: false, entities: false };
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name {
                "quotes" => l.quotes = true,
                "dates" => l.dates = true,
                "entities" => l.entities = true,
                other => {
                    return Err(format!(
                        "unknown layer {other:?}: expected quotes, dates or entities"
                    ))
                }
            }
        }
        Ok(l)
    }
}

/// Options for [`crate::annotate`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// "Today" for the article. `None`: use a dateline found in the text, else leave values
    /// unanchored (`XXXX-01-07`).
    pub reference_date: Option<Date>,
    pub layers: Layers,
    /// Read `1/7/2019` as 1 July (day first) instead of 7 January (US order, the default).
    pub day_first: bool,
}

/// Where the reference date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RefDateSource {
    Option,
    Dateline,
    None,
}

/// Everything found in one text.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    pub version: String,
    /// ISO date actually used to resolve relative expressions, if any.
    pub reference_date: Option<String>,
    pub reference_date_source: RefDateSource,
    pub quotes: Vec<Quote>,
    pub dates: Vec<Timex>,
    pub entities: Vec<Entity>,
    /// Entity groups: each mention's canonical entity.
    pub groups: Vec<Group>,
}

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One end of a range such as "from March to May".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RangeRef {
    /// Shared by both ends of one range (index of the range within the text, from 0).
    pub id: usize,
    pub role: RangeRole,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RangeRole {
    Start,
    End,
}

/// A temporal expression (TimeML TIMEX3).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value: `2019-01-07`, `2018`, `PT1H`, `PAST_REF`, `XXXX-01-07`…
    pub value: String,
    pub range: Option<RangeRef>,
}

/// Entity label, CoNLL-2003 set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Label {
    PER,
    ORG,
    LOC,
    MISC,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::PER => "PER",
            Label::ORG => "ORG",
            Label::LOC => "LOC",
            Label::MISC => "MISC",
        }
    }
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: Label,
    /// Index into [`Annotation::groups`].
    pub group: usize,
}

/// Mentions of one entity, with the canonical (fullest) name.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub id: usize,
    pub name: String,
    pub label: Label,
    /// Indices into [`Annotation::entities`], in text order.
    pub mentions: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A sentence or more of speech.
    Full,
    /// A phrase quoted inside the writer's own sentence.
    Partial,
    /// Titles, nicknames, scare quotes: no speaker.
    Other,
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Speaker {
    /// Resolved canonical name ("Lu Kang" for a mention "Lu" or "he").
    pub name: String,
    /// The mention in the attribution (may be a pronoun or a title).
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Index into [`Annotation::groups`], when the speaker is a known entity.
    pub group: Option<usize>,
}

/// The reporting cue: "said", "told", "according to"…
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A quotation. `start..end` includes the quotation marks; `content_start..content_end` excludes them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub content_start: usize,
    pub content_end: usize,
    pub speaker: Option<Speaker>,
    pub cue: Option<Cue>,
}
