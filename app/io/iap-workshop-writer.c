/* iap-workshop-writer.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-workshop-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "iap-foreign.h"
#include "iap-integration-map.h"
#include "iap-rating-list.h"
#include "iap-workshop-file.h"
#include "iap-workshop-format.h"
#include "iap-xml.h"

/*
 * Serialises a workshop to XML in memory. The output depends only on the
 * model: lists in their order, fields in table order, empty values left
 * out, two-space indentation. Saving, loading and saving again therefore
 * gives the same bytes, and a version-control diff of two saves shows
 * only what changed.
 *
 * The text is written straight into one buffer, element by element, in
 * the form libxml2's serialiser gives a document (xmlDocDumpFormatMemoryEnc()
 * with formatting, in UTF-8): an element holding text is written on one
 * line with what else it holds; any other element with children has each
 * child on a line of its own, indented by two spaces a level. Elements
 * of other namespaces kept from the file are parsed again and written by
 * libxml2 itself, at their place.
 */

typedef struct
{
  const char *name;
  gboolean    open;           /* its start tag is not closed yet */
} Element;

typedef struct
{
  GString *out;
  GArray  *elements;          /* of Element: the open ones, the root first */
  guint    unformatted;       /* the depth of the element holding text, 0 if none is open */
} Writer;

static guint
depth (Writer *w)
{
  return w->elements->len;
}

static gboolean
formatted (Writer *w)
{
  return w->unformatted == 0;
}

/* The writer's own elements are never nested deeper than libxml2
 * indents (30 levels). */
static void
indent_into (GString *out,
             guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append_len (out, "  ", 2);
}

static void
indent (Writer *w,
        guint   level)
{
  indent_into (w->out, level);
}

/* Text in an element, or an attribute value with @in_attribute: what
 * XML requires escaped, and carriage returns, which a reader would
 * otherwise turn into line feeds; in an attribute, also the quote and
 * the white space that a reader would otherwise turn into spaces. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_attribute)
{
  const char *run = text;

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '&': entity = "&amp;"; break;
        case '\r': entity = "&#13;"; break;
        case '"': entity = in_attribute ? "&quot;" : NULL; break;
        case '\n': entity = in_attribute ? "&#10;" : NULL; break;
        case '\t': entity = in_attribute ? "&#9;" : NULL; break;
        default: entity = NULL; break;
        }

      if (entity == NULL)
        continue;

      g_string_append_len (out, run, p - run);
      g_string_append (out, entity);
      run = p + 1;
    }

  g_string_append (out, run);
}

/* The innermost open element gets a child: its start tag ends. */
static void
add_child (Writer   *w,
           gboolean  is_text)
{
  Element *parent;

  if (depth (w) == 0)
    return;

  parent = &g_array_index (w->elements, Element, depth (w) - 1);
  if (!parent->open)
    return;

  parent->open = FALSE;
  g_string_append_c (w->out, '>');

  /* Text is the first child of any element that holds some: the element
   * is then written on one line, whatever else it holds. */
  if (is_text && formatted (w))
    w->unformatted = depth (w);
  if (formatted (w))
    g_string_append_c (w->out, '\n');
}

static void
start_element (Writer     *w,
               const char *name)
{
  Element element = { name, TRUE };

  add_child (w, FALSE);
  if (formatted (w))
    indent (w, depth (w));

  g_string_append_c (w->out, '<');
  g_string_append (w->out, name);
  g_array_append_val (w->elements, element);
}

static void
write_attribute (Writer     *w,
                 const char *name,
                 const char *value)
{
  g_string_append_c (w->out, ' ');
  g_string_append (w->out, name);
  g_string_append (w->out, "=\"");
  append_escaped (w->out, value, TRUE);
  g_string_append_c (w->out, '"');
}

static void
write_text (Writer     *w,
            const char *text)
{
  /* As libxml2 adds text to a tree: an empty one is no text at all. */
  if (text[0] == '\0')
    return;

  add_child (w, TRUE);
  append_escaped (w->out, text, FALSE);
}

