/* iap-workshop.h
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iap-catalog.h"
#include "iap-dissent.h"
#include "iap-factor-score.h"
#include "iap-history.h"
#include "iap-indicator-answer.h"
#include "iap-integration-area.h"
#include "iap-mitigation.h"
#include "iap-option-arrangements.h"
#include "iap-participant.h"
#include "iap-requirement-status.h"
#include "iap-risk.h"
#include "iap-round.h"
#include "iap-scales.h"

G_BEGIN_DECLS

#define IAP_WORKSHOP_ERROR (iap_workshop_error_quark ())

typedef enum
{
  IAP_WORKSHOP_ERROR_IN_USE,
  IAP_WORKSHOP_ERROR_OUT_OF_RANGE,
} IapWorkshopError;

GQuark              iap_workshop_error_quark                (void);
const char         *iap_classification_to_label             (const char       *id);
char               *iap_date_dup_display                    (const char       *iso);
char               *iap_date_time_dup_display               (GDateTime        *date);

/* The privacy floor: the fewest scorers a group statistic is shown for. */
#define IAP_MIN_SCORERS_DEFAULT 3
#define IAP_MIN_SCORERS_LOWEST  2

#define IAP_TYPE_WORKSHOP (iap_workshop_get_type ())

G_DECLARE_FINAL_TYPE (IapWorkshop, iap_workshop, IAP, WORKSHOP, GObject)

IapWorkshop        *iap_workshop_new                        (void);
const char         *iap_workshop_get_id                     (IapWorkshop      *self);
const char         *iap_workshop_get_title                  (IapWorkshop      *self);
const char         *iap_workshop_get_country                (IapWorkshop      *self);
const char         *iap_workshop_get_start_date             (IapWorkshop      *self);
const char         *iap_workshop_get_end_date               (IapWorkshop      *self);
const char         *iap_workshop_get_facilitator            (IapWorkshop      *self);
const char         *iap_workshop_get_classification         (IapWorkshop      *self);
const char         *iap_workshop_get_notes                  (IapWorkshop      *self);
const char         *iap_workshop_get_review_date            (IapWorkshop      *self);
gboolean            iap_workshop_get_anonymize              (IapWorkshop      *self);
guint               iap_workshop_get_min_scorers            (IapWorkshop      *self);
gboolean            iap_workshop_may_show_statistic         (IapWorkshop      *self,
                                                             guint             n_scorers);
char               *iap_workshop_dup_withheld               (IapWorkshop      *self);
const char         *iap_workshop_get_unct                   (IapWorkshop      *self);
const char         *iap_workshop_get_mission                (IapWorkshop      *self);
const char         *iap_workshop_get_mission_type           (IapWorkshop      *self);
const char         *iap_workshop_get_phase                  (IapWorkshop      *self);
const char         *iap_workshop_get_current_option         (IapWorkshop      *self);
const char         *iap_workshop_get_mandate                (IapWorkshop      *self);
const char * const *iap_workshop_get_options                (IapWorkshop      *self);
const char         *iap_workshop_get_environment_override   (IapWorkshop      *self);
const char         *iap_workshop_get_override_justification (IapWorkshop      *self);
const char         *iap_workshop_get_recommendation         (IapWorkshop      *self);
const char         *iap_workshop_get_rationale              (IapWorkshop      *self);
const char         *iap_workshop_get_conditions             (IapWorkshop      *self);
IapHistory         *iap_workshop_get_history                (IapWorkshop      *self);
IapCatalog         *iap_workshop_get_catalog                (IapWorkshop      *self);
IapScales          *iap_workshop_get_scales                 (IapWorkshop      *self);
GListModel         *iap_workshop_get_indicators             (IapWorkshop      *self);
GListModel         *iap_workshop_get_participants           (IapWorkshop      *self);
GListModel         *iap_workshop_get_risks                  (IapWorkshop      *self);
GListModel         *iap_workshop_get_factor_scores          (IapWorkshop      *self);
GListModel         *iap_workshop_get_rounds                 (IapWorkshop      *self);
GListModel         *iap_workshop_get_mitigations            (IapWorkshop      *self);
GListModel         *iap_workshop_get_dissents               (IapWorkshop      *self);
GListModel         *iap_workshop_get_integration_map        (IapWorkshop      *self);
GListModel         *iap_workshop_get_requirement_statuses   (IapWorkshop      *self);
GListModel         *iap_workshop_get_option_arrangements    (IapWorkshop      *self);
GFile              *iap_workshop_get_file                   (IapWorkshop      *self);
void                iap_workshop_set_file                   (IapWorkshop      *self,
                                                             GFile            *file);
