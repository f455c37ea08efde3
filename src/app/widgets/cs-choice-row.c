/* cs-choice-row.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-choice-row"

#include "config.h"

#include "cs-choice-row.h"
#include "cs-labels.h"

/**
 * CsChoiceRow:
 *
 * A combo row editing one choice field of a record (a #CsFieldEditor): it lists the field's
 * choices (cs-model.c) with their labels (cs_choice_get_label()), "Not stated" first where
 * the field has it, and commits a choice as soon as it is made. Yes/no/not stated answers
 * have their own row, #CsTristateRow.
 */
struct _CsChoiceRow
{
  AdwComboRow         parent_instance;

  CsFieldBinding      binding;
  const char * const *choices;
};

static void cs_choice_row_editor_init (CsFieldEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsChoiceRow, cs_choice_row, ADW_TYPE_COMBO_ROW,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_FIELD_EDITOR,
                                                      cs_choice_row_editor_init))

static guint
find_choice (CsChoiceRow *self,
             const char  *value)
{
  for (guint i = 0; self->choices != NULL && self->choices[i] != NULL; i++)
    if (g_strcmp0 (self->choices[i], value) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
on_selected_notify_cb (CsChoiceRow *self)
{
  cs_field_editor_commit (CS_FIELD_EDITOR (self), TRUE);
}

/* CsFieldEditor */

static CsFieldBinding *
cs_choice_row_get_binding (CsFieldEditor *editor)
{
  return &CS_CHOICE_ROW (editor)->binding;
}

static void
cs_choice_row_sync (CsFieldEditor *editor)
{
  CsChoiceRow *self = CS_CHOICE_ROW (editor);
  const CsField *field = cs_field_binding_get_field (&self->binding);
  guint position = GTK_INVALID_LIST_POSITION;

  if (field != NULL && field->choices != self->choices)
    {
      g_autoptr(GtkStringList) labels = cs_choice_labels_new (field->choices);

      self->choices = field->choices;
      adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (labels));
    }

  if (field != NULL)
    position = find_choice (self, cs_record_get_string (self->binding.record,
                                                        self->binding.column));
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self)) != position)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);

  gtk_widget_set_sensitive (GTK_WIDGET (self), cs_field_binding_is_writable (&self->binding));
}

static gboolean
cs_choice_row_commit (CsFieldEditor *editor,
                      gboolean       final)
{
  CsChoiceRow *self = CS_CHOICE_ROW (editor);
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));

  if (position == GTK_INVALID_LIST_POSITION || self->choices == NULL)
    return FALSE;

  return cs_field_editor_store_string (editor, self->choices[position]);
}

static void
cs_choice_row_editor_init (CsFieldEditorInterface *iface)
{
  iface->get_binding = cs_choice_row_get_binding;
  iface->sync = cs_choice_row_sync;
  iface->commit = cs_choice_row_commit;
}

/* GObject vfuncs */

static void
cs_choice_row_class_init (CsChoiceRowClass *klass)
{
  cs_field_editor_class_setup (G_OBJECT_CLASS (klass));
}

static void
cs_choice_row_init (CsChoiceRow *self)
{
  cs_field_binding_init (&self->binding, GTK_WIDGET (self));

  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected_notify_cb), NULL);
  cs_field_editor_name_after_title (CS_FIELD_EDITOR (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/* public API */

/**
 * cs_choice_row_new:
 * @title: the translated title
 * @column: the choice column edited
 *
 * Returns: (transfer floating): a new #CsChoiceRow, without a record yet
 */
GtkWidget *
cs_choice_row_new (const char *title,
                   const char *column)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (CS_TYPE_CHOICE_ROW, "title", title, "column", column, NULL);
}

/**
 * cs_choice_row_get_value:
 * @self: a #CsChoiceRow
 *
 * Returns: (nullable): the stored value of the choice shown
 */
const char *
cs_choice_row_get_value (CsChoiceRow *self)
{
  guint position;

  g_return_val_if_fail (CS_IS_CHOICE_ROW (self), NULL);

  position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (self->choices == NULL || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return self->choices[position];
}

/**
 * cs_choice_row_set_value:
 * @self: a #CsChoiceRow
 * @value: a stored choice value
 *
 * Chooses @value, as the user would (the choice is committed).
 *
 * Returns: %TRUE if @value is one of the choices
 */
gboolean
cs_choice_row_set_value (CsChoiceRow *self,
                         const char  *value)
{
  guint position;

  g_return_val_if_fail (CS_IS_CHOICE_ROW (self), FALSE);

  position = find_choice (self, value);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);

  return TRUE;
}

/**
 * cs_choice_labels_new:
 * @choices: stored choice values, %NULL-terminated
 *
 * Returns: (transfer full): the translated labels of @choices, in their order
 */
GtkStringList *
cs_choice_labels_new (const char * const *choices)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  g_return_val_if_fail (choices != NULL, labels);

  for (guint i = 0; choices[i] != NULL; i++)
    gtk_string_list_append (labels, cs_choice_get_label (choices[i]));

  return labels;
}
