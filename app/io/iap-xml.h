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

/*
 * What a streamed parse does with each element (iap_xml_stream_file()).
 * @start sees an element with its attributes, before its children, and
 * returns %TRUE to prune it: each of its children is then freed once the
 * next one starts, and the rest once the element ends, unless @end kept
 * it. @end sees the element complete, and returns %TRUE to keep it while
 * its parent prunes. @progress, if set, follows the reading of a file.
 */
typedef struct
{
  gboolean (*start)    (gpointer  user_data,
                        xmlNode  *node,
                        guint     depth);
  gboolean (*end)      (gpointer  user_data,
                        xmlNode  *node,
                        guint     depth);
  void     (*progress) (gpointer  user_data,
                        guint64   done,
                        guint64   total);
} IapXmlStreamFuncs;

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
gboolean iap_xml_stream_file    (GFile                    *file,
                                 const char               *display_name,
                                 const IapXmlStreamFuncs  *funcs,
                                 gpointer                  user_data,
                                 GCancellable             *cancellable,
                                 GError                  **error);
gboolean iap_xml_stream_memory  (const char               *data,
                                 gsize                     length,
                                 const char               *display_name,
                                 const IapXmlStreamFuncs  *funcs,
                                 gpointer                  user_data,
                                 GError                  **error);
void     iap_xml_stream_release (xmlNode                  *node);
long     iap_xml_get_line       (xmlNode                  *node);

G_END_DECLS
