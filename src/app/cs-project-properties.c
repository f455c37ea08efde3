/* cs-project-properties.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-project-properties"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-project-properties.h"

/**
 * CsProjectProperties:
 *
 * Edits the project record: client name, sector, regulated flag, number of users,
 * consultant, currency and notes. Each change goes to the project file at once through the
 * store (text rows when their change is applied, the notes when the text loses focus or the
 * window closes); a change the store refuses is shown in a toast and the field shows the
 * value on disk again.
 */
struct _CsProjectProperties
{
  AdwPreferencesWindow  parent_instance;

  CsStore              *store;
  CsProject            *project;
  gboolean              syncing;

  /* template children */
  AdwPreferencesGroup  *client_group;
  AdwPreferencesGroup  *engagement_group;
  AdwPreferencesGroup  *notes_group;
  AdwEntryRow          *client_name_row;
  AdwEntryRow          *sector_row;
  AdwEntryRow          *consultant_row;
  AdwEntryRow          *currency_row;
  GtkSwitch            *regulated_switch;
  GtkSpinButton        *users_spin;
  GtkTextView          *notes_view;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsProjectProperties, cs_project_properties, ADW_TYPE_PREFERENCES_WINDOW)

static GParamSpec *properties[N_PROPS];

static const char *
get_row_column (AdwEntryRow *row)
{
  return g_object_get_data (G_OBJECT (row), "cs-column");
}

static AdwEntryRow *
find_row_for_column (CsProjectProperties *self,
                     const char          *column)
{
  AdwEntryRow *rows[] = {
    self->client_name_row, self->sector_row, self->consultant_row, self->currency_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (g_str_equal (get_row_column (rows[i]), column))
        return rows[i];
    }

  return NULL;
}

static const char *
get_string (CsRecord   *record,
            const char *column)
{
  const char *value = cs_record_get_string (record, column);

  return value != NULL ? value : "";
}

static char *
get_notes_text (CsProjectProperties *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows the value on disk of @column (all of them when %NULL). */
static void
sync_from_project (CsProjectProperties *self,
                   const char          *column)
{
  CsRecord *record = CS_RECORD (self->project);
  AdwEntryRow *row;

  self->syncing = TRUE;

  if (column != NULL && (row = find_row_for_column (self, column)) != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), get_string (record, column));
    }
  else if (column == NULL)
    {
      AdwEntryRow *rows[] = {
        self->client_name_row, self->sector_row, self->consultant_row, self->currency_row,
      };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        gtk_editable_set_text (GTK_EDITABLE (rows[i]),
                               get_string (record, get_row_column (rows[i])));
    }

  if (column == NULL || g_str_equal (column, "regulated"))
    gtk_switch_set_active (self->regulated_switch, cs_record_get_boolean (record, "regulated"));

  if (column == NULL || g_str_equal (column, "users"))
    gtk_spin_button_set_value (self->users_spin, cs_record_get_int (record, "users"));

  if (column == NULL || g_str_equal (column, "notes"))
    {
      g_autofree char *current = get_notes_text (self);
      const char *notes = get_string (record, "notes");

      if (g_strcmp0 (current, notes) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes, -1);
    }

  self->syncing = FALSE;
}

static void
show_error (CsProjectProperties *self,
            const GError        *error,
            const char          *column)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);

  sync_from_project (self, column);
}

static void
commit_notes (CsProjectProperties *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->store == NULL || cs_store_is_closed (self->store) || cs_store_is_read_only (self->store))
    return;

  text = get_notes_text (self);
  if (g_strcmp0 (text, get_string (CS_RECORD (self->project), "notes")) == 0)
    return;

  if (!cs_store_set_string (self->store, CS_RECORD (self->project), "notes", text, &error))
    show_error (self, error, "notes");
}

