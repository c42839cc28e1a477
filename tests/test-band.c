/* test-band.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-band.h"

static void
test_band_default_5x5 (void)
{
  /* Low 1-4, Medium 5-9, High 10-16, Critical 20-25 */
  for (guint l = 1; l <= 5; l++)
    {
      for (guint i = 1; i <= 5; i++)
        {
          guint score = l * i;
          IapBand expected;

          if (score <= 4)
            expected = IAP_BAND_LOW;
          else if (score <= 9)
            expected = IAP_BAND_MEDIUM;
          else if (score <= 16)
            expected = IAP_BAND_HIGH;
          else
            expected = IAP_BAND_CRITICAL;

          g_assert_cmpint (iap_band_default_for_cell (5, 5, l, i), ==, expected);
        }
    }
}

static void
test_band_default_monotone (void)
{
  for (guint nl = IAP_SCALE_MIN_LEVELS; nl <= IAP_SCALE_MAX_LEVELS; nl++)
    for (guint ni = IAP_SCALE_MIN_LEVELS; ni <= IAP_SCALE_MAX_LEVELS; ni++)
      {
        g_assert_cmpint (iap_band_default_for_cell (nl, ni, 1, 1), ==, IAP_BAND_LOW);
        g_assert_cmpint (iap_band_default_for_cell (nl, ni, nl, ni), ==, IAP_BAND_CRITICAL);

        for (guint l = 1; l <= nl; l++)
          for (guint i = 1; i <= ni; i++)
            {
              IapBand band = iap_band_default_for_cell (nl, ni, l, i);

              if (l < nl)
                g_assert_cmpint (band, <=, iap_band_default_for_cell (nl, ni, l + 1, i));
              if (i < ni)
                g_assert_cmpint (band, <=, iap_band_default_for_cell (nl, ni, l, i + 1));
            }
      }
}

static void
test_band_ids (void)
{
  IapBand band;

  for (guint i = 0; i < IAP_N_BANDS; i++)
    {
      g_assert_true (iap_band_from_id (iap_band_to_id (i), &band));
      g_assert_cmpint (band, ==, i);
      g_assert_nonnull (iap_band_get_label (i));
    }

  g_assert_cmpstr (iap_band_to_id (IAP_BAND_CRITICAL), ==, "critical");
  g_assert_false (iap_band_from_id ("Critical", &band));
  g_assert_false (iap_band_from_id ("", &band));
  g_assert_false (iap_band_from_id (NULL, &band));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/band/default-5x5", test_band_default_5x5);
  g_test_add_func ("/band/default-monotone", test_band_default_monotone);
  g_test_add_func ("/band/ids", test_band_ids);

  return g_test_run ();
}
