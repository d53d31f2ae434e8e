//! Bounded reads of regular files. A leaf module (it uses nothing else of the crate), so that
//! both [`crate::article`] (reading articles) and [`crate::store`] (reading YAML) can use it
//! without depending on each other.

use std::path::Path;

/// Why [`read_limited`] refused a file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("not a regular file")]
    NotAFile,
    #[error("the file is {size} bytes, more than the limit of {limit}")]
    TooLarge { size: u64, limit: u64 },
}

/// Read a regular file of at most `limit` bytes. Anything else (a directory, a FIFO or device
/// that could block or never end, a file over the limit) is refused before it is read, so
/// that memory stays bounded whatever the dossier holds.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    // Before opening: opening a FIFO for reading blocks until someone writes to it.
    if !std::fs::metadata(path)?.is_file() {
        return Err(ReadError::NotAFile);
    }
    let f = std::fs::File::open(path)?;
    let meta = f.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between stat and read: never read past the limit.
    f.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// [`read_limited`], as UTF-8 text.
pub fn read_text_limited(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_limited(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not valid UTF-8 (byte {} starts an invalid sequence)",
                e.utf8_error().valid_up_to()
            ),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limited_reads_refuse_large_files_and_non_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"12345").unwrap();
        assert_eq!(read_limited(&p, 5).unwrap(), b"12345");
        assert!(matches!(
            read_limited(&p, 4),
            Err(ReadError::TooLarge { size: 5, limit: 4 })
        ));
        assert!(matches!(
            read_limited(dir.path(), 100),
            Err(ReadError::NotAFile)
        ));
        assert!(matches!(
            read_limited(&dir.path().join("none"), 100),
            Err(ReadError::Io(_))
        ));
        std::fs::write(&p, b"ab\xffc").unwrap();
        let e = read_text_limited(&p, 100).unwrap_err().to_string();
        assert!(e.contains("byte 2"), "{e}");
    }
}
