/* cs-backup-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-backup-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cs-backup-page.h"
#include "cs-backup-scope-dialog.h"
#include "cs-field-editor.h"
#include "cs-field-table.h"
#include "cs-long-text-row.h"
#include "cs-number-row.h"
#include "cs-record-list.h"
#include "cs-sections.h"
#include "cs-source.h"
#include "cs-text-row.h"
#include "cs-tristate-row.h"

/**
 * CsBackupPage:
 *
 * The Backup section of an offer: its backup policies, in the order the consultant gives
 * them. Each policy is a group of rows bound to its fields: name, scope (assets of the
 * perimeter chosen in a #CsBackupScopeDialog, and named data sets as text), frequency,
 * retention, RPO and RTO with their units, offline and immutable copies, off-site location and
 * country, encryption and key holder, restore-test frequency and evidence, failure monitoring
 * and escalation, and the contract reference. Above them, the section's checks (frequency
 * longer than the RPO, no offline copy, no restore test …), each leading to its field, and
 * the critical assets no policy backs up. Below, the contract wording.
 *
 * Actions: `backup.add-policy`, `backup.delete-policy` (int64 id),
 * `backup.move-up` (int64 id), `backup.move-down` (int64 id), `backup.choose-assets`
 * (int64 id); a deletion's Undo is `project.undo` (Ctrl+Z).
 */
struct _CsBackupPage
{
  CsSectionPage        parent_instance;

  GtkWidget           *empty_row;

  /* per policy id (gint64 *): the widgets the report updates */
  GHashTable          *groups;
  GHashTable          *asset_rows;
  GHashTable          *frequency_rows;
  guint                report_id;
  guint                rebuild_id;

  /* the assets the unprotected list shows ("id:name;" …), to replace its rows only on change */
  char                *unprotected_key;

  /* template children */
  AdwPreferencesGroup *unprotected_group;
  GtkListBox          *unprotected_list;
  AdwPreferencesGroup *policies_group;
  GtkBox              *policies_box;
};

G_DEFINE_FINAL_TYPE (CsBackupPage, cs_backup_page, CS_TYPE_SECTION_PAGE)

static void rebuild (CsBackupPage *self);

static const char *
get_policy_name (CsRecord *policy)
{
  const char *name = cs_record_get_string (policy, "name");

  return name != NULL && name[0] != '\0' ? name : _("Unnamed policy");
}

static gboolean
is_our_policy (CsBackupPage *self,
               CsRecord     *record)
{
  return cs_page_offer (self) != NULL && CS_IS_BACKUP_POLICY (record) &&
         cs_record_get_parent_id (record) == cs_page_offer_id (self);
}

static gint64 *
new_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* The offer's policies in their order: the live list is not sorted again on a move. */
static GPtrArray *
get_policies (CsBackupPage *self)
{
  if (cs_page_offer (self) == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return cs_records_sort_by_position (cs_store_list (cs_page_store (self),
                                                     CS_TYPE_BACKUP_POLICY,
                                                     cs_page_offer_id (self)));
}

static char *
format_hours (double value)
{
  /* Translators: a duration in hours, e.g. "24 h" */
  return isnan (value) ? g_strdup (_("not stated")) : g_strdup_printf (_("%g h"), value);
}

static char *
describe_policy (CsRecord *policy,
                 guint     n_assets)
{
  g_autofree char *frequency = format_hours (cs_record_get_number (policy, "frequency_hours"));
  g_autofree char *rpo = format_hours (cs_record_get_number (policy, "rpo_hours"));
  g_autofree char *rto = format_hours (cs_record_get_number (policy, "rto_hours"));
  double retention = cs_record_get_number (policy, "retention_days");
  g_autofree char *kept = NULL;
  g_autofree char *assets = NULL;

  /* Translators: a retention in days, e.g. "30 days" */
  kept = isnan (retention) ? g_strdup (_("not stated"))
                           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%g day", "%g days",
                                                           (gulong) retention), retention);
  assets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset", "%u assets", n_assets),
                            n_assets);

  /* Translators: one-line summary of a backup policy */
  return g_strdup_printf (_("Every %s · kept %s · RPO %s · RTO %s · %s"), frequency, kept, rpo,
                          rto, assets);
}

/* report */

