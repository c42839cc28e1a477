/* iap-risk-import.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A risk list drafted in a spreadsheet, read into a workshop.
 *
 * The first row that is not blank is the header. What each column holds
 * is guessed from its header, in English or in French (the column ids of
 * the register's export, its headers, and the words people use: "Risque",
 * "Probabilité", "Category"...), and can be changed. Each following row is
 * a risk, or a problem with its row number and the reason; blank rows are
 * skipped. Arrangements and areas are matched to the catalog by id or by
 * label, in any case and with or without accents; values that match
 * nothing are listed, and added as the workshop's own catalog entries
 * unless asked not to (their rows are then problems). Levels are numbers
 * or the labels of the workshop's scales. The import is one edit, undone
 * at once.
 */

#define G_LOG_DOMAIN "iap-import"

#include "config.h"

#include <string.h>

#include "iap-i18n.h"

#include "iap-appetite.h"
#include "iap-risk-import.h"

/* The file format's longest text */
#define MAX_TEXT (1024 * 1024)

struct _IapRiskImport
{
  GObject parent_instance;

  /* Owned */
  IapWorkshop *workshop;
  IapSheet *sheet;
  guint header_row;             /* index in the sheet, or G_MAXUINT when empty */
  GPtrArray *headers;           /* char * */
  GArray *fields;               /* IapImportField per column */
  char *defaults[IAP_N_IMPORT_FIELDS];
  gboolean add_entries;

  /* Results, computed again when the mapping changes */
  gboolean dirty;
  GListStore *risks;
  GPtrArray *problems;          /* "Row N: reason", NULL-terminated */
  GArray *problem_rows;         /* guint: N */
  GPtrArray *new_arrangements;
  GPtrArray *new_areas;
};

