//! Named entities: the trained tagger (PER, ORG, LOC, MISC) and the grouping of mentions into
//! entities with a canonical name.

use crate::model::{Entity, Group};
use crate::text::Doc;

/// Tag entity mentions in `doc`, sorted by start, not overlapping. `group` is filled by [`group`].
pub fn tag(_doc: &Doc) -> Vec<Entity> {
    Vec::new()
}

/// Group mentions of the same entity; sets each mention's `group` and returns the groups.
pub fn group(_doc: &Doc, _entities: &mut [Entity]) -> Vec<Group> {
    Vec::new()
}
