/* iap-xml.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define IAP_XML_ERROR (iap_xml_error_quark ())

typedef enum
{
  IAP_XML_ERROR_NOT_REGULAR,
  IAP_XML_ERROR_TOO_LARGE,
  IAP_XML_ERROR_MALFORMED,
  IAP_XML_ERROR_FORBIDDEN,
} IapXmlError;

/* Workshop and catalog files are small; anything larger is refused
 * before it is parsed. */
#define IAP_XML_MAX_SIZE (64 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

GQuark  iap_xml_error_quark     (void);
xmlDoc *iap_xml_read_memory     (const char    *data,
                                 gsize          length,
                                 const char    *display_name,
                                 GError       **error);
xmlDoc *iap_xml_read_file       (GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error);
xmlDoc *iap_xml_read_file_named (GFile         *file,
                                 const char    *display_name,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
