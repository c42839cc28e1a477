/* iap-zip.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The zip container of OpenDocument files, written and read in memory.
 *
 * An OpenDocument package needs a few things of its container that a
 * general archiver does not let one choose: the member "mimetype" first,
 * stored, with no extra field, so that a program can read the type at a
 * fixed offset. The subset needed (stored and deflated members, no zip64,
 * no encryption) is small, and deflate itself is GIO's GZlibCompressor
 * and GZlibDecompressor, so this needs no library of its own.
 *
 * Reading is for files anyone may hand the application: every offset and
 * size is checked against the archive, and a member is never inflated
 * past the size the caller allows, whatever its header claims.
 */

#define G_LOG_DOMAIN "iap-zip"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "iap-zip.h"

#define LOCAL_SIGNATURE   0x04034b50
#define CENTRAL_SIGNATURE 0x02014b50
#define END_SIGNATURE     0x06054b50
#define LOCAL_SIZE        30
#define CENTRAL_SIZE      46
#define END_SIZE          22
#define METHOD_STORE      0
#define METHOD_DEFLATE    8
/* 1980-01-01 00:00 in MS-DOS form: the same bytes for the same content */
#define DOS_DATE          0x0021
#define DOS_TIME          0x0000
#define VERSION_NEEDED    20
#define FLAG_UTF8         (1 << 11)

struct _IapZipWriter
{
  GByteArray *data;
  GByteArray *central;
  guint n_members;
};

G_DEFINE_QUARK (iap-zip-error-quark, iap_zip_error)

static guint32 crc_table[256];

static void
init_crc_table (void)
{
  for (guint32 n = 0; n < 256; n++)
    {
      guint32 c = n;

      for (guint k = 0; k < 8; k++)
        c = c & 1 ? 0xedb88320 ^ (c >> 1) : c >> 1;
      crc_table[n] = c;
    }
}

/* The CRC-32 of ISO 3309, as zip stores it */
static guint32
zip_crc32 (const guint8 *data,
       gsize         length)
{
  static gsize initialized = 0;
  guint32 c = 0xffffffff;

  if (g_once_init_enter (&initialized))
    {
      init_crc_table ();
      g_once_init_leave (&initialized, 1);
    }
  for (gsize i = 0; i < length; i++)
    c = crc_table[(c ^ data[i]) & 0xff] ^ (c >> 8);

  return c ^ 0xffffffff;
}

static void
put16 (GByteArray *array,
       guint       value)
{
  guint8 bytes[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (array, bytes, 2);
}

static void
put32 (GByteArray *array,
       guint32     value)
{
  guint8 bytes[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, value >> 24 };

  g_byte_array_append (array, bytes, 4);
}

static guint
get16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
get32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

/* Raw deflate, as zip stores it: no zlib or gzip header */
static GByteArray *
zip_deflate (const void *data,
         gsize       length)
{
  g_autoptr(GConverter) compressor = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 6));
  GByteArray *out = g_byte_array_sized_new (length / 4 + 64);
  gsize in_pos = 0;

  for (;;)
    {
      gsize read = 0, written = 0;
      GConverterResult result;
      g_autoptr(GError) error = NULL;
      gsize old = out->len;

      g_byte_array_set_size (out, old + MAX (length / 4, 16384));
      result = g_converter_convert (compressor, (const guint8 *) data + in_pos, length - in_pos,
                                    out->data + old, out->len - old,
                                    G_CONVERTER_INPUT_AT_END, &read, &written, &error);
      /* Compressing memory into memory only ever asks for more room */
      g_assert (result != G_CONVERTER_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE));
      in_pos += read;
      g_byte_array_set_size (out, old + written);
      if (result == G_CONVERTER_FINISHED)
        return out;
    }
}

IapZipWriter *
iap_zip_writer_new (void)
{
  IapZipWriter *self = g_new0 (IapZipWriter, 1);

  self->data = g_byte_array_new ();
  self->central = g_byte_array_new ();

  return self;
}

/**
 * iap_zip_writer_add:
 * @name: the member's path in the archive, in UTF-8
 * @compress: deflate it, or store it as it is
 *
 * Adds a member after those added before. No extra field is written.
 */
