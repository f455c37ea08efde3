/* cs-record-list.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-record-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-record-list.h"
#include "cs-field-editor.h"
#include "cs-list-keys.h"
#include "cs-toast.h"

#include <string.h>

/**
 * CsRecordList:
 *
 * The ordered list of records under an offer that a section page shows in a boxed
 * #GtkListBox (the deliverables of the Exit page, the subcontractors of the Subcontracting
 * page): one #AdwExpanderRow a record, sorted by its "position" field, with Move Up, Move
 * Down and Delete buttons and the record's fields inside. It rebuilds the rows when the list
 * changes, adds a record, deletes one with an Undo toast and moves one by swapping the
 * positions of two neighbours in one cs_store_batch().
 *
 * The list inserts its actions in the owning widget under the prefix it is given:
 * `PREFIX.add`, `PREFIX.delete(x)`, `PREFIX.move-up(x)`, `PREFIX.move-down(x)` (x: the record
 * id). A deletion goes on the project's undo stack: its toast's Undo and Ctrl+Z activate
 * `project.undo`.
 */
struct _CsRecordList
{
  GObject                  parent_instance;

  GtkWidget               *owner;         /* unowned: it owns the list */
  GtkListBox              *list_box;
  CsStore                 *store;
  GtkSorter               *sorter;
  GtkSortListModel        *sorted;
  gint64                   offer_id;

  GType                    record_type;
  char                    *table;
  char                    *name_column;
  char                    *action_prefix;
  GSimpleActionGroup      *actions;
  char                    *action_delete;
  char                    *action_move_up;
  char                    *action_move_down;
  char                    *delete_label;
  CsRecordListRowFunc      update_row;
  CsRecordListFieldsFunc   add_fields;
  CsRecordListTitleFunc    deleted_title;
  CsRecordListChangedFunc  changed;
  gpointer                 user_data;
};

G_DEFINE_FINAL_TYPE (CsRecordList, cs_record_list, G_TYPE_OBJECT)

/* A row following its record: its title is updated on every change of the record, until
 * the row goes (the records outlive the rows the list makes for them). */
typedef struct
{
  CsRecordListRowFunc  update_row;
  GtkWidget           *row;       /* unowned: the watch goes with the row */
  CsRecord            *record;
  gulong               notify_id;
} RowWatch;

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return cs_record_compare_positions (CS_RECORD ((gpointer) a), CS_RECORD ((gpointer) b));
}

static void
notify_changed (CsRecordList *self)
{
  if (self->changed != NULL)
    self->changed (self->user_data);
}

static void
on_record_notify_cb (CsRecord   *record,
                     GParamSpec *pspec,
                     RowWatch   *watch)
{
  watch->update_row (ADW_EXPANDER_ROW (watch->row), record);
}

static void
on_row_destroy_cb (GtkWidget *row,
                   RowWatch  *watch)
{
  g_clear_signal_handler (&watch->notify_id, watch->record);
  g_clear_object (&watch->record);
  g_free (watch);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CsRecordList *self = user_data;
  CsRecord *record = item;
  gint64 id = cs_record_get_id (record);
  GtkWidget *row = adw_expander_row_new ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  RowWatch *watch = g_new0 (RowWatch, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  self->update_row (ADW_EXPANDER_ROW (row), record);

  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               cs_record_button_new ("go-up-symbolic", _("Move Up"), NULL,
                                                     self->action_move_up, id));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               cs_record_button_new ("go-down-symbolic", _("Move Down"), NULL,
                                                     self->action_move_down, id));

  self->add_fields (fields, record, self->user_data);
  for (guint i = 0; i < fields->len; i++)
    {
      GtkWidget *field = g_ptr_array_index (fields, i);

      cs_field_editors_bind (field, self->store, record);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), field);
    }

  /* Delete sits below the record's fields, away from the reorder arrows a slip would confuse
   * it with. */
  {
    GtkWidget *delete_row = adw_action_row_new ();
    GtkWidget *button = gtk_button_new_with_label (self->delete_label);

    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (button, "destructive-action");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), self->action_delete);
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
    adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), button);
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), delete_row);
  }

  watch->update_row = self->update_row;
  watch->row = row;
  watch->record = g_object_ref (record);
  watch->notify_id = g_signal_connect (record, "notify", G_CALLBACK (on_record_notify_cb), watch);
  g_signal_connect (row, "destroy", G_CALLBACK (on_row_destroy_cb), watch);

  return row;
}

static void
on_store_record_changed_cb (CsStore      *store,
                            CsRecord     *record,
                            const char   *column,
                            CsRecordList *self)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type) &&
      g_strcmp0 (column, "position") == 0)
    gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

