/* iap-i18n.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Translations in a language of the caller's choosing.
 *
 * The core and the renderer include this header instead of
 * <glib/gi18n.h>: its _(), C_(), g_dngettext() and g_dpgettext2() give
 * the interface's translation, as gettext does, unless the thread has
 * asked for another language with iap_i18n_push_language(). That is how a
 * French-speaking facilitator prints an Arabic report while the window
 * stays in French. xgettext sees the same keywords as ever. */

#pragma once

#include <glib.h>
#include <glib/gi18n.h>

G_BEGIN_DECLS

char               *iap_i18n_resolve_language   (const char *requested);
const char * const *iap_i18n_get_languages      (void);
const char         *iap_i18n_get_language_name  (const char *language);
void                iap_i18n_push_language      (const char *language);
void                iap_i18n_pop_language       (void);
const char         *iap_i18n_get_language       (void);
const char         *iap_i18n_get_pango_language (void);

const char         *iap_gettext                 (const char *msgid) G_GNUC_FORMAT (1);
const char         *iap_dgettext                (const char *domain,
                                                 const char *msgid) G_GNUC_FORMAT (2);
const char         *iap_dngettext               (const char *domain,
                                                 const char *msgid,
                                                 const char *msgid_plural,
                                                 gulong      n) G_GNUC_FORMAT (3);
const char         *iap_dpgettext2              (const char *domain,
                                                 const char *context,
                                                 const char *msgid) G_GNUC_FORMAT (3);

#undef _
#define _(String) iap_gettext (String)
#undef Q_
#undef C_
#define C_(Context, String) iap_dpgettext2 (NULL, Context, String)
#define g_dgettext(Domain, String) iap_dgettext (Domain, String)
#define g_dngettext(Domain, String, Plural, N) iap_dngettext (Domain, String, Plural, N)
#define g_dpgettext2(Domain, Context, String) iap_dpgettext2 (Domain, Context, String)

G_END_DECLS
