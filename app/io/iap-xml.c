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
#include <string.h>

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

/* Marks on the nodes of a streamed document, in node->_private */
#define NODE_PRUNES GINT_TO_POINTER (1)   /* frees its complete children as the next starts */
#define NODE_KEPT   GINT_TO_POINTER (2)   /* not freed by its parent's pruning */

typedef struct
{
  char *message;
  int line;
  gboolean forbidden;

  /* Streaming */
  const IapXmlStreamFuncs *funcs;
  gpointer user_data;
  guint depth;
} ParseState;

/* A file read as the parser asks for it, never all at once */
typedef struct
{
  GInputStream *stream;
  GCancellable *cancellable;
  const IapXmlStreamFuncs *funcs;
  gpointer user_data;
  guint64 size;               /* as the file said when it was opened */
  guint64 total;              /* read so far */
  gboolean too_large;
  gboolean eof;
  GError *error;
} Source;

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

/* A byte or a character that is not text: which, where, and what to do.
 * libxml2 names it in its message ("Bytes: 0xE9 0x20…", "Char 0x0…"). */
static char *
describe_encoding_error (xmlErrorPtr  xml_error,
                         const char  *message)
{
  const char *bytes = strstr (xml_error->message != NULL ? xml_error->message : "", "Bytes: 0x");
  const char *character = strstr (message, "Char 0x");
  int column = MAX (xml_error->int2, 1);

  if (bytes != NULL)
    {
      guint byte = (guint) g_ascii_strtoull (bytes + strlen ("Bytes: 0x"), NULL, 16);

      /* Translators: %d is a column of the line the message names, %02X
       * a byte such as E9 (é in Latin-1) */
      return g_strdup_printf (_("column %d: the byte 0x%02X is not UTF-8 text: the file was saved in "
                                "another encoding, such as Latin-1 or Windows-1252. Open it in a text "
                                "editor, save it with the encoding UTF-8, and open it again"),
                              column, byte & 0xff);
    }
  if (character != NULL)
    {
      guint c = (guint) g_ascii_strtoull (character + strlen ("Char 0x"), NULL, 16);

      /* Translators: %d is a column, %04X a character code such as 0000 */
      return g_strdup_printf (_("column %d: the file holds the character U+%04X, which no text holds: "
                                "it is not a workshop file (is it a binary file?)"),
                              column, c);
    }
  if (xml_error->code == XML_ERR_UNKNOWN_ENCODING)
    return g_strdup (_("the file declares an encoding this application does not read: save it as UTF-8"));

  return g_strdup (_("the file is not UTF-8 text: save it with the encoding UTF-8 (is it a binary file?)"));
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
      return describe_encoding_error (xml_error, message);

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

/* Frees the complete children of @parent, but those its stream keeps.
 * Called only as a new child starts, so the text nodes freed are never
 * the one the parser is still filling. */
static void
prune_children (xmlNode *parent)
{
  xmlNode *next;

  for (xmlNode *child = parent->children; child != NULL; child = next)
    {
      next = child->next;
      if (child->type == XML_ELEMENT_NODE && child->_private == NODE_KEPT)
        continue;

      xmlUnlinkNode (child);
      xmlFreeNode (child);
    }
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  xmlNode *parent = ctxt->node;
  xmlNode *node;

  if (parent != NULL && parent->_private == NODE_PRUNES)
    prune_children (parent);

  xmlSAX2StartElementNs (ctxt, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);
  node = ctxt->node;
  if (node == NULL || node == parent)
    return;

  state->depth++;
  /* Nodes hold line numbers up to 65535; the parser knows the rest. */
  if (ctxt->input != NULL && ctxt->input->line >= G_MAXUINT16)
    node->psvi = GSIZE_TO_POINTER ((gsize)ctxt->input->line);

  if (state->funcs->start (state->user_data, node, state->depth))
    node->_private = NODE_PRUNES;
}

static void
on_end_element (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  xmlNode *node = ctxt->node;
  gboolean keep;

  xmlSAX2EndElementNs (ctxt, localname, prefix, uri);
  if (node == NULL || state->depth == 0)
    return;

  keep = state->funcs->end (state->user_data, node, state->depth);
  state->depth--;

  if (node->_private == NODE_PRUNES)
    prune_children (node);
  node->_private = keep ? NODE_KEPT : NULL;
}

static xmlParserCtxtPtr
new_context (ParseState *state)
{
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();

  if (ctxt == NULL)
    g_error ("Out of memory");

  ctxt->_private = state;
  ctxt->sax->serror = on_structured_error;
  ctxt->sax->internalSubset = on_internal_subset;
  if (state->funcs != NULL)
    {
      ctxt->sax->startElementNs = on_start_element;
      ctxt->sax->endElementNs = on_end_element;
    }

  return ctxt;
}

/* Ends a parse: the document, or %NULL with the first problem in @error */
static xmlDoc *
finish_parse (ParseState        *state,
              xmlParserCtxtPtr   ctxt,
              xmlDoc            *doc,
              const char        *display_name,
              GError           **error)
{
  if (state->message != NULL || doc == NULL || !ctxt->wellFormed)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, IAP_XML_ERROR,
                   state->forbidden ? IAP_XML_ERROR_FORBIDDEN : IAP_XML_ERROR_MALFORMED,
                   "%s:%d: %s", display_name, MAX (state->line, 1),
                   state->message != NULL ? state->message : _("the file is not well-formed XML"));
    }

  g_free (state->message);
  xmlFreeParserCtxt (ctxt);

  return doc;
}

