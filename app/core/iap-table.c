/* iap-table.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The register, the mitigation plan, the group ratings and the dissents
 * as tables of text, for spreadsheets. Every column has a stable id
 * (docs/file-format.md) and a header in the interface language; a level
 * is given as its number with the label the application shows next to
 * it, a catalog entry as its label with its id next to it, so that a
 * sheet reads as the window does and a program can still rely on it.
 *
 * What a table shows follows docs/privacy.md: group statistics come from
 * iap-consensus, already withheld below the workshop's privacy floor; no
 * participant's own score is ever in a table; anonymised, no person is
 * named (owners and officials by entity or role, dissenters by pillar).
 */

#define G_LOG_DOMAIN "iap-table"

#include "config.h"

#include <string.h>

#include "iap-i18n.h"

#include "iap-consensus.h"
#include "iap-table.h"

#define NO_BAND 0xff

struct _IapTable
{
  IapTableKind kind;
  IapTableColumn *columns;      /* headers translated */
  guint n_columns;
  GPtrArray *rows;              /* char *[n_columns] */
  GByteArray *bands;            /* per cell, NO_BAND outside band columns */
};

static const IapTableColumn register_columns[] = {
  { "number", NC_("column", "No."), IAP_CELL_NUMBER },
  { "id", NC_("column", "Id"), IAP_CELL_TEXT },
  { "title", NC_("column", "Title"), IAP_CELL_TEXT },
  { "description", NC_("column", "Description"), IAP_CELL_TEXT },
  { "arrangement", NC_("column", "Arrangement"), IAP_CELL_TEXT },
  { "arrangement_id", NC_("column", "Arrangement id"), IAP_CELL_TEXT },
  { "area", NC_("column", "Area"), IAP_CELL_TEXT },
  { "area_id", NC_("column", "Area id"), IAP_CELL_TEXT },
  { "inherent_likelihood", NC_("column", "Inherent likelihood"), IAP_CELL_NUMBER },
  { "inherent_likelihood_label", NC_("column", "Inherent likelihood label"), IAP_CELL_TEXT },
  { "inherent_impact", NC_("column", "Inherent impact"), IAP_CELL_NUMBER },
  { "inherent_impact_label", NC_("column", "Inherent impact label"), IAP_CELL_TEXT },
  { "inherent_band", NC_("column", "Inherent band"), IAP_CELL_BAND },
  { "residual_likelihood", NC_("column", "Residual likelihood"), IAP_CELL_NUMBER },
  { "residual_likelihood_label", NC_("column", "Residual likelihood label"), IAP_CELL_TEXT },
  { "residual_impact", NC_("column", "Residual impact"), IAP_CELL_NUMBER },
  { "residual_impact_label", NC_("column", "Residual impact label"), IAP_CELL_TEXT },
  { "residual_band", NC_("column", "Residual band"), IAP_CELL_BAND },
  { "mitigations", NC_("column", "Mitigations"), IAP_CELL_TEXT },
  { "notes", NC_("column", "Notes"), IAP_CELL_TEXT },
  { "accepted_by", NC_("column", "Accepted by"), IAP_CELL_TEXT },
  { "acceptance_role", NC_("column", "Acceptance role"), IAP_CELL_TEXT },
  { "acceptance_date", NC_("column", "Acceptance date"), IAP_CELL_DATE },
  { "acceptance_justification", NC_("column", "Acceptance justification"), IAP_CELL_TEXT },
};

static const IapTableColumn mitigation_columns[] = {
  { "number", NC_("column", "No."), IAP_CELL_NUMBER },
  { "id", NC_("column", "Id"), IAP_CELL_TEXT },
  { "title", NC_("column", "Title"), IAP_CELL_TEXT },
  { "measure", NC_("column", "Measure"), IAP_CELL_TEXT },
  { "measure_id", NC_("column", "Measure id"), IAP_CELL_TEXT },
  { "treatment", NC_("column", "Treatment"), IAP_CELL_TEXT },
  { "treatment_id", NC_("column", "Treatment id"), IAP_CELL_TEXT },
  { "owner", NC_("column", "Owner"), IAP_CELL_TEXT },
  { "entity", NC_("column", "Entity"), IAP_CELL_TEXT },
  { "due", NC_("column", "Due"), IAP_CELL_DATE },
  { "status", NC_("column", "Status"), IAP_CELL_TEXT },
  { "status_id", NC_("column", "Status id"), IAP_CELL_TEXT },
  { "risk_numbers", NC_("column", "Risks"), IAP_CELL_TEXT },
  { "risk_ids", NC_("column", "Risk ids"), IAP_CELL_TEXT },
  { "factor_ids", NC_("column", "Factor ids"), IAP_CELL_TEXT },
  { "notes", NC_("column", "Notes"), IAP_CELL_TEXT },
};

