/* cs-new-project-dialog.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-new-project-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-new-project-dialog.h"
#include "cs-dialog-helpers.h"
#include "cs-labels.h"

/* Room for " 10000" and the suffix within the 255 bytes most file systems allow. */
#define MAX_BASE_LENGTH 200
#define MAX_ATTEMPTS    10000

/**
 * CsNewProjectDialog:
 *
 * Asks the client name of a new project and shows where it will be saved: a folder (the
 * documents folder by default, or another one picked with "Change…") and a file name made
 * from the client name, one that names no existing file. Its "create" response is enabled
 * once the name is not blank; the caller then creates the project at
 * cs_new_project_dialog_get_file(). No file chooser is needed to create a project.
 */
struct _CsNewProjectDialog
{
  AdwMessageDialog      parent_instance;

  GFile                *folder;
  char                 *file_name;
  GtkFileChooserNative *chooser;

  /* template children */
  GtkEntry             *client_entry;
  AdwActionRow         *folder_row;
  AdwActionRow         *file_row;
};

enum {
  PROP_0,
  PROP_CLIENT_NAME,
  PROP_FOLDER,
  PROP_FILE_NAME,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsNewProjectDialog, cs_new_project_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GParamSpec *properties[N_PROPS];

static GFile *
get_default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

static gboolean
is_refused_in_file_names (gunichar c)
{
  /* Not only '/': also what FAT and NTFS refuse, so that the file survives a copy to a USB
   * key or a Windows share. */
  return c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
         c == '<' || c == '>' || c == '|' || g_unichar_iscntrl (c);
}

/* The client name made fit for a file name, without the suffix. */
static char *
make_base_name (const char *client_name)
{
  g_autofree char *valid = g_utf8_make_valid (client_name, -1);
  GString *base = g_string_new (NULL);
  gsize start = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_refused_in_file_names (c))
        g_string_append_c (base, '-');
      else
        g_string_append_unichar (base, c);
    }

  if (base->len > MAX_BASE_LENGTH)
    {
      const char *end = g_utf8_find_prev_char (base->str, base->str + MAX_BASE_LENGTH + 1);

      g_string_truncate (base, end - base->str);
    }

  /* No hidden file (leading dot), and no trailing dot or space, which Windows drops. */
  while (start < base->len && (base->str[start] == '.' || g_ascii_isspace (base->str[start])))
    start++;
  g_string_erase (base, 0, start);
  while (base->len > 0 &&
         (base->str[base->len - 1] == '.' || g_ascii_isspace (base->str[base->len - 1])))
    g_string_truncate (base, base->len - 1);

  if (base->len == 0)
    /* Translators: the file name of a new project whose client name cannot name a file */
    g_string_assign (base, _("Project"));

  return g_string_free (base, FALSE);
}

/* The first of "Client.contractscope", "Client 2.contractscope" … that names no file, with
 * its name in UTF-8 when @display_name is given. */
static GFile *
find_free_file (GFile       *folder,
                const char  *client_name,
                char       **display_name)
{
  g_autofree char *base = make_base_name (client_name);

  for (guint i = 1; i <= MAX_ATTEMPTS; i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autofree char *name = NULL;

      if (i == 1)
        name = g_strconcat (base, CS_PROJECT_SUFFIX, NULL);
      else
        name = g_strdup_printf ("%s %u%s", base, i, CS_PROJECT_SUFFIX);

      file = g_file_get_child_for_display_name (folder, name, NULL);
      if (file != NULL && !g_file_query_exists (file, NULL))
        {
          if (display_name != NULL)
            *display_name = g_steal_pointer (&name);
          return g_steal_pointer (&file);
        }
    }

  return NULL;
}

static char *
dup_stripped_client_name (CsNewProjectDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_entry))));
}

/* The folder as people read it: "~/Documents" rather than "/home/ada/Documents". */
static char *
get_folder_display_name (GFile *folder)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (g_file_equal (folder, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, folder);
  if (relative != NULL)
    {
      g_autofree char *display = g_filename_display_name (relative);

      return g_build_filename ("~", display, NULL);
    }

  return g_file_get_parse_name (folder);
}

