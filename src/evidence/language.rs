//! Is a quote a translation of its source? A quote in English of an interview given in Russian
//! cannot be found word for word in the interview's text; saying `quote-not-found` would be
//! wrong, and saying nothing would hide that the translation is unchecked.
//!
//! The languages come from an embedded detector (the `whatlang` crate: trigram tables compiled
//! in, nothing downloaded). Detection is unreliable on little text, so a quote is judged
//! translated only when every one of these holds:
//!
//! - the quote has at least [`MIN_QUOTE_LETTERS`] letters and its detection is *reliable*
//!   (whatlang's confidence above 0.9, which short or ambiguous sentences do not reach);
//! - the snapshot's detection (on at most its first [`SAMPLE_BYTES`]) is reliable;
//! - the two languages differ.
//!
//! Anything less keeps the verdict the words gave (`not found`). Only a quote not found at all
//! is ever reconsidered: a verified or altered quote shares its words with the snapshot.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Fewest letters a quote needs before its language is trusted.
pub const MIN_QUOTE_LETTERS: usize = 20;
/// The leading part of a snapshot its language is detected on (the detector is linear in its
/// input; a page's language shows well before this).
pub const SAMPLE_BYTES: usize = 64 * 1024;

/// A language a text was confidently detected to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language(whatlang::Lang);

impl Language {
    /// The ISO 639-3 code (`eng`, `rus`).
    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// The English name (`English`, `Russian`).
    pub fn name(self) -> &'static str {
        self.0.eng_name()
    }
}

/// The English name of an ISO 639-3 code as [`Language::code`] gives it; the code itself when
/// the detector does not know it.
pub fn name_of(code: &str) -> &str {
    whatlang::Lang::from_code(code).map_or(code, |l| l.eng_name())
}

/// The languages of a translated quote and of its source, as ISO 639-3 codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, Deserialize)]
pub struct Languages {
    /// The quote's language (`eng`).
    pub quote: String,
    /// The source snapshot's language (`rus`).
    pub source: String,
}

/// The language of a quote, when it is long enough and the detector is confident.
pub fn of_quote(text: &str) -> Option<Language> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_QUOTE_LETTERS {
        return None;
    }
    confident(text)
}

/// The language of a snapshot's text, detected on its first [`SAMPLE_BYTES`], when the
/// detector is confident.
pub fn of_snapshot(text: &str) -> Option<Language> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    confident(&text[..end])
}

fn confident(text: &str) -> Option<Language> {
    whatlang::detect(text)
        .filter(whatlang::Info::is_reliable)
        .map(|i| Language(i.lang()))
}

/// The quote's and the source's languages when the quote is confidently in another language
/// than its source, `None` otherwise (including whenever either detection is unsure).
pub fn translated(quote: &str, source: Option<Language>) -> Option<Languages> {
    let source = source?;
    let quote = of_quote(quote)?;
    (quote != source).then(|| Languages {
        quote: quote.code().to_string(),
        source: source.code().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Made-up sentences, written for these tests.
    const RU: &str = "Министр сказал журналистам, что порт останется открытым всю зиму, \
        а новые правила для грузовых судов вступят в силу только после обсуждения с городом.";
    const EN: &str = "The port will remain open all winter, and the new rules for cargo ships \
        will take effect only after a discussion with the city.";

    #[test]
    fn a_long_quote_in_another_language_than_its_source_is_translated() {
        let source = of_snapshot(RU);
        assert_eq!(source.map(Language::code), Some("rus"));
        let l = translated(EN, source).unwrap();
        assert_eq!((l.quote.as_str(), l.source.as_str()), ("eng", "rus"));
        assert_eq!(
            (name_of(&l.quote), name_of(&l.source)),
            ("English", "Russian")
        );
    }

    #[test]
    fn same_language_is_never_translated() {
        assert_eq!(translated(EN, of_snapshot(EN)), None);
        assert_eq!(translated(RU, of_snapshot(RU)), None);
    }

    #[test]
    fn short_or_unsure_quotes_are_left_alone() {
        let source = of_snapshot(RU);
        // Too few letters to trust, whatever the detector says.
        assert_eq!(translated("We will win.", source), None);
        assert_eq!(translated("Never.", source), None);
        // Long enough, but a list of names and numbers gives the detector nothing reliable.
        assert_eq!(
            translated("Trump, Putin, Witkoff: 2025, 2026", source),
            None
        );
        // A snapshot the detector is unsure about decides nothing.
        assert_eq!(of_snapshot("OK 12 34"), None);
        assert_eq!(translated(EN, None), None);
    }

    #[test]
    fn the_sample_is_cut_at_a_character_boundary() {
        // Two-byte Cyrillic letters after one ASCII byte: the sample's end falls inside one.
        let long = format!("x{}", "а".repeat(SAMPLE_BYTES));
        assert!(!long.is_char_boundary(SAMPLE_BYTES));
        let _ = of_snapshot(&long);
        assert_eq!(name_of("xyz"), "xyz");
    }
}
