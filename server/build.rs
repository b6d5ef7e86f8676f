//! Chooses the app folder the binary embeds and passes it to the crate as
//! `EVIDENCE_DIST_DIR`, with its kind as `cfg(evidence_dist = "...")`:
//!
//! - `given`: the folder named by `EVIDENCE_DIST`;
//! - `built`: trunk's `../dist` (it has an `index.html`);
//! - `placeholder`: neither, e.g. `cargo build` in a fresh clone: a page
//!   that says how to build the app (the JSON API works without it).
//!
//! `EVIDENCE_REQUIRE_DIST=1` makes the placeholder an error: `./x test` sets
//! it, so its server tests always run against the real build. It is not a
//! rerun trigger: while `../dist` is missing, cargo reruns this script on
//! every build anyway (a missing `rerun-if-changed` path is always stale),
//! and once it exists the variable changes nothing, so setting it never
//! causes a rebuild.
//!
//! `server/tests/precompressed_assets.rs` includes this file to test
//! [`choose`] itself.
use std::path::{Path, PathBuf};

pub const PLACEHOLDER_HTML: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evidence dashboard</title></head>\
     <body><main><h1>The app is not built</h1><p>Run <code>./x run</code>, which builds it with trunk \
     and embeds it in the server. The JSON API under /api/v1/ works without it.</p></main></body></html>";

/// The folder to embed (canonical) and its kind, or why there is none.
/// `out_dir` is where the placeholder is written.
pub fn choose(manifest_dir: &Path, out_dir: &Path, given: Option<PathBuf>, require_built: bool) -> Result<(PathBuf, &'static str), String> {
    let canonical = |dir: &Path| dir.canonicalize().map_err(|e| format!("{}: {e}", dir.display()));
    if let Some(dir) = given {
        if !dir.join("index.html").is_file() {
            return Err(format!("EVIDENCE_DIST={} has no index.html", dir.display()));
        }
        return Ok((canonical(&dir)?, "given"));
    }
    let dist = manifest_dir.join("../dist");
    if dist.join("index.html").is_file() {
        return Ok((canonical(&dist)?, "built"));
    }
    if require_built {
        return Err(format!(
            "EVIDENCE_REQUIRE_DIST is set but the app is not built ({} has no index.html): run `trunk build --release` first",
            dist.display()
        ));
    }
    let out = out_dir.join("dist-placeholder");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    std::fs::write(out.join("index.html"), PLACEHOLDER_HTML).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok((canonical(&out)?, "placeholder"))
}

#[allow(dead_code)] // used by cargo, not by the test that includes this file
fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    println!("cargo::rerun-if-changed=../dist");
    println!("cargo::rerun-if-env-changed=EVIDENCE_DIST");
    println!("cargo::rustc-check-cfg=cfg(evidence_dist, values(\"given\", \"built\", \"placeholder\"))");
    let given = std::env::var_os("EVIDENCE_DIST").map(PathBuf::from);
    let require = std::env::var("EVIDENCE_REQUIRE_DIST").is_ok_and(|v| v == "1");
    match choose(&manifest, &out, given, require) {
        Ok((dir, kind)) => {
            println!("cargo::rustc-env=EVIDENCE_DIST_DIR={}", dir.display());
            println!("cargo::rustc-cfg=evidence_dist=\"{kind}\"");
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
