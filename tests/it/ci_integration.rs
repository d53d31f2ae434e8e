//! CI integration (issue 15, items 5 and 7): GitHub annotations and SARIF name files relative
//! to the repository root and point at the article passage; the SARIF validates against the
//! OASIS 2.1.0 schema; `action.yml` and `.pre-commit-hooks.yaml` call commands that exist;
//! `dossier explain` explains every rule.

use assert_cmd::Command;
use dossier::check::Rule;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(cwd: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A temporary repository (`.git` at its top) holding a dossier in `newsroom/`, extracted.
fn repository() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir(repo.path().join(".git")).unwrap();
    let articles = repo.path().join("newsroom/articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::copy(
        manifest().join("tests/fixtures/ci/port-strike.txt"),
        articles.join("port-strike.txt"),
    )
    .unwrap();
    let (code, _, err) = run(repo.path(), &["--root", "newsroom", "extract"]);
    assert_eq!(code, Some(0), "{err}");
    repo
}

fn sarif(cwd: &Path, args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    let (code, out, err) = run(cwd, &all);
    assert!(matches!(code, Some(0 | 1)), "{err}");
    serde_json::from_str(&out).unwrap()
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().unwrap()
}

fn uri(location: &Value) -> &str {
    location["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
}

/// Every `file=` of the annotations.
fn annotated_files(out: &str) -> Vec<String> {
    out.lines()
        .filter(|l| l.starts_with("::"))
        .map(|l| {
            let props = l.split_once(' ').unwrap().1;
            let file = props.split(',').find_map(|p| p.strip_prefix("file="));
            file.unwrap().to_string()
        })
        .collect()
}

#[test]
fn paths_are_relative_to_the_repository_root_wherever_dossier_runs() {
    let repo = repository();
    let newsroom = repo.path().join("newsroom");
    let deep = newsroom.join("articles");
    for (cwd, root) in [
        (repo.path(), "newsroom"),
        (newsroom.as_path(), "."),
        (deep.as_path(), ".."),
    ] {
        let log = sarif(cwd, &["--root", root]);
        assert!(!results(&log).is_empty());
        for r in results(&log) {
            let locations = r["locations"]
                .as_array()
                .unwrap()
                .iter()
                .chain(r["relatedLocations"].as_array().into_iter().flatten());
            for l in locations {
                assert!(uri(l).starts_with("newsroom/"), "{l}");
                assert_eq!(
                    l["physicalLocation"]["artifactLocation"]["uriBaseId"],
                    "%SRCROOT%"
                );
            }
        }
        let base = &log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"];
        assert!(
            base["description"]["text"]
                .as_str()
                .unwrap()
                .contains("repository root"),
            "{base}"
        );
        let (_, out, _) = run(cwd, &["--root", root, "check", "--format", "github"]);
        let files = annotated_files(&out);
        assert!(!files.is_empty(), "{out}");
        for f in files {
            assert!(f.starts_with("newsroom/"), "{f}");
        }
    }
}

#[test]
fn without_a_repository_paths_are_relative_to_the_working_directory() {
    let repo = repository();
    std::fs::remove_dir(repo.path().join(".git")).unwrap();
    // Unless the temporary directory itself lies in a repository.
    if repo
        .path()
        .ancestors()
        .any(|d| d.join(".git").symlink_metadata().is_ok())
    {
        return;
    }
    let from_top = sarif(repo.path(), &["--root", "newsroom"]);
    assert!(uri(&results(&from_top)[0]["locations"][0]).starts_with("newsroom/"));
    let inside = sarif(&repo.path().join("newsroom"), &[]);
    for r in results(&inside) {
        let u = uri(&r["locations"][0]);
        assert!(
            u.starts_with("articles/") || u.starts_with("claims/") || u.starts_with("sources/"),
            "{u}"
        );
    }
    let base = &inside["runs"][0]["originalUriBaseIds"]["%SRCROOT%"];
    assert!(
        base["description"]["text"]
            .as_str()
            .unwrap()
            .contains("working directory"),
        "{base}"
    );
    // Run from a folder that does not hold the dossier: relative to the dossier root, never
    // with `../` steps.
    let elsewhere = tempfile::tempdir().unwrap();
    let root = repo.path().join("newsroom");
    let outside = sarif(elsewhere.path(), &["--root", root.to_str().unwrap()]);
    for r in results(&outside) {
        let u = uri(&r["locations"][0]);
        assert!(!u.starts_with(".."), "{u}");
        assert!(
            u.starts_with("articles/") || u.starts_with("claims/") || u.starts_with("sources/"),
            "{u}"
        );
    }
    let base = &outside["runs"][0]["originalUriBaseIds"]["%SRCROOT%"];
    assert!(
        base["description"]["text"]
            .as_str()
            .unwrap()
            .contains("dossier root"),
        "{base}"
    );
}

/// The UTF-16 column of byte `offset` of `text` (1-based), and its line.
fn utf16_position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].encode_utf16().count() + 1)
}

