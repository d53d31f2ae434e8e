//! URLs as dossier takes them from users and servers: parsed the way browsers do (WHATWG, by
//! the `url` crate), recorded and fetched only when they are http(s): [`WebUrl`].

use ::url::{Host, Url};

/// Why a URL is not one dossier records or fetches.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// The address does not start with `http://` or `https://`; holds the address as given,
    /// trimmed.
    #[error("`{0}` is not an http(s) URL: only addresses starting with http:// or https:// are accepted")]
    Scheme(String),
    /// The address holds white space, a control character or a character that could
    /// disguise it ([`crate::util::is_unsafe`]); holds the address as given, trimmed.
    #[error("`{0}` holds white space or a control character, which no URL may")]
    Whitespace(String),
    /// The WHATWG parser refuses the address, or it names no host.
    #[error("`{url}` is not a valid URL: {reason}")]
    Invalid {
        /// The address as given, trimmed.
        url: String,
        /// What the parser objected to (`invalid port number`), or `no host`.
        reason: String,
    },
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

/// An absolute http or https URL, the one URL type of dossier: written with `http://` or
/// `https://`, with a host, no white space or control character, and valid as the WHATWG URL
/// standard has it (parsed by the `url` crate). It keeps the text as it was given (trimmed),
/// which is what records and reports show; the parsed form answers questions about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebUrl {
    given: String,
    parsed: Url,
}

impl WebUrl {
    /// `s` (trimmed) as a web URL, or why it is not one.
    pub fn parse(s: &str) -> Result<WebUrl, UrlError> {
        let u = s.trim();
        if !has_web_scheme(u) {
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
            Some(_) => Ok(WebUrl {
                given: u.to_string(),
                parsed,
            }),
        }
    }

    /// The web URL a link `href` leads to, resolved against `base` as a browser follows a link
    /// (an absolute address, or a relative one when there is a base), written as the standard
    /// writes it; `None` for other schemes, fragments and what cannot be parsed.
    pub fn link(base: Option<&WebUrl>, href: &str) -> Option<WebUrl> {
        let href = href.trim();
        let parsed = match Url::parse(href) {
            Ok(u) => u,
            Err(::url::ParseError::RelativeUrlWithoutBase) => base?.parsed.join(href).ok()?,
            Err(_) => return None,
        };
        matches!(parsed.scheme(), "http" | "https").then(|| WebUrl {
            given: parsed.as_str().to_string(),
            parsed,
        })
    }

    /// The host's name as people write it: lower case, an internationalised name in its own
    /// letters rather than its `xn--` form; an IP address as the standard writes it.
    pub fn host(&self) -> Option<String> {
        match self.parsed.host()? {
            Host::Domain(d) => Some(idna::domain_to_unicode(d).0.to_lowercase()),
            ip => Some(ip.to_string()),
        }
    }

    /// The URL as it was given, trimmed.
    pub fn as_str(&self) -> &str {
        &self.given
    }

    /// The URL as the standard writes it (scheme and host lower-cased, `/` as an empty path).
    pub fn normalized(&self) -> &str {
        self.parsed.as_str()
    }

    /// The URL as given, for a link target: the scheme lower-cased and every byte outside the
    /// URL-safe ASCII set percent-encoded (so it holds no quote, `<`, `>`, `|` or backtick).
    pub fn href(&self) -> String {
        let (scheme, rest) = self.given.split_at(self.parsed.scheme().len());
        let mut out = String::with_capacity(self.given.len() + 8);
        out.push_str(&scheme.to_ascii_lowercase());
        for b in rest.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&()*+,;=%".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }

    /// Does it name this machine (`localhost`, `127.0.0.0/8`, `::1`)? Such requests never go
    /// through a proxy from the environment: a proxy elsewhere cannot reach this machine's ports.
    pub fn is_loopback(&self) -> bool {
        match self.parsed.host() {
            Some(Host::Domain(d)) => {
                let d = d.to_ascii_lowercase();
                d == "localhost" || d.ends_with(".localhost")
            }
            Some(Host::Ipv4(ip)) => ip.is_loopback(),
            Some(Host::Ipv6(ip)) => ip.is_loopback(),
            None => false,
        }
    }
}

impl std::fmt::Display for WebUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.given)
    }
}

