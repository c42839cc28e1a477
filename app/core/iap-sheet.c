/* iap-sheet.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-sheet"

#include "config.h"

#include "iap-sheet.h"

struct _IapSheet
{
  GPtrArray *rows;              /* GStrv */
  GArray *numbers;              /* guint */
};

IapSheet *
iap_sheet_new (void)
{
  IapSheet *self = g_new0 (IapSheet, 1);

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  return self;
}

void
iap_sheet_free (IapSheet *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_array_unref (self->numbers);
  g_free (self);
}

/**
 * iap_sheet_take_row:
 * @number: the row's number in the spreadsheet, from 1
 * @fields: (transfer full): its fields, %NULL-terminated
 */
void
iap_sheet_take_row (IapSheet  *self,
                    guint      number,
                    char     **fields)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fields != NULL);

  g_ptr_array_add (self->rows, fields);
  g_array_append_val (self->numbers, number);
}

guint
iap_sheet_get_n_rows (IapSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
iap_sheet_get_row_number (IapSheet *self,
                          guint     row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->numbers, guint, row);
}

guint
iap_sheet_get_n_fields (IapSheet *self,
                        guint     row)
{
  g_return_val_if_fail (self != NULL, 0);

  return row < self->rows->len ? g_strv_length (g_ptr_array_index (self->rows, row)) : 0;
}

/* Returns: (nullable): the field, or %NULL past the end of the row: a
 * spreadsheet leaves out the empty fields at the end */
const char *
iap_sheet_get_field (IapSheet *self,
                     guint     row,
                     guint     field)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (field >= iap_sheet_get_n_fields (self, row))
    return NULL;

  return ((char **) g_ptr_array_index (self->rows, row))[field];
}

/* Returns: whether every field of @row is empty or white space */
gboolean
iap_sheet_row_is_blank (IapSheet *self,
                        guint     row)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < iap_sheet_get_n_fields (self, row); i++)
    {
      const char *text = iap_sheet_get_field (self, row, i);

      for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
        if (!g_unichar_isspace (g_utf8_get_char (c)))
          return FALSE;
    }

  return TRUE;
}
