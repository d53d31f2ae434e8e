//! Hostile input: editors' comments survive every command that rewrites their files (item 4).