static const IapTableColumn rating_columns[] = {
  { "risk_number", NC_("column", "Risk no."), IAP_CELL_NUMBER },
  { "risk_id", NC_("column", "Risk id"), IAP_CELL_TEXT },
  { "risk", NC_("column", "Risk"), IAP_CELL_TEXT },
  { "round", NC_("column", "Round"), IAP_CELL_NUMBER },
  { "scorers", NC_("column", "Scorers"), IAP_CELL_NUMBER },
  { "median_likelihood", NC_("column", "Median likelihood"), IAP_CELL_NUMBER },
  { "median_likelihood_label", NC_("column", "Median likelihood label"), IAP_CELL_TEXT },
  { "median_impact", NC_("column", "Median impact"), IAP_CELL_NUMBER },
  { "median_impact_label", NC_("column", "Median impact label"), IAP_CELL_TEXT },
  { "median_band", NC_("column", "Median band"), IAP_CELL_BAND },
  { "iqr_likelihood", NC_("column", "IQR likelihood"), IAP_CELL_NUMBER },
  { "iqr_impact", NC_("column", "IQR impact"), IAP_CELL_NUMBER },
  { "agreement_likelihood", NC_("column", "Agreement likelihood (%)"), IAP_CELL_NUMBER },
  { "agreement_impact", NC_("column", "Agreement impact (%)"), IAP_CELL_NUMBER },
  { "verdict", NC_("column", "Verdict"), IAP_CELL_TEXT },
  { "verdict_id", NC_("column", "Verdict id"), IAP_CELL_TEXT },
  { "agreed_likelihood", NC_("column", "Agreed likelihood"), IAP_CELL_NUMBER },
  { "agreed_impact", NC_("column", "Agreed impact"), IAP_CELL_NUMBER },
  { "agreed_band", NC_("column", "Agreed band"), IAP_CELL_BAND },
  { "dissents", NC_("column", "Dissents"), IAP_CELL_NUMBER },
};

static const IapTableColumn dissent_columns[] = {
  { "number", NC_("column", "No."), IAP_CELL_NUMBER },
  { "id", NC_("column", "Id"), IAP_CELL_TEXT },
  { "subject", NC_("column", "Subject"), IAP_CELL_TEXT },
  { "subject_id", NC_("column", "Subject id"), IAP_CELL_TEXT },
  { "risk_number", NC_("column", "Risk no."), IAP_CELL_NUMBER },
  { "risk_id", NC_("column", "Risk id"), IAP_CELL_TEXT },
  { "dissenter", NC_("column", "Dissenter"), IAP_CELL_TEXT },
  { "text", NC_("column", "Dissent"), IAP_CELL_TEXT },
};

static const struct
{
  const char *id;
  const char *title;
  const IapTableColumn *columns;
  guint n_columns;
} kinds[] = {
  { "register", NC_("sheet", "Register"), register_columns, G_N_ELEMENTS (register_columns) },
  { "mitigations", NC_("sheet", "Mitigation plan"), mitigation_columns, G_N_ELEMENTS (mitigation_columns) },
  { "ratings", NC_("sheet", "Ratings"), rating_columns, G_N_ELEMENTS (rating_columns) },
  { "dissents", NC_("sheet", "Dissents"), dissent_columns, G_N_ELEMENTS (dissent_columns) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == IAP_N_TABLES);

/* One row being filled: cells are set by column id, so that the code
 * that fills a row does not depend on the order of the columns. */
typedef struct
{
  IapTable *table;
  char **cells;
  guint8 *bands;
} Row;

static void
row_begin (IapTable *table,
           Row      *row)
{
  row->table = table;
  row->cells = g_new0 (char *, table->n_columns + 1);
  g_byte_array_set_size (table->bands, table->bands->len + table->n_columns);
  row->bands = table->bands->data + table->bands->len - table->n_columns;
  memset (row->bands, NO_BAND, table->n_columns);
}

static void
row_end (Row *row)
{
  for (guint i = 0; i < row->table->n_columns; i++)
    {
      if (row->cells[i] == NULL)
        row->cells[i] = g_strdup ("");
    }
  g_ptr_array_add (row->table->rows, row->cells);
}

static guint
find_column (IapTable   *table,
             const char *id)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (g_str_equal (table->columns[i].id, id))
        return i;
    }
  g_assert_not_reached ();
}

