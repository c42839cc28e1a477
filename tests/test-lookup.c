/* test-lookup.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-workshop.h"

/* The indexes behind iap_workshop_new_id() and iap_round_find_rating()
 * agree with a search of the whole list after every kind of change:
 * edits, undo, redo, items inserted with ids of any form. */

/* What iap_workshop_new_id() answered before it had an index */
static char *
first_free_id (GListModel *list,
               const char *prefix)
{
  for (guint number = 1; ; number++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, number);
      gboolean used = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (list) && !used; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);
          g_autofree char *item_id = NULL;

          g_object_get (item, "id", &item_id, NULL);
          used = g_strcmp0 (item_id, id) == 0;
        }
      if (!used)
        return g_steal_pointer (&id);
    }
}

static void
assert_new_id (IapWorkshop *w,
               GListModel  *list,
               const char  *prefix)
{
  g_autofree char *expected = first_free_id (list, prefix);
  g_autofree char *id = iap_workshop_new_id (w, list, prefix);

  g_assert_cmpstr (id, ==, expected);
}

static void
test_new_id_undo_redo (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  GListModel *risks = iap_workshop_get_risks (w);
  IapRisk *r2;

  for (guint i = 0; i < 5; i++)
    iap_workshop_add_risk (w, "co-location", "access", "Risk");
  assert_new_id (w, risks, "r");
  g_assert_nonnull (iap_workshop_find_risk (w, "r5"));

  /* A gap left by a removal is the first free id again */
  r2 = iap_workshop_find_risk (w, "r2");
  iap_workshop_remove_risk (w, r2);
  assert_new_id (w, risks, "r");
  g_assert_cmpstr (iap_risk_get_id (iap_workshop_add_risk (w, "co-location", "access", "Again")), ==, "r2");
  assert_new_id (w, risks, "r");

  /* Undo and redo remove and re-insert the very items */
  g_assert_true (iap_workshop_undo (w));
  assert_new_id (w, risks, "r");
  g_assert_true (iap_workshop_undo (w));
  assert_new_id (w, risks, "r");
  g_assert_true (iap_workshop_redo (w));
  assert_new_id (w, risks, "r");
  g_assert_true (iap_workshop_redo (w));
  assert_new_id (w, risks, "r");
  for (guint i = 0; i < 6; i++)
    {
      g_assert_true (iap_workshop_undo (w));
      assert_new_id (w, risks, "r");
    }
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 1);
  while (iap_workshop_redo (w))
    assert_new_id (w, risks, "r");
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 5);
}

/* Loaded files may hold ids of any form: none is handed out twice */
static void
test_new_id_arbitrary (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  GListModel *risks = iap_workshop_get_risks (w);
  const char *ids[] = { "r", "r0", "r01", "r1x", "risk-7", "r2", "R3", "r4", "", "r18446744073709551617" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(IapRisk) risk = iap_risk_new (ids[i]);

      iap_workshop_insert (w, risks, g_list_model_get_n_items (risks), risk);
    }
  assert_new_id (w, risks, "r");
  assert_new_id (w, risks, "risk-");
  g_assert_cmpstr (iap_risk_get_id (iap_workshop_add_risk (w, "co-location", "access", "A")), ==, "r1");
  g_assert_cmpstr (iap_risk_get_id (iap_workshop_add_risk (w, "co-location", "access", "B")), ==, "r3");
  g_assert_cmpstr (iap_risk_get_id (iap_workshop_add_risk (w, "co-location", "access", "C")), ==, "r5");

  /* Removing ids that only look like numbered ones frees no number */
  iap_workshop_remove (w, risks, 1);  /* r0 */
  iap_workshop_remove (w, risks, 1);  /* r01 */
  assert_new_id (w, risks, "r");
  iap_workshop_remove (w, risks, 5);  /* r4 */
  assert_new_id (w, risks, "r");
  g_assert_true (iap_workshop_undo (w));
  assert_new_id (w, risks, "r");

  /* Another list and prefix keep their own index */
  assert_new_id (w, iap_workshop_get_participants (w), "p");
  assert_new_id (w, iap_workshop_get_mitigations (w), "m");
}

static IapRating *
search_rating (IapRound   *round,
               const char *participant,
               const char *risk)
{
  GListModel *ratings = iap_round_get_ratings (round);

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(IapRating) rating = g_list_model_get_item (ratings, i);

      if (g_str_equal (iap_rating_get_participant (rating), participant) &&
          g_str_equal (iap_rating_get_risk (rating), risk))
        return rating;
    }

  return NULL;
}

static void
assert_ratings (IapRound *round)
{
  const char *participants[] = { "p1", "p2", "p3" };
  const char *risks[] = { "r1", "r2", "r3", "r4" };

  for (guint p = 0; p < G_N_ELEMENTS (participants); p++)
    for (guint r = 0; r < G_N_ELEMENTS (risks); r++)
      g_assert_true (iap_round_find_rating (round, participants[p], risks[r]) ==
                     search_rating (round, participants[p], risks[r]));
}

/* Random ratings, withdrawals, removals of participants and risks, undo
 * and redo, with a fixed seed */
