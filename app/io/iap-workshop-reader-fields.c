/* iap-workshop-reader-fields.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-workshop-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "iap-foreign.h"
#include "iap-workshop-file.h"
#include "iap-workshop-reader-private.h"
#include "iap-xml.h"

/*
 * The generic half of the reader: problems, attributes, child elements,
 * and fields read through the tables of iap-workshop-format.c, checked
 * for type, range and references.
 */

static void add_problem (Reader     *r,
                         long        line,
                         const char *format,
                         va_list     args) G_GNUC_PRINTF (3, 0);

static void
add_problem (Reader     *r,
             long        line,
             const char *format,
             va_list     args)
{
  Problem problem;

  /* Only the first MAX_PROBLEMS are listed, then where the next one is:
   * no sink needs to hold more. */
  if (r->sink->len > MAX_PROBLEMS)
    return;

  problem.line = line;
  problem.message = g_strdup_vprintf (format, args);
  g_array_append_val (r->sink, problem);
}

void
iap_reader_problem (Reader     *r,
                    xmlNode    *node,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  add_problem (r, node != NULL ? iap_xml_get_line (node) : 1, format, args);
  va_end (args);
}

void
iap_reader_problem_at (Reader     *r,
                       long        line,
                       const char *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  add_problem (r, line, format, args);
  va_end (args);
}

static void
clear_problem (gpointer data)
{
  Problem *problem = data;

  g_free (problem->message);
}

GArray *
iap_reader_problems_new (void)
{
  GArray *problems = g_array_new (FALSE, FALSE, sizeof (Problem));

  g_array_set_clear_func (problems, clear_problem);

  return problems;
}

/* Moves the problems of @from to the end of @to, in their order. */
void
iap_reader_problems_move (GArray *to,
                          GArray *from)
{
  for (guint i = 0; i < from->len && to->len <= MAX_PROBLEMS; i++)
    {
      Problem *problem = &g_array_index (from, Problem, i);

      g_array_append_val (to, *problem);
      problem->message = NULL;
    }

  g_array_set_size (from, 0);
}

/**
 * iap_reader_problems_format:
 *
 * Returns: (transfer full) (element-type utf8): the first MAX_PROBLEMS
 *   of @problems as “NAME:LINE: reason” lines, then, if there are more,
 *   a line saying so
 */
GPtrArray *
iap_reader_problems_format (GArray     *problems,
                            const char *name)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < problems->len; i++)
    {
      Problem *problem = &g_array_index (problems, Problem, i);

      if (i == MAX_PROBLEMS)
        {
          g_ptr_array_add (lines, g_strdup_printf (_("%s:%ld: too many problems; stopping here"),
                                                   name, problem->line));
          break;
        }

      g_ptr_array_add (lines, g_strdup_printf ("%s:%ld: %s", name, MAX (problem->line, 1),
                                               problem->message));
    }

  return lines;
}

static gboolean
is_element (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE;
}

gboolean
iap_reader_is_ours (xmlNode *node)
{
  return is_element (node) && node->ns != NULL &&
         g_strcmp0 ((const char *)node->ns->href, IAP_WORKSHOP_NAMESPACE) == 0;
}

static gboolean
is_xinclude (xmlNode *node)
{
  return node->ns != NULL &&
         (g_strcmp0 ((const char *)node->ns->href, "http://www.w3.org/2001/XInclude") == 0 ||
          g_strcmp0 ((const char *)node->ns->href, "http://www.w3.org/2003/XInclude") == 0);
}

gboolean
iap_reader_is_named (xmlNode    *node,
                     const char *name)
{
  return iap_reader_is_ours (node) && g_str_equal ((const char *)node->name, name);
}

char *
iap_reader_get_attr (xmlNode    *node,
                     const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlChar *value;
      char *copy;

      if (attr->ns != NULL || !g_str_equal ((const char *)attr->name, name))
        continue;

      /* As xmlGetNoNsProp(), with one copy rather than two */
      if (attr->children == NULL)
        return g_strdup ("");
      if (attr->children->next == NULL && attr->children->type == XML_TEXT_NODE)
        return g_strdup ((const char *)attr->children->content);

      value = xmlNodeListGetString (node->doc, attr->children, 1);
      copy = g_strdup (value != NULL ? (const char *)value : "");
      xmlFree (value);

      return copy;
    }

  return NULL;
}

