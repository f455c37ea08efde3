/* cs-backup-scope-dialog.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-backup-scope-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-backup-scope-dialog.h"
#include "cs-construct-property.h"
#include "cs-toast.h"

/**
 * CsBackupScopeDialog:
 *
 * Chooses the assets of the perimeter a backup policy covers: a searchable list of the
 * project's assets (the most critical first), each with a check button. Every tick adds or
 * removes a backup_scope record at once; the count of assets in scope is shown. The list is a
 * #GtkListView over asset ids, so that a perimeter of 100,000 assets stays smooth.
 */
struct _CsBackupScopeDialog
{
  AdwWindow            parent_instance;

  CsStore             *store;
  CsBackupPolicy      *policy;
  GtkStringList       *ids;
  GHashTable          *in_scope;    /* asset id (gint64 *) → CsBackupScope */
  GHashTable          *checks;      /* bound check button → its asset id (gint64 *) */
  gboolean             syncing;     /* a check shows the scope, the user did not tick it */

  /* template children */
  AdwWindowTitle      *window_title;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkListView         *list_view;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_POLICY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsBackupScopeDialog, cs_backup_scope_dialog, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];

static gboolean
is_writable (CsBackupScopeDialog *self)
{
  return !cs_store_is_closed (self->store) && !cs_store_is_read_only (self->store);
}

static void
update_count (CsBackupScopeDialog *self)
{
  g_autofree char *text = NULL;
  guint n_assets = cs_store_count_assets (self->store, NULL, NULL);
  guint n_in_scope = g_hash_table_size (self->in_scope);

  /* Translators: count in the asset chooser of a backup policy */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u asset in scope",
                                       "%u of %u assets in scope", n_assets),
                          n_in_scope, n_assets);
  gtk_label_set_text (self->count_label, text);
}

static void
load_scope (CsBackupScopeDialog *self)
{
  GListModel *scopes = cs_store_list (self->store, CS_TYPE_BACKUP_SCOPE,
                                      cs_record_get_id (CS_RECORD (self->policy)));

  g_hash_table_remove_all (self->in_scope);
  for (guint i = 0; i < g_list_model_get_n_items (scopes); i++)
    {
      CsRecord *scope = g_list_model_get_item (scopes, i);

      g_hash_table_replace (self->in_scope,
                            g_memdup2 (&(gint64) { cs_record_get_int (scope, "asset_id") },
                                       sizeof (gint64)),
                            scope);
    }

  update_count (self);
}

static void
load_assets (CsBackupScopeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  CsAssetQuery query = { 0, };
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  query.search = search[0] != '\0' ? search : NULL;
  query.sort = CS_ASSET_SORT_CRITICALITY;
  ids = cs_store_query_asset_ids (self->store, &query, &error);
  if (ids == NULL)
    {
      cs_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (strings, g_strdup_printf ("%" G_GINT64_FORMAT,
                                               g_array_index (ids, gint64, i)));
  g_ptr_array_add (strings, NULL);

  gtk_string_list_splice (self->ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ids)),
                          (const char * const *) strings->pdata);
  gtk_stack_set_visible_child_name (self->stack, ids->len > 0 ? "list" : "empty");
}

static gboolean
set_in_scope (CsBackupScopeDialog  *self,
              gint64                asset_id,
              gboolean              in_scope,
              GError              **error)
{
  CsRecord *scope = g_hash_table_lookup (self->in_scope, &asset_id);

  if (in_scope == (scope != NULL))
    return TRUE;

  if (in_scope)
    {
      g_autoptr(CsRecord) record = g_object_new (CS_TYPE_BACKUP_SCOPE,
                                                 "policy-id",
                                                 cs_record_get_id (CS_RECORD (self->policy)),
                                                 "asset-id", asset_id,
                                                 NULL);

      return cs_store_add (self->store, record, error);
    }
  else
    {
      g_autoptr(CsDeletion) deletion = cs_store_delete (self->store, scope, error);

      return deletion != NULL;
    }
}

