//! Hostile input: bounded alignment, HTML reduction, entity and charset decoding, NFC (items 2, 3, 10).
