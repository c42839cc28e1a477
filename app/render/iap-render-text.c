/* iap-render-text.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every drawing of text shares: the fonts, the language and
 * direction it is written in, and a check that no character is drawn as
 * a box for want of a font. */

#define G_LOG_DOMAIN "iap-render"

#include "config.h"

#include "iap-i18n.h"
#include "iap-render-text.h"

static GMutex missing_lock;
static GHashTable *missing;

/**
 * iap_render_font_new:
 * @size: in points (absolute: pango units of the surface)
 *
 * Returns: (transfer full): the charts' and the report's font
 */
PangoFontDescription *
iap_render_font_new (double size)
{
  PangoFontDescription *font = pango_font_description_from_string (IAP_RENDER_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);

  return font;
}

/**
 * iap_render_is_rtl:
 *
 * Returns: whether the language this thread writes in now (the
 *   interface's, or the one a report asked for) runs right to left
 */
gboolean
iap_render_is_rtl (void)
{
  /* Translators: "default:RTL" for a language written right to left,
   * "default:LTR" otherwise; never another text */
  return g_str_equal (C_("text direction", "default:LTR"), "default:RTL");
}

/**
 * iap_render_dup_side_title:
 * @risk: the risks' side, or the benefits'
 *
 * Returns: (transfer full): the title over a side of a chart of benefits
 *   and risks, with an arrow pointing away from the axis: "← Risks" and
 *   "Benefits →", mirrored right to left, where risks are to the right
 */
char *
iap_render_dup_side_title (gboolean risk)
{
  gboolean rtl = iap_render_is_rtl ();

  /* The arrow first for the side read first, last for the other: in
   * either direction it is then at the outer end */
  if (risk)
    return g_strconcat (rtl ? "→" : "←", " \u2068", _("Risks"), "\u2069", NULL);

  return g_strconcat ("\u2068", _("Benefits"), "\u2069 ", rtl ? "←" : "→", NULL);
}

/**
 * iap_render_setup_context:
 *
 * Writes @context's text in the current language and its direction:
 * paragraphs run that way whatever their first word, and fonts are
 * chosen for the language (simplified Chinese forms for Chinese).
 */
void
iap_render_setup_context (PangoContext *context)
{
  pango_context_set_base_dir (context, iap_render_is_rtl () ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_context_set_language (context, pango_language_from_string (iap_i18n_get_pango_language ()));
}

/**
 * iap_render_check_glyphs:
 *
 * Notes each character of @layout that no font on this machine can draw,
 * which pango shows as a box with its code: iap_render_take_missing_glyphs()
 * names them, so that an export can say which fonts to install.
 */
void
iap_render_check_glyphs (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          PangoGlyph glyph = run->glyphs->glyphs[i].glyph;
          gunichar c;

          if (glyph == PANGO_GLYPH_EMPTY || glyph == PANGO_GLYPH_INVALID_INPUT ||
              !(glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            continue;
          c = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
          /* Line breaks and controls are drawn as nothing anyway */
          if (c < 0x20 || g_unichar_iscntrl (c))
            continue;
          g_mutex_lock (&missing_lock);
          if (missing == NULL)
            missing = g_hash_table_new (NULL, NULL);
          g_hash_table_add (missing, GUINT_TO_POINTER (c));
          g_mutex_unlock (&missing_lock);
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

static int
compare_chars (gconstpointer a,
               gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;

  return x < y ? -1 : x > y;
}

/**
 * iap_render_take_missing_glyphs:
 *
 * Returns: (transfer full) (nullable): the characters drawn as boxes since
 *   the last call, in code order, each with its code ("中 (U+4E2D)"); %NULL
 *   when every character had a glyph
 */
char *
iap_render_take_missing_glyphs (void)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GHashTableIter iter;
  gpointer key;
  GString *text;

  g_mutex_lock (&missing_lock);
  if (missing != NULL)
    {
      g_hash_table_iter_init (&iter, missing);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gunichar c = GPOINTER_TO_UINT (key);

          g_array_append_val (chars, c);
        }
      g_hash_table_remove_all (missing);
    }
  g_mutex_unlock (&missing_lock);
  if (chars->len == 0)
    return NULL;

  g_array_sort (chars, compare_chars);
  text = g_string_new (NULL);
  for (guint i = 0; i < chars->len && i < 40; i++)
    {
      gunichar c = g_array_index (chars, gunichar, i);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, "\u2068");
      g_string_append_unichar (text, c);
      g_string_append_printf (text, "\u2069 (U+%04X)", c);
    }
  if (chars->len > 40)
    g_string_append (text, ", …");

  return g_string_free (text, FALSE);
}
