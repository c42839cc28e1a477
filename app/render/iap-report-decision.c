/* iap-report-decision.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The report's section on the IAP decision: where to integrate and how
 * deeply (the integration map), what each structural option entails and
 * the risks it brings, the current configuration and the change
 * recommended, and the IAP minimum requirements and ISF elements the
 * workshop covers.
 */

#define G_LOG_DOMAIN "iap-report"

#include "config.h"

#include "iap-i18n.h"

#include "iap-integration-chart.h"
#include "iap-integration-map.h"
#include "iap-option-maps.h"
#include "iap-report-private.h"
#include "iap-text.h"

/* The tallest a chart of this section is drawn: taller ones shrink */
#define MAX_CHART_HEIGHT 680.0

static const char *
label_of (IapWorkshop *workshop,
          const char  *kind,
          const char  *id)
{
  IapCatalogEntry *entry;

  if (id == NULL || id[0] == '\0')
    return "";
  entry = iap_catalog_lookup (iap_workshop_get_catalog (workshop), kind, id);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : id;
}

static char *
dup_labels (IapWorkshop        *workshop,
            const char         *kind,
            const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", label_of (workshop, kind, ids[i]));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_map (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *map = iap_workshop_get_integration_map (workshop);
  const IapReportChart chart = IAP_REPORT_CHART_INTEGRATION_MAP;
  const char *caption = _("Where to integrate, and how deeply");
  const char *headers[] = { _("Area"), _("Depth"), _("Expected impact"), _("Transaction costs"), C_("criterion", "Risks") };
  static const double widths[] = { 0.19, 0.15, 0.22, 0.22, 0.22 };
  double height;

  if (g_list_model_get_n_items (map) == 0)
    {
      iap_report_add_subheading (report, caption);
      iap_report_add_paragraph (report, _("No area on the integration map yet."));
      return;
    }

  /* The chart's caption is the heading of the map */

  height = iap_integration_chart_get_height (workshop, iap_report_get_text_width (report));
  iap_report_add_charts (report, &chart, &caption, 1, MIN (height, MAX_CHART_HEIGHT));

  iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < g_list_model_get_n_items (map); i++)
    {
      g_autoptr(IapIntegrationArea) area = g_list_model_get_item (map, i);
      const char *depth = iap_integration_area_get_depth (area);
      g_autofree char *name = g_markup_escape_text (label_of (workshop, IAP_CATALOG_INTEGRATION_AREA,
                                                              iap_integration_area_get_area (area)), -1);
      g_autofree char *depth_text = g_markup_escape_text (depth != NULL && depth[0] != '\0'
                                                          ? label_of (workshop, IAP_CATALOG_DEPTH, depth)
                                                          : _("Not chosen yet"), -1);
      char *criteria[IAP_N_CRITERIA];
      const char *cells[2 + IAP_N_CRITERIA];

      for (guint c = 0; c < IAP_N_CRITERIA; c++)
        {
          const char *reason = iap_integration_area_get_reason (area, c);
          const char *level = iap_level_get_label (iap_integration_area_get_level (area, c));

          if (iap_text_is_blank (reason))
            criteria[c] = g_markup_printf_escaped ("<b>%s</b>", level);
          else
            criteria[c] = g_markup_printf_escaped ("<b>%s</b>\n%s", level, reason);
        }
      if (iap_workshop_integration_area_risks_high (workshop, area))
        {
          g_autofree char *linked = criteria[IAP_CRITERION_RISKS];

          criteria[IAP_CRITERION_RISKS] = g_strdup_printf ("%s\n<i>%s</i>", linked, _("High risks"));
        }

      cells[0] = name, cells[1] = depth_text;
      for (guint c = 0; c < IAP_N_CRITERIA; c++)
        cells[2 + c] = criteria[c];
      iap_report_add_row (report, cells, NULL);
      for (guint c = 0; c < IAP_N_CRITERIA; c++)
        g_free (criteria[c]);
    }
  iap_report_end_table (report);
}

/* What moving from the current configuration to the recommended one changes */
static void
add_change (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  const char *current = iap_workshop_get_current_option (workshop);
  const char *recommended = iap_workshop_get_recommendation (workshop);
  g_autofree char *current_label = iap_text_isolate (label_of (workshop, IAP_CATALOG_OPTION, current));
  g_autofree char *recommended_label = iap_text_isolate (label_of (workshop, IAP_CATALOG_OPTION, recommended));
  g_auto(GStrv) added = NULL;
  g_auto(GStrv) removed = NULL;
  g_autofree char *added_labels = NULL;
  g_autofree char *removed_labels = NULL;
  g_autofree char *adds = NULL;
  g_autofree char *removes = NULL;
  g_autofree char *markup = NULL;

  if (current[0] == '\0')
    markup = g_strdup (_("<b>Current configuration:</b> not recorded (Context step)."));
  else if (recommended[0] == '\0')
    /* Translators: %s is the current structural configuration */
    markup = g_markup_printf_escaped (_("<b>Current configuration:</b> %s. No change recommended yet."), current_label);
  else if (g_str_equal (current, recommended))
    /* Translators: %s is the current structural configuration, which the group recommends keeping */
    markup = g_markup_printf_escaped (_("<b>Current configuration:</b> %s. The group recommends keeping it: no arrangement changes."),
                                      current_label);
  else
    {
      iap_workshop_dup_configuration_change (workshop, current, recommended, &added, &removed);
      added_labels = dup_labels (workshop, IAP_CATALOG_ARRANGEMENT, (const char * const *)added);
      removed_labels = dup_labels (workshop, IAP_CATALOG_ARRANGEMENT, (const char * const *)removed);
      adds = iap_text_isolate (added[0] != NULL ? added_labels : _("none"));
      removes = iap_text_isolate (removed[0] != NULL ? removed_labels : _("none"));
      /* Translators: the current configuration, the recommended one, the arrangements the change adds, those it removes */
      markup = g_markup_printf_escaped (_("<b>Current configuration:</b> %s. <b>Recommended:</b> %s. "
                                          "The change adds: %s; it removes: %s."),
                                        current_label, recommended_label, adds, removes);
    }
  iap_report_add_callout (report, markup, -1);
}

