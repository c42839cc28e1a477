/* A renderer file that translates past iap-i18n.h: check-i18n-calls.sh
 * must refuse it. */
#include <glib/gi18n.h>

static const char *
title (void)
{
  return gettext ("Risk register");
}
