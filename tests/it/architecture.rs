//! The layers of ARCHITECTURE.md hold in the code: no top-level module of the library uses a
//! module of a lower layer (which is what keeps the module graph free of cycles), and every
//! top-level module is in the table.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layer of each top-level module, read from the table of ARCHITECTURE.md
/// (`| 3 | `link` | … |` rows).
fn layers(architecture: &str) -> BTreeMap<String, u32> {
    let mut out = BTreeMap::new();
    for line in architecture.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 {
            continue;
        }
        let (Ok(layer), Some(module)) = (
            cells[1].parse::<u32>(),
            cells[2].strip_prefix('`').and_then(|m| m.strip_suffix('`')),
        ) else {
            continue;
        };
        out.insert(module.to_string(), layer);
    }
    out
}

/// The code of a source file that counts for layering: without its test module (tests may
/// use anything) and without comments.
fn code_of(source: &str) -> String {
    let body = match source.find("#[cfg(test)]\nmod tests") {
        Some(i) => &source[..i],
        None => source,
    };
    body.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules that `code` names through `crate::` (`crate::store::fs`,
/// `crate::{model, util}`).
fn modules_used(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for part in group.split(',') {
                out.insert(ident(part.trim()));
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out.remove("");
    out
}

/// Every use of a lower layer: (file, module of the file, module it uses), given the files
/// of `src/` as (path relative to `src/`, contents).
fn violations(
    layers: &BTreeMap<String, u32>,
    files: &[(String, String)],
) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (path, source) in files {
        let top = path
            .split('/')
            .next()
            .unwrap_or(path)
            .trim_end_matches(".rs");
        let Some(&own) = layers.get(top) else {
            continue;
        };
        for used in modules_used(&code_of(source)) {
            match layers.get(&used) {
                Some(&l) if l > own => out.push((path.clone(), top.to_string(), used)),
                _ => {}
            }
        }
    }
    out
}

fn source_files(dir: &Path, src: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, src, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn no_module_uses_a_lower_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let layers = layers(&std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap());
    let src = root.join("src");
    let mut files = Vec::new();
    source_files(&src, &src, &mut files);
    files.sort();
    let found = violations(&layers, &files);
    assert!(
        found.is_empty(),
        "uses of a lower layer of ARCHITECTURE.md (move the code, or the module in the table):\n{}",
        found
            .iter()
            .map(|(f, a, b)| format!("  src/{f}: {a} uses {b}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_top_level_module_has_a_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let layers = layers(&std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap());
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let declared: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect();
    let listed: BTreeSet<String> = layers.keys().cloned().collect();
    assert!(declared.len() > 10, "{declared:?}");
    assert_eq!(
        declared, listed,
        "src/lib.rs modules vs the ARCHITECTURE.md table"
    );
}

#[test]
fn a_planted_cycle_is_found() {
    let layers = layers("| 1 | `util` | x |\n| 2 | `model` | y |\n| 3 | `check` | z |");
    let file = |path: &str, code: &str| (path.to_string(), code.to_string());
    let clean = [
        file("model/claim.rs", "use crate::util::excerpt;\n"),
        file("check/mod.rs", "use crate::{model, util};\n"),
        // Tests and comments may name anything.
        file(
            "util/mod.rs",
            "// see crate::check\nfn f() {}\n#[cfg(test)]\nmod tests {\n    use crate::check::x;\n}\n",
        ),
    ];
    assert!(violations(&layers, &clean).is_empty());
    let planted = [
        file("model/claim.rs", "use crate::util::excerpt;\n"),
        file("util/mod.rs", "pub fn f() { crate::check::run(); }\n"),
        file("model/source.rs", "use crate::{check::Rule, util};\n"),
    ];
    assert_eq!(
        violations(&layers, &planted),
        [
            ("util/mod.rs".into(), "util".into(), "check".into()),
            ("model/source.rs".into(), "model".into(), "check".into()),
        ]
    );
}

/// Most lines a source file may have before its test module, outside the hand-kept tables.
const FILE_LINES_MAX: usize = 600;

/// The source files over [`FILE_LINES_MAX`] lines without their tests, but for the files named
/// `tables.rs`, which are data (word lists, host tables).
fn oversized(files: &[(String, String)]) -> Vec<(String, usize)> {
    files
        .iter()
        .filter(|(rel, _)| !rel.ends_with("/tables.rs"))
        .map(|(rel, source)| {
            let body = source.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
            (rel.clone(), body.lines().count())
        })
        .filter(|&(_, n)| n > FILE_LINES_MAX)
        .collect()
}

#[test]
fn no_source_file_is_over_600_lines_but_the_tables() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut files = Vec::new();
    source_files(&src, &src, &mut files);
    files.sort();
    assert!(files.iter().any(|(f, _)| f.ends_with("tables.rs")));
    let found = oversized(&files);
    assert!(
        found.is_empty(),
        "split these by meaning into a folder module (ARCHITECTURE.md):\n{}",
        found
            .iter()
            .map(|(f, n)| format!("  src/{f}: {n} lines before its tests"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn an_oversized_file_is_found_and_a_table_is_not() {
    let long = "fn f() {}\n".repeat(FILE_LINES_MAX + 1);
    let tested = format!("fn f() {{}}\n#[cfg(test)]\nmod tests {{\n{long}}}\n");
    let files = [
        ("extract/long.rs".to_string(), long.clone()),
        ("extract/lexicon/tables.rs".to_string(), long),
        ("extract/short.rs".to_string(), tested),
    ];
    assert_eq!(
        oversized(&files),
        [("extract/long.rs".to_string(), FILE_LINES_MAX + 1)]
    );
}
