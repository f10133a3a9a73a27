//! The rule catalogue: one rule per file, each with a stable id, its SMART letter,
//! the guidance it enforces and examples of what it must flag and allow (run as
//! tests). Rules read a shared [`Context`] computed once per objective.

pub use super::analysis::Context;
use crate::core::finding::{Criterion, Level, Repair};
pub use id::{RuleId, UnknownRule};
pub use off_concern::unrelated_to_plan;
use std::ops::Range;
pub use stop_behaviour::negated_event;

mod absolute_target;
pub mod acronym;
mod agency_as_owner;
mod bundled_actions;
mod emotive_language;
mod generic_object;
pub mod id;
mod implied_subject;
mod implied_timeframe;
mod impossible_date;
mod jargon;
mod job_title_only;
mod lasting_absolute;
mod no_action;
mod no_indicator;
mod no_subject;
mod no_timeframe;
mod not_a_method;
mod not_agreed;
mod off_concern;
mod out_of_reach;
mod outside_control;
mod passive_without_agent;
mod review_without_date;
mod status_outcome;
mod stop_behaviour;
mod thing_as_subject;
mod unrealistic_load;
mod unscaled_state;
mod vague_amount;
mod vague_comparative;
mod vague_standard;
mod vague_timeframe;
mod vague_verb;
mod weak_verb;

/// Examples that document a rule and run as its tests. An example may give a
/// concern after ` || concern: ` and a plan kind after ` || kind: ` (the kind
/// last).
pub struct Examples {
    pub flags: &'static [&'static str],
    pub allows: &'static [&'static str],
}

/// One complaint from a rule, before the checker stamps it with id and level.
#[derive(Debug, Clone)]
pub struct Hit {
    pub span: Range<usize>,
    pub message: String,
    pub suggestion: String,
    /// How the rewriter can mend it, when the rule knows.
    pub repair: Option<Repair>,
}

/// The repair for a goal out of reach: the writer's words over `span`
/// (`quoted`) become a placeholder asking for a first step towards them, and
/// `note` says why. Only the opening verb loses its capital; names keep theirs.
pub(crate) fn first_step_towards(span: Range<usize>, quoted: &str, note: String) -> Repair {
    let mut chars = quoted.chars();
    let lowered: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    Repair {
        edits: vec![crate::core::finding::Edit::Placeholder {
            span,
            label: format!("a first step towards: {lowered}"),
        }],
        note,
    }
}

/// A rule: reads the context, returns hits.
pub trait Rule: Send + Sync {
    /// Stable id, kebab-case in output, `smarten explain` and `smarten.toml`.
    fn id(&self) -> RuleId;
    fn criterion(&self) -> Criterion;
    fn default_level(&self) -> Level {
        Level::Error
    }
    /// One line for `smarten rules`.
    fn summary(&self) -> &'static str;
    /// The guidance this rule enforces, quoted, for `smarten explain`.
    fn guidance(&self) -> &'static str;
    fn examples(&self) -> Examples;
    fn check(&self, cx: &Context<'_>) -> Vec<Hit>;
}

/// Every rule, in catalogue order (by letter, then id).
pub fn all() -> Vec<Box<dyn Rule>> {
    let mut rules: Vec<Box<dyn Rule>> = vec![
        Box::new(weak_verb::WeakVerb),
        Box::new(vague_verb::VagueVerb),
        Box::new(stop_behaviour::StopBehaviour),
        Box::new(no_action::NoAction),
        Box::new(no_subject::NoSubject),
        Box::new(implied_subject::ImpliedSubject),
        Box::new(thing_as_subject::ThingAsSubject),
        Box::new(agency_as_owner::AgencyAsOwner),
        Box::new(job_title_only::JobTitleOnly),
        Box::new(passive_without_agent::PassiveWithoutAgent),
        Box::new(generic_object::GenericObject),
        Box::new(jargon::Jargon),
        Box::new(acronym::Acronym),
        Box::new(emotive_language::EmotiveLanguage),
        Box::new(no_indicator::NoIndicator),
        Box::new(vague_amount::VagueAmount),
        Box::new(vague_comparative::VagueComparative),
        Box::new(vague_standard::VagueStandard),
        Box::new(unscaled_state::UnscaledState),
        Box::new(not_a_method::NotAMethod),
        Box::new(absolute_target::AbsoluteTarget),
        Box::new(lasting_absolute::LastingAbsolute),
        Box::new(outside_control::OutsideControl),
        Box::new(bundled_actions::BundledActions),
        Box::new(status_outcome::StatusOutcome),
        Box::new(unrealistic_load::UnrealisticLoad),
        Box::new(out_of_reach::OutOfReach),
        Box::new(not_agreed::NotAgreed),
        Box::new(off_concern::OffConcern),
        Box::new(no_timeframe::NoTimeframe),
        Box::new(implied_timeframe::ImpliedTimeframe),
        Box::new(impossible_date::ImpossibleDate),
        Box::new(vague_timeframe::VagueTimeframe),
        Box::new(review_without_date::ReviewWithoutDate),
    ];
    rules.sort_by_key(|r| (r.criterion(), r.id().as_str()));
    rules
}

/// Declares the examples test for a rule inside its file.
#[macro_export]
#[doc(hidden)]
macro_rules! rule_examples_test {
    ($rule:expr) => {
        #[cfg(test)]
        mod examples {
            #[test]
            fn rule_examples_hold() {
                $crate::core::rules::harness::run_examples(&$rule);
            }
        }
    };
}

#[cfg(test)]
pub(crate) mod harness {
    use super::Rule;
    use crate::testing::checker;

    /// Runs a rule's own examples: each `flags` example must raise a finding with
    /// the rule's id, each `allows` example must not.
    pub fn run_examples(rule: &dyn Rule) {
        let checker = checker();
        let examples = rule.examples();
        assert!(
            !examples.flags.is_empty(),
            "{} has no flag examples",
            rule.id()
        );
        assert!(
            !examples.allows.is_empty(),
            "{} has no allow examples",
            rule.id()
        );
        let mut failures = Vec::new();
        for (example, must_flag) in examples
            .flags
            .iter()
            .map(|e| (e, true))
            .chain(examples.allows.iter().map(|e| (e, false)))
        {
            let (example, kind) = match example.split_once(" || kind: ") {
                Some((e, k)) => (e, Some(k)),
                None => (*example, None),
            };
            let (text, concern) = match example.split_once(" || concern: ") {
                Some((t, c)) => (t, Some(c)),
                None => (example, None),
            };
            let kind = kind.map(|k| {
                crate::core::plan_kind::PlanKind::parse(k)
                    .unwrap_or_else(|e| panic!("{}: example {text:?}: {e}", rule.id()))
            });
            let judgment = checker.check(
                &crate::Objective::new(text)
                    .with_concern(concern.map(str::to_string))
                    .with_plan_kind(kind),
            );
            let flagged = judgment.findings.iter().any(|f| f.rule == rule.id());
            if flagged != must_flag {
                failures.push(format!(
                    "{} {} {text:?}; findings: {:?}",
                    rule.id(),
                    if must_flag {
                        "should flag"
                    } else {
                        "should allow"
                    },
                    judgment
                        .findings
                        .iter()
                        .map(|f| format!("{}@{:?}", f.rule, &text[f.start..f.end]))
                        .collect::<Vec<_>>()
                ));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}
