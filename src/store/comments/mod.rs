//! Editors' comments in the YAML files dossier rewrites (claim files, source entries).
//!
//! dossier rewrites a file by serialising its data again, which by itself would drop every
//! comment. This module carries them over. It reads the comments from the YAML parser's own
//! events (never from a scan of the text: a `#` in a quoted or plain value, a URL fragment or a
//! block scalar is not a comment, and a quote mark inside a plain value opens nothing) and
//! attaches each one to the place in the data it was written beside:
//!
//! - a comment on a line of its own goes with the node that starts next (`Before`): the claim,
//!   field or list item below it;
//! - a comment after content on its line goes with the last key or value that ends before it
//!   on that line (`After`);
//! - a comment after the last node goes at the end of the file.
//!
//! A place is a path of mapping keys and list items; a list item that is a mapping with an
//! `id` (or else a `source`) is named by it, so a comment follows its claim wherever the claim
//! moves. [`Comments::carry`] re-emits every comment at its place in the new text: a whole-line
//! comment on the line before its node (indented as that line), an end-of-line comment at the
//! end of its key's or value's line. When the place is gone, the comment goes before the
//! nearest surviving parent, marked `(was at PATH)`: it is never dropped. The result is parsed
//! again and must hold the same data as the new text and every comment; if it does not (a
//! place that cannot take a comment), every comment goes to the top of the file, marked; and
//! if even that fails, the rewrite is refused ([`Refused`]).
//!
//! Carrying is deterministic and idempotent: carrying the comments of a carried text into the
//! same new text gives that text again, so re-running a command changes no byte.

use serde_saphyr::granit_parser::{Event, Parser};
use std::collections::{BTreeMap, HashMap};

mod outline;

use outline::{options, Anchor, Attached, ItemKey, Outline, Role, Seg, NO_PARENT};

/// The schema modeline dossier writes on the first line of its files; it is dossier's own,
/// not an editor's comment.
const MODELINE: &str = "# yaml-language-server: $schema=";

/// One comment of a YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// 1-based line of the `#`.
    pub line: usize,
    /// 1-based column (in characters) of the `#`.
    pub column: usize,
    /// The comment from `#` to the end of its line, trailing white space removed.
    pub text: String,
    /// It follows content on its line (an end-of-line comment).
    pub trailing: bool,
    byte: usize,
}

/// Why a YAML text could not be read for its comments, or why they cannot be carried.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommentError {
    /// The YAML parser could not read the text (the file's own, or the rewrite the comments
    /// were to be carried into).
    #[error("{line}:{column}: cannot parse: {message}")]
    Parse {
        /// 1-based line where the parser stopped.
        line: usize,
        /// 1-based column where the parser stopped.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The comments could not be placed in the new text (nothing is written).
    #[error("{}", refused_message(.0))]
    Refused(Refused),
}

/// The first comment that could not be carried into a rewrite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// 1-based line of the comment's `#` in the text the comments were read from.
    pub line: usize,
    /// 1-based column (in characters) of that `#`.
    pub column: usize,
}

fn refused_message(r: &Refused) -> String {
    format!(
        "the comment at line {}, column {} cannot be kept in the rewritten file; nothing was written",
        r.line, r.column
    )
}

/// The comments of a YAML text, each attached to its place.
#[derive(Debug, Clone, Default)]
pub struct Comments {
    items: Vec<Attached>,
}

