/* cs-perimeter-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-perimeter-page"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cs-perimeter-page.h"
#include "cs-perimeter-page-private.h"
#include "cs-accessible.h"
#include "cs-clause-editor.h"
#include "cs-asset-dialog.h"
#include "cs-import-dialog.h"
#include "cs-inventory-columns.h"
#include "cs-labels.h"
#include "cs-toast.h"

/**
 * CsPerimeterPage:
 *
 * The Perimeter section: the client's asset inventory in a #GtkColumnView over a lazy
 * #CsAssetList (rows are created only when shown; sorting, filtering and search are SQL), the
 * coverage of every asset by the selected offer, a summary of the first gaps, the sites, and
 * the contract wording of the section.
 *
 * The column view's sorter is never attached to a sort model, which would create every row:
 * when it changes, the page asks it which column is sorted first and in which direction, and
 * puts that in the list's query.
 *
 * Actions: `perimeter.add-asset`, `perimeter.edit-asset`, `perimeter.duplicate-assets`,
 * `perimeter.delete-assets`, `perimeter.set-coverage`,
 * `perimeter.undo-coverage`, `perimeter.import-assets` (a path, or "" to choose a file),
 * `perimeter.delete-site` (a site id), `perimeter.clear-filters`,
 * `perimeter.show-not-addressed`, `perimeter.show-critical-unmanaged`, `perimeter.focus-search`.
 * While the page is in an application window it also adds `win.import-assets` (a path, or ""
 * to choose a file) to the window, so that the import can be started from outside
 * (org.gtk.Actions on D-Bus).
 */

G_DEFINE_FINAL_TYPE (CsPerimeterPage, cs_perimeter_page, CS_TYPE_SECTION_PAGE)

/* Widths fit the demo's names at 1280 px; the user's own widths are kept under their id. */
static const struct {
  const char  *id;
  const char  *title;
  CsAssetSort  sort;
  gboolean     expand;
  int          width;
} column_specs[N_COLUMNS] = {
  [COL_NAME]        = { "name", N_("Name"), CS_ASSET_SORT_NAME, TRUE, 315 },
  [COL_COVERAGE]    = { "coverage", N_("Coverage"), CS_ASSET_SORT_COVERAGE, FALSE, 180 },
  [COL_SITE]        = { "site", N_("Site"), CS_ASSET_SORT_SITE, FALSE, 200 },
  [COL_OWNER]       = { "owner", N_("Owner"), CS_ASSET_SORT_OWNER, FALSE, 250 },
  [COL_CRITICALITY] = { "criticality", N_("Criticality"), CS_ASSET_SORT_CRITICALITY, FALSE, 100 },
  /* Translators: column title; the unit of the quantities below it */
  [COL_QUANTITY]    = { "quantity", N_("Quantity (units)"), CS_ASSET_SORT_QUANTITY, FALSE, 80 },
  [COL_CATEGORY]    = { "category", N_("Category"), CS_ASSET_SORT_CATEGORY, FALSE, 130 },
  [COL_VENDOR]      = { "vendor", N_("Vendor"), CS_ASSET_SORT_VENDOR, FALSE, 110 },
  [COL_NOTES]       = { "notes", N_("Notes"), CS_ASSET_SORT_NOTES, FALSE, 200 },
};

/* helpers */

static CsRecord *
dup_record (CsStore *store,
            GType    type,
            gint64   id)
{
  CsRecord *record = cs_store_find (store, type, id);

  /* cs_store_find() lends the cached record. */
  return record != NULL ? g_object_ref (record) : NULL;
}

static gint64
offer_id (CsPerimeterPage *self)
{
  return cs_page_offer (self) != NULL ? cs_record_get_id (CS_RECORD (cs_page_offer (self))) : 0;
}

static void
show_error (CsPerimeterPage *self,
            const GError    *error)
{
  cs_section_page_show_error (CS_SECTION_PAGE (self), error);
}

static GtkWindow *
get_parent_window (CsPerimeterPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
format_count (guint64 count)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, count);
}

static GtkWidget *
make_figure_row (const char *title,
                 const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* Translators: accessible text of a figure row: label, then value */
  accessible = g_strdup_printf (_("%s: %s"), title, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static guint
n_selected (CsPerimeterPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) gtk_bitset_get_size (selected);
}

static GArray *
dup_selected_ids (CsPerimeterPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = cs_asset_list_get_id (self->assets, position);

      if (id > 0)
        g_array_append_val (ids, id);
    }

  return ids;
}

