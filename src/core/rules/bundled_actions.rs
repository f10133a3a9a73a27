//! `bundled-actions` (A): three or more actions packed into one objective, with no
//! small steps, so progress on one hides failure on another.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Edit, Repair};

pub struct BundledActions;

/// Objectives with at least this many coordinated actions are flagged.
const MAX_ACTIONS: usize = 3;

impl Rule for BundledActions {
    fn id(&self) -> RuleId {
        RuleId::BundledActions
    }
    fn criterion(&self) -> Criterion {
        Criterion::A
    }
    fn summary(&self) -> &'static str {
        "Several actions bundled into one objective, with no small steps"
    }
    fn guidance(&self) -> &'static str {
        "A = Achievable: small steps, individually assessed; a stepped change. Specific deadlines for each stage."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will clean the house, attend the parenting group, stop drinking and take the children to school every day",
                "Dad will find a job, pay off his debts and move to a new flat by June",
                // An adverb between the joining word and the verb ("and never").
                "Mum will cut the food budget, stop buying clothes and never go out until the debts are paid",
            ],
            allows: &[
                "Complete the Facility and Safety assessment and develop an action plan based on its outcome by 3 March",
                "Mum will attend the parenting group every Tuesday for 6 weeks",
                "John will raise his hand and wait to be asked in 4 of 5 lessons each day by July, measured by the class behaviour chart",
                // Steps of one outcome, and alternatives, are one action.
                "Mum will arrange and attend a dental check-up for Leo by 30 April",
                "Stephanie will complete and turn in assigned work on time each week, as measured by her planner",
                "The student will identify, read, or trace each word with 80% accuracy across 3 consecutive sessions",
                // A change from a baseline is not a further action.
                "Sam will write the day's tasks in a planner and tick off 3 of them, up from 1, by June",
                // Each action measured on its own is a set of small steps.
                "Each week Dad will attend 2 AA meetings, phone his sponsor 3 times and log his drinking every day",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let actions = cx.actions();
        let Some(&head) = actions.first() else {
            return Vec::new();
        };
        let toks = &cx.a.tokens;
        if steps(cx, &actions) < MAX_ACTIONS || each_is_measured(cx, &actions) {
            return Vec::new();
        }
        let names: Vec<&str> = actions.iter().map(|&i| toks[i].lower.as_str()).collect();
        vec![Hit {
            span: toks[head].span.start..toks[*actions.last().unwrap_or(&head)].span.end,
            message: format!(
                "{} actions are bundled into one objective ({}): each needs its own step, owner and date",
                actions.len(),
                names.join(", ")
            ),
            suggestion: "Split it into one objective per action, each with its own 'by when' and measure".to_string(),
            repair: keep_first_action(cx),
        }]
    }
}

/// How many separate steps the actions make: verbs that share one object
/// ("arrange and attend a dental check-up", "complete and turn in the work")
/// and alternatives ("identify, read, or trace each word") are one step, since
/// they serve one outcome.
fn steps(cx: &Context<'_>, actions: &[usize]) -> usize {
    let toks = &cx.a.tokens;
    let joiners = |from: usize, to: usize| {
        toks[from..to].iter().all(|t| {
            matches!(
                t.lower.as_str(),
                "and" | "or" | "," | "then" | "also" | "&" | "/"
            ) || t.pos.starts_with("RB")
        })
    };
    let mut count = usize::from(!actions.is_empty());
    for pair in actions.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let alternative = toks[a + 1..b].iter().any(|t| t.lower == "or");
        if !(joiners(a + 1, b) || alternative) {
            count += 1;
        }
    }
    count
}

/// True when every action carries its own amount or frequency ("contact 5
/// employers each week, apply for 2 jobs and meet the adviser every month"):
/// each is a step assessed on its own, which is what the letter asks for.
fn each_is_measured(cx: &Context<'_>, actions: &[usize]) -> bool {
    let toks = &cx.a.tokens;
    let end = cx.text().len();
    actions.iter().enumerate().all(|(k, &i)| {
        let from = toks[i].span.start;
        let to = actions.get(k + 1).map_or(end, |&j| toks[j].span.start);
        let inside = |r: &std::ops::Range<usize>| from <= r.start && r.end <= to;
        cx.indicators.iter().any(|m| inside(&m.span))
            || cx
                .times
                .iter()
                .any(|t| t.kind == crate::core::time::TimeKind::Recurrence && inside(&t.span))
    })
}

/// Drops everything from the second action on: "kept the first action only".
fn keep_first_action(cx: &Context<'_>) -> Option<Repair> {
    let toks = &cx.a.tokens;
    let head = cx.frame.head?;
    let cut = (head + 2..toks.len()).find_map(|i| {
        let joined = matches!(
            toks[i - 1].lower.as_str(),
            "and" | "," | ";" | "then" | "&" | "also"
        );
        (joined && (toks[i].has_tag("VB") || toks[i].has_tag("VBP")) && !toks[i].has_tag("VBG"))
            .then(|| {
                // Cut before ", and" as well as before "and".
                let mut k = i - 1;
                while k > head + 1 && matches!(toks[k - 1].lower.as_str(), "," | ";" | "and") {
                    k -= 1;
                }
                toks[k].span.start
            })
    })?;
    let end = cx.text().trim_end().len();
    (cut < end).then(|| {
        let rest = cx.text()[cut..end]
            .trim()
            .trim_start_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .trim_start_matches("and ")
            .trim_end_matches('.');
        Repair {
            edits: vec![Edit::Delete(cut..end)],
            note: format!("kept the first action only; give '{rest}' its own objective"),
        }
    })
}

crate::rule_examples_test!(super::BundledActions);
