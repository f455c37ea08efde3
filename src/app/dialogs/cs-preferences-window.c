/* cs-preferences-window.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-preferences-window.h"
#include "cs-construct-property.h"

/**
 * CsPreferencesWindow:
 *
 * The application preferences: the style (follow the system, light or dark), kept in the
 * `color-scheme` setting, and the paper of exported and printed documents (from the region,
 * A4 or Letter), kept in `paper-size`. Without the settings schema, the style applies to this
 * run only and the paper follows the region.
 */
struct _CsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  gboolean              ready;

  /* template children */
  AdwComboRow          *style_row;
  AdwComboRow          *paper_row;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsPreferencesWindow, cs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static GParamSpec *properties[N_PROPS];

/* In the order of the style row's items. */
static const char * const schemes[] = { "default", "light", "dark" };

static guint
scheme_to_index (const char *scheme)
{
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      if (g_strcmp0 (scheme, schemes[i]) == 0)
        return i;
    }

  return 0;
}

static void
on_style_row_selected_cb (AdwComboRow         *row,
                          GParamSpec          *pspec,
                          CsPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  static const AdwColorScheme color_schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };

  /* Ignore the selection the template and constructed() make. */
  if (!self->ready || selected >= G_N_ELEMENTS (schemes))
    return;

  /* The application follows the setting when there is one. */
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "color-scheme", schemes[selected]);
  else
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_schemes[selected]);
}

/* In the order of the paper row's items. */
static const char * const papers[] = { "automatic", "a4", "letter" };

static void
on_paper_row_selected_cb (AdwComboRow         *row,
                          GParamSpec          *pspec,
                          CsPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (!self->ready || selected >= G_N_ELEMENTS (papers) || self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "paper-size", papers[selected]);
}

/* GObject vfuncs */

static void
cs_preferences_window_constructed (GObject *object)
{
  CsPreferencesWindow *self = CS_PREFERENCES_WINDOW (object);
  guint selected = 0;

  G_OBJECT_CLASS (cs_preferences_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

      selected = scheme_to_index (scheme);
    }
  else
    {
      switch (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()))
        {
        case ADW_COLOR_SCHEME_FORCE_LIGHT:
          selected = 1;
          break;

        case ADW_COLOR_SCHEME_FORCE_DARK:
          selected = 2;
          break;

        case ADW_COLOR_SCHEME_DEFAULT:
        case ADW_COLOR_SCHEME_PREFER_LIGHT:
        case ADW_COLOR_SCHEME_PREFER_DARK:
        default:
          selected = 0;
          break;
        }
    }

  adw_combo_row_set_selected (self->style_row, selected);

  if (self->settings != NULL)
    {
      g_autofree char *paper = g_settings_get_string (self->settings, "paper-size");

      for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
        if (g_strcmp0 (paper, papers[i]) == 0)
          adw_combo_row_set_selected (self->paper_row, i);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), FALSE);
  self->ready = TRUE;
}

static void
cs_preferences_window_dispose (GObject *object)
{
  CsPreferencesWindow *self = CS_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cs_preferences_window_parent_class)->dispose (object);
}

static void
cs_preferences_window_class_init (CsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_preferences_window_constructed;
  object_class->dispose = cs_preferences_window_dispose;
  object_class->get_property = cs_construct_property_get;
  object_class->set_property = cs_construct_property_set;

  /**
   * CsPreferencesWindow:settings:
   *
   * The application's settings (org.contractscope.ContractScope), or %NULL when the schema
   * is not installed.
   */
  properties[PROP_SETTINGS] =
    cs_param_spec_construct_object ("settings", G_TYPE_SETTINGS,
                                    G_STRUCT_OFFSET (CsPreferencesWindow, settings));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_callback (widget_class, on_style_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_row_selected_cb);
}

static void
cs_preferences_window_init (CsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

/**
 * cs_preferences_window_new:
 * @settings: (nullable): the application's settings, %NULL without the schema
 *
 * Returns: (transfer none): a new #CsPreferencesWindow, not yet shown
 */
CsPreferencesWindow *
cs_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (CS_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
