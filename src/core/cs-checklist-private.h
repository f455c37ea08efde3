/* cs-checklist-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-checklist.h"
#include "cs-duration.h"
#include "cs-sections.h"

G_BEGIN_DECLS

/* The checks of a checklist item (see cs-checklist-checks.c). */
typedef enum {
  CHECK_MANUAL,
  CHECK_PRESENCE,
  CHECK_NUMBER,
  CHECK_LIST,
  CHECK_CHOICE,
  CHECK_CONTROL,
  CHECK_DELIVERABLE,
  CHECK_CROSS,
} CheckKind;

/* A threshold of the pack: a value (or a duration, in hours) that a number must reach (min)
 * or not exceed (max) to satisfy the item; short of it the item is partial, and from `limit`
 * (reached or passed) it is missing. `field` names the column for cross-checks that read
 * several; `hosted` restricts it to offers that host services. */
typedef struct
{
  char              *field;
  double             min;
  double             max;
  double             limit;
  gboolean           duration;
  gboolean           hosted;
  CsDurationGoverns  governs;
} Threshold;

typedef struct _Ctx Ctx;
typedef struct _Item Item;

typedef CsItemStatus (*CrossFunc) (Ctx         *ctx,
                                   const Item  *item,
                                   char       **detail);

struct _Item
{
  char         *id;
  char         *group;
  CsSeverity    severity;
  guint         weight;
  gboolean      regulatory;
  char         *title;
  char         *guidance;
  char         *remedy;
  char         *source;
  char         *manual_reason;
  CheckKind     kind;
  GType         type;
  char         *field;
  char         *value;      /* list: value; control/deliverable: key */
  GStrv         accept;
  GStrv         reject;
  GArray       *thresholds; /* of Threshold */
  CrossFunc     cross;
  gconstpointer cross_data; /* what the cross-check's table row gives its function */
};

struct _Ctx
{
  CsStore          *store;
  gint64            offer_id;
  int               year;
  CsCoverageCounts  coverage;
  gboolean          coverage_done;
  int               hosted;   /* -1 unknown */
  CsSlaReport      *sla;
};

CrossFunc     _cs_checklist_find_cross     (const char     *name,
                                            gconstpointer  *data);
CsReport     *_cs_checklist_evaluate_year  (CsChecklist *self,
                                            CsStore     *store,
                                            CsLinter    *linter,
                                            gint64       offer_id,
                                            int          year,
                                            GError     **error);
CsItemStatus  _cs_checklist_evaluate_check (const Item  *item,
                                            Ctx         *ctx,
                                            char       **detail);
void          _cs_checklist_ctx_clear      (Ctx         *ctx);
CsSlaReport  *_cs_sla_report_compute       (CsStore     *store,
                                            gint64       offer_id,
                                            int          year);
CsBackupReport *_cs_backup_report_compute  (CsStore     *store,
                                            gint64       offer_id);
CsExitReport *_cs_exit_report_compute      (CsStore     *store,
                                            gint64       offer_id);

/* Helpers shared by the checks (cs-checklist-checks.c) */
GPtrArray    *_cs_check_get_records        (Ctx         *ctx,
                                            GType        type);
CsRecord     *_cs_check_get_section        (Ctx         *ctx,
                                            GType        type);
gboolean      _cs_check_field_is_stated    (CsRecord    *record,
                                            const char  *column);
CsItemStatus  _cs_check_aggregate          (guint        n_good,
                                            guint        n_weak,
                                            guint        n_records,
                                            char       **detail);
CsRecord     *_cs_check_find_by_key        (GPtrArray   *records,
                                            const char  *column,
                                            const char  *key);
gboolean      _cs_check_roles_contain      (CsRecord    *record,
                                            const char  *role);
gboolean      _cs_check_text_matches       (GRegex      *regex,
                                            const char  *text);
CsSlaReport  *_cs_check_get_sla            (Ctx         *ctx);
CsItemStatus  _cs_check_column_threshold   (const Item  *item,
                                            CsRecord    *record,
                                            const char  *column,
                                            const char  *what,
                                            gboolean     hosted,
                                            char       **detail);
CsItemStatus  _cs_check_worst_status       (CsItemStatus a,
                                            CsItemStatus b);
CsItemStatus  _cs_check_two_parts          (gboolean     first,
                                            gboolean     second,
                                            const char  *message,
                                            char       **detail);
void          _cs_check_get_incident_targets (Ctx       *ctx,
                                              GPtrArray *out);

/* Cross-checks of cs-checklist-cross.c */
CsItemStatus  _cs_cross_start_and_term (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_credits_capped (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_revision_capped (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_exclusions_priced (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_exclusion_decided (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_offer_priced (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_block_hours_rules (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_raci_activity (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_sites_covered (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_users_covered (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_locations_stated (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_backup_access (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_backup_end (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_access_removal (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_clock_rules (Ctx *ctx, const Item *item, char **detail);
CsItemStatus  _cs_cross_sla_termination (Ctx *ctx, const Item *item, char **detail);

G_END_DECLS