G_DEFINE_FINAL_TYPE (IapRiskImport, iap_risk_import, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (iap-risk-import-error-quark, iap_risk_import_error)

static const struct
{
  const char *id;
  const char *label;
} fields[] = {
  { "ignore", NC_("import field", "Not imported") },
  { "id", NC_("import field", "Id") },
  { "title", NC_("import field", "Title") },
  { "description", NC_("import field", "Description") },
  { "notes", NC_("import field", "Notes") },
  { "arrangement", NC_("import field", "Arrangement") },
  { "area", NC_("import field", "Area") },
  { "inherent_likelihood", NC_("import field", "Inherent likelihood") },
  { "inherent_impact", NC_("import field", "Inherent impact") },
  { "residual_likelihood", NC_("import field", "Residual likelihood") },
  { "residual_impact", NC_("import field", "Residual impact") },
  { "accepted_by", NC_("import field", "Accepted by") },
  { "acceptance_role", NC_("import field", "Acceptance role") },
  { "acceptance_date", NC_("import field", "Acceptance date") },
  { "acceptance_justification", NC_("import field", "Acceptance justification") },
  { "note", NC_("import field", "Added to the notes") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == IAP_N_IMPORT_FIELDS);

const char *
iap_import_field_to_id (IapImportField field)
{
  g_return_val_if_fail (field < IAP_N_IMPORT_FIELDS, NULL);

  return fields[field].id;
}

gboolean
iap_import_field_from_id (const char     *id,
                          IapImportField *field)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (fields); i++)
    {
      if (g_str_equal (fields[i].id, id))
        {
          *field = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
iap_import_field_get_label (IapImportField field)
{
  g_return_val_if_fail (field < IAP_N_IMPORT_FIELDS, NULL);

  return g_dpgettext2 (NULL, "import field", fields[field].label);
}

/* Lower case, without accents, words separated by one space: "Probabilité
 * inhérente (1-5)" reads "probabilite inherente 1 5" */
static char *
normalize (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  g_autofree char *ascii = g_str_to_ascii (folded, "C");
  GString *out = g_string_new (NULL);

  for (const char *c = ascii; *c != '\0'; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (out, *c);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* Whether the normalized @header has any of the |-separated words */
static gboolean
has_word (const char *header,
          const char *words)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);
  g_autofree char *padded = g_strconcat (" ", header, " ", NULL);

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *word = g_strconcat (" ", list[i], " ", NULL);

      if (strstr (padded, word) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The columns of the register's export that hold what an import recomputes
 * (labels, bands, numbers) or keeps elsewhere */
static const char * const derived_columns[] = {
  "number", "arrangement label", "area label",
  "inherent likelihood label", "inherent impact label", "inherent band",
  "residual likelihood label", "residual impact label", "residual band", "mitigations",
  NULL
};

#define LIKELIHOOD "likelihood|probability|probabilite|vraisemblance"
#define IMPACT "impact|severity|gravite|severite|consequence|consequences"
#define ACCEPTANCE "acceptance|acceptation|accepted|accepte|acceptee"

/* The field a header names, and how sure the guess is (0 to 4): the
 * surest guess for a field wins it */
static IapImportField
guess_field (const char *header,
             guint      *score)
{
  g_autofree char *h = normalize (header);
  g_autofree char *id = g_strdelimit (g_strdup (h), " ", '_');
  gboolean residual = has_word (h, "residual|residuel|residuelle|after|apres");
  IapImportField field;

  *score = 3;
  if (h[0] == '\0' || g_strv_contains (derived_columns, h) ||
      has_word (h, "label|libelle|band|classe|no|n|number|numero|mitigation|mitigations|attenuation"))
    return IAP_IMPORT_IGNORE;
  if (iap_import_field_from_id (id, &field) && field != IAP_IMPORT_NOTE)
    return field;
  /* A catalog entry by id is surer than by label */
  *score = 4;
  if (has_word (h, "id|identifiant|code") && has_word (h, "arrangement|dispositif"))
    return IAP_IMPORT_ARRANGEMENT;
  if (has_word (h, "id|identifiant|code") && has_word (h, "area|domaine|category|categorie"))
    return IAP_IMPORT_AREA;

  *score = 2;
  if (has_word (h, LIKELIHOOD) || g_str_equal (h, "l") || g_str_equal (h, "p"))
    return residual ? IAP_IMPORT_RESIDUAL_LIKELIHOOD : IAP_IMPORT_INHERENT_LIKELIHOOD;
  if (has_word (h, IMPACT) || g_str_equal (h, "i"))
    return residual ? IAP_IMPORT_RESIDUAL_IMPACT : IAP_IMPORT_INHERENT_IMPACT;
  if (has_word (h, ACCEPTANCE) && has_word (h, "date"))
    return IAP_IMPORT_ACCEPTANCE_DATE;
  if (has_word (h, ACCEPTANCE) && has_word (h, "role|fonction|title|titre"))
    return IAP_IMPORT_ACCEPTANCE_ROLE;
  if (has_word (h, "justification|rationale"))
    return IAP_IMPORT_ACCEPTANCE_JUSTIFICATION;
  if (has_word (h, ACCEPTANCE))
    return IAP_IMPORT_ACCEPTED_BY;
  if (has_word (h, "arrangement|arrangements|dispositif|dispositifs|mechanism|mecanisme"))
    return IAP_IMPORT_ARRANGEMENT;
  if (has_word (h, "area|areas|domaine|domaines|category|categorie|categories"))
    return IAP_IMPORT_AREA;
  if (has_word (h, "description|details|detail|cause|causes|evenement|event"))
    return IAP_IMPORT_DESCRIPTION;
  if (has_word (h, "notes|note|remarks|remarques|remarque|comments|comment|commentaires|commentaire|observations"))
    return IAP_IMPORT_NOTES;
  if (has_word (h, "id|identifiant|ref|reference|code"))
    return IAP_IMPORT_ID;
  if (has_word (h, "title|titre|risk|risque|risks|risques|name|nom|intitule"))
    return IAP_IMPORT_TITLE;
  /* Kept in the notes rather than lost: who owns the risk, its status */
  *score = 1;
  if (has_word (h, "owner|responsable|proprietaire|status|statut|etat|source|date"))
    return IAP_IMPORT_NOTE;

  *score = 0;
  return IAP_IMPORT_IGNORE;
}

static void
guess_fields (IapRiskImport *self)
{
  g_autofree guint *scores = g_new0 (guint, self->headers->len);
  g_autofree IapImportField *guesses = g_new0 (IapImportField, self->headers->len);

  for (guint i = 0; i < self->headers->len; i++)
    guesses[i] = guess_field (g_ptr_array_index (self->headers, i), &scores[i]);

  /* Each field to its surest column, the first on a tie; notes to all */
  for (guint score = 4; score > 0; score--)
    {
      for (guint i = 0; i < self->headers->len; i++)
        {
          gboolean taken = FALSE;

          if (scores[i] != score || guesses[i] == IAP_IMPORT_IGNORE)
            continue;
          for (guint j = 0; j < self->headers->len && guesses[i] != IAP_IMPORT_NOTE; j++)
            taken = taken || g_array_index (self->fields, IapImportField, j) == guesses[i];
          if (!taken)
            g_array_index (self->fields, IapImportField, i) = guesses[i];
        }
    }
}

static void
changed (IapRiskImport *self)
{
  self->dirty = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Text as a workshop keeps it: trimmed, without control characters,
 * and without the apostrophe an export puts before what a spreadsheet
 * would take for a formula */
static char *
clean_text (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@\t\r", text[1]) != NULL)
    text++;

  out = g_string_sized_new (strlen (text));
  for (const char *c = text; *c != '\0'; c++)
    {
      if ((guchar) *c < 0x20 && *c != '\n' && *c != '\t')
        {
          if (*c == '\r' && c[1] != '\n')
            g_string_append_c (out, '\n');
          continue;
        }
      g_string_append_c (out, *c);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* The field's text in @row: its column's, else the default */
static char *
dup_value (IapRiskImport  *self,
           guint           row,
           IapImportField  field)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      if (g_array_index (self->fields, IapImportField, i) == field)
        {
          g_autofree char *text = clean_text (iap_sheet_get_field (self->sheet, row, i));

          if (text[0] != '\0' || self->defaults[field] == NULL)
            return g_steal_pointer (&text);
        }
    }

  return g_strdup (self->defaults[field] != NULL ? self->defaults[field] : "");
}

static gboolean
is_id (const char *text)
{
  if (text[0] == '\0' || strlen (text) > 64 || (!g_ascii_isalpha (text[0]) && text[0] != '_'))
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '_' && *c != '-' && *c != '.')
      return FALSE;

  return TRUE;
}

/* A catalog entry by id, by label as shown, or by its English label */
static const char *
match_entry (IapRiskImport *self,
             const char    *kind,
             const char    *value)
{
  GListModel *entries = iap_catalog_get_entries (iap_workshop_get_catalog (self->workshop), kind);
  g_autofree char *wanted = normalize (value);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IapCatalogEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *label = normalize (iap_catalog_entry_get_label (entry));
      g_autofree char *english = normalize (iap_catalog_entry_get_untranslated_label (entry));

      if (g_str_equal (iap_catalog_entry_get_id (entry), value) ||
          g_str_equal (label, wanted) || g_str_equal (english, wanted))
        return iap_catalog_entry_get_id (entry);
    }

  return NULL;
}

static void
add_new_entry (GPtrArray  *list,
               const char *value)
{
  g_autofree char *wanted = normalize (value);

  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *known = normalize (g_ptr_array_index (list, i));

      if (g_str_equal (known, wanted))
        return;
    }
  g_ptr_array_insert (list, list->len - 1, g_strdup (value));
}

/* A level: its number, a number followed by words ("4 - Likely"), or a
 * label of the workshop's scale */
static guint
parse_level (GListModel *levels,
             const char *text)
{
  g_autofree char *wanted = normalize (text);
  guint n = g_list_model_get_n_items (levels);
  char *end = NULL;
  guint64 number;

  number = g_ascii_strtoull (text, &end, 10);
  /* "4.5" is no level: a scale has no halves */
  if (end != text && (*end == '\0' || g_str_equal (end, ".0") || (*end != '.' && *end != ',')) &&
      number >= 1 && number <= n)
    return number;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapScaleLevel) level = g_list_model_get_item (levels, i);
      g_autofree char *label = normalize (iap_scale_level_get_label (level));

      if (label[0] != '\0' && g_str_equal (label, wanted))
        return i + 1;
    }

  return 0;
}

typedef struct
{
  IapRiskImport *self;
  guint row;
  guint number;
  char *problem;
} RowReader;

/* The first reason a row cannot be read is the one given */
static void
row_problem (RowReader  *r,
             const char *reason)
{
  if (r->problem == NULL)
    r->problem = g_strdup (reason);
}

static void
read_rating (RowReader     *r,
             IapRisk       *risk,
             IapImportField likelihood_field,
             const char    *likelihood_property,
             const char    *impact_property)
{
  IapScales *scales = iap_workshop_get_scales (r->self->workshop);
  g_autofree char *l_text = dup_value (r->self, r->row, likelihood_field);
  g_autofree char *i_text = dup_value (r->self, r->row, likelihood_field + 1);
  guint l = parse_level (iap_scales_get_likelihood (scales), l_text);
  guint i = parse_level (iap_scales_get_impact (scales), i_text);
  g_autofree char *reason = NULL;

  if (l_text[0] == '\0' && i_text[0] == '\0')
    return;
  if (l_text[0] != '\0' && l == 0)
    /* Translators: the first %s is a column, such as Inherent likelihood */
    reason = g_strdup_printf (_("%s “%s” is not a level of the scale (1 to %u, or its labels)"),
                              iap_import_field_get_label (likelihood_field), l_text,
                              iap_scales_get_n_likelihood (scales));
  else if (i_text[0] != '\0' && i == 0)
    reason = g_strdup_printf (_("%s “%s” is not a level of the scale (1 to %u, or its labels)"),
                              iap_import_field_get_label (likelihood_field + 1), i_text,
                              iap_scales_get_n_impact (scales));
  else if (l == 0 || i == 0)
    /* Translators: %s is a column, such as Inherent impact */
    reason = g_strdup_printf (_("%s is missing: a rating needs both likelihood and impact"),
                              iap_import_field_get_label (l == 0 ? likelihood_field : likelihood_field + 1));
  if (reason != NULL)
    {
      row_problem (r, reason);
      return;
    }
  g_object_set (risk, likelihood_property, l, impact_property, i, NULL);
}

static void
read_entry (RowReader      *r,
            IapRisk        *risk,
            IapImportField  field,
            const char     *kind,
            GPtrArray      *new_entries)
{
  g_autofree char *value = dup_value (r->self, r->row, field);
  const char *id;

  if (value[0] == '\0')
    {
      g_autofree char *reason = field == IAP_IMPORT_ARRANGEMENT
        ? g_strdup (_("no arrangement: fill it in, or choose one for every row without"))
        : g_strdup (_("no area: fill it in, or choose one for every row without"));

      row_problem (r, reason);
      return;
    }
  id = match_entry (r->self, kind, value);
  if (id == NULL && !r->self->add_entries)
    {
      /* Translators: %s is what the spreadsheet gives as an arrangement or an area */
      g_autofree char *reason = g_strdup_printf (_("“%s” is not in the catalog"), value);

      row_problem (r, reason);
      return;
    }
  if (id == NULL)
    add_new_entry (new_entries, value);
  g_object_set (risk, kind, id != NULL ? id : value, NULL);
}

static void
read_texts (RowReader *r,
            IapRisk   *risk)
{
  static const struct { IapImportField field; const char *property; } texts[] = {
    { IAP_IMPORT_TITLE, "title" },
    { IAP_IMPORT_DESCRIPTION, "description" },
    { IAP_IMPORT_ACCEPTED_BY, "accepted-by" },
    { IAP_IMPORT_ACCEPTANCE_ROLE, "acceptance-role" },
    { IAP_IMPORT_ACCEPTANCE_JUSTIFICATION, "acceptance-justification" },
  };
  g_autoptr(GString) notes = NULL;
  g_autofree char *own_notes = dup_value (r->self, r->row, IAP_IMPORT_NOTES);
  g_autofree char *date = dup_value (r->self, r->row, IAP_IMPORT_ACCEPTANCE_DATE);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = dup_value (r->self, r->row, texts[i].field);

      g_object_set (risk, texts[i].property, text, NULL);
    }

  /* The notes, then each column added to them after its header */
  notes = g_string_new (NULL);
  g_string_append (notes, own_notes);
  for (guint i = 0; i < r->self->fields->len; i++)
    {
      g_autofree char *text = NULL;

      if (g_array_index (r->self->fields, IapImportField, i) != IAP_IMPORT_NOTE)
        continue;
      text = clean_text (iap_sheet_get_field (r->self->sheet, r->row, i));
      if (text[0] == '\0')
        continue;
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      /* Translators: a column of a spreadsheet kept in a risk's notes: its header, then its text */
      g_string_append_printf (notes, C_("imported note", "%s: %s"),
                              (const char *) g_ptr_array_index (r->self->headers, i), text);
    }
  g_object_set (risk, "notes", notes->str, NULL);

  if (date[0] != '\0' && !iap_date_parse (date, NULL))
    {
      g_autofree char *reason = g_strdup_printf (_("the acceptance date “%s” is not a date written YYYY-MM-DD"), date);

      row_problem (r, reason);
    }
  else
    g_object_set (risk, "acceptance-date", date, NULL);
}

