/* cs-list-keys.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-list-keys"

#include "config.h"

#include "cs-list-keys.h"

/* Home, End, Page Up and Page Down in the lists of records a page walks with the arrows (the
 * deliverables, the subcontractors): the first record, the last, a screenful above or below.
 * GtkListBox has these keys for rows that are its own focus (the clauses' rows); here the
 * focus is a row inside a row (an AdwExpanderRow keeps its title row in a list box of its
 * own), where they could not leave the inner list. The keys act only on a focused row, so
 * that in a text field they still move the cursor. */

typedef enum
{
  JUMP_FIRST,
  JUMP_LAST,
  JUMP_PAGE_UP,
  JUMP_PAGE_DOWN,
} Jump;

/* The row of @list_box holding the focus, when the focus is a row (not a field in it). */
static GtkListBoxRow *
get_focused_row (GtkListBox *list_box)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (list_box));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *w;

  if (focus == NULL || !GTK_IS_LIST_BOX_ROW (focus))
    return NULL;
  for (w = focus; w != NULL && gtk_widget_get_parent (w) != GTK_WIDGET (list_box);
       w = gtk_widget_get_parent (w))
    if (GTK_IS_REVEALER (w))
      return NULL;

  return w != NULL ? GTK_LIST_BOX_ROW (w) : NULL;
}

/* The height of a screenful of the list: its scrolled window's, else ten rows'. */
static int
get_page_height (GtkListBox    *list_box,
                 GtkListBoxRow *row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list_box), GTK_TYPE_SCROLLED_WINDOW);

  if (scrolled != NULL)
    return gtk_widget_get_height (scrolled);

  return 10 * MAX (gtk_widget_get_height (GTK_WIDGET (row)), 1);
}

/* The row a screenful from @row, in @step (±1), or the last one there is. */
static GtkListBoxRow *
get_page_row (GtkListBox    *list_box,
              GtkListBoxRow *row,
              int            step)
{
  int page = get_page_height (list_box, row);
  int index = gtk_list_box_row_get_index (row);
  int height = 0;
  GtkListBoxRow *target = row;
  GtkListBoxRow *next;

  while (index + step >= 0 &&
         (next = gtk_list_box_get_row_at_index (list_box, index + step)) != NULL)
    {
      height += gtk_widget_get_height (GTK_WIDGET (next));
      index += step;
      target = next;
      if (height >= page)
        break;
    }

  return target;
}

static gboolean
on_jump_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  GtkListBox *list_box = GTK_LIST_BOX (widget);
  GtkListBoxRow *row = get_focused_row (list_box);
  GtkListBoxRow *target = NULL;
  GtkWidget *w;
  int last = -1;

  if (row == NULL)
    return FALSE;
  while (gtk_list_box_get_row_at_index (list_box, last + 1) != NULL)
    last++;

  switch ((Jump) g_variant_get_int32 (args))
    {
    case JUMP_FIRST:
      target = gtk_list_box_get_row_at_index (list_box, 0);
      break;
    case JUMP_LAST:
      target = gtk_list_box_get_row_at_index (list_box, last);
      break;
    case JUMP_PAGE_UP:
      target = get_page_row (list_box, row, -1);
      break;
    case JUMP_PAGE_DOWN:
      target = get_page_row (list_box, row, 1);
      break;
    default:
      g_assert_not_reached ();
    }

  if (target == NULL)
    return FALSE;

  /* A record's title row comes first in its widgets, before its revealed fields; a row that
   * has none takes the focus itself. */
  for (w = gtk_widget_get_first_child (GTK_WIDGET (target)); w != NULL && !GTK_IS_LIST_BOX_ROW (w);)
    w = gtk_widget_get_first_child (w);

  if (w == NULL || !gtk_widget_grab_focus (w))
    gtk_widget_grab_focus (GTK_WIDGET (target));

  return TRUE;
}

/**
 * cs_list_keys_add:
 * @list_box: a list box whose rows (or the title rows inside them) take the focus
 *
 * Home, End, Page Up and Page Down on a focused row of @list_box go to its first row, its
 * last, or a screenful up or down, caught before an inner list box takes them.
 */
void
cs_list_keys_add (GtkListBox *list_box)
{
  static const struct { guint keyval; Jump jump; } keys[] = {
    { GDK_KEY_Home, JUMP_FIRST }, { GDK_KEY_KP_Home, JUMP_FIRST },
    { GDK_KEY_End, JUMP_LAST }, { GDK_KEY_KP_End, JUMP_LAST },
    { GDK_KEY_Page_Up, JUMP_PAGE_UP }, { GDK_KEY_KP_Page_Up, JUMP_PAGE_UP },
    { GDK_KEY_Page_Down, JUMP_PAGE_DOWN }, { GDK_KEY_KP_Page_Down, JUMP_PAGE_DOWN },
  };
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_LIST_BOX (list_box));

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "cs-list-keys");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                gtk_callback_action_new (on_jump_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].jump));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (list_box), controller);
}