/* After each child of an element written with a line per child */
static void
end_child (Writer *w)
{
  if (depth (w) > 0 && formatted (w))
    g_string_append_c (w->out, '\n');
}

static void
end_element (Writer *w)
{
  Element element = g_array_index (w->elements, Element, depth (w) - 1);

  if (element.open)
    g_string_append (w->out, "/>");
  else
    {
      if (formatted (w))
        indent (w, depth (w) - 1);
      g_string_append (w->out, "</");
      g_string_append (w->out, element.name);
      g_string_append_c (w->out, '>');
      if (w->unformatted == depth (w))
        w->unformatted = 0;
    }

  g_array_set_size (w->elements, depth (w) - 1);
  end_child (w);
}

/* An element of another namespace, kept from the file it was read from,
 * as libxml2 writes it at this place. */
static void
write_foreign_element (Writer     *w,
                       const char *xml)
{
  g_autoptr(xmlDoc) doc = iap_xml_read_memory (xml, strlen (xml), "foreign", NULL);
  xmlOutputBuffer *buffer;
  xmlNode *root;

  /* The reader made these strings from parsed XML, so they parse. */
  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL)
    return;

  add_child (w, FALSE);
  if (formatted (w))
    indent (w, depth (w));

  /* In UTF-8, as the rest of the file: libxml2 writes other characters
   * of attributes as character references when it knows no encoding. */
  doc->encoding = xmlStrdup ((const xmlChar *)"UTF-8");
  buffer = xmlAllocOutputBuffer (NULL);
  if (buffer == NULL)
    g_error ("Out of memory");
  xmlNodeDumpOutput (buffer, doc, root, depth (w), formatted (w), "UTF-8");
  xmlOutputBufferFlush (buffer);
  g_string_append_len (w->out, (const char *)xmlOutputBufferGetContent (buffer),
                       xmlOutputBufferGetSize (buffer));
  xmlOutputBufferClose (buffer);

  end_child (w);
}

static void
write_foreign (Writer     *w,
               gpointer    object,
               const char *slot)
{
  const char * const *foreign = iap_foreign_get (object, slot);

  for (guint i = 0; foreign != NULL && foreign[i] != NULL; i++)
    write_foreign_element (w, foreign[i]);
}

static gboolean
has_foreign (gpointer    object,
             const char *slot)
{
  const char * const *foreign = iap_foreign_get (object, slot);

  return foreign != NULL && foreign[0] != NULL;
}

static void
write_list_field (Writer       *w,
                  const Field  *field,
                  const GValue *value)
{
  const char * const *items = g_value_get_boxed (value);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *ref = iap_format_sanitize (items[i]);

      start_element (w, field->element);
      write_attribute (w, field->attribute, ref);
      end_element (w);
    }
}

static gboolean
in_element (const Field *f,
            const char  *element)
{
  return g_strcmp0 (f->element, element) == 0;
}

/* Writes the fields that live in @element (NULL: the object's own) into
 * the element open: its attributes, then its text or its list. */
