//! `/api/v1/openapi.json`: the API description, generated from the code so
//! that it cannot drift from what the server answers.
//!
//! How it is built, and why this way:
//! - The response bodies are the `evidence::api` types the handlers
//!   serialise. They derive `utoipa::ToSchema` behind `evidence`'s optional
//!   `openapi` feature, which only the server turns on: the wasm app, which
//!   shares those types, carries no schema code, and `evidence` keeps no
//!   server dependency. A field added to a type shows in the spec at once.
//! - Each operation is the `#[utoipa::path]` attribute on its handler in
//!   `routes/`, beside the code that parses its parameters.
//! - What the layers give every route (304 on a matching `If-None-Match`,
//!   405, 408, 413, 414, 429, 431, 500 with the one error body, and HEAD) is
//!   added to every operation by [`CommonResponses`], not repeated by hand.
//! - The exports and oEmbed, whose handlers live in modules written apart
//!   from this one, are described by [`exports_and_oembed`] with utoipa's
//!   builders, their parameter lists taken from the constants the export
//!   parser itself uses.
//! - `/embed/*` and the app's pages are HTML for people and iframes, not
//!   API: they are left out on purpose ([`NOT_API_PREFIXES`]).
//!
//! `tests/openapi.rs` holds the spec to the router both ways: every route in
//! `router.rs` must be documented, every documented path must answer, and
//! real responses must validate against the documented schemas.

use std::sync::OnceLock;

use axum::http::HeaderMap;
use axum::response::Response;
use utoipa::openapi::header::{Header, HeaderBuilder};
use utoipa::openapi::path::{HttpMethod, Operation, OperationBuilder, ParameterBuilder, ParameterIn, PathItem};
use utoipa::openapi::response::{Response as ApiResponse, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Required};
use utoipa::{Modify, OpenApi};

use crate::http;
use crate::routes::{coverage, datasets, ecosystem, geo, glossary, meta};
use crate::cached::Cached;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "CSEA evidence dashboard API",
        description = "Read-only JSON over curated, published figures on online child sexual exploitation and abuse. \
                       Every figure carries its source and caveats; a missing figure is absent, never zero. \
                       Responses carry a strong ETag (send it back in If-None-Match for a 304) and Cache-Control; \
                       br and gzip are negotiated with Accept-Encoding. Every error has one shape: \
                       {\"error\":{\"code\":…,\"message\":…}}.",
        license(name = "MIT OR Apache-2.0"),
    ),
    paths(
        datasets::list,
        datasets::detail,
        datasets::observations,
        geo::list,
        geo::detail,
        coverage::matrix,
        glossary::list,
        ecosystem::view,
        ecosystem::diagram,
        meta::version,
        openapi_json,
        meta::healthz,
    ),
    components(schemas(evidence::api::ErrorBody)),
    modifiers(&ExportsAndOembed, &CommonResponses),
    tags(
        (name = "datasets", description = "The catalogue, one dataset's metadata and caveats, its observations"),
        (name = "geo", description = "Countries and regions, and what each dataset says (or does not say) about one"),
        (name = "coverage", description = "Which dataset has figures where and when"),
        (name = "glossary", description = "Terms, with the words to avoid and why"),
        (name = "ecosystem", description = "Who holds which data, how it flows, what has no public data, and the sources not charted"),
        (name = "exports", description = "Charts as SVG, PNG and CSV, always with their caveats"),
        (name = "embeds", description = "oEmbed for chart pages"),
        (name = "citations", description = "A citation of a chart as shown, the original publisher first"),
        (name = "meta", description = "Versions, health and this description"),
    )
)]
pub struct ApiDoc;

/// Route prefixes that serve HTML for people and iframes, not API.
pub const NOT_API_PREFIXES: [&str; 2] = ["/embed/", "/embed."];

/// Statuses that middleware can answer on any route, with why.
pub const COMMON_ERRORS: [(u16, &str); 7] = [
    (405, "Method not allowed: the API is read-only (GET and HEAD); the Allow header lists them"),
    (408, "The request took longer than the server's bound (15 s)"),
    (413, "Request body too large: the API takes no bodies"),
    (414, "Request target longer than the limit"),
    (429, "Too many requests from this client; Retry-After says when to try again"),
    (431, "Request headers too large"),
    (500, "The server failed on this request (it has been logged)"),
];

/// Adds what the layers give every route to every operation: the 304 of a
/// conditional GET, the common error statuses, and HEAD beside GET.
pub struct CommonResponses;

fn header(schema_type: Type, description: &str) -> Header {
    HeaderBuilder::new().schema(Some(ObjectBuilder::new().schema_type(schema_type))).description(Some(description)).build()
}

fn error_response(status: u16, description: &str) -> RefOr<ApiResponse> {
    let mut res = ResponseBuilder::new()
        .description(description)
        .content("application/json", ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build());
    match status {
        405 => res = res.header("Allow", header(Type::String, "The methods this URL takes: GET, HEAD")),
        429 => res = res.header("Retry-After", header(Type::Integer, "Seconds to wait before the next request")),
        _ => {}
    }
    res.into()
}

