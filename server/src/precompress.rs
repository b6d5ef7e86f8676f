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
    brotli_at(bytes, 11)
}

/// Brotli at `quality` (0–11), with a 4 MiB window.
pub fn brotli_at(bytes: &[u8], quality: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let params = brotli::enc::BrotliEncoderParams { quality, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut std::io::Cursor::new(bytes), &mut out, &params).expect("compressing to memory cannot fail");
    out
}

/// The brotli quality of a page compressed as it is rendered, on the
/// request path of its first reader: milliseconds for a 600–900 kB page,
/// where quality 11 takes seconds; the bytes are ~15% more than quality
/// 11's (the map page: 97 kB against 84 kB; gzip -6 gives 136 kB).
pub const PAGE_QUALITY: i32 = 5;

/// Compresses a body now, at [`PAGE_QUALITY`], unless it is already, and
/// fills its `br` slot: for a page rendered once per address and kept
/// (`crate::site::app_page`), when its first reader that accepts br asks
/// for it, so that every later request sends these bytes instead of
/// compressing the page again (and a page nobody asks with br for, as the
/// static export's, is never compressed). Readers at the same moment wait
/// for one compression.
pub fn now(cached: &Cached) {
    if precompressible("text/html", cached.body.len()) {
        cached.br.get_or_init(|| Bytes::from(brotli_at(&cached.body, PAGE_QUALITY)));
    }
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
    fn a_page_is_compressed_at_once_and_only_once() {
        let page = Cached::new("<p>every number with its caveats</p>".repeat(100).into_bytes(), "page");
        now(&page);
        let packed = page.br.get().expect("compressed at once").clone();
        let mut out = Vec::new();
        brotli_decompressor::BrotliDecompress(&mut std::io::Cursor::new(&packed[..]), &mut out).unwrap();
        assert_eq!(out, page.body);
        now(&page);
        assert_eq!(page.br.get(), Some(&packed), "the first bytes are kept");
        let tiny = Cached::new(b"<p>short</p>".to_vec(), "page");
        now(&tiny);
        assert!(tiny.br.get().is_none(), "not worth it under 1 KiB");
    }

    #[test]
    fn only_compressible_types_over_a_kilobyte() {
        assert!(precompressible("application/json", 4096));
        assert!(precompressible("application/wasm", 4096));
        assert!(!precompressible("application/json", 100));
        assert!(!precompressible("font/woff2", 40_000));
    }
}
