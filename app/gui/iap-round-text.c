/* iap-round-text.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The words of a round and of its reveal, apart from the widgets that
 * show them, and shared by the round window and the presenter view so
 * that both say the same thing about the same scores.
 */

#define G_LOG_DOMAIN "iap-round-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iap-round-text.h"

/* "4 Likely": the number and the scale's own word for it. */
char *
iap_round_text_level (GListModel *levels,
                      guint       level)
{
  g_autoptr(IapScaleLevel) item = NULL;

  if (level == 0 || level > g_list_model_get_n_items (levels))
    return g_strdup ("—");

  item = g_list_model_get_item (levels, level - 1);

  return g_strdup_printf ("%u %s", level, iap_scale_level_get_label (item));
}

/* The choices of a level picker: @none first, then each level with its
 * definition, so that people score against the words, not the numbers. */
GListModel *
iap_round_text_choices (GListModel *levels,
                        const char *none)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, none);
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IapScaleLevel) item = g_list_model_get_item (levels, i);
      const char *definition = iap_scale_level_get_definition (item);
      g_autofree char *text = NULL;

      text = g_strdup_printf ("%u %s%s%s", i + 1, iap_scale_level_get_label (item),
                              definition != NULL && *definition != '\0' ? " — " : "",
                              definition != NULL ? definition : "");
      gtk_string_list_append (list, text);
    }

  return G_LIST_MODEL (list);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  wrap)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const char *definition = strstr (text, " — ");
  g_autofree char *level = NULL;

  /* The closed button names the level; its definition is a tooltip away */
  if (GPOINTER_TO_INT (wrap) || definition == NULL)
    {
      gtk_label_set_label (GTK_LABEL (label), text);
      gtk_widget_set_tooltip_text (label, NULL);
      return;
    }
  level = g_strndup (text, definition - text);
  gtk_label_set_label (GTK_LABEL (label), level);
  gtk_widget_set_tooltip_text (label, text);
}

static GtkListItemFactory *
new_factory (gboolean wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), GINT_TO_POINTER (wrap));

  return factory;
}

/* A level picker: the closed button is short (the level, its definition
 * in a tooltip), the open list shows each definition in full. */
