//! Embeds: a chart as a small server-rendered page that other sites put in
//! an iframe, the snippet that does it, and the words on that page.
//!
//! The embed is plain HTML with the chart as inline SVG, not the wasm app:
//! newsrooms need it light, and it must show the chart and its caveats
//! without any script. One small script (`/embed/frame.js`) only reports
//! the page height to the parent; `/embed.js` on the parent fits the iframe.

pub mod page;
pub mod sheet_html;
pub mod snippet;

/// The name other sites show for us (oEmbed `provider_name`, the embed footer).
pub const PROVIDER_NAME: &str = "CSEA Evidence Dashboard";