static gboolean
texts_fit (IapRisk *risk)
{
  const char *properties[] = { "title", "description", "notes", "accepted-by", "acceptance-role",
                               "acceptance-justification" };

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *text = NULL;

      g_object_get (risk, properties[i], &text, NULL);
      if (text != NULL && strlen (text) > MAX_TEXT)
        return FALSE;
    }

  return TRUE;
}

/* The risk of one row, or NULL with the row's problem */
static IapRisk *
read_row (IapRiskImport *self,
          guint          row,
          GHashTable    *ids,
          char         **problem)
{
  RowReader r = { self, row, iap_sheet_get_row_number (self->sheet, row), NULL };
  g_autoptr(IapRisk) risk = NULL;
  g_autofree char *id = dup_value (self, row, IAP_IMPORT_ID);
  g_autofree char *title = dup_value (self, row, IAP_IMPORT_TITLE);

  if (id[0] != '\0' && is_id (id) && iap_workshop_find_risk (self->workshop, id) != NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("the workshop already has a risk %s"), id);

      row_problem (&r, reason);
      *problem = r.problem;
      return NULL;
    }
  /* Ids that cannot be kept are given anew when the risks are added */
  risk = iap_risk_new (is_id (id) && !g_hash_table_contains (ids, id) ? id : "");
  if (title[0] == '\0')
    row_problem (&r, _("no title"));
  read_texts (&r, risk);
  if (!texts_fit (risk))
    row_problem (&r, _("a text is longer than 1 MiB"));
  read_entry (&r, risk, IAP_IMPORT_ARRANGEMENT, IAP_CATALOG_ARRANGEMENT, self->new_arrangements);
  read_entry (&r, risk, IAP_IMPORT_AREA, IAP_CATALOG_AREA, self->new_areas);
  read_rating (&r, risk, IAP_IMPORT_INHERENT_LIKELIHOOD, "inherent-likelihood", "inherent-impact");
  read_rating (&r, risk, IAP_IMPORT_RESIDUAL_LIKELIHOOD, "residual-likelihood", "residual-impact");

  if (r.problem != NULL)
    {
      *problem = r.problem;
      return NULL;
    }
  if (iap_risk_get_id (risk)[0] != '\0')
    g_hash_table_add (ids, g_strdup (iap_risk_get_id (risk)));

  return g_steal_pointer (&risk);
}

