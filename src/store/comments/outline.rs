//! The outline of a YAML text from the parser's events: the place of every node (mapping
//! entry, list item), the spans of its scalars, and its comments.

use super::{Comment, CommentError, MODELINE};
use serde_saphyr::granit_parser::{Event, Options, Parser, StructureStyle};
use std::collections::HashMap;

/// One step of a path: a mapping key, or a list item (named by its `id` or `source`, else its
/// index; the number tells apart items of the same name).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Seg {
    Key(String),
    Item(ItemKey, usize),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum ItemKey {
    Id(String),
    Source(String),
    Index(usize),
}

/// Which end of an entry an end-of-line comment follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Key,
    Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Anchor {
    Before(Vec<Seg>),
    After(Vec<Seg>, Role),
    End,
}

#[derive(Debug, Clone)]
pub(super) struct Attached {
    pub(super) comment: Comment,
    pub(super) anchor: Anchor,
}

/// A node's place: a mapping entry (from its key's start to its value's end), a list item or
/// the document's root.
#[derive(Debug, Clone)]
pub(super) struct Point {
    pub(super) parent: usize,
    pub(super) seg: Seg,
    pub(super) depth: usize,
    pub(super) start: usize,
    pub(super) key_end: Option<usize>,
    pub(super) end: usize,
}

pub(super) const NO_PARENT: usize = usize::MAX;

/// What the parser says about a text: the places of its nodes, the spans of its scalars and
/// its comments.
#[derive(Debug, Default)]
pub(super) struct Outline {
    pub(super) points: Vec<Point>,
    /// Byte spans of every scalar, in source order.
    pub(super) scalars: Vec<(usize, usize)>,
    pub(super) comments: Vec<Comment>,
}

pub(super) fn options() -> Options {
    let mut o = Options::default();
    // A run of comment lines is buffered while the parser looks ahead; the text's size bounds it.
    o.max_buffered_comment_events = usize::MAX;
    o
}

pub(super) fn parse_error(e: &serde_saphyr::granit_parser::ScanError) -> CommentError {
    let m = e.marker();
    CommentError::Parse {
        line: m.line(),
        column: m.col() + 1,
        message: e.info().to_string(),
    }
}

pub(super) fn missing_offset() -> CommentError {
    CommentError::Parse {
        line: 1,
        column: 1,
        message: "the parser gave no byte offset".into(),
    }
}

pub(super) enum Frame {
    Map {
        point: usize,
        block: bool,
        key: Option<(Seg, usize, usize)>,
        keys: usize,
        id: Option<String>,
        source: Option<String>,
        last_end: usize,
    },
    Seq {
        point: usize,
        block: bool,
        next: usize,
        seen: HashMap<ItemKey, usize>,
        last_end: usize,
    },
    /// A collection used as a mapping key: its insides are not places.
    Skip { depth: usize, start: usize },
}

impl Outline {
    pub(super) fn of(text: &str) -> Result<Outline, CommentError> {
        let mut out = Outline::default();
        let mut stack: Vec<Frame> = Vec::new();
        for next in Parser::new_from_str_with_options(text, options()) {
            let (event, span) = next.map_err(|e| parse_error(&e))?;
            let start = span.start.byte_offset().ok_or_else(missing_offset)?;
            let end = span.end.byte_offset().ok_or_else(missing_offset)?;
            match event {
                Event::Comment(..) => {
                    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                    let raw = text.get(start..end).unwrap_or("#");
                    out.comments.push(Comment {
                        line: span.start.line(),
                        column: span.start.col() + 1,
                        text: raw.trim_end().to_string(),
                        trailing: !text[line_start..start].trim().is_empty(),
                        byte: start,
                    });
                }
                Event::Scalar(value, ..) => {
                    out.scalars.push((start, end));
                    out.node(&mut stack, start, end, Some(value.as_ref()), None);
                }
                Event::Alias(..) | Event::UnresolvedAlias(..) => {
                    out.node(&mut stack, start, end, None, None);
                }
                Event::SequenceStart(style, ..) => {
                    let block = style == StructureStyle::Block;
                    out.node(&mut stack, start, end, None, Some((false, block)));
                }
                Event::MappingStart(style, ..) => {
                    let block = style == StructureStyle::Block;
                    out.node(&mut stack, start, end, None, Some((true, block)));
                }
                Event::SequenceEnd | Event::MappingEnd => out.close(&mut stack, end),
                _ => {}
            }
        }
        Ok(out)
    }