static void
write_fields_of (Writer      *w,
                 GObject     *object,
                 const Field *fields,
                 const char  *element)
{
  for (guint pass = 0; pass < 2; pass++)
    for (const Field *f = fields; f->property != NULL; f++)
      {
        g_auto(GValue) value = G_VALUE_INIT;
        g_autofree char *text = NULL;
        gboolean is_attribute = f->attribute != NULL && (f->flags & FIELD_LIST) == 0;

        if (!in_element (f, element) || is_attribute != (pass == 0))
          continue;

        g_object_get_property (object, f->property, &value);
        if (iap_format_field_is_default (f, &value))
          continue;

        if (f->flags & FIELD_LIST)
          {
            write_list_field (w, f, &value);
            continue;
          }

        text = iap_format_value_to_string (f, &value);
        if (is_attribute)
          write_attribute (w, f->attribute, text);
        else
          write_text (w, text);
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

      if (!in_element (f, element))
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
    if (in_element (f, field->element))
      return TRUE;

  return FALSE;
}

/**
 * write_fields:
 *
 * Writes the attributes and text of the element open, then its child
 * elements, each at the place of its first field in the table.
 */
static void
write_fields (Writer      *w,
              gpointer     object,
              const Field *fields)
{
  write_fields_of (w, object, fields, NULL);

  for (const Field *f = fields; f->property != NULL; f++)
    {
      if (f->element == NULL || seen_before (fields, f))
        continue;

      if (f->flags & FIELD_LIST)
        write_fields_of (w, object, fields, f->element);
      else if (element_has_content (object, fields, f->element))
        {
          start_element (w, f->element);
          write_fields_of (w, object, fields, f->element);
          end_element (w);
        }
    }
}

static void
write_item (Writer      *w,
            gpointer     item,
            const char  *name,
            const Field *fields)
{
  start_element (w, name);
  write_fields (w, item, fields);
  write_foreign (w, item, NULL);
  end_element (w);
}

/* Writes every item of @list as an element @name. */
static void
write_items (Writer      *w,
             GListModel  *list,
             const char  *name,
             const Field *fields)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      write_item (w, item, name, fields);
    }
}

/* Starts a section of the workshop when it has something to hold. */
static gboolean
start_section (Writer      *w,
               IapWorkshop *workshop,
               const char  *name,
               gboolean     has_content)
{
  if (!has_content && !has_foreign (workshop, name))
    return FALSE;

  start_element (w, name);

  return TRUE;
}

static void
end_section (Writer      *w,
             IapWorkshop *workshop,
             const char  *name)
{
  write_foreign (w, workshop, name);
  end_element (w);
}

static gboolean
has_items (GListModel *list)
{
  return g_list_model_get_n_items (list) > 0;
}

static void
write_list_section (Writer      *w,
                    IapWorkshop *workshop,
                    const char  *section_name,
                    GListModel  *list,
                    const char  *item_name,
                    const Field *fields)
{
  if (!start_section (w, workshop, section_name, has_items (list)))
    return;

  write_items (w, list, item_name, fields);
  end_section (w, workshop, section_name);
}

static void
write_setup (Writer      *w,
             IapWorkshop *workshop)
{
  start_element (w, "setup");
  write_fields (w, workshop, iap_format_setup);
  end_section (w, workshop, "setup");
}

/* Each option under consideration, with the arrangements it brings:
 * always written, so that a file keeps them when the catalog's change. */
static void
write_options (Writer      *w,
               IapWorkshop *workshop)
{
  const char * const *options = iap_workshop_get_options (workshop);

  for (guint i = 0; options[i] != NULL; i++)
    {
      IapOptionArrangements *agreed = iap_workshop_find_option_arrangements (workshop, options[i]);
      g_auto(GStrv) arrangements = iap_workshop_dup_option_arrangements (workshop, options[i]);
      g_autofree char *ref = iap_format_sanitize (options[i]);
      g_auto(GValue) value = G_VALUE_INIT;

      start_element (w, iap_format_option.element);
      write_attribute (w, iap_format_option.attribute, ref);
      g_value_init (&value, G_TYPE_STRV);
      g_value_set_boxed (&value, arrangements);
      write_list_field (w, &iap_format_option_arrangement, &value);
      if (agreed != NULL)
        write_foreign (w, agreed, NULL);
      end_element (w);
    }
}

static void
write_context (Writer      *w,
               IapWorkshop *workshop)
{
  GListModel *indicators = iap_workshop_get_indicators (workshop);
  const char * const *options = iap_workshop_get_options (workshop);
  gboolean has_content = element_has_content (G_OBJECT (workshop), iap_format_context, NULL) ||
                         element_has_content (G_OBJECT (workshop), iap_format_context, "mandate") ||
                         options[0] != NULL ||
                         element_has_content (G_OBJECT (workshop), iap_format_override, "override") ||
                         has_items (indicators);

  if (!start_section (w, workshop, "context", has_content))
    return;

  write_fields (w, workshop, iap_format_context);
  write_options (w, workshop);
  write_items (w, indicators, "indicator", iap_format_indicator);
  write_fields (w, workshop, iap_format_override);
  end_section (w, workshop, "context");
}

