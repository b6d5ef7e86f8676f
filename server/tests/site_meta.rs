//! App pages as the server sends them (`evidence_server::site::app_page`):
//! a real 404 for an address that names no dataset, place or page, and on
//! every page its own title, description and Open Graph / Twitter card
//! tags; a title shared in a link (`title=`) is never passed off as the
//! page's own, and everything from the link is escaped.

mod exports_common;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use evidence::model::{CaveatKind, Lang, Tone};
use evidence_server::AppState;
use exports_common::*;
use tower::ServiceExt;

async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    evidence_server::site::app_page(&state, req.headers(), req.uri().path(), req.uri().query(), None).await
}

/// A GET answered by `app_page`, as the router's fallback answers app
/// addresses.
async fn page(uri: &str) -> Reply {
    page_of(state(), uri).await
}

async fn page_of(state: AppState, uri: &str) -> Reply {
    let app = Router::new().fallback(fallback).with_state(state);
    let res = app.oneshot(Request::get(uri).body(Body::empty()).expect("request")).await.expect("infallible");
    let (parts, body) = res.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.expect("body");
    Reply { status: parts.status, headers: parts.headers, body }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The `content` of every `<meta>` whose `property` or `name` is `key`.
fn metas(html: &str, key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["property", "name"] {
        let needle = format!(r#"<meta {attr}="{key}" content=""#);
        let mut rest = html;
        while let Some(at) = rest.find(&needle) {
            let after = &rest[at + needle.len()..];
            let end = after.find('"').expect("closed attribute");
            out.push(unescape(&after[..end]));
            rest = &after[end..];
        }
    }
    out
}

fn one(html: &str, key: &str) -> String {
    let all = metas(html, key);
    assert_eq!(all.len(), 1, "exactly one {key}: {all:?}");
    all.into_iter().next().unwrap()
}

fn head(html: &str) -> &str {
    &html[..html.find("<body").expect("a body")]
}

fn document_title(html: &str) -> String {
    let start = html.find("<title>").expect("<title>") + "<title>".len();
    unescape(&html[start..start + html[start..].find("</title>").expect("</title>")])
}

#[tokio::test]
async fn unknown_dataset_or_place_is_a_404_with_the_app_shell() {
    for uri in ["/datasets/no-such-dataset", "/datasets/no-such-dataset?v=1&chart=map", "/geo/XXX", "/geo/zz9", "/datasets/a/b"] {
        let r = page(uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(r.header("content-type").starts_with("text/html"), "{uri}");
        assert!(r.header("etag").is_empty(), "{uri}: a 404 has nothing to revalidate");
        let html = r.text();
        // The app shell: the app still loads and says what is missing.
        assert!(html.contains("<body>") && html.contains(".js"), "{uri}: the app shell");
        assert_eq!(document_title(&html), "Page not found — CSEA Evidence Dashboard", "{uri}");
        assert_eq!(one(&html, "robots"), "noindex", "{uri}");
        assert!(by_testid(&html, "chart").is_none(), "{uri}: no chart for a dataset that does not exist");
    }
    let fr = page("/geo/XXX?lang=fr").await;
    assert_eq!(fr.status, StatusCode::NOT_FOUND);
    assert_eq!(document_title(&fr.text()), "Page introuvable — Données EASE en ligne");
    // Any other address names no page of the app: since pages are rendered
    // on the server, it is a real 404 (issue 13 item 11) with the app's own
    // "Page not found" page and head, no longer a 200 with the site's head.
    for uri in ["/no-such-page", "/geo", "//etc/passwd", "/KEN"] {
        let r = page(uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        let html = r.text();
        assert_eq!(document_title(&html), "Page not found — CSEA Evidence Dashboard", "{uri}");
        assert_eq!(one(&html, "robots"), "noindex", "{uri}");
        assert!(page_main(&html).expect("<main>").contains("Page not found"), "{uri}: the app's own page");
    }
}

#[tokio::test]
async fn known_pages_are_200_each_with_its_own_head() {
    for (uri, title) in [
        ("/", "CSEA Evidence Dashboard"),
        ("/datasets", "Datasets"),
        ("/coverage", "Coverage"),
        ("/compare?datasets=a,b", "Compare"),
        ("/glossary", "Glossary"),
        ("/methods", "Methods"),
        ("/geo/KEN", "Kenya"),
        ("/geo/ken", "Kenya"),
        ("/geo/001", "World"),
    ] {
        let r = page(uri).await.ok(uri);
        let html = r.text();
        let head = head(&html);
        assert_eq!(one(head, "og:title"), title, "{uri}");
        assert_eq!(one(head, "twitter:title"), title, "{uri}");
        assert_eq!(one(head, "twitter:card"), "summary", "{uri}: no picture, a plain card");
        assert!(!one(head, "og:description").is_empty(), "{uri}");
        let descriptions = head.matches("name=description").count() + head.matches(r#"name="description""#).count();
        assert_eq!(descriptions, 1, "{uri}: one description, the page's");
        // The home page is rendered by the app like every page (no longer
        // the raw index.html), so it has its own og:url too.
        assert!(page_main(&html).expect("<main>").contains("<h1"), "{uri}: the page's content, rendered");
        assert_eq!(one(head, "description"), one(head, "og:description"), "{uri}");
        assert!(one(head, "og:url").starts_with(PUBLIC_URL), "{uri}: the public URL, never the Host header");
        assert!(metas(head, "robots").is_empty(), "{uri}");
        assert!(metas(head, "og:image").is_empty(), "{uri}");
    }
    let home_fr = page("/?lang=fr").await.ok("home fr").text();
    assert_eq!(one(&home_fr, "og:locale"), "fr_FR");
    assert_eq!(one(&home_fr, "og:title"), "Données EASE en ligne");
    let fr = page("/geo/KEN?lang=fr").await.ok("fr").text();
    assert_eq!(one(&fr, "og:locale"), "fr_FR");
    assert!(one(&fr, "og:description").contains("Kenya"), "{}", one(&fr, "og:description"));
    assert_eq!(one(&fr, "og:url"), format!("{PUBLIC_URL}/geo/KEN?lang=fr"));
}

#[tokio::test]
async fn a_chart_page_previews_its_chart_and_a_whole_caveat() {
    let data = state().data();
    let dataset = data.package.dataset(DATASET).expect("dataset");
    let query = "v=1&chart=map&tone=technical";
    let r = page(&format!("/datasets/{DATASET}?{query}")).await.ok("chart page");
    let html = r.text();
    let head = head(&html);
    assert_eq!(one(head, "og:title"), dataset.meta.title.en);
    assert_eq!(document_title(&html), format!("{} — CSEA Evidence Dashboard", dataset.meta.title.en));
    assert_eq!(one(head, "twitter:card"), "summary_large_image");
    let image = one(head, "og:image");
    assert_eq!(one(head, "twitter:image"), image);
    let path = image.strip_prefix(PUBLIC_URL).expect("an absolute URL on the public address");
    assert!(path.starts_with(&format!("/api/v1/datasets/{DATASET}/chart.png?")), "{image}");
    assert!(path.contains("chart=map") && path.contains("tone=technical"), "the same chart state: {image}");
    // The preview is the real export of that chart.
    let png = get(path).await.ok(path);
    assert_eq!(png.header("content-type"), "image/png");
    assert!(!one(head, "og:image:alt").is_empty());
    // One caveat, whole, in the tone of the link.
    let description = one(head, "og:description");
    let bias = dataset.meta.caveats_of(CaveatKind::Bias).next().expect("a bias caveat");
    assert!(description.contains(bias.text(Tone::Technical).get(Lang::En)), "{description}");
    // The page rendered by the app's components (no separate first paint)
    // and the oEmbed link are there.
    let main = page_main(&html).expect("<main>");
    for id in ["chart-title", "chart", "caveat-panel"] {
        assert!(by_testid(main, id).is_some(), "the rendered page has {id}");
    }
    assert!(head.contains("application/json+oembed"));
}

#[tokio::test]
async fn a_shared_title_is_marked_as_the_sharers_and_escaped() {
    let data = state().data();
    let dataset = data.package.dataset(DATASET).expect("dataset");
    let shared = r#"Fake "headline" <script>alert(1)</script> & 'more'"#;
    let uri = format!("/datasets/{DATASET}?v=1&title={}", evidence::state::percent_encode(shared));
    let html = page(&uri).await.ok("shared title").text();
    let head = head(&html);
    // The page's name is the dataset's own, never the link's.
    assert_eq!(one(head, "og:title"), dataset.meta.title.en);
    assert_eq!(one(head, "twitter:title"), dataset.meta.title.en);
    assert_eq!(document_title(&html), format!("{} — CSEA Evidence Dashboard", dataset.meta.title.en));
    let description = one(head, "og:description");
    assert!(
        description.starts_with(&format!("Title added by whoever shared this link: “{shared}”.")),
        "the shared title, marked: {description}"
    );
    // Nothing from the link breaks out of an attribute.
    assert!(!head.contains("<script>alert"), "unescaped shared text in the head");
    assert!(!head.contains(r#""headline""#));
    let fr = page(&format!("{uri}&lang=fr")).await.ok("fr").text();
    assert!(one(&fr, "og:description").starts_with("Titre ajouté par la personne qui a partagé ce lien :"), "{}", one(&fr, "og:description"));
    assert_eq!(one(&fr, "og:title"), dataset.meta.title.get(Lang::Fr));
}

#[tokio::test]
async fn pages_are_cached_by_address() {
    // Pages are now rendered by the app's components, which follow the state
    // in the link (tone, language, ...): a page is cached per address, no
    // longer one shell per path and language.
    let a = page("/geo/KEN").await.ok("first");
    let again = page("/geo/KEN").await.ok("again");
    let b = page("/geo/KEN?tone=technical").await.ok("second");
    let c = page("/geo/ken").await.ok("third");
    assert!(!a.header("etag").is_empty());
    assert_eq!(a.header("etag"), again.header("etag"), "the same address, the same page");
    assert_eq!(a.body, again.body);
    assert_ne!(a.header("etag"), b.header("etag"), "the page follows the tone in its link");
    // A place read in any case names one place: the same head, canonical URL.
    assert_eq!(one(&c.text(), "og:url"), format!("{PUBLIC_URL}/geo/KEN"));
    assert_eq!(one(&c.text(), "og:title"), one(&a.text(), "og:title"));
    // Every app page is cached per address, 404 pages included (bounded).
    let own = evidence_server::embedded_state(evidence_server::Config { rate_limit: 0, public_url: PUBLIC_URL.into(), ..Default::default() });
    for uri in ["/coverage?x=1", "/no-such-page?y=2", "/geo/XXX", "/geo/KEN?a=b"] {
        page_of(own.clone(), uri).await;
    }
    assert_eq!(own.data().pages.len(), 4);
    page_of(own.clone(), "/coverage?x=1").await.ok("the same address again");
    assert_eq!(own.data().pages.len(), 4, "served from the cache");
    page_of(own.clone(), &format!("/datasets/{DATASET}")).await.ok("a chart page");
    assert_eq!(own.data().pages.len(), 5);
}