static gboolean
check_length (guint64      length,
              const char  *display_name,
              GError     **error)
{
  if (length > IAP_XML_MAX_SIZE)
    {
      g_set_error (error, IAP_XML_ERROR, IAP_XML_ERROR_TOO_LARGE,
                   _("%s:1: the file is larger than %u MB"),
                   display_name, (guint)(IAP_XML_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }

  if (length == 0)
    {
      g_set_error (error, IAP_XML_ERROR, IAP_XML_ERROR_MALFORMED,
                   _("%s:1: the file is empty"), display_name);
      return FALSE;
    }

  return TRUE;
}

static xmlDoc *
parse_memory (const char               *data,
              gsize                     length,
              const char               *display_name,
              const IapXmlStreamFuncs  *funcs,
              gpointer                  user_data,
              GError                  **error)
{
  ParseState state = { NULL, 0, FALSE, funcs, user_data, 0 };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  if (!check_length (length, display_name, error))
    return NULL;

  ctxt = new_context (&state);
  doc = xmlCtxtReadMemory (ctxt, data, (int)length, display_name, NULL, IAP_XML_PARSE_OPTIONS);

  return finish_parse (&state, ctxt, doc, display_name, error);
}

xmlDoc *
iap_xml_read_memory (const char  *data,
                     gsize        length,
                     const char  *display_name,
                     GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_memory (data, length, display_name, NULL, NULL, error);
}

static int
source_read (void *context,
             char *buffer,
             int   length)
{
  Source *source = context;
  gssize n_read;

  if (source->error != NULL || source->too_large)
    return -1;

  n_read = g_input_stream_read (source->stream, buffer, length, source->cancellable, &source->error);
  if (n_read < 0)
    return -1;

  source->eof = n_read == 0;
  source->total += n_read;
  if (source->total > IAP_XML_MAX_SIZE)
    {
      source->too_large = TRUE;
      return -1;
    }

  if (source->funcs != NULL && source->funcs->progress != NULL)
    source->funcs->progress (source->user_data, source->total, MAX (source->size, source->total));

  return (int)n_read;
}

/* What the parser left unread after a problem, read anyway: the file
 * itself being too large or unreadable says more than what it holds. */
static void
source_drain (Source *source)
{
  char buffer[64 * 1024];

  while (!source->eof && source_read (source, buffer, sizeof buffer) >= 0)
    ;
}

static GInputStream *
open_source (GFile         *file,
             const char    *display_name,
             guint64       *size,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;

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

  *size = g_file_info_get_size (info);
  if (*size > IAP_XML_MAX_SIZE)
    {
      check_length (*size, display_name, error);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  return g_buffered_input_stream_new_sized (G_INPUT_STREAM (stream), 64 * 1024);
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

static xmlDoc *
parse_file (GFile                    *file,
            const char               *display_name,
            const IapXmlStreamFuncs  *funcs,
            gpointer                  user_data,
            GCancellable             *cancellable,
            GError                  **error)
{
  ParseState state = { NULL, 0, FALSE, funcs, user_data, 0 };
  Source source = { NULL, cancellable, funcs, user_data, 0, 0, FALSE, FALSE, NULL };
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) parse_error = NULL;
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  gssize n_ready;

  stream = open_source (file, display_name, &source.size, cancellable, error);
  if (stream == NULL)
    {
      explain_io_error (error, display_name);
      return NULL;
    }

  /* An empty file is not an XML error. */
  n_ready = g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (stream), -1, cancellable, error);
  if (n_ready < 0)
    {
      explain_io_error (error, display_name);
      return NULL;
    }
  if (n_ready == 0 && !check_length (0, display_name, error))
    return NULL;

  source.stream = stream;
  ctxt = new_context (&state);
  doc = xmlCtxtReadIO (ctxt, source_read, NULL, &source, display_name, NULL, IAP_XML_PARSE_OPTIONS);
  doc = finish_parse (&state, ctxt, doc, display_name, &parse_error);
  if (doc == NULL)
    source_drain (&source);

  if (source.too_large)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_clear_error (&source.error);
      check_length (source.total, display_name, error);
      return NULL;
    }

  if (source.error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_propagate_error (error, g_steal_pointer (&source.error));
      explain_io_error (error, display_name);
      return NULL;
    }

  if (doc == NULL)
    g_propagate_error (error, g_steal_pointer (&parse_error));

  return doc;
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
  g_autofree char *parse_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);

  return parse_file (file, display_name, NULL, NULL, cancellable, error);
}

