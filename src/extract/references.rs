//! Reference lists: finding the sections (References, Sources, Notes, Footnotes, resource
//! lists …), their entries, and parsing each entry into outlet, year, title, URL and DOI.

use crate::article::{Article, BlockKind, Furniture, Marker};
use regex::Regex;
use std::sync::OnceLock;

/// A reference-list entry, located in normalised coordinates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    pub block: usize,
    pub start: usize,
    pub end: usize,
    pub number: Option<u32>,
    pub fields: Fields,
}

/// What an entry (or an inline mention) says about the cited work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    /// A bracketed description standing in for a title: `[Lavrov's statements on …]`.
    pub description: Option<String>,
    pub url: Option<String>,
    pub doi: Option<String>,
    /// ISO date the cited page was accessed, when the entry says.
    pub accessed: Option<String>,
    /// "Ibid." / "Op. cit.": the same work as the entry before.
    pub ibid: bool,
    /// An explanatory note rather than a citation.
    pub note: bool,
}

struct Res {
    heading: Regex,
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

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("static regex");
        Res {
            heading: re(r"(?i)^(?:\d+\.?\s+)?(?:references?|reference list|sources?(?: and notes)?|notes|end ?notes|foot ?notes|bibliography|works cited|citations|further reading|literature|web resources|resources|related [\w ]*reports?|selected [\w ]*|[\w ]*\b(?:speeches|statements|resources|reports|readings|links|sources)\b[\w ]*)\s*:?$"),
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

/// Is this block text the heading of a reference section?
pub fn is_section_heading(text: &str) -> bool {
    let t = text.trim();
    t.split_whitespace().count() <= 8 && res().heading.is_match(t)
}

/// What [`find_entries`] finds.
pub struct Found {
    /// The entries, in text order.
    pub entries: Vec<Entry>,
    /// Parallel to the blocks: whether each block belongs to a reference section (headings and
    /// entries do; prose paragraphs inside a section stay body text).
    pub in_refs: Vec<bool>,
    /// Parallel to the blocks: the note number of each footnote or endnote block that no
    /// heading introduces ([`note_blocks`]).
    pub notes: Vec<Option<u32>>,
}

/// Find reference sections, footnotes and their entries.
pub fn find_entries(article: &Article) -> Found {
    let text = article.text();
    let blocks = &article.layout.blocks;
    let mut in_refs = vec![false; blocks.len()];
    let mut entries = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let heading_like = b.kind == BlockKind::Heading
            || (b.kind == BlockKind::Paragraph
                && text[b.body..b.end].split_whitespace().count() <= 4);
        if !(heading_like
            && article.furniture[i].is_none()
            && is_section_heading(&text[b.body..b.end]))
        {
            i += 1;
            continue;
        }
        in_refs[i] = true;
        // The section runs to the next heading or piece of furniture.
        let mut j = i + 1;
        while j < blocks.len()
            && blocks[j].kind != BlockKind::Heading
            && article.furniture[j].is_none_or(|f| f == Furniture::Placeholder)
        {
            j += 1;
        }
        let section: Vec<usize> = (i + 1..j)
            .filter(|&k| article.furniture[k].is_none())
            .collect();
        let marked = section.iter().any(|&k| blocks[k].marker.is_some());
        for &k in &section {
            let bk = &blocks[k];
            let body = text[bk.body..bk.end].trim();
            let is_entry = if marked {
                bk.marker.is_some()
            } else {
                matches!(bk.kind, BlockKind::Line | BlockKind::Paragraph) && !body.ends_with(':')
            };
            if !is_entry {
                continue;
            }
            in_refs[k] = true;
            let number = match bk.marker {
                Some(Marker::Numbered(n) | Marker::BareNumber(n)) => Some(n),
                _ => None,
            };
            let end = bk.body + strip_marker(&text[bk.body..bk.end]).len();
            let (os, oe) = article.original_span(bk.body, end);
            let raw = &article.original[os..oe];
            entries.push(Entry {
                block: k,
                start: bk.body,
                end,
                number,
                fields: parse_entry(raw),
            });
        }
        i = j.max(i + 1);
    }
    // Footnotes and endnotes that no heading introduces.
    let notes = note_blocks(article);
    for (k, n) in notes.iter().enumerate() {
        let Some(n) = *n else {
            continue;
        };
        if in_refs[k] {
            continue;
        }
        let bk = &blocks[k];
        let (start, end) = note_span(text, bk.start, bk.end);
        for (a, b) in split_works(text, start, end) {
            let (os, oe) = article.original_span(a, b);
            entries.push(Entry {
                block: k,
                start: a,
                end: b,
                number: Some(n),
                fields: parse_entry(&article.original[os..oe]),
            });
        }
    }
    entries.sort_by_key(|e| e.start);
    // "Ibid." takes the work of the entry before it.
    for k in 1..entries.len() {
        if entries[k].fields.ibid {
            let prev = entries[k - 1].fields.clone();
            let f = &mut entries[k].fields;
            f.author = f.author.take().or(prev.author);
            f.outlet = f.outlet.take().or(prev.outlet);
            f.title = f.title.take().or(prev.title);
            f.year = f.year.or(prev.year);
            f.url = f.url.take().or(prev.url);
        }
    }
    Found {
        entries,
        in_refs,
        notes,
    }
}

/// The footnote number of a block, if it opens with one (`1. `, `1\. `, `12 ` before a capital,
/// `[^3]: `).
fn note_number(article: &Article, k: usize) -> Option<u32> {
    let b = &article.layout.blocks[k];
    if let Some(Marker::Numbered(n) | Marker::BareNumber(n)) = b.marker {
        return Some(n);
    }
    let text = article.text();
    if let Some((Marker::Numbered(n) | Marker::BareNumber(n), _)) =
        crate::article::layout::list_marker(&text[b.start..b.end])
    {
        return Some(n);
    }
    // A Markdown footnote definition: the label stands before the block in the original.
    let (os, _) = article.original_span(b.start, b.end);
    let line_start = article.original[..os].rfind('\n').map_or(0, |p| p + 1);
    let head = article.original[line_start..os].trim();
    let label = head.strip_prefix("[^")?.strip_suffix("]:")?;
    label.parse().ok()
}

/// Is there a thematic break (`* * *`, `---`, `___`) in the original between two blocks?
fn break_between(article: &Article, prev_end: usize, next_start: usize) -> bool {
    let (_, a) = article.original_span(prev_end, prev_end);
    let (b, _) = article.original_span(next_start, next_start);
    article.original.get(a..b.max(a)).is_some_and(|gap| {
        gap.lines().any(|l| {
            let t: String = l.chars().filter(|c| !c.is_whitespace()).collect();
            t.len() >= 3
                && (t.chars().all(|c| c == '*')
                    || t.chars().all(|c| c == '-')
                    || t.chars().all(|c| c == '_'))
        })
    })
}

/// Footnote numbers glued to the end of a sentence ("in 1969.1", "agreed.”12") or given as
/// anchor links (`[3](#fn3)`), as a set.
fn body_markers(article: &Article) -> std::collections::HashSet<u32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r#"[\p{Ll}\p{Lu}.,;:)"”’%](\d{1,3})(?:\s|$)|\]\((?:#fn|#footnote|#note|#ref)[\w-]*\)"#,
        )
        .expect("static regex")
    });
    let mut out = std::collections::HashSet::new();
    for c in re.captures_iter(&article.original) {
        if let Some(n) = c.get(1).and_then(|m| m.as_str().parse().ok()) {
            out.insert(n);
        }
    }
    for l in &article.layout.links {
        if let Some(n) = l.url.strip_prefix('#').and_then(|f| {
            f.trim_start_matches(|c: char| c.is_alphabetic() || c == '-' || c == '_')
                .parse()
                .ok()
        }) {
            out.insert(n);
        }
    }
    out
}

