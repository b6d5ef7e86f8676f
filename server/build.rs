//! Points `EVIDENCE_DIST_DIR` at the built app (`../dist`, made by trunk) so
//! the binary embeds it. When the app has not been built yet (e.g. `cargo
//! test` before `trunk build`), a placeholder page is embedded instead, which
//! says how to build it.
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let dist = manifest.join("../dist");
    println!("cargo:rerun-if-changed=../dist");
    println!("cargo:rerun-if-env-changed=EVIDENCE_DIST");
    let chosen = match std::env::var("EVIDENCE_DIST") {
        Ok(d) => PathBuf::from(d),
        Err(_) if dist.join("index.html").exists() => dist,
        Err(_) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("dist-placeholder");
            std::fs::create_dir_all(&out).expect("OUT_DIR is writable");
            std::fs::write(
                out.join("index.html"),
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evidence dashboard</title></head>\
                 <body><main><h1>The app is not built</h1><p>Run <code>./x run</code>, which builds it with trunk \
                 and embeds it in the server. The JSON API under /api/v1/ works without it.</p></main></body></html>",
            )
            .expect("OUT_DIR is writable");
            out
        }
    };
    let chosen = chosen.canonicalize().expect("dist folder exists");
    println!("cargo:rustc-env=EVIDENCE_DIST_DIR={}", chosen.display());
}