xmlDoc *
iap_xml_read_file (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return iap_xml_read_file_named (file, NULL, cancellable, error);
}

/**
 * iap_xml_stream_file:
 * @display_name: the name messages give the file
 * @funcs: what to do with each element as it starts and ends
 *
 * Parses @file as iap_xml_read_file() does, with the same protections
 * and the same messages, but never holds the whole document: each
 * element is built, handed to @funcs once complete, and freed once its
 * parent has moved on, if that parent asked to prune its children.
 *
 * Returns: %TRUE if the file is well-formed XML; %FALSE with @error
 *   saying “FILE:LINE: reason” otherwise
 */
gboolean
iap_xml_stream_file (GFile                    *file,
                     const char               *display_name,
                     const IapXmlStreamFuncs  *funcs,
                     gpointer                  user_data,
                     GCancellable             *cancellable,
                     GError                  **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (funcs != NULL && funcs->start != NULL && funcs->end != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = parse_file (file, display_name, funcs, user_data, cancellable, error);

  return doc != NULL;
}

/**
 * iap_xml_stream_memory:
 *
 * As iap_xml_stream_file(), on the contents of a file.
 */
gboolean
iap_xml_stream_memory (const char               *data,
                       gsize                     length,
                       const char               *display_name,
                       const IapXmlStreamFuncs  *funcs,
                       gpointer                  user_data,
                       GError                  **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (funcs != NULL && funcs->start != NULL && funcs->end != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = parse_memory (data, length, display_name, funcs, user_data, error);

  return doc != NULL;
}

/**
 * iap_xml_stream_release:
 *
 * Lets the pruning of @node's parent free @node, kept until now.
 */
void
iap_xml_stream_release (xmlNode *node)
{
  g_return_if_fail (node != NULL);

  if (node->_private == NODE_KEPT)
    node->_private = NULL;
}

/**
 * iap_xml_get_line:
 *
 * Returns: the line of @node in its file, beyond 65535 too for a
 *   streamed element
 */
long
iap_xml_get_line (xmlNode *node)
{
  g_return_val_if_fail (node != NULL, 0);

  if (node->type == XML_ELEMENT_NODE && node->line == G_MAXUINT16 && node->psvi != NULL)
    return (long)GPOINTER_TO_SIZE (node->psvi);

  return xmlGetLineNo (node);
}
