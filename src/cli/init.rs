//! `dossier init`.

use super::diagnostics::Problem;
use super::{Context, Exit};
use dossier::store::scaffold;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Where to create the dossier (created if missing); default: --root, else the working
    /// directory.
    dir: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: InitArgs) -> Result<Exit, Problem> {
    let dir = args
        .dir
        .or_else(|| ctx.root.clone())
        .unwrap_or_else(|| PathBuf::from("."));
    match scaffold::init(&dir) {
        Ok(done) => {
            if !ctx.quiet {
                eprintln!(
                    "created a dossier in {}: {}",
                    done.root.display(),
                    done.created.join(", ")
                );
                eprintln!("next: `dossier add ARTICLE.txt` (or a URL) copies an article in and extracts it");
            }
            Ok(Exit::Ok)
        }
        Err(e) => Err(e.into()),
    }
}
