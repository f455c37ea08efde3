/* cs-perimeter-page-actions.c
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
#include "cs-dialog-helpers.h"
#include "cs-perimeter-page-private.h"
#include "cs-clause-editor.h"
#include "cs-asset-dialog.h"
#include "cs-import-dialog.h"
#include "cs-labels.h"
#include "cs-toast.h"

/* The Perimeter page's actions (see #CsPerimeterPage): adding, editing, duplicating and
 * deleting assets, setting their coverage by the offer, importing a file, deleting a site and
 * the filters' shortcuts; and the keyboard shortcuts that activate them. */

/* actions */

static void
cs_perimeter_page_add_asset_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);
  CsAssetDialog *dialog = cs_asset_dialog_new (cs_page_store (self), NULL, cs_page_offer (self));

  gtk_window_set_transient_for (GTK_WINDOW (dialog), _cs_perimeter_page_get_parent_window (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cs_perimeter_page_edit_asset_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);
  g_autoptr(CsAsset) asset = _cs_perimeter_page_dup_first_selected (self);
  CsAssetDialog *dialog;

  if (asset == NULL)
    return;

  dialog = cs_asset_dialog_new (cs_page_store (self), asset, cs_page_offer (self));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), _cs_perimeter_page_get_parent_window (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cs_perimeter_page_duplicate_assets_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);
  g_autoptr(GArray) ids = _cs_perimeter_page_dup_selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint done = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CsRecord) asset =
        _cs_perimeter_page_dup_record (cs_page_store (self), CS_TYPE_ASSET,
                                       g_array_index (ids, gint64, i));
      g_autoptr(CsAsset) copy = NULL;

      if (asset == NULL)
        continue;
      copy = cs_perimeter_duplicate_asset (cs_page_store (self), CS_ASSET (asset), &error);
      if (copy == NULL)
        {
          _cs_perimeter_page_show_error (self, error);
          break;
        }
      done++;
    }

  if (done > 0)
    {
      /* Translators: toast after duplicating assets */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset duplicated",
                                            "%u assets duplicated", done), done);
      gtk_widget_activate_action (GTK_WIDGET (self), "project.toast", "s", title);
    }
}

static void
cs_perimeter_page_delete_assets_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);
  g_autoptr(GArray) ids = _cs_perimeter_page_dup_selected_ids (self);
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      CsRecord *asset = _cs_perimeter_page_dup_record (cs_page_store (self), CS_TYPE_ASSET,
                                                       g_array_index (ids, gint64, i));

      if (asset != NULL)
        g_ptr_array_add (assets, asset);
    }
  if (assets->len == 0)
    return;

  deletions = cs_perimeter_delete_assets (cs_page_store (self), assets, &error);
  if (deletions == NULL)
    {
      _cs_perimeter_page_show_error (self, error);
      return;
    }


  if (assets->len == 1)
    /* Translators: toast after deleting one asset; %s is its name */
    title = g_markup_printf_escaped (_("“%s” deleted"),
                                     cs_asset_get_name (CS_ASSET (g_ptr_array_index (assets, 0))));
  else
    /* Translators: toast after deleting assets */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset deleted", "%u assets deleted",
                                          assets->len), assets->len);
  cs_section_page_show_deleted (CS_SECTION_PAGE (self), (CsDeletion * const *) deletions->pdata,
                                deletions->len, title);

  _cs_perimeter_page_update_actions (self);
}

typedef struct
{
  CsPerimeterPage *self;
  AdwComboRow     *scope_row;
  AdwComboRow     *state_row;
  AdwEntryRow     *note_row;
  AdwEntryRow     *reference_row;
  GArray          *selected_ids;
} CoverageRequest;

static void
coverage_request_free (gpointer  data,
                       GClosure *closure)
{
  CoverageRequest *request = data;

  g_clear_pointer (&request->selected_ids, g_array_unref);
  g_object_unref (request->self);
  g_free (request);
}

