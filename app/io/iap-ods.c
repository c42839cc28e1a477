/* iap-ods.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * OpenDocument spreadsheets (ODF 1.2), the format LibreOffice and the
 * GNOME office applications save by default.
 *
 * Written: one sheet per table, its header row frozen and repeated on
 * every printed page, each column as wide as its content (within
 * bounds), numbers as numbers, dates as dates, band cells filled with
 * the band's colour and named, long text wrapped. A cell's text is
 * typed as text: a spreadsheet never takes it for a formula.
 *
 * Read: the first sheet's cells as text, as a person sees them, but
 * numbers and dates in their stored value rather than their display
 * (a date shown "30/06/26" is read 2026-06-30). Repeated rows and cells,
 * which LibreOffice writes for the empty rest of a sheet, are read up to
 * the last one that holds something.
 */

#define G_LOG_DOMAIN "iap-ods"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "iap-ods.h"
#include "iap-xml.h"
#include "iap-zip.h"

#define MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

#define NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE    "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO       "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_NUMBER   "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
#define NS_CONFIG   "urn:oasis:names:tc:opendocument:xmlns:config:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

/* Column widths, in characters of the default font (about 0.2 cm) */
#define MIN_WIDTH  4
#define MAX_WIDTH  48

/* A content.xml larger than this is no table of a workshop */
#define MAX_CONTENT (256 * 1024 * 1024)
/* Repeated rows or cells past what any sheet holds are refused rather
 * than expanded; LibreOffice's own limits are 1,048,576 rows and 16,384
 * columns */
#define MAX_ROWS    1048576
#define MAX_COLUMNS 16384

typedef xmlTextWriter Writer;

#define W(w, name) xmlTextWriterStartElement (w, BAD_CAST (name))
#define E(w) xmlTextWriterEndElement (w)
#define A(w, name, value) xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST (value))

static void
write_namespaces (Writer *w)
{
  A (w, "xmlns:office", NS_OFFICE);
  A (w, "xmlns:style", NS_STYLE);
  A (w, "xmlns:text", NS_TEXT);
  A (w, "xmlns:table", NS_TABLE);
  A (w, "xmlns:fo", NS_FO);
  A (w, "xmlns:number", NS_NUMBER);
  A (w, "office:version", "1.2");
}

/* Characters XML 1.0 does not allow are left out, as the workshop file's
 * writer leaves them out; a spreadsheet keeps the rest as it is */
static void
write_span (Writer     *w,
            const char *text,
            gsize       length)
{
  g_autoptr(GString) run = g_string_sized_new (length);

  for (const char *c = text; c < text + length; c++)
    {
      guchar byte = *c;

      if (byte < 0x20 && byte != '\t')
        continue;
      if (byte == '\t' || (byte == ' ' && (c == text || c[-1] == ' ' || c + 1 == text + length)))
        {
          /* Spaces after the first, at either end, and tabs are elements:
           * XML readers fold white space in text */
          if (run->len > 0)
            xmlTextWriterWriteString (w, BAD_CAST run->str);
          g_string_truncate (run, 0);
          W (w, (byte == '\t' ? "text:tab" : "text:s"));
          E (w);
          continue;
        }
      g_string_append_c (run, byte);
    }
  if (run->len > 0)
    xmlTextWriterWriteString (w, BAD_CAST run->str);
}

/* One paragraph per line */
static void
write_text (Writer     *w,
            const char *text)
{
  const char *line = text;

  for (;;)
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);

      if (length > 0 && line[length - 1] == '\r')
        length--;
      W (w, "text:p");
      write_span (w, line, length);
      E (w);
      if (end == NULL)
        break;
      line = end + 1;
    }
}

static const char *
band_style (IapBand band)
{
  static const char * const names[] = { "band-low", "band-medium", "band-high", "band-critical" };

  return names[band];
}