static CsAsset *
dup_first_selected (CsPerimeterPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gint64 id;

  if (gtk_bitset_is_empty (selected))
    return NULL;

  id = cs_asset_list_get_id (self->assets, gtk_bitset_get_minimum (selected));
  return id > 0 ? CS_ASSET (dup_record (cs_page_store (self), CS_TYPE_ASSET, id)) : NULL;
}

static void
update_actions (CsPerimeterPage *self)
{
  gboolean writable = cs_page_is_writable (self);
  guint selected = self->selection != NULL ? n_selected (self) : 0;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "perimeter.add-asset", writable);
  gtk_widget_action_set_enabled (widget, "perimeter.edit-asset", selected > 0);
  gtk_widget_action_set_enabled (widget, "perimeter.duplicate-assets", writable && selected > 0);
  gtk_widget_action_set_enabled (widget, "perimeter.delete-assets", writable && selected > 0);
  gtk_widget_action_set_enabled (widget, "perimeter.set-coverage",
                                 writable && cs_page_offer (self) != NULL &&
                                 self->assets != NULL &&
                                 g_list_model_get_n_items (G_LIST_MODEL (self->assets)) > 0);
  gtk_widget_action_set_enabled (widget, "perimeter.undo-coverage",
                                 writable && self->last_coverage_change != NULL);
  gtk_widget_action_set_enabled (widget, "perimeter.import-assets", writable);
  gtk_widget_action_set_enabled (widget, "perimeter.delete-site", writable);
  gtk_widget_action_set_enabled (widget, "perimeter.show-not-addressed",
                                 cs_page_offer (self) != NULL);
  gtk_widget_action_set_enabled (widget, "perimeter.show-critical-unmanaged",
                                 cs_page_offer (self) != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_site_row), writable);

  if (self->window_action != NULL)
    g_simple_action_set_enabled (self->window_action, writable);
}

/* cells */

static void
refresh_cell (CsPerimeterPage *self,
              GtkLabel        *label,
              guint            column,
              CsAsset         *asset)
{
  CsRecord *record = CS_RECORD (asset);
  g_autofree char *owned = NULL;
  const char *text = "";

  if (asset == NULL)
    {
      gtk_label_set_text (label, "");
      return;
    }

  switch (column)
    {
    case COL_CATEGORY:
      text = cs_asset_category_get_label (cs_asset_get_category (asset));
      break;

    case COL_NAME:
      text = cs_asset_get_name (asset);
      break;

    case COL_SITE:
      {
        gint64 site_id = cs_asset_get_site_id (asset);
        g_autoptr(CsRecord) site = NULL;

        if (site_id > 0)
          site = dup_record (cs_page_store (self), CS_TYPE_SITE, site_id);

        if (site == NULL)
          text = _("No site");
        else
          text = owned = g_strdup (cs_site_get_name (CS_SITE (site)));
      }
      break;

    case COL_QUANTITY:
      text = owned = format_count ((guint64) cs_record_get_int (record, "quantity"));
      break;

    case COL_CRITICALITY:
      text = cs_asset_criticality_get_label (cs_record_get_int (record, "criticality"));
      break;

    case COL_OWNER:
      text = cs_record_get_string (record, "owner");
      break;

    case COL_VENDOR:
      text = cs_record_get_string (record, "vendor");
      break;

    case COL_NOTES:
      text = owned = g_strdup (cs_record_get_string (record, "notes"));
      g_strdelimit (owned, "\r\n\t", ' ');
      break;

    case COL_COVERAGE:
      cs_coverage_badge_set_state (label, cs_page_offer (self) != NULL,
                                   cs_page_offer (self) == NULL ? CS_COVERAGE_NOT_ADDRESSED
                                   : cs_store_get_coverage_state (cs_page_store (self),
                                                                  offer_id (self),
                                                                  cs_record_get_id (record)));
      return;

    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
refresh_bound_cells (CsPerimeterPage *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      BoundCell *cell = value;

      refresh_cell (self, GTK_LABEL (key), cell->info->column,
                    gtk_list_item_get_item (cell->item));
    }
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ColumnInfo               *info)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), info->column == COL_QUANTITY ? 1.0 : 0.0);
  if (info->column == COL_QUANTITY)
    gtk_widget_add_css_class (label, "numeric");
  if (info->column == COL_COVERAGE)
    cs_coverage_badge_setup (GTK_LABEL (label));
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ColumnInfo               *info)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  BoundCell *cell = g_new (BoundCell, 1);

  cell->item = item;
  cell->info = info;
  g_hash_table_insert (info->self->bound_cells, label, cell);
  refresh_cell (info->self, GTK_LABEL (label), info->column, gtk_list_item_get_item (item));
}

static void
on_cell_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   ColumnInfo               *info)
{
  g_hash_table_remove (info->self->bound_cells, gtk_list_item_get_child (item));
}