static void
on_entry_row_apply_cb (AdwEntryRow         *row,
                       CsProjectProperties *self)
{
  const char *column = get_row_column (row);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert (column != NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (g_strcmp0 (text, get_string (CS_RECORD (self->project), column)) == 0)
    {
      sync_from_project (self, column);
      return;
    }

  if (!cs_store_set_string (self->store, CS_RECORD (self->project), column, text, &error))
    show_error (self, error, column);
}

static void
on_regulated_switch_active_cb (GtkSwitch           *sw,
                               GParamSpec          *pspec,
                               CsProjectProperties *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (sw);

  if (self->syncing || self->project == NULL ||
      active == cs_record_get_boolean (CS_RECORD (self->project), "regulated"))
    return;

  if (!cs_store_set_boolean (self->store, CS_RECORD (self->project), "regulated", active, &error))
    show_error (self, error, "regulated");
}

static void
on_users_spin_value_changed_cb (GtkSpinButton       *spin,
                                CsProjectProperties *self)
{
  g_autoptr(GError) error = NULL;
  gint64 users = gtk_spin_button_get_value_as_int (spin);

  if (self->syncing || self->project == NULL ||
      users == cs_record_get_int (CS_RECORD (self->project), "users"))
    return;

  if (!cs_store_set_int (self->store, CS_RECORD (self->project), "users", users, &error))
    show_error (self, error, "users");
}

static void
on_notes_focus_leave_cb (GtkEventControllerFocus *controller,
                         CsProjectProperties     *self)
{
  commit_notes (self);
}

static void
on_project_notify_cb (CsProject           *project,
                      GParamSpec          *pspec,
                      CsProjectProperties *self)
{
  g_autofree char *column = g_strdelimit (g_strdup (pspec->name), "-", '_');

  sync_from_project (self, column);
}

/* GtkWindow vfuncs */

static gboolean
cs_project_properties_close_request (GtkWindow *window)
{
  commit_notes (CS_PROJECT_PROPERTIES (window));

  return GTK_WINDOW_CLASS (cs_project_properties_parent_class)->close_request (window);
}

/* GObject vfuncs */

static void
cs_project_properties_constructed (GObject *object)
{
  CsProjectProperties *self = CS_PROJECT_PROPERTIES (object);
  gboolean writable;

  G_OBJECT_CLASS (cs_project_properties_parent_class)->constructed (object);

  g_assert (CS_IS_STORE (self->store));

  self->project = g_object_ref (cs_store_get_project (self->store));
  sync_from_project (self, NULL);
  g_signal_connect_object (self->project, "notify", G_CALLBACK (on_project_notify_cb), self, 0);

  writable = !cs_store_is_read_only (self->store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->client_name_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sector_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->consultant_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->currency_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->regulated_switch), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->users_spin), writable);
  gtk_text_view_set_editable (self->notes_view, writable);
  if (!writable)
    adw_preferences_group_set_description (self->client_group,
                                           _("This project is open read-only: its properties "
                                             "can be read but not changed."));
}

static void
cs_project_properties_dispose (GObject *object)
{
  CsProjectProperties *self = CS_PROJECT_PROPERTIES (object);

  g_clear_object (&self->project);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_PROJECT_PROPERTIES);

  G_OBJECT_CLASS (cs_project_properties_parent_class)->dispose (object);
}

static void
cs_project_properties_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CsProjectProperties *self = CS_PROJECT_PROPERTIES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_project_properties_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CsProjectProperties *self = CS_PROJECT_PROPERTIES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_project_properties_class_init (CsProjectPropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cs_project_properties_constructed;
  object_class->dispose = cs_project_properties_dispose;
  object_class->get_property = cs_project_properties_get_property;
  object_class->set_property = cs_project_properties_set_property;

  window_class->close_request = cs_project_properties_close_request;

  /**
   * CsProjectProperties:store:
   *
   * The project whose properties are edited.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-project-properties.ui");
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, client_group);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, engagement_group);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, notes_group);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, client_name_row);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, sector_row);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, consultant_row);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, currency_row);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, regulated_switch);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, users_spin);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_regulated_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_users_spin_value_changed_cb);
}

static void
cs_project_properties_init (CsProjectProperties *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self->client_name_row), "cs-column", (gpointer) "client_name");
  g_object_set_data (G_OBJECT (self->sector_row), "cs-column", (gpointer) "sector");
  g_object_set_data (G_OBJECT (self->consultant_row), "cs-column", (gpointer) "consultant");
  g_object_set_data (G_OBJECT (self->currency_row), "cs-column", (gpointer) "currency");

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_notes_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
}

/* public API */

/**
 * cs_project_properties_new:
 * @store: an open project
 *
 * Returns: (transfer none): a new #CsProjectProperties window, not yet shown
 */
CsProjectProperties *
cs_project_properties_new (CsStore *store)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  return g_object_new (CS_TYPE_PROJECT_PROPERTIES, "store", store, NULL);
}

/**
 * cs_project_properties_get_store:
 * @self: a #CsProjectProperties
 *
 * Returns: (transfer none): the project
 */
CsStore *
cs_project_properties_get_store (CsProjectProperties *self)
{
  g_return_val_if_fail (CS_IS_PROJECT_PROPERTIES (self), NULL);

  return self->store;
}