void
iap_zip_writer_add (IapZipWriter *self,
                    const char   *name,
                    const void   *data,
                    gsize         length,
                    gboolean      compress)
{
  g_autoptr(GByteArray) packed = NULL;
  guint32 crc = zip_crc32 (data, length);
  gsize name_length = strlen (name);
  guint32 offset = self->data->len;
  const guint8 *body = data;
  gsize body_length = length;

  g_return_if_fail (self != NULL);
  g_return_if_fail (length < G_MAXUINT32 && self->data->len < G_MAXUINT32 - length);

  if (compress)
    {
      packed = zip_deflate (data, length);
      body = packed->data;
      body_length = packed->len;
    }

  put32 (self->data, LOCAL_SIGNATURE);
  put16 (self->data, VERSION_NEEDED);
  put16 (self->data, FLAG_UTF8);
  put16 (self->data, compress ? METHOD_DEFLATE : METHOD_STORE);
  put16 (self->data, DOS_TIME);
  put16 (self->data, DOS_DATE);
  put32 (self->data, crc);
  put32 (self->data, body_length);
  put32 (self->data, length);
  put16 (self->data, name_length);
  put16 (self->data, 0);
  g_byte_array_append (self->data, (const guint8 *) name, name_length);
  g_byte_array_append (self->data, body, body_length);

  put32 (self->central, CENTRAL_SIGNATURE);
  put16 (self->central, VERSION_NEEDED);
  put16 (self->central, VERSION_NEEDED);
  put16 (self->central, FLAG_UTF8);
  put16 (self->central, compress ? METHOD_DEFLATE : METHOD_STORE);
  put16 (self->central, DOS_TIME);
  put16 (self->central, DOS_DATE);
  put32 (self->central, crc);
  put32 (self->central, body_length);
  put32 (self->central, length);
  put16 (self->central, name_length);
  put16 (self->central, 0);     /* extra field */
  put16 (self->central, 0);     /* comment */
  put16 (self->central, 0);     /* disk */
  put16 (self->central, 0);     /* internal attributes */
  put32 (self->central, 0);     /* external attributes */
  put32 (self->central, offset);
  g_byte_array_append (self->central, (const guint8 *) name, name_length);
  self->n_members++;
}

/* Returns: (transfer full): the archive */
GBytes *
iap_zip_writer_free_to_bytes (IapZipWriter *self)
{
  GBytes *bytes;
  guint32 central_offset;
  guint32 central_size;

  g_return_val_if_fail (self != NULL, NULL);

  central_offset = self->data->len;
  central_size = self->central->len;
  g_byte_array_append (self->data, self->central->data, self->central->len);
  put32 (self->data, END_SIGNATURE);
  put16 (self->data, 0);
  put16 (self->data, 0);
  put16 (self->data, self->n_members);
  put16 (self->data, self->n_members);
  put32 (self->data, central_size);
  put32 (self->data, central_offset);
  put16 (self->data, 0);
  g_byte_array_unref (self->central);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&self->data));
  g_free (self);

  return bytes;
}

void
iap_zip_writer_free (IapZipWriter *self)
{
  if (self == NULL)
    return;

  if (self->data != NULL)
    g_byte_array_unref (self->data);
  if (self->central != NULL)
    g_byte_array_unref (self->central);
  g_free (self);
}

/* Whether @data starts as a zip archive does (an OpenDocument file, or
 * one of Office Open XML) */
gboolean
iap_zip_is_zip (const void *data,
                gsize       length)
{
  return length >= 4 && get32 (data) == LOCAL_SIGNATURE;
}

/* The end of central directory record: the last one in the file, which
 * may end with a comment of up to 64 KiB */
static const guint8 *
find_end (const guint8 *data,
          gsize         length)
{
  gsize lowest;

  if (length < END_SIZE)
    return NULL;
  lowest = length > END_SIZE + 0xffff ? length - END_SIZE - 0xffff : 0;
  for (gsize at = length - END_SIZE + 1; at-- > lowest;)
    {
      if (get32 (data + at) == END_SIGNATURE && at + END_SIZE + get16 (data + at + 20) == length)
        return data + at;
    }

  return NULL;
}

static gboolean
corrupt (GError     **error,
         const char  *name)
{
  g_set_error (error, IAP_ZIP_ERROR, IAP_ZIP_ERROR_CORRUPT,
               _("The file is damaged: its part “%s” cannot be read."), name);
  return FALSE;
}

/* Inflates exactly @size bytes, never more */
static GBytes *
zip_inflate (const guint8  *packed,
         gsize          packed_size,
         gsize          size,
         const char    *name,
         GError       **error)
{
  g_autoptr(GConverter) decompressor = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW));
  guint8 *out = g_malloc (size + 1);
  gsize in_pos = 0, out_pos = 0;

  for (;;)
    {
      gsize read = 0, written = 0;
      GConverterResult result;

      /* One byte more than announced, to see a member that is larger */
      result = g_converter_convert (decompressor, packed + in_pos, packed_size - in_pos,
                                    out + out_pos, size + 1 - out_pos,
                                    G_CONVERTER_INPUT_AT_END, &read, &written, NULL);
      in_pos += read;
      out_pos += written;
      if (result == G_CONVERTER_FINISHED && out_pos == size)
        return g_bytes_new_take (out, size);
      if (result == G_CONVERTER_ERROR || out_pos > size || (read == 0 && written == 0))
        {
          g_free (out);
          corrupt (error, name);
          return NULL;
        }
    }
}

