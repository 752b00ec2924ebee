//! Quotations and who said them: first find the quoted spans, then attribute each to a speaker.

use crate::model::{Entity, Group, Quote};
use crate::text::Doc;

/// Find quotations in `doc` and attribute them, sorted by start, not overlapping.
pub fn find(_doc: &Doc, _entities: &[Entity], _groups: &[Group]) -> Vec<Quote> {
    Vec::new()
}
