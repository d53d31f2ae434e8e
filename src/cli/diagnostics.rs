//! Errors as the user sees them: miette reports naming the file, the position, what is wrong
//! and how to fix it.

use dossier::report::terminal_safe;
use miette::{Diagnostic, NamedSource, SourceSpan};

/// A problem with one file, optionally pointing at a byte of it.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic()]
pub struct FileProblem {
    message: String,
    #[help]
    help: Option<String>,
    #[source_code]
    src: Option<NamedSource<String>>,
    #[label("here")]
    span: Option<SourceSpan>,
}

impl FileProblem {
    /// Both texts may quote what a user gave or a file holds: they are made terminal-safe.
    pub fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        let safe = |s: String| terminal_safe(&s).into_owned();
        FileProblem {
            message: safe(message.into()),
            help: Some(safe(help.into())),
            src: None,
            span: None,
        }
    }

    /// The problem an error of the library describes: its message, and its advice as the help.
    pub fn of(e: &impl dossier::util::Advice) -> Self {
        FileProblem::new(e.to_string(), e.help())
    }

    /// Point at byte `offset` of a file whose (lossily decoded) text is `text`.
    pub fn at(mut self, name: &str, text: String, offset: usize) -> Self {
        let offset = floor_boundary(&text, offset);
        let (safe, map) = dossier::report::safe::mapped(&text);
        let offset = map.map(offset);
        let safe = safe.into_owned();
        self.src = Some(NamedSource::new(terminal_safe(name), safe));
        self.span = Some(SourceSpan::from((offset, 0)));
        self
    }
}

/// The largest character boundary at or before `pos`.
fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// Print a diagnostic to stderr.
/// What a subcommand passes up with `?` to be shown (boxed: it is rare, and large).
pub type Problem = Box<FileProblem>;

/// Every library error that says how to put it right becomes a diagnostic with its message
/// and that advice, so that a subcommand can pass it up with `?`.
macro_rules! problem_from {
    ($($error:ty),* $(,)?) => {$(
        impl From<$error> for Problem {
            fn from(e: $error) -> Self {
                Box::new(FileProblem::new(e.to_string(), dossier::util::Advice::help(&e)))
            }
        }
    )*};
}

problem_from!(
    dossier::util::url::UrlError,
    dossier::report::audit::FilterError,
    dossier::report::claimreview::ClaimReviewError,
    dossier::review::ReviewError,
    dossier::article::load::LoadError,
    dossier::store::scaffold::ScaffoldError,
    dossier::store::lock::LockError,
    dossier::store::claims::StoreError,
    dossier::store::DossierError,
    dossier::factchecks::store::StoreError,
    dossier::factchecks::parse::ImportError,
);

pub fn emit(problem: impl Diagnostic + Send + Sync + 'static) {
    eprintln!("{:?}", miette::Report::new(problem));
}

/// The dossier's `dossier.toml` settings; when they cannot be read, the problem is shown at its
/// place in the file and the command should stop with [`super::Exit::Error`].
pub fn load_config(dossier: &dossier::store::Dossier) -> Option<dossier::check::Config> {
    match dossier::check::Config::load(&dossier.root) {
        Ok(c) => Some(c),
        Err(e) => {
            let text = dossier::util::fs::read_text_limited(
                &dossier.root.join("dossier.toml"),
                dossier::check::config::MAX_CONFIG_BYTES,
            )
            .unwrap_or_default();
            emit(
                FileProblem::new(
                    e.to_string(),
                    "fix dossier.toml: its keys are `fail-on` and a `[rules]` table of rule = \"error\" | \"warning\" | \"note\" | \"off\"",
                )
                .at("dossier.toml", text, e.span.0),
            );
            None
        }
    }
}
