//! A list of labelled regular expressions tried together first: one pass of a
//! `RegexSet` says which of them match at all, so only those are searched for
//! their spans. The time and measure recognisers hold their patterns this way.

use regex::{Regex, RegexSet};

#[derive(Debug)]
pub struct LabelledPatterns<K> {
    patterns: Vec<(K, Regex)>,
    any_of: RegexSet,
}

impl<K> LabelledPatterns<K> {
    /// The patterns, each with its label. Panics only if a pattern that
    /// compiled alone does not compile in the set, which is a bug.
    pub fn new(patterns: Vec<(K, Regex)>) -> Self {
        let any_of = RegexSet::new(patterns.iter().map(|(_, p)| p.as_str()))
            .unwrap_or_else(|e| panic!("patterns do not compile as a set: {e}"));
        LabelledPatterns { patterns, any_of }
    }

    /// The patterns that match somewhere in `text`, in their order.
    pub fn matching<'a>(&'a self, text: &str) -> impl Iterator<Item = &'a (K, Regex)> + 'a {
        let matched = self.any_of.matches(text);
        self.patterns
            .iter()
            .enumerate()
            .filter(move |(i, _)| matched.matched(*i))
            .map(|(_, p)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::LabelledPatterns;
    use regex::Regex;

    #[test]
    fn only_the_patterns_that_match_are_given() {
        let set = LabelledPatterns::new(vec![
            ('a', Regex::new(r"\bweekly\b").unwrap()),
            ('b', Regex::new(r"\d+%").unwrap()),
            ('c', Regex::new(r"\bby July\b").unwrap()),
        ]);
        let labels: Vec<char> = set
            .matching("attend 90% of sessions by July")
            .map(|(k, _)| *k)
            .collect();
        assert_eq!(labels, vec!['b', 'c']);
    }
}
