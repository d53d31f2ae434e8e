//! `dossier review` without a claim: the interactive review in the terminal.
//!
//! The parts, each testable alone: [`context`] finds the passage around a claim, [`model`] is
//! what is shown and decided, [`state`] turns keys into decisions, [`draw`] turns the state
//! into lines (a pure function), [`term`] paints them and reads keys, [`desk`] builds the
//! queue and records decisions through the library's [`dossier::review::Desk`], and [`deck`]
//! deals the cards one at a time, from the queue made now or the one remembered.

mod context;
mod deck;
mod desk;
mod draw;
mod model;
mod state;
mod term;

use super::diagnostics::{emit, FileProblem, Problem};
use super::{Context, Exit};
use dossier::review::{Desk, ReviewError};
use dossier::store::Dossier;
use std::io::IsTerminal;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// What to tell someone who ran the interactive review without a terminal.
pub const NOT_A_TTY_HELP: &str = "review one claim with `dossier review CLAIM --verdict VERDICT \
     [--note TEXT] [--source ID]`, or list the queue with `dossier review --list [--format json]`";

/// Run the interactive review of `dossier`, deciding as `by` (already resolved) on `date`.
pub fn run(
    ctx: &Context,
    dossier: Dossier,
    by: Option<String>,
    date: String,
) -> Result<Exit, Problem> {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        emit(FileProblem::new(
            "the interactive review needs a terminal: stdin and stdout must both be a TTY",
            NOT_A_TTY_HELP,
        ));
        return Ok(Exit::Error);
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        emit(FileProblem::new(
            "the interactive review needs a terminal that can move the cursor (TERM is `dumb`)",
            NOT_A_TTY_HELP,
        ));
        return Ok(Exit::Error);
    }
    if !dossier::model::review::is_iso_date(&date) {
        return Err(ReviewError::InvalidDate { given: date }.into());
    }
    let Some(by) = by else {
        return Err(ReviewError::NoReviewer.into());
    };
    let Some(config) = super::diagnostics::load_config(&dossier) else {
        return Ok(Exit::Error);
    };
    let desk = Desk {
        cache: ctx.cache,
        ..Desk::new(dossier)
    };
    let decided = Arc::new(AtomicBool::new(false));
    let (queue, remembering) = desk::open(&desk, &config, &decided);
    if queue.deck.len() == 0 {
        // An empty queue is remembered too: the next review says so at once.
        if let Some(thread) = remembering {
            let _ = thread.join();
        }
        if !ctx.quiet {
            eprintln!("nothing to review: no claim or source has open findings without a verdict");
        }
        return Ok(Exit::Ok);
    }
    let mut backend = desk::DeskBackend {
        desk,
        by,
        date,
        decided,
    };
    let mut app = state::App::new(queue);
    let outcome = term::run(&mut app, &mut backend);
    let decided = app
        .outcomes
        .iter()
        .filter(|o| o.iter().any(|x| x != "skipped"))
        .count();
    let total = app.queue.deck.len();
    // The process ends next: freeing every card (half a million on a large dossier) one by
    // one would only keep the editor waiting. The cards are plain data, holding no lock.
    std::mem::forget(app);
    // The queue made now is remembered for the next review (unless a decision changed the
    // files: the thread stops early then).
    if let Some(thread) = remembering {
        let _ = thread.join();
    }
    match outcome {
        Ok(()) => {
            if !ctx.quiet {
                eprintln!("review: {decided} of {total} item(s) decided; every decision is saved");
            }
            Ok(Exit::Ok)
        }
        Err(e) => {
            emit(FileProblem::new(
                format!("the terminal failed: {e}"),
                format!(
                    "{decided} decision(s) were saved before it failed; run `dossier review` again, or {NOT_A_TTY_HELP}"
                ),
            ));
            Ok(Exit::Error)
        }
    }
}
