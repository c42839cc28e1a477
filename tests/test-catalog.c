/* test-catalog.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-catalog.h"
#include "iap-scales.h"

/* The ids of the domain brief, exactly: files store them. */
static const struct {
  const char *kind;
  const char *ids;
} expected[] = {
  { "mission-type", "peacekeeping special-political none" },
  { "phase", "stabilization transition consolidation" },
  { "pillar", "political security development humanitarian human-rights ngo other" },
  { "option", "no-structural double-hatted triple-hatted ersg" },
  { "indicator", "combat-operations perceived-party neutrality-questioned robust-mandate offensive-force "
                 "support-to-government poc-military-action mission-humanitarian-support non-state-armed-actors" },
  { "arrangement", "triple-hatting double-hatting integrated-office joint-technical-cell co-location un-logo "
                   "mission-assets military-escorts joint-communication joint-analysis security-management "
                   "joint-fundraising" },
  { "area", "staff-security access armed-actor-engagement perception advocacy politicization ngo-relations" },
  { "factor", "preferential-access influence asset-access coherence information-flow peacebuilding-agenda "
              "visibility-security humanitarian-voice workload politicization ngo-relations transaction-costs" },
  { "measure", "humanitarian-background separate-support coordinated-strategies mission-dialogue "
               "community-engagement asset-principles non-state-protocols principled-delivery do-no-harm "
               "last-resort-assets hq-escalation" },
  { "requirement", "strategic-assessment shared-vision integrated-mechanisms integrated-monitoring "
                   "isf-findings isf-priorities isf-integrated-areas isf-results" },
  { "integration-area", "rule-of-law security-sector-reform ddr elections human-rights protection-of-civilians "
                        "return-reintegration early-recovery humanitarian-coordination logistics-assets "
                        "security-management public-information joint-analysis" },
  { "depth", "separate information-sharing coordinated-planning joint-programme integrated-structure" },
  { "consequence", "minimum-mechanisms reporting-lines post-cost-sharing deputy-designated-official "
                   "stand-alone-hc ersg-peacebuilding-offices" },
};

static void
test_catalog_ids (void)
{
  IapCatalog *catalog = iap_catalog_get_default ();

  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      g_auto(GStrv) ids = g_strsplit (expected[k].ids, " ", -1);
      GListModel *entries = iap_catalog_get_entries (catalog, expected[k].kind);

      g_assert_nonnull (entries);
      g_assert_cmpuint (g_list_model_get_n_items (entries), ==, g_strv_length (ids));

      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);

          g_assert_cmpstr (iap_catalog_entry_get_id (entry), ==, ids[i]);
          g_assert_cmpstr (iap_catalog_entry_get_kind (entry), ==, expected[k].kind);
          g_assert_true (iap_catalog_lookup (catalog, expected[k].kind, ids[i]) == entry);
          g_assert_cmpstr (iap_catalog_entry_get_label (entry), !=, "");
          g_assert_cmpstr (iap_catalog_entry_get_description (entry), !=, "");
          g_assert_false (iap_catalog_entry_get_custom (entry));
        }
    }

  g_assert_cmpuint (g_strv_length ((char **)iap_catalog_get_kinds ()), ==, G_N_ELEMENTS (expected));
  g_assert_null (iap_catalog_lookup (catalog, "factor", "coffee"));
  g_assert_null (iap_catalog_get_entries (catalog, "colour"));
}

static void
test_catalog_attributes (void)
{
  IapCatalog *catalog = iap_catalog_get_default ();

  g_assert_cmpstr (iap_catalog_entry_get_polarity (iap_catalog_lookup (catalog, "factor", "influence")), ==, "benefit");
  g_assert_cmpstr (iap_catalog_entry_get_polarity (iap_catalog_lookup (catalog, "factor", "workload")), ==, "risk");
  g_assert_cmpstr (iap_catalog_entry_get_group (iap_catalog_lookup (catalog, "indicator", "perceived-party")), ==, "core");
  g_assert_cmpstr (iap_catalog_entry_get_group (iap_catalog_lookup (catalog, "indicator", "robust-mandate")), ==, "tension");
  g_assert_cmpstr (iap_catalog_entry_get_label (iap_catalog_lookup (catalog, "option", "ersg")), ==,
                   "Executive Representative (ERSG)");
}

/* What the IAP decision reads from the catalog: defaults it starts
 * from, and the sources it shows. */
