/* iap-catalog-entry.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-catalog-entry"

#include "config.h"

#include "iap-i18n.h"

#include "iap-catalog-entry.h"
#include "iap-messages.h"
#include "iap-property.h"

struct _IapCatalogEntry
{
  GObject parent_instance;

  /* Owned */
  char *kind;
  char *id;
  char *label;
  char *description;
  char *polarity;
  char *group;
  char **addresses;
  char **arrangements;
  char **options;
  char *depth;
  char *source;
  char *source_seed;
  char *source_section;
  gboolean custom;
};

G_DEFINE_FINAL_TYPE (IapCatalogEntry, iap_catalog_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_LABEL,
  PROP_DESCRIPTION,
  PROP_POLARITY,
  PROP_GROUP,
  PROP_ADDRESSES,
  PROP_ARRANGEMENTS,
  PROP_OPTIONS,
  PROP_DEPTH,
  PROP_SOURCE,
  PROP_SOURCE_SEED,
  PROP_SOURCE_SECTION,
  PROP_CUSTOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Default entries come from the catalog resource in English and are
 * translated where they are shown; a workshop's own entries are in the
 * language the workshop wrote them in. */
static const char *
translate (IapCatalogEntry *self,
           const char      *text)
{
  if (self->custom || text[0] == '\0')
    return text;

  return iap_messages_dpgettext ("catalog", text);
}

static void
iap_catalog_entry_finalize (GObject *object)
{
  IapCatalogEntry *self = (IapCatalogEntry *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->polarity, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->addresses, g_strfreev);
  g_clear_pointer (&self->arrangements, g_strfreev);
  g_clear_pointer (&self->options, g_strfreev);
  g_clear_pointer (&self->depth, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->source_seed, g_free);
  g_clear_pointer (&self->source_section, g_free);

  G_OBJECT_CLASS (iap_catalog_entry_parent_class)->finalize (object);
}

static void
iap_catalog_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IapCatalogEntry *self = IAP_CATALOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, iap_catalog_entry_get_label (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, iap_catalog_entry_get_description (self));
      break;

    case PROP_POLARITY:
      g_value_set_string (value, self->polarity);
      break;

    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;

    case PROP_ADDRESSES:
      g_value_set_boxed (value, self->addresses);
      break;

    case PROP_ARRANGEMENTS:
      g_value_set_boxed (value, self->arrangements);
      break;

    case PROP_OPTIONS:
      g_value_set_boxed (value, self->options);
      break;

    case PROP_DEPTH:
      g_value_set_string (value, self->depth);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_SOURCE_SEED:
      g_value_set_string (value, self->source_seed);
      break;

    case PROP_SOURCE_SECTION:
      g_value_set_string (value, self->source_section);
      break;

    case PROP_CUSTOM:
      g_value_set_boolean (value, self->custom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_catalog_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IapCatalogEntry *self = IAP_CATALOG_ENTRY (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_KIND:
      changed = iap_set_string (&self->kind, g_value_get_string (value));
      break;

    case PROP_ID:
      changed = iap_set_string (&self->id, g_value_get_string (value));
      break;

    case PROP_LABEL:
      changed = iap_set_string (&self->label, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      changed = iap_set_string (&self->description, g_value_get_string (value));
      break;

    case PROP_POLARITY:
      changed = iap_set_string (&self->polarity, g_value_get_string (value));
      break;

    case PROP_GROUP:
      changed = iap_set_string (&self->group, g_value_get_string (value));
      break;

    case PROP_ADDRESSES:
      changed = iap_set_strv (&self->addresses, g_value_get_boxed (value));
      break;

    case PROP_ARRANGEMENTS:
      changed = iap_set_strv (&self->arrangements, g_value_get_boxed (value));
      break;

    case PROP_OPTIONS:
      changed = iap_set_strv (&self->options, g_value_get_boxed (value));
      break;

    case PROP_DEPTH:
      changed = iap_set_string (&self->depth, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      changed = iap_set_string (&self->source, g_value_get_string (value));
      break;

    case PROP_SOURCE_SEED:
      changed = iap_set_string (&self->source_seed, g_value_get_string (value));
      break;

    case PROP_SOURCE_SECTION:
      changed = iap_set_string (&self->source_section, g_value_get_string (value));
      break;

    case PROP_CUSTOM:
      changed = iap_set_boolean (&self->custom, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_catalog_entry_class_init (IapCatalogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_catalog_entry_finalize;
  object_class->get_property = iap_catalog_entry_get_property;
  object_class->set_property = iap_catalog_entry_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind",
                         NC_ ("property", "Catalog"),
                         "Catalog the entry belongs to, such as arrangement or factor",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ID] =
    g_param_spec_string ("id",
                         NC_ ("property", "Identifier"),
                         "Stable identifier stored in workshop files",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL] =
    g_param_spec_string ("label",
                         NC_ ("property", "Entry label"),
                         "Short name shown to people, translated for default entries",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description",
                         NC_ ("property", "Entry description"),
                         "One line explaining the entry, translated for default entries",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_POLARITY] =
    g_param_spec_string ("polarity",
                         NC_ ("property", "Polarity"),
                         "benefit or risk, for triple-hatting factors",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_GROUP] =
    g_param_spec_string ("group",
                         NC_ ("property", "Indicator group"),
                         "core or tension, for high-risk indicators",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ADDRESSES] =
    g_param_spec_boxed ("addresses",
                        NC_ ("property", "Factors addressed"),
                        "Triple-hatting risk factors a mitigation measure addresses, as factor ids",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_ARRANGEMENTS] =
    g_param_spec_boxed ("arrangements",
                        NC_ ("property", "Arrangements"),
                        "For a structural option, the integration arrangements it brings by default, as arrangement ids",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_OPTIONS] =
    g_param_spec_boxed ("options",
                        NC_ ("property", "Options"),
                        "For a consequence, the structural options it follows from, as option ids",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_DEPTH] =
    g_param_spec_string ("depth",
                         NC_ ("property", "Default depth"),
                         "For an integration area, the depth a new integration map gives it, as a depth id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source",
                         NC_ ("property", "Source"),
                         "The words of the source the entry rests on, or the reason for an entry of the application's own; never translated",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE_SEED] =
    g_param_spec_string ("source-seed",
                         NC_ ("property", "Source document"),
                         "The seed document of the source, such as 000; empty for an entry of the application's own",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE_SECTION] =
    g_param_spec_string ("source-section",
                         NC_ ("property", "Source section"),
                         "The section of the seed document the source is in",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOM] =
    g_param_spec_boolean ("custom",
                          NC_ ("property", "Custom entry"),
                          "Whether the workshop added the entry itself",
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_catalog_entry_init (IapCatalogEntry *self)
{
  self->kind = g_strdup ("");
  self->id = g_strdup ("");
  self->label = g_strdup ("");
  self->description = g_strdup ("");
  self->polarity = g_strdup ("");
  self->group = g_strdup ("");
  self->addresses = g_new0 (char *, 1);
  self->arrangements = g_new0 (char *, 1);
  self->options = g_new0 (char *, 1);
  self->depth = g_strdup ("");
  self->source = g_strdup ("");
  self->source_seed = g_strdup ("");
  self->source_section = g_strdup ("");
}

IapCatalogEntry *
iap_catalog_entry_new (const char  *kind,
                       const char  *id,
                       gboolean     custom)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (IAP_TYPE_CATALOG_ENTRY,
                       "kind", kind,
                       "id", id,
                       "custom", custom,
                       NULL);
}

const char *
iap_catalog_entry_get_kind (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return self->kind;
}

const char *
iap_catalog_entry_get_id (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return self->id;
}

const char *
iap_catalog_entry_get_label (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return translate (self, self->label);
}

const char *
iap_catalog_entry_get_description (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return translate (self, self->description);
}

const char *
iap_catalog_entry_get_polarity (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return self->polarity;
}

const char *
iap_catalog_entry_get_group (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return self->group;
}

/**
 * iap_catalog_entry_get_addresses:
 *
 * Returns: (transfer none): for a mitigation measure, the ids of the
 *   triple-hatting risk factors it addresses; empty otherwise
 */
const char * const *
iap_catalog_entry_get_addresses (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return (const char * const *)self->addresses;
}

/**
 * iap_catalog_entry_get_arrangements:
 *
 * Returns: (transfer none): for a structural option, the ids of the
 *   integration arrangements it brings unless the workshop says
 *   otherwise; empty otherwise
 */
const char * const *
iap_catalog_entry_get_arrangements (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return (const char * const *)self->arrangements;
}

/**
 * iap_catalog_entry_get_options:
 *
 * Returns: (transfer none): for a consequence, the ids of the structural
 *   options it follows from; empty otherwise
 */
const char * const *
iap_catalog_entry_get_options (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return (const char * const *)self->options;
}

/**
 * iap_catalog_entry_get_depth:
 *
 * Returns: for an integration area, the id of the depth a new integration
 *   map gives it, "" when the group chooses it from the start
 */
const char *
iap_catalog_entry_get_depth (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return self->depth;
}

/**
 * iap_catalog_entry_get_source:
 *
 * The source of a default entry, as the catalog gives it: the words of
 * the seed document it rests on, which are quoted and never translated,
 * or the reason for an entry of this application's own.
 *
 * Returns: the source, "" for a workshop's own entry
 */
const char *
iap_catalog_entry_get_source (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return self->source;
}

/**
 * iap_catalog_entry_dup_citation:
 *
 * Returns: (transfer full): where the source is, such as “seed 000,
 *   UN Integration”, or “this application's own” in the user's language
 */
char *
iap_catalog_entry_dup_citation (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  if (self->source_seed[0] == '\0')
    return g_strdup (self->source[0] != '\0' ? _("this application’s own operationalisation") : "");

  if (self->source_section[0] == '\0')
    /* Translators: a source document, cited by its number */
    return g_strdup_printf (_("seed %s"), self->source_seed);

  /* Translators: a source document and the section quoted */
  return g_strdup_printf (_("seed %s, section %s"), self->source_seed, self->source_section);
}

gboolean
iap_catalog_entry_get_custom (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), FALSE);

  return self->custom;
}

/**
 * iap_catalog_entry_get_untranslated_label:
 *
 * Returns: the label as the catalog or the workshop file holds it
 */
const char *
iap_catalog_entry_get_untranslated_label (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return self->label;
}

const char *
iap_catalog_entry_get_untranslated_description (IapCatalogEntry *self)
{
  g_return_val_if_fail (IAP_IS_CATALOG_ENTRY (self), NULL);

  return self->description;
}