impl Modify for CommonResponses {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        for (path, item) in api.paths.paths.iter_mut() {
            let Some(get) = item.get.as_mut() else { continue };
            add_common(get, path != "/healthz");
            let mut head: Operation = get.clone();
            head.operation_id = get.operation_id.as_ref().map(|id| format!("head_{id}"));
            head.summary = get.summary.as_ref().map(|s| format!("{s} (headers only)"));
            item.head = Some(head);
        }
    }
}

fn add_common(op: &mut Operation, conditional: bool) {
    let responses = &mut op.responses.responses;
    if conditional {
        if let Some(RefOr::T(ok)) = responses.get_mut("200") {
            ok.headers.insert(
                "ETag".into(),
                header(Type::String, "Strong validator of this representation (it differs per Content-Encoding)").into(),
            );
            ok.headers.insert("Cache-Control".into(), header(Type::String, "public, max-age=60, must-revalidate").into());
        }
        responses.entry("304".into()).or_insert_with(|| {
            ResponseBuilder::new().description("Not modified: If-None-Match named the current ETag").into()
        });
    }
    for (status, description) in COMMON_ERRORS {
        responses.entry(status.to_string()).or_insert_with(|| error_response(status, description));
    }
}

/// Adds the export and oEmbed operations (see [`exports_and_oembed`]).
pub struct ExportsAndOembed;

impl Modify for ExportsAndOembed {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        for (path, item) in exports_and_oembed() {
            api.paths.paths.insert(path, item);
        }
        if let Some(components) = api.components.as_mut() {
            components.schemas.insert("OEmbed".into(), oembed_schema().into());
        }
    }
}

fn param(name: &str, description: &str, schema_type: Type, required: bool, place: ParameterIn) -> utoipa::openapi::path::Parameter {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(place)
        .required(if required { Required::True } else { Required::False })
        .description(Some(description))
        .schema(Some(ObjectBuilder::new().schema_type(schema_type)))
        .build()
}

/// What each chart-state parameter means (DESIGN §4, evidence::state).
fn state_param_description(name: &str) -> &'static str {
    match name {
        "v" => "Chart-state version; 1",
        "chart" => "line, bar, map or table",
        "geo" => "Comma-separated geography codes",
        "series" => "A series of the dataset",
        "from" => "First year (YYYY)",
        "to" => "Last year (YYYY)",
        "period" => "The period shown on a bar chart or map",
        "tone" => "plain or technical: the wording of caveats and notes",
        "lang" => "en or fr",
        "title" => "A title in place of the dataset's",
        "subtitle" => "A subtitle",
        "ann" => "An annotation (repeatable)",
        "hl" => "A highlighted geography",
        "width" => "Width in CSS pixels",
        "height" => "Height in CSS pixels",
        "preset" => "A named size: report, slide or square",
        "scale" => "Pixel density of a PNG: 1 to 3",
        "format" => "Citation format: apa (the default), bibtex, ris or csl-json",
        "release" => "The data release to cite (YYYY.MM.N); a release this server does not serve is a 400",
        _ => "Chart state, as in the chart page's URL",
    }
}

fn file_response(content_type: &str, description: &str) -> RefOr<ApiResponse> {
    ResponseBuilder::new()
        .description(description)
        .content(content_type, ContentBuilder::new().schema(Some(ObjectBuilder::new().schema_type(Type::String))).build())
        .header("Content-Disposition", header(Type::String, "The file name, derived from the dataset and the chart state"))
        .into()
}

fn export_operation(id: &str, summary: &str, params: &[&str], ok: RefOr<ApiResponse>, busy: bool) -> Operation {
    let mut op = OperationBuilder::new()
        .operation_id(Some(id))
        .summary(Some(summary))
        .tag("exports")
        .parameter(param("id", "Dataset id", Type::String, true, ParameterIn::Path))
        .response("200", ok)
        .response("400", error_response(400, "A bad or unknown parameter; the message names it and what was expected"))
        .response("404", error_response(404, "No dataset with this id"));
    for p in params {
        let schema_type = if ["width", "height", "scale", "from", "to"].contains(p) { Type::Integer } else { Type::String };
        op = op.parameter(param(p, state_param_description(p), schema_type, false, ParameterIn::Query));
    }
    if busy {
        op = op.response("503", error_response(503, "Too many pictures being drawn at once; Retry-After says when to retry"));
    }
    op.build()
}

fn oembed_schema() -> utoipa::openapi::schema::Object {
    let int = || ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(0));
    let text = || ObjectBuilder::new().schema_type(Type::String);
    ObjectBuilder::new()
        .description(Some("oEmbed 1.0 rich response (https://oembed.com)"))
        .property("type", ObjectBuilder::new().schema_type(Type::String).enum_values(Some(["rich"])))
        .property("version", ObjectBuilder::new().schema_type(Type::String).enum_values(Some(["1.0"])))
        .property("title", text())
        .property("provider_name", text())
        .property("provider_url", text())
        .property("cache_age", int())
        .property("html", text().description(Some("The iframe and its resizing script")))
        .property("width", int())
        .property("height", int())
        .required("type")
        .required("version")
        .required("title")
        .required("provider_name")
        .required("provider_url")
        .required("cache_age")
        .required("html")
        .required("width")
        .required("height")
        .build()
}