const char         *iap_workshop_get_format_version         (IapWorkshop      *self);
char               *iap_workshop_dup_display_name           (IapWorkshop      *self);
gboolean            iap_workshop_get_modified               (IapWorkshop      *self);
gboolean            iap_workshop_undo                       (IapWorkshop      *self);
gboolean            iap_workshop_redo                       (IapWorkshop      *self);
IapParticipant     *iap_workshop_find_participant           (IapWorkshop      *self,
                                                             const char       *id);
IapRisk            *iap_workshop_find_risk                  (IapWorkshop      *self,
                                                             const char       *id);
IapMitigation      *iap_workshop_find_mitigation            (IapWorkshop      *self,
                                                             const char       *id);
IapRound           *iap_workshop_find_round                 (IapWorkshop      *self,
                                                             const char       *id);
char               *iap_workshop_dup_dissenter              (IapWorkshop      *self,
                                                             IapDissent       *dissent,
                                                             gboolean          anonymize);
IapDissent         *iap_workshop_find_dissent               (IapWorkshop      *self,
                                                             const char       *id);
IapIndicatorAnswer *iap_workshop_find_indicator             (IapWorkshop      *self,
                                                             const char       *indicator);
IapFactorScore     *iap_workshop_find_factor_score          (IapWorkshop      *self,
                                                             const char       *factor);
IapIntegrationArea *iap_workshop_find_integration_area      (IapWorkshop      *self,
                                                             const char       *area);
IapRequirementStatus *iap_workshop_find_requirement_status  (IapWorkshop      *self,
                                                             const char       *requirement);
IapOptionArrangements *iap_workshop_find_option_arrangements (IapWorkshop    *self,
                                                             const char       *option);
guint               iap_workshop_count_ratings              (IapWorkshop      *self,
                                                             const char       *participant);
guint               iap_workshop_count_dissents             (IapWorkshop      *self,
                                                             const char       *risk);
char               *iap_workshop_dup_risk_numbers           (IapWorkshop      *self,
                                                             const char * const *risks);
const char         *iap_workshop_compute_environment        (IapWorkshop      *self);
const char         *iap_workshop_get_environment            (IapWorkshop      *self);

/* Edits: the only way to change a workshop. Each is one step of the
 * history, undone and redone by iap_workshop_undo() and _redo(). */
void                iap_workshop_begin_edit                 (IapWorkshop      *self,
                                                             const char       *label);
void                iap_workshop_end_edit                   (IapWorkshop      *self);
void                iap_workshop_set                        (IapWorkshop      *self,
                                                             gpointer          object,
                                                             const char       *first_property,
                                                             ...) G_GNUC_NULL_TERMINATED;
void                iap_workshop_set_value                  (IapWorkshop      *self,
                                                             gpointer          object,
                                                             const char       *property,
                                                             const GValue     *value);
void                iap_workshop_set_text                   (IapWorkshop      *self,
                                                             gpointer          object,
                                                             const char       *property,
                                                             const char       *text);
void                iap_workshop_insert                     (IapWorkshop      *self,
                                                             GListModel       *list,
                                                             guint             position,
                                                             gpointer          item);
void                iap_workshop_remove                     (IapWorkshop      *self,
                                                             GListModel       *list,
                                                             guint             position);
char               *iap_workshop_new_id                     (IapWorkshop      *self,
                                                             GListModel       *list,
                                                             const char       *prefix);