static void
on_check_toggled_cb (GtkCheckButton      *check,
                     CsBackupScopeDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 *asset_id = g_hash_table_lookup (self->checks, check);
  gboolean active = gtk_check_button_get_active (check);

  if (asset_id == NULL || self->syncing)
    return;

  if (!is_writable (self) || !set_in_scope (self, *asset_id, active, &error))
    {
      if (error != NULL)
        cs_toast_show_error (GTK_WIDGET (self->list_view), error);
      self->syncing = TRUE;
      gtk_check_button_set_active (check, g_hash_table_contains (self->in_scope, asset_id));
      self->syncing = FALSE;
    }
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CsBackupScopeDialog      *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_widget_set_sensitive (check, is_writable (self));
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
  gtk_list_item_set_child (item, check);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CsBackupScopeDialog      *self)
{
  GtkWidget *check = gtk_list_item_get_child (item);
  GtkStringObject *string = gtk_list_item_get_item (item);
  g_autoptr(CsRecord) asset = NULL;
  g_autofree char *text = NULL;
  gint64 id = g_ascii_strtoll (gtk_string_object_get_string (string), NULL, 10);
  const char *name;

  asset = cs_store_ref_record (self->store, CS_TYPE_ASSET, id);
  name = asset != NULL ? cs_record_get_string (asset, "name") : "";
  if (name[0] == '\0')
    name = _("Unnamed asset");

  if (asset != NULL)
    /* Translators: an asset in the backup scope chooser: name, category, criticality (1–4) */
    text = g_strdup_printf (_("%s — %s, criticality %d"), name,
                            cs_asset_category_get_label (cs_record_get_string (asset, "category")),
                            (int) cs_record_get_int (asset, "criticality"));
  else
    text = g_strdup (name);

  gtk_label_set_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (check))), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_hash_table_replace (self->checks, check, g_memdup2 (&id, sizeof id));
  self->syncing = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->in_scope, &id));
  self->syncing = FALSE;
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CsBackupScopeDialog      *self)
{
  g_hash_table_remove (self->checks, gtk_list_item_get_child (item));
}

static void
refresh_checks (CsBackupScopeDialog *self)
{
  GHashTableIter iter;
  gpointer check;
  gpointer asset_id;

  /* Bound rows follow the scope when it changes (an Undo, another window). */
  self->syncing = TRUE;
  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &check, &asset_id))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                 g_hash_table_contains (self->in_scope, asset_id));
  self->syncing = FALSE;
}

static void
on_scope_changed_cb (GListModel          *model,
                     guint                position,
                     guint                removed,
                     guint                added,
                     CsBackupScopeDialog *self)
{
  load_scope (self);
  refresh_checks (self);
}

static void
on_search_changed_cb (GtkSearchEntry      *entry,
                      CsBackupScopeDialog *self)
{
  load_assets (self);
}

static void
on_policy_name_cb (CsRecord            *policy,
                   GParamSpec          *pspec,
                   CsBackupScopeDialog *self)
{
  const char *name = cs_record_get_string (policy, "name");

  adw_window_title_set_subtitle (self->window_title,
                                 name[0] != '\0' ? name : _("Unnamed policy"));
}

/* GObject vfuncs */

static void
cs_backup_scope_dialog_constructed (GObject *object)
{
  CsBackupScopeDialog *self = CS_BACKUP_SCOPE_DIALOG (object);
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  G_OBJECT_CLASS (cs_backup_scope_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->policy != NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->ids)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_object (cs_store_list (self->store, CS_TYPE_BACKUP_SCOPE,
                                          cs_record_get_id (CS_RECORD (self->policy))),
                           "items-changed", G_CALLBACK (on_scope_changed_cb), self, 0);
  g_signal_connect_object (self->policy, "notify::name", G_CALLBACK (on_policy_name_cb), self, 0);
  on_policy_name_cb (CS_RECORD (self->policy), NULL, self);

  load_scope (self);
  load_assets (self);
}

