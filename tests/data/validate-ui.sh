#!/bin/sh
# Validates GtkBuilder files with gtk4-builder-tool. The tool needs a display
# and knows only GTK's own types, so it runs under Xvfb with the
# application's widget types preloaded (GtkBuilder finds their get_type
# functions in the process).
#
# Usage: validate-ui.sh TYPES_MODULE FILE.ui...
set -u

module=$1
shift

run () {
  status=0
  for ui in "$@"; do
    if LD_PRELOAD="$module" gtk4-builder-tool validate "$ui"; then
      echo "ok: $ui"
    else
      echo "not ok: $ui"
      status=1
    fi
  done
  return $status
}

if [ -n "${IAP_VALIDATE_UNDER_XVFB:-}" ]; then
  run "$@"
  exit $?
fi

IAP_VALIDATE_UNDER_XVFB=1 exec xvfb-run -a -s "-nolisten tcp" "$0" "$module" "$@"
