/* iap-i18n.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application's own catalogs (LOCALEDIR/LANG/LC_MESSAGES/DOMAIN.mo),
 * read here rather than through the C library when a thread asks for a
 * language other than the interface's. gettext picks its catalog from the
 * environment and the locale, for the whole process: a report in another
 * language would need that language's locale installed and would turn
 * the window's strings over too, as long as it is being written. */

#define G_LOG_DOMAIN "iap-i18n"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "iap-i18n.h"

/* One .mo file, mapped: msgid (with its context, "ctx\004id") -> the
 * translation, plural forms separated by NUL bytes. */
typedef struct
{
  char       *language;
  GMappedFile *file;
  GHashTable *messages;
  guint       n_plurals;
  char       *plural;
} Catalog;

typedef struct
{
  const char *text;
  gsize       length;
} Translation;

/* The languages the application is written in: English, the source, and
 * those of po/LINGUAS. Their names are their own (endonyms), as a
 * language menu shows them. */
static const struct
{
  const char *code;
  const char *name;
} languages[] = {
  { "en", "English" },
  { "ar", "العربية" },
  { "zh_CN", "中文（简体）" },
  { "fr", "Français" },
  { "ru", "Русский" },
  { "es", "Español" },
};

static GMutex catalogs_lock;
static GHashTable *catalogs;
static GPrivate stack = G_PRIVATE_INIT ((GDestroyNotify) g_slist_free);

static guint32
read_u32 (const guint8 *data,
          gboolean      swap,
          gsize         offset)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);

  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string at entry @index of the table at @table, NUL-terminated
 * inside the file, or NULL */
static const char *
read_string (const guint8 *data,
             gsize         size,
             gboolean      swap,
             guint32       table,
             guint32       index,
             gsize        *length)
{
  guint64 entry = (guint64) table + (guint64) index * 8;
  guint32 len, offset;

  if (entry + 8 > size)
    return NULL;
  len = read_u32 (data, swap, entry);
  offset = read_u32 (data, swap, entry + 4);
  if ((guint64) offset + len >= size || data[offset + len] != '\0')
    return NULL;
  *length = len;

  return (const char *) data + offset;
}

/* "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : …);" from the header */
static void
read_plural_forms (Catalog    *catalog,
                   const char *header)
{
  const char *line = strstr (header, "Plural-Forms:");
  const char *nplurals, *plural, *end;
  guint64 n;

  catalog->n_plurals = 2;
  if (line == NULL)
    return;
  end = strchr (line, '\n');
  if (end == NULL)
    end = line + strlen (line);
  nplurals = g_strstr_len (line, end - line, "nplurals=");
  plural = g_strstr_len (line, end - line, "plural=");
  /* "nplurals=" holds "plural=" too: the expression is the later one */
  if (plural != NULL && nplurals != NULL && plural == nplurals + 1)
    plural = g_strstr_len (plural + 1, end - plural - 1, "plural=");
  if (nplurals == NULL || plural == NULL)
    return;
  n = g_ascii_strtoull (nplurals + strlen ("nplurals="), NULL, 10);
  if (n < 1 || n > 6)
    return;
  catalog->n_plurals = n;
  plural += strlen ("plural=");
  catalog->plural = g_strndup (plural, end - plural);
  g_strdelimit (catalog->plural, ";", '\0');
}

static void
catalog_free (Catalog *catalog)
{
  g_free (catalog->language);
  g_clear_pointer (&catalog->messages, g_hash_table_unref);
  g_clear_pointer (&catalog->file, g_mapped_file_unref);
  g_free (catalog->plural);
  g_free (catalog);
}

static char *
catalog_path (const char *language)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);

  return g_build_filename (dir != NULL ? dir : LOCALEDIR, language, "LC_MESSAGES",
                           GETTEXT_PACKAGE ".mo", NULL);
}

/* Reads @language's catalog; English, the source language, is an empty
 * one. A file that is not a catalog in UTF-8 reads as empty too, with a
 * warning: the report is then in English rather than in mojibake. */
