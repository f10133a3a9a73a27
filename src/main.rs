//! The `smarten` command line. Exit codes: 0 every objective is SMART (or the
//! command had nothing to flag), 1 some objective is not SMART or needed a
//! rewrite, 2 a usage, input or model error. `src/cli/` holds the commands;
//! their work is done by the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
