#!/usr/bin/env bash
# End-to-end benchmark of the dossier binary on a generated dossier.
#
#   N=1000 bash scripts/bench-dossier.sh      # N articles (default 1000, about 58 claims each)
#
# Builds the release binary and the gen-dossier example, writes N articles into
# target/gen-dossier-N (or $DIR), and times, once each, with /usr/bin/time (wall seconds, peak
# RSS):
#   - the floor: cat of every article to /dev/null (files are in the page cache by then);
#   - dossier extract, on a fresh dossier: writes every claim file and source stub;
#   - dossier check --format json > /dev/null (exit 1 is expected: the dossier has findings),
#     after completing ~60% of the source stubs with gen-dossier --complete-sources.
# Single runs, so timings are noisy when the machine is busy. MB = 10^6 bytes.
# Env: N, DIR, SEED (passed to gen-dossier --seed).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000}
DIR=${DIR:-target/gen-dossier-$N}
SEED_ARGS=()
if [ -n "${SEED:-}" ]; then
  SEED_ARGS=(--seed "$SEED")
fi
BIN=target/release/dossier
GEN=target/release/examples/gen-dossier
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT

echo "== building (release)" >&2
cargo build --release --quiet --bin dossier --example gen-dossier

echo "== generating $N articles in $DIR" >&2
"$GEN" "$N" "$DIR" "${SEED_ARGS[@]}"

# Run a command under /usr/bin/time with its stdout to /dev/null; print "seconds peak_kib".
# Exit codes up to $1 are fine.
timed() {
  local max_ok=$1
  shift
  local rc=0
  /usr/bin/time -o "$TIMES" -f "%e %M" "$@" > /dev/null || rc=$?
  if [ "$rc" -gt "$max_ok" ]; then
    echo "bench-dossier: '$*' failed with exit code $rc" >&2
    exit 1
  fi
  # GNU time puts "Command exited with non-zero status N" before the format line.
  tail -n 1 "$TIMES"
}

bytes=$(cat "$DIR"/articles/* | wc -c)

echo "== floor: cat articles/* > /dev/null" >&2
out=$(timed 0 cat "$DIR"/articles/*)
read -r cat_s _ <<< "$out"

echo "== dossier extract" >&2
out=$(timed 0 "$BIN" --root "$DIR" --quiet extract)
read -r ext_s ext_kib <<< "$out"

echo "== gen-dossier --complete-sources (not timed)" >&2
"$GEN" "$N" "$DIR" "${SEED_ARGS[@]}" --complete-sources

echo "== dossier check --format json > /dev/null" >&2
out=$(timed 1 "$BIN" --root "$DIR" check --format json)
read -r chk_s chk_kib <<< "$out"

claims=$("$BIN" --root "$DIR" check --format json |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["summary"]["claims"])') || true
if [ -z "$claims" ]; then
  echo "bench-dossier: could not read summary.claims from dossier check --format json" >&2
  exit 1
fi

echo
awk -v n="$N" -v bytes="$bytes" -v claims="$claims" -v cat_s="$cat_s" \
  -v ext_s="$ext_s" -v ext_kib="$ext_kib" -v chk_s="$chk_s" -v chk_kib="$chk_kib" '
function mbps(s) { return s > 0 ? sprintf("%.1f", bytes / 1e6 / s) : "inf" }
BEGIN {
  mb = bytes / 1e6
  printf "%6s %8s %8s | %7s | %9s %8s %8s | %7s %8s\n", "N", "art. MB", "claims", "cat s", "extract s", "MB/s", "peak MB", "check s", "peak MB"
  printf "%6d %8.1f %8d | %7.2f | %9.2f %8s %8.1f | %7.2f %8.1f\n", n, mb, claims, cat_s, ext_s, mbps(ext_s), ext_kib * 1024 / 1e6, chk_s, chk_kib * 1024 / 1e6
}'