/* The element's own text, without that of any child element. */
char *
iap_reader_get_text (xmlNode *node)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
      g_string_append (text, (const char *)child->content);

  return g_string_free (text, FALSE);
}

static char *
serialize_node (xmlNode *node)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc ((const xmlChar *)"1.0");
  xmlNode *copy = xmlDocCopyNode (node, doc, 1);
  xmlBuffer *buffer = xmlBufferCreate ();
  char *text;

  /* Copied alone, the element declares the namespaces it uses, so the
   * text parses again on its own when the workshop is saved. */
  xmlDocSetRootElement (doc, copy);
  xmlNodeDump (buffer, doc, copy, 0, 0);
  text = g_strndup ((const char *)xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);

  return text;
}

/**
 * iap_reader_check_child:
 * @known: (nullable): names of the child elements in our namespace that
 *   the caller reads
 * @owner: (nullable): the object that keeps @child if it is of another
 *   namespace; %NULL to add its text to @foreign instead
 *
 * Keeps @child of @node on @owner if it is foreign, and reports it if
 * it is one of ours that the caller does not read: misspelt, or
 * misplaced.
 */
void
iap_reader_check_child (Reader              *r,
                        xmlNode             *node,
                        xmlNode             *child,
                        gpointer             owner,
                        const char          *slot,
                        const char * const  *known,
                        GPtrArray           *foreign)
{
  if (!is_element (child))
    return;

  if (is_xinclude (child))
    iap_reader_problem (r, child, _("XInclude is not allowed: a workshop file never includes other files"));
  else if (!iap_reader_is_ours (child))
    {
      char *xml = serialize_node (child);

      if (owner != NULL)
        {
          iap_foreign_append (owner, slot, xml);
          g_free (xml);
        }
      else
        g_ptr_array_add (foreign, xml);
    }
  else if ((known == NULL || !g_strv_contains (known, (const char *)child->name)) &&
           !r->newer_minor)
    iap_reader_problem (r, child, _("unexpected element <%s> in <%s>"), child->name, node->name);
}

/**
 * iap_reader_check_children:
 *
 * iap_reader_check_child() on each child of @node.
 */
void
iap_reader_check_children (Reader              *r,
                           xmlNode             *node,
                           gpointer             owner,
                           const char          *slot,
                           const char * const  *known)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    iap_reader_check_child (r, node, child, owner, slot, known, NULL);
}

void
iap_reader_check_attributes (Reader             *r,
                             xmlNode            *node,
                             const Field        *fields,
                             const char * const *extra)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *)attr->name;
      gboolean known = extra != NULL && g_strv_contains (extra, name);

      /* Attributes in a namespace (xml:lang, or another vocabulary's)
       * are not ours to judge. */
      if (attr->ns != NULL || r->newer_minor)
        continue;

      for (const Field *f = fields; fields != NULL && f->property != NULL && !known; f++)
        known = f->element == NULL && g_strcmp0 (f->attribute, name) == 0;

      if (!known)
        iap_reader_problem (r, node, _("unexpected attribute “%s” on <%s>"), name, node->name);
    }
}

/* Names of the child elements that a table reads. */
GPtrArray *
iap_reader_known_children (const Field *fields)
{
  GPtrArray *names = g_ptr_array_new ();

  for (const Field *f = fields; fields != NULL && f->property != NULL; f++)
    if (f->element != NULL && !g_ptr_array_find_with_equal_func (names, f->element, g_str_equal, NULL))
      g_ptr_array_add (names, (gpointer)f->element);

  return names;
}

xmlNode *
iap_reader_find_child (Reader     *r,
                       xmlNode    *node,
                       const char *name)
{
  xmlNode *found = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!iap_reader_is_named (child, name))
        continue;

      if (found != NULL)
        {
          iap_reader_problem (r, child, _("<%s> appears more than once in <%s>"), name, node->name);
          break;
        }
      found = child;
    }

  return found;
}

