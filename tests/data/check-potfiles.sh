#!/bin/sh
# Every source file with a translatable string must be listed in
# po/POTFILES.in, or its strings never reach the translators.
# Usage: check-potfiles.sh SOURCE_ROOT
set -u
cd "$1" || exit 2
status=0
for f in $(grep -rlE '\b(N?C?_|NC_)\(|translatable="yes"' app ui resources \
             --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' | sort); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done
while read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  [ -f "$f" ] || { echo "listed in po/POTFILES.in but missing: $f"; status=1; }
done < po/POTFILES.in
[ $status -eq 0 ] && echo "po/POTFILES.in lists every file with translatable strings"
exit $status
