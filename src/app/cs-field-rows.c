/* cs-field-rows.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-field-rows"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "cs-field-rows.h"
#include "cs-toast.h"

/* What a bound editor edits; kept on the editing widget. */
typedef struct
{
  CsStore  *store;
  CsRecord *record;
  char     *column;
  gboolean  syncing;
} Binding;

static GQuark binding_quark;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_clear_object (&binding->store);
  g_clear_object (&binding->record);
  g_free (binding->column);
  g_free (binding);
}

static Binding *
get_binding (GtkWidget *widget)
{
  return binding_quark != 0 ? g_object_get_qdata (G_OBJECT (widget), binding_quark) : NULL;
}

static gboolean
can_edit (Binding *binding)
{
  return !cs_store_is_closed (binding->store) && !cs_store_is_read_only (binding->store);
}

static Binding *
bind (GtkWidget  *widget,
      CsStore    *store,
      CsRecord   *record,
      const char *column,
      GCallback   sync_cb)
{
  Binding *binding = g_new0 (Binding, 1);
  g_autofree char *property = g_strdelimit (g_strdup (column), "_", '-');
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  if (binding_quark == 0)
    binding_quark = g_quark_from_static_string ("cs-field-binding");

  binding->store = g_object_ref (store);
  binding->record = g_object_ref (record);
  binding->column = g_strdup (column);
  g_object_set_qdata_full (G_OBJECT (widget), binding_quark, binding, binding_free);

  g_signal_connect_object (record, signal, sync_cb, widget, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (widget, can_edit (binding));

  return binding;
}

/* text */

static void
sync_entry (GtkWidget *row)
{
  Binding *binding = get_binding (row);
  const char *value = cs_record_get_string (binding->record, binding->column);

  binding->syncing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value ? value : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  binding->syncing = FALSE;
}

static void
on_entry_row_apply_cb (AdwEntryRow *row,
                       gpointer     user_data)
{
  Binding *binding = get_binding (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *current;

  if (binding->syncing || !can_edit (binding))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  current = cs_record_get_string (binding->record, binding->column);
  if (g_strcmp0 (text, current ? current : "") != 0 &&
      !cs_store_set_string (binding->store, binding->record, binding->column, text, &error))
    cs_toast_show_error (GTK_WIDGET (row), error);

  sync_entry (GTK_WIDGET (row));
}

/**
 * cs_field_entry_row_new:
 * @store: the project
 * @record: the record
 * @column: a text column of @record
 * @title: the row title, translated
 *
 * Returns: (transfer floating): an #AdwEntryRow committing @column when applied
 */
GtkWidget *
cs_field_entry_row_new (CsStore    *store,
                        CsRecord   *record,
                        const char *column,
                        const char *title)
{
  GtkWidget *row;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_RECORD (record), NULL);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  bind (row, store, record, column, G_CALLBACK (sync_entry));
  sync_entry (row);
  g_signal_connect (row, "apply", G_CALLBACK (on_entry_row_apply_cb), NULL);

  return row;
}

/* numbers: -1 on the spin button stands for "not stated" (NaN in the record) */

static void
sync_spin (GtkWidget *spin)
{
  Binding *binding = get_binding (spin);
  double value = cs_record_get_number (binding->record, binding->column);

  binding->syncing = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), isnan (value) ? -1 : value);
  binding->syncing = FALSE;
}

static void
on_spin_value_changed_cb (GtkSpinButton *spin,
                          gpointer       user_data)
{
  Binding *binding = get_binding (GTK_WIDGET (spin));
  g_autoptr(GError) error = NULL;
  double value = gtk_spin_button_get_value (spin);
  double current;

  if (binding->syncing || !can_edit (binding))
    return;

  if (value < 0)
    value = NAN;

  current = cs_record_get_number (binding->record, binding->column);
  if ((isnan (value) && isnan (current)) || value == current)
    return;

  if (!cs_store_set_number (binding->store, binding->record, binding->column, value, &error))
    {
      cs_toast_show_error (GTK_WIDGET (spin), error);
      sync_spin (GTK_WIDGET (spin));
    }
}

static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *text = NULL;

  if (value >= 0)
    return FALSE;

  /* Translators: shown in a number field whose value the contract does not state */
  gtk_editable_set_text (GTK_EDITABLE (spin), _("—"));
  return TRUE;
}

static int
on_spin_input_cb (GtkSpinButton *spin,
                  double        *new_value,
                  gpointer       user_data)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  char *end = NULL;
  double value;

  if (text[0] == '\0' || g_str_equal (text, "—") || g_str_equal (text, _("—")))
    {
      *new_value = -1;
      return TRUE;
    }

  g_strdelimit (text, ",", '.');
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return GTK_INPUT_ERROR;

  *new_value = value;
  return TRUE;
}

/**
 * cs_field_spin_new:
 * @store: the project
 * @record: the record
 * @column: a number column of @record (NaN: not stated, shown "—")
 * @max: the largest value
 * @digits: decimals shown
 * @accessible_name: the accessible name, translated
 *
 * Returns: (transfer floating): a #GtkSpinButton committing @column on each change
 */
