//! The command line: `serve`, `validate DIR`, `export-static OUT`,
//! `diff OLD_DIR NEW_DIR`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use evidence::package::DirSource;

use crate::observability::LogFormat;
use crate::snapshot::Snapshot;
use crate::state::{AppState, Config};

const USAGE: &str = "usage:
  evidence-server serve [--addr 127.0.0.1:8080] [--data DIR] [--public-url URL] [--rate-limit N] [--log-format text|json]
  evidence-server validate DIR
  evidence-server export-static OUT [--data DIR] [--public-url URL]
  evidence-server diff OLD_DIR NEW_DIR   (exit 0: no change in the data, 1: changes, 2: error)";

pub fn main(args: Vec<String>) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("serve") | None => serve(&args[args.len().min(1)..]),
        Some("validate") => match args.get(1) {
            Some(dir) => validate(&PathBuf::from(dir)),
            None => usage_error("validate needs a folder"),
        },
        Some("export-static") => match args.get(1) {
            Some(out) if !out.starts_with("--") => match parse_serve(&args[2..]) {
                Ok(parsed) => export_static(&PathBuf::from(out), parsed.config),
                Err(e) => usage_error(&e),
            },
            _ => usage_error("export-static needs an output folder"),
        },
        Some("diff") => match (args.get(1), args.get(2), args.get(3)) {
            (Some(old), Some(new), None) => diff(&PathBuf::from(old), &PathBuf::from(new)),
            _ => usage_error("diff needs two folders: OLD_DIR NEW_DIR"),
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("unknown command '{other}'")),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("error: {msg}\n{USAGE}");
    ExitCode::from(2)
}

/// Prints every problem as `DIR/file:row: field: problem`; exit 1 if any.
pub fn validate(dir: &std::path::Path) -> ExitCode {
    match evidence::package::load_dir(dir) {
        Ok(pkg) => {
            // The ecosystem map is checked against the package, as serving does.
            if let Err(errors) = evidence::ecosystem::load(&evidence::package::DirSource(dir.to_path_buf()), &pkg) {
                for e in &errors.0 {
                    println!("{}", dir.join(e.to_string()).display());
                }
                eprintln!("{}: {} error(s) in the ecosystem map; the package is refused", dir.display(), errors.0.len());
                return ExitCode::FAILURE;
            }
            let rows: usize = pkg.datasets.iter().map(|d| d.observations.len()).sum();
            println!(
                "{}: valid: {} datasets, {} observations, {} geographies, {} glossary terms",
                dir.display(),
                pkg.datasets.len(),
                rows,
                pkg.geographies.len(),
                pkg.glossary.len()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors.0 {
                println!("{}", dir.join(e.to_string()).display());
            }
            eprintln!("{}: {} error(s); the package is refused", dir.display(), errors.0.len());
            ExitCode::FAILURE
        }
    }
}

/// `diff OLD NEW`: what a curator reviews before a release (see
/// `evidence::diff`). Prints the changes; exit 0 when the data is the same,
/// 1 when it differs, 2 when either package cannot be read, with every
/// problem as `DIR/file:row: field: problem` (as `validate` prints them).
pub fn diff(old: &std::path::Path, new: &std::path::Path) -> ExitCode {
    let mut failed = false;
    let mut load = |dir: &std::path::Path| match evidence::package::load_dir(dir) {
        Ok(pkg) => Some(pkg),
        Err(errors) => {
            for e in &errors.0 {
                eprintln!("{}", dir.join(e.to_string()).display());
            }
            eprintln!("{}: {} error(s); the package is refused", dir.display(), errors.0.len());
            failed = true;
            None
        }
    };
    let (a, b) = (load(old), load(new));
    let (Some(a), Some(b)) = (a, b) else {
        debug_assert!(failed);
        return ExitCode::from(2);
    };
    let d = evidence::diff::diff(&a, &b);
    print!("{}", evidence::diff::render(&d));
    if d.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

struct ServeArgs {
    addr: SocketAddr,
    config: Config,
    log_format: LogFormat,
}

fn parse_serve(args: &[String]) -> Result<ServeArgs, String> {
    let mut addr: SocketAddr = "127.0.0.1:8080".parse().expect("valid");
    let mut config = Config::default();
    let mut public_url = None;
    let mut log_format = LogFormat::default();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--addr" => addr = value()?.parse().map_err(|e| format!("--addr: {e}"))?,
            "--data" => config.data_dir = Some(PathBuf::from(value()?)),
            "--public-url" => public_url = Some(value()?.trim_end_matches('/').to_string()),
            "--rate-limit" => config.rate_limit = value()?.parse().map_err(|e| format!("--rate-limit: {e}"))?,
            "--log-format" => log_format = value()?.parse().map_err(|e| format!("--log-format: {e}"))?,
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    config.public_url = public_url.unwrap_or_else(|| format!("http://{addr}"));
    Ok(ServeArgs { addr, config, log_format })
}

fn load_state(config: Config) -> Result<AppState, String> {
    let snapshot = match &config.data_dir {
        Some(dir) => Snapshot::load(&DirSource(dir.clone())).map_err(|errors| {
            for e in &errors.0 {
                eprintln!("{}", dir.join(e.to_string()).display());
            }
            format!("{}: {} error(s); refusing to start", dir.display(), errors.0.len())
        })?,
        None => Snapshot::load(&crate::embedded::DataFiles).map_err(|e| format!("embedded data is invalid: {e}"))?,
    };
    let previous = match &config.data_dir {
        Some(dir) => load_releases(&DirSource(dir.clone())),
        None => load_releases(&crate::embedded::DataFiles),
    };
    Ok(AppState::with_releases(snapshot, config, crate::site::Site::embedded(), previous))
}

/// Files under `prefix/` of another source.
struct Prefixed<'a>(&'a dyn evidence::package::FileSource, String);

impl evidence::package::FileSource for Prefixed<'_> {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        self.0.read(&format!("{}/{path}", self.1))
    }
}