static Catalog *
catalog_load (const char *language)
{
  Catalog *catalog = g_new0 (Catalog, 1);
  g_autofree char *path = catalog_path (language);
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize size, length;
  guint32 magic, n, originals, translations;
  gboolean swap;
  const char *header;

  catalog->language = g_strdup (language);
  catalog->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  catalog->n_plurals = 2;
  if (g_str_equal (language, "en"))
    return catalog;

  catalog->file = g_mapped_file_new (path, FALSE, &error);
  if (catalog->file == NULL)
    {
      g_warning ("No %s catalog: %s", language, error->message);
      return catalog;
    }
  data = (const guint8 *) g_mapped_file_get_contents (catalog->file);
  size = g_mapped_file_get_length (catalog->file);
  if (size < 28)
    goto invalid;
  memcpy (&magic, data, sizeof magic);
  if (magic != 0x950412de && magic != 0xde120495)
    goto invalid;
  swap = magic == 0xde120495;
  /* Major revisions 0 and 1 share the tables read here */
  if ((read_u32 (data, swap, 4) >> 16) > 1)
    goto invalid;
  n = read_u32 (data, swap, 8);
  originals = read_u32 (data, swap, 12);
  translations = read_u32 (data, swap, 16);

  for (guint32 i = 0; i < n; i++)
    {
      gsize id_length;
      const char *id = read_string (data, size, swap, originals, i, &id_length);
      const char *text = id != NULL ? read_string (data, size, swap, translations, i, &length) : NULL;
      Translation *translation;

      if (text == NULL)
        goto invalid;
      translation = g_new (Translation, 1);
      translation->text = text;
      translation->length = length;
      /* A plural message is keyed by its singular, the part before NUL */
      g_hash_table_insert (catalog->messages, (char *) id, translation);
    }

  header = g_hash_table_contains (catalog->messages, "")
           ? ((Translation *) g_hash_table_lookup (catalog->messages, ""))->text : "";
  if (strstr (header, "charset=UTF-8") == NULL)
    {
      g_warning ("%s is not in UTF-8: its translations are left out", path);
      g_hash_table_remove_all (catalog->messages);
      return catalog;
    }
  read_plural_forms (catalog, header);

  return catalog;

invalid:
  g_warning ("%s is not a valid message catalog: its translations are left out", path);
  g_hash_table_remove_all (catalog->messages);
  g_clear_pointer (&catalog->file, g_mapped_file_unref);

  return catalog;
}

/* The plural expression, a C expression of n, evaluated as it is read */
typedef struct
{
  const char *p;
  gulong      n;
  gboolean    ok;
} Plural;

static gulong plural_ternary (Plural *e);

static gboolean
plural_accept (Plural     *e,
               const char *token)
{
  gsize length = strlen (token);

  while (g_ascii_isspace (*e->p))
    e->p++;
  if (strncmp (e->p, token, length) != 0)
    return FALSE;
  e->p += length;

  return TRUE;
}

static gulong
plural_primary (Plural *e)
{
  gulong value;

  if (plural_accept (e, "!"))
    return !plural_primary (e);
  if (plural_accept (e, "("))
    {
      value = plural_ternary (e);
      e->ok &= plural_accept (e, ")");
      return value;
    }
  if (plural_accept (e, "n"))
    return e->n;
  if (g_ascii_isdigit (*e->p))
    {
      char *end;

      value = g_ascii_strtoull (e->p, &end, 10);
      e->p = end;
      return value;
    }
  e->ok = FALSE;

  return 0;
}

static gulong
plural_product (Plural *e)
{
  gulong value = plural_primary (e);

  for (;;)
    {
      gulong other;

      if (plural_accept (e, "*"))
        value *= plural_primary (e);
      else if (plural_accept (e, "/"))
        other = plural_primary (e), value = other != 0 ? value / other : 0;
      else if (plural_accept (e, "%"))
        other = plural_primary (e), value = other != 0 ? value % other : 0;
      else
        return value;
    }
}

static gulong
plural_sum (Plural *e)
{
  gulong value = plural_product (e);

  for (;;)
    {
      if (plural_accept (e, "+"))
        value += plural_product (e);
      else if (plural_accept (e, "-"))
        value -= plural_product (e);
      else
        return value;
    }
}

