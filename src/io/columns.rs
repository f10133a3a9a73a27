//! The columns of an action plan and the header names that mean them: the five
//! questions (concern, who, what, when, measure) and the plan's bookkeeping
//! (plan id, person id, review date, version, plan kind).

use serde::Serialize;
use std::collections::BTreeMap;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Concern,
    Who,
    What,
    When,
    Measure,
    PlanId,
    PersonId,
    ReviewDate,
    Version,
    PlanKind,
    /// Findings the team has accepted for the row ("vague-timeframe, acronym").
    Accepted,
    /// The child's parent or carer, by name ("Mrs Patel").
    Carer,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Concern,
        Field::Who,
        Field::What,
        Field::When,
        Field::Measure,
        Field::PlanId,
        Field::PersonId,
        Field::ReviewDate,
        Field::Version,
        Field::PlanKind,
        Field::Accepted,
        Field::Carer,
    ];

    /// The name used in `--columns` and in output.
    pub fn name(self) -> &'static str {
        match self {
            Field::Concern => "concern",
            Field::Who => "who",
            Field::What => "what",
            Field::When => "when",
            Field::Measure => "measure",
            Field::PlanId => "plan",
            Field::PersonId => "person",
            Field::ReviewDate => "review",
            Field::Version => "version",
            Field::PlanKind => "kind",
            Field::Accepted => "accepted",
            Field::Carer => "carer",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.name() == name.trim().to_lowercase())
    }

    /// Header names (normalised: lower case, letters and digits only) that mean this field.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::Concern => &[
                "whatistheissueconcern",
                "whatistheconcern",
                "whatistheissue",
                "issueconcern",
                "concern",
                "concerns",
                "issue",
                "issues",
                "need",
                "needs",
                "risk",
                "risks",
                "identifiedneed",
                "problem",
            ],
            Field::Who => &[
                "whowilldothis",
                "who",
                "responsible",
                "responsibleperson",
                "lead",
                "leadperson",
                "owner",
                "bywhom",
                "personresponsible",
                "whoisresponsible",
            ],
            Field::What => &[
                "whatwillbedone",
                "whatwillhappen",
                "action",
                "actions",
                "objective",
                "objectives",
                "outcome",
                "outcomes",
                "task",
                "target",
                "targets",
                "goal",
                "smarttarget",
                "actionobjective",
            ],
            Field::When => &[
                "whenwillthisbedone",
                "when",
                "bywhen",
                "timescale",
                "timescales",
                "deadline",
                "targetdate",
                "timeframe",
                "duedate",
                "date",
            ],
            Field::Measure => &[
                "howwillwemeasureprogress",
                "howwillweknow",
                "measure",
                "measures",
                "evidence",
                "successcriteria",
                "howmeasured",
                "measureofsuccess",
                "howwillprogressbemeasured",
            ],
            Field::PlanId => &[
                "planid",
                "plan",
                "planref",
                "planreference",
                "caseid",
                "caseref",
                "casenumber",
            ],
            Field::PersonId => &[
                "childid",
                "personid",
                "child",
                "childname",
                "youngperson",
                "person",
                "clientid",
                "name",
            ],
            Field::ReviewDate => &[
                "reviewdate",
                "review",
                "nextreview",
                "nextreviewdate",
                "reviewon",
            ],
            Field::Version => &[
                "version",
                "planversion",
                "plandate",
                "dateofplan",
                "revision",
                "reviewnumber",
            ],
            Field::PlanKind => &["plankind", "plantype", "kindofplan", "typeofplan", "kind"],
            Field::Carer => &[
                "carer",
                "parentcarer",
                "parentorcarer",
                "parentcarername",
                "carername",
                "parentname",
                "maincarer",
                "parentsandcarers",
            ],
            Field::Accepted => &[
                "accepted",
                "acceptedfindings",
                "smartenaccepted",
                "accept",
                "ignore",
            ],
        }
    }
}

/// Whether a row's cells name the action-plan questions, as a header does: a
/// "what" column, or two of the others. Title rows above a header do not.
pub fn names_plan_questions(headers: &[String]) -> bool {
    Mapping::from_headers(headers, &BTreeMap::new())
        .is_ok_and(|m| m.has_objective() || m.columns.len() >= 2)
}

/// Which column holds which field.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Mapping {
    pub columns: BTreeMap<Field, usize>,
}

/// A `--columns` setting that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ColumnsError {
    #[error("--columns {field}={header}: no such column (headers: {headers})")]
    NoSuchColumn {
        field: &'static str,
        header: String,
        headers: String,
    },
    #[error("--columns: '{0}' is not field=Header")]
    NotFieldEqualsHeader(String),
    #[error("--columns: unknown field '{name}' (fields: {fields})")]
    UnknownField { name: String, fields: String },
}