static GBytes *
read_member (const guint8  *data,
             gsize          length,
             const guint8  *central,
             const char    *name,
             gsize          max_size,
             GError       **error)
{
  guint method = get16 (central + 10);
  guint32 crc = get32 (central + 16);
  guint32 packed_size = get32 (central + 20);
  guint32 size = get32 (central + 24);
  guint32 offset = get32 (central + 42);
  const guint8 *local;
  const guint8 *body;
  g_autoptr(GBytes) bytes = NULL;

  if (get16 (central + 8) & 1)
    {
      g_set_error (error, IAP_ZIP_ERROR, IAP_ZIP_ERROR_UNSUPPORTED,
                   _("The file is encrypted: save it again without a password."));
      return NULL;
    }
  if (method != METHOD_STORE && method != METHOD_DEFLATE)
    {
      g_set_error (error, IAP_ZIP_ERROR, IAP_ZIP_ERROR_UNSUPPORTED,
                   _("The file is compressed in a way this application does not read: save it again."));
      return NULL;
    }
  if (size > max_size)
    {
      g_set_error (error, IAP_ZIP_ERROR, IAP_ZIP_ERROR_TOO_LARGE,
                   _("The file’s part “%s” is larger than %u MB."),
                   name, (guint) (max_size / (1024 * 1024)));
      return NULL;
    }
  if (offset > length || length - offset < LOCAL_SIZE)
    return corrupt (error, name), NULL;
  local = data + offset;
  if (get32 (local) != LOCAL_SIGNATURE)
    return corrupt (error, name), NULL;
  body = local + LOCAL_SIZE + get16 (local + 26) + get16 (local + 28);
  if ((gsize) (body - data) > length || length - (body - data) < packed_size)
    return corrupt (error, name), NULL;
  if (method == METHOD_STORE && packed_size != size)
    return corrupt (error, name), NULL;

  bytes = method == METHOD_STORE ? g_bytes_new (body, size)
                                 : zip_inflate (body, packed_size, size, name, error);
  if (bytes == NULL)
    return NULL;
  if (zip_crc32 (g_bytes_get_data (bytes, NULL), size) != crc)
    return corrupt (error, name), NULL;

  return g_steal_pointer (&bytes);
}

/**
 * iap_zip_extract:
 * @name: the member's path in the archive
 * @max_size: refuse a member larger than this, uncompressed
 *
 * Returns: (transfer full) (nullable): the member's content, or %NULL
 *   with @error set when the archive is not one, is damaged, or has no
 *   such member
 */
GBytes *
iap_zip_extract (const void  *data,
                 gsize        length,
                 const char  *name,
                 gsize        max_size,
                 GError     **error)
{
  const guint8 *bytes = data;
  const guint8 *end;
  const guint8 *central;
  guint32 central_size, central_offset;
  guint n_members;
  gsize name_length = strlen (name);

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!iap_zip_is_zip (data, length) || (end = find_end (bytes, length)) == NULL)
    {
      g_set_error_literal (error, IAP_ZIP_ERROR, IAP_ZIP_ERROR_NOT_ZIP,
                           _("The file is not a spreadsheet this application reads, or it is damaged."));
      return NULL;
    }
  n_members = get16 (end + 10);
  central_size = get32 (end + 12);
  central_offset = get32 (end + 16);
  if (central_offset > (gsize) (end - bytes) || (gsize) (end - bytes) - central_offset < central_size)
    return corrupt (error, name), NULL;

  central = bytes + central_offset;
  for (guint i = 0; i < n_members; i++)
    {
      gsize left = central_size - (central - (bytes + central_offset));
      gsize entry_size;

      if (left < CENTRAL_SIZE || get32 (central) != CENTRAL_SIGNATURE)
        return corrupt (error, name), NULL;
      entry_size = CENTRAL_SIZE + get16 (central + 28) + get16 (central + 30) + get16 (central + 32);
      if (entry_size > left)
        return corrupt (error, name), NULL;
      if (get16 (central + 28) == name_length && memcmp (central + CENTRAL_SIZE, name, name_length) == 0)
        return read_member (bytes, length, central, name, max_size, error);
      central += entry_size;
    }

  g_set_error (error, IAP_ZIP_ERROR, IAP_ZIP_ERROR_MISSING,
               _("The file has no part “%s”: it is not an OpenDocument spreadsheet."), name);
  return NULL;
}
