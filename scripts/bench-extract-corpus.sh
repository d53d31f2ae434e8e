#!/usr/bin/env bash
# Extraction throughput on real text: 2,000 articles made by cycling the development corpus.
#
#   bash scripts/bench-extract-corpus.sh                     # builds release, 3 runs of each
#   RUNS=1 N=500 bash scripts/bench-extract-corpus.sh        # quicker
#   BIN=target/dossier-old JSON_OUT=target/corpus-before.json bash scripts/bench-extract-corpus.sh
#
# It builds target/corpus-$N/articles/ (default N = 2000) from the texts of the shared corpus
# (`NN-slug.txt` and `NN-slug.md` of ../shared/corpus, or $CORPUS) and the op-eds in articles/
# of this repository, cycled in name order. Copy k of a text has its first number (a run of
# 1 to 6 digits) increased by k + 1, or, in a text without one, a line "Copy k + 1." appended,
# so that no two articles are identical. The folder is deterministic: same bytes every run.
#
# Then it times with /usr/bin/time, RUNS times each (default 3), and prints the best run:
#   (a) the full `dossier extract` on a fresh copy of the folder (no claims/, sources/,
#       schemas/): extraction plus writing every claim file and source stub durably;
#   (b) `dossier extract --format json > /dev/null`: loading and extraction only.
# For each: MB of articles (10^6 bytes), seconds, MB/s and peak memory. With JSON_OUT set, the
# JSON of (b) is also saved there (to `cmp` two builds' output). Env: BIN (binary; default
# target/release/dossier, built first), N, RUNS, CORPUS, JOBS (passed as -j when set).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-2000}
RUNS=${RUNS:-3}
DIR=target/corpus-$N
if [ -z "${CORPUS:-}" ]; then
  CORPUS=../shared/corpus
  # In a git worktree the corpus lies beside the main checkout.
  if [ ! -d "$CORPUS" ]; then
    CORPUS=$(git rev-parse --path-format=absolute --git-common-dir)/../../shared/corpus
  fi
fi
if [ ! -d "$CORPUS" ]; then
  echo "bench-extract-corpus: no corpus at $CORPUS (set CORPUS)" >&2
  exit 2
fi
JOBS_ARGS=()
if [ -n "${JOBS:-}" ]; then
  JOBS_ARGS=(-j "$JOBS")
fi
if [ -z "${BIN:-}" ]; then
  BIN=target/release/dossier
  echo "== building (release)" >&2
  cargo build --release --quiet --bin dossier
fi
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT

echo "== building $DIR from $CORPUS and articles/" >&2
rm -rf "$DIR"
mkdir -p "$DIR/articles"
# Sorted by byte order whatever the locale, so the folder is the same everywhere.
mapfile -t TEXTS < <(
  { find "$CORPUS" -maxdepth 1 -type f \( -name '[0-9][0-9]-*.txt' -o -name '[0-9][0-9]-*.md' \)
    find articles -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' \); } | LC_ALL=C sort
)
if [ "${#TEXTS[@]}" -eq 0 ]; then
  echo "bench-extract-corpus: no texts found" >&2
  exit 2
fi
perl -e '
  my ($n, $out, @texts) = @ARGV;
  my @body = map { local $/; open(my $f, "<:raw", $_) or die "$_: $!"; scalar <$f> } @texts;
  for my $i (0 .. $n - 1) {
    my $t = $i % @texts;
    my $k = int($i / @texts);
    my $text = $body[$t];
    my ($name) = $texts[$t] =~ m{([^/]+)$};
    unless ($text =~ s/(?<![0-9])([0-9]{1,6})(?![0-9])/$1 + $k + 1/e) {
      $text .= "\nCopy " . ($k + 1) . ".\n";
    }
    my $path = sprintf("%s/%04d-%s", $out, $i, $name);
    open(my $f, ">:raw", $path) or die "$path: $!";
    print $f $text;
    close($f) or die "$path: $!";
  }' "$N" "$DIR/articles" "${TEXTS[@]}"
bytes=$(cat "$DIR"/articles/* | wc -c)

# Run "$@" under /usr/bin/time; print "seconds peak_kib".
timed() {
  /usr/bin/time -o "$TIMES" -f "%e %M" "$@"
  tail -n 1 "$TIMES"
}

# The best (lowest seconds) of "seconds kib" lines on stdin.
best() {
  sort -n -k1,1 | head -n 1
}

full_runs=()
json_runs=()
for r in $(seq 1 "$RUNS"); do
  echo "== run $r/$RUNS: full extract on a fresh copy" >&2
  FRESH=$DIR-fresh
  rm -rf "$FRESH"
  mkdir -p "$FRESH"
  cp -r "$DIR/articles" "$FRESH/articles"
  sync
  full_runs+=("$(timed "$BIN" --root "$FRESH" "${JOBS_ARGS[@]}" --quiet extract)")
  echo "== run $r/$RUNS: extract --format json" >&2
  json_runs+=("$(timed sh -c '"$@" > "$0"' "${JSON_OUT:-/dev/null}" \
    "$BIN" --root "$DIR" "${JOBS_ARGS[@]}" extract --format json)")
done
rm -rf "$DIR-fresh"

read -r full_s full_kib <<< "$(printf '%s\n' "${full_runs[@]}" | best)"
read -r json_s json_kib <<< "$(printf '%s\n' "${json_runs[@]}" | best)"
awk -v b="$bytes" -v n="$N" -v runs="$RUNS" -v cores="$(nproc)" \
  -v fs="$full_s" -v fk="$full_kib" -v js="$json_s" -v jk="$json_kib" '
function mbps(s) { return s > 0 ? sprintf("%.1f", b / 1e6 / s) : "inf" }
BEGIN {
  printf "%d articles, %.1f MB, best of %d runs, %d cores\n", n, b / 1e6, runs, cores
  printf "%-28s %8s %8s %9s\n", "run", "seconds", "MB/s", "peak MB"
  printf "%-28s %8.2f %8s %9.0f\n", "extract (writes every file)", fs, mbps(fs), fk * 1024 / 1e6
  printf "%-28s %8.2f %8s %9.0f\n", "extract --format json", js, mbps(js), jk * 1024 / 1e6
}'
