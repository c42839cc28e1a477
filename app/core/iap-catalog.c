/* iap-catalog.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-catalog"

#include "config.h"

#include "iap-i18n.h"

#include "iap-catalog.h"
#include "iap-scale-level.h"

/*
 * A catalog is the default entries of the catalog resource, shared by
 * every workshop, followed by the workshop's own entries. Each kind is a
 * GListModel that lists both, so a drop-down binds to one model and sees
 * custom entries come and go with undo.
 */
struct _IapCatalog
{
  GObject parent_instance;

  /* Owned */
  GHashTable *by_kind;      /* kind -> GListStore of IapCatalogEntry */
  GHashTable *defaults;     /* "kind/id" -> IapCatalogEntry */
  GListStore *custom;       /* IapCatalogEntry, custom, any kind */
  GHashTable *levels;       /* scale id -> GPtrArray of label, definition */

  /* Borrowed */
  IapCatalog *parent;       /* the default catalog, NULL for itself */
};

G_DEFINE_FINAL_TYPE (IapCatalog, iap_catalog, G_TYPE_OBJECT)

static const char * const kinds[] = {
  IAP_CATALOG_MISSION_TYPE,
  IAP_CATALOG_PHASE,
  IAP_CATALOG_PILLAR,
  IAP_CATALOG_OPTION,
  IAP_CATALOG_INDICATOR,
  IAP_CATALOG_ARRANGEMENT,
  IAP_CATALOG_AREA,
  IAP_CATALOG_FACTOR,
  IAP_CATALOG_MEASURE,
  IAP_CATALOG_REQUIREMENT,
  IAP_CATALOG_INTEGRATION_AREA,
  IAP_CATALOG_DEPTH,
  IAP_CATALOG_CONSEQUENCE,
  NULL
};

/* Kinds a workshop may extend: the analysis grows with the context, but
 * mission types, phases, pillars and indicators are the policy's own. */
static const char * const custom_kinds[] = {
  IAP_CATALOG_ARRANGEMENT,
  IAP_CATALOG_AREA,
  IAP_CATALOG_FACTOR,
  IAP_CATALOG_MEASURE,
  IAP_CATALOG_OPTION,
  IAP_CATALOG_INTEGRATION_AREA,
  NULL
};

typedef struct
{
  IapCatalog *catalog;
  char *kind;
  char *scale;
  GPtrArray *level;         /* label, definition of the level being read */
  IapCatalogEntry *entry;
  GString *text;
} ParseState;

static char *
make_key (const char *kind,
          const char *id)
{
  return g_strconcat (kind, "/", id, NULL);
}

static GListStore *
get_store (IapCatalog *self,
           const char *kind)
{
  return g_hash_table_lookup (self->by_kind, kind);
}

static gboolean
add_default (IapCatalog       *self,
             IapCatalogEntry  *entry,
             GError          **error)
{
  const char *kind = iap_catalog_entry_get_kind (entry);
  const char *id = iap_catalog_entry_get_id (entry);

  if (get_store (self, kind) == NULL)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "unknown kind “%s”", kind);
      return FALSE;
    }

  if (!g_hash_table_insert (self->defaults, make_key (kind, id), g_object_ref (entry)))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "duplicate %s “%s”", kind, id);
      return FALSE;
    }
  g_list_store_append (get_store (self, kind), entry);

  return TRUE;
}

static const char *
find_attribute (const char  *name,
                const char **names,
                const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];

  return NULL;
}

/* The words of @text, without empty ones: a list of ids in an
 * attribute, or a quotation wrapped over several lines. */
