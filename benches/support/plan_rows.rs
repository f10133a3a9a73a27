//! Generated plan rows for audits at scale: the dev statements as actions, with
//! who, when, measure, concern and plan id drawn from fixed pools, so the same
//! row count always gives the same rows. Shared by `benches/audit_scale.rs` and
//! `examples/plan_rows.rs` (which `scripts/compare-outputs.sh` uses).

/// The column headers of a generated plan.
pub const HEADER: [&str; 6] = ["Plan ID", "Need", "Lead", "Action", "By when", "Evidence"];

const WHOS: [&str; 10] = [
    "Mum",
    "Dad",
    "Children's Services",
    "the social worker",
    "Gran",
    "School",
    "Kayleigh",
    "Health visitor",
    "Jo Clarke",
    "Parents",
];
const WHENS: [&str; 11] = [
    "ongoing",
    "by review",
    "by 31 March 2026",
    "weekly for 6 weeks",
    "asap",
    "every Monday",
    "in 2 weeks",
    "",
    "by the end of term",
    "at the next core group",
    "",
];
const MEASURES: [&str; 8] = [
    "by review",
    "attendance register",
    "home visits",
    "",
    "observation",
    "self-report on a 1 to 10 scale",
    "GP record",
    "monitoring",
];
const CONCERNS: [&str; 6] = [
    "Amy's attendance is 72%",
    "The home is unhygienic",
    "Missed health appointments",
    "Dad's drinking",
    "Kayleigh pushes other children",
    "",
];

/// The actions: the dev statements' texts (or the bundled example objectives).
pub fn statements() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("data/eval/statements-dev.jsonl");
    let text = std::fs::read_to_string(&dev)
        .or_else(|_| std::fs::read_to_string(root.join("data/examples/objectives.txt")))
        .expect("dev statements or bundled examples");
    text.lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .ok()
                .and_then(|v| v["text"].as_str().map(str::to_string))
                .unwrap_or_else(|| l.to_string())
        })
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// Row `i` of a generated plan with `per_plan` rows per plan id, in `HEADER` order.
pub fn row(whats: &[String], i: usize, per_plan: usize) -> [String; 6] {
    [
        format!("P{}", i / per_plan),
        CONCERNS[(i / 3) % CONCERNS.len()].to_string(),
        WHOS[(i / 7) % WHOS.len()].to_string(),
        whats[i % whats.len()].clone(),
        WHENS[(i / 11) % WHENS.len()].to_string(),
        MEASURES[(i / 13) % MEASURES.len()].to_string(),
    ]
}

/// A CSV line with every cell quoted.
pub fn csv_line(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(",")
}
