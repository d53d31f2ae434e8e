//! The dossier on disk: where things live, how YAML is read and written, and how files are
//! replaced without ever leaving a torn one behind.

pub mod dossier;
pub mod fs;
pub mod lock;
pub mod yaml;

pub use dossier::{Dossier, DossierError};
pub use extraction::{extract_dossier, ExtractError, ExtractMode, ExtractOptions, ExtractOutcome};
pub mod cache;
pub mod claims;
pub mod comments;
pub mod extraction;
pub mod load;
pub mod memo;
pub mod merge;
pub mod scaffold;
