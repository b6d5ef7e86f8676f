//! The real binary: SIGHUP reloads `--data` (and keeps the old package
//! when the new one is broken), SIGTERM lets a response still being written
//! finish and then exits cleanly, and `--log-format json` writes one JSON
//! object per line.

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

/// Parses HTTP/1.1 responses with a Content-Length, back to back; panics on
/// one cut off. Returns each one's status and body length.
fn parse_responses(mut bytes: &[u8]) -> Vec<(u16, usize)> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let head_end = bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| panic!("response {} cut off in its head", out.len() + 1));
        let head = std::str::from_utf8(&bytes[..head_end]).expect("an ascii head");
        let status: u16 = head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status");
        let length: usize = head
            .lines()
            .find_map(|l| l.split_once(':').filter(|(k, _)| k.eq_ignore_ascii_case("content-length")).map(|(_, v)| v.trim().parse().expect("a length")))
            .unwrap_or_else(|| panic!("no Content-Length in {head}"));
        let body = &bytes[head_end + 4..];
        assert!(body.len() >= length, "response {} cut off: {} of {length} bytes", out.len() + 1, body.len());
        out.push((status, length));
        bytes = &body[length..];
    }
    out
}

#[test]
fn sighup_reloads_safely_and_sigterm_finishes_the_response_in_flight() {
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
    json["version"] = serde_json::json!("2099.1.1"); // a release (YYYY.MM.N) no real one uses
    std::fs::write(&descriptor, serde_json::to_string(&json).expect("json")).expect("fix");
    signal(&server.0, "HUP");
    wait_for("the new package", || data_hash(addr) != original);

    // A response in flight: one connection asks, pipelined, for more than
    // the socket buffers hold (10 MB of chart pages, while the kernel keeps
    // at most ~4 MB unread on loopback) and reads only the first bytes, so
    // the server is still writing when SIGTERM comes. The requests fit in
    // one read of the server (under 8 kB), so it leaves none unread when it
    // closes (unread bytes would make the kernel reset the connection).
    let path = "/datasets/ncmec-cybertipline-by-country?chart=map";
    let one = http_get(addr, path).expect("the server answers").1.len();
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    let count = (10 << 20) / one.max(1) + 1;
    assert!(count * request.len() < 8000, "{count} requests of {one} bytes do not fit in one read");
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
    stream.write_all(request.repeat(count).as_bytes()).expect("sends");
    let mut received = vec![0u8; 16];
    stream.read_exact(&mut received).expect("the first response starts");
    assert!(received.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&received));
    std::thread::sleep(Duration::from_millis(300));

    signal(&server.0, "TERM");
    std::thread::sleep(Duration::from_millis(500));
    assert!(server.0.try_wait().expect("wait").is_none(), "the server waits for the response it is writing");
    stream.read_to_end(&mut received).expect("the server finishes its response and closes the connection");
    let responses = parse_responses(&received);
    println!("{} whole responses of {count} asked, {} bytes", responses.len(), received.len());
    assert!(!responses.is_empty() && responses.len() <= count, "{} responses to {count} requests", responses.len());
    assert!(responses.iter().all(|&r| r == (200, one)), "every response whole: {:?}", &responses[responses.len().saturating_sub(3)..]);
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
