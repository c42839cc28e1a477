/* iap-report-sections.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the report says, section by section; iap-report.c places it. */

#define G_LOG_DOMAIN "iap-report"

#include "config.h"

#include "iap-i18n.h"

#include "iap-balance-chart.h"
#include "iap-appetite.h"
#include "iap-consensus.h"
#include "iap-environment.h"
#include "iap-options-analysis.h"
#include "iap-report-private.h"
#include "iap-text.h"

#define N_TOP_RISKS 5

typedef char *Markup;

/* A text someone wrote (a description, a note, a justification), each of
 * its lines isolated in its own direction and escaped: English in an
 * Arabic report keeps its full stop at its end, and Arabic in an English
 * one too (a line break ends an isolate, so each line has its own) */
static char *
dup_isolated_markup (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *isolated = iap_text_isolate (lines[i]);

      g_free (lines[i]);
      lines[i] = g_markup_escape_text (isolated, -1);
    }

  return g_strjoinv ("\n", lines);
}

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
  char *text = iap_date_dup_display (iso);

  return text != NULL ? text : g_strdup ("");
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
  g_autofree char *who = NULL, *where = NULL;

  if (iap_report_get_anonymize (report) || iap_text_is_blank (owner))
    return g_markup_escape_text (iap_text_is_blank (entity) ? "" : entity, -1);
  if (iap_text_is_blank (entity))
    return g_markup_escape_text (owner, -1);

  who = iap_text_isolate (owner);
  where = iap_text_isolate (entity);
  /* Translators: the owner of a mitigation, then their entity */
  return g_markup_printf_escaped (C_("owner", "%s, %s"), who, where);
}

/* The facilitator is a free text, often a name and a title: an
 * anonymised report keeps neither. */
static const char *
get_facilitator (IapReport *report)
{
  const char *facilitator = iap_workshop_get_facilitator (iap_report_get_workshop (report));

  if (!iap_text_is_blank (facilitator) && iap_report_get_anonymize (report))
    return _("Facilitator not named");

  return facilitator;
}

/* The workshop's dates, whichever of them are given: "14 – 16 June 2026"
 * would need the language's own rules, so each date is written whole */
static char *
dup_dates (const char *start_iso,
           const char *end_iso)
{
  g_autofree char *start = format_date (start_iso);
  g_autofree char *end = format_date (end_iso);
  g_autofree char *from = iap_text_isolate (start);
  g_autofree char *to = iap_text_isolate (end);

  if (start[0] != '\0' && end[0] != '\0' && !g_str_equal (start, end))
    /* Translators: the workshop's first and last days */
    return g_strdup_printf (C_("dates", "%s – %s"), from, to);
  if (start[0] != '\0')
    return g_strdup (start);
  if (end[0] != '\0')
    /* Translators: the workshop's last day, when its first is not given */
    return g_strdup_printf (C_("dates", "until %s"), to);

  return g_strdup ("");
}

static void
add_meta (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  g_autofree char *dates = dup_dates (iap_workshop_get_start_date (workshop),
                                       iap_workshop_get_end_date (workshop));
  g_autofree char *markup = NULL;

  {
    g_autoptr(GString) line = g_string_new (NULL);
    const char *parts[] = { iap_workshop_get_country (workshop), dates, get_facilitator (report) };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        g_autofree char *part = NULL;

        g_autofree char *isolated = NULL;

        if (iap_text_is_blank (parts[i]))
          continue;
        /* Each part in its own direction: an Arabic country does not
         * reorder the dates that follow it */
        isolated = iap_text_isolate (parts[i]);
        part = g_markup_printf_escaped (i == 0 ? "<b>%s</b>" : "%s", isolated);
        g_string_append_printf (line, "%s%s", line->len > 0 ? "  ·  " : "", part);
      }
    if (line->len == 0)
      return;
    markup = g_string_free (g_steal_pointer (&line), FALSE);
  }
  iap_report_add_paragraph (report, markup);
}

/* An option's label, isolated in its own direction: a full stop after an
 * Arabic label stays at the end of the sentence */
