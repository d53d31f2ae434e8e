//! Exit codes, documented in the README.

/// What the process tells its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done, nothing to report at or above the failure level.
    Ok = 0,
    /// 1: the command ran and found something: findings at or above the failure level, or
    /// (`extract --check`) claim files out of date with their articles.
    Findings = 1,
    /// 2: the command could not do its job: bad usage, no dossier, unreadable input.
    Error = 2,
}

impl Exit {
    /// The exit of a run that ended with `code`, if it is one of ours.
    pub fn from_code(code: u8) -> Option<Exit> {
        [Exit::Ok, Exit::Findings, Exit::Error]
            .into_iter()
            .find(|e| *e as u8 == code)
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e as u8)
    }
}
