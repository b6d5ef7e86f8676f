//! `evidence-server diff OLD_DIR NEW_DIR`, run as a real process on copies
//! of data/: exit 0 for the same data, 1 with the changes listed, 2 with
//! the validator's `file:row: field: problem` lines for a broken package.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::reload::TempDir;

const DATASET: &str = "iwf-reports";

fn copy_data(to: &Path) {
    let status = Command::new("cp")
        .arg("-r")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../data"))
        .arg(to)
        .status()
        .expect("cp runs");
    assert!(status.success());
}

fn run_diff(old: &Path, new: &Path) -> (i32, String, String) {
    let Output { status, stdout, stderr } =
        Command::new(env!("CARGO_BIN_EXE_evidence-server")).arg("diff").arg(old).arg(new).output().expect("the binary runs");
    (status.code().expect("an exit code"), String::from_utf8_lossy(&stdout).into_owned(), String::from_utf8_lossy(&stderr).into_owned())
}

fn csv_path(data: &Path) -> PathBuf {
    data.join(format!("observations/{DATASET}.csv"))
}

fn read_csv(path: &Path) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_path(path).expect("the CSV opens");
    let header = r.headers().expect("a header").clone();
    (header, r.records().map(|r| r.expect("a record")).collect())
}

fn write_csv(path: &Path, header: &csv::StringRecord, rows: &[csv::StringRecord]) {
    let mut w = csv::Writer::from_path(path).expect("the CSV is writable");
    w.write_record(header).expect("write");
    for r in rows {
        w.write_record(r).expect("write");
    }
    w.flush().expect("flush");
}

fn col(header: &csv::StringRecord, name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap_or_else(|| panic!("a {name} column"))
}

fn figure(header: &csv::StringRecord, row: &csv::StringRecord) -> String {
    let series = &row[col(header, "series")];
    let mut key = format!("{DATASET} {} {}", &row[col(header, "geo")], &row[col(header, "period")]);
    if !series.is_empty() {
        key.push_str(&format!(" [{series}]"));
    }
    key
}

#[test]
fn the_same_data_is_no_change() {
    let tmp = TempDir::new("diff-same");
    let (a, b) = (tmp.0.join("a"), tmp.0.join("b"));
    copy_data(&a);
    copy_data(&b);
    let (code, out, err) = run_diff(&a, &b);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("no changes in the data"), "{out}");
}

#[test]
fn a_changed_figure_a_removed_row_and_a_changed_caveat_are_listed() {
    let tmp = TempDir::new("diff-changes");
    let (old, new) = (tmp.0.join("old"), tmp.0.join("new"));
    copy_data(&old);
    copy_data(&new);

    // One figure changed (a count with no bounds, so +1 stays valid), the
    // next row removed.
    let (header, mut rows) = read_csv(&csv_path(&new));
    let (value, lower, upper) = (col(&header, "value"), col(&header, "lower"), col(&header, "upper"));
    let i = rows.iter().position(|r| r[lower].is_empty() && r[upper].is_empty() && r[value].parse::<u64>().is_ok()).expect("a plain count");
    let before: u64 = rows[i][value].parse().expect("a count");
    let changed_key = figure(&header, &rows[i]);
    rows[i] = rows[i].iter().enumerate().map(|(c, f)| if c == value { (before + 1).to_string() } else { f.to_string() }).collect();
    let removed = rows.remove(if i + 1 < rows.len() { i + 1 } else { i - 1 });
    let removed_key = figure(&header, &removed);
    write_csv(&csv_path(&new), &header, &rows);

    // One caveat reworded.
    let descriptor = new.join("datapackage.json");
    let mut pkg: serde_json::Value = serde_json::from_slice(&std::fs::read(&descriptor).expect("read")).expect("JSON");
    let res = pkg["resources"].as_array_mut().expect("resources").iter_mut().find(|r| r["name"] == DATASET).expect("the resource");
    let caveat = &mut res["evidence"]["caveats"][0];
    let kind = caveat["kind"].as_str().expect("a kind").to_string();
    let reworded = format!("{} Reworded for the test.", caveat["plain"]["en"].as_str().expect("text"));
    caveat["plain"]["en"] = reworded.clone().into();
    std::fs::write(&descriptor, serde_json::to_vec_pretty(&pkg).expect("JSON")).expect("write");

    let (code, out, err) = run_diff(&old, &new);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains(&format!("dataset {DATASET}: changed")), "{out}");
    assert!(out.contains(&format!("  ~ figure {changed_key}: value: {before} → {}", before + 1)), "{out}");
    assert!(out.contains(&format!("  - figure {removed_key}: {}", &removed[value])), "{out}");
    assert!(out.contains(&format!("  ~ caveat {kind} #1: plain: ")) && out.contains("Reworded for the test."), "{out}");
    assert!(out.contains("1 dataset(s) differ: 1 figure(s) changed, 0 added, 1 removed; 1 caveat change(s); 0 source change(s)"), "{out}");
    // Nothing else is reported as changed.
    assert_eq!(out.lines().filter(|l| l.starts_with("dataset ")).count(), 1, "{out}");

    // And the other way round, the removed row is an added one.
    let (code, back, _) = run_diff(&new, &old);
    assert_eq!(code, 1);
    assert!(back.contains(&format!("  + figure {removed_key}: {}", &removed[value])), "{back}");
}

#[test]
fn a_malformed_package_is_an_error_with_the_validators_lines() {
    let tmp = TempDir::new("diff-broken");
    let (good, bad) = (tmp.0.join("good"), tmp.0.join("bad"));
    copy_data(&good);
    copy_data(&bad);
    let (header, mut rows) = read_csv(&csv_path(&bad));
    let value = col(&header, "value");
    rows[0] = rows[0].iter().enumerate().map(|(c, f)| if c == value { "lots".to_string() } else { f.to_string() }).collect();
    write_csv(&csv_path(&bad), &header, &rows);

    let (code, out, err) = run_diff(&good, &bad);
    assert_eq!(code, 2, "{out}{err}");
    let expected = format!("{}:2: value: ", bad.join(format!("observations/{DATASET}.csv")).display());
    assert!(err.lines().any(|l| l.starts_with(&expected)), "expected a line starting {expected:?} in:\n{err}");
    assert!(out.is_empty(), "no diff is printed for a refused package: {out}");

    let (code, _, err) = run_diff(&good, &tmp.0.join("missing"));
    assert_eq!(code, 2);
    assert!(err.contains("datapackage.json: file: missing"), "{err}");

    let (code, _, err) = {
        let o = Command::new(env!("CARGO_BIN_EXE_evidence-server")).args(["diff", "only-one"]).output().expect("runs");
        (o.status.code().expect("code"), (), String::from_utf8_lossy(&o.stderr).into_owned())
    };
    assert_eq!(code, 2, "a usage error");
    assert!(err.contains("diff needs two folders"), "{err}");
}