static void
row_take (Row        *row,
          const char *id,
          char       *text)
{
  guint column = find_column (row->table, id);

  g_free (row->cells[column]);
  row->cells[column] = text;
}

static void
row_set (Row        *row,
         const char *id,
         const char *text)
{
  row_take (row, id, g_strdup (text != NULL ? text : ""));
}

static void
row_set_number (Row        *row,
                const char *id,
                guint       number)
{
  row_take (row, id, g_strdup_printf ("%u", number));
}

static void
row_set_band (Row        *row,
              const char *id,
              IapBand     band)
{
  row_set (row, id, iap_band_get_label (band));
  row->bands[find_column (row->table, id)] = band;
}

static const char *
lookup_label (IapWorkshop *workshop,
              const char  *kind,
              const char  *id)
{
  return iap_catalog_get_label (iap_workshop_get_catalog (workshop), kind, id);
}

static const char *
level_label (GListModel *levels,
             guint       level)
{
  g_autoptr(IapScaleLevel) item = level > 0 ? g_list_model_get_item (levels, level - 1) : NULL;

  return item != NULL ? iap_scale_level_get_label (item) : "";
}

/* A level and its label, in the columns PREFIX_likelihood(_label) and
 * PREFIX_impact(_label), and its band in PREFIX_band when there is one */
static void
row_set_levels (Row         *row,
                IapWorkshop *workshop,
                const char  *prefix,
                guint        likelihood,
                guint        impact,
                gboolean     with_labels)
{
  IapScales *scales = iap_workshop_get_scales (workshop);
  g_autofree char *l = g_strconcat (prefix, "_likelihood", NULL);
  g_autofree char *i = g_strconcat (prefix, "_impact", NULL);
  g_autofree char *b = g_strconcat (prefix, "_band", NULL);

  row_set_number (row, l, likelihood);
  row_set_number (row, i, impact);
  if (with_labels)
    {
      g_autofree char *ll = g_strconcat (l, "_label", NULL);
      g_autofree char *il = g_strconcat (i, "_label", NULL);

      row_set (row, ll, level_label (iap_scales_get_likelihood (scales), likelihood));
      row_set (row, il, level_label (iap_scales_get_impact (scales), impact));
    }
  row_set_band (row, b, iap_scales_get_band (scales, likelihood, impact));
}

static void
row_set_rating (Row           *row,
                IapWorkshop   *workshop,
                IapRisk       *risk,
                IapRatingKind  kind,
                const char    *prefix,
                gboolean       with_labels)
{
  guint likelihood, impact;

  if (iap_risk_get_rating (risk, kind, iap_workshop_get_scales (workshop), &likelihood, &impact, NULL))
    row_set_levels (row, workshop, prefix, likelihood, impact, with_labels);
}

/* The position of a risk in the register, from 1, as every output
 * numbers it; 0 when the risk is not there */
static guint
risk_number (IapWorkshop *workshop,
             const char  *id)
{
  GListModel *risks = iap_workshop_get_risks (workshop);

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      if (g_str_equal (iap_risk_get_id (risk), id))
        return i + 1;
    }

  return 0;
}

