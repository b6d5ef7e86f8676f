//! Structured logs: one line per request with method, path, status and
//! latency, as text or JSON (`serve --log-format json`).
//!
//! Only the path is logged, never the query (annotation text in chart state
//! is free user input) nor the client's address (no tracking).

use std::time::Duration;

use axum::http::{Request, Response};
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::{DefaultOnBodyChunk, DefaultOnEos, DefaultOnRequest, MakeSpan, OnResponse, TraceLayer};
use tracing::Span;

/// The span every request's logs sit in: its method and path.
#[derive(Clone, Copy, Debug, Default)]
pub struct RequestSpan;

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, req: &Request<B>) -> Span {
        tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
    }
}

/// The request's log line, once the response head is ready.
#[derive(Clone, Copy, Debug, Default)]
pub struct LogResponse;

impl<B> OnResponse<B> for LogResponse {
    fn on_response(self, res: &Response<B>, latency: Duration, span: &Span) {
        let status = res.status().as_u16();
        let latency_ms = latency.as_secs_f64() * 1000.0;
        if res.status().is_server_error() {
            tracing::error!(parent: span, status, latency_ms, "response");
        } else {
            tracing::info!(parent: span, status, latency_ms, "response");
        }
    }
}

pub type RequestTrace = TraceLayer<
    SharedClassifier<ServerErrorsAsFailures>,
    RequestSpan,
    DefaultOnRequest,
    LogResponse,
    DefaultOnBodyChunk,
    DefaultOnEos,
    (),
>;

/// The request log. Failures are not logged a second time: the response
/// line already says 5xx at level error.
pub fn trace_layer() -> RequestTrace {
    TraceLayer::new_for_http().make_span_with(RequestSpan).on_response(LogResponse).on_failure(())
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFormat {
    #[default]
    Text,
    /// One JSON object per line; the request's method and path are in
    /// `span`, status and latency in `fields`.
    Json,
}

impl std::str::FromStr for LogFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            other => Err(format!("'{other}' is not a log format (expected text or json)")),
        }
    }
}

pub const DEFAULT_LEVELS: &str = "evidence_server=info,tower_http=info";

/// The log subscriber, writing to `writer` (stderr in the server, a buffer
/// in tests); colours only for a terminal.
pub fn subscriber<W>(format: LogFormat, levels: &str, writer: W, ansi: bool) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'a> tracing_subscriber::fmt::MakeWriter<'a> + Send + Sync + 'static,
{
    let builder = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(levels))
        .with_writer(writer)
        .with_ansi(ansi && format == LogFormat::Text);
    match format {
        LogFormat::Text => Box::new(builder.finish()),
        LogFormat::Json => Box::new(builder.json().with_current_span(true).with_span_list(false).finish()),
    }
}

/// Installs the global subscriber; `RUST_LOG` overrides the levels.
pub fn init_logging(format: LogFormat) {
    let levels = std::env::var("RUST_LOG").unwrap_or_else(|_| DEFAULT_LEVELS.to_string());
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    if tracing::subscriber::set_global_default(subscriber(format, &levels, std::io::stderr, ansi)).is_err() {
        eprintln!("warning: a log subscriber was already installed");
    }
}