/// Blocks that are footnotes or endnotes without a heading, with their numbers: a run of
/// numbered blocks counting up from 1 after a thematic break, or closing the article when the
/// text carries footnote markers; Markdown footnote definitions; and, in text taken from a PDF,
/// a block opening with a bare number that a sentence of the body carries as its marker.
pub fn note_blocks(article: &Article) -> Vec<Option<u32>> {
    let blocks = &article.layout.blocks;
    let mut out = vec![None; blocks.len()];
    let numbers: Vec<Option<u32>> = (0..blocks.len())
        .map(|k| {
            (article.furniture[k].is_none() && blocks[k].kind != BlockKind::Heading)
                .then(|| note_number(article, k))
                .flatten()
        })
        .collect();
    if numbers.iter().all(Option::is_none) {
        return out;
    }
    let markers = body_markers(article);
    let mut k = 0;
    while k < blocks.len() {
        if numbers[k] != Some(1) {
            k += 1;
            continue;
        }
        // The run of notes 1, 2, 3 … (furniture in between is skipped).
        let mut run = vec![k];
        let mut want = 2;
        let mut j = k + 1;
        while j < blocks.len() {
            if article.furniture[j].is_some() {
                j += 1;
                continue;
            }
            if numbers[j] == Some(want) {
                run.push(j);
                want += 1;
                j += 1;
            } else {
                break;
            }
        }
        let after_break = k > 0 && break_between(article, blocks[k - 1].end, blocks[k].start);
        let closes = (j..blocks.len()).all(|x| {
            article.furniture[x].is_some()
                || article.text()[blocks[x].body..blocks[x].end]
                    .split_whitespace()
                    .count()
                    <= 6
        });
        let marked = run
            .iter()
            .filter(|&&b| numbers[b].is_some_and(|n| markers.contains(&n)))
            .count()
            * 2
            >= run.len();
        if after_break || (closes && marked) {
            for &b in &run {
                out[b] = numbers[b];
            }
        }
        k = j.max(k + 1);
    }
    for k in 0..blocks.len() {
        if out[k].is_some() {
            continue;
        }
        let pdf_note =
            matches!(blocks[k].marker, Some(Marker::BareNumber(n)) if markers.contains(&n));
        let md_note = blocks[k].marker.is_none()
            && numbers[k].is_some()
            && crate::article::layout::list_marker(&article.text()[blocks[k].start..blocks[k].end])
                .is_none();
        if pdf_note || md_note {
            out[k] = numbers[k];
        }
    }
    out
}

