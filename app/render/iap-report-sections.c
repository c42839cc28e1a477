/* iap-report-sections.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the report says, section by section; iap-report.c places it. */

#define G_LOG_DOMAIN "iap-report"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-balance-chart.h"
#include "iap-consensus.h"
#include "iap-environment.h"
#include "iap-options-analysis.h"
#include "iap-report-private.h"

#define N_TOP_RISKS 5

typedef char *Markup;

static const char *
lookup_label (IapWorkshop *workshop,
              const char  *kind,
              const char  *id)
{
  IapCatalogEntry *entry;

  if (id == NULL || id[0] == '\0')
    return "";
  entry = iap_catalog_lookup (iap_workshop_get_catalog (workshop), kind, id);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : id;
}

/* Workshop dates are YYYY-MM-DD; the report prints them as the footer
 * does, in the reader's language. */
static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (iso == NULL || iso[0] == '\0')
    return g_strdup ("");
  text = g_strconcat (iso, "T12:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (text, NULL);
  if (date == NULL)
    return g_strdup (iso);

  return g_date_time_format (date, _("%-d %B %Y"));
}

/* "High (4 × 4)", or a dash when not rated. */
static char *
dup_rating (IapWorkshop   *workshop,
            IapRisk       *risk,
            IapRatingKind  kind,
            int           *band)
{
  guint likelihood, impact;
  IapBand agreed;

  *band = IAP_REPORT_NO_BAND;
  if (!iap_risk_get_rating (risk, kind, iap_workshop_get_scales (workshop), &likelihood, &impact, &agreed))
    return g_strdup (C_("rating", "Not rated"));

  *band = agreed;
  /* Translators: a band, then likelihood × impact */
  return g_markup_printf_escaped (_("<b>%s</b>\n%u × %u"), iap_band_get_label (agreed),
                                  likelihood, impact);
}

/* The first mitigation that names the risk. */
static IapMitigation *
find_main_mitigation (IapWorkshop *workshop,
                      const char  *risk)
{
  GListModel *mitigations = iap_workshop_get_mitigations (workshop);

  for (guint i = 0; i < g_list_model_get_n_items (mitigations); i++)
    {
      g_autoptr(IapMitigation) mitigation = g_list_model_get_item (mitigations, i);

      if (g_strv_contains (iap_mitigation_get_risks (mitigation), risk))
        return mitigation;
    }

  return NULL;
}

static char *
dup_owner (IapReport     *report,
           IapMitigation *mitigation)
{
  const char *owner = iap_mitigation_get_owner (mitigation);
  const char *entity = iap_mitigation_get_owner_entity (mitigation);

  if (iap_report_get_anonymize (report) || owner[0] == '\0')
    return g_markup_escape_text (entity, -1);
  if (entity[0] == '\0')
    return g_markup_escape_text (owner, -1);

  return g_markup_printf_escaped ("%s, %s", owner, entity);
}

/* The facilitator is a free text, often a name and a title: an
 * anonymised report keeps neither. */
static const char *
get_facilitator (IapReport *report)
{
  const char *facilitator = iap_workshop_get_facilitator (iap_report_get_workshop (report));

  if (facilitator[0] != '\0' && iap_report_get_anonymize (report))
    return _("Facilitator not named");

  return facilitator;
}

static void
add_meta (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  g_autofree char *start = format_date (iap_workshop_get_start_date (workshop));
  g_autofree char *end = format_date (iap_workshop_get_end_date (workshop));
  g_autofree char *dates = NULL;
  g_autofree char *markup = NULL;

  if (end[0] != '\0' && !g_str_equal (start, end))
    dates = g_strdup_printf ("%s – %s", start, end);
  else
    dates = g_strdup (start);
  {
    g_autoptr(GString) line = g_string_new (NULL);
    const char *parts[] = { iap_workshop_get_country (workshop), dates, get_facilitator (report) };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        g_autofree char *part = NULL;

        if (parts[i][0] == '\0')
          continue;
        part = g_markup_printf_escaped (i == 0 ? "<b>%s</b>" : "%s", parts[i]);
        g_string_append_printf (line, "%s%s", line->len > 0 ? "  ·  " : "", part);
      }
    if (line->len == 0)
      return;
    markup = g_string_free (g_steal_pointer (&line), FALSE);
  }
  iap_report_add_paragraph (report, markup);
}

static const char *
option_label (IapWorkshop *workshop,
              const char  *option)
{
  return lookup_label (workshop, IAP_CATALOG_OPTION, option);
}

/* The decision in one box: from the current configuration to the
 * recommended one, why, and on what conditions. */
