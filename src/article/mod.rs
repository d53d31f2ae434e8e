//! Article loading and normalisation: from a file to blocks of analysis text that map back to
//! the exact bytes of the article.

pub mod furniture;
pub mod html;
pub mod layout;
pub mod load;
pub mod metadata;
pub mod normalize;

pub use furniture::Furniture;
pub use layout::{Block, BlockKind, Layout, Link, Marker};
pub use load::LoadError;
pub use metadata::Metadata;

use std::path::{Path, PathBuf};

/// How the article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: blocks are split at blank lines.
    Text,
    /// Markdown (`.md`, `.markdown`), laid out by pulldown-cmark.
    Markdown,
}

impl Format {
    /// The format a file's extension names: Markdown for `.md` and `.markdown` (in any case),
    /// plain text for anything else.
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown") => {
                Format::Markdown
            }
            _ => Format::Text,
        }
    }
}

/// A loaded article, ready for extraction.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as the dossier records it (relative to the dossier root, `/`-separated).
    pub path: String,
    /// The file stem: the name of its claim file.
    pub slug: String,
    /// Plain text or Markdown, from the file's extension.
    pub format: Format,
    /// The article exactly as on disk.
    pub original: String,
    /// The normalised analysis text, its blocks and links.
    pub layout: Layout,
    /// Parallel to `layout.blocks`: which blocks are page furniture.
    pub furniture: Vec<Option<Furniture>>,
    /// Title, author, date and outlet as the article itself gives them.
    pub metadata: Metadata,
    /// `sha256:<hex>` of the article bytes.
    pub fingerprint: String,
    /// Byte offset of the start of each line of `original`.
    line_starts: Vec<usize>,
    /// Number of characters before each multiple of [`CHECKPOINT`] bytes, so that columns of
    /// very long lines are counted in bounded time.
    char_checkpoints: Vec<usize>,
}

const CHECKPOINT: usize = 4096;

impl Article {
    /// Read and prepare the article at `file`, recording it under `record_path`.
    pub fn load(file: &Path, record_path: &str) -> Result<Article, LoadError> {
        let text = load::read_article_text(file)?;
        Ok(Article::from_text(
            record_path,
            text,
            Format::from_path(file),
        ))
    }

    /// Prepare an article from text already in memory.
    pub fn from_text(record_path: &str, original: String, format: Format) -> Article {
        let layout = match format {
            Format::Text => layout::layout_text(&original),
            Format::Markdown => layout::layout_markdown(&original),
        };
        let furniture = furniture::classify(layout.norm.text(), &layout.blocks);
        let metadata = metadata::extract(&layout.norm, &original, &layout.blocks, &furniture);
        let fingerprint = fingerprint(original.as_bytes());
        let slug = crate::util::file_stem(record_path);
        let mut char_checkpoints = Vec::with_capacity(original.len() / CHECKPOINT + 1);
        let mut chars = 0;
        let mut last = 0;
        for k in 0..=original.len() / CHECKPOINT {
            let at = floor_boundary(&original, k * CHECKPOINT);
            chars += original[last..at].chars().count();
            char_checkpoints.push(chars);
            last = at;
        }
        let line_starts = std::iter::once(0)
            .chain(original.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Article {
            path: record_path.to_string(),
            slug,
            format,
            original,
            layout,
            furniture,
            metadata,
            fingerprint,
            line_starts,
            char_checkpoints,
        }
    }

    /// Number of characters of `original` before byte `pos`.
    fn chars_before(&self, pos: usize) -> usize {
        let k = pos / CHECKPOINT;
        let from = floor_boundary(&self.original, k * CHECKPOINT);
        let to = floor_boundary(&self.original, pos);
        self.char_checkpoints[k]
            + self
                .original
                .get(from..to.max(from))
                .map_or(0, |s| s.chars().count())
    }

    /// The normalised analysis text.
    pub fn text(&self) -> &str {
        self.layout.norm.text()
    }

    /// The original text of a normalised span.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.layout.norm.orig_start(start);
        let e = self.layout.norm.orig_end(end).max(s);
        (s, e)
    }

    /// 1-based line and column (in characters) of an original byte offset.
    pub fn line_col(&self, orig: usize) -> (usize, usize) {
        let orig = orig.min(self.original.len());
        let line = self.line_starts.partition_point(|&s| s <= orig).max(1);
        let start = self.line_starts[line - 1];
        (line, self.chars_before(orig) - self.chars_before(start) + 1)
    }
}

/// The largest character boundary of `s` at or before `pos`.
fn floor_boundary(s: &str, pos: usize) -> usize {
    let mut p = pos.min(s.len());
    while !s.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = text
        .get(line_start..offset)
        .map_or(offset - line_start, |s| s.chars().count())
        + 1;
    (line, column)
}

pub use crate::util::fingerprint;

/// Does `path` look like an article file (`.txt`, `.md`, `.markdown`), or an HTML page
/// (`.html`, `.htm`, `.xhtml`)? A page in `articles/` is found like an article so that it is
/// reported, never skipped in silence: loading it fails with [`LoadError::HtmlPage`], which
/// tells the editor to run `dossier add` on it.
pub fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "markdown")
    ) || is_page_file(path)
}

/// Does `path` name an HTML page (`.html`, `.htm`, `.xhtml`)?
pub fn is_page_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("html" | "htm" | "xhtml")
    )
}

/// The recorded form of a path relative to a root: `/`-separated.
pub fn record_path(root: &Path, file: &Path) -> String {
    let rel: PathBuf = file
        .strip_prefix(root)
        .map_or_else(|_| file.to_path_buf(), Path::to_path_buf);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let t = "ab\n“cd” ef";
        let off = t.find("ef").unwrap();
        assert_eq!(line_col(t, off), (2, 6));
        assert_eq!(line_col(t, 0), (1, 1));
    }

    #[test]
    fn article_line_and_column_agree_with_the_plain_count() {
        let text = format!("first\n{}“x” é\nlast", "ü".repeat(5000));
        let a = Article::from_text("a.txt", text.clone(), Format::Text);
        for off in [
            0,
            3,
            6,
            7,
            5006,
            10006,
            text.find('x').unwrap(),
            text.find("last").unwrap(),
        ] {
            let off = floor_boundary(&text, off);
            assert_eq!(a.line_col(off), line_col(&text, off), "offset {off}");
        }
    }

    #[test]
    fn formats() {
        assert_eq!(Format::from_path(Path::new("a/b.MD")), Format::Markdown);
        assert!(is_article_file(Path::new("x.markdown")));
        assert!(!is_article_file(Path::new("x.yaml")));
    }
}
