//! The claim and source records dossier writes and reads: one claim file per article under
//! `claims/`, one source entry per cited work under `sources/`.

pub mod claim;
pub mod correction;
pub mod ids;
pub mod review;
pub mod schema;
pub mod source;

pub use claim::{ArticleRecord, Claim, ClaimFile, ClaimKind, Reference};
pub use correction::{Correctable, Correction};
pub use review::{LinkAction, LinkDecision, Review, Verdict};
pub use source::{FetchRecord, Snapshot, SnapshotRecord, SourceEntry};

/// Version of the claim-file format written by this build.
pub const FORMAT_VERSION: u32 = 1;
