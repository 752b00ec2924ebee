//! Temporal expressions: where dates and times are found (one module per pattern family) and how
//! they are normalised to TIMEX3 values against the reference date.

pub mod calendar;
pub mod dateline;

use crate::model::Timex;
use crate::text::Doc;

/// What normalisation needs to know besides the text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    pub reference_date: Option<calendar::Date>,
    pub day_first: bool,
}

/// Find every temporal expression in `doc`, sorted by start, not overlapping.
pub fn find(_doc: &Doc, _ctx: &Context) -> Vec<Timex> {
    Vec::new()
}
