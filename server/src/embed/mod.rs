//! Embeds: a chart as a small page that other sites put in an iframe, and
//! the snippet that does it.
//!
//! The page is the app's embed route (app::routes::embed), rendered by the
//! app's own components on the server and sent without the app's script:
//! newsrooms need it light, and it must show the chart and its caveats
//! without any script. One small script (`/embed/frame.js`) only reports
//! the page height to the parent; `/embed.js` on the parent fits the iframe.

pub mod document;
pub mod snippet;

/// The name other sites show for us (oEmbed `provider_name`, the embed footer).
pub use evidence::embed::PROVIDER_NAME;
