/* iap-xml.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-xml"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "iap-xml.h"

/*
 * Workshop files come from e-mail and shared folders, so the parser trusts
 * nothing: no network, no entity substitution, no DTD loading, no XInclude
 * (never called), libxml2's default depth and text-size limits, and any
 * document type declaration at all is refused before its entities can be
 * expanded.
 */
#define IAP_XML_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOWARNING | \
                               XML_PARSE_BIG_LINES)

typedef struct
{
  char *message;
  int line;
  gboolean forbidden;
} ParseState;

G_DEFINE_QUARK (iap-xml-error-quark, iap_xml_error)

static char *
strip_message (const char *message)
{
  char *copy = g_strdup (message != NULL ? message : "");

  g_strstrip (copy);
  if (!g_utf8_validate (copy, -1, NULL))
    {
      char *valid = g_utf8_make_valid (copy, -1);

      g_free (copy);
      copy = valid;
    }

  return copy;
}

/* libxml2's own words, for the errors that a damaged or wrong file
 * causes most often, are not for a person; others keep them, on one line. */
static char *
describe_error (xmlErrorPtr xml_error)
{
  g_autofree char *message = strip_message (xml_error->message);
  char *newline = strchr (message, '\n');

  if (newline != NULL)
    *newline = '\0';

  switch (xml_error->code)
    {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
      return g_strdup (_("the file is not UTF-8 text (is it a binary file?)"));

    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("the file is not XML"));

    case XML_ERR_DOCUMENT_END:
      return g_strdup (_("there is more after the end of the document"));

    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_GT_REQUIRED:
      return g_strdup_printf (_("the file ends too early or an element is not closed (%s)"), message);

    default:
      break;
    }

  if (strstr (message, "Excessive depth") != NULL)
    return g_strdup (_("the elements are nested too deeply"));
  if (strstr (message, "huge") != NULL || strstr (message, "too long") != NULL)
    return g_strdup (_("a text in the file is too long"));

  return g_steal_pointer (&message);
}

static void
on_structured_error (void        *user_data,
                     xmlErrorPtr  xml_error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  /* The first error is the cause; later ones are consequences. */
  if (state->message != NULL || xml_error->level < XML_ERR_ERROR)
    return;

  state->message = describe_error (xml_error);
  state->line = xml_error->line;
}

static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (state->message == NULL)
    {
      state->message = g_strdup (_("document type declarations are not allowed"));
      state->line = xmlSAX2GetLineNumber (ctxt);
      state->forbidden = TRUE;
    }

  xmlStopParser (ctxt);
}

xmlDoc *
iap_xml_read_memory (const char  *data,
                     gsize        length,
                     const char  *display_name,
                     GError     **error)
{
  ParseState state = { NULL, 0, FALSE };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > IAP_XML_MAX_SIZE)
    {
      g_set_error (error, IAP_XML_ERROR, IAP_XML_ERROR_TOO_LARGE,
                   _("%s:1: the file is larger than %u MB"),
                   display_name, (guint)(IAP_XML_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, IAP_XML_ERROR, IAP_XML_ERROR_MALFORMED,
                   _("%s:1: the file is empty"), display_name);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");

  ctxt->_private = &state;
  ctxt->sax->serror = on_structured_error;
  ctxt->sax->internalSubset = on_internal_subset;

  doc = xmlCtxtReadMemory (ctxt, data, (int)length, display_name, NULL,
                           IAP_XML_PARSE_OPTIONS);

  if (state.message != NULL || doc == NULL || !ctxt->wellFormed)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, IAP_XML_ERROR,
                   state.forbidden ? IAP_XML_ERROR_FORBIDDEN : IAP_XML_ERROR_MALFORMED,
                   "%s:%d: %s", display_name, MAX (state.line, 1),
                   state.message != NULL ? state.message : _("the file is not well-formed XML"));
    }

  g_free (state.message);
  xmlFreeParserCtxt (ctxt);

  return doc;
}

static GBytes *
load_limited (GFile         *file,
              const char    *display_name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  guint8 chunk[64 * 1024];
  gssize n_read;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, IAP_XML_ERROR, IAP_XML_ERROR_NOT_REGULAR,
                   _("%s:1: not a regular file"), display_name);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  buffer = g_byte_array_new ();

  /* The size can change between the query and the read, so the limit is
   * enforced on what is actually read. */
  while ((n_read = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                        cancellable, error)) > 0)
    {
      if (buffer->len + (gsize)n_read > IAP_XML_MAX_SIZE)
        {
          g_set_error (error, IAP_XML_ERROR, IAP_XML_ERROR_TOO_LARGE,
                       _("%s:1: the file is larger than %u MB"),
                       display_name, (guint)(IAP_XML_MAX_SIZE / (1024 * 1024)));
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint)n_read);
    }

  if (n_read < 0)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static void
explain_io_error (GError     **error,
                  const char  *display_name)
{
  const char *reason;
  char *message;

  if (error == NULL || *error == NULL || (*error)->domain != G_IO_ERROR)
    return;

  /* GIO's own messages repeat the path and are not in FILE:LINE form. */
  switch ((*error)->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      reason = _("the file does not exist");
      break;

    case G_IO_ERROR_PERMISSION_DENIED:
      reason = _("permission denied");
      break;

    case G_IO_ERROR_IS_DIRECTORY:
      reason = _("this is a folder, not a file");
      break;

    default:
      /* Still FILE:LINE, with GIO's words for the rarer failures. */
      reason = (*error)->message;
      break;
    }

  message = g_strdup_printf ("%s:1: %s", display_name, reason);
  g_free ((*error)->message);
  (*error)->message = message;
}

/**
 * iap_xml_read_file_named:
 * @display_name: (nullable): the name messages give the file; %NULL for
 *   its parse name
 */
xmlDoc *
iap_xml_read_file_named (GFile         *file,
                         const char    *display_name,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *parse_name = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);

  bytes = load_limited (file, display_name, cancellable, error);
  if (bytes == NULL)
    {
      explain_io_error (error, display_name);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);

  return iap_xml_read_memory (data, length, display_name, error);
}

xmlDoc *
iap_xml_read_file (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return iap_xml_read_file_named (file, NULL, cancellable, error);
}