/// A note's own text: without its number and without a trailing "Return to text" link.
fn note_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let body = &text[start..end];
    let skip = crate::article::layout::list_marker(body).map_or(0, |(_, len)| len);
    let mut e = end;
    let t = text[start + skip..e].trim_end();
    for tail in ["Return to text", "Back to text", "Return to top", "↩", "^"] {
        if let Some(head) = t.strip_suffix(tail) {
            e = start + skip + head.trim_end().len();
            break;
        }
    }
    (start + skip, e.max(start + skip))
}

/// A note citing two works gives two spans: works joined by "; and" when each names its
/// authors and year (`…, April 17; and Max Doe (2024), "…"`).
fn split_works(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"; and (?:see )?\p{Lu}[\p{L}.'-]*(?:,? (?:and )?\p{Lu}[\p{L}.'-]*){0,12} \(\d{4}[a-z]?\)")
            .expect("static regex")
    });
    let note = &text[start..end];
    let mut out = Vec::new();
    let mut from = 0;
    for m in re.find_iter(note) {
        // Not inside a quoted title.
        let quotes = note[..m.start()].matches(['"', '“', '”']).count();
        if quotes % 2 == 1 {
            continue;
        }
        out.push((start + from, start + m.start()));
        from = m.start() + "; and ".len();
    }
    out.push((start + from, end));
    out
}

/// A footnote marker glued to the end of an entry ("(2025-)9") is not part of it.
pub fn strip_marker(s: &str) -> &str {
    let t = s.trim_end_matches(|c: char| c.is_ascii_digit());
    if t.len() < s.len() && s.len() - t.len() <= 2 && t.ends_with([')', '"', '\u{201d}']) {
        t
    } else {
        s
    }
}

