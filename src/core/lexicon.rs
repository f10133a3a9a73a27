//! The word lists every rule reads, loaded from the TOML files in `data/` (built
//! into the binary) and extended or replaced by a user's `smarten.toml`.

use serde::Deserialize;

/// Every word list, by name. Field names are the keys used in `data/*.toml` and in
/// the `[words.add]` / `[words.replace]` tables of `smarten.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Lexicon {
    pub agencies: Vec<String>,
    pub job_titles: Vec<String>,
    pub family_roles: Vec<String>,
    pub titles: Vec<String>,
    /// Words in a subject that make its pronouns "she" or "he" ("Mrs", "Dad").
    #[serde(default)]
    pub she_words: Vec<String>,
    #[serde(default)]
    pub he_words: Vec<String>,
    /// Given names that are also words ("Jade", "Holly"): capitalised, a person.
    #[serde(default)]
    pub given_names: Vec<String>,
    pub person_pronouns: Vec<String>,
    pub weak_verbs: Vec<String>,
    pub vague_verbs: Vec<String>,
    pub quantified_vague_verbs: Vec<String>,
    pub change_verbs: Vec<String>,
    pub stop_verbs: Vec<String>,
    /// With a negation, a condition that keeps a child safe ("alone with").
    #[serde(default)]
    pub safety_conditions: Vec<String>,
    /// With a negation, something that happens to a person, not a behaviour
    /// ("will not develop pressure sores", "will not fall").
    #[serde(default)]
    pub befalling_verbs: Vec<String>,
    /// What a person has without doing anything ("nausea", "falls"): after a
    /// negated "have" or "get", an outcome too.
    #[serde(default)]
    pub befalling_things: Vec<String>,
    pub control_verbs: Vec<String>,
    pub concrete_phrases: Vec<String>,
    pub light_verbs: Vec<String>,
    pub placing_verbs: Vec<String>,
    pub journey_verbs: Vec<String>,
    pub aspect_verbs: Vec<String>,
    /// Verbs that take a person and "to" ("Prompt Leo to ..."): an instruction
    /// to whoever does the prompting, not a subject.
    #[serde(default)]
    pub prompting_verbs: Vec<String>,
    pub intention_verbs: Vec<String>,
    pub status_verbs: Vec<String>,
    pub jargon: Vec<String>,
    pub emotive: Vec<String>,
    pub descriptive_phrases: Vec<String>,
    pub comparative_names: Vec<String>,
    pub status_participles: Vec<String>,
    pub participle_lookalikes: Vec<String>,
    pub feeling_participles: Vec<String>,
    pub goal_nouns: Vec<String>,
    pub demonstration_verbs: Vec<String>,
    pub known_acronyms: Vec<String>,
    pub generic_objects: Vec<String>,
    pub use_nouns: Vec<String>,
    pub activity_nouns: Vec<String>,
    pub attribute_nouns: Vec<String>,
    pub nonspecific_modifiers: Vec<String>,
    pub state_nouns: Vec<String>,
    pub general_states: Vec<String>,
    pub imposed: Vec<String>,
    pub measuring_verbs: Vec<String>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Amounts out of reach in a short time (`data/reach.toml`).
    #[serde(default)]
    pub reach_amounts: Vec<ReachAmount>,
    /// Feats out of reach in a short time.
    #[serde(default)]
    pub reach_feats: Vec<ReachFeat>,
    /// A whole changed at once ("entire", "all of") and the instant it is
    /// given ("overnight", "in one lesson"): together, out of reach.
    #[serde(default)]
    pub sweeping_wholes: Vec<String>,
    #[serde(default)]
    pub instant_windows: Vec<String>,
    pub vague: Vec<String>,
    /// Words after "a day", "a week" that carry the sentence on ("for",
    /// "before"): with another word there, the unit names a thing ("a day trip").
    #[serde(default)]
    pub words_after_a_frequency: Vec<String>,
    /// Words whose object "on" brings ("work on building", "advice on
    /// budgeting"): there "on" and a gerund are not an occasion ("on arriving").
    #[serde(default)]
    pub words_taking_on: Vec<String>,
    /// Nouns that make "daily" part of a name, not how often ("daily living").
    #[serde(default)]
    pub daily_compounds: Vec<String>,
    pub review_words: Vec<String>,
    pub scheduled_events: Vec<String>,
    pub holidays: Vec<String>,
    pub methods: Vec<String>,
    pub measured_quantities: Vec<String>,
    pub non_methods: Vec<String>,
    pub vague_comparatives: Vec<String>,
    pub change_nouns: Vec<String>,
    /// Standards nobody has defined ('appropriate', 'adequate', 'normal').
    #[serde(default)]
    pub vague_standards: Vec<String>,
    /// Feelings and states read only on a scale ('anxiety', 'pain', 'mood').
    #[serde(default)]
    pub felt_states: Vec<String>,
    /// Amounts that do not say how many ('several', 'a few').
    #[serde(default)]
    pub vague_amounts: Vec<String>,
    /// Outcomes reached by an amount ('lose', 'save') and what of ('weight', 'money').
    #[serde(default)]
    pub sized_outcome_verbs: Vec<String>,
    #[serde(default)]
    pub sized_outcome_things: Vec<String>,
    pub units: Vec<String>,
    pub absolute: Vec<String>,
    /// Things "all" names the set of, not a perfect target ("all of my
    /// medications": every medicine prescribed).
    #[serde(default)]
    pub all_as_scope: Vec<String>,
    /// Safety standards kept at all times ("always supervised"): an absolute
    /// with them is the condition itself.
    #[serde(default)]
    pub safety_standards: Vec<String>,
    pub status_nouns: Vec<String>,
    pub long_activities: Vec<String>,
    pub max_daily_hours: Option<f64>,
}

