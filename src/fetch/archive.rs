//! The Internet Archive's availability API: is there an archived copy of a URL?
//! `GET {base}/wayback/available?url=<url>` answers
//! `{"archived_snapshots": {"closest": {"available": true, "url": "…", "timestamp": "…", "status": "200"}}}`.

use super::{get, is_http, FetchError, Policy};
use serde::Deserialize;

/// The API's public address; tests pass their own.
pub const DEFAULT_BASE: &str = "https://archive.org";

/// An archived copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchivedCopy {
    /// The copy's own http(s) address in the archive, as the API gives it.
    pub url: String,
    /// `YYYYMMDDhhmmss`, as the archive gives it.
    pub timestamp: Option<String>,
}

/// The archive's answer to an availability query.
#[derive(Deserialize)]
struct Answer {
    #[serde(default)]
    archived_snapshots: ArchivedCopies,
}

/// The archive's copies of the page (its `archived_snapshots` object); only the one closest in
/// time is asked for. Not [`crate::model::Snapshot`], the saved copy a source entry records.
#[derive(Deserialize, Default)]
struct ArchivedCopies {
    closest: Option<Closest>,
}

#[derive(Deserialize)]
struct Closest {
    #[serde(default)]
    available: bool,
    url: Option<String>,
    timestamp: Option<String>,
    status: Option<String>,
}

/// Percent-encode a query value.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The closest archived copy of `url` that the archive holds with status 200, if any.
pub fn lookup(url: &str, base: &str, policy: &Policy) -> Result<Option<ArchivedCopy>, FetchError> {
    let api = format!(
        "{}/wayback/available?url={}",
        base.trim_end_matches('/'),
        encode(url.trim())
    );
    let f = get(&api, policy)?;
    if f.status != 200 {
        return Err(FetchError::Network(format!(
            "the archive's availability API answered HTTP {}",
            f.status
        )));
    }
    let answer: Answer = serde_json::from_slice(&f.body).map_err(|e| {
        FetchError::Network(format!(
            "the archive's answer is not the expected JSON: {e}"
        ))
    })?;
    Ok(answer.archived_snapshots.closest.and_then(|c| {
        let ok = c.available && c.status.as_deref().is_none_or(|s| s == "200");
        let url = c.url.filter(|u| is_http(u))?;
        ok.then_some(ArchivedCopy {
            url,
            timestamp: c.timestamp,
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(
            encode("https://x.org/a?b=c&d"),
            "https%3A%2F%2Fx.org%2Fa%3Fb%3Dc%26d"
        );
    }
}
