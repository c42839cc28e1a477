/* test-mitigation.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-appetite.h"
#include "iap-workshop-file.h"

static IapWorkshop *
load_example (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/example.iapw", 0, NULL);
  g_autoptr(GError) error = NULL;
  IapWorkshop *workshop;

  g_assert_nonnull (bytes);
  workshop = iap_workshop_load_bytes (bytes, "example.iapw", &error);
  g_assert_no_error (error);

  return workshop;
}

static void
test_date_parse (void)
{
  GDate date;

  g_assert_true (iap_date_parse ("2026-02-28", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 28);
  g_assert_true (iap_date_parse ("2028-02-29", NULL));
  g_assert_false (iap_date_parse ("2026-02-29", NULL));
  g_assert_false (iap_date_parse ("2026-13-01", NULL));
  g_assert_false (iap_date_parse ("2026-1-01", NULL));
  g_assert_false (iap_date_parse ("26-01-2026", NULL));
  g_assert_false (iap_date_parse ("2026-01-01x", NULL));
  g_assert_false (iap_date_parse ("", NULL));
  g_assert_false (iap_date_parse (NULL, NULL));
}

static void
set_residual (IapWorkshop *workshop,
              IapRisk     *risk,
              guint        likelihood,
              guint        impact)
{
  iap_workshop_set (workshop, risk,
                    "residual-likelihood", likelihood,
                    "residual-impact", impact,
                    NULL);
}

static void
test_appetite (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  IapScales *scales = iap_workshop_get_scales (workshop);
  IapRisk *risk = iap_workshop_add_risk (workshop, "co-location", "perception", "Test");
  IapBand band;

  /* No residual rating: not assessed, so neither above nor below. */
  g_assert_false (iap_risk_get_residual_band (risk, scales, NULL));
  g_assert_false (iap_risk_is_above_appetite (risk, scales));

  set_residual (workshop, risk, 1, 1);
  g_assert_true (iap_risk_get_residual_band (risk, scales, &band));
  g_assert_cmpint (band, ==, IAP_BAND_LOW);
  g_assert_false (iap_risk_is_above_appetite (risk, scales));

  set_residual (workshop, risk, 5, 5);
  g_assert_true (iap_risk_get_residual_band (risk, scales, &band));
  g_assert_cmpint (band, ==, IAP_BAND_CRITICAL);
  g_assert_true (iap_risk_is_above_appetite (risk, scales));

  /* The appetite is the highest acceptable band: at it is not above. */
  iap_workshop_set (workshop, scales, "appetite", (guint)IAP_BAND_CRITICAL, NULL);
  g_assert_false (iap_risk_is_above_appetite (risk, scales));

  /* Out of range levels are not a rating. */
  set_residual (workshop, risk, 9, 1);
  g_assert_false (iap_risk_get_residual_band (risk, scales, NULL));
}

