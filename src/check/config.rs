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
    #[default]
    Error,
    Warning,
    Never,
}

impl FailOn {
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
    Error,
    Warning,
    Note,
    Off,
}

/// The contents of `dossier.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub fail_on: Option<FailOn>,
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
}

/// Why the configuration could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub column: usize,
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
        match crate::fsutil::read_text_limited(&path, MAX_CONFIG_BYTES) {
            Ok(text) => Config::parse("dossier.toml", &text),
            Err(crate::fsutil::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
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
}