static void
add_decision (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  const char *current = iap_workshop_get_current_option (workshop);
  const char *option = iap_workshop_get_recommendation (workshop);
  const char *rationale = iap_workshop_get_rationale (workshop);
  const char *conditions = iap_workshop_get_conditions (workshop);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *head = NULL;
  g_autofree char *why = NULL;
  g_autofree char *terms = NULL;

  if (option[0] == '\0' && current[0] == '\0')
    head = g_markup_printf_escaped (_("<b>Structural configuration:</b> neither the current configuration nor a recommendation is recorded."));
  else if (option[0] == '\0')
    /* Translators: the current structural configuration, when the group has not recommended one */
    head = g_markup_printf_escaped (_("<b>Structural configuration:</b> %s (current). No recommendation agreed yet."),
                                    option_label (workshop, current));
  else if (current[0] == '\0')
    /* Translators: the recommended structural configuration, when the current one is not recorded */
    head = g_markup_printf_escaped (_("<b>Recommended configuration: %s.</b> The current configuration is not recorded."),
                                    option_label (workshop, option));
  else if (g_str_equal (current, option))
    /* Translators: the group recommends keeping the current structural configuration */
    head = g_markup_printf_escaped (_("<b>Recommended configuration: keep %s,</b> the current configuration."),
                                    option_label (workshop, current));
  else
    /* Translators: from the current structural configuration to the recommended one */
    head = g_markup_printf_escaped (_("<b>Structural configuration:</b> %s (current)  →  <b>%s (recommended)</b>"),
                                    option_label (workshop, current), option_label (workshop, option));
  g_string_append (markup, head);

  if (rationale[0] != '\0')
    why = g_markup_printf_escaped (_("\n<b>Rationale:</b> %s"), rationale);
  else if (option[0] != '\0')
    why = g_strdup (_("\n<b>Rationale:</b> <i>none recorded.</i>"));
  if (why != NULL)
    g_string_append (markup, why);
  if (conditions[0] != '\0')
    terms = g_markup_printf_escaped (_("\n<b>Conditions:</b> %s"), conditions);
  else if (option[0] != '\0')
    terms = g_strdup (_("\n<b>Conditions:</b> <i>none recorded.</i>"));
  if (terms != NULL)
    g_string_append (markup, terms);
  iap_report_add_callout (report, markup->str, -1);
}

/* Dissent on the recommendation, in the dissenter's words and as they
 * chose to be named; dissent on risks is counted and listed later. */
static void
add_recommendation_dissent (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *dissents = iap_workshop_get_dissents (workshop);
  g_autoptr(GString) markup = g_string_new (NULL);
  guint on_risks = 0, on_recommendation = 0;

  for (guint i = 0; i < g_list_model_get_n_items (dissents); i++)
    {
      g_autoptr(IapDissent) dissent = g_list_model_get_item (dissents, i);
      g_autofree char *who = NULL;
      g_autofree char *line = NULL;

      if (g_strcmp0 (iap_dissent_get_subject (dissent), "risk") == 0)
        {
          on_risks++;
          continue;
        }
      who = iap_workshop_dup_dissenter (workshop, dissent, iap_report_get_anonymize (report));
      /* Translators: who dissents, then their words, quoted */
      line = g_markup_printf_escaped (_("%s%s: “%s”"), on_recommendation > 0 ? "\n" : "", who,
                                      iap_dissent_get_text (dissent));
      if (on_recommendation == 0)
        g_string_append_printf (markup, "<b>%s</b>\n",
                                g_strcmp0 (iap_dissent_get_subject (dissent), "recommendation") == 0
                                ? _("Dissent on the recommendation") : _("Dissent"));
      g_string_append (markup, line);
      on_recommendation++;
    }
  if (on_recommendation == 0)
    g_string_append (markup, _("<b>Dissent on the recommendation:</b> none recorded."));
  if (on_risks > 0)
    {
      g_string_append_c (markup, '\n');
      g_string_append_printf (markup, g_dngettext (NULL, "<i>%u dissent on a risk: see Group results.</i>",
                                                   "<i>%u dissents on risks: see Group results.</i>", on_risks),
                              on_risks);
    }
  iap_report_add_callout (report, markup->str, -1);
}

/* The classification, what it rests on (each indicator answered Yes with
 * its note), and that its working definition is not policy. */