void
iap_round_text_setup_picker (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = new_factory (FALSE);
  g_autoptr(GtkListItemFactory) list = new_factory (TRUE);

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

static void
append_pillars (GString            *text,
                IapWorkshop        *workshop,
                const IapRiskStats *stats)
{
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  GListModel *pillars = iap_catalog_get_entries (catalog, IAP_CATALOG_PILLAR);

  g_string_append (text, _("Medians by pillar (likelihood × impact):"));
  for (guint i = 0; i < stats->pillars->len; i++)
    {
      const IapPillarMedian *pm = g_ptr_array_index (stats->pillars, i);
      const char *label = pm->pillar;

      for (guint j = 0; j < g_list_model_get_n_items (pillars); j++)
        {
          g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (pillars, j);

          if (g_strcmp0 (iap_catalog_entry_get_id (entry), pm->pillar) == 0)
            label = iap_catalog_entry_get_label (entry);
        }
      g_string_append_printf (text, "\n  %s: %u × %u (%u)", label, pm->likelihood, pm->impact, pm->n);
    }
  if (stats->pillars_withheld > 0)
    /* Translators: pillars whose median is not shown, since too few of their members scored */
    g_string_append_printf (text, g_dngettext (NULL, "\n  %u pillar with fewer than %u scorers: withheld",
                                               "\n  %u pillars with fewer than %u scorers: withheld",
                                               stats->pillars_withheld),
                            stats->pillars_withheld, stats->min_scorers);
}

/**
 * iap_round_text_describe:
 * @detailed: add the spread, the rule and the pillars' medians
 *
 * Returns: (transfer full): what the scores of one risk say, in the
 *   words of the report; below the workshop's privacy floor, only how
 *   many scored
 */
char *
iap_round_text_describe (IapWorkshop        *workshop,
                         const IapRiskStats *stats,
                         gboolean            detailed)
{
  IapScales *scales = iap_workshop_get_scales (workshop);
  g_autofree char *l = iap_round_text_level (iap_scales_get_likelihood (scales), stats->median_likelihood);
  g_autofree char *m = iap_round_text_level (iap_scales_get_impact (scales), stats->median_impact);
  g_autofree char *rule = iap_consensus_describe_rule (scales);
  g_autofree char *polarized = iap_consensus_describe_polarized (workshop);
  g_autofree char *verdict = iap_risk_stats_dup_verdict (stats);
  GString *text = g_string_new (verdict);

  if (stats->n == 0)
    return g_string_free (text, FALSE);

  g_string_append_printf (text, g_dngettext (NULL, "\n%u score", "\n%u scores", stats->n), stats->n);
  if (stats->withheld)
    return g_string_free (text, FALSE);

  /* Translators: the median of ordinal scores; for an even count, the lower middle score */
  g_string_append_printf (text, _("\nMedian likelihood: %s\nMedian impact: %s"), l, m);
  if (!detailed)
    return g_string_free (text, FALSE);

  g_string_append_printf (text, _("\nInterquartile range: likelihood %u, impact %u levels"),
                          stats->iqr_likelihood, stats->iqr_impact);
  g_string_append_printf (text, _("\nWithin one level of the median: likelihood %u%%, impact %u%%"),
                          stats->agreement_likelihood, stats->agreement_impact);
  g_string_append_printf (text, "\n%s %s\n", rule, polarized);
  append_pillars (text, workshop, stats);

  return g_string_free (text, FALSE);
}

/* One factor's median for one option, with the number of scores:
 * "3 (12)", "withheld (2)" below the privacy floor, "—" without scores */
static char *
dup_factor_cell (IapWorkshop     *workshop,
                 IapRound        *round,
                 IapCatalogEntry *factor,
                 const char      *option)
{
  guint n_ratings = iap_round_get_n_factor_ratings (round);
  g_autofree guint *values = g_new (guint, MAX (n_ratings, 1));
  guint n = 0;

  for (guint i = 0; i < n_ratings; i++)
    {
      const char *rated_factor, *rated_option;
      guint value;

      iap_round_get_factor_rating_at (round, i, NULL, &rated_factor, &rated_option, &value);
      if (g_strcmp0 (rated_factor, iap_catalog_entry_get_id (factor)) == 0 &&
          g_strcmp0 (rated_option, option) == 0)
        values[n++] = value;
    }
  if (iap_workshop_may_show_statistic (workshop, n))
    return g_strdup_printf ("%u (%u)", iap_consensus_median (values, n), n);
  if (n > 0)
    /* Translators: instead of a median of too few scores, with how many there are */
    return g_strdup_printf (_("withheld (%u)"), n);

  return g_strdup ("—");
}

static void
append_factor (GString         *text,
               IapWorkshop     *workshop,
               IapRound        *round,
               IapCatalogEntry *factor)
{
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  const char * const *options = iap_workshop_get_options (workshop);

  g_string_append_printf (text, "\n  %s:", iap_catalog_entry_get_label (factor));
  for (guint o = 0; options != NULL && options[o] != NULL; o++)
    {
      IapCatalogEntry *option = iap_catalog_lookup (catalog, IAP_CATALOG_OPTION, options[o]);
      g_autofree char *cell = dup_factor_cell (workshop, round, factor, options[o]);

      g_string_append_printf (text, "%s%s %s", o > 0 ? " · " : " ",
                              option != NULL ? iap_catalog_entry_get_label (option) : options[o], cell);
    }
}

static GtkWidget *
grid_label (const char *text,
            gboolean    heading,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), heading ? 24 : 48);
  if (heading)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

