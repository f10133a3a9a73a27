//! The all-MiniLM-L6-v2 sentence encoder through rust-bert and libtorch: loads
//! the converted model, implements [`Embed`], and converts published
//! safetensors weights into the `.ot` format tch loads.

use crate::core::memo::Memo;
use crate::core::similarity::{Embed, EmbedError};
use rust_bert::pipelines::sentence_embeddings::{
    SentenceEmbeddingsBuilder, SentenceEmbeddingsModel,
};
use std::path::Path;
use std::sync::{Arc, Mutex};

pub use super::MINILM_DIR;

/// The files rust-bert needs from the MiniLM folder, in the order they are checked.
pub const MINILM_FILES: [&str; 7] = [
    "rust_model.ot",
    "config.json",
    "vocab.txt",
    "modules.json",
    "sentence_bert_config.json",
    "tokenizer_config.json",
    "1_Pooling/config.json",
];

/// The model could not be loaded, or weights could not be converted.
#[derive(Debug, thiserror::Error)]
pub enum MinilmError {
    #[error("{path}: {reason}")]
    Load { path: String, reason: String },
    #[error("{path}: cannot convert safetensors weights: {reason}")]
    Convert { path: String, reason: String },
}

/// all-MiniLM-L6-v2, loaded once and shared. Encoding is serialised: one
/// sentence batch at a time, on one intra-op thread, which is fastest for the
/// short texts smarten embeds.
pub struct SentenceEncoder {
    model: Mutex<SentenceEmbeddingsModel>,
    /// Embeddings already computed, by text: a plan's concerns, an objective
    /// repeated across an archive, a candidate ranked twice.
    memo: Memo<String, Arc<[f32]>>,
}

impl SentenceEncoder {
    /// Loads the converted model from `dir` (see `smarten models convert`).
    pub fn load(dir: &Path) -> Result<Self, MinilmError> {
        for file in MINILM_FILES {
            let path = dir.join(file);
            if !path.is_file() {
                return Err(MinilmError::Load {
                    path: path.display().to_string(),
                    reason: "file is missing".into(),
                });
            }
        }
        tch::set_num_threads(1);
        let model = SentenceEmbeddingsBuilder::local(dir)
            .with_device(tch::Device::Cpu)
            .create_model()
            .map_err(|e| MinilmError::Load {
                path: dir.display().to_string(),
                reason: e.to_string(),
            })?;
        Ok(SentenceEncoder {
            model: Mutex::new(model),
            memo: Memo::new(Self::MEMO_LIMIT),
        })
    }

    /// How many embeddings are kept (about 1.6 KB each).
    pub const MEMO_LIMIT: usize = 8192;
}

impl Embed for SentenceEncoder {
    /// The unit-length embedding of `text`. Each text is encoded on its own, so
    /// its vector never depends on what it was batched with (padding changes the
    /// arithmetic in the last bits), and is memoised.
    fn embed(&self, text: &str) -> Result<Arc<[f32]>, EmbedError> {
        if let Some(v) = self.memo.get(&text.to_string()) {
            return Ok(v);
        }
        let vector: Arc<[f32]> = {
            let model = self
                .model
                .lock()
                .map_err(|_| EmbedError("a previous encoding panicked".into()))?;
            let mut out = model
                .encode(&[text])
                .map_err(|e| EmbedError(e.to_string()))?;
            out.pop()
                .ok_or_else(|| EmbedError("the model returned no vector".into()))?
                .into()
        };
        self.memo.insert(text.to_string(), vector.clone());
        Ok(vector)
    }

    fn name(&self) -> &'static str {
        "minilm"
    }
}

/// Keeps OpenBLAS to one thread, for parallel work such as `audit`: its own
/// thread pool otherwise spins (sched_yield) beside rayon's workers and the
/// tagger, which took a third of the CPU there. A single sentence at a time is
/// faster with OpenBLAS's threads, so `rewrite` leaves them alone. OpenBLAS reads
/// its environment before `main`, so the setting goes through its C API, looked
/// up at run time (it is absent with other BLASes).
#[allow(unsafe_code)] // the one foreign call: OpenBLAS's C API, found by name
pub fn single_threaded_blas() {
    #[cfg(unix)]
    // SAFETY: `openblas_set_num_threads` takes one int and returns nothing; the
    // symbol is only called when the loaded OpenBLAS provides it.
    unsafe {
        let name = c"openblas_set_num_threads";
        let f = libc::dlsym(libc::RTLD_DEFAULT, name.as_ptr());
        if !f.is_null() {
            let set: extern "C" fn(libc::c_int) = std::mem::transmute(f);
            set(1);
        }
    }
}

