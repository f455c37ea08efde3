/* cs-number-row.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-number-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cs-number-row.h"
#include "cs-accessible.h"
#include "cs-i18n.h"
#include "cs-labels.h"
#include "cs-toast.h"

/**
 * CsNumberRow:
 *
 * A row editing one number of a record (a #CsFieldEditor) with a spin button, its unit after
 * it ("days", "%", "EUR" …). A number the contract does not state (NaN) shows "—"; erasing
 * the number states nothing again. A whole-number column keeps to the field's range; a
 * clock row shows minutes from midnight as "08:00". Committed on Enter, when the spin button
 * loses the focus, after a pause in typing, or at each step of the buttons.
 *
 * Choices that qualify the number (the unit and the clock of a service-level time) can sit
 * beside it: cs_number_row_add_choice() adds a drop-down editing another choice column of the
 * same record.
 */

/* A drop-down editing another choice column of the row's record. */
typedef struct
{
  GtkDropDown *drop_down;
  char        *column;
  gulong       notify_id;
} Choice;

struct _CsNumberRow
{
  AdwActionRow    parent_instance;

  CsFieldBinding  binding;
  char           *unit;
  gboolean        clock;
  gboolean        money;
  GtkSpinButton  *spin;
  GtkLabel       *unit_label;
  GArray         *choices;
  CsRecord       *watched;   /* the record whose choice columns the drop-downs follow */
};

enum {
  PROP_UNIT = CS_FIELD_EDITOR_N_PROPS,
  N_PROPS
};

static void cs_number_row_editor_init (CsFieldEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsNumberRow, cs_number_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_FIELD_EDITOR,
                                                      cs_number_row_editor_init))

static GParamSpec *properties[N_PROPS];

static gboolean
is_number (CsNumberRow *self)
{
  const CsField *field = cs_field_binding_get_field (&self->binding);

  return field == NULL || field->type == CS_FIELD_NUMBER;
}

static void
update_accessible_label (CsNumberRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *label = NULL;
  g_autofree char *row_label = NULL;

  if (self->unit != NULL && self->unit[0] != '\0')
    {
      /* Translators: accessible name of a number field: its title, then its unit */
      label = g_strdup_printf (_("%s, in %s"), title, self->unit);
      /* Translators: accessible name of a number row: its title, then its unit in brackets */
      row_label = g_strdup_printf (_("%s (%s)"), title, self->unit);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  row_label != NULL ? row_label : title, -1);
}

