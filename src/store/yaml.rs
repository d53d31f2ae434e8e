//! The one place dossier touches YAML. Everything goes through serde-saphyr, so that a change
//! of YAML library, or of its options, is a change to this file alone.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// The largest YAML file dossier reads or writes (64 MiB). A claim file is a few times its
/// article's size, so an article near the 16 MiB article limit may call for a larger one:
/// extract then refuses the article instead of writing a file that could not be read back.
pub const MAX_YAML_BYTES: u64 = 64 * 1024 * 1024;

/// What parsing a document of `len` bytes may cost, scaled to its size: the one place the
/// YAML budget is decided.
///
/// Without aliases, a node takes at least two bytes of text (`a,` in a flow sequence, `- x` or
/// `k: v` in block style) and an event at most two per node, so these limits admit every
/// document dossier writes, however many claims it holds. What an alias bomb needs, many nodes
/// from few bytes, stays refused: a small file keeps the parser's default budget, and the
/// number of aliases and the text they may replay are not scaled.
pub fn budget_for(len: usize) -> serde_saphyr::Budget {
    let mut b = serde_saphyr::Budget::default();
    b.max_nodes = b.max_nodes.saturating_add(len / 2);
    b.max_events = b.max_events.saturating_add(len);
    b.max_total_scalar_bytes = b.max_total_scalar_bytes.max(len);
    b
}

/// Why a YAML document could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    pub message: String,
    /// 1-based line and column, when the parser knows where the problem is.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Serialise a value as a YAML document, with a schema comment on the first line when given.
pub fn to_string<T: Serialize>(value: &T, schema: Option<&str>) -> Result<String, YamlError> {
    // One line per value: no folded block scalars, so that diffs and grep see whole claims.
    let options = serde_saphyr::ser_options! {
        prefer_block_scalars: false,
    };
    let body = serde_saphyr::to_string_with_options(value, options).map_err(|e| YamlError {
        message: e.to_string(),
        line: None,
        column: None,
    })?;
    let mut out = String::with_capacity(body.len() + 80);
    if let Some(schema) = schema {
        out.push_str("# yaml-language-server: $schema=");
        out.push_str(schema);
        out.push('\n');
    }
    out.push_str(&body);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// Parse a YAML document into `T`.
///
/// The parser's default budget bounds what a document may cost once parsed (aliases expanded,
/// nesting depth, total text), so an alias bomb or a deeply nested document is refused with
/// an error instead of exhausting memory or the stack.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget_for(text.len()));
    serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let loc = e.location();
        YamlError {
            message: plain_message(&e.to_string()),
            line: loc.map(|l| l.line() as usize),
            column: loc.map(|l| l.column() as usize),
        }
    })
}

/// The parser's message in the editor's terms, without advice aimed at programmers.
fn plain_message(m: &str) -> String {
    if let Some(detail) = m.split("budget breached").nth(1) {
        let detail = detail.trim_start_matches([':', ' ']).trim();
        return format!(
            "the document is too large or too deeply nested once its aliases are expanded \
             ({detail}); dossier refuses it to keep memory bounded"
        );
    }
    m.replace(", set DuplicateKeyPolicy in Options if acceptable", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        name: String,
        note: Option<String>,
        count: u32,
    }

    #[test]
    fn round_trip_with_quotes_and_unicode() {
        let d = Doc {
            name: "“Russia… must” — it's: #1 | `x`".into(),
            note: None,
            count: 3,
        };
        let s = to_string(&d, Some("../schemas/x.json")).unwrap();
        assert!(s.starts_with("# yaml-language-server: $schema=../schemas/x.json\n"));
        assert_eq!(from_str::<Doc>(&s).unwrap(), d);
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_refused() {
        // Nine times nine ... nine aliases: billions of strings once expanded.
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (prev, name) in ('a'..'l').zip('b'..='l') {
            bomb.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 9].join(", ")
            ));
        }
        let err = from_str::<serde_json::Value>(&bomb).unwrap_err();
        assert!(
            err.message.contains("too large or too deeply nested"),
            "{}",
            err.message
        );
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(from_str::<serde_json::Value>(&deep).is_err());
    }

    #[test]
    fn large_documents_without_aliases_fit_the_budget() {
        // 300,000 nodes: over the parser's default of 250,000.
        let items: Vec<Doc> = (0..100_000)
            .map(|i| Doc {
                name: format!("n{i}"),
                note: None,
                count: i,
            })
            .collect();
        let s = to_string(&items, None).unwrap();
        assert_eq!(from_str::<Vec<Doc>>(&s).unwrap().len(), 100_000);
        let flow = format!("[{}]", vec!["a"; 400_000].join(","));
        assert_eq!(from_str::<Vec<String>>(&flow).unwrap().len(), 400_000);
    }

    #[test]
    fn duplicate_keys_are_refused_in_plain_words() {
        let err = from_str::<Doc>("name: a\nname: b\ncount: 1\n").unwrap_err();
        assert!(err.message.contains("duplicate"), "{}", err.message);
        assert!(
            !err.message.contains("DuplicateKeyPolicy"),
            "{}",
            err.message
        );
    }

    #[test]
    fn errors_carry_a_location() {
        let err = from_str::<Doc>("name: a\ncount: [\n").unwrap_err();
        assert!(err.line.is_some());
        let err = from_str::<Doc>("name: a\ncount: 1\nextra: 2\n").unwrap_err();
        assert!(err.message.contains("extra"), "{}", err.message);
    }
}
