/* iap-workshop.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "iap-workshop"

#include "config.h"

#include "iap-i18n.h"

#include "iap-property.h"
#include "iap-text.h"
#include "iap-workshop-private.h"
#include "iap-workshop.h"

struct _IapWorkshop
{
  GObject parent_instance;

  /* Owned */
  char *id;
  char *title;
  char *country;
  char *start_date;
  char *end_date;
  char *facilitator;
  char *classification;
  char *notes;
  char *review_date;
  gboolean anonymize;
  guint min_scorers;
  char *unct;
  char *mission;
  char *mission_type;
  char *phase;
  char *current_option;
  char *mandate;
  char **options;
  char *environment_override;
  char *override_justification;
  char *recommendation;
  char *rationale;
  char *conditions;
  IapHistory *history;
  IapCatalog *catalog;
  IapScales *scales;
  GListStore *indicators;
  GListStore *participants;
  GListStore *risks;
  GListStore *factor_scores;
  GListStore *rounds;
  GListStore *mitigations;
  GListStore *dissents;
  GListStore *integration_map;
  GListStore *requirement_statuses;
  GListStore *option_arrangements;
  GFile *file;
  char *format_version;
};

G_DEFINE_FINAL_TYPE (IapWorkshop, iap_workshop, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_COUNTRY,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_FACILITATOR,
  PROP_CLASSIFICATION,
  PROP_NOTES,
  PROP_REVIEW_DATE,
  PROP_ANONYMIZE,
  PROP_MIN_SCORERS,
  PROP_UNCT,
  PROP_MISSION,
  PROP_MISSION_TYPE,
  PROP_PHASE,
  PROP_CURRENT_OPTION,
  PROP_MANDATE,
  PROP_OPTIONS,
  PROP_ENVIRONMENT_OVERRIDE,
  PROP_OVERRIDE_JUSTIFICATION,
  PROP_RECOMMENDATION,
  PROP_RATIONALE,
  PROP_CONDITIONS,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iap_workshop_finalize (GObject *object)
{
  IapWorkshop *self = (IapWorkshop *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->facilitator, g_free);
  g_clear_pointer (&self->classification, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->review_date, g_free);
  g_clear_pointer (&self->unct, g_free);
  g_clear_pointer (&self->mission, g_free);
  g_clear_pointer (&self->mission_type, g_free);
  g_clear_pointer (&self->phase, g_free);
  g_clear_pointer (&self->current_option, g_free);
  g_clear_pointer (&self->mandate, g_free);
  g_clear_pointer (&self->options, g_strfreev);
  g_clear_pointer (&self->environment_override, g_free);
  g_clear_pointer (&self->override_justification, g_free);
  g_clear_pointer (&self->recommendation, g_free);
  g_clear_pointer (&self->rationale, g_free);
  g_clear_pointer (&self->conditions, g_free);
  g_clear_object (&self->history);
  g_clear_object (&self->catalog);
  g_clear_object (&self->scales);
  g_clear_object (&self->indicators);
  g_clear_object (&self->participants);
  g_clear_object (&self->risks);
  g_clear_object (&self->factor_scores);
  g_clear_object (&self->rounds);
  g_clear_object (&self->mitigations);
  g_clear_object (&self->dissents);
  g_clear_object (&self->integration_map);
  g_clear_object (&self->requirement_statuses);
  g_clear_object (&self->option_arrangements);
  g_clear_object (&self->file);
  g_clear_pointer (&self->format_version, g_free);

  G_OBJECT_CLASS (iap_workshop_parent_class)->finalize (object);
}

static void
iap_workshop_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IapWorkshop *self = IAP_WORKSHOP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_FACILITATOR:
      g_value_set_string (value, self->facilitator);
      break;

    case PROP_CLASSIFICATION:
      g_value_set_string (value, self->classification);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_REVIEW_DATE:
      g_value_set_string (value, self->review_date);
      break;

    case PROP_ANONYMIZE:
      g_value_set_boolean (value, self->anonymize);
      break;

    case PROP_MIN_SCORERS:
      g_value_set_uint (value, self->min_scorers);
      break;

    case PROP_UNCT:
      g_value_set_string (value, self->unct);
      break;

    case PROP_MISSION:
      g_value_set_string (value, self->mission);
      break;

    case PROP_MISSION_TYPE:
      g_value_set_string (value, self->mission_type);
      break;

    case PROP_PHASE:
      g_value_set_string (value, self->phase);
      break;

    case PROP_CURRENT_OPTION:
      g_value_set_string (value, self->current_option);
      break;

    case PROP_MANDATE:
      g_value_set_string (value, self->mandate);
      break;

    case PROP_OPTIONS:
      g_value_set_boxed (value, self->options);
      break;

    case PROP_ENVIRONMENT_OVERRIDE:
      g_value_set_string (value, self->environment_override);
      break;

    case PROP_OVERRIDE_JUSTIFICATION:
      g_value_set_string (value, self->override_justification);
      break;

    case PROP_RECOMMENDATION:
      g_value_set_string (value, self->recommendation);
      break;

    case PROP_RATIONALE:
      g_value_set_string (value, self->rationale);
      break;

    case PROP_CONDITIONS:
      g_value_set_string (value, self->conditions);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_workshop_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IapWorkshop *self = IAP_WORKSHOP (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_ID:
      changed = iap_set_string (&self->id, g_value_get_string (value));
      break;

    case PROP_TITLE:
      changed = iap_set_string (&self->title, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      changed = iap_set_string (&self->country, g_value_get_string (value));
      break;

    case PROP_START_DATE:
      changed = iap_set_string (&self->start_date, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      changed = iap_set_string (&self->end_date, g_value_get_string (value));
      break;

    case PROP_FACILITATOR:
      changed = iap_set_string (&self->facilitator, g_value_get_string (value));
      break;

    case PROP_CLASSIFICATION:
      changed = iap_set_string (&self->classification, g_value_get_string (value));
      break;

    case PROP_NOTES:
      changed = iap_set_string (&self->notes, g_value_get_string (value));
      break;

    case PROP_REVIEW_DATE:
      changed = iap_set_string (&self->review_date, g_value_get_string (value));
      break;

    case PROP_ANONYMIZE:
      changed = iap_set_boolean (&self->anonymize, g_value_get_boolean (value));
      break;

    case PROP_MIN_SCORERS:
      changed = iap_set_uint (&self->min_scorers, g_value_get_uint (value));
      break;

    case PROP_UNCT:
      changed = iap_set_string (&self->unct, g_value_get_string (value));
      break;

    case PROP_MISSION:
      changed = iap_set_string (&self->mission, g_value_get_string (value));
      break;

    case PROP_MISSION_TYPE:
      changed = iap_set_string (&self->mission_type, g_value_get_string (value));
      break;

    case PROP_PHASE:
      changed = iap_set_string (&self->phase, g_value_get_string (value));
      break;

    case PROP_CURRENT_OPTION:
      changed = iap_set_string (&self->current_option, g_value_get_string (value));
      break;

    case PROP_MANDATE:
      changed = iap_set_string (&self->mandate, g_value_get_string (value));
      break;

    case PROP_OPTIONS:
      changed = iap_set_strv (&self->options, g_value_get_boxed (value));
      break;

    case PROP_ENVIRONMENT_OVERRIDE:
      changed = iap_set_string (&self->environment_override, g_value_get_string (value));
      break;

    case PROP_OVERRIDE_JUSTIFICATION:
      changed = iap_set_string (&self->override_justification, g_value_get_string (value));
      break;

    case PROP_RECOMMENDATION:
      changed = iap_set_string (&self->recommendation, g_value_get_string (value));
      break;

    case PROP_RATIONALE:
      changed = iap_set_string (&self->rationale, g_value_get_string (value));
      break;

    case PROP_CONDITIONS:
      changed = iap_set_string (&self->conditions, g_value_get_string (value));
      break;

    case PROP_FILE:
      changed = g_set_object (&self->file, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
iap_workshop_class_init (IapWorkshopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_workshop_finalize;
  object_class->get_property = iap_workshop_get_property;
  object_class->set_property = iap_workshop_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id",
                         NC_ ("property", "Workshop identifier"),
                         "Identifies the workshop to its ballots; empty until the first ballots",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title",
                         NC_ ("property", "Title"),
                         "Title of the workshop, printed on every page",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country",
                         NC_ ("property", "Country"),
                         "Country or operation the workshop is about",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date",
                         NC_ ("property", "Start date"),
                         "First day of the workshop, YYYY-MM-DD",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date",
                         NC_ ("property", "End date"),
                         "Last day of the workshop, YYYY-MM-DD",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FACILITATOR] =
    g_param_spec_string ("facilitator",
                         NC_ ("property", "Facilitator"),
                         "Who facilitates the workshop",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CLASSIFICATION] =
    g_param_spec_string ("classification",
                         NC_ ("property", "Classification"),
                         "unclassified, internal, confidential or strictly-confidential",
                         "internal",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes",
                         NC_ ("property", "Set-up notes"),
                         "Notes on the set-up",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REVIEW_DATE] =
    g_param_spec_string ("review-date",
                         NC_ ("property", "Review date"),
                         "When the analysis should be reviewed, YYYY-MM-DD",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ANONYMIZE] =
    g_param_spec_boolean ("anonymize",
                          NC_ ("property", "Anonymous reports"),
                          "Whether reports show pillars instead of the names of participants",
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The privacy floor: a statistic of fewer scores than this is withheld
   * from every output, since it would come close to a person's own score
   * (one scorer's median is their score). */
  properties[PROP_MIN_SCORERS] =
    g_param_spec_uint ("min-scorers",
                       NC_ ("property", "Fewest scorers shown"),
                       "The fewest scorers a group statistic is shown for",
                       IAP_MIN_SCORERS_LOWEST, 100, IAP_MIN_SCORERS_DEFAULT,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_UNCT] =
    g_param_spec_string ("unct",
                         NC_ ("property", "UN Country Team present"),
                         "Whether a UN Country Team is present: yes, no or unknown",
                         "unknown",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_MISSION] =
    g_param_spec_string ("mission",
                         NC_ ("property", "Mission present"),
                         "Whether a multidimensional PKO or SPM is present: yes, no or unknown",
                         "unknown",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_MISSION_TYPE] =
    g_param_spec_string ("mission-type",
                         NC_ ("property", "Mission type"),
                         "Mission type, a mission-type catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PHASE] =
    g_param_spec_string ("phase",
                         NC_ ("property", "Phase"),
                         "Phase, a phase catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENT_OPTION] =
    g_param_spec_string ("current-option",
                         NC_ ("property", "Current configuration"),
                         "Current or proposed structural configuration, an option catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_MANDATE] =
    g_param_spec_string ("mandate",
                         NC_ ("property", "Mandate features"),
                         "Mandate features that matter for humanitarian space",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OPTIONS] =
    g_param_spec_boxed ("options",
                        NC_ ("property", "Options considered"),
                        "Structural options under consideration, option catalog ids",
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_ENVIRONMENT_OVERRIDE] =
    g_param_spec_string ("environment-override",
                         NC_ ("property", "Environment classification"),
                         "Environment classification set by the facilitator: permissive, elevated or high-risk; empty to use the computed one",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OVERRIDE_JUSTIFICATION] =
    g_param_spec_string ("override-justification",
                         NC_ ("property", "Override justification"),
                         "Why the facilitator overrides the computed classification",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_RECOMMENDATION] =
    g_param_spec_string ("recommendation",
                         NC_ ("property", "Recommendation"),
                         "Recommended structural option, an option catalog id",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_RATIONALE] =
    g_param_spec_string ("rationale",
                         NC_ ("property", "Rationale"),
                         "Why the workshop recommends that option",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CONDITIONS] =
    g_param_spec_string ("conditions",
                         NC_ ("property", "Conditions"),
                         "Conditions attached to the recommendation",
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Where the document lives: not part of it, and never undone. */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iap_workshop_init (IapWorkshop *self)
{
  self->id = g_strdup ("");
  self->title = g_strdup ("");
  self->country = g_strdup ("");
  self->start_date = g_strdup ("");
  self->end_date = g_strdup ("");
  self->facilitator = g_strdup ("");
  self->classification = g_strdup ("internal");
  self->min_scorers = IAP_MIN_SCORERS_DEFAULT;
  self->notes = g_strdup ("");
  self->review_date = g_strdup ("");
  self->unct = g_strdup ("unknown");
  self->mission = g_strdup ("unknown");
  self->mission_type = g_strdup ("");
  self->phase = g_strdup ("");
  self->current_option = g_strdup ("");
  self->mandate = g_strdup ("");
  self->options = g_new0 (char *, 1);
  self->environment_override = g_strdup ("");
  self->override_justification = g_strdup ("");
  self->recommendation = g_strdup ("");
  self->rationale = g_strdup ("");
  self->conditions = g_strdup ("");
  self->history = iap_history_new ();
  self->catalog = iap_catalog_new ();
  self->scales = iap_scales_new_default ();
  self->indicators = g_list_store_new (IAP_TYPE_INDICATOR_ANSWER);
  self->participants = g_list_store_new (IAP_TYPE_PARTICIPANT);
  self->risks = g_list_store_new (IAP_TYPE_RISK);
  self->factor_scores = g_list_store_new (IAP_TYPE_FACTOR_SCORE);
  self->rounds = g_list_store_new (IAP_TYPE_ROUND);
  self->mitigations = g_list_store_new (IAP_TYPE_MITIGATION);
  self->dissents = g_list_store_new (IAP_TYPE_DISSENT);
  self->integration_map = g_list_store_new (IAP_TYPE_INTEGRATION_AREA);
  self->requirement_statuses = g_list_store_new (IAP_TYPE_REQUIREMENT_STATUS);
  self->option_arrangements = g_list_store_new (IAP_TYPE_OPTION_ARRANGEMENTS);
}

IapWorkshop *
iap_workshop_new (void)
{
  return g_object_new (IAP_TYPE_WORKSHOP, NULL);
}

/* Returns: the workshop's identifier, empty until it first sends ballots */
const char *
iap_workshop_get_id (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->id;
}

const char *
iap_workshop_get_title (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->title;
}

const char *
iap_workshop_get_country (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->country;
}

const char *
iap_workshop_get_start_date (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->start_date;
}

const char *
iap_workshop_get_end_date (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->end_date;
}

const char *
iap_workshop_get_facilitator (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->facilitator;
}

const char *
iap_workshop_get_classification (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->classification;
}

const char *
iap_workshop_get_notes (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->notes;
}

const char *
iap_workshop_get_review_date (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->review_date;
}

gboolean
iap_workshop_get_anonymize (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), FALSE);

  return self->anonymize;
}

/**
 * iap_classification_to_label:
 * @id: (nullable): a classification id, as in <setup classification>
 *
 * Returns: the marking in words, translated: "Confidential"; a workshop
 *   not marked yet gets the marking of a new one, saying it is a default
 */
const char *
iap_classification_to_label (const char *id)
{
  if (g_strcmp0 (id, "internal") == 0)
    return C_("classification", "Internal");
  if (g_strcmp0 (id, "confidential") == 0)
    return C_("classification", "Confidential");
  if (g_strcmp0 (id, "strictly-confidential") == 0)
    return C_("classification", "Strictly confidential");
  if (g_strcmp0 (id, "unclassified") == 0)
    return C_("classification", "Unclassified");

  return C_("classification", "Internal (default)");
}

/* A month's name as a date holds it, from the application's own
 * catalogs rather than the C library's: a report in another language
 * than the interface's needs no locale installed for it, and each
 * language writes its months as the UN's documents do. */
static const char *
month_in_date (int month)
{
  switch (month)
    {
    /* Translators: a month's name as it stands in a date such as
     * "9 March 2026", in the case the language gives it there (Russian:
     * "марта"); Arabic as the UN writes it ("آذار/مارس") */
    case 1: return C_("month in a date", "January");
    case 2: return C_("month in a date", "February");
    case 3: return C_("month in a date", "March");
    case 4: return C_("month in a date", "April");
    case 5: return C_("month in a date", "May");
    case 6: return C_("month in a date", "June");
    case 7: return C_("month in a date", "July");
    case 8: return C_("month in a date", "August");
    case 9: return C_("month in a date", "September");
    case 10: return C_("month in a date", "October");
    case 11: return C_("month in a date", "November");
    default: return C_("month in a date", "December");
    }
}

/**
 * iap_date_time_dup_display:
 * @date: a date
 *
 * Returns: (transfer full): @date in the reader's language, such as
 *   "9 March 2026", "9 mars 2026" or "2026年3月9日"
 */
char *
iap_date_time_dup_display (GDateTime *date)
{
  g_autofree char *month = NULL;
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) percent = NULL;
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a date, as g_date_time_format() reads it: %-d the day,
   * %B the month's name (translated as "month in a date"), %-m its
   * number, %Y the year; for French "%-d %B %Y" gives "22 novembre 2026",
   * for Chinese "%Y年%-m月%-d日" gives "2026年11月22日" */
  parts = g_strsplit (_("%-d %B %Y"), "%B", -1);
  /* The name in the pattern, a % in it doubled */
  percent = g_strsplit (month_in_date (g_date_time_get_month (date)), "%", -1);
  month = g_strjoinv ("%%", percent);
  pattern = g_strjoinv (month, parts);

  return g_date_time_format (date, pattern);
}

/**
 * iap_date_dup_display:
 * @iso: (nullable): a date as stored, YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date in the reader's language,
 *   such as "9 March 2026"; @iso itself when it is not a date, %NULL
 *   when there is none
 */
char *
iap_date_dup_display (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *noon = NULL;

  if (iso == NULL || iso[0] == '\0')
    return NULL;
  noon = g_strconcat (iso, "T12:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (noon, NULL);
  if (date == NULL)
    return g_strdup (iso);

  return iap_date_time_dup_display (date);
}

/**
 * iap_workshop_get_min_scorers:
 *
 * Returns: the privacy floor: the fewest scorers a group statistic (a
 *   median, a spread, a verdict, a pillar's median) is shown for
 */
guint
iap_workshop_get_min_scorers (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), IAP_MIN_SCORERS_DEFAULT);

  return self->min_scorers;
}

/**
 * iap_workshop_may_show_statistic:
 * @n_scorers: how many people's scores the statistic is computed from
 *
 * Whether a group statistic of @n_scorers people may be shown where
 * anyone but the facilitator could see it: on screen, on the presenter
 * view, in the report, the JSON summary or an export. Every output asks
 * this before it shows a median, a spread, a verdict or a pillar's
 * median; below the floor it says so instead (iap_workshop_dup_withheld()).
 *
 * Returns: %TRUE when @n_scorers reaches the workshop's floor
 */
gboolean
iap_workshop_may_show_statistic (IapWorkshop *self,
                                 guint        n_scorers)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), FALSE);

  return n_scorers > 0 && n_scorers >= self->min_scorers;
}

/**
 * iap_workshop_dup_withheld:
 *
 * Returns: (transfer full): what is printed instead of a statistic below
 *   the floor, such as "fewer than 3 scorers"
 */
char *
iap_workshop_dup_withheld (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  /* Translators: printed instead of a median or a verdict computed from too few people's scores */
  return g_strdup_printf (g_dngettext (NULL, "fewer than %u scorer", "fewer than %u scorers",
                                       self->min_scorers),
                          self->min_scorers);
}

const char *
iap_workshop_get_unct (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->unct;
}

const char *
iap_workshop_get_mission (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->mission;
}

const char *
iap_workshop_get_mission_type (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->mission_type;
}

const char *
iap_workshop_get_phase (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->phase;
}

const char *
iap_workshop_get_current_option (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->current_option;
}

const char *
iap_workshop_get_mandate (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->mandate;
}

const char * const *
iap_workshop_get_options (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return (const char * const *)self->options;
}

const char *
iap_workshop_get_environment_override (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->environment_override;
}

const char *
iap_workshop_get_override_justification (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->override_justification;
}

const char *
iap_workshop_get_recommendation (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->recommendation;
}

const char *
iap_workshop_get_rationale (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->rationale;
}

const char *
iap_workshop_get_conditions (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->conditions;
}

/**
 * iap_workshop_get_history:
 *
 * Returns: (transfer none): the undo history; its "modified",
 *   "can-undo" and "can-redo" properties drive the window's actions
 */
IapHistory *
iap_workshop_get_history (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->history;
}

/**
 * iap_workshop_get_catalog:
 *
 * Returns: (transfer none): the default catalogs and the workshop's own
 *   entries
 */
IapCatalog *
iap_workshop_get_catalog (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->catalog;
}

/**
 * iap_workshop_get_scales:
 *
 * Returns: (transfer none): the likelihood and impact scales and bands
 */
IapScales *
iap_workshop_get_scales (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->scales;
}

/**
 * iap_workshop_get_indicators:
 *
 * Returns: (transfer none): the #IapIndicatorAnswer of each indicator
 *   answered
 */
GListModel *
iap_workshop_get_indicators (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return G_LIST_MODEL (self->indicators);
}

/**
 * iap_workshop_get_participants:
 *
 * Returns: (transfer none): the #IapParticipant list
 */
GListModel *
iap_workshop_get_participants (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return G_LIST_MODEL (self->participants);
}

/**
 * iap_workshop_get_risks:
 *
 * Returns: (transfer none): the #IapRisk list
 */
GListModel *
iap_workshop_get_risks (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return G_LIST_MODEL (self->risks);
}

/**
 * iap_workshop_get_factor_scores:
 *
 * Returns: (transfer none): the #IapFactorScore of each factor weighed
 *   or scored
 */
GListModel *
iap_workshop_get_factor_scores (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return G_LIST_MODEL (self->factor_scores);
}

/**
 * iap_workshop_get_rounds:
 *
 * Returns: (transfer none): the #IapRound list, in the order they ran
 */
GListModel *
iap_workshop_get_rounds (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return G_LIST_MODEL (self->rounds);
}

/**
 * iap_workshop_get_mitigations:
 *
 * Returns: (transfer none): the #IapMitigation list
 */
GListModel *
iap_workshop_get_mitigations (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return G_LIST_MODEL (self->mitigations);
}

/**
 * iap_workshop_get_dissents:
 *
 * Returns: (transfer none): the #IapDissent list
 */
GListModel *
iap_workshop_get_dissents (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return G_LIST_MODEL (self->dissents);
}

/**
 * iap_workshop_get_integration_map:
 *
 * Returns: (transfer none): the #IapIntegrationArea list: where the
 *   mission and the UN Country Team might work together, and how deeply
 */
GListModel *
iap_workshop_get_integration_map (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return G_LIST_MODEL (self->integration_map);
}

/**
 * iap_workshop_get_requirement_statuses:
 *
 * Returns: (transfer none): the #IapRequirementStatus list, one for each
 *   requirement or ISF element the facilitator has assessed
 */
GListModel *
iap_workshop_get_requirement_statuses (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return G_LIST_MODEL (self->requirement_statuses);
}

/**
 * iap_workshop_get_option_arrangements:
 *
 * Returns: (transfer none): the #IapOptionArrangements list: the
 *   arrangements of each option the workshop has agreed; an option not
 *   listed brings those of the catalog
 */
GListModel *
iap_workshop_get_option_arrangements (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return G_LIST_MODEL (self->option_arrangements);
}

/**
 * iap_workshop_get_file:
 *
 * Returns: (transfer none) (nullable): where the workshop was last
 *   loaded from or saved to
 */
GFile *
iap_workshop_get_file (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->file;
}

void
iap_workshop_set_file (IapWorkshop *self,
                       GFile       *file)
{
  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * iap_workshop_dup_display_name:
 *
 * Returns: (transfer full): the name a window title shows: the
 *   workshop's title, else its file name, else “Untitled workshop”
 */
char *
iap_workshop_dup_display_name (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  if (!iap_text_is_blank (self->title))
    return g_strdup (self->title);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      return g_filename_display_name (basename);
    }

  return g_strdup (_("Untitled workshop"));
}

gboolean
iap_workshop_get_modified (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), FALSE);

  return iap_history_get_modified (self->history);
}

gboolean
iap_workshop_undo (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), FALSE);

  return iap_history_undo (self->history);
}

gboolean
iap_workshop_redo (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), FALSE);

  return iap_history_redo (self->history);
}

G_DEFINE_QUARK (iap-workshop-error-quark, iap_workshop_error)

void
_iap_workshop_loaded (IapWorkshop *self,
                      GFile       *file)
{
  g_return_if_fail (IAP_IS_WORKSHOP (self));

  iap_history_clear (self->history);
  iap_workshop_set_file (self, file);
}

void
_iap_workshop_set_format_version (IapWorkshop *self,
                                  const char  *version)
{
  g_return_if_fail (IAP_IS_WORKSHOP (self));

  g_free (self->format_version);
  self->format_version = g_strdup (version);
}

/**
 * iap_workshop_get_format_version:
 *
 * Returns: (nullable): the file format version of the file the workshop
 *   was read from, such as "1.0"; %NULL for a new workshop
 */
const char *
iap_workshop_get_format_version (IapWorkshop *self)
{
  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);

  return self->format_version;
}