IapParticipant     *iap_workshop_add_participant            (IapWorkshop      *self,
                                                             const char       *pillar,
                                                             const char       *name,
                                                             const char       *entity);
void                iap_workshop_remove_participant         (IapWorkshop      *self,
                                                             IapParticipant   *participant);
IapRisk            *iap_workshop_add_risk                   (IapWorkshop      *self,
                                                             const char       *arrangement,
                                                             const char       *area,
                                                             const char       *title);
void                iap_workshop_remove_risk                (IapWorkshop      *self,
                                                             IapRisk          *risk);
void                iap_workshop_set_indicator              (IapWorkshop      *self,
                                                             const char       *indicator,
                                                             const char       *answer,
                                                             const char       *note);
void                iap_workshop_set_factor_weight          (IapWorkshop      *self,
                                                             const char       *factor,
                                                             guint             weight);
void                iap_workshop_set_factor_score           (IapWorkshop      *self,
                                                             const char       *factor,
                                                             const char       *option,
                                                             int               value);
IapRound           *iap_workshop_add_round                  (IapWorkshop      *self,
                                                             const char       *mode);
void                iap_workshop_set_rating                 (IapWorkshop      *self,
                                                             IapRound         *round,
                                                             const char       *participant,
                                                             const char       *risk,
                                                             guint             likelihood,
                                                             guint             impact);
void                iap_workshop_set_factor_rating          (IapWorkshop      *self,
                                                             IapRound         *round,
                                                             const char       *participant,
                                                             const char       *factor,
                                                             const char       *option,
                                                             int               value);
IapMitigation      *iap_workshop_add_mitigation             (IapWorkshop      *self,
                                                             const char       *measure,
                                                             const char       *title);
void                iap_workshop_remove_mitigation          (IapWorkshop      *self,
                                                             IapMitigation    *mitigation);
IapDissent         *iap_workshop_add_dissent                (IapWorkshop      *self,
                                                             const char       *participant,
                                                             const char       *subject,
                                                             const char       *risk,
                                                             const char       *text);
IapCatalogEntry    *iap_workshop_add_custom_entry           (IapWorkshop      *self,
                                                             const char       *kind,
                                                             const char       *label,
                                                             const char       *description);
gboolean            iap_workshop_remove_custom_entry        (IapWorkshop      *self,
                                                             IapCatalogEntry  *entry,
                                                             GError          **error);
IapIntegrationArea *iap_workshop_add_integration_area       (IapWorkshop      *self,
                                                             const char       *area);
void                iap_workshop_add_default_integration_areas
                                                            (IapWorkshop      *self);
void                iap_workshop_remove_integration_area    (IapWorkshop      *self,
                                                             IapIntegrationArea *item);
void                iap_workshop_move_integration_area      (IapWorkshop      *self,
                                                             IapIntegrationArea *item,
                                                             guint             position);
void                iap_workshop_set_requirement_status     (IapWorkshop      *self,
                                                             const char       *requirement,
                                                             const char       *status,
                                                             const char       *note);
void                iap_workshop_set_option_arrangements    (IapWorkshop      *self,
                                                             const char       *option,
                                                             const char * const *arrangements);
void                iap_workshop_set_band                   (IapWorkshop      *self,
                                                             guint             likelihood,
                                                             guint             impact,
                                                             IapBand           band);
gboolean            iap_workshop_resize_scales              (IapWorkshop      *self,
                                                             guint             n_likelihood,
                                                             guint             n_impact,
                                                             GError          **error);
guint               iap_workshop_remap_level                (guint             level,
                                                             guint             n_old,
                                                             guint             n_new);
gboolean            iap_workshop_has_ratings                (IapWorkshop      *self);
void                iap_workshop_remap_scales               (IapWorkshop      *self,
                                                             guint             n_likelihood,
                                                             guint             n_impact);
void                iap_workshop_reset_scales               (IapWorkshop      *self);

G_END_DECLS
