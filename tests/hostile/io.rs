//! Hostile input: numbers, URLs and dates from the command line; escaping at every output (items 7, 8, 9, 11).