static char **
split_words (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "", " \n\t", -1);
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  g_ptr_array_add (words, NULL);

  return (char **)g_ptr_array_free (words, FALSE);
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;
  const char *id = find_attribute ("id", names, values);

  g_string_truncate (state->text, 0);

  if (g_str_equal (element, "kind"))
    {
      g_free (state->kind);
      state->kind = g_strdup (id);
    }
  else if (g_str_equal (element, "scale"))
    {
      g_free (state->scale);
      state->scale = g_strdup (id);
    }
  else if (g_str_equal (element, "level"))
    {
      /* The resource is trusted, but a broken one must fail, not crash. */
      if (state->scale == NULL || state->level != NULL)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "a <level> outside a <scale>");
          return;
        }
      state->level = g_ptr_array_new_with_free_func (g_free);
    }
  else if (g_str_equal (element, "entry") && state->kind != NULL && id != NULL)
    {
      g_auto(GStrv) factors = split_words (find_attribute ("addresses", names, values));
      g_auto(GStrv) arrangements = split_words (find_attribute ("arrangements", names, values));
      g_auto(GStrv) options = split_words (find_attribute ("options", names, values));

      g_clear_object (&state->entry);
      state->entry = iap_catalog_entry_new (state->kind, id, FALSE);
      g_object_set (state->entry,
                    "polarity", find_attribute ("polarity", names, values),
                    "group", find_attribute ("group", names, values),
                    "addresses", factors,
                    "arrangements", arrangements,
                    "options", options,
                    "depth", find_attribute ("depth", names, values),
                    NULL);
    }
  else if (g_str_equal (element, "source") && state->entry != NULL)
    {
      /* An entry keeps its first source: the one domain.md cites */
      if (iap_catalog_entry_get_source (state->entry)[0] == '\0')
        g_object_set (state->entry,
                      "source-seed", find_attribute ("seed", names, values),
                      "source-section", find_attribute ("section", names, values),
                      NULL);
    }
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;
  const char *text = state->text->str;

  if (state->level != NULL && g_str_equal (element, "level"))
    {
      GPtrArray *levels = g_hash_table_lookup (state->catalog->levels, state->scale);

      if (levels == NULL)
        {
          levels = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
          g_hash_table_insert (state->catalog->levels, g_strdup (state->scale), levels);
        }
      g_ptr_array_add (levels, g_steal_pointer (&state->level));
    }
  else if (state->level != NULL)
    g_ptr_array_add (state->level, g_strdup (text));
  else if (state->entry != NULL && g_str_equal (element, "entry"))
    {
      add_default (state->catalog, state->entry, error);
      g_clear_object (&state->entry);
    }
  else if (state->entry != NULL && g_str_equal (element, "label"))
    g_object_set (state->entry, "label", text, NULL);
  else if (state->entry != NULL && g_str_equal (element, "description"))
    g_object_set (state->entry, "description", text, NULL);
  else if (state->entry != NULL && g_str_equal (element, "source") &&
           iap_catalog_entry_get_source (state->entry)[0] == '\0')
    {
      g_auto(GStrv) words = split_words (text);
      g_autofree char *source = g_strjoinv (" ", words);

      g_object_set (state->entry, "source", source, NULL);
    }
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  g_string_append_len (state->text, text, length);
}

/* Reads a catalog document into @self: the resource, or any bytes a
 * test or the fuzzer hands it. */
static gboolean
parse_catalog (IapCatalog  *self,
               const char  *data,
               gsize        size,
               GError     **error)
{
  static const GMarkupParser parser = { on_start_element, on_end_element, on_text, NULL, NULL };
  ParseState state = { self, NULL, NULL, NULL, NULL, g_string_new (NULL) };
  g_autoptr(GMarkupParseContext) context = NULL;
  gboolean ok;

  context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  ok = g_markup_parse_context_parse (context, data, size, error) &&
       g_markup_parse_context_end_parse (context, error);

  g_free (state.kind);
  g_free (state.scale);
  g_clear_pointer (&state.level, g_ptr_array_unref);
  g_clear_object (&state.entry);
  g_string_free (state.text, TRUE);

  return ok;
}

