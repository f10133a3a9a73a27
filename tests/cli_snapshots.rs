//! CLI behaviour as snapshot cases: each `tests/cmd/*.toml` gives the arguments,
//! the expected exit code and the expected output. Regenerate with `TRYCMD=overwrite`.
//! Cases whose output depends on the MiniLM model are in `tests/cmd/minilm/`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

#[test]
#[cfg(feature = "minilm")]
fn cli_cases_with_the_model() {
    trycmd::TestCases::new().case("tests/cmd/minilm/*.toml");
}
