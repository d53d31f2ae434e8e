//! What a parser error becomes: the kind of problem it is (bad YAML, an unknown field, a
//! wrong value), its position and its message as an editor reads it.

use super::{Pos, Problem, ProblemKind};
use crate::store::yaml;
use serde::de::IgnoredAny;

pub(super) fn problem_of(file: &str, text: &str, e: yaml::YamlError) -> Problem {
    // The deserialiser stops at the first value of the wrong type, which may come before a
    // syntax error further on: a document that is not YAML at all is invalid YAML, whatever
    // the first complaint was, and its syntax error is the one to show.
    // (A duplicate key is left to the first complaint.)
    let (e, syntax) = match yaml::from_str::<IgnoredAny>(text) {
        Err(syntax) if !syntax.message.contains("duplicate mapping key") => (syntax, true),
        _ => (e, false),
    };
    let m = e.message.as_str();
    let kind = if syntax {
        ProblemKind::InvalidYaml
    } else if m.contains("unknown field") {
        ProblemKind::UnknownField
    } else if [
        "invalid type",
        "invalid value",
        "missing field",
        "did not match any variant",
        "expected sequence",
        "expected mapping",
        "expected a ",
        "expected scalar",
        "invalid length",
    ]
    .iter()
    .any(|p| m.contains(p))
        || wrong_scalar_type(m)
    {
        ProblemKind::InvalidValue
    } else {
        ProblemKind::InvalidYaml
    };
    let line = e.line.unwrap_or(1).max(1);
    let column = e.column.unwrap_or(1).max(1);
    Problem {
        kind,
        file: file.to_string(),
        pos: Pos {
            line,
            column,
            offset: offset_of(text, line, column),
            len: 0,
        },
        message: first_line(&e.message),
        source: None,
        help: None,
    }
}

/// A parser message saying a value is not of the scalar type the field needs
/// (`expected string scalar`, `invalid u32`, `invalid bool`): a wrong value, not bad YAML.
fn wrong_scalar_type(m: &str) -> bool {
    const TYPES: &[&str] = &[
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize", "f32", "f64",
        "bool", "char", "string",
    ];
    let m = m.trim_start_matches("error: ");
    let m = m.split_once(": ").map_or(
        m,
        |(pos, rest)| {
            if pos.starts_with("line ") {
                rest
            } else {
                m
            }
        },
    );
    let mut words = m.split_whitespace();
    match (words.next(), words.next()) {
        (Some("invalid"), Some(t)) => TYPES.contains(&t),
        (Some("expected"), Some(t)) => TYPES.contains(&t),
        _ => false,
    }
}

/// The first line of a parser message, without the position prefix reported separately.
fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or(s).trim();
    let line = line.strip_prefix("error: ").unwrap_or(line);
    let stripped = line
        .strip_prefix("line ")
        .and_then(|rest| rest.split_once(": "))
        .filter(|(pos, _)| pos.contains("column"))
        .map_or(line, |(_, msg)| msg);
    stripped.to_string()
}

/// Byte offset of a 1-based line and column (in characters).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[test]
    fn scalars_of_the_wrong_type_are_invalid_values() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        #[serde(deny_unknown_fields)]
        struct Doc {
            n: u32,
            s: Option<String>,
        }
        for (text, kind) in [
            ("n: one\n", ProblemKind::InvalidValue),
            ("n: 1\ns: [a]\n", ProblemKind::InvalidValue),
            ("n: 1\ns: \"open\n", ProblemKind::InvalidYaml),
            ("n: 1\nn: 2\n", ProblemKind::InvalidYaml),
            ("n: 1\nx: 2\n", ProblemKind::UnknownField),
        ] {
            let e = yaml::from_str::<Doc>(text).unwrap_err();
            assert_eq!(problem_of("f.yaml", text, e).kind, kind, "{text:?}");
        }
    }

    #[test]
    fn offsets_of_lines_and_columns() {
        let t = "ab\ncdé\nf";
        assert_eq!(offset_of(t, 2, 3), 5);
        assert_eq!(offset_of(t, 3, 1), t.len() - 1);
    }
}