static void
update_file_name (CsNewProjectDialog *self)
{
  g_autofree char *client_name = dup_stripped_client_name (self);
  g_autofree char *file_name = NULL;
  g_autoptr(GFile) file = NULL;

  if (client_name[0] != '\0')
    file = find_free_file (self->folder, client_name, &file_name);
  if (file_name == NULL)
    file_name = g_strdup ("");

  adw_action_row_set_subtitle (self->file_row,
                               file_name[0] != '\0' ? file_name : _("Named after the client"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->file_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, file_name,
                                  -1);

  if (g_strcmp0 (file_name, self->file_name) == 0)
    return;

  g_free (self->file_name);
  self->file_name = g_steal_pointer (&file_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

static void
update_folder_row (CsNewProjectDialog *self)
{
  g_autofree char *display = get_folder_display_name (self->folder);

  adw_action_row_set_subtitle (self->folder_row, display);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->folder_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, display,
                                  -1);
}

/* callbacks */

static void
on_client_entry_changed_cb (GtkEntry           *entry,
                            CsNewProjectDialog *self)
{
  g_autofree char *name = dup_stripped_client_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", name[0] != '\0');
  update_file_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_NAME]);
}

static void
on_chooser_response_cb (GtkNativeDialog    *chooser,
                        int                 response,
                        CsNewProjectDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        cs_new_project_dialog_set_folder (self, folder);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
on_change_button_clicked_cb (GtkButton          *button,
                             CsNewProjectDialog *self)
{
  if (self->chooser != NULL)
    return;

  self->chooser = cs_file_chooser_new (GTK_WINDOW (self), _("Choose a Folder for the Project"),
                                       GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"));
  /* A folder that vanished meanwhile is no reason to fail: the chooser starts elsewhere. */
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), self->folder, NULL);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GtkWidget vfuncs */

static void
cs_new_project_dialog_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cs_new_project_dialog_parent_class)->map (widget);

  /* Files may have appeared since the name was chosen. */
  update_file_name (CS_NEW_PROJECT_DIALOG (widget));
}

/* GObject vfuncs */

static void
cs_new_project_dialog_dispose (GObject *object)
{
  CsNewProjectDialog *self = CS_NEW_PROJECT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->folder);

  gtk_widget_dispose_template (GTK_WIDGET (object), CS_TYPE_NEW_PROJECT_DIALOG);

  G_OBJECT_CLASS (cs_new_project_dialog_parent_class)->dispose (object);
}

static void
cs_new_project_dialog_finalize (GObject *object)
{
  CsNewProjectDialog *self = CS_NEW_PROJECT_DIALOG (object);

  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (cs_new_project_dialog_parent_class)->finalize (object);
}

static void
cs_new_project_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CsNewProjectDialog *self = CS_NEW_PROJECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT_NAME:
      g_value_set_string (value, cs_new_project_dialog_get_client_name (self));
      break;

    case PROP_FOLDER:
      g_value_set_object (value, cs_new_project_dialog_get_folder (self));
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, cs_new_project_dialog_get_file_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_new_project_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CsNewProjectDialog *self = CS_NEW_PROJECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT_NAME:
      cs_new_project_dialog_set_client_name (self, g_value_get_string (value));
      break;

    case PROP_FOLDER:
      cs_new_project_dialog_set_folder (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_new_project_dialog_class_init (CsNewProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_new_project_dialog_dispose;
  object_class->finalize = cs_new_project_dialog_finalize;
  object_class->get_property = cs_new_project_dialog_get_property;
  object_class->set_property = cs_new_project_dialog_set_property;

  widget_class->map = cs_new_project_dialog_map;

  /**
   * CsNewProjectDialog:client-name:
   *
   * The client name typed.
   */
  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsNewProjectDialog:folder:
   *
   * The folder the project is saved in. Setting %NULL restores the default: the documents
   * folder, or the home folder when there is none.
   */
  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsNewProjectDialog:file-name:
   *
   * The name of the project file, for display: made from the client name, and naming no
   * file that exists in #CsNewProjectDialog:folder.
   */
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-new-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsNewProjectDialog, client_entry);
  gtk_widget_class_bind_template_child (widget_class, CsNewProjectDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, CsNewProjectDialog, file_row);
  gtk_widget_class_bind_template_callback (widget_class, on_client_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_button_clicked_cb);
}