static char *
dup_option_label (IapWorkshop *workshop,
                  const char  *option)
{
  return iap_text_isolate (lookup_label (workshop, IAP_CATALOG_OPTION, option));
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
  g_autofree char *current_label = dup_option_label (workshop, current);
  g_autofree char *option_label = dup_option_label (workshop, option);

  if (option[0] == '\0' && current[0] == '\0')
    head = g_markup_printf_escaped (_("<b>Structural configuration:</b> neither the current configuration nor a recommendation is recorded."));
  else if (option[0] == '\0')
    /* Translators: the current structural configuration, when the group has not recommended one */
    head = g_markup_printf_escaped (_("<b>Structural configuration:</b> %s (current). No recommendation agreed yet."),
                                    current_label);
  else if (current[0] == '\0')
    /* Translators: the recommended structural configuration, when the current one is not recorded */
    head = g_markup_printf_escaped (_("<b>Recommended configuration: %s.</b> The current configuration is not recorded."),
                                    option_label);
  else if (g_str_equal (current, option))
    /* Translators: the group recommends keeping the current structural configuration */
    head = g_markup_printf_escaped (_("<b>Recommended configuration: keep %s,</b> the current configuration."),
                                    current_label);
  else
    /* Translators: from the current structural configuration to the recommended one */
    head = g_markup_printf_escaped (_("<b>Structural configuration:</b> %s (current)  →  <b>%s (recommended)</b>"),
                                    current_label, option_label);
  g_string_append (markup, head);

  if (!iap_text_is_blank (rationale))
    why = g_markup_printf_escaped (_("\n<b>Rationale:</b> %s"), rationale);
  else if (option[0] != '\0')
    why = g_strdup (_("\n<b>Rationale:</b> <i>none recorded.</i>"));
  if (why != NULL)
    g_string_append (markup, why);
  if (!iap_text_is_blank (conditions))
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

      if (!iap_text_is_blank (note))
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
  if (env->also_yes != NULL && env->also_yes[0] != NULL)
    {
      g_autofree char *labels = iap_environment_dup_labels ((const char * const *)env->also_yes, catalog);
      g_autofree char *text = g_strdup_printf (_("Also answered Yes, without changing the level: %s."), labels);
      g_autofree char *line = g_markup_printf_escaped ("\n%s", text);

      g_string_append (markup, line);
    }
  if (env->unknown != NULL && env->unknown[0] != NULL)
    {
      g_autofree char *open = iap_environment_dup_labels ((const char * const *)env->unknown, catalog);
      g_autofree char *line = g_markup_printf_escaped (_("\n<i>Open questions (answered Unknown): %s.</i>"), open);

      g_string_append (markup, line);
      /* What the open questions could make of it: all nine unknown is
       * not simply "Permissive" */
      if (env->potential > env->computed)
        {
          g_autofree char *could = g_markup_printf_escaped (_(" <i>Confirmed, they would make the computed level %s.</i>"),
                                                            iap_environment_level_to_label (env->potential));

          g_string_append (markup, could);
        }
    }
  if (env->unanswered != NULL && env->unanswered[0] != NULL)
    {
      guint n = g_strv_length (env->unanswered);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator is not answered yet.",
                                                            "%u indicators are not answered yet.", n), n);
      g_autofree char *line = g_markup_printf_escaped ("\n<i>%s</i>", text);

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
      g_autofree char *title = dup_isolated_markup (iap_risk_get_title (risk));
      g_autofree char *inherent = dup_rating (workshop, risk, IAP_RATING_INHERENT, &bands[1]);
      g_autofree char *residual = dup_rating (workshop, risk, IAP_RATING_RESIDUAL, &bands[2]);
      g_autofree char *measure = mitigation != NULL ? dup_isolated_markup (iap_mitigation_get_title (mitigation))
                                                    : g_strdup (_("None yet"));
      g_autofree char *owner = mitigation != NULL ? dup_owner (report, mitigation) : g_strdup ("");
      const char *cells[] = { title, inherent, residual, measure, owner };

      iap_report_add_row (report, cells, bands);
    }
  iap_report_end_table (report);
}