impl Comments {
    /// Read the comments of `text` from the parser's events (the schema modeline dossier
    /// writes on line 1 is not one).
    pub fn of(text: &str) -> Result<Comments, CommentError> {
        let outline = Outline::of(text)?;
        let comments: Vec<Comment> = outline.editor_comments().cloned().collect();
        if comments.is_empty() {
            return Ok(Comments::default());
        }
        // Places by start (then shallowest first), and key and value ends (deepest first).
        let mut starts: Vec<(usize, usize, usize)> = outline
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| (p.start, p.depth, i))
            .collect();
        starts.sort_unstable();
        let mut ends: Vec<(usize, std::cmp::Reverse<usize>, usize, bool)> = Vec::new();
        for (i, p) in outline.points.iter().enumerate() {
            if let Some(k) = p.key_end {
                ends.push((k, std::cmp::Reverse(p.depth), i, true));
            }
            ends.push((p.end, std::cmp::Reverse(p.depth), i, false));
        }
        ends.sort_unstable();
        let items = comments
            .into_iter()
            .map(|c| {
                let line_start = text[..c.byte].rfind('\n').map_or(0, |i| i + 1);
                let after = if c.trailing {
                    // The last key or value that ends before the comment on its line; of
                    // several ending there, the innermost.
                    let k = ends.partition_point(|&(e, ..)| e <= c.byte);
                    let last = k.checked_sub(1).map(|k| ends[k].0);
                    last.filter(|&e| e >= line_start && e > 0).and_then(|e| {
                        let first = ends.partition_point(|&(x, ..)| x < e);
                        ends.get(first).map(|&(_, _, i, key)| {
                            let role = if key { Role::Key } else { Role::Value };
                            Anchor::After(outline.path(i), role)
                        })
                    })
                } else {
                    None
                };
                let anchor = after.unwrap_or_else(|| {
                    let k = starts.partition_point(|&(s, ..)| s <= c.byte);
                    match starts.get(k) {
                        Some(&(_, _, i)) => Anchor::Before(outline.path(i)),
                        None => Anchor::End,
                    }
                });
                Attached { comment: c, anchor }
            })
            .collect();
        Ok(Comments { items })
    }

    /// True when the text holds no editor's comment (the schema modeline does not count), so
    /// a rewrite has nothing to carry.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The comments, in the order of the text.
    pub fn list(&self) -> impl Iterator<Item = &Comment> {
        self.items.iter().map(|a| &a.comment)
    }

    /// The first comment, if any.
    pub fn first(&self) -> Option<&Comment> {
        self.list().next()
    }

    /// The ids of the items of the top-level list `key` (e.g. `claims`) that a comment is
    /// attached to or inside of.
    pub fn item_ids(&self, key: &str) -> std::collections::BTreeSet<String> {
        self.items
            .iter()
            .filter_map(|a| match &a.anchor {
                Anchor::Before(p) | Anchor::After(p, _) => match p.as_slice() {
                    [Seg::Key(k), Seg::Item(ItemKey::Id(id), 0), ..] if k == key => {
                        Some(id.clone())
                    }
                    _ => None,
                },
                Anchor::End => None,
            })
            .collect()
    }

    /// The items of the top-level list `key` were renamed (old id to new id, or to nothing
    /// when the item is gone): their comments follow them.
    pub fn rename_items(&mut self, key: &str, renames: &HashMap<String, Option<String>>) {
        if renames.is_empty() {
            return;
        }
        for a in &mut self.items {
            let (Anchor::Before(p) | Anchor::After(p, _)) = &mut a.anchor else {
                continue;
            };
            let [Seg::Key(k), Seg::Item(ItemKey::Id(id), 0), ..] = p.as_mut_slice() else {
                continue;
            };
            if k != key {
                continue;
            }
            match renames.get(id.as_str()) {
                Some(Some(new)) => *id = new.clone(),
                // Gone: no item of that name can be found, so the comment goes before the
                // list, marked with where it was.
                Some(None) => {
                    *p = vec![
                        Seg::Key(key.to_string()),
                        Seg::Item(ItemKey::Id(format!("{id} (removed)")), 0),
                    ]
                }
                None => {}
            }
        }
    }

    /// `new` (a serialised rewrite of the text these comments were read from) with every
    /// comment at its place, or the rewrite refused.
    pub fn carry(&self, new: &str) -> Result<String, CommentError> {
        if self.items.is_empty() {
            return Ok(new.to_string());
        }
        let outline = Outline::of(new)?;
        let mut placing = Placing::new(new, &outline);
        for (order, a) in self.items.iter().enumerate() {
            placing.place(order, a);
        }
        let header = placing.header;
        let out = splice(new, placing.inserts);
        if self.kept_in(new, &out) {
            return Ok(out);
        }
        // Some place could not take its comment: every comment to the top of the file.
        let out = splice(new, self.at_top(header));
        if self.kept_in(new, &out) {
            return Ok(out);
        }
        let first = &self.items[0].comment;
        Err(CommentError::Refused(Refused {
            line: first.line,
            column: first.column,
        }))
    }

    /// Every comment below the first `header` bytes of the new text (its modeline), marked
    /// with its place, as insertions for [`splice`].
    fn at_top(&self, header: usize) -> Vec<(usize, usize, String)> {
        self.items
            .iter()
            .enumerate()
            .map(|(order, a)| {
                let path: &[Seg] = match &a.anchor {
                    Anchor::Before(p) | Anchor::After(p, _) => p,
                    Anchor::End => &[],
                };
                (
                    header,
                    order,
                    format!("{}\n", marked(&a.comment.text, path)),
                )
            })
            .collect()
    }

    /// Does `out` hold the data of `new` and, besides `new`'s own, one comment for each of
    /// these (its text, or the text marked with a place)?
    fn kept_in(&self, new: &str, out: &str) -> bool {
        if !same_data(new, out) {
            return false;
        }
        let Ok(outline) = Outline::of(out) else {
            return false;
        };
        let mut want: BTreeMap<String, usize> = BTreeMap::new();
        for a in &self.items {
            *want
                .entry(unmarked(&a.comment.text).to_string())
                .or_default() += 1;
        }
        let mut got: BTreeMap<String, usize> = BTreeMap::new();
        for c in outline.editor_comments() {
            *got.entry(unmarked(&c.text).to_string()).or_default() += 1;
        }
        want == got
    }
}