static void
load_resource (IapCatalog *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gconstpointer data;
  gsize size;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/catalog.xml", 0, &error);
  if (bytes == NULL)
    g_error ("The default catalog is missing from the resources: %s", error->message);

  data = g_bytes_get_data (bytes, &size);
  if (!parse_catalog (self, data, size, &error))
    g_error ("The default catalog is broken: %s", error->message);
}

static void
rebuild_kind (IapCatalog *self,
              const char *kind)
{
  GListStore *store = get_store (self, kind);
  GListModel *defaults = iap_catalog_get_entries (self->parent, kind);
  guint n_defaults = g_list_model_get_n_items (defaults);
  guint n_custom = g_list_model_get_n_items (G_LIST_MODEL (self->custom));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_defaults; i++)
    g_ptr_array_add (items, g_list_model_get_item (defaults, i));

  for (guint i = 0; i < n_custom; i++)
    {
      IapCatalogEntry *entry = g_list_model_get_item (G_LIST_MODEL (self->custom), i);

      if (g_str_equal (iap_catalog_entry_get_kind (entry), kind))
        g_ptr_array_add (items, entry);
      else
        g_object_unref (entry);
    }

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static void
on_custom_changed (IapCatalog *self,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListModel *custom)
{
  /* Custom lists hold a handful of entries: rebuilding each kind is
   * simpler than tracking which ones moved, and only kinds that can have
   * custom entries are touched. */
  for (guint i = 0; custom_kinds[i] != NULL; i++)
    rebuild_kind (self, custom_kinds[i]);
}

static void
iap_catalog_finalize (GObject *object)
{
  IapCatalog *self = (IapCatalog *)object;

  g_clear_pointer (&self->by_kind, g_hash_table_unref);
  g_clear_pointer (&self->defaults, g_hash_table_unref);
  g_clear_pointer (&self->levels, g_hash_table_unref);
  g_clear_object (&self->custom);
  g_clear_object (&self->parent);

  G_OBJECT_CLASS (iap_catalog_parent_class)->finalize (object);
}

static void
iap_catalog_class_init (IapCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_catalog_finalize;
}

static void
iap_catalog_init (IapCatalog *self)
{
  self->by_kind = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_ptr_array_unref);
  self->custom = g_list_store_new (IAP_TYPE_CATALOG_ENTRY);

  for (guint i = 0; kinds[i] != NULL; i++)
    g_hash_table_insert (self->by_kind, (gpointer)kinds[i],
                         g_list_store_new (IAP_TYPE_CATALOG_ENTRY));
}

/**
 * iap_catalog_get_default:
 *
 * Returns: (transfer none): the default catalogs, shared by every workshop
 */
IapCatalog *
iap_catalog_get_default (void)
{
  static IapCatalog *instance;

  if (g_once_init_enter (&instance))
    {
      IapCatalog *catalog = g_object_new (IAP_TYPE_CATALOG, NULL);

      load_resource (catalog);
      g_once_init_leave (&instance, catalog);
    }

  return instance;
}

/**
 * iap_catalog_new_from_bytes:
 *
 * Reads a catalog document in the format of the catalog resource, as
 * the default catalog is read; for tests and the fuzzer, which check the
 * loader on other input.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error
 */