static void
add_environment (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  g_autoptr(IapEnvironment) env = iap_environment_new_for_workshop (workshop);
  const char *lowered = iap_environment_get_lowered_note (env);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *head = NULL;

  /* Translators: the environment classification, then what it rests on */
  head = g_markup_printf_escaped (_("<b>Operating environment: %s.</b> %s"),
                                  iap_environment_level_to_label (env->classification),
                                  iap_environment_get_caveat (env));
  g_string_append (markup, head);
  if (env->overridden)
    {
      g_autofree char *line = NULL;

      /* Translators: the computed classification, then the facilitator's justification for replacing it */
      line = g_markup_printf_escaped (_("\nSet by the facilitator (computed: %s): %s"),
                                      iap_environment_level_to_label (env->computed), env->justification);
      g_string_append (markup, line);
    }
  for (guint i = 0; env->reasons != NULL && env->reasons[i] != NULL; i++)
    {
      IapCatalogEntry *entry = iap_catalog_lookup (catalog, IAP_CATALOG_INDICATOR, env->reasons[i]);
      IapIndicatorAnswer *answer = iap_workshop_find_indicator (workshop, env->reasons[i]);
      const char *note = answer != NULL ? iap_indicator_answer_get_note (answer) : NULL;
      g_autofree char *line = NULL;

      if (note != NULL && note[0] != '\0')
        /* Translators: an indicator answered Yes, then the evidence noted for it */
        line = g_markup_printf_escaped (_("\n• %s: %s"),
                                        entry != NULL ? iap_catalog_entry_get_label (entry) : env->reasons[i], note);
      else
        /* Translators: an indicator answered Yes, with no evidence noted */
        line = g_markup_printf_escaped (_("\n• %s: yes, no evidence noted"),
                                        entry != NULL ? iap_catalog_entry_get_label (entry) : env->reasons[i]);
      g_string_append (markup, line);
    }
  if (lowered != NULL)
    {
      g_autofree char *line = g_markup_printf_escaped ("\n%s", lowered);

      g_string_append (markup, line);
    }
  if (env->unknown != NULL && env->unknown[0] != NULL)
    {
      g_autofree char *open = iap_environment_dup_labels ((const char * const *)env->unknown, catalog);
      g_autofree char *line = g_markup_printf_escaped (_("\n<i>Open questions (answered Unknown): %s.</i>"), open);

      g_string_append (markup, line);
    }
  iap_report_add_callout (report, markup->str, env->classification == IAP_ENVIRONMENT_HIGH_RISK ? IAP_BAND_CRITICAL
                                               : env->classification == IAP_ENVIRONMENT_ELEVATED ? IAP_BAND_HIGH
                                               : IAP_BAND_LOW);
}

/* Who scored, round by round, the rule the verdicts follow and when the
 * analysis is reviewed. */
static void
add_basis (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *rounds = iap_workshop_get_rounds (workshop);
  guint n_participants = g_list_model_get_n_items (iap_workshop_get_participants (workshop));
  const char *review = iap_workshop_get_review_date (workshop);
  g_autofree char *rule = iap_consensus_dup_rule_line (workshop);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *line = NULL;

  g_string_append (markup, _("<b>Group scoring.</b> "));
  if (g_list_model_get_n_items (rounds) == 0)
    g_string_append (markup, _("No scoring round yet; the ratings were agreed directly."));
  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, i);
      gboolean open = g_strcmp0 (iap_round_get_state (round), "open") == 0;
      g_autofree char *text = NULL;

      /* Translators: “Round 1: scored by 6 of 13 participants” */
      text = g_markup_printf_escaped (g_dngettext (NULL, "Round %u%s: scored by %u of %u participant.",
                                                   "Round %u%s: scored by %u of %u participants.",
                                                   n_participants),
                                      iap_round_get_number (round),
                                      open ? _(" (open, not yet revealed)") : "",
                                      iap_round_count_scorers (round), n_participants);
      g_string_append_printf (markup, "%s%s", i > 0 ? "  " : "", text);
    }
  line = g_markup_printf_escaped (_("\n<b>Consensus rule:</b> %s"), rule);
  g_string_append (markup, line);
  g_clear_pointer (&line, g_free);
  if (review[0] != '\0')
    {
      g_autofree char *date = format_date (review);

      line = g_markup_printf_escaped (_("\n<b>Review date:</b> %s."), date);
    }
  else
    line = g_strdup (_("\n<b>Review date:</b> <i>none set.</i>"));
  g_string_append (markup, line);
  iap_report_add_paragraph (report, markup->str);
}

/* A rating as sort keys: its band (unrated below every band), impact and
 * likelihood. */
static void
rating_keys (IapWorkshop   *workshop,
             IapRisk       *risk,
             IapRatingKind  kind,
             int           *keys)
{
  guint likelihood = 0, impact = 0;
  IapBand band;

  keys[0] = -1, keys[1] = 0, keys[2] = 0;
  if (!iap_risk_get_rating (risk, kind, iap_workshop_get_scales (workshop), &likelihood, &impact, &band))
    return;
  keys[0] = band, keys[1] = impact, keys[2] = likelihood;
}

/* By inherent band, then inherent impact, then inherent likelihood, then
 * residual band, highest first: ordinal levels compared as such, never
 * through their product. */
static int
compare_risks (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  IapWorkshop *workshop = data;
  IapRisk *ra = *(IapRisk **) a, *rb = *(IapRisk **) b;
  int keys_a[6], keys_b[6];

  rating_keys (workshop, ra, IAP_RATING_INHERENT, keys_a);
  rating_keys (workshop, ra, IAP_RATING_RESIDUAL, keys_a + 3);
  rating_keys (workshop, rb, IAP_RATING_INHERENT, keys_b);
  rating_keys (workshop, rb, IAP_RATING_RESIDUAL, keys_b + 3);
  for (guint k = 0; k < 4; k++)
    if (keys_a[k] != keys_b[k])
      return keys_a[k] > keys_b[k] ? -1 : 1;

  return 0;
}

/* The risks in that order; ties in register order (the sort is stable). */
static GPtrArray *
dup_sorted_risks (IapWorkshop *workshop)
{
  GListModel *risks = iap_workshop_get_risks (workshop);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (risks, i));
  g_ptr_array_sort_with_data (sorted, compare_risks, workshop);

  return sorted;
}