/* sorting: ask the column view's sorter which column comes first, never sort a model with it */

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ColumnInfo *info = user_data;

  info->self->probed_sort = info->column;

  return GTK_ORDERING_SMALLER;
}

/* query */

static void
build_query (CsPerimeterPage *self,
             CsAssetQuery    *query)
{
  guint category = gtk_drop_down_get_selected (self->category_filter);
  guint site = gtk_drop_down_get_selected (self->site_filter);
  guint criticality = gtk_drop_down_get_selected (self->criticality_filter);
  guint coverage = gtk_drop_down_get_selected (self->coverage_filter);
  GtkSorter *sorter = gtk_column_view_get_sorter (self->asset_view);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  memset (query, 0, sizeof *query);

  if (category != GTK_INVALID_LIST_POSITION && category > 0)
    query->categories = 1u << (category - 1);
  if (site != GTK_INVALID_LIST_POSITION && site > 0 && site < self->site_filter_ids->len)
    query->site_id = g_array_index (self->site_filter_ids, gint64, site);
  if (criticality != GTK_INVALID_LIST_POSITION && criticality > 0)
    query->criticalities = 1u << criticality;
  query->offer_id = offer_id (self);
  if (cs_page_offer (self) != NULL && coverage != GTK_INVALID_LIST_POSITION && coverage > 0)
    query->coverage_states = 1u << (coverage - 1);
  query->search = search != NULL && search[0] != '\0' ? search : NULL;

  query->sort = CS_ASSET_SORT_ID;
  self->probed_sort = -1;
  if (sorter != NULL)
    {
      /* Two distinct objects: the sorter treats an item compared with itself as equal. */
      GtkOrdering order = gtk_sorter_compare (sorter, self, self->assets);

      if (self->probed_sort >= 0 && order != GTK_ORDERING_EQUAL)
        {
          if (self->probed_sort != COL_COVERAGE || cs_page_offer (self) != NULL)
            query->sort = column_specs[self->probed_sort].sort;
          query->descending = order == GTK_ORDERING_LARGER;
        }
    }
}

static void
update_list_state (CsPerimeterPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->assets));
  guint total = cs_page_store (self) != NULL && !cs_store_is_closed (cs_page_store (self))
                ? cs_store_count_assets (cs_page_store (self), NULL, NULL) : 0;
  g_autofree char *text = NULL;

  if (n_items > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");

  if (n_items == total)
    /* Translators: the number of assets in the inventory */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset", "%u assets", total), total);
  else
    /* Translators: the number of assets shown by the filters, out of the inventory */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u asset", "%u of %u assets",
                                         total),
                            n_items, total);
  gtk_label_set_text (self->count_label, text);
}

static void
apply_query (CsPerimeterPage *self)
{
  CsAssetQuery query;

  if (self->assets == NULL || self->updating_filters)
    return;

  build_query (self, &query);
  cs_asset_list_set_query (self->assets, &query);
  update_list_state (self);
  update_actions (self);
}

/* filters */

static void
fill_static_filters (CsPerimeterPage *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) criticalities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) coverage = gtk_string_list_new (NULL);
  const char * const *ids = cs_asset_categories ();

  gtk_string_list_append (categories, _("All categories"));
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (categories, cs_asset_category_get_label (ids[i]));
  gtk_drop_down_set_model (self->category_filter, G_LIST_MODEL (categories));

  gtk_string_list_append (criticalities, _("Any criticality"));
  for (gint64 c = 1; c <= 4; c++)
    gtk_string_list_append (criticalities, cs_asset_criticality_get_label (c));
  gtk_drop_down_set_model (self->criticality_filter, G_LIST_MODEL (criticalities));

  gtk_string_list_append (coverage, _("Any coverage"));
  for (guint s = 0; s < CS_N_COVERAGE_STATES; s++)
    gtk_string_list_append (coverage, cs_coverage_state_get_label (s));
  gtk_drop_down_set_model (self->coverage_filter, G_LIST_MODEL (coverage));
}

static void
fill_site_filter (CsPerimeterPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *sites = cs_store_get_sites (cs_page_store (self));
  guint selected = gtk_drop_down_get_selected (self->site_filter);
  gint64 selected_id = 0;
  guint new_selected = 0;
  gint64 id;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->site_filter_ids->len)
    selected_id = g_array_index (self->site_filter_ids, gint64, selected);

  g_array_set_size (self->site_filter_ids, 0);
  id = 0;
  g_array_append_val (self->site_filter_ids, id);
  gtk_string_list_append (names, _("All sites"));
  id = CS_ASSET_SITE_NONE;
  g_array_append_val (self->site_filter_ids, id);
  gtk_string_list_append (names, _("No site"));
  if (selected_id == CS_ASSET_SITE_NONE)
    new_selected = 1;

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(CsSite) site = g_list_model_get_item (sites, i);
      const char *name = cs_site_get_name (site);

      id = cs_record_get_id (CS_RECORD (site));
      g_array_append_val (self->site_filter_ids, id);
      gtk_string_list_append (names, name != NULL && name[0] != '\0' ? name : _("Unnamed site"));
      if (id == selected_id)
        new_selected = self->site_filter_ids->len - 1;
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->site_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->site_filter, new_selected);
  self->updating_filters = FALSE;
}

