/* cs-tristate-row.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-tristate-row"

#include "config.h"

#include "cs-tristate-row.h"
#include "cs-labels.h"

/**
 * CsTristateRow:
 *
 * A row answering a yes/no question of the contract (a #CsFieldEditor on a choice column
 * holding "unknown", "yes" or "no"): three linked buttons, "Not stated", "Yes" and "No", the
 * answer committed as soon as it is chosen.
 */

static const char * const values[] = { "unknown", "yes", "no" };

struct _CsTristateRow
{
  AdwActionRow     parent_instance;

  CsFieldBinding   binding;
  GtkToggleButton *buttons[G_N_ELEMENTS (values)];
};

static void cs_tristate_row_editor_init (CsFieldEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsTristateRow, cs_tristate_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_FIELD_EDITOR,
                                                      cs_tristate_row_editor_init))

static void
on_button_toggled_cb (GtkToggleButton *button,
                      CsTristateRow   *self)
{
  if (gtk_toggle_button_get_active (button))
    cs_field_editor_commit (CS_FIELD_EDITOR (self), TRUE);
}

static void
on_title_notify_cb (CsTristateRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s: %s", title, cs_choice_get_label (values[i]));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }
}

/* CsFieldEditor */

static CsFieldBinding *
cs_tristate_row_get_binding (CsFieldEditor *editor)
{
  return &CS_TRISTATE_ROW (editor)->binding;
}

static void
cs_tristate_row_sync (CsFieldEditor *editor)
{
  CsTristateRow *self = CS_TRISTATE_ROW (editor);
  const char *value = NULL;

  if (self->binding.record != NULL)
    value = cs_record_get_string (self->binding.record, self->binding.column);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    gtk_toggle_button_set_active (self->buttons[i], g_strcmp0 (value, values[i]) == 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self), cs_field_binding_is_writable (&self->binding));
}

static gboolean
cs_tristate_row_commit (CsFieldEditor *editor,
                        gboolean       final)
{
  const char *value = cs_tristate_row_get_value (CS_TRISTATE_ROW (editor));

  return value != NULL && cs_field_editor_store_string (editor, value);
}

static void
cs_tristate_row_editor_init (CsFieldEditorInterface *iface)
{
  iface->get_binding = cs_tristate_row_get_binding;
  iface->sync = cs_tristate_row_sync;
  iface->commit = cs_tristate_row_commit;
}

/* GObject vfuncs */

static void
cs_tristate_row_class_init (CsTristateRowClass *klass)
{
  cs_field_editor_class_setup (G_OBJECT_CLASS (klass));
}

static void
cs_tristate_row_init (CsTristateRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  cs_field_binding_init (&self->binding, GTK_WIDGET (self));

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      self->buttons[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (
                                              cs_choice_get_label (values[i])));
      if (i > 0)
        gtk_toggle_button_set_group (self->buttons[i], self->buttons[0]);
      g_signal_connect (self->buttons[i], "toggled", G_CALLBACK (on_button_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->buttons[i]));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);

  cs_field_editor_name_after_title (CS_FIELD_EDITOR (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_notify_cb), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/* public API */

/**
 * cs_tristate_row_new:
 * @title: the translated question
 * @column: the yes/no/not stated column edited
 *
 * Returns: (transfer floating): a new #CsTristateRow, without a record yet
 */
GtkWidget *
cs_tristate_row_new (const char *title,
                     const char *column)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (CS_TYPE_TRISTATE_ROW, "title", title, "column", column, NULL);
}

/**
 * cs_tristate_row_get_value:
 * @self: a #CsTristateRow
 *
 * Returns: (nullable): "unknown", "yes" or "no", as shown
 */
const char *
cs_tristate_row_get_value (CsTristateRow *self)
{
  g_return_val_if_fail (CS_IS_TRISTATE_ROW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (gtk_toggle_button_get_active (self->buttons[i]))
      return values[i];

  return NULL;
}

/**
 * cs_tristate_row_set_value:
 * @self: a #CsTristateRow
 * @value: "unknown", "yes" or "no"
 *
 * Answers @value, as the user would (the answer is committed).
 *
 * Returns: %TRUE if @value is one of the answers
 */
gboolean
cs_tristate_row_set_value (CsTristateRow *self,
                           const char    *value)
{
  g_return_val_if_fail (CS_IS_TRISTATE_ROW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (g_strcmp0 (value, values[i]) == 0)
      {
        gtk_toggle_button_set_active (self->buttons[i], TRUE);
        return TRUE;
      }

  return FALSE;
}