static void
write_cell (Writer   *w,
            IapTable *table,
            guint     row,
            guint     column)
{
  const IapTableColumn *info = iap_table_get_column (table, column);
  const char *text = iap_table_get_text (table, row, column);
  IapBand band;

  W (w, "table:table-cell");
  if (text[0] == '\0')
    {
      E (w);
      return;
    }
  if (iap_table_get_band (table, row, column, &band))
    {
      A (w, "table:style-name", band_style (band));
      A (w, "office:value-type", "string");
    }
  else if (info->type == IAP_CELL_NUMBER)
    {
      A (w, "table:style-name", "number");
      A (w, "office:value-type", "float");
      A (w, "office:value", text);
    }
  else if (info->type == IAP_CELL_DATE)
    {
      A (w, "table:style-name", "date");
      A (w, "office:value-type", "date");
      A (w, "office:date-value", text);
    }
  else
    {
      A (w, "table:style-name", "text");
      A (w, "office:value-type", "string");
    }
  write_text (w, text);
  E (w);
}

/* The width of the longest line of a column, in characters */
static guint
column_width (IapTable *table,
              guint     column)
{
  guint width = g_utf8_strlen (iap_table_get_column (table, column)->header, -1);

  for (guint row = 0; row < iap_table_get_n_rows (table) && width < MAX_WIDTH; row++)
    {
      const char *text = iap_table_get_text (table, row, column);
      const char *line = text;

      while (line != NULL)
        {
          const char *end = strchr (line, '\n');

          width = MAX (width, end != NULL ? g_utf8_strlen (line, end - line) : g_utf8_strlen (line, -1));
          line = end != NULL ? end + 1 : NULL;
        }
    }

  return CLAMP (width, MIN_WIDTH, MAX_WIDTH) + 1;
}

static void
write_column_styles (Writer    *w,
                     IapTable  *table,
                     guint      index)
{
  for (guint i = 0; i < iap_table_get_n_columns (table); i++)
    {
      g_autofree char *name = g_strdup_printf ("co%u-%u", index, i);
      char width[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (width, sizeof width, "%.2fcm", 0.2 * column_width (table, i));
      W (w, "style:style");
      A (w, "style:name", name);
      A (w, "style:family", "table-column");
      W (w, "style:table-column-properties");
      A (w, "style:column-width", width);
      E (w);
      E (w);
    }
}

static void
write_cell_style (Writer     *w,
                  const char *name,
                  const char *data_style,
                  const char *background,
                  const char *color,
                  gboolean    bold)
{
  W (w, "style:style");
  A (w, "style:name", name);
  A (w, "style:family", "table-cell");
  if (data_style != NULL)
    A (w, "style:data-style-name", data_style);
  W (w, "style:table-cell-properties");
  A (w, "fo:wrap-option", "wrap");
  A (w, "style:vertical-align", "top");
  if (background != NULL)
    A (w, "fo:background-color", background);
  E (w);
  if (color != NULL || bold)
    {
      W (w, "style:text-properties");
      if (color != NULL)
        A (w, "fo:color", color);
      if (bold)
        A (w, "fo:font-weight", "bold");
      E (w);
    }
  E (w);
}

static void
write_date_style (Writer *w)
{
  W (w, "number:date-style");
  A (w, "style:name", "iso-date");
  W (w, "number:year");
  A (w, "number:style", "long");
  E (w);
  W (w, "number:text");
  xmlTextWriterWriteString (w, BAD_CAST "-");
  E (w);
  W (w, "number:month");
  A (w, "number:style", "long");
  E (w);
  W (w, "number:text");
  xmlTextWriterWriteString (w, BAD_CAST "-");
  E (w);
  W (w, "number:day");
  A (w, "number:style", "long");
  E (w);
  E (w);
}

static void
write_styles (Writer                  *w,
              IapTable * const        *tables,
              guint                    n_tables,
              const IapOdsBandColors  *colors)
{
  W (w, "office:automatic-styles");
  write_date_style (w);
  for (guint t = 0; t < n_tables; t++)
    write_column_styles (w, tables[t], t);
  write_cell_style (w, "header", NULL, "#dddddd", NULL, TRUE);
  write_cell_style (w, "text", NULL, NULL, NULL, FALSE);
  write_cell_style (w, "number", NULL, NULL, NULL, FALSE);
  write_cell_style (w, "date", "iso-date", NULL, NULL, FALSE);
  for (IapBand band = IAP_BAND_LOW; band < IAP_N_BANDS; band++)
    {
      g_autofree char *fill = g_strdup_printf ("#%06x", colors->fill[band] & 0xffffff);
      g_autofree char *text = g_strdup_printf ("#%06x", colors->text[band] & 0xffffff);

      write_cell_style (w, band_style (band), NULL, fill, text, TRUE);
    }
  E (w);
}

static void
write_table (Writer   *w,
             IapTable *table,
             guint     index)
{
  guint n_columns = iap_table_get_n_columns (table);

  W (w, "table:table");
  A (w, "table:name", iap_table_get_title (table));
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *name = g_strdup_printf ("co%u-%u", index, i);

      W (w, "table:table-column");
      A (w, "table:style-name", name);
      E (w);
    }

  W (w, "table:table-header-rows");
  W (w, "table:table-row");
  for (guint i = 0; i < n_columns; i++)
    {
      W (w, "table:table-cell");
      A (w, "table:style-name", "header");
      A (w, "office:value-type", "string");
      write_text (w, iap_table_get_column (table, i)->header);
      E (w);
    }
  E (w);
  E (w);

  for (guint row = 0; row < iap_table_get_n_rows (table); row++)
    {
      W (w, "table:table-row");
      for (guint i = 0; i < n_columns; i++)
        write_cell (w, table, row, i);
      E (w);
    }
  E (w);
}