#[test]
fn a_claim_finding_points_at_its_article_sentence_with_the_yaml_value_related() {
    let repo = repository();
    let log = sarif(repo.path(), &["--root", "newsroom"]);
    let article =
        std::fs::read_to_string(manifest().join("tests/fixtures/ci/port-strike.txt")).unwrap();
    let sentence = "The strike has delayed 40 cargo ships.";
    let offset = article.find(sentence).unwrap();
    let (line, column) = utf16_position(&article, offset);
    // The line holds 🚢, two UTF-16 code units and one character, before the sentence.
    let chars = article[..offset]
        .rsplit('\n')
        .next()
        .unwrap()
        .chars()
        .count()
        + 1;
    assert_eq!(column, chars + 1);
    assert_eq!(log["runs"][0]["columnKind"], "utf16CodeUnits");

    let r = results(&log)
        .iter()
        .find(|r| {
            r["ruleId"] == "uncited-claim"
                && r["message"]["text"].as_str().unwrap().contains(sentence)
        })
        .unwrap();
    let primary = &r["locations"][0];
    assert_eq!(uri(primary), "newsroom/articles/port-strike.txt");
    let region = &primary["physicalLocation"]["region"];
    assert_eq!(region["startLine"], line);
    assert_eq!(region["startColumn"], column);
    assert_eq!(region["endLine"], line);
    assert_eq!(
        region["endColumn"],
        column + sentence.encode_utf16().count()
    );
    let related = &r["relatedLocations"][0];
    assert_eq!(uri(related), "newsroom/claims/port-strike.yaml");
    assert_eq!(related["message"]["text"], "the YAML value");
    // The related region is the claim's `text:` value in the claim file.
    let yaml =
        std::fs::read_to_string(repo.path().join("newsroom/claims/port-strike.yaml")).unwrap();
    let yregion = &related["physicalLocation"]["region"];
    let yline = yregion["startLine"].as_u64().unwrap() as usize;
    assert!(
        yaml.lines().nth(yline - 1).unwrap().contains(sentence),
        "line {yline} of the claim file"
    );

    // GitHub: the same place, columns in characters, the last character's column at the end.
    let (_, out, _) = run(
        repo.path(),
        &["--root", "newsroom", "check", "--format", "github"],
    );
    let annotation = out
        .lines()
        .find(|l| l.contains("title=uncited-claim") && l.contains(sentence))
        .unwrap();
    let expected = format!(
        "file=newsroom/articles/port-strike.txt,line={line},endLine={line},col={chars},endColumn={}",
        chars + sentence.chars().count() - 1
    );
    assert!(annotation.contains(&expected), "{annotation}\n{expected}");
    assert!(
        annotation.contains(&format!(
            "the YAML value: newsroom/claims/port-strike.yaml:{yline}:"
        )),
        "{annotation}"
    );

    // A finding with no article passage keeps its YAML location.
    let unverifiable = results(&log)
        .iter()
        .find(|r| r["ruleId"] == "unverifiable-source")
        .unwrap();
    assert!(uri(&unverifiable["locations"][0]).starts_with("newsroom/sources/"));
    assert!(unverifiable.get("relatedLocations").is_none());
}

