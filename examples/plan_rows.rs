//! Writes a generated plan CSV to standard output: `cargo run --example plan_rows -- 2000`
//! (8 rows per plan id). The same rows as `benches/audit_scale.rs`.

#[path = "../benches/support/plan_rows.rs"]
mod plan_rows;

fn main() {
    let rows: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let whats = plan_rows::statements();
    println!("{}", plan_rows::HEADER.join(","));
    for i in 0..rows {
        println!("{}", plan_rows::csv_line(&plan_rows::row(&whats, i, 8)));
    }
}
