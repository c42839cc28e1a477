/* iap-tree-writer.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-tree-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "iap-foreign.h"
#include "iap-integration-map.h"
#include "iap-tree-writer.h"
#include "iap-workshop-file.h"
#include "iap-workshop-format.h"
#include "iap-xml.h"

/*
 * The reference for the application's writer (app/io/iap-workshop-writer.c):
 * the same workshop serialised the way the application once did, by
 * building a libxml2 tree and letting libxml2 format it. The tests check
 * that the writer, which writes straight into a buffer, gives the same
 * bytes. Only the tests use it.
 */

typedef struct
{
  xmlDoc *doc;
  xmlNs *ns;
} Writer;

static xmlNode *
add_element (Writer     *w,
             xmlNode    *parent,
             const char *name)
{
  return xmlNewChild (parent, w->ns, (const xmlChar *)name, NULL);
}

static void
add_foreign (Writer     *w,
             xmlNode    *parent,
             gpointer    object,
             const char *slot)
{
  const char * const *foreign = iap_foreign_get (object, slot);

  for (guint i = 0; foreign != NULL && foreign[i] != NULL; i++)
    {
      g_autoptr(xmlDoc) doc = iap_xml_read_memory (foreign[i], strlen (foreign[i]), "foreign", NULL);

      /* The reader made these strings from parsed XML, so they parse. */
      if (doc != NULL)
        xmlAddChild (parent, xmlDocCopyNode (xmlDocGetRootElement (doc), w->doc, 1));
    }
}

static gboolean
has_foreign (gpointer    object,
             const char *slot)
{
  const char * const *foreign = iap_foreign_get (object, slot);

  return foreign != NULL && foreign[0] != NULL;
}

static void
set_text (xmlNode    *node,
          const char *text)
{
  xmlNodeAddContent (node, (const xmlChar *)text);
}

static void
write_list_field (Writer      *w,
                  xmlNode     *parent,
                  const Field *field,
                  const GValue *value)
{
  const char * const *items = g_value_get_boxed (value);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      xmlNode *child = add_element (w, parent, field->element);
      g_autofree char *ref = iap_format_sanitize (items[i]);

      xmlSetProp (child, (const xmlChar *)field->attribute, (const xmlChar *)ref);
    }
}

/* Writes the fields that live in @element (NULL: the object's own). */
static void
write_fields_of (Writer      *w,
                 xmlNode     *node,
                 GObject     *object,
                 const Field *fields,
                 const char  *element)
{
  for (const Field *f = fields; f->property != NULL; f++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      if (g_strcmp0 (f->element, element) != 0 || (element == NULL) != (f->element == NULL))
        continue;

      g_object_get_property (object, f->property, &value);
      if (iap_format_field_is_default (f, &value))
        continue;

      if (f->flags & FIELD_LIST)
        {
          write_list_field (w, node, f, &value);
          continue;
        }

      text = iap_format_value_to_string (f, &value);
      if (f->attribute != NULL)
        xmlSetProp (node, (const xmlChar *)f->attribute, (const xmlChar *)text);
      else
        set_text (node, text);
    }
}

static gboolean
element_has_content (GObject     *object,
                     const Field *fields,
                     const char  *element)
{
  for (const Field *f = fields; f->property != NULL; f++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_strcmp0 (f->element, element) != 0)
        continue;

      g_object_get_property (object, f->property, &value);
      if (!iap_format_field_is_default (f, &value))
        return TRUE;
    }

  return FALSE;
}

static gboolean
seen_before (const Field *fields,
             const Field *field)
{
  for (const Field *f = fields; f != field; f++)
    if (g_strcmp0 (f->element, field->element) == 0)
      return TRUE;

  return FALSE;
}

/**
 * write_fields:
 *
 * Writes the attributes and text of @node, then its child elements, each
 * at the place of its first field in the table.
 */
static void
write_fields (Writer      *w,
              xmlNode     *node,
              gpointer     object,
              const Field *fields)
{
  write_fields_of (w, node, object, fields, NULL);

  for (const Field *f = fields; f->property != NULL; f++)
    {
      if (f->element == NULL || seen_before (fields, f))
        continue;

      if (f->flags & FIELD_LIST)
        write_fields_of (w, node, object, fields, f->element);
      else if (element_has_content (object, fields, f->element))
        write_fields_of (w, add_element (w, node, f->element), object, fields, f->element);
    }
}

/* Writes every item of @list as an element @name. */
static void
write_items (Writer      *w,
             xmlNode     *parent,
             GListModel  *list,
             const char  *name,
             const Field *fields)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      xmlNode *node = add_element (w, parent, name);

      write_fields (w, node, item, fields);
      add_foreign (w, node, item, NULL);
    }
}

/* Adds a section of the workshop when it has something to hold. */
static xmlNode *
add_section (Writer      *w,
             xmlNode     *root,
             IapWorkshop *workshop,
             const char  *name,
             gboolean     has_content)
{
  if (!has_content && !has_foreign (workshop, name))
    return NULL;

  return add_element (w, root, name);
}

