# The two commands in the README: `make demo` and `make test`. Both install what
# is missing first (idempotently), so they work on a fresh machine.

.PHONY: demo test models check-toolchain

models: check-toolchain
	@bash scripts/install-nlprule-data.sh

check-toolchain:
	@command -v cargo >/dev/null || { echo "cargo is missing: install Rust (https://rustup.rs)"; exit 2; }

# Checks the bundled example objectives. Exit code 1 (some objective is not SMART) is the expected result here.
demo: models
	cargo build --release --quiet
	./target/release/smarten check --file data/examples/objectives.txt; status=$$?; [ $$status -le 1 ]

# Runs every test: unit tests (each rule's examples), CLI snapshots, robustness and quality gates.
test: models
	cargo test --all-targets
	cargo test --doc
