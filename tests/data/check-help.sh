#!/bin/sh
# The user help: the Mallard pages of help/C and their French build are
# valid Mallard with no broken link, and help/fr/fr.po translates every
# message of the pages, as itstool extracts them.
# Usage: check-help.sh SOURCE_ROOT BUILT_HELP_DIR
set -u
src=$1/help
built=$2
for tool in yelp-check itstool msgcmp; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is not installed"; exit 0; }
done
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
n=0
fail=0
result () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}

yelp-check validate "$src"/C/*.page >&2; result $? "help/C is valid Mallard"
out=$(yelp-check links "$src/C"); [ -z "$out" ]; result $? "help/C has no broken link $out"
out=$(yelp-check orphans "$src/C"); [ -z "$out" ]; result $? "every page of help/C is linked $out"
for lang in $(cat "$src/LINGUAS"); do
  pages=$(ls "$built/$lang"/*.page 2>/dev/null | wc -l)
  [ "$pages" -eq "$(ls "$src"/C/*.page | wc -l)" ]; result $? "help/$lang is built ($pages pages)"
  yelp-check validate "$built/$lang"/*.page >&2; result $? "help/$lang is valid Mallard"
  (cd "$src" && itstool -o "$pot" C/*.page C/*.xml) && msgcmp "$src/$lang/$lang.po" "$pot" >&2
  result $? "help/$lang/$lang.po translates every message of help/C"
done
echo "1..$n"
exit $fail
