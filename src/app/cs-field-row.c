/* cs-field-row.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-field-row"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>

#include "cs-field-row.h"
#include "cs-choice-row.h"
#include "cs-toast.h"

/**
 * CsFieldRow:
 *
 * An entry row bound to one text, date or number field of a record (#CsRecord): it shows the
 * record's value and commits the edit through the store when Enter is pressed or the focus
 * leaves the row. Numbers show their unit after the text ("days", "%", "EUR" …); an empty
 * number means "not stated" (NaN). A value the store refuses is shown in a toast (on the
 * nearest #AdwToastOverlay) and the row shows the value on disk again. The row follows the
 * record's changes (undo, other views) and is read-only when the project is. Plain text is also
 * committed after a pause in typing; any value set while the row does not have the keyboard
 * focus (by an assistive technology, which sets the text without typing it) is committed
 * after a short pause, as there may be no Enter or focus-out.
 *
 * Use it from a `.ui` file with its "column" (and "unit") properties, then give it a record
 * with cs_field_row_bind(), or cs_field_rows_bind() for every row under a container.
 *
 * Helpers for section pages, shared with #CsChoiceRow: cs_field_rows_bind(),
 * cs_field_rows_find() (the row editing a field, for "focus where this is fixed"),
 * and cs_field_rows_reveal(); errors go through cs_toast_show_error().
 */
struct _CsFieldRow
{
  AdwEntryRow  parent_instance;

  CsStore     *store;
  CsRecord    *record;
  char        *column;
  char        *unit;
  gulong       notify_id;
  guint        commit_id;
  gboolean     syncing;

  GtkLabel    *unit_label;
};

enum {
  PROP_0,
  PROP_COLUMN,
  PROP_UNIT,
  PROP_RECORD,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsFieldRow, cs_field_row, ADW_TYPE_ENTRY_ROW)

static GParamSpec *properties[N_PROPS];

static const CsField *
get_field (CsFieldRow *self)
{
  if (self->record == NULL || self->column == NULL)
    return NULL;

  return cs_entity_find_field (cs_record_get_entity (self->record), self->column, NULL);
}

/* The text the row shows for the record's value. */
static char *
dup_record_text (CsFieldRow *self)
{
  const CsField *field = get_field (self);

  if (field == NULL)
    return g_strdup ("");

  switch (field->type)
    {
    case CS_FIELD_NUMBER:
      {
        double value = cs_record_get_number (self->record, self->column);

        return isnan (value) ? g_strdup ("") : cs_format_number (value);
      }

    case CS_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cs_record_get_int (self->record, self->column));

    case CS_FIELD_STRING:
    case CS_FIELD_DATE:
    case CS_FIELD_CHOICE:
      {
        const char *value = cs_record_get_string (self->record, self->column);

        return g_strdup (value != NULL ? value : "");
      }

    case CS_FIELD_BOOLEAN:
    case CS_FIELD_REF:
    default:
      g_warning ("Field “%s” cannot be edited in a text row", self->column);
      return g_strdup ("");
    }
}

static gboolean
has_focus (CsFieldRow *self)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self)));

  return text != NULL && gtk_widget_has_focus (text);
}

static void
sync_from_record (CsFieldRow *self)
{
  g_autofree char *text = dup_record_text (self);
  g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self))) == 0)
    return;

  /* Keep the space the user just typed at the end of the text being committed. */
  if (has_focus (self) && g_strcmp0 (text, shown) == 0)
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  self->syncing = FALSE;
}

static void
update_editable (CsFieldRow *self)
{
  gboolean writable = self->store != NULL && self->record != NULL &&
                      !cs_store_is_closed (self->store) && !cs_store_is_read_only (self->store);

  gtk_editable_set_editable (GTK_EDITABLE (self), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->record != NULL);
}

