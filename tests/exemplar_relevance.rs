//! Calibrates exemplar relevance: on hand-labelled (objective, exemplar) pairs,
//! the threshold in `data/intent.toml` together with the shared-word test must
//! be the balanced-accuracy optimum (within 0.01), and that optimum must beat
//! offering every retrieved exemplar.

use smarten::core::similarity::Embed;
use smarten::rewrite::exemplars::ExemplarBank;
use smarten::rewrite::intent::IntentLists;
use smarten::{Checker, Objective};
use std::path::Path;
use std::sync::Arc;

struct Pair {
    similarity: f32,
    shares_word: bool,
    relevant: bool,
}

fn balanced_accuracy(pairs: &[Pair], threshold: f32) -> f64 {
    let (mut tp, mut fp, mut tn, mut fn_) = (0.0, 0.0, 0.0, 0.0);
    for p in pairs {
        let offered = p.similarity >= threshold && p.shares_word;
        match (p.relevant, offered) {
            (true, true) => tp += 1.0,
            (true, false) => fn_ += 1.0,
            (false, true) => fp += 1.0,
            (false, false) => tn += 1.0,
        }
    }
    (tp / (tp + fn_) + tn / (tn + fp)) / 2.0
}

#[test]
fn the_exemplar_threshold_is_the_calibrated_optimum() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rewrites/exemplar-relevance.tsv");
    let text = std::fs::read_to_string(path).unwrap();
    let tokenizer = smarten::models::load_tokenizer().expect("tests need the nlprule model");
    let checker = Checker::new(Arc::new(tokenizer), &Default::default());
    let encoder = smarten::models::load_encoder().expect("tests need the MiniLM model");
    let bank = ExemplarBank::bundled();
    let lists = IntentLists::bundled();
    let mut pairs = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{line}");
        let (objective, vague, label) = (cols[0], cols[1], cols[2]);
        let exemplar = bank
            .exemplars
            .iter()
            .position(|e| e.vague == vague)
            .unwrap_or_else(|| panic!("no exemplar '{vague}' in the bank"));
        // The query the rewriter retrieves with: the action, from the main verb.
        let x = checker.analyse(&Objective::new(objective));
        let query = match (x.frame.head, &x.frame.object) {
            (Some(h), Some(_)) => &objective[x.analysis.tokens[h].span.start..],
            _ => objective,
        };
        let scores = bank.nearest(query, bank.exemplars.len(), Some(&encoder as &dyn Embed));
        let similarity = scores.iter().find(|(i, _)| *i == exemplar).unwrap().1;
        let e = &bank.exemplars[exemplar];
        pairs.push(Pair {
            similarity,
            shares_word: lists
                .share_a_content_word(objective, &format!("{} {}", e.vague, e.action)),
            relevant: label == "1",
        });
    }
    assert!(pairs.len() >= 300, "only {} labelled pairs", pairs.len());
    let (best_ba, best_t) = (20..90)
        .map(|k| k as f32 / 100.0)
        .map(|t| (balanced_accuracy(&pairs, t), t))
        .fold((0.0, 0.0), |a, b| if b.0 > a.0 { b } else { a });
    let configured = balanced_accuracy(&pairs, lists.min_exemplar_similarity);
    let everything = {
        let all: Vec<Pair> = pairs
            .iter()
            .map(|p| Pair {
                similarity: 1.0,
                shares_word: true,
                relevant: p.relevant,
            })
            .collect();
        balanced_accuracy(&all, 0.0)
    };
    println!(
        "exemplar relevance on {} pairs: configured {:.2} -> balanced accuracy {configured:.3}; optimum {best_t:.2} -> {best_ba:.3}; offering all {everything:.3}",
        pairs.len(),
        lists.min_exemplar_similarity
    );
    assert!(
        configured + 0.01 >= best_ba,
        "threshold {} is off the optimum {best_t}",
        lists.min_exemplar_similarity
    );
    assert!(configured > everything + 0.1);
}
