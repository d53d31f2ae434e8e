//! "Did you mean …?" for mistyped claim, source and rule ids (shared by the desk and the
//! configuration).

/// Up to three of `candidates` close to `given`: sharing a long prefix, containing it, or a
/// few edits away. Closest first; none when nothing is close.
pub fn suggest(given: &str, candidates: impl IntoIterator<Item = String>) -> Vec<String> {
    let g = given.to_lowercase();
    let mut scored: Vec<(usize, String)> = candidates
        .into_iter()
        .filter_map(|c| {
            let l = c.to_lowercase();
            let d = distance(&g, &l);
            let limit = (g.chars().count() / 3).max(2);
            let close = d <= limit
                || (g.len() >= 4 && (l.contains(&g) || l.starts_with(&g)))
                || (l.len() >= 4 && g.contains(&l));
            close.then_some((d, c))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// Levenshtein distance in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// `; did you mean A, B?` for the suggestions, or nothing when there are none.
pub fn hint(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_ids_are_suggested_and_far_ones_not() {
        let ids = ["q-1a2b3c4d", "q-99999999", "bbc-2024-russia"].map(String::from);
        assert_eq!(suggest("q-1a2b3c4e", ids.clone()), vec!["q-1a2b3c4d"]);
        assert_eq!(suggest("bbc-2024", ids.clone()), vec!["bbc-2024-russia"]);
        assert!(suggest("zzzzzz-zzzz", ids).is_empty());
    }
}
