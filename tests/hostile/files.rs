//! Hostile input: files dossier reads and writes: size limits, symlinks, FIFOs, versions (items 1, 5, 6, 11).
