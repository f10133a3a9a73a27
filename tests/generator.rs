//! The seq2seq path end to end, on a tiny random-weight BART that the test builds
//! itself: a config, a hand-written byte-level BPE vocabulary and merges, random
//! initialisation saved with `VarStore::save`. No real weights can be obtained
//! here, so the output is noise; the test proves that the model loads, that
//! candidates come back, and that they go through the same re-check and
//! golden-rule filter as every template rewrite.

use rust_bert::bart::{BartConfig, BartForConditionalGeneration};
use smarten::models::generator::Seq2SeqGenerator;
use smarten::rewrite::{Generate, Rewriter};
use smarten::{Checker, Objective};
use std::path::Path;
use std::sync::Arc;

/// Writes a 2-layer, 16-dimension BART with a 60-token vocabulary into `dir`.
fn build_tiny_bart(dir: &Path) {
    let mut vocab = serde_json::Map::new();
    for special in ["<s>", "<pad>", "</s>", "<unk>", "<mask>"] {
        vocab.insert(special.into(), vocab.len().into());
    }
    // Byte-level BPE writes a leading space as 'Ġ'.
    for c in ('a'..='z').chain(['Ġ', '.', ',']) {
        vocab.insert(c.to_string(), vocab.len().into());
    }
    let merges = [
        ("Ġ", "w"),
        ("w", "i"),
        ("l", "l"),
        ("Ġ", "t"),
        ("h", "e"),
        ("Ġ", "a"),
    ];
    for (a, b) in merges {
        vocab.insert(format!("{a}{b}"), vocab.len().into());
    }
    let vocab_size = vocab.len() as i64;
    std::fs::write(
        dir.join("vocab.json"),
        serde_json::Value::Object(vocab).to_string(),
    )
    .unwrap();
    let mut merges_txt = String::from("#version: 0.2\n");
    for (a, b) in merges {
        merges_txt.push_str(&format!("{a} {b}\n"));
    }
    std::fs::write(dir.join("merges.txt"), merges_txt).unwrap();

    let config = BartConfig {
        d_model: 16,
        encoder_layers: 2,
        decoder_layers: 2,
        num_hidden_layers: 2,
        encoder_attention_heads: 2,
        decoder_attention_heads: 2,
        encoder_ffn_dim: 32,
        decoder_ffn_dim: 32,
        max_position_embeddings: 64,
        vocab_size,
        bos_token_id: Some(0),
        pad_token_id: Some(1),
        eos_token_id: Some(2),
        decoder_start_token_id: Some(2),
        ..Default::default()
    };
    let mut json = serde_json::to_value(&config).unwrap();
    json["model_type"] = "bart".into();
    std::fs::write(dir.join("config.json"), json.to_string()).unwrap();

    tch::manual_seed(7);
    let vs = tch::nn::VarStore::new(tch::Device::Cpu);
    let _model = BartForConditionalGeneration::new(vs.root(), &config);
    vs.save(dir.join("rust_model.ot")).unwrap();
}

fn checker() -> Checker {
    let tokenizer = smarten::models::load_tokenizer().expect("tests need the nlprule model");
    Checker::new(Arc::new(tokenizer), &Default::default())
}

#[test]
fn a_tiny_random_bart_loads_and_its_candidates_go_through_the_same_filter() {
    let dir = tempfile::tempdir().unwrap();
    build_tiny_bart(dir.path());
    let generator = Seq2SeqGenerator::load(dir.path()).expect("the tiny BART loads");
    assert_eq!(generator.kind(), "bart");

    let objective = "Mum to engage with services ongoing";
    let generated = generator.generate(objective).unwrap();
    assert!(!generated.is_empty(), "the model returned no candidates");

    let checker = checker();
    let encoder = smarten::models::load_encoder().expect("tests need the MiniLM model");
    let rewriter = Rewriter::new(&checker, Some(&encoder)).with_generator(&generator);
    let reports = rewriter.candidate_reports(&Objective::new(objective));
    let from_model: Vec<_> = reports.iter().filter(|r| r.source == "generator").collect();
    assert!(!from_model.is_empty(), "{reports:#?}");
    // Noise from random weights cannot pass the checker; it is re-checked like any candidate.
    for r in &from_model {
        assert!(!r.failing.is_empty(), "random output judged SMART: {r:#?}");
    }
    // So the chosen rewrite is still a template one, and the model is reported.
    let rewrite = rewriter.rewrite(&Objective::new(objective));
    assert_eq!(rewrite.model, "minilm+generator");
    assert!(rewrite.after.failing().is_empty(), "{rewrite:#?}");
    assert!(!from_model.iter().any(|r| r.rewrite == rewrite.rewrite));
}

#[test]
fn a_generator_folder_without_its_files_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = Seq2SeqGenerator::load(dir.path())
        .err()
        .expect("an empty folder fails")
        .to_string();
    assert!(err.contains("config.json"), "{err}");
    std::fs::write(dir.path().join("config.json"), r#"{"model_type": "gpt2"}"#).unwrap();
    let err = Seq2SeqGenerator::load(dir.path())
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("not supported"), "{err}");
    std::fs::write(dir.path().join("config.json"), r#"{"model_type": "bart"}"#).unwrap();
    let err = Seq2SeqGenerator::load(dir.path())
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("vocab.json is missing"), "{err}");
}
