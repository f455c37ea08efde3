/* cs-accessible.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-accessible"

#include "config.h"

#include "cs-accessible.h"

/**
 * cs_accessible_label_drop_down:
 * @drop_down: a #GtkDropDown
 * @label: its accessible name, translated
 *
 * Names @drop_down and the button inside it, which is what takes the focus: GTK 4.8 leaves
 * that button unnamed, and screen readers announce it by its type ("GtkToggleButton").
 */
void
cs_accessible_label_drop_down (GtkWidget  *drop_down,
                               const char *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (drop_down); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
}