static void
end_section (Writer      *w,
             xmlNode     *section,
             IapWorkshop *workshop)
{
  if (section != NULL)
    add_foreign (w, section, workshop, (const char *)section->name);
}

static gboolean
has_items (GListModel *list)
{
  return g_list_model_get_n_items (list) > 0;
}

static void
write_list_section (Writer      *w,
                    xmlNode     *root,
                    IapWorkshop *workshop,
                    const char  *section_name,
                    GListModel  *list,
                    const char  *item_name,
                    const Field *fields)
{
  xmlNode *section = add_section (w, root, workshop, section_name, has_items (list));

  if (section == NULL)
    return;

  write_items (w, section, list, item_name, fields);
  end_section (w, section, workshop);
}

static void
write_setup (Writer      *w,
             xmlNode     *root,
             IapWorkshop *workshop)
{
  xmlNode *section = add_element (w, root, "setup");

  write_fields (w, section, workshop, iap_format_setup);
  end_section (w, section, workshop);
}

static void
write_context (Writer      *w,
               xmlNode     *root,
               IapWorkshop *workshop)
{
  GListModel *indicators = iap_workshop_get_indicators (workshop);
  const char * const *options = iap_workshop_get_options (workshop);
  gboolean has_content = element_has_content (G_OBJECT (workshop), iap_format_context, NULL) ||
                         element_has_content (G_OBJECT (workshop), iap_format_context, "mandate") ||
                         options[0] != NULL ||
                         element_has_content (G_OBJECT (workshop), iap_format_override, "override") ||
                         has_items (indicators);
  xmlNode *section = add_section (w, root, workshop, "context", has_content);

  if (section == NULL)
    return;

  write_fields (w, section, workshop, iap_format_context);
  for (guint i = 0; options[i] != NULL; i++)
    {
      IapOptionArrangements *agreed = iap_workshop_find_option_arrangements (workshop, options[i]);
      g_auto(GStrv) arrangements = iap_workshop_dup_option_arrangements (workshop, options[i]);
      g_autofree char *ref = iap_format_sanitize (options[i]);
      xmlNode *option = add_element (w, section, "option");
      g_auto(GValue) value = G_VALUE_INIT;

      xmlSetProp (option, (const xmlChar *)"ref", (const xmlChar *)ref);
      g_value_init (&value, G_TYPE_STRV);
      g_value_set_boxed (&value, arrangements);
      write_list_field (w, option, &iap_format_option_arrangement, &value);
      if (agreed != NULL)
        add_foreign (w, option, agreed, NULL);
    }
  write_items (w, section, indicators, "indicator", iap_format_indicator);
  write_fields (w, section, workshop, iap_format_override);
  end_section (w, section, workshop);
}

static void
write_catalog (Writer      *w,
               xmlNode     *root,
               IapWorkshop *workshop)
{
  GListModel *custom = iap_catalog_get_custom (iap_workshop_get_catalog (workshop));

  write_list_section (w, root, workshop, "catalog", custom, "entry", iap_format_catalog_entry);
}

static void
write_bands (Writer    *w,
             xmlNode   *parent,
             IapScales *scales)
{
  guint n_likelihood = iap_scales_get_n_likelihood (scales);
  guint n_impact = iap_scales_get_n_impact (scales);
  xmlNode *bands = add_element (w, parent, "bands");

  for (guint l = 1; l <= n_likelihood; l++)
    {
      g_autoptr(GString) row = g_string_new (NULL);
      g_autofree char *number = g_strdup_printf ("%u", l);
      xmlNode *node;

      for (guint i = 1; i <= n_impact; i++)
        {
          if (i > 1)
            g_string_append_c (row, ' ');
          g_string_append (row, iap_band_to_id (iap_scales_get_band (scales, l, i)));
        }

      node = xmlNewTextChild (bands, w->ns, (const xmlChar *)"row", (const xmlChar *)row->str);
      xmlSetProp (node, (const xmlChar *)"likelihood", (const xmlChar *)number);
    }

  add_foreign (w, bands, scales, "bands");
}

static void
write_scales (Writer      *w,
              xmlNode     *root,
              IapWorkshop *workshop)
{
  IapScales *scales = iap_workshop_get_scales (workshop);
  xmlNode *section = add_element (w, root, "scales");

  xmlNode *node;

  write_fields (w, section, scales, iap_format_scales);
  node = add_element (w, section, "likelihood");
  write_items (w, node, iap_scales_get_likelihood (scales), "level", iap_format_level);
  add_foreign (w, node, scales, "likelihood");
  node = add_element (w, section, "impact");
  write_items (w, node, iap_scales_get_impact (scales), "level", iap_format_level);
  add_foreign (w, node, scales, "impact");
  write_bands (w, section, scales);
  add_foreign (w, section, scales, NULL);
}

