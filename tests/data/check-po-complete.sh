#!/bin/sh
# Every translatable string of the sources has a translation in LANG.po:
# extracts the strings as the iap-workshop-pot target does (xgettext with
# GLib's keywords, the ITS rules of po/its for the catalog), then checks
# with msgcmp that LANG.po translates each of them.
# Usage: check-po-complete.sh SOURCE_ROOT LANG
set -u
cd "$1" || exit 2
lang=$2
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT

GETTEXTDATADIRS=po xgettext --files-from=po/POTFILES.in --directory=. --output="$pot" \
  --from-code=UTF-8 --add-comments --package-name=iap-workshop \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format || exit 2

# msgcmp counts an untranslated or fuzzy message as missing
if msgcmp "po/$lang.po" "$pot"; then
  echo "po/$lang.po translates every string of the sources"
else
  echo "po/$lang.po lacks the translations listed above: update it from the sources"
  exit 1
fi
