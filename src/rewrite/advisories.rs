//! The advisories a rewrite answers as if they were failures: a time the plan
//! alone supplies, and an absolute target with no end.
//!
//! A verdict may pass a letter on a warning ("Learn 20 new words" takes the
//! plan's year), but a writer who asks for a rewrite wants the gap closed: the
//! sources that call such goals not SMART almost always name the missing
//! time. So before the repairs run, the time-bound warnings count as failures
//! of T. An absolute held for good ("zero panic attacks", "never miss") counts
//! as a failure of A: its repair only sets a figure the team agrees below the
//! writer's absolute, which keeps the aim even where the source accepted it.
//! Not the others: an implied person is the plan's own convention, and the
//! other warnings are the rules too often wrong to fail a letter, whose
//! repairs would then change what was right.

use crate::core::check::Analysed;
use crate::core::finding::{Finding, RuleId, Severity, Verdict};

/// The warnings a rewrite treats as failures of their letter.
const ANSWERED: [RuleId; 4] = [
    RuleId::ImpliedTimeframe,
    RuleId::NoTimeframe,
    RuleId::VagueTimeframe,
    RuleId::LastingAbsolute,
];

/// True for a warning a rewrite answers.
pub fn is_answered(f: &Finding) -> bool {
    ANSWERED.contains(&f.rule) && f.severity == Severity::Warning
}

/// The analysis the repairs work from: `None` when `x` has none of the
/// answered warnings (the repairs use `x` itself), or else a copy in which
/// they fail their letters.
pub fn as_failures(x: &Analysed) -> Option<Analysed> {
    if !x.judgment.findings.iter().any(is_answered) {
        return None;
    }
    let mut promoted = x.clone();
    for f in promoted.judgment.findings.iter_mut() {
        if is_answered(f) {
            f.severity = Severity::Error;
            let letter = promoted.judgment.criteria.get_mut(f.criterion);
            letter.verdict = Verdict::Fail;
            letter.reasons.push(format!("{}: {}", f.rule, f.message));
        }
    }
    promoted.judgment.smart = false;
    Some(promoted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::Objective;
    use crate::core::finding::Criterion;

    fn analysed(text: &str) -> Analysed {
        crate::testing::checker().analyse(&Objective::new(text))
    }

    #[test]
    fn a_time_only_the_plan_supplies_fails_t_for_the_repairs() {
        let x = analysed("Read 20 new words aloud correctly");
        assert!(x.judgment.smart, "{:?}", x.judgment.findings);
        let promoted = as_failures(&x).expect("the implied time is answered");
        assert!(!promoted.judgment.smart);
        assert_eq!(
            promoted.judgment.criteria.get(Criterion::T).verdict,
            Verdict::Fail
        );
        assert!(promoted.failed(RuleId::ImpliedTimeframe));
    }

    #[test]
    fn an_objective_with_its_own_date_is_left_as_it_is() {
        let x = analysed("Sam will read 20 new words aloud correctly by 31 March 2027");
        assert!(as_failures(&x).is_none(), "{:?}", x.judgment.findings);
    }
}
