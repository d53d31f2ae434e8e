//! `dossier.toml`: the failure level and per-rule severities. Unknown keys are refused.

use super::rule::{Rule, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The largest `dossier.toml` read (1 MiB: a few dozen lines in practice).
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The lowest severity that makes `check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Fail when an error is open.
    #[default]
    Error,
    /// Fail when an error or a warning is open.
    Warning,
    /// Never fail because of findings.
    Never,
}

impl FailOn {
    /// Does an open finding of severity `s` make `check` fail (exit 1) at this level?
    pub fn fails(self, s: Severity) -> bool {
        match self {
            FailOn::Error => s >= Severity::Error,
            FailOn::Warning => s >= Severity::Warning,
            FailOn::Never => false,
        }
    }
}

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The rule's findings are errors.
    Error,
    /// The rule's findings are warnings.
    Warning,
    /// The rule's findings are notes.
    Note,
    /// The rule is turned off: it makes no findings.
    Off,
}

/// The contents of `dossier.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// `fail-on`: the lowest severity that makes `check` exit 1; `None` when the file does
    /// not say. `--fail-on` overrides it, and without either it is `error`.
    #[serde(default)]
    pub fail_on: Option<FailOn>,
    /// `[rules]`: the level of each rule whose default severity is not wanted, by rule code
    /// (`uncited-claim = "off"`); every code is a known rule once parsed.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// Findings an editor chose not to see, each with the reason the report shows.
    #[serde(default)]
    pub suppress: Vec<Suppression>,
    /// The publishing organisation, for `report --format claimreview`.
    #[serde(default)]
    pub publisher: Option<Publisher>,
}

/// `[publisher]`: who publishes the dossier's fact-checks (the ClaimReview `author`).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Publisher {
    /// The organisation's name.
    pub name: String,
    /// The organisation's home page.
    #[serde(default)]
    pub url: Option<String>,
    /// The address of a claim's review, with `{article}` (the claim file's name) and
    /// `{claim}` (the claim's id) filled in: `https://example.org/checks/{article}#{claim}`.
    #[serde(default)]
    pub review_url: Option<String>,
}

/// One `[[suppress]]` entry: the findings it matches leave the open list and are listed as
/// suppressed, with its reason. Every selector given must match; at least one of `rule`,
/// `claim`, `source` and `fingerprint` must be given.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Suppression {
    /// A rule code (`uncited-claim`).
    pub rule: Option<String>,
    /// Globs over the paths a finding points at (its file, or the article passage it
    /// concerns), relative to the dossier root: `*` within a folder, `**` across folders,
    /// `?` one character (`articles/opinion/**`).
    #[serde(default)]
    pub articles: Vec<String>,
    /// The claim concerned, by id.
    pub claim: Option<String>,
    /// The source entry concerned, by id.
    pub source: Option<String>,
    /// One finding, by the fingerprint SARIF gives it (`partialFingerprints`), stable when
    /// lines move.
    pub fingerprint: Option<String>,
    /// Why: required, shown in the report.
    #[serde(default)]
    pub reason: String,
}

impl Suppression {
    /// Does this entry match `f`? `globs` are its compiled `articles`.
    pub fn matches(&self, f: &super::Finding, globs: &[regex::Regex]) -> bool {
        self.rule.as_deref().is_none_or(|r| r == f.rule.code())
            && self
                .claim
                .as_deref()
                .is_none_or(|c| f.claim.as_deref() == Some(c))
            && self
                .source
                .as_deref()
                .is_none_or(|s| f.source.as_deref() == Some(s))
            && self
                .fingerprint
                .as_deref()
                .is_none_or(|p| p.eq_ignore_ascii_case(&f.fingerprint()))
            && (globs.is_empty()
                || globs.iter().any(|g| {
                    g.is_match(&f.file) || f.related.as_ref().is_some_and(|r| g.is_match(&r.file))
                }))
    }
}

/// A glob as a regular expression over a whole `/`-separated path.
pub fn glob(pattern: &str) -> Result<regex::Regex, regex::Error> {
    let mut re = String::from("^");
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                // `**/` also matches no folder at all.
                if chars.peek() == Some(&'/') {
                    chars.next();
                    re.push_str("(?:.*/)?");
                } else {
                    re.push_str(".*");
                }
            }
            '*' => re.push_str("[^/]*"),
            '?' => re.push_str("[^/]"),
            c => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    regex::Regex::new(&re)
}

/// Why the configuration could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ConfigError {
    /// The configuration file as messages name it (`dossier.toml`).
    pub file: String,
    /// 1-based line of the offending text (1 when the file could not be read at all).
    pub line: usize,
    /// 1-based column, in characters, of the offending text.
    pub column: usize,
    /// What is wrong, with the fix when dossier knows it (a near rule code for a misspelt
    /// one).
    pub message: String,
    /// Byte range of the offending text.
    pub span: (usize, usize),
}