static void
cs_backup_scope_dialog_dispose (GObject *object)
{
  CsBackupScopeDialog *self = CS_BACKUP_SCOPE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_BACKUP_SCOPE_DIALOG);

  g_clear_object (&self->policy);
  g_clear_object (&self->store);
  g_clear_object (&self->ids);

  G_OBJECT_CLASS (cs_backup_scope_dialog_parent_class)->dispose (object);
}

static void
cs_backup_scope_dialog_finalize (GObject *object)
{
  CsBackupScopeDialog *self = CS_BACKUP_SCOPE_DIALOG (object);

  g_clear_pointer (&self->in_scope, g_hash_table_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);

  G_OBJECT_CLASS (cs_backup_scope_dialog_parent_class)->finalize (object);
}

static void
cs_backup_scope_dialog_class_init (CsBackupScopeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_backup_scope_dialog_constructed;
  object_class->dispose = cs_backup_scope_dialog_dispose;
  object_class->finalize = cs_backup_scope_dialog_finalize;
  object_class->get_property = cs_construct_property_get;
  object_class->set_property = cs_construct_property_set;

  /**
   * CsBackupScopeDialog:store:
   *
   * The project.
   */
  properties[PROP_STORE] =
    cs_param_spec_construct_object ("store", CS_TYPE_STORE,
                                    G_STRUCT_OFFSET (CsBackupScopeDialog, store));

  /**
   * CsBackupScopeDialog:policy:
   *
   * The backup policy whose assets are chosen.
   */
  properties[PROP_POLICY] =
    cs_param_spec_construct_object ("policy", CS_TYPE_BACKUP_POLICY,
                                    G_STRUCT_OFFSET (CsBackupScopeDialog, policy));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-backup-scope-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsBackupScopeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CsBackupScopeDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsBackupScopeDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, CsBackupScopeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CsBackupScopeDialog, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cs_backup_scope_dialog_init (CsBackupScopeDialog *self)
{
  self->ids = gtk_string_list_new (NULL);
  self->in_scope = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->checks = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/* public API */

/**
 * cs_backup_scope_dialog_new:
 * @store: the project
 * @policy: a backup policy of the project
 *
 * Returns: (transfer full): a new #CsBackupScopeDialog; set its transient parent and present it
 */
GtkWidget *
cs_backup_scope_dialog_new (CsStore        *store,
                            CsBackupPolicy *policy)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_BACKUP_POLICY (policy), NULL);

  return g_object_new (CS_TYPE_BACKUP_SCOPE_DIALOG, "store", store, "policy", policy, NULL);
}

/**
 * cs_backup_scope_dialog_get_n_shown:
 * @self: a #CsBackupScopeDialog
 *
 * Returns: how many assets the list shows under the current search
 */
guint
cs_backup_scope_dialog_get_n_shown (CsBackupScopeDialog *self)
{
  g_return_val_if_fail (CS_IS_BACKUP_SCOPE_DIALOG (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->ids));
}

/**
 * cs_backup_scope_dialog_set_asset:
 * @self: a #CsBackupScopeDialog
 * @asset_id: an asset
 * @in_scope: whether the policy backs it up
 *
 * Ticks or unticks an asset, as its check button does; errors are shown in a toast.
 *
 * Returns: %TRUE if the scope holds what was asked
 */
gboolean
cs_backup_scope_dialog_set_asset (CsBackupScopeDialog *self,
                                  gint64               asset_id,
                                  gboolean             in_scope)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CS_IS_BACKUP_SCOPE_DIALOG (self), FALSE);

  if (!is_writable (self))
    return FALSE;

  if (!set_in_scope (self, asset_id, in_scope, &error))
    {
      cs_toast_show_error (GTK_WIDGET (self->list_view), error);
      return FALSE;
    }

  return TRUE;
}
