/* iap-zip.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IAP_ZIP_ERROR (iap_zip_error_quark ())

typedef enum
{
  IAP_ZIP_ERROR_NOT_ZIP,
  IAP_ZIP_ERROR_UNSUPPORTED,
  IAP_ZIP_ERROR_CORRUPT,
  IAP_ZIP_ERROR_TOO_LARGE,
  IAP_ZIP_ERROR_MISSING,
} IapZipError;

GQuark        iap_zip_error_quark        (void);

/* Writing: members in the order added, each stored or deflated */
typedef struct _IapZipWriter IapZipWriter;

IapZipWriter *iap_zip_writer_new         (void);
void          iap_zip_writer_add         (IapZipWriter  *self,
                                          const char    *name,
                                          const void    *data,
                                          gsize          length,
                                          gboolean       compress);
GBytes       *iap_zip_writer_free_to_bytes (IapZipWriter *self);
void          iap_zip_writer_free        (IapZipWriter  *self);

/* Reading: one member of an archive in memory */
gboolean      iap_zip_is_zip             (const void    *data,
                                          gsize          length);
GBytes       *iap_zip_extract            (const void    *data,
                                          gsize          length,
                                          const char    *name,
                                          gsize          max_size,
                                          GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapZipWriter, iap_zip_writer_free)

G_END_DECLS
