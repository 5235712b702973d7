#!/usr/bin/env bash
# Takes a machine from "has rustup, node and npm" to everything Tally needs to
# build, run and test. Idempotent: every step first checks whether its result
# is already there, so a second run on a ready machine only prints "ok" lines.
#
# Two ways to get a wasm32 standard library:
#   * rustup, when it has (or can quickly add) the wasm32-unknown-unknown
#     target -- the normal case on a developer laptop;
#   * otherwise Debian's rustc-web 1.96 with its matching std source, from
#     which we build the wasm32 std once into Debian's sysroot. This is the
#     route on machines whose only outside access is the package registries.
# Separately, cargo-leptos needs rustc >= 1.96 to compile; when the default
# rustc is older, Debian's rustc-web compiles the tools (only the tools).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
export PATH="$HOME/.cargo/bin:$PATH"
CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}

CARGO_LEPTOS_VERSION=0.3.11
BINARYEN_VERSION=132.0.0
TOOLS_MIN_RUSTC=1.96.0
DEBIAN_RUSTC=/usr/bin/rustc
DEBIAN_WASM_LIB=/usr/lib/rustlib/wasm32-unknown-unknown/lib

CURRENT_STEP="start"
step() { CURRENT_STEP=$1; echo "==> $1"; }
ok() { echo "    ok: $1"; }
fail() { echo "bootstrap: step '$CURRENT_STEP' failed: $1" >&2; exit 1; }
trap 'echo "bootstrap: step \"$CURRENT_STEP\" failed (line $LINENO, exit $?)" >&2' ERR

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -eq 0 ]; then ok "packages present: $*"; return; fi
  command -v apt-get >/dev/null || fail "need the packages ${missing[*]} and there is no apt-get; install them by hand"
  if [ $APT_UPDATED = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  echo "    installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }
rustup_has_wasm() { rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }
debian_has_wasm() { compgen -G "$DEBIAN_WASM_LIB/libstd-*.rlib" >/dev/null; }

step "tools this script relies on"
for tool in cargo node npm git python3; do command -v $tool >/dev/null || fail "$tool is not on PATH"; done
ok "cargo, node, npm, git, python3"

step "choose the wasm32 route"
if [ -n "${TALLY_WASM_ROUTE:-}" ]; then ROUTE=$TALLY_WASM_ROUTE   # rustup or debian, to force one
elif rustup_has_wasm; then ROUTE=rustup
elif debian_has_wasm; then ROUTE=debian
elif command -v rustup >/dev/null && timeout 30 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then ROUTE=rustup
else ROUTE=debian
fi
case $ROUTE in rustup|debian) ok "$ROUTE" ;; *) fail "TALLY_WASM_ROUTE must be rustup or debian, not '$ROUTE'" ;; esac

