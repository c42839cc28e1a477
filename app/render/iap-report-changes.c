/* iap-report-changes.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The report's optional "Changes since" section: what changed from an
 * earlier workshop (the one before the mandate renewal, a field office's
 * copy) to this one, with the movement charts and, step by step, each
 * change.
 */

#define G_LOG_DOMAIN "iap-report"

#include "config.h"

#include "iap-i18n.h"

#include "iap-report-private.h"

/* Fields that name people: an anonymous report says only that they
 * changed. */
static gboolean
names_people (IapChange *change)
{
  const char *field = iap_change_get_field (change);

  return g_strcmp0 (field, "owner") == 0 || g_strcmp0 (field, "facilitator") == 0 ||
         g_strcmp0 (field, "acceptance") == 0;
}

static void
add_row (IapReport  *report,
         const char *item,
         const char *change)
{
  g_autofree char *item_markup = g_markup_escape_text (item, -1);
  g_autofree char *change_markup = g_markup_escape_text (change, -1);
  const char *cells[] = { item_markup, change_markup };

  iap_report_add_row (report, cells, NULL);
}

/* An anonymous report counts the participants who came, left or changed,
 * and names none. */
static void
add_participants_count (IapReport  *report,
                        const guint counts[3])
{
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", counts[IAP_CHANGE_ADDED]),
                                            counts[IAP_CHANGE_ADDED]);
  g_autofree char *removed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", counts[IAP_CHANGE_REMOVED]),
                                              counts[IAP_CHANGE_REMOVED]);
  g_autofree char *changed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", counts[IAP_CHANGE_CHANGED]),
                                              counts[IAP_CHANGE_CHANGED]);
  /* Translators: the participants' changes in an anonymous report */
  g_autofree char *text = g_strdup_printf (C_("report changes", "%s, %s, %s"), added, removed, changed);

  add_row (report, _("Participants"), text);
}

static void
add_step (IapReport  *report,
          GListModel *changes,
          IapStep     step)
{
  const char *headers[] = { C_("report changes", "Item"), C_("report changes", "Change") };
  static const double widths[] = { 0.36, 0.64 };
  gboolean anonymize = iap_report_get_anonymize (report);
  guint participants[3] = { 0, };
  gboolean begun = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(IapChange) change = g_list_model_get_item (changes, i);

      if (iap_change_get_step (change) != step)
        continue;
      if (!begun)
        {
          iap_report_add_subheading (report, iap_step_to_label (step));
          iap_report_begin_table (report, headers, widths, G_N_ELEMENTS (widths));
          begun = TRUE;
        }

      if (anonymize && g_str_equal (iap_change_get_subject (change), "participant"))
        participants[iap_change_get_kind (change)]++;
      else if (anonymize && names_people (change))
        {
          /* Translators: in an anonymous report, a field naming people */
          g_autofree char *text = g_strdup_printf (C_("report changes", "%s: changed"),
                                                   iap_change_get_field_label (change));

          add_row (report, iap_change_get_heading (change), text);
        }
      else
        add_row (report, iap_change_get_heading (change), iap_change_get_description (change));
    }

  if (participants[0] + participants[1] + participants[2] > 0)
    add_participants_count (report, participants);
  if (begun)
    iap_report_end_table (report);
}

/**
 * iap_report_add_changes_since:
 *
 * Adds the "Changes since" section when the report has a comparison.
 */
void
iap_report_add_changes_since (IapReport *self)
{
  IapComparison *since = iap_report_get_since (self);
  static const IapReportChart charts[] = {
    IAP_REPORT_CHART_MOVEMENT_INHERENT, IAP_REPORT_CHART_MOVEMENT_RESIDUAL
  };
  const char *captions[] = { _("Inherent risk"), _("Residual risk, after mitigation") };
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *intro = NULL;
  GListModel *changes;

  if (since == NULL)
    return;

  changes = iap_comparison_get_changes (since);
  /* Translators: a section of the report; %s names the earlier workshop */
  heading = g_strdup_printf (_("Changes since %s"), iap_comparison_get_old_label (since));
  iap_report_add_heading (self, heading, TRUE);

  summary = iap_comparison_dup_summary (since);
  intro = g_markup_printf_escaped (_("What changed from %s to this workshop. %s."),
                                   iap_comparison_get_old_label (since), summary);
  iap_report_add_paragraph (self, intro);
  if (iap_comparison_is_empty (since))
    return;

  iap_report_add_paragraph (self, _("On the charts, each risk has its number in this workshop’s "
                                    "register, where it is now; a risk that moved has a dashed circle "
                                    "where it was and an arrow from there."));
  /* One chart a row, at the width of the text: risks that moved are
   * often in the crowded cells */
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    iap_report_add_charts (self, &charts[c], &captions[c], 1, iap_report_get_text_width (self) * 0.52);

  for (IapStep step = 0; step < IAP_N_STEPS; step++)
    add_step (self, changes, step);
}
