//! Recognising scraped page furniture: navigation, teasers, placeholders, comment forms,
//! cookie notices, author bio boxes and disclaimers. Furniture yields no claims.
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
    Navigation,
    TeaserHeading,
    Teaser,
    Placeholder,
    CommentForm,
    CookieNotice,
    AuthorBio,
    Byline,
    Dateline,
    Label,
    Disclaimer,
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
            byline: re(r"^(?:By|BY|Written by|Words by)\s+\p{Lu}[^.!?]{0,80}$"),
            bio_start: re(r"(?i)^about the author\b"),
metadata_line: re(r"^[\p{Lu}][\w ()./-]{1,30}:\s+\S"),
            metadata_key: re(r"(?i)^(?:authors?|author\(s\)|by|byline|writer|date|published|updated|publication date|outlet|publisher|publication|source|url):\s+\S"),
        }
    })
}

/// Classify every block; the result is parallel to `blocks`.
pub fn classify(text: &str, blocks: &[Block]) -> Vec<Option<Furniture>> {
    let r = rules();
    let body = |b: &Block| text[b.body..b.end].trim();
    let mut out: Vec<Option<Furniture>> = blocks
        .iter()
        .map(|b| {
            let t = body(b);
            let words = t.split_whitespace().count();
            if r.placeholder.is_match(t) {
                Some(Furniture::Placeholder)
            } else if (words <= 8 || t.starts_with("Home")) && r.navigation.is_match(t) {
                Some(Furniture::Navigation)
            } else if r.comment_form.is_match(t) {
                Some(Furniture::CommentForm)
            } else if r.privacy.is_match(t) || (r.cookie.is_match(t) && words < 150) {
                Some(Furniture::CookieNotice)
            } else if r.label.is_match(t) {
                Some(Furniture::Label)
            } else if r.disclaimer.is_match(t) {
                Some(Furniture::Disclaimer)
            } else if r.metadata_key.is_match(t) && t.lines().count() == 1 && words <= 12 {
                Some(Furniture::Metadata)
            } else if r.byline.is_match(t) && words <= 10 {
                Some(Furniture::Byline)
            } else if super::metadata::parse_date(t).is_some_and(|(_, len)| len * 2 >= t.len()) {
                Some(Furniture::Dateline)
            } else if b.kind != BlockKind::Heading
                && t.lines().count() > 1
                && t.lines().all(|l| r.metadata_line.is_match(l.trim()))
            {
                Some(Furniture::Metadata)
            } else {
                None
            }
        })
        .collect();

    // A paragraph whose every line is `Key: value` is a metadata block, even when its lines
    // were laid out as separate blocks.
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

    // Author bio boxes: a name line (often repeated) followed by a paragraph that starts with it,
    // or an "About the author" heading and the paragraph after it.
    for i in 0..blocks.len() {
        let t = body(&blocks[i]);
        if r.bio_start.is_match(t) {
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
        while j < blocks.len() && body(&blocks[j]) == t {
            j += 1;
        }
        let bio_follows = blocks.get(j).is_some_and(|next| {
            let n = body(next);
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

    // Teaser sections: after a "Related stories" heading, titles and truncated snippets.
    let mut i = 0;
    while i < blocks.len() {
        if r.teaser_heading.is_match(body(&blocks[i])) {
            out[i] = Some(Furniture::TeaserHeading);
            let mut j = i + 1;
            while j < blocks.len() {
                let t = body(&blocks[j]);
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
    out
}

/// A line that is nothing but a personal name: two to four capitalised words.
pub fn is_name_line(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && t.len() < 60
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
}
