//! The checker: analyses an objective once, runs every enabled rule over the
//! shared context and turns the findings into per-criterion verdicts.

use crate::core::analysis::Context;
use crate::core::calibration;
use crate::core::config::Config;
use crate::core::finding::{
    Criteria, Criterion, CriterionResult, Finding, Judgment, Level, Severity, Verdict,
};
use crate::core::frame::{Frame, Owner};
use crate::core::lexicon::Lexicon;
use crate::core::measure::{self, Indicator, MeasureRecogniser};
use crate::core::memo::Memo;
use crate::core::nlp::Analysis;
use crate::core::plan_kind::PlanKind;
use crate::core::rules::{self, Rule, RuleId};
use crate::core::time::{TimeExpr, TimeRecogniser};
use std::sync::Arc;

/// Objectives longer than this are refused: an objective is a sentence or a plan
/// row, and the tagger's cost grows with length.
pub const MAX_OBJECTIVE_BYTES: usize = 4096;

/// One objective to judge, with the concern it should address and the kind of
/// plan it comes from, when known.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Objective {
    pub text: String,
    pub concern: Option<String>,
    /// The kind of plan; without one the checker's default kind (from the
    /// config), else the calibrated defaults, apply.
    pub plan_kind: Option<PlanKind>,
}

impl Objective {
    pub fn new(text: impl Into<String>) -> Self {
        Objective {
            text: text.into(),
            concern: None,
            plan_kind: None,
        }
    }

    /// The objective with `concern`, keeping its text and plan kind.
    pub fn with_concern(mut self, concern: Option<String>) -> Self {
        self.concern = concern;
        self
    }

    /// The objective judged by the conventions of `kind`.
    pub fn with_plan_kind(mut self, kind: Option<PlanKind>) -> Self {
        self.plan_kind = kind;
        self
    }
}

/// What a later piece of a row is tagged after (see [`Checker::analyse_pieces`]).
const PIECE_LEAD_IN: &str = "They will do it";

pub struct Checker {
    tokenizer: Arc<nlprule::Tokenizer>,
    lexicon: Lexicon,
    time: TimeRecogniser,
    measure: MeasureRecogniser,
    /// Each rule, its level, and whether the user's config set that level (a
    /// plan kind's preset does not override the user).
    rules: Vec<(Box<dyn Rule>, Level, bool)>,
    /// The plan kind for objectives that name none (`[check] plan_kind`).
    plan_kind: Option<PlanKind>,
    /// Texts already analysed that recur: a plan repeats its concern on many
    /// rows; an archive repeats actions, "by review" and "home visits".
    analyses: Memo<String, Arc<Analysis>>,
}

impl Checker {
    pub fn new(tokenizer: Arc<nlprule::Tokenizer>, config: &Config) -> Self {
        let lexicon = config.lexicon();
        let rules = rules::all()
            .into_iter()
            .map(|r| {
                let level = config.level_of(r.as_ref());
                let set = config.rules.contains_key(&r.id());
                (r, level, set)
            })
            .collect();
        Checker {
            time: TimeRecogniser::new(&lexicon),
            measure: MeasureRecogniser::new(&lexicon),
            tokenizer,
            lexicon,
            rules,
            plan_kind: config.check.plan_kind.clone(),
            analyses: Memo::new(8192),
        }
    }

