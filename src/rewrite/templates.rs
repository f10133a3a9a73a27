//! The rewrite templates in `data/rewrite.toml`: placeholder stand-ins, how a
//! repaired objective is assembled, and the verb repairs that keep the object.

use super::draft::Fills;
use super::DataError;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The bundled templates.
pub const BUNDLED: &str = include_str!("../../data/rewrite.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Templates {
    fills: BTreeMap<String, String>,
    pub assembly: Assembly,
    pub kinds: Kinds,
    pub default_methods: Vec<String>,
    #[serde(rename = "verb_repair")]
    pub verb_repairs: Vec<VerbRepair>,
    #[serde(rename = "provision", default)]
    pub provisions: Vec<Provision>,
    /// An example of what a common outcome is measured on, keyed by words of
    /// the outcome ("balance" -> "the Berg Balance Scale").
    #[serde(default)]
    measure_examples: BTreeMap<String, String>,
}

/// A provision written as a noun phrase ("access to an educational
/// psychologist", "support from a learning mentor"): the action that gives it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// The words that open the provision, lower case ("access to").
    pub opens: Vec<String>,
    /// The action; `{rest}` is what follows the opening, as written.
    pub action: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assembly {
    pub time: String,
    pub method: String,
    pub quantity: String,
    /// How much, for an outcome reached by an amount ("lose [how much] weight").
    pub amount_outcome: String,
    pub who: String,
    pub agency: String,
    /// Who owns the action for a group of people named as a whole ("staff"):
    /// keyed by the group as written, in lower case.
    #[serde(default)]
    pub group_member: std::collections::BTreeMap<String, String>,
    pub job_title: String,
    /// The fallback action when no observable action fits: `{goal}` is the
    /// writer's own action, quoted.
    pub fallback: String,
    /// The fallback for a behaviour to stop: the behaviour to see in its place.
    pub fallback_instead: String,
    /// After the fallback when its goal is a comparative: how often it is seen.
    pub fallback_compared: String,
    /// After the fallback when its goal is a habit or a behaviour to stop.
    pub fallback_habit: String,
    /// After a verb repair's count when the goal was a comparative: from where.
    pub replaced_compared: String,
    pub habit_time: String,
    /// How a skill marked right or wrong is shown: "correctly on [N of M] occasions".
    pub skill: String,
    /// How another skill is shown: "independently on [N of M] occasions" ...
    pub skill_unaided: String,
    /// ... or, when the writer already said "independently": "on [N of M] occasions".
    pub skill_occasions: String,
    /// Walking regained: "[how far] with [what aid or support]".
    pub mobility: String,
    /// Before a counted occasion: "attend [N of M] appointments".
    pub counted: String,
    /// Before a bare plural a one-off act is done to: "make [N] friends".
    pub counted_things: String,
    pub safety_time: String,
    /// How a state kept up is seen: `{state}` is "being well".
    pub state_shown: String,
    /// Role nouns used bare as a subject, which take "the" after a leading time.
    #[serde(default)]
    pub bare_roles: Vec<String>,
    pub safety_method: String,
    /// How a state kept up is checked, where no visits are known of: "the
    /// patient will not fall", "I will stay sober".
    pub condition_method: String,
    /// A symptom's absence ("pain free"), counted in days: `{state}` as written.
    pub symptom_free: String,
    pub reduction: String,
    /// A level brought down or up with no scale of its own ("increase
    /// strength"): not counted a week, read on a measure the team names.
    pub reduction_level: String,
    /// A feeling brought down or up ("reduce her anxiety"): rated on a scale.
    pub change_felt: String,
    /// Time brought down or up ("reduce screen time"): how long a day.
    pub reduction_time: String,
    pub increase_time: String,
    /// Money brought down or up ("cut spending"): how much a week.
    pub reduction_money: String,
    pub increase_money: String,
    /// An amount taken in ("reduce salt", "increase protein intake"): how much a day.
    pub reduction_amount: String,
    pub increase_amount: String,
    /// A count, or a level on a scale of its own ("increase his reading level").
    pub increase: String,
    /// A feeling, rated: `{state}` is the feeling as written ("better", "less anxious").
    pub feeling: String,
    /// A feeling that should not happen ("never feel sad"): fewer days with it.
    pub feeling_negated: String,
    /// A felt state someone has ("have less pain"): `{state}` as written.
    pub felt_state: String,
    /// A measured level compared with nothing ("lower blood pressure").
    pub measured_level: String,
    pub comparative_down: String,
    /// Of a felt state: "less anxiety" is rated on a scale.
    pub comparative_felt: String,
    /// After the verb itself: "isolate less" is counted in days.
    pub comparative_down_days: String,
    /// "eat out less often": times a week, down from a baseline.
    pub comparative_down_times: String,
    pub comparative_up: String,
    /// Of things counted: "read more books" is so many a week.
    pub comparative_up_count: String,
    /// Of an activity done in sessions: "exercise more" is how often and how long.
    pub comparative_up_sessions: String,
    /// Of food eaten in portions: "eat more vegetables" is portions a day.
    pub comparative_up_portions: String,
    /// Of an amount: "drink more water" is how much a day.
    pub comparative_up_amount: String,
    /// Of an amount taken in: "eat fewer carbohydrates" is how much a day.
    pub comparative_down_amount: String,
    /// Of a time of day: "sleep earlier" is by what time, on how many days.
    pub comparative_time: String,
    /// A habit of the night ("sleep in his own bed"): on how many nights.
    #[serde(default)]
    pub night_habit: String,
    /// Sleep with nothing said of it ("sleep regularly"): how long, on how
    /// many nights.
    #[serde(default)]
    pub night_habit_bare: String,
    /// Of money: "save more money" is how much a week.
    pub comparative_up_money: String,
    /// Of time: "spend more time together" is how long a week.
    pub comparative_up_time: String,
    pub comparative_down_time: String,
    pub comparative_down_money: String,
    /// Of how long each time: "run longer" is for how long, not how often.
    pub comparative_up_duration: String,
    pub comparative_down_duration: String,
    /// `{word}` is the comparative.
    pub comparative_other: String,
    /// An activity done better ("read better", "run faster", "speak more
    /// clearly"): a score on a measure, reached by a date.
    pub comparative_measured: String,
    /// A state to reach ("get fitter", "become more independent"): `{state}`
    /// is the verb and state as written, `{measure}` what the state is measured
    /// as ("fitness").
    pub reached_state: String,
    /// A thing of the body improving ("Wound will improve"): how far, on what.
    pub body_improves: String,
    /// A thing of the body that heals or clears: what shows it, when the
    /// measure examples have one for the thing.
    pub outcome_shown: String,
    /// Placeholder labels (by how they start) that leave what is measured to
    /// the team: "[which measure]", "[which aspect of ...]".
    #[serde(default)]
    pub open_measures: Vec<String>,
}

