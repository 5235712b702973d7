# The two commands README gives: `make run` and `make test`.
# Both bootstrap first; bootstrap takes seconds on a machine that is ready.

.PHONY: bootstrap run test lint test-rust test-api-fuzz test-browser release lighthouse soak fuzz

bootstrap:
	bash scripts/bootstrap.sh

# Builds and serves the app on the embedded SQLite default (data/tally.db),
# shaped as in production: `--split` with the `split` feature, so lazy islands
# load from their own wasm files. (Plain `cargo leptos watch` works too, with
# every island in one wasm file.)
SPLIT = --split --lib-features split

run: bootstrap
	cargo leptos serve $(SPLIT)

# Formatting and lints first, then the Rust unit and integration tests, then
# the browser suite against a fresh build.
test: bootstrap
	$(MAKE) lint
	$(MAKE) test-rust
	$(MAKE) test-api-fuzz
	$(MAKE) test-browser

# Both feature sets: the server's (ssr) and the browser's (hydrate, wasm32).
lint:
	cargo fmt --all --check
	cargo clippy -p app --features ssr --all-targets -- -D warnings
	cargo clippy -p server --all-targets -- -D warnings
	cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

test-rust:
	cargo test -p app --features ssr
	cargo test -p server

# schemathesis (from PyPI) against the real binary that test-rust built, for
# at most FUZZ_API_SECONDS (150); its summary is the last lines it prints.
test-api-fuzz:
	bash scripts/fuzz_api.sh

# First the pages with islands against a plain build (what `cargo leptos
# watch` gives, into its own site directory), then everything against the
# split build.
test-browser:
	LEPTOS_SITE_ROOT=target/site-plain cargo leptos build
	cd tests && TALLY_SITE_ROOT=target/site-plain node --test --test-concurrency=1 editor.test.js present.test.js rounds.test.js
	cargo leptos build $(SPLIT)
	cd tests && node --test --test-concurrency=1

release: bootstrap
	cargo leptos build --release $(SPLIT)
	bash scripts/check_split.sh target/site/pkg
	bash scripts/precompress.sh target/site/pkg

# Thirty minutes of mixed traffic on one server, sampled every minute
# (TALLY_SOAK_MINUTES); writes docs/soak.svg. A benchmark, not part of `make test`.
soak:
	cargo bench -p server --bench soak

# Lighthouse (mobile and desktop) against the release build on 127.0.0.1;
# a benchmark, not part of `make test`. Installs Lighthouse on first use.
lighthouse: release
	cd tests/lighthouse && npm ci --silent --no-audit --no-fund && node run.mjs

# Each fuzz target for FUZZ_SECONDS (default 60); not part of `make test`.
# cargo-fuzz passes -Z flags, which a stable toolchain takes with RUSTC_BOOTSTRAP.
FUZZ_SECONDS ?= 60
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O submission corpus/submission -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O matrix_toml corpus/matrix_toml -- -max_total_time=$(FUZZ_SECONDS) -max_len=16384