static gulong
plural_relation (Plural *e)
{
  gulong value = plural_sum (e);

  for (;;)
    {
      if (plural_accept (e, "<="))
        value = value <= plural_sum (e);
      else if (plural_accept (e, ">="))
        value = value >= plural_sum (e);
      else if (plural_accept (e, "<"))
        value = value < plural_sum (e);
      else if (plural_accept (e, ">"))
        value = value > plural_sum (e);
      else
        return value;
    }
}

static gulong
plural_equality (Plural *e)
{
  gulong value = plural_relation (e);

  for (;;)
    {
      if (plural_accept (e, "=="))
        value = value == plural_relation (e);
      else if (plural_accept (e, "!="))
        value = value != plural_relation (e);
      else
        return value;
    }
}

static gulong
plural_and (Plural *e)
{
  gulong value = plural_equality (e);

  while (plural_accept (e, "&&"))
    {
      gulong other = plural_equality (e);

      value = value && other;
    }

  return value;
}

static gulong
plural_or (Plural *e)
{
  gulong value = plural_and (e);

  while (plural_accept (e, "||"))
    {
      gulong other = plural_and (e);

      value = value || other;
    }

  return value;
}

static gulong
plural_ternary (Plural *e)
{
  gulong condition = plural_or (e), yes, no;

  if (!plural_accept (e, "?"))
    return condition;
  yes = plural_ternary (e);
  e->ok &= plural_accept (e, ":");
  no = plural_ternary (e);

  return condition ? yes : no;
}

/* Which plural form @n takes in @catalog's language; English's rule when
 * the catalog gives none that reads */
static guint
plural_form (const Catalog *catalog,
             gulong         n)
{
  Plural e = { catalog->plural, n, TRUE };
  gulong form;

  if (catalog->plural == NULL)
    return n == 1 ? 0 : 1;
  form = plural_ternary (&e);
  e.ok &= plural_accept (&e, "") && *e.p == '\0';
  if (!e.ok)
    return n == 1 ? 0 : 1;

  return MIN (form, catalog->n_plurals - 1);
}

static gboolean
catalog_exists (const char *language)
{
  g_autofree char *path = NULL;

  if (g_str_equal (language, "en"))
    return TRUE;
  path = catalog_path (language);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/**
 * iap_i18n_resolve_language:
 * @requested: a language as a person or a locale names it: "ar",
 *   "ar_EG.UTF-8", "zh-CN", "fr_BE", "en"
 *
 * Returns: (transfer full) (nullable): the language of the catalog that
 *   @requested reads in ("ar", "zh_CN", "fr", "en" for the source
 *   language), or %NULL when the application has no such catalog
 */
char *
iap_i18n_resolve_language (const char *requested)
{
  g_autofree char *copy = NULL;
  g_autofree char *language = NULL;
  g_autofree char *full = NULL;
  char *territory;

  g_return_val_if_fail (requested != NULL, NULL);

  copy = g_strdup (requested);
  copy[strcspn (copy, ".@")] = '\0';
  g_strdelimit (copy, "-", '_');
  territory = strchr (copy, '_');
  if (territory != NULL)
    *territory++ = '\0';
  language = g_ascii_strdown (copy, -1);
  if (language[0] == '\0')
    return NULL;
  if (g_str_equal (language, "c") || g_str_equal (language, "posix") || g_str_equal (language, "en"))
    return g_strdup ("en");

  if (territory != NULL)
    {
      g_autofree char *upper = g_ascii_strup (territory, -1);

      /* Chinese by its script: simplified (Hans) is that of China */
      if (g_str_equal (language, "zh") && g_str_equal (upper, "HANS"))
        {
          g_free (upper);
          upper = g_strdup ("CN");
        }
      full = g_strconcat (language, "_", upper, NULL);
      if (catalog_exists (full))
        return g_steal_pointer (&full);
    }
  if (g_str_equal (language, "zh"))
    {
      /* Chinese is written in two scripts: traditional Chinese (Taiwan,
       * Hong Kong, Macao, Hant) does not fall back on the simplified */
      if (full == NULL || g_str_equal (full, "zh_SG"))
        return catalog_exists ("zh_CN") ? g_strdup ("zh_CN") : NULL;
      return NULL;
    }

  return catalog_exists (language) ? g_steal_pointer (&language) : NULL;
}

/**
 * iap_i18n_get_languages:
 *
 * Returns: (transfer none): the languages a report can be written in:
 *   English, then those of po/LINGUAS whose catalog is installed
 */
const char * const *
iap_i18n_get_languages (void)
{
  static GStrv available;

  if (g_once_init_enter (&available))
    {
      g_auto(GStrv) linguas = g_strsplit (IAP_LINGUAS, " ", -1);
      GPtrArray *list = g_ptr_array_new ();

      g_ptr_array_add (list, g_strdup ("en"));
      for (guint i = 0; linguas[i] != NULL; i++)
        if (linguas[i][0] != '\0' && catalog_exists (linguas[i]))
          g_ptr_array_add (list, g_strdup (linguas[i]));
      g_ptr_array_add (list, NULL);
      g_once_init_leave (&available, (GStrv) g_ptr_array_free (list, FALSE));
    }

  return (const char * const *) available;
}

/**
 * iap_i18n_get_language_name:
 * @language: a language as iap_i18n_resolve_language() gives it
 *
 * Returns: the language's name in that language ("Français", "العربية"),
 *   as a menu of languages shows it; @language itself for one unknown
 */
const char *
iap_i18n_get_language_name (const char *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, language))
      return languages[i].name;

  return language;
}