static void
add_top_risks (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  g_autoptr(GPtrArray) sorted = dup_sorted_risks (workshop);
  const char *headers[] = { _("Risk"), _("Inherent"), _("Residual"), _("Main mitigation"), _("Owner") };
  static const double widths[] = { 0.34, 0.13, 0.13, 0.26, 0.14 };

  iap_report_add_subheading (report, _("Top risks"));
  if (sorted->len == 0)
    {
      iap_report_add_paragraph (report, _("No risk has been identified yet."));
      return;
    }
  iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < MIN (sorted->len, N_TOP_RISKS); i++)
    {
      IapRisk *risk = g_ptr_array_index (sorted, i);
      IapMitigation *mitigation = find_main_mitigation (workshop, iap_risk_get_id (risk));
      int bands[5] = { IAP_REPORT_NO_BAND, 0, 0, IAP_REPORT_NO_BAND, IAP_REPORT_NO_BAND };
      g_autofree char *title = g_markup_printf_escaped ("%s", iap_risk_get_title (risk));
      g_autofree char *inherent = dup_rating (workshop, risk, IAP_RATING_INHERENT, &bands[1]);
      g_autofree char *residual = dup_rating (workshop, risk, IAP_RATING_RESIDUAL, &bands[2]);
      g_autofree char *measure = mitigation != NULL ? g_markup_escape_text (iap_mitigation_get_title (mitigation), -1)
                                                    : g_strdup (_("None yet"));
      g_autofree char *owner = mitigation != NULL ? dup_owner (report, mitigation) : g_strdup ("");
      const char *cells[] = { title, inherent, residual, measure, owner };

      iap_report_add_row (report, cells, bands);
    }
  iap_report_end_table (report);
}

/* Page one: what a Head of Mission reads first, the decision and its
 * basis; the options chart where it fits, since Group results has it in
 * full. The risks follow on the next page. */
static void
add_summary (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  const IapReportChart triple = IAP_REPORT_CHART_OPTIONS_SUMMARY;
  const char *triple_caption = _("Structural options: weighted benefits and risks, each as a share of its maximum, never netted");
  g_autoptr(IapOptionsAnalysis) analysis = iap_options_analysis_new_for_workshop (workshop);
  guint n_options = iap_options_analysis_get_n_options (analysis);
  double chart_height = 16.0 + 17.0 * n_options;

  iap_report_add_title (report, _("Risk summary"), iap_workshop_get_title (workshop)[0] != '\0'
                                                   ? iap_workshop_get_title (workshop) : _("Untitled workshop"));
  add_meta (report);
  add_decision (report);
  add_recommendation_dissent (report);
  add_environment (report);
  add_basis (report);
  if (n_options > 0 && iap_report_get_room_left (report) > chart_height + 30.0)
    iap_report_add_charts (report, &triple, &triple_caption, 1, chart_height);
}

/* Where the risks lie, before and after mitigation, heading the register. */
static void
add_heat_maps (IapReport *report)
{
  double width = iap_report_get_text_width (report);
  static const IapReportChart maps[] = { IAP_REPORT_CHART_INHERENT, IAP_REPORT_CHART_RESIDUAL };
  const char *captions[] = { _("Inherent risk"), _("Residual risk") };

  iap_report_add_charts (report, maps, captions, 2, width * 0.36);
}

/* The titles of the mitigations of @risk, one per line. */
static char *
dup_measures (IapWorkshop *workshop,
              IapRisk     *risk)
{
  GListModel *mitigations = iap_workshop_get_mitigations (workshop);
  g_autoptr(GString) measures = g_string_new (NULL);

  for (guint m = 0; m < g_list_model_get_n_items (mitigations); m++)
    {
      g_autoptr(IapMitigation) mitigation = g_list_model_get_item (mitigations, m);
      g_autofree char *line = NULL;

      if (!g_strv_contains (iap_mitigation_get_risks (mitigation), iap_risk_get_id (risk)))
        continue;
      line = g_markup_printf_escaped ("%s• %s", measures->len > 0 ? "\n" : "", iap_mitigation_get_title (mitigation));
      g_string_append (measures, line);
    }

  return g_string_free (g_steal_pointer (&measures), FALSE);
}

