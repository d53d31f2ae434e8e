//! Editors' decisions, stored beside what they judge: a [`Review`] on a claim or a source
//! entry, and [`LinkDecision`]s confirming or rejecting a claim's link to a source.
//!
//! A review records what it judged (a fingerprint of the claim's words, or of the source
//! entry), so that `check` can tell when the words changed after the verdict was given: such a
//! review is *stale* and is not applied to the new words (rule `stale-review`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An editor's verdict. What each one means for `dossier check`:
///
/// | verdict | meaning | effect on the claim's (or source's) findings |
/// |---|---|---|
/// | `verified` | checked against the source (or, for a source entry, the work was found and is what the entry says) | resolved |
/// | `supported` | the cited or linked source supports it, not checked further | resolved |
/// | `accepted-unverifiable` | cannot be traced, and the editor accepts it as it stands (common knowledge, the writer's own reporting) | downgraded to notes |
/// | `needs-source` | the editor agrees a source is needed | raised to errors; a claim gets `uncited-claim` even when a source is linked |
/// | `disputed` | the editor doubts it | kept, plus a `disputed` finding |
/// | `false` | the editor judged it wrong (for a source: unreliable) | kept, plus a `refuted` finding |
/// | `not-a-claim` | extract took words for a claim that are none (a claim only) | rejected: closed, listed as rejected |
/// | `not-a-source` | extract took a phrase for a cited work that is none (a source entry only) | rejected: closed, also the findings of other files about the source id |
///
/// Findings that describe the dossier's files rather than the editor's judgement
/// (`stale-claim`, `invalid-yaml`, `unknown-field`, `invalid-value`, `duplicate-id`,
/// `invalid-path`, `missing-source`, `missing-article`, `unknown-reference`, `stale-review`)
/// are never resolved or downgraded by a verdict.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Checked against the source (for a source entry: the work was found and is what the
    /// entry says); its findings are resolved.
    Verified,
    /// The cited or linked source supports it, not checked further; its findings are resolved.
    Supported,
    /// It cannot be traced, and the editor accepts it as it stands; its findings become notes.
    AcceptedUnverifiable,
    /// The editor agrees a source is needed; its findings become errors.
    NeedsSource,
    /// The editor doubts it; a `disputed` finding is added.
    Disputed,
    /// The editor judged it wrong (for a source entry: unreliable); a `refuted` finding is
    /// added.
    False,
    /// The claim is none: extract mistook the words for a claim.
    NotAClaim,
    /// The source entry is none: extract mistook a phrase ("the Mueller investigation") for
    /// a cited work.
    NotASource,
}