/* The interface's language, found as gettext finds its catalog: LANGUAGE
 * (unless the locale is C), then the locale of messages */
static char *
interface_language (void)
{
  const char *locale = setlocale (LC_MESSAGES, NULL);
  const char *list = g_getenv ("LANGUAGE");
  char *language;

  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    return g_strdup ("en");
  /* The first of the list with a catalog; none is the source language
   * (an English one has none either) */
  if (list != NULL && list[0] != '\0')
    {
      g_auto(GStrv) entries = g_strsplit (list, ":", -1);

      for (guint i = 0; entries[i] != NULL; i++)
        {
          language = entries[i][0] != '\0' ? iap_i18n_resolve_language (entries[i]) : NULL;
          if (language != NULL && !g_str_equal (language, "en"))
            return language;
          g_free (language);
        }
      return g_strdup ("en");
    }

  language = iap_i18n_resolve_language (locale);

  return language != NULL ? language : g_strdup ("en");
}

static Catalog *
get_catalog (const char *language)
{
  Catalog *catalog;

  g_mutex_lock (&catalogs_lock);
  if (catalogs == NULL)
    catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) catalog_free);
  catalog = g_hash_table_lookup (catalogs, language);
  if (catalog == NULL)
    {
      catalog = catalog_load (language);
      g_hash_table_insert (catalogs, catalog->language, catalog);
    }
  g_mutex_unlock (&catalogs_lock);

  return catalog;
}

static Catalog *
current_catalog (void)
{
  GSList *languages_pushed = g_private_get (&stack);

  return languages_pushed != NULL ? languages_pushed->data : NULL;
}

/**
 * iap_i18n_push_language:
 * @language: (nullable): a language as iap_i18n_resolve_language() gives
 *   it, or %NULL for the interface's
 *
 * From here on, and until iap_i18n_pop_language(), this thread's _(),
 * C_() and plural messages come in @language. Other threads, the window's
 * among them, go on in theirs. Pushes nest.
 */
void
iap_i18n_push_language (const char *language)
{
  GSList *languages_pushed = g_private_get (&stack);
  g_autofree char *resolved = language != NULL && language[0] != '\0'
                              ? iap_i18n_resolve_language (language) : NULL;

  if (language != NULL && language[0] != '\0' && resolved == NULL)
    g_warning ("No catalog for the language “%s”: the interface's is used", language);
  g_private_set (&stack, g_slist_prepend (languages_pushed,
                                          resolved != NULL ? get_catalog (resolved) : NULL));
}

