//! Which verb a negation word negates: "never shout", "won't ever smoke",
//! "stop smoking", "never going to smoke".

use crate::core::nlp::Token;

/// The verb the negation word at token `at` negates, with its index. A stop
/// ("stop", "quit": itself a verb) is of the verb right after it: "stop teens
/// from smoking" stops the teens, not the writer's own smoking; and a stop of
/// a thing ("stop drinking energy drinks") may be replaced by another thing
/// done ("drink water"), so it holds no negation to keep. "never" or "not"
/// may stand up to three words before its verb ("won't ever smoke").
pub(super) fn negated_verb(toks: &[Token], at: usize) -> Option<(usize, &Token)> {
    let stop = toks[at].is_verb();
    let reach = if stop { 1 } else { 3 };
    let takes_object = |j: usize| {
        toks.get(j + 1).is_some_and(|n| {
            n.is_noun() || ["DT", "PRP", "JJ"].iter().any(|p| n.pos.starts_with(p))
        })
    };
    let (j, v) = toks
        .iter()
        .enumerate()
        .skip(at + 1)
        .take(reach)
        .find(|(_, v)| v.is_verb() && !v.pos.starts_with("RB"))
        .filter(|&(j, _)| !(stop && takes_object(j)))?;
    // "never going to have a relapse": the future's "going to" negates the
    // verb after it.
    if v.lower == "going" && toks.get(j + 1).is_some_and(|t| t.lower == "to") {
        if let Some(after) = toks.get(j + 2).filter(|t| t.is_verb()) {
            return Some((j + 2, after));
        }
    }
    Some((j, v))
}