static GtkWidget *
create_unprotected_row (CsRecord *asset)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  const char *name = cs_record_get_string (asset, "name");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name[0] != '\0' ? name : _("Unnamed asset"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               cs_asset_category_get_label (cs_record_get_string (asset,
                                                                                  "category")));
  gtk_widget_add_css_class (icon, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
update_report (CsBackupPage *self)
{
  g_autoptr(CsBackupReport) report = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->report_id, g_source_remove);

  if (cs_page_offer (self) == NULL || cs_page_store (self) == NULL ||
      cs_store_is_closed (cs_page_store (self)))
    return;

  report = cs_backup_report_new (cs_page_store (self), cs_page_offer_id (self));

  for (guint i = 0; i < report->policies->len; i++)
    {
      CsBackupPolicyReport *item = g_ptr_array_index (report->policies, i);
      CsRecord *policy = CS_RECORD (item->policy);
      gint64 id = cs_record_get_id (policy);
      GtkWidget *group = g_hash_table_lookup (self->groups, &id);
      GtkWidget *assets_row = g_hash_table_lookup (self->asset_rows, &id);
      GtkWidget *frequency_row = g_hash_table_lookup (self->frequency_rows, &id);

      if (group != NULL)
        {
          g_autofree char *summary = describe_policy (policy, item->assets->len);

          g_autofree char *title = g_markup_escape_text (get_policy_name (policy), -1);

          /* Group titles are markup; the policy name is the user's text. */
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), summary);
        }

      if (assets_row != NULL)
        {
          g_autoptr(GString) subtitle = g_string_new (NULL);

          if (item->assets->len == 0)
            g_string_append (subtitle, _("None chosen"));
          else
            {
              g_string_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u asset: ",
                                                      "%u assets: ", item->assets->len),
                               item->assets->len);
              for (guint j = 0; j < item->assets->len && j < 4; j++)
                {
                  if (j > 0)
                    /* Translators: separator of a list of asset names */
                    g_string_append (subtitle, _(", "));
                  g_string_append (subtitle,
                                   cs_record_get_string (g_ptr_array_index (item->assets, j),
                                                         "name"));
                }
              if (item->assets->len > 4)
                g_string_append (subtitle, " …");
            }
          adw_action_row_set_subtitle (ADW_ACTION_ROW (assets_row), subtitle->str);
        }

      if (frequency_row != NULL)
        {
          if (item->frequency_exceeds_rpo)
            {
              g_autofree char *text = NULL;

              /* Translators: under the backup frequency; %g is the RPO in hours */
              text = g_strdup_printf (_("⚠ Longer than the RPO of %g h: more data can be lost "
                                        "than promised"),
                                      cs_record_get_number (policy, "rpo_hours"));
              adw_action_row_set_subtitle (ADW_ACTION_ROW (frequency_row), text);
              gtk_accessible_update_property (GTK_ACCESSIBLE (frequency_row),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
            }
          else
            {
              adw_action_row_set_subtitle (ADW_ACTION_ROW (frequency_row),
                                           _("Time between two backups"));
              gtk_accessible_reset_property (GTK_ACCESSIBLE (frequency_row),
                                             GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
            }
        }
    }

  {
    g_autoptr(GString) key = g_string_new (NULL);
    const char *shown = self->unprotected_key;

    /* Rows are replaced only when the list changes: a screen reader keeps its place. */
    for (guint i = 0; i < report->unprotected_critical->len; i++)
      {
        CsRecord *asset = g_ptr_array_index (report->unprotected_critical, i);

        g_string_append_printf (key, "%" G_GINT64_FORMAT ":%s;", cs_record_get_id (asset),
                                cs_record_get_string (asset, "name"));
      }

    if (g_strcmp0 (shown, key->str) != 0)
      {
        while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unprotected_list))) != NULL)
          gtk_list_box_remove (self->unprotected_list, child);
        for (guint i = 0; i < report->unprotected_critical->len; i++)
          gtk_list_box_append (self->unprotected_list,
                               create_unprotected_row (
                                 g_ptr_array_index (report->unprotected_critical, i)));
        g_free (self->unprotected_key);
        self->unprotected_key = g_string_free (g_steal_pointer (&key), FALSE);
      }
  }
  gtk_widget_set_visible (GTK_WIDGET (self->unprotected_group),
                          report->unprotected_critical->len > 0);
}