/* Keyboard: the Up and Down arrows on a record's title row go to the neighbouring record's
 * title row, Enter opens or closes the record. Each #AdwExpanderRow keeps its title row in a
 * list box of its own, whose arrows cannot leave it, so the list box catches them first
 * (capture phase). The keys in the record's fields keep their meaning. */
static gboolean
on_row_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  GtkListBox *list_box = GTK_LIST_BOX (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkListBoxRow *next;
  GtkWidget *w;

  if (focus == NULL || !GTK_IS_LIST_BOX_ROW (focus))
    return FALSE;
  for (w = focus; w != NULL && gtk_widget_get_parent (w) != widget; w = gtk_widget_get_parent (w))
    if (GTK_IS_REVEALER (w))
      return FALSE;
  if (w == NULL || !ADW_IS_EXPANDER_ROW (w))
    return FALSE;

  if (g_variant_get_int32 (args) == 0)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w),
                                     !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (w)));
      return TRUE;
    }

  next = gtk_list_box_get_row_at_index (list_box,
                                        gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (w))
                                        + g_variant_get_int32 (args));
  if (next == NULL)
    return FALSE;

  /* The title row comes first in the record's widgets, before its revealed fields. */
  for (w = gtk_widget_get_first_child (GTK_WIDGET (next)); w != NULL && !GTK_IS_LIST_BOX_ROW (w);)
    w = gtk_widget_get_first_child (w);

  return w != NULL ? gtk_widget_grab_focus (w)
                   : gtk_widget_child_focus (GTK_WIDGET (next), GTK_DIR_TAB_FORWARD);
}

static void
add_row_keys (GtkListBox *list_box)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct { guint keyval; int delta; } keys[] = {
    { GDK_KEY_Down, 1 }, { GDK_KEY_KP_Down, 1 }, { GDK_KEY_Up, -1 }, { GDK_KEY_KP_Up, -1 },
    { GDK_KEY_Return, 0 }, { GDK_KEY_KP_Enter, 0 },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                gtk_callback_action_new (on_row_key_cb, NULL,
                                                                         NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].delta));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (list_box), controller);
}

/* Reordering: renumber the list in its shown order with two neighbours swapped. */

typedef struct
{
  GListModel *model;
  guint       a;
  guint       b;
} Swap;

static gboolean
swap_positions_cb (CsStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  Swap *swap = user_data;
  guint n = g_list_model_get_n_items (swap->model);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, g_list_model_get_item (swap->model, i));

  {
    gpointer tmp = order->pdata[swap->a];

    order->pdata[swap->a] = order->pdata[swap->b];
    order->pdata[swap->b] = tmp;
  }

  return cs_store_renumber (store, order, 1, error);
}

static void
move (CsRecordList *self,
      gint64        id,
      int           delta)
{
  GListModel *model = self->sorted != NULL ? G_LIST_MODEL (self->sorted) : NULL;
  g_autoptr(GError) error = NULL;
  guint n;
  Swap swap = { 0, };
  GtkWidget *row;

  if (model == NULL)
    return;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (model, i);

      if (cs_record_get_id (record) == id)
        {
          if ((delta < 0 && i == 0) || (delta > 0 && i + 1 >= n))
            return;
          swap.model = model;
          swap.a = i;
          swap.b = i + delta;
          break;
        }
    }

  if (swap.model == NULL)
    return;

  if (!cs_store_batch (self->store, swap_positions_cb, &swap, &error))
    {
      cs_toast_show_error (self->owner, error);
      return;
    }

  row = cs_record_list_find_row (self, id);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

static void
add_record (CsRecordList *self)
{
  g_autoptr(CsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (self->offer_id == 0)
    return;

  record = g_object_new (self->record_type, "offer-id", self->offer_id, NULL);
  if (!cs_store_add (self->store, record, &error))
    {
      cs_toast_show_error (self->owner, error);
      return;
    }

  row = cs_record_list_find_row (self, cs_record_get_id (record));
  if (row != NULL)
    {
      GtkWidget *name = cs_field_editors_find (row, self->table, 0, self->name_column);

      cs_field_editors_reveal (name != NULL ? name : row);
    }
}

static void
delete_record (CsRecordList *self,
               gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  CsRecord *record = cs_store_find (self->store, self->record_type, id);
  g_autoptr(CsDeletion) deletion = NULL;

  if (record == NULL)
    return;

  title = self->deleted_title (record);

  deletion = cs_store_delete (self->store, record, &error);
  if (deletion == NULL)
    {
      cs_toast_show_error (self->owner, error);
      return;
    }

  cs_toast_show_deleted (GTK_WIDGET (self->list_box), self->store, &deletion, 1, title);

  notify_changed (self);
}

static void
on_add_activate_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    CsRecordList  *self)
{
  add_record (self);
}

