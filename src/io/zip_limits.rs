//! Limits on what an XLSX or DOCX (a zip of XML parts) may unpack to, checked
//! before the workbook or document is read: a small file can hold gigabytes of
//! XML (a decompression bomb). Each part is unpacked into nothing, counting its
//! bytes, so the check itself runs in flat memory and stops at the cap, whatever
//! sizes the zip's headers claim.

use super::table::TableError;
pub use crate::core::config::ZipLimits;
use std::io::Read;
use std::path::Path;

const MB: u64 = 1024 * 1024;

/// The first bytes of an OLE compound file: what Office writes for an
/// encrypted workbook or document, and for the old .xls and .doc formats.
const COMPOUND_FILE: [u8; 8] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/// Refuses the zip at `path` if a part unpacks to more than `limits.part_mb`,
/// or all parts to more than `limits.total_mb`, naming the part and the setting.
pub fn check(limits: &ZipLimits, path: &Path) -> Result<(), TableError> {
    let fail = |reason: String| TableError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    let mut file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    let mut magic = [0u8; 8];
    let got = file.read(&mut magic).map_err(|e| fail(e.to_string()))?;
    if magic[..got] == COMPOUND_FILE {
        return Err(fail(
            "is password-protected (an encrypted Office file), or an old binary .xls or .doc under a new name; save an unprotected .xlsx or .docx copy and audit that".into(),
        ));
    }
    let mut zip = zip::ZipArchive::new(file).map_err(|e| fail(not_a_zip(e)))?;
    let (part_cap, total_cap) = (limits.part_mb * MB, limits.total_mb * MB);
    // A part (or, `whole`, all parts together) over its limit; its size when known.
    let over = |part: &str, size: Option<u64>, whole: bool| {
        let (cap, what, setting) = if whole {
            (limits.total_mb, "all parts", "total_mb")
        } else {
            (limits.part_mb, "one part", "part_mb")
        };
        let size = size.map_or(String::new(), |s| format!("{} MB, ", s.div_ceil(MB)));
        fail(format!(
            "{part} unpacks to {size}more than {cap} MB, the limit for {what}; a plan file this large is likely a decompression bomb (raise [read.zip] {setting} in smarten.toml if it is a real plan)"
        ))
    };
    // What the headers claim, first: a cheap refusal of an honest bomb.
    let mut claimed = 0u64;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| fail(not_a_zip(e)))?;
        if part.size() > part_cap {
            return Err(over(part.name(), Some(part.size()), false));
        }
        claimed = claimed.saturating_add(part.size());
    }
    if claimed > total_cap {
        return Err(over("the file", Some(claimed), true));
    }
    // Then what the parts really unpack to, stopping at the cap.
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = match zip.by_index(i) {
            Ok(p) => p,
            Err(zip::result::ZipError::UnsupportedArchive(why)) => {
                return Err(fail(format!(
                    "cannot be opened: {why} (is it password-protected? save an unprotected copy)"
                )))
            }
            Err(e) => return Err(fail(not_a_zip(e))),
        };
        let name = part.name().to_string();
        let unpacked =
            std::io::copy(&mut part.take(part_cap + 1), &mut std::io::sink()).map_err(|e| {
                fail(format!(
                    "{name} cannot be unpacked: {e} (is the file truncated or damaged?)"
                ))
            })?;
        if unpacked > part_cap {
            return Err(over(&name, None, false));
        }
        total += unpacked;
        if total > total_cap {
            return Err(over("the file", None, true));
        }
    }
    Ok(())
}

/// What to say about a file the zip reader cannot open.
fn not_a_zip(e: zip::result::ZipError) -> String {
    format!("not a readable XLSX or DOCX (zip) file: {e} (is it truncated, damaged, or password-protected?)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip with one part of `size` zero bytes, written compressed.
    fn zip_of(dir: &Path, name: &str, part: &str, size: usize) -> std::path::PathBuf {
        let path = dir.join(name);
        let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(size as u64 > u32::MAX as u64);
        zip.start_file(part, options)
            .unwrap_or_else(|e| panic!("{e}"));
        let chunk = vec![b'<'; 1 << 20];
        let mut left = size;
        while left > 0 {
            let n = left.min(chunk.len());
            zip.write_all(&chunk[..n]).unwrap_or_else(|e| panic!("{e}"));
            left -= n;
        }
        zip.finish().unwrap_or_else(|e| panic!("{e}"));
        path
    }

    #[test]
    fn a_part_over_the_cap_is_refused_by_name_and_a_small_one_passes() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let limits = ZipLimits {
            part_mb: 4,
            total_mb: 6,
        };
        let small = zip_of(
            dir.path(),
            "small.xlsx",
            "xl/sharedStrings.xml",
            3 * MB as usize,
        );
        assert!(check(&limits, &small).is_ok());
        let big = zip_of(
            dir.path(),
            "big.xlsx",
            "xl/sharedStrings.xml",
            5 * MB as usize,
        );
        let err = check(&limits, &big).unwrap_err().to_string();
        assert!(
            err.contains("big.xlsx: xl/sharedStrings.xml unpacks to 5 MB, more than 4 MB, the limit for one part"),
            "{err}"
        );
        let err = check(&ZipLimits::default(), &dir.path().join("missing.docx"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("missing.docx"), "{err}");
    }
}