/**
 * iap_i18n_pop_language:
 *
 * Returns to the language this thread was in before the last
 * iap_i18n_push_language().
 */
void
iap_i18n_pop_language (void)
{
  GSList *languages_pushed = g_private_get (&stack);

  g_return_if_fail (languages_pushed != NULL);

  g_private_set (&stack, g_slist_delete_link (languages_pushed, languages_pushed));
}

/**
 * iap_i18n_get_language:
 *
 * Returns: the language this thread's messages come in now, as
 *   iap_i18n_resolve_language() gives it ("en" for the source language)
 */
const char *
iap_i18n_get_language (void)
{
  static GMutex lock;
  static GHashTable *interned;
  Catalog *catalog = current_catalog ();
  g_autofree char *language = NULL;
  const char *result;

  if (catalog != NULL)
    return catalog->language;

  /* Kept for the life of the process, one copy per language */
  language = interface_language ();
  g_mutex_lock (&lock);
  if (interned == NULL)
    interned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  result = g_hash_table_lookup (interned, language);
  if (result == NULL)
    {
      result = g_strdup (language);
      g_hash_table_add (interned, (char *) result);
    }
  g_mutex_unlock (&lock);

  return result;
}

/**
 * iap_i18n_get_pango_language:
 *
 * Returns: the language of iap_i18n_get_language() as pango and
 *   fontconfig name it ("zh-cn"): it picks the fonts for its script (the
 *   simplified Chinese forms of a CJK font, say)
 */
const char *
iap_i18n_get_pango_language (void)
{
  const char *language = iap_i18n_get_language ();

  if (g_str_equal (language, "zh_CN"))
    return "zh-cn";

  return language;
}

/* What follows are the translation functions; the macros of the header
 * would call them from themselves. */
#undef g_dgettext
#undef g_dngettext
#undef g_dpgettext2

static const Translation *
lookup (Catalog    *catalog,
        const char *key)
{
  return g_hash_table_lookup (catalog->messages, key);
}

static gboolean
is_own_domain (const char *domain)
{
  return domain == NULL || g_str_equal (domain, GETTEXT_PACKAGE);
}

const char *
iap_gettext (const char *msgid)
{
  Catalog *catalog = current_catalog ();
  const Translation *translation;

  if (catalog == NULL)
    return gettext (msgid);
  translation = lookup (catalog, msgid);

  return translation != NULL ? translation->text : msgid;
}

const char *
iap_dgettext (const char *domain,
              const char *msgid)
{
  Catalog *catalog = current_catalog ();
  const Translation *translation;

  if (catalog == NULL || !is_own_domain (domain))
    return g_dgettext (domain, msgid);
  translation = lookup (catalog, msgid);

  return translation != NULL ? translation->text : msgid;
}

const char *
iap_dngettext (const char *domain,
               const char *msgid,
               const char *msgid_plural,
               gulong      n)
{
  Catalog *catalog = current_catalog ();
  const Translation *translation;
  const char *form;
  guint index;

  if (catalog == NULL || !is_own_domain (domain))
    return g_dngettext (domain, msgid, msgid_plural, n);
  translation = lookup (catalog, msgid);
  if (translation == NULL)
    return n == 1 ? msgid : msgid_plural;

  /* The forms follow each other, each ended by a NUL byte */
  index = plural_form (catalog, n);
  form = translation->text;
  for (guint i = 0; i < index; i++)
    {
      const char *next = form + strlen (form) + 1;

      if (next > translation->text + translation->length)
        break;
      form = next;
    }

  return form;
}

const char *
iap_dpgettext2 (const char *domain,
                const char *context,
                const char *msgid)
{
  Catalog *catalog = current_catalog ();
  const Translation *translation;
  g_autofree char *key = NULL;

  if (catalog == NULL || !is_own_domain (domain))
    return g_dpgettext2 (domain, context, msgid);
  key = g_strconcat (context, "\004", msgid, NULL);
  translation = lookup (catalog, key);

  return translation != NULL ? translation->text : msgid;
}
