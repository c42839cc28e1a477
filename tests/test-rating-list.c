/* test-rating-list.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "iap-rating-list.h"
#include "iap-workshop-file.h"

/*
 * A round's ratings are compact records, with items made on demand: the
 * list reads the same through its records and through its items, after
 * every kind of edit, undo and redo, as a plain list of the same ratings
 * kept beside it.
 */

typedef struct
{
  char *participant;
  char *risk;
  guint likelihood;
  guint impact;
} Expected;

static void
expected_free (gpointer data)
{
  Expected *e = data;

  g_free (e->participant);
  g_free (e->risk);
  g_free (e);
}

/* The ratings of @round, read three ways, are those of @expected */
static void
assert_round_is (IapRound  *round,
                 GPtrArray *expected)
{
  GListModel *ratings = iap_round_get_ratings (round);

  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, expected->len);
  g_assert_cmpuint (iap_round_get_n_ratings (round), ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = g_ptr_array_index (expected, i);
      const char *participant, *risk;
      guint likelihood, impact;

      iap_round_get_rating_at (round, i, &participant, &risk, &likelihood, &impact);
      g_assert_cmpstr (participant, ==, e->participant);
      g_assert_cmpstr (risk, ==, e->risk);
      g_assert_cmpuint (likelihood, ==, e->likelihood);
      g_assert_cmpuint (impact, ==, e->impact);

      /* Looked up, the first rating of the pair */
      g_assert_true (iap_round_lookup_rating (round, e->participant, e->risk, &likelihood, &impact));

      /* Every other step, through an item as well */
      if (g_test_rand_bit ())
        {
          g_autoptr(IapRating) item = g_list_model_get_item (ratings, i);
          g_autoptr(IapRating) again = g_list_model_get_item (ratings, i);

          g_assert_true (item == again);
          g_assert_cmpstr (iap_rating_get_participant (item), ==, e->participant);
          g_assert_cmpstr (iap_rating_get_risk (item), ==, e->risk);
          g_assert_cmpuint (iap_rating_get_likelihood (item), ==, e->likelihood);
          g_assert_cmpuint (iap_rating_get_impact (item), ==, e->impact);
        }
    }
}

static Expected *
find_expected (GPtrArray  *expected,
               const char *participant,
               const char *risk,
               guint      *position)
{
  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = g_ptr_array_index (expected, i);

      if (g_str_equal (e->participant, participant) && g_str_equal (e->risk, risk))
        {
          *position = i;
          return e;
        }
    }

  return NULL;
}

/* What iap_workshop_set_rating() does, on the plain list: whether it
 * changes anything, and so is an edit */
static gboolean
expect_rating (GPtrArray  *expected,
               const char *participant,
               const char *risk,
               guint       likelihood,
               guint       impact)
{
  guint position;
  Expected *e = find_expected (expected, participant, risk, &position);

  if (likelihood == 0 || impact == 0)
    {
      if (e == NULL)
        return FALSE;
      g_ptr_array_remove_index (expected, position);
    }
  else if (e != NULL)
    {
      if (e->likelihood == likelihood && e->impact == impact)
        return FALSE;
      e->likelihood = likelihood;
      e->impact = impact;
    }
  else
    {
      e = g_new0 (Expected, 1);
      e->participant = g_strdup (participant);
      e->risk = g_strdup (risk);
      e->likelihood = likelihood;
      e->impact = impact;
      g_ptr_array_add (expected, e);
    }

  return TRUE;
}

static void
expect_removal (GPtrArray  *expected,
                const char *participant,
                const char *risk)
{
  for (guint i = expected->len; i > 0; i--)
    {
      Expected *e = g_ptr_array_index (expected, i - 1);

      if (g_strcmp0 (e->participant, participant) == 0 || g_strcmp0 (e->risk, risk) == 0)
        g_ptr_array_remove_index (expected, i - 1);
    }
}

static GPtrArray *
expected_copy (GPtrArray *expected)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (expected_free);

  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = g_ptr_array_index (expected, i);
      Expected *c = g_new0 (Expected, 1);

      *c = *e;
      c->participant = g_strdup (e->participant);
      c->risk = g_strdup (e->risk);
      g_ptr_array_add (copy, c);
    }

  return copy;
}

/* Ratings set, changed and withdrawn, participants and risks removed with
 * their ratings, every edit undone and redone: the list follows. */
