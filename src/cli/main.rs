//! `newsmark` — the native command line over the core: annotate one text (JSON or highlighted
//! HTML), or a JSONL corpus in the exchange format of `../shared/data/FORMAT.md` for scoring.

mod html;
mod jsonl;

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

use newsmark::offsets::Unit;
use newsmark::{annotate_parallel_in, Date, Layers, Options};

const USAGE: &str = "\
newsmark — annotate news text with quotes, dates and entities

USAGE:
    newsmark annotate [FILE|-] [--ref-date YYYY-MM-DD] [--format json|html] [--layers LIST] [--day-first] [--pretty]
    newsmark annotate --jsonl IN.jsonl|-  [--layers LIST] [--day-first]

OPTIONS:
    --ref-date DATE   reference date (\"today\" for the article); default: a dateline in the text
    --format FMT      json (default) or html (a self-contained highlighted page)
    --layers LIST     comma-separated subset of quotes,dates,entities (default: all)
    --day-first       read 1/7/2019 as 1 July
    --threads N       annotate on up to N threads (default: the machine's cores); the output is the
                      same whatever N: a long text's segments, or JSONL documents, run side by side
    --pretty          indent the JSON (the default at a terminal; piped output is one compact line)
    --jsonl IN        read exchange-format documents (one per line; `dct` is the reference date)
                      and write one prediction document per line (code-point offsets)

Offsets in JSON output are Unicode code points (Python slicing), like the JSONL format.
";

struct Args {
    input: Option<String>,
    jsonl: Option<String>,
    ref_date: Option<Date>,
    format: String,
    layers: Layers,
    day_first: bool,
    pretty: bool,
    threads: usize,
}

fn parse_args(argv: &[String]) -> Result<Args, String> {
    let mut a = Args { input: None, jsonl: None, ref_date: None, format: "json".into(), layers: Layers::default(), day_first: false, pretty: false, threads: default_threads() };
    let mut it = argv.iter();
    let value = |it: &mut std::slice::Iter<String>, flag: &str| {
        it.next().cloned().ok_or_else(|| format!("{flag} needs a value"))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--ref-date" => {
                let v = value(&mut it, arg)?;
                a.ref_date = Some(Date::parse_iso(&v).map_err(|e| format!("--ref-date: {e}"))?);
            }
            "--format" => {
                a.format = value(&mut it, arg)?;
                if a.format != "json" && a.format != "html" {
                    return Err(format!("--format: expected json or html, got {:?}", a.format));
                }
            }
            "--layers" => a.layers = Layers::parse(&value(&mut it, arg)?).map_err(|e| format!("--layers: {e}"))?,
            "--jsonl" => a.jsonl = Some(value(&mut it, arg)?),
            "--day-first" => a.day_first = true,
            "--pretty" => a.pretty = true,
            "--threads" => {
                let v = value(&mut it, arg)?;
                a.threads = match v.parse::<usize>() {
                    Ok(n) if n >= 1 => n,
                    _ => return Err(format!("--threads: expected a whole number ≥ 1, got {v:?}")),
                };
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => {
                if a.input.is_some() {
                    return Err(format!("unexpected argument {s:?}: only one input file"));
                }
                a.input = Some(s.to_string());
            }
        }
    }
    Ok(a)
}

/// The cores this process may use (1 if unknown), capped: past 8 the output writing dominates.
fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(8)
}

fn read_input(path: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match path {
        None | Some("-") => io::stdin().read_to_end(&mut bytes).map_err(|e| format!("reading stdin: {e}"))?,
        Some(p) => {
            bytes = std::fs::read(p).map_err(|e| format!("reading {p}: {e}"))?;
            bytes.len()
        }
    };
    // Invalid UTF-8 is replaced rather than refused: a pasted binary still gets a (mostly empty) result.
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

fn run(argv: &[String]) -> Result<(), String> {
    match argv.first().map(String::as_str) {
        Some("annotate") => {}
        Some("--version") | Some("-V") => {
            println!("newsmark {}", newsmark::VERSION);
            return Ok(());
        }
        Some("--help") | Some("-h") | None => {
            print!("{USAGE}");
            return Ok(());
        }
        Some(other) => return Err(format!("unknown command {other:?}\n\n{USAGE}")),
    }
    let args = parse_args(&argv[1..])?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if let Some(path) = &args.jsonl {
        let reader: Box<dyn BufRead> = if path == "-" {
            Box::new(io::BufReader::new(io::stdin()))
        } else {
            Box::new(io::BufReader::new(std::fs::File::open(path).map_err(|e| format!("opening {path}: {e}"))?))
        };
        let opts = Options { reference_date: None, layers: args.layers, day_first: args.day_first };
        return jsonl::run(reader, &mut out, &opts, args.threads);
    }
    let text = read_input(args.input.as_deref())?;
    let opts = Options { reference_date: args.ref_date, layers: args.layers, day_first: args.day_first };
    // HTML reads the byte offsets; JSON wants code points, converted by the annotating threads
    let unit = if args.format == "html" { Unit::Byte } else { Unit::CodePoint };
    let result = annotate_parallel_in(&text, &opts, args.threads, unit);
    if args.format == "html" {
        out.write_all(html::render(&text, &result).as_bytes()).map_err(|e| e.to_string())?;
    } else {
        // Indented for a person at a terminal; one compact line for a pipe or a file (a third of
        // the bytes, and no time spent on whitespace a program does not read). `--pretty` forces it.
        if args.pretty || io::stdout().is_terminal() {
            serde_json::to_writer_pretty(&mut out, &result).map_err(|e| e.to_string())?;
        } else {
            newsmark::json::write_annotation(&mut out, &result).map_err(|e| e.to_string())?;
        }
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    // The process ends here: handing the result's hundreds of thousands of small allocations
    // back one by one would only cost time (1% of a run), so they go with the process.
    std::mem::forget(result);
    Ok(())
}

/// Peak memory of a long text, which is annotated segment by segment: each segment allocates and
/// frees a few buffers of some MB while the results pile up as small allocations. glibc's malloc
/// raises its mmap threshold whenever a mapped block is freed, so later buffers land in the heap
/// among the results and leave holes there (10 MB input: 67 MB peak RSS). Blocks of 1 MiB and
/// more in their own mappings (1 MiB rather than 4: with two segments in flight on two threads, 4 MiB
/// gave 64.6–65.6 MB, 1 MiB 58.6–62 MB, for ≈10% more time), and no trimming of the heap top (freed space is reused, not
/// page-faulted back in), give 60 MB for about 0.1 s of kernel time per 10 MB.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    const M_TRIM_THRESHOLD: i32 = -1;
    const M_MMAP_THRESHOLD: i32 = -3;
    const M_ARENA_MAX: i32 = -8;
    // SAFETY: mallopt only sets allocator parameters; no other thread runs yet.
    unsafe {
        mallopt(M_MMAP_THRESHOLD, 1 << 20);
        mallopt(M_TRIM_THRESHOLD, i32::MAX);
        // Two heaps at most: an arena per thread would each keep its own free space (a 10 MB input
        // on 2 threads peaked at 87 MB with the default of 8 per core), while one heap for all made
        // the threads queue for its lock. Measured on 2 cores, 4 MB corpus, 12 interleaved runs:
        // one heap median 365 ms, two 345.5 ms; 10 MB input peak 58-60 MB against 60-62 MB.
        mallopt(M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}

fn main() -> ExitCode {
    tune_allocator();
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsmark: {e}");
            ExitCode::from(2)
        }
    }
}
