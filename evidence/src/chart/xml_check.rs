//! A well-formedness check for the SVG this crate writes, shared by its
//! tests, the fuzz targets and the server's tests: user text (titles,
//! notes) goes into these pictures, so "always well-formed" is a promise
//! worth checking everywhere.

/// The XML 1.0 `Char` production: what may appear in a document at all.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// The first reason `svg` is not well-formed XML, if any: tags balance,
/// attributes are quoted and not repeated, text has no raw `<`, every `&`
/// starts an entity, every character is an XML `Char`. Small, with no XML
/// parser among the dependencies; the tests and the fuzz targets hold every
/// SVG the renderer writes to it.
pub fn xml_problem(svg: &str) -> Option<String> {
    if let Some(c) = svg.chars().find(|c| !is_xml_char(*c)) {
        return Some(format!("character U+{:04X} is not allowed in XML", c as u32));
    }
    let mut open: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(lt) = rest.find('<') {
        if let Some(problem) = text_problem(&rest[..lt]) {
            return Some(problem);
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let Some(end) = after.find("-->") else { return Some("unclosed comment".into()) };
            rest = &after[end + 3..];
            continue;
        }
        let Some(gt) = rest.find('>') else { return Some("unclosed tag".into()) };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(o) if o == name.trim() => continue,
                other => return Some(format!("</{name}> closes <{}>", other.unwrap_or("nothing"))),
            }
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, mut attrs) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':') {
            return Some(format!("bad tag name '{name}'"));
        }
        let mut seen: Vec<&str> = Vec::new();
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() {
                break;
            }
            let Some((key, after)) = attrs.split_once("=\"") else { return Some(format!("<{name}>: unquoted attribute in '{attrs}'")) };
            let Some((value, after)) = after.split_once('"') else { return Some(format!("<{name}>: unclosed attribute")) };
            if seen.contains(&key) {
                return Some(format!("<{name}>: attribute {key} repeated"));
            }
            if let Some(problem) = text_problem(value) {
                return Some(format!("<{name} {key}>: {problem}"));
            }
            seen.push(key);
            attrs = after;
        }
        if !self_closing {
            open.push(name);
        }
    }
    if !open.is_empty() {
        return Some(format!("unclosed elements: {open:?}"));
    }
    text_problem(rest)
}

fn text_problem(text: &str) -> Option<String> {
    if text.contains('<') {
        return Some(format!("raw markup in text '{text}'"));
    }
    for (i, _) in text.match_indices('&') {
        let entity = &text[i..];
        let name = entity.find(';').filter(|end| *end <= 10).map(|end| &entity[1..end]);
        let known = name.is_some_and(|n| matches!(n, "amp" | "lt" | "gt" | "quot" | "apos") || n.starts_with('#'));
        if !known {
            return Some(format!("bare & in '{text}'"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::xml_problem;

    #[test]
    fn well_formed_svg_passes() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10"><!-- note --><g class="a"><text x="1">A &amp; B &#39;&#x41;</text><path d="M0 0"/></g></svg>"#;
        assert_eq!(xml_problem(svg), None);
    }

    #[test]
    fn each_kind_of_problem_is_found() {
        for (svg, expected) in [
            ("<svg><g></svg>", "closes"),
            ("<svg>", "unclosed elements"),
            ("<svg><text>a < b</text></svg>", "bad tag name"),
            ("<svg><text>Tom & Jerry</text></svg>", "bare &"),
            (r#"<svg a="1" a="2"></svg>"#, "repeated"),
            ("<svg a=1></svg>", "unquoted"),
            ("<svg><text>\u{FFFF}</text></svg>", "U+FFFF"),
            ("<svg><text>\u{1}</text></svg>", "U+0001"),
            ("<svg><!-- open </svg>", "unclosed comment"),
            ("<svg><b@d></b@d></svg>", "bad tag name"),
        ] {
            let problem = xml_problem(svg).unwrap_or_else(|| panic!("{svg:?} passed"));
            assert!(problem.contains(expected), "{svg:?}: {problem}");
        }
    }
}
