/* iap-choice-row.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "iap-workshop.h"

G_BEGIN_DECLS

#define IAP_TYPE_CHOICE_ROW (iap_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (IapChoiceRow, iap_choice_row, IAP, CHOICE_ROW, AdwComboRow)

void        iap_choice_row_set_choices     (IapChoiceRow       *self,
                                            const char * const *ids,
                                            const char * const *labels);
void        iap_choice_row_set_workshop    (IapChoiceRow       *self,
                                            IapWorkshop        *workshop);
const char *iap_choice_row_get_selected_id (IapChoiceRow       *self);

G_END_DECLS
