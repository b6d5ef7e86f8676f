//! The embed code a newsroom pastes: an iframe on `/embed/...` and the
//! parent script that fits it to its content. The chart page shows it and
//! oEmbed returns it, both from here, so they cannot drift apart.

use evidence::chart::escape_xml;
use evidence::model::Lang;
use evidence::state::percent_encode;

use evidence::words::W;

/// The height the iframe starts at, before `/embed.js` fits it (and the
/// height it keeps on a page that does not run the script).
pub const MIN_HEIGHT: u32 = 420;

/// `{public_url}/datasets/{id}?{query}`: the full chart page.
pub fn chart_page_url(public_url: &str, id: &str, query: &str) -> String {
    with_query(format!("{public_url}/datasets/{}", percent_encode(id)), query)
}

/// `{public_url}/embed/datasets/{id}?{query}`: the embed page.
pub fn embed_url(public_url: &str, id: &str, query: &str) -> String {
    with_query(format!("{public_url}/embed/datasets/{}", percent_encode(id)), query)
}

fn with_query(path: String, query: &str) -> String {
    if query.is_empty() { path } else { format!("{path}?{query}") }
}

pub struct Snippet<'a> {
    pub public_url: &'a str,
    pub dataset_id: &'a str,
    /// The canonical chart-state query (`ChartState::to_query`).
    pub query: &'a str,
    /// The chart's title as shown (the user's or the dataset's).
    pub title: &'a str,
    pub lang: Lang,
    /// oEmbed's maxwidth and maxheight: the iframe never grows past them.
    pub max_width: Option<u32>,
    pub max_height: Option<u32>,
}

impl Snippet<'_> {
    pub fn html(&self) -> String {
        let src = embed_url(self.public_url, self.dataset_id, self.query);
        let page = chart_page_url(self.public_url, self.dataset_id, self.query);
        let mut style = vec!["width:100%".to_string()];
        if let Some(w) = self.max_width {
            style.push(format!("max-width:{w}px"));
        }
        style.push(format!("min-height:{}px", self.max_height.map_or(MIN_HEIGHT, |h| h.min(MIN_HEIGHT))));
        if let Some(h) = self.max_height {
            style.push(format!("max-height:{h}px"));
        }
        style.push("border:0".to_string());
        format!(
            r#"<iframe src="{src}" title="{title} — {with_caveats}" loading="lazy" style="{style}" data-csea-embed><a href="{page}">{view}</a></iframe><script src="{script}" async></script>"#,
            src = escape_xml(&src),
            title = escape_xml(self.title),
            with_caveats = W::WithCaveats.get(self.lang),
            style = style.join(";"),
            page = escape_xml(&page),
            view = W::ViewTheChart.get(self.lang),
            script = escape_xml(&format!("{}/embed.js", self.public_url)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippet<'a>(title: &'a str, max_width: Option<u32>, max_height: Option<u32>) -> Snippet<'a> {
        Snippet { public_url: "https://evidence.example", dataset_id: "iwf-reports", query: "v=1&chart=bar", title, lang: Lang::En, max_width, max_height }
    }

    #[test]
    fn the_default_snippet_is_the_documented_one() {
        assert_eq!(
            snippet("Reports", None, None).html(),
            r#"<iframe src="https://evidence.example/embed/datasets/iwf-reports?v=1&amp;chart=bar" title="Reports — with caveats" loading="lazy" style="width:100%;min-height:420px;border:0" data-csea-embed><a href="https://evidence.example/datasets/iwf-reports?v=1&amp;chart=bar">View the chart</a></iframe><script src="https://evidence.example/embed.js" async></script>"#
        );
    }

    #[test]
    fn size_limits_bound_the_iframe() {
        let html = snippet("Reports", Some(300), Some(250)).html();
        assert!(html.contains(r#"style="width:100%;max-width:300px;min-height:250px;max-height:250px;border:0""#), "{html}");
    }

    #[test]
    fn the_title_is_escaped() {
        let html = snippet(r#""><script>alert(1)</script>"#, None, None).html();
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("title=\"&quot;&gt;&lt;script&gt;"));
    }
}
