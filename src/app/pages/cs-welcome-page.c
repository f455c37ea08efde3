/* cs-welcome-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-welcome-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-welcome-page.h"
#include "cs-labels.h"

/* The welcome page shows at most this many recent projects. */
#define MAX_RECENT 8

/**
 * CsWelcomePage:
 *
 * What a window shows while no project is open: the buttons to create a project, open one
 * or open the demo project, and the recent projects that still exist.
 */
struct _CsWelcomePage
{
  AdwBin                parent_instance;

  GtkRecentManager     *recent_manager;
  guint                 n_recent;

  /* template children */
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
};

G_DEFINE_FINAL_TYPE (CsWelcomePage, cs_welcome_page, ADW_TYPE_BIN)

static gboolean
is_project (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  const char *mime_type = gtk_recent_info_get_mime_type (info);

  if (!g_str_has_prefix (uri, "file:"))
    return FALSE;

  return g_strcmp0 (mime_type, CS_PROJECT_MIME_TYPE) == 0 ||
         g_str_has_suffix (uri, CS_PROJECT_SUFFIX);
}

static int
compare_recent_infos (gconstpointer a,
                      gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;
  GDateTime *time_a = gtk_recent_info_get_modified (info_a);
  GDateTime *time_b = gtk_recent_info_get_modified (info_b);

  if (time_a == NULL || time_b == NULL)
    return (time_a == NULL) - (time_b == NULL);

  return g_date_time_compare (time_b, time_a);
}

static GtkWidget *
create_recent_row (GtkRecentInfo *info,
                   const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row;
  GtkWidget *arrow;

  if (g_str_has_suffix (basename, CS_PROJECT_SUFFIX))
    basename[strlen (basename) - strlen (CS_PROJECT_SUFFIX)] = '\0';
  title = g_markup_escape_text (basename, -1);

  if (parent != NULL)
    {
      g_autofree char *parent_path = g_file_get_path (parent);
      const char *home = g_get_home_dir ();

      /* Show the folder the way people say it: ~/Documents rather than /home/me/Documents. */
      if (parent_path != NULL && g_str_has_prefix (parent_path, home))
        folder = g_strconcat ("~", parent_path + strlen (home), NULL);
      else
        folder = g_strdup (parent_path);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (folder != NULL)
    {
      g_autofree char *subtitle = g_markup_escape_text (folder, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-file");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
  gtk_widget_set_tooltip_text (row, path);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  /* Translators: accessible name of a recent project row; %s is the project's file name */
  label = g_strdup_printf (_("Open %s"), basename);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return row;
}

static void
on_recent_manager_changed_cb (GtkRecentManager *manager,
                              CsWelcomePage    *self)
{
  cs_welcome_page_reload_recent (self);
}

/* GObject vfuncs */

static void
cs_welcome_page_dispose (GObject *object)
{
  CsWelcomePage *self = CS_WELCOME_PAGE (object);

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  self->recent_manager = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (cs_welcome_page_parent_class)->dispose (object);
}

static void
cs_welcome_page_class_init (CsWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, CsWelcomePage, recent_list);
}

static void
cs_welcome_page_init (CsWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The default manager lives as long as the process. */
  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect (self->recent_manager, "changed",
                    G_CALLBACK (on_recent_manager_changed_cb), self);

  cs_welcome_page_reload_recent (self);
}

/* public API */

/**
 * cs_welcome_page_new:
 *
 * Returns: (transfer floating): a new #CsWelcomePage
 */
GtkWidget *
cs_welcome_page_new (void)
{
  return g_object_new (CS_TYPE_WELCOME_PAGE, NULL);
}

/**
 * cs_welcome_page_get_n_recent:
 * @self: a #CsWelcomePage
 *
 * Returns: the number of recent projects listed
 */
guint
cs_welcome_page_get_n_recent (CsWelcomePage *self)
{
  g_return_val_if_fail (CS_IS_WELCOME_PAGE (self), 0);

  return self->n_recent;
}

/**
 * cs_welcome_page_reload_recent:
 * @self: a #CsWelcomePage
 *
 * Lists again the recent projects, newest first, leaving out files that no longer exist.
 */
void
cs_welcome_page_reload_recent (CsWelcomePage *self)
{
  g_autoptr(GPtrArray) infos = NULL;
  GList *items;
  GtkWidget *child;

  g_return_if_fail (CS_IS_WELCOME_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  self->n_recent = 0;

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  items = gtk_recent_manager_get_items (self->recent_manager);
  for (GList *l = items; l != NULL; l = l->next)
    {
      if (is_project (l->data))
        g_ptr_array_add (infos, gtk_recent_info_ref (l->data));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (infos, compare_recent_infos);

  for (guint i = 0; i < infos->len && self->n_recent < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      g_autofree char *path = g_filename_from_uri (gtk_recent_info_get_uri (info), NULL, NULL);

      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      gtk_list_box_append (self->recent_list, create_recent_row (info, path));
      self->n_recent++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), self->n_recent > 0);
}