static GBytes *
end_document (Writer    *w,
              xmlBuffer *buffer)
{
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);

  return g_bytes_new_take (xmlBufferDetach (buffer), xmlBufferLength (buffer));
}

static Writer *
begin_document (xmlBuffer  *buffer,
                const char *root)
{
  Writer *w = xmlNewTextWriterMemory (buffer, 0);

  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  W (w, root);

  return w;
}

static GBytes *
write_content (IapTable * const        *tables,
               guint                    n_tables,
               const IapOdsBandColors  *colors)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  Writer *w = begin_document (buffer, "office:document-content");
  GBytes *bytes;

  write_namespaces (w);
  write_styles (w, tables, n_tables, colors);
  W (w, "office:body");
  W (w, "office:spreadsheet");
  for (guint t = 0; t < n_tables; t++)
    write_table (w, tables[t], t);
  bytes = end_document (w, buffer);
  xmlBufferFree (buffer);

  return bytes;
}

static void
write_config_item (Writer     *w,
                   const char *name,
                   const char *type,
                   const char *value)
{
  W (w, "config:config-item");
  A (w, "config:name", name);
  A (w, "config:type", type);
  xmlTextWriterWriteString (w, BAD_CAST value);
  E (w);
}

/* The header row of every sheet frozen, as "View > Freeze Cells > Freeze
 * First Row" leaves it */
static GBytes *
write_settings (IapTable * const *tables,
                guint             n_tables)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  Writer *w = begin_document (buffer, "office:document-settings");
  GBytes *bytes;

  A (w, "xmlns:office", NS_OFFICE);
  A (w, "xmlns:config", NS_CONFIG);
  A (w, "office:version", "1.2");
  W (w, "office:settings");
  W (w, "config:config-item-set");
  A (w, "config:name", "ooo:view-settings");
  W (w, "config:config-item-map-indexed");
  A (w, "config:name", "Views");
  W (w, "config:config-item-map-entry");
  write_config_item (w, "ViewId", "string", "view1");
  W (w, "config:config-item-map-named");
  A (w, "config:name", "Tables");
  for (guint t = 0; t < n_tables; t++)
    {
      W (w, "config:config-item-map-entry");
      A (w, "config:name", iap_table_get_title (tables[t]));
      write_config_item (w, "HorizontalSplitMode", "short", "0");
      write_config_item (w, "VerticalSplitMode", "short", "2");
      write_config_item (w, "HorizontalSplitPosition", "int", "0");
      write_config_item (w, "VerticalSplitPosition", "int", "1");
      write_config_item (w, "ActiveSplitRange", "short", "2");
      write_config_item (w, "PositionTop", "int", "0");
      write_config_item (w, "PositionBottom", "int", "1");
      E (w);
    }
  E (w);
  write_config_item (w, "ActiveTable", "string", iap_table_get_title (tables[0]));
  bytes = end_document (w, buffer);
  xmlBufferFree (buffer);

  return bytes;
}

