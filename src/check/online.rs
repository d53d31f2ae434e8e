//! `check --online`: is each cited page still there? Findings only; nothing is written.

use super::out::{key_pos, At, Out};
use super::{Config, Finding, Rule};
use crate::fetch::{classify, get, is_http, Liveness, Policy};
use crate::store::load::LoadedDossier;

/// Requests in flight at once.
const PARALLEL: usize = 4;

/// Liveness findings for every source entry with an http(s) URL: `dead-link`, `moved-link`
/// and `link-unverified` (blocked, refused, server error, timeout, no connection). Up to
/// `PARALLEL` URLs are requested at once; the findings do not depend on the order.
pub fn online(dossier: &LoadedDossier, config: &Config, policy: &Policy) -> Vec<Finding> {
    let mut out = Out {
        config,
        findings: Vec::new(),
    };
    let targets: Vec<(&crate::store::load::LoadedSource, &str)> = dossier
        .sources
        .values()
        .filter_map(|s| {
            let url = s.data.url.as_ref().map(|u| u.value().trim())?;
            // A URL that is not http(s) is flagged by `invalid-value` already.
            is_http(url).then_some((s, url))
        })
        .collect();
    let results = crate::par::map(&targets, PARALLEL, |(_, url)| classify(&get(url, policy)));
    for (&(s, url), liveness) in targets.iter().zip(results) {
        let at = At {
            file: &s.file,
            pos: key_pos(Some(&s.keys), &["url"]),
        };
        let (rule, message, help) = match liveness {
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
        out.add(rule, at, message)
            .source(Some(&s.id))
            .help_if(help)
            .push();
    }
    out.findings
}
