//! SIGHUP reload of `--data`: a broken package is refused whole and the
//! old one goes on being served; a fixed one replaces it.

use std::path::{Path, PathBuf};

use axum::http::StatusCode;
use evidence::api::VersionInfo;
use evidence::package::DirSource;
use evidence_server::snapshot::Snapshot;
use evidence_server::{AppState, Config};

use super::common::*;

/// A fresh folder under the system temp dir, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("evidence-server-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

async fn served_version(state: &AppState) -> VersionInfo {
    let r = send_to(evidence_server::app(state.clone()), request(axum::http::Method::GET, "/api/v1/version", &[])).await;
    assert_eq!(r.status, StatusCode::OK);
    serde_json::from_slice(&r.body).expect("VersionInfo")
}

#[tokio::test]
async fn a_broken_package_is_refused_and_the_old_one_kept_until_a_good_one_comes() {
    let tmp = TempDir::new("reload");
    let data = tmp.0.join("data");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../data"), &data);
    let snapshot = Snapshot::load(&DirSource(data.clone())).expect("a copy of data/ is valid");
    let state = AppState::new(
        snapshot,
        Config { data_dir: Some(data.clone()), rate_limit: 0, ..Config::default() },
        evidence_server::site::Site::embedded(),
    );
    let original = state.data().hash.clone();
    assert_eq!(served_version(&state).await.data_hash, original);
    let datasets_before = send_to(evidence_server::app(state.clone()), request(axum::http::Method::GET, "/api/v1/datasets", &[])).await;

    // Unchanged files: reload succeeds with the same hash.
    assert!(evidence_server::cli::reload(&state));
    assert_eq!(state.data().hash, original);

    // Break one observation file: a value that is not a number.
    let csv = data.join("observations").join(format!("{}.csv", state.data().package.datasets[0].meta.id));
    let good_csv = std::fs::read_to_string(&csv).expect("csv");
    let mut lines: Vec<&str> = good_csv.lines().collect();
    let broken_row = format!(",{},2019,lots,,,,x", state.data().package.datasets[0].observations[0].geo);
    lines.push(&broken_row);
    std::fs::write(&csv, lines.join("\n")).expect("write");
    assert!(evidence::package::load_dir(&data).is_err(), "the package is really broken");
    assert!(!evidence_server::cli::reload(&state), "a broken package is refused");
    assert_eq!(state.data().hash, original, "the old snapshot is kept");
    let version = served_version(&state).await;
    assert_eq!(version.data_hash, original, "and still served");
    let datasets_after = send_to(evidence_server::app(state.clone()), request(axum::http::Method::GET, "/api/v1/datasets", &[])).await;
    assert_eq!(datasets_after.body, datasets_before.body);

    // A broken descriptor and a missing file are refused the same way.
    let descriptor = data.join("datapackage.json");
    let good_descriptor = std::fs::read_to_string(&descriptor).expect("descriptor");
    std::fs::write(&csv, &good_csv).expect("restore");
    std::fs::write(&descriptor, &good_descriptor[..good_descriptor.len() / 2]).expect("truncate");
    assert!(!evidence_server::cli::reload(&state));
    std::fs::write(&descriptor, &good_descriptor).expect("restore");
    std::fs::remove_file(data.join("reference").join("geographies.csv")).expect("remove");
    assert!(!evidence_server::cli::reload(&state));
    assert_eq!(served_version(&state).await.data_hash, original);

    // Fixed, with a new version: the new package replaces the old.
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../data"), &data);
    let mut json: serde_json::Value = serde_json::from_str(&good_descriptor).expect("json");
    json["version"] = serde_json::json!("2099.12.9");
    std::fs::write(&descriptor, serde_json::to_string_pretty(&json).expect("json")).expect("write");
    assert!(evidence_server::cli::reload(&state), "a valid package is taken");
    let version = served_version(&state).await;
    assert_ne!(version.data_hash, original);
    assert_eq!(version.data_hash, state.data().hash);
    assert_eq!(version.data_version, "2099.12.9");
}

#[test]
fn reload_without_a_data_folder_changes_nothing() {
    let s = state();
    let before = s.data().hash.clone();
    assert!(!evidence_server::cli::reload(&s), "the embedded package has nothing to reload");
    assert_eq!(s.data().hash, before);
}