static GBytes *
write_simple (const char *root)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  Writer *w = begin_document (buffer, root);
  GBytes *bytes;

  write_namespaces (w);
  bytes = end_document (w, buffer);
  xmlBufferFree (buffer);

  return bytes;
}

static void
write_manifest_entry (Writer     *w,
                      const char *path,
                      const char *type)
{
  W (w, "manifest:file-entry");
  A (w, "manifest:full-path", path);
  A (w, "manifest:media-type", type);
  if (g_str_equal (path, "/"))
    A (w, "manifest:version", "1.2");
  E (w);
}

static GBytes *
write_manifest (void)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  Writer *w = begin_document (buffer, "manifest:manifest");
  GBytes *bytes;

  A (w, "xmlns:manifest", NS_MANIFEST);
  A (w, "manifest:version", "1.2");
  write_manifest_entry (w, "/", MIMETYPE);
  write_manifest_entry (w, "content.xml", "text/xml");
  write_manifest_entry (w, "styles.xml", "text/xml");
  write_manifest_entry (w, "settings.xml", "text/xml");
  bytes = end_document (w, buffer);
  xmlBufferFree (buffer);

  return bytes;
}

static void
add_member (IapZipWriter *zip,
            const char   *name,
            GBytes       *bytes)
{
  gsize length;
  const void *data = g_bytes_get_data (bytes, &length);

  iap_zip_writer_add (zip, name, data, length, TRUE);
  g_bytes_unref (bytes);
}

/**
 * iap_ods_write:
 * @tables: (array length=n_tables): the tables, one sheet each
 * @colors: the fill and text colours of band cells
 *
 * Returns: (transfer full): the OpenDocument spreadsheet
 */
GBytes *
iap_ods_write (IapTable * const        *tables,
               guint                    n_tables,
               const IapOdsBandColors  *colors)
{
  g_autoptr(IapZipWriter) zip = iap_zip_writer_new ();

  g_return_val_if_fail (tables != NULL && n_tables > 0, NULL);
  g_return_val_if_fail (colors != NULL, NULL);

  /* First and stored, so that the type can be read at a fixed offset */
  iap_zip_writer_add (zip, "mimetype", MIMETYPE, strlen (MIMETYPE), FALSE);
  add_member (zip, "content.xml", write_content (tables, n_tables, colors));
  add_member (zip, "styles.xml", write_simple ("office:document-styles"));
  add_member (zip, "settings.xml", write_settings (tables, n_tables));
  add_member (zip, "META-INF/manifest.xml", write_manifest ());

  return iap_zip_writer_free_to_bytes (g_steal_pointer (&zip));
}

/* Reading */

typedef struct
{
  xmlTextReader *reader;
  IapSheet *sheet;
  guint row_number;             /* of the next row, from 1 */
  GError **error;
} Reader;

static gboolean
is_element (xmlTextReader *reader,
            const char    *ns,
            const char    *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), name) == 0 &&
         g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (reader), ns) == 0;
}

/* A repetition count: 1 when absent or nonsense */
static guint64
get_repeat (xmlTextReader *reader,
            const char    *name)
{
  g_autofree char *text = (char *) xmlTextReaderGetAttributeNs (reader, BAD_CAST name, BAD_CAST NS_TABLE);
  guint64 value = 1;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT32, &value, NULL))
    return 1;

  return value;
}

static char *
get_office (xmlTextReader *reader,
            const char    *name)
{
  return (char *) xmlTextReaderGetAttributeNs (reader, BAD_CAST name, BAD_CAST NS_OFFICE);
}