/* summary */

/* The section's findings, listed as on every other section page, so that the page shows the
 * knock-outs the sidebar counts. */
static void
update_flags (CsPerimeterPage *self)
{
  cs_flags_group_set_source (self->flags_group,
                             cs_section_page_get_review_state (CS_SECTION_PAGE (self)),
                             CS_SECTION_PERIMETER, cs_page_offer (self));
}

static void
on_flag_activated_cb (CsFlagsGroup    *group,
                      const char      *table,
                      gint64           record_id,
                      const char      *field,
                      CsPerimeterPage *self)
{
  cs_section_page_focus_target (CS_SECTION_PAGE (self), table, record_id, field);
}

static void
update_summary (CsPerimeterPage *self)
{
  g_autoptr(GError) error = NULL;
  const char * const *categories = cs_asset_categories ();
  g_autofree char *units = NULL;
  g_autofree char *assets = NULL;

  g_clear_handle_id (&self->summary_source, g_source_remove);

  if (cs_page_store (self) == NULL || cs_store_is_closed (cs_page_store (self)))
    return;

  memset (&self->summary, 0, sizeof self->summary);
  if (!cs_perimeter_get_summary (cs_page_store (self), offer_id (self), &self->summary, &error))
    {
      show_error (self, error);
      return;
    }

  clear_list_box (self->coverage_list);
  clear_list_box (self->category_list);

  assets = format_count (self->summary.n_assets);
  gtk_list_box_append (self->coverage_list, make_figure_row (_("Asset lines"), assets));
  /* Translators: the sum of the quantities of all assets, in units */
  units = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " unit",
                                        "%" PRIu64 " units", self->summary.n_units),
                           self->summary.n_units);
  gtk_list_box_append (self->coverage_list,
                       make_figure_row (_("Units (sum of quantities)"), units));

  if (cs_page_offer (self) != NULL)
    {
      const char *provider = cs_offer_get_provider (cs_page_offer (self));
      g_autofree char *title = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *not_addressed = NULL;
      g_autofree char *critical = NULL;

      if (provider == NULL || provider[0] == '\0')
        provider = _("Unnamed offer");
      /* Translators: title of the coverage summary; %s is the provider of the offer */
      title = g_strdup_printf (_("Coverage by %s"), provider);
      /* Group titles are markup; the provider is the user's text. */
      escaped = g_markup_escape_text (title, -1);
      adw_preferences_group_set_title (self->coverage_group, escaped);

      for (guint s = 0; s < CS_N_COVERAGE_STATES; s++)
        {
          g_autofree char *count = format_count (self->summary.coverage[s]);

          gtk_list_box_append (self->coverage_list,
                               make_figure_row (cs_coverage_state_get_label (s), count));
        }

      not_addressed = format_count (self->summary.coverage[CS_COVERAGE_NOT_ADDRESSED]);
      critical = format_count (self->summary.critical_unmanaged);
      gtk_label_set_text (self->not_addressed_label, not_addressed);
      gtk_label_set_text (self->critical_label, critical);
      gtk_widget_set_visible (GTK_WIDGET (self->gaps_group), TRUE);
    }
  else
    {
      adw_preferences_group_set_title (self->coverage_group, _("Inventory"));
      gtk_widget_set_visible (GTK_WIDGET (self->gaps_group), FALSE);
    }

  for (guint i = 0; categories[i] != NULL && i < G_N_ELEMENTS (self->summary.per_category); i++)
    {
      g_autofree char *count = NULL;

      if (self->summary.per_category[i] == 0)
        continue;
      count = format_count (self->summary.per_category[i]);
      gtk_list_box_append (self->category_list,
                           make_figure_row (cs_asset_category_get_label (categories[i]), count));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->category_list), self->summary.n_assets > 0);
  update_flags (self);
}

static gboolean
update_summary_cb (gpointer user_data)
{
  CsPerimeterPage *self = user_data;

  self->summary_source = 0;
  update_summary (self);

  return G_SOURCE_REMOVE;
}

static void
queue_summary (CsPerimeterPage *self)
{
  if (self->summary_source == 0)
    self->summary_source = g_timeout_add (200, update_summary_cb, self);
}