fn clean(s: &str) -> Option<String> {
    let t = s
        .trim()
        .trim_matches(|c: char| c == ',' || c == ';' || c == ':' || c.is_whitespace())
        .trim_end_matches('.')
        .trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn find_year(s: &str) -> Option<i32> {
    res()
        .year
        .captures_iter(s)
        .filter_map(|c| c.name("y")?.as_str().parse().ok())
        .next()
}

fn looks_like_person_list(who: &str) -> bool {
    // "Smith, J." / "Smith, J., & Doe, A." / "Smith et al." / "Jane Roe and Max Doe"
    let words: Vec<&str> = who.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let org = words
        .iter()
        .any(|w| ORG_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
    who.contains(" et al")
        || who.contains('&')
        || person_re().is_match(who)
        // "Jane Q. Roe": a personal name, unless it is a known outlet.
        || ((2..=4).contains(&words.len())
            && words.iter().all(capitalised)
            && !org
            && !crate::outlets::is_outlet(who))
        || (who.contains(" and ")
            && who.split_whitespace().all(|w| {
                w == "and" || w.chars().next().is_some_and(char::is_uppercase)
            })
            && !who.split_whitespace().any(|w| {
                ORG_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
            }))
}

/// Words that make a name an organisation's, not a person's.
const ORG_WORDS: &[&str] = &[
    "Institute",
    "Gazette",
    "Monitor",
    "Herald",
    "Post",
    "Tribune",
    "Daily",
    "Weekly",
    "Courier",
    "Observer",
    "Chronicle",
    "Express",
    "Record",
    "Magazine",
    "Media",
    "Radio",
    "Network",
    "Statistics",
    "Authority",
    "Court",
    "Parliament",
    "Government",
    "Forum",
    "Trust",
    "Project",
    "Report",
    "Institution",
    "University",
    "Bank",
    "Board",
    "Center",
    "Centre",
    "Council",
    "Office",
    "Bureau",
    "Department",
    "Ministry",
    "Agency",
    "Committee",
    "Commission",
    "Foundation",
    "Association",
    "Society",
    "Press",
    "Times",
    "News",
    "Journal",
    "Review",
    "Group",
    "Fund",
    "Service",
    "Survey",
    "Organization",
    "Organisation",
    "Corporation",
    "Company",
    "Party",
];

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

fn person_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[\p{Lu}][\p{L}'-]+, (?:\p{Lu}\.\s?)*\p{Lu}\.?$").expect("static regex")
    })
}

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
    let named_outlet = r.italic_outlet.captures(&s).and_then(|c| {
        let o = c["o"].trim();
        // "Clarín (newspaper)": a lower-case qualifier in brackets is not part of the name.
        let o = match o.split_once(" (") {
            Some((head, q)) if q.starts_with(|ch: char| ch.is_lowercase()) => head,
            _ => o,
        };
        clean(o)
    });
    if let Some(o) = named_outlet {
        let whole = r.italic_outlet.find(&s).map_or(s.len(), |m| m.start());
        let head = s[..whole].trim().to_string();
        let mut g = parse_fields(&head);
        if g.outlet.as_deref().is_some_and(|x| x != o) && g.author.is_none() {
            g.author = g.outlet.take();
        }
        g.outlet = Some(o);
        g.url = g.url.or(f.url);
        g.year = g.year.or_else(|| find_year(&s[whole..]));
        g.note = false;
        return g;
    }
    // "See Jane Roe (2020), …", "For details, see …", "… as is done in …": the citation
    // starts at its author list.
    if let Some(m) = r.embedded_citation.captures(&s).and_then(|c| c.name("who")) {
        let who = m.as_str();
        let skip = ["See also ", "See ", "Cf. ", "Compare "]
            .iter()
            .find(|p| who.starts_with(*p))
            .map_or(0, |p| p.len());
        if m.start() + skip > 0 {
            s = s[m.start() + skip..].to_string();
        }
    }
    if r.ibid.is_match(&s) {
        f.ibid = true;
    }
    if let Some(c) = r.doi.captures(&s) {
        f.doi = c
            .get(1)
            .or_else(|| c.get(2))
            .map(|m| m.as_str().to_string());
    }
    if let Some(c) = r.accessed.captures(&s) {
        f.accessed = crate::article::metadata::parse_date(&c[1]).map(|d| d.0);
        let whole = c.get(0).map_or(0..0, |m| m.range());
        s.replace_range(whole, "");
    }
    if let Some(m) = r.url.find(&s).filter(|_| f.url.is_none()) {
        f.url = Some(m.as_str().to_string());
        let range = m.range();
        s.replace_range(range, "");
    }
    let s = s.trim().trim_end_matches(['.', ',', ' ']).to_string();
    if f.ibid {
        return f;
    }
    if r.legislation.is_match(&s) {
        f.outlet = Some("U.S. Congress".to_string());
        f.year = None;
        return f;
    }
    // APA-like: Who. (Year). "Title" / [description] / Title. Source.
    if let Some(c) = r.apa.captures(&s) {
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
        return f;
    }
    // Chicago-like: Creator, "Title," Outlet, Date, p. N.
    if let Some(q) = r.quoted.captures(&s) {
        let m = q.get(0).map_or(0..0, |m| m.range());
        f.title = clean(&q["t"]);
        // A long clause before the quotation is the writer's sentence, not a creator.
        let before = clean(&s[..m.start]).filter(|b| {
            b.split_whitespace()
                .filter(|w| {
                    w.chars().next().is_some_and(char::is_lowercase)
                        && !matches!(
                            *w,
                            "of" | "for"
                                | "and"
                                | "the"
                                | "in"
                                | "on"
                                | "at"
                                | "de"
                                | "eds."
                                | "ed."
                        )
                })
                .count()
                <= 1
        });
        let after = &s[m.end..];
        f.year = find_year(after).or_else(|| find_year(&s));
        f.outlet = venue_after_title(after);
        if f.outlet.is_some() {
        } else if let Some(p) = r
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
        return f;
    }
    // Book-like: Author, Title (Publisher, Year), p. N.
    if let Some(p) = r.paren_pub.captures(&s) {
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
        return f;
    }
    // Report-like: Outlet Report-Number, Title, by Author.
    let mut body = s.clone();
    if let Some(c) = r.by_author.captures(&body) {
        f.author = clean(&c["a"]);
        let start = c.get(0).map_or(body.len(), |m| m.start());
        body.truncate(start);
        if let Some((head, title)) = body.split_once(", ") {
            let first = head.split_whitespace().next().unwrap_or("");
            f.outlet = super::outlets::expand_acronym(first)
                .map(str::to_string)
                .or_else(|| clean(head));
            f.title = clean(title);
        } else {
            f.title = clean(&body);
        }
        return f;
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
        return f;
    }
    if !body.is_empty() {
        f.title = clean(&body);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries_of(src: &str, format: crate::article::Format) -> Vec<(String, Option<u32>, Fields)> {
        let a = Article::from_text("n.txt", src.to_string(), format);
        let entries = find_entries(&a).entries;
        entries
            .into_iter()
            .map(|e| {
                let (os, oe) = a.original_span(e.start, e.end);
                (a.original[os..oe].to_string(), e.number, e.fields)
            })
            .collect()
    }

    #[test]
    fn notes_after_a_thematic_break_need_no_heading() {
        let src = "# Remarks on rivers\n\nThe river rose in spring.[1](#fn1 \"footnote 1\") It fell in autumn.[2](#fn2 \"footnote 2\")\n\n* * *\n\n1\\. The views are mine alone. [Return to text](#f1)\n\n2\\. See Mara Quill (2019), \"Flood Cycles,\" _Journal of River Studies,_ vol. 3, pp. 1-9; and Tomas Reed and Ana Bell (2021), \"Dry Seasons (PDF),\" Working Paper 12 (Leeds: Northfield Water Institute, May). [Return to text](#f2)\n";
        let got = entries_of(src, crate::article::Format::Markdown);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert_eq!(got[0].0, "The views are mine alone.");
        assert_eq!(got[0].1, Some(1));
        assert!(
            got[1].0.starts_with("See Mara Quill (2019)"),
            "{}",
            got[1].0
        );
        assert!(got[1].0.ends_with("pp. 1-9"), "{}", got[1].0);
        assert_eq!(got[1].2.outlet.as_deref(), Some("Journal of River Studies"));
        assert_eq!(got[1].2.author.as_deref(), Some("Mara Quill"));
        assert_eq!(got[1].2.year, Some(2019));
        assert!(got[2].0.starts_with("Tomas Reed and Ana Bell (2021)"));
        assert_eq!(
            got[2].2.outlet.as_deref(),
            Some("Northfield Water Institute")
        );
        assert_eq!(got[2].2.title.as_deref(), Some("Dry Seasons (PDF)"));
    }

    #[test]
    fn pdf_notes_with_glued_markers_and_closing_note_lists() {
        let src = "The canal opened in 1911.1 Trade doubled within a decade.2\n\n1 Elsa Marr, “Canal Days,” Harbour Gazette, May 2, 1911, p. 4.\n\n2 Port Authority of Velm, “Annual Trade Figures,” https://velm.example/trade.\n";
        let got = entries_of(src, crate::article::Format::Text);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert_eq!(got[0].2.outlet.as_deref(), Some("Harbour Gazette"));
        assert_eq!(got[1].1, Some(2));
        // A numbered list in the body, with no markers pointing at it, stays body text.
        let plain = "The plan has steps.\n\n1. Dig the trench.\n\n2. Lay the pipe.\n";
        assert!(entries_of(plain, crate::article::Format::Text).is_empty());
    }

    #[test]
    fn markdown_footnote_definitions_are_notes() {
        let src = "The bridge closed.[^1]\n\n[^1]: Harlow Evening Post, \"Bridge shut for repairs,\" March 3, 2022.\n";
        let got = entries_of(src, crate::article::Format::Markdown);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(got[0].1, Some(1));
        assert_eq!(got[0].2.title.as_deref(), Some("Bridge shut for repairs"));
    }

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

    #[test]
    fn section_headings() {
        for h in [
            "References",
            "Sources:",
            "Footnotes",
            "Web Resources",
            "Related CRS Report",
            "Selected Speeches and Recognitions",
            "Works Cited",
        ] {
            assert!(is_section_heading(h), "{h}");
        }
        for h in [
            "Recent Commemorative Legislation",
            "Why Are Russians Trusting Trump?",
            "Energy Diplomacy",
        ] {
            assert!(!is_section_heading(h), "{h}");
        }
    }
}
