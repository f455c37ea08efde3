/* cs-asset-dialog.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-asset-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-asset-dialog.h"
#include "cs-construct-property.h"
#include "cs-labels.h"
#include "cs-perimeter.h"

/**
 * CsAssetDialog:
 *
 * Adds an asset, or edits one. Adding collects the fields and writes the asset when "Add" is
 * pressed; editing commits each field as soon as it is changed (entries on Enter, on the
 * apply button and when the dialog closes), like every other page of the project. With an
 * offer, the asset's coverage under that offer (state, note, contract reference) is edited
 * too. A change the store refuses is shown in a toast and the field goes back to the value
 * in the file.
 */
struct _CsAssetDialog
{
  AdwWindow            parent_instance;

  CsStore             *store;
  CsAsset             *asset;
  CsOffer             *offer;
  GArray              *site_ids;
  gboolean             loading;

  AdwToastOverlay     *toast_overlay;
  AdwHeaderBar        *header_bar;
  GtkWidget           *cancel_button;
  GtkWidget           *add_button;
  AdwComboRow         *category_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *site_row;
  GtkSpinButton       *quantity_spin;
  AdwComboRow         *criticality_row;
  AdwEntryRow         *owner_row;
  AdwEntryRow         *vendor_row;
  AdwEntryRow         *model_row;
  AdwEntryRow         *serial_row;
  AdwEntryRow         *notes_row;
  AdwPreferencesGroup *coverage_group;
  AdwComboRow         *coverage_row;
  AdwEntryRow         *coverage_note_row;
  AdwEntryRow         *coverage_reference_row;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ASSET,
  PROP_OFFER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsAssetDialog, cs_asset_dialog, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];

static AdwEntryRow *
text_row (CsAssetDialog *self,
          const char    *column)
{
  if (g_str_equal (column, "name"))
    return self->name_row;
  if (g_str_equal (column, "owner"))
    return self->owner_row;
  if (g_str_equal (column, "vendor"))
    return self->vendor_row;
  if (g_str_equal (column, "model"))
    return self->model_row;
  if (g_str_equal (column, "serial"))
    return self->serial_row;
  if (g_str_equal (column, "notes"))
    return self->notes_row;
  return NULL;
}

static const char * const text_columns[] = { "name", "owner", "vendor", "model", "serial", "notes", NULL };

static void
show_error (CsAssetDialog *self,
            const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static guint
category_index (const char *category)
{
  const char * const *categories = cs_asset_categories ();

  for (guint i = 0; categories[i] != NULL; i++)
    if (g_strcmp0 (categories[i], category) == 0)
      return i;

  return 0;
}

static guint
site_index (CsAssetDialog *self,
            gint64         site_id)
{
  for (guint i = 0; i < self->site_ids->len; i++)
    if (g_array_index (self->site_ids, gint64, i) == site_id)
      return i;

  return 0;
}

static void
fill_models (CsAssetDialog *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sites = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) criticalities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) coverage = gtk_string_list_new (NULL);
  const char * const *ids = cs_asset_categories ();
  GListModel *site_list = cs_store_get_sites (self->store);
  gint64 none = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (categories, cs_asset_category_get_label (ids[i]));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  g_array_set_size (self->site_ids, 0);
  g_array_append_val (self->site_ids, none);
  gtk_string_list_append (sites, _("No site"));
  for (guint i = 0; i < g_list_model_get_n_items (site_list); i++)
    {
      g_autoptr(CsSite) site = g_list_model_get_item (site_list, i);
      gint64 id = cs_record_get_id (CS_RECORD (site));
      const char *name = cs_site_get_name (site);

      g_array_append_val (self->site_ids, id);
      gtk_string_list_append (sites, name != NULL && name[0] != '\0' ? name : _("Unnamed site"));
    }
  adw_combo_row_set_model (self->site_row, G_LIST_MODEL (sites));

  for (gint64 c = 1; c <= 4; c++)
    gtk_string_list_append (criticalities, cs_asset_criticality_get_label (c));
  adw_combo_row_set_model (self->criticality_row, G_LIST_MODEL (criticalities));

  for (guint s = 0; s < CS_N_COVERAGE_STATES; s++)
    gtk_string_list_append (coverage, cs_coverage_state_get_label (s));
  adw_combo_row_set_model (self->coverage_row, G_LIST_MODEL (coverage));
}

