/* cs-text-row.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-text-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-text-row.h"

/**
 * CsTextRow:
 *
 * An entry row editing one short text field of a record (a #CsFieldEditor): a name, a
 * reference, a country. Committed on Enter, when the row loses the focus or after a pause in
 * typing. An empty row says "Not stated" after its title, so that it reads as a field to fill
 * rather than a disabled one.
 */
struct _CsTextRow
{
  AdwEntryRow     parent_instance;

  CsFieldBinding  binding;
  GtkWidget      *empty_label;
};

static void cs_text_row_editor_init (CsFieldEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsTextRow, cs_text_row, ADW_TYPE_ENTRY_ROW,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_FIELD_EDITOR,
                                                      cs_text_row_editor_init))

static void
on_entry_activated_cb (CsTextRow *self)
{
  cs_field_editor_commit (CS_FIELD_EDITOR (self), TRUE);
}

static void
update_empty (CsTextRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));

  gtk_widget_set_visible (self->empty_label, text == NULL || text[0] == '\0');
}

/* CsFieldEditor */

static CsFieldBinding *
cs_text_row_get_binding (CsFieldEditor *editor)
{
  return &CS_TEXT_ROW (editor)->binding;
}

static void
cs_text_row_sync (CsFieldEditor *editor)
{
  CsTextRow *self = CS_TEXT_ROW (editor);
  const char *value = NULL;
  const char *shown = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autofree char *stripped = g_strstrip (g_strdup (shown));
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self)));

  gtk_editable_set_editable (GTK_EDITABLE (self), cs_field_binding_is_writable (&self->binding));

  if (self->binding.record != NULL)
    value = cs_record_get_string (self->binding.record, self->binding.column);
  if (value == NULL)
    value = "";

  /* Keep the space the user just typed at the end of the text being committed. */
  if (g_strcmp0 (value, shown) == 0 ||
      (text != NULL && gtk_widget_has_focus (text) && g_strcmp0 (value, stripped) == 0))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self), value);
}

static gboolean
cs_text_row_commit (CsFieldEditor *editor,
                    gboolean       final)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor))));

  return cs_field_editor_store_string (editor, text);
}

static void
cs_text_row_editor_init (CsFieldEditorInterface *iface)
{
  iface->get_binding = cs_text_row_get_binding;
  iface->sync = cs_text_row_sync;
  iface->commit = cs_text_row_commit;
}

/* GObject vfuncs */

static void
cs_text_row_class_init (CsTextRowClass *klass)
{
  cs_field_editor_class_setup (G_OBJECT_CLASS (klass));
}

static void
cs_text_row_init (CsTextRow *self)
{
  cs_field_binding_init (&self->binding, GTK_WIDGET (self));

  g_signal_connect (self, "entry-activated", G_CALLBACK (on_entry_activated_cb), NULL);
  cs_field_editor_name_after_title (CS_FIELD_EDITOR (self));
  g_signal_connect (self, "changed", G_CALLBACK (update_empty), NULL);

  self->empty_label = gtk_label_new (_("Not stated"));
  gtk_widget_set_can_target (self->empty_label, FALSE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_add_css_class (self->empty_label, "not-stated");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->empty_label);
  update_empty (self);

  cs_field_editor_watch (CS_FIELD_EDITOR (self), GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/**
 * cs_text_row_new:
 * @title: the translated title
 * @column: the text column edited
 *
 * Returns: (transfer floating): a new #CsTextRow, without a record yet
 */
GtkWidget *
cs_text_row_new (const char *title,
                 const char *column)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (CS_TYPE_TEXT_ROW, "title", title, "column", column, NULL);
}
