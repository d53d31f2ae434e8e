//! Knowledge about news outlets, platforms and institutions: their names, their web hosts and
//! their common abbreviations. Used to name the outlet behind a link and to recognise a named
//! source in running text ("Reuters reported", "on Twitter").

mod tables;

use crate::util::url::WebUrl;
use tables::{
    ACRONYMS, AMBIGUOUS_NAMES, AU_STATES, INSTITUTION_HOSTS, MASTHEAD_WORDS, MEDIA_HOSTS, OUTLETS,
    RESERVE_BANK_CITIES, RESERVE_BANK_NAMES, SECOND_LEVEL,
};

/// The host part of an http(s) URL (see [`WebUrl::link`]), lower-cased, without `www.` or a
/// final dot; `None` for a host that is not a domain name with a dot.
pub fn host_of(url: &str) -> Option<String> {
    let host = WebUrl::link(None, url)?.host()?;
    let host = host.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then(|| host.to_string())
}

fn host_table() -> &'static std::collections::HashMap<&'static str, &'static str> {
    static T: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    T.get_or_init(|| {
        MEDIA_HOSTS
            .iter()
            .chain(INSTITUTION_HOSTS)
            .map(|&(h, n)| (h, n))
            .collect()
    })
}

/// The curated name of a host, if the table knows it: the longest known suffix wins
/// (`ec.europa.eu` before `europa.eu`); `=host` entries match only exactly.
pub fn known_host(host: &str) -> Option<&'static str> {
    let table = host_table();
    let exact = format!("={host}");
    if let Some(n) = table.get(exact.as_str()) {
        return Some(n);
    }
    let mut rest = host;
    loop {
        if let Some(n) = table.get(rest) {
            return Some(n);
        }
        rest = rest.split_once('.')?.1;
        if !rest.contains('.') {
            return None;
        }
    }
}

/// The outlet behind a URL: a known name, else the host's registrable domain
/// (`news.example.co.uk` → `example.co.uk`).
pub fn outlet_for_url(url: &str) -> Option<String> {
    let host = host_of(url)?;
    if let Some(name) = known_host(&host) {
        return Some(name.to_string());
    }
    // Blogger serves its blogs under country domains too (`x.blogspot.de`).
    if host.split('.').any(|l| l == "blogspot") {
        return Some("Blogger".to_string());
    }
    Some(site_of(&host))
}

/// The registrable part of a host (`crsreports.congress.gov` → `congress.gov`,
/// `sub.example.co.uk` → `example.co.uk`), used to tell a publisher's own cross-references from
/// outside sources and to name a host the table does not know.
pub fn site_of(host: &str) -> String {
    let parts: Vec<&str> = host.split('.').filter(|p| !p.is_empty()).collect();
    let n = parts.len();
    if n <= 2 {
        return parts.join(".");
    }
    let tld = parts[n - 1];
    let mut keep = 2;
    if tld.len() == 2 && SECOND_LEVEL.contains(&parts[n - 2]) {
        keep = 3;
        if tld == "au" && matches!(parts[n - 2], "gov" | "edu") && AU_STATES.contains(&parts[n - 3])
        {
            keep = 4;
        }
    }
    parts[n.saturating_sub(keep)..].join(".")
}

fn outlet_names() -> &'static std::collections::HashSet<String> {
    static S: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let bare = |s: &str| {
            let l = s.trim().to_lowercase();
            l.strip_prefix("the ").unwrap_or(&l).to_string()
        };
        MEDIA_HOSTS
            .iter()
            .map(|(_, n)| *n)
            .filter(|n| !AMBIGUOUS_NAMES.contains(&n.to_lowercase().as_str()))
            // "ABC News (Australia)" is named in text as "ABC News".
            .map(|n| n.split(" (").next().unwrap_or(n))
            .chain(OUTLETS.iter().copied())
            .map(bare)
            .collect()
    })
}
/// Does `name` read as the name of a newspaper, magazine or broadcaster, known or not: two or
/// more capitalised words, the last a masthead word ("the Sacramento Ledger")?
pub fn looks_like_outlet(name: &str) -> bool {
    let name = name.trim();
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && words.len() <= 5
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "of" | "and" | "&")
        })
        && words.last().is_some_and(|w| MASTHEAD_WORDS.contains(w))
}