static void
load_coverage (CsAssetDialog *self)
{
  CsCoverage *coverage = NULL;
  CsCoverageState state = CS_COVERAGE_NOT_ADDRESSED;

  if (self->offer == NULL || self->asset == NULL)
    return;

  coverage = cs_store_find_coverage (self->store, cs_record_get_id (CS_RECORD (self->offer)),
                                     cs_record_get_id (CS_RECORD (self->asset)));
  state = cs_store_get_coverage_state (self->store, cs_record_get_id (CS_RECORD (self->offer)),
                                       cs_record_get_id (CS_RECORD (self->asset)));
  adw_combo_row_set_selected (self->coverage_row, state);
  gtk_editable_set_text (GTK_EDITABLE (self->coverage_note_row),
                         coverage != NULL ? cs_record_get_string (CS_RECORD (coverage), "note") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->coverage_reference_row),
                         coverage != NULL ? cs_record_get_string (CS_RECORD (coverage), "reference") : "");
}

static void
load_values (CsAssetDialog *self)
{
  CsRecord *record = CS_RECORD (self->asset);

  self->loading = TRUE;

  if (record == NULL)
    {
      adw_combo_row_set_selected (self->category_row, category_index ("endpoint"));
      adw_combo_row_set_selected (self->criticality_row, 1);
      gtk_spin_button_set_value (self->quantity_spin, 1);
    }
  else
    {
      adw_combo_row_set_selected (self->category_row,
                                  category_index (cs_asset_get_category (self->asset)));
      adw_combo_row_set_selected (self->site_row,
                                  site_index (self, cs_asset_get_site_id (self->asset)));
      gtk_spin_button_set_value (self->quantity_spin, cs_record_get_int (record, "quantity"));
      adw_combo_row_set_selected (self->criticality_row,
                                  CLAMP (cs_record_get_int (record, "criticality"), 1, 4) - 1);
      for (guint i = 0; text_columns[i] != NULL; i++)
        gtk_editable_set_text (GTK_EDITABLE (text_row (self, text_columns[i])),
                               cs_record_get_string (record, text_columns[i]));
      load_coverage (self);
    }

  self->loading = FALSE;
}

static gboolean
editing (CsAssetDialog *self)
{
  return self->asset != NULL && !self->loading;
}

static void
commit_text (CsAssetDialog *self,
             AdwEntryRow   *row)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  const char *column = NULL;

  if (!editing (self) || cs_store_is_read_only (self->store))
    return;

  for (guint i = 0; text_columns[i] != NULL && column == NULL; i++)
    if (text_row (self, text_columns[i]) == row)
      column = text_columns[i];
  g_assert (column != NULL);

  if (g_strcmp0 (text, cs_record_get_string (CS_RECORD (self->asset), column)) == 0)
    return;

  if (g_str_equal (column, "name"))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (stripped[0] == '\0')
        {
          show_error (self, _("An asset needs a name; the name was not changed."));
          self->loading = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (row),
                                 cs_record_get_string (CS_RECORD (self->asset), column));
          self->loading = FALSE;
          return;
        }
    }

  if (!cs_store_set_string (self->store, CS_RECORD (self->asset), column, text, &error))
    {
      show_error (self, error->message);
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (row),
                             cs_record_get_string (CS_RECORD (self->asset), column));
      self->loading = FALSE;
    }
}