/// Converts a safetensors file (as published for all-MiniLM-L6-v2) into the `.ot`
/// format that tch 0.10 loads. Returns the number of tensors written.
pub fn convert_safetensors(source: &Path, target: &Path) -> Result<usize, MinilmError> {
    let fail = |reason: String| MinilmError::Convert {
        path: source.display().to_string(),
        reason,
    };
    let bytes = std::fs::read(source).map_err(|e| fail(e.to_string()))?;
    let tensors = safetensors::SafeTensors::deserialize(&bytes).map_err(|e| fail(e.to_string()))?;
    let mut named = Vec::new();
    for (name, view) in tensors.tensors() {
        let kind = match view.dtype() {
            safetensors::Dtype::F32 => tch::Kind::Float,
            safetensors::Dtype::F16 => tch::Kind::Half,
            safetensors::Dtype::BF16 => tch::Kind::BFloat16,
            safetensors::Dtype::I64 => tch::Kind::Int64,
            other => {
                return Err(fail(format!(
                    "tensor {name} has unsupported type {other:?}"
                )))
            }
        };
        let shape: Vec<i64> = view.shape().iter().map(|&d| d as i64).collect();
        let tensor = tch::Tensor::f_of_data_size(view.data(), &shape, kind)
            .map_err(|e| fail(format!("tensor {name}: {e}")))?;
        // The model runs in f32 on the CPU whatever the published precision.
        let tensor = if matches!(kind, tch::Kind::Half | tch::Kind::BFloat16) {
            tensor.to_kind(tch::Kind::Float)
        } else {
            tensor
        };
        named.push((name, tensor));
    }
    named.sort_by(|a, b| a.0.cmp(&b.0));
    tch::Tensor::save_multi(&named, target).map_err(|e| MinilmError::Convert {
        path: target.display().to_string(),
        reason: e.to_string(),
    })?;
    Ok(named.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::similarity::Similarity;

    #[test]
    fn minilm_puts_paraphrases_closer_than_unrelated_objectives() {
        let sim = Similarity::Model(crate::testing::encoder());
        let scores = sim.to_each(
            "Mum will take Amy to every dental appointment",
            &[
                "Amy's mother makes sure she goes to the dentist",
                "John will hand in his maths homework each Friday",
            ],
        );
        assert!(scores[0] > 0.5, "{scores:?}");
        assert!(scores[1] < 0.25, "{scores:?}");
        // Unit-length embeddings: a text is maximally similar to itself.
        let same = sim.to_each(
            "Dad to attend the parenting course",
            &["Dad to attend the parenting course"],
        );
        assert!((same[0] - 1.0).abs() < 1e-4, "{same:?}");
        assert_eq!(sim.model_name(), "minilm");
    }

    #[test]
    fn conversion_round_trips_through_tch() {
        let dir = tempfile::tempdir().unwrap();
        let values: Vec<f32> = vec![1.0, -2.5, 3.25, 0.0, 7.0, 8.5];
        let data: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        let view = safetensors::tensor::TensorView::new(safetensors::Dtype::F32, vec![2, 3], &data)
            .unwrap();
        let source = dir.path().join("model.safetensors");
        safetensors::serialize_to_file(vec![("layer.weight", view)], &None, &source).unwrap();
        let target = dir.path().join("rust_model.ot");
        assert_eq!(convert_safetensors(&source, &target).unwrap(), 1);
        let loaded = tch::Tensor::load_multi(&target).unwrap();
        assert_eq!(loaded[0].0, "layer.weight");
        assert_eq!(loaded[0].1.size(), vec![2, 3]);
        let back: Vec<f32> = Vec::from(loaded[0].1.view([-1]));
        assert_eq!(back, values);
    }

    #[test]
    fn conversion_of_a_file_that_is_not_safetensors_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("model.safetensors");
        std::fs::write(&source, b"not a model").unwrap();
        let err = convert_safetensors(&source, &dir.path().join("out.ot")).unwrap_err();
        assert!(err.to_string().contains("model.safetensors"), "{err}");
    }
}