if [ $ROUTE = debian ]; then
  step "Debian's Rust 1.96 with its std source"
  apt_install rustc-web cargo-web rust-web-src

  step "cargo uses Debian's rustc ($CARGO_HOME/config.toml)"
  mkdir -p "$CARGO_HOME"
  touch "$CARGO_HOME/config.toml"
  if grep -q "^rustc *= *\"$DEBIAN_RUSTC\"" "$CARGO_HOME/config.toml"; then ok "already set"
  elif grep -q '^rustc *=' "$CARGO_HOME/config.toml"; then fail "$CARGO_HOME/config.toml sets another rustc; point it at $DEBIAN_RUSTC"
  elif grep -q '^\[build\]' "$CARGO_HOME/config.toml"; then
    sed -i "s|^\[build\]|[build]\nrustc = \"$DEBIAN_RUSTC\"|" "$CARGO_HOME/config.toml"
  else printf '\n[build]\nrustc = "%s"\n' "$DEBIAN_RUSTC" >>"$CARGO_HOME/config.toml"
  fi
  export RUSTC=$DEBIAN_RUSTC

  step "rust-lld for Debian's rustc (wasm linker)"
  LLD=/usr/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld
  if [ -x "$LLD" ]; then ok "$LLD"
  else
    src=$(ls -1 "$HOME"/.rustup/toolchains/*/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld 2>/dev/null | head -n1 || true)
    [ -n "$src" ] || fail "no rust-lld in any rustup toolchain to link to"
    as_root mkdir -p "$(dirname "$LLD")"
    as_root ln -sf "$src" "$LLD"
    ok "linked to $src"
  fi

  step "wasm32 standard library in Debian's sysroot"
  if debian_has_wasm; then ok "present in $DEBIAN_WASM_LIB"
  else
    seed=$(mktemp -d)
    mkdir -p "$seed/src"
    printf '[package]\nname = "wasm_std_seed"\nversion = "0.0.0"\nedition = "2021"\n[lib]\ncrate-type = ["cdylib"]\n[workspace]\n' >"$seed/Cargo.toml"
    echo '' >"$seed/src/lib.rs"
    (cd "$seed" && RUSTC_BOOTSTRAP=1 cargo build -q --release -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown) \
      || fail "building std for wasm32 (needs rust-web-src matching rustc $($DEBIAN_RUSTC --version))"
    as_root mkdir -p "$DEBIAN_WASM_LIB"
    find "$seed/target/wasm32-unknown-unknown/release/deps" -name 'lib*.rlib' ! -name 'libwasm_std_seed*' \
      -exec cp {} "$DEBIAN_WASM_LIB/" \;
    rm -rf "$seed"
    debian_has_wasm || fail "no libstd rlib ended up in $DEBIAN_WASM_LIB"
    ok "built and installed"
  fi
fi

step "a rustc >= $TOOLS_MIN_RUSTC to compile the tools"
TOOLS_RUSTC=${RUSTC:-rustc}
if ! version_at_least "$($TOOLS_RUSTC --version | awk '{print $2}')" "$TOOLS_MIN_RUSTC"; then
  apt_install rustc-web cargo-web
  TOOLS_RUSTC=$DEBIAN_RUSTC
fi
ok "$($TOOLS_RUSTC --version)"

step "cargo-leptos $CARGO_LEPTOS_VERSION (no_downloads)"
if cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then ok "installed"
else
  echo "    compiling (about 15 minutes on 2 cores)"
  RUSTC=$TOOLS_RUSTC CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install -q --locked cargo-leptos --version "$CARGO_LEPTOS_VERSION" --features no_downloads
fi

step "wasm-bindgen-cli matching Cargo.lock"
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WB_VERSION" ] || fail "no wasm-bindgen entry in Cargo.lock"
if wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then ok "$WB_VERSION installed"
else
  echo "    compiling $WB_VERSION (about 5 minutes)"
  # Not --locked: its lockfile pins a yanked crate.
  RUSTC=$TOOLS_RUSTC CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install -q --force wasm-bindgen-cli --version "$WB_VERSION"
fi

step "wasm-opt from npm's binaryen $BINARYEN_VERSION"
if wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then ok "installed"
else as_root npm install -g --silent "binaryen@$BINARYEN_VERSION"
fi

step "Chromium for the browser tests"
apt_install chromium

step "brotli, for the release build's precompressed assets (make release)"
apt_install brotli

step "browser test runner packages (tests/package-lock.json)"
if [ -f tests/node_modules/.package-lock.json ] && [ tests/node_modules/.package-lock.json -nt tests/package-lock.json ]; then ok "up to date"
else (cd tests && npm ci --silent --no-audit --no-fund)
fi

step "schemathesis (PyPI), which fuzzes the API in make test"
FUZZ_VENV=tests/schemathesis/.venv
FUZZ_WANTS=$(grep -v '^#' tests/schemathesis/requirements.txt)
if [ -x "$FUZZ_VENV/bin/schemathesis" ] && "$FUZZ_VENV/bin/pip" freeze 2>/dev/null | grep -qx "$FUZZ_WANTS"; then ok "$FUZZ_WANTS"
else
  python3 -m venv "$FUZZ_VENV" || fail "python3 -m venv failed (Debian: apt install python3-venv)"
  "$FUZZ_VENV/bin/pip" install --quiet --disable-pip-version-check -r tests/schemathesis/requirements.txt
  ok "$("$FUZZ_VENV/bin/schemathesis" --version)"
fi

step "PostgreSQL on 127.0.0.1:5432 for the scale-out tests"
# The tests connect as postgres://postgres@127.0.0.1:5432/postgres (or
# TALLY_TEST_POSTGRES) and create and drop a database of their own each.
PG_TEST_URL=${TALLY_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}
pg_reachable() { command -v psql >/dev/null && psql "$PG_TEST_URL" -Atqc "SELECT 1" >/dev/null 2>&1; }
if pg_reachable; then ok "reachable at $PG_TEST_URL"
elif [ -n "${TALLY_TEST_POSTGRES:-}" ]; then fail "TALLY_TEST_POSTGRES=$TALLY_TEST_POSTGRES does not answer"
else
  apt_install postgresql
  CLUSTER=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
  [ -n "$CLUSTER" ] || fail "apt installed postgresql but created no cluster"
  set -- $CLUSTER
  HBA=/etc/postgresql/$1/$2/pg_hba.conf
  # A test machine: let the postgres role in over loopback without a password.
  if ! as_root grep -q '^host all postgres 127.0.0.1/32 trust' "$HBA"; then
    as_root sed -i '1i host all postgres 127.0.0.1/32 trust' "$HBA"
  fi
  as_root pg_ctlcluster "$1" "$2" start 2>/dev/null || as_root pg_ctlcluster "$1" "$2" reload
  for _ in $(seq 1 30); do pg_reachable && break; sleep 1; done
  pg_reachable || fail "PostgreSQL $1/$2 started but $PG_TEST_URL does not answer"
  ok "PostgreSQL $1/$2 started"
fi

echo "bootstrap: ready ($ROUTE route)"