static void
write_catalog (Writer      *w,
               IapWorkshop *workshop)
{
  GListModel *custom = iap_catalog_get_custom (iap_workshop_get_catalog (workshop));

  write_list_section (w, workshop, "catalog", custom, "entry", iap_format_catalog_entry);
}

static void
write_bands (Writer    *w,
             IapScales *scales)
{
  guint n_likelihood = iap_scales_get_n_likelihood (scales);
  guint n_impact = iap_scales_get_n_impact (scales);

  start_element (w, "bands");
  for (guint l = 1; l <= n_likelihood; l++)
    {
      g_autoptr(GString) row = g_string_new (NULL);
      char number[16];

      for (guint i = 1; i <= n_impact; i++)
        {
          if (i > 1)
            g_string_append_c (row, ' ');
          g_string_append (row, iap_band_to_id (iap_scales_get_band (scales, l, i)));
        }

      g_snprintf (number, sizeof number, "%u", l);
      start_element (w, "row");
      write_attribute (w, "likelihood", number);
      write_text (w, row->str);
      end_element (w);
    }

  write_foreign (w, scales, "bands");
  end_element (w);
}

static void
write_scale (Writer     *w,
             IapScales  *scales,
             const char *name,
             GListModel *levels)
{
  start_element (w, name);
  write_items (w, levels, "level", iap_format_level);
  write_foreign (w, scales, name);
  end_element (w);
}

static void
write_scales (Writer      *w,
              IapWorkshop *workshop)
{
  IapScales *scales = iap_workshop_get_scales (workshop);

  start_element (w, "scales");
  write_fields (w, scales, iap_format_scales);
  write_scale (w, scales, "likelihood", iap_scales_get_likelihood (scales));
  write_scale (w, scales, "impact", iap_scales_get_impact (scales));
  write_bands (w, scales);
  write_foreign (w, scales, NULL);
  end_element (w);
}

static void
write_factor_scores (Writer      *w,
                     IapWorkshop *workshop)
{
  GListModel *list = iap_workshop_get_factor_scores (workshop);

  if (!start_section (w, workshop, "factors", has_items (list)))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(IapFactorScore) score = g_list_model_get_item (list, i);
      GVariantIter iter;
      const char *option;
      guint value;

      start_element (w, "factor");
      write_fields (w, score, iap_format_factor_score);
      g_variant_iter_init (&iter, iap_factor_score_get_scores (score));
      while (g_variant_iter_next (&iter, "{&su}", &option, &value))
        {
          g_autofree char *ref = iap_format_sanitize (option);
          char number[16];

          g_snprintf (number, sizeof number, "%u", value);
          start_element (w, "score");
          write_attribute (w, "option", ref);
          write_attribute (w, "value", number);
          end_element (w);
        }
      write_foreign (w, score, NULL);
      end_element (w);
    }

  end_section (w, workshop, "factors");
}

/* For each id of @key in a list of ratings, the attribute @name="id",
 * escaped, as the writer writes it: a round holds many ratings, and
 * each id is written into many of them. */
static GPtrArray *
id_attributes (IapRatingList *list,
               IapRatingKey   key,
               const char    *name)
{
  guint n = iap_rating_list_get_n_ids (list, key);
  GPtrArray *attributes = g_ptr_array_new_full (n, (GDestroyNotify)g_bytes_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = iap_format_sanitize (iap_rating_list_get_id (list, key, i));
      GString *text = g_string_new (NULL);

      /* An empty value is left out, as write_fields() leaves it */
      if (id[0] != '\0')
        {
          g_string_append_printf (text, " %s=\"", name);
          append_escaped (text, id, TRUE);
          g_string_append_c (text, '"');
        }
      g_ptr_array_add (attributes, g_string_free_to_bytes (text));
    }

  return attributes;
}

/* g_string_append_len(), without a call when there is room: ratings
 * are written a few bytes at a time, hundreds of thousands of times. */
