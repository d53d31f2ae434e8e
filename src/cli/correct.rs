//! `dossier correct`: an editor's value for an extracted field, kept by every later extract.

use super::diagnostics::{emit, FileProblem, Problem};
use super::review::{lock_wait, reviewer};
use super::{Context, Exit};
use dossier::model::review::today;
use dossier::report::terminal_safe as safe;
use dossier::review::correct::Edit;
use dossier::review::{Desk, ReviewError};

#[derive(Debug, clap::Args)]
pub struct CorrectArgs {
    /// The claim (`ID`, or `ARTICLE/ID`) or reference (`ARTICLE/REF-ID`, e.g.
    /// `port-strike/ref-1`) to correct.
    target: String,
    /// A claim's speaker.
    #[arg(long)]
    speaker: Option<String>,
    /// A claim's speaker's role.
    #[arg(long)]
    role: Option<String>,
    /// A claim's attribution words ("said", "noted in a statement").
    #[arg(long)]
    cue: Option<String>,
    /// Where a claim's words were published.
    #[arg(long)]
    venue: Option<String>,
    /// A claim's kind: quote, reported or assertion.
    #[arg(long)]
    kind: Option<String>,
    /// A reference's outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// A reference's year.
    #[arg(long)]
    year: Option<String>,
    /// A reference's title.
    #[arg(long)]
    title: Option<String>,
    /// A reference's URL.
    #[arg(long)]
    url: Option<String>,
    /// Drop the correction of FIELD: the field goes back to what extract found.
    #[arg(long, value_name = "FIELD")]
    drop: Vec<String>,
    /// Keep the item's corrections for its current words (after `stale-correction`).
    #[arg(long)]
    confirm: bool,
    /// Who corrects (default: $DOSSIER_REVIEWER, else git's user.name, else $USER).
    #[arg(long, value_name = "NAME")]
    by: Option<String>,
    /// The date of the correction, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_parser = super::date_arg)]
    date: Option<String>,
}

impl CorrectArgs {
    fn edits(&self) -> Vec<Edit> {
        let fields = [
            ("speaker", &self.speaker),
            ("role", &self.role),
            ("cue", &self.cue),
            ("venue", &self.venue),
            ("kind", &self.kind),
            ("outlet", &self.outlet),
            ("year", &self.year),
            ("title", &self.title),
            ("url", &self.url),
        ];
        let mut out: Vec<Edit> = fields
            .into_iter()
            .filter_map(|(f, v)| {
                v.as_ref().map(|v| Edit::Set {
                    field: f.to_string(),
                    value: v.clone(),
                })
            })
            .collect();
        out.extend(self.drop.iter().map(|f| Edit::Drop { field: f.clone() }));
        if self.confirm {
            out.push(Edit::Confirm);
        }
        out
    }
}

pub fn run(ctx: &Context, args: CorrectArgs) -> Result<Exit, Problem> {
    let dossier = ctx.dossier()?;
    let edits = args.edits();
    if edits.is_empty() {
        emit(FileProblem::new(
            format!("nothing to correct on {}", args.target),
            "give a field and its value, e.g. `dossier correct ID --speaker \"Bob Ward\"`, or --drop FIELD, or --confirm",
        ));
        return Ok(Exit::Error);
    }
    let Some(by) = reviewer(&dossier, args.by.as_deref()) else {
        return Err(ReviewError::NoReviewer.into());
    };
    let date = args.date.clone().unwrap_or_else(today);
    let mut desk = Desk::new(dossier);
    desk.cache = ctx.cache;
    desk.wait = lock_wait();
    let target = desk.resolve_correct_target(&args.target)?;
    match desk.correct(&target, &edits, &by, &date) {
        Ok(list) => {
            if !ctx.quiet {
                for c in &list {
                    let line = format!(
                        "{target}: {} = {} (extract found {}; {}, {})",
                        c.field,
                        c.value.as_deref().unwrap_or("null"),
                        c.extracted.as_deref().unwrap_or("null"),
                        c.by,
                        c.date
                    );
                    eprintln!("{}", safe(&line));
                }
                if list.is_empty() {
                    eprintln!("{}", safe(&format!("{target}: no corrections left")));
                }
            }
            Ok(Exit::Ok)
        }
        Err(e) => Err(e.into()),
    }
}
