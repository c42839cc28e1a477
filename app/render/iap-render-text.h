/* iap-render-text.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* The fonts of every chart and report: Noto, which has a glyph for each
 * of the six UN languages' scripts (Debian's fonts-noto-core and
 * fonts-noto-cjk), Naskh for Arabic as print sets it; the machine's sans
 * serif where they are missing. */
#define IAP_RENDER_FONT_FAMILY "Noto Sans, Noto Naskh Arabic, Noto Sans CJK SC, Sans"

PangoFontDescription *iap_render_font_new              (double         size);
void                  iap_render_setup_context         (PangoContext  *context);
gboolean              iap_render_is_rtl                (void);
char                 *iap_render_dup_side_title        (gboolean       risk);
void                  iap_render_check_glyphs          (PangoLayout   *layout);
char                 *iap_render_take_missing_glyphs   (void);

G_END_DECLS
