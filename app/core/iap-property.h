/* iap-property.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Helpers for property setters: each stores the new value and returns
 * TRUE only when it changed, so the caller notifies only then. Strings
 * are never NULL in the model: NULL is stored as "", which is also what a
 * file that leaves the value out reads back as. */
gboolean iap_set_string  (char               **field,
                          const char          *value);
gboolean iap_set_uint    (guint               *field,
                          guint                value);
gboolean iap_set_boolean (gboolean            *field,
                          gboolean             value);
gboolean iap_set_strv    (char              ***field,
                          const char * const  *value);
gboolean iap_set_variant (GVariant           **field,
                          GVariant            *value);

G_END_DECLS