static void
add_options (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  const char * const *options = iap_workshop_get_options (workshop);
  const IapReportChart chart = IAP_REPORT_CHART_OPTION_MAPS;
  const char *caption = _("Risks each structural option brings");
  double height;

  iap_report_add_subheading (report, _("What each structural option entails"));
  add_change (report);
  if (options == NULL || options[0] == NULL)
    {
      iap_report_add_paragraph (report, _("No structural options are under consideration yet: choose them in the Context step."));
      return;
    }

  for (guint i = 0; options[i] != NULL; i++)
    {
      g_auto(GStrv) arrangements = iap_workshop_dup_option_arrangements (workshop, options[i]);
      g_autoptr(GPtrArray) consequences = iap_workshop_dup_consequences (workshop, options[i]);
      g_autoptr(GPtrArray) risks = iap_workshop_dup_option_risks (workshop, options[i]);
      g_autofree char *brings = dup_labels (workshop, IAP_CATALOG_ARRANGEMENT, (const char * const *)arrangements);
      g_autoptr(GString) markup = g_string_new (NULL);
      g_autofree char *head = NULL;

      if (arrangements[0] == NULL)
        head = g_markup_printf_escaped (_("<b>%s</b> brings no integration arrangement and none of the register’s risks."),
                                        label_of (workshop, IAP_CATALOG_OPTION, options[i]));
      else
        head = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                     "<b>%s</b> brings %s, and %u risk of the register.",
                                                     "<b>%s</b> brings %s, and %u risks of the register.",
                                                     risks->len),
                                        label_of (workshop, IAP_CATALOG_OPTION, options[i]), brings, risks->len);
      g_string_append (markup, head);
      for (guint c = 0; c < consequences->len; c++)
        {
          IapCatalogEntry *entry = g_ptr_array_index (consequences, c);
          g_autofree char *citation = iap_catalog_entry_dup_citation (entry);
          g_autofree char *line = NULL;

          if (citation != NULL)
            {
              /* Translators: the source of a consequence, after its description */
              g_autofree char *cited = g_strdup_printf (C_("citation", "(%s)"), citation);

              line = g_markup_printf_escaped ("\n• %s <i>%s</i>", iap_catalog_entry_get_description (entry), cited);
            }
          else
            line = g_markup_printf_escaped ("\n• %s", iap_catalog_entry_get_description (entry));
          g_string_append (markup, line);
        }
      iap_report_add_paragraph (report, markup->str);
    }

  height = iap_option_maps_get_height (workshop, iap_report_get_text_width (report));
  iap_report_add_charts (report, &chart, &caption, 1, MIN (height, MAX_CHART_HEIGHT));
}

static void
add_requirements (IapReport *report)
{
  IapWorkshop *workshop = iap_report_get_workshop (report);
  GListModel *entries = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_REQUIREMENT);
  const char *headers[] = { _("Requirement"), _("Status"), _("Where the workshop covers it") };
  static const double widths[] = { 0.34, 0.16, 0.50 };

  iap_report_add_subheading (report, _("IAP minimum requirements and ISF elements"));
  iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);
      const char *id = iap_catalog_entry_get_id (entry);
      IapRequirementStatus *recorded = iap_workshop_find_requirement_status (workshop, id);
      g_autofree char *coverage = iap_workshop_dup_requirement_coverage (workshop, id);
      gboolean suggested = FALSE;
      const char *status = iap_workshop_get_requirement_state (workshop, id, &suggested);
      const char *note = recorded != NULL ? iap_requirement_status_get_note (recorded) : NULL;
      g_autofree char *name = g_markup_escape_text (iap_catalog_entry_get_label (entry), -1);
      g_autofree char *state = NULL;
      g_autofree char *where = NULL;
      const char *cells[3];

      if (status != NULL && suggested)
        /* Translators: a requirement's status the workshop suggests, not yet confirmed */
        state = g_markup_printf_escaped (_("%s\n<i>suggested</i>"), iap_requirement_status_get_label (status));
      else
        state = g_markup_escape_text (iap_requirement_status_get_label (status), -1);
      if (iap_text_is_blank (note))
        where = g_markup_escape_text (coverage, -1);
      else
        where = g_markup_printf_escaped ("%s\n<i>%s</i>", coverage, note);

      cells[0] = name, cells[1] = state, cells[2] = where;
      iap_report_add_row (report, cells, NULL);
    }
  iap_report_end_table (report);
  iap_report_add_paragraph (report, _("A status the facilitator has not confirmed is the one the workshop’s "
                                      "own work suggests, and is marked “suggested”."));
}

/**
 * iap_report_add_decision:
 *
 * Adds the section on the IAP decision: the integration map, what each
 * structural option entails, and the requirements.
 */
void
iap_report_add_decision (IapReport *report)
{
  iap_report_add_heading (report, _("The IAP decision"), TRUE);
  add_map (report);
  add_options (report);
  add_requirements (report);
}