    pub fn tokenizer(&self) -> &nlprule::Tokenizer {
        &self.tokenizer
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The kind of plan an objective is judged as: its own, else the
    /// configured default.
    pub fn plan_kind_of<'a>(&'a self, objective: &'a Objective) -> Option<&'a PlanKind> {
        objective.plan_kind.as_ref().or(self.plan_kind.as_ref())
    }

    /// The rules with the levels they run at for objectives of `kind`.
    pub fn rules(&self, kind: Option<&PlanKind>) -> impl Iterator<Item = (&dyn Rule, Level)> {
        self.rules_with_source(kind).map(|(r, l, _)| (r, l))
    }

    /// The rules, the levels they run at for objectives of `kind`, and what set
    /// each level.
    fn rules_with_source(
        &self,
        kind: Option<&PlanKind>,
    ) -> impl Iterator<Item = (&dyn Rule, Level, LevelSource)> {
        let kind = kind.or(self.plan_kind.as_ref()).cloned();
        self.rules.iter().map(move |(r, level, set)| {
            if *set {
                return (r.as_ref(), *level, LevelSource::Config);
            }
            if let Some(preset) = kind.as_ref().and_then(|k| k.level(r.id())) {
                return (r.as_ref(), preset, LevelSource::PlanKind);
            }
            let source = if calibration::demoted(r.id(), r.default_level()) {
                LevelSource::Demoted
            } else {
                LevelSource::Designed
            };
            (r.as_ref(), *level, source)
        })
    }

    /// True when `rule` runs as a warning for objectives of `kind` only
    /// because calibration demoted it (not because a config or the plan kind
    /// set its level).
    pub fn is_demoted(&self, rule: RuleId, kind: Option<&PlanKind>) -> bool {
        self.rules_with_source(kind)
            .any(|(r, _, source)| r.id() == rule && source == LevelSource::Demoted)
    }

    /// Judges one objective given as text.
    pub fn check_text(&self, text: &str) -> Judgment {
        self.check(&Objective::new(text))
    }

    /// Judges one objective. Text longer than [`MAX_OBJECTIVE_BYTES`] is judged on its
    /// first part only; callers that read input should refuse it first.
    pub fn check(&self, objective: &Objective) -> Judgment {
        self.analyse(objective).judgment
    }

    /// Judges one objective and keeps the analysis the judgment was made from
    /// (the frame, times, indicators and methods), for the rewriter.
    pub fn analyse(&self, objective: &Objective) -> Analysed {
        let mut end = objective.text.len().min(MAX_OBJECTIVE_BYTES);
        while !objective.text.is_char_boundary(end) {
            end -= 1;
        }
        let analysis = Analysis::new(&self.tokenizer, &objective.text[..end]);
        self.judge_analysis(objective, analysis)
    }

    /// [`Checker::analyse`] for a text made of pieces that recur (a row's action,
    /// its "by when" cell, its measure cell): each piece is tagged once, memoised,
    /// and the analyses are joined ([`Analysis::join`]). `cuts` are the byte
    /// offsets where the second and later pieces start.
    pub fn analyse_pieces(&self, objective: &Objective, cuts: &[usize]) -> Analysed {
        let text = objective.text.as_str();
        let valid = text.len() <= MAX_OBJECTIVE_BYTES
            && cuts.windows(2).all(|w| w[0] < w[1])
            && cuts
                .iter()
                .all(|&c| c > 0 && c < text.len() && text.is_char_boundary(c));
        if !valid {
            return self.analyse(objective);
        }
        let mut bounds = vec![0];
        bounds.extend_from_slice(cuts);
        bounds.push(text.len());
        let pieces: Vec<Arc<Analysis>> = bounds
            .windows(2)
            .enumerate()
            .map(|(i, w)| {
                let piece = &text[w[0]..w[1]];
                if i == 0 {
                    return self.memoised_analysis(piece);
                }
                // A later piece ("weekly for 6 weeks") is tagged after a neutral
                // clause, as it would be after the action, not as a sentence of its own.
                let in_context = format!("{PIECE_LEAD_IN}{piece}");
                let whole = self.memoised_analysis(&in_context);
                Arc::new(whole.after(PIECE_LEAD_IN.len()))
            })
            .collect();
        let refs: Vec<&Analysis> = pieces.iter().map(Arc::as_ref).collect();
        self.judge_analysis(objective, Analysis::join(text, cuts, &refs))
    }

    /// The analysis of a text that recurs (a concern, a cell), tagged once.
    fn memoised_analysis(&self, text: &str) -> Arc<Analysis> {
        self.analyses.get_or(text.to_string(), || {
            Arc::new(Analysis::new(&self.tokenizer, text))
        })
    }

    fn judge_analysis(&self, objective: &Objective, analysis: Analysis) -> Analysed {
        let text = analysis.text.as_str();
        let concern = objective
            .concern
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| self.memoised_analysis(c));
        let times = self.time.recognise(text);
        let frame = Frame::new(&analysis, &times, &self.lexicon);
        let indicators = self.measure.indicators(&analysis, &times);
        // The main verb is the action, not how it is measured ("to count", "to record").
        let head_span = frame.head.map(|h| analysis.tokens[h].span.clone());
        // And its object is what is done: in "do the safety assessment" the
        // assessment is the task; in "measured by the assessment", the method.
        let object_span = frame
            .object
            .as_ref()
            .filter(|o| !o.is_empty())
            .map(|o| analysis.byte_span(o.clone()));
        let head_is_measuring = frame.head.is_some_and(|h| {
            self.lexicon
                .measuring_verbs
                .iter()
                .any(|v| analysis.tokens[h].is(v))
        });
        let methods: Vec<_> = measure::methods(&analysis, &self.lexicon)
            .into_iter()
            .filter(|m| {
                head_span
                    .as_ref()
                    .is_none_or(|h| !(m.start <= h.start && h.end <= m.end))
                    && (head_is_measuring
                        || object_span
                            .as_ref()
                            .is_none_or(|o| !(o.start <= m.start && m.end <= o.end)))
            })
            .collect();
        let owner = frame
            .subject
            .as_ref()
            .map(|s| crate::core::frame::classify_owner(&analysis, s, &self.lexicon));
        let cx = Context {
            a: &analysis,
            lexicon: &self.lexicon,
            frame: &frame,
            times: &times,
            indicators: &indicators,
            methods: &methods,
            concern: concern.as_deref(),
            owner: owner.clone(),
        };
        let mut findings = Vec::new();
        let mut demoted = Vec::new();
        if !analysis.tokens.is_empty() {
            for (rule, level, source) in self.rules_with_source(objective.plan_kind.as_ref()) {
                if source == LevelSource::Demoted {
                    demoted.push(rule.id());
                }
                let severity = match level {
                    Level::Off => continue,
                    Level::Warning => Severity::Warning,
                    Level::Error => Severity::Error,
                };
                for hit in rule.check(&cx) {
                    findings.push(Finding {
                        rule: rule.id(),
                        criterion: rule.criterion(),
                        start: hit.span.start,
                        end: hit.span.end,
                        severity,
                        message: hit.message,
                        suggestion: hit.suggestion,
                        repair: hit.repair,
                    });
                }
            }
        }
        restore_in_company(&mut findings, &demoted);
        findings.sort_by_key(|f| (f.start, f.criterion));
        let criteria = judge(&cx, &findings);
        let judgment = Judgment {
            text: objective.text.clone(),
            smart: criteria.failing().is_empty(),
            criteria,
            findings,
        };
        Analysed {
            analysis,
            frame,
            times,
            indicators,
            methods,
            owner,
            judgment,
        }
    }
}

