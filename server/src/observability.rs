//! Structured logs: one line per request with method, path, status and
//! latency, as text or JSON (`serve --log-format json`).
//!
//! Only the path is logged, never the query (annotation text in chart state
//! is free user input) nor the client's address (no tracking).

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

/// The request log: one event per request, once the response head is
/// ready, with method, path, status and latency as its fields.
///
/// One event and no span: a span per request (tower-http's TraceLayer)
/// costs a registry slot and its fields formatted and stored on every
/// request, about a tenth of the API's throughput; here the fields are
/// formatted once, in the line itself.
pub async fn log_request(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let res = next.run(req).await;
    let status = res.status().as_u16();
    let latency_ms = start.elapsed().as_secs_f64() * 1000.0;
    if res.status().is_server_error() {
        tracing::error!(method = %method, path = %path, status, latency_ms, "response");
    } else {
        tracing::info!(method = %method, path = %path, status, latency_ms, "response");
    }
    res
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFormat {
    #[default]
    Text,
    /// One JSON object per line; method, path, status and latency are in
    /// `fields`.
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

/// Installs the global subscriber, writing to stderr through
/// [`BatchedStderr`]; `RUST_LOG` overrides the levels. Keep the guard to
/// the end: dropping it writes out what is still buffered.
pub fn init_logging(format: LogFormat) -> LogGuard {
    let levels = std::env::var("RUST_LOG").unwrap_or_else(|_| DEFAULT_LEVELS.to_string());
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let (writer, guard) = BatchedStderr::start(std::io::stderr());
    if tracing::subscriber::set_global_default(subscriber(format, &levels, writer, ansi)).is_err() {
        eprintln!("warning: a log subscriber was already installed");
    }
    guard
}

/// Log lines are appended to a shared buffer that one background thread
/// writes out every [`BatchedStderr::EVERY`]: a request then costs a
/// formatted line and a memcpy under a lock, not a write call of its own
/// (which, at tens of thousands of requests a second on two cores, was a
/// fifth of the API's throughput). A line is never dropped: when the
/// buffer is full, the request thread writes it out itself.
#[derive(Clone)]
pub struct BatchedStderr {
    shared: std::sync::Arc<Batch>,
}

struct Batch {
    buffer: std::sync::Mutex<Vec<u8>>,
    out: std::sync::Mutex<Box<dyn std::io::Write + Send>>,
}

impl Batch {
    /// Writes out what is buffered, in order: the output lock is taken
    /// before the buffer is swapped, so batches cannot overtake each other.
    fn write_out(&self) {
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        let batch = std::mem::take(&mut *self.buffer.lock().unwrap_or_else(|p| p.into_inner()));
        if !batch.is_empty() {
            let _ = out.write_all(&batch);
            let _ = out.flush();
        }
    }
}

/// Writes out the log buffer when dropped (at the end of `serve`).
pub struct LogGuard {
    shared: std::sync::Arc<Batch>,
}

impl Drop for LogGuard {
    fn drop(&mut self) {
        self.shared.write_out();
    }
}

impl BatchedStderr {
    /// How long a line may wait in the buffer.
    pub const EVERY: std::time::Duration = std::time::Duration::from_millis(50);
    /// Past this, a request thread writes the buffer out itself.
    const FULL: usize = 4 * 1024 * 1024;

    pub fn start<W: std::io::Write + Send + 'static>(out: W) -> (BatchedStderr, LogGuard) {
        let shared = std::sync::Arc::new(Batch { buffer: std::sync::Mutex::new(Vec::with_capacity(64 * 1024)), out: std::sync::Mutex::new(Box::new(out)) });
        let weak = std::sync::Arc::downgrade(&shared);
        let spawned = std::thread::Builder::new().name("log-writer".into()).spawn(move || {
            while let Some(batch) = weak.upgrade() {
                batch.write_out();
                drop(batch);
                std::thread::sleep(Self::EVERY);
            }
        });
        if let Err(e) = spawned {
            eprintln!("warning: no log writer thread ({e}); lines are written when the buffer fills");
        }
        (BatchedStderr { shared: shared.clone() }, LogGuard { shared })
    }
}

/// One log event's bytes, appended whole to the buffer when written.
pub struct BufferedLine {
    line: Vec<u8>,
    shared: std::sync::Arc<Batch>,
}

impl std::io::Write for BufferedLine {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.line.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for BufferedLine {
    fn drop(&mut self) {
        if self.line.is_empty() {
            return;
        }
        let full = {
            let mut buffer = self.shared.buffer.lock().unwrap_or_else(|p| p.into_inner());
            buffer.extend_from_slice(&self.line);
            buffer.len() >= BatchedStderr::FULL
        };
        if full {
            self.shared.write_out();
        }
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for BatchedStderr {
    type Writer = BufferedLine;
    fn make_writer(&'a self) -> BufferedLine {
        BufferedLine { line: Vec::with_capacity(256), shared: self.shared.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn lines(out: &Shared) -> Vec<String> {
        String::from_utf8(out.0.lock().unwrap().clone()).unwrap().lines().map(String::from).collect()
    }

    #[test]
    fn every_line_from_every_thread_is_written_whole_and_in_order() {
        let out = Shared::default();
        let (writer, guard) = BatchedStderr::start(out.clone());
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let writer = writer.clone();
                std::thread::spawn(move || {
                    for i in 0..5000 {
                        use std::io::Write;
                        let mut line = tracing_subscriber::fmt::MakeWriter::make_writer(&writer);
                        // Written in pieces, as the formatter may.
                        write!(line, "thread {t} ").unwrap();
                        writeln!(line, "line {i}").unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        drop(guard);
        let lines = lines(&out);
        assert_eq!(lines.len(), 20_000);
        for t in 0..4 {
            let mine: Vec<&String> = lines.iter().filter(|l| l.starts_with(&format!("thread {t} "))).collect();
            let expected: Vec<String> = (0..5000).map(|i| format!("thread {t} line {i}")).collect();
            assert_eq!(mine, expected.iter().collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_line_is_written_out_without_the_guard_after_a_short_wait() {
        let out = Shared::default();
        let (writer, _guard) = BatchedStderr::start(out.clone());
        {
            use std::io::Write;
            writeln!(tracing_subscriber::fmt::MakeWriter::make_writer(&writer), "served").unwrap();
        }
        for _ in 0..100 {
            if !lines(&out).is_empty() {
                break;
            }
            std::thread::sleep(BatchedStderr::EVERY);
        }
        assert_eq!(lines(&out), ["served"]);
    }
}