/**
 * iap_round_text_factor_grid:
 *
 * @first: the first factor shown
 * @n_factors: how many factors to show at most (%G_MAXUINT: all)
 *
 * Returns: (transfer floating) (nullable): the medians of
 *   iap_round_text_factors() as a table, a row per factor from @first
 *   and a column per option, or %NULL when @round scored no factor
 */
GtkWidget *
iap_round_text_factor_grid (IapWorkshop *workshop,
                            IapRound    *round,
                            guint        first,
                            guint        n_factors)
{
  IapCatalog *catalog = iap_workshop_get_catalog (workshop);
  GListModel *factors = iap_catalog_get_entries (catalog, IAP_CATALOG_FACTOR);
  const char * const *options = iap_workshop_get_options (workshop);
  GtkWidget *grid;

  if (g_list_model_get_n_items (iap_round_get_factor_ratings (round)) == 0)
    return NULL;

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Median scores of the triple-hatting factors"), -1);
  gtk_grid_attach (GTK_GRID (grid), grid_label (_("Factor"), TRUE, 0), 0, 0, 1, 1);
  for (guint o = 0; options != NULL && options[o] != NULL; o++)
    {
      IapCatalogEntry *option = iap_catalog_lookup (catalog, IAP_CATALOG_OPTION, options[o]);

      gtk_grid_attach (GTK_GRID (grid),
                       grid_label (option != NULL ? iap_catalog_entry_get_label (option) : options[o], TRUE, 0.5),
                       o + 1, 0, 1, 1);
    }
  for (guint i = first; i < g_list_model_get_n_items (factors) && i - first < n_factors; i++)
    {
      g_autoptr(IapCatalogEntry) factor = g_list_model_get_item (factors, i);
      int row = i - first + 1;

      gtk_grid_attach (GTK_GRID (grid), grid_label (iap_catalog_entry_get_label (factor), FALSE, 0), 0, row, 1, 1);
      for (guint o = 0; options != NULL && options[o] != NULL; o++)
        {
          g_autofree char *cell = dup_factor_cell (workshop, round, factor, options[o]);
          GtkWidget *label = grid_label (cell, FALSE, 0.5);

          gtk_widget_add_css_class (label, "numeric");
          gtk_grid_attach (GTK_GRID (grid), label, o + 1, row, 1, 1);
        }
    }

  return grid;
}

/**
 * iap_round_text_factors:
 *
 * Returns: (transfer full) (nullable): the median score of each
 *   triple-hatting factor for each option under study, with the number
 *   of scores, or %NULL when @round scored no factor
 */
char *
iap_round_text_factors (IapWorkshop *workshop,
                        IapRound    *round)
{
  GListModel *factors = iap_catalog_get_entries (iap_workshop_get_catalog (workshop), IAP_CATALOG_FACTOR);
  GString *text;

  if (g_list_model_get_n_items (iap_round_get_factor_ratings (round)) == 0)
    return NULL;

  /* Translators: followed by a line per factor: each option's median score and the number of scores */
  text = g_string_new (_("Triple-hatting factors, median score for each option (0 Not at all to 4 Fully; number of scores):"));
  for (guint i = 0; i < g_list_model_get_n_items (factors); i++)
    {
      g_autoptr(IapCatalogEntry) factor = g_list_model_get_item (factors, i);

      append_factor (text, workshop, round, factor);
    }

  return g_string_free (text, FALSE);
}

const char *
iap_round_text_risk_title (IapRisk *risk)
{
  return iap_risk_get_title (risk) != NULL ? iap_risk_get_title (risk) : iap_risk_get_id (risk);
}

/**
 * iap_round_text_heading:
 * @n_risks: how many risks @round scores; none when it scores the factors alone
 *
 * Returns: (transfer full): the round's number, mode and state
 */