static void
update_accessible_label (CsFieldRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *label = NULL;

  if (self->unit != NULL && self->unit[0] != '\0')
    /* Translators: accessible name of a number field: its title, then its unit in brackets */
    label = g_strdup_printf (_("%s (%s)"), title, self->unit);
  else
    label = g_strdup (title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
on_record_notify_cb (CsRecord   *record,
                     GParamSpec *pspec,
                     CsFieldRow *self)
{
  sync_from_record (self);
}

static void
on_entry_activated_cb (CsFieldRow *self)
{
  cs_field_row_commit (self);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   CsFieldRow              *self)
{
  cs_field_row_commit (self);
}

static gboolean
commit_timeout_cb (gpointer data)
{
  CsFieldRow *self = data;

  self->commit_id = 0;
  cs_field_row_commit (self);

  return G_SOURCE_REMOVE;
}

static void
on_changed_cb (CsFieldRow *self)
{
  const CsField *field = get_field (self);
  guint delay;

  if (self->syncing || field == NULL)
    return;

  /* While the user types a number or a date, a half-typed value is not an error yet. */
  if (!has_focus (self))
    delay = 500;
  else if (field->type == CS_FIELD_STRING)
    delay = 1500;
  else
    return;

  g_clear_handle_id (&self->commit_id, g_source_remove);
  self->commit_id = g_timeout_add (delay, commit_timeout_cb, self);
}

static void
on_title_notify_cb (CsFieldRow *self)
{
  update_accessible_label (self);
}

/* GObject vfuncs */

static void
cs_field_row_dispose (GObject *object)
{
  CsFieldRow *self = CS_FIELD_ROW (object);

  g_clear_handle_id (&self->commit_id, g_source_remove);
  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_field_row_parent_class)->dispose (object);
}

static void
cs_field_row_finalize (GObject *object)
{
  CsFieldRow *self = CS_FIELD_ROW (object);

  g_free (self->column);
  g_free (self->unit);

  G_OBJECT_CLASS (cs_field_row_parent_class)->finalize (object);
}

static void
cs_field_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CsFieldRow *self = CS_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_field_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CsFieldRow *self = CS_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      self->column = g_value_dup_string (value);
      break;

    case PROP_UNIT:
      cs_field_row_set_unit (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_field_row_class_init (CsFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_field_row_dispose;
  object_class->finalize = cs_field_row_finalize;
  object_class->get_property = cs_field_row_get_property;
  object_class->set_property = cs_field_row_set_property;

  /**
   * CsFieldRow:column:
   *
   * The column of the record edited ("notice_days" …).
   */
  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CsFieldRow:unit:
   *
   * The unit shown after a number ("days" …), or %NULL.
   */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsFieldRow:record:
   *
   * The record edited, set with cs_field_row_bind().
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         CS_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_field_row_init (CsFieldRow *self)
{
  GtkEventController *focus;

  self->unit_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->unit_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->unit_label));

  g_signal_connect (self, "entry-activated", G_CALLBACK (on_entry_activated_cb), NULL);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_notify_cb), NULL);
  g_signal_connect (self, "changed", G_CALLBACK (on_changed_cb), NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  update_editable (self);
}

/* public API */

/**
 * cs_field_row_new:
 * @title: the translated title
 * @column: the column edited
 * @unit: (nullable): the translated unit of a number
 *
 * Returns: (transfer floating): a new #CsFieldRow, without a record yet
 */
GtkWidget *
cs_field_row_new (const char *title,
                  const char *column,
                  const char *unit)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (CS_TYPE_FIELD_ROW,
                       "title", title,
                       "column", column,
                       "unit", unit,
                       NULL);
}

/**
 * cs_field_row_get_column:
 * @self: a #CsFieldRow
 *
 * Returns: the column edited
 */
const char *
cs_field_row_get_column (CsFieldRow *self)
{
  g_return_val_if_fail (CS_IS_FIELD_ROW (self), NULL);

  return self->column;
}

/**
 * cs_field_row_get_record:
 * @self: a #CsFieldRow
 *
 * Returns: (transfer none) (nullable): the record edited
 */
CsRecord *
cs_field_row_get_record (CsFieldRow *self)
{
  g_return_val_if_fail (CS_IS_FIELD_ROW (self), NULL);

  return self->record;
}

/**
 * cs_field_row_bind:
 * @self: a #CsFieldRow
 * @store: (nullable): the project
 * @record: (nullable): the record to edit, %NULL for none (the row is then insensitive)
 *
 * Shows and edits the row's column of @record. An edit in progress on the previous record is
 * committed first.
 */