/// The earlier releases a package keeps (`releases/releases.json` lists
/// them; each is a whole package in `releases/<version>/`). One that is
/// missing or invalid is left out with an error in the log: the current
/// data is still served, and links pinned to it say it is not held.
pub fn load_releases(src: &dyn evidence::package::FileSource) -> Vec<Snapshot> {
    #[derive(serde::Deserialize)]
    struct Index {
        releases: Vec<String>,
    }
    let Some(bytes) = src.read("releases/releases.json") else { return Vec::new() };
    let index: Index = match serde_json::from_slice(&bytes) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: releases/releases.json: {e}; no earlier release is kept");
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for version in index.releases {
        if !evidence::package::is_release(&version) {
            eprintln!("error: releases/releases.json: '{version}' is not a release YYYY.MM.N; left out");
            continue;
        }
        match Snapshot::load(&Prefixed(src, format!("releases/{version}"))) {
            Ok(s) if s.package.version == version => out.push(s),
            Ok(s) => eprintln!("error: releases/{version}: the package says it is release {}; left out", s.package.version),
            Err(errors) => {
                for e in &errors.0 {
                    eprintln!("error: releases/{version}/{e}");
                }
                eprintln!("error: releases/{version}: {} error(s); this release is not kept", errors.0.len());
            }
        }
    }
    out
}

fn serve(args: &[String]) -> ExitCode {
    let parsed = match parse_serve(args) {
        Ok(p) => p,
        Err(e) => return usage_error(&e),
    };
    // Held to the end of serve: dropping it writes out buffered log lines.
    let _log_guard = crate::observability::init_logging(parsed.log_format);
    let state = match load_state(parsed.config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(parsed.addr).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error: cannot listen on {}: {e}", parsed.addr);
                return ExitCode::FAILURE;
            }
        };
        tracing::info!(addr = %parsed.addr, hash = %state.data().hash, "serving {}", state.config().public_url);
        println!("Evidence dashboard on {}/", state.config().public_url);
        tokio::spawn(reload_on_hangup(state.clone()));
        let app = crate::app(state).into_make_service_with_connect_info::<SocketAddr>();
        match axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await {
            Ok(()) => {
                tracing::info!("stopped after finishing in-flight requests");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

/// Reloads `--data` on SIGHUP; a broken package is logged and the old one
/// kept, so the server never serves part of a package.
async fn reload_on_hangup(state: AppState) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut hup) = signal(SignalKind::hangup()) else { return };
        while hup.recv().await.is_some() {
            reload(&state);
        }
    }
    #[cfg(not(unix))]
    let _ = state;
}

pub fn reload(state: &AppState) -> bool {
    let Some(dir) = state.config().data_dir.clone() else {
        tracing::warn!("SIGHUP: serving the embedded data package; nothing to reload (start with --data DIR)");
        return false;
    };
    match Snapshot::load(&DirSource(dir.clone())) {
        Ok(snapshot) => {
            tracing::info!(hash = %snapshot.hash, "reloaded the data package from {}", dir.display());
            state.replace(snapshot);
            true
        }
        Err(errors) => {
            for e in &errors.0 {
                tracing::error!("{}", dir.join(e.to_string()).display());
            }
            tracing::error!("reload refused: {} error(s); still serving hash {}", errors.0.len(), state.data().hash);
            false
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down: finishing in-flight requests");
}

/// Writes the whole site as static files (see [`crate::static_export`]).
pub fn export_static(out: &std::path::Path, mut config: Config) -> ExitCode {
    // Every URL is requested through the router: no client to limit.
    config.rate_limit = 0;
    let state = match load_state(config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    match runtime.block_on(crate::static_export::export(state, out)) {
        Ok(summary) => {
            println!("{}: wrote {} files, {} bytes (see docs/deploy.md for the host settings)", out.display(), summary.files, summary.bytes);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: export-static: {e}");
            ExitCode::FAILURE
        }
    }
}