static void
on_delete_activate_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       CsRecordList  *self)
{
  delete_record (self, g_variant_get_int64 (parameter));
}

static void
on_move_activate_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     CsRecordList  *self)
{
  move (self, g_variant_get_int64 (parameter),
        g_str_equal (g_action_get_name (G_ACTION (action)), "move-up") ? -1 : 1);
}

/* The list's actions, inserted in its owner under the list's prefix. */
static GSimpleActionGroup *
create_actions (CsRecordList *self)
{
  static const struct
  {
    const char *name;
    const char *parameter_type;
    GCallback   activate;
  } actions[] = {
    { "add", NULL, G_CALLBACK (on_add_activate_cb) },
    { "delete", "x", G_CALLBACK (on_delete_activate_cb) },
    { "move-up", "x", G_CALLBACK (on_move_activate_cb) },
    { "move-down", "x", G_CALLBACK (on_move_activate_cb) },
  };
  GSimpleActionGroup *group = g_simple_action_group_new ();

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(GSimpleAction) action = NULL;

      action = g_simple_action_new (actions[i].name,
                                    actions[i].parameter_type != NULL
                                    ? G_VARIANT_TYPE (actions[i].parameter_type) : NULL);
      g_signal_connect_object (action, "activate", actions[i].activate, self, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }

  return group;
}

static void
set_action_enabled (CsRecordList *self,
                    const char   *name,
                    gboolean      enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
cs_record_list_dispose (GObject *object)
{
  CsRecordList *self = CS_RECORD_LIST (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->owner != NULL)
    gtk_widget_insert_action_group (self->owner, self->action_prefix, NULL);
  self->owner = NULL;
  g_clear_object (&self->actions);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->list_box);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_record_list_parent_class)->dispose (object);
}

static void
cs_record_list_finalize (GObject *object)
{
  CsRecordList *self = CS_RECORD_LIST (object);

  g_free (self->table);
  g_free (self->name_column);
  g_free (self->action_prefix);
  g_free (self->action_delete);
  g_free (self->action_move_up);
  g_free (self->action_move_down);
  g_free (self->delete_label);

  G_OBJECT_CLASS (cs_record_list_parent_class)->finalize (object);
}

static void
cs_record_list_class_init (CsRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_record_list_dispose;
  object_class->finalize = cs_record_list_finalize;
}

static void
cs_record_list_init (CsRecordList *self)
{
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_positions, NULL, NULL));
}

/* public API */

/**
 * cs_record_list_new:
 * @owner: the widget the list's actions are inserted in, an ancestor of @list_box
 * @list_box: the empty list box to fill, inside an #AdwToastOverlay
 * @store: the project
 * @info: what to show and how
 *
 * Inserts the actions of a new list in @owner; @owner keeps the only reference and drops it
 * in its `dispose`. The list is empty until cs_record_list_set_offer().
 *
 * Returns: (transfer full): a new #CsRecordList
 */
CsRecordList *
cs_record_list_new (GtkWidget              *owner,
                    GtkListBox             *list_box,
                    CsStore                *store,
                    const CsRecordListInfo *info)
{
  CsRecordList *self;
  GtkWidget *placeholder;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (GTK_IS_LIST_BOX (list_box), NULL);
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (g_type_is_a (info->record_type, CS_TYPE_RECORD), NULL);
  g_return_val_if_fail (info->update_row != NULL && info->add_fields != NULL, NULL);
  g_return_val_if_fail (info->deleted_title != NULL, NULL);

  self = g_object_new (CS_TYPE_RECORD_LIST, NULL);
  self->owner = owner;
  self->list_box = g_object_ref (list_box);
  self->store = g_object_ref (store);
  self->record_type = info->record_type;
  self->table = g_strdup (info->table);
  self->name_column = g_strdup (info->name_column);
  self->action_prefix = g_strdup (info->action_prefix);
  self->action_delete = g_strconcat (info->action_prefix, ".delete", NULL);
  self->action_move_up = g_strconcat (info->action_prefix, ".move-up", NULL);
  self->action_move_down = g_strconcat (info->action_prefix, ".move-down", NULL);
  self->delete_label = g_strdup (info->delete_label);
  self->update_row = info->update_row;
  self->add_fields = info->add_fields;
  self->deleted_title = info->deleted_title;
  self->changed = info->changed;
  self->user_data = info->user_data;

  self->actions = create_actions (self);
  gtk_widget_insert_action_group (owner, self->action_prefix, G_ACTION_GROUP (self->actions));
  g_signal_connect_object (store, "record-changed",
                           G_CALLBACK (on_store_record_changed_cb), self, 0);

  placeholder = gtk_label_new (info->placeholder);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (list_box, placeholder);
  add_row_keys (list_box);
  cs_list_keys_add (list_box);

  return self;
}

