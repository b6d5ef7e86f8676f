//! The real binary: SIGHUP reloads `--data` (and keeps the old package
//! when the new one is broken), SIGTERM finishes and exits cleanly, and
//! `--log-format json` writes one JSON object per line.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::reload::TempDir;

/// Kills the server if a failed assertion leaves it running.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn http_get(addr: SocketAddr, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").ok()?;
    let mut out = String::new();
    stream.read_to_string(&mut out).ok()?;
    let status = out.split(' ').nth(1)?.parse().ok()?;
    Some((status, out.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default()))
}

/// Polls until `check` holds, for at most 20 s.
fn wait_for(what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn data_hash(addr: SocketAddr) -> String {
    let (status, body) = http_get(addr, "/api/v1/version").expect("the server answers");
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    v["data_hash"].as_str().expect("data_hash").to_string()
}

fn signal(child: &Child, name: &str) {
    let ok = Command::new("kill").arg(format!("-{name}")).arg(child.id().to_string()).status().expect("kill runs");
    assert!(ok.success());
}

fn copy_data(to: &Path) {
    let status = Command::new("cp")
        .arg("-r")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../data"))
        .arg(to)
        .status()
        .expect("cp runs");
    assert!(status.success());
}

#[test]
fn sighup_reloads_safely_and_sigterm_stops_cleanly() {
    let tmp = TempDir::new("process");
    let data = tmp.0.join("data");
    copy_data(&data);
    let log_path = tmp.0.join("server.log");
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("a port").local_addr().expect("addr").port();
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let child = Command::new(env!("CARGO_BIN_EXE_evidence-server"))
        .args(["serve", "--addr", &addr.to_string(), "--data"])
        .arg(&data)
        .args(["--rate-limit", "0", "--log-format", "json"])
        .env("RUST_LOG", "evidence_server=info")
        .stdout(Stdio::null())
        .stderr(Stdio::from(std::fs::File::create(&log_path).expect("log file")))
        .spawn()
        .expect("the server starts");
    let mut server = Server(child);
    wait_for("the server to listen", || http_get(addr, "/healthz").is_some_and(|(s, _)| s == 200));
    let original = data_hash(addr);

    // A broken package: refused, the old one still served.
    let descriptor = data.join("datapackage.json");
    let good = std::fs::read_to_string(&descriptor).expect("descriptor");
    std::fs::write(&descriptor, "{ not json").expect("break");
    signal(&server.0, "HUP");
    let log = || std::fs::read_to_string(&log_path).unwrap_or_default();
    wait_for("the refusal in the log", || log().contains("reload refused"));
    assert_eq!(data_hash(addr), original, "still serving the old package");

    // A good package with a new version: taken.
    let mut json: serde_json::Value = serde_json::from_str(&good).expect("json");
    json["version"] = serde_json::json!("sighup-test");
    std::fs::write(&descriptor, serde_json::to_string(&json).expect("json")).expect("fix");
    signal(&server.0, "HUP");
    wait_for("the new package", || data_hash(addr) != original);

    signal(&server.0, "TERM");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = server.0.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "the server stops on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "a clean exit: {status}");
    let log = log();
    assert!(log.contains("stopped after finishing in-flight requests"), "{log}");
    let requests: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
        .filter(|v| v["fields"]["message"] == "response")
        .collect();
    assert!(requests.iter().any(|v| v["fields"]["path"] == "/api/v1/version" && v["fields"]["status"] == 200), "{log}");
}