impl std::str::FromStr for WebUrl {
    type Err = UrlError;

    fn from_str(s: &str) -> Result<WebUrl, UrlError> {
        WebUrl::parse(s)
    }
}

/// Does `s` (trimmed) start with `http://` or `https://`, in any case? The first test of a web
/// URL, and how an argument or a line of a page is told to be an address at all.
pub fn has_web_scheme(s: &str) -> bool {
    let s = s.trim();
    ["https://", "http://"].iter().any(|scheme| {
        s.get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
    })
}

/// An absolute http or https URL (see [`WebUrl`]).
pub fn is_http(url: &str) -> bool {
    WebUrl::parse(url).is_ok()
}

/// Is `url` a web URL naming this machine (see [`WebUrl::is_loopback`])?
pub fn is_loopback(url: &str) -> bool {
    WebUrl::parse(url).is_ok_and(|u| u.is_loopback())
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
    fn a_web_url_keeps_the_text_it_was_given() {
        let u = WebUrl::parse("  HTTPS://Example.org/a|b\"é ").unwrap();
        assert_eq!(u.as_str(), "HTTPS://Example.org/a|b\"é");
        assert_eq!(u.to_string(), u.as_str());
        assert_eq!(u.normalized(), "https://example.org/a|b%22%C3%A9");
        assert_eq!(u.href(), "https://Example.org/a%7Cb%22%C3%A9");
        assert!(WebUrl::parse("http://localhost:8080/")
            .unwrap()
            .is_loopback());
        assert_eq!(
            "ftp://x.org/".parse::<WebUrl>(),
            Err(UrlError::Scheme("ftp://x.org/".into()))
        );
    }

    #[test]
    fn a_link_is_followed_as_a_browser_follows_it() {
        let base = WebUrl::parse("https://coast.example/news/ferry").unwrap();
        let link = |href: &str| WebUrl::link(Some(&base), href).map(|u| u.as_str().to_string());
        assert_eq!(
            link("/timetable").as_deref(),
            Some("https://coast.example/timetable")
        );
        assert_eq!(
            link("HTTP://Other.example/a b").as_deref(),
            Some("http://other.example/a%20b")
        );
        assert_eq!(link("javascript:void(0)"), None);
        assert_eq!(link("mailto:desk@coast.example"), None);
        assert_eq!(WebUrl::link(None, "/timetable"), None);
    }

    #[test]
    fn a_host_is_written_in_its_own_letters() {
        let host = |u: &str| WebUrl::parse(u).unwrap().host();
        assert_eq!(
            host("https://Example.ORG/x").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            host("https://xn--mnchen-3ya.de/").as_deref(),
            Some("münchen.de")
        );
        assert_eq!(host("https://MÜNCHEN.de/").as_deref(), Some("münchen.de"));
        assert_eq!(host("http://127.0.0.1:8080/").as_deref(), Some("127.0.0.1"));
        assert!(has_web_scheme(" HTTPS://x.org") && !has_web_scheme("ftp://x.org"));
    }

    #[test]
    fn only_well_formed_web_urls_are_taken() {
        for good in [
            "https://example.org/a?b=c#d",
            " HTTP://Example.org ",
            "https://de.wikipedia.org/wiki/München",
            "http://[::1]:8080/x",
        ] {
            assert!(WebUrl::parse(good).is_ok(), "{good}");
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
            let e = WebUrl::parse(bad).unwrap_err();
            assert_eq!(matches!(e, UrlError::Scheme(_)), scheme, "{bad}: {e}");
        }
    }
}