fn schema_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        manifest().join("tests/fixtures/sarif/sarif-2.1.0-rtm.5.schema.json"),
    )
    .unwrap();
    // The schema's pattern for `language` (of a run, and of a tool component) closes a
    // bracket it never opened. JavaScript
    // (without the `u` flag) reads the lone `]` as itself, the regex checker of jsonschema
    // refuses it: escaped, it means the same and passes. Nothing else is changed.
    let odd = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(text.matches(odd).count(), 2);
    let text = text.replace(odd, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn the_sarif_validates_against_the_oasis_2_1_0_schema() {
    let validator = schema_validator();
    let repo = repository();
    for args in [
        &["--root", "newsroom"][..],
        &["--root", "newsroom", "--fail-on", "never"],
    ] {
        let log = sarif(repo.path(), args);
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The schema is not vacuous: it refuses a log missing its version, or a bad level.
    let mut bad = sarif(repo.path(), &["--root", "newsroom"]);
    bad["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&bad));
    bad.as_object_mut().unwrap().remove("version");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn invocations_give_the_exit_code_check_exits_with() {
    let repo = repository();
    for (args, code) in [(&[][..], 1), (&["--fail-on", "never"], 0)] {
        let mut all = vec!["--root", "newsroom", "check", "--format", "sarif"];
        all.extend_from_slice(args);
        let (exit, out, _) = run(repo.path(), &all);
        let log: Value = serde_json::from_str(&out).unwrap();
        let inv = &log["runs"][0]["invocations"][0];
        assert_eq!(exit, Some(code));
        assert_eq!(inv["exitCode"], code);
        assert_eq!(inv["executionSuccessful"], true);
    }
}

fn fingerprints(log: &Value) -> Vec<(String, String)> {
    results(log)
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["partialFingerprints"][dossier::report::FINGERPRINT_KEY]
                    .as_str()
                    .unwrap()
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn fingerprints_are_stable_across_runs_and_lines_moving() {
    let repo = repository();
    let first = sarif(repo.path(), &["--root", "newsroom"]);
    let again = sarif(repo.path(), &["--root", "newsroom"]);
    let mut before = fingerprints(&first);
    assert_eq!(before, fingerprints(&again));
    let mut distinct: Vec<&String> = before.iter().map(|(_, f)| f).collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), before.len(), "{before:?}");
    // Two comment lines above every value of the source entries move their findings down.
    let sources = repo.path().join("newsroom/sources");
    for e in std::fs::read_dir(&sources).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "yaml") {
            let text = std::fs::read_to_string(&p).unwrap();
            std::fs::write(&p, format!("# checked by the desk\n# again\n{text}")).unwrap();
        }
    }
    let moved = sarif(repo.path(), &["--root", "newsroom"]);
    let line = |log: &Value, rule: &str| {
        results(log)
            .iter()
            .find(|r| r["ruleId"] == rule)
            .map(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].clone())
    };
    assert_ne!(
        line(&first, "unverifiable-source"),
        line(&moved, "unverifiable-source")
    );
    let mut after = fingerprints(&moved);
    before.sort();
    after.sort();
    assert_eq!(before, after);
}

#[test]
fn every_rule_has_a_help_uri_at_the_readme_rule_table() {
    let readme = std::fs::read_to_string(manifest().join("README.md")).unwrap();
    let anchor = dossier::report::RULES_ANCHOR;
    // The heading GitHub turns into that anchor (lowercase, spaces to hyphens).
    let heading = readme
        .lines()
        .find(|l| l.starts_with("## ") && l[3..].trim().to_lowercase().replace(' ', "-") == anchor)
        .unwrap_or_else(|| panic!("README has no heading for #{anchor}"));
    // Every rule's row is in the table under it, before the next heading of its level.
    let section: String = readme
        .split_once(heading)
        .unwrap()
        .1
        .split("\n## ")
        .next()
        .unwrap()
        .to_string();
    for rule in Rule::ALL {
        assert!(
            section.contains(&format!("| `{}` |", rule.code())),
            "{} is not in the table under {heading}",
            rule.code()
        );
    }
    let repo = repository();
    let log = sarif(repo.path(), &["--root", "newsroom"]);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), Rule::ALL.len());
    for r in rules {
        let uri = r["helpUri"].as_str().unwrap();
        assert!(uri.starts_with("https://"), "{uri}");
        assert!(uri.ends_with(&format!("#{anchor}")), "{uri}");
        assert!(r["help"]["text"].as_str().unwrap().contains("Example: "));
    }
}

// --- action.yml and .pre-commit-hooks.yaml ---

/// The `dossier …` invocations of a shell script, as argument lists: `$VAR` and `"$VAR"` are
/// replaced from `env`; the arguments end at a redirection, a pipe or a list operator.
fn dossier_calls(script: &str, env: &dyn Fn(&str) -> String) -> Vec<Vec<String>> {
    let mut calls = Vec::new();
    for line in script.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(start) = words.iter().position(|w| *w == "dossier") else {
            continue;
        };
        let mut args = Vec::new();
        for w in &words[start + 1..] {
            if w.starts_with('>') || w.starts_with("2>") || ["|", "||", "&&", ";"].contains(w) {
                break;
            }
            let w = w.trim_matches('"');
            let value = match w.strip_prefix('$') {
                Some(var) => env(var.trim_start_matches('{').trim_end_matches('}')),
                None => w.to_string(),
            };
            assert!(!value.contains('$'), "unresolved {value} in {line}");
            args.push(value);
        }
        calls.push(args);
    }
    calls
}