/// Is `name` a known news outlet or platform?
pub fn is_outlet(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    outlet_names().contains(lower)
}

/// The full name behind an institutional abbreviation or short name, if known (`UN`,
/// `Atlanta Fed` → Federal Reserve Bank of Atlanta).
pub fn expand_acronym(name: &str) -> Option<&'static str> {
    if let Some(city) = name.strip_suffix(" Fed") {
        return RESERVE_BANK_CITIES
            .iter()
            .position(|c| *c == city)
            .and_then(|k| RESERVE_BANK_NAMES.get(k).copied());
    }
    ACRONYMS
        .iter()
        .find(|(a, _)| *a == name)
        .map(|(_, full)| *full)
}
/// Does a site's registrable domain spell the given name (`criticallegalthinking.com` for
/// "Critical Legal Thinking", `theconversation.com` for "The Conversation")?
pub fn site_spells(host: &str, name: &str) -> bool {
    SiteLabels::of(host).spell(&squash_name(name))
}

/// The labels of a host that may spell a name: its registrable domain's own label and, for a
/// blog on a platform, its first label (`quillnotes.blog.example`). Made once per host when
/// many names are tried against it.
pub struct SiteLabels<'a> {
    own: String,
    first: &'a str,
}

impl<'a> SiteLabels<'a> {
    /// The labels of `host`, a host name as a URL gives it (`quillnotes.blog.example`).
    pub fn of(host: &'a str) -> Self {
        let site = site_of(host);
        let own = site.split('.').next().unwrap_or("").to_string();
        let first = host.split('.').next().unwrap_or("");
        SiteLabels { own, first }
    }

    /// Does one of the labels spell the name, given as [`squash_name`] made it?
    pub fn spell(&self, squashed: &str) -> bool {
        [self.own.as_str(), self.first]
            .iter()
            .any(|label| label_spells(label, squashed))
    }
}

/// A name as a host label would spell it: its letters and digits, lower-cased and without
/// accents ("Szélcsend" → `szelcsend`).
pub fn squash_name(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(fold)
        .collect()
}

/// Latin letters without their accents, for comparing names with host labels.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ő' | 'ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ű' | 'ů' => 'u',
        'ñ' | 'ń' | 'ň' => 'n',
        'ç' | 'č' | 'ć' => 'c',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ý' => 'y',
        _ => c,
    }
}

fn label_spells(label: &str, squashed: &str) -> bool {
    let bare = squashed.strip_prefix("the").unwrap_or(squashed);
    label.chars().count() >= 4
        && (label == squashed
            || label == bare
            || (label.starts_with(bare) && bare.len() >= 8)
            || (bare.starts_with(label) && label.len() >= 8))
}