static void
schedule_report (CsBackupPage *self)
{
  cs_idle_add_once (&self->report_id, G_PRIORITY_HIGH_IDLE, (CsSourceFunc) update_report, self);
}

static void
schedule_rebuild (CsBackupPage *self)
{
  cs_idle_add_once (&self->rebuild_id, G_PRIORITY_HIGH_IDLE, (CsSourceFunc) rebuild, self);
}

/* building */

static GtkWidget *
create_header_buttons (CsRecord *policy,
                       guint     index,
                       guint     n_policies)
{
  const char *name = get_policy_name (policy);
  gint64 id = cs_record_get_id (policy);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *button;
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *delete = NULL;

  /* Translators: accessible names of a backup policy's buttons; %s is its name */
  up = g_strdup_printf (_("Move “%s” Up"), name);
  down = g_strdup_printf (_("Move “%s” Down"), name);
  delete = g_strdup_printf (_("Delete “%s”"), name);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  button = cs_record_button_new ("go-up-symbolic", _("Move Up"), up, "backup.move-up", id);
  gtk_widget_set_sensitive (button, index > 0);
  gtk_box_append (GTK_BOX (box), button);
  button = cs_record_button_new ("go-down-symbolic", _("Move Down"), down, "backup.move-down", id);
  gtk_widget_set_sensitive (button, index + 1 < n_policies);
  gtk_box_append (GTK_BOX (box), button);
  button = cs_record_button_new ("user-trash-symbolic", _("Delete Policy"), delete,
                                 "backup.delete-policy", id);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static GtkWidget *
create_assets_row (CsBackupPage *self,
                   CsRecord     *policy)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose…"));
  g_autofree char *accessible = NULL;

  /* The subtitle lists asset names: text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Assets of the perimeter"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: accessible name of the button choosing a policy's assets */
  accessible = g_strdup_printf (_("Choose the assets of “%s”"), get_policy_name (policy));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backup.choose-assets");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", cs_record_get_id (policy));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

static GtkWidget *
create_frequency_row (CsBackupPage *self,
                      CsRecord     *policy)
{
  return cs_field_editor_bound (cs_number_row_new (_("Backup every"), "frequency_hours",
                                                   _("hours")), cs_page_store (self), policy);
}

/* The fields of a backup policy, in the order shown: objectives, copies, restore tests. */
static const CsFieldSpec objective_fields[] = {
  { CS_ROW_NUMBER, N_("Retention"), "retention_days", N_("days") },
  { CS_ROW_NUMBER, N_("RPO (maximum data loss)"), "rpo_hours", N_("hours") },
  { CS_ROW_NUMBER, N_("RTO (time to restore)"), "rto_hours", N_("hours") },
};

static const CsFieldSpec copy_fields[] = {
  { CS_ROW_TRISTATE, N_("Offline copy"), "offline_copy" },
  { CS_ROW_TRISTATE, N_("Immutable copy"), "immutable_copy" },
  { CS_ROW_TEXT, N_("Off-site location"), "offsite_location" },
  { CS_ROW_TEXT, N_("Off-site country"), "offsite_country" },
  { CS_ROW_TRISTATE, N_("Encrypted"), "encrypted" },
  { CS_ROW_TEXT, N_("Encryption key holder"), "key_holder" },
};

static const CsFieldSpec restore_fields[] = {
  { CS_ROW_NUMBER, N_("Restore test every"), "restore_test_months", N_("months") },
  { CS_ROW_TEXT, N_("Evidence delivered (test report …)"), "restore_evidence" },
  { CS_ROW_LONG_TEXT, N_("Failure monitoring"), "monitoring" },
  { CS_ROW_LONG_TEXT, N_("Escalation on failure"), "escalation" },
};

/* Adds to @group an expander row titled @title holding the editors of @fields. */
static void
add_expander (GtkWidget         *group,
              const char        *title,
              const char        *subtitle,
              const CsFieldSpec *fields,
              gsize              n_fields,
              CsStore           *store,
              CsRecord          *policy)
{
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  cs_field_table_add (expander, fields, n_fields, store, policy);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
}

