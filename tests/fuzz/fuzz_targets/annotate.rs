//! Fuzz `newsmark::annotate`: any bytes (the first one picks the options, the rest is the text,
//! read as UTF-8 or repaired lossily) must annotate without panicking, and the result must satisfy
//! every span invariant the tests check (within the text, on char boundaries, sorted, not
//! overlapping per layer, `text` equal to its slice, valid groups, exact offset conversion).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmark::{Date, Layers, Options};

#[path = "../../invariants/mod.rs"]
mod invariants;

/// Options from one byte: three layer bits, day-first, and whether to pass a reference date.
fn options(flags: u8) -> Options {
    let layers = if flags & 0b111 == 0 {
        Layers::default()
    } else {
        Layers { quotes: flags & 1 != 0, dates: flags & 2 != 0, entities: flags & 4 != 0 }
    };
    Options {
        reference_date: if flags & 16 != 0 { Date::new(2019, 1, 8) } else { None },
        layers,
        day_first: flags & 8 != 0,
    }
}

fuzz_target!(|data: &[u8]| {
    let (flags, rest) = match data.split_first() {
        Some((f, r)) => (*f, r),
        None => (0, data),
    };
    let text = String::from_utf8_lossy(rest);
    invariants::annotate_checked(&text, &options(flags));
});
