//! Matching what a reader types against names: case and accents ignored,
//! so "cote" finds "Côte d'Ivoire" and "reunion" finds "La Réunion".

/// Lower case without the accents of Latin letters.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            '’' => '\'',
            c => c,
        })
        .collect()
}

/// Whether every word of `query` appears in the name or equals the code.
pub fn matches(query: &str, name: &str, code: &str) -> bool {
    let name = fold(name);
    let code = fold(code);
    fold(query).split_whitespace().all(|w| name.contains(w) || code == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_are_ignored() {
        assert!(matches("cote", "Côte d'Ivoire", "CIV"));
        assert!(matches("RÉUNION", "La Réunion", "REU"));
        assert!(matches("", "Kenya", "KEN"));
        assert!(matches("ken", "Kenya", "KEN"));
        assert!(matches("ken", "Some place", "KEN"));
        assert!(!matches("uga", "Kenya", "KEN"));
        assert!(matches("east afr", "Eastern Africa", "014"));
    }
}