const char *
iap_reader_kind_label (const char *kind)
{
  /* How a person names what a reference points to. */
  static const struct { const char *kind; const char *label; } labels[] = {
    { IAP_CATALOG_MISSION_TYPE, N_("mission type") },
    { IAP_CATALOG_PHASE, N_("phase") },
    { IAP_CATALOG_PILLAR, N_("pillar") },
    { IAP_CATALOG_OPTION, N_("structural option") },
    { IAP_CATALOG_INDICATOR, N_("indicator") },
    { IAP_CATALOG_ARRANGEMENT, N_("arrangement") },
    { IAP_CATALOG_AREA, N_("area") },
    { IAP_CATALOG_FACTOR, N_("factor") },
    { IAP_CATALOG_MEASURE, N_("measure") },
    { IAP_CATALOG_REQUIREMENT, N_("requirement") },
    { IAP_CATALOG_INTEGRATION_AREA, N_("integration area") },
    { IAP_CATALOG_DEPTH, N_("depth of integration") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].kind, kind))
      return _(labels[i].label);

  return kind;
}

gboolean
iap_reader_check_string (Reader      *r,
                         xmlNode     *node,
                         const Field *f,
                         const char  *text)
{
  const char *what = f->attribute != NULL ? f->attribute : f->element;

  switch (f->check)
    {
    case CHECK_ENUM:
      if (iap_format_enum_allows (f->arg, text))
        return TRUE;
      {
        g_auto(GStrv) allowed = g_strsplit (f->arg, "|", -1);
        g_autofree char *list = g_strjoinv (", ", allowed);

        iap_reader_problem (r, node, _("“%s” is not a valid %s (expected one of: %s)"), text, what, list);
      }
      return FALSE;

    case CHECK_DATE:
      if (iap_format_is_date (text))
        return TRUE;
      iap_reader_problem (r, node, _("“%s” is not a date of the form YYYY-MM-DD"), text);
      return FALSE;

    case CHECK_ID:
      if (iap_format_is_id (text))
        return TRUE;
      iap_reader_problem (r, node, _("“%s” is not a valid identifier"), text);
      return FALSE;

    case CHECK_HEX:
      if (iap_format_is_hex (text))
        return TRUE;
      iap_reader_problem (r, node, _("“%s” is not a key of 32 to 128 hexadecimal digits"), text);
      return FALSE;

    case CHECK_CATALOG:
      if (iap_catalog_lookup (r->catalog, f->arg, text) != NULL)
        return TRUE;
      iap_reader_problem (r, node, _("unknown %s “%s”"), iap_reader_kind_label (f->arg), text);
      return FALSE;

    case CHECK_PARTICIPANT:
      if (g_hash_table_contains (r->participants, text))
        return TRUE;
      iap_reader_problem (r, node, _("refers to participant “%s”, who is not in the workshop"), text);
      return FALSE;

    case CHECK_RISK:
      if (g_hash_table_contains (r->risks, text))
        return TRUE;
      iap_reader_problem (r, node, _("refers to risk “%s”, which is not in the workshop"), text);
      return FALSE;

    default:
      return TRUE;
    }
}

gboolean
iap_reader_parse_number (const char *text,
                         guint      *number)
{
  guint64 value;

  if (text[0] == '\0' || strlen (text) > 9)
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;

  value = g_ascii_strtoull (text, NULL, 10);
  *number = (guint)value;

  return TRUE;
}

static gboolean
check_number (Reader      *r,
              xmlNode     *node,
              const Field *f,
              GParamSpec  *pspec,
              const char  *text,
              guint       *number)
{
  GParamSpecUInt *range = G_PARAM_SPEC_UINT (pspec);
  const char *what = f->attribute != NULL ? f->attribute : f->element;
  guint min = range->minimum, max = range->maximum;
  IapBand band;

  if (f->check == CHECK_BAND)
    {
      if (iap_band_from_id (text, &band))
        {
          *number = band;
          return TRUE;
        }
      iap_reader_problem (r, node, _("“%s” is not a risk band (expected low, medium, high or critical)"), text);
      return FALSE;
    }

  if (f->check == CHECK_LIKELIHOOD || f->check == CHECK_IMPACT)
    {
      min = 1;
      max = f->check == CHECK_LIKELIHOOD ? iap_scales_get_n_likelihood (r->scales)
                                         : iap_scales_get_n_impact (r->scales);
    }

  if (!iap_reader_parse_number (text, number) || *number < min || *number > max)
    {
      iap_reader_problem (r, node, _("%s “%s” is out of range (expected a whole number from %u to %u)"),
               what, text, min, max);
      return FALSE;
    }

  return TRUE;
}