static gboolean
read_failed (Reader *r)
{
  g_set_error_literal (r->error, IAP_XML_ERROR, IAP_XML_ERROR_MALFORMED,
                       _("The spreadsheet is damaged: its content is not well-formed XML."));
  return FALSE;
}

static gboolean
step (Reader *r)
{
  int result = xmlTextReaderRead (r->reader);

  if (result == 1 && xmlTextReaderNodeType (r->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error_literal (r->error, IAP_XML_ERROR, IAP_XML_ERROR_FORBIDDEN,
                           _("The spreadsheet declares a document type, which OpenDocument never does: it is refused."));
      return FALSE;
    }
  if (result != 1)
    return read_failed (r);

  return TRUE;
}

/* The text of a cell as a spreadsheet shows it: one line per paragraph,
 * runs of spaces and tabs as they were, annotations left out */
static gboolean
read_cell_text (Reader  *r,
                GString *text)
{
  int depth = xmlTextReaderDepth (r->reader);
  gboolean first_paragraph = TRUE;

  if (xmlTextReaderIsEmptyElement (r->reader))
    return TRUE;
  for (;;)
    {
      xmlTextReader *reader = r->reader;
      int type;

      if (!step (r))
        return FALSE;
      type = xmlTextReaderNodeType (reader);
      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
        return TRUE;
      if (is_element (reader, NS_OFFICE, "annotation"))
        {
          if (xmlTextReaderNext (reader) != 1)
            return read_failed (r);
          /* Next lands on the node after the annotation: look at it */
          if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
            return TRUE;
          type = xmlTextReaderNodeType (reader);
        }
      if (is_element (reader, NS_TEXT, "p") || is_element (reader, NS_TEXT, "h"))
        {
          if (!first_paragraph)
            g_string_append_c (text, '\n');
          first_paragraph = FALSE;
        }
      else if (is_element (reader, NS_TEXT, "s"))
        {
          g_autofree char *count = (char *) xmlTextReaderGetAttributeNs (reader, BAD_CAST "c", BAD_CAST NS_TEXT);
          guint64 n = 1;

          if (count != NULL && !g_ascii_string_to_unsigned (count, 10, 1, 1024, &n, NULL))
            n = 1;
          for (guint64 i = 0; i < n; i++)
            g_string_append_c (text, ' ');
        }
      else if (is_element (reader, NS_TEXT, "tab"))
        g_string_append_c (text, '\t');
      else if (is_element (reader, NS_TEXT, "line-break"))
        g_string_append_c (text, '\n');
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
               type == XML_READER_TYPE_CDATA)
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
}

/* A number or a date by its value, not by how it is shown */
static char *
dup_cell_value (xmlTextReader *reader)
{
  g_autofree char *type = get_office (reader, "value-type");

  if (g_strcmp0 (type, "float") == 0 || g_strcmp0 (type, "percentage") == 0 ||
      g_strcmp0 (type, "currency") == 0)
    return get_office (reader, "value");
  if (g_strcmp0 (type, "date") == 0)
    {
      char *date = get_office (reader, "date-value");

      /* A date without its time of day, when it is midnight */
      if (date != NULL && strlen (date) == 19 && g_str_has_suffix (date, "T00:00:00"))
        date[10] = '\0';
      return date;
    }
  if (g_strcmp0 (type, "boolean") == 0)
    return get_office (reader, "boolean-value");

  return NULL;
}

static void
add_cells (GPtrArray  *cells,
           guint      *pending_empty,
           const char *text,
           guint64     repeat)
{
  if (text[0] == '\0')
    {
      *pending_empty = MIN ((guint64) *pending_empty + repeat, MAX_COLUMNS);
      return;
    }
  for (; *pending_empty > 0 && cells->len < MAX_COLUMNS; (*pending_empty)--)
    g_ptr_array_add (cells, g_strdup (""));
  *pending_empty = 0;
  for (guint64 i = 0; i < repeat && cells->len < MAX_COLUMNS; i++)
    g_ptr_array_add (cells, g_strdup (text));
}

static gboolean
read_row (Reader    *r,
          GPtrArray *cells)
{
  int depth = xmlTextReaderDepth (r->reader);
  guint pending_empty = 0;

  if (xmlTextReaderIsEmptyElement (r->reader))
    return TRUE;
  for (;;)
    {
      xmlTextReader *reader = r->reader;

      if (!step (r))
        return FALSE;
      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
        return TRUE;
      if (is_element (reader, NS_TABLE, "table-cell") || is_element (reader, NS_TABLE, "covered-table-cell"))
        {
          guint64 repeat = get_repeat (reader, "number-columns-repeated");
          g_autofree char *value = dup_cell_value (reader);
          g_autoptr(GString) text = g_string_new (NULL);

          if (!read_cell_text (r, text))
            return FALSE;
          add_cells (cells, &pending_empty, value != NULL ? value : text->str, repeat);
        }
    }
}

static gboolean
read_table (Reader *r)
{
  int depth = xmlTextReaderDepth (r->reader);

  if (xmlTextReaderIsEmptyElement (r->reader))
    return TRUE;
  for (;;)
    {
      xmlTextReader *reader = r->reader;

      if (!step (r))
        return FALSE;
      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
        return TRUE;
      if (is_element (reader, NS_TABLE, "table-row"))
        {
          guint64 repeat = get_repeat (reader, "number-rows-repeated");
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

          if (!read_row (r, cells))
            return FALSE;
          /* Empty rows only move the numbering on */
          for (guint64 i = 0; i < repeat && cells->len > 0; i++)
            {
              char **fields = g_new0 (char *, cells->len + 1);

              if (r->row_number > MAX_ROWS)
                break;
              for (guint c = 0; c < cells->len; c++)
                fields[c] = g_strdup (g_ptr_array_index (cells, c));
              iap_sheet_take_row (r->sheet, r->row_number + i, fields);
            }
          r->row_number = MIN ((guint64) r->row_number + repeat, MAX_ROWS + 1);
        }
    }
}

static gboolean
read_first_table (Reader *r)
{
  for (;;)
    {
      int result = xmlTextReaderRead (r->reader);

      if (result == 0)
        return TRUE;    /* no sheet: an empty table */
      if (result != 1)
        return read_failed (r);
      if (xmlTextReaderNodeType (r->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          g_set_error_literal (r->error, IAP_XML_ERROR, IAP_XML_ERROR_FORBIDDEN,
                               _("The spreadsheet declares a document type, which OpenDocument never does: it is refused."));
          return FALSE;
        }
      if (is_element (r->reader, NS_TABLE, "table"))
        return read_table (r);
    }
}

/**
 * iap_ods_read_sheet:
 *
 * Reads the first sheet of an OpenDocument spreadsheet.
 *
 * Returns: (transfer full) (nullable): its cells as text, or %NULL with
 *   @error set when the file is not an OpenDocument spreadsheet or is
 *   damaged
 */
IapSheet *
iap_ods_read_sheet (const void  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GBytes) content = NULL;
  g_autoptr(IapSheet) sheet = NULL;
  xmlTextReader *reader;
  gsize size;
  const char *xml;
  Reader r = { NULL, };
  gboolean ok;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  content = iap_zip_extract (data, length, "content.xml", MAX_CONTENT, error);
  if (content == NULL)
    return NULL;
  xml = g_bytes_get_data (content, &size);
  /* No network, no entities, no XInclude; large text nodes allowed, as
   * the size of the whole is bounded above */
  reader = xmlReaderForMemory (xml, size, "content.xml", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (reader == NULL)
    {
      g_set_error_literal (error, IAP_XML_ERROR, IAP_XML_ERROR_MALFORMED,
                           _("The spreadsheet is damaged: its content is not well-formed XML."));
      return NULL;
    }

  sheet = iap_sheet_new ();
  r.reader = reader;
  r.sheet = sheet;
  r.row_number = 1;
  r.error = error;
  ok = read_first_table (&r);
  xmlFreeTextReader (reader);

  return ok ? g_steal_pointer (&sheet) : NULL;
}