static void
test_find_rating (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  IapRound *round = iap_workshop_add_round (w, "private");

  for (guint i = 0; i < 3; i++)
    iap_workshop_add_participant (w, "political", "Name", "DPPA");
  for (guint i = 0; i < 4; i++)
    iap_workshop_add_risk (w, "co-location", "access", "Risk");

  for (guint step = 0; step < 400; step++)
    {
      g_autofree char *participant = g_strdup_printf ("p%d", g_rand_int_range (rand, 1, 4));
      g_autofree char *risk = g_strdup_printf ("r%d", g_rand_int_range (rand, 1, 5));
      int action = g_rand_int_range (rand, 0, 10);

      if (action < 5)
        iap_workshop_set_rating (w, round, participant, risk, g_rand_int_range (rand, 0, 6), 3);
      else if (action < 7)
        iap_workshop_undo (w);
      else if (action < 9)
        iap_workshop_redo (w);
      else if (iap_workshop_find_risk (w, risk) != NULL)
        iap_workshop_remove_risk (w, iap_workshop_find_risk (w, risk));
      assert_ratings (round);
    }
  while (iap_workshop_undo (w))
    assert_ratings (round);
  g_assert_null (iap_round_find_rating (round, "p1", "r1"));
}

/* A damaged file may rate a risk twice: the first rating is found */
static void
test_find_rating_duplicates (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  IapRound *round = iap_workshop_add_round (w, "private");
  GListModel *ratings = iap_round_get_ratings (round);
  g_autoptr(IapRating) first = iap_rating_new ("p1", "r1");
  g_autoptr(IapRating) second = iap_rating_new ("p1", "r1");
  g_autoptr(IapRating) other = iap_rating_new ("p1", "r2");

  iap_workshop_insert (w, ratings, 0, second);
  iap_workshop_insert (w, ratings, 1, other);
  g_assert_true (iap_round_find_rating (round, "p1", "r1") == second);
  iap_workshop_insert (w, ratings, 0, first);
  g_assert_true (iap_round_find_rating (round, "p1", "r1") == first);
  iap_workshop_remove (w, ratings, 0);
  g_assert_true (iap_round_find_rating (round, "p1", "r1") == second);
  g_assert_true (iap_workshop_undo (w));
  g_assert_true (iap_round_find_rating (round, "p1", "r1") == first);
  iap_workshop_remove (w, ratings, 1);
  g_assert_true (iap_round_find_rating (round, "p1", "r1") == first);
  g_assert_true (iap_round_find_rating (round, "p1", "r2") == other);
  g_assert_null (iap_round_find_rating (round, "p1", "r1\x1f"));
  g_assert_null (iap_round_find_rating (round, "p1\x1fr1", ""));
}

/* With a duplicate between them, removing the first of two items of one
 * id leaves the second to be found, never the item between */
static void
test_find_by_id_duplicates (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  GListModel *participants = iap_workshop_get_participants (w);
  g_autoptr(IapParticipant) a1 = iap_participant_new ("a");
  g_autoptr(IapParticipant) b = iap_participant_new ("b");
  g_autoptr(IapParticipant) a2 = iap_participant_new ("a");

  iap_workshop_insert (w, participants, 0, a1);
  iap_workshop_insert (w, participants, 1, b);
  iap_workshop_insert (w, participants, 2, a2);
  g_assert_true (iap_workshop_find_participant (w, "a") == a1);
  iap_workshop_remove (w, participants, 0);
  g_assert_true (iap_workshop_find_participant (w, "a") == a2);
  g_assert_true (iap_workshop_find_participant (w, "b") == b);
  iap_workshop_remove (w, participants, 0);
  g_assert_true (iap_workshop_find_participant (w, "a") == a2);
  g_assert_null (iap_workshop_find_participant (w, "b"));
  g_assert_true (iap_workshop_undo (w));
  g_assert_true (iap_workshop_undo (w));
  g_assert_true (iap_workshop_find_participant (w, "a") == a1);
}

static void
test_find_factor_rating (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  IapRound *round = iap_workshop_add_round (w, "private");
  IapFactorRating *rating;

  iap_workshop_add_participant (w, "political", "Name", "DPPA");
  g_assert_null (iap_round_find_factor_rating (round, "p1", "f1", "o1"));
  iap_workshop_set_factor_rating (w, round, "p1", "f1", "o1", 3);
  iap_workshop_set_factor_rating (w, round, "p1", "f1", "o2", 1);
  rating = iap_round_find_factor_rating (round, "p1", "f1", "o1");
  g_assert_nonnull (rating);
  g_assert_cmpuint (iap_factor_rating_get_value (rating), ==, 3);
  g_assert_cmpuint (iap_factor_rating_get_value (iap_round_find_factor_rating (round, "p1", "f1", "o2")), ==, 1);
  g_assert_null (iap_round_find_factor_rating (round, "p1", "f2", "o1"));
  g_assert_true (iap_workshop_undo (w));
  g_assert_null (iap_round_find_factor_rating (round, "p1", "f1", "o2"));
  g_assert_true (iap_workshop_undo (w));
  g_assert_null (iap_round_find_factor_rating (round, "p1", "f1", "o1"));
  g_assert_true (iap_workshop_redo (w));
  g_assert_true (iap_round_find_factor_rating (round, "p1", "f1", "o1") == rating);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lookup/new-id-undo-redo", test_new_id_undo_redo);
  g_test_add_func ("/lookup/new-id-arbitrary", test_new_id_arbitrary);
  g_test_add_func ("/lookup/find-rating", test_find_rating);
  g_test_add_func ("/lookup/find-rating-duplicates", test_find_rating_duplicates);
  g_test_add_func ("/lookup/find-by-id-duplicates", test_find_by_id_duplicates);
  g_test_add_func ("/lookup/find-factor-rating", test_find_factor_rating);

  return g_test_run ();
}