/* Checks @text as a value of @pspec's type: into @string (borrowed) or
 * @number. */
static gboolean
parse_attribute_value (Reader      *r,
                       xmlNode     *node,
                       const Field *f,
                       GParamSpec  *pspec,
                       const char  *text,
                       const char **string,
                       guint       *number)
{
  if (pspec->value_type == G_TYPE_STRING)
    {
      if (!iap_reader_check_string (r, node, f, text))
        return FALSE;
      *string = text;
    }
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    {
      if (!g_str_equal (text, "true") && !g_str_equal (text, "false"))
        {
          iap_reader_problem (r, node, _("“%s” is not true or false"), text);
          return FALSE;
        }
      *number = g_str_equal (text, "true");
    }
  else if (pspec->value_type == G_TYPE_UINT)
    return check_number (r, node, f, pspec, text, number);
  else
    g_return_val_if_reached (FALSE);

  return TRUE;
}

/* Converts @text to the type of @pspec, checked. */
static gboolean
parse_value (Reader      *r,
             xmlNode     *node,
             const Field *f,
             GParamSpec  *pspec,
             const char  *text,
             GValue      *value)
{
  const char *string = NULL;
  guint number = 0;

  g_value_init (value, pspec->value_type);
  if (!parse_attribute_value (r, node, f, pspec, text, &string, &number))
    return FALSE;

  if (pspec->value_type == G_TYPE_STRING)
    g_value_set_string (value, string);
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, number != 0);
  else
    g_value_set_uint (value, number);

  return TRUE;
}

/**
 * iap_reader_read_list_field:
 *
 * Reads a list of references, one child element of @node each.
 */
void
iap_reader_read_list_field (Reader      *r,
                            xmlNode     *node,
                            GObject     *object,
                            const Field *f)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) items = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *ref = NULL;

      if (!iap_reader_is_named (child, f->element))
        continue;

      ref = iap_reader_get_attr (child, f->attribute);
      iap_reader_check_attributes (r, child, NULL, (const char * const[]) { f->attribute, NULL });
      if (ref == NULL)
        iap_reader_problem (r, child, _("<%s> lacks its “%s” attribute"), child->name, f->attribute);
      else if (g_hash_table_contains (seen, ref))
        iap_reader_problem (r, child, _("“%s” is listed twice"), ref);
      else if (iap_reader_check_string (r, child, f, ref))
        {
          g_strv_builder_add (builder, ref);
          g_hash_table_add (seen, g_steal_pointer (&ref));
        }
    }

  items = g_strv_builder_end (builder);
  g_object_set (object, f->property, items, NULL);
}

/* Checks the text of @f, found in @holder (NULL if there is none) for
 * @node: returns it, or NULL when absent, too long or empty, reported if
 * need be. */
static const char *
check_field_text (Reader      *r,
                  xmlNode     *node,
                  xmlNode     *holder,
                  const Field *f,
                  const char  *text)
{
  if (text != NULL && strlen (text) > MAX_TEXT_LENGTH)
    {
      iap_reader_problem (r, holder, _("a text in <%s> is too long (more than %d bytes)"),
               holder->name, MAX_TEXT_LENGTH);
      return NULL;
    }

  /* An empty attribute means the same as a missing one. */
  if (text != NULL && text[0] == '\0' && f->attribute != NULL)
    text = NULL;

  if (text == NULL && (f->flags & FIELD_REQUIRED))
    {
      if (f->attribute != NULL && holder != NULL)
        iap_reader_problem (r, holder, _("<%s> lacks its “%s” attribute"), holder->name, f->attribute);
      else
        iap_reader_problem (r, node, _("<%s> lacks a <%s>"), node->name, f->element);
    }

  return text;
}