static inline void
put (GString    *out,
     const char *data,
     gsize       length)
{
  if (out->len + length >= out->allocated_len)
    {
      g_string_append_len (out, data, length);
      return;
    }

  memcpy (out->str + out->len, data, length);
  out->len += length;
  out->str[out->len] = '\0';
}

static void
put_bytes (GString *out,
           GBytes  *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  put (out, data, size);
}

/* The attribute @name="number" for each number up to 255, which a
 * rating's levels never exceed */
static GPtrArray *
number_attributes (const char *name)
{
  GPtrArray *attributes = g_ptr_array_new_full (256, (GDestroyNotify)g_bytes_unref);

  for (guint i = 0; i < 256; i++)
    {
      char *text = g_strdup_printf (" %s=\"%u\"", name, i);

      g_ptr_array_add (attributes, g_bytes_new_take (text, strlen (text)));
    }

  return attributes;
}

/* A comment lives in the rating's item alone: ratings that have one are few */
static void
write_comment (Writer    *w,
               IapRating *rating)
{
  g_autofree char *comment = NULL;

  if (rating == NULL || *iap_rating_get_comment (rating) == '\0')
    return;

  comment = iap_format_sanitize (iap_rating_get_comment (rating));
  write_attribute (w, "comment", comment);
}

/* The ratings of a round, as write_item() writes them from
 * iap_format_rating and iap_format_factor_rating, straight from their
 * records: a round holds many. */
static void
write_ratings (Writer        *w,
               IapRatingList *list)
{
  gboolean factors = iap_rating_list_is_factors (list);
  const char *name = factors ? "factor-rating" : "rating";
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) participants = id_attributes (list, IAP_RATING_KEY_PARTICIPANT, "participant");
  g_autoptr(GPtrArray) subjects = id_attributes (list, IAP_RATING_KEY_SUBJECT, factors ? "factor" : "risk");
  g_autoptr(GPtrArray) options = id_attributes (list, IAP_RATING_KEY_OPTION, "option");
  g_autoptr(GPtrArray) firsts = number_attributes (factors ? "value" : "likelihood");
  g_autoptr(GPtrArray) seconds = number_attributes ("impact");
  g_autoptr(GString) start = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      gpointer item = iap_rating_list_peek_item (list, i);
      guint key[3], first, second;

      iap_rating_list_get_keys (list, i, key);
      iap_rating_list_get (list, i, NULL, NULL, NULL, &first, &second);

      /* Kept from the file: written as any element is */
      if (item != NULL && iap_foreign_get (item, NULL) != NULL)
        {
          start_element (w, name);
          put_bytes (w->out, g_ptr_array_index (participants, key[0]));
          put_bytes (w->out, g_ptr_array_index (subjects, key[1]));
          if (factors)
            put_bytes (w->out, g_ptr_array_index (options, key[2]));
          if (factors || first != 0)
            put_bytes (w->out, g_ptr_array_index (firsts, MIN (first, 255)));
          if (!factors && second != 0)
            put_bytes (w->out, g_ptr_array_index (seconds, MIN (second, 255)));
          write_comment (w, factors ? NULL : item);
          write_foreign (w, item, NULL);
          end_element (w);
          continue;
        }

      /* An element with no child, as start_element() and end_element()
       * write it */
      add_child (w, FALSE);
      if (start->len == 0)
        {
          if (formatted (w))
            indent_into (start, depth (w));
          g_string_append_printf (start, "<%s", name);
        }
      put (w->out, start->str, start->len);
      put_bytes (w->out, g_ptr_array_index (participants, key[0]));
      put_bytes (w->out, g_ptr_array_index (subjects, key[1]));
      if (factors)
        put_bytes (w->out, g_ptr_array_index (options, key[2]));
      if (factors || first != 0)
        put_bytes (w->out, g_ptr_array_index (firsts, MIN (first, 255)));
      if (!factors && second != 0)
        put_bytes (w->out, g_ptr_array_index (seconds, MIN (second, 255)));
      write_comment (w, factors ? NULL : item);
      put (w->out, "/>", 2);
      end_child (w);
    }
}