/// Which kind of action a kept verb is, by its lemma.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kinds {
    pub one_off: Vec<String>,
    /// Outcomes reached by an amount ("lose", "save"): with none given, how much.
    pub amount_outcomes: Vec<String>,
    /// Nouns whose "to" + verb says what they are, not a purpose ("the need to
    /// use compression", "the ability to cope").
    #[serde(default)]
    pub to_complement_nouns: Vec<String>,
    /// What joins "[how much]" to an uncountable noun other than "of"
    /// ("weight" -> "in"; "" for none).
    #[serde(default)]
    pub amount_linkers: std::collections::HashMap<String, String>,
    /// Verbs of coming to have ("make more friends"): the things are counted.
    #[serde(default)]
    pub having_verbs: Vec<String>,
    /// Habits given up for good that are offered as a limit on the days.
    #[serde(default)]
    pub limited_habits: Vec<String>,
    /// Habits given up for good, and the state kept instead ("drink" ->
    /// "alcohol-free"); with "use" or "take", the thing used, with "-free".
    #[serde(default)]
    pub given_up_states: std::collections::BTreeMap<String, String>,
    /// Verbs of a state that stays, and the verb that keeps it so when the
    /// owner acts on the thing ("Tom's skin will stay healthy" -> "keep his skin
    /// healthy").
    #[serde(default)]
    pub causatives: std::collections::BTreeMap<String, String>,
    pub one_off_with_one_thing: Vec<String>,
    /// Results reached, not acts done again ("get in shape", "slim down"):
    /// they get no "[how often]", and the behaviour that shows them is asked for.
    #[serde(default)]
    pub outcomes: Vec<String>,
    /// Qualities of a person shown again and again ("be polite", "show
    /// respect"): the behaviour that shows them is asked for, and how often.
    #[serde(default)]
    pub qualities: Vec<String>,
    pub habit_places: Vec<String>,
    /// Words that say how often in a rewrite ("a week", "each day", "[N of M]").
    pub rate_words: Vec<String>,
    pub down: Vec<String>,
    pub up: Vec<String>,
    pub comparatives_down: Vec<String>,
    pub comparatives_up: Vec<String>,
    /// Comparatives of a time of day: "go to bed earlier".
    pub comparatives_time: Vec<String>,
    /// Comparatives of how long each time, right after the verb: "run longer".
    pub comparatives_duration: Vec<String>,
    /// Activities done in sessions: "exercise more" says how long as well.
    #[serde(default)]
    pub session_activities: Vec<String>,
    /// Activities whose doing is scored: "read better" asks for a score.
    pub performances: Vec<String>,
    /// Levels read on a measure: "blood pressure", "cholesterol".
    pub measured_levels: Vec<String>,
    /// Comparatives of a level besides the down and up ones: "better".
    pub level_comparatives: Vec<String>,
    /// Levels read on a scale of their own: "reading level", "A1c", "grades".
    pub own_scales: Vec<String>,
    /// Money, counted by the week: "save more money".
    pub money_nouns: Vec<String>,
    /// Verbs whose amount is money: "save more", "spend less".
    pub money_verbs: Vec<String>,
    /// Verbs of getting someone to act ("encourage the patient to drink"):
    /// the "to" clause after their object is what that person will do.
    pub urging_verbs: Vec<String>,
    /// Verbs that make the named person answerable for someone else's act
    /// ("ensure Tom attends school"), and the verb that puts it in their
    /// control ("support Tom to attend school").
    pub supported_verbs: BTreeMap<String, String>,
    /// A quality of how something is done, and its adverb: "be more
    /// consistent in taking ..." is "take ... more consistently".
    #[serde(default)]
    pub manner_adjectives: BTreeMap<String, String>,
    /// Activities kept up rather than repeated: "concentrate more" is for
    /// longer each time.
    pub sustained_activities: Vec<String>,
    /// Verbs of taking in food or drink: "eat more" is how much a day.
    pub intake_verbs: Vec<String>,
    /// Time, counted by the week: "spend more time together".
    pub time_nouns: Vec<String>,
    /// Amount words that become "[how much]" ("lose some weight").
    pub amount_words: Vec<String>,
    /// Occasions counted out of those offered: "attend [N of M] appointments".
    pub counted_occasions: Vec<String>,
    /// Skills shown to a standard ("answer questions", "name pictures"), not
    /// done so often: they are marked correct on [N of M] occasions.
    pub skills: Vec<String>,
    /// Skills of self-care and movement ("swim", "dress"), shown done without help.
    pub unaided_skills: Vec<String>,
    /// Verbs of walking regained ("walk again", "ambulate").
    pub mobility_verbs: Vec<String>,
    /// Words that say a skill is done without help ("independently", "unaided").
    pub unaided_words: Vec<String>,
    /// Feelings a person reports ("anxious", "safe", "motivated").
    pub feelings: Vec<String>,
    /// Symptoms a person has and rates ("pain", "anxiety", "breathlessness").
    pub rated_symptoms: Vec<String>,
    /// Things taken in amounts, not counted ("water", "fruit", "sleep").
    pub amount_nouns: Vec<String>,
    /// Food eaten in portions ("fruit", "vegetables"): so many portions a day.
    pub portion_nouns: Vec<String>,
    /// Words by which an action sets its own threshold ("or fewer", "at
    /// least"): no baseline follows its count of occasions.
    pub thresholds: Vec<String>,
    /// Verbs of a goal grown into ("develop", "grow"): kept as the purpose of
    /// an exemplar's action that shows it.
    pub growth_verbs: Vec<String>,
    /// Adverbs before the verb that add nothing to the goal ("I will just be happy").
    pub filler_adverbs: Vec<String>,
    /// Emphatic asides that say how much the writer wants it, not what will
    /// be done ("no matter what"): dropped with the dash or comma before them.
    #[serde(default)]
    pub emphatic_asides: Vec<String>,
    /// Habits of the night ("sleep", "settle"), counted in nights.
    #[serde(default)]
    pub night_habits: Vec<String>,
    /// Adverbs that say "often" without how often ("regularly"): a count or a
    /// frequency slot replaces them.
    pub vague_frequency_adverbs: Vec<String>,
    /// Verbs that show a change named as a thing ("demonstrate improved
    /// breathing", "get better grades"): the change itself is the action.
    #[serde(default)]
    pub change_shown_by: Vec<String>,
    /// The change words after them and the verb each stands for
    /// ("improved" -> "improve", "increased" -> "increase").
    #[serde(default)]
    pub named_changes: std::collections::BTreeMap<String, String>,
    /// Who does a skill, and the skill ("reader" -> "reading"): "be a better
    /// reader" improves the reading.
    #[serde(default)]
    pub skill_agents: std::collections::BTreeMap<String, String>,
    /// Verbs that reach a state (lemmas: "get", "become", "be").
    #[serde(default)]
    pub state_verbs: Vec<String>,
    /// States reached and read on a measure, with what the measure is of
    /// ("fitter" -> "fitness", "more independent" -> "independence").
    #[serde(default)]
    pub reached_states: std::collections::BTreeMap<String, String>,
    /// Outcomes that happen to a thing, which nobody does ("heal", "resolve"):
    /// with a thing as subject, the thing stays the subject (lemma phrases).
    #[serde(default)]
    pub outcome_verbs: Vec<String>,
    /// Things of the body that improve of themselves ("Wound will improve").
    pub body_things: Vec<String>,
    /// Verbs of improving, for `body_things`.
    pub improving_verbs: Vec<String>,
    /// A comparative of amount that opens a verbless aim ("less screen time"),
    /// with the verb that makes the change ("reduce").
    #[serde(default)]
    pub amount_changes: std::collections::BTreeMap<String, String>,
}