static void
commit_coverage (CsAssetDialog *self)
{
  g_autoptr(CsCoverageChange) change = NULL;
  g_autoptr(GError) error = NULL;
  gint64 asset_id;

  if (!editing (self) || self->offer == NULL || cs_store_is_read_only (self->store))
    return;

  asset_id = cs_record_get_id (CS_RECORD (self->asset));
  change = cs_store_set_coverage (self->store, cs_record_get_id (CS_RECORD (self->offer)),
                                  &asset_id, 1,
                                  adw_combo_row_get_selected (self->coverage_row),
                                  gtk_editable_get_text (GTK_EDITABLE (self->coverage_note_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->coverage_reference_row)),
                                  &error);
  if (change == NULL)
    {
      show_error (self, error->message);
      self->loading = TRUE;
      load_coverage (self);
      self->loading = FALSE;
    }
}

static gboolean
coverage_differs (CsAssetDialog *self)
{
  CsCoverage *coverage = NULL;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->coverage_note_row));
  const char *reference = gtk_editable_get_text (GTK_EDITABLE (self->coverage_reference_row));

  if (self->offer == NULL || self->asset == NULL)
    return FALSE;

  coverage = cs_store_find_coverage (self->store, cs_record_get_id (CS_RECORD (self->offer)),
                                     cs_record_get_id (CS_RECORD (self->asset)));
  if (coverage == NULL)
    return note[0] != '\0' || reference[0] != '\0';

  return g_strcmp0 (note, cs_record_get_string (CS_RECORD (coverage), "note")) != 0 ||
         g_strcmp0 (reference, cs_record_get_string (CS_RECORD (coverage), "reference")) != 0;
}

/* callbacks */

static void
on_text_row_apply_cb (AdwEntryRow   *row,
                      CsAssetDialog *self)
{
  commit_text (self, row);
}

static void
on_coverage_text_apply_cb (AdwEntryRow   *row,
                           CsAssetDialog *self)
{
  commit_coverage (self);
}

static void
on_combo_selected_cb (AdwComboRow   *row,
                      GParamSpec    *pspec,
                      CsAssetDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);
  gboolean ok = TRUE;

  if (!editing (self) || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (row == self->coverage_row)
    {
      commit_coverage (self);
      return;
    }

  if (row == self->category_row)
    {
      const char *category = cs_asset_categories ()[selected];

      if (g_strcmp0 (category, cs_asset_get_category (self->asset)) != 0)
        ok = cs_store_set_string (self->store, CS_RECORD (self->asset), "category", category, &error);
    }
  else if (row == self->site_row)
    {
      gint64 site_id = g_array_index (self->site_ids, gint64, MIN (selected, self->site_ids->len - 1));

      if (site_id != cs_asset_get_site_id (self->asset))
        ok = cs_store_set_int (self->store, CS_RECORD (self->asset), "site_id", site_id, &error);
    }
  else if (row == self->criticality_row)
    {
      if ((gint64) selected + 1 != cs_record_get_int (CS_RECORD (self->asset), "criticality"))
        ok = cs_store_set_int (self->store, CS_RECORD (self->asset), "criticality",
                               (gint64) selected + 1, &error);
    }

  if (!ok)
    {
      show_error (self, error->message);
      load_values (self);
    }
}

static void
on_quantity_value_changed_cb (GtkSpinButton *spin,
                              CsAssetDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 quantity = (gint64) gtk_spin_button_get_value (spin);

  if (!editing (self) || quantity == cs_record_get_int (CS_RECORD (self->asset), "quantity"))
    return;

  if (!cs_store_set_int (self->store, CS_RECORD (self->asset), "quantity", quantity, &error))
    {
      show_error (self, error->message);
      load_values (self);
    }
}

static gboolean
on_close_request_cb (GtkWindow     *window,
                     CsAssetDialog *self)
{
  /* Entries commit on Enter; what was typed without it is not lost on close. */
  if (editing (self))
    {
      for (guint i = 0; text_columns[i] != NULL; i++)
        commit_text (self, text_row (self, text_columns[i]));
      if (coverage_differs (self))
        commit_coverage (self);
    }

  return FALSE;
}