static GtkWidget *
create_policy_group (CsBackupPage *self,
                     CsRecord     *policy,
                     guint         index,
                     guint         n_policies)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;
  gint64 id = cs_record_get_id (policy);
  CsStore *store = cs_page_store (self);
  /* Group titles are markup; the policy name is the user's text. */
  g_autofree char *title = g_markup_escape_text (get_policy_name (policy), -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           create_header_buttons (policy, index, n_policies));
  g_hash_table_replace (self->groups, new_id (id), group);

  cs_field_editor_add_bound (group, cs_text_row_new (_("Name"), "name"), store, policy);

  row = create_assets_row (self, policy);
  g_hash_table_replace (self->asset_rows, new_id (id), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  cs_field_editor_add_bound (group,
                             cs_long_text_row_new (_("Named data sets (mailboxes, shares, databases …)"),
                                                   "scope"),
                             store, policy);

  row = create_frequency_row (self, policy);
  g_hash_table_replace (self->frequency_rows, new_id (id), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  cs_field_table_add (group, objective_fields, G_N_ELEMENTS (objective_fields), store, policy);

  add_expander (group, _("Copies and Encryption"),
                _("Offline or immutable copy, off-site location, encryption"),
                copy_fields, G_N_ELEMENTS (copy_fields), store, policy);
  add_expander (group, _("Restore Tests and Monitoring"),
                _("How restores are proved, how failures are caught"),
                restore_fields, G_N_ELEMENTS (restore_fields), store, policy);

  cs_field_editor_add_bound (group,
                             cs_text_row_new (_("Contract reference"), "reference"),
                             store, policy);

  return group;
}

static void
clear_policies (CsBackupPage *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->groups);
  g_hash_table_remove_all (self->asset_rows);
  g_hash_table_remove_all (self->frequency_rows);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->policies_box))) != NULL)
    gtk_box_remove (self->policies_box, child);
}

static void
rebuild (CsBackupPage *self)
{
  g_autoptr(GPtrArray) policies = NULL;
  gboolean has_offer = cs_page_offer (self) != NULL;
  gboolean writable = cs_page_is_writable (self);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  clear_policies (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.add-policy", has_offer && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.delete-policy", has_offer && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.move-up", has_offer && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.move-down", has_offer && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.choose-assets", has_offer);

  if (!has_offer || cs_store_is_closed (cs_page_store (self)))
    return;

  policies = get_policies (self);
  for (guint i = 0; i < policies->len; i++)
    gtk_box_append (self->policies_box,
                    create_policy_group (self, g_ptr_array_index (policies, i), i,
                                         policies->len));

  gtk_widget_set_visible (self->empty_row, policies->len == 0);

  update_report (self);
}

/* store callbacks */

static gboolean
is_our_scope (CsBackupPage *self,
              CsRecord     *record)
{
  gint64 policy_id;

  if (!CS_IS_BACKUP_SCOPE (record))
    return FALSE;

  policy_id = cs_record_get_parent_id (record);
  return g_hash_table_contains (self->groups, &policy_id);
}

static void
on_record_added_or_removed_cb (CsStore      *store,
                               CsRecord     *record,
                               CsBackupPage *self)
{
  if (is_our_policy (self, record))
    rebuild (self);
  else if (cs_page_offer (self) != NULL && (is_our_scope (self, record) || CS_IS_ASSET (record) ||
                                   CS_IS_RESPONSIBILITY (record)))
    schedule_report (self);
}

static void
on_record_changed_cb (CsStore      *store,
                      CsRecord     *record,
                      const char   *column,
                      CsBackupPage *self)
{
  if (is_our_policy (self, record))
    {
      if (g_strcmp0 (column, "position") == 0)
        schedule_rebuild (self);
      else
        schedule_report (self);
    }
  else if (cs_page_offer (self) != NULL && CS_IS_ASSET (record))
    {
      schedule_report (self);
    }
}

static void
on_reloaded_cb (CsStore      *store,
                CsBackupPage *self)
{
  rebuild (self);
}

/* actions */

static void
focus_policy (CsBackupPage *self,
              gint64        policy_id,
              const char   *field)
{
  if (!cs_field_editors_focus (GTK_WIDGET (self->policies_box), "backup_policy", policy_id, field))
    gtk_widget_grab_focus (GTK_WIDGET (self->policies_box));
}

static void
cs_backup_page_add_policy_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CsBackupPage *self = CS_BACKUP_PAGE (widget);
  g_autoptr(CsRecord) policy = NULL;
  g_autoptr(GError) error = NULL;

  if (cs_page_offer (self) == NULL || !cs_page_is_writable (self))
    return;

  policy = g_object_new (CS_TYPE_BACKUP_POLICY,
                         "offer-id", cs_page_offer_id (self),
                         NULL);
  if (!cs_store_add (cs_page_store (self), policy, &error))
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      return;
    }

  /* Rebuilt by "record-added": go to the new policy's name. */
  focus_policy (self, cs_record_get_id (policy), "name");
}