static void
add_register (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *risks = iap_workshop_get_risks (workshop);
  const char *headers[] = { _("No."), _("Risk"), _("Arrangement and area"), _("Inherent"), _("Residual"), _("Mitigations") };
  static const double widths[] = { 0.05, 0.38, 0.15, 0.10, 0.10, 0.22 };

  iap_report_add_heading (report, _("Risk register"), TRUE);
  add_heat_maps (report);
  add_top_risks (report);
  iap_report_add_subheading (report, _("All risks"));
  if (g_list_model_get_n_items (risks) == 0)
    {
      iap_report_add_paragraph (report, _("No risk has been identified yet."));
      return;
    }
  iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      int bands[6] = { IAP_REPORT_NO_BAND, IAP_REPORT_NO_BAND, IAP_REPORT_NO_BAND, 0, 0, IAP_REPORT_NO_BAND };
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *text = g_markup_printf_escaped ("<b>%s</b>\n%s", iap_risk_get_title (risk),
                                                       iap_risk_get_description (risk));
      g_autofree char *where = g_markup_printf_escaped ("%s\n<i>%s</i>",
                                                        lookup_label (workshop, IAP_CATALOG_ARRANGEMENT, iap_risk_get_arrangement (risk)),
                                                        lookup_label (workshop, IAP_CATALOG_AREA, iap_risk_get_area (risk)));
      g_autofree char *inherent = dup_rating (workshop, risk, IAP_RATING_INHERENT, &bands[3]);
      g_autofree char *residual = dup_rating (workshop, risk, IAP_RATING_RESIDUAL, &bands[4]);
      g_autofree char *measures = dup_measures (workshop, risk);
      const char *cells[6];

      cells[0] = number, cells[1] = text, cells[2] = where;
      cells[3] = inherent, cells[4] = residual, cells[5] = measures;
      iap_report_add_row (report, cells, bands);
    }
  iap_report_end_table (report);
}

static char *
dup_median (const IapRiskStats *stats)
{
  if (stats->n == 0 || stats->withheld)
    return g_strdup ("–");

  /* Translators: median likelihood × median impact */
  return g_strdup_printf (_("%u × %u"), stats->median_likelihood, stats->median_impact);
}

static void
add_consensus_row (IapReport *report,
                   IapRisk   *risk,
                   guint      position)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  const IapRiskStats *stats = iap_report_get_consensus (report, iap_risk_get_id (risk));
  IapVerdict verdict = iap_risk_stats_get_verdict (stats);
  int bands[7] = { IAP_REPORT_NO_BAND, IAP_REPORT_NO_BAND, IAP_REPORT_NO_BAND, IAP_REPORT_NO_BAND,
                   IAP_REPORT_NO_BAND, 0, IAP_REPORT_NO_BAND };
  g_autofree char *title = g_markup_printf_escaped ("%u. %s", position + 1, iap_risk_get_title (risk));
  g_autofree char *count = g_strdup_printf ("%u", stats->n);
  g_autofree char *median = dup_median (stats);
  g_autofree char *iqr = stats->n > 0 && !stats->withheld
                         ? g_strdup_printf ("%u / %u", stats->iqr_likelihood, stats->iqr_impact)
                         : g_strdup ("–");
  g_autofree char *label = iap_risk_stats_dup_verdict (stats);
  g_autofree char *verdict_text = g_markup_printf_escaped (verdict == IAP_VERDICT_CONSENSUS || verdict == IAP_VERDICT_NO_SCORES
                                                           ? "%s" : "<b>%s</b>", label);
  g_autofree char *agreed = dup_rating (workshop, risk, IAP_RATING_INHERENT, &bands[5]);
  g_autofree char *dissents = g_strdup_printf ("%u", iap_workshop_count_dissents (workshop, iap_risk_get_id (risk)));
  const char *cells[] = { title, count, median, iqr, verdict_text, agreed, dissents };

  iap_report_add_row (report, cells, bands);
}

static void
add_group_ratings (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *risks = iap_workshop_get_risks (workshop);
  g_autofree char *rule = iap_consensus_describe_rule (iap_workshop_get_scales (workshop));
  g_autofree char *polarized = iap_consensus_describe_polarized (workshop);
  g_autofree char *intro = NULL;
  /* Translators: table headings; L is likelihood, I impact */
  const char *headers[] = { _("Risk"), _("Scores"), _("Median L × I"), _("IQR L / I"), _("Verdict"), _("Agreed inherent"), _("Dissents") };
  static const double widths[] = { 0.33, 0.08, 0.11, 0.09, 0.14, 0.15, 0.10 };

  iap_report_add_subheading (report, _("Consensus per risk"));
  /* Translators: the consensus rule, then what polarized means */
  intro = g_markup_printf_escaped (_("Participants score each risk on their own before the discussion; for "
                                     "each risk, the table gives the latest revealed or closed round with "
                                     "scores for it (open rounds stay private). %s %s"), rule, polarized);
  iap_report_add_paragraph (report, intro);
  if (g_list_model_get_n_items (risks) == 0)
    return;
  iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      add_consensus_row (report, risk, i);
    }
  iap_report_end_table (report);
}

