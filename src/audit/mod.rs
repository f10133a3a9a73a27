//! Auditing archived plans: every row of every plan file judged, one record per
//! input row, plan-level findings (actions for each concern, owners, review
//! dates), drift between plan versions, and the figures a manager reads.
//!
//! [`run`] is the whole audit as a library function; [`Auditor::audit_row`]
//! judges one row; [`plans::PlanBook`] keeps the plan-level view in flat memory;
//! [`records`] writes records as JSONL or CSV; [`baseline`] keeps the findings
//! a team has accepted.

pub mod baseline;
pub mod compose;
pub mod plans;
pub mod records;
pub mod row;
pub mod run;
pub mod summary;
pub mod versions;

pub use compose::{add_plan_concern, compose, compose_pieces, plan_concerns, plan_key};
pub use row::{
    AuditCache, Auditor, FieldFinding, RowFinding, RowParts, RowRecord, RELEVANCE_THRESHOLD,
};
pub use run::{run, AuditError, NoProgress, NoRecords, Options, Progress, RecordSink};
pub use summary::{Figures, Summary};