/* sites */

static void
on_site_name_apply_cb (AdwEntryRow     *row,
                       CsPerimeterPage *self)
{
  /* The list box shows the project's sites in order, one row each. */
  g_autoptr(CsSite) site = g_list_model_get_item (cs_store_get_sites (cs_page_store (self)),
                                                  gtk_list_box_row_get_index (GTK_LIST_BOX_ROW
                                                                              (row)));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (g_strcmp0 (name, cs_site_get_name (site)) == 0)
    return;

  if (name[0] == '\0')
    {
      g_set_error_literal (&error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                           _("A site needs a name; the name was not changed."));
      show_error (self, error);
      gtk_editable_set_text (GTK_EDITABLE (row), cs_site_get_name (site));
      return;
    }

  if (!cs_store_set_string (cs_page_store (self), CS_RECORD (site), "name", name, &error))
    {
      show_error (self, error);
      gtk_editable_set_text (GTK_EDITABLE (row), cs_site_get_name (site));
    }
}

static GtkWidget *
create_site_row_cb (gpointer item,
                    gpointer user_data)
{
  CsPerimeterPage *self = user_data;
  CsSite *site = item;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *accessible = NULL;
  g_autofree char *delete_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Site name"));
  gtk_editable_set_text (GTK_EDITABLE (row), cs_site_get_name (site));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_site_name_apply_cb), self, 0);
  gtk_widget_set_sensitive (row, cs_page_is_writable (self));
  /* Translators: accessible name of the entry renaming a site; %s is its name */
  accessible = g_strdup_printf (_("Site name: %s"), cs_site_get_name (site));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete the site (its assets are kept)"));
  /* Translators: accessible name of the button deleting a site; %s is its name */
  delete_label = g_strdup_printf (_("Delete site %s"), cs_site_get_name (site));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "perimeter.delete-site");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (cs_record_get_id (CS_RECORD (site))));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  return row;
}

static void
on_new_site_apply_cb (AdwEntryRow     *row,
                      CsPerimeterPage *self)
{
  guint n_sites;
  g_autoptr(CsSite) site = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (name[0] == '\0')
    return;

  n_sites = g_list_model_get_n_items (cs_store_get_sites (cs_page_store (self)));
  site = g_object_new (CS_TYPE_SITE,
                       "name", name,
                       "position", (gint64) n_sites,
                       NULL);
  if (!cs_store_add (cs_page_store (self), CS_RECORD (site), &error))
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/* store and list signals */

static void
on_assets_items_changed_cb (GListModel      *model,
                            guint            position,
                            guint            removed,
                            guint            added,
                            CsPerimeterPage *self)
{
  update_list_state (self);
  update_actions (self);
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n_items,
                         CsPerimeterPage   *self)
{
  update_actions (self);
}

static void
on_sites_items_changed_cb (GListModel      *model,
                           guint            position,
                           guint            removed,
                           guint            added,
                           CsPerimeterPage *self)
{
  fill_site_filter (self);
  refresh_bound_cells (self);
}

static void
on_store_record_changed_cb (CsStore         *store,
                            CsRecord        *record,
                            const char      *column,
                            CsPerimeterPage *self)
{
  if (CS_IS_ASSET (record) || CS_IS_COVERAGE (record))
    refresh_bound_cells (self);
  else if (CS_IS_SITE (record))
    {
      fill_site_filter (self);
      refresh_bound_cells (self);
    }
}

static void
on_store_coverage_changed_cb (CsStore         *store,
                              gint64           changed_offer_id,
                              CsPerimeterPage *self)
{
  if (changed_offer_id == offer_id (self))
    refresh_bound_cells (self);
}

static void
on_store_changed_cb (CsPerimeterPage *self)
{
  queue_summary (self);
}

static void
on_store_reloaded_cb (CsStore         *store,
                      CsPerimeterPage *self)
{
  fill_site_filter (self);
  refresh_bound_cells (self);
  update_list_state (self);
  update_summary (self);
  update_actions (self);
}

static void
on_offers_items_changed_cb (GListModel      *offers,
                            guint            position,
                            guint            removed,
                            guint            added,
                            CsPerimeterPage *self)
{
  gtk_widget_set_visible (self->no_offer_box, g_list_model_get_n_items (offers) == 0);
}

static void
on_filter_changed_cb (CsPerimeterPage *self)
{
  apply_query (self);
}

static void
on_sorter_changed_cb (GtkSorter       *sorter,
                      GtkSorterChange  change,
                      CsPerimeterPage *self)
{
  apply_query (self);
}

static void
on_asset_view_activate_cb (GtkColumnView   *view,
                           guint            position,
                           CsPerimeterPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "perimeter.edit-asset", NULL);
}

