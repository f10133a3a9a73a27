//! Judgments the server made a moment ago, kept by their text. A LanguageTool
//! client re-sends the whole document at every pause in typing, so nearly all
//! of its lines were judged by the previous request; like LanguageTool's own
//! `cacheSize`, the server keeps the latest few thousand, least recently used
//! first out, and judges only the lines it has not seen.

use crate::core::finding::Judgment;
use crate::rewrite::Rewrite;
use lru::LruCache;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

/// How many objectives the server remembers unless told otherwise.
pub const DEFAULT_ENTRIES: usize = 4096;

/// One objective's judgment, and its rewrite when one was asked for and it
/// is not SMART.
pub type Judged = Arc<(Judgment, Option<Rewrite>)>;

/// The remembered judgments; none at all when made with 0 entries.
pub struct Memo {
    entries: Option<Mutex<LruCache<Key, Judged>>>,
}

/// An objective's text, and whether its rewrite was asked for.
type Key = (Box<str>, bool);

impl Memo {
    pub fn new(entries: usize) -> Self {
        Memo {
            entries: NonZeroUsize::new(entries).map(|n| Mutex::new(LruCache::new(n))),
        }
    }

    /// The judgment of `text` made before, if it is still remembered.
    pub fn get(&self, text: &str, with_rewrite: bool) -> Option<Judged> {
        let mut entries = self.entries.as_ref()?.lock().ok()?;
        entries.get(&(Box::from(text), with_rewrite)).cloned()
    }

    /// Remembers the judgment of `text`.
    pub fn put(&self, text: &str, with_rewrite: bool, judged: Judged) {
        if let Some(mut entries) = self.entries.as_ref().and_then(|m| m.lock().ok()) {
            entries.put((Box::from(text), with_rewrite), judged);
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
    fn the_least_recently_used_goes_first_and_rewrites_are_kept_apart() {
        let memo = Memo::new(2);
        memo.put("Mum to engage", false, judged("Mum to engage"));
        memo.put("Leo will read", false, judged("Leo will read"));
        assert!(memo.get("Mum to engage", false).is_some());
        // "Leo will read" is now the least recently used.
        memo.put("Amy will walk", false, judged("Amy will walk"));
        assert!(memo.get("Leo will read", false).is_none());
        assert!(memo.get("Mum to engage", false).is_some());
        assert!(memo.get("Mum to engage", true).is_none());
    }

    #[test]
    fn zero_entries_remember_nothing() {
        let memo = Memo::new(0);
        memo.put("Mum to engage", false, judged("Mum to engage"));
        assert!(memo.get("Mum to engage", false).is_none());
    }
}
