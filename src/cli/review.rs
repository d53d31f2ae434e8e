//! `dossier review`: record a verdict on a claim or source entry, or list the review queue.

use super::diagnostics::{emit, FileProblem, Problem};
use super::{Context, Exit};
use dossier::model::review::{today, Review, Verdict};
use dossier::report::terminal_safe as safe;
use dossier::review::{Desk, QueueItem, ReviewError, Target};
use dossier::store::load::Problem as LoadProblem;
use dossier::store::memo::{Memo, Tee};
use dossier::store::Dossier;
use std::io::Write;

/// The verdicts, as the command line spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VerdictArg {
    /// Checked against the source; it holds. Resolves the findings.
    Verified,
    /// The cited or linked source supports it. Resolves the findings.
    Supported,
    /// Cannot be traced; accepted as it stands. Downgrades the findings to notes.
    AcceptedUnverifiable,
    /// A source is needed. Raises the findings to errors.
    NeedsSource,
    /// Doubtful. Adds a `disputed` finding.
    Disputed,
    /// Wrong (for a source: unreliable). Adds a `refuted` finding.
    False,
    /// Not a claim (extract was wrong): closes its findings; the report lists it as rejected.
    NotAClaim,
    /// Not a source (extract was wrong), for a source entry: closes its findings and those of
    /// every claim file about it; the report lists it as rejected.
    NotASource,
}