IapCatalog *
iap_catalog_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(IapCatalog) self = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (IAP_TYPE_CATALOG, NULL);
  data = g_bytes_get_data (bytes, &size);
  if (!parse_catalog (self, data, size, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * iap_catalog_new:
 *
 * Creates the catalog of one workshop: the defaults, and its own entries
 * in the store that iap_catalog_get_custom() returns.
 */
IapCatalog *
iap_catalog_new (void)
{
  IapCatalog *self = g_object_new (IAP_TYPE_CATALOG, NULL);

  self->parent = g_object_ref (iap_catalog_get_default ());
  for (guint i = 0; kinds[i] != NULL; i++)
    rebuild_kind (self, kinds[i]);

  g_signal_connect_object (self->custom, "items-changed",
                           G_CALLBACK (on_custom_changed), self, G_CONNECT_SWAPPED);

  return self;
}

const char * const *
iap_catalog_get_kinds (void)
{
  return kinds;
}

gboolean
iap_catalog_kind_allows_custom (const char *kind)
{
  return kind != NULL && g_strv_contains (custom_kinds, kind);
}

/**
 * iap_catalog_get_entries:
 *
 * Returns: (transfer none) (nullable): the entries of @kind, defaults
 *   first, or %NULL if @kind is not a catalog
 */
GListModel *
iap_catalog_get_entries (IapCatalog *self,
                         const char *kind)
{
  g_return_val_if_fail (IAP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return G_LIST_MODEL (get_store (self, kind));
}

/**
 * iap_catalog_get_custom:
 *
 * Returns: (transfer none): the workshop's own entries, of every kind;
 *   the workshop edits this store through its history
 */
GListModel *
iap_catalog_get_custom (IapCatalog *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->custom);
}

/**
 * iap_catalog_get_label:
 * @id: (nullable): an entry's id
 *
 * Returns: (transfer none): the label of the entry of @kind called @id,
 *   the id itself for an entry the catalog does not have, "" for none
 */
const char *
iap_catalog_get_label (IapCatalog *self,
                       const char *kind,
                       const char *id)
{
  IapCatalogEntry *entry;

  g_return_val_if_fail (IAP_IS_CATALOG (self), NULL);

  if (id == NULL || id[0] == '\0')
    return "";
  entry = iap_catalog_lookup (self, kind, id);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : id;
}

/**
 * iap_catalog_lookup:
 *
 * Returns: (transfer none) (nullable): the entry of @kind called @id
 */
IapCatalogEntry *
iap_catalog_lookup (IapCatalog *self,
                    const char *kind,
                    const char *id)
{
  g_autofree char *key = NULL;
  guint n;

  g_return_val_if_fail (IAP_IS_CATALOG (self), NULL);

  if (kind == NULL || id == NULL)
    return NULL;

  if (self->parent != NULL)
    {
      IapCatalogEntry *entry = iap_catalog_lookup (self->parent, kind, id);

      if (entry != NULL)
        return entry;
    }

  key = make_key (kind, id);
  if (g_hash_table_contains (self->defaults, key))
    return g_hash_table_lookup (self->defaults, key);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->custom));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->custom), i);

      if (g_str_equal (iap_catalog_entry_get_kind (entry), kind) &&
          g_str_equal (iap_catalog_entry_get_id (entry), id))
        return entry;
    }

  return NULL;
}

/**
 * iap_catalog_dup_default_levels:
 * @scale: "likelihood" or "impact"
 *
 * Returns: (transfer full): new #IapScaleLevel objects for a new
 *   workshop to own, in the catalog's own words and marked "default", so
 *   that every reader sees them in their language
 */
GListStore *
iap_catalog_dup_default_levels (IapCatalog *self,
                                const char *scale)
{
  GListStore *store = g_list_store_new (IAP_TYPE_SCALE_LEVEL);
  GPtrArray *levels;

  g_return_val_if_fail (IAP_IS_CATALOG (self), store);
  g_return_val_if_fail (scale != NULL, store);

  if (self->parent != NULL)
    self = self->parent;

  levels = g_hash_table_lookup (self->levels, scale);
  for (guint i = 0; levels != NULL && i < levels->len; i++)
    {
      GPtrArray *level = g_ptr_array_index (levels, i);
      g_autoptr(IapScaleLevel) item = NULL;

      if (level->len < 2)
        continue;

      item = g_object_new (IAP_TYPE_SCALE_LEVEL,
                           "label", g_ptr_array_index (level, 0),
                           "definition", g_ptr_array_index (level, 1),
                           "default", TRUE,
                           NULL);
      g_list_store_append (store, item);
    }

  return store;
}
