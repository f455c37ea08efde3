/* cs-date-row.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-date-row.h"

/**
 * CsDateRow:
 *
 * An entry row editing one date field of a record (a #CsFieldEditor), written YYYY-MM-DD. A
 * button beside the text opens a calendar; a date typed in the row is accepted too (the
 * store checks it and writes it in the usual form). Committed on Enter, when the row loses
 * the focus, after a pause in typing a whole date, or when a day is chosen in the calendar.
 * An empty row shows only its title: the contract does not state the date.
 */
struct _CsDateRow
{
  AdwEntryRow     parent_instance;

  CsFieldBinding  binding;
  GtkMenuButton  *button;
  GtkCalendar    *calendar;
};

static void cs_date_row_editor_init (CsFieldEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsDateRow, cs_date_row, ADW_TYPE_ENTRY_ROW,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_FIELD_EDITOR,
                                                      cs_date_row_editor_init))

static GDateTime *
parse_date (const char *text)
{
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 10)
    return NULL;

  iso = g_strconcat (text, "T00:00:00Z", NULL);
  return g_date_time_new_from_iso8601 (iso, NULL);
}

static void
on_entry_activated_cb (CsDateRow *self)
{
  cs_field_editor_commit (CS_FIELD_EDITOR (self), TRUE);
}

static void
on_day_selected_cb (GtkCalendar *calendar,
                    CsDateRow   *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  if (self->binding.syncing)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_menu_button_popdown (self->button);
  cs_field_editor_commit (CS_FIELD_EDITOR (self), TRUE);
}

static void
on_title_notify_cb (CsDateRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: accessible name of the button opening a calendar; %s is the date's title */
  g_autofree char *button = g_strdup_printf (_("Choose %s"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button, -1);
}

/* CsFieldEditor */

static CsFieldBinding *
cs_date_row_get_binding (CsFieldEditor *editor)
{
  return &CS_DATE_ROW (editor)->binding;
}

static void
cs_date_row_sync (CsFieldEditor *editor)
{
  CsDateRow *self = CS_DATE_ROW (editor);
  gboolean writable = cs_field_binding_is_writable (&self->binding);
  const char *value = NULL;
  g_autoptr(GDateTime) date = NULL;

  gtk_editable_set_editable (GTK_EDITABLE (self), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), writable);

  if (self->binding.record != NULL)
    value = cs_record_get_string (self->binding.record, self->binding.column);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), value != NULL ? value : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), value != NULL ? value : "");

  date = parse_date (value);
  if (date != NULL)
    gtk_calendar_select_day (self->calendar, date);
}

static gboolean
cs_date_row_commit (CsFieldEditor *editor,
                    gboolean       final)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor))));
  g_autoptr(GDateTime) date = parse_date (text);

  /* A half-typed date waits for Enter or the focus to leave, where it is an error. */
  if (!final && text[0] != '\0' && date == NULL)
    return FALSE;

  return cs_field_editor_store_string (editor, text);
}

static void
cs_date_row_editor_init (CsFieldEditorInterface *iface)
{
  iface->get_binding = cs_date_row_get_binding;
  iface->sync = cs_date_row_sync;
  iface->commit = cs_date_row_commit;
}

/* GObject vfuncs */

static void
cs_date_row_class_init (CsDateRowClass *klass)
{
  cs_field_editor_class_setup (G_OBJECT_CLASS (klass));
}

static void
cs_date_row_init (CsDateRow *self)
{
  GtkWidget *popover = gtk_popover_new ();

  cs_field_binding_init (&self->binding, GTK_WIDGET (self));

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected_cb),
                           self, 0);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose in a calendar"));
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->button));

  g_signal_connect (self, "entry-activated", G_CALLBACK (on_entry_activated_cb), NULL);
  cs_field_editor_name_after_title (CS_FIELD_EDITOR (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_notify_cb), NULL);
  cs_field_editor_watch (CS_FIELD_EDITOR (self), GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/**
 * cs_date_row_new:
 * @title: the translated title
 * @column: the date column edited
 *
 * Returns: (transfer floating): a new #CsDateRow, without a record yet
 */
GtkWidget *
cs_date_row_new (const char *title,
                 const char *column)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (CS_TYPE_DATE_ROW, "title", title, "column", column, NULL);
}

/**
 * cs_date_row_get_calendar:
 * @self: a #CsDateRow
 *
 * Returns: (transfer none): the calendar the row's button opens
 */
GtkCalendar *
cs_date_row_get_calendar (CsDateRow *self)
{
  g_return_val_if_fail (CS_IS_DATE_ROW (self), NULL);

  return self->calendar;
}