    /// A node starts (`open`: a collection, mapping or not, block or flow).
    pub(super) fn node(
        &mut self,
        stack: &mut Vec<Frame>,
        start: usize,
        end: usize,
        scalar: Option<&str>,
        open: Option<(bool, bool)>,
    ) {
        let (parent, seg, key_end) = match stack.last_mut() {
            Some(Frame::Skip { depth, .. }) => {
                if open.is_some() {
                    *depth += 1;
                }
                return;
            }
            None => (NO_PARENT, Seg::Key(String::new()), None),
            Some(Frame::Map {
                point,
                key,
                keys,
                id,
                source,
                last_end,
                ..
            }) => match key.take() {
                None => {
                    *keys += 1;
                    match (scalar, open) {
                        (Some(k), _) => *key = Some((Seg::Key(k.to_string()), start, end)),
                        (None, None) => *key = Some((Seg::Key(format!("?{keys}")), start, end)),
                        // A collection as a key: skipped until it ends (see `close`).
                        (None, Some(_)) => stack.push(Frame::Skip { depth: 1, start }),
                    }
                    return;
                }
                Some((seg, kstart, kend)) => {
                    if let (Seg::Key(k), Some(v)) = (&seg, scalar) {
                        if k == "id" {
                            *id = Some(v.to_string());
                        } else if k == "source" {
                            *source = Some(v.to_string());
                        }
                    }
                    *last_end = (*last_end).max(end);
                    let parent = *point;
                    // The entry starts at its key.
                    self.points.push(Point {
                        parent,
                        seg,
                        depth: self.points[parent].depth + 1,
                        start: kstart,
                        key_end: Some(kend),
                        end,
                    });
                    self.open(stack, open, start);
                    return;
                }
            },
            Some(Frame::Seq {
                point,
                next,
                last_end,
                ..
            }) => {
                *next += 1;
                *last_end = (*last_end).max(end);
                (*point, Seg::Item(ItemKey::Index(*next - 1), 0), None)
            }
        };
        let depth = self.points.get(parent).map_or(0, |p| p.depth + 1);
        self.points.push(Point {
            parent,
            seg,
            depth,
            start,
            key_end,
            end,
        });
        self.open(stack, open, start);
    }

    /// The node just pushed is a collection: its children come next.
    pub(super) fn open(
        &mut self,
        stack: &mut Vec<Frame>,
        open: Option<(bool, bool)>,
        start: usize,
    ) {
        let point = self.points.len() - 1;
        match open {
            Some((true, block)) => stack.push(Frame::Map {
                point,
                block,
                key: None,
                keys: 0,
                id: None,
                source: None,
                last_end: start,
            }),
            Some((false, block)) => stack.push(Frame::Seq {
                point,
                block,
                next: 0,
                seen: HashMap::new(),
                last_end: start,
            }),
            None => {}
        }
    }

    /// A collection ends at `end` (a flow collection's closing bracket; a block collection's
    /// end event sits at the next token, so it ends with its last child).
    pub(super) fn close(&mut self, stack: &mut Vec<Frame>, end: usize) {
        let Some(frame) = stack.pop() else {
            return;
        };
        let (point, real_end, name) = match frame {
            Frame::Skip { depth, start } => {
                if depth > 1 {
                    stack.push(Frame::Skip {
                        depth: depth - 1,
                        start,
                    });
                } else if let Some(Frame::Map { key, keys, .. }) = stack.last_mut() {
                    *key = Some((Seg::Key(format!("?{keys}")), start, end));
                }
                return;
            }
            Frame::Map {
                point,
                block,
                last_end,
                id,
                source,
                ..
            } => (
                point,
                if block { last_end } else { end },
                id.map(ItemKey::Id).or(source.map(ItemKey::Source)),
            ),
            Frame::Seq {
                point,
                block,
                last_end,
                ..
            } => (point, if block { last_end } else { end }, None),
        };
        if let Some(p) = self.points.get_mut(point) {
            p.end = p.end.max(real_end);
        }
        match stack.last_mut() {
            Some(Frame::Seq { seen, last_end, .. }) => {
                *last_end = (*last_end).max(real_end);
                if let Some(name) = name {
                    let n = seen.entry(name.clone()).or_insert(0);
                    if let Some(p) = self.points.get_mut(point) {
                        p.seg = Seg::Item(name, *n);
                    }
                    *n += 1;
                }
            }
            Some(Frame::Map { last_end, .. }) => *last_end = (*last_end).max(real_end),
            _ => {}
        }
    }

    pub(super) fn path(&self, mut i: usize) -> Vec<Seg> {
        let mut segs = Vec::new();
        while let Some(p) = self.points.get(i) {
            if p.parent == NO_PARENT {
                break;
            }
            segs.push(p.seg.clone());
            i = p.parent;
        }
        segs.reverse();
        segs
    }

    /// Is `at` strictly inside a scalar (where a comment or a line cannot go)?
    pub(super) fn inside_scalar(&self, at: usize) -> bool {
        let k = self.scalars.partition_point(|&(s, _)| s < at);
        k > 0 && self.scalars[k - 1].1 > at
    }

    /// The comments an editor wrote: all but dossier's modeline on line 1.
    pub(super) fn editor_comments(&self) -> impl Iterator<Item = &Comment> {
        self.comments
            .iter()
            .filter(|c| !(c.line == 1 && c.column == 1 && c.text.starts_with(MODELINE)))
    }
}
