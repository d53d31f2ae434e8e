//! Knowledge about news outlets, platforms and institutions: their names, their web hosts and
//! their common abbreviations. Used to name the outlet behind a link and to recognise a named
//! source in running text ("Reuters reported", "on Twitter").

/// (host suffix, display name). A host matches when it equals the suffix or ends with
/// `.suffix`.
const HOSTS: &[(&str, &str)] = &[
    ("apnews.com", "Associated Press"),
    ("axios.com", "Axios"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("bloomberg.com", "Bloomberg"),
    ("bsky.app", "Bluesky"),
    ("cbsnews.com", "CBS News"),
    ("cnbc.com", "CNBC"),
    ("cnn.com", "CNN"),
    ("courtlistener.com", "CourtListener"),
    ("documentcloud.org", "DocumentCloud"),
    ("economist.com", "The Economist"),
    ("facebook.com", "Facebook"),
    ("federalregister.gov", "Federal Register"),
    ("foreignpolicy.com", "Foreign Policy"),
    ("forbes.com", "Forbes"),
    ("foxnews.com", "Fox News"),
    ("ft.com", "Financial Times"),
    ("globaltimes.cn", "Global Times"),
    ("instagram.com", "Instagram"),
    ("kommersant.ru", "Kommersant"),
    ("latimes.com", "Los Angeles Times"),
    ("linkedin.com", "LinkedIn"),
    ("medium.com", "Medium"),
    ("nbcnews.com", "NBC News"),
    ("npr.org", "NPR"),
    ("nytimes.com", "The New York Times"),
    ("pbs.org", "PBS"),
    ("politico.com", "Politico"),
    ("politico.eu", "Politico"),
    ("reddit.com", "Reddit"),
    ("reuters.com", "Reuters"),
    ("substack.com", "Substack"),
    ("t.me", "Telegram"),
    ("theatlantic.com", "The Atlantic"),
    ("theguardian.com", "The Guardian"),
    ("threads.net", "Threads"),
    ("tiktok.com", "TikTok"),
    ("truthsocial.com", "Truth Social"),
    ("twitter.com", "Twitter"),
    ("washingtonpost.com", "The Washington Post"),
    ("wikipedia.org", "Wikipedia"),
    ("wsj.com", "The Wall Street Journal"),
    ("x.com", "X"),
    ("youtube.com", "YouTube"),
    ("youtu.be", "YouTube"),
];

/// Names that are news outlets, agencies, broadcasters or platforms, as they appear in running
/// text. Lower-case comparison; a leading "the" is ignored.
const OUTLETS: &[&str] = &[
    "abc",
    "abc news",
    "afp",
    "agence france-presse",
    "al jazeera",
    "ap",
    "associated press",
    "axios",
    "bbc",
    "bbc news",
    "bloomberg",
    "bluesky",
    "breitbart",
    "buzzfeed news",
    "cbc",
    "cbs",
    "cbs news",
    "cnbc",
    "cnn",
    "c-span",
    "daily mail",
    "der spiegel",
    "deutsche welle",
    "dw",
    "economist",
    "euronews",
    "facebook",
    "financial times",
    "forbes",
    "foreign affairs",
    "foreign policy",
    "fox",
    "fox news",
    "france 24",
    "global times",
    "guardian",
    "haaretz",
    "huffpost",
    "independent",
    "instagram",
    "interfax",
    "izvestia",
    "kommersant",
    "le monde",
    "los angeles times",
    "msnbc",
    "nbc",
    "nbc news",
    "new york times",
    "newsweek",
    "npr",
    "pbs",
    "politico",
    "propublica",
    "reuters",
    "ria novosti",
    "rt",
    "sky news",
    "substack",
    "tass",
    "telegraph",
    "telegram",
    "the atlantic",
    "the hill",
    "the intercept",
    "tiktok",
    "time",
    "truth social",
    "twitter",
    "usa today",
    "vedomosti",
    "vox",
    "wall street journal",
    "washington post",
    "xinhua",
    "youtube",
    "yonhap",
    "x",
];

/// Abbreviations of institutions that name a source ("a UN report").
const ACRONYMS: &[(&str, &str)] = &[
    ("UN", "United Nations"),
    ("U.N.", "United Nations"),
    ("EU", "European Union"),
    ("E.U.", "European Union"),
    ("WHO", "World Health Organization"),
    ("IMF", "International Monetary Fund"),
    ("NATO", "NATO"),
    ("OECD", "OECD"),
    ("CIA", "Central Intelligence Agency"),
    ("FBI", "Federal Bureau of Investigation"),
    ("GAO", "Government Accountability Office"),
    ("CBO", "Congressional Budget Office"),
    ("CRS", "Congressional Research Service"),
    ("IAEA", "International Atomic Energy Agency"),
    ("ICC", "International Criminal Court"),
    ("OSCE", "OSCE"),
];

/// The host part of an http(s) URL, lower-cased, without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// The outlet behind a URL: a known name, else the host itself.
pub fn outlet_for_url(url: &str) -> Option<String> {
    let host = host_of(url)?;
    for (suffix, name) in HOSTS {
        if host == *suffix || host.ends_with(&format!(".{suffix}")) {
            return Some((*name).to_string());
        }
    }
    Some(host)
}

/// The registrable part of a host (`crsreports.congress.gov` → `congress.gov`), used to tell a
/// publisher's own cross-references from outside sources.
pub fn site_of(host: &str) -> String {
    let parts: Vec<&str> = host.split('.').collect();
    let n = parts.len();
    if n <= 2 {
        return host.to_string();
    }
    // Two-level public suffixes such as co.uk or com.au keep three labels.
    let two_level = matches!(
        parts[n - 2],
        "co" | "com" | "org" | "gov" | "ac" | "net" | "edu"
    ) && parts[n - 1].len() == 2;
    let keep = if two_level { 3 } else { 2 };
    parts[n - keep..].join(".")
}

/// Does `text` mention a known outlet or platform anywhere (a fast pre-check)?
pub fn mentions_outlet(text: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        let names: Vec<String> = OUTLETS.iter().map(|o| regex::escape(o)).collect();
        regex::Regex::new(&format!(r"(?i)\b(?:{})\b", names.join("|"))).expect("static regex")
    })
    .is_match(text)
}

/// Is `name` a known news outlet or platform?
pub fn is_outlet(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    OUTLETS.contains(&lower)
}

/// The full name behind an institutional abbreviation, if known.
pub fn expand_acronym(name: &str) -> Option<&'static str> {
    ACRONYMS
        .iter()
        .find(|(a, _)| *a == name)
        .map(|(_, full)| *full)
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
    fn outlet_names_and_acronyms() {
        assert!(is_outlet("The Guardian"));
        assert!(is_outlet("NBC News"));
        assert!(!is_outlet("Monday"));
        assert_eq!(expand_acronym("UN"), Some("United Nations"));
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
        assert_eq!(year_in_url("https://en.wikipedia.org/wiki/Wolfgang_Schäuble"), None);
        assert_eq!(year_in_url("https://é.org/ä/2024/05/x"), Some(2024));
    }
}
