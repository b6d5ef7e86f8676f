//! Compiles the word catalogue (`words/<lang>.ftl`, see `words/en.ftl` for
//! the format) into static Rust: one `W` variant per key and one table of
//! texts per language, so the program (and the wasm app) carries plain
//! string constants and no parser. The languages are the files present;
//! English is the reference. A key missing from a language is listed in
//! `MISSING` (and falls back to English) so that a test can name it.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

#[derive(Debug)]
enum Entry {
    Text(String),
    Select { var: String, variants: Vec<(String, String)>, default: usize },
}

fn parse(lang: &str, src: &str) -> Vec<(String, Entry)> {
    let mut out: Vec<(String, Entry)> = Vec::new();
    let lines: Vec<&str> = src.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            panic!("words/{lang}.ftl:{i}: an indented line outside a message: {line:?}");
        }
        let (key, value) = line.split_once('=').unwrap_or_else(|| panic!("words/{lang}.ftl:{i}: expected `key = text`"));
        let key = key.trim().to_string();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            panic!("words/{lang}.ftl:{i}: a key is lowercase letters, digits and '-': {key:?}");
        }
        let mut body = vec![value.trim().to_string()];
        while i < lines.len() && lines[i].starts_with(char::is_whitespace) && !lines[i].trim().is_empty() {
            body.push(lines[i].trim().to_string());
            i += 1;
        }
        let body: Vec<String> = body.into_iter().filter(|l| !l.is_empty()).collect();
        let first = body.first().cloned().unwrap_or_default();
        let entry = if first.starts_with("{ $") && first.ends_with("->") {
            let var = first.trim_start_matches("{ $").trim_end_matches("->").trim().to_string();
            let mut variants = Vec::new();
            let mut default = None;
            for l in &body[1..] {
                if l == "}" {
                    break;
                }
                let star = l.starts_with('*');
                let l = l.trim_start_matches('*');
                let (name, text) = l
                    .strip_prefix('[')
                    .and_then(|r| r.split_once(']'))
                    .unwrap_or_else(|| panic!("words/{lang}.ftl: {key}: a variant is `[category] text`: {l:?}"));
                if star {
                    default = Some(variants.len());
                }
                variants.push((name.trim().to_string(), text.trim().to_string()));
            }
            let default = default.unwrap_or_else(|| panic!("words/{lang}.ftl: {key}: no default variant (`*[other]`)"));
            Entry::Select { var, variants, default }
        } else {
            Entry::Text(body.join(" "))
        };
        if out.iter().any(|(k, _)| *k == key) {
            panic!("words/{lang}.ftl: {key} is defined twice");
        }
        out.push((key, entry));
    }
    out
}

fn variant_name(key: &str) -> String {
    key.split('-')
        .map(|p| {
            let mut c = p.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("words");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut langs: Vec<(String, Vec<(String, Entry)>)> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("evidence/words exists").flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files {
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let lang = path.file_stem().and_then(|s| s.to_str()).expect("a file name").to_string();
        let src = std::fs::read_to_string(&path).expect("a readable catalogue file");
        langs.push((lang.clone(), parse(&lang, &src)));
    }
    // English first: it is the reference and the fallback.
    langs.sort_by_key(|(l, _)| (l != "en", l.clone()));
    assert!(langs.first().is_some_and(|(l, _)| l == "en"), "evidence/words/en.ftl is the reference catalogue");

    let mut keys: Vec<String> = Vec::new();
    for (_, entries) in &langs {
        for (k, _) in entries {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    let lookup: Vec<BTreeMap<&str, &Entry>> = langs.iter().map(|(_, e)| e.iter().map(|(k, v)| (k.as_str(), v)).collect()).collect();

    let mut out = String::new();
    out.push_str("/// One word (or sentence) of the catalogue; its key in the files is `W::key`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum W {\n");
    for k in &keys {
        let _ = writeln!(out, "    /// `{k}`\n    {},", variant_name(k));
    }
    out.push_str("}\n\n");
    let _ = writeln!(out, "const KEYS: [&str; {}] = [{}];", keys.len(), keys.iter().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", "));
    let _ = writeln!(
        out,
        "impl W {{\n    pub const ALL: [W; {}] = [{}];\n    pub fn key(self) -> &'static str {{ KEYS[self as usize] }}\n}}\n",
        keys.len(),
        keys.iter().map(|k| format!("W::{}", variant_name(k))).collect::<Vec<_>>().join(", ")
    );
    let _ = writeln!(
        out,
        "/// The languages of the catalogue (its files), English first.\npub const LANGUAGES: [&str; {}] = [{}];\n",
        langs.len(),
        langs.iter().map(|(l, _)| format!("{l:?}")).collect::<Vec<_>>().join(", ")
    );
    let mut missing = Vec::new();
    let _ = writeln!(out, "static TABLE: [[Entry; {}]; {}] = [", keys.len(), langs.len());
    for (li, (lang, _)) in langs.iter().enumerate() {
        out.push_str("    [\n");
        for k in &keys {
            let entry = match lookup[li].get(k.as_str()) {
                Some(e) => e,
                None => {
                    missing.push((lang.clone(), k.clone()));
                    lookup.iter().find_map(|m| m.get(k.as_str())).expect("the key is in some language")
                }
            };
            match entry {
                Entry::Text(t) => {
                    let _ = writeln!(out, "        Entry::Text({t:?}),");
                }
                Entry::Select { var, variants, default } => {
                    let vs: Vec<String> = variants.iter().map(|(n, t)| format!("({n:?}, {t:?})")).collect();
                    let _ = writeln!(out, "        Entry::Select({var:?}, &[{}], {default}),", vs.join(", "));
                }
            }
        }
        out.push_str("    ],\n");
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// (language, key) pairs missing from a catalogue file.\npub static MISSING: &[(&str, &str)] = &[{}];",
        missing.iter().map(|(l, k)| format!("({l:?}, {k:?})")).collect::<Vec<_>>().join(", ")
    );
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("words.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