/// Words that end what is measured or the head of an object ("confidence |
/// in maths", "study skills | for academic success").
const PREPOSITIONS: [&str; 14] = [
    "in", "of", "at", "with", "for", "to", "on", "from", "by", "during", "when", "within",
    "across", "around",
];

/// A weak or vague verb replaced by an observable action that keeps the object.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerbRepair {
    /// Lemma phrases of the verbs this repair replaces.
    pub verbs: Vec<String>,
    /// When given, the object must contain one of these words.
    #[serde(default)]
    pub object_words: Vec<String>,
    /// When given, the object must also contain one of these words: a
    /// relationship "with" or "between" someone, not one with nobody named.
    #[serde(default)]
    pub object_also: Vec<String>,
    /// When given, the object must end in one of these words, its head noun
    /// ("a bedtime routine", not "routine checks").
    #[serde(default)]
    pub object_heads: Vec<String>,
    /// When given, every word of the object before its head must be one of
    /// these: "my overall health", not "lung function", which is specific.
    #[serde(default)]
    pub object_lead: Vec<String>,
    /// The replacement action; `{object}` is the object as written.
    pub action: String,
    /// The action for a writer setting their own goal ("I will work on ..."):
    /// no worker the goal did not name.
    #[serde(default)]
    pub own_action: Option<String>,
}

