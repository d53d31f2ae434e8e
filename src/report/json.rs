//! JSON output: `{"version": 1, "findings": [...], "summary": {...}}`, described by
//! `schemas/check.schema.json`.
//!
//! On a large dossier the document is hundreds of megabytes; serde_json writes it on one
//! thread. [`write_json_items`] writes a long array with its elements serialised on several threads,
//! a bounded window at a time, byte for byte as `serde_json::to_writer_pretty` would.

use super::{Reporter, Texts};
use crate::check::{CheckResult, Finding, Summary};
use crate::evidence::verify::Evidence;
use crate::store::claims::ArticleJson;
use schemars::JsonSchema;
use serde::Serialize;
use std::io::Write;

/// Version of the JSON output format.
pub const JSON_VERSION: u32 = 1;

/// The JSON document `check --format json` prints.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonReport<'a> {
    /// The version of this output format: 1 for the format described here.
    pub version: u32,
    /// Open findings, sorted by file and position: those no verdict resolved (some downgraded
    /// or raised by one).
    pub findings: &'a [Finding],
    /// Findings an editor's verdict resolved; each carries its `review`.
    pub resolved: &'a [Finding],
    /// Counts: what was checked, how many findings are open at each severity, how many were
    /// resolved.
    pub summary: &'a Summary,
    /// Claims checked against source snapshots, verified ones included (absent when no
    /// claim's source has a snapshot).
    #[serde(default, skip_serializing_if = "<[Evidence]>::is_empty")]
    pub evidence: &'a [Evidence],
}

/// Machine-readable output, serialised on up to `jobs` threads (the bytes do not depend on
/// how many).
#[derive(Debug, Clone, Copy)]
pub struct Json {
    /// How many threads may serialise the long arrays; 0 counts as 1 (default 1).
    pub jobs: usize,
}

impl Default for Json {
    fn default() -> Self {
        Json { jobs: 1 }
    }
}

impl Reporter for Json {
    fn render(&self, result: &CheckResult, texts: &Texts) -> String {
        let mut out = Vec::new();
        match self.write(result, texts, &mut out) {
            Ok(()) => String::from_utf8_lossy(&out).into_owned(),
            Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
        }
    }

    fn write(
        &self,
        result: &CheckResult,
        _texts: &Texts,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        // The fields of `JsonReport`, in its order; a test compares the two.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        out.write_all(b"{\n  \"version\": ")?;
        write_json_value(&mut out, &JSON_VERSION, 1)?;
        out.write_all(b",\n  \"findings\": ")?;
        write_json_items(&mut out, &result.findings, 1, self.jobs)?;
        out.write_all(b",\n  \"resolved\": ")?;
        write_json_items(&mut out, &result.resolved, 1, self.jobs)?;
        out.write_all(b",\n  \"summary\": ")?;
        write_json_value(&mut out, &result.summary, 1)?;
        if !result.evidence.is_empty() {
            out.write_all(b",\n  \"evidence\": ")?;
            write_json_items(&mut out, &result.evidence, 1, self.jobs)?;
        }
        out.write_all(b"\n}\n")?;
        out.flush()
    }
}

/// Write the document of `extract --format json` (a [`crate::store::claims::ExtractJson`]),
/// its articles serialised on up to `jobs` threads.
pub fn write_extract_json(
    out: &mut impl Write,
    articles: &[ArticleJson],
    jobs: usize,
) -> std::io::Result<()> {
    out.write_all(b"{\n  \"articles\": ")?;
    write_json_items(out, articles, 1, jobs)?;
    out.write_all(b"\n}\n")
}

/// How many elements one thread serialises at a time in [`write_json_items`].
const CHUNK: usize = 1024;