static void
write_rounds (Writer      *w,
              IapWorkshop *workshop)
{
  GListModel *rounds = iap_workshop_get_rounds (workshop);

  if (!start_section (w, workshop, "rounds", has_items (rounds)))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, i);

      start_element (w, "round");
      write_fields (w, round, iap_format_round);
      write_ratings (w, IAP_RATING_LIST (iap_round_get_ratings (round)));
      write_ratings (w, IAP_RATING_LIST (iap_round_get_factor_ratings (round)));
      write_foreign (w, round, NULL);
      end_element (w);
    }

  end_section (w, workshop, "rounds");
}

static void
write_recommendation (Writer      *w,
                      IapWorkshop *workshop)
{
  gboolean has_content = element_has_content (G_OBJECT (workshop), iap_format_recommendation, NULL) ||
                         element_has_content (G_OBJECT (workshop), iap_format_recommendation, "rationale") ||
                         element_has_content (G_OBJECT (workshop), iap_format_recommendation, "conditions");

  if (!start_section (w, workshop, "recommendation", has_content))
    return;

  write_fields (w, workshop, iap_format_recommendation);
  end_section (w, workshop, "recommendation");
}

static void
write_document (Writer      *w,
                IapWorkshop *workshop)
{
  char version[32];

  g_snprintf (version, sizeof version, "%d.%d", IAP_WORKSHOP_FORMAT_MAJOR, IAP_WORKSHOP_FORMAT_MINOR);

  g_string_append (w->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  start_element (w, "workshop");
  write_attribute (w, "xmlns", IAP_WORKSHOP_NAMESPACE);
  write_attribute (w, "version", version);

  write_setup (w, workshop);
  write_context (w, workshop);
  write_catalog (w, workshop);
  write_scales (w, workshop);
  write_list_section (w, workshop, "participants",
                      iap_workshop_get_participants (workshop), "participant",
                      iap_format_participant);
  write_list_section (w, workshop, "risks",
                      iap_workshop_get_risks (workshop), "risk", iap_format_risk);
  write_list_section (w, workshop, "integration",
                      iap_workshop_get_integration_map (workshop), "area",
                      iap_format_integration_area);
  write_factor_scores (w, workshop);
  write_rounds (w, workshop);
  write_list_section (w, workshop, "mitigations",
                      iap_workshop_get_mitigations (workshop), "mitigation",
                      iap_format_mitigation);
  write_recommendation (w, workshop);
  write_list_section (w, workshop, "requirements",
                      iap_workshop_get_requirement_statuses (workshop), "requirement",
                      iap_format_requirement);
  write_list_section (w, workshop, "dissents",
                      iap_workshop_get_dissents (workshop), "dissent", iap_format_dissent);
  write_foreign (w, workshop, NULL);
  end_element (w);

  /* After the root, as after any child of the document */
  g_string_append_c (w->out, '\n');
}

static gsize
count_ratings (IapWorkshop *workshop)
{
  GListModel *rounds = iap_workshop_get_rounds (workshop);
  gsize n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, i);

      n += iap_round_get_n_ratings (round) + iap_round_get_n_factor_ratings (round);
    }

  return n;
}

/**
 * iap_workshop_to_bytes:
 *
 * Returns: (transfer full): the workshop as the contents of a file
 */
GBytes *
iap_workshop_to_bytes (IapWorkshop *workshop)
{
  Writer w = { NULL };

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);

  /* About the size of the file, without growing the buffer many times:
   * ratings take some 70 bytes each, the rest rarely more than 64 KB a
   * hundred risks. */
  w.out = g_string_sized_new (64 * 1024 + 70 * count_ratings (workshop) +
                              640 * g_list_model_get_n_items (iap_workshop_get_risks (workshop)));
  w.elements = g_array_new (FALSE, FALSE, sizeof (Element));
  write_document (&w, workshop);
  g_array_unref (w.elements);

  return g_string_free_to_bytes (w.out);
}