/// A theme of the plans (school attendance, dental health, ...) and the words that
/// signal it: two texts that share a theme relate to each other.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub name: String,
    pub words: Vec<String>,
}

/// An amount of something that is out of reach above a weekly rate.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReachAmount {
    pub what: String,
    pub units: Vec<String>,
    #[serde(default)]
    pub verbs: Vec<String>,
    pub most_per_week: f64,
}

/// Feats that take months of preparation.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReachFeat {
    pub phrases: Vec<String>,
    pub least_weeks: f64,
}

/// The bundled data files, in the order they are merged.
pub const BUNDLED: &[(&str, &str)] = &[
    ("data/people.toml", include_str!("../../data/people.toml")),
    ("data/verbs.toml", include_str!("../../data/verbs.toml")),
    (
        "data/language.toml",
        include_str!("../../data/language.toml"),
    ),
    ("data/time.toml", include_str!("../../data/time.toml")),
    (
        "data/measures.toml",
        include_str!("../../data/measures.toml"),
    ),
    ("data/topics.toml", include_str!("../../data/topics.toml")),
    ("data/reach.toml", include_str!("../../data/reach.toml")),
];

macro_rules! each_list {
    ($m:ident) => {
        $m!(
            agencies,
            job_titles,
            family_roles,
            titles,
            she_words,
            he_words,
            given_names,
            person_pronouns,
            weak_verbs,
            vague_verbs,
            quantified_vague_verbs,
            change_verbs,
            stop_verbs,
            safety_conditions,
            befalling_verbs,
            befalling_things,
            control_verbs,
            concrete_phrases,
            light_verbs,
            placing_verbs,
            journey_verbs,
            aspect_verbs,
            prompting_verbs,
            intention_verbs,
            status_verbs,
            jargon,
            emotive,
            descriptive_phrases,
            comparative_names,
            status_participles,
            participle_lookalikes,
            feeling_participles,
            goal_nouns,
            demonstration_verbs,
            known_acronyms,
            generic_objects,
            use_nouns,
            activity_nouns,
            attribute_nouns,
            nonspecific_modifiers,
            state_nouns,
            general_states,
            imposed,
            measuring_verbs,
            vague,
            words_after_a_frequency,
            words_taking_on,
            daily_compounds,
            review_words,
            scheduled_events,
            holidays,
            methods,
            measured_quantities,
            non_methods,
            vague_comparatives,
            change_nouns,
            vague_standards,
            felt_states,
            vague_amounts,
            sized_outcome_verbs,
            sized_outcome_things,
            units,
            absolute,
            all_as_scope,
            safety_standards,
            status_nouns,
            long_activities,
            sweeping_wholes,
            instant_windows
        )
    };
}

