//! The document around an embed's body: its `<head>` (title, canonical
//! link, the embed stylesheet and frame script) and the `<html>`
//! attributes the frame script and stylesheet read (language, theme, the
//! frame id sent with height messages). The body is the app's. No icon
//! is fetched (an empty one is named): a widget has no tab of its own.

use evidence::chart::escape_xml as esc;
use evidence::embed::EmbedQuery;

/// A whole embed page: `body` (the app's rendering of the embed route)
/// inside the embed's document.
pub fn document(query: &EmbedQuery, frame_id: &str, title: &str, canonical: Option<&str>, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str(&format!(
        r#"<!doctype html><html lang="{lang}" data-theme="{theme}" data-frame-id="{frame_id}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>"#,
        lang = query.state.lang.code(),
        theme = query.theme.code(),
        frame_id = esc(frame_id),
        title = esc(title),
    ));
    if let Some(href) = canonical {
        out.push_str(&format!(r#"<link rel="canonical" href="{}">"#, esc(href)));
    }
    out.push_str(r#"<meta name="referrer" content="strict-origin-when-cross-origin"><link rel="icon" href="data:,"><link rel="stylesheet" href="/embed/embed.css"><script src="/embed/frame.js" defer></script></head><body>"#);
    out.push_str(body);
    out.push_str("</body></html>");
    out
}

/// The app's HTML without the data it would hydrate with: an embed is
/// never hydrated (it loads no app script), so the data would be dead
/// weight in every reader's download.
pub fn without_hydration_data(body: &str) -> &str {
    match body.find(&format!("<script type=\"application/json\" id=\"{}\"", app::HYDRATION_DATA_ID)) {
        Some(i) => &body[..i],
        None => body,
    }
}