/// What set a rule's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LevelSource {
    /// The user's `[rules]` table.
    Config,
    /// The objective's plan kind.
    PlanKind,
    /// Calibration lowered the rule's designed level.
    Demoted,
    /// The rule's own level.
    Designed,
}

/// The combination layer: when the rules that fired together make the objective
/// read as not SMART, the findings of demoted rules fail their letters again.
fn restore_in_company(findings: &mut [Finding], demoted: &[RuleId]) {
    let layer = calibration::layer();
    let fired: Vec<RuleId> = findings.iter().map(|f| f.rule).collect();
    let p = layer.not_smart(&fired);
    if p <= layer.threshold {
        return;
    }
    for f in findings.iter_mut() {
        if f.severity == Severity::Warning && demoted.contains(&f.rule) {
            f.severity = Severity::Error;
            f.message = format!(
                "{} (together with the other findings, the objective reads as not SMART)",
                f.message
            );
        }
    }
}

/// One objective's analysis together with its judgment.
#[derive(Debug, Clone)]
pub struct Analysed {
    pub analysis: Analysis,
    pub frame: Frame,
    pub times: Vec<TimeExpr>,
    pub indicators: Vec<Indicator>,
    /// Byte spans of named measurement methods.
    pub methods: Vec<std::ops::Range<usize>>,
    /// Who the subject is, when there is one.
    pub owner: Option<Owner>,
    pub judgment: Judgment,
}