GtkWidget *
cs_field_spin_new (CsStore    *store,
                   CsRecord   *record,
                   const char *column,
                   double      max,
                   guint       digits,
                   const char *accessible_name)
{
  GtkWidget *spin;
  double step = digits > 0 ? 0.5 : 1;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_RECORD (record), NULL);

  spin = gtk_spin_button_new_with_range (-1, max, step);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 6);
  gtk_widget_add_css_class (spin, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_spin_input_cb), NULL);
  bind (spin, store, record, column, G_CALLBACK (sync_spin));
  sync_spin (spin);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_value_changed_cb), NULL);

  return spin;
}

/* times of day, in minutes from midnight, shown "08:00" */

static void
sync_time_spin (GtkWidget *spin)
{
  Binding *binding = get_binding (spin);

  binding->syncing = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                             cs_record_get_int (binding->record, binding->column));
  binding->syncing = FALSE;
}

static void
on_time_spin_value_changed_cb (GtkSpinButton *spin,
                               gpointer       user_data)
{
  Binding *binding = get_binding (GTK_WIDGET (spin));
  g_autoptr(GError) error = NULL;
  gint64 value = gtk_spin_button_get_value_as_int (spin);

  if (binding->syncing || !can_edit (binding) ||
      value == cs_record_get_int (binding->record, binding->column))
    return;

  if (!cs_store_set_int (binding->store, binding->record, binding->column, value, &error))
    {
      cs_toast_show_error (GTK_WIDGET (spin), error);
      sync_time_spin (GTK_WIDGET (spin));
    }
}

static gboolean
on_time_spin_output_cb (GtkSpinButton *spin,
                        gpointer       user_data)
{
  int minutes = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_time_spin_input_cb (GtkSpinButton *spin,
                       double        *new_value,
                       gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_auto(GStrv) parts = g_strsplit_set (text, ":h.", 2);
  guint64 hours = 0;
  guint64 minutes = 0;

  if (parts[0] == NULL ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 0, 24, &hours, NULL))
    return GTK_INPUT_ERROR;
  if (parts[1] != NULL && g_strstrip (parts[1])[0] != '\0' &&
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minutes, NULL))
    return GTK_INPUT_ERROR;
  if (hours * 60 + minutes > 1440)
    return GTK_INPUT_ERROR;

  *new_value = hours * 60 + minutes;
  return TRUE;
}

/**
 * cs_field_time_spin_new:
 * @store: the project
 * @record: the record
 * @column: an int column holding minutes from midnight (0–1440)
 * @accessible_name: the accessible name, translated
 *
 * Returns: (transfer floating): a #GtkSpinButton showing and accepting "HH:MM"
 */
GtkWidget *
cs_field_time_spin_new (CsStore    *store,
                        CsRecord   *record,
                        const char *column,
                        const char *accessible_name)
{
  GtkWidget *spin;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_RECORD (record), NULL);

  spin = gtk_spin_button_new_with_range (0, 1440, 15);
  /* new_with_range() makes the button numeric, which filters out the ":" of the "08:00" the
   * output handler writes and left the field empty. */
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_spin_button_set_increments (GTK_SPIN_BUTTON (spin), 15, 60);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  gtk_widget_add_css_class (spin, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  g_signal_connect (spin, "output", G_CALLBACK (on_time_spin_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_time_spin_input_cb), NULL);
  bind (spin, store, record, column, G_CALLBACK (sync_time_spin));
  sync_time_spin (spin);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_time_spin_value_changed_cb), NULL);

  return spin;
}

/* choices */

static const char * const *
get_choices (Binding *binding)
{
  const CsField *field = cs_entity_find_field (cs_record_get_entity (binding->record),
                                               binding->column, NULL);

  g_assert (field != NULL && field->choices != NULL);
  return field->choices;
}

static void
sync_drop_down (GtkWidget *drop_down)
{
  Binding *binding = get_binding (drop_down);
  const char * const *choices = get_choices (binding);
  const char *value = cs_record_get_string (binding->record, binding->column);

  binding->syncing = TRUE;
  for (guint i = 0; choices[i] != NULL; i++)
    if (g_strcmp0 (choices[i], value) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
  binding->syncing = FALSE;
}

static void
on_drop_down_selected_cb (GtkDropDown *drop_down,
                          GParamSpec  *pspec,
                          gpointer     user_data)
{
  Binding *binding = get_binding (GTK_WIDGET (drop_down));
  const char * const *choices;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (binding->syncing || !can_edit (binding) || selected == GTK_INVALID_LIST_POSITION)
    return;

  choices = get_choices (binding);
  if (g_strcmp0 (choices[selected], cs_record_get_string (binding->record, binding->column)) == 0)
    return;

  if (!cs_store_set_string (binding->store, binding->record, binding->column, choices[selected],
                            &error))
    {
      cs_toast_show_error (GTK_WIDGET (drop_down), error);
      sync_drop_down (GTK_WIDGET (drop_down));
    }
}

/**
 * cs_field_drop_down_new:
 * @store: the project
 * @record: the record
 * @column: a choice column of @record
 * @labels: the translated label of each choice, in the field's order
 * @accessible_name: the accessible name, translated
 *
 * Returns: (transfer floating): a #GtkDropDown committing @column when a choice is picked
 */
GtkWidget *
cs_field_drop_down_new (CsStore            *store,
                        CsRecord           *record,
                        const char         *column,
                        const char * const *labels,
                        const char         *accessible_name)
{
  GtkWidget *drop_down;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_RECORD (record), NULL);

  drop_down = gtk_drop_down_new_from_strings (labels);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  bind (drop_down, store, record, column, G_CALLBACK (sync_drop_down));
  sync_drop_down (drop_down);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_drop_down_selected_cb), NULL);

  return drop_down;
}