/// Where the comments go in the new text of a rewrite: its outline, and the insertions
/// made so far.
struct Placing<'a> {
    new: &'a str,
    outline: &'a Outline,
    /// The length of the schema modeline on its first line (0 when it has none): no comment
    /// goes above it.
    header: usize,
    /// The child of each point by segment (the first one, when several have the same).
    children: HashMap<(usize, &'a Seg), usize>,
    /// The first point without a parent.
    root: Option<usize>,
    /// Insertions: (byte offset, order, text).
    inserts: Vec<(usize, usize, String)>,
    /// The line ends that already took an end-of-line comment.
    eol_taken: std::collections::HashSet<usize>,
}

impl<'a> Placing<'a> {
    /// Nothing placed yet in `new`, whose outline is `outline`.
    fn new(new: &'a str, outline: &'a Outline) -> Placing<'a> {
        let mut children = HashMap::new();
        let mut root = None;
        for (i, p) in outline.points.iter().enumerate() {
            if p.parent == NO_PARENT {
                root.get_or_insert(i);
            } else {
                children.entry((p.parent, &p.seg)).or_insert(i);
            }
        }
        let header = if new.starts_with(MODELINE) {
            new.find('\n').map_or(new.len(), |i| i + 1)
        } else {
            0
        };
        Placing {
            new,
            outline,
            header,
            children,
            root,
            inserts: Vec::new(),
            eol_taken: Default::default(),
        }
    }

    /// The start of the line `at` is on.
    fn line_start(&self, at: usize) -> usize {
        self.new[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    /// The end of the line `at` is on (its `\n`, or the end of the text).
    fn line_end(&self, at: usize) -> usize {
        self.new[at..].find('\n').map_or(self.new.len(), |i| at + i)
    }

    /// Put `text` on a line of its own before the line that starts at `ls`, indented as that
    /// line; or below the header when that line cannot take it (it is the header, or inside
    /// a scalar).
    fn before(&mut self, order: usize, ls: usize, text: &str) {
        if ls < self.header || self.outline.inside_scalar(ls) {
            self.inserts.push((self.header, order, format!("{text}\n")));
        } else {
            let rest = &self.new[ls..];
            let indent = &rest[..rest.len() - rest.trim_start_matches(' ').len()];
            self.inserts.push((ls, order, format!("{indent}{text}\n")));
        }
    }

    /// The deepest point of `path` that still exists, walking down from the root, and how
    /// many of its segments were found; `None` when the text has no root.
    fn deepest(&self, path: &[Seg]) -> Option<(usize, usize)> {
        let mut i = self.root?;
        let mut found = 0;
        for seg in path {
            match self.children.get(&(i, seg)) {
                Some(&c) => {
                    i = c;
                    found += 1;
                }
                None => break,
            }
        }
        Some((i, found))
    }

    /// Place comment `a`, the `order`th: at its place, else before the nearest surviving
    /// parent (marked with where it was), else at the top.
    fn place(&mut self, order: usize, a: &Attached) {
        let text = a.comment.text.as_str();
        let path = match &a.anchor {
            Anchor::Before(p) | Anchor::After(p, _) => p.as_slice(),
            Anchor::End => {
                let new = self.new;
                let sep = if new.ends_with('\n') || new.is_empty() {
                    ""
                } else {
                    "\n"
                };
                self.inserts
                    .push((new.len(), order, format!("{sep}{text}\n")));
                return;
            }
        };
        let Some((i, found)) = self.deepest(path) else {
            let marked = format!("{}\n", marked(text, path));
            self.inserts.push((self.header, order, marked));
            return;
        };
        let outline = self.outline;
        let p = &outline.points[i];
        let ls = self.line_start(p.start);
        if found < path.len() {
            self.before(order, ls, &marked(text, path));
            return;
        }
        match &a.anchor {
            Anchor::After(_, role) => {
                let e = match role {
                    Role::Key => p.key_end.unwrap_or(p.end),
                    Role::Value => p.end,
                };
                let le = self.line_end(e);
                if !outline.inside_scalar(le) && self.eol_taken.insert(le) {
                    self.inserts.push((le, order, format!("  {text}")));
                } else {
                    self.before(order, ls, text);
                }
            }
            _ => self.before(order, ls, text),
        }
    }
}

/// Read the comments of `text` and carry them into `new`, its rewrite.
pub fn carry(text: &str, new: &str) -> Result<String, CommentError> {
    Comments::of(text)?.carry(new)
}

const MARK: &str = "# (was at ";

/// A comment whose place is gone, marked with where it was (once).
fn marked(text: &str, path: &[Seg]) -> String {
    if text.starts_with(MARK) {
        return text.to_string();
    }
    let rest = text.strip_prefix('#').unwrap_or(text).trim_start();
    let place = if path.is_empty() {
        "the top".to_string()
    } else {
        show(path)
    };
    format!("{MARK}{place}) {rest}")
}

/// The comment's own words, without a place mark.
fn unmarked(text: &str) -> &str {
    let rest = text.strip_prefix('#').unwrap_or(text);
    let rest = match text.strip_prefix(MARK) {
        Some(r) => r.split_once(") ").map_or(r, |(_, w)| w),
        None => rest,
    };
    rest.trim()
}

/// A path as an editor reads it: `claims[q-1a2b3c4d].review.by`.
fn show(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Item(key, n) => {
                s.push('[');
                match key {
                    ItemKey::Id(id) => s.push_str(id),
                    ItemKey::Source(src) => {
                        s.push_str("source=");
                        s.push_str(src);
                    }
                    ItemKey::Index(i) => s.push_str(&i.to_string()),
                }
                if *n > 0 {
                    s.push_str(&format!("#{}", n + 1));
                }
                s.push(']');
            }
        }
    }
    // A comment holds printable characters on one line.
    s.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// `text` with `inserts` (offset, order, what) spliced in, in order of offset then order.
