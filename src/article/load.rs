//! Reading an article file from disk and refusing what cannot be an article.

use std::path::{Path, PathBuf};

/// Why an article could not be loaded. Each variant carries enough to point an editor at
/// the exact byte that is wrong.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read: it is missing, or its permissions forbid it.
    #[error("{path}: cannot read the file: {error}")]
    Io {
        /// The file that could not be read, as the caller named it.
        path: PathBuf,
        /// What the read met: the operating system's error, or a symbolic link out of the
        /// dossier.
        #[source]
        error: crate::util::fs::ReadError,
    },
    /// The file has no bytes at all.
    #[error("{path}: the file is empty")]
    Empty {
        /// The empty file, as the caller named it.
        path: PathBuf,
    },
    /// An article's bytes are not valid UTF-8.
    #[error("{path}:{line}:{column}: the file is not valid UTF-8 (byte {offset} starts an invalid sequence)")]
    InvalidUtf8 {
        /// The file, as the caller named it.
        path: PathBuf,
        /// Byte offset in the file of the first byte of the invalid sequence.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
        /// 1-based column of that byte, in characters.
        column: usize,
    },
    /// The file holds a NUL byte, so it is binary rather than text.
    #[error(
        "{path}:{line}:{column}: the file contains a NUL byte (offset {offset}); it looks binary"
    )]
    NulByte {
        /// The file, as the caller named it.
        path: PathBuf,
        /// Byte offset of the NUL: in the file, or in the decoded text of a UTF-16 page.
        offset: usize,
        /// 1-based line of the NUL.
        line: usize,
        /// 1-based column of the NUL, in characters.
        column: usize,
    },
    /// The file holds only white space (and perhaps a byte-order mark).
    #[error("{path}: the file holds only white space")]
    Blank {
        /// The blank file, as the caller named it.
        path: PathBuf,
    },
    /// The file is larger than [`MAX_ARTICLE_BYTES`].
    #[error("{path}: the file is {size} bytes; articles may be at most {limit} bytes")]
    TooLarge {
        /// The file, as the caller named it.
        path: PathBuf,
        /// The file's size in bytes.
        size: u64,
        /// The largest size accepted, in bytes ([`MAX_ARTICLE_BYTES`]).
        limit: u64,
    },
    /// The path names a directory, device or other thing that is not a regular file.
    #[error("{path}: not a regular file")]
    NotAFile {
        /// The path, as the caller named it.
        path: PathBuf,
    },
    /// The path is not valid UTF-8, so the claim file could not name it again.
    #[error("{}: the file's path is not valid UTF-8; dossier records article paths as text", path.display())]
    NonUtf8Path {
        /// The path, as the operating system gave it.
        path: PathBuf,
    },
    /// An HTML page in `articles/`: `dossier add` converts a page into an article once.
    #[error("{path}: an HTML page is not read as an article as it is")]
    HtmlPage {
        /// The page's file, as the caller named it.
        path: PathBuf,
    },
    /// An HTML page without any readable text (one that needs JavaScript to show it).
    #[error("{path}: the page holds no readable text")]
    NoReadableText {
        /// The page's file or the address it was fetched from, as the editor gave it.
        path: PathBuf,
    },
}

/// The largest article dossier reads (16 MiB: a long book, far beyond any article). The limit
/// keeps the time and memory one file can cost bounded.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

impl LoadError {
    /// The byte offset the error points at, when there is one.
    pub fn offset(&self) -> Option<usize> {
        match self {
            LoadError::InvalidUtf8 { offset, .. } | LoadError::NulByte { offset, .. } => {
                Some(*offset)
            }
            _ => None,
        }
    }
}

impl crate::util::Advice for LoadError {
    /// A one-line hint telling the editor how to fix the file.
    fn help(&self) -> &'static str {
        match self {
            LoadError::Io { .. } => "check that the path exists and is readable",
            LoadError::Empty { .. } | LoadError::Blank { .. } => {
                "paste the article text into the file, or remove the file"
            }
            LoadError::InvalidUtf8 { .. } => {
                "re-save the article as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`)"
            }
            LoadError::NulByte { .. } => {
                "articles must be plain text or Markdown; export the text from the binary format first"
            }
            LoadError::TooLarge { .. } => {
                "split the file into its articles, or remove what is not article text"
            }
            LoadError::NotAFile { .. } => {
                "articles/ may hold only article files and directories; move this one out"
            }
            LoadError::NonUtf8Path { .. } => "rename the file (or its directory) to a UTF-8 name",
            LoadError::HtmlPage { .. } => {
                "run `dossier add` on the page: it writes its readable text as a .md article and keeps the page in originals/"
            }
            LoadError::NoReadableText { .. } => {
                "open the page in a browser and save it once its article shows (\"Web page, complete\"), or copy the text into a .txt file"
            }
        }
    }
}

/// Read `path` and validate it as article text. An HTML page is refused: `dossier add`
/// converts it into an article (see [`super::html`]).
pub fn read_article_text(path: &Path) -> Result<String, LoadError> {
    if super::is_page_file(path) {
        return Err(LoadError::HtmlPage {
            path: path.to_path_buf(),
        });
    }
    let bytes = read_bytes(path)?;
    validate_article_bytes(path, bytes)
}

