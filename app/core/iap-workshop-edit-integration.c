/* iap-workshop-edit-integration.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Edits of the IAP decision: the integration map (where the mission and
 * the UN Country Team integrate, and how deeply), the arrangements each
 * structural option brings, and the status of each IAP requirement.
 * Each is one step of the history.
 */

#define G_LOG_DOMAIN "iap-workshop"

#include "config.h"

#include "iap-i18n.h"

#include "iap-workshop.h"

static IapIntegrationArea *
new_integration_area (IapWorkshop *self,
                      const char  *area)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (self),
                                               IAP_CATALOG_INTEGRATION_AREA, area);
  IapIntegrationArea *item = iap_integration_area_new (area);

  /* Some areas start decided, such as humanitarian coordination,
   * which seed 000 places “largely outside the scope of integration” */
  if (entry != NULL)
    g_object_set (item, "depth", iap_catalog_entry_get_depth (entry), NULL);

  return item;
}

/**
 * iap_workshop_add_integration_area:
 * @area: an integration-area catalog id not yet on the map
 *
 * Adds @area to the end of the integration map, with the depth the
 * catalog gives it by default, if any.
 *
 * Returns: (transfer none): the new line of the map
 */
IapIntegrationArea *
iap_workshop_add_integration_area (IapWorkshop *self,
                                   const char  *area)
{
  g_autoptr(IapIntegrationArea) item = NULL;
  GListModel *map;

  g_return_val_if_fail (IAP_IS_WORKSHOP (self), NULL);
  g_return_val_if_fail (area != NULL, NULL);
  g_return_val_if_fail (iap_workshop_find_integration_area (self, area) == NULL, NULL);

  map = iap_workshop_get_integration_map (self);
  item = new_integration_area (self, area);
  iap_workshop_begin_edit (self, _("Add Integration Area"));
  iap_workshop_insert (self, map, g_list_model_get_n_items (map), item);
  iap_workshop_end_edit (self);

  return item;
}

/**
 * iap_workshop_add_default_integration_areas:
 *
 * Adds, as one edit, every default integration area of the catalog that
 * the map does not hold yet, in catalog order.
 */
void
iap_workshop_add_default_integration_areas (IapWorkshop *self)
{
  GListModel *entries;
  GListModel *map;

  g_return_if_fail (IAP_IS_WORKSHOP (self));

  entries = iap_catalog_get_entries (iap_workshop_get_catalog (self), IAP_CATALOG_INTEGRATION_AREA);
  map = iap_workshop_get_integration_map (self);
  iap_workshop_begin_edit (self, _("Add the Default Integration Areas"));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(IapIntegrationArea) item = NULL;
      const char *id = iap_catalog_entry_get_id (entry);

      if (iap_catalog_entry_get_custom (entry) || iap_workshop_find_integration_area (self, id) != NULL)
        continue;

      item = new_integration_area (self, id);
      iap_workshop_insert (self, map, g_list_model_get_n_items (map), item);
    }
  iap_workshop_end_edit (self);
}

void
iap_workshop_remove_integration_area (IapWorkshop        *self,
                                      IapIntegrationArea *item)
{
  GListModel *map;
  guint position;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (IAP_IS_INTEGRATION_AREA (item));

  map = iap_workshop_get_integration_map (self);
  if (!g_list_store_find (G_LIST_STORE (map), item, &position))
    g_return_if_reached ();

  iap_workshop_begin_edit (self, _("Remove Integration Area"));
  iap_workshop_remove (self, map, position);
  iap_workshop_end_edit (self);
}

/**
 * iap_workshop_move_integration_area:
 * @position: where @item goes, counted in the map as it is now
 *
 * Moves a line of the map, so that the areas read in the order the
 * group discusses them.
 */
void
iap_workshop_move_integration_area (IapWorkshop        *self,
                                    IapIntegrationArea *item,
                                    guint               position)
{
  g_autoptr(IapIntegrationArea) held = NULL;
  GListModel *map;
  guint from;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (IAP_IS_INTEGRATION_AREA (item));

  map = iap_workshop_get_integration_map (self);
  if (!g_list_store_find (G_LIST_STORE (map), item, &from))
    g_return_if_reached ();
  position = MIN (position, g_list_model_get_n_items (map) - 1);
  if (position == from)
    return;

  held = g_object_ref (item);
  iap_workshop_begin_edit (self, _("Move Integration Area"));
  iap_workshop_remove (self, map, from);
  iap_workshop_insert (self, map, position, held);
  iap_workshop_end_edit (self);
}

/**
 * iap_workshop_set_requirement_status:
 * @requirement: a requirement catalog id
 * @status: (nullable): "met", "partly", "not-yet", "not-applicable", or
 *   %NULL or "" for not assessed
 * @note: (nullable): what the status rests on
 */
void
iap_workshop_set_requirement_status (IapWorkshop *self,
                                     const char  *requirement,
                                     const char  *status,
                                     const char  *note)
{
  IapRequirementStatus *existing;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (requirement != NULL);

  existing = iap_workshop_find_requirement_status (self, requirement);
  iap_workshop_begin_edit (self, _("Assess Requirement"));
  if (existing != NULL)
    iap_workshop_set (self, existing, "status", status, "note", note, NULL);
  else
    {
      g_autoptr(IapRequirementStatus) item = iap_requirement_status_new (requirement);
      GListModel *list = iap_workshop_get_requirement_statuses (self);

      g_object_set (item, "status", status, "note", note, NULL);
      iap_workshop_insert (self, list, g_list_model_get_n_items (list), item);
    }
  iap_workshop_end_edit (self);
}

/**
 * iap_workshop_set_option_arrangements:
 * @option: an option catalog id
 * @arrangements: the arrangement ids @option brings, in the order given
 *
 * Records which arrangements @option brings in this workshop, in place
 * of those of the catalog.
 */
void
iap_workshop_set_option_arrangements (IapWorkshop        *self,
                                      const char         *option,
                                      const char * const *arrangements)
{
  IapOptionArrangements *existing;

  g_return_if_fail (IAP_IS_WORKSHOP (self));
  g_return_if_fail (option != NULL);

  existing = iap_workshop_find_option_arrangements (self, option);
  iap_workshop_begin_edit (self, _("Change Arrangements of an Option"));
  if (existing != NULL)
    iap_workshop_set (self, existing, "arrangements", arrangements, NULL);
  else
    {
      g_autoptr(IapOptionArrangements) item = iap_option_arrangements_new (option);
      GListModel *list = iap_workshop_get_option_arrangements (self);

      g_object_set (item, "arrangements", arrangements, NULL);
      iap_workshop_insert (self, list, g_list_model_get_n_items (list), item);
    }
  iap_workshop_end_edit (self);
}