static void
clear_results (IapRiskImport *self)
{
  g_list_store_remove_all (self->risks);
  g_ptr_array_set_size (self->problems, 0);
  g_array_set_size (self->problem_rows, 0);
  g_ptr_array_set_size (self->new_arrangements, 0);
  g_ptr_array_set_size (self->new_areas, 0);
  g_ptr_array_add (self->problems, NULL);
  g_ptr_array_add (self->new_arrangements, NULL);
  g_ptr_array_add (self->new_areas, NULL);
}

static void
update (IapRiskImport *self)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) risks = g_ptr_array_new_with_free_func (g_object_unref);

  if (!self->dirty)
    return;
  self->dirty = FALSE;
  clear_results (self);
  if (self->header_row == G_MAXUINT)
    return;

  for (guint row = self->header_row + 1; row < iap_sheet_get_n_rows (self->sheet); row++)
    {
      char *problem = NULL;
      IapRisk *risk;
      guint number;

      if (iap_sheet_row_is_blank (self->sheet, row))
        continue;
      risk = read_row (self, row, ids, &problem);
      if (risk != NULL)
        {
          g_ptr_array_add (risks, risk);
          continue;
        }
      number = iap_sheet_get_row_number (self->sheet, row);
      g_array_append_val (self->problem_rows, number);
      /* Translators: a row of a spreadsheet that cannot be imported, and why */
      g_ptr_array_insert (self->problems, self->problems->len - 1, g_strdup_printf (_("Row %u: %s"), number, problem));
      g_free (problem);
    }
  g_list_store_splice (self->risks, 0, 0, risks->pdata, risks->len);
}