impl Config {
    /// Parse `dossier.toml` text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Config, ConfigError> {
        let err = |span: Option<std::ops::Range<usize>>, message: String| {
            let span = span.unwrap_or(0..0);
            let (line, column) = crate::article::line_col(text, span.start);
            ConfigError {
                file: file.to_string(),
                line,
                column,
                message,
                span: (span.start, span.end),
            }
        };
        let config: Config =
            toml::from_str(text).map_err(|e| err(e.span(), e.message().to_string()))?;
        for (k, entry) in config.suppress.iter().enumerate() {
            // The entry's place: its `reason`, else its k-th `[[suppress]]` header.
            let at = text
                .match_indices("[[suppress]]")
                .nth(k)
                .map(|(a, h)| a..a + h.len());
            if entry.reason.trim().is_empty() {
                return Err(err(
                    at,
                    "this [[suppress]] entry gives no `reason`: say why these findings may be ignored (the report shows it)".into(),
                ));
            }
            if entry.rule.is_none()
                && entry.claim.is_none()
                && entry.source.is_none()
                && entry.fingerprint.is_none()
            {
                return Err(err(
                    at,
                    "this [[suppress]] entry selects nothing: give a `rule`, `claim`, `source` or `fingerprint` (with `articles` to narrow it)".into(),
                ));
            }
            if let Some(rule) = &entry.rule {
                if Rule::from_code(rule).is_none() {
                    let near = crate::suggest::suggest(
                        rule,
                        Rule::ALL.iter().map(|r| r.code().to_string()),
                    );
                    let hint = match near.first() {
                        Some(n) => format!("; did you mean `{n}`?"),
                        None => " (`dossier explain` lists the rules)".into(),
                    };
                    let span = text
                        .find(&format!("\"{rule}\""))
                        .map(|a| a..a + rule.len() + 2);
                    return Err(err(
                        span,
                        format!("unknown rule `{rule}` in [[suppress]]{hint}"),
                    ));
                }
            }
            for g in &entry.articles {
                if let Err(e) = glob(g) {
                    let span = text.find(g.as_str()).map(|a| a..a + g.len());
                    return Err(err(span, format!("`{g}` is not a usable glob: {e}")));
                }
            }
        }
        for key in config.rules.keys() {
            if Rule::from_code(key).is_none() {
                let at = text.find(key.as_str());
                let known = Rule::ALL
                    .iter()
                    .map(|r| r.code())
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(err(
                    at.map(|a| a..a + key.len()),
                    format!("unknown rule `{key}` (rules: {known})"),
                ));
            }
        }
        Ok(config)
    }

    /// Read `dossier.toml` at the dossier root, if there is one. A problem reading it (not a
    /// regular file, too large, not UTF-8) is reported at 1:1, or where the UTF-8 breaks.
    pub fn load(root: &Path) -> Result<Config, ConfigError> {
        let path = root.join("dossier.toml");
        // The bounded reader: a FIFO or a huge file named dossier.toml is refused, never a hang.
        match crate::util::fs::read_text_limited(&path, MAX_CONFIG_BYTES) {
            Ok(text) => Config::parse("dossier.toml", &text),
            Err(crate::util::fs::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(Config::default())
            }
            Err(e) => Err(ConfigError {
                file: "dossier.toml".into(),
                line: 1,
                column: 1,
                message: format!("cannot read: {e}"),
                span: (0, 0),
            }),
        }
    }

    /// The severity of a rule, or `None` when it is turned off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        match self.rules.get(rule.code()) {
            None => Some(rule.default_severity()),
            Some(Level::Error) => Some(Severity::Error),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Note) => Some(Severity::Note),
            Some(Level::Off) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_levels_and_refuses_unknown_keys() {
        let c = Config::parse(
            "dossier.toml",
            "fail-on = \"warning\"\n[rules]\nuncited-claim = \"off\"\n",
        )
        .unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.severity(Rule::UncitedClaim), None);
        assert_eq!(c.severity(Rule::MissingSource), Some(Severity::Error));
        let e = Config::parse("dossier.toml", "fail_on = \"error\"\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = Config::parse("dossier.toml", "[rules]\nno-such-rule = \"error\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("unknown rule"));
        assert!(Config::parse("dossier.toml", "fail-on = \"sometimes\"\n").is_err());
    }

    #[test]
    fn suppressions_need_a_reason_a_selector_and_a_known_rule() {
        let ok = Config::parse(
            "dossier.toml",
            "[[suppress]]\nrule = \"uncited-claim\"\narticles = [\"articles/opinion/**\"]\nreason = \"columns argue, they do not report\"\n",
        )
        .unwrap();
        assert_eq!(ok.suppress.len(), 1);
        let e =
            Config::parse("dossier.toml", "[[suppress]]\nrule = \"uncited-claim\"\n").unwrap_err();
        assert!(e.message.contains("no `reason`"), "{}", e.message);
        assert_eq!(e.line, 1);
        let e = Config::parse("dossier.toml", "[[suppress]]\nreason = \"x\"\n").unwrap_err();
        assert!(e.message.contains("selects nothing"), "{}", e.message);
        let e = Config::parse(
            "dossier.toml",
            "[[suppress]]\nrule = \"uncited-claims\"\nreason = \"x\"\n",
        )
        .unwrap_err();
        assert!(
            e.message.contains("did you mean `uncited-claim`"),
            "{}",
            e.message
        );
        assert_eq!((e.line, e.column), (2, 8));
        assert!(Config::parse(
            "dossier.toml",
            "[[suppress]]\nrule = \"uncited-claim\"\nreason = \"x\"\nwhy = \"y\"\n"
        )
        .is_err());
    }

    #[test]
    fn globs_match_whole_paths_by_folder() {
        let g = glob("articles/opinion/*.md").unwrap();
        assert!(g.is_match("articles/opinion/a.md"));
        assert!(
            !g.is_match("articles/opinion/2024/a.md"),
            "* stays in its folder"
        );
        assert!(!g.is_match("xarticles/opinion/a.md"), "anchored");
        let g = glob("articles/**/a?.md").unwrap();
        assert!(g.is_match("articles/a1.md"), "**/ may be no folder");
        assert!(g.is_match("articles/x/y/ab.md"));
        assert!(!g.is_match("articles/x/abc.md"));
        assert!(
            glob("articles/[x].md").unwrap().is_match("articles/[x].md"),
            "literal brackets"
        );
    }
}