static void
on_record_notify_cb (CsAsset       *asset,
                     GParamSpec    *pspec,
                     CsAssetDialog *self)
{
  /* Changed elsewhere (Undo, another dialog): show the file's value. */
  if (!self->loading)
    {
      self->loading = TRUE;
      if (g_str_equal (pspec->name, "category"))
        adw_combo_row_set_selected (self->category_row,
                                    category_index (cs_asset_get_category (asset)));
      else if (g_str_equal (pspec->name, "quantity"))
        gtk_spin_button_set_value (self->quantity_spin,
                                   cs_record_get_int (CS_RECORD (asset), "quantity"));
      self->loading = FALSE;
    }
}

/* actions */

static void
cs_asset_dialog_add_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CsAssetDialog *self = CS_ASSET_DIALOG (widget);
  g_autoptr(CsAsset) asset = NULL;
  g_autoptr(GError) error = NULL;

  asset = cs_asset_dialog_add (self, &error);
  if (asset == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject vfuncs */

static void
cs_asset_dialog_constructed (GObject *object)
{
  CsAssetDialog *self = CS_ASSET_DIALOG (object);
  gboolean writable;

  G_OBJECT_CLASS (cs_asset_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  writable = !cs_store_is_read_only (self->store);

  fill_models (self);
  load_values (self);

  if (self->asset == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Asset"));
      adw_header_bar_set_show_end_title_buttons (self->header_bar, FALSE);
      adw_header_bar_set_show_start_title_buttons (self->header_bar, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "asset.add", writable);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Asset"));
      gtk_widget_set_visible (self->add_button, FALSE);
      gtk_widget_set_visible (self->cancel_button, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "asset.add", FALSE);
      for (guint i = 0; text_columns[i] != NULL; i++)
        adw_entry_row_set_show_apply_button (text_row (self, text_columns[i]), TRUE);
      adw_entry_row_set_show_apply_button (self->coverage_note_row, TRUE);
      adw_entry_row_set_show_apply_button (self->coverage_reference_row, TRUE);
      g_signal_connect_object (self->asset, "notify", G_CALLBACK (on_record_notify_cb), self, 0);
    }

  if (self->offer != NULL)
    {
      const char *provider = cs_offer_get_provider (self->offer);
      g_autofree char *title = NULL;
      g_autofree char *escaped = NULL;

      if (provider == NULL || provider[0] == '\0')
        provider = _("Unnamed offer");
      /* Translators: title of the group editing an asset's coverage; %s is a provider */
      title = g_strdup_printf (_("Coverage by %s"), provider);
      /* Group titles are markup; the provider is the user's text. */
      escaped = g_markup_escape_text (title, -1);
      adw_preferences_group_set_title (self->coverage_group, escaped);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->coverage_group), FALSE);
    }

  if (!writable)
    {
      GtkWidget *rows[] = {
        GTK_WIDGET (self->category_row), GTK_WIDGET (self->name_row), GTK_WIDGET (self->site_row),
        GTK_WIDGET (self->quantity_spin), GTK_WIDGET (self->criticality_row),
        GTK_WIDGET (self->owner_row), GTK_WIDGET (self->vendor_row), GTK_WIDGET (self->model_row),
        GTK_WIDGET (self->serial_row), GTK_WIDGET (self->notes_row),
        GTK_WIDGET (self->coverage_row), GTK_WIDGET (self->coverage_note_row),
        GTK_WIDGET (self->coverage_reference_row),
      };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        gtk_widget_set_sensitive (rows[i], FALSE);
    }

  g_signal_connect (self->category_row, "notify::selected", G_CALLBACK (on_combo_selected_cb), self);
  g_signal_connect (self->site_row, "notify::selected", G_CALLBACK (on_combo_selected_cb), self);
  g_signal_connect (self->criticality_row, "notify::selected", G_CALLBACK (on_combo_selected_cb), self);
  g_signal_connect (self->coverage_row, "notify::selected", G_CALLBACK (on_combo_selected_cb), self);
  g_signal_connect (self->quantity_spin, "value-changed", G_CALLBACK (on_quantity_value_changed_cb), self);
  for (guint i = 0; text_columns[i] != NULL; i++)
    g_signal_connect (text_row (self, text_columns[i]), "apply", G_CALLBACK (on_text_row_apply_cb), self);
  g_signal_connect (self->coverage_note_row, "apply", G_CALLBACK (on_coverage_text_apply_cb), self);
  g_signal_connect (self->coverage_reference_row, "apply", G_CALLBACK (on_coverage_text_apply_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), self);
}