impl Analysed {
    /// True when some error-level finding of rule `id` was made.
    pub fn failed(&self, id: RuleId) -> bool {
        self.judgment
            .findings
            .iter()
            .any(|f| f.rule == id && f.severity == Severity::Error)
    }

    /// What the rules read, again, for code that reads as they do (with no
    /// concern): the rewriter splitting bundled actions.
    pub fn context<'a>(&'a self, lexicon: &'a Lexicon) -> Context<'a> {
        Context {
            a: &self.analysis,
            lexicon,
            frame: &self.frame,
            times: &self.times,
            indicators: &self.indicators,
            methods: &self.methods,
            concern: None,
            owner: self.owner.clone(),
        }
    }
}

/// Turns findings into verdicts: an error fails its letter; R is unknown without a concern.
fn judge(cx: &Context<'_>, findings: &[Finding]) -> Criteria {
    let result = |c: Criterion| {
        let errors: Vec<String> = findings
            .iter()
            .filter(|f| f.criterion == c && f.severity == Severity::Error)
            .map(|f| format!("{}: {}", f.rule, f.message))
            .collect();
        if !errors.is_empty() {
            return CriterionResult {
                verdict: Verdict::Fail,
                reasons: errors,
            };
        }
        if c == Criterion::R && cx.concern.is_none() {
            return CriterionResult {
                verdict: Verdict::Unknown,
                reasons: vec![
                    "no concern given: relevance is judged against the plan's concern (use --concern)"
                        .to_string(),
                ],
            };
        }
        CriterionResult {
            verdict: Verdict::Pass,
            reasons: pass_reasons(cx, c),
        }
    };
    Criteria {
        s: result(Criterion::S),
        m: result(Criterion::M),
        a: result(Criterion::A),
        r: result(Criterion::R),
        t: result(Criterion::T),
    }
}

/// What the objective does state, for a letter that passes.
fn pass_reasons(cx: &Context<'_>, c: Criterion) -> Vec<String> {
    let text = cx.text();
    let quote = |r: &std::ops::Range<usize>| format!("'{}'", &text[r.clone()]);
    match c {
        Criterion::S => {
            let mut reasons = Vec::new();
            if let Some(s) = &cx.frame.subject {
                reasons.push(format!("who: '{}'", cx.slice(s.clone())));
            }
            if let Some(h) = cx.frame.head {
                let end = cx.frame.object.as_ref().map_or(h + 1, |o| o.end.max(h + 1));
                reasons.push(format!("what: '{}'", cx.slice(h..end)));
            }
            reasons
        }
        Criterion::M => cx
            .indicators
            .iter()
            .map(|i| format!("indicator: {}", quote(&i.span)))
            .chain(cx.methods.iter().map(|m| format!("method: {}", quote(m))))
            .collect::<Vec<_>>()
            .into_iter()
            .chain(
                (cx.indicators.is_empty() && cx.methods.is_empty()).then(|| {
                    "completion of a single, observable action can be checked".to_string()
                }),
            )
            .collect(),
        Criterion::A => {
            vec!["no absolute target, outside-control or bundled actions found".to_string()]
        }
        Criterion::R => vec!["relates to the concern".to_string()],
        Criterion::T => cx
            .times
            .iter()
            .filter(|t| t.kind.is_concrete())
            .map(|t| format!("time: {}", quote(&t.span)))
            .collect(),
    }
}
