//! One reference entry parsed into its fields, by the form it is written in: a source-list
//! line, "Ibid.", legislation, APA, Chicago, book, report, a bare title, or an explanatory note.

use super::creators::looks_like_person_list;
use super::{strip_marker, Fields};
use regex::{Captures, Regex};
use std::sync::OnceLock;

/// The patterns of entry parsing, compiled once.
struct Res {
    url: Regex,
    doi: Regex,
    accessed: Regex,
    ibid: Regex,
    apa: Regex,
    quoted: Regex,
    paren_pub: Regex,
    year: Regex,
    legislation: Regex,
    by_author: Regex,
    trailing_date: Regex,
    md_link: Regex,
    italic_outlet: Regex,
    italic: Regex,
    place_publisher: Regex,
    presented_at: Regex,
    embedded_citation: Regex,
}

/// The compiled patterns.
fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("static regex");
        Res {
            url: re(r#"https?://[^\s<>"“”‘’\]\[)]+[^\s<>"“”‘’\]\[).,;:]"#),
            doi: re(r"(?i)(?:doi:\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/[^\s\x22<>]+[^\s\x22<>.,;])|\b(10\.\d{4,9}/[^\s\x22<>]+[^\s\x22<>.,;])"),
            accessed: re(r"(?i)\b(?:accessed|retrieved|last visited)(?: on)?:?\s+([^.;]*?\d{4})"),
            ibid: re(r"(?i)^(?:ibid|ibidem|op\.? ?cit|id)\b\.?"),
            apa: re(r#"^(?P<who>[^()"“”\[\]]+?)\.?\s*\((?P<year>\d{4})[a-z]?(?:,[^)]*)?\)\.?\s*(?P<rest>.*)$"#),
            quoted: re(r#"["“„«]\s*(?P<t>[^"“”„«»]+?)\s*["”“»]"#),
            paren_pub: re(r"\((?P<pub>[^()]*?[A-Za-z][^()]*?),\s*(?P<year>\d{4})\)"),
            year: re(r"(?:^|[^\d-])(?P<y>1[5-9]\d{2}|20\d{2})(?:[^\d-]|$)"),
            legislation: re(r"^(?:H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.|H\.\s?J\.\s?Res\.?|S\.\s?J\.\s?Res\.?|H\.\s?Con\.\s?Res\.|S\.\s?Con\.\s?Res\.|P\.\s?L\.|Pub\.\s?L\.)\s*\d|\b\d+(?:st|nd|rd|th) Cong\."),
            by_author: re(r",\s+by\s+(?P<a>[^,]+?)\.?$"),
            md_link: re(r"\[([^\]]+)\]\((https?://[^)\s]+)\)"),
            trailing_date: re(r",\s*(?:[A-Z][a-z]+\.? \d{1,2}, )?(?P<y>\d{4})\.?$"),
            // Wikinews-style sources: `"[Title](url)" — *Outlet*, date`.
            italic_outlet: re(r"\s[—–-]{1,2}\s*(?:\*{1,2}|_)(?P<o>[^*_]+?)(?:\*{1,2}|_)(?:,|\s|$)"),
            italic: re(r"(?:^|[\s(])(?:\*{1,2}|_)(?P<o>[^*_]+?)[,.]?(?:\*{1,2}|_)(?:[\s,.;)]|$)"),
            // `(Cambridge, Mass.: National Bureau of Economic Research, September)`.
            place_publisher: re(r"\([^():]*:\s*(?P<pub>[^(),;]+)"),
            presented_at: re(r"\b(?P<how>sponsored by|published by|presented at|delivered at|given at|prepared for)\s+(?:the\s+)?(?P<o>\d{0,4}\s?[\p{Lu}][^,;]*)"),
            // `… as is done in Jane Roe and Max Doe (2015), "Title"`: a citation inside a note.
            embedded_citation: re(r#"(?:^|[\s;,])(?P<who>\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*(?:(?:,\s*(?:and\s+)?|\s+and\s+)\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*)*)\s*\(\d{4}[a-z]?\),?\s*["“]"#),
        }
    })
}

/// `s` without surrounding whitespace and punctuation, unless nothing is left.
fn clean(s: &str) -> Option<String> {
    let t = s
        .trim()
        .trim_matches(|c: char| c == ',' || c == ';' || c == ':' || c.is_whitespace())
        .trim_end_matches('.')
        .trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The first year (1500–2099) in `s` that is not part of a longer number or a range.
fn find_year(s: &str) -> Option<i32> {
    res()
        .year
        .captures_iter(s)
        .filter_map(|c| c.name("y")?.as_str().parse().ok())
        .next()
}

/// The outlet of a Chicago-style note, from what follows the title: an italic journal name
/// (`_Journal of Trade_`), a publisher after a place (`(Boston: Lantern Press, 2020)`), a
/// sponsor or the body where a paper or speech was presented.
fn venue_after_title(after: &str) -> Option<String> {
    let r = res();
    if let Some(c) = r.italic.captures(after) {
        return clean(&c["o"]);
    }
    if let Some(c) = r.place_publisher.captures(after) {
        return clean(&c["pub"]);
    }
    let mut best: Option<(usize, String)> = None;
    for c in r.presented_at.captures_iter(after) {
        let rank = match &c["how"] {
            "sponsored by" | "published by" => 0,
            _ => 1,
        };
        let o = c["o"].trim();
        // "the Council on Foreign Relations' C. Peter McColough Series": the possessor.
        let o = o
            .split_once("' ")
            .or_else(|| o.split_once("'s "))
            .or_else(|| o.split_once("\u{2019}s "))
            .map_or(o, |(head, _)| head);
        if let Some(o) = clean(o) {
            if best.as_ref().is_none_or(|(k, _)| rank < *k) {
                best = Some((rank, o));
            }
        }
    }
    best.map(|(_, o)| o)
}

/// Is a comma-separated segment a date ("May 2, 1911", "1911", "May 1911")?
fn is_date_segment(seg: &str) -> bool {
    let s = seg.trim();
    crate::article::metadata::parse_date(s).is_some()
        || s.chars().all(|c| c.is_ascii_digit())
        || s.split_whitespace()
            .next()
            .and_then(crate::article::metadata::month_number)
            .is_some_and(|_| s.split_whitespace().count() <= 3)
}

/// Parse one entry as written (curly or straight quotes). An entry that names no outlet but
/// links a page is published by the site of that page.
pub fn parse_entry(raw: &str) -> Fields {
    let mut f = parse_fields(raw);
    if f.outlet.is_none() && !f.note {
        if let Some(u) = &f.url {
            f.outlet = crate::outlets::outlet_for_url(u);
        }
    }
    f
}

/// The fields of an entry, by the first form it fits: a source-list line naming its outlet in
/// italics, "Ibid.", legislation, APA, Chicago, book, and last report, title or note.
fn parse_fields(raw: &str) -> Fields {
    let r = res();
    let mut f = Fields::default();
    let mut s = strip_marker(raw.trim()).to_string();
    // Markdown links: keep the text, take the URL.
    if let Some(c) = r.md_link.captures(&s) {
        f.url = Some(c[2].to_string());
        s = r.md_link.replace_all(&s, "$1").into_owned();
    }
    // The outlet a source list names in italics after a dash wins over anything parsed.
    if let Some(o) = italic_outlet(&s) {
        return source_list_line(&s, o, f.url);
    }
    // "See Jane Roe (2020), …", "For details, see …", "… as is done in …": the citation
    // starts at its author list.
    let at = author_list_start(&s);
    if at > 0 {
        s = s[at..].to_string();
    }
    take_identifiers(&mut f, &mut s);
    let s = s.trim().trim_end_matches(['.', ',', ' ']).to_string();
    if f.ibid {
        return f;
    }
    if r.legislation.is_match(&s) {
        f.outlet = Some("U.S. Congress".to_string());
        f.year = None;
        return f;
    }
    if let Some(c) = r.apa.captures(&s) {
        apa(&mut f, &s, &c);
    } else if let Some(q) = r.quoted.captures(&s) {
        chicago(&mut f, &s, &q);
    } else if let Some(p) = r.paren_pub.captures(&s) {
        book(&mut f, &s, &p);
    } else {
        report_title_or_note(&mut f, raw, s);
    }
    f
}

/// The outlet a source-list line names in italics after a dash (`— *The Northern Courier*`).
fn italic_outlet(s: &str) -> Option<String> {
    res().italic_outlet.captures(s).and_then(|c| {
        let o = c["o"].trim();
        // "Clarín (newspaper)": a lower-case qualifier in brackets is not part of the name.
        let o = match o.split_once(" (") {
            Some((head, q)) if q.starts_with(|ch: char| ch.is_lowercase()) => head,
            _ => o,
        };
        clean(o)
    })
}

/// A source-list line, `"[Title](url)" — *Outlet*, date`: what stands before the dash is
/// parsed as an entry of its own, under the outlet `o`; a creator it took for the outlet is
/// the author.
fn source_list_line(s: &str, o: String, url: Option<String>) -> Fields {
    let whole = res().italic_outlet.find(s).map_or(s.len(), |m| m.start());
    let head = s[..whole].trim().to_string();
    let mut g = parse_fields(&head);
    if g.outlet.as_deref().is_some_and(|x| x != o) && g.author.is_none() {
        g.author = g.outlet.take();
    }
    g.outlet = Some(o);
    g.url = g.url.or(url);
    g.year = g.year.or_else(|| find_year(&s[whole..]));
    g.note = false;
    g
}

/// Where the citation inside a note starts: at its author list, past a leading "See" (0 when
/// the note holds no author-year citation, or opens with it).
fn author_list_start(s: &str) -> usize {
    let Some(m) = res()
        .embedded_citation
        .captures(s)
        .and_then(|c| c.name("who"))
    else {
        return 0;
    };
    let who = m.as_str();
    let skip = ["See also ", "See ", "Cf. ", "Compare "]
        .iter()
        .find(|p| who.starts_with(*p))
        .map_or(0, |p| p.len());
    m.start() + skip
}

/// "Ibid.", the DOI, the access date and the URL; the last two are taken out of `s`.
fn take_identifiers(f: &mut Fields, s: &mut String) {
    let r = res();
    if r.ibid.is_match(s) {
        f.ibid = true;
    }
    if let Some(c) = r.doi.captures(s) {
        f.doi = c
            .get(1)
            .or_else(|| c.get(2))
            .map(|m| m.as_str().to_string());
    }
    if let Some(c) = r.accessed.captures(s) {
        f.accessed = crate::article::metadata::parse_date(&c[1]).map(|d| d.0);
        let whole = c.get(0).map_or(0..0, |m| m.range());
        s.replace_range(whole, "");
    }
    if let Some(m) = r.url.find(s).filter(|_| f.url.is_none()) {
        f.url = Some(m.as_str().to_string());
        let range = m.range();
        s.replace_range(range, "");
    }
}

/// APA-like: Who. (Year). "Title" / [description] / Title. Source.
fn apa(f: &mut Fields, s: &str, c: &Captures) {
    let r = res();
    let who = c["who"].trim().trim_end_matches('.').to_string();
    f.year = c["year"].parse().ok();
    let rest = c["rest"].trim().trim_start_matches([',', ';', ' ']);
    // "Black Sea Monitor. (2025)": a full stop before the year marks a corporate author in
    // APA style; "Jane Roe (2020)," without one is an author-date citation of a person.
    let stop = c
        .name("who")
        .is_some_and(|m| s[m.end()..].trim_start().starts_with('.'));
    let person = looks_like_person_list(&who)
        && (!stop || who.contains(',') || who.contains('&') || who.contains(" et al"));
    // An author's initial keeps its full stop: "Okafor, J.".
    let who = if person && who.chars().last().is_some_and(char::is_uppercase) {
        format!("{who}.")
    } else {
        who
    };
    if person {
        f.author = Some(who);
    } else {
        f.outlet = Some(who);
    }
    if let Some(q) = r
        .quoted
        .captures(rest)
        .filter(|q| q.get(0).is_some_and(|m| m.start() == 0))
    {
        f.title = clean(&q["t"]);
        let after = &rest[q.get(0).map_or(0, |m| m.end())..];
        if person {
            f.outlet = venue_after_title(after).or_else(|| after.split(". ").find_map(clean));
        }
    } else if let Some(d) = rest.strip_prefix('[') {
        f.description = clean(d.split(']').next().unwrap_or(d));
    } else if !rest.is_empty() {
        let mut parts = rest.splitn(2, ". ");
        f.title = parts.next().and_then(clean);
        if person {
            f.outlet = parts
                .next()
                .and_then(|p| p.split(". ").next())
                .and_then(clean);
        }
    }
}

/// Chicago-like: Creator, "Title," Outlet, Date, p. N. The creator is the outlet when
/// nothing after the title names one, and the author otherwise.
fn chicago(f: &mut Fields, s: &str, q: &Captures) {
    let m = q.get(0).map_or(0..0, |m| m.range());
    f.title = clean(&q["t"]);
    let before = creator_before(&s[..m.start]);
    let after = &s[m.end..];
    f.year = find_year(after).or_else(|| find_year(s));
    f.outlet = venue_after_title(after);
    if f.outlet.is_some() {
    } else if let Some(p) = res()
        .paren_pub
        .captures(after)
        .filter(|p| !is_date_segment(&p["pub"]))
    {
        f.outlet = clean(p["pub"].rsplit(':').next().unwrap_or(&p["pub"]));
    }
    if f.outlet.is_none() {
        f.outlet = after
            .split(", ")
            .map(str::trim)
            .filter(|seg| !seg.is_empty())
            .find(|seg| {
                seg.chars().next().is_some_and(char::is_uppercase)
                    && !is_date_segment(seg)
                    && !seg.starts_with("p.")
                    && !seg.starts_with("pp.")
            })
            .and_then(|seg| clean(seg.split(" (").next().unwrap_or(seg)));
    }
    if f.outlet.is_none() {
        f.outlet = before;
    } else {
        f.author = before;
    }
}

/// The creator written before a quoted title. A long clause there (more than one lower-case
/// word besides connectives) is the writer's sentence, not a creator.
fn creator_before(head: &str) -> Option<String> {
    clean(head).filter(|b| {
        b.split_whitespace()
            .filter(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && !matches!(
                        *w,
                        "of" | "for" | "and" | "the" | "in" | "on" | "at" | "de" | "eds." | "ed."
                    )
            })
            .count()
            <= 1
    })
}

/// Book-like: Author, Title (Publisher, Year), p. N.
fn book(f: &mut Fields, s: &str, p: &Captures) {
    let whole = p.get(0).map_or(0..0, |m| m.range());
    f.outlet = clean(p["pub"].rsplit(':').next().unwrap_or(&p["pub"]));
    f.year = p["year"].parse().ok();
    let head = &s[..whole.start];
    match head.split_once(", ") {
        Some((author, title)) => {
            f.author = clean(author);
            f.title = clean(title);
        }
        None => f.title = clean(head),
    }
}

/// Report-like (Outlet Report-Number, Title, by Author); otherwise a title with an optional
/// trailing date, unless the entry reads as a sentence: then it is an explanatory note.
fn report_title_or_note(f: &mut Fields, raw: &str, mut body: String) {
    let r = res();
    if let Some(c) = r.by_author.captures(&body) {
        f.author = clean(&c["a"]);
        let start = c.get(0).map_or(body.len(), |m| m.start());
        body.truncate(start);
        if let Some((head, title)) = body.split_once(", ") {
            let first = head.split_whitespace().next().unwrap_or("");
            f.outlet = crate::outlets::expand_acronym(first)
                .map(str::to_string)
                .or_else(|| clean(head));
            f.title = clean(title);
        } else {
            f.title = clean(&body);
        }
        return;
    }
    if let Some(c) = r.trailing_date.captures(&body) {
        f.year = c["y"].parse().ok();
        let start = c.get(0).map_or(body.len(), |m| m.start());
        body.truncate(start);
    } else {
        f.year = None;
    }
    let words: Vec<&str> = body.split_whitespace().collect();
    let long_words: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let lower = long_words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    let sentence_like = words.len() > 5
        && !body.contains(',')
        && f.url.is_none()
        && f.year.is_none()
        && lower * 2 >= long_words.len()
        && raw.trim_end().ends_with('.');
    if sentence_like {
        f.note = true;
        return;
    }
    if !body.is_empty() {
        f.title = clean(&body);
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn source_lists_name_the_outlet_in_italics() {
        let f = parse_entry("Pia Lund. \"[Dam plan approved](http://news.example.org/1)\" — *The Northern Courier*, June 1, 2010");
        assert_eq!(f.outlet.as_deref(), Some("The Northern Courier"));
        assert_eq!(f.author.as_deref(), Some("Pia Lund"));
        assert_eq!(f.title.as_deref(), Some("Dam plan approved"));
        assert_eq!(f.year, Some(2010));
        let f = parse_entry("\"[El dique](http://diario.example.ar/2)\" — *El Diario (newspaper)*, June 1, 2010 (Spanish)");
        assert_eq!(f.outlet.as_deref(), Some("El Diario"));
    }

    #[test]
    fn chicago_venues_sponsors_and_presenters() {
        let f = parse_entry("See Ona Vale (2022), \"Rates and Rivers,\" speech delivered at the Harbour Policy Forum's Autumn Series, Oslo, May 3.");
        assert_eq!(f.outlet.as_deref(), Some("Harbour Policy Forum"));
        assert_eq!(f.author.as_deref(), Some("Ona Vale"));
        let f = parse_entry("Ivo Pell (2021), \"Tides,\" paper presented at the 2021 Coastal Conference, sponsored by the Marsh Institute for Economics, June 2.");
        assert_eq!(f.outlet.as_deref(), Some("Marsh Institute for Economics"));
        // A long sentence before a quotation is the writer's, and a linked page names the outlet.
        let f = parse_entry("An example is from May 2012, when the board said that \"rates would stay low for some time\"; see the statement at [https://www.federalreserve.gov/x.htm](https://www.federalreserve.gov/x.htm).");
        assert_eq!(
            f.outlet.as_deref(),
            Some("Board of Governors of the Federal Reserve System")
        );
        let f = parse_entry("Representative Ada Moss, “Honouring Mill Workers,” remarks in the House, Congressional Record, daily edition, vol. 160 (April 2, 2014), p. H20.");
        assert_eq!(f.outlet.as_deref(), Some("Congressional Record"));
    }

    #[test]
    fn apa_like_entries() {
        let f = parse_entry("Kommersant. (2025)");
        assert_eq!(
            (f.outlet.as_deref(), f.year, f.title.as_deref()),
            (Some("Kommersant"), Some(2025), None)
        );
        let f = parse_entry("Global Times (2025). [Lavrov’s statements on US-Russia relations]");
        assert_eq!(f.outlet.as_deref(), Some("Global Times"));
        assert_eq!(
            f.description.as_deref(),
            Some("Lavrov’s statements on US-Russia relations")
        );
        let f = parse_entry("Politico. (2024). “Trump and NATO: A Love-Hate Relationship”");
        assert_eq!(
            f.title.as_deref(),
            Some("Trump and NATO: A Love-Hate Relationship")
        );
        let f = parse_entry("Smith, J., & Doe, A. (2020). Trade after tariffs. Journal of Trade, 4(2), 1-9. https://doi.org/10.1234/jt.2020.5");
        assert_eq!(f.author.as_deref(), Some("Smith, J., & Doe, A."));
        assert_eq!(f.title.as_deref(), Some("Trade after tariffs"));
        assert_eq!(f.outlet.as_deref(), Some("Journal of Trade, 4(2), 1-9"));
        assert_eq!(f.doi.as_deref(), Some("10.1234/jt.2020.5"));
    }

    #[test]
    fn chicago_like_footnotes() {
        let f = parse_entry("Charles Russell, “College Teach-ins on Environment Crisis Proposed,” Seattle Post-Intelligencer, September 21, 1969, p. 10.");
        assert_eq!(f.outlet.as_deref(), Some("Seattle Post-Intelligencer"));
        assert_eq!(f.year, Some(1969));
        assert_eq!(
            f.title.as_deref(),
            Some("College Teach-ins on Environment Crisis Proposed")
        );
        assert_eq!(f.author.as_deref(), Some("Charles Russell"));
        let f = parse_entry("Library of Congress, “Earth Day 2020 Web Archive,” https://www.loc.gov/collections/x/about.");
        assert_eq!(f.outlet.as_deref(), Some("Library of Congress"));
        assert_eq!(
            f.url.as_deref(),
            Some("https://www.loc.gov/collections/x/about")
        );
        let f = parse_entry("Lewis G. Regenstein, “Earth Day,” in Environmental Encyclopedia, eds. Marci Bortman et al., 3rd ed. (Gale, 2003), pp. 399-401.");
        assert_eq!((f.outlet.as_deref(), f.year), (Some("Gale"), Some(2003)));
    }

    #[test]
    fn books_reports_letters_and_legislation() {
        let f = parse_entry("Adam Rome, The Genius of Earth Day: How a 1970 Teach-In Made It (Hill and Wang, 2013), p. 58.");
        assert_eq!(f.outlet.as_deref(), Some("Hill and Wang"));
        assert_eq!(
            f.title.as_deref(),
            Some("The Genius of Earth Day: How a 1970 Teach-In Made It")
        );
        let f = parse_entry(
            "CRS Report R48065, Congressional Recognition of Days: Background, by Jacob R. Straus.",
        );
        assert_eq!(f.outlet.as_deref(), Some("Congressional Research Service"));
        assert_eq!(f.author.as_deref(), Some("Jacob R. Straus"));
        let f = parse_entry(
            "Letter from A, U.S. Senator, to B, April 7, 1971, https://example.org/l.pdf.",
        );
        assert_eq!(f.year, Some(1971));
        assert_eq!(
            f.title.as_deref(),
            Some("Letter from A, U.S. Senator, to B")
        );
        let f = parse_entry("S. 864, 106th Cong.");
        assert_eq!(f.outlet.as_deref(), Some("U.S. Congress"));
        assert!(parse_entry("Ibid.").ibid);
        assert!(parse_entry("Link provides access to remarks made during both terms.").note);
        let f = parse_entry("Presidential Statements and Messages—President Donald Trump (2025-)9");
        assert!(!f.note);
        assert_eq!(
            f.title.as_deref(),
            Some("Presidential Statements and Messages—President Donald Trump (2025-)")
        );
    }

    #[test]
    fn access_dates() {
        let f = parse_entry("Reuters, “A story,” https://reuters.com/a, accessed March 3, 2025.");
        assert_eq!(f.accessed.as_deref(), Some("2025-03-03"));
        assert_eq!(f.url.as_deref(), Some("https://reuters.com/a"));
    }
}