static char *
dup_risk_mitigations (IapWorkshop *workshop,
                      const char  *risk)
{
  GListModel *mitigations = iap_workshop_get_mitigations (workshop);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (mitigations); i++)
    {
      g_autoptr(IapMitigation) mitigation = g_list_model_get_item (mitigations, i);

      if (!g_strv_contains (iap_mitigation_get_risks (mitigation), risk))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, iap_mitigation_get_title (mitigation));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_register (IapTable    *table,
               IapWorkshop *workshop,
               gboolean     anonymize)
{
  GListModel *risks = iap_workshop_get_risks (workshop);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      const char *arrangement = iap_risk_get_arrangement (risk);
      const char *area = iap_risk_get_area (risk);
      Row row;

      row_begin (table, &row);
      row_set_number (&row, "number", i + 1);
      row_set (&row, "id", iap_risk_get_id (risk));
      row_set (&row, "title", iap_risk_get_title (risk));
      row_set (&row, "description", iap_risk_get_description (risk));
      row_set (&row, "arrangement", lookup_label (workshop, IAP_CATALOG_ARRANGEMENT, arrangement));
      row_set (&row, "arrangement_id", arrangement);
      row_set (&row, "area", lookup_label (workshop, IAP_CATALOG_AREA, area));
      row_set (&row, "area_id", area);
      row_set_rating (&row, workshop, risk, IAP_RATING_INHERENT, "inherent", TRUE);
      row_set_rating (&row, workshop, risk, IAP_RATING_RESIDUAL, "residual", TRUE);
      row_take (&row, "mitigations", dup_risk_mitigations (workshop, iap_risk_get_id (risk)));
      row_set (&row, "notes", iap_risk_get_notes (risk));
      /* Anonymised, the official who accepted is known by their role */
      row_set (&row, "accepted_by", anonymize ? "" : iap_risk_get_accepted_by (risk));
      row_set (&row, "acceptance_role", iap_risk_get_acceptance_role (risk));
      row_set (&row, "acceptance_date", iap_risk_get_acceptance_date (risk));
      row_set (&row, "acceptance_justification", iap_risk_get_acceptance_justification (risk));
      row_end (&row);
    }
}

