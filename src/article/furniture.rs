//! Recognising scraped page furniture: navigation (menus, breadcrumbs, search boxes and filter
//! panels, archive headers, share buttons, login, subscription and newsletter prompts), teasers,
//! placeholders, comment forms, cookie notices, section labels, bylines and author credit lines,
//! author bio boxes, disclaimers, disclosure statements and republication notices. Furniture
//! yields no claims, and article metadata is never read from navigation furniture
//! ([`super::metadata`]).
//!
//! The rules are deliberately conservative: a block is furniture only when its own wording says
//! so (or it sits in a teaser section introduced by a "Related stories"-style heading and looks
//! like a teaser), so that real body text is never dropped.

use super::layout::{Block, BlockKind};
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// Why a block was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Furniture {
    /// Menus, breadcrumbs, search boxes and filter panels, archive headers, links between
    /// pages, share buttons, and login, paywall, subscription or newsletter prompts.
    Navigation,
    /// A "Related stories"-style heading that opens a section of teasers.
    TeaserHeading,
    /// A title or truncated snippet in the section after a [`Furniture::TeaserHeading`].
    Teaser,
    /// A leftover of the page's template or an empty slot: `spot_img`, "Advertisement",
    /// "Loading…", a lone "Photo".
    Placeholder,
    /// The comment form and its prompts ("Leave a reply", "Post comment", "3 comments").
    CommentForm,
    /// A cookie or privacy-consent notice, or one of its buttons ("Accept all").
    CookieNotice,
    /// An author bio box: "About the author" and the paragraph after it, a repeated name line
    /// and the bio that starts with it, or a bio sentence ("Jane Doe is a reporter for …")
    /// among the last blocks of the page.
    AuthorBio,
    /// A byline ("By Jane Doe") or an author credit line ("Jane Doe, Professor of History,
    /// Midvale University") under the headline or in the author box at the end.
    Byline,
    /// A line that is mostly a date, or a short labelled date ("Updated 9:40 a.m. ET,
    /// March 3, 2024").
    Dateline,
    /// A lone field name ("Tags:", "Share this", "Caption") or a section label set above the
    /// headline ("Opinion", "Analysis", "Fact check").
    Label,
    /// A disclaimer or copyright line, an author's disclosure statement, or a republication
    /// notice ("This article is republished from …").
    Disclaimer,
    /// A `Key: value` line naming the author, date, outlet or address, or a block whose every
    /// line is `Key: value`.
    Metadata,
}

