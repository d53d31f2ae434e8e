//! `dossier link` and `dossier unlink`: confirm or reject a claim's source by hand.

use super::diagnostics::Problem;
use super::review::{lock_wait, reviewer};
use super::{Context, Exit};
use dossier::model::review::today;
use dossier::review::{Change, Desk, ReviewError};

#[derive(Debug, clap::Args)]
pub struct LinkArgs {
    /// The claim: `ID`, or `ARTICLE/ID` when the id is in several claim files.
    claim: String,
    /// The source entry id (the file name in sources/ without .yaml).
    source: String,
    /// Why (kept with the decision).
    #[arg(long)]
    note: Option<String>,
    /// Who decides (default: $DOSSIER_REVIEWER, else git's user.name, else $USER).
    #[arg(long, value_name = "NAME")]
    by: Option<String>,
    /// The date of the decision, YYYY-MM-DD, a day that exists (default: today, UTC).
    #[arg(long, value_parser = super::date_arg)]
    date: Option<String>,
}

/// `confirm`: `dossier link`; otherwise `dossier unlink`.
pub fn run(ctx: &Context, args: LinkArgs, confirm: bool) -> Result<Exit, Problem> {
    let dossier = ctx.dossier()?;
    let mut desk = Desk::new(dossier);
    desk.cache = ctx.cache;
    desk.wait = lock_wait();
    let claim = desk.resolve_claim(&args.claim)?;
    let Some(by) = reviewer(&desk.dossier, args.by.as_deref()) else {
        return Err(ReviewError::NoReviewer.into());
    };
    let date = args.date.unwrap_or_else(today);
    let result = if confirm {
        desk.link(&claim, &args.source, &by, &date, args.note.as_deref())
    } else {
        desk.unlink(&claim, &args.source, &by, &date, args.note.as_deref())
    };
    match result {
        Ok(change) => {
            if !ctx.quiet {
                let what = if confirm {
                    "confirmed as a source of"
                } else {
                    "rejected as a source of"
                };
                let already = if change == Change::Unchanged {
                    " (already recorded)"
                } else {
                    ""
                };
                let line = format!("{} {what} {claim}{already}", args.source);
                eprintln!("{}", dossier::report::terminal_safe(&line));
            }
            Ok(Exit::Ok)
        }
        Err(e) => Err(e.into()),
    }
}