static void
on_window_import_activate_cb (GSimpleAction   *action,
                              GVariant        *parameter,
                              CsPerimeterPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "project.show-section", "s",
                              cs_section_get_id (CS_SECTION_PERIMETER));

  gtk_widget_activate_action_variant (GTK_WIDGET (self), "perimeter.import-assets", parameter);
}

/* the page */

static void
update_offer (CsPerimeterPage *self)
{
  gboolean has_offer = cs_page_offer (self) != NULL;

  gtk_column_view_column_set_visible (self->columns[COL_COVERAGE], has_offer);
  gtk_widget_set_visible (GTK_WIDGET (self->coverage_filter), has_offer);
  if (!has_offer)
    {
      self->updating_filters = TRUE;
      gtk_drop_down_set_selected (self->coverage_filter, 0);
      self->updating_filters = FALSE;
    }


  apply_query (self);
  refresh_bound_cells (self);
  update_summary (self);
  update_actions (self);
}

static void
on_offer_notify_cb (CsOffer         *offer,
                    GParamSpec      *pspec,
                    CsPerimeterPage *self)
{
  queue_summary (self);
}

static void
set_store (CsPerimeterPage *self,
           CsStore         *store)
{
  CsAssetQuery query = { 0 };

  self->assets = cs_asset_list_new (store, &query);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->assets)));
  gtk_column_view_set_model (self->asset_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->assets, "items-changed",
                           G_CALLBACK (on_assets_items_changed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, 0);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_store_record_changed_cb), self,
                           G_CONNECT_AFTER);
  g_signal_connect_object (store, "coverage-changed", G_CALLBACK (on_store_coverage_changed_cb),
                           self, G_CONNECT_AFTER);
  g_signal_connect_object (store, "saved", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (on_store_reloaded_cb), self,
                           G_CONNECT_AFTER);
  g_signal_connect_object (cs_store_get_sites (store), "items-changed",
                           G_CALLBACK (on_sites_items_changed_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (cs_store_get_offers (store), "items-changed",
                           G_CALLBACK (on_offers_items_changed_cb), self, G_CONNECT_AFTER);

  gtk_list_box_bind_model (self->sites_list, cs_store_get_sites (store), create_site_row_cb, self,
                           NULL);
}

static void
cs_perimeter_page_root (GtkWidget *widget)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (cs_perimeter_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_APPLICATION_WINDOW (root) &&
      g_action_map_lookup_action (G_ACTION_MAP (root), "import-assets") == NULL)
    {
      self->window_action = g_simple_action_new ("import-assets", G_VARIANT_TYPE_STRING);
      g_signal_connect_object (self->window_action, "activate",
                               G_CALLBACK (on_window_import_activate_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (root), G_ACTION (self->window_action));
      g_set_weak_pointer (&self->window_action_map, G_ACTION_MAP (root));
      update_actions (self);
    }
}

static void
remove_window_action (CsPerimeterPage *self)
{
  if (self->window_action_map != NULL && self->window_action != NULL &&
      g_action_map_lookup_action (self->window_action_map,
                                  "import-assets") == G_ACTION (self->window_action))
    g_action_map_remove_action (self->window_action_map, "import-assets");

  g_clear_weak_pointer (&self->window_action_map);
  g_clear_object (&self->window_action);
}

static void
cs_perimeter_page_unroot (GtkWidget *widget)
{
  remove_window_action (CS_PERIMETER_PAGE (widget));

  GTK_WIDGET_CLASS (cs_perimeter_page_parent_class)->unroot (widget);
}

static gboolean
cs_perimeter_page_focus_target (CsSectionPage *page,
                                const char    *table,
                                gint64         record_id,
                                const char    *field)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (page);

  if (g_strcmp0 (table, "site") == 0)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "sites");
      return gtk_widget_grab_focus (GTK_WIDGET (self->new_site_row));
    }

  if (g_strcmp0 (table, "clause") == 0)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "wording");
      return self->clause_editor != NULL && gtk_widget_grab_focus (self->clause_editor);
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "inventory");

  if ((g_strcmp0 (table, "asset") == 0 || g_strcmp0 (table, "coverage") == 0) && record_id > 0)
    {
      gint64 asset_id = record_id;
      guint position = 0;

      if (g_strcmp0 (table, "coverage") == 0)
        {
          g_autoptr(CsRecord) coverage = dup_record (cs_page_store (self), CS_TYPE_COVERAGE,
                                                     record_id);

          asset_id = coverage != NULL ? cs_record_get_int (coverage, "asset_id") : 0;
        }

      if (asset_id > 0 &&
          !cs_store_locate_asset (cs_page_store (self), cs_asset_list_get_query (self->assets),
                                  asset_id, &position))
        {
          _cs_perimeter_page_reset_filters (self);
          apply_query (self);
        }

      if (asset_id > 0 &&
          cs_store_locate_asset (cs_page_store (self), cs_asset_list_get_query (self->assets),
                                 asset_id, &position))
        {
          GtkWidget *list_view = gtk_widget_get_last_child (GTK_WIDGET (self->asset_view));

          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
          /* GTK 4.8 has no gtk_column_view_scroll_to(): its list view has the action. */
          if (list_view != NULL)
            gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
          gtk_widget_grab_focus (GTK_WIDGET (self->asset_view));
          return TRUE;
        }
    }

  if (cs_page_offer (self) != NULL && g_strcmp0 (field, "coverage") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "perimeter.show-not-addressed", NULL);
      return TRUE;
    }

  return gtk_widget_grab_focus (GTK_WIDGET (self->asset_view));
}