/// Write `value` pretty-printed as the value of a field at nesting `depth` (1 for a field of
/// the top-level object; at least 1), as `serde_json::to_writer_pretty` writes it there.
pub fn write_json_value<T: Serialize + ?Sized>(
    out: &mut impl Write,
    value: &T,
    depth: usize,
) -> std::io::Result<()> {
    // `value` as the element of an array at `depth - 1` is laid out as it is at `depth`.
    let nested = pretty_nested(std::slice::from_ref(&value), depth.saturating_sub(1))?;
    // The first line of the value is on its field's line: the newline and indentation
    // before it go.
    let at = nested.iter().position(|&b| b != b'\n' && b != b' ');
    out.write_all(&nested[at.unwrap_or(nested.len())..])
}

/// Write `items` as a pretty-printed JSON array that is the value of a field at nesting
/// `depth`, as `serde_json::to_writer_pretty` writes it there. The elements are serialised on
/// up to `jobs` threads a window of chunks at a time, the next window while this one is
/// written, so memory stays bounded whatever the length.
pub fn write_json_items<T: Serialize + Sync>(
    out: &mut impl Write,
    items: &[T],
    depth: usize,
    jobs: usize,
) -> std::io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    let chunks: Vec<&[T]> = items.chunks(CHUNK).collect();
    let serialise = |window: &[&[T]]| {
        crate::par::map(window, jobs, |chunk| pretty_nested(chunk, depth))
            .into_iter()
            .collect::<std::io::Result<Vec<Vec<u8>>>>()
    };
    let mut first = true;
    let mut write = |done: Vec<Vec<u8>>| -> std::io::Result<()> {
        for lines in done {
            out.write_all(if first { b"[" } else { b"," })?;
            first = false;
            out.write_all(&lines)?;
        }
        Ok(())
    };
    std::thread::scope(|scope| {
        let mut windows = chunks.chunks(jobs.max(1) * 2);
        let mut next = windows.next().map(serialise).transpose()?;
        while let Some(done) = next.take() {
            let ahead = windows.next().map(|w| scope.spawn(move || serialise(w)));
            write(done)?;
            next = match ahead {
                Some(h) => Some(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))?),
                None => None,
            };
        }
        Ok::<_, std::io::Error>(())
    })?;
    out.write_all(b"\n")?;
    indent(out, depth)?;
    out.write_all(b"]")
}

/// The elements of `items` pretty-printed as elements of an array at nesting `depth` (its
/// elements at `depth + 1`): a newline before each, commas between them, and each indented as
/// serde_json indents it there. They are serialised in `depth` arrays, one in another, which
/// puts them at that depth; the brackets and newlines of those arrays are then cut off.
fn pretty_nested<T: Serialize>(items: &[T], depth: usize) -> std::io::Result<Vec<u8>> {
    struct Nested<'a, T> {
        items: &'a [T],
        depth: usize,
    }
    impl<T: Serialize> Serialize for Nested<'_, T> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            if self.depth == 0 {
                return self.items.serialize(s);
            }
            let mut seq = s.serialize_seq(Some(1))?;
            seq.serialize_element(&Nested {
                items: self.items,
                depth: self.depth - 1,
            })?;
            seq.end()
        }
    }
    let mut text =
        serde_json::to_vec_pretty(&Nested { items, depth }).map_err(std::io::Error::other)?;
    // `[` and a newline before each outer level, the elements, then a newline and `]` after
    // each: the first `depth + 1` lines begin it, the last `depth + 1` end it. A newline in a
    // JSON string is always escaped, so every newline byte is one of the layout's.
    let newline = |(i, &b): (usize, &u8)| (b == b'\n').then_some(i);
    let start = text.iter().enumerate().filter_map(newline).nth(depth);
    let end = text.iter().enumerate().rev().filter_map(newline).nth(depth);
    let (Some(start), Some(end)) = (start, end) else {
        return Err(std::io::Error::other("unexpected JSON layout"));
    };
    text.truncate(end);
    text.drain(..start);
    Ok(text)
}

