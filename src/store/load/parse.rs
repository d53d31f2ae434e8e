//! Parsing one claim file or source entry with the position of every value, through the
//! parse cache, and the problems found inside it (duplicate ids).

use super::parse_error::problem_of;
use super::{Keys, LoadedClaims, LoadedSource, Pos, Problem, ProblemKind};
use crate::model::{ClaimFile, SourceEntry};
use crate::store::cache::Cache;
use crate::store::yaml;
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct ClaimLocs {
    #[serde(default)]
    article: BTreeMap<String, Spanned<IgnoredAny>>,
    #[serde(default)]
    references: Vec<BTreeMap<String, Spanned<IgnoredAny>>>,
    #[serde(default)]
    claims: Vec<BTreeMap<String, Spanned<IgnoredAny>>>,
}

fn keys(map: BTreeMap<String, Spanned<IgnoredAny>>) -> Keys {
    map.into_iter()
        .map(|(k, v)| {
            let span = v.referenced.span();
            let pos = Pos {
                line: v.referenced.line() as usize,
                column: v.referenced.column() as usize,
                offset: span.byte_offset().unwrap_or(0) as usize,
                len: span.byte_len().unwrap_or(0) as usize,
            };
            (k, pos)
        })
        .collect()
}

/// A claim file read in one pass of the parser with the positions of its values (see
/// [`yaml::Located`]); its fields mirror [`ClaimFile`]'s. Anything it does not accept (an
/// unknown version, a field it lacks) is read the slow way, which reports the problem.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocatedClaimFile {
    version: u32,
    article: yaml::Located<crate::model::ArticleRecord>,
    references: Vec<yaml::Located<crate::model::Reference>>,
    claims: Vec<yaml::Located<crate::model::Claim>>,
}

fn keys_of(keys: Vec<(String, yaml::Position)>) -> Keys {
    keys.into_iter()
        .map(|(k, p)| {
            let pos = Pos {
                line: p.line,
                column: p.column,
                offset: p.offset,
                len: p.len,
            };
            (k, pos)
        })
        .collect()
}

/// A claim file's data and the positions of its values: one pass when the file is as
/// dossier writes it, else two (the data, then the positions), the first reporting any problem.
fn claim_file_with_keys(
    file: &str,
    text: &str,
) -> Result<(ClaimFile, Keys, Vec<Keys>, Vec<Keys>), Problem> {
    if let Ok(f) = yaml::from_str::<LocatedClaimFile>(text) {
        if f.version == crate::model::FORMAT_VERSION {
            let (references, reference_keys) = f
                .references
                .into_iter()
                .map(|r| (r.value, keys_of(r.keys)))
                .unzip();
            let (claims, claim_keys) = f
                .claims
                .into_iter()
                .map(|c| (c.value, keys_of(c.keys)))
                .unzip();
            let data = ClaimFile {
                version: f.version,
                article: f.article.value,
                references,
                claims,
            };
            return Ok((data, keys_of(f.article.keys), reference_keys, claim_keys));
        }
    }
    let data: ClaimFile = yaml::from_str(text).map_err(|e| problem_of(file, text, e))?;
    let locs: ClaimLocs = yaml::from_str(text).unwrap_or(ClaimLocs {
        article: BTreeMap::new(),
        references: Vec::new(),
        claims: Vec::new(),
    });
    Ok((
        data,
        keys(locs.article),
        locs.references.into_iter().map(keys).collect(),
        locs.claims.into_iter().map(keys).collect(),
    ))
}

/// What reading a claim file produces, as the cache keeps it.
type ParsedClaims = (ClaimFile, Keys, Vec<Keys>, Vec<Keys>);

/// A claim file parsed on its own: the loaded file, or why it could not be read, plus the
/// problems found inside it (duplicate ids).
pub fn parse_claim_file(file: &str, text: String) -> Result<(LoadedClaims, Vec<Problem>), Problem> {
    parse_claim_file_cached(file, text, &Cache::disabled())
}

/// [`parse_claim_file`], through the parse cache: a file read before with the same bytes is
/// not parsed again. Only files that read without a problem are cached.
pub fn parse_claim_file_cached(
    file: &str,
    text: String,
    cache: &Cache,
) -> Result<(LoadedClaims, Vec<Problem>), Problem> {
    let parsed = match cache.get::<ParsedClaims>("claims", &text) {
        Some(p) => p,
        None => {
            let p = claim_file_with_keys(file, &text)?;
            cache.put("claims", &text, &p);
            p
        }
    };
    let (data, article_keys, reference_keys, claim_keys) = parsed;
    let loaded = LoadedClaims {
        file: file.to_string(),
        data,
        article_keys,
        reference_keys,
        claim_keys,
        text,
        slim: false,
    };
    let mut problems = Vec::new();
    duplicate_ids(&loaded, &mut problems);
    Ok((loaded, problems))
}

/// A source entry parsed on its own (without looking at its snapshot on disk).
pub fn parse_source_entry(id: &str, file: &str, text: String) -> Result<LoadedSource, Problem> {
    parse_source_entry_cached(id, file, text, &Cache::disabled())
}

