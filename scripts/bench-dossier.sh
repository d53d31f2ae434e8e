#!/usr/bin/env bash
# End-to-end benchmark of the dossier binary on generated dossiers; prints ONE table.
#
#   bash scripts/bench-dossier.sh                 # N = 1000 and 10000, 1 thread and all cores
#   NS="1000" JOBS="1 2" bash scripts/bench-dossier.sh
#
# For each N it builds a dossier with examples/gen-dossier.rs (articles, then extract, then
# ~60% of the source stubs completed, some with snapshots), and for each thread count times,
# once each, with /usr/bin/time (wall seconds, peak RSS):
#   - the I/O floor: `cat articles/* > /dev/null` and `wc` over the same bytes (files are in
#     the page cache by then; wc also looks at every byte, as extract does);
#   - dossier extract --format json > /dev/null: loading and extraction of every article,
#     nothing written (the throughput figure);
#   - dossier check --format json > /dev/null (exit 1 is expected: the dossier has findings;
#     the cache is warm by then, see the second table for cold runs);
#   - dossier report (Markdown) > /dev/null.
# With all cores it also times, on the same dossier, what the cache changes: the read floor
# (every file under articles/, claims/ and sources/ read once), check with --no-cache (cold),
# check with a warm cache (a remembered run), with warm per-file caches but no remembered run,
# check after one article was edited, report and review --list with
# a warm cache (review --list stands for the interactive review's first screen, which needs
# a terminal); printed as a second table.
# Once per N (all cores) it also times the full `dossier extract` on a fresh dossier, which
# writes every claim file and source stub, each durably (fsync of file and directory), one
# after the other: that column measures the disk, and does not depend on the thread count.
# The check and report runs are on the extracted and completed dossier. Single runs, so timings are noisy
# on a busy machine. MB = 10^6 bytes. The last lines give time(N_max)/time(N_min) per step
# against N_max/N_min: equal ratios mean linear growth.
# Env: NS (article counts), JOBS (thread counts; "all" = every core), SEED, BASE (directory
# for the generated dossiers, default target).
set -euo pipefail
cd "$(dirname "$0")/.."

NS=${NS:-"1000 10000"}
CORES=$(nproc)
JOBS=${JOBS:-"1 all"}
BASE=${BASE:-target}
SEED_ARGS=()
if [ -n "${SEED:-}" ]; then
  SEED_ARGS=(--seed "$SEED")
fi
BIN=target/release/dossier
GEN=target/release/examples/gen-dossier
TIMES=$(mktemp)
ROWS=$(mktemp)
CACHE_ROWS=$(mktemp)
trap 'rm -f "$TIMES" "$ROWS" "$CACHE_ROWS"' EXIT

echo "== building (release)" >&2
cargo build --release --quiet --bin dossier --example gen-dossier

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

