//! URLs as dossier takes them from users and servers: parsed the way browsers do (WHATWG, by
//! the `url` crate), recorded and fetched only when they are http(s).

use ::url::{Host, Url};

/// Why a URL is not one dossier records or fetches.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("`{0}` is not an http(s) URL: only addresses starting with http:// or https:// are accepted")]
    Scheme(String),
    #[error("`{0}` holds white space or a control character, which no URL may")]
    Whitespace(String),
    #[error("`{url}` is not a valid URL: {reason}")]
    Invalid { url: String, reason: String },
}

impl crate::util::Advice for UrlError {
    /// How to put it right.
    fn help(&self) -> &'static str {
        match self {
            UrlError::Scheme(_) => "give the page's web address, e.g. https://example.org/report",
            UrlError::Whitespace(_) => "percent-encode a space as %20, or remove it",
            UrlError::Invalid { .. } => {
                "copy the address from the browser's address bar, e.g. https://example.org/report"
            }
        }
    }
}

/// `s` (trimmed) as an absolute http or https URL: written with `http://` or `https://`, with a
/// host, no white space or control character, and valid as the WHATWG URL standard has it.
pub fn web_url(s: &str) -> Result<Url, UrlError> {
    let u = s.trim();
    let prefixed = ["https://", "http://"].iter().any(|scheme| {
        u.get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
    });
    if !prefixed {
        return Err(UrlError::Scheme(u.to_string()));
    }
    if u.chars()
        .any(|c| c.is_whitespace() || c.is_control() || super::is_unsafe(c))
    {
        return Err(UrlError::Whitespace(u.to_string()));
    }
    let invalid = |reason: String| UrlError::Invalid {
        url: u.to_string(),
        reason,
    };
    let parsed = Url::parse(u).map_err(|e| invalid(e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(UrlError::Scheme(u.to_string()));
    }
    match parsed.host() {
        Some(Host::Domain("")) | None => Err(invalid("no host".into())),
        Some(_) => Ok(parsed),
    }
}

/// An absolute http or https URL (see [`web_url`]).
pub fn is_http(url: &str) -> bool {
    web_url(url).is_ok()
}

/// Does the URL name this machine (`localhost`, `127.0.0.0/8`, `::1`)? Such requests never go
/// through a proxy from the environment: a proxy elsewhere cannot reach this machine's ports.
pub fn is_loopback(url: &str) -> bool {
    let Ok(u) = Url::parse(url.trim()) else {
        return false;
    };
    match u.host() {
        Some(Host::Domain(d)) => {
            let d = d.to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost")
        }
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// `location` resolved against `base` as a browser resolves a link (absolute,
/// scheme-relative, absolute-path, query or relative); the location as given when either
/// cannot be parsed (it is then refused as not http(s)).
pub fn resolve(base: &str, location: &str) -> String {
    let loc = location.trim();
    Url::parse(base.trim())
        .and_then(|b| b.join(loc))
        .map_or_else(|_| loc.to_string(), String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts_are_recognised() {
        for u in [
            "http://127.0.0.1:8080/a",
            "http://localhost/x",
            "http://[::1]:9/",
            "https://user@127.0.0.2/",
            "http://app.localhost:3000",
        ] {
            assert!(is_loopback(u), "{u}");
        }
        for u in [
            "https://example.org/",
            "http://127.0.0.1.example.org/",
            "http://10.0.0.1/",
            "http://[2001:db8::1]/",
        ] {
            assert!(!is_loopback(u), "{u}");
        }
    }

    #[test]
    fn locations_resolve() {
        let b = "https://x.org/a/b?q=1";
        assert_eq!(resolve(b, "https://y.org/"), "https://y.org/");
        assert_eq!(resolve(b, "javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(resolve(b, "//y.org/z"), "https://y.org/z");
        assert_eq!(resolve(b, "/z"), "https://x.org/z");
        assert_eq!(resolve(b, "c"), "https://x.org/a/c");
        assert_eq!(resolve("http://x.org", "c"), "http://x.org/c");
        assert_eq!(resolve(b, "?p=2"), "https://x.org/a/b?p=2");
        assert_eq!(resolve(b, "../../../c"), "https://x.org/c");
    }

    #[test]
    fn only_well_formed_web_urls_are_taken() {
        for good in [
            "https://example.org/a?b=c#d",
            " HTTP://Example.org ",
            "https://de.wikipedia.org/wiki/München",
            "http://[::1]:8080/x",
        ] {
            assert!(web_url(good).is_ok(), "{good}");
        }
        for (bad, scheme) in [
            ("javascript:alert(1)", true),
            ("JavaScript://%0aalert(1)", true),
            ("data:text/html,hi", true),
            ("ftp://example.org/", true),
            ("https:example.org", true),
            ("//example.org/a", true),
            ("https://", false),
            ("https://exa mple.org/", false),
            ("https://example.org/\u{1b}[2J", false),
            ("https://[::1/", false),
            ("http://a:99999/", false),
        ] {
            let e = web_url(bad).unwrap_err();
            assert_eq!(matches!(e, UrlError::Scheme(_)), scheme, "{bad}: {e}");
        }
    }
}