/// Clap reads every argument before `--help`: an unknown subcommand or flag, or a value a flag
/// does not take, fails; otherwise the help is printed and the exit code is 0.
fn assert_exists(args: &[String], what: &str) {
    let mut all = args.to_vec();
    all.push("--help".into());
    let dir = tempfile::tempdir().unwrap();
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    let (code, out, err) = run(dir.path(), &refs);
    assert_eq!(
        code,
        Some(0),
        "{what}: `dossier {}` is refused: {err}",
        args.join(" ")
    );
    assert!(out.contains("Usage: dossier"), "{what}: {out}");
}

fn yaml(file: &str) -> Value {
    let text = std::fs::read_to_string(manifest().join(file)).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn the_checker_of_commands_refuses_what_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    for bad in [
        &["chek", "--help"][..],
        &["check", "--formt", "sarif", "--help"],
        &["check", "--format", "sarif2", "--help"],
    ] {
        let (code, _, _) = run(dir.path(), bad);
        assert_eq!(code, Some(2), "{bad:?}");
    }
}

#[test]
fn the_github_action_installs_and_runs_commands_that_exist() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let inputs = action["inputs"].as_object().unwrap();
    let steps = action["runs"]["steps"].as_array().unwrap();
    let mut calls = Vec::new();
    for step in steps {
        if let Some(script) = step["run"].as_str() {
            // A composite action's run steps must name their shell.
            assert!(step["shell"].is_string(), "{step}");
            let env = step["env"].as_object().cloned().unwrap_or_default();
            let lookup = |var: &str| {
                let v = env
                    .get(var)
                    .and_then(Value::as_str)
                    .unwrap_or_else(|| panic!("{var} is not set by the step"));
                let input = v
                    .trim()
                    .strip_prefix("${{ inputs.")
                    .and_then(|r| r.strip_suffix(" }}"))
                    .unwrap_or_else(|| panic!("{var}: {v}"));
                inputs[input]["default"].as_str().unwrap().to_string()
            };
            calls.extend(dossier_calls(script, &lookup));
            if script.contains("cargo install") {
                assert!(script.contains("--locked"), "{script}");
            }
        }
    }
    let formats: Vec<String> = calls
        .iter()
        .filter_map(|c| {
            c.iter()
                .position(|a| a == "--format")
                .map(|i| c[i + 1].clone())
        })
        .collect();
    assert!(formats.contains(&"sarif".to_string()), "{calls:?}");
    assert!(formats.contains(&"github".to_string()), "{calls:?}");
    for c in &calls {
        assert_exists(c, "action.yml");
    }
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("a step uploading the SARIF");
    assert!(
        upload["if"]
            .as_str()
            .unwrap()
            .contains("inputs.upload-sarif"),
        "the upload is optional"
    );
}

#[test]
fn the_pre_commit_hooks_run_commands_that_exist() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().unwrap();
    let mut entries = Vec::new();
    for h in hooks {
        for key in ["id", "name", "entry", "language"] {
            assert!(h[key].is_string(), "{key} in {h}");
        }
        let entry = h["entry"].as_str().unwrap();
        let calls = dossier_calls(entry, &|v| panic!("hook entries take no variables: {v}"));
        assert_eq!(calls.len(), 1, "{entry}");
        assert_exists(&calls[0], ".pre-commit-hooks.yaml");
        entries.push(calls[0].clone());
    }
    assert!(entries.iter().any(|c| c[0] == "check"), "{entries:?}");
    assert!(
        entries
            .iter()
            .any(|c| c[0] == "extract" && c.contains(&"--check".to_string())),
        "{entries:?}"
    );
}

#[test]
fn the_readme_shows_the_action_and_the_hooks() {
    let readme = std::fs::read_to_string(manifest().join("README.md")).unwrap();
    assert!(readme.contains("uses: "), "a workflow using the action");
    for hook in yaml(".pre-commit-hooks.yaml").as_array().unwrap() {
        let id = hook["id"].as_str().unwrap();
        assert!(
            readme.contains(&format!("id: {id}")),
            "the README shows hook {id}"
        );
    }
    for input in yaml("action.yml")["inputs"].as_object().unwrap().keys() {
        assert!(
            readme.contains(&format!("`{input}`")),
            "the README documents input {input}"
        );
    }
}

