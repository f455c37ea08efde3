/* cs-long-text-row.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-long-text-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-long-text-row.h"

/**
 * CsLongTextRow:
 *
 * A row editing one long text field of a record (a #CsFieldEditor) on several lines: the
 * detail of a commitment, a definition, a wording. Enter starts a new line; Ctrl+Enter
 * commits, as do leaving the text and a pause in typing. An empty text reads "Not stated".
 */
struct _CsLongTextRow
{
  AdwPreferencesRow  parent_instance;

  CsFieldBinding     binding;
  GtkLabel          *title_label;
  GtkLabel          *empty_label;
  GtkTextView       *text_view;
};

static void cs_long_text_row_editor_init (CsFieldEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsLongTextRow, cs_long_text_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_FIELD_EDITOR,
                                                      cs_long_text_row_editor_init))

static char *
dup_text (CsLongTextRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_empty (CsLongTextRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          gtk_text_buffer_get_char_count (buffer) == 0 &&
                          !gtk_widget_has_focus (GTK_WIDGET (self->text_view)));
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      CsLongTextRow *self)
{
  update_empty (self);
  cs_field_editor_queue_commit (CS_FIELD_EDITOR (self),
                                gtk_widget_has_focus (GTK_WIDGET (self->text_view)));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CsLongTextRow         *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      cs_field_editor_commit (CS_FIELD_EDITOR (self), TRUE);
      return TRUE;
    }

  return FALSE;
}

static void
on_focus_changed_cb (CsLongTextRow *self)
{
  update_empty (self);
}

static void
on_title_notify_cb (CsLongTextRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

/* CsFieldEditor */

static CsFieldBinding *
cs_long_text_row_get_binding (CsFieldEditor *editor)
{
  return &CS_LONG_TEXT_ROW (editor)->binding;
}

static void
cs_long_text_row_sync (CsFieldEditor *editor)
{
  CsLongTextRow *self = CS_LONG_TEXT_ROW (editor);
  g_autofree char *shown = dup_text (self);
  const char *value = NULL;

  gtk_text_view_set_editable (self->text_view, cs_field_binding_is_writable (&self->binding));

  if (self->binding.record != NULL)
    value = cs_record_get_string (self->binding.record, self->binding.column);
  if (value == NULL)
    value = "";

  /* Keep what the user is typing when only its ends differ from what was committed. */
  if (g_strcmp0 (value, shown) != 0 &&
      !(gtk_widget_has_focus (GTK_WIDGET (self->text_view)) &&
        g_strcmp0 (value, g_strstrip (shown)) == 0))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), value, -1);

  update_empty (self);
}

static gboolean
cs_long_text_row_commit (CsFieldEditor *editor,
                         gboolean       final)
{
  g_autofree char *text = dup_text (CS_LONG_TEXT_ROW (editor));

  return cs_field_editor_store_string (editor, g_strstrip (text));
}

static void
cs_long_text_row_editor_init (CsFieldEditorInterface *iface)
{
  iface->get_binding = cs_long_text_row_get_binding;
  iface->sync = cs_long_text_row_sync;
  iface->commit = cs_long_text_row_commit;
}

/* GtkWidget vfuncs */

static gboolean
cs_long_text_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CS_LONG_TEXT_ROW (widget)->text_view));
}

/* GObject vfuncs */

static void
cs_long_text_row_class_init (CsLongTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->grab_focus = cs_long_text_row_grab_focus;

  cs_field_editor_class_setup (object_class);
}

static void
cs_long_text_row_init (CsLongTextRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkEventController *key;
  GtkEventController *focus;

  cs_field_binding_init (&self->binding, GTK_WIDGET (self));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_width_chars (self->title_label, 20);
  gtk_label_set_max_width_chars (self->title_label, 60);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self->text_view), -1, 48);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "inline");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->text_view));

  /* Translators: a long text field the contract does not fill in */
  self->empty_label = GTK_LABEL (gtk_label_new (_("Not stated")));
  gtk_label_set_xalign (self->empty_label, 0);
  gtk_widget_set_valign (GTK_WIDGET (self->empty_label), GTK_ALIGN_START);
  gtk_widget_set_can_target (GTK_WIDGET (self->empty_label), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_label), "dim-label");
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->empty_label));
  gtk_box_append (GTK_BOX (box), overlay);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  g_signal_connect (gtk_text_view_get_buffer (self->text_view), "changed",
                    G_CALLBACK (on_buffer_changed_cb), self);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), key);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);
  cs_field_editor_watch (CS_FIELD_EDITOR (self), GTK_WIDGET (self->text_view));

  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_notify_cb), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/**
 * cs_long_text_row_new:
 * @title: the translated title
 * @column: the text column edited
 *
 * Returns: (transfer floating): a new #CsLongTextRow, without a record yet
 */
GtkWidget *
cs_long_text_row_new (const char *title,
                      const char *column)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (CS_TYPE_LONG_TEXT_ROW, "title", title, "column", column, NULL);
}

/**
 * cs_long_text_row_get_buffer:
 * @self: a #CsLongTextRow
 *
 * Returns: (transfer none): the text being edited
 */
GtkTextBuffer *
cs_long_text_row_get_buffer (CsLongTextRow *self)
{
  g_return_val_if_fail (CS_IS_LONG_TEXT_ROW (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}