static gboolean
on_output_cb (GtkSpinButton *spin,
              CsNumberRow   *self)
{
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *text = NULL;

  if (self->clock)
    {
      int minutes = (int) value;

      text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
    }
  else if (is_number (self) && value < 0)
    /* Translators: shown in a number field whose value the contract does not state */
    text = g_strdup (_("—"));
  else if (is_number (self) && self->money)
    text = cs_i18n_format_number (NULL, value, 2);
  else if (is_number (self))
    text = cs_format_number (value);
  else
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
parse_clock (const char *text,
             double     *new_value)
{
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

/* An amount as typed in either language's format, its currency written or not: "1 234,50 €",
 * "€1,234.50", "720,00", "720.5 EUR". When both a point and a comma appear, the last one is the
 * decimal separator and the other groups thousands. */
static gboolean
parse_money (const char *text,
             double     *new_value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *last_point = strrchr (text, '.');
  const char *last_comma = strrchr (text, ',');
  char decimal = last_point == NULL ? ',' : last_comma == NULL ? '.'
                 : last_point > last_comma ? '.' : ',';
  char *end = NULL;
  double value;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) && c < 0x80)
        g_string_append_c (digits, (char) c);
      else if (c == (gunichar) decimal)
        g_string_append_c (digits, '.');
      else if (c == '-' || c == 0x2212)
        g_string_append_c (digits, '-');
      else if (c == '.' || c == ',' || g_unichar_isspace (c) || c == 0x202F || c == 0x00A0 ||
               g_unichar_isalpha (c) || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
        continue;  /* thousands separators and the currency */
      else
        return FALSE;
    }

  if (digits->len == 0)
    return FALSE;
  value = g_ascii_strtod (digits->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;

  *new_value = value;
  return TRUE;
}

static int
on_input_cb (GtkSpinButton *spin,
             double        *new_value,
             CsNumberRow   *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  if (self->clock)
    return parse_clock (text, new_value);

  if (is_number (self) && (text[0] == '\0' || g_str_equal (text, "—") ||
                           g_str_equal (text, _("—"))))
    {
      *new_value = -1;
      return TRUE;
    }

  if (self->money)
    return parse_money (text, new_value) ? TRUE : GTK_INPUT_ERROR;

  return cs_parse_number (text, new_value) ? TRUE : GTK_INPUT_ERROR;
}

static gboolean
store_value (CsNumberRow *self)
{
  double value = gtk_spin_button_get_value (self->spin);

  if (!is_number (self))
    return cs_field_editor_store_int (CS_FIELD_EDITOR (self), (gint64) value);

  return cs_field_editor_store_number (CS_FIELD_EDITOR (self), value < 0 ? NAN : value);
}

static void
on_value_changed_cb (GtkSpinButton *spin,
                     CsNumberRow   *self)
{
  if (!self->binding.syncing && cs_field_binding_is_writable (&self->binding))
    store_value (self);
}

static void
on_activate_cb (GtkText     *text,
                CsNumberRow *self)
{
  cs_field_editor_commit (CS_FIELD_EDITOR (self), TRUE);
}

static void
sync_choice (CsNumberRow *self,
             Choice      *choice)
{
  const CsField *field = NULL;
  const char *value = NULL;

  if (self->binding.record != NULL)
    {
      field = cs_entity_find_field (cs_record_get_entity (self->binding.record), choice->column,
                                    NULL);
      value = cs_record_get_string (self->binding.record, choice->column);
    }

  for (guint i = 0; field != NULL && field->choices[i] != NULL; i++)
    if (g_strcmp0 (field->choices[i], value) == 0)
      gtk_drop_down_set_selected (choice->drop_down, i);
  gtk_widget_set_sensitive (GTK_WIDGET (choice->drop_down),
                            cs_field_binding_is_writable (&self->binding));
}

static Choice *
find_choice (CsNumberRow *self,
             GtkDropDown *drop_down)
{
  for (guint i = 0; i < self->choices->len; i++)
    if (g_array_index (self->choices, Choice, i).drop_down == drop_down)
      return &g_array_index (self->choices, Choice, i);

  g_assert_not_reached ();
}

static void
on_choice_selected_cb (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       CsNumberRow *self)
{
  Choice *choice = find_choice (self, drop_down);
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;
  const CsField *field;

  if (self->binding.syncing || !cs_field_binding_is_writable (&self->binding) ||
      selected == GTK_INVALID_LIST_POSITION)
    return;

  field = cs_entity_find_field (cs_record_get_entity (self->binding.record), choice->column,
                                NULL);
  if (g_strcmp0 (field->choices[selected],
                 cs_record_get_string (self->binding.record, choice->column)) == 0)
    return;

  if (!cs_store_set_string (self->binding.store, self->binding.record, choice->column,
                            field->choices[selected], &error))
    {
      cs_toast_show_error (GTK_WIDGET (self), error);
      cs_field_editor_sync (CS_FIELD_EDITOR (self));
    }
}

static void
on_choice_notify_cb (CsRecord    *record,
                     GParamSpec  *pspec,
                     CsNumberRow *self)
{
  cs_field_editor_sync (CS_FIELD_EDITOR (self));
}

static void
disconnect_choices (CsNumberRow *self)
{
  for (guint i = 0; self->watched != NULL && i < self->choices->len; i++)
    g_clear_signal_handler (&g_array_index (self->choices, Choice, i).notify_id, self->watched);
  g_clear_object (&self->watched);
}

/* Follows the columns of the drop-downs on the row's (new) record. */
static void
on_record_notify_cb (CsNumberRow *self)
{
  disconnect_choices (self);
  g_set_object (&self->watched, self->binding.record);

  for (guint i = 0; self->watched != NULL && i < self->choices->len; i++)
    {
      Choice *choice = &g_array_index (self->choices, Choice, i);
      g_autofree char *property = g_strdelimit (g_strdup (choice->column), "_", '-');
      g_autofree char *signal = g_strconcat ("notify::", property, NULL);

      choice->notify_id = g_signal_connect (self->watched, signal,
                                            G_CALLBACK (on_choice_notify_cb), self);
    }
}

static void
choice_clear (gpointer data)
{
  Choice *choice = data;

  g_free (choice->column);
}

/* CsFieldEditor */

static CsFieldBinding *
cs_number_row_get_binding (CsFieldEditor *editor)
{
  return &CS_NUMBER_ROW (editor)->binding;
}

static void
cs_number_row_sync (CsFieldEditor *editor)
{
  CsNumberRow *self = CS_NUMBER_ROW (editor);
  const CsField *field = cs_field_binding_get_field (&self->binding);
  gboolean writable = cs_field_binding_is_writable (&self->binding);
  double value = -1;

  gtk_editable_set_editable (GTK_EDITABLE (self->spin), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->spin), writable);

  if (field != NULL && field->type == CS_FIELD_INT && !self->clock)
    {
      GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (self->spin);

      gtk_adjustment_set_lower (adjustment, field->min);
      if (field->max < gtk_adjustment_get_upper (adjustment))
        gtk_adjustment_set_upper (adjustment, field->max);
      gtk_spin_button_set_digits (self->spin, 0);
    }

  if (field != NULL && field->type == CS_FIELD_NUMBER)
    {
      value = cs_record_get_number (self->binding.record, self->binding.column);
      if (isnan (value))
        value = -1;
    }
  else if (field != NULL)
    value = cs_record_get_int (self->binding.record, self->binding.column);

  gtk_spin_button_set_value (self->spin, value);
  /* The text too: a refused value typed over the same number stays otherwise. */
  gtk_spin_button_update (self->spin);

  for (guint i = 0; i < self->choices->len; i++)
    sync_choice (self, &g_array_index (self->choices, Choice, i));
}

