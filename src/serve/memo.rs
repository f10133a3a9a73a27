//! Judgments the server made a moment ago, kept by their text. A LanguageTool
//! client re-sends the whole document at every pause in typing, so nearly all
//! of its lines were judged by the previous request; like LanguageTool's own
//! `cacheSize`, the server keeps the latest few thousand, least recently used
//! first out (as `core::memo` approximates it), and judges only the lines it has
//! not seen.

use crate::core::finding::Judgment;
use crate::rewrite::Rewrite;
use std::sync::Arc;

/// How many objectives the server remembers unless told otherwise.
pub const DEFAULT_ENTRIES: usize = 4096;

/// One objective's judgment, and its rewrite when one was asked for and it
/// is not SMART.
pub type Judged = Arc<(Judgment, Option<Rewrite>)>;

/// An objective's text, and whether its rewrite was asked for.
type Key = (Box<str>, bool);

/// The remembered judgments, in the project's bounded memo
/// ([`crate::core::memo::Memo`]); none at all when made with 0 entries.
pub struct Memo {
    entries: Option<crate::core::memo::Memo<Key, Judged>>,
}

impl Memo {
    pub fn new(entries: usize) -> Self {
        Memo {
            entries: (entries > 0).then(|| crate::core::memo::Memo::new(entries)),
        }
    }

    /// The judgment of `text` made before, if it is still remembered.
    pub fn get(&self, text: &str, with_rewrite: bool) -> Option<Judged> {
        self.entries.as_ref()?.get(&(Box::from(text), with_rewrite))
    }

    /// Remembers the judgment of `text`.
    pub fn put(&self, text: &str, with_rewrite: bool, judged: Judged) {
        if let Some(entries) = &self.entries {
            entries.insert((Box::from(text), with_rewrite), judged);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::Objective;
    use crate::testing::checker;

    fn judged(text: &str) -> Judged {
        Arc::new((checker().check(&Objective::new(text)), None))
    }

    #[test]
    fn a_line_is_remembered_with_or_without_its_rewrite_apart() {
        let memo = Memo::new(DEFAULT_ENTRIES);
        memo.put("Mum to engage", false, judged("Mum to engage"));
        assert!(memo.get("Mum to engage", false).is_some());
        assert!(memo.get("Mum to engage", true).is_none());
        assert!(memo.get("Leo will read", false).is_none());
    }

    #[test]
    fn zero_entries_remember_nothing() {
        let memo = Memo::new(0);
        memo.put("Mum to engage", false, judged("Mum to engage"));
        assert!(memo.get("Mum to engage", false).is_none());
    }
}
