/* cs-inventory-columns.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-inventory-columns"

#include "config.h"

#include "cs-inventory-columns.h"

#include "cs-perimeter.h"

/*
 * What the inventory's columns share with any table of records: the coverage of an asset shown
 * as a coloured badge (a label with the `coverage-badge` class and success, warning or error,
 * with the state's name as well as its colour), and column widths kept in GSettings.
 */

static const char * const badge_classes[] = { "success", "warning", "error", "dim-label" };

/**
 * cs_coverage_badge_setup:
 * @label: a label created for a coverage cell
 *
 * Gives @label the look of a badge; cs_coverage_badge_set_state() then shows a state.
 */
void
cs_coverage_badge_setup (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_add_css_class (GTK_WIDGET (label), "coverage-badge");
  gtk_widget_set_halign (GTK_WIDGET (label), GTK_ALIGN_START);
}

/**
 * cs_coverage_badge_set_state:
 * @label: a label set up with cs_coverage_badge_setup()
 * @has_offer: whether an offer is selected (without one, the badge is empty)
 * @state: the asset's coverage under the selected offer
 *
 * Shows @state's name, in green when managed, amber when partial, red when excluded and grey
 * when the offer says nothing.
 */
void
cs_coverage_badge_set_state (GtkLabel        *label,
                             gboolean         has_offer,
                             CsCoverageState  state)
{
  const char *class = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  for (guint i = 0; i < G_N_ELEMENTS (badge_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), badge_classes[i]);

  if (!has_offer)
    {
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  switch (state)
    {
    case CS_COVERAGE_MANAGED:
      class = "success";
      break;
    case CS_COVERAGE_PARTIAL:
      class = "warning";
      break;
    case CS_COVERAGE_EXCLUDED:
      class = "error";
      break;
    case CS_COVERAGE_NOT_ADDRESSED:
    default:
      class = "dim-label";
      break;
    }

  gtk_widget_add_css_class (GTK_WIDGET (label), class);
  gtk_label_set_text (label, cs_coverage_state_get_label (state));
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

typedef struct
{
  GSettings *settings;
  char      *key;
  char      *id;
} Remembered;

static void
remembered_free (gpointer  data,
                 GClosure *closure)
{
  Remembered *remembered = data;

  g_clear_object (&remembered->settings);
  g_free (remembered->key);
  g_free (remembered->id);
  g_free (remembered);
}

static void
on_column_fixed_width_cb (GtkColumnViewColumn *column,
                          GParamSpec          *pspec,
                          Remembered          *remembered)
{
  g_autoptr(GVariant) widths = g_settings_get_value (remembered->settings, remembered->key);
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (widths);
  int width = gtk_column_view_column_get_fixed_width (column);
  int stored = -1;

  if (g_variant_dict_lookup (&dict, remembered->id, "i", &stored) && stored == width)
    return;
  g_variant_dict_insert (&dict, remembered->id, "i", width);
  g_settings_set_value (remembered->settings, remembered->key, g_variant_dict_end (&dict));
}

/**
 * cs_column_width_remember:
 * @column: a column of a column view
 * @settings: the application's settings
 * @key: a key of type `a{sv}` that maps column ids to widths
 * @id: the column's id in @key, stable across versions and languages
 *
 * Gives @column the width stored for @id, if any, and stores each width the user gives it.
 */
void
cs_column_width_remember (GtkColumnViewColumn *column,
                          GSettings           *settings,
                          const char          *key,
                          const char          *id)
{
  g_autoptr(GVariant) widths = NULL;
  Remembered *remembered;
  int width;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (key != NULL && id != NULL);

  widths = g_settings_get_value (settings, key);
  if (g_variant_lookup (widths, id, "i", &width) && width > 0)
    gtk_column_view_column_set_fixed_width (column, width);

  remembered = g_new0 (Remembered, 1);
  remembered->settings = g_object_ref (settings);
  remembered->key = g_strdup (key);
  remembered->id = g_strdup (id);
  g_signal_connect_data (column, "notify::fixed-width", G_CALLBACK (on_column_fixed_width_cb),
                         remembered, remembered_free, 0);
}
