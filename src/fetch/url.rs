//! The little URL handling fetching needs: scheme checks and resolving a `Location`.

/// An absolute http or https URL.
pub fn is_http(url: &str) -> bool {
    crate::model::source::is_web_url(url)
}

/// Does the URL name this machine (`localhost`, `127.0.0.0/8`, `::1`)? Such requests never go
/// through a proxy from the environment: a proxy elsewhere cannot reach this machine's ports.
pub fn is_loopback(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    let host = host.to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// `location` resolved against `base` (absolute, scheme-relative, absolute-path or relative).
pub fn resolve(base: &str, location: &str) -> String {
    let loc = location.trim();
    // Absolute: a scheme before any `/`, `?` or `#`.
    if let Some(colon) = loc.find(':') {
        let scheme = &loc[..colon];
        if !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        {
            return loc.to_string();
        }
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    let auth_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..auth_end]);
    if let Some(r) = loc.strip_prefix("//") {
        return format!("{scheme}://{r}");
    }
    if loc.starts_with('/') {
        return format!("{origin}{loc}");
    }
    let path = &rest[auth_end..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    if loc.starts_with('?') {
        return format!("{origin}{path}{loc}");
    }
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    format!("{origin}{dir}{loc}")
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
    }
}
