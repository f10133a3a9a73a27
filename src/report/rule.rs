//! The page that explains one rule: its letter, summary, the guidance it
//! cites and its examples (served at `/rules/<id>` by `smarten serve`).

use super::render;
use minijinja::context;

/// The rule's page, or `None` when no rule has that id.
pub fn page(id: &str) -> Option<String> {
    let rules = crate::core::rules::all();
    let rule = rules.iter().find(|r| r.id().as_str() == id)?;
    let examples = rule.examples();
    Some(render(
        "rule.html",
        context! {
            id => rule.id().as_str(),
            letter => rule.criterion().to_string(),
            letter_name => rule.criterion().name(),
            summary => rule.summary(),
            guidance => rule.guidance(),
            flags => examples.flags,
            allows => examples.allows,
        },
    ))
}
