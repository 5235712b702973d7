# The two commands README gives: `make run` and `make test`.
# Both bootstrap first; bootstrap takes seconds on a machine that is ready.

.PHONY: bootstrap run test test-rust test-browser release bench

bootstrap:
	bash scripts/bootstrap.sh

# Builds and serves the app on the embedded SQLite default (data/tally.db).
run: bootstrap
	cargo leptos serve

# Rust unit and integration tests, then the browser suite against a fresh build.
test: bootstrap
	$(MAKE) test-rust
	$(MAKE) test-browser

test-rust:
	cargo test -p app --features ssr
	cargo test -p server

test-browser:
	cargo leptos build
	cd tests && node --test --test-concurrency=1

release: bootstrap
	cargo leptos build --release
