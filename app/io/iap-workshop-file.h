/* iap-workshop-file.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

/* Workshop files, format version 1: see docs/file-format.md. */
#define IAP_WORKSHOP_NAMESPACE     "https://iapworkshop.github.io/ns/workshop/1"
#define IAP_WORKSHOP_FORMAT_MAJOR  1
#define IAP_WORKSHOP_FORMAT_MINOR  6
/* From this version on, each <option> lists the arrangements it brings:
 * one without any brings none. Before it, an option brings those of the
 * catalog. */
#define IAP_WORKSHOP_FORMAT_MINOR_ARRANGEMENTS 6
#define IAP_WORKSHOP_SUFFIX        ".iapw"
#define IAP_WORKSHOP_BACKUP_SUFFIX "~"

#define IAP_WORKSHOP_FILE_ERROR (iap_workshop_file_error_quark ())

typedef enum
{
  IAP_WORKSHOP_FILE_ERROR_INVALID,
  IAP_WORKSHOP_FILE_ERROR_NEWER_VERSION,
  IAP_WORKSHOP_FILE_ERROR_NO_SPACE,
  IAP_WORKSHOP_FILE_ERROR_PERMISSION,
  IAP_WORKSHOP_FILE_ERROR_READ_ONLY,
  IAP_WORKSHOP_FILE_ERROR_WRITE,
} IapWorkshopFileError;

GQuark       iap_workshop_file_error_quark (void);

/* How far a load has read its file, for a progress bar: the loader sets
 * it in its thread, anyone may read it meanwhile. */
typedef struct _IapLoadProgress IapLoadProgress;

IapLoadProgress *iap_load_progress_new          (void);
IapLoadProgress *iap_load_progress_ref          (IapLoadProgress *self);
void             iap_load_progress_unref        (IapLoadProgress *self);
double           iap_load_progress_get_fraction (IapLoadProgress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IapLoadProgress, iap_load_progress_unref)

IapWorkshop *iap_workshop_load             (GFile                *file,
                                            GCancellable         *cancellable,
                                            GError              **error);
IapWorkshop *iap_workshop_load_bytes       (GBytes               *bytes,
                                            const char           *display_name,
                                            GError              **error);
void         iap_workshop_load_async       (GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
void         iap_workshop_load_async_with_progress
                                           (GFile                *file,
                                            IapLoadProgress      *progress,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
IapWorkshop *iap_workshop_load_finish      (GAsyncResult         *result,
                                            GError              **error);
GPtrArray   *iap_workshop_check            (GFile                *file,
                                            const char           *display_name,
                                            GCancellable         *cancellable);
GBytes      *iap_workshop_to_bytes         (IapWorkshop          *workshop);
gboolean     iap_workshop_save             (IapWorkshop          *workshop,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GError              **error);
void         iap_workshop_save_async       (IapWorkshop          *workshop,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean     iap_workshop_save_finish      (IapWorkshop          *workshop,
                                            GAsyncResult         *result,
                                            GError              **error);
gboolean     iap_file_replace_safely       (GFile                *file,
                                            GBytes               *contents,
                                            GCancellable         *cancellable,
                                            GError              **error);

G_END_DECLS