impl Mapping {
    /// Maps `headers` by their names, with `overrides` (field → header) taking precedence.
    /// An override naming a header that is not there is an error.
    pub fn from_headers(
        headers: &[String],
        overrides: &BTreeMap<Field, String>,
    ) -> Result<Self, ColumnsError> {
        let norm: Vec<String> = headers
            .iter()
            .map(|h| crate::io::table::normalise_header(h))
            .collect();
        let mut columns = BTreeMap::new();
        for (field, header) in overrides {
            let wanted = crate::io::table::normalise_header(header);
            let i = norm.iter().position(|h| *h == wanted).ok_or_else(|| {
                ColumnsError::NoSuchColumn {
                    field: field.name(),
                    header: header.clone(),
                    headers: super::table::header_list(headers),
                }
            })?;
            columns.insert(*field, i);
        }
        // Exact synonyms for every field first, then headers that start with one
        // ("Action (what will be done)"), so that "Plan kind" is the kind, not a
        // plan id that happens to start "plan".
        for exact in [true, false] {
            for field in Field::ALL {
                if columns.contains_key(&field) {
                    continue;
                }
                let taken: Vec<usize> = columns.values().copied().collect();
                let found = field
                    .synonyms()
                    .iter()
                    .filter(|s| exact || s.len() >= 4)
                    .find_map(|s| {
                        norm.iter().enumerate().find(|(i, h)| {
                            (if exact { *h == s } else { h.starts_with(*s) }) && !taken.contains(i)
                        })
                    })
                    .map(|(i, _)| i);
                if let Some(i) = found {
                    columns.insert(field, i);
                }
            }
        }
        Ok(Mapping { columns })
    }

    pub fn get(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }

    /// True when the table has something to judge: a `what` column.
    pub fn has_objective(&self) -> bool {
        self.columns.contains_key(&Field::What)
    }

    /// "what=Action, who=Lead, ..." for the terminal.
    pub fn describe(&self, headers: &[String]) -> String {
        self.columns
            .iter()
            .map(|(f, &i)| {
                format!(
                    "{}={}",
                    f.name(),
                    headers.get(i).map_or("?", |h| h.as_str())
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Parses `--columns what=Action,who=Lead`.
pub fn parse_overrides(spec: &str) -> Result<BTreeMap<Field, String>, ColumnsError> {
    let mut out = BTreeMap::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, header) = part
            .split_once('=')
            .ok_or_else(|| ColumnsError::NotFieldEqualsHeader(part.to_string()))?;
        let field = Field::from_name(name).ok_or_else(|| ColumnsError::UnknownField {
            name: name.to_string(),
            fields: Field::ALL
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", "),
        })?;
        out.insert(field, header.trim().to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_five_questions_map_by_their_usual_names() {
        let h = headers(&[
            "What is the issue/concern?",
            "Who will do this?",
            "What will be done?",
            "When will this be done?",
            "How will we measure progress?",
            "Plan ID",
            "Review date",
        ]);
        let m = Mapping::from_headers(&h, &BTreeMap::new()).unwrap();
        assert_eq!(m.get(Field::Concern), Some(0));
        assert_eq!(m.get(Field::Who), Some(1));
        assert_eq!(m.get(Field::What), Some(2));
        assert_eq!(m.get(Field::When), Some(3));
        assert_eq!(m.get(Field::Measure), Some(4));
        assert_eq!(m.get(Field::PlanId), Some(5));
        assert_eq!(m.get(Field::ReviewDate), Some(6));
        let short = headers(&["Need", "Lead", "Action", "Timescale", "Evidence"]);
        let m = Mapping::from_headers(&short, &BTreeMap::new()).unwrap();
        assert_eq!(
            m.describe(&short),
            "concern=Need, who=Lead, what=Action, when=Timescale, measure=Evidence"
        );
    }

    #[test]
    fn overrides_win_and_must_name_a_column() {
        let h = headers(&["Step", "Person", "Action"]);
        let o = parse_overrides("what=Step, who=Person").unwrap();
        let m = Mapping::from_headers(&h, &o).unwrap();
        assert_eq!(m.get(Field::What), Some(0));
        assert_eq!(m.get(Field::Who), Some(1));
        let bad = parse_overrides("what=Nope").unwrap();
        assert!(Mapping::from_headers(&h, &bad)
            .unwrap_err()
            .to_string()
            .contains("Nope"));
        assert!(parse_overrides("colour=Red").is_err());
    }
}
