/* cs-currency-row.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-currency-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-currency-row.h"

/**
 * CsCurrencyRow:
 *
 * A combo row choosing the currency of a text field holding an ISO 4217 code (a
 * #CsFieldEditor): the currencies contracts are commonly written in, each as its code and
 * name. A code stored by an older version or another program that is not in the list is
 * added to it, so that it is shown as it is and never changed unless the user chooses.
 */
struct _CsCurrencyRow
{
  AdwComboRow     parent_instance;

  CsFieldBinding  binding;
  GPtrArray      *codes;
  GtkStringList  *labels;
  gboolean        syncing;
};

static void cs_currency_row_editor_init (CsFieldEditorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsCurrencyRow, cs_currency_row, ADW_TYPE_COMBO_ROW,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_FIELD_EDITOR,
                                                      cs_currency_row_editor_init))

static const struct {
  const char *code;
  const char *name;
} currencies[] = {
  { "EUR", N_("Euro") },
  { "USD", N_("US dollar") },
  { "GBP", N_("Pound sterling") },
  { "CHF", N_("Swiss franc") },
  { "CAD", N_("Canadian dollar") },
  { "AUD", N_("Australian dollar") },
  { "JPY", N_("Japanese yen") },
  { "SEK", N_("Swedish krona") },
  { "NOK", N_("Norwegian krone") },
  { "DKK", N_("Danish krone") },
  { "PLN", N_("Polish złoty") },
  { "MAD", N_("Moroccan dirham") },
  { "XOF", N_("West African CFA franc") },
};

static void
append (CsCurrencyRow *self,
        const char    *code,
        const char    *name)
{
  /* Translators: a currency in a list: its ISO code, then its name ("EUR — Euro") */
  g_autofree char *label = name != NULL ? g_strdup_printf (_("%s — %s"), code, name)
                                        : g_strdup (code);

  g_ptr_array_add (self->codes, g_strdup (code));
  gtk_string_list_append (self->labels, label);
}

static guint
find_code (CsCurrencyRow *self,
           const char    *code)
{
  for (guint i = 0; i < self->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->codes, i), code) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
on_selected_notify_cb (CsCurrencyRow *self)
{
  if (!self->syncing)
    cs_field_editor_commit (CS_FIELD_EDITOR (self), TRUE);
}

/* CsFieldEditor */

static CsFieldBinding *
cs_currency_row_get_binding (CsFieldEditor *editor)
{
  return &CS_CURRENCY_ROW (editor)->binding;
}

static void
cs_currency_row_sync (CsFieldEditor *editor)
{
  CsCurrencyRow *self = CS_CURRENCY_ROW (editor);
  const char *value = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->binding.record != NULL)
    value = cs_record_get_string (self->binding.record, self->binding.column);
  if (value != NULL && value[0] != '\0')
    {
      position = find_code (self, value);
      if (position == GTK_INVALID_LIST_POSITION)
        {
          append (self, value, NULL);
          position = self->codes->len - 1;
        }
    }

  self->syncing = TRUE;
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self)) != position)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
  self->syncing = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self), cs_field_binding_is_writable (&self->binding));
}

static gboolean
cs_currency_row_commit (CsFieldEditor *editor,
                        gboolean       final)
{
  CsCurrencyRow *self = CS_CURRENCY_ROW (editor);
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));

  if (position == GTK_INVALID_LIST_POSITION || position >= self->codes->len)
    return FALSE;

  return cs_field_editor_store_string (editor, g_ptr_array_index (self->codes, position));
}

static void
cs_currency_row_editor_init (CsFieldEditorInterface *iface)
{
  iface->get_binding = cs_currency_row_get_binding;
  iface->sync = cs_currency_row_sync;
  iface->commit = cs_currency_row_commit;
}

/* GObject vfuncs */

static void
cs_currency_row_dispose (GObject *object)
{
  cs_field_binding_clear (&CS_CURRENCY_ROW (object)->binding);

  G_OBJECT_CLASS (cs_currency_row_parent_class)->dispose (object);
}

static void
cs_currency_row_finalize (GObject *object)
{
  CsCurrencyRow *self = CS_CURRENCY_ROW (object);

  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (cs_currency_row_parent_class)->finalize (object);
}

static void
cs_currency_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (!cs_field_binding_get_property (&CS_CURRENCY_ROW (object)->binding, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cs_currency_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (!cs_field_binding_set_property (&CS_CURRENCY_ROW (object)->binding, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cs_currency_row_class_init (CsCurrencyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_currency_row_dispose;
  object_class->finalize = cs_currency_row_finalize;
  object_class->get_property = cs_currency_row_get_property;
  object_class->set_property = cs_currency_row_set_property;

  cs_field_editor_install_properties (object_class);
}

static void
cs_currency_row_init (CsCurrencyRow *self)
{
  cs_field_binding_init (&self->binding, GTK_WIDGET (self));

  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    append (self, currencies[i].code, _(currencies[i].name));
  self->syncing = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;

  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected_notify_cb), NULL);
  cs_field_editor_name_after_title (CS_FIELD_EDITOR (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/* public API */

/**
 * cs_currency_row_new:
 * @title: the translated title
 * @column: the text column holding a currency code
 *
 * Returns: (transfer floating): a new #CsCurrencyRow, without a record yet
 */
GtkWidget *
cs_currency_row_new (const char *title,
                     const char *column)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (CS_TYPE_CURRENCY_ROW, "title", title, "column", column, NULL);
}

/**
 * cs_currency_row_get_value:
 * @self: a #CsCurrencyRow
 *
 * Returns: (nullable): the code of the currency shown
 */
const char *
cs_currency_row_get_value (CsCurrencyRow *self)
{
  guint position;

  g_return_val_if_fail (CS_IS_CURRENCY_ROW (self), NULL);

  position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (position == GTK_INVALID_LIST_POSITION || position >= self->codes->len)
    return NULL;
  return g_ptr_array_index (self->codes, position);
}