static char *
write_options_elsewhere (IapReport *report,
                         guint      page,
                         gpointer   data)
{
  if (page == 0)
    return g_strdup (_("<i>The structural options do not fit on this page: Group results weighs them.</i>"));

  return g_strdup_printf (_("<i>The structural options do not fit on this page: Group results, page %u, weighs them.</i>"),
                          page);
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

  iap_report_add_title (report, _("Risk summary"), !iap_text_is_blank (iap_workshop_get_title (workshop))
                                                   ? iap_workshop_get_title (workshop) : _("Untitled workshop"));
  add_meta (report);
  add_decision (report);
  add_recommendation_dissent (report);
  add_environment (report);
  add_basis (report);
  if (n_options > 0 && iap_report_get_room_left (report) > chart_height + 30.0)
    iap_report_add_charts (report, &triple, &triple_caption, 1, chart_height);
  else if (n_options > 0)
    /* No room for it here: say where it is */
    iap_report_add_page_reference (report, _("Group results"), write_options_elsewhere, NULL);
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


/* Notes on a new line of a cell, when there are any */
static void
append_notes (GString    *text,
              const char *notes)
{
  g_autofree char *isolated = NULL;
  g_autofree char *line = NULL;

  if (iap_text_is_blank (notes))
    return;
  /* Translators: the notes on a risk or a mitigation, in the report */
  isolated = dup_isolated_markup (notes);
  line = g_strdup_printf (_("\n<i>Notes:</i> %s"), isolated);
  g_string_append (text, line);
}

/* Where a risk or measure merged in from another workshop file came
 * from, under its title */
static void
append_source (GString    *text,
               const char *source)
{
  g_autofree char *from = NULL;
  g_autofree char *line = NULL;

  if (iap_text_is_blank (source))
    return;
  /* Translators: under a risk or a measure merged in from another
   * workshop file: the file's name, such as “Ebe field office” */
  from = g_strdup_printf (C_("risk source", "from: %s"), source);
  line = g_markup_printf_escaped ("\n<i>%s</i>", from);
  g_string_append (text, line);
}

/* Everything written about a risk, every word: a cell longer than a
 * page runs on over the next */
static char *
dup_risk_text (IapRisk *risk)
{
  const char *title = iap_risk_get_title (risk);
  const char *description = iap_risk_get_description (risk);
  const char *notes = iap_risk_get_notes (risk);
  GString *text = g_string_new (NULL);
  g_autofree char *head = NULL;
  g_autofree char *isolated_title = NULL;

  head = iap_text_is_blank (title) ? g_markup_printf_escaped ("<b>%s</b>", C_("risk", "Untitled"))
                                    : g_strdup_printf ("<b>%s</b>", isolated_title = dup_isolated_markup (title));
  g_string_append (text, head);
  append_source (text, iap_risk_get_source (risk));
  if (!iap_text_is_blank (description))
    {
      g_autofree char *line = dup_isolated_markup (description);

      g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  append_notes (text, notes);

  return g_string_free (text, FALSE);
}

/* A line of the setting table, when there is something to say */
static void
add_setting_row (IapReport  *report,
                 const char *label,
                 const char *value)
{
  g_autofree char *name = NULL, *text = NULL;
  const char *cells[2];

  if (iap_text_is_blank (value))
    return;
  name = g_markup_printf_escaped ("<b>%s</b>", label);
  text = dup_isolated_markup (value);
  cells[0] = name, cells[1] = text;
  iap_report_add_row (report, cells, NULL);
}

static void
add_setting (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  const char *headers[] = { _("Setting"), _("As recorded") };
  static const double widths[] = { 0.30, 0.70 };
  const char * const *options = iap_workshop_get_options (workshop);
  g_autofree char *considered = iap_options_dup_labels (options, iap_workshop_get_catalog (workshop), IAP_CATALOG_OPTION);
  g_autofree char *review = format_date (iap_workshop_get_review_date (workshop));

  iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
  add_setting_row (report, _("Integration policy"),
                   iap_applicability_to_text (iap_applicability_for_workshop (workshop)));
  add_setting_row (report, _("Mission type"), lookup_label (workshop, IAP_CATALOG_MISSION_TYPE, iap_workshop_get_mission_type (workshop)));
  add_setting_row (report, _("Phase"), lookup_label (workshop, IAP_CATALOG_PHASE, iap_workshop_get_phase (workshop)));
  add_setting_row (report, _("Current or proposed configuration"),
                   lookup_label (workshop, IAP_CATALOG_OPTION, iap_workshop_get_current_option (workshop)));
  add_setting_row (report, _("Options under consideration"), considered);
  add_setting_row (report, _("Mandate features"), iap_workshop_get_mandate (workshop));
  add_setting_row (report, _("Review of the plan"), review);
  add_setting_row (report, _("Notes"), iap_workshop_get_notes (workshop));
  iap_report_end_table (report);
}

static const char *
answer_label (const char *answer)
{
  if (g_strcmp0 (answer, "yes") == 0)
    return C_("answer", "Yes");
  if (g_strcmp0 (answer, "no") == 0)
    return C_("answer", "No");
  if (g_strcmp0 (answer, "unknown") == 0)
    return C_("answer", "Unknown");

  /* Translators: a high-risk indicator nobody has answered yet */
  return C_("answer", "Not answered");
}

/* Every indicator with its answer and the note it rests on; the
 * environment line of page 1 says what they make of it. */
static void
add_indicators (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *indicators = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_INDICATOR);
  const char *headers[] = { _("Indicator"), _("Kind"), _("Answer"), _("What it rests on") };
  static const double widths[] = { 0.32, 0.14, 0.12, 0.42 };
  g_autoptr(IapEnvironment) env = iap_environment_new_for_workshop (workshop);
  g_autofree char *summary = iap_environment_dup_summary (env, iap_workshop_get_catalog (workshop));
  g_autofree char *markup = NULL;
  const char *override = iap_workshop_get_environment_override (workshop);

  iap_report_add_subheading (report, _("High-risk environment indicators"));
  iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (indicators, i);
      IapIndicatorAnswer *answer = iap_workshop_find_indicator (workshop, iap_catalog_entry_get_id (entry));
      const char *value = answer != NULL ? iap_indicator_answer_get_answer (answer) : NULL;
      const char *note = answer != NULL ? iap_indicator_answer_get_note (answer) : NULL;
      g_autofree char *label = g_markup_escape_text (iap_catalog_entry_get_label (entry), -1);
      g_autofree char *text = iap_text_is_blank (note) ? g_strdup ("–") : dup_isolated_markup (note);
      g_autofree char *shown = g_strcmp0 (value, "yes") == 0 ? g_markup_printf_escaped ("<b>%s</b>", answer_label (value))
                                                             : g_markup_escape_text (answer_label (value), -1);
      const char *cells[4];

      cells[0] = label;
      cells[1] = g_strcmp0 (iap_catalog_entry_get_group (entry), "core") == 0 ? _("Core") : _("Tension point");
      cells[2] = shown, cells[3] = text;
      iap_report_add_row (report, cells, NULL);
    }
  iap_report_end_table (report);

  /* Translators: the environment classification and its reasons */
  markup = g_markup_printf_escaped (_("<b>Operating environment.</b> %s"), summary);
  iap_report_add_paragraph (report, markup);
  if (override[0] != '\0' && !env->overridden)
    {
      IapEnvironmentLevel level;
      g_autofree char *text = NULL;

      iap_environment_level_from_id (override, &level);
      /* Translators: %s is a classification, such as High-risk */
      text = g_markup_printf_escaped (_("<i>An override to %s is recorded without a justification: it is not in force.</i>"),
                                      iap_environment_level_to_label (level));
      iap_report_add_paragraph (report, text);
    }
}