/// [`parse_source_entry`] through the parse cache (see [`parse_claim_file_cached`]).
pub fn parse_source_entry_cached(
    id: &str,
    file: &str,
    text: String,
    cache: &Cache,
) -> Result<LoadedSource, Problem> {
    let cached = cache.get::<(SourceEntry, Keys)>("sources", &text);
    let fresh = cached.is_none();
    let (data, keys) = match cached {
        Some(c) => c,
        None => match yaml::from_str::<yaml::Located<SourceEntry>>(&text) {
            Ok(l) => (l.value, keys_of(l.keys)),
            Err(_) => {
                let data: SourceEntry = yaml::from_str(&text).map_err(|e| {
                    let mut p = problem_of(file, &text, e);
                    p.source = Some(id.to_string());
                    p
                })?;
                let locs: BTreeMap<String, Spanned<IgnoredAny>> =
                    yaml::from_str(&text).unwrap_or_default();
                (data, keys(locs))
            }
        },
    };
    if fresh {
        cache.put("sources", &text, &(&data, &keys));
    }
    Ok(LoadedSource {
        id: id.to_string(),
        file: file.to_string(),
        text,
        data,
        keys,
    })
}

fn duplicate_ids(c: &LoadedClaims, problems: &mut Vec<Problem>) {
    let claims = c.data.claims.iter().map(|x| x.id.as_str());
    let references = c.data.references.iter().map(|x| x.id.as_str());
    for (what, ids, keys) in [
        ("claim", claims.collect::<Vec<_>>(), &c.claim_keys),
        (
            "reference",
            references.collect::<Vec<_>>(),
            &c.reference_keys,
        ),
    ] {
        let mut seen = std::collections::HashSet::new();
        for (k, id) in ids.into_iter().enumerate() {
            if !seen.insert(id) {
                problems.push(Problem {
                    kind: ProblemKind::DuplicateId,
                    file: c.file.clone(),
                    pos: keys
                        .get(k)
                        .and_then(|m| m.get("id"))
                        .copied()
                        .unwrap_or_default(),
                    message: format!("{what} id `{id}` is used twice"),
                    source: None,
                    help: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slow path: the data, then the positions in a second pass.
    fn two_passes(text: &str) -> (ClaimFile, Keys, Vec<Keys>, Vec<Keys>) {
        let data: ClaimFile = yaml::from_str(text).unwrap();
        let locs: ClaimLocs = yaml::from_str(text).unwrap();
        (
            data,
            keys(locs.article),
            locs.references.into_iter().map(keys).collect(),
            locs.claims.into_iter().map(keys).collect(),
        )
    }

    #[test]
    fn one_pass_reads_what_two_passes_read() {
        // Claim files as extract writes them, and one edited by hand in other YAML styles
        // (flow mappings, quoted and block scalars, comments, CRLF line ends).
        let written = [
            include_str!("../../../claims/no-tariffs-just-trust.yaml"),
            include_str!("../../../claims/trump-russia-policy.yaml"),
        ];
        let hand = written[1]
            .replacen("  date: ", "  date:   ", 1)
            .replace("  kind: assertion\n", "  kind: 'assertion' # edited\n")
            .replacen("  text: ", "  text: >-\n    ", 1)
            .replace("\n", "\r\n");
        assert!(hand.contains("'assertion' # edited") && hand.contains(">-"));
        for text in written.iter().copied().chain([hand.as_str()]) {
            assert!(yaml::from_str::<LocatedClaimFile>(text).is_ok(), "one pass");
            assert_eq!(
                claim_file_with_keys("c.yaml", text).unwrap(),
                two_passes(text)
            );
        }
        let flow = "version: 1\narticle: {path: articles/a.md, fingerprint: x, title: null, author: null, date: null, outlet: null}\nreferences: []\nclaims: []\n";
        assert_eq!(
            claim_file_with_keys("c.yaml", flow).unwrap(),
            two_passes(flow)
        );
    }
    #[test]
    fn one_pass_source_entry_positions_match() {
        let text = "type: web\ntitle: 'The \"12\" single'\nurl: https://x.org\nnotes:\n  - a\n";
        let fast = yaml::from_str::<yaml::Located<SourceEntry>>(text).unwrap();
        let slow: BTreeMap<String, Spanned<IgnoredAny>> = yaml::from_str(text).unwrap();
        assert_eq!(keys_of(fast.keys), keys(slow));
    }

    #[test]
    fn one_pass_leaves_problems_to_the_slow_path() {
        let newer = include_str!("../../../claims/trump-russia-policy.yaml").replacen(
            "version: 1",
            "version: 99",
            1,
        );
        let e = claim_file_with_keys("c.yaml", &newer).unwrap_err();
        assert!(e.message.contains("newer dossier"), "{}", e.message);
        let unknown = include_str!("../../../claims/trump-russia-policy.yaml").replacen(
            "claims:",
            "colour: red\nclaims:",
            1,
        );
        let e = claim_file_with_keys("c.yaml", &unknown).unwrap_err();
        assert_eq!(e.kind, ProblemKind::UnknownField);
        assert!(e.pos.line > 1, "located: {e:?}");
    }

    #[test]
    fn value_positions_are_read() {
        let m: BTreeMap<String, Spanned<IgnoredAny>> =
            yaml::from_str("type: web\ntitle: null\nurl: https://x.org\n").unwrap();
        let k = keys(m);
        assert_eq!((k["title"].line, k["title"].column), (2, 8));
        assert_eq!(k["url"].line, 3);
    }
}