static CsRecord *
find_our_policy (CsBackupPage *self,
                 GVariant     *parameter)
{
  CsRecord *policy = cs_store_find (cs_page_store (self), CS_TYPE_BACKUP_POLICY,
                                    g_variant_get_int64 (parameter));

  return policy != NULL && is_our_policy (self, policy) ? policy : NULL;
}

static void
cs_backup_page_delete_policy_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CsBackupPage *self = CS_BACKUP_PAGE (widget);
  g_autoptr(CsDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  CsRecord *policy;

  if (!cs_page_is_writable (self) || (policy = find_our_policy (self, parameter)) == NULL)
    return;

  /* Translators: toast after deleting a backup policy; %s is its name */
  title = g_markup_printf_escaped (_("“%s” deleted"), get_policy_name (policy));
  deletion = cs_store_delete (cs_page_store (self), policy, &error);
  if (deletion == NULL)
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      return;
    }

  cs_section_page_show_deleted (CS_SECTION_PAGE (self), &deletion, 1, title);
}

static gboolean
renumber_policies (CsStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  return cs_store_renumber (store, user_data, 1, error);
}

static void
move_policy (CsBackupPage *self,
             GVariant     *parameter,
             int           delta)
{
  g_autoptr(GPtrArray) policies = NULL;
  g_autoptr(GError) error = NULL;
  CsRecord *policy;
  guint index = 0;
  int target;

  if (!cs_page_is_writable (self) || (policy = find_our_policy (self, parameter)) == NULL)
    return;

  policies = get_policies (self);
  if (!g_ptr_array_find (policies, policy, &index))
    return;

  target = (int) index + delta;
  if (target < 0 || target >= (int) policies->len)
    return;

  /* Swap, then number every policy 1…n: equal positions cannot swap by themselves. */
  policies->pdata[index] = policies->pdata[target];
  policies->pdata[target] = policy;
  if (!cs_store_batch (cs_page_store (self), renumber_policies, policies, &error))
    cs_section_page_show_error (CS_SECTION_PAGE (self), error);

  rebuild (self);

  {
    gint64 id = cs_record_get_id (policy);
    GtkWidget *group = g_hash_table_lookup (self->groups, &id);

    if (group != NULL)
      gtk_widget_grab_focus (group);
  }
}

static void
cs_backup_page_move_up_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  move_policy (CS_BACKUP_PAGE (widget), parameter, -1);
}

static void
cs_backup_page_move_down_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  move_policy (CS_BACKUP_PAGE (widget), parameter, +1);
}

static void
cs_backup_page_choose_assets_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CsBackupPage *self = CS_BACKUP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CsRecord *policy;
  GtkWidget *dialog;

  if (cs_page_offer (self) == NULL || (policy = find_our_policy (self, parameter)) == NULL)
    return;

  dialog = cs_backup_scope_dialog_new (cs_page_store (self), CS_BACKUP_POLICY (policy));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* CsSectionPage */

static gboolean
cs_backup_page_focus_target (CsSectionPage *page,
                             const char    *table,
                             gint64         record_id,
                             const char    *field)
{
  CsBackupPage *self = CS_BACKUP_PAGE (page);

  if (g_strcmp0 (table, "backup_policy") == 0 && record_id != 0 && field == NULL)
    field = "name";

  if (table != NULL && cs_field_editors_focus (GTK_WIDGET (self->policies_box), table, record_id,
                                               field))
    return TRUE;

  /* A critical asset in no policy: the first policy's asset chooser, or Add Policy. */
  if (g_strcmp0 (table, "asset") == 0 || g_strcmp0 (table, "backup_policy") == 0)
    {
      g_autoptr(GPtrArray) policies = get_policies (self);

      if (policies->len > 0 && g_strcmp0 (table, "asset") == 0)
        {
          gint64 id = cs_record_get_id (g_ptr_array_index (policies, 0));
          GtkWidget *row = g_hash_table_lookup (self->asset_rows, &id);

          if (row != NULL && gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD))
            return TRUE;
        }

      return gtk_widget_child_focus (GTK_WIDGET (self->policies_group), GTK_DIR_TAB_FORWARD);
    }

  return gtk_widget_child_focus (cs_section_page_get_flags_group (page), GTK_DIR_TAB_FORWARD) ||
         gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* GObject vfuncs */

