//! A libFuzzer-free fuzz runner for stable Rust: feeds the checks of
//! `evidence_fuzz` random and mutated inputs for a bounded time, and replays
//! saved inputs.
//!
//!   random_loop run TARGET SECONDS [SEED_DIR...]   random loop; a failing input is
//!                                                 saved to fuzz/regressions/TARGET/
//!   random_loop replay TARGET FILE_OR_DIR...       run saved inputs once each
//!
//! Prints one line `TARGET: N execs in S s, F failures` and exits 1 on any
//! failure. No coverage feedback (that is what `cargo fuzz` adds); inputs
//! are random bytes and byte-level mutations of the seeds and of the last
//! inputs, which the checks decode with `arbitrary`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: enough spread for input generation.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..=rng.below(4) {
        match rng.below(5) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next() as u8;
            }
            1 => {
                let i = rng.below(v.len() + 1);
                let n = rng.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                v.splice(i..i, bytes);
            }
            2 if !v.is_empty() => {
                let i = rng.below(v.len());
                let n = rng.below(16).min(v.len() - i);
                v.drain(i..i + n);
            }
            3 => {
                // Interesting bytes: markup, entities, separators, non-characters.
                const SPICE: &[&[u8]] = &[b"<script>", b"&", b"%", b"%00", b"\xef\xbf\xbf", b"\xef\xbf\xbe", b"\"", b"'", b",", b"\n", b"\r\n", b"@", b":", b"=", b"+"];
                let s = SPICE[rng.below(SPICE.len())];
                let i = rng.below(v.len() + 1);
                v.splice(i..i, s.iter().copied());
            }
            _ => v.truncate(rng.below(v.len() + 1)),
        }
    }
    v
}

fn run_one(check: fn(&[u8]), input: &[u8]) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| check(input))).map_err(|e| {
        e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
    })
}

fn files(paths: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        let p = Path::new(p);
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p).into_iter().flatten().flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
            entries.sort();
            out.extend(entries);
        } else if p.is_file() {
            out.push(p.to_path_buf());
        }
    }
    out
}

fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: random_loop run TARGET SECONDS [SEED_DIR...] | random_loop replay TARGET FILE_OR_DIR...";
    let (Some(mode), Some(target)) = (args.first(), args.get(1)) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let Some(&(_, check)) = evidence_fuzz::TARGETS.iter().find(|(n, _)| n == target) else {
        eprintln!("unknown target {target}; one of {:?}", evidence_fuzz::TARGETS.iter().map(|t| t.0).collect::<Vec<_>>());
        std::process::exit(2);
    };
    // Quiet panics: failures are counted and saved, not printed in full.
    std::panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    match mode.as_str() {
        "replay" => {
            let inputs = files(&args[2..]);
            let mut failures = 0;
            for f in &inputs {
                let bytes = std::fs::read(f).expect("readable");
                if let Err(msg) = run_one(check, &bytes) {
                    failures += 1;
                    println!("{target}: FAIL {}: {msg}", f.display());
                }
            }
            println!("{target}: {} inputs replayed, {failures} failures", inputs.len());
            std::process::exit(if failures > 0 { 1 } else { 0 });
        }
        "run" => {
            let secs: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(60);
            let seeds: Vec<Vec<u8>> = files(&args[3.min(args.len())..]).iter().filter_map(|f| std::fs::read(f).ok()).collect();
            let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions").join(target);
            let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ std::process::id() as u64 ^ start.elapsed().as_nanos() as u64 | 1);
            let mut pool: Vec<Vec<u8>> = seeds.clone();
            let (mut execs, mut failures) = (0u64, 0u64);
            let mut seen_messages: Vec<String> = Vec::new();
            let deadline = Duration::from_secs(secs);
            while start.elapsed() < deadline {
                let input = if pool.is_empty() || rng.below(4) == 0 {
                    let n = rng.below(512);
                    (0..n).map(|_| rng.next() as u8).collect()
                } else {
                    let base = pool[rng.below(pool.len())].clone();
                    mutate(&mut rng, &base)
                };
                execs += 1;
                match run_one(check, &input) {
                    Ok(()) => {
                        if pool.len() < 256 {
                            pool.push(input);
                        } else {
                            let i = rng.below(pool.len());
                            pool[i] = input;
                        }
                    }
                    Err(msg) => {
                        failures += 1;
                        // One saved input per distinct first line of the message.
                        let key: String = msg.lines().next().unwrap_or("").chars().take(60).collect();
                        if !seen_messages.contains(&key) {
                            seen_messages.push(key);
                            std::fs::create_dir_all(&out_dir).ok();
                            let path = out_dir.join(format!("crash-{:016x}", hash(&input)));
                            std::fs::write(&path, &input).ok();
                            println!("{target}: FAIL saved {}: {}", path.display(), msg.lines().next().unwrap_or(""));
                        }
                    }
                }
            }
            println!("{target}: {execs} execs in {:.0} s, {failures} failures", start.elapsed().as_secs_f64());
            std::process::exit(if failures > 0 { 1 } else { 0 });
        }
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}
