//! Values kept on disk until they are needed again: the audit writes the actions
//! that are not SMART here until the plan report needs them (for drift and the
//! report's tables), so that memory stays flat in the number of rows. The file
//! is an unnamed temporary file: the operating system removes it when the run
//! ends, even if the run is killed.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::marker::PhantomData;
use std::sync::Mutex;

/// Where one action was written in a [`Ledger`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry(u64);

/// Append-only store of values: each is written as its length (4 bytes) and
/// its JSON, and read back by the offset it was written at.
#[derive(Debug)]
pub struct Ledger<T> {
    writer: Option<BufWriter<File>>,
    /// The file once writing is done, for reading back.
    reader: Option<Mutex<File>>,
    finished: bool,
    written: u64,
    kind: PhantomData<fn() -> T>,
}

impl<T> Default for Ledger<T> {
    fn default() -> Self {
        Ledger {
            writer: None,
            reader: None,
            finished: false,
            written: 0,
            kind: PhantomData,
        }
    }
}

impl<T: Serialize + DeserializeOwned> Ledger<T> {
    /// Appends a value; the entry reads it back.
    pub fn push(&mut self, action: &T) -> std::io::Result<Entry> {
        if self.finished {
            return Err(std::io::Error::other(
                "a value was added to the ledger after it was finished",
            ));
        }
        let writer = match &mut self.writer {
            Some(w) => w,
            None => self.writer.insert(BufWriter::new(tempfile::tempfile()?)),
        };
        let json = serde_json::to_vec(action)?;
        let len = u32::try_from(json.len()).map_err(std::io::Error::other)?;
        writer.write_all(&len.to_le_bytes())?;
        writer.write_all(&json)?;
        let entry = Entry(self.written);
        self.written += 4 + u64::from(len);
        Ok(entry)
    }

    /// Ends writing; from now on entries can be read.
    pub fn finish(&mut self) -> std::io::Result<()> {
        self.finished = true;
        if let Some(w) = self.writer.take() {
            let file = w.into_inner().map_err(|e| e.into_error())?;
            self.reader = Some(Mutex::new(file));
        }
        Ok(())
    }

    /// The value written at `entry`. [`Ledger::finish`] must have been called.
    pub fn get(&self, entry: Entry) -> std::io::Result<T> {
        let Some(file) = self.reader.as_ref().filter(|_| self.finished) else {
            return Err(std::io::Error::other(
                "the ledger was read from before it was finished",
            ));
        };
        let mut file = file
            .lock()
            .map_err(|_| std::io::Error::other("the ledger's lock was poisoned"))?;
        file.seek(SeekFrom::Start(entry.0))?;
        let mut len = [0u8; 4];
        file.read_exact(&mut len)?;
        let mut json = vec![0u8; u32::from_le_bytes(len) as usize];
        file.read_exact(&mut json)?;
        Ok(serde_json::from_slice(&json)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Serialize, Deserialize)]
    struct Action {
        row: usize,
        sheet: Option<String>,
        objective: String,
        failing: Vec<char>,
        relevant: bool,
        rewrite: Option<String>,
    }

    fn action(row: usize, objective: &str, rewrite: Option<&str>) -> Action {
        Action {
            sheet: (row % 2 == 0).then(|| "Actions".into()),
            row,
            objective: objective.into(),
            failing: vec!['S', 'T'],
            relevant: row != 3,
            rewrite: rewrite.map(Into::into),
        }
    }

    #[test]
    fn actions_read_back_as_written_in_any_order() {
        let mut ledger: Ledger<Action> = Ledger::default();
        let written = [
            action(2, "Mum to engage with services", Some("Mum will attend …")),
            action(3, "Kayleigh to understand the importance of school", None),
            action(4, "Dad will \"try\" to stop drinking — ongoing", None),
        ];
        let entries: Vec<Entry> = written.iter().map(|a| ledger.push(a).unwrap()).collect();
        ledger.finish().unwrap();
        for (entry, a) in entries.iter().zip(&written).rev() {
            let back = ledger.get(*entry).unwrap();
            assert_eq!(back.row, a.row);
            assert_eq!(back.objective, a.objective);
            assert_eq!(back.sheet, a.sheet);
            assert_eq!(back.failing, a.failing);
            assert_eq!(back.relevant, a.relevant);
            assert_eq!(back.rewrite, a.rewrite);
        }
    }

    #[test]
    fn reading_before_finishing_or_writing_after_is_an_error() {
        let mut ledger: Ledger<Action> = Ledger::default();
        let entry = ledger.push(&action(2, "Mum to engage", None)).unwrap();
        assert!(ledger.get(entry).is_err());
        ledger.finish().unwrap();
        assert!(ledger.get(entry).is_ok());
        assert!(ledger.push(&action(3, "Dad to engage", None)).is_err());
    }
}