static void
cs_asset_dialog_dispose (GObject *object)
{
  CsAssetDialog *self = CS_ASSET_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_ASSET_DIALOG);

  g_clear_object (&self->asset);
  g_clear_object (&self->offer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_asset_dialog_parent_class)->dispose (object);
}

static void
cs_asset_dialog_finalize (GObject *object)
{
  CsAssetDialog *self = CS_ASSET_DIALOG (object);

  g_clear_pointer (&self->site_ids, g_array_unref);

  G_OBJECT_CLASS (cs_asset_dialog_parent_class)->finalize (object);
}

static void
cs_asset_dialog_class_init (CsAssetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_asset_dialog_constructed;
  object_class->dispose = cs_asset_dialog_dispose;
  object_class->finalize = cs_asset_dialog_finalize;
  object_class->get_property = cs_construct_property_get;
  object_class->set_property = cs_construct_property_set;

  /**
   * CsAssetDialog:store:
   *
   * The project.
   */
  properties[PROP_STORE] =
    cs_param_spec_construct_object ("store", CS_TYPE_STORE,
                                    G_STRUCT_OFFSET (CsAssetDialog, store));

  /**
   * CsAssetDialog:asset:
   *
   * The asset edited, or %NULL to add one.
   */
  properties[PROP_ASSET] =
    cs_param_spec_construct_object ("asset", CS_TYPE_ASSET,
                                    G_STRUCT_OFFSET (CsAssetDialog, asset));

  /**
   * CsAssetDialog:offer:
   *
   * The offer whose coverage of the asset is edited, or %NULL.
   */
  properties[PROP_OFFER] =
    cs_param_spec_construct_object ("offer", CS_TYPE_OFFER,
                                    G_STRUCT_OFFSET (CsAssetDialog, offer));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-asset-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, site_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, quantity_spin);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, criticality_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, vendor_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, model_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, serial_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, coverage_group);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, coverage_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, coverage_note_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssetDialog, coverage_reference_row);

  gtk_widget_class_install_action (widget_class, "asset.add", NULL, cs_asset_dialog_add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cs_asset_dialog_init (CsAssetDialog *self)
{
  self->site_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

/**
 * cs_asset_dialog_new:
 * @store: the project
 * @asset: (nullable): the asset to edit, or %NULL to add one
 * @offer: (nullable): the offer whose coverage is edited too
 *
 * Returns: (transfer full): a new #CsAssetDialog
 */
CsAssetDialog *
cs_asset_dialog_new (CsStore *store,
                     CsAsset *asset,
                     CsOffer *offer)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (asset == NULL || CS_IS_ASSET (asset), NULL);
  g_return_val_if_fail (offer == NULL || CS_IS_OFFER (offer), NULL);

  return g_object_new (CS_TYPE_ASSET_DIALOG, "store", store, "asset", asset, "offer", offer, NULL);
}

/**
 * cs_asset_dialog_get_store:
 * @self: a #CsAssetDialog
 *
 * Returns: (transfer none): the project
 */
CsStore *
cs_asset_dialog_get_store (CsAssetDialog *self)
{
  g_return_val_if_fail (CS_IS_ASSET_DIALOG (self), NULL);

  return self->store;
}

/**
 * cs_asset_dialog_get_asset:
 * @self: a #CsAssetDialog
 *
 * Returns: (transfer none) (nullable): the asset edited
 */
CsAsset *
cs_asset_dialog_get_asset (CsAssetDialog *self)
{
  g_return_val_if_fail (CS_IS_ASSET_DIALOG (self), NULL);

  return self->asset;
}

/**
 * cs_asset_dialog_get_offer:
 * @self: a #CsAssetDialog
 *
 * Returns: (transfer none) (nullable): the offer whose coverage is edited
 */
CsOffer *
cs_asset_dialog_get_offer (CsAssetDialog *self)
{
  g_return_val_if_fail (CS_IS_ASSET_DIALOG (self), NULL);

  return self->offer;
}

/**
 * cs_asset_dialog_add:
 * @self: a #CsAssetDialog adding an asset
 * @error: return location for an error
 *
 * Adds the asset described by the dialog to the project, with its coverage under the offer
 * when one was chosen.
 *
 * Returns: (transfer full) (nullable): the new asset, or %NULL with @error set
 */
CsAsset *
cs_asset_dialog_add (CsAssetDialog  *self,
                     GError        **error)
{
  g_autoptr(CsAsset) asset = NULL;
  g_autofree char *name = NULL;
  guint category, site, criticality, state;

  g_return_val_if_fail (CS_IS_ASSET_DIALOG (self), NULL);
  g_return_val_if_fail (self->asset == NULL, NULL);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (name[0] == '\0')
    {
      g_set_error_literal (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                           _("An asset needs a name; nothing was added."));
      return NULL;
    }

  category = adw_combo_row_get_selected (self->category_row);
  site = adw_combo_row_get_selected (self->site_row);
  criticality = adw_combo_row_get_selected (self->criticality_row);
  if (category == GTK_INVALID_LIST_POSITION)
    category = 0;
  if (site == GTK_INVALID_LIST_POSITION || site >= self->site_ids->len)
    site = 0;
  if (criticality == GTK_INVALID_LIST_POSITION)
    criticality = 1;

  asset = g_object_new (CS_TYPE_ASSET,
                        "category", cs_asset_categories ()[category],
                        "name", name,
                        "site-id", g_array_index (self->site_ids, gint64, site),
                        "quantity", (gint64) gtk_spin_button_get_value (self->quantity_spin),
                        "criticality", (gint64) criticality + 1,
                        "owner", gtk_editable_get_text (GTK_EDITABLE (self->owner_row)),
                        "vendor", gtk_editable_get_text (GTK_EDITABLE (self->vendor_row)),
                        "model", gtk_editable_get_text (GTK_EDITABLE (self->model_row)),
                        "serial", gtk_editable_get_text (GTK_EDITABLE (self->serial_row)),
                        "notes", gtk_editable_get_text (GTK_EDITABLE (self->notes_row)),
                        NULL);
  if (!cs_store_add (self->store, CS_RECORD (asset), error))
    return NULL;

  state = adw_combo_row_get_selected (self->coverage_row);
  if (self->offer != NULL && state != GTK_INVALID_LIST_POSITION &&
      (state != CS_COVERAGE_NOT_ADDRESSED ||
       gtk_editable_get_text (GTK_EDITABLE (self->coverage_note_row))[0] != '\0' ||
       gtk_editable_get_text (GTK_EDITABLE (self->coverage_reference_row))[0] != '\0'))
    {
      g_autoptr(CsCoverageChange) change = NULL;
      gint64 id = cs_record_get_id (CS_RECORD (asset));

      change = cs_store_set_coverage (self->store, cs_record_get_id (CS_RECORD (self->offer)),
                                      &id, 1, state,
                                      gtk_editable_get_text (GTK_EDITABLE (self->coverage_note_row)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->coverage_reference_row)),
                                      error);
      if (change == NULL)
        return NULL;
    }

  return g_steal_pointer (&asset);
}