static void
iap_risk_import_finalize (GObject *object)
{
  IapRiskImport *self = IAP_RISK_IMPORT (object);

  g_clear_object (&self->workshop);
  g_clear_pointer (&self->sheet, iap_sheet_free);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_array_unref);
  for (guint i = 0; i < IAP_N_IMPORT_FIELDS; i++)
    g_free (self->defaults[i]);
  g_clear_object (&self->risks);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problem_rows, g_array_unref);
  g_clear_pointer (&self->new_arrangements, g_ptr_array_unref);
  g_clear_pointer (&self->new_areas, g_ptr_array_unref);

  G_OBJECT_CLASS (iap_risk_import_parent_class)->finalize (object);
}

static void
iap_risk_import_class_init (IapRiskImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iap_risk_import_finalize;

  /**
   * IapRiskImport::changed:
   *
   * The mapping or a setting changed: the risks and problems are read
   * again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
iap_risk_import_init (IapRiskImport *self)
{
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->fields = g_array_new (FALSE, TRUE, sizeof (IapImportField));
  self->add_entries = TRUE;
  self->dirty = TRUE;
  self->risks = g_list_store_new (IAP_TYPE_RISK);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->problem_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->new_arrangements = g_ptr_array_new_with_free_func (g_free);
  self->new_areas = g_ptr_array_new_with_free_func (g_free);
  clear_results (self);
}

/**
 * iap_risk_import_new:
 * @sheet: (transfer full): the risk list
 *
 * Returns: (transfer full): an import of @sheet into @workshop, its
 *   columns guessed from the header
 */
IapRiskImport *
iap_risk_import_new (IapWorkshop *workshop,
                     IapSheet    *sheet)
{
  IapRiskImport *self;

  g_return_val_if_fail (IAP_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  self = g_object_new (IAP_TYPE_RISK_IMPORT, NULL);
  self->workshop = g_object_ref (workshop);
  self->sheet = sheet;
  self->header_row = G_MAXUINT;
  for (guint row = 0; row < iap_sheet_get_n_rows (sheet); row++)
    {
      if (!iap_sheet_row_is_blank (sheet, row))
        {
          self->header_row = row;
          break;
        }
    }
  for (guint i = 0; self->header_row != G_MAXUINT && i < iap_sheet_get_n_fields (sheet, self->header_row); i++)
    g_ptr_array_add (self->headers, clean_text (iap_sheet_get_field (sheet, self->header_row, i)));
  g_array_set_size (self->fields, self->headers->len);
  guess_fields (self);

  return self;
}

IapWorkshop *
iap_risk_import_get_workshop (IapRiskImport *self)
{
  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), NULL);

  return self->workshop;
}