static gboolean
cs_number_row_commit (CsFieldEditor *editor,
                      gboolean       final)
{
  CsNumberRow *self = CS_NUMBER_ROW (editor);
  double value;

  /* A half-typed number waits for Enter or the focus to leave, where it is an error. */
  if (on_input_cb (self->spin, &value, self) == GTK_INPUT_ERROR)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE
                                                                          (self->spin))));
      g_autoptr(GError) error = NULL;

      if (!final)
        return FALSE;

      g_set_error (&error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("“%s” is not a number; nothing was changed."), text);
      cs_toast_show_error (GTK_WIDGET (self), error);
      cs_field_editor_sync (editor);
      return FALSE;
    }

  self->binding.syncing = TRUE;
  gtk_spin_button_set_value (self->spin, value);
  self->binding.syncing = FALSE;

  return store_value (self);
}

static gboolean
cs_number_row_edits (CsFieldEditor *editor,
                     const char    *column)
{
  CsNumberRow *self = CS_NUMBER_ROW (editor);

  for (guint i = 0; i < self->choices->len; i++)
    if (g_strcmp0 (g_array_index (self->choices, Choice, i).column, column) == 0)
      return TRUE;

  return FALSE;
}

static void
cs_number_row_editor_init (CsFieldEditorInterface *iface)
{
  iface->get_binding = cs_number_row_get_binding;
  iface->sync = cs_number_row_sync;
  iface->commit = cs_number_row_commit;
  iface->edits = cs_number_row_edits;
}

/* GtkWidget vfuncs */

static gboolean
cs_number_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CS_NUMBER_ROW (widget)->spin));
}

/* GObject vfuncs */

static void
cs_number_row_dispose (GObject *object)
{
  CsNumberRow *self = CS_NUMBER_ROW (object);

  disconnect_choices (self);
  cs_field_binding_clear (&self->binding);

  G_OBJECT_CLASS (cs_number_row_parent_class)->dispose (object);
}