/* Set-up and context as the facilitator recorded them */
static void
add_context (IapReport *report)
{
  iap_report_add_heading (report, _("Context"), TRUE);
  add_setting (report);
  add_indicators (report);
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
      g_autofree char *text = dup_risk_text (risk);
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
      g_autofree char *text = dup_isolated_markup (iap_dissent_get_text (dissent));
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
  if (!iap_text_is_blank (iap_workshop_get_rationale (workshop)))
    {
      g_autofree char *isolated = dup_isolated_markup (iap_workshop_get_rationale (workshop));

      rationale = g_strdup_printf (_("<b>Rationale of the recommendation:</b> %s"), isolated);
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

/* The measure, its kind, treatment, the factors it answers and its
 * notes: all that the plan records of it */
static char *
dup_mitigation_text (IapWorkshop   *workshop,
                     IapMitigation *mitigation)
{
  const char *title = iap_mitigation_get_title (mitigation);
  const char *treatment = iap_mitigation_get_treatment (mitigation);
  const char *notes = iap_mitigation_get_notes (mitigation);
  const char * const *factors = iap_mitigation_get_factors (mitigation);
  GString *text = g_string_new (NULL);
  g_autofree char *head = NULL;

  if (iap_text_is_blank (title))
    head = g_markup_printf_escaped ("<b>%s</b>", lookup_label (workshop, IAP_CATALOG_MEASURE,
                                                               iap_mitigation_get_measure (mitigation)));
  else
    {
      g_autofree char *isolated = dup_isolated_markup (title);
      g_autofree char *measure = g_markup_escape_text (lookup_label (workshop, IAP_CATALOG_MEASURE,
                                                                    iap_mitigation_get_measure (mitigation)), -1);

      head = g_strdup_printf ("<b>%s</b>\n%s", isolated, measure);
    }
  g_string_append (text, head);
  append_source (text, iap_mitigation_get_source (mitigation));
  if (!iap_text_is_blank (treatment))
    {
      /* Translators: the ISO 31000 treatment of a mitigation, in the report */
      g_autofree char *line = g_markup_printf_escaped (_("\n<i>Treatment:</i> %s"),
                                                       iap_mitigation_treatment_label (treatment));

      g_string_append (text, line);
    }
  if (factors != NULL && factors[0] != NULL)
    {
      g_autofree char *labels = iap_options_dup_labels (factors, iap_workshop_get_catalog (workshop), IAP_CATALOG_FACTOR);
      /* Translators: the triple-hatting factors a mitigation answers */
      g_autofree char *line = g_markup_printf_escaped (_("\n<i>Factors:</i> %s"), labels);

      g_string_append (text, line);
    }
  append_notes (text, notes);

  return g_string_free (text, FALSE);
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
      g_autofree char *title = dup_mitigation_text (workshop, mitigation);
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
 * when the report is anonymised; a dash for what is not given. */
static char *
dup_acceptor (IapReport *report,
              IapRisk   *risk)
{
  const char *name = iap_risk_get_accepted_by (risk);
  const char *role = iap_risk_get_acceptance_role (risk);
  gboolean has_name = !iap_text_is_blank (name) && !iap_report_get_anonymize (report);
  gboolean has_role = !iap_text_is_blank (role);

  if (has_name && has_role)
    return g_markup_printf_escaped ("%s\n<i>%s</i>", name, role);
  if (has_name)
    return g_markup_escape_text (name, -1);
  if (has_role)
    return g_markup_printf_escaped ("<i>%s</i>", role);
  if (!iap_text_is_blank (name))
    /* Translators: in the report's table of risk acceptances, instead of the name of whoever accepted the risk */
    return g_strdup (_("Not named"));

  return g_strdup ("–");
}

static gboolean
has_acceptance_record (IapRisk *risk)
{
  return !iap_text_is_blank (iap_risk_get_accepted_by (risk)) ||
         !iap_text_is_blank (iap_risk_get_acceptance_role (risk)) ||
         !iap_text_is_blank (iap_risk_get_acceptance_date (risk)) ||
         !iap_text_is_blank (iap_risk_get_acceptance_justification (risk));
}

/* Where an acceptance stands: complete, or what it lacks */
static char *
dup_acceptance_status (IapRisk   *risk,
                       IapScales *scales)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *list = NULL;

  if (!has_acceptance_record (risk))
    return g_strdup (_("<b>Not accepted</b>"));
  if (iap_risk_has_acceptance (risk))
    return g_strdup (iap_risk_is_above_appetite (risk, scales) ? _("Accepted")
                                                                : _("Accepted, though within the appetite"));

  if (iap_text_is_blank (iap_risk_get_accepted_by (risk)))
    g_ptr_array_add (missing, (gpointer) _("no name"));
  if (iap_text_is_blank (iap_risk_get_acceptance_role (risk)))
    g_ptr_array_add (missing, (gpointer) _("no role"));
  if (!iap_date_parse (iap_risk_get_acceptance_date (risk), NULL))
    g_ptr_array_add (missing, (gpointer) _("no date"));
  if (iap_text_is_blank (iap_risk_get_acceptance_justification (risk)))
    g_ptr_array_add (missing, (gpointer) _("no justification"));
  g_ptr_array_add (missing, NULL);
  /* Translators: joins what an acceptance lacks, as in “no role, no justification” */
  list = g_strjoinv (_(", "), (char **) missing->pdata);

  /* Translators: an acceptance that does not count yet, and what it lacks */
  return g_markup_printf_escaped (_("<b>Incomplete:</b> %s"), list);
}

/* Every risk above the appetite, accepted or not, and every acceptance
 * recorded, complete or not: none is left out. */
static void
add_acceptances (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  IapScales *scales = iap_workshop_get_scales (workshop);
  GListModel *risks = iap_workshop_get_risks (workshop);
  const char *headers[] = { _("Risk"), _("Residual"), _("Acceptance"), _("Accepted by"), _("Date"), _("Justification") };
  static const double widths[] = { 0.22, 0.10, 0.16, 0.17, 0.11, 0.24 };
  g_auto(GStrv) unaccepted = iap_workshop_dup_unaccepted (workshop);
  g_auto(GStrv) unassessed = iap_workshop_dup_unassessed (workshop);
  gboolean any = FALSE;

  iap_report_add_subheading (report, _("Residual risk and acceptances"));
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      int bands[6] = { IAP_REPORT_NO_BAND, 0, IAP_REPORT_NO_BAND, IAP_REPORT_NO_BAND, IAP_REPORT_NO_BAND, IAP_REPORT_NO_BAND };
      g_autofree char *title = NULL, *residual = NULL, *status = NULL, *by = NULL, *date = NULL, *why = NULL;
      g_autofree char *isolated = NULL;
      const char *cells[6];

      if (!iap_risk_is_above_appetite (risk, scales) && !has_acceptance_record (risk))
        continue;
      if (!any)
        iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
      any = TRUE;
      isolated = iap_text_isolate (iap_risk_get_title (risk));
      /* Translators: a risk by its number in the register, then its title */
      title = g_markup_printf_escaped (C_("risk", "%u. %s"), i + 1, isolated);
      residual = dup_rating (workshop, risk, IAP_RATING_RESIDUAL, &bands[1]);
      status = dup_acceptance_status (risk, scales);
      by = dup_acceptor (report, risk);
      date = format_date (iap_risk_get_acceptance_date (risk));
      why = iap_text_is_blank (iap_risk_get_acceptance_justification (risk))
            ? g_strdup ("–") : dup_isolated_markup (iap_risk_get_acceptance_justification (risk));
      cells[0] = title, cells[1] = residual, cells[2] = status;
      cells[3] = by, cells[4] = date[0] != '\0' ? date : "–", cells[5] = why;
      iap_report_add_row (report, cells, bands);
    }
  if (any)
    iap_report_end_table (report);
  else
    iap_report_add_paragraph (report, _("No residual risk is above the appetite, and no acceptance is recorded."));

  if (unaccepted[0] != NULL)
    {
      g_autofree char *numbers = dup_risk_numbers (workshop, (const char * const *) unaccepted);
      guint n = g_strv_length (unaccepted);
      g_autofree char *text = g_markup_printf_escaped (g_dngettext (NULL,
                                                                    "<b>The plan cannot be signed yet:</b> %u risk above the appetite has no complete acceptance (risk %s).",
                                                                    "<b>The plan cannot be signed yet:</b> %u risks above the appetite have no complete acceptance (risks %s).",
                                                                    n), n, numbers);

      iap_report_add_paragraph (report, text);
    }
  if (unassessed[0] != NULL)
    {
      g_autofree char *numbers = dup_risk_numbers (workshop, (const char * const *) unassessed);
      guint n = g_strv_length (unassessed);
      g_autofree char *text = g_markup_printf_escaped (g_dngettext (NULL,
                                                                    "%u risk has no residual rating yet and cannot be judged against the appetite (risk %s).",
                                                                    "%u risks have no residual rating yet and cannot be judged against the appetite (risks %s).",
                                                                    n), n, numbers);

      iap_report_add_paragraph (report, text);
    }
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

/* "Name (Entity)", each isolated in its own direction; without one of
 * them, the other alone; without either, the participant's id */
static char *
dup_participant (IapParticipant *participant)
{
  const char *name = iap_participant_get_name (participant);
  const char *entity = iap_participant_get_entity (participant);
  g_autofree char *who = iap_text_isolate (name);
  g_autofree char *where = iap_text_isolate (entity);

  if (iap_text_is_blank (name) && iap_text_is_blank (entity))
    /* Translators: a participant with neither a name nor an entity, by their id in the file */
    return g_markup_printf_escaped (_("Participant %s"), iap_participant_get_id (participant));
  if (iap_text_is_blank (entity))
    return g_markup_escape_text (who, -1);
  if (iap_text_is_blank (name))
    return g_markup_escape_text (where, -1);

  /* Translators: a participant's name, then their entity */
  return g_markup_printf_escaped (C_("participant", "%s (%s)"), who, where);
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
      who = dup_participant (participant);
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

static const char *
kind_label (IapCatalogEntry *entry)
{
  const char *kind = iap_catalog_entry_get_kind (entry);

  if (g_strcmp0 (kind, IAP_CATALOG_ARRANGEMENT) == 0)
    return _("Integration arrangement");
  if (g_strcmp0 (kind, IAP_CATALOG_AREA) == 0)
    return _("Humanitarian-space area");
  if (g_strcmp0 (kind, IAP_CATALOG_FACTOR) == 0)
    return g_strcmp0 (iap_catalog_entry_get_polarity (entry), "risk") == 0 ? _("Triple-hatting factor: a risk")
                                                                           : _("Triple-hatting factor: a benefit");
  if (g_strcmp0 (kind, IAP_CATALOG_MEASURE) == 0)
    return _("Mitigation measure");
  if (g_strcmp0 (kind, IAP_CATALOG_OPTION) == 0)
    return _("Structural option");

  return kind;
}

/* What the workshop added to the catalog, with its descriptions */
static void
add_own_entries (IapReport *report)
{
  GListModel *custom = iap_catalog_get_custom (iap_workshop_get_catalog (iap_report_get_workshop (report)));
  const char *headers[] = { _("Entry"), _("Kind"), _("Description") };
  static const double widths[] = { 0.30, 0.25, 0.45 };

  if (g_list_model_get_n_items (custom) == 0)
    return;
  iap_report_add_subheading (report, _("The workshop’s own catalog entries"));
  iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < g_list_model_get_n_items (custom); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (custom, i);
      g_autofree char *label = g_markup_escape_text (iap_catalog_entry_get_label (entry), -1);
      g_autofree char *kind = g_markup_escape_text (kind_label (entry), -1);
      const char *description = iap_catalog_entry_get_description (entry);
      g_autofree char *text = g_markup_escape_text (iap_text_is_blank (description) ? "–" : description, -1);
      const char *cells[] = { label, kind, text };

      iap_report_add_row (report, cells, NULL);
    }
  iap_report_end_table (report);
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
  add_own_entries (report);
  add_participants (report);
}

void
iap_report_add_sections (IapReport *self)
{
  add_summary (self);
  add_register (self);
  add_group_results (self);
  iap_report_add_decision (self);
  add_plan (self);
  add_context (self);
  iap_report_add_changes_since (self);
  add_method (self);
}