guint
iap_risk_import_get_n_columns (IapRiskImport *self)
{
  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), 0);

  return self->headers->len;
}

const char *
iap_risk_import_get_header (IapRiskImport *self,
                            guint          column)
{
  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->headers->len, NULL);

  return g_ptr_array_index (self->headers, column);
}

IapImportField
iap_risk_import_get_field (IapRiskImport *self,
                           guint          column)
{
  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), IAP_IMPORT_IGNORE);
  g_return_val_if_fail (column < self->fields->len, IAP_IMPORT_IGNORE);

  return g_array_index (self->fields, IapImportField, column);
}

/**
 * iap_risk_import_set_field:
 *
 * Reads @column as @field. A field but the notes is read from one
 * column: the column that had it is not imported any more.
 */
void
iap_risk_import_set_field (IapRiskImport  *self,
                           guint           column,
                           IapImportField  field)
{
  g_return_if_fail (IAP_IS_RISK_IMPORT (self));
  g_return_if_fail (column < self->fields->len);
  g_return_if_fail (field < IAP_N_IMPORT_FIELDS);

  if (g_array_index (self->fields, IapImportField, column) == field)
    return;
  for (guint i = 0; i < self->fields->len && field != IAP_IMPORT_NOTE && field != IAP_IMPORT_IGNORE; i++)
    {
      if (g_array_index (self->fields, IapImportField, i) == field)
        g_array_index (self->fields, IapImportField, i) = IAP_IMPORT_IGNORE;
    }
  g_array_index (self->fields, IapImportField, column) = field;
  changed (self);
}

/* A column by its header (ignoring case and accents) or its letter (A,
 * B... as spreadsheets name them) */
static gboolean
find_column (IapRiskImport *self,
             const char    *name,
             guint         *column)
{
  g_autofree char *wanted = normalize (name);
  guint letters = 0;

  for (guint i = 0; i < self->headers->len; i++)
    {
      g_autofree char *header = normalize (g_ptr_array_index (self->headers, i));

      if (g_str_equal (header, wanted))
        {
          *column = i;
          return TRUE;
        }
    }
  for (const char *c = name; *c != '\0' && letters < 1000000; c++)
    {
      if (!g_ascii_isalpha (*c))
        return FALSE;
      letters = letters * 26 + (g_ascii_toupper (*c) - 'A' + 1);
    }
  if (letters == 0 || letters > self->headers->len)
    return FALSE;
  *column = letters - 1;

  return TRUE;
}

