//! The terminal: raw mode and the alternate screen for the session's length (restored on every
//! way out, panics included), keys from crossterm, and painting a [`Screen`].

use super::draw::{render, Screen, Style};
use super::model::Backend;
use super::state::{App, Key};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::style::{Attribute, Color, Print, ResetColor, SetAttribute, SetForegroundColor};
use crossterm::{cursor, execute, queue, terminal};
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// Restores the terminal when dropped.
struct Guard;

fn restore() {
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        ResetColor,
        SetAttribute(Attribute::Reset),
        cursor::Show,
        terminal::LeaveAlternateScreen
    );
    let _ = terminal::disable_raw_mode();
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

impl Guard {
    fn enter() -> std::io::Result<Guard> {
        terminal::enable_raw_mode()?;
        // From here on the guard restores the terminal, whatever happens next.
        let guard = Guard;
        // A panic prints its message on the restored terminal, not inside the alternate screen.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        execute!(
            std::io::stdout(),
            terminal::EnterAlternateScreen,
            cursor::Hide,
            terminal::Clear(terminal::ClearType::All)
        )?;
        Ok(guard)
    }
}

/// Whether to use colour and attributes: not when `NO_COLOR` is set (to anything).
pub fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn key_of(ev: KeyEvent) -> Option<Key> {
    if ev.kind != KeyEventKind::Press && ev.kind != KeyEventKind::Repeat {
        return None;
    }
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    Some(match ev.code {
        KeyCode::Char('c') | KeyCode::Char('d') if ctrl => Key::Interrupt,
        KeyCode::Char('u') if ctrl => Key::ClearLine,
        KeyCode::Char('a') if ctrl => Key::Home,
        KeyCode::Char('e') if ctrl => Key::End,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Tab => Key::Tab,
        _ => return None,
    })
}

fn paint(out: &mut impl Write, screen: &Screen, width: u16, colour: bool) -> std::io::Result<()> {
    queue!(out, cursor::Hide)?;
    for (row, line) in screen.lines.iter().enumerate() {
        let used: usize = line.iter().map(|s| s.text.width()).sum();
        queue!(out, cursor::MoveTo(0, row as u16))?;
        for s in line {
            if colour {
                match s.style {
                    Style::Plain => {}
                    Style::Title | Style::Selected => {
                        queue!(out, SetAttribute(Attribute::Reverse))?
                    }
                    Style::Heading | Style::Key => queue!(out, SetAttribute(Attribute::Bold))?,
                    Style::Focus => queue!(
                        out,
                        SetAttribute(Attribute::Bold),
                        SetAttribute(Attribute::Underlined),
                        SetForegroundColor(Color::Yellow)
                    )?,
                    Style::Dim => queue!(out, SetForegroundColor(Color::DarkGrey))?,
                    Style::Error | Style::Problem => queue!(
                        out,
                        SetForegroundColor(Color::Red),
                        SetAttribute(Attribute::Bold)
                    )?,
                    Style::Warning => queue!(out, SetForegroundColor(Color::Yellow))?,
                    Style::Note => queue!(out, SetForegroundColor(Color::Cyan))?,
                    Style::Saved => queue!(out, SetForegroundColor(Color::Green))?,
                }
            }
            queue!(out, Print(&s.text))?;
            if colour && s.style != Style::Plain {
                queue!(out, SetAttribute(Attribute::Reset), ResetColor)?;
            }
        }
        // After the last column the cursor waits to wrap, and clearing from there would erase
        // the last character: clear only lines that stop short of the edge.
        if used < usize::from(width) {
            queue!(out, terminal::Clear(terminal::ClearType::UntilNewLine))?;
        }
    }
    if let Some((col, row)) = screen.cursor {
        queue!(out, cursor::MoveTo(col, row), cursor::Show)?;
    }
    out.flush()
}

/// Set when the process is asked to end (SIGTERM, SIGHUP): the loop then leaves normally, so
/// the terminal is restored rather than left in raw mode.
///
/// When the terminal itself is gone (the window closed, the SSH connection dropped), the
/// terminal library can spin reading an input that has ended and never return to the loop;
/// a watchdog then restores what it can and ends the process a moment later. Every decision
/// is already saved by then (atomically, so a write it interrupts leaves the old file).
fn ending_flag() -> std::sync::Arc<std::sync::atomic::AtomicBool> {
    let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    #[cfg(unix)]
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        // Without the handler the default action still ends the process; nothing is lost but
        // the terminal's mode.
        let _ = signal_hook::flag::register(sig, std::sync::Arc::clone(&flag));
    }
    let watched = std::sync::Arc::clone(&flag);
    std::thread::spawn(move || {
        while !watched.load(std::sync::atomic::Ordering::Relaxed) {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        // The loop notices the flag within 200 ms and ends the process itself.
        std::thread::sleep(std::time::Duration::from_secs(2));
        restore();
        std::process::exit(2);
    });
    flag
}

/// Run the session until the editor quits. Every decision has been saved through `backend`
/// by the time this returns.
pub fn run(app: &mut App, backend: &mut dyn Backend) -> std::io::Result<()> {
    let colour = colour_wanted();
    let ending = ending_flag();
    let _guard = Guard::enter()?;
    let mut out = std::io::BufWriter::new(std::io::stdout());
    // Start listening (for keys and for SIGWINCH) before the first paint, so that a resize
    // right after it is not missed.
    crossterm::event::poll(std::time::Duration::ZERO)?;
    let mut size = terminal::size()?;
    while !app.done {
        // Asked afresh each time: a lost resize signal is made good by the next key.
        let now = terminal::size().unwrap_or(size);
        if now != size {
            size = now;
            queue!(out, terminal::Clear(terminal::ClearType::All))?;
        }
        paint(
            &mut out,
            &render(app, size.0, size.1, colour),
            size.0,
            colour,
        )?;
        // Wait for input in short slices, to notice a request to end.
        while !crossterm::event::poll(std::time::Duration::from_millis(200))? {
            if ending.load(std::sync::atomic::Ordering::Relaxed) {
                return Ok(());
            }
        }
        match crossterm::event::read()? {
            Event::Key(k) => {
                if let Some(key) = key_of(k) {
                    app.handle(key, backend);
                }
            }
            // The size is read again at the top of the loop; the whole screen is redrawn.
            Event::Resize(..) => {}
            _ => {}
        }
    }
    Ok(())
}
