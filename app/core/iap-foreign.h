/* iap-foreign.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Elements of other namespaces found in a workshop file, kept as XML text
 * on the model object they were found under so that a load and a save
 * keep them. @slot names the element they were in when that element is
 * not an object of its own (the "setup" section of the workshop, say);
 * it is NULL for the object's own element.
 */
void                iap_foreign_append (gpointer    object,
                                        const char *slot,
                                        const char *xml);
const char * const *iap_foreign_get    (gpointer    object,
                                        const char *slot);

G_END_DECLS