impl Verdict {
    /// Every verdict, in documentation order.
    pub const ALL: &'static [Verdict] = &[
        Verdict::Verified,
        Verdict::Supported,
        Verdict::AcceptedUnverifiable,
        Verdict::NeedsSource,
        Verdict::Disputed,
        Verdict::False,
        Verdict::NotAClaim,
        Verdict::NotASource,
    ];

    /// The kebab-case name used in files, on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Supported => "supported",
            Verdict::AcceptedUnverifiable => "accepted-unverifiable",
            Verdict::NeedsSource => "needs-source",
            Verdict::Disputed => "disputed",
            Verdict::False => "false",
            Verdict::NotAClaim => "not-a-claim",
            Verdict::NotASource => "not-a-source",
        }
    }

    /// The verdict a kebab-case name (`needs-source`) gives; `None` for any other name.
    pub fn from_name(name: &str) -> Option<Verdict> {
        Verdict::ALL.iter().copied().find(|v| v.as_str() == name)
    }

    /// One line saying what the verdict means.
    pub fn meaning(self) -> &'static str {
        match self {
            Verdict::Verified => "checked against the source; it holds",
            Verdict::Supported => "the cited or linked source supports it",
            Verdict::AcceptedUnverifiable => "cannot be traced, accepted as it stands",
            Verdict::NeedsSource => "a source is needed",
            Verdict::Disputed => "doubtful",
            Verdict::False => "wrong (for a source: unreliable)",
            Verdict::NotAClaim => "not a claim; extract was wrong",
            Verdict::NotASource => "not a source; extract was wrong",
        }
    }

    /// What the verdict does to the findings of what it judged.
    pub fn effect(self) -> VerdictEffect {
        match self {
            Verdict::Verified | Verdict::Supported => VerdictEffect::Resolve,
            Verdict::AcceptedUnverifiable => VerdictEffect::Downgrade,
            Verdict::NeedsSource | Verdict::Disputed | Verdict::False => VerdictEffect::Raise,
            Verdict::NotAClaim | Verdict::NotASource => VerdictEffect::Reject,
        }
    }

    /// Does the verdict say extract was wrong to find the item at all?
    pub fn rejects(self) -> bool {
        self.effect() == VerdictEffect::Reject
    }

    /// May the verdict judge a claim (`true`) or a source entry (`false`)?
    pub fn applies_to(self, claim: bool) -> bool {
        match self {
            Verdict::NotAClaim => claim,
            Verdict::NotASource => !claim,
            _ => true,
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a verdict changes the findings of what it judged.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictEffect {
    /// The findings are closed; they stay visible in the report as resolved.
    Resolve,
    /// The findings stay open as notes.
    Downgrade,
    /// The findings stay open as errors (`needs-source`), or a `disputed` / `refuted`
    /// finding is added.
    Raise,
    /// The item is not what extract took it for: its findings are closed, and the report
    /// lists it as rejected.
    Reject,
}

/// An editor's review of a claim or a source entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Review {
    /// What the editor decided.
    pub verdict: Verdict,
    /// Who gave the verdict.
    pub by: String,
    /// ISO 8601 date (`2025-04-21`) the verdict was given.
    pub date: String,
    /// The editor's reason for the verdict, in their own words (`dossier review --note`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Evidence: the source entry id the verdict rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Evidence: a URL the verdict rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Evidence: the words of the source that bear on the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// What was judged: the [`text_fingerprint`] of the claim's words, or the source entry's
    /// [`fingerprint`](crate::model::SourceEntry::fingerprint), when the verdict was given.
    /// When it no longer matches, the review is stale and not applied.
    pub judged: String,
}

impl Review {
    /// A review with no note or evidence; `judged` is filled in when it is recorded.
    pub fn new(verdict: Verdict, by: &str, date: &str) -> Review {
        Review {
            verdict,
            by: by.to_string(),
            date: date.to_string(),
            note: None,
            source: None,
            url: None,
            quote: None,
            judged: String::new(),
        }
    }
}

/// `sha256:<hex>` of a claim's words with runs of white space made one space, so that
/// re-wrapping a paragraph does not make a review stale but changing a word does.
pub fn text_fingerprint(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    crate::util::fingerprint(words.join(" ").as_bytes())
}

/// What an editor decided about a claim's link to a source.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum LinkAction {
    /// The source is a source of the claim (a `manual` link, counted as confirmed).
    Confirm,
    /// The source is not a source of the claim: a suggestion is no longer made, and an
    /// explicit or venue link through the article's citation no longer counts.
    Reject,
}

/// An editor's decision about one claim–source pair (`dossier link` / `dossier unlink`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LinkDecision {
    /// The source entry id (`sources/<id>.yaml`).
    pub source: String,
    /// Whether the editor confirmed the source for the claim or rejected it.
    pub action: LinkAction,
    /// Who decided.
    pub by: String,
    /// ISO 8601 date of the decision.
    pub date: String,
    /// Why, in the editor's words (`--note`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// The proleptic Gregorian date of a day number counted from 1970-01-01.
pub fn civil_date(days: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Is `s` an ISO 8601 calendar date (`YYYY-MM-DD`) that exists in the Gregorian calendar
/// (`2024-02-29`, not `2025-02-31`)? Checked by the `time` crate.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u16>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let (Ok(m), Ok(d)) = (u8::try_from(m), u8::try_from(d)) else {
        return false;
    };
    time::Month::try_from(m)
        .and_then(|m| time::Date::from_calendar_date(i32::from(y), m, d))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(19_723), "2024-01-01");
        assert_eq!(civil_date(19_782), "2024-02-29");
        assert!(is_iso_date("2025-04-21"));
        assert!(!is_iso_date("2025-13-01") && !is_iso_date("21.4.2025"));
        // Days that do not exist, and signs or spaces where digits belong.
        for bad in [
            "2025-02-29",
            "2025-02-31",
            "2024-04-31",
            "2024-00-10",
            "2024-01-00",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
        for bad in ["+024-01-01", "2024-+1-01", "2024-01- 1", "２０２４-01-01"] {
            assert!(!is_iso_date(bad), "{bad}");
        }
        assert!(is_iso_date("2024-02-29") && is_iso_date("2000-02-29"));
        assert!(!is_iso_date("1900-02-29"));
    }

    #[test]
    fn fingerprints_ignore_wrapping_but_not_words() {
        let a = text_fingerprint("Prices rose\n  by 5%.");
        assert_eq!(a, text_fingerprint("Prices rose by 5%."));
        assert_ne!(a, text_fingerprint("Prices rose by 6%."));
    }

    #[test]
    fn verdict_names_round_trip() {
        for v in Verdict::ALL {
            assert_eq!(Verdict::from_name(v.as_str()), Some(*v));
        }
    }
}
