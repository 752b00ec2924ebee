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
pub mod grouping;
pub mod model;
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