/// Read an HTML page's bytes and decode them in the page's character encoding (a byte-order
/// mark, else a `<meta charset>`, else UTF-8, else windows-1252), refusing what cannot be a page:
/// an empty or blank file, one that is too large, and a binary file (a NUL byte; a page in
/// UTF-16 is checked once decoded). Returns the bytes as read and the decoded text.
pub fn read_page(path: &Path) -> Result<(Vec<u8>, String), LoadError> {
    let bytes = read_bytes(path)?;
    if bytes.is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    let utf16 =
        encoding_rs::Encoding::for_bom(&bytes).is_some_and(|(e, _)| e != encoding_rs::UTF_8);
    let nul = |hay: &[u8]| hay.iter().position(|&b| b == 0);
    if let Some(offset) = nul(&bytes).filter(|_| !utf16) {
        let (line, column) = line_col_bytes(&bytes[..offset]);
        return Err(LoadError::NulByte {
            path: path.to_path_buf(),
            offset,
            line,
            column,
        });
    }
    let text = crate::util::charset::decode(&bytes, None, true);
    let text = text_or_refusal(path, text)?;
    Ok((bytes, text))
}

/// `text` as an article's text, unless it holds a NUL byte (a binary file) or nothing but
/// whitespace.
fn text_or_refusal(path: &Path, text: String) -> Result<String, LoadError> {
    if let Some(offset) = text.find('\0') {
        let (line, column) = line_col_bytes(&text.as_bytes()[..offset]);
        return Err(LoadError::NulByte {
            path: path.to_path_buf(),
            offset,
            line,
            column,
        });
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(LoadError::Blank {
            path: path.to_path_buf(),
        });
    }
    Ok(text)
}

/// Read at most [`MAX_ARTICLE_BYTES`] of a regular file whose path is UTF-8.
fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    use crate::util::fs::{read_limited, ReadError};
    // Its record in the claim file must name it again; a lossy name would not.
    if path.to_str().is_none() {
        return Err(LoadError::NonUtf8Path {
            path: path.to_path_buf(),
        });
    }
    read_limited(path, MAX_ARTICLE_BYTES).map_err(|e| match e {
        e @ ReadError::Io(_) => LoadError::Io {
            path: path.to_path_buf(),
            error: e,
        },
        ReadError::NotAFile => LoadError::NotAFile {
            path: path.to_path_buf(),
        },
        e @ (ReadError::NotUtf8 { .. } | ReadError::Outside { .. }) => LoadError::Io {
            path: path.to_path_buf(),
            error: e,
        },
        ReadError::TooLarge { size, limit } => LoadError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        },
    })
}

/// Validate raw bytes as article text: non-empty, UTF-8, no NUL bytes.
pub fn validate_article_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let (line, column) = line_col_bytes(&bytes[..offset]);
            return Err(LoadError::InvalidUtf8 {
                path: path.to_path_buf(),
                offset,
                line,
                column,
            });
        }
    };
    text_or_refusal(path, text)
}

/// 1-based line and column (in characters) of the end of `prefix`. Invalid UTF-8 in the prefix
/// cannot occur (callers pass the valid part), but is counted byte by byte if it does.
fn line_col_bytes(prefix: &[u8]) -> (usize, usize) {
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8]) -> Result<String, LoadError> {
        validate_article_bytes(Path::new("a.txt"), bytes.to_vec())
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert!(matches!(check(b""), Err(LoadError::Empty { .. })));
        assert!(matches!(check(b" \n\t\n"), Err(LoadError::Blank { .. })));
        assert!(matches!(
            check("\u{feff}\n".as_bytes()),
            Err(LoadError::Blank { .. })
        ));
    }

    #[test]
    fn invalid_utf8_points_at_the_line_and_column() {
        let err = check(b"first line\nab\xff cd").unwrap_err();
        assert!(
            matches!(
                &err,
                LoadError::InvalidUtf8 { path, offset: 13, line: 2, column: 3 } if path.as_path() == std::path::Path::new("a.txt")
            ),
            "{err:?}"
        );
        assert!(err.to_string().starts_with("a.txt:2:3:"));
    }

    #[test]
    fn nul_bytes_are_refused_with_position() {
        let err = check(b"abc\n\0").unwrap_err();
        assert_eq!(err.offset(), Some(4));
        assert!(err.to_string().contains("a.txt:2:1"));
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        assert!(check("\u{feff}Hello.\r\nWorld.".as_bytes()).is_ok());
    }

    #[test]
    fn html_pages_are_not_read_as_articles_but_as_pages() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("p.HTM");
        std::fs::write(&page, "<p>caf\u{e9}</p>").unwrap();
        assert!(matches!(
            read_article_text(&page),
            Err(LoadError::HtmlPage { .. })
        ));
        let (bytes, text) = read_page(&page).unwrap();
        assert_eq!((bytes.len(), text.as_str()), (12, "<p>caf\u{e9}</p>"));
        // A page in UTF-16 (its byte-order mark says so) is decoded, not refused for its NULs.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<p>hi</p>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        std::fs::write(&page, utf16).unwrap();
        assert_eq!(read_page(&page).unwrap().1, "<p>hi</p>");
        // Binary bytes, an empty or a blank page are refused with their reason.
        std::fs::write(&page, b"<p>a\n\x00b").unwrap();
        let err = read_page(&page).unwrap_err();
        assert_eq!(err.offset(), Some(5));
        assert!(err.to_string().contains(":2:1:"), "{err}");
        std::fs::write(&page, b"").unwrap();
        assert!(matches!(read_page(&page), Err(LoadError::Empty { .. })));
        std::fs::write(&page, b" \n ").unwrap();
        assert!(matches!(read_page(&page), Err(LoadError::Blank { .. })));
    }
}