/* Reads the text of @f from @node: NULL when absent, reported if needed. */
static char *
read_field_text (Reader      *r,
                 xmlNode     *node,
                 const Field *f)
{
  xmlNode *holder = f->element != NULL ? iap_reader_find_child (r, node, f->element) : node;
  g_autofree char *text = NULL;

  if (holder != NULL)
    text = f->attribute != NULL ? iap_reader_get_attr (holder, f->attribute) : iap_reader_get_text (holder);

  if (check_field_text (r, node, holder, f, text) == NULL)
    return NULL;

  return g_steal_pointer (&text);
}

static gboolean
read_field_as (Reader      *r,
               xmlNode     *node,
               const Field *f,
               GParamSpec  *pspec,
               GValue      *value)
{
  g_autofree char *text = read_field_text (r, node, f);

  g_assert (pspec != NULL);

  if (text == NULL)
    return (f->flags & FIELD_REQUIRED) == 0;

  return parse_value (r, node, f, pspec, text, value);
}

gboolean
iap_reader_read_field (Reader       *r,
                       xmlNode      *node,
                       GObjectClass *klass,
                       const Field  *f,
                       GValue       *value)
{
  return read_field_as (r, node, f, g_object_class_find_property (klass, f->property), value);
}

/**
 * iap_reader_find_properties:
 *
 * Returns: (transfer full): the property of each field of @fields, for
 *   iap_reader_read_attributes()
 */
GParamSpec **
iap_reader_find_properties (GObjectClass *klass,
                            const Field  *fields)
{
  guint n = 0;
  GParamSpec **pspecs;

  while (fields[n].property != NULL)
    n++;

  pspecs = g_new0 (GParamSpec *, n + 1);
  for (guint i = 0; i < n; i++)
    pspecs[i] = g_object_class_find_property (klass, fields[i].property);

  return pspecs;
}

/* The value of @attr, as xmlGetNoNsProp() gives it, borrowed from the
 * tree when it can be, else kept in @owned. */
static const char *
attribute_text (xmlNode    *node,
                xmlAttr    *attr,
                GPtrArray **owned)
{
  xmlChar *value;

  if (attr == NULL)
    return NULL;
  if (attr->children == NULL)
    return "";
  if (attr->children->next == NULL && attr->children->type == XML_TEXT_NODE)
    return (const char *)attr->children->content;

  if (*owned == NULL)
    *owned = g_ptr_array_new_with_free_func (g_free);
  value = xmlNodeListGetString (node->doc, attr->children, 1);
  g_ptr_array_add (*owned, g_strdup (value != NULL ? (const char *)value : ""));
  xmlFree (value);

  return g_ptr_array_index (*owned, (*owned)->len - 1);
}

/* read_field_text() for a field in an attribute of @node itself */
static const char *
attribute_field_text (Reader      *r,
                      xmlNode     *node,
                      const Field *f,
                      xmlAttr     *attr,
                      GPtrArray  **owned)
{
  return check_field_text (r, node, node, f, attribute_text (node, attr, owned));
}

#define MAX_ATTRIBUTE_FIELDS 8

/**
 * iap_reader_read_attributes:
 * @fields: fields that all live in attributes of @node itself
 * @pspecs: the properties of @fields, from iap_reader_find_properties()
 * @strings: (out caller-allocates): for each string field, its text,
 *   borrowed from @node or @owned; %NULL if absent or wrong
 * @numbers: (out caller-allocates): for each number or boolean field,
 *   its value; 0 if absent or wrong
 * @owned: (inout): %NULL, or an array that keeps the texts that could
 *   not be borrowed, for the caller to free
 *
 * Reads an item as iap_reader_read_object() does, with the same checks
 * and the same problems in the same order, without making an object or
 * copying its texts: for lists of many small items, such as ratings.
 *
 * Returns: %FALSE if a construct-only field is missing or wrong, when
 *   iap_reader_read_object() makes no object and reports nothing more
 */
