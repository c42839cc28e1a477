#!/bin/sh
# The core and the renderer translate through app/core/iap-i18n.h, so that
# a report can be written in another language than the interface's
# (docs/languages.md): a file there that includes <glib/gi18n.h> or calls
# gettext itself would print the interface's words in that report.
# Usage: check-i18n-calls.sh SOURCE_ROOT
set -u
cd "$1" || exit 2
status=0
for f in $(find app/core app/render -name '*.c' -o -name '*.h' | sort); do
  case "$f" in app/core/iap-i18n.[ch]) continue ;; esac
  if grep -nE '#include[[:space:]]*<(glib/gi18n(-lib)?|libintl)\.h>' "$f"; then
    echo "$f: include \"iap-i18n.h\" instead"
    status=1
  fi
  if grep -nE '(^|[^_[:alnum:]])(d?c?n?gettext|g_dpgettext)[[:space:]]*\(' "$f"; then
    echo "$f: translate with _(), C_(), g_dngettext() or g_dpgettext2() from iap-i18n.h"
    status=1
  fi
done
[ $status -eq 0 ] && echo "app/core and app/render translate through iap-i18n.h"
exit $status