static void
cs_number_row_finalize (GObject *object)
{
  CsNumberRow *self = CS_NUMBER_ROW (object);

  g_clear_pointer (&self->choices, g_array_unref);
  g_free (self->unit);

  G_OBJECT_CLASS (cs_number_row_parent_class)->finalize (object);
}

static void
cs_number_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsNumberRow *self = CS_NUMBER_ROW (object);

  if (cs_field_binding_get_property (&self->binding, prop_id, value))
    return;

  if (prop_id == PROP_UNIT)
    g_value_set_string (value, self->unit);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cs_number_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsNumberRow *self = CS_NUMBER_ROW (object);

  if (cs_field_binding_set_property (&self->binding, prop_id, value))
    return;

  if (prop_id == PROP_UNIT)
    cs_number_row_set_unit (self, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cs_number_row_class_init (CsNumberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_number_row_dispose;
  object_class->finalize = cs_number_row_finalize;
  object_class->get_property = cs_number_row_get_property;
  object_class->set_property = cs_number_row_set_property;
  widget_class->grab_focus = cs_number_row_grab_focus;

  cs_field_editor_install_properties (object_class);

  /**
   * CsNumberRow:unit:
   *
   * The unit shown after the number ("days" …), or %NULL.
   */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_property (object_class, PROP_UNIT, properties[PROP_UNIT]);
}

static void
cs_number_row_init (CsNumberRow *self)
{
  cs_field_binding_init (&self->binding, GTK_WIDGET (self));
  self->choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  g_array_set_clear_func (self->choices, choice_clear);

  /* -1 stands for "not stated" (NaN in the record) */
  self->spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (-1, 1e12, 1));
  gtk_spin_button_set_digits (self->spin, 2);
  /* new_with_range() makes the button numeric, which filters out "—" and "08:00". */
  gtk_spin_button_set_numeric (self->spin, FALSE);
  gtk_spin_button_set_update_policy (self->spin, GTK_UPDATE_IF_VALID);
  gtk_widget_set_valign (GTK_WIDGET (self->spin), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->spin), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->spin), "numeric");
  g_signal_connect (self->spin, "output", G_CALLBACK (on_output_cb), self);
  g_signal_connect (self->spin, "input", G_CALLBACK (on_input_cb), self);
  g_signal_connect (self->spin, "value-changed", G_CALLBACK (on_value_changed_cb), self);
  /* Enter: the spin button's text emits "activate" (GtkSpinButton itself does not in 4.8). */
  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (self->spin)), "activate",
                    G_CALLBACK (on_activate_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->spin));

  self->unit_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->unit_label), "dim-label");
  gtk_label_set_width_chars (self->unit_label, 6);
  gtk_label_set_xalign (self->unit_label, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->unit_label));

  cs_field_editor_watch (CS_FIELD_EDITOR (self), GTK_WIDGET (self->spin));
  g_signal_connect (self, "notify::title", G_CALLBACK (update_accessible_label), NULL);
  g_signal_connect (self, "notify::record", G_CALLBACK (on_record_notify_cb), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/* public API */

/**
 * cs_number_row_new:
 * @title: the translated title
 * @column: the number column edited
 * @unit: (nullable): the translated unit
 *
 * Returns: (transfer floating): a new #CsNumberRow, without a record yet
 */
GtkWidget *
cs_number_row_new (const char *title,
                   const char *column,
                   const char *unit)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (CS_TYPE_NUMBER_ROW, "title", title, "column", column, "unit", unit, NULL);
}

/**
 * cs_number_row_get_unit:
 * @self: a #CsNumberRow
 *
 * Returns: (nullable): the unit shown after the number
 */
const char *
cs_number_row_get_unit (CsNumberRow *self)
{
  g_return_val_if_fail (CS_IS_NUMBER_ROW (self), NULL);

  return self->unit;
}

/**
 * cs_number_row_set_unit:
 * @self: a #CsNumberRow
 * @unit: (nullable): the translated unit, e.g. "days"
 *
 * Sets the unit shown after the number.
 */
