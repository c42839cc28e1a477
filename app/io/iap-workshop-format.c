/* iap-workshop-format.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-workshop-format"

#include "config.h"

#include <stdio.h>

#include "iap-band.h"
#include "iap-catalog.h"
#include "iap-workshop-format.h"

#define END { NULL, NULL, NULL, CHECK_NONE, NULL, 0 }
#define ANSWERS "yes|no|unknown"

const Field iap_format_setup[] = {
  { "id", NULL, "id", CHECK_ID, NULL, 0 },
  { "classification", NULL, "classification", CHECK_ENUM,
    "unclassified|internal|confidential|strictly-confidential", 0 },
  { "anonymize", NULL, "anonymize", CHECK_NONE, NULL, 0 },
  { "min-scorers", NULL, "min-scorers", CHECK_NUMBER, NULL, 0 },
  { "unct", NULL, "unct", CHECK_ENUM, ANSWERS, 0 },
  { "mission", NULL, "mission", CHECK_ENUM, ANSWERS, 0 },
  { "title", "title", NULL, CHECK_NONE, NULL, 0 },
  { "country", "country", NULL, CHECK_NONE, NULL, 0 },
  { "start-date", "start-date", NULL, CHECK_DATE, NULL, 0 },
  { "end-date", "end-date", NULL, CHECK_DATE, NULL, 0 },
  { "facilitator", "facilitator", NULL, CHECK_NONE, NULL, 0 },
  { "review-date", "review-date", NULL, CHECK_DATE, NULL, 0 },
  { "notes", "notes", NULL, CHECK_NONE, NULL, 0 },
  END
};

const Field iap_format_context[] = {
  { "mission-type", NULL, "mission-type", CHECK_CATALOG, IAP_CATALOG_MISSION_TYPE, 0 },
  { "phase", NULL, "phase", CHECK_CATALOG, IAP_CATALOG_PHASE, 0 },
  { "current-option", NULL, "current-option", CHECK_CATALOG, IAP_CATALOG_OPTION, 0 },
  { "mandate", "mandate", NULL, CHECK_NONE, NULL, 0 },
  END
};

/* After <mandate>, in <context>: each option under consideration, with
 * the arrangements it brings as its children (iap_format_option). */
const Field iap_format_option = { "options", "option", "ref", CHECK_CATALOG, IAP_CATALOG_OPTION, FIELD_LIST };
const Field iap_format_option_arrangement = { "arrangements", "arrangement", "ref", CHECK_CATALOG,
                                              IAP_CATALOG_ARRANGEMENT, FIELD_LIST };

/* After the indicators, in <context>. */
const Field iap_format_override[] = {
  { "environment-override", "override", "classification", CHECK_ENUM,
    "permissive|elevated|high-risk", 0 },
  { "override-justification", "override", NULL, CHECK_NONE, NULL, 0 },
  END
};

const Field iap_format_catalog_entry[] = {
  { "kind", NULL, "kind", CHECK_ENUM, "arrangement|area|factor|measure|option|integration-area",
    FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "id", NULL, "id", CHECK_ID, NULL, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "polarity", NULL, "polarity", CHECK_ENUM, "benefit|risk|cost", 0 },
  { "label", "label", NULL, CHECK_NONE, NULL, 0 },
  { "description", "description", NULL, CHECK_NONE, NULL, 0 },
  END
};

const Field iap_format_scales[] = {
  { "consensus-iqr", NULL, "consensus-iqr", CHECK_NUMBER, NULL, FIELD_REQUIRED | FIELD_ZERO },
  { "consensus-agreement", NULL, "consensus-agreement", CHECK_NUMBER, NULL, FIELD_REQUIRED },
  { "appetite", NULL, "appetite", CHECK_BAND, NULL, FIELD_REQUIRED | FIELD_ZERO },
  END
};

const Field iap_format_level[] = {
  { "default", NULL, "default", CHECK_NONE, NULL, 0 },
  { "label", "label", NULL, CHECK_NONE, NULL, 0 },
  { "definition", "definition", NULL, CHECK_NONE, NULL, 0 },
  END
};

const Field iap_format_participant[] = {
  { "id", NULL, "id", CHECK_ID, NULL, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "pillar", NULL, "pillar", CHECK_CATALOG, IAP_CATALOG_PILLAR, FIELD_REQUIRED },
  { "name", "name", NULL, CHECK_NONE, NULL, 0 },
  { "entity", "entity", NULL, CHECK_NONE, NULL, 0 },
  END
};

