//! `check --online`: is each cited page still there? Findings only; nothing is written.

use super::{key_pos, At, Config, Finding, Out, Rule};
use crate::fetch::{classify, get, is_http, Liveness, Policy};
use crate::store::load::LoadedDossier;

/// Liveness findings for every source entry with an http(s) URL: `dead-link`, `moved-link`
/// and `link-unverified` (blocked, refused, server error, timeout, no connection).
pub fn online(dossier: &LoadedDossier, config: &Config, policy: &Policy) -> Vec<Finding> {
    let mut out = Out {
        config,
        findings: Vec::new(),
    };
    for s in dossier.sources.values() {
        let Some(url) = s.data.url.as_ref().map(|u| u.value().trim()) else {
            continue;
        };
        if !is_http(url) {
            continue; // `invalid-value` already says so.
        }
        let at = At {
            file: &s.file,
            pos: key_pos(Some(&s.keys), &["url"]),
        };
        let (rule, message, help) = match classify(&get(url, policy)) {
            Liveness::Live => continue,
            Liveness::Dead { status } => (
                Rule::DeadLink,
                format!("the URL of source {} is gone (HTTP {status}): {url}", s.id),
                None,
            ),
            Liveness::Moved { to } => (
                Rule::MovedLink,
                format!("the URL of source {} moved permanently to {to}", s.id),
                Some(format!("update `url:` to {to}, after checking it is the same work")),
            ),
            Liveness::CouldNotVerify { reason } => (
                Rule::LinkUnverified,
                format!("could not verify the URL of source {}: {reason}", s.id),
                None,
            ),
            Liveness::Refused { reason } => (
                Rule::LinkUnverified,
                format!("could not verify the URL of source {}: {reason}", s.id),
                Some("check where the page leads in a browser; dossier follows only http(s) redirects".into()),
            ),
        };
        out.push(rule, at, message, None, Some(&s.id), help, None);
    }
    out.findings
}