struct Rules {
    placeholder: Regex,
    navigation: Regex,
    teaser_heading: Regex,
    comment_form: Regex,
    cookie: Regex,
    privacy: Regex,
    label: Regex,
    disclaimer: Regex,
    byline: Regex,
    bio_start: Regex,
    metadata_line: Regex,
    metadata_key: Regex,
    search_widget: Regex,
    archive_header: Regex,
    page_nav: Regex,
    account: Regex,
    kicker: Regex,
    disclosure: Regex,
    republished: Regex,
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("static regex");
        Rules {
            placeholder: re(r"(?i)^(?:[a-z]+_[a-z_]+|\[?advertisement\]?|ad|sponsored(?: content)?|loading\.*|image|photo)$"),
            navigation: re(r"^(?:Home(?:\s*[>»/|›]|\p{Lu})|(?i:skip to (?:main )?content|main menu|toggle navigation|share (?:on|this)\b.*|follow us\b.*|subscribe(?: now)?|sign (?:in|up)|log ?in|menu|search)$)"),
            teaser_heading: re(r"(?i)^(?:related(?: stories| articles| posts| news| content|)|latest(?: stories| news| posts| articles)|more (?:stories|news|from [\w ]+)|you may also like|recommended(?: for you| stories)?|read (?:more|next|also)|also read|most (?:popular|read)|trending(?: now)?|popular (?:posts|stories)|editor'?s picks|top stories)\s*:?$"),
            comment_form: re(r"(?i)^(?:leave a (?:reply|comment)|please enter your (?:comment|name|e-?mail)|post comment|cancel reply|save my name, email.*|your email address will not be published.*|\d+ comments?|comments?|add a comment|join the discussion)[.!]?$"),
            cookie: re(r"(?i)\bcookies?\b.*\b(?:website|browser|consent|experience|accept|preferences)\b|\b(?:website|browser)\b.*\bcookies?\b"),
            privacy: re(r"(?i)^(?:privacy (?:overview|policy|settings|preferences)|cookie (?:policy|settings)|manage consent|accept all|reject all)$"),
            label: re(r"(?i)^(?:date|publication|published|updated|posted|tags?|categories|category|share(?: this)?|filed under|posted in|photo|image|credit|caption|author|by|print|email)\s*:?$"),
            disclaimer: re(r"(?i)^(?:disclaimer|disclosure|copyright|©|all rights reserved)\b"),
            byline: re(r"^(?:By|BY|Written by|Words by|Posted by|Reported by|Story by|Text by)\s+\p{Lu}[^!?]{0,160}$"),
            bio_start: re(r"(?i)^about the author\b"),
metadata_line: re(r"^[\p{Lu}][\w ()./-]{1,30}:\s+\S"),
            metadata_key: re(r"(?i)^(?:authors?|author\(s\)|by|byline|writer|date|published|updated|publication date|outlet|publisher|publication|source|url):\s+\S"),
            // Search boxes and the filter panels of search and listing pages.
            search_widget: re(r"(?i)^(?:(?:advanced|site|new) search|search(?: (?:this|the|our) (?:site|website|archives?)| results?(?: for\b.*)?| again| for:?)?|current filters|active filters|selected filters|filter(?:s| by\b.*| results| your search| options)?|clear(?: all)?(?: filters?| search)?|reset(?: all)?(?: filters?)?|remove (?:all )?filters?|apply(?: filters?)?|refine (?:your )?(?:search|results)\b.*|sort(?:ed)? by\b.*|sort order:?.*|showing (?:results )?\d[\d,]*(?:\s*[-–]\s*\d[\d,]*)?(?: of (?:about )?\d[\d,]*)?(?: (?:results|items|articles|posts|stories))?|(?:about )?\d[\d,]* (?:results?|matches|items found)(?: found)?(?: for\b.*)?|no results(?: found)?|(?:enter|type) (?:your )?(?:search|keywords?|a search term)\b.*|keywords?|date range|content type|results per page|go|submit)\s*[:.!]?$|^.{1,60}\s(?:\(x\)|×|✕|✖)$"),
            // Headers of archive and listing pages: "Archive for the 'Ferries' Category".
            archive_header: re(r"(?i)^(?:archives? (?:for|of)\b.*|(?:category|tag|author|monthly|yearly|daily|date) archives?\b.*|archives?\s*[:\-–]\s*.*|posts? (?:tagged|in category|by author|filed under|from)\b.*|browsing (?:the )?(?:category|tag|archives?)\b.*|all (?:posts|stories|articles) (?:in|tagged|by|from)\b.*|you are (?:browsing|viewing)\b.*)$"),
            // Links between pages and share buttons.
            page_nav: re(r#"(?i)^(?:back to (?:top|home)|return to top|(?:[«‹←<"“]\s*)?(?:previous|next|prev|older|newer)(?: (?:post|article|story|entry|entries|posts|articles|stories|page))?(?:\s*[»›→>"”])?|page \d+ of \d+|load more|show more|view all|see all|continue reading\b.*|print(?: this)?(?: (?:page|article|story))?|e-?mail(?: this)?(?: (?:page|article|story))?|share(?: this)?(?: (?:article|story|post|page))?(?: (?:on|via) \w+)?|tweet(?: this)?|pin it|copy link|link copied|(?:share|follow)(?: us)?(?: on)?(?:\s*[:|•·]?\s*(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|e-?mail|print|instagram|youtube|tiktok|rss|flipboard|threads|bluesky|mastodon))+|(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|e-?mail|print|instagram|youtube|tiktok|rss|flipboard|threads|bluesky|mastodon)(?:\s*[|•·,]?\s*(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|e-?mail|print|instagram|youtube|tiktok|rss|flipboard|threads|bluesky|mastodon))*)\s*:?$"#),
            // Account, paywall and newsletter prompts.
            account: re(r"(?i)^(?:log ?(?:in|out)|sign (?:in|up|out)|register|my account|create (?:an|your|a free) account\b.*|subscribe(?: now| today| here)?|subscribe (?:for|to)\b.*|already (?:a subscriber|a member|have an account|registered)\b.*|become a (?:member|subscriber|supporter)\b.*|(?:support|fund|donate to) (?:our|independent|quality) journalism\b.*|donate(?: now| today)?|sign up (?:for|to)\b.*newsletters?\b.*|get (?:our|the)\b.*newsletters?\b.*|(?:join|subscribe to) (?:our|the)\b.*newsletters?\b.*|you have (?:\d+|one|two|three) free (?:articles?|stories)\b.*|this (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)\b.*|to continue reading\b.*|enter your e-?mail(?: address)?\b.*|e-?mail address|password|forgot (?:your )?password\??|remember me)\s*[.!:]?$"),
            // Section labels ("kickers") set above a headline.
            kicker: re(r"(?i)^(?:opinion|analysis|commentary|editorial|op-ed|guest essay|explainer|exclusive|breaking(?: news)?|perspective|viewpoint|press release|news release|media note|fact check|live updates?)\s*:?$"),
            // Authors' disclosure statements.
            disclosure: re(r"(?i)^(?:the authors?|\p{Lu}[\w.'’-]*(?:\s+\p{Lu}[\w.'’-]*){1,3}) (?:does|do) not work for, consult, own shares in\b|(?i)\bdeclares? no (?:competing|conflicts? of) interests?\b|(?i)^(?:the authors? (?:has|have) )?no (?:competing|conflicts? of) interests? (?:to )?(?:declare|disclosed?)"),
            // Republication notices: "This article is republished from X under a Creative Commons license."
            republished: re(r"(?i)^(?:this (?:article|story|piece|post|essay|column) (?:is|was|has been) (?:re-?published|originally published|first published|reproduced|reprinted) (?:from|by|in|on|with (?:the )?permission (?:of|from))|(?:originally|first) published (?:in|on|by)|(?:re-?published|reprinted|reproduced) (?:with (?:the )?permission )?(?:from|of|courtesy of))\s+\S"),
        }
    })
}