const Field iap_format_risk[] = {
  { "id", NULL, "id", CHECK_ID, NULL, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "arrangement", NULL, "arrangement", CHECK_CATALOG, IAP_CATALOG_ARRANGEMENT, FIELD_REQUIRED },
  { "area", NULL, "area", CHECK_CATALOG, IAP_CATALOG_AREA, FIELD_REQUIRED },
  { "source", NULL, "source", CHECK_NONE, NULL, 0 },
  { "title", "title", NULL, CHECK_NONE, NULL, 0 },
  { "description", "description", NULL, CHECK_NONE, NULL, 0 },
  { "notes", "notes", NULL, CHECK_NONE, NULL, 0 },
  { "inherent-likelihood", "inherent", "likelihood", CHECK_LIKELIHOOD, NULL, 0 },
  { "inherent-impact", "inherent", "impact", CHECK_IMPACT, NULL, 0 },
  { "residual-likelihood", "residual", "likelihood", CHECK_LIKELIHOOD, NULL, 0 },
  { "residual-impact", "residual", "impact", CHECK_IMPACT, NULL, 0 },
  { "accepted-by", "acceptance", "by", CHECK_NONE, NULL, 0 },
  { "acceptance-role", "acceptance", "role", CHECK_NONE, NULL, 0 },
  { "acceptance-date", "acceptance", "date", CHECK_DATE, NULL, 0 },
  { "acceptance-justification", "acceptance", NULL, CHECK_NONE, NULL, 0 },
  END
};

#define LEVELS "low|medium|high"

const Field iap_format_integration_area[] = {
  { "area", NULL, "ref", CHECK_CATALOG, IAP_CATALOG_INTEGRATION_AREA, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "depth", NULL, "depth", CHECK_CATALOG, IAP_CATALOG_DEPTH, 0 },
  { "impact", "impact", "level", CHECK_ENUM, LEVELS, 0 },
  { "impact-reason", "impact", NULL, CHECK_NONE, NULL, 0 },
  { "costs", "costs", "level", CHECK_ENUM, LEVELS, 0 },
  { "costs-reason", "costs", NULL, CHECK_NONE, NULL, 0 },
  { "risk-level", "risks", "level", CHECK_ENUM, LEVELS, 0 },
  { "risk-reason", "risks", NULL, CHECK_NONE, NULL, 0 },
  { "risks", "risk", "ref", CHECK_RISK, NULL, FIELD_LIST },
  END
};

const Field iap_format_requirement[] = {
  { "requirement", NULL, "ref", CHECK_CATALOG, IAP_CATALOG_REQUIREMENT, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "status", NULL, "status", CHECK_ENUM, "met|partly|not-yet|not-applicable", 0 },
  { "note", NULL, NULL, CHECK_NONE, NULL, 0 },
  END
};

const Field iap_format_indicator[] = {
  { "indicator", NULL, "ref", CHECK_CATALOG, IAP_CATALOG_INDICATOR, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "answer", NULL, "answer", CHECK_ENUM, ANSWERS, FIELD_REQUIRED },
  { "note", NULL, NULL, CHECK_NONE, NULL, 0 },
  END
};

const Field iap_format_factor_score[] = {
  { "factor", NULL, "ref", CHECK_CATALOG, IAP_CATALOG_FACTOR, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "weight", NULL, "weight", CHECK_NUMBER, NULL, 0 },
  END
};

const Field iap_format_round[] = {
  { "id", NULL, "id", CHECK_ID, NULL, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "number", NULL, "number", CHECK_NUMBER, NULL, FIELD_REQUIRED },
  { "mode", NULL, "mode", CHECK_ENUM, "private|ballot", FIELD_REQUIRED },
  { "state", NULL, "state", CHECK_ENUM, "open|revealed|closed", FIELD_REQUIRED },
  { "factors", NULL, "factors", CHECK_NONE, NULL, 0 },
  { "secret", NULL, "secret", CHECK_HEX, NULL, 0 },
  { "risks", "risk", "ref", CHECK_RISK, NULL, FIELD_LIST },
  END
};

const Field iap_format_rating[] = {
  { "participant", NULL, "participant", CHECK_PARTICIPANT, NULL, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "risk", NULL, "risk", CHECK_RISK, NULL, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "likelihood", NULL, "likelihood", CHECK_LIKELIHOOD, NULL, FIELD_REQUIRED },
  { "impact", NULL, "impact", CHECK_IMPACT, NULL, FIELD_REQUIRED },
  { "comment", NULL, "comment", CHECK_NONE, NULL, 0 },
  END
};

const Field iap_format_factor_rating[] = {
  { "participant", NULL, "participant", CHECK_PARTICIPANT, NULL, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "factor", NULL, "factor", CHECK_CATALOG, IAP_CATALOG_FACTOR, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "option", NULL, "option", CHECK_CATALOG, IAP_CATALOG_OPTION, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "value", NULL, "value", CHECK_NUMBER, NULL, FIELD_REQUIRED | FIELD_ZERO },
  END
};