fn indent(out: &mut impl Write, depth: usize) -> std::io::Result<()> {
    const SPACES: &[u8; 32] = b"                                ";
    let mut left = depth * 2;
    while left > 0 {
        let n = left.min(SPACES.len());
        out.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Severity;
    use crate::store::claims::ExtractJson;

    fn finding(i: usize) -> Finding {
        let message = format!("claim {i} has no source: \"a \\ quote\nwith a newline\"");
        Finding {
            severity: if i.is_multiple_of(3) {
                Severity::Error
            } else {
                Severity::Warning
            },
            claim: i.is_multiple_of(2).then(|| format!("q-{i}")),
            ..Finding::example(&format!("claims/a-{i}.yaml"), i + 1, &message)
        }
    }

    fn evidence(i: usize) -> Evidence {
        serde_json::from_value(serde_json::json!({
            "file": "claims/a.yaml", "claim": format!("q-{i}"), "source": "ap",
            "snapshot": "sources/snapshots/ap.txt", "status": "altered", "similarity": 0.875,
            "passages": [{"line": 3, "text": "the words", "score": 0.875}],
        }))
        .unwrap()
    }

    /// What `to_writer_pretty` of the whole document gives: the reference for [`Json`].
    fn reference(result: &CheckResult) -> Vec<u8> {
        let doc = JsonReport {
            version: JSON_VERSION,
            findings: &result.findings,
            resolved: &result.resolved,
            summary: &result.summary,
            evidence: &result.evidence,
        };
        let mut out = serde_json::to_vec_pretty(&doc).unwrap();
        out.push(b'\n');
        out
    }

    #[test]
    fn the_document_is_byte_for_byte_what_serde_json_writes_whatever_the_threads() {
        // Empty arrays, one element, and more than a window of chunks on two threads.
        for n in [0, 1, 2, CHUNK, CHUNK * 5 + 7] {
            let result = CheckResult {
                findings: (0..n).map(finding).collect(),
                resolved: (0..n / 2).map(finding).collect(),
                summary: Summary {
                    articles: n,
                    ..Summary::default()
                },
                links: Vec::new(),
                evidence: (0..n % 3).map(evidence).collect(),
            };
            let want = reference(&result);
            for jobs in [1, 2, 3] {
                let mut got = Vec::new();
                Json { jobs }
                    .write(&result, &Texts::default(), &mut got)
                    .unwrap();
                assert!(got == want, "n = {n}, jobs = {jobs}");
            }
        }
    }

    #[test]
    fn the_extraction_document_is_what_serde_json_writes() {
        use crate::article::{Article, Format};
        let article = Article::from_text(
            "articles/a.md",
            "# A title\n\n\"We will not back down,\" the mayor said on Monday.\n".into(),
            Format::Markdown,
        );
        let extraction = crate::extract::extract(&article);
        assert!(!extraction.claims.is_empty());
        let one = ArticleJson {
            article: &extraction.article,
            references: &extraction.references,
            claims: &extraction.claims,
        };
        for n in [0, 1, 3] {
            let articles: Vec<ArticleJson> = (0..n)
                .map(|_| ArticleJson {
                    article: one.article,
                    references: one.references,
                    claims: one.claims,
                })
                .collect();
            let mut got = Vec::new();
            write_extract_json(&mut got, &articles, 2).unwrap();
            let mut want = serde_json::to_vec_pretty(&ExtractJson { articles }).unwrap();
            want.push(b'\n');
            assert!(got == want, "{}", String::from_utf8_lossy(&got));
        }
    }

    #[test]
    fn nested_values_are_indented_at_their_depth() {
        let value = serde_json::json!({"a": [1, {"b": []}], "c": {}});
        let mut got = Vec::new();
        write_json_value(&mut got, &value, 2).unwrap();
        let want = serde_json::to_string_pretty(&value)
            .unwrap()
            .replace('\n', "\n    ");
        assert_eq!(String::from_utf8(got).unwrap(), want);
    }
}
