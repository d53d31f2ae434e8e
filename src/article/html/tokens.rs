//! The page as html5gum's tokens, read in linear time, and how deeply its elements nest.

/// A start tag, an end tag or text, as the tokenizer gave them (names lower-case, character
/// references decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End(String),
    Text(String),
}

impl Tok {
    /// The value of the attribute `key` of a start tag.
    pub(super) fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Tok::Start { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// The page as tokens, in time linear in its size.
pub(super) fn tokens(html: &str) -> Vec<Tok> {
    use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
    use html5gum::{Span, Tokenizer};
    let mut out: Vec<Tok> = Vec::new();
    let mut attr_name: Option<String> = None;
    let lossy = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let emitter = CallbackEmitter::new(|ev: CallbackEvent<'_>, _: Span<()>| -> Option<()> {
        match ev {
            CallbackEvent::OpenStartTag { name } => {
                attr_name = None;
                out.push(Tok::Start {
                    name: lossy(name),
                    attrs: Vec::new(),
                    self_closing: false,
                });
            }
            CallbackEvent::AttributeName { name } => attr_name = Some(lossy(name)),
            CallbackEvent::AttributeValue { value } => {
                if let (Some(name), Some(Tok::Start { attrs, .. })) =
                    (attr_name.take(), out.last_mut())
                {
                    // The first of two attributes with one name wins, as in a browser.
                    if !attrs.iter().any(|(k, _)| *k == name) {
                        attrs.push((name, lossy(value)));
                    }
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                attr_name = None;
                if let Some(Tok::Start {
                    self_closing: s, ..
                }) = out.last_mut()
                {
                    *s = self_closing;
                }
            }
            CallbackEvent::EndTag { name } => out.push(Tok::End(lossy(name))),
            CallbackEvent::String { value } => match out.last_mut() {
                Some(Tok::Text(t)) => t.push_str(&String::from_utf8_lossy(value)),
                _ => out.push(Tok::Text(lossy(value))),
            },
            _ => {}
        }
        None
    });
    let mut emitter = emitter;
    emitter.naively_switch_states(true);
    for _ in Tokenizer::new_with_emitter(html, emitter) {}
    out
}

/// Elements that hold no content and are never closed.
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Elements a browser closes by itself when the next one opens: they do not nest.
const SELF_ENDING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "colgroup", "caption", "head", "body", "html",
];

/// How deeply the page's elements nest (end tags matched by count, not by name, which is
/// enough to bound the readability pass's cost).
pub(super) fn max_depth(toks: &[Tok]) -> usize {
    let mut depth = 0usize;
    let mut max = 0usize;
    for t in toks {
        match t {
            Tok::Start {
                name, self_closing, ..
            } if !self_closing && !is_in(VOID, name) && !is_in(SELF_ENDING, name) => {
                depth += 1;
                max = max.max(depth);
            }
            Tok::End(name) if !is_in(VOID, name) && !is_in(SELF_ENDING, name) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    max
}

/// Is `name` one of `list`?
pub(super) fn is_in(list: &[&str], name: &str) -> bool {
    list.contains(&name)
}

/// White space collapsed and trimmed, control characters dropped.
pub(super) fn squash(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