/* GObject vfuncs */

static void
cs_perimeter_page_offer_changed (CsSectionPage *page)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (page);
  CsOffer *offer = cs_section_page_get_offer (page);

  if (self->watched_offer != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_offer, self);
  g_set_object (&self->watched_offer, offer);
  if (offer != NULL)
    g_signal_connect_object (offer, "notify::provider", G_CALLBACK (on_offer_notify_cb), self, 0);

  g_clear_pointer (&self->last_coverage_change, cs_coverage_change_unref);
  update_offer (self);
}

static void
cs_perimeter_page_constructed (GObject *object)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (object);
  GListModel *offers;

  G_OBJECT_CLASS (cs_perimeter_page_parent_class)->constructed (object);

  set_store (self, cs_page_store (self));

  self->clause_editor = cs_clause_editor_new (cs_page_store (self), CS_SECTION_PERIMETER);
  gtk_box_append (self->wording_box, self->clause_editor);

  fill_site_filter (self);
  offers = cs_store_get_offers (cs_page_store (self));
  gtk_widget_set_visible (self->no_offer_box, g_list_model_get_n_items (offers) == 0);
  update_offer (self);
}

static void
cs_perimeter_page_dispose (GObject *object)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (object);

  remove_window_action (self);
  g_clear_handle_id (&self->summary_source, g_source_remove);

  if (self->watched_offer != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_offer, self);
  g_clear_object (&self->watched_offer);
  if (self->asset_view != NULL)
    gtk_column_view_set_model (self->asset_view, NULL);
  if (self->bound_cells != NULL)
    g_hash_table_remove_all (self->bound_cells);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_PERIMETER_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->assets);
  g_clear_pointer (&self->last_coverage_change, cs_coverage_change_unref);

  G_OBJECT_CLASS (cs_perimeter_page_parent_class)->dispose (object);
}

static void
cs_perimeter_page_finalize (GObject *object)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (object);

  g_clear_pointer (&self->site_filter_ids, g_array_unref);
  g_clear_pointer (&self->bound_cells, g_hash_table_unref);

  G_OBJECT_CLASS (cs_perimeter_page_parent_class)->finalize (object);
}

static void
cs_perimeter_page_class_init (CsPerimeterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsSectionPageClass *page_class = CS_SECTION_PAGE_CLASS (klass);

  object_class->constructed = cs_perimeter_page_constructed;
  object_class->dispose = cs_perimeter_page_dispose;
  page_class->offer_changed = cs_perimeter_page_offer_changed;
  page_class->focus_target = cs_perimeter_page_focus_target;

  cs_section_page_class_set_section (page_class, CS_SECTION_PERIMETER,
                                     CS_SECTION_PAGE_LAYOUT_FREE, NULL, NULL);
  object_class->finalize = cs_perimeter_page_finalize;

  widget_class->root = cs_perimeter_page_root;
  widget_class->unroot = cs_perimeter_page_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-perimeter-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, no_offer_box);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, category_filter);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, site_filter);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, criticality_filter);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, coverage_filter);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, asset_view);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, coverage_group);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, coverage_list);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, flags_group);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, not_addressed_label);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, critical_label);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, category_list);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, sites_list);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, new_site_row);
  gtk_widget_class_bind_template_child (widget_class, CsPerimeterPage, wording_box);
  gtk_widget_class_bind_template_callback (widget_class, on_asset_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_site_apply_cb);

  _cs_perimeter_page_class_install_actions (widget_class);
}