/**
 * cs_field_number_row_new:
 * @store: the project
 * @record: the record
 * @column: a number column
 * @title: the row title, translated
 * @unit: (nullable): the unit shown after the value, translated
 * @max: the largest value
 * @digits: decimals shown
 *
 * Returns: (transfer floating): an #AdwActionRow with a spin button and its unit
 */
GtkWidget *
cs_field_number_row_new (CsStore    *store,
                         CsRecord   *record,
                         const char *column,
                         const char *title,
                         const char *unit,
                         double      max,
                         guint       digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin;
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  if (unit != NULL)
    /* Translators: accessible name of a number field: its title, then its unit */
    accessible = g_strdup_printf (_("%s, in %s"), title, unit);
  spin = cs_field_spin_new (store, record, column, max, digits, accessible ? accessible : title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  if (unit != NULL)
    {
      GtkWidget *label = gtk_label_new (unit);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

/**
 * cs_field_choice_row_new:
 * @store: the project
 * @record: the record
 * @column: a choice column
 * @title: the row title, translated
 * @labels: the translated label of each choice
 *
 * Returns: (transfer floating): an #AdwActionRow with a drop-down
 */
GtkWidget *
cs_field_choice_row_new (CsStore            *store,
                         CsRecord           *record,
                         const char         *column,
                         const char         *title,
                         const char * const *labels)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *drop_down;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  drop_down = cs_field_drop_down_new (store, record, column, labels, title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), drop_down);

  return row;
}

/**
 * cs_field_tristate_labels:
 *
 * Returns: (transfer none): the labels of the "unknown / yes / no" choices
 */
const char * const *
cs_field_tristate_labels (void)
{
  static const char *labels[4];

  if (labels[0] == NULL)
    {
      /* Translators: a yes/no question the contract does not answer */
      labels[0] = _("Not stated");
      labels[1] = _("Yes");
      labels[2] = _("No");
    }

  return labels;
}

/**
 * cs_field_time_unit_labels:
 *
 * Returns: (transfer none): the labels of the "minutes / hours / days" choices
 */
const char * const *
cs_field_time_unit_labels (void)
{
  static const char *labels[4];

  if (labels[0] == NULL)
    {
      labels[0] = _("minutes");
      labels[1] = _("hours");
      labels[2] = _("days");
    }

  return labels;
}

/**
 * cs_field_clock_labels:
 *
 * Returns: (transfer none): the labels of the "business / calendar" clocks
 */
const char * const *
cs_field_clock_labels (void)
{
  static const char *labels[3];

  if (labels[0] == NULL)
    {
      /* Translators: a time target counted only during the coverage window */
      labels[0] = _("business time");
      /* Translators: a time target counted around the clock */
      labels[1] = _("calendar time");
    }

  return labels;
}

static GtkWidget *
find_bound (GtkWidget  *widget,
            const char *table,
            gint64      record_id,
            const char *field)
{
  Binding *binding = get_binding (widget);

  if (binding != NULL &&
      g_strcmp0 (cs_record_get_entity (binding->record)->table, table) == 0 &&
      (record_id == 0 || cs_record_get_id (binding->record) == record_id) &&
      (field == NULL || g_strcmp0 (binding->column, field) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_bound (child, table, record_id, field);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * cs_field_focus:
 * @root: the widget to search
 * @table: the table of the record
 * @record_id: the record, or 0 for any
 * @field: (nullable): the column, or %NULL for any
 *
 * Expands the rows holding the editor of @field of the record and focuses it.
 *
 * Returns: %TRUE if an editor was found
 */
gboolean
cs_field_focus (GtkWidget  *root,
                const char *table,
                gint64      record_id,
                const char *field)
{
  GtkWidget *found;

  g_return_val_if_fail (GTK_IS_WIDGET (root), FALSE);

  if (table == NULL)
    return FALSE;

  found = find_bound (root, table, record_id, field);
  if (found == NULL && field != NULL)
    found = find_bound (root, table, record_id, NULL);
  if (found == NULL)
    return FALSE;

  for (GtkWidget *parent = gtk_widget_get_parent (found);
       parent != NULL && parent != root;
       parent = gtk_widget_get_parent (parent))
    if (ADW_IS_EXPANDER_ROW (parent))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (parent), TRUE);

  gtk_widget_grab_focus (found);
  return TRUE;
}