impl From<VerdictArg> for Verdict {
    fn from(v: VerdictArg) -> Verdict {
        match v {
            VerdictArg::Verified => Verdict::Verified,
            VerdictArg::Supported => Verdict::Supported,
            VerdictArg::AcceptedUnverifiable => Verdict::AcceptedUnverifiable,
            VerdictArg::NeedsSource => Verdict::NeedsSource,
            VerdictArg::Disputed => Verdict::Disputed,
            VerdictArg::False => Verdict::False,
            VerdictArg::NotAClaim => Verdict::NotAClaim,
            VerdictArg::NotASource => Verdict::NotASource,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// The claim (`ID`, or `ARTICLE/ID` when the id is in several claim files) or source
    /// entry id to review.
    target: Option<String>,
    /// The verdict to record.
    #[arg(long, value_enum)]
    verdict: Option<VerdictArg>,
    /// A note: with --verdict, the verdict's note; alone, an editor's note on the target.
    #[arg(long)]
    note: Option<String>,
    /// Evidence: the source entry the verdict rests on.
    #[arg(long, value_name = "ID")]
    source: Option<String>,
    /// Evidence: a URL the verdict rests on (http or https only).
    #[arg(long, value_parser = super::web_url_arg)]
    url: Option<String>,
    /// Evidence: the words of the source that bear on the claim.
    #[arg(long)]
    quote: Option<String>,
    /// Who gives the verdict (default: $DOSSIER_REVIEWER, else git's user.name, else $USER).
    #[arg(long, value_name = "NAME")]
    by: Option<String>,
    /// The date of the verdict, YYYY-MM-DD, a day that exists (default: today, UTC).
    #[arg(long, value_parser = super::date_arg)]
    date: Option<String>,
    /// Remove the target's review.
    #[arg(long, conflicts_with_all = ["verdict", "list"])]
    clear: bool,
    /// List the review queue: claims and sources with open findings and no current review,
    /// most severe first.
    #[arg(long, conflicts_with_all = ["target", "verdict"])]
    list: bool,
    /// Format of --list.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
}

/// Who is deciding: `--by`, else $DOSSIER_REVIEWER, else git's `user.name` in the dossier,
/// else $USER (or $USERNAME).
pub fn reviewer(dossier: &Dossier, by: Option<&str>) -> Option<String> {
    dossier::review::editor_name(&dossier.root, by)
}

/// How long a writer waits for another one's lock: `$DOSSIER_LOCK_WAIT` seconds, else 30.
pub fn lock_wait() -> std::time::Duration {
    std::env::var("DOSSIER_LOCK_WAIT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(dossier::store::lock::DEFAULT_WAIT, |s| {
            std::time::Duration::from_secs_f64(s.min(86_400.0))
        })
}

pub fn run(ctx: &Context, args: ReviewArgs) -> Result<Exit, Problem> {
    let dossier = ctx.dossier()?;
    if args.list {
        return Ok(list(ctx, dossier, args.format));
    }
    let Some(given) = args.target.as_deref() else {
        if args.verdict.is_some()
            || args.clear
            || args.note.is_some()
            || args.source.is_some()
            || args.url.is_some()
            || args.quote.is_some()
        {
            emit(FileProblem::new(
                "name the claim or source entry to review",
                "give its id: `dossier review CLAIM --verdict VERDICT`; `dossier review --list` shows the queue",
            ));
            return Ok(Exit::Error);
        }
        // No target: the interactive review.
        let by = reviewer(&dossier, args.by.as_deref());
        let date = args.date.clone().unwrap_or_else(today);
        return super::review_tui::run(ctx, dossier, by, date);
    };
    let mut desk = Desk::new(dossier);
    desk.cache = ctx.cache;
    desk.wait = lock_wait();
    let target = desk.resolve_target(given)?;
    if args.clear {
        return match desk.clear_review(&target) {
            Ok(old) => {
                if !ctx.quiet {
                    match old {
                        Some(r) => eprintln!(
                            "{}",
                            safe(&format!("{target}: removed the verdict `{}`", r.verdict))
                        ),
                        None => eprintln!("{}", safe(&format!("{target}: had no verdict"))),
                    }
                }
                Ok(Exit::Ok)
            }
            Err(e) => Err(e.into()),
        };
    }
    let Some(verdict) = args.verdict else {
        if let Some(note) = &args.note {
            return match desk.add_note(&target, note) {
                Ok(()) => {
                    if !ctx.quiet {
                        eprintln!("{}", safe(&format!("{target}: note added")));
                    }
                    Ok(Exit::Ok)
                }
                Err(e) => Err(e.into()),
            };
        }
        emit(FileProblem::new(
            format!("no verdict given for {target}"),
            format!(
                "add --verdict with one of: {}",
                Verdict::ALL
                    .iter()
                    .map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
        return Ok(Exit::Error);
    };
    let Some(by) = reviewer(&desk.dossier, args.by.as_deref()) else {
        return Err(ReviewError::NoReviewer.into());
    };
    let date = args.date.clone().unwrap_or_else(today);
    let mut review = Review::new(verdict.into(), &by, &date);
    review.note = args.note;
    review.source = args.source;
    review.url = args.url;
    review.quote = args.quote;
    match desk.set_review(&target, review) {
        Ok(r) => {
            if !ctx.quiet {
                let line = format!("{target}: {} ({}, {})", r.verdict, r.by, r.date);
                eprintln!("{}", safe(&line));
            }
            Ok(Exit::Ok)
        }
        Err(e) => Err(e.into()),
    }
}

/// `review --list`: the review queue, most severe first, on stdout (replayed when nothing
/// changed since the last listing like it); exit 2 when a file could not be read.
fn list(ctx: &Context, dossier: Dossier, format: ListFormat) -> Exit {
    let Some(config) = super::diagnostics::load_config(&dossier) else {
        return Exit::Error;
    };
    // A listing with nothing changed since the last one like it replays that one.
    let memo = Memo::new(
        &ctx.cache(&dossier),
        "review --list",
        &format!("{format:?} quiet={}", ctx.quiet),
    );
    if let Some(exit) = replayed(&memo) {
        return exit;
    }
    let dossier::review::Queue {
        items: queue,
        unread,
        read,
    } = Desk {
        cache: ctx.cache,
        ..Desk::new(dossier)
    }
    .queue(&config);
    report_unread(&unread);
    let mut memo_out = memo.writer().filter(|_| unread.is_empty());
    let mut stdout = std::io::stdout().lock();
    let mut out = Tee {
        out: &mut stdout,
        memo: memo_out.as_mut(),
    };
    let written = match format {
        ListFormat::Json => write_json(&mut out, &queue, &unread, ctx.jobs),
        ListFormat::Human => write_human(&mut out, &queue),
    };
    if written.and_then(|_| out.flush()).is_err() {
        return Exit::Error;
    }
    let mut note = String::new();
    if !ctx.quiet && format == ListFormat::Human {
        note = format!("{} item(s) waiting for review", queue.len());
        eprintln!("{note}");
    }
    if let Some(m) = memo_out {
        m.finish(Exit::Ok as u8, &note, &read);
    }
    if unread.is_empty() {
        Exit::Ok
    } else {
        Exit::Error
    }
}

/// The exit of the remembered listing, replayed (its output and its note), if `memo` has one.
fn replayed(memo: &Memo) -> Option<Exit> {
    let hit = memo.hit()?;
    let exit = Exit::from_code(hit.exit)?;
    let note = hit.note.clone();
    if let Some(failed) = super::replay(hit, None) {
        return Some(failed);
    }
    if !note.is_empty() {
        eprintln!("{note}");
    }
    Some(exit)
}

/// A file that could not be read leaves its claims out: say so, and fail (exit 2), rather
/// than show a queue that looks complete.
fn report_unread(unread: &[LoadProblem]) {
    for p in unread {
        let what = if p.source.is_some() {
            "this source entry is not in the queue"
        } else {
            "none of its claims are in the queue"
        };
        emit(FileProblem::new(
            format!(
                "{}:{}:{}: {}; {what}",
                p.file, p.pos.line, p.pos.column, p.message
            ),
            p.help.map_or(
                "fix the file at the position shown (`dossier check` shows it in place), then list the queue again",
                |h| h.help(),
            ),
        ));
    }
}

/// The queue as one JSON document: `{"version": 1, "queue": [...], "unread": [...]}`, the
/// queue (half a million items on a large dossier) serialised on every core.
fn write_json(
    out: &mut impl Write,
    queue: &[QueueItem],
    unread: &[LoadProblem],
    jobs: usize,
) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Unread<'a> {
        file: &'a str,
        line: usize,
        column: usize,
        message: &'a str,
    }
    let unread: Vec<Unread> = unread
        .iter()
        .map(|p| Unread {
            file: &p.file,
            line: p.pos.line,
            column: p.pos.column,
            message: &p.message,
        })
        .collect();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(b"{\n  \"version\": 1,\n  \"queue\": ")?;
    dossier::report::write_json_items(&mut out, queue, 1, jobs)?;
    // Files left out of the queue because they could not be read.
    out.write_all(b",\n  \"unread\": ")?;
    dossier::report::write_json_items(&mut out, &unread, 1, jobs)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// The queue for people: each item with its findings' rules, its excerpt and any stale
/// verdict.
fn write_human(out: &mut impl Write, queue: &[QueueItem]) -> std::io::Result<()> {
    for q in queue {
        let rules: Vec<String> = q
            .findings
            .iter()
            .map(|f| format!("{} {}", f.severity.as_str(), f.rule.code()))
            .collect();
        let name = match &q.target {
            Target::Claim(c) => c.to_string(),
            Target::Source { id } => format!("source {id}"),
        };
        writeln!(out, "{}  [{}]", safe(&name), rules.join(", "))?;
        if let Some(x) = &q.excerpt {
            writeln!(out, "    {}", safe(&dossier::util::excerpt(x, 100)))?;
        }
        if let Some(r) = &q.stale_review {
            let line = format!(
                "    stale verdict: {} ({}, {}); the words changed since",
                r.verdict, r.by, r.date
            );
            writeln!(out, "{}", safe(&line))?;
        }
    }
    Ok(())
}
