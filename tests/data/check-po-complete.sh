#!/bin/sh
# Checks LANG.po against the translatable strings of the sources: extracts
# them as the iap-workshop-pot target does (xgettext with GLib's keywords,
# the ITS rules of po/its for the catalog), then
#   check-po-complete.sh SOURCE_ROOT LANG             fails unless LANG.po
#     translates each of them (msgcmp);
#   check-po-complete.sh SOURCE_ROOT LANG --coverage  prints how many it
#     translates, and fails only if LANG.po, brought up to date with the
#     sources (msgmerge), is no longer a valid catalog (msgfmt --check).
set -u
cd "$1" || exit 2
lang=$2
mode=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pot=$tmp/iap-workshop.pot

GETTEXTDATADIRS=po xgettext --files-from=po/POTFILES.in --directory=. --output="$pot" \
  --from-code=UTF-8 --add-comments --package-name=iap-workshop \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format || exit 2

if [ "$mode" = --coverage ]; then
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "po/$lang.po" "$pot" || exit 1
  msgfmt --check --check-format --output-file=/dev/null "$tmp/$lang.po" || {
    echo "po/$lang.po is not a valid catalog once merged with the sources"
    exit 1
  }
  total=$(msgattrib --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ')
  total=$((total - 1))   # the header
  done=$(msgattrib --translated --no-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ')
  done=$((done - 1))
  echo "po/$lang.po: $done of $total strings translated ($((100 * done / total))%)"
  exit 0
fi

# msgcmp counts an untranslated or fuzzy message as missing
if msgcmp "po/$lang.po" "$pot"; then
  echo "po/$lang.po translates every string of the sources"
else
  echo "po/$lang.po lacks the translations listed above: update it from the sources"
  exit 1
fi
