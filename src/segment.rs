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
        // Only the second half is searched (from a few bytes before it, so that a separator
        // ending past the half is seen): a text with few separators is not scanned end to end.
        let mut lo = half.saturating_sub(4);
        while !window.is_char_boundary(lo) {
            lo -= 1;
        }
        let tail = &window[lo..];
        // (searched one after the other: the first that is found in the second half wins)
        let candidates: [&dyn Fn() -> Option<usize>; 5] = [
            &|| tail.rfind("\n\n").map(|i| lo + i + 2),
            &|| tail.rfind("\r\n\r\n").map(|i| lo + i + 4),
            &|| tail.rfind('\n').map(|i| lo + i + 1),
            &|| tail.rfind(". ").map(|i| lo + i + 2),
            &|| tail.rfind(' ').map(|i| lo + i + 1),
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
    /// After the segments up to byte `done` of `total` are in, make room for the rest at the rate
    /// so far (5% over): the result vectors then grow about once to their final size, instead of
    /// doubling past it (a 10 MB text's entities alone can take tens of MB).
    pub fn project(&mut self, done: usize, total: usize) {
        fn room<T>(v: &mut Vec<T>, done: usize, total: usize) {
            let want = (v.len() as u128 * total as u128 * 105 / (done as u128 * 100)).min(usize::MAX as u128) as usize;
            if want > v.capacity() {
                v.reserve_exact(want - v.len());
            }
        }
        if done == 0 || done >= total {
            return;
        }
        room(&mut self.quotes, done, total);
        room(&mut self.dates, done, total);
        room(&mut self.entities, done, total);
    }

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

    /// The result vectors are given room for the whole text at the rate so far, once, rather than
    /// doubling (a dense 10 MB text peaked at 103 MB of WebAssembly memory, 81 MB with this).
    #[test]
    fn project_makes_room_for_the_rest_at_the_rate_so_far() {
        let e = |start| Entity { start, end: start + 1, text: "K".into(), label: Label::PER, group: 0 };
        let mut st = Stitcher::default();
        st.push(0, vec![], vec![], (0..100).map(e).collect(), vec![]);
        st.project(1_000, 10_000);
        assert_eq!(st.entities.len(), 100);
        assert!(st.entities.capacity() >= 1_050 && st.entities.capacity() < 2_000, "{}", st.entities.capacity());
        // nothing to project at the start or the end
        let cap = st.entities.capacity();
        st.project(0, 10_000);
        st.project(10_000, 10_000);
        assert_eq!(st.entities.capacity(), cap);
    }

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

    /// The cut as first written: every window searched end to end.
    fn cut_searching_whole_windows(text: &str, max: usize) -> Vec<(usize, usize)> {
        let (mut out, mut start, max) = (Vec::new(), 0, max.max(16));
        while text.len() - start > max {
            let mut limit = start + max;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            let window = &text[start..limit];
            let half = window.len() / 2;
            let found = [
                window.rfind("\n\n").map(|i| i + 2),
                window.rfind("\r\n\r\n").map(|i| i + 4),
                window.rfind('\n').map(|i| i + 1),
                window.rfind(". ").map(|i| i + 2),
                window.rfind(' ').map(|i| i + 1),
            ];
            let at = found.into_iter().flatten().find(|&i| i > half).unwrap_or(window.len());
            out.push((start, start + at));
            start += at;
        }
        out.push((start, text.len()));
        out
    }

    #[test]
    fn searching_the_second_half_cuts_where_the_whole_window_did() {
        // separators of every kind at every distance from a window's half, and multi-byte text
        let pieces = ["ab", "\n\n", "\r\n\r\n", "\n", ". ", " ", "é", "😀", "xyz"];
        let mut text = String::new();
        let mut x = 7u32;
        while text.len() < 20_000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            text.push_str(pieces[(x >> 16) as usize % pieces.len()]);
            if (x >> 8) % 5 == 0 {
                text.push_str(&"w".repeat((x % 40) as usize));
            }
        }
        for max in [16, 17, 20, 33, 64, 100, 257, 1000] {
            assert_eq!(cut(&text, max), cut_searching_whole_windows(&text, max), "max {max}");
        }
        let sparse = format!("{}\n\n{}", "a".repeat(120), "b".repeat(500));
        for max in [100, 200, 241, 242, 243, 300] {
            assert_eq!(cut(&sparse, max), cut_searching_whole_windows(&sparse, max), "max {max}");
        }
    }

    #[test]
    fn short_text_is_one_segment() {
        assert_eq!(cut("short", 100), vec![(0, 5)]);
        assert_eq!(cut("", 100), vec![(0, 0)]);
    }
}