static char *
dup_risk_numbers (IapWorkshop        *workshop,
                  const char * const *risks)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; risks != NULL && risks[i] != NULL; i++)
    {
      guint number = risk_number (workshop, risks[i]);

      if (number == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%u", number);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_mitigations (IapTable    *table,
                  IapWorkshop *workshop,
                  gboolean     anonymize)
{
  GListModel *mitigations = iap_workshop_get_mitigations (workshop);

  for (guint i = 0; i < g_list_model_get_n_items (mitigations); i++)
    {
      g_autoptr(IapMitigation) mitigation = g_list_model_get_item (mitigations, i);
      const char *measure = iap_mitigation_get_measure (mitigation);
      const char *treatment = iap_mitigation_get_treatment (mitigation);
      const char *status = iap_mitigation_get_status (mitigation);
      Row row;

      row_begin (table, &row);
      row_set_number (&row, "number", i + 1);
      row_set (&row, "id", iap_mitigation_get_id (mitigation));
      row_set (&row, "title", iap_mitigation_get_title (mitigation));
      row_set (&row, "measure", lookup_label (workshop, IAP_CATALOG_MEASURE, measure));
      row_set (&row, "measure_id", measure);
      if (treatment != NULL && treatment[0] != '\0')
        row_set (&row, "treatment", iap_mitigation_treatment_label (treatment));
      row_set (&row, "treatment_id", treatment);
      /* Anonymised, the plan still says who acts: by entity */
      row_set (&row, "owner", anonymize ? "" : iap_mitigation_get_owner (mitigation));
      row_set (&row, "entity", iap_mitigation_get_owner_entity (mitigation));
      row_set (&row, "due", iap_mitigation_get_due (mitigation));
      row_set (&row, "status", iap_mitigation_status_label (status));
      row_set (&row, "status_id", status);
      row_take (&row, "risk_numbers", dup_risk_numbers (workshop, iap_mitigation_get_risks (mitigation)));
      row_take (&row, "risk_ids", g_strjoinv (" ", (char **) iap_mitigation_get_risks (mitigation)));
      row_take (&row, "factor_ids", g_strjoinv (" ", (char **) iap_mitigation_get_factors (mitigation)));
      row_set (&row, "notes", iap_mitigation_get_notes (mitigation));
      row_end (&row);
    }
}

/* The group's statistics of one round for one risk: nothing below the
 * privacy floor but the number of scorers */
static void
row_set_stats (Row                *row,
               IapWorkshop        *workshop,
               const IapRiskStats *stats)
{
  g_autofree char *verdict = iap_risk_stats_dup_verdict (stats);

  row_set_number (row, "scorers", stats->n);
  row_set (row, "verdict", verdict);
  row_set (row, "verdict_id", iap_verdict_to_id (iap_risk_stats_get_verdict (stats)));
  if (stats->n == 0 || stats->withheld)
    return;

  row_set_levels (row, workshop, "median", stats->median_likelihood, stats->median_impact, TRUE);
  row_set_number (row, "iqr_likelihood", stats->iqr_likelihood);
  row_set_number (row, "iqr_impact", stats->iqr_impact);
  row_set_number (row, "agreement_likelihood", stats->agreement_likelihood);
  row_set_number (row, "agreement_impact", stats->agreement_impact);
}

static void
add_rating_row (IapTable           *table,
                IapWorkshop        *workshop,
                IapRisk            *risk,
                guint               position,
                IapRound           *round,
                const IapRiskStats *stats)
{
  const char *id = iap_risk_get_id (risk);
  Row row;

  row_begin (table, &row);
  row_set_number (&row, "risk_number", position + 1);
  row_set (&row, "risk_id", id);
  row_set (&row, "risk", iap_risk_get_title (risk));
  if (round != NULL)
    row_set_number (&row, "round", iap_round_get_number (round));
  row_set_stats (&row, workshop, stats);
  row_set_rating (&row, workshop, risk, IAP_RATING_INHERENT, "agreed", FALSE);
  row_set_number (&row, "dissents", iap_workshop_count_dissents (workshop, id));
  row_end (&row);
}

/* Every revealed or closed round that scored a risk, in the order of
 * the rounds: how the room moved from one estimate to the next. Open
 * rounds are private and never shown. */
static void
fill_ratings (IapTable    *table,
              IapWorkshop *workshop)
{
  GListModel *risks = iap_workshop_get_risks (workshop);
  GListModel *rounds = iap_workshop_get_rounds (workshop);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
    {
      g_autoptr(IapRound) round = g_list_model_get_item (rounds, r);

      if (g_strcmp0 (iap_round_get_state (round), "open") == 0)
        continue;
      g_ptr_array_add (results, iap_consensus_for_round (workshop, round));
      g_ptr_array_add (shown, g_steal_pointer (&round));
    }

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);
      gboolean any = FALSE;

      for (guint r = 0; r < shown->len; r++)
        {
          const IapRiskStats *stats = iap_consensus_lookup (g_ptr_array_index (results, r), iap_risk_get_id (risk));

          if (stats == NULL || stats->n == 0)
            continue;
          add_rating_row (table, workshop, risk, i, g_ptr_array_index (shown, r), stats);
          any = TRUE;
        }
      if (!any)
        {
          IapRiskStats none = { .n = 0, .consensus = IAP_CONSENSUS_NO_RATINGS };

          add_rating_row (table, workshop, risk, i, NULL, &none);
        }
    }
}

static const char *
subject_label (const char *subject)
{
  if (g_strcmp0 (subject, "risk") == 0)
    return C_("dissent subject", "Risk");
  if (g_strcmp0 (subject, "recommendation") == 0)
    return C_("dissent subject", "Recommendation");

  return C_("dissent subject", "General");
}

static void
fill_dissents (IapTable    *table,
               IapWorkshop *workshop,
               gboolean     anonymize)
{
  GListModel *dissents = iap_workshop_get_dissents (workshop);

  for (guint i = 0; i < g_list_model_get_n_items (dissents); i++)
    {
      g_autoptr(IapDissent) dissent = g_list_model_get_item (dissents, i);
      const char *subject = iap_dissent_get_subject (dissent);
      const char *risk = g_strcmp0 (subject, "risk") == 0 ? iap_dissent_get_risk (dissent) : NULL;
      Row row;

      row_begin (table, &row);
      row_set_number (&row, "number", i + 1);
      row_set (&row, "id", iap_dissent_get_id (dissent));
      row_set (&row, "subject", subject_label (subject));
      row_set (&row, "subject_id", subject);
      if (risk != NULL && risk_number (workshop, risk) > 0)
        row_set_number (&row, "risk_number", risk_number (workshop, risk));
      row_set (&row, "risk_id", risk);
      row_take (&row, "dissenter", iap_workshop_dup_dissenter (workshop, dissent, anonymize));
      row_set (&row, "text", iap_dissent_get_text (dissent));
      row_end (&row);
    }
}