/// Path items for `/api/v1/datasets/{id}/chart.svg|.png|.csv`,
/// `/api/v1/datasets/{id}/data.csv` and `/oembed`.
pub fn exports_and_oembed() -> Vec<(String, PathItem)> {
    use crate::export::{DATA_CSV_PARAMS, STATE_PARAMS};
    let image = |extra: &[&'static str]| STATE_PARAMS.iter().copied().chain(["width", "height", "preset"]).chain(extra.iter().copied()).collect::<Vec<_>>();
    let svg = export_operation(
        "chart_svg",
        "The chart of a chart-page state as SVG, with its title, source line and caveats",
        &image(&[]),
        file_response("image/svg+xml", "The framed chart"),
        false,
    );
    let png = export_operation(
        "chart_png",
        "The same chart as PNG",
        &image(&["scale"]),
        file_response("image/png", "The framed chart"),
        true,
    );
    let chart_csv = export_operation(
        "chart_csv",
        "The figures on the chart, with sources, notes and caveats",
        &STATE_PARAMS,
        file_response("text/csv", "CSV with a header row"),
        false,
    );
    let data_csv = export_operation(
        "data_csv",
        "Every observation of the dataset, with sources, notes and caveats",
        &DATA_CSV_PARAMS,
        file_response("text/csv", "CSV with a header row"),
        false,
    );
    let oembed = OperationBuilder::new()
        .operation_id(Some("oembed"))
        .summary(Some("oEmbed for a chart page: the embed code for CMSs"))
        .tag("embeds")
        .parameter(param("url", "The address of a chart page of this site", Type::String, true, ParameterIn::Query))
        .parameter(param("maxwidth", "Largest width the consumer can show", Type::Integer, false, ParameterIn::Query))
        .parameter(param("maxheight", "Largest height the consumer can show", Type::Integer, false, ParameterIn::Query))
        .parameter(param("format", "json (the only format served)", Type::String, false, ParameterIn::Query))
        .response(
            "200",
            ResponseBuilder::new()
                .description("The oEmbed response")
                .content("application/json", ContentBuilder::new().schema(Some(Ref::from_schema_name("OEmbed"))).build()),
        )
        .response("400", error_response(400, "url missing, or maxwidth/maxheight not a positive number"))
        .response("404", error_response(404, "url is not a chart page of this site, or names no dataset"))
        .response("501", error_response(501, "A format other than json"))
        .build();
    let cite_params: Vec<&str> = STATE_PARAMS.iter().copied().chain(crate::routes::cite::CITE_PARAMS).collect();
    let mut cite_ok = ResponseBuilder::new()
        .description("The citation of the chart as shown: the original publisher and source first, then the chart's title, the dataset, the data release, the permalink (pinned to the release) and the access date")
        .header("Content-Disposition", header(Type::String, "The file name: dataset, release and format"));
    for format in evidence::cite::Format::ALL {
        let content_type = format.content_type().split(';').next().unwrap_or("").to_string();
        let schema = if format == evidence::cite::Format::CslJson {
            ObjectBuilder::new().schema_type(Type::Array).description(Some("CSL-JSON: an array of one item of type dataset")).build()
        } else {
            ObjectBuilder::new().schema_type(Type::String).build()
        };
        cite_ok = cite_ok.content(content_type, ContentBuilder::new().schema(Some(schema)).build());
    }
    let mut cite = export_operation(
        "cite",
        "Cite this chart: APA-style text, BibTeX, RIS or CSL-JSON",
        &cite_params,
        cite_ok.into(),
        false,
    );
    cite.tags = Some(vec!["citations".into()]);
    let get = |op: Operation| PathItem::new(HttpMethod::Get, op);
    vec![
        ("/api/v1/datasets/{id}/cite".into(), get(cite)),
        ("/api/v1/datasets/{id}/chart.svg".into(), get(svg)),
        ("/api/v1/datasets/{id}/chart.png".into(), get(png)),
        ("/api/v1/datasets/{id}/chart.csv".into(), get(chart_csv)),
        ("/api/v1/datasets/{id}/data.csv".into(), get(data_csv)),
        ("/oembed".into(), get(oembed)),
    ]
}

/// The spec as served, built once (it depends on the code, not the data).
pub fn spec() -> &'static Cached {
    static SPEC: OnceLock<Cached> = OnceLock::new();
    SPEC.get_or_init(|| Cached::json(&ApiDoc::openapi()))
}

/// This description of the API (OpenAPI 3.1).
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meta",
    operation_id = "openapi",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json", body = Object)),
)]
pub async fn openapi_json(headers: HeaderMap) -> Response {
    http::json(&headers, spec())
}
