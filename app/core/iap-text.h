/* iap-text.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  iap_text_is_blank (const char *text);
char     *iap_text_isolate  (const char *text);

G_END_DECLS