static void
test_acceptance (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  IapScales *scales = iap_workshop_get_scales (workshop);
  IapRisk *risk = iap_workshop_add_risk (workshop, "co-location", "perception", "Test");
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) unassessed = NULL;

  unassessed = iap_workshop_dup_unassessed (workshop);
  g_assert_cmpstrv (unassessed, ((const char * const[]) { iap_risk_get_id (risk), NULL }));
  none = iap_workshop_dup_unaccepted (workshop);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  set_residual (workshop, risk, 5, 5);
  before = iap_workshop_dup_unaccepted (workshop);
  g_assert_cmpstrv (before, ((const char * const[]) { iap_risk_get_id (risk), NULL }));
  g_assert_true (iap_risk_needs_acceptance (risk, scales));

  /* A partial acceptance does not count. */
  iap_workshop_set (workshop, risk,
                    "accepted-by", "Ama Boateng",
                    "acceptance-role", "DSRSG/RC/HC",
                    "acceptance-date", "2026-02-30",
                    "acceptance-justification", "Reviewed monthly.",
                    NULL);
  g_assert_false (iap_risk_has_acceptance (risk));
  g_assert_true (iap_risk_needs_acceptance (risk, scales));
  iap_workshop_set (workshop, risk, "acceptance-date", "2026-03-11", NULL);
  g_assert_true (iap_risk_has_acceptance (risk));
  iap_workshop_set (workshop, risk, "acceptance-justification", "  ", NULL);
  g_assert_false (iap_risk_has_acceptance (risk));
  /* Unicode white space is as blank as ASCII: a no-break space, an
   * ideographic space, a zero-width space */
  iap_workshop_set (workshop, risk, "acceptance-justification", "\u00a0", NULL);
  g_assert_false (iap_risk_has_acceptance (risk));
  iap_workshop_set (workshop, risk, "acceptance-justification", "Reviewed monthly.",
                    "acceptance-role", "\u3000\u200b\n", NULL);
  g_assert_false (iap_risk_has_acceptance (risk));
  g_assert_true (iap_risk_needs_acceptance (risk, scales));
  iap_workshop_set (workshop, risk, "acceptance-role", "DSRSG/RC/HC",
                    "accepted-by", "\u202f\u2007", NULL);
  g_assert_false (iap_risk_has_acceptance (risk));
  iap_workshop_set (workshop, risk, "accepted-by", "Ama Boateng", NULL);
  g_assert_true (iap_risk_has_acceptance (risk));
  iap_workshop_set (workshop, risk, "acceptance-justification", "Reviewed monthly.", NULL);

  after = iap_workshop_dup_unaccepted (workshop);
  g_assert_cmpuint (g_strv_length (after), ==, 0);

  /* Undo brings the need back. */
  g_assert_true (iap_workshop_undo (workshop));
  g_assert_true (iap_risk_needs_acceptance (risk, scales));
}

static void
test_overdue (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  IapMitigation *m = iap_workshop_add_mitigation (workshop, "separate-support", "Move out");
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_MAY, 2026);

  /* No due date: never overdue. */
  g_assert_false (iap_mitigation_is_overdue (m, today));

  iap_workshop_set (workshop, m, "due", "2026-05-14", NULL);
  g_assert_true (iap_mitigation_is_overdue (m, today));
  iap_workshop_set (workshop, m, "status", "in-progress", NULL);
  g_assert_true (iap_mitigation_is_overdue (m, today));
  iap_workshop_set (workshop, m, "status", "done", NULL);
  g_assert_false (iap_mitigation_is_overdue (m, today));
  iap_workshop_set (workshop, m, "status", "dropped", NULL);
  g_assert_false (iap_mitigation_is_overdue (m, today));

  /* Due today is not yet overdue. */
  iap_workshop_set (workshop, m, "status", "planned", "due", "2026-05-15", NULL);
  g_assert_false (iap_mitigation_is_overdue (m, today));
  iap_workshop_set (workshop, m, "due", "not a date", NULL);
  g_assert_false (iap_mitigation_is_overdue (m, today));
}

static void
test_example (void)
{
  g_autoptr(IapWorkshop) workshop = load_example ();
  g_auto(GStrv) unaccepted = iap_workshop_dup_unaccepted (workshop);
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_MAY, 2026);
  IapMitigation *m4 = iap_workshop_find_mitigation (workshop, "m4");
  IapMitigation *m1 = iap_workshop_find_mitigation (workshop, "m1");

  /* The example is a plan a country team would sign. */
  g_assert_cmpuint (g_strv_length (unaccepted), ==, 0);
  g_assert_true (iap_mitigation_is_overdue (m4, today));
  g_assert_false (iap_mitigation_is_overdue (m1, today));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mitigation/date-parse", test_date_parse);
  g_test_add_func ("/mitigation/appetite", test_appetite);
  g_test_add_func ("/mitigation/acceptance", test_acceptance);
  g_test_add_func ("/mitigation/overdue", test_overdue);
  g_test_add_func ("/mitigation/example", test_example);

  return g_test_run ();
}
