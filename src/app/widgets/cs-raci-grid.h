/* cs-raci-grid.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_RACI_GRID (cs_raci_grid_get_type ())

G_DECLARE_FINAL_TYPE (CsRaciGrid, cs_raci_grid, CS, RACI_GRID, GtkGrid)

GtkWidget     *cs_raci_grid_new               (void);
void           cs_raci_grid_rebuild           (CsRaciGrid *self,
                                               CsStore    *store,
                                               gint64      offer_id,
                                               gboolean    writable);
void           cs_raci_grid_schedule_refresh  (CsRaciGrid *self);
gboolean       cs_raci_grid_focus_cell        (CsRaciGrid *self,
                                               gint64      activity_id,
                                               gint64      party_id,
                                               gboolean    reference);
gboolean       cs_raci_grid_focus_menu        (CsRaciGrid *self,
                                               GType       type,
                                               gint64      id);
gint64         cs_raci_grid_get_neighbour     (CsRaciGrid *self,
                                               GType       type,
                                               gint64      id,
                                               int         offset);

GPtrArray     *cs_raci_grid_sort_catalogue    (CsStore    *store,
                                               GType       type);
GtkStringList *cs_raci_grid_list_areas        (void);
const char    *cs_raci_grid_get_area_id       (guint       index);

G_END_DECLS
