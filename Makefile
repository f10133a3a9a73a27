# The two commands in the README: `make demo` and `make test`. Both install what
# is missing first (idempotently), so they work on a fresh machine.

.PHONY: demo test lint models system-deps check-toolchain test-clients install

check-toolchain:
	@command -v cargo >/dev/null || { echo "cargo is missing: install Rust (https://rustup.rs)"; exit 2; }

# Debian's CPU libtorch and OpenBLAS, which rust-bert/tch build and run against.
system-deps:
	@bash scripts/install-system-deps.sh

# Every model file: the nlprule tagger data and the MiniLM sentence encoder.
# PROFILE=--release converts the encoder with the release build (as `demo` uses).
models: check-toolchain system-deps
	@bash scripts/install-nlprule-data.sh
	@bash scripts/install-minilm.sh $(PROFILE)

# Audits the bundled example plans (two reviews of one child's plan, CSV and XLSX)
# and writes target/demo-report.html. Exit code 1 (some action is not SMART) is the
# expected result here.
demo:
	@$(MAKE) --no-print-directory models PROFILE=--release
	cargo build --release --quiet
	./target/release/smarten audit data/examples/plans --out target/demo-audit.jsonl --report target/demo-report.html; status=$$?; [ $$status -le 1 ]

# Puts smarten on the PATH (cargo's bin folder) and its man page under
# $(PREFIX)/share/man/man1. The models stay where `make models` put them.
PREFIX ?= $(HOME)/.local
install: models
	cargo install --path . --locked
	mkdir -p $(PREFIX)/share/man/man1
	"$${CARGO_HOME:-$$HOME/.cargo}/bin/smarten" manpage > $(PREFIX)/share/man/man1/smarten.1
	@echo "installed: $${CARGO_HOME:-$$HOME/.cargo}/bin/smarten, and its man page in $(PREFIX)/share/man/man1"

# The real clients the server is tested with: language_tool_python from PyPI,
# in a virtual environment under target/.
# Also Debian's chromium and chromium-driver, and axe-core from the npm registry,
# for the page's browser test.
test-clients:
	@bash scripts/install-lt-client.sh target/lt-venv
	@bash scripts/install-browser.sh target/axe

# Formatting and clippy, warnings as errors.
lint: check-toolchain
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

# Runs every test: formatting and lints, unit tests (each rule's examples), CLI
# snapshots, robustness and quality gates, the server's API, a real
# LanguageTool client against it and the page in a real browser, and those
# three again inside a network namespace with only loopback; then the build without libtorch
# (--no-default-features, libtorch hidden) and its model-free tests.
test: models test-clients lint
	cargo test --all-targets
	cargo test --doc
	bash scripts/check-offline.sh
	bash scripts/check-without-libtorch.sh