static void
on_coverage_dialog_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                CoverageRequest  *request)
{
  CsPerimeterPage *self = request->self;
  g_autoptr(CsCoverageChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  CsCoverageState state;
  const char *note, *reference;
  AdwToast *toast;
  guint n_assets;

  if (!g_str_equal (response, "apply") || cs_page_offer (self) == NULL ||
      !cs_page_is_writable (self))
    return;

  state = adw_combo_row_get_selected (request->state_row);
  if (state >= CS_N_COVERAGE_STATES)
    state = CS_COVERAGE_NOT_ADDRESSED;
  note = gtk_editable_get_text (GTK_EDITABLE (request->note_row));
  reference = gtk_editable_get_text (GTK_EDITABLE (request->reference_row));

  if (request->selected_ids->len > 0 && adw_combo_row_get_selected (request->scope_row) == 0)
    change = cs_store_set_coverage (cs_page_store (self), _cs_perimeter_page_offer_id (self),
                                    (const gint64 *) (gpointer) request->selected_ids->data,
                                    request->selected_ids->len, state, note, reference, &error);
  else
    change = cs_perimeter_set_coverage_for_list (cs_page_store (self), self->assets, state, note,
                                                 reference,
                                                 &error);
  if (change == NULL)
    {
      _cs_perimeter_page_show_error (self, error);
      return;
    }

  n_assets = cs_coverage_change_get_n_assets (change);
  g_clear_pointer (&self->last_coverage_change, cs_coverage_change_unref);
  self->last_coverage_change = g_steal_pointer (&change);

  /* Translators: toast after setting the coverage of assets; %s is a coverage state */
  title = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE, "%u asset set to “%s”",
                                        "%u assets set to “%s”", n_assets),
                           n_assets, cs_coverage_state_get_label (state));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "perimeter.undo-coverage");
  cs_section_page_add_toast (CS_SECTION_PAGE (self), toast);
  _cs_perimeter_page_update_actions (self);
}

static void
cs_perimeter_page_set_coverage_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);
  CoverageRequest *request;
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autofree char *selected_text = NULL;
  g_autofree char *shown_text = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *group;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->assets));
  const char *provider;

  if (cs_page_offer (self) == NULL)
    return;

  request = g_new0 (CoverageRequest, 1);
  request->self = g_object_ref (self);
  request->selected_ids = _cs_perimeter_page_dup_selected_ids (self);

  provider = cs_offer_get_provider (cs_page_offer (self));
  if (provider == NULL || provider[0] == '\0')
    provider = _("Unnamed offer");

  dialog = cs_question_dialog_new (_cs_perimeter_page_get_parent_window (self),
                                   _("Set Coverage"), NULL,
                                   "apply", _("_Set Coverage"), ADW_RESPONSE_SUGGESTED);
  /* Translators: body of the Set Coverage dialog; %s is the provider of the offer */
  adw_message_dialog_format_body (dialog,
                                  _("How the offer of %s covers these assets. The note and the "
                                    "contract reference replace the ones they have."), provider);

  if (request->selected_ids->len > 0)
    {
      /* Translators: scope of a coverage change */
      selected_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The selected asset",
                                                    "The %u selected assets",
                                                    request->selected_ids->len),
                                       request->selected_ids->len);
      gtk_string_list_append (scopes, selected_text);
    }
  /* Translators: scope of a coverage change: every asset the search and filters show */
  shown_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The asset shown by the filters",
                                             "All %u assets shown by the filters", shown), shown);
  gtk_string_list_append (scopes, shown_text);

  for (guint s = 0; s < CS_N_COVERAGE_STATES; s++)
    gtk_string_list_append (states, cs_coverage_state_get_label (s));

  group = adw_preferences_group_new ();
  request->scope_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (request->scope_row), _("Apply to"));
  adw_combo_row_set_model (request->scope_row, G_LIST_MODEL (scopes));
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->scope_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Apply to"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (request->scope_row));

  request->state_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (request->state_row), _("Coverage"));
  adw_combo_row_set_model (request->state_row, G_LIST_MODEL (states));
  adw_combo_row_set_selected (request->state_row, CS_COVERAGE_MANAGED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->state_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coverage"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (request->state_row));

  request->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (request->note_row), _("Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->note_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coverage note"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (request->note_row));

  request->reference_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (request->reference_row),
                                 _("Contract reference"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->reference_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contract reference"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (request->reference_row));

  adw_message_dialog_set_extra_child (dialog, group);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_coverage_dialog_response_cb),
                         request, coverage_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cs_perimeter_page_undo_coverage_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);
  g_autoptr(CsCoverageChange) change = g_steal_pointer (&self->last_coverage_change);
  g_autoptr(GError) error = NULL;

  if (change != NULL && !cs_store_restore_coverage (cs_page_store (self), change, &error))
    _cs_perimeter_page_show_error (self, error);

  _cs_perimeter_page_update_actions (self);
}

