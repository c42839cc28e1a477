/* iap-messages.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * gettext answers in the language of the process, and a process has one:
 * setlocale() and LANGUAGE are global, and a language can only be chosen
 * at all when the system has generated a locale for it, which a laptop
 * set up in English usually has not for French. A page served to a
 * participant's phone must be in the phone's language, so this reads the
 * application's own compiled catalog (the .mo file that gettext reads,
 * from the folder bindtextdomain() names) for that language, and looks
 * messages up in it.
 *
 * Only singular messages: the pages written in another language avoid
 * plural forms, whose rules would need an expression evaluator.
 *
 * The catalog's default wording (scale levels, catalog entries) is
 * translated where it is read, with g_dpgettext2(); a thread that
 * renders for another language sets its messages as the thread default,
 * and iap_messages_dpgettext() then answers from them.
 */

#define G_LOG_DOMAIN "iap-messages"

#include "config.h"

#include "iap-i18n.h"
#include <string.h>

#include "iap-messages.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

struct _IapMessages
{
  gatomicrefcount ref_count;
  char *language;
  GMappedFile *file;            /* or NULL: the messages as written */
  const guint8 *data;
  gsize size;
  gboolean swapped;
  guint32 n;
  guint32 originals;
  guint32 translations;
};

G_DEFINE_BOXED_TYPE (IapMessages, iap_messages, iap_messages_ref, iap_messages_unref)

static GPrivate thread_default = G_PRIVATE_INIT ((GDestroyNotify) iap_messages_unref);