impl Lexicon {
    /// True when token `i` names a change as a noun, of what follows "in" or
    /// "of": "a reduction in headaches", "an improvement in mood".
    pub fn names_a_change(&self, tokens: &[crate::core::nlp::Token], i: usize) -> bool {
        contains(&self.change_nouns, &tokens[i].lower)
            && tokens
                .get(i + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "in" | "of"))
    }

    /// The lexicon built from the bundled `data/*.toml` files.
    pub fn bundled() -> Self {
        let mut lexicon = Lexicon::default();
        for (name, source) in BUNDLED {
            // The bundled files are part of the build; a parse error is a bug caught by tests.
            let part: Lexicon = toml::from_str(source)
                .unwrap_or_else(|e| panic!("bundled word list {name} is invalid: {e}"));
            lexicon.extend(part);
        }
        lexicon.normalise();
        lexicon
    }

    /// Appends every list of `other` to this one.
    pub fn extend(&mut self, other: Lexicon) {
        macro_rules! ext {
            ($($f:ident),*) => { $( self.$f.extend(other.$f); )* };
        }
        each_list!(ext);
        self.topics.extend(other.topics);
        self.reach_amounts.extend(other.reach_amounts);
        self.reach_feats.extend(other.reach_feats);
        if other.max_daily_hours.is_some() {
            self.max_daily_hours = other.max_daily_hours;
        }
    }

    /// Replaces each list that `other` sets (non-empty) with `other`'s.
    pub fn replace(&mut self, other: Lexicon) {
        macro_rules! rep {
            ($($f:ident),*) => { $( if !other.$f.is_empty() { self.$f = other.$f; } )* };
        }
        each_list!(rep);
        if !other.topics.is_empty() {
            self.topics = other.topics;
        }
        if !other.reach_amounts.is_empty() {
            self.reach_amounts = other.reach_amounts;
        }
        if !other.reach_feats.is_empty() {
            self.reach_feats = other.reach_feats;
        }
        if other.max_daily_hours.is_some() {
            self.max_daily_hours = other.max_daily_hours;
        }
    }

    /// Lowercases every list (acronyms keep their case), drops empty and repeated
    /// entries, and orders it longest phrase first (by words, then bytes), which
    /// phrase matching relies on.
    pub fn normalise(&mut self) {
        macro_rules! norm {
            ($($f:ident),*) => { $(
                if stringify!($f) != "known_acronyms" {
                    for w in self.$f.iter_mut() { *w = w.trim().to_lowercase(); }
                }
                let mut seen = std::collections::HashSet::new();
                self.$f.retain(|w| !w.is_empty() && seen.insert(w.clone()));
                // Longest first, so phrase matching prefers "engage with" to "engage".
                self.$f.sort_by_cached_key(|w| {
                    std::cmp::Reverse((w.split_whitespace().count(), w.len()))
                });
            )* };
        }
        each_list!(norm);
        for topic in &mut self.topics {
            for w in topic.words.iter_mut() {
                *w = w.trim().to_lowercase();
            }
        }
    }

    pub fn max_daily_hours(&self) -> f64 {
        self.max_daily_hours.unwrap_or(4.0)
    }
}

/// True when `word` (lowercase) is in `list`.
pub fn contains(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_load_and_are_lowercase() {
        let lexicon = Lexicon::bundled();
        assert!(contains(&lexicon.agencies, "camhs"));
        assert!(contains(&lexicon.weak_verbs, "understand"));
        assert!(contains(&lexicon.vague, "ongoing"));
        assert!(lexicon.known_acronyms.iter().any(|a| a == "GP"));
        assert_eq!(lexicon.max_daily_hours(), 4.0);
    }

    #[test]
    fn extend_adds_and_replace_swaps() {
        let mut lexicon = Lexicon::bundled();
        let extra: Lexicon = toml::from_str("agencies = ['Avedon Team']").unwrap();
        lexicon.extend(extra);
        lexicon.normalise();
        assert!(contains(&lexicon.agencies, "avedon team"));
        assert!(contains(&lexicon.agencies, "camhs"));
        let only: Lexicon = toml::from_str("agencies = ['Avedon Team']").unwrap();
        lexicon.replace(only);
        lexicon.normalise();
        assert_eq!(lexicon.agencies, vec!["avedon team".to_string()]);
    }

    #[test]
    fn unknown_list_names_are_rejected() {
        assert!(toml::from_str::<Lexicon>("agencys = ['x']").is_err());
    }
}