static void
on_file_chooser_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             CsPerimeterPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        cs_perimeter_page_import_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
cs_perimeter_page_import_assets_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);
  const char *path = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  if (path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      cs_perimeter_page_import_file (self, file);
      return;
    }

  chooser = cs_file_chooser_new (_cs_perimeter_page_get_parent_window (self), _("Import Assets"),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  csv = gtk_file_filter_new ();
  gtk_file_filter_set_name (csv, _("CSV and tab-separated files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_mime_type (csv, "text/tab-separated-values");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cs_perimeter_page_delete_site_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);
  g_autoptr(CsRecord) site = _cs_perimeter_page_dup_record (cs_page_store (self), CS_TYPE_SITE,
                                                            g_variant_get_int64 (parameter));
  g_autofree char *title = NULL;

  if (site == NULL)
    return;

  /* Translators: toast after deleting a site; %s is its name */
  title = g_markup_printf_escaped (_("Site “%s” deleted; its assets are kept"),
                                   cs_site_get_name (CS_SITE (site)));
  if (!cs_section_page_delete_record (CS_SECTION_PAGE (self), site, title))
    return;

  _cs_perimeter_page_refresh_bound_cells (self);
  _cs_perimeter_page_update_actions (self);
}

void
_cs_perimeter_page_reset_filters (CsPerimeterPage *self)
{
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->category_filter, 0);
  gtk_drop_down_set_selected (self->site_filter, 0);
  gtk_drop_down_set_selected (self->criticality_filter, 0);
  gtk_drop_down_set_selected (self->coverage_filter, 0);
  self->updating_filters = FALSE;
}

static void
cs_perimeter_page_clear_filters_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);

  _cs_perimeter_page_reset_filters (self);
  _cs_perimeter_page_apply_query (self);
}

static void
cs_perimeter_page_show_not_addressed_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);

  _cs_perimeter_page_reset_filters (self);
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->coverage_filter, 1 + CS_COVERAGE_NOT_ADDRESSED);
  self->updating_filters = FALSE;
  _cs_perimeter_page_apply_query (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "inventory");
  gtk_widget_grab_focus (GTK_WIDGET (self->asset_view));
}

static void
cs_perimeter_page_show_critical_unmanaged_action (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);
  CsAssetQuery query;

  /* The same assets as the summary: criticality 1, not fully managed. */
  cs_asset_query_init_critical_unmanaged (&query, _cs_perimeter_page_offer_id (self));
  _cs_perimeter_page_reset_filters (self);
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->criticality_filter, 1);
  self->updating_filters = FALSE;
  cs_asset_list_set_query (self->assets, &query);
  _cs_perimeter_page_update_list_state (self);
  _cs_perimeter_page_update_actions (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "inventory");
  gtk_widget_grab_focus (GTK_WIDGET (self->asset_view));
}

static void
cs_perimeter_page_focus_search_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  CsPerimeterPage *self = CS_PERIMETER_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "inventory");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Installs the actions above and their shortcuts on the page's class. */
void
_cs_perimeter_page_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "perimeter.add-asset", NULL,
                                   cs_perimeter_page_add_asset_action);
  gtk_widget_class_install_action (widget_class, "perimeter.edit-asset", NULL,
                                   cs_perimeter_page_edit_asset_action);
  gtk_widget_class_install_action (widget_class, "perimeter.duplicate-assets", NULL,
                                   cs_perimeter_page_duplicate_assets_action);
  gtk_widget_class_install_action (widget_class, "perimeter.delete-assets", NULL,
                                   cs_perimeter_page_delete_assets_action);
  gtk_widget_class_install_action (widget_class, "perimeter.set-coverage", NULL,
                                   cs_perimeter_page_set_coverage_action);
  gtk_widget_class_install_action (widget_class, "perimeter.undo-coverage", NULL,
                                   cs_perimeter_page_undo_coverage_action);
  gtk_widget_class_install_action (widget_class, "perimeter.import-assets", "s",
                                   cs_perimeter_page_import_assets_action);
  gtk_widget_class_install_action (widget_class, "perimeter.delete-site", "x",
                                   cs_perimeter_page_delete_site_action);
  gtk_widget_class_install_action (widget_class, "perimeter.clear-filters", NULL,
                                   cs_perimeter_page_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "perimeter.show-not-addressed", NULL,
                                   cs_perimeter_page_show_not_addressed_action);
  gtk_widget_class_install_action (widget_class, "perimeter.show-critical-unmanaged", NULL,
                                   cs_perimeter_page_show_critical_unmanaged_action);
  gtk_widget_class_install_action (widget_class, "perimeter.focus-search", NULL,
                                   cs_perimeter_page_focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "perimeter.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0,
                                       "perimeter.add-asset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "perimeter.duplicate-assets", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "perimeter.delete-assets", NULL);
}