static void
write_factor_scores (Writer      *w,
                     xmlNode     *root,
                     IapWorkshop *workshop)
{
  GListModel *list = iap_workshop_get_factor_scores (workshop);
  xmlNode *section = add_section (w, root, workshop, "factors", has_items (list));

  for (guint i = 0; section != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IapFactorScore) score = g_list_model_get_item (list, i);
      xmlNode *node = add_element (w, section, "factor");
      GVariantIter iter;
      const char *option;
      guint value;

      write_fields (w, node, score, iap_format_factor_score);
      g_variant_iter_init (&iter, iap_factor_score_get_scores (score));
      while (g_variant_iter_next (&iter, "{&su}", &option, &value))
        {
          xmlNode *child = add_element (w, node, "score");
          g_autofree char *number = g_strdup_printf ("%u", value);
          g_autofree char *ref = iap_format_sanitize (option);

          xmlSetProp (child, (const xmlChar *)"option", (const xmlChar *)ref);
          xmlSetProp (child, (const xmlChar *)"value", (const xmlChar *)number);
        }
      add_foreign (w, node, score, NULL);
    }

  end_section (w, section, workshop);
}

static void
write_rounds (Writer      *w,
              xmlNode     *root,
              IapWorkshop *workshop)
{
  GListModel *rounds = iap_workshop_get_rounds (workshop);
  xmlNode *section = add_section (w, root, workshop, "rounds", has_items (rounds));

  for (guint i = 0; section != NULL && i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, i);
      xmlNode *node = add_element (w, section, "round");

      write_fields (w, node, round, iap_format_round);
      write_items (w, node, iap_round_get_ratings (round), "rating", iap_format_rating);
      write_items (w, node, iap_round_get_factor_ratings (round),
                   "factor-rating", iap_format_factor_rating);
      add_foreign (w, node, round, NULL);
    }

  end_section (w, section, workshop);
}

static void
write_recommendation (Writer      *w,
                      xmlNode     *root,
                      IapWorkshop *workshop)
{
  gboolean has_content = element_has_content (G_OBJECT (workshop), iap_format_recommendation, NULL) ||
                         element_has_content (G_OBJECT (workshop), iap_format_recommendation, "rationale") ||
                         element_has_content (G_OBJECT (workshop), iap_format_recommendation, "conditions");
  xmlNode *section = add_section (w, root, workshop, "recommendation", has_content);

  if (section == NULL)
    return;

  write_fields (w, section, workshop, iap_format_recommendation);
  end_section (w, section, workshop);
}

static xmlDoc *
build_document (IapWorkshop *workshop)
{
  g_autofree char *version = g_strdup_printf ("%d.%d", IAP_WORKSHOP_FORMAT_MAJOR,
                                              IAP_WORKSHOP_FORMAT_MINOR);
  Writer w = { xmlNewDoc ((const xmlChar *)"1.0"), NULL };
  xmlNode *root = xmlNewDocNode (w.doc, NULL, (const xmlChar *)"workshop", NULL);

  xmlDocSetRootElement (w.doc, root);
  w.ns = xmlNewNs (root, (const xmlChar *)IAP_WORKSHOP_NAMESPACE, NULL);
  xmlSetNs (root, w.ns);
  xmlSetProp (root, (const xmlChar *)"version", (const xmlChar *)version);

  write_setup (&w, root, workshop);
  write_context (&w, root, workshop);
  write_catalog (&w, root, workshop);
  write_scales (&w, root, workshop);
  write_list_section (&w, root, workshop, "participants",
                      iap_workshop_get_participants (workshop), "participant",
                      iap_format_participant);
  write_list_section (&w, root, workshop, "risks",
                      iap_workshop_get_risks (workshop), "risk", iap_format_risk);
  write_list_section (&w, root, workshop, "integration",
                      iap_workshop_get_integration_map (workshop), "area",
                      iap_format_integration_area);
  write_factor_scores (&w, root, workshop);
  write_rounds (&w, root, workshop);
  write_list_section (&w, root, workshop, "mitigations",
                      iap_workshop_get_mitigations (workshop), "mitigation",
                      iap_format_mitigation);
  write_recommendation (&w, root, workshop);
  write_list_section (&w, root, workshop, "requirements",
                      iap_workshop_get_requirement_statuses (workshop), "requirement",
                      iap_format_requirement);
  write_list_section (&w, root, workshop, "dissents",
                      iap_workshop_get_dissents (workshop), "dissent", iap_format_dissent);
  add_foreign (&w, root, workshop, NULL);

  return w.doc;
}

/**
 * iap_tree_writer_to_bytes:
 *
 * Returns: (transfer full): the workshop as the contents of a file,
 *   formatted by libxml2
 */
GBytes *
iap_tree_writer_to_bytes (IapWorkshop *workshop)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlChar *data = NULL;
  int size = 0;
  GBytes *bytes;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  doc = build_document (workshop);
  xmlDocDumpFormatMemoryEnc (doc, &data, &size, "UTF-8", 1);
  if (data == NULL)
    g_error ("Out of memory");

  bytes = g_bytes_new (data, size);
  xmlFree (data);

  return bytes;
}