// --- dossier explain ---

#[test]
fn explain_prints_summary_severity_help_and_example() {
    let dir = tempfile::tempdir().unwrap();
    for rule in Rule::ALL {
        assert!(!rule.example().trim().is_empty(), "{}", rule.code());
        let (code, out, err) = run(dir.path(), &["explain", rule.code()]);
        assert_eq!(code, Some(0), "{err}");
        assert!(
            out.starts_with(&format!("{}: {}", rule.code(), rule.summary())),
            "{out}"
        );
        assert!(
            out.contains(&format!(
                "default severity: {}",
                rule.default_severity().as_str()
            )),
            "{out}"
        );
        assert!(out.contains(rule.help()), "{out}");
        for line in rule.example().lines() {
            assert!(out.contains(line), "{out}");
        }
    }
    let (code, out, _) = run(
        dir.path(),
        &["explain", "uncited-claim", "--format", "json"],
    );
    assert_eq!(code, Some(0));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["rule"], "uncited-claim");
    assert_eq!(v["severity"], "warning");
    assert_eq!(v["example"], Rule::UncitedClaim.example());
    // Without a rule: every rule, one a line (and as a JSON array).
    let (code, out, _) = run(dir.path(), &["explain"]);
    assert_eq!(code, Some(0));
    for rule in Rule::ALL {
        assert!(out.lines().any(|l| l.starts_with(rule.code())), "{out}");
    }
    let (_, out, _) = run(dir.path(), &["explain", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), Rule::ALL.len());
}

#[test]
fn explain_of_an_unknown_rule_suggests_the_closest() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(dir.path(), &["explain", "uncited-claims"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(err.contains("no rule `uncited-claims`"), "{err}");
    assert!(err.contains("did you mean uncited-claim"), "{err}");
    let (code, _, err) = run(dir.path(), &["explain", "zzzz"]);
    assert_eq!(code, Some(2));
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn quiet_check_prints_nothing_on_success_and_only_what_fails_otherwise() {
    let repo = repository();
    let (code, out, _) = run(repo.path(), &["--root", "newsroom", "-q", "check"]);
    assert_eq!(code, Some(1));
    assert!(out.contains("× source port-authority has no URL"), "{out}");
    assert!(!out.contains('⚠'), "warnings do not fail the run: {out}");
    assert!(
        out.contains("2 errors"),
        "the summary closes a failing run: {out}"
    );

    let (code, out, err) = run(
        repo.path(),
        &["--root", "newsroom", "-q", "check", "--fail-on", "never"],
    );
    assert_eq!((code, out.as_str(), err.as_str()), (Some(0), "", ""));

    let fresh = tempfile::tempdir().unwrap();
    let (code, _, err) = run(fresh.path(), &["init", "desk"]);
    assert_eq!(code, Some(0), "{err}");
    let (code, out, err) = run(&fresh.path().join("desk"), &["-q", "check"]);
    assert_eq!((code, out.as_str(), err.as_str()), (Some(0), "", ""));
}

#[test]
fn human_snippets_fit_the_terminal_and_keep_labels_under_their_words() {
    let repo = repository();
    let snippet = regex::Regex::new(r"^ *\d+ │ ").unwrap();
    for width in [40usize, 60, 100] {
        let out = Command::cargo_bin("dossier")
            .unwrap()
            .current_dir(repo.path())
            .env("NO_COLOR", "1")
            .env("COLUMNS", width.to_string())
            .args(["--root", "newsroom", "check"])
            .output()
            .unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        let mut shown = 0;
        for (i, line) in lines.iter().enumerate() {
            if !snippet.is_match(line) {
                continue;
            }
            shown += 1;
            let cols = unicode_width::UnicodeWidthStr::width(*line);
            assert!(cols <= width, "{cols} > {width} columns: {line:?}\n{out}");
            // A label's underline starts under a character of the line above it, never past it.
            if let Some(mark) = lines
                .get(i + 1)
                .filter(|l| l.contains('─') && l.contains('·'))
            {
                let at = mark.find('─').unwrap();
                let under = unicode_width::UnicodeWidthStr::width(&mark[..at]);
                assert!(
                    under < cols,
                    "label past the line's end: {line:?}\n{mark:?}"
                );
            }
        }
        assert!(shown > 4, "snippets were shown: {out}");
    }
}
