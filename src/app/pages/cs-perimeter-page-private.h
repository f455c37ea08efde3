/* cs-perimeter-page-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-perimeter-page.h"
#include "cs-flags-group.h"

G_BEGIN_DECLS

/* Shared by cs-perimeter-page.c (the page, its inventory and sites) and
 * cs-perimeter-page-actions.c (its actions and shortcuts). */

/* In the order shown: what tells assets apart and what the selected offer does with them first. */
enum {
  COL_NAME,
  COL_COVERAGE,
  COL_SITE,
  COL_OWNER,
  COL_CRITICALITY,
  COL_QUANTITY,
  COL_CATEGORY,
  COL_VENDOR,
  COL_NOTES,
  N_COLUMNS
};

typedef struct
{
  CsPerimeterPage *self;
  guint            column;
} ColumnInfo;

/* A cell of the inventory bound to an asset: its list item and its column. */
typedef struct
{
  GtkListItem *item;
  ColumnInfo  *info;
} BoundCell;

struct _CsPerimeterPage
{
  CsSectionPage        parent_instance;
  GtkWidget           *clause_editor;
  CsOffer             *watched_offer;

  CsAssetList         *assets;
  GtkMultiSelection   *selection;
  GArray              *site_filter_ids;
  GHashTable          *bound_cells;
  GSimpleAction       *window_action;
  GActionMap          *window_action_map;
  CsCoverageChange    *last_coverage_change;
  GtkColumnViewColumn *columns[N_COLUMNS];
  ColumnInfo           column_info[N_COLUMNS];
  CsPerimeterSummary   summary;
  guint                summary_source;
  gint                 probed_sort;
  gboolean             updating_filters;

  /* template children */
  AdwViewStack        *view_stack;
  GtkWidget           *no_offer_box;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *category_filter;
  GtkDropDown         *site_filter;
  GtkDropDown         *criticality_filter;
  GtkDropDown         *coverage_filter;
  GtkStack            *list_stack;
  GtkColumnView       *asset_view;
  GtkLabel            *count_label;
  AdwPreferencesGroup *coverage_group;
  GtkListBox          *coverage_list;
  AdwPreferencesGroup *gaps_group;
  CsFlagsGroup        *flags_group;
  GtkLabel            *not_addressed_label;
  GtkLabel            *critical_label;
  GtkListBox          *category_list;
  GtkListBox          *sites_list;
  AdwEntryRow         *new_site_row;
  GtkBox              *wording_box;
};

void           _cs_perimeter_page_class_install_actions (GtkWidgetClass  *widget_class);

CsRecord      *_cs_perimeter_page_dup_record           (CsStore         *store,
                                                        GType            type,
                                                        gint64           id);
gint64         _cs_perimeter_page_offer_id             (CsPerimeterPage *self);
void           _cs_perimeter_page_show_error           (CsPerimeterPage *self,
                                                        const GError    *error);
GtkWindow     *_cs_perimeter_page_get_parent_window    (CsPerimeterPage *self);
GArray        *_cs_perimeter_page_dup_selected_ids     (CsPerimeterPage *self);
CsAsset       *_cs_perimeter_page_dup_first_selected   (CsPerimeterPage *self);
void           _cs_perimeter_page_update_actions       (CsPerimeterPage *self);
void           _cs_perimeter_page_refresh_bound_cells  (CsPerimeterPage *self);
void           _cs_perimeter_page_update_list_state    (CsPerimeterPage *self);
void           _cs_perimeter_page_apply_query          (CsPerimeterPage *self);
void           _cs_perimeter_page_reset_filters        (CsPerimeterPage *self);

G_END_DECLS