static void
cs_perimeter_page_init (CsPerimeterPage *self)
{
  g_autoptr(GSettings) settings = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The same names as the filters' in the template, on the buttons that take the focus. */
  cs_accessible_label_drop_down (GTK_WIDGET (self->category_filter), _("Category filter"));
  cs_accessible_label_drop_down (GTK_WIDGET (self->site_filter), _("Site filter"));
  cs_accessible_label_drop_down (GTK_WIDGET (self->criticality_filter), _("Criticality filter"));
  cs_accessible_label_drop_down (GTK_WIDGET (self->coverage_filter), _("Coverage filter"));

  settings = g_settings_new (APPLICATION_ID);
  self->site_filter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->bound_cells = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->probed_sort = -1;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkCustomSorter) sorter = NULL;
      GtkColumnViewColumn *column;

      self->column_info[i].self = self;
      self->column_info[i].column = i;
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), &self->column_info[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), &self->column_info[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind_cb), &self->column_info[i]);

      column = gtk_column_view_column_new (_(column_specs[i].title), g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, column_specs[i].expand);
      gtk_column_view_column_set_fixed_width (column, column_specs[i].width);
      cs_column_width_remember (column, settings, "inventory-column-widths", column_specs[i].id);
      sorter = gtk_custom_sorter_new (probe_compare_cb, &self->column_info[i], NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_append_column (self->asset_view, column);
      self->columns[i] = column;
      g_object_unref (column);
    }

  fill_static_filters (self);

  g_signal_connect_object (gtk_column_view_get_sorter (self->asset_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_filter, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->site_filter, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->criticality_filter, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coverage_filter, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
}

/* for cs-perimeter-page-actions.c */

CsRecord *
_cs_perimeter_page_dup_record (CsStore *store,
                               GType    type,
                               gint64   id)
{
  return dup_record (store, type, id);
}

gint64
_cs_perimeter_page_offer_id (CsPerimeterPage *self)
{
  return offer_id (self);
}

void
_cs_perimeter_page_show_error (CsPerimeterPage *self,
                               const GError    *error)
{
  show_error (self, error);
}

GtkWindow *
_cs_perimeter_page_get_parent_window (CsPerimeterPage *self)
{
  return get_parent_window (self);
}

GArray *
_cs_perimeter_page_dup_selected_ids (CsPerimeterPage *self)
{
  return dup_selected_ids (self);
}

CsAsset *
_cs_perimeter_page_dup_first_selected (CsPerimeterPage *self)
{
  return dup_first_selected (self);
}

void
_cs_perimeter_page_update_actions (CsPerimeterPage *self)
{
  update_actions (self);
}

void
_cs_perimeter_page_refresh_bound_cells (CsPerimeterPage *self)
{
  refresh_bound_cells (self);
}

void
_cs_perimeter_page_update_list_state (CsPerimeterPage *self)
{
  update_list_state (self);
}

void
_cs_perimeter_page_apply_query (CsPerimeterPage *self)
{
  apply_query (self);
}

/* public API */

/**
 * cs_perimeter_page_get_assets:
 * @self: a #CsPerimeterPage
 *
 * Returns: (transfer none): the lazy list of the assets shown
 */
CsAssetList *
cs_perimeter_page_get_assets (CsPerimeterPage *self)
{
  g_return_val_if_fail (CS_IS_PERIMETER_PAGE (self), NULL);

  return self->assets;
}

/**
 * cs_perimeter_page_get_column_view:
 * @self: a #CsPerimeterPage
 *
 * Returns: (transfer none): the inventory view
 */
GtkColumnView *
cs_perimeter_page_get_column_view (CsPerimeterPage *self)
{
  g_return_val_if_fail (CS_IS_PERIMETER_PAGE (self), NULL);

  return self->asset_view;
}

/**
 * cs_perimeter_page_get_summary:
 * @self: a #CsPerimeterPage
 * @out_summary: (out caller-allocates): the summary shown
 *
 * Brings the summary up to date and returns it.
 */
void
cs_perimeter_page_get_summary (CsPerimeterPage    *self,
                               CsPerimeterSummary *out_summary)
{
  g_return_if_fail (CS_IS_PERIMETER_PAGE (self));
  g_return_if_fail (out_summary != NULL);

  update_summary (self);
  *out_summary = self->summary;
}

/**
 * cs_perimeter_page_import_file:
 * @self: a #CsPerimeterPage
 * @file: a CSV file
 *
 * Opens the import dialog on @file, modal over the window.
 *
 * Returns: (transfer none): the import dialog
 */
GtkWindow *
cs_perimeter_page_import_file (CsPerimeterPage *self,
                               GFile           *file)
{
  CsImportDialog *dialog;

  g_return_val_if_fail (CS_IS_PERIMETER_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  dialog = cs_import_dialog_new (cs_page_store (self), file);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), get_parent_window (self));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