/// Words counted in a block, one more than the largest count a rule compares with.
const WORDS_COUNTED: usize = 151;

/// A date line is mostly its date, and no written date is longer than half this many bytes.
const MAX_DATELINE: usize = 120;

/// The words without which no disclosure statement can match (a cheap test that spares the
/// unanchored pattern most paragraphs).
fn has_disclosure_words(t: &str) -> bool {
    t.contains("nterest") || t.contains("not work for")
}

/// Classify every block; the result is parallel to `blocks`.
pub fn classify(text: &str, blocks: &[Block]) -> Vec<Option<Furniture>> {
    let page = Page {
        r: rules(),
        text,
        blocks,
    };
    let mut out: Vec<Option<Furniture>> = blocks.iter().map(|b| page.by_wording(b)).collect();
    page.metadata_paragraphs(&mut out);
    page.bio_boxes(&mut out);
    page.credit_lines(&mut out);
    page.teaser_sections(&mut out);
    out
}

/// The blocks being classified, with the rules they are read by.
struct Page<'a> {
    r: &'static Rules,
    text: &'a str,
    blocks: &'a [Block],
}

impl<'a> Page<'a> {
    /// The text of a block after its list marker, trimmed.
    fn body(&self, b: &Block) -> &'a str {
        self.text[b.body..b.end].trim()
    }

    /// What a block is by its own wording alone.
    fn by_wording(&self, b: &Block) -> Option<Furniture> {
        let r = self.r;
        let t = self.body(b);
        // Every test below compares the count with at most 150: counting further is waste
        // on a long paragraph.
        let words = t.split_whitespace().take(WORDS_COUNTED).count();
        if r.placeholder.is_match(t) {
            Some(Furniture::Placeholder)
        } else if navigation(r, t, words) {
            Some(Furniture::Navigation)
        } else if words <= 3 && r.kicker.is_match(t) {
            Some(Furniture::Label)
        } else if words <= 80
            && ((has_disclosure_words(t) && r.disclosure.is_match(t)) || r.republished.is_match(t))
        {
            Some(Furniture::Disclaimer)
        } else if r.comment_form.is_match(t) {
            Some(Furniture::CommentForm)
        } else if r.privacy.is_match(t)
            || (words < 150 && t.contains("ookie") && r.cookie.is_match(t))
        {
            Some(Furniture::CookieNotice)
        } else if r.label.is_match(t) {
            Some(Furniture::Label)
        } else if r.disclaimer.is_match(t) {
            Some(Furniture::Disclaimer)
        } else if r.metadata_key.is_match(t) && t.lines().count() == 1 && words <= 12 {
            Some(Furniture::Metadata)
        } else if r.byline.is_match(t) && super::metadata::parse_byline(t).is_some() {
            Some(Furniture::Byline)
        } else if t.len() <= MAX_DATELINE
            && super::metadata::parse_date(t).is_some_and(|(_, len)| len * 2 >= t.len())
            || (words <= 14
                && !t.ends_with('.')
                && super::metadata::labelled_date(t)
                && super::metadata::find_date(t).is_some())
        {
            Some(Furniture::Dateline)
        } else if b.kind != BlockKind::Heading
            && t.lines().count() > 1
            && t.lines().all(|l| r.metadata_line.is_match(l.trim()))
        {
            Some(Furniture::Metadata)
        } else {
            None
        }
    }

    /// A paragraph whose every line is `Key: value` is a metadata block, even when its lines
    /// were laid out as separate blocks.
    fn metadata_paragraphs(&self, out: &mut [Option<Furniture>]) {
        let (r, text, blocks) = (self.r, self.text, self.blocks);
        let mut i = 0;
        while i < blocks.len() {
            let para = blocks[i].para;
            let mut j = i;
            while j < blocks.len() && blocks[j].para == para {
                j += 1;
            }
            let lines: Vec<&str> = blocks[i..j]
                .iter()
                .flat_map(|b| text[b.body..b.end].lines())
                .collect();
            if lines.len() > 1
                && blocks[i].kind != BlockKind::Heading
                && lines.iter().all(|l| r.metadata_line.is_match(l.trim()))
            {
                for slot in &mut out[i..j] {
                    *slot = Some(Furniture::Metadata);
                }
            }
            i = j;
        }
    }

    /// Author bio boxes: a name line (often repeated) followed by a paragraph that starts with
    /// it, or an "About the author" heading and the paragraph after it.
    fn bio_boxes(&self, out: &mut [Option<Furniture>]) {
        let blocks = self.blocks;
        for i in 0..blocks.len() {
            let t = self.body(&blocks[i]);
            if self.r.bio_start.is_match(t) {
                out[i] = Some(Furniture::AuthorBio);
                if let Some(next) = out.get_mut(i + 1) {
                    next.get_or_insert(Furniture::AuthorBio);
                }
                continue;
            }
            if !is_name_line(t) || out[i].is_some() {
                continue;
            }
            let mut j = i + 1;
            while j < blocks.len() && self.body(&blocks[j]) == t {
                j += 1;
            }
            let bio_follows = blocks.get(j).is_some_and(|next| {
                let n = self.body(next);
                n.starts_with(t) && bio_sentence(&n[t.len()..])
            });
            if bio_follows {
                for slot in &mut out[i..=j] {
                    *slot = Some(Furniture::AuthorBio);
                }
            } else if j > i + 1 {
                for slot in &mut out[i..j] {
                    *slot = Some(Furniture::AuthorBio);
                }
            }
        }
    }

    /// Author credit lines (`Jane Doe, Professor of History, Midvale University`) under the
    /// headline, before the first paragraph of prose, and in the author box at the end; bio
    /// sentences (`Jane Doe is a reporter for …`) in the last blocks of the page.
    fn credit_lines(&self, out: &mut [Option<Furniture>]) {
        let blocks = self.blocks;
        let prose = |b: &Block| {
            let t = self.body(b);
            b.kind == BlockKind::Paragraph
                && t.split_whitespace().nth(25).is_some()
                && t.ends_with(['.', '"', '”', '?', '!'])
        };
        let first_prose = blocks.iter().position(prose).unwrap_or(blocks.len());
        let tail_from = last_blocks(out, 4);
        for i in 0..blocks.len() {
            if out[i].is_some() || !(i < first_prose.min(8) || i >= tail_from) {
                continue;
            }
            let t = self.body(&blocks[i]);
            if super::metadata::parse_credit(t).is_some() {
                out[i] = Some(Furniture::Byline);
            } else if i >= tail_from && super::metadata::bio_name(t).is_some() {
                out[i] = Some(Furniture::AuthorBio);
            }
        }
    }

    /// Teaser sections: after a "Related stories" heading, titles and truncated snippets.
    fn teaser_sections(&self, out: &mut [Option<Furniture>]) {
        let blocks = self.blocks;
        let mut i = 0;
        while i < blocks.len() {
            if self.r.teaser_heading.is_match(self.body(&blocks[i])) {
                out[i] = Some(Furniture::TeaserHeading);
                let mut j = i + 1;
                while j < blocks.len() {
                    let t = self.body(&blocks[j]);
                    let truncated = t.ends_with("...");
                    let title_like = blocks[j].kind == BlockKind::Heading
                        || (!t.ends_with('.') && t.split_whitespace().count() <= 14);
                    if out[j].is_some() && out[j] != Some(Furniture::Placeholder) {
                        j += 1;
                        continue;
                    }
                    if out[j] == Some(Furniture::Placeholder) || !(truncated || title_like) {
                        break;
                    }
                    out[j] = Some(Furniture::Teaser);
                    j += 1;
                }
                i = j;
            } else {
                i += 1;
            }
        }
    }
}

