/* iap-workshop-format.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The mapping between model properties and the XML of a workshop file,
 * shared by the writer and the reader so that the two cannot drift
 * apart. A field lives in an attribute of the object's own element
 * (element NULL), in an attribute of a child element, or in the text of
 * a child element (attribute NULL), or in the object's own text (both
 * NULL). The writer emits child elements in table order; the RelaxNG
 * schema follows the same order.
 */
typedef enum
{
  CHECK_NONE,
  CHECK_ENUM,         /* arg: allowed values separated by "|" */
  CHECK_DATE,         /* YYYY-MM-DD */
  CHECK_ID,           /* identifier syntax; uniqueness is checked by the list */
  CHECK_CATALOG,      /* arg: catalog kind */
  CHECK_PARTICIPANT,
  CHECK_RISK,
  CHECK_LIKELIHOOD,   /* a level of the workshop's likelihood scale */
  CHECK_IMPACT,
  CHECK_BAND,         /* a guint property written as a band id */
  CHECK_NUMBER,       /* within the range of the property */
  CHECK_HEX,          /* 32 to 128 lower-case hexadecimal digits */
} FieldCheck;

typedef enum
{
  FIELD_REQUIRED  = 1 << 0,
  FIELD_CONSTRUCT = 1 << 1,   /* construct-only property, read first */
  FIELD_ZERO      = 1 << 2,   /* 0 is a value, written like any other */
  FIELD_LIST      = 1 << 3,   /* a GStrv, one child element per item, in a "ref" attribute */
} FieldFlags;

typedef struct
{
  const char *property;
  const char *element;
  const char *attribute;
  FieldCheck check;
  const char *arg;
  FieldFlags flags;
} Field;

extern const Field iap_format_setup[];
extern const Field iap_format_context[];
extern const Field iap_format_option;
extern const Field iap_format_option_arrangement;
extern const Field iap_format_override[];
extern const Field iap_format_catalog_entry[];
extern const Field iap_format_scales[];
extern const Field iap_format_level[];
extern const Field iap_format_participant[];
extern const Field iap_format_risk[];
extern const Field iap_format_indicator[];
extern const Field iap_format_integration_area[];
extern const Field iap_format_requirement[];
extern const Field iap_format_factor_score[];
extern const Field iap_format_round[];
extern const Field iap_format_rating[];
extern const Field iap_format_factor_rating[];
extern const Field iap_format_mitigation[];
extern const Field iap_format_recommendation[];
extern const Field iap_format_dissent[];

char     *iap_format_sanitize          (const char   *text);
char     *iap_format_value_to_string   (const Field  *field,
                                        const GValue *value);
gboolean  iap_format_field_is_default  (const Field  *field,
                                        const GValue *value);
gboolean  iap_format_enum_allows       (const char   *values,
                                        const char   *value);
gboolean  iap_format_is_date           (const char   *text);
gboolean  iap_format_is_id             (const char   *text);
gboolean  iap_format_is_hex            (const char   *text);

G_END_DECLS
