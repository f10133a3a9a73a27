//! Text files in the encoding they were saved in: UTF-8, UTF-16 with a
//! byte-order mark, or a legacy encoding such as Windows-1252 (the "CSV" of
//! Excel on Windows) or Latin-1, detected or named with `--encoding`, and
//! decoded to UTF-8 as they are read.

use super::table::TableError;
use encoding_rs::Encoding;
use std::io::Read;
use std::path::Path;

/// How a file's encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    /// The user named it (`--encoding`).
    Named,
    /// The file starts with a byte-order mark.
    ByteOrderMark,
    /// Every byte is valid UTF-8.
    ValidUtf8,
    /// The bytes are not UTF-8; the encoding is a guess from them (chardetng).
    Guessed,
}

/// A text file's encoding, and how it was chosen.
#[derive(Debug, Clone, Copy)]
pub struct TextEncoding {
    pub encoding: &'static Encoding,
    pub chosen: Chosen,
}

impl TextEncoding {
    /// What the summary says about a file not read as plain UTF-8, if anything.
    pub fn note(&self, file: &str) -> Option<String> {
        let name = self.encoding.name();
        match self.chosen {
            Chosen::ValidUtf8 => None,
            Chosen::ByteOrderMark if self.encoding == encoding_rs::UTF_8 => None,
            Chosen::ByteOrderMark => Some(format!("{file}: read as {name} (byte-order mark)")),
            Chosen::Named => Some(format!("{file}: read as {name} (--encoding)")),
            Chosen::Guessed => Some(format!(
                "{file}: not UTF-8, read as {name} (a guess from its bytes; name another with --encoding)"
            )),
        }
    }
}

/// The encoding a user names: a WHATWG label such as "windows-1252", "latin1",
/// "utf-16le" or "utf-8".
pub fn parse_label(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label_no_replacement(label.trim().as_bytes()).ok_or_else(|| {
        format!(
            "'{label}' is not an encoding smarten knows; try utf-8, windows-1252, latin1, utf-16le or utf-16be"
        )
    })
}

/// A text file decoded to UTF-8 as it is read. A file in UTF-8 is read as it
/// is, so that a byte that is not UTF-8 is reported on its own row rather
/// than replaced.
pub type TextReader = Box<dyn Read>;

/// Bytes read at a time while detecting.
const CHUNK: usize = 64 * 1024;

fn unreadable(path: &Path, reason: impl std::fmt::Display) -> TableError {
    TableError::Unreadable {
        path: path.display().to_string(),
        reason: reason.to_string(),
    }
}

/// Opens a text file decoded to UTF-8, in the encoding named, or else the one
/// its byte-order mark gives, or UTF-8 when every byte is UTF-8, or the one its
/// bytes suggest. Refuses a file that is not text (NUL bytes, without a UTF-16
/// mark) and one that the encoding tried cannot decode, naming both.
pub fn open(
    path: &Path,
    named: Option<&'static Encoding>,
) -> Result<(TextReader, TextEncoding), TableError> {
    let found = detect(path, named)?;
    Ok((open_as(path, found)?, found))
}

/// Opens a text file decoded to UTF-8 in an encoding already detected.
pub fn open_as(path: &Path, found: TextEncoding) -> Result<TextReader, TableError> {
    let file = std::fs::File::open(path).map_err(|e| unreadable(path, e))?;
    if found.encoding == encoding_rs::UTF_8 {
        return Ok(Box::new(file));
    }
    Ok(Box::new(
        encoding_rs_io::DecodeReaderBytesBuilder::new()
            .encoding(Some(found.encoding))
            .bom_override(found.chosen != Chosen::Named)
            .build(file),
    ))
}

/// Reads a whole text file decoded to UTF-8 (for the small files `mark` reads).
pub fn read_to_string(
    path: &Path,
    named: Option<&'static Encoding>,
) -> Result<(String, TextEncoding), TableError> {
    let (mut reader, found) = open(path, named)?;
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        unreadable(
            path,
            format!(
                "not UTF-8 text (invalid byte at byte {}); save it as UTF-8 or name its encoding with --encoding",
                e.utf8_error().valid_up_to() + 1
            ),
        )
    })?;
    Ok((text, found))
}