static void
test_edits (void)
{
  g_autoptr(IapWorkshop) w = iap_workshop_new ();
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (expected_free);
  IapRound *round = iap_workshop_add_round (w, "private");
  guint depth = 0;

  for (guint i = 0; i < 5; i++)
    iap_workshop_add_participant (w, "political", "Name", "DPPA");
  for (guint i = 0; i < 6; i++)
    iap_workshop_add_risk (w, "co-location", "access", "Risk");

  /* states[i]: the ratings after i edits */
  g_ptr_array_add (states, expected_copy (expected));
  for (guint step = 0; step < 600; step++)
    {
      g_autofree char *participant = g_strdup_printf ("p%d", g_test_rand_int_range (1, 6));
      g_autofree char *risk = g_strdup_printf ("r%d", g_test_rand_int_range (1, 7));
      int action = g_test_rand_int_range (0, 20);

      if (action < 11 || (action < 13 && iap_workshop_find_participant (w, participant) == NULL) ||
          (action >= 13 && action < 15 && iap_workshop_find_risk (w, risk) == NULL))
        {
          guint likelihood = g_test_rand_int_range (0, 6), impact = g_test_rand_int_range (1, 6);

          iap_workshop_set_rating (w, round, participant, risk, likelihood, impact);
          if (!expect_rating (expected, participant, risk, likelihood, impact))
            {
              assert_round_is (round, expected);
              continue;
            }
        }
      else if (action < 13)
        {
          iap_workshop_remove_participant (w, iap_workshop_find_participant (w, participant));
          expect_removal (expected, participant, NULL);
        }
      else if (action < 15)
        {
          iap_workshop_remove_risk (w, iap_workshop_find_risk (w, risk));
          expect_removal (expected, NULL, risk);
        }
      else if (action < 18 && depth > 0)
        {
          g_assert_true (iap_workshop_undo (w));
          depth--;
          g_ptr_array_unref (expected);
          expected = expected_copy (g_ptr_array_index (states, depth));
          assert_round_is (round, expected);
          continue;
        }
      else
        {
          if (iap_workshop_redo (w))
            {
              depth++;
              g_ptr_array_unref (expected);
              expected = expected_copy (g_ptr_array_index (states, depth));
            }
          assert_round_is (round, expected);
          continue;
        }

      /* A new edit drops what could be redone */
      depth++;
      g_ptr_array_set_size (states, depth);
      g_ptr_array_add (states, expected_copy (expected));
      assert_round_is (round, expected);
    }

  while (depth > 0)
    {
      g_assert_true (iap_workshop_undo (w));
      depth--;
      assert_round_is (round, g_ptr_array_index (states, depth));
    }
}

/* Records appended as the file reader appends them make no item until
 * one is asked for; the items made are kept, and a removal and its undo
 * keep them too. */
static void
test_items_on_demand (void)
{
  g_autoptr(IapRatingList) list = iap_rating_list_new (FALSE);
  guint p = iap_rating_list_intern (list, IAP_RATING_KEY_PARTICIPANT, "p1");
  guint q = iap_rating_list_intern (list, IAP_RATING_KEY_PARTICIPANT, "p2");
  IapRatingRemoval *removal;
  IapRating *made;
  guint position;

  for (guint r = 0; r < 100; r++)
    {
      g_autofree char *risk = g_strdup_printf ("r%u", r);
      guint subject = iap_rating_list_intern (list, IAP_RATING_KEY_SUBJECT, risk);

      iap_rating_list_append (list, r % 2 ? p : q, subject, 0, 1 + r % 5, 5 - r % 5);
    }
  iap_rating_list_appended (list, 0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  for (guint i = 0; i < 100; i++)
    g_assert_null (iap_rating_list_peek_item (list, i));

  made = iap_rating_list_make_item (list, 41);
  g_assert_true (iap_rating_list_peek_item (list, 41) == made);
  g_assert_cmpstr (iap_rating_get_participant (made), ==, "p1");
  g_assert_cmpstr (iap_rating_get_risk (made), ==, "r41");
  g_assert_cmpuint (iap_rating_get_likelihood (made), ==, 2);
  g_assert_cmpuint (iap_rating_get_impact (made), ==, 4);
  g_assert_true (iap_rating_list_lookup_ids (list, "p1", "r41", NULL, &position));
  g_assert_cmpuint (position, ==, 41);
  g_assert_false (iap_rating_list_lookup_ids (list, "p2", "r41", NULL, &position));

  /* The item holds the values once made */
  g_object_set (made, "likelihood", 5, NULL);
  iap_rating_list_get (list, 41, NULL, NULL, NULL, &position, NULL);
  g_assert_cmpuint (position, ==, 5);

  removal = iap_rating_list_prepare_removal (list, IAP_RATING_KEY_PARTICIPANT, "p1");
  g_assert_nonnull (removal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  iap_rating_removal_redo (removal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
  g_assert_false (iap_rating_list_lookup_ids (list, "p1", "r41", NULL, &position));
  iap_rating_removal_undo (removal);
  g_assert_true (iap_rating_list_peek_item (list, 41) == made);
  g_assert_true (iap_rating_list_lookup_ids (list, "p1", "r41", NULL, &position));
  g_assert_cmpuint (position, ==, 41);
  for (guint i = 0; i < 100; i++)
    g_assert_true (i == 41 || iap_rating_list_peek_item (list, i) == NULL);
  iap_rating_removal_free (removal);

  g_assert_null (iap_rating_list_prepare_removal (list, IAP_RATING_KEY_SUBJECT, "r1000"));
}

/* A workshop read from a file holds its ratings as records only */
static void
test_loaded_compact (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/example.iapw", 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IapWorkshop) w = iap_workshop_load_bytes (bytes, "example.iapw", &error);
  GListModel *rounds;

  g_assert_no_error (error);
  rounds = iap_workshop_get_rounds (w);
  g_assert_cmpuint (g_list_model_get_n_items (rounds), >, 0);
  for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, r);
      IapRatingList *ratings = IAP_RATING_LIST (iap_round_get_ratings (round));
      IapRatingList *factors = IAP_RATING_LIST (iap_round_get_factor_ratings (round));

      g_assert_cmpuint (iap_round_get_n_ratings (round), >, 0);
      for (guint i = 0; i < iap_round_get_n_ratings (round); i++)
        g_assert_null (iap_rating_list_peek_item (ratings, i));
      for (guint i = 0; i < iap_round_get_n_factor_ratings (round); i++)
        g_assert_null (iap_rating_list_peek_item (factors, i));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rating-list/edits", test_edits);
  g_test_add_func ("/rating-list/items-on-demand", test_items_on_demand);
  g_test_add_func ("/rating-list/loaded-compact", test_loaded_compact);

  return g_test_run ();
}