impl VerbRepair {
    /// The action to put in place: the writer's own (`own_action`) when the
    /// writer sets their own goal and the repair has one.
    pub fn action_for(&self, writer_acts: bool) -> &str {
        match &self.own_action {
            Some(own) if writer_acts => own,
            _ => &self.action,
        }
    }
}

impl Assembly {
    /// Who owns an action given to an agency: one of a group ("[named member
    /// of staff]"), or the person at the agency ("[named person at CAMHS]").
    pub fn agency_label(&self, agency: &str) -> String {
        self.group_member
            .get(&agency.trim().to_lowercase())
            .cloned()
            .unwrap_or_else(|| self.agency.replace("{agency}", agency))
    }

    /// The change note for [`Assembly::agency_label`]'s owner.
    pub fn agency_change(&self, agency: &str, label: &str) -> String {
        if self
            .group_member
            .contains_key(&agency.trim().to_lowercase())
        {
            format!("'{agency}' names a group of people: named the one who will act, {label}")
        } else {
            format!("'{agency}' is an agency: named the person at it who will act, {label}")
        }
    }
}

impl Templates {
    /// Parses templates from TOML; `origin` names the file in errors.
    pub fn from_toml(origin: &str, text: &str) -> Result<Self, DataError> {
        let templates: Templates = toml::from_str(text).map_err(|e| DataError::new(origin, e))?;
        for key in ["who", "by when", "how measured", "how often", "N", "N of M"] {
            if !templates.fills.contains_key(key) {
                return Err(DataError::new(
                    origin,
                    format!("[fills] has no stand-in for `{key}`"),
                ));
            }
        }
        Ok(templates)
    }

