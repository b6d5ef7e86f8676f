//! The request log: one line per request with method, path, status and
//! latency, as text or JSON, and never the query or the client address.

use axum::http::Method;
use evidence_server::observability::{LogFormat, subscriber};

use super::common::*;
use super::errors::LogBuffer;

fn logged(format: LogFormat, url: &str) -> String {
    let logs = LogBuffer::default();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    tracing::subscriber::with_default(subscriber(format, evidence_server::observability::DEFAULT_LEVELS, logs.clone(), false), || {
        runtime.block_on(send(request(Method::GET, url, &[])))
    });
    logs.text()
}

#[test]
fn text_lines_carry_method_path_status_and_latency() {
    let text = logged(LogFormat::Text, "/api/v1/nope?secret=annotation");
    let line = text.lines().find(|l| l.contains("response")).unwrap_or_else(|| panic!("a response line in {text}"));
    for part in ["method=GET", "path=/api/v1/nope", "status=404", "latency_ms="] {
        assert!(line.contains(part), "{part} in {line}");
    }
    assert!(!text.contains("secret"), "the query is not logged: {text}");
}

#[test]
fn json_lines_parse_and_carry_the_same_fields() {
    let text = logged(LogFormat::Json, "/api/v1/datasets");
    let line = text.lines().find(|l| l.contains("\"response\"")).unwrap_or_else(|| panic!("a response line in {text}"));
    let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
    assert_eq!(v["fields"]["method"], "GET");
    assert_eq!(v["fields"]["path"], "/api/v1/datasets");
    assert_eq!(v["fields"]["status"], 200);
    assert!(v["fields"]["latency_ms"].as_f64().is_some_and(|ms| ms >= 0.0), "{v}");
    assert_eq!(v["level"], "INFO");
}

#[test]
fn log_formats_parse_from_the_command_line() {
    assert_eq!("json".parse::<LogFormat>(), Ok(LogFormat::Json));
    assert_eq!("text".parse::<LogFormat>(), Ok(LogFormat::Text));
    assert!("xml".parse::<LogFormat>().is_err());
}