static char *
dup_pillar_medians (IapWorkshop        *workshop,
                    const IapRiskStats *stats)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < stats->pillars->len; p++)
    {
      const IapPillarMedian *pm = g_ptr_array_index (stats->pillars, p);
      g_autofree char *line = g_markup_printf_escaped ("%s%s <b>%u × %u</b>", text->len > 0 ? "  ·  " : "",
                                                       lookup_label (workshop, IAP_CATALOG_PILLAR, pm->pillar),
                                                       pm->likelihood, pm->impact);

      g_string_append (text, line);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The classic split (humanitarian against political) is shown, not
 * averaged away: each pillar's median, side by side; only the pillars
 * with enough scorers, as the core keeps no other. */
static void
add_polarized (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *risks = iap_workshop_get_risks (workshop);
  const char *headers[] = { _("Risk"), _("Median per pillar (likelihood × impact)") };
  static const double widths[] = { 0.40, 0.60 };
  guint k = iap_workshop_get_min_scorers (workshop);
  gboolean any = FALSE, compared = FALSE, withheld = FALSE;

  iap_report_add_subheading (report, _("Polarized risks"));
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      const IapRiskStats *stats = iap_report_get_consensus (report, iap_risk_get_id (risk));
      g_autofree char *title = NULL, *medians = NULL;
      const char *cells[2];

      compared |= stats->pillars_compared >= 2;
      withheld |= stats->pillars_withheld > 0;
      if (!stats->polarized)
        continue;
      if (!any)
        iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
      any = TRUE;
      title = g_markup_printf_escaped ("%u. %s", i + 1, iap_risk_get_title (risk));
      medians = dup_pillar_medians (workshop, stats);
      cells[0] = title, cells[1] = medians;
      iap_report_add_row (report, cells, NULL);
    }
  if (any)
    iap_report_end_table (report);
  else if (compared)
    iap_report_add_paragraph (report, _("No risk is polarized: no two pillars’ medians are two levels or more apart."));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL,
                                                            "Pillars could not be compared: on no risk did two pillars have %u scorer or more each.",
                                                            "Pillars could not be compared: on no risk did two pillars have %u scorers or more each.",
                                                            k), k);

      iap_report_add_paragraph (report, text);
    }
  if (withheld)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL,
                                                            "<i>A pillar with fewer than %u scorer on a risk is neither shown nor compared: its median would come close to a person’s own score.</i>",
                                                            "<i>A pillar with fewer than %u scorers on a risk is neither shown nor compared: its median would come close to a person’s own score.</i>",
                                                            k), k);

      iap_report_add_paragraph (report, text);
    }
}

static const char *
subject_label (IapWorkshop *workshop,
               IapDissent  *dissent)
{
  const char *subject = iap_dissent_get_subject (dissent);

  if (g_strcmp0 (subject, "risk") == 0)
    {
      IapRisk *risk = iap_workshop_find_risk (workshop, iap_dissent_get_risk (dissent));

      return risk != NULL ? iap_risk_get_title (risk) : iap_dissent_get_risk (dissent);
    }
  if (g_strcmp0 (subject, "recommendation") == 0)
    return _("The recommendation");

  return _("General");
}

static void
add_dissents (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *dissents = iap_workshop_get_dissents (workshop);
  const char *headers[] = { _("By"), _("On"), _("Dissent") };
  static const double widths[] = { 0.22, 0.22, 0.56 };

  iap_report_add_subheading (report, _("Dissent register"));
  if (g_list_model_get_n_items (dissents) == 0)
    {
      iap_report_add_paragraph (report, _("No dissent was recorded."));
      return;
    }
  iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < g_list_model_get_n_items (dissents); i++)
    {
      g_autoptr(IapDissent) dissent = g_list_model_get_item (dissents, i);
      g_autofree char *who = iap_workshop_dup_dissenter (workshop, dissent, iap_report_get_anonymize (report));
      g_autofree char *by = g_markup_escape_text (who, -1);
      g_autofree char *on = g_markup_escape_text (subject_label (workshop, dissent), -1);
      g_autofree char *text = g_markup_escape_text (iap_dissent_get_text (dissent), -1);
      const char *cells[] = { by, on, text };

      iap_report_add_row (report, cells, NULL);
    }
  iap_report_end_table (report);
}

static void
add_options_chart (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  double width = iap_report_get_text_width (report);
  const IapReportChart chart = IAP_REPORT_CHART_TRIPLE_HATTING;
  const char *caption = _("Structural options: the triple-hatting analysis");
  g_autofree char *rationale = NULL;

  iap_report_add_charts (report, &chart, &caption, 1, iap_balance_chart_get_height (workshop, width));
  if (iap_workshop_get_rationale (workshop)[0] != '\0')
    {
      rationale = g_markup_printf_escaped (_("<b>Rationale of the recommendation:</b> %s"),
                                           iap_workshop_get_rationale (workshop));
      iap_report_add_paragraph (report, rationale);
    }
}

static void
add_group_results (IapReport *report)
{
  iap_report_add_heading (report, _("Group results"), TRUE);
  add_options_chart (report);
  add_group_ratings (report);
  add_polarized (report);
  add_dissents (report);
}

/* Risks by their number in the register, as the register prints them. */
static char *
dup_risk_numbers (IapWorkshop        *workshop,
                  const char * const *ids)
{
  GListModel *list = iap_workshop_get_risks (workshop);
  g_autoptr(GString) numbers = g_string_new (NULL);

  for (guint r = 0; ids != NULL && ids[r] != NULL; r++)
    {
      for (guint k = 0; k < g_list_model_get_n_items (list); k++)
        {
          g_autoptr(IapRisk) risk = g_list_model_get_item (list, k);

          if (g_str_equal (iap_risk_get_id (risk), ids[r]))
            g_string_append_printf (numbers, "%s%u", numbers->len > 0 ? ", " : "", k + 1);
        }
    }

  return g_string_free (g_steal_pointer (&numbers), FALSE);
}