/// Decides a file's encoding, reading it a chunk at a time.
pub fn detect(path: &Path, named: Option<&'static Encoding>) -> Result<TextEncoding, TableError> {
    let mut file = std::fs::File::open(path).map_err(|e| unreadable(path, e))?;
    let mut head = [0u8; 3];
    let mut got = 0;
    while got < head.len() {
        match file
            .read(&mut head[got..])
            .map_err(|e| unreadable(path, e))?
        {
            0 => break,
            n => got += n,
        }
    }
    // An encoding the user names, or the file's byte-order mark, is taken as
    // stated; one other than UTF-8 is checked to decode.
    let stated = named
        .map(|e| (e, Chosen::Named))
        .or_else(|| Encoding::for_bom(&head[..got]).map(|(e, _)| (e, Chosen::ByteOrderMark)));
    if let Some((encoding, chosen)) = stated {
        let found = TextEncoding { encoding, chosen };
        if encoding != encoding_rs::UTF_8 {
            check_decodes(path, found)?;
        }
        return Ok(found);
    }
    let mut file = std::fs::File::open(path).map_err(|e| unreadable(path, e))?;
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let mut buf = vec![0u8; CHUNK];
    // UTF-8 is checked across chunk boundaries: up to 3 bytes of a character carried over.
    let mut carry: Vec<u8> = Vec::new();
    let mut utf8 = true;
    let mut offset = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(|e| unreadable(path, e))?;
        if n == 0 {
            break;
        }
        let chunk = &buf[..n];
        if let Some(at) = chunk.iter().position(|&b| b == 0) {
            return Err(unreadable(
                path,
                format!(
                    "not a text file: it holds a NUL byte at byte {} (is it a spreadsheet or document saved under another name?)",
                    offset + at as u64 + 1
                ),
            ));
        }
        detector.feed(chunk, false);
        if utf8 {
            carry.extend_from_slice(chunk);
            match std::str::from_utf8(&carry) {
                Ok(_) => carry.clear(),
                Err(e) if e.error_len().is_none() => {
                    let rest = carry.split_off(e.valid_up_to());
                    carry = rest;
                }
                Err(_) => utf8 = false,
            }
        }
        offset += n as u64;
    }
    detector.feed(&[], true);
    if utf8 && carry.is_empty() {
        return Ok(TextEncoding {
            encoding: encoding_rs::UTF_8,
            chosen: Chosen::ValidUtf8,
        });
    }
    let found = TextEncoding {
        encoding: detector.guess(None, chardetng::Utf8Detection::Deny),
        chosen: Chosen::Guessed,
    };
    check_decodes(path, found)?;
    Ok(found)
}

/// Refuses a file that `found` cannot decode, naming the encoding tried, how it
/// was chosen, and the first byte that fails.
fn check_decodes(path: &Path, found: TextEncoding) -> Result<(), TableError> {
    let mut file = std::fs::File::open(path).map_err(|e| unreadable(path, e))?;
    let mut decoder = found.encoding.new_decoder_with_bom_removal();
    let mut buf = vec![0u8; CHUNK];
    let mut out = String::with_capacity(CHUNK * 3 + 16);
    // Bytes of the file handed to the decoder before `input`.
    let mut offset = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(|e| unreadable(path, e))?;
        let last = n == 0;
        let mut input = &buf[..n];
        loop {
            out.clear();
            let (result, read) =
                decoder.decode_to_string_without_replacement(input, &mut out, last);
            offset += read as u64;
            match result {
                encoding_rs::DecoderResult::InputEmpty => break,
                encoding_rs::DecoderResult::OutputFull => input = &input[read..],
                encoding_rs::DecoderResult::Malformed(_, _) => {
                    let how = match found.chosen {
                        Chosen::Named => "as named with --encoding",
                        Chosen::ByteOrderMark => "as its byte-order mark says",
                        Chosen::Guessed | Chosen::ValidUtf8 => {
                            "the encoding its bytes suggest, as they are not UTF-8"
                        }
                    };
                    return Err(unreadable(
                        path,
                        format!(
                            "cannot be decoded as {} ({how}): the bytes before byte {} are not valid in it; save the file as UTF-8 or name its encoding with --encoding",
                            found.encoding.name(),
                            offset + 1
                        ),
                    ));
                }
            }
        }
        if last {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("plan.csv");
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        (dir, path)
    }

    fn decoded(bytes: &[u8], named: Option<&'static Encoding>) -> Result<(String, Chosen), String> {
        let (_dir, path) = written(bytes);
        read_to_string(&path, named)
            .map(|(text, found)| (text, found.chosen))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn each_encoding_is_found_and_decoded() {
        let utf8 = "Action,Who\nCall Déborah,Mum\n";
        assert_eq!(
            decoded(utf8.as_bytes(), None),
            Ok((utf8.into(), Chosen::ValidUtf8))
        );
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(utf8);
        assert_eq!(decoded(&cp1252, None), Ok((utf8.into(), Chosen::Guessed)));
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(utf8.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decoded(&utf16, None),
            Ok((utf8.into(), Chosen::ByteOrderMark))
        );
        let latin1 = parse_label("latin1").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            decoded(&cp1252, Some(latin1)),
            Ok((utf8.into(), Chosen::Named))
        );
    }

    #[test]
    fn files_that_are_not_text_or_do_not_decode_are_named_with_the_guess() {
        let err = decoded(b"PK\x03\x04\x00\x00", None).unwrap_err();
        assert!(err.ends_with("plan.csv: not a text file: it holds a NUL byte at byte 5 (is it a spreadsheet or document saved under another name?)"), "{err}");
        // A UTF-16 mark, then half a surrogate pair.
        let err = decoded(&[0xff, 0xfe, b'A', 0, 0x00, 0xd8, b'B', 0], None).unwrap_err();
        assert!(
            err.contains("cannot be decoded as UTF-16LE (as its byte-order mark says)"),
            "{err}"
        );
        assert!(parse_label("klingon")
            .unwrap_err()
            .contains("'klingon' is not an encoding"));
    }
}
