//! The word catalogue: every word the dashboard puts around a chart (the
//! chart sheet, first paint, embeds, exports and the chart page's download,
//! embed and annotation sections), in files a translator edits without
//! touching Rust (`evidence/words/<lang>.ftl`, a small part of Fluent).
//! `build.rs` compiles them into the tables below, so the program carries
//! string constants and no parser.
//!
//! Adding a language: add its file (`words/<code>.ftl`, every key of
//! `en.ftl`) and its code to `Lang` (model.rs); if its plural rule is not
//! one of [`plural_category`]'s, add it there.

use crate::chart::format_number;
use crate::model::Lang;

/// A catalogue entry: a text, or one text per plural category of a number.
enum Entry {
    Text(&'static str),
    /// (the number's placeholder, (category or exact number, text), default)
    Select(&'static str, &'static [(&'static str, &'static str)], usize),
}

include!(concat!(env!("OUT_DIR"), "/words.rs"));

fn table(lang: Lang) -> &'static [Entry] {
    let i = LANGUAGES.iter().position(|l| *l == lang.code()).unwrap_or(0);
    &TABLE[i]
}

/// The CLDR plural category of `n` in a language (the categories these
/// languages use for cardinal numbers): French puts 0 and 1 in `one`,
/// English only 1.
pub fn plural_category(lang_code: &str, n: f64) -> &'static str {
    match lang_code {
        "fr" | "pt" => {
            if (0.0..2.0).contains(&n) { "one" } else { "other" }
        }
        _ => {
            if n == 1.0 { "one" } else { "other" }
        }
    }
}

/// Replaces every `{ $name }` in `text` by its value in `args`; a
/// placeholder without a value is left as it is, so it shows.
pub fn fill_text(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        out.push_str(&rest[..open]);
        let inner = rest[open + 1..close].trim();
        match inner.strip_prefix('$').and_then(|name| args.iter().find(|(k, _)| *k == name.trim())) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

impl W {
    /// The text in `lang`, as written (placeholders not filled; for a
    /// plural entry, its default variant).
    pub fn get(self, lang: Lang) -> &'static str {
        match &table(lang)[self as usize] {
            Entry::Text(t) => t,
            Entry::Select(_, variants, default) => variants[*default].1,
        }
    }

    /// The text with its placeholders filled.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill_text(self.get(lang), args)
    }

    /// The placeholder whose number chooses the text (`n` in
    /// `{ $n -> … }`), or `None` for a text without plural forms.
    pub fn plural_var(self) -> Option<&'static str> {
        match &TABLE[0][self as usize] {
            Entry::Select(var, ..) => Some(var),
            Entry::Text(_) => None,
        }
    }

    /// The text in `lang` for the number `n`: its variant for exactly `n`
    /// if it has one, else for `n`'s plural category in that language,
    /// else the default (placeholders not filled).
    pub fn text_for(self, lang: Lang, n: f64) -> &'static str {
        match &table(lang)[self as usize] {
            Entry::Text(t) => t,
            Entry::Select(_, variants, default) => {
                let exact = variants.iter().find(|(name, _)| name.parse::<f64>().is_ok_and(|v| v == n));
                let category = plural_category(lang.code(), n);
                exact.or_else(|| variants.iter().find(|(name, _)| *name == category)).unwrap_or(&variants[*default]).1
            }
        }
    }

    /// The text for the number `n` (its plural variant chosen by the
    /// language's rule, `{ $n }` written as the language writes numbers),
    /// with the other placeholders filled from `args`.
    pub fn count(self, lang: Lang, n: f64, args: &[(&str, &str)]) -> String {
        let number = format_number(n, lang);
        let text = self.text_for(lang, n);
        let var = match &table(lang)[self as usize] {
            Entry::Select(var, ..) => *var,
            Entry::Text(_) => "n",
        };
        let mut all: Vec<(&str, &str)> = vec![(var, number.as_str())];
        all.extend_from_slice(args);
        fill_text(text, &all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_in_every_language() {
        assert!(MISSING.is_empty(), "keys missing from the catalogue files (language, key): {MISSING:?}");
        for lang in Lang::ALL {
            assert!(LANGUAGES.contains(&lang.code()), "no catalogue file words/{}.ftl", lang.code());
        }
    }

    #[test]
    fn every_language_fills_the_same_placeholders() {
        let placeholders = |t: &str| {
            let mut names: Vec<String> = t.split('{').skip(1).filter_map(|p| p.split_once('}')).map(|(i, _)| i.trim().to_string()).collect();
            names.sort();
            names.dedup();
            names
        };
        for w in W::ALL {
            let en = placeholders(w.get(Lang::En));
            for lang in Lang::ALL {
                assert_eq!(placeholders(w.get(lang)), en, "{} in {}", w.key(), lang.code());
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(W::ReportsCount.count(Lang::En, 1.0, &[]), "1 report");
        assert_eq!(W::ReportsCount.count(Lang::En, 2.0, &[]), "2 reports");
        assert_eq!(W::ReportsCount.count(Lang::En, 0.0, &[]), "0 reports");
        assert_eq!(W::ReportsCount.count(Lang::Fr, 0.0, &[]), "0 signalement");
        assert_eq!(W::ReportsCount.count(Lang::Fr, 1.0, &[]), "1 signalement");
        assert_eq!(W::ReportsCount.count(Lang::Fr, 2.0, &[]), "2 signalements");
        assert_eq!(W::ReportsCount.count(Lang::Fr, 1500.0, &[]), "1\u{202f}500 signalements");
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_stay_visible() {
        assert_eq!(W::DataRelease.fill(Lang::En, &[("release", "2026.12.0")]), "Data release 2026.12.0");
        assert_eq!(W::DataRelease.fill(Lang::En, &[]), "Data release { $release }");
        assert_eq!(W::AnnotCharacters.count(Lang::Fr, 3.0, &[("max", "120")]), "3 / 120 caractères");
    }
}
