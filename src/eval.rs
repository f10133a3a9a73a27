//! Scoring the checker against labelled data: confusion counts, balanced accuracy,
//! and per-letter precision, recall and F1.