static void
cs_new_project_dialog_init (CsNewProjectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->folder = get_default_folder ();
  update_folder_row (self);
  update_file_name (self);
}

/* public API */

/**
 * cs_new_project_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 *
 * Returns: (transfer none): a new #CsNewProjectDialog, not yet shown
 */
CsNewProjectDialog *
cs_new_project_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CS_TYPE_NEW_PROJECT_DIALOG, "transient-for", parent, NULL);
}

/**
 * cs_new_project_dialog_get_client_name:
 * @self: a #CsNewProjectDialog
 *
 * Returns: the client name as typed
 */
const char *
cs_new_project_dialog_get_client_name (CsNewProjectDialog *self)
{
  g_return_val_if_fail (CS_IS_NEW_PROJECT_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->client_entry));
}

/**
 * cs_new_project_dialog_set_client_name:
 * @self: a #CsNewProjectDialog
 * @client_name: (nullable): a client name
 *
 * Fills in the client name.
 */
void
cs_new_project_dialog_set_client_name (CsNewProjectDialog *self,
                                       const char         *client_name)
{
  g_return_if_fail (CS_IS_NEW_PROJECT_DIALOG (self));

  if (g_strcmp0 (client_name, cs_new_project_dialog_get_client_name (self)) == 0)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->client_entry),
                         client_name != NULL ? client_name : "");
}

/**
 * cs_new_project_dialog_get_folder:
 * @self: a #CsNewProjectDialog
 *
 * Returns: (transfer none): the folder the project is saved in
 */
GFile *
cs_new_project_dialog_get_folder (CsNewProjectDialog *self)
{
  g_return_val_if_fail (CS_IS_NEW_PROJECT_DIALOG (self), NULL);

  return self->folder;
}

/**
 * cs_new_project_dialog_set_folder:
 * @self: a #CsNewProjectDialog
 * @folder: (nullable): a folder, or %NULL for the default one
 *
 * Sets the folder the project is saved in, as "Change…" does.
 */
void
cs_new_project_dialog_set_folder (CsNewProjectDialog *self,
                                  GFile              *folder)
{
  g_autoptr(GFile) new_folder = NULL;

  g_return_if_fail (CS_IS_NEW_PROJECT_DIALOG (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  new_folder = folder != NULL ? g_object_ref (folder) : get_default_folder ();
  if (g_file_equal (new_folder, self->folder))
    return;

  g_set_object (&self->folder, new_folder);
  update_folder_row (self);
  update_file_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
}

/**
 * cs_new_project_dialog_get_file_name:
 * @self: a #CsNewProjectDialog
 *
 * Gets the name of the project file as shown, such as `Acme.contractscope`, or
 * `Acme 2.contractscope` when the first exists; empty while the client name is blank.
 *
 * Returns: the file name, in UTF-8
 */
const char *
cs_new_project_dialog_get_file_name (CsNewProjectDialog *self)
{
  g_return_val_if_fail (CS_IS_NEW_PROJECT_DIALOG (self), NULL);

  return self->file_name;
}

/**
 * cs_new_project_dialog_get_file:
 * @self: a #CsNewProjectDialog
 *
 * Finds the file to create the project in: in #CsNewProjectDialog:folder, named after the
 * client, and naming no file that exists now (which may differ from the name shown if a file
 * appeared meanwhile).
 *
 * Returns: (transfer full) (nullable): the file, or %NULL when the client name is blank or
 *   no free name was found
 */
GFile *
cs_new_project_dialog_get_file (CsNewProjectDialog *self)
{
  g_autofree char *client_name = NULL;

  g_return_val_if_fail (CS_IS_NEW_PROJECT_DIALOG (self), NULL);

  update_file_name (self);
  client_name = dup_stripped_client_name (self);
  if (client_name[0] == '\0')
    return NULL;

  return find_free_file (self->folder, client_name, NULL);
}