/**
 * cs_record_list_set_offer:
 * @self: a #CsRecordList
 * @offer_id: the offer whose records to show, or 0 for none
 *
 * Rebuilds the rows.
 */
void
cs_record_list_set_offer (CsRecordList *self,
                          gint64        offer_id)
{
  g_return_if_fail (CS_IS_RECORD_LIST (self));

  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sorted);
  self->offer_id = offer_id;

  if (offer_id != 0)
    {
      GListModel *list = cs_store_list (self->store, self->record_type, offer_id);

      self->sorted = gtk_sort_list_model_new (g_object_ref (list), g_object_ref (self->sorter));
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sorted),
                               create_row, self, NULL);
    }
}

/**
 * cs_record_list_get_model:
 * @self: a #CsRecordList
 *
 * Returns: (transfer none) (nullable): the records in their shown order, %NULL without an offer
 */
GListModel *
cs_record_list_get_model (CsRecordList *self)
{
  g_return_val_if_fail (CS_IS_RECORD_LIST (self), NULL);

  return self->sorted != NULL ? G_LIST_MODEL (self->sorted) : NULL;
}

/**
 * cs_record_list_update_actions:
 * @self: a #CsRecordList
 * @writable: whether the records can be changed
 *
 * Enables the owner's actions on the list.
 */
void
cs_record_list_update_actions (CsRecordList *self,
                               gboolean      writable)
{
  g_return_if_fail (CS_IS_RECORD_LIST (self));

  set_action_enabled (self, "add", writable);
  set_action_enabled (self, "delete", writable);
  set_action_enabled (self, "move-up", writable);
  set_action_enabled (self, "move-down", writable);
}

/**
 * cs_record_list_find_row:
 * @self: a #CsRecordList
 * @record_id: a record id
 *
 * Returns: (transfer none) (nullable): the row of the record
 */
GtkWidget *
cs_record_list_find_row (CsRecordList *self,
                         gint64        record_id)
{
  g_return_val_if_fail (CS_IS_RECORD_LIST (self), NULL);

  if (self->sorted == NULL)
    return NULL;

  /* The list box shows the model's records in order, one row each. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sorted)); i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (cs_record_get_id (record) == record_id)
        return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, i));
    }

  return NULL;
}

/**
 * cs_record_list_find_target:
 * @self: a #CsRecordList
 * @record_id: a record id, or 0
 * @field: (nullable): a field of the record
 *
 * Finds what a #CsSectionPage target in the list points at: the field's row, else the
 * record's row, else the first row (the placeholder when the list is empty).
 *
 * Returns: (transfer none) (nullable): the widget to reveal
 */
GtkWidget *
cs_record_list_find_target (CsRecordList *self,
                            gint64        record_id,
                            const char   *field)
{
  GtkWidget *row;
  GtkWidget *target = NULL;

  g_return_val_if_fail (CS_IS_RECORD_LIST (self), NULL);

  row = record_id != 0 ? cs_record_list_find_row (self, record_id) : NULL;
  if (row != NULL)
    target = field != NULL ? cs_field_editors_find (row, self->table, record_id, field) : NULL;
  if (target == NULL)
    target = row;
  if (target == NULL)
    target = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));

  return target;
}

/**
 * cs_record_button_new:
 * @icon_name: the button's icon
 * @tooltip: its translated tooltip
 * @accessible_label: (nullable): its accessible name where it must say more than @tooltip
 *   (which record it acts on), or %NULL for @tooltip
 * @action_name: the action it activates
 * @record_id: the id of the record the action acts on, its target
 *
 * The small buttons in a record's row (move up, move down, delete): flat, centred in the row,
 * named for screen readers, activating @action_name with @record_id as an int64 target.
 *
 * Returns: (transfer floating): a new #GtkButton
 */
GtkWidget *
cs_record_button_new (const char *icon_name,
                      const char *tooltip,
                      const char *accessible_label,
                      const char *action_name,
                      gint64      record_id)
{
  GtkWidget *button;

  g_return_val_if_fail (icon_name != NULL, NULL);
  g_return_val_if_fail (tooltip != NULL, NULL);
  g_return_val_if_fail (action_name != NULL, NULL);

  button = gtk_button_new_from_icon_name (icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label != NULL ? accessible_label : tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (record_id));

  return button;
}