/**
 * iap_risk_import_map:
 * @mapping: COLUMN=FIELD: a column's header or letter, and a field's id
 *   (iap_import_field_to_id())
 *
 * Returns: whether @mapping names a column and a field
 */
gboolean
iap_risk_import_map (IapRiskImport  *self,
                     const char     *mapping,
                     GError        **error)
{
  const char *equals;
  g_autofree char *name = NULL;
  IapImportField field;
  guint column;

  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);

  equals = strrchr (mapping, '=');
  if (equals == NULL || !iap_import_field_from_id (equals + 1, &field))
    {
      g_set_error (error, IAP_RISK_IMPORT_ERROR, IAP_RISK_IMPORT_ERROR_MAP,
                   _("“%s” is not COLUMN=FIELD with one of the fields %s"), mapping,
                   "id, title, description, notes, arrangement, area, inherent_likelihood, inherent_impact, "
                   "residual_likelihood, residual_impact, accepted_by, acceptance_role, acceptance_date, "
                   "acceptance_justification, note, ignore");
      return FALSE;
    }
  name = g_strndup (mapping, equals - mapping);
  if (!find_column (self, name, &column))
    {
      g_set_error (error, IAP_RISK_IMPORT_ERROR, IAP_RISK_IMPORT_ERROR_MAP,
                   _("“%s” is neither a header of the table nor a column letter"), name);
      return FALSE;
    }
  iap_risk_import_set_field (self, column, field);

  return TRUE;
}

/**
 * iap_risk_import_set_default:
 * @setting: FIELD=VALUE: the value of @field for every row that has
 *   none, such as arrangement=co-location
 */
gboolean
iap_risk_import_set_default (IapRiskImport  *self,
                             const char     *setting,
                             GError        **error)
{
  const char *equals;
  g_autofree char *id = NULL;
  IapImportField field;

  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), FALSE);
  g_return_val_if_fail (setting != NULL, FALSE);

  equals = strchr (setting, '=');
  id = equals != NULL ? g_strndup (setting, equals - setting) : NULL;
  if (id == NULL || !iap_import_field_from_id (id, &field) ||
      field == IAP_IMPORT_IGNORE || field == IAP_IMPORT_NOTE || field == IAP_IMPORT_ID)
    {
      g_set_error (error, IAP_RISK_IMPORT_ERROR, IAP_RISK_IMPORT_ERROR_MAP,
                   _("“%s” is not FIELD=VALUE with a field such as arrangement or area"), setting);
      return FALSE;
    }
  g_free (self->defaults[field]);
  self->defaults[field] = equals[1] != '\0' ? clean_text (equals + 1) : NULL;
  changed (self);

  return TRUE;
}

gboolean
iap_risk_import_get_add_entries (IapRiskImport *self)
{
  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), FALSE);

  return self->add_entries;
}

/**
 * iap_risk_import_set_add_entries:
 * @add_entries: whether arrangements and areas the catalog does not have
 *   are added to it; if not, their rows are not imported
 */
void
iap_risk_import_set_add_entries (IapRiskImport *self,
                                 gboolean       add_entries)
{
  g_return_if_fail (IAP_IS_RISK_IMPORT (self));

  add_entries = !!add_entries;
  if (self->add_entries == add_entries)
    return;
  self->add_entries = add_entries;
  changed (self);
}

/**
 * iap_risk_import_get_risks:
 *
 * Returns: (transfer none): the risks that will be added, as drafts: an
 *   id is empty when it will be given when they are added; an
 *   arrangement or area that the catalog does not have is the
 *   spreadsheet's text (iap_risk_import_describe_value())
 */
GListModel *
iap_risk_import_get_risks (IapRiskImport *self)
{
  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), NULL);

  update (self);

  return G_LIST_MODEL (self->risks);
}

/**
 * iap_risk_import_get_problems:
 *
 * Returns: (transfer none): the rows that will not be imported, each
 *   "Row N: reason", in the order of the sheet
 */
const char * const *
iap_risk_import_get_problems (IapRiskImport *self)
{
  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), NULL);

  update (self);

  return (const char * const *) self->problems->pdata;
}

/**
 * iap_risk_import_get_problem_row:
 * @index: a problem's index in iap_risk_import_get_problems()
 *
 * Returns: the number of the row it is about, as the spreadsheet shows it
 */
