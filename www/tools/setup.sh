#!/usr/bin/env bash
# Install what `npm run build`, `npm start` and `npm test` need, skipping whatever is already there
# (fast when warm): the wasm32 Rust target, wasm-bindgen-cli at Cargo.lock's exact version,
# Debian's chromium (browser tests), and the npm dev dependencies from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

# 1. Rust target for WebAssembly.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli: must match the wasm-bindgen crate version locked in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ -z "$want" ]; then
  echo "setup: wasm-bindgen not found in Cargo.lock" >&2; exit 1
fi
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes a few minutes once"
  cargo install wasm-bindgen-cli --version "$want"
fi

# 3. Chromium for the browser tests (Debian's package; playwright-core drives it).
if [ ! -x /usr/bin/chromium ]; then
  say "installing chromium"
  if ! { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }; then
    echo "setup: could not install chromium (need root or sudo); browser tests will fail" >&2
  fi
fi

# 4. npm dev dependencies (exact versions from package-lock.json).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