void
cs_field_row_bind (CsFieldRow *self,
                   CsStore    *store,
                   CsRecord   *record)
{
  g_return_if_fail (CS_IS_FIELD_ROW (self));
  g_return_if_fail (store == NULL || CS_IS_STORE (store));
  g_return_if_fail (record == NULL || CS_IS_RECORD (record));

  if (self->record == record && self->store == store)
    return;

  if (self->record != NULL)
    {
      cs_field_row_commit (self);
      g_clear_signal_handler (&self->notify_id, self->record);
    }

  g_set_object (&self->store, store);
  g_set_object (&self->record, record);

  if (self->record != NULL)
    {
      g_autofree char *property = g_strdelimit (g_strdup (self->column), "_", '-');
      g_autofree char *signal = g_strconcat ("notify::", property, NULL);

      if (get_field (self) == NULL)
        g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (record), self->column);
      self->notify_id = g_signal_connect (self->record, signal,
                                          G_CALLBACK (on_record_notify_cb), self);
    }

  sync_from_record (self);
  update_editable (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/**
 * cs_field_row_get_unit:
 * @self: a #CsFieldRow
 *
 * Returns: (nullable): the unit shown after the value
 */
const char *
cs_field_row_get_unit (CsFieldRow *self)
{
  g_return_val_if_fail (CS_IS_FIELD_ROW (self), NULL);

  return self->unit;
}

/**
 * cs_field_row_set_unit:
 * @self: a #CsFieldRow
 * @unit: (nullable): the translated unit, e.g. "days"
 *
 * Sets the unit shown after the value.
 */
void
cs_field_row_set_unit (CsFieldRow *self,
                       const char *unit)
{
  g_return_if_fail (CS_IS_FIELD_ROW (self));

  if (g_strcmp0 (self->unit, unit) == 0)
    return;

  g_free (self->unit);
  self->unit = g_strdup (unit);

  gtk_label_set_text (self->unit_label, unit != NULL ? unit : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), unit != NULL && unit[0] != '\0');
  update_accessible_label (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

/**
 * cs_field_row_commit:
 * @self: a #CsFieldRow
 *
 * Writes the text of the row to the record, when it differs from the record's value. A
 * refused value is reported in a toast and the row shows the record's value again.
 *
 * Returns: %TRUE if the record holds the row's value (changed or not)
 */
gboolean
cs_field_row_commit (CsFieldRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *current = NULL;
  const CsField *field;
  gboolean ok = FALSE;

  g_return_val_if_fail (CS_IS_FIELD_ROW (self), FALSE);

  g_clear_handle_id (&self->commit_id, g_source_remove);
  field = get_field (self);
  if (self->syncing || field == NULL || self->store == NULL || cs_store_is_closed (self->store))
    return FALSE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  current = dup_record_text (self);
  if (g_strcmp0 (text, current) == 0)
    return TRUE;

  if (cs_store_is_read_only (self->store))
    {
      sync_from_record (self);
      return FALSE;
    }

  switch (field->type)
    {
    case CS_FIELD_NUMBER:
      {
        double value = NAN;

        if (text[0] != '\0' && !cs_parse_number (text, &value))
          {
            g_set_error (&error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("“%s” is not a number; nothing was changed."), text);
            break;
          }

        if (!isnan (value) && !isnan (cs_record_get_number (self->record, self->column)) &&
            value == cs_record_get_number (self->record, self->column))
          {
            /* "30.0" for 30: the same value, written the usual way. */
            sync_from_record (self);
            return TRUE;
          }

        ok = cs_store_set_number (self->store, self->record, self->column, value, &error);
      }
      break;

    case CS_FIELD_INT:
      {
        gint64 value = 0;

        if (!g_ascii_string_to_signed (text, 10, field->min, field->max, &value, NULL))
          {
            g_set_error (&error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("“%s” is not a whole number between %" PRId64 " and %"
                           PRId64 "; nothing was changed."),
                         text, field->min, field->max);
            break;
          }

        ok = cs_store_set_int (self->store, self->record, self->column, value, &error);
      }
      break;

    case CS_FIELD_STRING:
    case CS_FIELD_DATE:
    case CS_FIELD_CHOICE:
      ok = cs_store_set_string (self->store, self->record, self->column, text, &error);
      break;

    case CS_FIELD_BOOLEAN:
    case CS_FIELD_REF:
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      cs_toast_show_error (GTK_WIDGET (self), error);
      sync_from_record (self);
      return FALSE;
    }

  /* The store may have normalised the value (dates, numbers). */
  sync_from_record (self);

  return TRUE;
}

/**
 * cs_format_number:
 * @value: a number (not NaN)
 *
 * Formats a stated number the way the user's locale writes it, without trailing zeros.
 *
 * Returns: (transfer full): the text
 */
char *
cs_format_number (double value)
{
  return g_strdup_printf ("%.10g", value);
}

/**
 * cs_parse_number:
 * @text: a number as typed, with a decimal point or a decimal comma, spaces allowed between
 *   groups of digits
 * @out_value: (out): the number
 *
 * Returns: %TRUE if @text is a finite number
 */
gboolean
cs_parse_number (const char *text,
                 double     *out_value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  char *end = NULL;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x202F || c == 0x00A0)
        continue;
      if (c == ',')
        c = '.';
      g_string_append_unichar (clean, c);
    }

  if (clean->len == 0)
    return FALSE;

  value = g_ascii_strtod (clean->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;

  *out_value = value;
  return TRUE;
}

/**
 * cs_field_rows_bind:
 * @container: a widget
 * @store: (nullable): the project
 * @record: (nullable): the record
 *
 * Binds every #CsFieldRow and #CsChoiceRow under @container (itself included) to @record.
 */
void
cs_field_rows_bind (GtkWidget *container,
                    CsStore   *store,
                    CsRecord  *record)
{
  g_return_if_fail (GTK_IS_WIDGET (container));

  if (CS_IS_FIELD_ROW (container))
    {
      cs_field_row_bind (CS_FIELD_ROW (container), store, record);
      return;
    }

  if (CS_IS_CHOICE_ROW (container))
    {
      cs_choice_row_bind (CS_CHOICE_ROW (container), store, record);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (container);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cs_field_rows_bind (child, store, record);
}

static gboolean
row_matches (CsRecord   *record,
             const char *column,
             const char *table,
             gint64      record_id,
             const char *field)
{
  if (record == NULL)
    return FALSE;
  if (table != NULL && !g_str_equal (cs_record_get_entity (record)->table, table))
    return FALSE;
  if (record_id != 0 && cs_record_get_id (record) != record_id)
    return FALSE;

  return field == NULL || g_strcmp0 (column, field) == 0;
}

/**
 * cs_field_rows_find:
 * @container: a widget
 * @table: (nullable): the table of the record, or %NULL for any
 * @record_id: the record, or 0 for any
 * @field: (nullable): the column, or %NULL for any
 *
 * Finds the first #CsFieldRow or #CsChoiceRow under @container that edits @field of the
 * record @record_id of @table.
 *
 * Returns: (transfer none) (nullable): the row
 */
GtkWidget *
cs_field_rows_find (GtkWidget  *container,
                    const char *table,
                    gint64      record_id,
                    const char *field)
{
  g_return_val_if_fail (GTK_IS_WIDGET (container), NULL);

  if (CS_IS_FIELD_ROW (container))
    {
      CsFieldRow *row = CS_FIELD_ROW (container);

      return row_matches (row->record, row->column, table, record_id, field) ? container : NULL;
    }

  if (CS_IS_CHOICE_ROW (container))
    {
      CsChoiceRow *row = CS_CHOICE_ROW (container);

      return row_matches (cs_choice_row_get_record (row), cs_choice_row_get_column (row),
                          table, record_id, field) ? container : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (container);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cs_field_rows_find (child, table, record_id, field);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
grab_focus_cb (gpointer data)
{
  GtkWidget *widget = data;

  if (gtk_widget_get_mapped (widget))
    gtk_widget_grab_focus (widget);

  return G_SOURCE_REMOVE;
}

/**
 * cs_field_rows_reveal:
 * @row: a widget inside a page
 *
 * Expands the expander rows around @row, then focuses it (the page scrolls to the focus).
 *
 * Returns: %TRUE if @row could take the focus
 */
gboolean
cs_field_rows_reveal (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), FALSE);

  for (GtkWidget *parent = gtk_widget_get_parent (row);
       parent != NULL;
       parent = gtk_widget_get_parent (parent))
    if (ADW_IS_EXPANDER_ROW (parent))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (parent), TRUE);

  /* Again once the expanded rows are allocated, so that the view scrolls to the right place. */
  g_timeout_add_full (G_PRIORITY_DEFAULT, 250, grab_focus_cb, g_object_ref (row), g_object_unref);

  return gtk_widget_grab_focus (row);
}