static guint32
read_u32 (IapMessages *self,
          gsize        offset)
{
  guint32 value;

  memcpy (&value, self->data + offset, sizeof value);

  return self->swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string at entry @i of the table at @table, or NULL when the file
 * does not hold it whole */
static const char *
entry (IapMessages *self,
       guint32      table,
       guint32      i)
{
  gsize at = (gsize) table + (gsize) i * 8;
  guint32 length, offset;

  if (at + 8 > self->size)
    return NULL;
  length = read_u32 (self, at);
  offset = read_u32 (self, at + 4);
  if ((gsize) offset + length >= self->size || self->data[offset + length] != '\0')
    return NULL;

  return (const char *) self->data + offset;
}

static gboolean
read_header (IapMessages *self)
{
  guint32 magic;

  if (self->size < 28)
    return FALSE;
  memcpy (&magic, self->data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return FALSE;
  self->swapped = magic == MO_MAGIC_SWAPPED;
  /* Major revisions 0 and 1 share the tables read here */
  if (read_u32 (self, 4) >> 16 > 1)
    return FALSE;
  self->n = read_u32 (self, 8);
  self->originals = read_u32 (self, 12);
  self->translations = read_u32 (self, 16);

  return (gsize) self->n * 8 <= self->size &&
         self->originals <= self->size - (gsize) self->n * 8 &&
         self->translations <= self->size - (gsize) self->n * 8;
}

/* Letters, digits and one underscore: never a path */
static gboolean
is_language_name (const char *name)
{
  guint underscores = 0;
  gsize length = strlen (name);

  if (length < 2 || length > 16 || !g_ascii_isalpha (name[0]))
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    {
      if (*c == '_')
        underscores++;
      else if (!g_ascii_isalnum (*c))
        return FALSE;
    }

  return underscores <= 1;
}

/* The catalog of @language, or of its language without the region */
static GMappedFile *
open_catalog (const char  *language,
              char       **found)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_auto(GStrv) parts = g_strsplit (language, "_", 2);
  const char *tries[] = { language, parts[0], NULL };

  for (guint i = 0; dir != NULL && tries[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, tries[i], "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      GMappedFile *file = g_mapped_file_new (path, FALSE, NULL);

      if (file != NULL)
        {
          *found = g_strdup (tries[i]);
          return file;
        }
    }

  return NULL;
}

/**
 * iap_messages_new:
 * @language: a language, such as "fr" or "fr_CA" ("fr-CA" is read the same)
 *
 * Returns: (transfer full): the application's messages in @language; in
 *   English, as written, when it has no translation into @language
 */
IapMessages *
iap_messages_new (const char *language)
{
  IapMessages *self;
  g_autofree char *name = NULL;
  g_autofree char *found = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  self = g_new0 (IapMessages, 1);
  g_atomic_ref_count_init (&self->ref_count);
  name = g_strdelimit (g_strdup (language), "-", '_');

  if (is_language_name (name) && !g_str_equal (name, "en") && !g_str_has_prefix (name, "en_"))
    self->file = open_catalog (name, &found);
  if (self->file != NULL)
    {
      self->data = (const guint8 *) g_mapped_file_get_contents (self->file);
      self->size = g_mapped_file_get_length (self->file);
      if (!read_header (self))
        {
          g_warning ("The translations into %s are not a message catalog", found);
          g_clear_pointer (&self->file, g_mapped_file_unref);
          g_clear_pointer (&found, g_free);
        }
    }
  self->language = found != NULL ? g_steal_pointer (&found) : g_strdup ("en");

  return self;
}

IapMessages *
iap_messages_ref (IapMessages *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
iap_messages_unref (IapMessages *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_free (self->language);
  g_free (self);
}

/* Returns: the language the messages are in: "en" when untranslated */
const char *
iap_messages_get_language (IapMessages *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

/* Binary search: msgfmt writes the originals sorted as strcmp() does */
static const char *
lookup (IapMessages *self,
        const char  *key)
{
  guint32 low = 0, high = self->n;

  while (self->file != NULL && low < high)
    {
      guint32 middle = low + (high - low) / 2;
      const char *original = entry (self, self->originals, middle);
      int cmp;

      if (original == NULL)
        return NULL;
      cmp = strcmp (key, original);
      if (cmp == 0)
        {
          const char *translation = entry (self, self->translations, middle);

          /* An empty translation is an untranslated message */
          return translation != NULL && *translation != '\0' ? translation : NULL;
        }
      if (cmp < 0)
        high = middle;
      else
        low = middle + 1;
    }

  return NULL;
}

/**
 * iap_messages_gettext:
 *
 * Returns: @msgid in the language of @self, or @msgid itself
 */
const char *
iap_messages_gettext (IapMessages *self,
                      const char  *msgid)
{
  const char *translation;

  g_return_val_if_fail (self != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (*msgid == '\0')
    return msgid;
  translation = lookup (self, msgid);

  return translation != NULL ? translation : msgid;
}

/**
 * iap_messages_pgettext:
 * @context: the message's context, as in C_() and NC_()
 *
 * Returns: @msgid in the language of @self, or @msgid itself
 */
const char *
iap_messages_pgettext (IapMessages *self,
                       const char  *context,
                       const char  *msgid)
{
  g_autofree char *key = NULL;
  const char *translation;

  g_return_val_if_fail (self != NULL, msgid);
  g_return_val_if_fail (context != NULL && msgid != NULL, NULL);

  if (*msgid == '\0' || self->file == NULL)
    return msgid;
  key = g_strconcat (context, "\004", msgid, NULL);
  translation = lookup (self, key);

  return translation != NULL ? translation : msgid;
}

/**
 * iap_messages_set_thread_default:
 * @self: (nullable): the messages text of this thread is read in, or
 *   %NULL for the process's language
 */
void
iap_messages_set_thread_default (IapMessages *self)
{
  g_private_replace (&thread_default, self != NULL ? iap_messages_ref (self) : NULL);
}

/* Returns: (transfer none) (nullable): this thread's messages */
IapMessages *
iap_messages_get_thread_default (void)
{
  return g_private_get (&thread_default);
}

/**
 * iap_messages_dpgettext:
 *
 * Returns: @msgid of @context translated as g_dpgettext2() would, or,
 *   when the thread has messages of its own, in their language
 */
const char *
iap_messages_dpgettext (const char *context,
                        const char *msgid)
{
  IapMessages *messages = g_private_get (&thread_default);

  if (messages != NULL)
    return iap_messages_pgettext (messages, context, msgid);

  return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
}
