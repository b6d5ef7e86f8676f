//! The ecosystem diagram, drawn by the server and inlined: the wide layout
//! on large screens, the one-column layout on phones (the page gives the
//! same facts as a list, which screen readers and keyboards can use).

use evidence::words::W;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::prefs::use_tone;
use crate::url::with_prefs;

/// Lets the SVG take its container's width (its own width and height are
/// for the file on its own), and keeps the reader's language and wording in
/// its links.
pub fn prepare(svg: &str, lang: evidence::Lang, tone: evidence::Tone) -> String {
    let end = svg.find('>').unwrap_or(0);
    let (root, rest) = svg.split_at(end);
    let mut root = root.to_string();
    for attr in [" width=\"", " height=\""] {
        if let Some(start) = root.find(attr) {
            let value_start = start + attr.len();
            if let Some(len) = root[value_start..].find('"') {
                root.replace_range(start..value_start + len + 1, "");
            }
        }
    }
    let mut out = root + rest;
    for prefix in ["href=\"/datasets/", "href=\"/ecosystem#"] {
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find(prefix) {
            let value_start = i + "href=\"".len();
            let Some(len) = rest[value_start..].find('"') else { break };
            result.push_str(&rest[..value_start]);
            let path = &rest[value_start..value_start + len];
            result.push_str(&with_prefs(path, lang, tone).replace('&', "&amp;"));
            rest = &rest[value_start + len..];
        }
        result.push_str(rest);
        out = result;
    }
    out
}

#[component]
pub fn EcosystemDiagram(
    /// The one-column layout, for narrow screens.
    narrow: bool,
) -> impl IntoView {
    let lang = use_lang();
    let tone = use_tone();
    let svg = Resource::new(
        move || (lang.get(), tone.get()),
        move |(l, t)| {
            let svg = crate::api::ecosystem_svg(l, t, narrow);
            async move { svg.await.map(|s| prepare(&s, l, t)) }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p aria-busy="true">{move || W::EcoLoading.get(lang.get())}</p> }>
            {move || Suspend::new(async move {
                match svg.await {
                    Ok(s) => view! { <div class="eco-svg" inner_html=s></div> }.into_any(),
                    Err(e) => view! { <crate::components::load_error::LoadError error=e on_retry=move |_| svg.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::prepare;
    use evidence::{Lang, Tone};

    #[test]
    fn the_svg_fits_its_container_and_its_links_keep_the_readers_choices() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 900" width="360" height="900" lang="fr"><a href="/datasets/iwf-reports"><rect width="10" height="10"/></a><a href="/ecosystem#node-ncmec"></a></svg>"#;
        let out = prepare(svg, Lang::Fr, Tone::Technical);
        assert!(out.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 900" lang="fr">"#), "{out}");
        assert!(out.contains(r#"<rect width="10" height="10"/>"#), "only the root loses its size: {out}");
        assert!(out.contains(r#"href="/datasets/iwf-reports?lang=fr&amp;tone=technical""#), "{out}");
        assert!(out.contains(r#"href="/ecosystem?lang=fr&amp;tone=technical#node-ncmec""#), "{out}");
        assert_eq!(prepare(svg, Lang::En, Tone::Plain).matches("href=\"/datasets/iwf-reports\"").count(), 1);
    }
}