char *
iap_round_text_heading (IapRound *round,
                        guint     n_risks)
{
  const char *state = iap_round_get_state (round);
  gboolean ballot = g_strcmp0 (iap_round_get_mode (round), "ballot") == 0;

  if (n_risks == 0)
    /* Translators: "Round 2, paper ballots, factors only: revealed" */
    return g_strdup_printf (_("Round %u, %s, factors only: %s"),
                            iap_round_get_number (round),
                            ballot ? _("paper ballots") : _("private scoring"),
                            g_strcmp0 (state, "open") == 0 ? _("open") : _("revealed"));

  /* Translators: "Round 2, paper ballots, 12 risks: revealed" */
  return g_strdup_printf (g_dngettext (NULL, "Round %u, %s, %u risk: %s", "Round %u, %s, %u risks: %s",
                                       n_risks),
                          iap_round_get_number (round),
                          ballot ? _("paper ballots") : _("private scoring"),
                          n_risks,
                          g_strcmp0 (state, "open") == 0 ? _("open") : _("revealed"));
}

static const char *
pillar_label (IapWorkshop *workshop,
              const char  *pillar)
{
  IapCatalogEntry *entry = iap_catalog_lookup (iap_workshop_get_catalog (workshop), IAP_CATALOG_PILLAR, pillar);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : pillar;
}

/* By name or by pillar only, as the participant chose. */
static char *
dissent_who (IapWorkshop *workshop,
             IapDissent  *d)
{
  IapParticipant *p = iap_workshop_find_participant (workshop, iap_dissent_get_participant (d));

  if (p == NULL)
    return g_strdup (_("Unknown participant"));
  if (g_strcmp0 (iap_dissent_get_attribution (d), "pillar") == 0)
    /* Translators: %s is a pillar, such as Humanitarian */
    return g_strdup_printf (_("A participant of the %s pillar"), pillar_label (workshop, iap_participant_get_pillar (p)));

  return iap_participant_dup_label (p);
}

static char *
describe_dissent (IapWorkshop *workshop,
                  IapDissent  *d)
{
  g_autofree char *who = dissent_who (workshop, d);

  return g_strdup_printf ("%s: %s", who, iap_dissent_get_text (d) != NULL ? iap_dissent_get_text (d) : "");
}

/**
 * iap_round_text_dissents:
 *
 * Returns: (transfer full): each dissent on @risk and on the
 *   recommendation, with who dissents
 */
char *
iap_round_text_dissents (IapWorkshop *workshop,
                         IapRisk     *risk)
{
  GListModel *dissents = iap_workshop_get_dissents (workshop);
  GString *text = g_string_new (_("Dissent on this risk and on the recommendation:"));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (dissents); i++)
    {
      g_autoptr(IapDissent) d = g_list_model_get_item (dissents, i);
      gboolean on_risk = g_strcmp0 (iap_dissent_get_subject (d), "risk") == 0;
      g_autofree char *line = NULL;

      if (on_risk && g_strcmp0 (iap_dissent_get_risk (d), iap_risk_get_id (risk)) != 0)
        continue;
      line = describe_dissent (workshop, d);
      g_string_append_printf (text, "\n• %s%s", on_risk ? "" : _("(recommendation) "), line);
      n++;
    }
  if (n == 0)
    g_string_append_printf (text, " %s", _("none"));

  return g_string_free (text, FALSE);
}

static void
append_item (GString    *list,
             const char *item)
{
  g_string_append_printf (list, "%s%s", list->len > 0 ? "; " : "", item);
}

