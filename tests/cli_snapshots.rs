//! CLI behaviour as snapshot cases: each `tests/cmd/*.toml` gives the arguments,
//! the expected exit code and the expected output. Regenerate with `TRYCMD=overwrite`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
