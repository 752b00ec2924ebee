//! newsmark — annotate a news article with quotes (and their speakers), TIMEX3 dates and named
//! entities, all in one pass over the text.
//!
//! The core is plain Rust: it never touches the browser, the clock or the disk. The caller hands it
//! the text and, optionally, the reference date ("today" for the article). The WebAssembly binding
//! (`wasm.rs`) and the command line (`cli/`) are thin layers over [`annotate`].
//!
//! Offsets in the core are **byte offsets** into the UTF-8 `text` (so `&text[start..end]` is the
//! span). Each surface converts them once, at its edge, with [`offsets`]: UTF-16 code units for
//! JavaScript, Unicode code points for the JSONL exchange format.
//!
//! Where things are found:
//! - `text/`     — tokens and sentences shared by the layers;
//! - `dates/`    — temporal expressions (one module per pattern family) and their normalisation;
//! - `entities/` — the trained entity tagger and the grouping of mentions into entities;
//! - `quotes/`   — quotation finding, then speaker attribution;
//! - `json`      — the compact JSON of a result, written by hand (the CLI's output).

pub mod dates;
pub mod entities;
pub mod json;
pub mod model;
pub mod offsets;
pub mod quotes;
pub mod segment;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use dates::calendar::Date;
pub use model::*;

/// Version of this crate, reported in every result.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Annotate `text`. Never panics on any input by design; the bindings still guard against it.
pub fn annotate(text: &str, options: &Options) -> Annotation {
    let (reference_date, source) = reference_date(text, options);
    let mut all = segment::Stitcher::default();
    for (start, end) in segment::cut(text, segment::SEGMENT_BYTES) {
        let (q, d, e, g) = annotate_segment(&text[start..end], options, reference_date);
        all.push(start, q, d, e, g);
        all.project(end, text.len());
    }
    finish(reference_date, source, all)
}

/// The same result as [`annotate`], with the segments of a long text (see [`segment`]) annotated
/// on up to `threads` threads at once and stitched in order. Native builds only: the CLI uses it
/// for long inputs; a news article is one segment and takes the plain path.
#[cfg(not(target_arch = "wasm32"))]
pub fn annotate_parallel(text: &str, options: &Options, threads: usize) -> Annotation {
    annotate_parallel_in(text, options, threads, offsets::Unit::Byte)
}

/// [`annotate_parallel`] with every offset in `unit` (as [`Annotation::convert_offsets`] gives
/// them): each thread converts its own segments' offsets, so the conversion is no longer a
/// one-thread step after the annotation.
#[cfg(not(target_arch = "wasm32"))]
pub fn annotate_parallel_in(text: &str, options: &Options, threads: usize, unit: offsets::Unit) -> Annotation {
    let segments = segment::cut(text, segment::SEGMENT_BYTES);
    let threads = threads.min(segments.len());
    if threads <= 1 {
        let mut a = annotate(text, options);
        a.convert_offsets(text, unit);
        return a;
    }
    let (reference_date, source) = reference_date(text, options);
    // Each worker takes the next segment not yet taken, so a slow segment holds up only its own
    // thread (fixed waves of `threads` segments waited for the slowest of each wave). At most
    // `threads` segments are being annotated at once, so the transient memory stays near the
    // one-thread figure; finished segments are stitched in text order as soon as the ones before
    // them are in, and kept until then.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut all = segment::Stitcher::default();
    // where the next segment to stitch starts, in `unit`s (segments are cut at char boundaries,
    // so a segment's offsets in `unit`s plus this are the whole text's)
    let mut start_units = 0;
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Layered, usize)>();
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let (tx, next, segments) = (tx.clone(), &next, &segments);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(&(start, end)) = segments.get(i) else { break };
                    let seg = &text[start..end];
                    let (mut q, mut d, mut e, g) = annotate_segment(seg, options, reference_date);
                    offsets::convert(seg, unit, &mut q, &mut d, &mut e);
                    let layered = (q, d, e, g);
                    if tx.send((i, layered, offsets::len_in(seg, unit))).is_err() {
                        break;
                    }
                })
            })
            .collect();
        drop(tx);
        let mut waiting: Vec<Option<(Layered, usize)>> = (0..segments.len()).map(|_| None).collect();
        let mut stitched = 0;
        // Ends when every worker has hung up: all segments done, or a worker panicked.
        for (i, layered, len) in rx {
            waiting[i] = Some((layered, len));
            while let Some(((q, d, e, g), len)) = waiting.get_mut(stitched).and_then(Option::take) {
                all.push(start_units, q, d, e, g);
                start_units += len;
                all.project(segments[stitched].1, text.len());
                stitched += 1;
            }
        }
        for w in workers {
            if let Err(panic) = w.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    finish(reference_date, source, all)
}

/// The reference date: the caller's, else a dateline in the text, else none.
fn reference_date(text: &str, options: &Options) -> (Option<Date>, RefDateSource) {
    match options.reference_date {
        Some(d) => (Some(d), RefDateSource::Option),
        None => match dates::dateline::find(text) {
            Some(d) => (Some(d), RefDateSource::Dateline),
            None => (None, RefDateSource::None),
        },
    }
}

fn finish(reference_date: Option<Date>, reference_date_source: RefDateSource, all: segment::Stitcher) -> Annotation {
    let segment::Stitcher { quotes, dates, entities, groups, .. } = all;
    Annotation {
        version: VERSION.to_string(),
        reference_date: reference_date.map(|d| d.to_string()),
        reference_date_source,
        quotes,
        dates,
        entities,
        groups,
    }
}

/// One segment's layers: quotes, dates, entities, entity groups (offsets within the segment).
type Layered = (Vec<Quote>, Vec<Timex>, Vec<Entity>, Vec<Group>);

/// Run the layers over one segment (the whole text unless it is very long; see [`segment`]).
fn annotate_segment(
    text: &str,
    options: &Options,
    reference_date: Option<Date>,
) -> Layered {
    let tokens = text::tokenize(text);
    let sentences = text::sentences(text, &tokens);
    let doc = text::Doc { text, tokens: &tokens, sentences: &sentences };

    let layers = options.layers;
    // Quotes need the entities (speakers are linked to entity groups), so they run if either is on.
    let (mut entities, mut groups) = if layers.entities || layers.quotes {
        let mut ents = entities::tag(&doc);
        let groups = entities::group(&doc, &mut ents);
        (ents, groups)
    } else {
        (Vec::new(), Vec::new())
    };

    let dates = if layers.dates {
        dates::find(&doc, &dates::Context { reference_date, day_first: options.day_first })
    } else {
        Vec::new()
    };

    let mut quotes = if layers.quotes { quotes::find(&doc, &entities, &groups) } else { Vec::new() };

    if !layers.entities {
        // Entities were only computed to attribute quotes: drop them, and the links into them.
        entities.clear();
        groups.clear();
        for q in &mut quotes {
            if let Some(s) = &mut q.speaker {
                s.group = None;
            }
        }
    }
    (quotes, dates, entities, groups)
}