/* Who dissents, on which risk of the round or on the recommendation. */
static void
append_dissenters (GString         *text,
                   IapRoundSession *session)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (session);
  GListModel *dissents = iap_workshop_get_dissents (workshop);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (dissents); i++)
    {
      g_autoptr(IapDissent) d = g_list_model_get_item (dissents, i);
      IapRisk *risk = iap_workshop_find_risk (workshop, iap_dissent_get_risk (d));
      gboolean on_risk = g_strcmp0 (iap_dissent_get_subject (d), "risk") == 0;
      g_autofree char *who = dissent_who (workshop, d);
      g_autofree char *item = NULL;

      if (on_risk && (risk == NULL || !iap_round_session_has_risk (session, iap_risk_get_id (risk))))
        continue;
      if (on_risk)
        /* Translators: who dissents on which risk, "Participant 3 on “Shared compound”" */
        item = g_strdup_printf (_("%s on “%s”"), who, iap_round_text_risk_title (risk));
      else
        /* Translators: who dissents on the recommendation */
        item = g_strdup_printf (_("%s on the recommendation"), who);
      append_item (list, item);
    }
  /* Translators: followed by who dissents, or by "none" */
  g_string_append_printf (text, "\n%s %s", _("Dissent:"), list->len > 0 ? list->str : _("none"));
}

/**
 * iap_round_text_overview:
 *
 * Where the room agrees, where it does not and who dissents: the whole
 * round at a glance, before going through it risk by risk.
 *
 * Returns: (transfer full): the overview of a revealed round
 */
char *
iap_round_text_overview (IapRoundSession *session)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (session);
  GListModel *risks = iap_round_session_get_risks (session);
  guint n = g_list_model_get_n_items (risks);
  g_autoptr(GHashTable) table = iap_consensus_for_round (workshop, iap_round_session_get_round (session));
  g_autoptr(GString) agreed = g_string_new (NULL);
  g_autoptr(GString) split = g_string_new (NULL);
  g_autoptr(GString) unscored = g_string_new (NULL);
  g_autoptr(GString) withheld = g_string_new (NULL);
  GString *text = g_string_new (NULL);
  guint n_agreed = 0, n_split = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      const IapRiskStats *stats = iap_consensus_lookup (table, iap_risk_get_id (risk));
      const char *title = iap_round_text_risk_title (risk);
      g_autofree char *item = NULL;

      switch (iap_risk_stats_get_verdict (stats))
        {
        case IAP_VERDICT_CONSENSUS:
          append_item (agreed, title);
          n_agreed++;
          break;
        case IAP_VERDICT_POLARIZED:
        case IAP_VERDICT_NO_CONSENSUS:
        case IAP_VERDICT_NO_CONSENSUS_POLARIZED:
          /* Translators: a risk without consensus, then its verdict, “Polarized” */
          item = iap_risk_stats_get_verdict (stats) != IAP_VERDICT_NO_CONSENSUS
                 ? g_strdup_printf (_("%s (%s)"), title, iap_verdict_to_label (iap_risk_stats_get_verdict (stats)))
                 : NULL;
          append_item (split, item != NULL ? item : title);
          n_split++;
          break;
        case IAP_VERDICT_WITHHELD:
          append_item (withheld, title);
          break;
        case IAP_VERDICT_NO_SCORES:
        default:
          append_item (unscored, title);
          break;
        }
    }
  /* Translators: followed by the titles of the risks the room agrees on */
  g_string_append_printf (text, _("Consensus on %u of %u risks:"), n_agreed, n);
  g_string_append_printf (text, " %s", n_agreed > 0 ? agreed->str : _("none"));
  /* Translators: followed by the titles of the risks the room does not agree on */
  g_string_append_printf (text, "\n%s", _("No consensus:"));
  g_string_append_printf (text, " %s", n_split > 0 ? split->str : _("none"));
  if (withheld->len > 0)
    {
      g_autofree char *reason = iap_workshop_dup_withheld (workshop);

      /* Translators: “Withheld, fewer than 3 scorers:”, then the titles of those risks */
      g_string_append_printf (text, _("\nWithheld, %s: %s"), reason, withheld->str);
    }
  if (unscored->len > 0)
    /* Translators: followed by the titles of the risks nobody scored */
    g_string_append_printf (text, "\n%s %s", _("No scores:"), unscored->str);
  append_dissenters (text, session);

  return g_string_free (text, FALSE);
}