static void
test_catalog_decision (void)
{
  IapCatalog *catalog = iap_catalog_get_default ();
  IapCatalogEntry *coordination = iap_catalog_lookup (catalog, "integration-area", "humanitarian-coordination");
  IapCatalogEntry *depth = iap_catalog_lookup (catalog, "depth", "information-sharing");
  IapCatalogEntry *ddo = iap_catalog_lookup (catalog, "consequence", "deputy-designated-official");
  g_autofree char *citation = NULL;
  g_autofree char *own = NULL;

  /* Transaction costs are a side of their own, not a risk */
  g_assert_cmpstr (iap_catalog_entry_get_polarity (iap_catalog_lookup (catalog, "factor", "transaction-costs")), ==, "cost");

  g_assert_cmpstrv (iap_catalog_entry_get_arrangements (iap_catalog_lookup (catalog, "option", "no-structural")),
                    ((const char * const[]) { NULL }));
  g_assert_cmpstrv (iap_catalog_entry_get_arrangements (iap_catalog_lookup (catalog, "option", "triple-hatted")),
                    ((const char * const[]) { "triple-hatting", "integrated-office", NULL }));
  g_assert_cmpstrv (iap_catalog_entry_get_options (ddo), ((const char * const[]) { "triple-hatted", NULL }));

  /* Humanitarian coordination starts separate, with seed 000's words */
  g_assert_cmpstr (iap_catalog_entry_get_depth (coordination), ==, "separate");
  g_assert_cmpstr (iap_catalog_entry_get_depth (iap_catalog_lookup (catalog, "integration-area", "ddr")), ==, "");
  g_assert_cmpstr (iap_catalog_entry_get_source (coordination), ==,
                   "As such, humanitarian activities are understood to fall largely outside the scope of integration.");
  citation = iap_catalog_entry_dup_citation (coordination);
  g_assert_cmpstr (citation, ==, "seed 000, section UN Integration");

  /* A source wrapped over lines reads as one line; one of the
   * application's own says so */
  g_assert_null (strchr (iap_catalog_entry_get_source (ddo), '\n'));
  own = iap_catalog_entry_dup_citation (depth);
  g_assert_cmpstr (own, ==, "this application’s own operationalisation");

  g_assert_true (iap_catalog_kind_allows_custom ("integration-area"));
  g_assert_false (iap_catalog_kind_allows_custom ("depth"));
}

static void
test_catalog_custom (void)
{
  g_autoptr(IapCatalog) catalog = iap_catalog_new ();
  g_autoptr(IapCatalogEntry) entry = iap_catalog_entry_new ("area", "x-area-1", TRUE);
  GListModel *areas = iap_catalog_get_entries (catalog, "area");
  guint n = g_list_model_get_n_items (areas);

  g_object_set (entry, "label", "Localisation", NULL);
  g_list_store_append (G_LIST_STORE (iap_catalog_get_custom (catalog)), entry);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, n + 1);
  g_assert_true (iap_catalog_lookup (catalog, "area", "x-area-1") == entry);
  g_assert_null (iap_catalog_lookup (iap_catalog_get_default (), "area", "x-area-1"));
  g_assert_cmpstr (iap_catalog_entry_get_label (entry), ==, "Localisation");

  g_assert_true (iap_catalog_kind_allows_custom ("arrangement"));
  g_assert_false (iap_catalog_kind_allows_custom ("pillar"));
}

static void
test_default_scales (void)
{
  g_autoptr(IapScales) scales = iap_scales_new_default ();
  static const char * const likelihood[] = { "Rare", "Unlikely", "Possible", "Likely", "Almost certain" };
  static const char * const impact[] = { "Negligible", "Minor", "Moderate", "Major", "Severe" };

  g_assert_cmpuint (iap_scales_get_n_likelihood (scales), ==, 5);
  g_assert_cmpuint (iap_scales_get_n_impact (scales), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(IapScaleLevel) l = g_list_model_get_item (iap_scales_get_likelihood (scales), i);
      g_autoptr(IapScaleLevel) m = g_list_model_get_item (iap_scales_get_impact (scales), i);

      g_assert_cmpstr (iap_scale_level_get_label (l), ==, likelihood[i]);
      g_assert_cmpstr (iap_scale_level_get_label (m), ==, impact[i]);
      g_assert_cmpstr (iap_scale_level_get_definition (l), !=, "");
    }

  /* Low 1-4, Medium 5-9, High 10-16, Critical 20-25 */
  g_assert_cmpint (iap_scales_get_band (scales, 2, 2), ==, IAP_BAND_LOW);
  g_assert_cmpint (iap_scales_get_band (scales, 5, 1), ==, IAP_BAND_MEDIUM);
  g_assert_cmpint (iap_scales_get_band (scales, 4, 4), ==, IAP_BAND_HIGH);
  g_assert_cmpint (iap_scales_get_band (scales, 4, 5), ==, IAP_BAND_CRITICAL);
  g_assert_cmpuint (iap_scales_get_consensus_iqr (scales), ==, 1);
  g_assert_cmpuint (iap_scales_get_consensus_agreement (scales), ==, 80);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/ids", test_catalog_ids);
  g_test_add_func ("/catalog/attributes", test_catalog_attributes);
  g_test_add_func ("/catalog/decision", test_catalog_decision);
  g_test_add_func ("/catalog/custom", test_catalog_custom);
  g_test_add_func ("/catalog/default-scales", test_default_scales);

  return g_test_run ();
}