for N in $NS; do
  DIR=$BASE/gen-dossier-$N
  echo "== generating $N articles in $DIR" >&2
  "$GEN" "$N" "$DIR" "${SEED_ARGS[@]}"
  bytes=$(cat "$DIR"/articles/* | wc -c)
  echo "== N=$N: dossier extract, writing every file (all cores)" >&2
  rm -rf "$DIR/claims" "$DIR/sources" "$DIR/schemas"
  read -r full_s _ <<< "$(timed 0 "$BIN" --root "$DIR" --quiet extract)"
  "$GEN" "$N" "$DIR" "${SEED_ARGS[@]}" --complete-sources 2> /dev/null
  claims=$("$BIN" --root "$DIR" check --format json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["summary"]["claims"])') || true
  for J in $JOBS; do
    [ "$J" = all ] && J=$CORES
    echo "== N=$N jobs=$J: floor" >&2
    read -r cat_s _ <<< "$(timed 0 sh -c "cat '$DIR'/articles/*")"
    read -r wc_s _ <<< "$(timed 0 sh -c "cat '$DIR'/articles/* | wc -lwc")"
    echo "== N=$N jobs=$J: dossier extract --format json, check, report" >&2
    read -r ext_s ext_kib <<< "$(timed 0 "$BIN" --root "$DIR" -j "$J" extract --format json)"
    read -r chk_s chk_kib <<< "$(timed 1 "$BIN" --root "$DIR" -j "$J" check --format json)"
    read -r rep_s rep_kib <<< "$(timed 0 "$BIN" --root "$DIR" -j "$J" report)"
    full=-1
    [ "$J" = "$CORES" ] && full=$full_s
    echo "$N $J $bytes $claims $cat_s $wc_s $ext_s $ext_kib $chk_s $chk_kib $rep_s $rep_kib $full" >> "$ROWS"
    if [ "$J" = "$CORES" ]; then
      echo "== N=$N: read floor, check cold / warm / after one edit, report warm, review --list" >&2
      # Every byte of the dossier's files, as check must at least read them once.
      read -r floor_s _ <<< "$(timed 0 sh -c "find '$DIR/articles' '$DIR/claims' '$DIR/sources' -type f -print0 | xargs -0 cat")"
      read -r cold_s cold_kib <<< "$(timed 1 "$BIN" --root "$DIR" --no-cache check --format json)"
      rm -rf "$DIR/.dossier"
      timed 1 "$BIN" --root "$DIR" check --format json > /dev/null # fills the cache
      read -r warm_s warm_kib <<< "$(timed 1 "$BIN" --root "$DIR" check --format json)"
      # Warm per-file caches without the remembered run (what a run after any edit starts from).
      rm -rf "$DIR/.dossier/cache/runs"
      read -r pf_s pf_kib <<< "$(timed 1 "$BIN" --root "$DIR" check --format json)"
      # One article edited (a sentence added), as in a typical pull request; restored after.
      one=$(find "$DIR/articles" -type f | sort | sed -n 1p)
      cp "$one" "$TIMES.article"
      printf '\nOne more sentence, added after extraction.\n' >> "$one"
      read -r edit_s edit_kib <<< "$(timed 1 "$BIN" --root "$DIR" check --format json)"
      cp "$TIMES.article" "$one"
      rm -f "$TIMES.article"
      timed 1 "$BIN" --root "$DIR" check --format json > /dev/null
      timed 0 "$BIN" --root "$DIR" report > /dev/null
      read -r repw_s repw_kib <<< "$(timed 0 "$BIN" --root "$DIR" report)"
      timed 0 "$BIN" --root "$DIR" review --list --format json > /dev/null
      read -r rev_s rev_kib <<< "$(timed 0 "$BIN" --root "$DIR" review --list --format json)"
      echo "$N $floor_s $cold_s $cold_kib $warm_s $warm_kib $edit_s $edit_kib $repw_s $repw_kib $rev_s $rev_kib $pf_s $pf_kib" >> "$CACHE_ROWS"
    fi
  done
done

echo
awk '
function mbps(b, s) { return s > 0 ? sprintf("%.1f", b / 1e6 / s) : "inf" }
function mb(kib) { return sprintf("%.0f", kib * 1024 / 1e6) }
BEGIN {
  print "|      N | jobs | articles MB |  claims | cat s | wc s | extract s | extract MB/s | wc MB/s | extract/wc | extract peak MB | check s | check peak MB | report s | report peak MB | extract+write s |"
  print "|-------:|-----:|------------:|--------:|------:|-----:|----------:|-------------:|--------:|-----------:|----------------:|--------:|--------------:|---------:|---------------:|----------------:|"
}
{
  n = $1; j = $2
  printf "| %6d | %4d | %11.1f | %7d | %5.2f | %4.2f | %9.2f | %12s | %7s | %9.1fx | %15s | %7.2f | %13s | %8.2f | %14s | %15s |\n", n, j, $3 / 1e6, $4, $5, $6, $7, mbps($3, $7), mbps($3, $6), ($6 > 0 ? $7 / $6 : 0), mb($8), $9, mb($10), $11, mb($12), ($13 < 0 ? "-" : sprintf("%.2f", $13))
  key = j; if (!(key in lo) || n < lo_n[key]) { lo[key] = $0; lo_n[key] = n } if (!(key in hi) || n > hi_n[key]) { hi[key] = $0; hi_n[key] = n }
}
END {
  print ""
  for (k in lo) {
    if (hi_n[k] == lo_n[k]) continue
    split(lo[k], a, " "); split(hi[k], b, " ")
    printf "jobs=%s: N x%.0f -> extract x%.1f, check x%.1f, report x%.1f (linear growth: all near x%.0f)\n", k, b[1] / a[1], (a[7] > 0 ? b[7] / a[7] : 0), (a[9] > 0 ? b[9] / a[9] : 0), (a[11] > 0 ? b[11] / a[11] : 0), b[1] / a[1]
  }
}' "$ROWS"

echo
awk '
function mb(kib) { return sprintf("%.0f", kib * 1024 / 1e6) }
function x(s, f) { return f > 0 ? sprintf("%.1fx", s / f) : "-" }
BEGIN {
  print "Cache (all cores; times also as a multiple of the read floor; peak MB in brackets):"
  print ""
  print "|      N | read floor s | check cold s | check warm s | check warm, no memo s | check, one article edited s | report warm s | review --list warm s |"
  print "|-------:|-------------:|-------------:|-------------:|----------------------:|----------------------------:|--------------:|---------------------:|"
}
{
  printf "| %6d | %12.2f | %5.2f %s (%s) | %5.2f %s (%s) | %5.2f %s (%s) | %5.2f %s (%s) | %5.2f %s (%s) | %5.2f %s (%s) |\n", $1, $2, $3, x($3, $2), mb($4), $5, x($5, $2), mb($6), $13, x($13, $2), mb($14), $7, x($7, $2), mb($8), $9, x($9, $2), mb($10), $11, x($11, $2), mb($12)
}' "$CACHE_ROWS"