fn splice(text: &str, mut inserts: Vec<(usize, usize, String)>) -> String {
    inserts.sort_by_key(|&(at, order, _)| (at, order));
    let mut out =
        String::with_capacity(text.len() + inserts.iter().map(|i| i.2.len()).sum::<usize>());
    let mut from = 0;
    for (at, _, what) in inserts {
        let at = at.clamp(from, text.len());
        out.push_str(&text[from..at]);
        out.push_str(&what);
        from = at;
    }
    out.push_str(&text[from..]);
    out
}

/// Do two texts hold the same YAML data (the same events, comments aside)?
fn same_data(a: &str, b: &str) -> bool {
    let data = |t| {
        Parser::new_from_str_with_options(t, options())
            .filter(|r| !matches!(r, Ok((Event::Comment(..), _))))
    };
    let mut x = data(a);
    let mut y = data(b);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(Ok((e, _))), Some(Ok((f, _)))) if e == f => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(yaml: &str) -> Vec<(usize, String, bool)> {
        Comments::of(yaml)
            .unwrap()
            .list()
            .map(|c| (c.line, c.text.clone(), c.trailing))
            .collect()
    }

    #[test]
    fn comments_are_what_the_parser_says_they_are() {
        let yaml = "# yaml-language-server: $schema=../schemas/x.json\n\
            # the desk\n\
            title: The 12\" single\n\
            publisher: X  # confirm label\n\
            url: https://x.org/a#frag\n\
            quoted: \"No. #1 \\\" # still quoted\"   # real one\n\
            single: 'Issue #4'\n\
            its: It's #1\n\
            block: |  # header comment\n  text # not a comment\n  # nor this\n\
            flow: [a, # in flow\n  b]\n\
            # last words\n";
        assert_eq!(
            texts(yaml),
            [
                (2, "# the desk".into(), false),
                (4, "# confirm label".into(), true),
                (6, "# real one".into(), true),
                (8, "#1".into(), true),
                (9, "# header comment".into(), true),
                (12, "# in flow".into(), true),
                (14, "# last words".into(), false),
            ]
        );
        for none in [
            "title: x\n",
            "url: https://x.org/a#section\n",
            "title: \"No. #1 \\\" # still quoted\"\n",
            "title: It's in '# quotes'\n",
            "a: |\n  # inside a block scalar\n",
            "# yaml-language-server: $schema=x\na: 1\n",
        ] {
            assert!(Comments::of(none).unwrap().is_empty(), "{none:?}");
        }
    }

    fn rewrite(old: &str, new: &str) -> String {
        let out = carry(old, new).unwrap();
        // Idempotent: carrying again into the same rewrite changes nothing.
        assert_eq!(carry(&out, new).unwrap(), out, "not idempotent");
        out
    }

    #[test]
    fn whole_line_and_end_of_line_comments_follow_their_place() {
        let old = "a: 1  # one\n# about b\nb:\n  c: x\n  # about d\n  d: y   # why\nitems:\n- id: p\n  # note on p\n  v: 1\n- id: q  # q's\n  v: 2\n# the end\n";
        // The new text: fields changed, items swapped, a field added.
        let new = "a: 2\nb:\n  c: z\n  d: y\n  e: new\nitems:\n- id: q\n  v: 3\n- id: p\n  v: 1\n";
        let out = rewrite(old, new);
        assert_eq!(
            out,
            "a: 2  # one\n# about b\nb:\n  c: z\n  # about d\n  d: y  # why\n  e: new\nitems:\n- id: q  # q's\n  v: 3\n- id: p\n  # note on p\n  v: 1\n# the end\n"
        );
    }

    #[test]
    fn a_comment_whose_place_is_gone_is_kept_marked() {
        let old = "a: 1\nlist:\n- id: p\n  gone: 1  # about gone\n- id: q\n";
        let new = "a: 1\nlist:\n- id: p\n- id: r\n";
        let out = rewrite(old, new);
        assert_eq!(
            out,
            "a: 1\nlist:\n# (was at list[p].gone) about gone\n- id: p\n- id: r\n"
        );
        let mut c = Comments::of("list:\n- id: p  # on p\n").unwrap();
        c.rename_items("list", &HashMap::from([("p".to_string(), None)]));
        let out = c.carry("list:\n- id: p\n").unwrap();
        assert_eq!(out, "# (was at list[p (removed)]) on p\nlist:\n- id: p\n");
        let mut c = Comments::of("list:\n- id: p  # on p\n").unwrap();
        c.rename_items(
            "list",
            &HashMap::from([("p".to_string(), Some("s".into()))]),
        );
        assert_eq!(
            c.carry("list:\n- id: t\n- id: s\n").unwrap(),
            "list:\n- id: t\n- id: s  # on p\n"
        );
    }

    #[test]
    fn the_modeline_is_dossiers_and_comments_go_below_it() {
        let old = "# yaml-language-server: $schema=old\n# mine\nversion: 1\n";
        let new = "# yaml-language-server: $schema=new\nversion: 1\n";
        assert_eq!(
            rewrite(old, new),
            "# yaml-language-server: $schema=new\n# mine\nversion: 1\n"
        );
    }

    #[test]
    fn a_comment_never_lands_inside_a_multi_line_value() {
        // The new value spans lines: an end-of-line comment cannot follow its first line.
        let old = "a: x  # keep\nb: 1\n";
        let new = "a: \"one\n  two\"\nb: 1\n";
        let out = rewrite(old, new);
        assert!(out.contains("# keep"), "{out}");
        assert!(same_data(&out, new), "{out}");
        // Several end-of-line comments that meet on one line: one stays there.
        let old = "l: [a,  # x\n  b]  # y\n";
        let new = "l:\n- a\n- b\n";
        let out = rewrite(old, new);
        assert_eq!(out, "l:\n- a  # x\n- b  # y\n");
    }

    #[test]
    fn sequences_of_scalars_and_flow_collections() {
        let old = "notes:\n- first   # 1st\n# before second\n- second\nempty: []  # nothing yet\n";
        let new = "notes:\n- first\n- second\n- third\nempty: []\n";
        assert_eq!(
            rewrite(old, new),
            "notes:\n- first  # 1st\n# before second\n- second\n- third\nempty: []  # nothing yet\n"
        );
    }

    #[test]
    fn anchors_aliases_and_collections_as_keys() {
        let old = "base: &b {x: 1}  # anchor\n? [complex, key]  # the key\n: v   # after it\nref: *b  # alias\n";
        let new = "base: &b {x: 1}\n? [complex, key]\n: v\nref: *b\nmore: 1\n";
        let out = rewrite(old, new);
        assert!(same_data(&out, new), "{out}");
        let kept: Vec<String> = Comments::of(&out)
            .unwrap()
            .list()
            .map(|c| c.text.clone())
            .collect();
        assert_eq!(kept.len(), 4, "{out}");
        assert!(out.starts_with("base: &b {x: 1}  # anchor\n"), "{out}");
        assert!(out.contains("ref: *b  # alias\n"), "{out}");
    }

    #[test]
    fn unparsable_text_is_an_error_with_a_place() {
        match Comments::of("a: [\n") {
            Err(CommentError::Parse { line, .. }) => assert!(line >= 1),
            other => panic!("{other:?}"),
        }
    }
}