static void
cs_backup_page_offer_changed (CsSectionPage *page)
{
  CsBackupPage *self = CS_BACKUP_PAGE (page);

  rebuild (self);
}

static void
cs_backup_page_constructed (GObject *object)
{
  CsBackupPage *self = CS_BACKUP_PAGE (object);

  G_OBJECT_CLASS (cs_backup_page_parent_class)->constructed (object);

  g_signal_connect_object (cs_page_store (self), "record-added",
                           G_CALLBACK (on_record_added_or_removed_cb), self, 0);
  g_signal_connect_object (cs_page_store (self), "record-removed",
                           G_CALLBACK (on_record_added_or_removed_cb), self, 0);
  g_signal_connect_object (cs_page_store (self), "record-changed",
                           G_CALLBACK (on_record_changed_cb), self, 0);
  g_signal_connect_object (cs_page_store (self), "reloaded", G_CALLBACK (on_reloaded_cb), self, 0);

  rebuild (self);
}

static void
cs_backup_page_dispose (GObject *object)
{
  CsBackupPage *self = CS_BACKUP_PAGE (object);

  g_clear_handle_id (&self->report_id, g_source_remove);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->groups != NULL)
    {
      g_hash_table_remove_all (self->groups);
      g_hash_table_remove_all (self->asset_rows);
      g_hash_table_remove_all (self->frequency_rows);
    }
  self->empty_row = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_BACKUP_PAGE);

  G_OBJECT_CLASS (cs_backup_page_parent_class)->dispose (object);
}

static void
cs_backup_page_finalize (GObject *object)
{
  CsBackupPage *self = CS_BACKUP_PAGE (object);

  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->asset_rows, g_hash_table_unref);
  g_clear_pointer (&self->frequency_rows, g_hash_table_unref);
  g_free (self->unprotected_key);

  G_OBJECT_CLASS (cs_backup_page_parent_class)->finalize (object);
}

static void
cs_backup_page_class_init (CsBackupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsSectionPageClass *page_class = CS_SECTION_PAGE_CLASS (klass);

  object_class->constructed = cs_backup_page_constructed;
  object_class->dispose = cs_backup_page_dispose;
  object_class->finalize = cs_backup_page_finalize;
  page_class->offer_changed = cs_backup_page_offer_changed;
  page_class->focus_target = cs_backup_page_focus_target;

  cs_section_page_class_set_section (page_class, CS_SECTION_BACKUP, CS_SECTION_PAGE_LAYOUT_FORM,
                                     N_("Select an offer to record its backup policies."),
                                     N_("Add the incumbent contract or a provider’s proposal to "
                                        "record how it backs up and restores the client’s data."));
  /* Translators: page heading; %s is the provider of the offer */

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-backup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsBackupPage, unprotected_group);
  gtk_widget_class_bind_template_child (widget_class, CsBackupPage, unprotected_list);
  gtk_widget_class_bind_template_child (widget_class, CsBackupPage, policies_group);
  gtk_widget_class_bind_template_child (widget_class, CsBackupPage, policies_box);

  gtk_widget_class_install_action (widget_class, "backup.add-policy", NULL,
                                   cs_backup_page_add_policy_action);
  gtk_widget_class_install_action (widget_class, "backup.delete-policy", "x",
                                   cs_backup_page_delete_policy_action);
  gtk_widget_class_install_action (widget_class, "backup.move-up", "x",
                                   cs_backup_page_move_up_action);
  gtk_widget_class_install_action (widget_class, "backup.move-down", "x",
                                   cs_backup_page_move_down_action);
  gtk_widget_class_install_action (widget_class, "backup.choose-assets", "x",
                                   cs_backup_page_choose_assets_action);
}

static void
cs_backup_page_init (CsBackupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->asset_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->frequency_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _("No backup policy recorded"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->empty_row),
                               _("Add one for each kind of backup the offer commits to"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (self->policies_group, self->empty_row);

}