/// Menus, breadcrumbs, search boxes and filter panels, archive headers, share buttons and
/// account or newsletter prompts.
fn navigation(r: &Rules, t: &str, words: usize) -> bool {
    ((words <= 8 || t.starts_with("Home")) && r.navigation.is_match(t))
        || (words <= 10 && (r.search_widget.is_match(t) || r.page_nav.is_match(t) || breadcrumb(t)))
        || (words <= 14 && !t.ends_with('.') && r.archive_header.is_match(t))
        || (words <= 24 && r.account.is_match(t))
}

/// Index of the first of the last `k` blocks that are not furniture.
fn last_blocks(out: &[Option<Furniture>], k: usize) -> usize {
    let mut seen = 0;
    for i in (0..out.len()).rev() {
        if out[i].is_none() {
            seen += 1;
            if seen == k {
                return i;
            }
        }
    }
    0
}

/// A breadcrumb trail or a menu bar: three or more short capitalised items separated by `>`,
/// `»`, `›`, `/` or `|` (two suffice with an arrow), such as `News > World > Europe`.
fn breadcrumb(t: &str) -> bool {
    if t.starts_with("By ") || t.contains(['.', ',', '!', '?', '"', '“', '”']) {
        return false;
    }
    let arrow = t.contains(['>', '»', '›']);
    if !(arrow || t.contains(" / ") || t.contains(" | ")) {
        return false;
    }
    let items: Vec<&str> = t
        .split(['>', '»', '›', '|', '/'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    let short = items.iter().all(|i| {
        let n = i.split_whitespace().count();
        (1..=4).contains(&n)
            && i.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    short && (items.len() >= 3 || (arrow && items.len() == 2))
}

/// A line that is nothing but a personal name: two to four capitalised words.
pub fn is_name_line(t: &str) -> bool {
    // The length first: most blocks are longer, and their words need not be split.
    if t.len() >= 60 {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
        })
}

/// Does the rest of a paragraph that starts with a name read like a bio ("… is a journalist")?
fn bio_sentence(rest: &str) -> bool {
    let rest = rest.trim_start();
    let rest = if rest.starts_with('(') {
        rest.find(')').map_or(rest, |p| rest[p + 1..].trim_start())
    } else {
        rest
    };
    let rest = rest.trim_start_matches(',').trim_start();
    [
        "is a ",
        "is an ",
        "is the ",
        "was a ",
        "was an ",
        "has been ",
        "writes ",
        "is ",
    ]
    .iter()
    .any(|p| rest.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::layout::layout_text;

    fn furniture(src: &str) -> Vec<(String, Option<Furniture>)> {
        let l = layout_text(src);
        let f = classify(l.norm.text(), &l.blocks);
        l.blocks
            .iter()
            .zip(f)
            .map(|(b, f)| (l.norm.text()[b.body..b.end].to_string(), f))
            .collect()
    }

    #[test]
    fn teaser_section_ends_at_body_text() {
        let got = furniture(
            "Related stories\n\nA Teaser Title\n\nThe first words of a teaser...\n\nspot_img\n\nThe real body begins here. It has sentences.\n",
        );
        let kinds: Vec<_> = got.iter().map(|g| g.1).collect();
        assert_eq!(
            kinds,
            vec![
                Some(Furniture::TeaserHeading),
                Some(Furniture::Teaser),
                Some(Furniture::Teaser),
                Some(Furniture::Placeholder),
                None
            ]
        );
    }

    #[test]
    fn comment_forms_cookies_and_bios() {
        let got = furniture(
            "Body text that matters.\n\nJane Roe\nJane Roe\nJane Roe is a reporter at the Daily Planet.\n\nLEAVE A REPLY\n\nPlease enter your comment!\n\nThis website uses cookies so that we can provide you with the best user experience possible.\n",
        );
        assert_eq!(got[0].1, None);
        assert!(got[1..4].iter().all(|g| g.1 == Some(Furniture::AuthorBio)));
        assert_eq!(got[4].1, Some(Furniture::CommentForm));
        assert_eq!(got[5].1, Some(Furniture::CommentForm));
        assert_eq!(got[6].1, Some(Furniture::CookieNotice));
    }

    #[test]
    fn ordinary_prose_about_cookies_or_homes_is_kept() {
        let got = furniture(
            "Homeowners sold 4,000 houses in May.\n\nThe bakery sold cookies to 300 customers.\n",
        );
        assert!(got.iter().all(|g| g.1.is_none()), "{got:?}");
    }

    #[test]
    fn search_widgets_and_filter_panels_are_navigation() {
        let got = furniture(
            "Search\n\nAdvanced Search\n\nCurrent Filters\n\nTopic: Harbours (x)\n\nClear all filters\n\nSort by: Most recent\n\nShowing 1-10 of 240 results\n\nThe ferry company raised fares by 12 percent on Monday.\n",
        );
        for g in &got[..7] {
            assert_eq!(g.1, Some(Furniture::Navigation), "{:?}", g.0);
        }
        assert_eq!(got[7].1, None);
    }

    #[test]
    fn archive_headers_breadcrumbs_share_bars_and_account_prompts_are_furniture() {
        for line in [
            "Archive for the ‘Harbour Politics’ Category",
            "Category Archives: Ferries",
            "Posts tagged 'tolls'",
            "News > Local > Transport",
            "Home / Opinion / Columns",
            "News | Sport | Culture | Weather",
            "Share on Facebook",
            "Facebook Twitter LinkedIn Email",
            "Back to top",
            "« Previous post",
            "Subscribe to our newsletter",
            "Already a subscriber? Log in",
            "Sign up for the Midvale Morning newsletter",
            "Support independent journalism",
        ] {
            let got = furniture(&format!(
                "{line}\n\nThe ferry company raised fares on Monday.\n"
            ));
            assert_eq!(got[0].1, Some(Furniture::Navigation), "{line}");
            assert_eq!(got[1].1, None, "{line}");
        }
        let got = furniture("Opinion\n\nWhy the ferry should stay public\n");
        assert_eq!(got[0].1, Some(Furniture::Label));
        assert_eq!(got[1].1, None);
    }

    #[test]
    fn prose_that_starts_like_a_widget_is_kept() {
        let got = furniture(
            "Search teams found the missing kayak near the pier on Tuesday.\n\nSort of a victory, the harbour master called it.\n\nFilter feeders thrive in the bay, the survey found.\n\nArchives of the port authority show that tolls doubled in 1998.\n\nSigning the lease took three years, she said.\n\nThe regatta runs from Midvale / Portside / Eastwick, the organisers said.\n",
        );
        assert!(got.iter().all(|g| g.1.is_none()), "{got:?}");
    }

    #[test]
    fn notices_disclosures_credit_lines_and_bios() {
        let got = furniture(
            "Why the ferry should stay public\n\nMara Quill, Senior Lecturer in Transport Policy, Midvale University\n\nThe harbour authority wants to sell the ferry line to a private operator, and the sale would close two of the five routes that islanders rely on every day of the year.\n\nThe council votes next week.\n\nMara Quill does not work for, consult, own shares in or receive funding from any company or organisation that would benefit from this article.\n\nThis article is republished from The Ferry Review under a Creative Commons license.\n",
        );
        let kinds: Vec<_> = got.iter().map(|g| g.1).collect();
        assert_eq!(
            kinds,
            vec![
                None,
                Some(Furniture::Byline),
                None,
                None,
                Some(Furniture::Disclaimer),
                Some(Furniture::Disclaimer)
            ]
        );
        let got = furniture(
            "The ferry line closes\n\nThe harbour authority closed the line on Monday.\n\nTomas Brink is a reporter for the Portside Gazette who covers the harbour.\n",
        );
        assert_eq!(got[2].1, Some(Furniture::AuthorBio));
        // A sentence in the body about someone's job is not a bio.
        let got = furniture(
            "The ferry line closes\n\nTomas Brink is a reporter for the Portside Gazette.\n\nHe said the line closed.\n\nIt reopens in May.\n\nTolls will rise.\n\nThe council agreed.\n",
        );
        assert_eq!(got[1].1, None);
    }

    #[test]
    fn labelled_date_lines_are_datelines_but_sentences_are_not() {
        let got = furniture(
            "Updated 9:40 a.m. ET, March 3, 2024\n\nReleased on March 3, 2024, the ferry report found that tolls doubled.\n",
        );
        assert_eq!(got[0].1, Some(Furniture::Dateline));
        assert_eq!(got[1].1, None);
    }
}
