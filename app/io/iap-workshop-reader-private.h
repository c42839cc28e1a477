/* iap-workshop-reader-private.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "iap-workshop.h"
#include "iap-workshop-format.h"

G_BEGIN_DECLS

#define MAX_PROBLEMS 100

/* No field of a workshop is a book: a longer text is damage or abuse,
 * and would make every later save, undo and render slow. */
#define MAX_TEXT_LENGTH (1024 * 1024)

typedef struct
{
  long line;
  char *message;              /* the reason, without the file and line */
} Problem;

typedef struct
{
  IapWorkshop *workshop;
  IapCatalog *catalog;
  IapScales *scales;
  const char *name;
  GArray *sink;               /* of Problem: where problems go now */
  GHashTable *participants;   /* id -> line */
  GHashTable *risks;          /* id -> line */
  gboolean newer_minor;       /* unknown elements and attributes are from a later 1.x */
  guint minor;                /* the file's minor format version */
} Reader;

void        iap_reader_problem           (Reader             *r,
                                          xmlNode            *node,
                                          const char         *format,
                                          ...) G_GNUC_PRINTF (3, 4);
void        iap_reader_problem_at        (Reader             *r,
                                          long                line,
                                          const char         *format,
                                          ...) G_GNUC_PRINTF (3, 4);
GArray     *iap_reader_problems_new      (void);
void        iap_reader_problems_move     (GArray             *to,
                                          GArray             *from);
GPtrArray  *iap_reader_problems_format   (GArray             *problems,
                                          const char         *name);
gboolean    iap_reader_is_ours           (xmlNode            *node);
gboolean    iap_reader_is_named          (xmlNode            *node,
                                          const char         *name);
char       *iap_reader_get_attr          (xmlNode            *node,
                                          const char         *name);
char       *iap_reader_get_text          (xmlNode            *node);
void        iap_reader_check_child       (Reader             *r,
                                          xmlNode            *node,
                                          xmlNode            *child,
                                          gpointer            owner,
                                          const char         *slot,
                                          const char * const *known,
                                          GPtrArray          *foreign);
void        iap_reader_check_children    (Reader             *r,
                                          xmlNode            *node,
                                          gpointer            owner,
                                          const char         *slot,
                                          const char * const *known);
void        iap_reader_check_attributes  (Reader             *r,
                                          xmlNode            *node,
                                          const Field        *fields,
                                          const char * const *extra);
GPtrArray  *iap_reader_known_children    (const Field        *fields);
xmlNode    *iap_reader_find_child        (Reader             *r,
                                          xmlNode            *node,
                                          const char         *name);
const char *iap_reader_kind_label        (const char         *kind);
gboolean    iap_reader_check_string      (Reader             *r,
                                          xmlNode            *node,
                                          const Field        *f,
                                          const char         *text);
gboolean    iap_reader_parse_number      (const char         *text,
                                          guint              *number);
gboolean    iap_reader_read_field        (Reader             *r,
                                          xmlNode            *node,
                                          GObjectClass       *klass,
                                          const Field        *f,
                                          GValue             *value);
GParamSpec **iap_reader_find_properties  (GObjectClass       *klass,
                                          const Field        *fields);
gboolean    iap_reader_read_attributes   (Reader             *r,
                                          xmlNode            *node,
                                          const Field        *fields,
                                          GParamSpec        **pspecs,
                                          const char        **strings,
                                          guint              *numbers,
                                          GPtrArray         **owned);
void        iap_reader_read_field_values (Reader             *r,
                                          xmlNode            *node,
                                          GObject            *object,
                                          const Field        *fields);
void        iap_reader_read_fields       (Reader             *r,
                                          xmlNode            *node,
                                          GObject            *object,
                                          const Field        *fields);
void        iap_reader_read_list_field   (Reader             *r,
                                          xmlNode            *node,
                                          GObject            *object,
                                          const Field        *f);
gpointer    iap_reader_read_object       (Reader             *r,
                                          xmlNode            *node,
                                          GType               type,
                                          const Field        *fields);

G_END_DECLS
