//! The dossier's reads and writes, all through the leaf module [`crate::fsutil`]: bounded
//! reads of regular files, atomic writes that never leave the dossier.

pub use crate::fsutil::{
    create_new_inside, read_limited, read_text_inside, read_text_limited, resolve_inside, utf8,
    write_atomic, write_inside, ReadError,
};