const Field iap_format_mitigation[] = {
  { "id", NULL, "id", CHECK_ID, NULL, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "measure", NULL, "measure", CHECK_CATALOG, IAP_CATALOG_MEASURE, FIELD_REQUIRED },
  { "status", NULL, "status", CHECK_ENUM, "planned|in-progress|done|dropped", FIELD_REQUIRED },
  { "treatment", NULL, "treatment", CHECK_ENUM,
    "avoid|reduce-likelihood|reduce-impact|share|accept", 0 },
  { "due", NULL, "due", CHECK_DATE, NULL, 0 },
  { "source", NULL, "source", CHECK_NONE, NULL, 0 },
  { "title", "title", NULL, CHECK_NONE, NULL, 0 },
  { "owner-entity", "owner", "entity", CHECK_NONE, NULL, 0 },
  { "owner", "owner", NULL, CHECK_NONE, NULL, 0 },
  { "risks", "risk", "ref", CHECK_RISK, NULL, FIELD_LIST },
  { "factors", "factor", "ref", CHECK_CATALOG, IAP_CATALOG_FACTOR, FIELD_LIST },
  { "notes", "notes", NULL, CHECK_NONE, NULL, 0 },
  END
};

const Field iap_format_recommendation[] = {
  { "recommendation", NULL, "option", CHECK_CATALOG, IAP_CATALOG_OPTION, 0 },
  { "rationale", "rationale", NULL, CHECK_NONE, NULL, 0 },
  { "conditions", "conditions", NULL, CHECK_NONE, NULL, 0 },
  END
};

const Field iap_format_dissent[] = {
  { "id", NULL, "id", CHECK_ID, NULL, FIELD_REQUIRED | FIELD_CONSTRUCT },
  { "participant", NULL, "participant", CHECK_PARTICIPANT, NULL, FIELD_REQUIRED },
  { "attribution", NULL, "attribution", CHECK_ENUM, "name|pillar", FIELD_REQUIRED },
  { "subject", NULL, "subject", CHECK_ENUM, "risk|recommendation|general", FIELD_REQUIRED },
  { "risk", NULL, "risk", CHECK_RISK, NULL, 0 },
  { "text", NULL, NULL, CHECK_NONE, NULL, 0 },
  END
};

/**
 * iap_format_sanitize:
 *
 * XML 1.0 cannot carry most control characters, even escaped: a text
 * pasted with one would make a file no reader accepts. They become
 * U+FFFD, as invalid UTF-8 does.
 *
 * Returns: (transfer full): @text, safe to write
 */
char *
iap_format_sanitize (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  /* Most text is already safe: copied as it is. */
  if (g_utf8_validate (text, -1, NULL))
    {
      const guchar *p;

      for (p = (const guchar *)text; *p != '\0'; p++)
        if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
            (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
          break;
      if (*p == '\0')
        return g_strdup (text);
    }

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        c = 0xFFFD;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * iap_format_value_to_string:
 *
 * Returns: (transfer full): @value as the file writes it
 */
char *
iap_format_value_to_string (const Field  *field,
                            const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return iap_format_sanitize (g_value_get_string (value));
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (G_VALUE_HOLDS_UINT (value) && field->check == CHECK_BAND)
    return g_strdup (iap_band_to_id (MIN (g_value_get_uint (value), IAP_BAND_CRITICAL)));
  if (G_VALUE_HOLDS_UINT (value))
    return g_strdup_printf ("%u", g_value_get_uint (value));

  g_return_val_if_reached (NULL);
}

/* Values the writer leaves out because the reader assumes them. */
gboolean
iap_format_field_is_default (const Field  *field,
                             const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_value_get_string (value) == NULL || g_value_get_string (value)[0] == '\0';
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return !g_value_get_boolean (value);
  if (G_VALUE_HOLDS_UINT (value))
    return g_value_get_uint (value) == 0 && (field->flags & FIELD_ZERO) == 0;
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    return g_value_get_boxed (value) == NULL || ((char **)g_value_get_boxed (value))[0] == NULL;

  return FALSE;
}

gboolean
iap_format_enum_allows (const char *values,
                        const char *value)
{
  g_auto(GStrv) allowed = g_strsplit (values, "|", -1);

  return g_strv_contains ((const char * const *)allowed, value);
}

gboolean
iap_format_is_date (const char *text)
{
  guint year, month, day;
  char tail;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

/* Identifiers are XML name tokens without a colon, so that they read
 * well in attributes and survive any tool that handles XML. */
gboolean
iap_format_is_id (const char *text)
{
  if (text[0] == '\0' || strlen (text) > 64)
    return FALSE;

  if (!g_ascii_isalpha (text[0]) && text[0] != '_')
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '_' && *c != '-' && *c != '.')
      return FALSE;

  return TRUE;
}

/* A ballot secret: lower-case hexadecimal, 32 to 128 digits */
gboolean
iap_format_is_hex (const char *text)
{
  size_t n = strlen (text);

  if (n < 32 || n > 128)
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && (*c < 'a' || *c > 'f'))
      return FALSE;

  return TRUE;
}