guint
iap_risk_import_get_problem_row (IapRiskImport *self,
                                 guint          index)
{
  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), 0);

  update (self);
  g_return_val_if_fail (index < self->problem_rows->len, 0);

  return g_array_index (self->problem_rows, guint, index);
}

/**
 * iap_risk_import_get_new_entries:
 * @kind: %IAP_CATALOG_ARRANGEMENT or %IAP_CATALOG_AREA
 *
 * Returns: (transfer none): the values that match no catalog entry, as
 *   the spreadsheet first gives them
 */
const char * const *
iap_risk_import_get_new_entries (IapRiskImport *self,
                                 const char    *kind)
{
  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), NULL);

  update (self);

  if (g_strcmp0 (kind, IAP_CATALOG_AREA) == 0)
    return (const char * const *) self->new_areas->pdata;

  return (const char * const *) self->new_arrangements->pdata;
}

/**
 * iap_risk_import_describe_value:
 * @value: a draft risk's arrangement or area
 *
 * Returns: the entry's label, or @value itself when it will be a new entry
 */
const char *
iap_risk_import_describe_value (IapRiskImport *self,
                                const char    *kind,
                                const char    *value)
{
  IapCatalogEntry *entry;

  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), NULL);

  entry = iap_catalog_lookup (iap_workshop_get_catalog (self->workshop), kind, value);

  return entry != NULL ? iap_catalog_entry_get_label (entry) : value;
}

static GHashTable *
add_entries (IapRiskImport *self,
             const char    *kind,
             GPtrArray     *labels)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i + 1 < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);
      IapCatalogEntry *entry = iap_workshop_add_custom_entry (self->workshop, kind, label, NULL);

      g_hash_table_insert (ids, normalize (label), g_strdup (iap_catalog_entry_get_id (entry)));
    }

  return ids;
}

static void
resolve_entry (IapRisk    *risk,
               const char *kind,
               GHashTable *new_ids)
{
  g_autofree char *value = NULL;
  g_autofree char *key = NULL;
  const char *id;

  g_object_get (risk, kind, &value, NULL);
  key = normalize (value);
  id = g_hash_table_lookup (new_ids, key);
  if (id != NULL)
    g_object_set (risk, kind, id, NULL);
}

/* A risk's id is given when it is made: a draft that needs one is
 * copied */
static IapRisk *
copy_with_id (IapRisk    *draft,
              const char *id)
{
  IapRisk *risk = iap_risk_new (id);
  guint n;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (draft), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE) || !(pspecs[i]->flags & G_PARAM_WRITABLE) ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (draft), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (risk), pspecs[i]->name, &value);
    }

  return risk;
}

/**
 * iap_risk_import_apply:
 *
 * Adds the risks, and the catalog entries they need, to the workshop as
 * one edit. The risks of iap_risk_import_get_risks() are then the
 * workshop's, with their ids; apply once.
 *
 * Returns: how many risks were added
 */
guint
iap_risk_import_apply (IapRiskImport *self)
{
  GListModel *list;
  g_autoptr(GHashTable) arrangements = NULL;
  g_autoptr(GHashTable) areas = NULL;
  guint n;

  g_return_val_if_fail (IAP_IS_RISK_IMPORT (self), 0);

  update (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->risks));
  if (n == 0)
    return 0;

  list = iap_workshop_get_risks (self->workshop);
  iap_workshop_begin_edit (self->workshop, _("Import Risks"));
  arrangements = add_entries (self, IAP_CATALOG_ARRANGEMENT, self->new_arrangements);
  areas = add_entries (self, IAP_CATALOG_AREA, self->new_areas);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IapRisk) draft = g_list_model_get_item (G_LIST_MODEL (self->risks), i);

      resolve_entry (draft, IAP_CATALOG_ARRANGEMENT, arrangements);
      resolve_entry (draft, IAP_CATALOG_AREA, areas);
      if (iap_risk_get_id (draft)[0] == '\0' || iap_workshop_find_risk (self->workshop, iap_risk_get_id (draft)) != NULL)
        {
          g_autofree char *id = iap_workshop_new_id (self->workshop, list, "r");
          IapRisk *risk = copy_with_id (draft, id);

          g_list_store_splice (self->risks, i, 1, (gpointer *) &risk, 1);
          g_set_object (&draft, risk);
          g_object_unref (risk);
        }
      iap_workshop_insert (self->workshop, list, g_list_model_get_n_items (list), draft);
    }
  iap_workshop_end_edit (self->workshop);

  return n;
}
