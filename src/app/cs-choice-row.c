/* cs-choice-row.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-choice-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-choice-row.h"
#include "cs-field-row.h"
#include "cs-labels.h"
#include "cs-toast.h"

/**
 * CsChoiceRow:
 *
 * A combo row bound to one choice field of a record (#CsRecord): it lists the field's
 * choices (cs-model.c) with translated labels (cs_choice_get_label()) and commits the choice
 * through the store as soon as it is made. Tri-state answers read "Not stated", "Yes", "No".
 * A choice the store refuses is shown in a toast and the row shows the value on disk again;
 * the row follows the record's changes and is insensitive when the project is read-only.
 *
 * Use it from a `.ui` file with its "column" property, then give it a record with
 * cs_choice_row_bind() or cs_field_rows_bind().
 */
struct _CsChoiceRow
{
  AdwComboRow         parent_instance;

  CsStore            *store;
  CsRecord           *record;
  char               *column;
  const char * const *choices;
  gulong              notify_id;
  gboolean            syncing;
};

enum {
  PROP_0,
  PROP_COLUMN,
  PROP_RECORD,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsChoiceRow, cs_choice_row, ADW_TYPE_COMBO_ROW)

static GParamSpec *properties[N_PROPS];

/* Labels of the stored choice values of the section tables; values are unique across them. */
static const CsField *
get_field (CsChoiceRow *self)
{
  if (self->record == NULL || self->column == NULL)
    return NULL;

  return cs_entity_find_field (cs_record_get_entity (self->record), self->column, NULL);
}

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
sync_from_record (CsChoiceRow *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->record != NULL)
    position = find_choice (self, cs_record_get_string (self->record, self->column));

  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self)) == position)
    return;

  self->syncing = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
  self->syncing = FALSE;
}

static void
update_sensitive (CsChoiceRow *self)
{
  gboolean writable = self->store != NULL && self->record != NULL &&
                      !cs_store_is_closed (self->store) && !cs_store_is_read_only (self->store);

  gtk_widget_set_sensitive (GTK_WIDGET (self), writable);
}

static void
on_record_notify_cb (CsRecord    *record,
                     GParamSpec  *pspec,
                     CsChoiceRow *self)
{
  sync_from_record (self);
}

static void
on_selected_notify_cb (CsChoiceRow *self)
{
  g_autoptr(GError) error = NULL;
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  const char *value;

  if (self->syncing || self->record == NULL || self->store == NULL ||
      position == GTK_INVALID_LIST_POSITION)
    return;

  value = self->choices[position];
  if (g_strcmp0 (value, cs_record_get_string (self->record, self->column)) == 0)
    return;

  if (!cs_store_set_string (self->store, self->record, self->column, value, &error))
    {
      cs_toast_show_error (GTK_WIDGET (self), error);
      sync_from_record (self);
    }
}

static void
on_title_notify_cb (CsChoiceRow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                  -1);
}

/* GObject vfuncs */

static void
cs_choice_row_dispose (GObject *object)
{
  CsChoiceRow *self = CS_CHOICE_ROW (object);

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_choice_row_parent_class)->dispose (object);
}

static void
cs_choice_row_finalize (GObject *object)
{
  CsChoiceRow *self = CS_CHOICE_ROW (object);

  g_free (self->column);

  G_OBJECT_CLASS (cs_choice_row_parent_class)->finalize (object);
}

static void
cs_choice_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsChoiceRow *self = CS_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;

    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_choice_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsChoiceRow *self = CS_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      self->column = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_choice_row_class_init (CsChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_choice_row_dispose;
  object_class->finalize = cs_choice_row_finalize;
  object_class->get_property = cs_choice_row_get_property;
  object_class->set_property = cs_choice_row_set_property;

  /**
   * CsChoiceRow:column:
   *
   * The choice column of the record edited ("renewal_mode" …).
   */
  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CsChoiceRow:record:
   *
   * The record edited, set with cs_choice_row_bind().
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         CS_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_choice_row_init (CsChoiceRow *self)
{
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected_notify_cb), NULL);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_notify_cb), NULL);
  update_sensitive (self);
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
 * cs_choice_row_get_column:
 * @self: a #CsChoiceRow
 *
 * Returns: the column edited
 */
const char *
cs_choice_row_get_column (CsChoiceRow *self)
{
  g_return_val_if_fail (CS_IS_CHOICE_ROW (self), NULL);

  return self->column;
}

/**
 * cs_choice_row_get_record:
 * @self: a #CsChoiceRow
 *
 * Returns: (transfer none) (nullable): the record edited
 */
CsRecord *
cs_choice_row_get_record (CsChoiceRow *self)
{
  g_return_val_if_fail (CS_IS_CHOICE_ROW (self), NULL);

  return self->record;
}

/**
 * cs_choice_row_bind:
 * @self: a #CsChoiceRow
 * @store: (nullable): the project
 * @record: (nullable): the record to edit, %NULL for none (the row is then insensitive)
 *
 * Shows and edits the row's column of @record.
 */
void
cs_choice_row_bind (CsChoiceRow *self,
                    CsStore     *store,
                    CsRecord    *record)
{
  const CsField *field;

  g_return_if_fail (CS_IS_CHOICE_ROW (self));
  g_return_if_fail (store == NULL || CS_IS_STORE (store));
  g_return_if_fail (record == NULL || CS_IS_RECORD (record));

  if (self->record == record && self->store == store)
    return;

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);

  g_set_object (&self->store, store);
  g_set_object (&self->record, record);

  field = get_field (self);
  if (self->record != NULL && (field == NULL || field->type != CS_FIELD_CHOICE))
    {
      g_critical ("%s has no choice field “%s”", G_OBJECT_TYPE_NAME (record), self->column);
      g_clear_object (&self->record);
      field = NULL;
    }

  if (field != NULL && field->choices != self->choices)
    {
      g_autoptr(GtkStringList) labels = cs_choice_labels_new (field->choices);

      self->choices = field->choices;
      self->syncing = TRUE;
      adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (labels));
      self->syncing = FALSE;
    }

  if (self->record != NULL)
    {
      g_autofree char *property = g_strdelimit (g_strdup (self->column), "_", '-');
      g_autofree char *signal = g_strconcat ("notify::", property, NULL);

      self->notify_id = g_signal_connect (self->record, signal,
                                          G_CALLBACK (on_record_notify_cb), self);
    }

  sync_from_record (self);
  update_sensitive (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/**
 * cs_choice_row_get_value:
 * @self: a #CsChoiceRow
 *
 * Returns: (nullable): the stored value selected ("yes" …)
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
 * @value: a stored value of the field's choices
 *
 * Selects @value, as the user would: the choice is committed.
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