gboolean
iap_reader_read_attributes (Reader       *r,
                            xmlNode      *node,
                            const Field  *fields,
                            GParamSpec  **pspecs,
                            const char  **strings,
                            guint        *numbers,
                            GPtrArray   **owned)
{
  xmlAttr *attrs[MAX_ATTRIBUTE_FIELDS] = { NULL };
  gboolean ok = TRUE;
  guint n = 0, i;

  while (fields[n].property != NULL)
    {
      g_assert (fields[n].element == NULL && fields[n].attribute != NULL);
      strings[n] = NULL;
      numbers[n] = 0;
      n++;
    }
  g_assert (n <= MAX_ATTRIBUTE_FIELDS);

  /* One pass over the attributes finds each field's, as xmlGetNoNsProp()
   * would: an attribute in a namespace is never one of ours. */
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->ns != NULL)
        continue;
      for (i = 0; i < n; i++)
        if (attrs[i] == NULL && g_str_equal ((const char *)attr->name, fields[i].attribute))
          {
            attrs[i] = attr;
            break;
          }
    }

  for (i = 0; i < n; i++)
    {
      const char *text;

      if ((fields[i].flags & FIELD_CONSTRUCT) == 0)
        continue;

      text = attribute_field_text (r, node, &fields[i], attrs[i], owned);
      ok = text != NULL && parse_attribute_value (r, node, &fields[i], pspecs[i], text,
                                                  &strings[i], &numbers[i]) && ok;
    }

  if (!ok)
    return FALSE;

  for (i = 0; i < n; i++)
    {
      const char *text;

      if (fields[i].flags & FIELD_CONSTRUCT)
        continue;

      text = attribute_field_text (r, node, &fields[i], attrs[i], owned);
      if (text != NULL)
        parse_attribute_value (r, node, &fields[i], pspecs[i], text, &strings[i], &numbers[i]);
    }

  /* iap_reader_check_attributes(): any other attribute is unexpected */
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      gboolean known = FALSE;

      if (attr->ns != NULL || r->newer_minor)
        continue;
      for (i = 0; i < n && !known; i++)
        known = attrs[i] == attr;
      if (!known)
        iap_reader_problem (r, node, _("unexpected attribute “%s” on <%s>"), attr->name, node->name);
    }

  return TRUE;
}

void
iap_reader_read_field_values (Reader      *r,
                              xmlNode     *node,
                              GObject     *object,
                              const Field *fields)
{
  for (const Field *f = fields; f->property != NULL; f++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (f->flags & FIELD_CONSTRUCT)
        continue;

      if (f->flags & FIELD_LIST)
        iap_reader_read_list_field (r, node, object, f);
      else if (iap_reader_read_field (r, node, G_OBJECT_GET_CLASS (object), f, &value) && G_IS_VALUE (&value))
        g_object_set_property (object, f->property, &value);
    }
}

void
iap_reader_read_fields (Reader      *r,
                        xmlNode     *node,
                        GObject     *object,
                        const Field *fields)
{
  iap_reader_read_field_values (r, node, object, fields);
  iap_reader_check_attributes (r, node, fields, NULL);
}

/**
 * read_object:
 *
 * Creates an object of @type from @node: construct-only fields first,
 * then the others. Returns %NULL if a construct-only field is missing or
 * wrong; other problems are reported and the object is still returned,
 * so that later references to it do not cascade into more problems.
 */
gpointer
iap_reader_read_object (Reader      *r,
                        xmlNode     *node,
                        GType        type,
                        const Field *fields)
{
  GObjectClass *klass = g_type_class_ref (type);
  const char *names[8];
  GValue values[8] = { G_VALUE_INIT };
  guint n = 0;
  gboolean ok = TRUE;
  GObject *object = NULL;

  for (const Field *f = fields; f->property != NULL; f++)
    {
      GParamSpec *pspec;
      g_autofree char *text = NULL;

      if ((f->flags & FIELD_CONSTRUCT) == 0)
        continue;

      g_assert (n < G_N_ELEMENTS (names));
      pspec = g_object_class_find_property (klass, f->property);
      text = read_field_text (r, node, f);
      names[n] = f->property;
      ok = text != NULL && parse_value (r, node, f, pspec, text, &values[n]) && ok;
      n++;
    }

  if (ok)
    {
      object = g_object_new_with_properties (type, n, names, values);
      iap_reader_read_fields (r, node, object, fields);
    }

  for (guint i = 0; i < n; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
  g_type_class_unref (klass);

  return object;
}

