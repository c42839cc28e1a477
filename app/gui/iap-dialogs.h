/* iap-dialogs.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * GTK 4.8 has neither GtkFileDialog nor GtkAlertDialog; every use of their
 * predecessors goes through here, so moving to them touches one file.
 */

typedef enum
{
  IAP_CLOSE_CANCEL,
  IAP_CLOSE_SAVE,
  IAP_CLOSE_DISCARD,
} IapCloseResponse;

/* @file is NULL when the person cancelled. Each callback runs exactly once. */
typedef void (*IapFileCallback)  (GFile            *file,
                                  gpointer          user_data);
typedef void (*IapCloseCallback) (IapCloseResponse  response,
                                  gpointer          user_data);
/* @response is one of those given to iap_dialogs_ask(), or
 * GTK_RESPONSE_CANCEL when the dialog was dismissed (Escape). Questions
 * are AdwMessageDialogs; GTK_RESPONSE_REJECT marks the button that throws
 * work away. */
typedef void (*IapAskCallback)   (int               response,
                                  gpointer          user_data);

void iap_dialogs_choose_workshop   (GtkWindow        *parent,
                                    GFile            *folder,
                                    IapFileCallback   callback,
                                    gpointer          user_data);
void iap_dialogs_choose_spreadsheet (GtkWindow       *parent,
                                    IapFileCallback   callback,
                                    gpointer          user_data);
void iap_dialogs_choose_save_file  (GtkWindow        *parent,
                                    GFile            *current,
                                    const char       *suggested_name,
                                    IapFileCallback   callback,
                                    gpointer          user_data);
void iap_dialogs_confirm_close     (GtkWindow        *parent,
                                    const char       *document_name,
                                    IapCloseCallback  callback,
                                    gpointer          user_data);
void iap_dialogs_ask               (GtkWindow        *parent,
                                    const char       *primary,
                                    const char       *secondary,
                                    IapAskCallback    callback,
                                    gpointer          user_data,
                                    const char       *first_label,
                                    ...) G_GNUC_NULL_TERMINATED;
void iap_button_fix_accessible_name (GtkWidget       *button);
void iap_dialogs_show_error_details (GtkWindow       *parent,
                                     const char      *primary,
                                     const char      *secondary,
                                     const char      *details);
void iap_dialogs_show_error        (GtkWindow        *parent,
                                    const char       *primary,
                                    const char       *secondary);

G_END_DECLS
