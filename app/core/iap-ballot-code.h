/* iap-ballot-code.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "K7Q2-M9XD-3F8A-PQ1R": sixteen Crockford base-32 digits (80 bits) in
 * groups of four */
#define IAP_BALLOT_CODE_LENGTH 19

char     *iap_ballot_code_compute    (const char *secret,
                                      const char *workshop,
                                      const char *round,
                                      const char *participant);
char     *iap_ballot_code_normalize  (const char *text);
gboolean  iap_ballot_code_matches    (const char *code,
                                      const char *secret,
                                      const char *workshop,
                                      const char *round,
                                      const char *participant);
char     *iap_ballot_new_secret      (void);
char     *iap_ballot_new_workshop_id (void);

G_END_DECLS