    /// The bundled templates.
    pub fn bundled() -> Self {
        Self::from_toml("data/rewrite.toml", BUNDLED).expect("the bundled rewrite.toml parses")
    }

    pub fn fills(&self) -> Fills {
        Fills::new(self.fills.clone())
    }

    /// The example measure for `outcome`: the entry of `measure_examples`
    /// whose words run whole in it before any preposition ("confidence in
    /// maths" is confidence), the longest first ("reading fluency" before
    /// "reading"). Two things measured differently ("phonics and reading")
    /// get none: one example would leave the other out.
    pub fn measure_example(&self, outcome: &str) -> Option<&str> {
        let words: Vec<String> = outcome
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .take_while(|w| !PREPOSITIONS.contains(&w.as_str()))
            .collect();
        let found: Vec<(usize, &str)> = self
            .measure_examples
            .iter()
            .filter(|(key, _)| {
                let key: Vec<&str> = key.split_whitespace().collect();
                words
                    .windows(key.len())
                    .any(|w| w.iter().zip(&key).all(|(a, b)| a == b))
            })
            .map(|(key, example)| (key.split_whitespace().count(), example.as_str()))
            .collect();
        let longest = found.iter().map(|(len, _)| *len).max()?;
        let mut examples = found
            .iter()
            .filter(|(len, _)| *len == longest)
            .map(|(_, e)| *e);
        let first = examples.next()?;
        // An empty example says the longer key has none of its own ("physical
        // wellbeing" is not measured on a wellbeing scale).
        examples
            .all(|e| e == first)
            .then_some(first)
            .filter(|e| !e.is_empty())
    }

    /// `action` with its first open measure ("[which measure]", "[which
    /// measure of fitness]") given an example for `outcome`, when one is known.
    pub fn with_measure_example(&self, action: &str, outcome: &str) -> String {
        let Some(example) = self.measure_example(outcome) else {
            return action.to_string();
        };
        let Some(start) = action.find("[which measure") else {
            return action.to_string();
        };
        match action[start..].find(']') {
            Some(end) => format!(
                "{}, such as {example}{}",
                &action[..start + end],
                &action[start + end..]
            ),
            None => action.to_string(),
        }
    }

    /// The first repair for head verb phrase `verb` (a lemma phrase) whose object
    /// words, if any, meet `object` (lower-cased words).
    pub fn verb_repair(
        &self,
        verb_matches: impl Fn(&str) -> bool,
        object: &[String],
    ) -> Option<&VerbRepair> {
        // The object up to a preposition other than "of" names its head:
        // "study skills | for academic success" ends in "skills"; "the
        // quality of life" runs on.
        let until = object
            .iter()
            .skip(1)
            .position(|w| w != "of" && PREPOSITIONS.contains(&w.as_str()))
            .map_or(object.len(), |k| k + 1);
        let object_head = &object[..until];
        self.verb_repairs.iter().find(|r| {
            r.verbs.iter().any(|v| verb_matches(v))
                && (r.object_words.is_empty()
                    || r.object_words.iter().any(|w| object.iter().any(|o| o == w)))
                && (r.object_also.is_empty()
                    || r.object_also.iter().any(|w| object.iter().any(|o| o == w)))
                && (r.object_heads.is_empty()
                    || object_head
                        .last()
                        .is_some_and(|o| r.object_heads.contains(o)))
                && (r.object_lead.is_empty()
                    || object_head
                        .split_last()
                        .is_some_and(|(_, lead)| lead.iter().all(|w| r.object_lead.contains(w))))
        })
    }
}

#[cfg(test)]
#[path = "templates_tests.rs"]
mod tests;
