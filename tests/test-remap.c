/* test-remap.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-workshop.h"

static void
test_remap_level (void)
{
  /* The ends stay the ends; the middle goes to the nearest place. */
  g_assert_cmpuint (iap_workshop_remap_level (0, 5, 3), ==, 0);
  g_assert_cmpuint (iap_workshop_remap_level (1, 5, 3), ==, 1);
  g_assert_cmpuint (iap_workshop_remap_level (2, 5, 3), ==, 2);
  g_assert_cmpuint (iap_workshop_remap_level (3, 5, 3), ==, 2);
  g_assert_cmpuint (iap_workshop_remap_level (4, 5, 3), ==, 3);
  g_assert_cmpuint (iap_workshop_remap_level (5, 5, 3), ==, 3);
  g_assert_cmpuint (iap_workshop_remap_level (3, 3, 6), ==, 6);
  g_assert_cmpuint (iap_workshop_remap_level (2, 3, 6), ==, 4);
  g_assert_cmpuint (iap_workshop_remap_level (4, 5, 6), ==, 5);

  for (guint n = IAP_SCALE_MIN_LEVELS; n <= IAP_SCALE_MAX_LEVELS; n++)
    for (guint level = 1; level <= n; level++)
      g_assert_cmpuint (iap_workshop_remap_level (level, n, n), ==, level);
}

static IapWorkshop *
rated_workshop (IapRisk  **risk,
                IapRound **round)
{
  IapWorkshop *workshop = iap_workshop_new ();
  IapParticipant *participant;

  participant = iap_workshop_add_participant (workshop, "humanitarian", "Ana", NULL);
  *risk = iap_workshop_add_risk (workshop, "co-location", "perception", "Shared compound");
  iap_workshop_set (workshop, *risk,
                    "inherent-likelihood", 5, "inherent-impact", 4,
                    "residual-likelihood", 3, "residual-impact", 0,
                    NULL);
  *round = iap_workshop_add_round (workshop, "private");
  iap_workshop_set_rating (workshop, *round, iap_participant_get_id (participant),
                           iap_risk_get_id (*risk), 2, 5);

  return workshop;
}

/* Shrinking to 3 x 3 moves every rating, agreed and private, in one step
 * that Undo reverts; an unrated dimension stays unrated. */
static void
test_remap_shrink (void)
{
  IapRisk *risk;
  IapRound *round;
  g_autoptr(IapWorkshop) workshop = rated_workshop (&risk, &round);
  IapScales *scales = iap_workshop_get_scales (workshop);
  IapRating *rating;
  g_autoptr(GError) error = NULL;

  g_assert_true (iap_workshop_has_ratings (workshop));
  g_assert_false (iap_workshop_resize_scales (workshop, 3, 3, &error));
  g_assert_error (error, IAP_WORKSHOP_ERROR, IAP_WORKSHOP_ERROR_OUT_OF_RANGE);

  iap_workshop_remap_scales (workshop, 3, 3);
  g_assert_cmpuint (iap_scales_get_n_likelihood (scales), ==, 3);
  g_assert_cmpuint (iap_scales_get_n_impact (scales), ==, 3);
  g_assert_cmpuint (iap_risk_get_inherent_likelihood (risk), ==, 3);
  g_assert_cmpuint (iap_risk_get_inherent_impact (risk), ==, 3);
  g_assert_cmpuint (iap_risk_get_residual_likelihood (risk), ==, 2);
  g_assert_cmpuint (iap_risk_get_residual_impact (risk), ==, 0);
  rating = g_list_model_get_item (iap_round_get_ratings (round), 0);
  g_assert_cmpuint (iap_rating_get_likelihood (rating), ==, 2);
  g_assert_cmpuint (iap_rating_get_impact (rating), ==, 3);
  g_assert_cmpuint (g_variant_n_children (iap_scales_get_bands (scales)), ==, 9);

  g_assert_true (iap_workshop_undo (workshop));
  g_assert_cmpuint (iap_scales_get_n_likelihood (scales), ==, 5);
  g_assert_cmpuint (iap_risk_get_inherent_likelihood (risk), ==, 5);
  g_assert_cmpuint (iap_risk_get_inherent_impact (risk), ==, 4);
  g_assert_cmpuint (iap_rating_get_impact (rating), ==, 5);
  g_assert_cmpuint (g_variant_n_children (iap_scales_get_bands (scales)), ==, 25);
  g_object_unref (rating);
}

