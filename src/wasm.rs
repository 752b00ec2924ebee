//! The WebAssembly binding: a thin wasm-bindgen layer over [`crate::annotate`]. It reads the
//! JavaScript options, converts offsets to UTF-16 code units and returns a plain JS object; a
//! panic hook keeps the panic message so the JS wrapper can report it after the trap.

use std::sync::Mutex;

use js_sys::{Array, Object, RangeError, Reflect, TypeError};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::offsets::Unit;
use crate::{Date, Layers, Options};

/// Message of the last panic, if any (the instance traps right after the hook runs).
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Longest panic message kept, in bytes.
const MAX_PANIC_MESSAGE: usize = 2000;

/// Runs once when the module is instantiated: install the panic hook.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let mut msg = info.to_string();
        if msg.len() > MAX_PANIC_MESSAGE {
            let mut cut = MAX_PANIC_MESSAGE;
            while !msg.is_char_boundary(cut) {
                cut -= 1;
            }
            msg.truncate(cut);
        }
        if let Ok(mut slot) = LAST_PANIC.lock() {
            *slot = Some(msg);
        }
    }));
}

/// The message of the last Rust panic in this instance (`undefined` if none).
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.lock().ok().and_then(|slot| slot.clone())
}

/// Test hook: panic on purpose so tests can check that the JS wrapper recovers.
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test() {
    panic!("newsmark test panic (requested by __panicForTest)");
}

/// Bytes of WebAssembly linear memory (it grows as needed and never shrinks): the peak so far.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) as f64) * 65536.0
}

/// Version of the crate inside this module.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Annotate `text`, given as UTF-8 bytes (the JS wrapper encodes with `TextEncoder`, which turns
/// lone surrogates into U+FFFD, keeping UTF-16 lengths). Passing exact-size bytes instead of a
/// `&str` avoids the glue's 3x-length scratch allocation in linear memory for non-ASCII text.
/// Returns a plain object (`Annotation`, offsets in UTF-16 code units) or throws a
/// `TypeError`/`RangeError` for bad options.
#[wasm_bindgen(js_name = annotateUtf8)]
pub fn annotate_utf8(text: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let opts = read_options(&options)?;
    let text: std::borrow::Cow<str> = String::from_utf8_lossy(text);
    let mut result = crate::annotate(&text, &opts);
    result.convert_offsets(&text, Unit::Utf16);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    result
        .serialize(&serializer)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("newsmark: {e}"))))
}

fn type_error(msg: &str) -> JsValue {
    TypeError::new(&format!("newsmark: {msg}")).into()
}

fn range_error(msg: &str) -> JsValue {
    RangeError::new(&format!("newsmark: {msg}")).into()
}

const OPTION_NAMES: [&str; 3] = ["referenceDate", "layers", "dayFirst"];
const LAYER_NAMES: [&str; 3] = ["quotes", "dates", "entities"];

/// Read `{ referenceDate?, layers?, dayFirst? }`; `undefined`/`null` means defaults.
fn read_options(value: &JsValue) -> Result<Options, JsValue> {
    let mut opts = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(opts);
    }
    if !value.is_object() || value.is_function() || Array::is_array(value) {
        return Err(type_error(
            "options must be an object such as { referenceDate: \"2019-01-07\", layers: [\"dates\"] }",
        ));
    }
    let obj: &Object = value.unchecked_ref();
    for key in Object::keys(obj).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.contains(&key.as_str()) {
            return Err(type_error(&format!(
                "unknown option {key:?}: expected referenceDate, layers or dayFirst"
            )));
        }
    }
    let get = |name: &str| Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);

    opts.reference_date = read_reference_date(&get("referenceDate"))?;

    let layers = get("layers");
    if !layers.is_undefined() && !layers.is_null() {
        opts.layers = read_layers(&layers)?;
    }

    let day_first = get("dayFirst");
    if !day_first.is_undefined() && !day_first.is_null() {
        opts.day_first = day_first
            .as_bool()
            .ok_or_else(|| type_error("dayFirst must be true or false"))?;
    }
    Ok(opts)
}

/// `"YYYY-MM-DD"`, a JS `Date` (its local calendar day), or nothing / `""`.
fn read_reference_date(v: &JsValue) -> Result<Option<Date>, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if let Some(s) = v.as_string() {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        return Date::parse_iso(s)
            .map(Some)
            .map_err(|e| range_error(&format!("referenceDate {s:?}: {e} (expected YYYY-MM-DD)")));
    }
    if let Some(d) = v.dyn_ref::<js_sys::Date>() {
        let (y, m, day) = (d.get_full_year(), d.get_month(), d.get_date());
        // An invalid Date gives NaN, which becomes 0 here; Date::new rejects day 0.
        return Date::new(y as i32, (m + 1) as u8, day as u8)
            .map(Some)
            .ok_or_else(|| range_error("referenceDate is an invalid Date"));
    }
    Err(type_error("referenceDate must be a \"YYYY-MM-DD\" string or a Date"))
}

/// `["quotes", "dates"]`, `"quotes,dates"`, or `{ quotes: true, dates: false }` (missing keys on).
fn read_layers(v: &JsValue) -> Result<Layers, JsValue> {
    if let Some(s) = v.as_string() {
        return Layers::parse(&s).map_err(|e| range_error(&format!("layers: {e}")));
    }
    if Array::is_array(v) {
        let arr: &Array = v.unchecked_ref();
        let mut names = Vec::with_capacity(arr.length() as usize);
        for item in arr.iter() {
            let name = item
                .as_string()
                .ok_or_else(|| type_error("layers must contain only the strings \"quotes\", \"dates\", \"entities\""))?;
            if name.contains(',') {
                return Err(range_error(&format!("layers: unknown layer {name:?}")));
            }
            names.push(name);
        }
        return Layers::parse(&names.join(",")).map_err(|e| range_error(&format!("layers: {e}")));
    }
    if v.is_object() && !v.is_function() {
        let obj: &Object = v.unchecked_ref();
        let mut layers = Layers::default();
        for key in Object::keys(obj).iter() {
            let key = key.as_string().unwrap_or_default();
            if !LAYER_NAMES.contains(&key.as_str()) {
                return Err(range_error(&format!(
                    "layers: unknown layer {key:?}: expected quotes, dates or entities"
                )));
            }
            let on = Reflect::get(v, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
            let on = if on.is_undefined() {
                true
            } else {
                on.as_bool()
                    .ok_or_else(|| type_error(&format!("layers.{key} must be true or false")))?
            };
            match key.as_str() {
                "quotes" => layers.quotes = on,
                "dates" => layers.dates = on,
                _ => layers.entities = on,
            }
        }
        return Ok(layers);
    }
    Err(type_error(
        "layers must be an array such as [\"quotes\", \"dates\", \"entities\"] or an object { dates: false }",
    ))
}
