//! Stable identifiers: claim ids from their words, source ids from what was cited.

use sha2::{Digest, Sha256};

/// Refuse an id that cannot safely name a file of the dossier (`sources/<id>.yaml`): empty, a
/// path separator, `..`, a leading dot (a hidden file dossier skips) or a control character.
pub fn check_file_id(id: &str) -> Result<(), String> {
    let bad = id.is_empty()
        || id.starts_with('.')
        || id
            .chars()
            .any(|c| matches!(c, '/' | '\\') || c.is_control());
    if bad {
        return Err(format!(
            "`{}` is not a source id: an id names a file in sources/, so it may not be empty, start with a dot, or hold `/`, `\\` or control characters",
            id.escape_debug()
        ));
    }
    Ok(())
}

/// First `n` hex digits of the SHA-256 of `s`.
pub fn short_hash(s: &str, n: usize) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let d = Sha256::digest(s.as_bytes());
    // Straight into one string: every claim id needs one, and a string per byte added up.
    d.iter()
        .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
        .take(n)
        .map(char::from)
        .collect()
}

/// A readable, file-name-safe slug: ASCII lower case, words joined by `-`, at most `max` bytes.
pub fn slugify(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' && c != '\u{2019}' {
            dash = true;
        }
        if out.len() >= max {
            break;
        }
    }
    out.truncate(max);
    out.trim_end_matches('-').to_string()
}

/// Fold common accented Latin letters to ASCII.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ā' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ą' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ē' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ę' | 'Ē' | 'Ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'I',
        'ł' => 'l',
        'Ł' => 'L',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'O',
        'ś' | 'š' | 'ş' => 's',
        'Ś' | 'Š' | 'Ş' => 'S',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        _ => c,
    }
}

/// The id of the source entry for a cited work: who published it, the year, and (when there
/// is one) the first words of the title, so that two works of one outlet and year differ.
pub fn source_id(
    outlet: Option<&str>,
    author: Option<&str>,
    year: Option<i32>,
    title: Option<&str>,
    url: Option<&str>,
) -> Option<String> {
    let who = outlet.or(author).map(|w| {
        let w = w.trim();
        w.strip_prefix("The ")
            .or_else(|| w.strip_prefix("the "))
            .unwrap_or(w)
    });
    let mut parts: Vec<String> = Vec::new();
    if let Some(w) = who {
        parts.push(slugify(w, 30));
    }
    if let Some(y) = year {
        parts.push(y.to_string());
    }
    let words = title.map(|t| t.to_string()).or_else(|| url.map(url_words));
    if let Some(t) = words {
        let significant: Vec<&str> = t
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .take(5)
            .collect();
        let s = slugify(&significant.join(" "), 40);
        if !s.is_empty() {
            parts.push(s);
        }
    }
    let id = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let id = slugify(&id, 80);
    (!id.is_empty()).then_some(id)
}

/// The last meaningful path segment of a URL, as words.
fn url_words(url: &str) -> String {
    let path = url.split_once("://").map_or(url, |x| x.1);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let segs: Vec<&str> = path.split('/').skip(1).filter(|s| !s.is_empty()).collect();
    let seg = segs
        .iter()
        .rev()
        .find(|s| s.chars().any(char::is_alphabetic) && s.len() > 2)
        .or(segs.last())
        .copied()
        .unwrap_or("");
    let seg = seg
        .rsplit_once('.')
        .map_or(seg, |(a, ext)| if ext.len() <= 4 { a } else { seg });
    seg.replace(['-', '_'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_hash_is_the_start_of_the_sha256_in_lower_case_hex() {
        // The published SHA-256 of "abc".
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(short_hash("abc", 8), &abc[..8]);
        assert_eq!(short_hash("abc", 7), &abc[..7]);
        assert_eq!(short_hash("abc", 64), abc);
        assert_eq!(short_hash("", 0), "");
    }

    #[test]
    fn file_ids_may_not_name_a_path() {
        assert!(check_file_id("smith-2020").is_ok());
        for bad in [
            "",
            "..",
            "../../x/evil",
            "a/b",
            "a\\b",
            ".hidden",
            "a\u{1b}b",
        ] {
            assert!(check_file_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn slugs_are_ascii_and_bounded() {
        assert_eq!(slugify("Gdańsk’s Łódź — 2019!", 40), "gdansks-lodz-2019");
        assert!(slugify(&"word ".repeat(40), 20).len() <= 20);
        assert_eq!(slugify("***", 10), "");
    }

    #[test]
    fn source_ids() {
        assert_eq!(
            source_id(Some("Kommersant"), None, Some(2025), None, None).as_deref(),
            Some("kommersant-2025")
        );
        assert_eq!(
            source_id(
                Some("Politico"),
                None,
                Some(2024),
                Some("Trump and NATO: A Love-Hate Relationship"),
                None
            )
            .as_deref(),
            Some("politico-2024-trump-and-nato-a-love")
        );
        assert_eq!(
            source_id(Some("The Guardian"), None, None, None, None).as_deref(),
            Some("guardian")
        );
        assert_eq!(
            source_id(
                Some("Reuters"),
                None,
                Some(2026),
                None,
                Some("https://www.reuters.com/world/anthropic-digs-heels-2026-02-24/")
            )
            .as_deref(),
            Some("reuters-2026-anthropic-digs-heels-2026-02")
        );
        assert_eq!(source_id(None, None, None, None, None), None);
    }
}
