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
    /// The parser's or serialiser's message (parser messages reworded for editors).
    pub message: String,
    /// 1-based line and column, when the parser knows where the problem is.
    pub line: Option<usize>,
    /// 1-based column of the problem, when the parser knows it (`None` for serialising).
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

/// Where a value stands in its document: 1-based line and column, byte offset and length.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Position {
    /// 1-based line where the value starts.
    pub line: usize,
    /// 1-based column where the value starts.
    pub column: usize,
    /// Byte offset of the value's start in the document (0 when the parser does not say).
    pub offset: usize,
    /// Length of the value's text in bytes (0 when the parser does not say).
    pub len: usize,
}

impl Position {
    fn of(loc: &serde_saphyr::Location) -> Position {
        let span = loc.span();
        Position {
            line: loc.line() as usize,
            column: loc.column() as usize,
            offset: span.byte_offset().unwrap_or(0) as usize,
            len: span.byte_len().unwrap_or(0) as usize,
        }
    }
}

/// A mapping read as `T`, with the position of the value of each of its keys, in one pass
/// of the parser (reading the positions separately parsed every claim file twice).
///
/// Only for documents read with [`from_str`]: the positions come from serde-saphyr's span
/// protocol (the one its own `Spanned` uses), so with any other deserializer reading fails;
/// callers then read the document without positions. A unit test guards the protocol.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// The mapping, read as `T`.
    pub value: T,
    /// Each key of the mapping with the position of its value, in document order.
    pub keys: Vec<(String, Position)>,
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Located<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(located::MapVisitor(std::marker::PhantomData))
    }
}

mod located {
    //! The machinery of [`super::Located`]: a map access that hands `T` every key and value
    //! of the mapping while noting where each value starts.
    use super::Position;
    use serde::de::{self, DeserializeSeed, IgnoredAny, IntoDeserializer, MapAccess, Visitor};
    use std::fmt;
    use std::marker::PhantomData;

    /// serde-saphyr's names for its span wrapper: a newtype struct of this name is read as a
    /// map `{marker: true, value, referenced, defined}`.
    const SPANNED: &str = "__yaml_spanned";
    const MARKER: &str = "__serde_saphyr_private_spanned";

    pub(crate) struct MapVisitor<T>(pub(crate) PhantomData<T>);

    impl<'de, T: de::Deserialize<'de>> Visitor<'de> for MapVisitor<T> {
        type Value = super::Located<T>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a mapping")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            let mut keys = Vec::new();
            let value = T::deserialize(de::value::MapAccessDeserializer::new(Recording {
                inner: map,
                key: None,
                keys: &mut keys,
            }))?;
            Ok(super::Located { value, keys })
        }
    }

    struct Recording<'k, A> {
        inner: A,
        key: Option<String>,
        keys: &'k mut Vec<(String, Position)>,
    }

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for Recording<'_, A> {
        type Error = A::Error;

        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, A::Error> {
            let Some(key) = self.inner.next_key::<String>()? else {
                return Ok(None);
            };
            let out = seed.deserialize(key.as_str().into_deserializer())?;
            self.key = Some(key);
            Ok(Some(out))
        }

        fn next_value_seed<V: DeserializeSeed<'de>>(
            &mut self,
            seed: V,
        ) -> Result<V::Value, A::Error> {
            let (value, at) = self.inner.next_value_seed(SpannedSeed(seed))?;
            if let Some(key) = self.key.take() {
                self.keys.push((key, at));
            }
            Ok(value)
        }

        fn size_hint(&self) -> Option<usize> {
            self.inner.size_hint()
        }
    }

    /// Read a value with `S` and the position where it is used.
    struct SpannedSeed<S>(S);

    impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for SpannedSeed<S> {
        type Value = (S::Value, Position);

        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_newtype_struct(SPANNED, Newtype(self.0))
        }
    }

    struct Newtype<S>(S);

    impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Newtype<S> {
        type Value = (S::Value, Position);

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a value with its position")
        }

        fn visit_newtype_struct<D: de::Deserializer<'de>>(
            self,
            d: D,
        ) -> Result<Self::Value, D::Error> {
            d.deserialize_any(Parts(self.0))
        }
    }

    struct Parts<S>(S);

    impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Parts<S> {
        type Value = (S::Value, Position);

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("serde-saphyr's span map")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            if map.next_key::<String>()?.as_deref() != Some(MARKER) {
                return Err(de::Error::custom(
                    "positions are known only to the YAML reader",
                ));
            }
            map.next_value::<IgnoredAny>()?;
            let mut seed = Some(self.0);
            let mut value = None;
            let mut at = None;
            while let Some(k) = map.next_key::<String>()? {
                match k.as_str() {
                    "value" => match seed.take() {
                        Some(s) => value = Some(map.next_value_seed(s)?),
                        None => return Err(de::Error::duplicate_field("value")),
                    },
                    "referenced" => {
                        at = Some(Position::of(&map.next_value::<serde_saphyr::Location>()?))
                    }
                    // A location is read only as one (not as any value).
                    "defined" => {
                        map.next_value::<serde_saphyr::Location>()?;
                    }
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            match value {
                Some(v) => Ok((v, at.unwrap_or_default())),
                None => Err(de::Error::missing_field("value")),
            }
        }
    }
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
