//! `dossier factchecks`: import published fact-checks (ClaimReview JSON-LD), and confirm or
//! reject the matches `check` suggests.

use super::diagnostics::{emit, FileProblem, Problem};
use super::{Context, Exit};
use dossier::factchecks::{parse_claim_reviews, FactCheckStore, MatchDecision};
use dossier::model::review::{today, LinkAction};

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct FactchecksArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Store the ClaimReview objects of FILE (one object, an array, or JSON Lines) in
    /// factchecks/factchecks.yaml; re-importing the same fact-checks changes nothing.
    Import { file: PathBuf },
    /// Confirm that a claim says what the fact-check at URL reviewed.
    Confirm { claim: String, url: String },
    /// Reject a suggested match: `check` no longer reports it.
    Reject { claim: String, url: String },
}

pub fn run(ctx: &Context, args: FactchecksArgs) -> Result<Exit, Problem> {
    let dossier = ctx.dossier()?;
    // One writer at a time: the store is read, changed and written back.
    let _lock =
        dossier::store::lock::DossierLock::acquire(&dossier.root, super::review::lock_wait())?;
    let (mut store, _) = FactCheckStore::load(&dossier.root)?;
    let said = match args.action {
        Action::Import { file } => {
            let name = file.display().to_string();
            let text = match dossier::util::fs::read_text_limited(&file, 256 << 20) {
                Ok(t) => t,
                Err(e) => {
                    emit(FileProblem::new(
                        format!("{name}: cannot be read: {e}"),
                        "give the path of a readable JSON or JSON Lines file",
                    ));
                    return Ok(Exit::Error);
                }
            };
            let found = parse_claim_reviews(&name, &text)?;
            let n = store.merge(found);
            format!(
                "factchecks: {} added, {} updated, {} unchanged",
                n.added, n.updated, n.unchanged
            )
        }
        Action::Confirm { claim, url } => {
            match decide(&dossier, &mut store, &claim, &url, LinkAction::Confirm) {
                Some(s) => s,
                None => return Ok(Exit::Error),
            }
        }
        Action::Reject { claim, url } => {
            match decide(&dossier, &mut store, &claim, &url, LinkAction::Reject) {
                Some(s) => s,
                None => return Ok(Exit::Error),
            }
        }
    };
    store.save(&dossier.root)?;
    if !ctx.quiet {
        eprintln!("{}", dossier::report::terminal_safe(&said));
    }
    Ok(Exit::Ok)
}

/// Record an editor's decision on the match of `claim` with the fact-check(s) at `url`.
fn decide(
    dossier: &dossier::store::Dossier,
    store: &mut FactCheckStore,
    claim: &str,
    url: &str,
    action: LinkAction,
) -> Option<String> {
    // A typo would record a decision that matches nothing: the claim must exist, named as
    // for `review` (ID, or ARTICLE/ID), and the decision is kept under its id.
    let desk = dossier::review::Desk::new(dossier.clone());
    let found = match desk.resolve_claim(claim) {
        Ok(c) => c,
        Err(e) => {
            emit(FileProblem::of(&e));
            return None;
        }
    };
    let claim = found.id.as_str();
    // Who decides: $DOSSIER_REVIEWER, else git's user.name, else $USER, as for verdicts.
    let by = super::review::reviewer(dossier, None);
    let mut n = 0;
    for f in store
        .factchecks
        .iter_mut()
        .filter(|f| f.url.as_deref() == Some(url.trim()))
    {
        if f.decision(claim) != Some(action) {
            f.decisions.push(MatchDecision {
                claim: claim.to_string(),
                action,
                by: by.clone(),
                date: Some(today()),
            });
        }
        n += 1;
    }
    if n == 0 {
        emit(FileProblem::new(
            format!("no stored fact-check has the url {url}"),
            "give the url exactly as `check` shows it (factchecks/factchecks.yaml lists them)",
        ));
        return None;
    }
    let verb = if action == LinkAction::Confirm {
        "confirmed"
    } else {
        "rejected"
    };
    Some(format!("factchecks: {url} {verb} for claim {claim}"))
}
