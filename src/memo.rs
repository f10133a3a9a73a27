//! A bounded, thread-safe memo: results that repeat (the same concern on every
//! row of a plan, the same "by review" in a thousand rows) are computed once.
//! When it reaches its limit it is emptied, so memory stays flat however much
//! text goes through it.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::RwLock;

pub struct Memo<K, V> {
    map: RwLock<HashMap<K, V>>,
    limit: usize,
}

impl<K: Hash + Eq, V: Clone> Memo<K, V> {
    /// A memo that holds at most `limit` entries.
    pub fn new(limit: usize) -> Self {
        Memo {
            map: RwLock::new(HashMap::new()),
            limit: limit.max(1),
        }
    }

    /// The value stored for `key`, if any.
    pub fn get(&self, key: &K) -> Option<V> {
        self.map.read().ok().and_then(|m| m.get(key).cloned())
    }

    /// Stores `value` for `key`, emptying the memo first when it is full.
    pub fn insert(&self, key: K, value: V) {
        if let Ok(mut m) = self.map.write() {
            if m.len() >= self.limit {
                m.clear();
            }
            m.insert(key, value);
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

    pub fn len(&self) -> usize {
        self.map.read().map_or(0, |m| m.len())
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
        let memo = Memo::new(3);
        for k in 0..10u32 {
            memo.insert(k, k);
            assert!(memo.len() <= 3, "{} entries", memo.len());
        }
        assert_eq!(memo.get(&9), Some(9));
        assert_eq!(memo.get(&0), None);
    }
}
