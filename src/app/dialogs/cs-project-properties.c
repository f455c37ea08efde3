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
#include "cs-construct-property.h"
#include "cs-currency-row.h"
#include "cs-long-text-row.h"
#include "cs-number-row.h"
#include "cs-text-row.h"

/**
 * CsProjectProperties:
 *
 * Edits the project record: client name, sector, regulated flag, number of users,
 * consultant, currency and notes, with the field editors of every page (#CsFieldEditor):
 * each change goes to the project file as the editors commit it (Enter, leaving the field, a
 * pause in typing, or closing the window); a change the store refuses is shown in a toast
 * and the field shows the value on disk again.
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
  GtkSwitch            *regulated_switch;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsProjectProperties, cs_project_properties, ADW_TYPE_PREFERENCES_WINDOW)

static GParamSpec *properties[N_PROPS];

static void
sync_regulated (CsProjectProperties *self)
{
  self->syncing = TRUE;
  gtk_switch_set_active (self->regulated_switch,
                         cs_record_get_boolean (CS_RECORD (self->project), "regulated"));
  self->syncing = FALSE;
}

static void
show_error (CsProjectProperties *self,
            const GError        *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);

  sync_regulated (self);
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
    show_error (self, error);
}

static void
on_regulated_notify_cb (CsProject           *project,
                        GParamSpec          *pspec,
                        CsProjectProperties *self)
{
  sync_regulated (self);
}

/* GtkWindow vfuncs */

static gboolean
cs_project_properties_close_request (GtkWindow *window)
{
  CsProjectProperties *self = CS_PROJECT_PROPERTIES (window);

  /* What is being typed is committed before the window goes. */
  if (self->store != NULL && !cs_store_is_closed (self->store))
    cs_field_editors_bind (GTK_WIDGET (self), self->store, NULL);

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
  cs_field_editors_bind (GTK_WIDGET (self), self->store, CS_RECORD (self->project));
  sync_regulated (self);
  g_signal_connect_object (self->project, "notify::regulated",
                           G_CALLBACK (on_regulated_notify_cb), self, 0);

  writable = !cs_store_is_read_only (self->store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->regulated_switch), writable);
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
cs_project_properties_class_init (CsProjectPropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cs_project_properties_constructed;
  object_class->dispose = cs_project_properties_dispose;
  object_class->get_property = cs_construct_property_get;
  object_class->set_property = cs_construct_property_set;

  window_class->close_request = cs_project_properties_close_request;

  /**
   * CsProjectProperties:store:
   *
   * The project whose properties are edited.
   */
  properties[PROP_STORE] =
    cs_param_spec_construct_object ("store", CS_TYPE_STORE,
                                    G_STRUCT_OFFSET (CsProjectProperties, store));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CS_TYPE_TEXT_ROW);
  g_type_ensure (CS_TYPE_CURRENCY_ROW);
  g_type_ensure (CS_TYPE_NUMBER_ROW);
  g_type_ensure (CS_TYPE_LONG_TEXT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-project-properties.ui");
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, client_group);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, engagement_group);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, notes_group);
  gtk_widget_class_bind_template_child (widget_class, CsProjectProperties, regulated_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_regulated_switch_active_cb);
}

static void
cs_project_properties_init (CsProjectProperties *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