static void
add_mitigations (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *mitigations = iap_workshop_get_mitigations (workshop);
  const char *headers[] = { _("Measure"), _("Risks"), _("Owner"), _("Due"), _("Status") };
  static const double widths[] = { 0.44, 0.10, 0.20, 0.14, 0.12 };

  if (g_list_model_get_n_items (mitigations) == 0)
    {
      iap_report_add_paragraph (report, _("No mitigation has been planned yet."));
      return;
    }
  iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < g_list_model_get_n_items (mitigations); i++)
    {
      g_autoptr(IapMitigation) mitigation = g_list_model_get_item (mitigations, i);
      g_autofree char *risks = dup_risk_numbers (workshop, iap_mitigation_get_risks (mitigation));
      g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>\n%s", iap_mitigation_get_title (mitigation),
                                                        lookup_label (workshop, IAP_CATALOG_MEASURE, iap_mitigation_get_measure (mitigation)));
      g_autofree char *owner = dup_owner (report, mitigation);
      g_autofree char *due = format_date (iap_mitigation_get_due (mitigation));
      const char *cells[5];

      cells[0] = title, cells[1] = risks, cells[2] = owner;
      cells[3] = due, cells[4] = iap_mitigation_status_label (iap_mitigation_get_status (mitigation));
      iap_report_add_row (report, cells, NULL);
    }
  iap_report_end_table (report);
}

/* Who accepted a risk: the official and their role, or only the role
 * when the report is anonymised. */
static char *
dup_acceptor (IapReport *report,
              IapRisk   *risk)
{
  const char *name = iap_risk_get_accepted_by (risk);
  const char *role = iap_risk_get_acceptance_role (risk);

  if (!iap_report_get_anonymize (report))
    return role[0] != '\0' ? g_markup_printf_escaped ("%s\n<i>%s</i>", name, role)
                            : g_markup_escape_text (name, -1);
  if (role[0] != '\0')
    return g_markup_printf_escaped ("<i>%s</i>", role);

  /* Translators: in the report's table of risk acceptances, instead of the name of whoever accepted the risk */
  return g_strdup (_("Not named"));
}

static void
add_acceptances (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *risks = iap_workshop_get_risks (workshop);
  const char *headers[] = { _("Risk"), _("Accepted by"), _("Date"), _("Justification") };
  static const double widths[] = { 0.28, 0.20, 0.14, 0.38 };
  gboolean any = FALSE;

  iap_report_add_subheading (report, _("Risk acceptances"));
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      g_autofree char *title = NULL, *by = NULL, *date = NULL, *why = NULL;
      const char *cells[4];

      if (iap_risk_get_accepted_by (risk)[0] == '\0')
        continue;
      if (!any)
        iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
      any = TRUE;
      title = g_markup_printf_escaped ("%u. %s", i + 1, iap_risk_get_title (risk));
      by = dup_acceptor (report, risk);
      date = format_date (iap_risk_get_acceptance_date (risk));
      why = g_markup_escape_text (iap_risk_get_acceptance_justification (risk), -1);
      cells[0] = title, cells[1] = by, cells[2] = date, cells[3] = why;
      iap_report_add_row (report, cells, NULL);
    }
  if (any)
    iap_report_end_table (report);
  else
    iap_report_add_paragraph (report, _("No residual risk has been formally accepted."));
}

static void
add_plan (IapReport *report)
{
  iap_report_add_heading (report, _("Mitigation plan"), TRUE);
  add_mitigations (report);
  add_acceptances (report);
}

static void
add_scale (IapReport  *report,
           const char *title,
           GListModel *levels)
{
  const char *headers[] = { _("Level"), _("Label"), _("Definition") };
  static const double widths[] = { 0.08, 0.20, 0.72 };

  iap_report_add_subheading (report, title);
  iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (levels, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *label = g_markup_escape_text (iap_scale_level_get_label (level), -1);
      g_autofree char *definition = g_markup_escape_text (iap_scale_level_get_definition (level), -1);
      const char *cells[] = { number, label, definition };

      iap_report_add_row (report, cells, NULL);
    }
  iap_report_end_table (report);
}

/* Impact down the side, highest first, likelihood across, as on the
 * heat maps. */
