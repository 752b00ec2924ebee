//! Grouping of entity mentions into entities with a canonical name.

use crate::model::{Entity, Group};
use crate::text::Doc;

/// Group mentions of the same entity; sets each mention's `group` and returns the groups.
pub fn group(_doc: &Doc, entities: &mut [Entity]) -> Vec<Group> {
    let mut groups = Vec::new();
    for (i, e) in entities.iter_mut().enumerate() {
        e.group = i;
        groups.push(Group { id: i, name: e.text.clone(), label: e.label, mentions: vec![i] });
    }
    groups
}
