/* iap-text.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What counts as "no text", in one place: a justification of nothing but
 * a no-break space is as blank as an empty one, wherever a text is
 * required (an acceptance, an override's justification) or printed only
 * when given. The rule is documented in docs/file-format.md.
 */

#define G_LOG_DOMAIN "iap-text"

#include "config.h"

#include "iap-text.h"

/* Unicode White_Space: the separators (Zs, Zl, Zp), the ASCII controls
 * tab to carriage return, and NEXT LINE, which GLib files as a control;
 * and the invisible format characters (Cf: zero-width space, joiners,
 * direction marks, the byte order mark), which print as nothing. */
static gboolean
is_blank_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x0085 ||
         g_unichar_type (c) == G_UNICODE_FORMAT;
}

/**
 * iap_text_is_blank:
 * @text: (nullable): UTF-8 text
 *
 * Returns: whether @text is %NULL, empty, or made only of white space
 *   and invisible format characters
 */
gboolean
iap_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      /* Not UTF-8: a byte is there, so something is */
      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (!is_blank_char (c))
        return FALSE;
    }

  return TRUE;
}

/**
 * iap_text_isolate:
 * @text: (nullable): a value to insert in a sentence: a name, a title,
 *   a label, a date
 *
 * Returns: (transfer full): @text between FIRST STRONG ISOLATE and POP
 *   DIRECTIONAL ISOLATE, so that it is laid out in its own direction
 *   without reordering the sentence around it: an Arabic name beside a
 *   Latin entity keeps its parentheses where they belong, and a full
 *   stop after an Arabic option's label stays at the end of the sentence
 */
char *
iap_text_isolate (const char *text)
{
  return g_strconcat ("\u2068", text != NULL ? text : "", "\u2069", NULL);
}