/// A publication year in a URL path (`/2026/02/24/` or `-2026-02-24`).
pub fn year_in_url(url: &str) -> Option<i32> {
    let path = url.split_once("://").map_or(url, |x| x.1);
    let path = path.split_once('/').map_or("", |x| x.1);
    let bytes = path.as_bytes();
    for i in 0..bytes.len().saturating_sub(3) {
        let window = &bytes[i..i + 4];
        let before_ok = i == 0 || matches!(bytes[i - 1], b'/' | b'-' | b'_');
        let after = bytes.get(i + 4).copied();
        let after_ok = matches!(after, Some(b'/' | b'-' | b'_'));
        if before_ok && after_ok && window.iter().all(u8::is_ascii_digit) {
            // Four ASCII digits: the bytes are a valid `str` boundary on both sides.
            let year: i32 = path.get(i..i + 4)?.parse().ok()?;
            // A year is followed by a month (two digits) to count as a date in the path.
            let month = path.get(i + 5..i + 7).and_then(|m| m.parse::<u32>().ok());
            if (1990..=2100).contains(&year) && month.is_some_and(|m| (1..=12).contains(&m)) {
                return Some(year);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_mastheads_read_as_outlets() {
        assert!(looks_like_outlet("the Sacramento Ledger"));
        assert!(looks_like_outlet("Eastgate Courier"));
        assert!(looks_like_outlet("The Harbour Times"));
        assert!(!looks_like_outlet("Times"));
        assert!(!looks_like_outlet("the Senate"));
        assert!(!looks_like_outlet("Ministry of Health"));
    }

    #[test]
    fn hosts_and_outlets() {
        assert_eq!(
            outlet_for_url("https://www.reuters.com/world/x").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            outlet_for_url("https://s3.documentcloud.org/d.pdf").as_deref(),
            Some("DocumentCloud")
        );
        assert_eq!(
            outlet_for_url("https://www.ai.mil/Latest").as_deref(),
            Some("ai.mil")
        );
        assert_eq!(outlet_for_url("ftp://example.com"), None);
        assert_eq!(site_of("crsreports.congress.gov"), "congress.gov");
        assert_eq!(site_of("news.bbc.co.uk"), "bbc.co.uk");
    }

    #[test]
    fn the_curated_table_names_outlets_governments_and_publishers() {
        let name = |u: &str| outlet_for_url(u).unwrap_or_default();
        assert_eq!(
            name("https://www.abc.net.au/news/2030-01-01/x"),
            "ABC News (Australia)"
        );
        assert_eq!(
            name("http://www.dw.de/dw/article/0,,1.html"),
            "Deutsche Welle"
        );
        assert_eq!(name("https://www.dw.com/en/x/a-1"), "Deutsche Welle");
        assert_eq!(
            name("http://www.telegraph.co.uk/finance/x.html"),
            "The Daily Telegraph"
        );
        assert_eq!(name("https://www.lemonde.fr/international/x"), "Le Monde");
        assert_eq!(
            name("https://www.defense.gov/News/x"),
            "U.S. Department of Defense"
        );
        assert_eq!(
            name("https://www.federalreserve.gov/newsevents/x.htm"),
            "Board of Governors of the Federal Reserve System"
        );
        assert_eq!(name("https://press.un.org/en/x"), "United Nations");
        // The longest known suffix wins.
        assert_eq!(
            name("https://ec.europa.eu/commission/x"),
            "European Commission"
        );
        assert_eq!(
            name("https://www.tandfonline.com/doi/full/10.1/x"),
            "Taylor & Francis"
        );
        assert_eq!(name("https://link.springer.com/chapter/10.1/x"), "Springer");
        assert_eq!(
            name("https://journals.sagepub.com/doi/10.1/x"),
            "SAGE Journals"
        );
        assert_eq!(
            name("https://www.nber.org/papers/w1"),
            "National Bureau of Economic Research"
        );
        assert_eq!(
            name("https://www.lowyinstitute.org/the-interpreter/x"),
            "Lowy Institute"
        );
        // Blog platforms serve their users under sub-hosts.
        assert_eq!(name("http://99.media.tumblr.com/abc/x.jpg"), "Tumblr");
        assert_eq!(
            name("http://someone.blogspot.com/2011/01/x.html"),
            "Blogger"
        );
        assert_eq!(name("http://someone.blogspot.co.uk/x.html"), "Blogger");
        // A government site whose domain is also a public suffix matches only itself.
        assert_eq!(name("https://www.gov.uk/government/x"), "UK Government");
        assert_eq!(name("https://www.townsville.gov.uk/x"), "townsville.gov.uk");
    }

    #[test]
    fn unknown_hosts_give_their_registrable_domain() {
        let name = |u: &str| outlet_for_url(u).unwrap_or_default();
        assert_eq!(
            name("https://thebulletin.org/2030/01/x/"),
            "Bulletin of the Atomic Scientists"
        );
        assert_eq!(name("https://blog.quillfeather.org/x"), "quillfeather.org");
        assert_eq!(name("https://sub.example.co.uk/a/b"), "example.co.uk");
        assert_eq!(name("https://maps.ridgeway.com.au/x"), "ridgeway.com.au");
        assert_eq!(
            name("https://polis.arts.unimelbx.edu.au/x"),
            "unimelbx.edu.au"
        );
        assert_eq!(
            name("https://documents.assembly.vic.gov.au/x.pdf"),
            "assembly.vic.gov.au"
        );
        assert_eq!(name("https://lab.physics.kestrel.ac.uk/x"), "kestrel.ac.uk");
    }

    #[test]
    fn outlet_names_and_acronyms() {
        assert!(is_outlet("The Guardian"));
        assert!(is_outlet("NBC News"));
        assert!(is_outlet("Le Monde"));
        assert!(is_outlet("ABC News"));
        assert!(is_outlet("Deutsche Welle"));
        assert!(!is_outlet("Monday"));
        // A display name that is also a common word is not an outlet on its own.
        assert!(!is_outlet("Nature"));
        assert_eq!(expand_acronym("UN"), Some("United Nations"));
        assert_eq!(
            expand_acronym("Dallas Fed"),
            Some("Federal Reserve Bank of Dallas")
        );
        assert_eq!(expand_acronym("Gotham Fed"), None);
    }

    #[test]
    fn a_site_spelling_a_name() {
        assert!(site_spells(
            "quietharbourreview.org",
            "Quiet Harbour Review"
        ));
        assert!(site_spells("www.theledger.example", "The Ledger"));
        assert!(site_spells("northwindvoicesonline.org", "Northwind Voices"));
        assert!(!site_spells("ledger.org", "Quiet Harbour Review"));
        assert!(site_spells("szelcsend.blogplatform.hu", "Szélcsend"));
    }

    #[test]
    fn years_in_urls() {
        assert_eq!(
            year_in_url("https://www.axios.com/2026/02/13/anthropic"),
            Some(2026)
        );
        assert_eq!(
            year_in_url("https://x.com/SecWar/status/2027507717469049070"),
            None
        );
        assert_eq!(
            year_in_url("https://r.com/world/a-says-2026-02-24/"),
            Some(2026)
        );
        assert_eq!(
            year_in_url("https://f.gov/documents/2025/09/10/2025-17508/x"),
            Some(2025)
        );
        // Multi-byte letters in the path are stepped over, never sliced through.
        assert_eq!(
            year_in_url("https://en.wikipedia.org/wiki/Wolfgang_Schäuble"),
            None
        );
        assert_eq!(year_in_url("https://é.org/ä/2024/05/x"), Some(2024));
    }

    #[test]
    fn no_function_slices_through_a_multi_byte_letter() {
        // Every byte position of these strings is tried as the place of a multi-byte letter,
        // a masthead word or a year, so that any slice at an offset computed from ASCII
        // assumptions (or from a lower-cased copy) would land inside one.
        let seeds = [
            "https://de.wikipedia.org/wiki/München",
            "https://www.süddeutsche.de/2024/05/x-ü-2024-05",
            "http://ÄÖÜ.example/İstanbul/2025-01-ß",
            "The Zürich Times",
            "the İstanbul Daily",
            "Ω Fed",
        ];
        for seed in seeds {
            for (i, _) in seed.char_indices() {
                for letter in ["é", "İ", "ẞ", "🦀", "\u{301}"] {
                    let s = format!("{}{letter}{}", &seed[..i], &seed[i..]);
                    let host = host_of(&s).unwrap_or_else(|| s.clone());
                    let _ = (known_host(&host), outlet_for_url(&s), site_of(&host));
                    let _ = (site_spells(&host, &s), year_in_url(&s), is_outlet(&s));
                    let _ = (looks_like_outlet(&s), expand_acronym(&s));
                }
            }
        }
    }
}
