//! Brotli at the highest quality, once, off the request path: for the app's
//! assets (the wasm above all) and for every JSON body a data snapshot holds.
//! Until a body is ready the compression layer compresses it on the fly, at
//! a lower quality and on every request.

use std::sync::{Arc, OnceLock};

use axum::body::Bytes;

use crate::cached::Cached;

/// Worth compressing ahead: text, JSON and wasm over 1 KiB (fonts and
/// images are compressed already).
pub fn precompressible(content_type: &str, len: usize) -> bool {
    len >= 1024
        && (content_type.starts_with("text/")
            || content_type.starts_with("application/wasm")
            || content_type.starts_with("application/json")
            || content_type.starts_with("image/svg+xml"))
}

pub fn brotli_max(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut std::io::Cursor::new(bytes), &mut out, &params).expect("compressing to memory cannot fail");
    out
}

/// Compresses each body on one background thread, smallest first (most are
/// ready at once, the largest last), and fills its `br` slot.
pub fn in_background(name: &str, bodies: Vec<&Cached>) {
    let mut jobs: Vec<(Bytes, Arc<OnceLock<Bytes>>)> = bodies.into_iter().map(|c| (c.body.clone(), c.br.clone())).collect();
    jobs.sort_by_key(|(body, _)| body.len());
    let spawned = std::thread::Builder::new().name(format!("precompress-{name}")).spawn(move || {
        for (body, slot) in jobs {
            let _ = slot.set(Bytes::from(brotli_max(&body)));
        }
    });
    // Without the thread, responses are compressed on the fly: slower, not wrong.
    if let Err(e) = spawned {
        tracing::warn!("no thread to precompress {name}: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brotli_round_trips() {
        let text = "caveats travel with the numbers. ".repeat(200);
        let packed = brotli_max(text.as_bytes());
        assert!(packed.len() < text.len() / 10);
        let mut out = Vec::new();
        brotli_decompressor::BrotliDecompress(&mut std::io::Cursor::new(packed), &mut out).unwrap();
        assert_eq!(out, text.as_bytes());
    }

    #[test]
    fn only_compressible_types_over_a_kilobyte() {
        assert!(precompressible("application/json", 4096));
        assert!(precompressible("application/wasm", 4096));
        assert!(!precompressible("application/json", 100));
        assert!(!precompressible("font/woff2", 40_000));
    }
}