void
cs_number_row_set_unit (CsNumberRow *self,
                        const char  *unit)
{
  g_return_if_fail (CS_IS_NUMBER_ROW (self));

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
 * cs_number_row_set_range:
 * @self: a #CsNumberRow
 * @maximum: the largest value
 * @digits: the decimals shown
 *
 * Sets the largest value and the decimals the buttons step by of a number column (a
 * whole-number column keeps to its field's range).
 */
void
cs_number_row_set_range (CsNumberRow *self,
                         double       maximum,
                         guint        digits)
{
  g_return_if_fail (CS_IS_NUMBER_ROW (self));

  gtk_spin_button_set_range (self->spin, -1, maximum);
  gtk_spin_button_set_increments (self->spin, digits > 0 ? 0.5 : 1, digits > 0 ? 5 : 10);
  gtk_spin_button_set_digits (self->spin, digits);
}

/**
 * cs_number_row_set_money:
 * @self: a #CsNumberRow
 * @money: whether the number is an amount of money
 *
 * Shows the amount with two decimals in the interface's number format ("1,234.50",
 * "1 234,50") and reads it back typed in either format, with or without its currency.
 */
void
cs_number_row_set_money (CsNumberRow *self,
                         gboolean     money)
{
  g_return_if_fail (CS_IS_NUMBER_ROW (self));

  self->money = money;
  on_output_cb (self->spin, self);
}

/**
 * cs_number_row_set_clock:
 * @self: a #CsNumberRow
 * @clock: whether the whole number is minutes from midnight, shown and typed "08:00"
 *
 * Makes the row edit a time of day.
 */
void
cs_number_row_set_clock (CsNumberRow *self,
                         gboolean     clock)
{
  g_return_if_fail (CS_IS_NUMBER_ROW (self));

  self->clock = clock;
  if (clock)
    {
      gtk_spin_button_set_range (self->spin, 0, 1440);
      gtk_spin_button_set_increments (self->spin, 15, 60);
      gtk_spin_button_set_digits (self->spin, 0);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->spin), 5);
    }
}

/**
 * cs_number_row_get_spin_button:
 * @self: a #CsNumberRow
 *
 * Returns: (transfer none): the spin button editing the number
 */
GtkSpinButton *
cs_number_row_get_spin_button (CsNumberRow *self)
{
  g_return_val_if_fail (CS_IS_NUMBER_ROW (self), NULL);

  return self->spin;
}

/**
 * cs_number_row_add_choice:
 * @self: a #CsNumberRow
 * @column: another choice column of the row's record
 * @choices: the stored values of @column, in the field's order (their labels are shown)
 * @accessible_name: the accessible name of the drop-down, translated
 *
 * Adds a drop-down after the number that edits @column of the same record: the unit or the
 * clock of a time, for example. Call it before the row gets its record.
 *
 * Returns: (transfer none): the drop-down
 */
GtkDropDown *
cs_number_row_add_choice (CsNumberRow        *self,
                          const char         *column,
                          const char * const *choices,
                          const char         *accessible_name)
{
  Choice choice = { 0, };
  GtkStringList *labels;

  g_return_val_if_fail (CS_IS_NUMBER_ROW (self), NULL);
  g_return_val_if_fail (column != NULL && choices != NULL, NULL);
  g_return_val_if_fail (self->binding.record == NULL, NULL);

  labels = gtk_string_list_new (NULL);
  for (guint i = 0; choices[i] != NULL; i++)
    gtk_string_list_append (labels, cs_choice_get_label (choices[i]));
  choice.drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (labels), NULL));
  choice.column = g_strdup (column);
  gtk_widget_set_valign (GTK_WIDGET (choice.drop_down), GTK_ALIGN_CENTER);
  cs_accessible_label_drop_down (GTK_WIDGET (choice.drop_down), accessible_name);
  g_signal_connect (choice.drop_down, "notify::selected", G_CALLBACK (on_choice_selected_cb),
                    self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (choice.drop_down));
  g_array_append_val (self->choices, choice);

  return choice.drop_down;
}
