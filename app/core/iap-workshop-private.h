/* iap-workshop-private.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "iap-workshop.h"

G_BEGIN_DECLS

/*
 * For the file reader only. A workshop being loaded is not yet anyone's
 * document, so the reader fills it with g_object_set() and
 * g_list_store_append() on the objects and stores that the public getters
 * return, bypassing the history, then calls _iap_workshop_loaded(). Any
 * other change goes through the edit functions of iap-workshop.h.
 */
void _iap_workshop_loaded             (IapWorkshop *self,
                                       GFile       *file);
void _iap_workshop_set_format_version (IapWorkshop *self,
                                       const char  *version);

G_END_DECLS
