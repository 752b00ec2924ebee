//! Long texts are annotated in segments of a bounded size, cut at paragraph breaks, and the
//! results stitched back together. This keeps memory proportional to one segment (plus the
//! results) and guarantees linear time whatever a layer does within a document, so a 10 MB paste
//! costs ten times a 1 MB one. News articles are far below the segment size, so they are never cut.
//!
//! Stitching shifts offsets, renumbers date ranges, and merges entity groups that share a label and
//! canonical name across segments (so "Kim Jong-un" in segment 1 and 7 is one group).

use crate::text::fasthash::FastMap;

use crate::model::{Entity, Group, Label, Quote, Timex};

/// Texts up to this many bytes are annotated whole.
pub const SEGMENT_BYTES: usize = 256 * 1024;

/// Cut `text` into segments of at most about `max` bytes: at the last blank line before the limit,
/// else the last line break, else the last sentence end (". "), else the last space, else any char
/// boundary. Returns byte ranges covering the whole text, in order.
pub fn cut(text: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let max = max.max(16);
    while text.len() - start > max {
        let mut limit = start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        // Never cut in the first half of a window, so segments stay large.
        let half = window.len() / 2;
        // (searched one after the other: the first that is found in the second half wins)
        let candidates: [&dyn Fn() -> Option<usize>; 5] = [
            &|| window.rfind("\n\n").map(|i| i + 2),
            &|| window.rfind("\r\n\r\n").map(|i| i + 4),
            &|| window.rfind('\n').map(|i| i + 1),
            &|| window.rfind(". ").map(|i| i + 2),
            &|| window.rfind(' ').map(|i| i + 1),
        ];
        let at = candidates.iter().filter_map(|f| f()).find(|&i| i > half).unwrap_or(window.len());
        out.push((start, start + at));
        start += at;
    }
    out.push((start, text.len()));
    out
}

fn label_index(l: Label) -> usize {
    match l {
        Label::PER => 0,
        Label::ORG => 1,
        Label::LOC => 2,
        Label::MISC => 3,
    }
}

/// Accumulates the per-segment results into one.
#[derive(Default)]
pub struct Stitcher {
    pub quotes: Vec<Quote>,
    pub dates: Vec<Timex>,
    pub entities: Vec<Entity>,
    pub groups: Vec<Group>,
    /// Group ids by canonical name, one map per label.
    by_name: [FastMap<String, usize>; 4],
    ranges: usize,
}

impl Stitcher {
    /// Add one segment's results; `offset` is the segment's start in the whole text.
    pub fn push(&mut self, offset: usize, quotes: Vec<Quote>, dates: Vec<Timex>, entities: Vec<Entity>, groups: Vec<Group>) {
        // Groups: merge by (label, canonical name); a new group takes the segment's name string.
        let mut remap = Vec::with_capacity(groups.len());
        for g in groups {
            let names = &mut self.by_name[label_index(g.label)];
            let id = match names.get(g.name.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.groups.len();
                    names.insert(g.name.clone(), id);
                    self.groups.push(Group { id, name: g.name, label: g.label, mentions: Vec::with_capacity(g.mentions.len()) });
                    id
                }
            };
            remap.push(id);
        }
        self.entities.reserve(entities.len());
        self.dates.reserve(dates.len());
        self.quotes.reserve(quotes.len());
        for mut e in entities {
            e.start += offset;
            e.end += offset;
            e.group = remap.get(e.group).copied().unwrap_or(0);
            if let Some(g) = self.groups.get_mut(e.group) {
                g.mentions.push(self.entities.len());
            }
            self.entities.push(e);
        }
        let mut max_range = None;
        for mut d in dates {
            d.start += offset;
            d.end += offset;
            if let Some(r) = &mut d.range {
                max_range = max_range.max(Some(r.id));
                r.id += self.ranges;
            }
            self.dates.push(d);
        }
        if let Some(m) = max_range {
            self.ranges += m + 1;
        }
        for mut q in quotes {
            for o in [&mut q.start, &mut q.end, &mut q.content_start, &mut q.content_end] {
                *o += offset;
            }
            if let Some(s) = &mut q.speaker {
                s.start += offset;
                s.end += offset;
                s.group = s.group.and_then(|g| remap.get(g).copied());
            }
            if let Some(c) = &mut q.cue {
                c.start += offset;
                c.end += offset;
            }
            self.quotes.push(q);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_cover_the_text_at_paragraphs() {
        let para = "A sentence here. Another one follows.\n\n";
        let text = para.repeat(100);
        let cuts = cut(&text, 200);
        assert!(cuts.len() > 10);
        assert_eq!(cuts[0].0, 0);
        assert_eq!(cuts.last().unwrap().1, text.len());
        for w in cuts.windows(2) {
            assert_eq!(w[0].1, w[1].0);
        }
        for &(a, b) in &cuts[..cuts.len() - 1] {
            assert!(text[a..b].ends_with("\n\n"), "{:?}", &text[a..b]);
            assert!(b - a <= 200);
        }
    }

    #[test]
    fn cuts_fall_back_to_char_boundaries_without_spaces() {
        let text = "é😀".repeat(1000);
        let cuts = cut(&text, 100);
        for &(a, b) in &cuts {
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b) && a < b);
        }
        assert_eq!(cuts.last().unwrap().1, text.len());
    }

    #[test]
    fn short_text_is_one_segment() {
        assert_eq!(cut("short", 100), vec![(0, 5)]);
        assert_eq!(cut("", 100), vec![(0, 0)]);
    }
}
