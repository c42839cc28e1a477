#!/bin/sh
# Runs one libFuzzer target over a fresh copy of its seed corpus, for
# IAP_FUZZ_SECONDS (default 60), and prints how many inputs it ran.
#
#   run-fuzz.sh FUZZER WORKDIR DICT SEED…
#
# A crash, leak, timeout or sanitizer report fails the test and leaves the
# input as WORKDIR/crash-*, leak-*, timeout-*: add it to the corpus
# (tests/fuzz/regressions/) once fixed.
set -eu

fuzzer=$1 work=$2 dict=$3
shift 3
seconds=${IAP_FUZZ_SECONDS:-60}
name=$(basename "$fuzzer")

rm -rf "$work/corpus"
mkdir -p "$work/corpus"
for seed in "$@"; do
  cp "$seed" "$work/corpus/"
done

# Reports are fatal and carry stacks; leaks count as findings.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:print_stacktrace=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS UBSAN_OPTIONS

status=0
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 -max_len=65536 \
  -print_final_stats=1 -dict="$dict" -artifact_prefix="$work/" \
  "$work/corpus" >"$work/$name.log" 2>&1 || status=$?

grep -E '^(#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added)' \
  "$work/$name.log" || true
echo "$name: corpus grew from $# seeds to $(ls "$work/corpus" | wc -l) inputs"

if [ "$status" -ne 0 ]; then
  echo "$name: FAILED with status $status; the report:" >&2
  grep -v -E '^#[0-9]+' "$work/$name.log" | tail -n 80 >&2
  ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null >&2 || true
fi
exit "$status"
