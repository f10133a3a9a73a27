//! A bounded, thread-safe memo: results that repeat (the same concern on every
//! row of a plan, the same "by review" in a thousand rows) are computed once.
//! It keeps two generations of half the limit each: when the newer fills, the
//! older is dropped, and an entry used from the older is carried forward. So
//! memory stays flat however much text goes through, and entries still in use
//! survive (an approximation of least-recently-used).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::RwLock;

pub struct Memo<K, V> {
    generations: RwLock<Generations<K, V>>,
    limit: usize,
}

struct Generations<K, V> {
    newer: HashMap<K, V>,
    older: HashMap<K, V>,
}

impl<K: Hash + Eq + Clone, V: Clone> Memo<K, V> {
    /// A memo that holds at most `limit` entries.
    pub fn new(limit: usize) -> Self {
        Memo {
            generations: RwLock::new(Generations {
                newer: HashMap::new(),
                older: HashMap::new(),
            }),
            limit: limit.max(2),
        }
    }

    /// The value stored for `key`, if any.
    pub fn get(&self, key: &K) -> Option<V> {
        let found = {
            let g = self.generations.read().ok()?;
            if let Some(v) = g.newer.get(key) {
                return Some(v.clone());
            }
            g.older.get(key).cloned()
        };
        // Still in use: carry it into the newer generation.
        if let Some(v) = &found {
            self.insert(key.clone(), v.clone());
        }
        found
    }

    /// Stores `value` for `key`; when the newer generation is full it becomes
    /// the older one and the oldest entries are dropped.
    pub fn insert(&self, key: K, value: V) {
        if let Ok(mut g) = self.generations.write() {
            if g.newer.len() >= self.limit / 2 {
                g.older = std::mem::take(&mut g.newer);
            }
            g.newer.insert(key, value);
        }
    }

    /// The value for `key`, computed by `compute` (outside the lock) when absent.
    pub fn get_or(&self, key: K, compute: impl FnOnce() -> V) -> V {
        if let Some(v) = self.get(&key) {
            return v;
        }
        let v = compute();
        self.insert(key, v.clone());
        v
    }

    /// How many entries are held (both generations; an entry carried forward
    /// may be counted twice).
    pub fn len(&self) -> usize {
        self.generations
            .read()
            .map_or(0, |g| g.newer.len() + g.older.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;
    use std::cell::Cell;

    #[test]
    fn computes_each_key_once() {
        let memo = Memo::new(10);
        let calls = Cell::new(0);
        let square = |x: u32| {
            memo.get_or(x, || {
                calls.set(calls.get() + 1);
                x * x
            })
        };
        assert_eq!(square(3), 9);
        assert_eq!(square(3), 9);
        assert_eq!(square(4), 16);
        assert_eq!(calls.get(), 2);
    }

    #[test]
    fn stays_within_its_limit() {
        let memo = Memo::new(4);
        for k in 0..10u32 {
            memo.insert(k, k);
            assert!(memo.len() <= 4, "{} entries", memo.len());
        }
        assert_eq!(memo.get(&9), Some(9));
        assert_eq!(memo.get(&0), None);
    }

    #[test]
    fn keeps_entries_still_in_use() {
        let memo = Memo::new(4);
        memo.insert(0u32, 0u32);
        for k in 1..20u32 {
            // Key 0 is used between every insertion, so it is never dropped.
            assert_eq!(memo.get(&0), Some(0), "lost at {k}");
            memo.insert(k, k);
        }
    }
}
