//! The `dossier` command line. All the work happens in the library; this file only hands the
//! arguments to [`cli::run`] and turns the outcome into an exit code.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run().into()
}