static void
add_band_matrix (IapReport *report)
{
  IapScales *scales = iap_workshop_get_scales (iap_report_get_workshop (report));
  guint n_l = iap_scales_get_n_likelihood (scales), n_i = iap_scales_get_n_impact (scales);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  double widths[IAP_SCALE_MAX_LEVELS + 1];

  iap_report_add_subheading (report, _("Band matrix"));
  g_ptr_array_add (headers, g_strdup (_("Impact \\ likelihood")));
  widths[0] = 0.22;
  for (guint l = 1; l <= n_l; l++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (iap_scales_get_likelihood (scales), l - 1);

      g_ptr_array_add (headers, g_markup_printf_escaped ("%u · %s", l, iap_scale_level_get_label (level)));
      widths[l] = 0.78 / n_l;
    }
  g_ptr_array_add (headers, NULL);
  iap_report_begin_table (report, (const char * const *) headers->pdata, widths, n_l + 1);
  for (guint i = n_i; i > 0; i--)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      int bands[IAP_SCALE_MAX_LEVELS + 1] = { IAP_REPORT_NO_BAND, };
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (iap_scales_get_impact (scales), i - 1);

      g_ptr_array_add (cells, g_markup_printf_escaped ("<b>%u · %s</b>", i, iap_scale_level_get_label (level)));
      for (guint l = 1; l <= n_l; l++)
        {
          bands[l] = iap_scales_get_band (scales, l, i);
          g_ptr_array_add (cells, g_strdup (iap_band_get_label (bands[l])));
        }
      iap_report_add_row (report, (const char * const *) cells->pdata, bands);
    }
  iap_report_end_table (report);
}

static void
add_consensus_rule (IapReport *report)
{
  IapScales *scales = iap_workshop_get_scales (iap_report_get_workshop (report));
  g_autofree char *text = iap_consensus_describe_rule (scales);
  g_autofree char *polarized = iap_consensus_describe_polarized (iap_report_get_workshop (report));
  g_autofree char *rule = NULL;

  iap_report_add_subheading (report, _("Consensus rule"));
  /* Translators: the consensus rule, what polarized means, then the band of the risk appetite */
  rule = g_markup_printf_escaped (_("%s %s Scores are ordinal: they are never averaged. The risk appetite is "
                                    "the %s band: a residual risk above it needs a formal acceptance."),
                                  text, polarized, iap_band_get_label (iap_scales_get_appetite (scales)));
  iap_report_add_paragraph (report, rule);
}

/* Names and entities of a pillar's participants; nothing when the
 * report is anonymised: an organisation of one participant names them. */
static char *
dup_pillar_names (IapReport  *report,
                  GListModel *participants,
                  const char *pillar,
                  guint      *n)
{
  g_autoptr(GString) names = g_string_new (NULL);

  *n = 0;
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(IapParticipant) participant = g_list_model_get_item (participants, i);
      g_autofree char *who = NULL;

      if (g_strcmp0 (iap_participant_get_pillar (participant), pillar) != 0)
        continue;
      (*n)++;
      if (iap_report_get_anonymize (report))
        continue;
      if (iap_participant_get_name (participant)[0] == '\0')
        who = g_markup_escape_text (iap_participant_get_entity (participant), -1);
      else
        who = g_markup_printf_escaped ("%s (%s)", iap_participant_get_name (participant),
                                       iap_participant_get_entity (participant));
      g_string_append_printf (names, "%s%s", names->len > 0 ? "; " : "", who);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
add_participants (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *pillars = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_PILLAR);
  GListModel *participants = iap_workshop_get_participants (workshop);
  const char *headers[] = { _("Pillar"), _("Number"), _("Participants") };
  static const double widths[] = { 0.24, 0.10, 0.66 };
  static const double anonymous_widths[] = { 0.60, 0.40 };
  gboolean anonymize = iap_report_get_anonymize (report);

  iap_report_add_subheading (report, _("Participants by pillar"));
  /* An anonymised report counts participants, and names no one. */
  iap_report_begin_table (report, headers, anonymize ? anonymous_widths : widths,
                          anonymize ? G_N_ELEMENTS (anonymous_widths) : G_N_ELEMENTS (widths));
  for (guint p = 0; p < g_list_model_get_n_items (pillars); p++)
    {
      g_autoptr(IapCatalogEntry) pillar = g_list_model_get_item (pillars, p);
      g_autofree char *label = g_markup_escape_text (iap_catalog_entry_get_label (pillar), -1);
      g_autofree char *count = NULL;
      g_autofree char *names = NULL;
      guint n = 0;
      const char *cells[3];

      names = dup_pillar_names (report, participants, iap_catalog_entry_get_id (pillar), &n);
      if (n == 0)
        continue;
      count = g_strdup_printf ("%u", n);
      cells[0] = label, cells[1] = count, cells[2] = names;
      iap_report_add_row (report, cells, NULL);
    }
  iap_report_end_table (report);
  if (iap_report_get_anonymize (report))
    iap_report_add_paragraph (report, _("<i>People’s names are left out of this report, and so are "
                                        "participants’ organisations: participants are counted by pillar "
                                        "and dissent is attributed to a pillar; owners of mitigations and "
                                        "officials who accepted a risk appear by their entity or role.</i>"));
}

static void
add_method (IapReport *report)
{
  IapScales *scales = iap_workshop_get_scales (iap_report_get_workshop (report));

  iap_report_add_heading (report, _("Method"), TRUE);
  add_scale (report, _("Likelihood scale"), iap_scales_get_likelihood (scales));
  add_scale (report, _("Impact scale"), iap_scales_get_impact (scales));
  add_band_matrix (report);
  add_consensus_rule (report);
  add_participants (report);
}

void
iap_report_add_sections (IapReport *self)
{
  add_summary (self);
  add_register (self);
  add_group_results (self);
  add_plan (self);
  add_method (self);
}