/* A matrix can grow in one direction and shrink in the other. */
static void
test_remap_mixed (void)
{
  IapRisk *risk;
  IapRound *round;
  g_autoptr(IapWorkshop) workshop = rated_workshop (&risk, &round);
  IapScales *scales = iap_workshop_get_scales (workshop);

  iap_workshop_remap_scales (workshop, 6, 3);
  g_assert_cmpuint (iap_scales_get_n_likelihood (scales), ==, 6);
  g_assert_cmpuint (iap_scales_get_n_impact (scales), ==, 3);
  g_assert_cmpuint (iap_risk_get_inherent_likelihood (risk), ==, 6);
  g_assert_cmpuint (iap_risk_get_inherent_impact (risk), ==, 3);
  g_assert_cmpuint (iap_scales_get_band (scales, 6, 3), ==,
                    iap_band_default_for_cell (6, 3, 6, 3));
}

/* Bands are per cell: one cell changes, the others keep theirs, and a
 * reset brings back the defaults and the default level names. */
static void
test_remap_bands_and_reset (void)
{
  g_autoptr(IapWorkshop) workshop = iap_workshop_new ();
  IapScales *scales = iap_workshop_get_scales (workshop);
  g_autoptr(IapScaleLevel) top = NULL;
  g_autoptr(GError) error = NULL;

  iap_workshop_set_band (workshop, 1, 1, IAP_BAND_CRITICAL);
  g_assert_cmpuint (iap_scales_get_band (scales, 1, 1), ==, IAP_BAND_CRITICAL);
  g_assert_cmpuint (iap_scales_get_band (scales, 1, 2), ==, IAP_BAND_LOW);
  g_assert_cmpuint (iap_scales_get_band (scales, 5, 5), ==, IAP_BAND_CRITICAL);

  top = g_list_model_get_item (iap_scales_get_likelihood (scales), 4);
  iap_workshop_set (workshop, top, "label", "Nearly sure", NULL);
  iap_workshop_reset_scales (workshop);
  g_assert_cmpuint (iap_scales_get_band (scales, 1, 1), ==, IAP_BAND_LOW);
  g_assert_cmpstr (iap_scale_level_get_label (top), ==, "Almost certain");

  /* On three levels, the defaults are taken at the ends and the middle. */
  g_assert_true (iap_workshop_resize_scales (workshop, 3, 3, &error));
  iap_workshop_reset_scales (workshop);
  {
    g_autoptr(IapScaleLevel) low = g_list_model_get_item (iap_scales_get_likelihood (scales), 0);
    g_autoptr(IapScaleLevel) mid = g_list_model_get_item (iap_scales_get_likelihood (scales), 1);
    g_autoptr(IapScaleLevel) high = g_list_model_get_item (iap_scales_get_likelihood (scales), 2);

    g_assert_cmpstr (iap_scale_level_get_label (low), ==, "Rare");
    g_assert_cmpstr (iap_scale_level_get_label (mid), ==, "Possible");
    g_assert_cmpstr (iap_scale_level_get_label (high), ==, "Almost certain");
  }

  g_assert_true (iap_workshop_undo (workshop));
  g_assert_cmpuint (iap_scales_get_n_likelihood (scales), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/remap/level", test_remap_level);
  g_test_add_func ("/remap/shrink", test_remap_shrink);
  g_test_add_func ("/remap/mixed", test_remap_mixed);
  g_test_add_func ("/remap/bands-and-reset", test_remap_bands_and_reset);

  return g_test_run ();
}