const char *
iap_table_kind_to_id (IapTableKind kind)
{
  g_return_val_if_fail (kind < IAP_N_TABLES, NULL);

  return kinds[kind].id;
}

gboolean
iap_table_kind_from_id (const char   *id,
                        IapTableKind *kind)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (kinds[i].id, id))
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * iap_table_get_columns:
 * @n_columns: (out): how many
 *
 * Returns: (transfer none): the columns of a table of @kind, with their
 *   headers untranslated (translate them in the "column" context)
 */
const IapTableColumn *
iap_table_get_columns (IapTableKind  kind,
                       guint        *n_columns)
{
  g_return_val_if_fail (kind < IAP_N_TABLES, NULL);

  *n_columns = kinds[kind].n_columns;

  return kinds[kind].columns;
}

/**
 * iap_table_new:
 * @anonymize: leave people's names out, as the anonymised report does
 *   (a workshop set to anonymise is anonymised whatever this says)
 *
 * Returns: (transfer full): the table of @kind for @workshop as it is now
 */
IapTable *
iap_table_new (IapWorkshop  *workshop,
               IapTableKind  kind,
               gboolean      anonymize)
{
  IapTable *self;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (kind < IAP_N_TABLES, NULL);

  anonymize = anonymize || iap_workshop_get_anonymize (workshop);
  self = g_new0 (IapTable, 1);
  self->kind = kind;
  self->n_columns = kinds[kind].n_columns;
  self->columns = g_memdup2 (kinds[kind].columns, sizeof (IapTableColumn) * self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    self->columns[i].header = g_dpgettext2 (NULL, "column", self->columns[i].header);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->bands = g_byte_array_new ();

  switch (kind)
    {
    case IAP_TABLE_REGISTER:
      fill_register (self, workshop, anonymize);
      break;
    case IAP_TABLE_MITIGATIONS:
      fill_mitigations (self, workshop, anonymize);
      break;
    case IAP_TABLE_RATINGS:
      fill_ratings (self, workshop);
      break;
    case IAP_TABLE_DISSENTS:
      fill_dissents (self, workshop, anonymize);
      break;
    default:
      g_assert_not_reached ();
    }

  return self;
}

void
iap_table_free (IapTable *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_byte_array_unref (self->bands);
  g_free (self->columns);
  g_free (self);
}

IapTableKind
iap_table_get_kind (IapTable *self)
{
  g_return_val_if_fail (self != NULL, IAP_TABLE_REGISTER);

  return self->kind;
}

/* Returns: the table's name in the interface language, as a sheet of a
 * spreadsheet names it */
const char *
iap_table_get_title (IapTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_dpgettext2 (NULL, "sheet", kinds[self->kind].title);
}

guint
iap_table_get_n_columns (IapTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

const IapTableColumn *
iap_table_get_column (IapTable *self,
                      guint     column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return &self->columns[column];
}

guint
iap_table_get_n_rows (IapTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/* Returns: the text of a cell, "" when it is empty */
const char *
iap_table_get_text (IapTable *self,
                    guint     row,
                    guint     column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len && column < self->n_columns, NULL);

  return ((char **) g_ptr_array_index (self->rows, row))[column];
}

/* Returns: whether the cell names a band, and which in @band */
gboolean
iap_table_get_band (IapTable *self,
                    guint     row,
                    guint     column,
                    IapBand  *band)
{
  guint8 value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row < self->rows->len && column < self->n_columns, FALSE);

  value = self->bands->data[row * self->n_columns + column];
  if (value == NO_BAND)
    return FALSE;
  if (band != NULL)
    *band = value;

  return TRUE;
}
