/* cs-field-editor.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-field-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cs-field-editor.h"
#include "cs-source.h"
#include "cs-toast.h"

/* A pause in typing commits; shorter when the text was set without the keyboard focus (by an
 * assistive technology, which sets the text without typing it and may never press Enter). */
#define TYPING_PAUSE_MS 1500
#define UNFOCUSED_PAUSE_MS 500

G_DEFINE_INTERFACE (CsFieldEditor, cs_field_editor, GTK_TYPE_WIDGET)

static void
cs_field_editor_default_init (CsFieldEditorInterface *iface)
{
  /**
   * CsFieldEditor:column:
   *
   * The column of the record edited ("notice_days" …).
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_string ("column", NULL, NULL,
                                                            NULL,
                                                            G_PARAM_READWRITE |
                                                            G_PARAM_CONSTRUCT_ONLY |
                                                            G_PARAM_STATIC_STRINGS));

  /**
   * CsFieldEditor:record:
   *
   * The record edited, set with cs_field_editor_bind().
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("record", NULL, NULL,
                                                            CS_TYPE_RECORD,
                                                            G_PARAM_READABLE |
                                                            G_PARAM_EXPLICIT_NOTIFY |
                                                            G_PARAM_STATIC_STRINGS));
}

/* CsFieldBinding */

/**
 * cs_field_binding_init:
 * @binding: a binding in an editor's instance struct
 * @editor: the editor
 *
 * Sets up @binding, from the editor's init function.
 */
void
cs_field_binding_init (CsFieldBinding *binding,
                       GtkWidget      *editor)
{
  g_return_if_fail (binding != NULL);

  memset (binding, 0, sizeof *binding);
  binding->editor = editor;
}

/**
 * cs_field_binding_clear:
 * @binding: a binding
 *
 * Drops what @binding holds, from the editor's dispose function.
 */
void
cs_field_binding_clear (CsFieldBinding *binding)
{
  g_return_if_fail (binding != NULL);

  g_clear_handle_id (&binding->commit_id, g_source_remove);
  if (binding->record != NULL)
    g_clear_signal_handler (&binding->notify_id, binding->record);
  g_clear_object (&binding->record);
  g_clear_object (&binding->store);
  g_clear_pointer (&binding->column, g_free);
}

/**
 * cs_field_binding_get_field:
 * @binding: a binding
 *
 * Returns: (nullable): the description of the field edited, %NULL without a record
 */
const CsField *
cs_field_binding_get_field (CsFieldBinding *binding)
{
  g_return_val_if_fail (binding != NULL, NULL);

  if (binding->record == NULL || binding->column == NULL)
    return NULL;

  return cs_entity_find_field (cs_record_get_entity (binding->record), binding->column, NULL);
}

/**
 * cs_field_binding_is_writable:
 * @binding: a binding
 *
 * Returns: %TRUE if there is a record and the project can be changed
 */
gboolean
cs_field_binding_is_writable (CsFieldBinding *binding)
{
  g_return_val_if_fail (binding != NULL, FALSE);

  return binding->store != NULL && binding->record != NULL &&
         !cs_store_is_closed (binding->store) && !cs_store_is_read_only (binding->store);
}

/* CsFieldEditor */

static void
on_record_notify_cb (CsRecord      *record,
                     GParamSpec    *pspec,
                     CsFieldEditor *self)
{
  cs_field_editor_sync (self);
}

static void
commit_after_pause (CsFieldEditor *self)
{
  cs_field_editor_commit (self, FALSE);
}

static void
on_input_changed_cb (GtkEditable   *input,
                     CsFieldEditor *self)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (input));

  cs_field_editor_queue_commit (self, text != NULL ? gtk_widget_has_focus (text)
                                                   : gtk_widget_has_focus (GTK_WIDGET (input)));
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   CsFieldEditor           *self)
{
  cs_field_editor_commit (self, TRUE);
}

/**
 * cs_field_editor_get_binding:
 * @self: a #CsFieldEditor
 *
 * Returns: (transfer none): what @self edits
 */
CsFieldBinding *
cs_field_editor_get_binding (CsFieldEditor *self)
{
  g_return_val_if_fail (CS_IS_FIELD_EDITOR (self), NULL);

  return CS_FIELD_EDITOR_GET_IFACE (self)->get_binding (self);
}

/**
 * cs_field_editor_get_column:
 * @self: a #CsFieldEditor
 *
 * Returns: the column edited
 */
const char *
cs_field_editor_get_column (CsFieldEditor *self)
{
  g_return_val_if_fail (CS_IS_FIELD_EDITOR (self), NULL);

  return cs_field_editor_get_binding (self)->column;
}

/**
 * cs_field_editor_get_record:
 * @self: a #CsFieldEditor
 *
 * Returns: (transfer none) (nullable): the record edited
 */
CsRecord *
cs_field_editor_get_record (CsFieldEditor *self)
{
  g_return_val_if_fail (CS_IS_FIELD_EDITOR (self), NULL);

  return cs_field_editor_get_binding (self)->record;
}

/**
 * cs_field_editor_bind:
 * @self: a #CsFieldEditor
 * @store: (nullable): the project
 * @record: (nullable): the record to edit, %NULL for none (the editor is then insensitive)
 *
 * Shows and edits the editor's column of @record. An edit in progress on the previous record
 * is committed first.
 */
void
cs_field_editor_bind (CsFieldEditor *self,
                      CsStore       *store,
                      CsRecord      *record)
{
  CsFieldBinding *binding;

  g_return_if_fail (CS_IS_FIELD_EDITOR (self));
  g_return_if_fail (store == NULL || CS_IS_STORE (store));
  g_return_if_fail (record == NULL || CS_IS_RECORD (record));

  binding = cs_field_editor_get_binding (self);
  if (binding->record == record && binding->store == store)
    return;

  if (binding->record != NULL)
    {
      cs_field_editor_commit (self, TRUE);
      g_clear_signal_handler (&binding->notify_id, binding->record);
    }

  g_set_object (&binding->store, store);
  g_set_object (&binding->record, record);

  if (record != NULL)
    {
      g_autofree char *property = g_strdelimit (g_strdup (binding->column), "_", '-');
      g_autofree char *signal = g_strconcat ("notify::", property, NULL);

      if (cs_field_binding_get_field (binding) == NULL)
        g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (record), binding->column);
      binding->notify_id = g_signal_connect (record, signal, G_CALLBACK (on_record_notify_cb),
                                             self);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), record != NULL);
  cs_field_editor_sync (self);
  g_object_notify (G_OBJECT (self), "record");
}

/**
 * cs_field_editor_bound:
 * @editor: (transfer floating): a new #CsFieldEditor
 * @store: the project
 * @record: the record to edit
 *
 * Binds @editor to @record, for building a form in code.
 *
 * Returns: (transfer floating): @editor
 */
GtkWidget *
cs_field_editor_bound (GtkWidget *editor,
                       CsStore   *store,
                       CsRecord  *record)
{
  g_return_val_if_fail (CS_IS_FIELD_EDITOR (editor), editor);

  cs_field_editor_bind (CS_FIELD_EDITOR (editor), store, record);

  return editor;
}

/**
 * cs_field_editor_add_bound:
 * @parent: an #AdwPreferencesGroup or an #AdwExpanderRow
 * @editor: (transfer floating): a new #CsFieldEditor row
 * @store: the project
 * @record: the record to edit
 *
 * Binds @editor to @record and adds it to @parent, for building a form in code.
 */
void
cs_field_editor_add_bound (GtkWidget *parent,
                           GtkWidget *editor,
                           CsStore   *store,
                           CsRecord  *record)
{
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (parent) || ADW_IS_EXPANDER_ROW (parent));

  cs_field_editor_bound (editor, store, record);
  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), editor);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), editor);
}

/**
 * cs_field_editor_sync:
 * @self: a #CsFieldEditor
 *
 * Shows the record's value again.
 */
void
cs_field_editor_sync (CsFieldEditor *self)
{
  CsFieldBinding *binding;

  g_return_if_fail (CS_IS_FIELD_EDITOR (self));

  binding = cs_field_editor_get_binding (self);
  binding->syncing = TRUE;
  CS_FIELD_EDITOR_GET_IFACE (self)->sync (self);
  binding->syncing = FALSE;
}

/**
 * cs_field_editor_commit:
 * @self: a #CsFieldEditor
 * @final: %FALSE after a pause in typing (a half-typed value is not an error yet), %TRUE on
 *   Enter or when the editor loses the focus
 *
 * Writes the value shown to the record, when it differs from the record's value. A refused
 * value is reported in a toast and the editor shows the record's value again.
 *
 * Returns: %TRUE if the record holds the value shown
 */
gboolean
cs_field_editor_commit (CsFieldEditor *self,
                        gboolean       final)
{
  CsFieldBinding *binding;

  g_return_val_if_fail (CS_IS_FIELD_EDITOR (self), FALSE);

  binding = cs_field_editor_get_binding (self);
  g_clear_handle_id (&binding->commit_id, g_source_remove);
  if (binding->syncing || cs_field_binding_get_field (binding) == NULL ||
      binding->store == NULL || cs_store_is_closed (binding->store))
    return FALSE;

  if (cs_store_is_read_only (binding->store))
    {
      cs_field_editor_sync (self);
      return FALSE;
    }

  return CS_FIELD_EDITOR_GET_IFACE (self)->commit (self, final);
}

static void
on_editor_title_notify_cb (AdwPreferencesRow *row)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (row),
                                  -1);
}

/**
 * cs_field_editor_name_after_title:
 * @self: a #CsFieldEditor that is an #AdwPreferencesRow
 *
 * Gives @self its title as its accessible name whenever the title is set, so that a screen
 * reader announces the field by the label shown. Editors whose inner widgets need names of
 * their own (a calendar button, answer buttons) name those themselves.
 */
void
cs_field_editor_name_after_title (CsFieldEditor *self)
{
  g_return_if_fail (ADW_IS_PREFERENCES_ROW (self));

  g_signal_connect (self, "notify::title", G_CALLBACK (on_editor_title_notify_cb), NULL);
}

/**
 * cs_field_editor_watch:
 * @self: a #CsFieldEditor
 * @input: the widget the user types in or chooses with (@self itself, or a child)
 *
 * Commits when @input loses the focus and, for an editable, after a pause in typing. Enter is
 * the editor's own signal (an entry's "activate", a row's "entry-activated").
 */
void
cs_field_editor_watch (CsFieldEditor *self,
                       GtkWidget     *input)
{
  GtkEventController *focus;

  g_return_if_fail (CS_IS_FIELD_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (input));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, 0);
  gtk_widget_add_controller (input, focus);

  if (GTK_IS_EDITABLE (input))
    g_signal_connect_object (input, "changed", G_CALLBACK (on_input_changed_cb), self, 0);
}

/**
 * cs_field_editor_queue_commit:
 * @self: a #CsFieldEditor
 * @focused: whether the user is typing in the editor (else an assistive technology set the
 *   value, and may never press Enter)
 *
 * Commits after a pause, for an editor whose value just changed.
 */
void
cs_field_editor_queue_commit (CsFieldEditor *self,
                              gboolean       focused)
{
  CsFieldBinding *binding;

  g_return_if_fail (CS_IS_FIELD_EDITOR (self));

  binding = cs_field_editor_get_binding (self);
  if (binding->syncing || binding->record == NULL)
    return;

  g_clear_handle_id (&binding->commit_id, g_source_remove);
  cs_timeout_add_once (&binding->commit_id, focused ? TYPING_PAUSE_MS : UNFOCUSED_PAUSE_MS,
                       (CsSourceFunc) commit_after_pause, self);
}

static gboolean
report (CsFieldEditor *self,
        gboolean       ok,
        const GError  *error)
{
  if (!ok)
    cs_toast_show_error (GTK_WIDGET (self), error);

  /* Refused: the stored value again; accepted: the store may have normalised it. */
  cs_field_editor_sync (self);

  return ok;
}

/**
 * cs_field_editor_store_string:
 * @self: a #CsFieldEditor
 * @value: the new value of a text, date or choice column
 *
 * Writes @value unless the record already holds it.
 *
 * Returns: %TRUE if the record holds @value (or its normalised form)
 */
gboolean
cs_field_editor_store_string (CsFieldEditor *self,
                              const char    *value)
{
  CsFieldBinding *binding = cs_field_editor_get_binding (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (value, cs_record_get_string (binding->record, binding->column)) == 0 ||
      (value[0] == '\0' && cs_record_get_string (binding->record, binding->column) == NULL))
    return TRUE;

  ok = cs_store_set_string (binding->store, binding->record, binding->column, value, &error);
  return report (self, ok, error);
}

/**
 * cs_field_editor_store_number:
 * @self: a #CsFieldEditor
 * @value: the new value of a number column, NaN for "not stated"
 *
 * Writes @value unless the record already holds it.
 *
 * Returns: %TRUE if the record holds @value
 */
gboolean
cs_field_editor_store_number (CsFieldEditor *self,
                              double         value)
{
  CsFieldBinding *binding = cs_field_editor_get_binding (self);
  double current = cs_record_get_number (binding->record, binding->column);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if ((isnan (value) && isnan (current)) || value == current)
    return TRUE;

  ok = cs_store_set_number (binding->store, binding->record, binding->column, value, &error);
  return report (self, ok, error);
}

/**
 * cs_field_editor_store_int:
 * @self: a #CsFieldEditor
 * @value: the new value of a whole-number column
 *
 * Writes @value unless the record already holds it.
 *
 * Returns: %TRUE if the record holds @value
 */
gboolean
cs_field_editor_store_int (CsFieldEditor *self,
                           gint64         value)
{
  CsFieldBinding *binding = cs_field_editor_get_binding (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (value == cs_record_get_int (binding->record, binding->column))
    return TRUE;

  ok = cs_store_set_int (binding->store, binding->record, binding->column, value, &error);
  return report (self, ok, error);
}

static void
field_editor_dispose (GObject *object)
{
  /* The class is final (cs_field_editor_class_setup() checks): its parent is the next. */
  GObjectClass *parent_class = g_type_class_peek_parent (G_OBJECT_GET_CLASS (object));

  cs_field_binding_clear (cs_field_editor_get_binding (CS_FIELD_EDITOR (object)));

  parent_class->dispose (object);
}

static void
field_editor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  if (!cs_field_binding_get_property (cs_field_editor_get_binding (CS_FIELD_EDITOR (object)),
                                      prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
field_editor_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  if (!cs_field_binding_set_property (cs_field_editor_get_binding (CS_FIELD_EDITOR (object)),
                                      prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/**
 * cs_field_editor_class_setup:
 * @klass: the class of a final editor type whose only properties are the interface's
 *
 * Installs the interface's properties on @klass (see cs_field_editor_install_properties())
 * with the get_property and set_property that hand them to the editor's binding, and a
 * dispose that clears the binding before chaining up.
 */
void
cs_field_editor_class_setup (GObjectClass *klass)
{
  g_return_if_fail (G_TYPE_IS_FINAL (G_OBJECT_CLASS_TYPE (klass)));

  klass->dispose = field_editor_dispose;
  klass->get_property = field_editor_get_property;
  klass->set_property = field_editor_set_property;
  cs_field_editor_install_properties (klass);
}

/**
 * cs_field_editor_install_properties:
 * @klass: the class of an editor
 *
 * Installs the interface's "column" and "record" properties on an editor class, with the ids
 * %CS_FIELD_EDITOR_PROP_COLUMN and %CS_FIELD_EDITOR_PROP_RECORD; the class's get_property and
 * set_property hand them to cs_field_binding_get_property() and
 * cs_field_binding_set_property().
 */
void
cs_field_editor_install_properties (GObjectClass *klass)
{
  g_object_class_override_property (klass, CS_FIELD_EDITOR_PROP_COLUMN, "column");
  g_object_class_override_property (klass, CS_FIELD_EDITOR_PROP_RECORD, "record");
}

/**
 * cs_field_binding_get_property:
 * @binding: a binding
 * @prop_id: a property id
 * @value: where to put the value
 *
 * Returns: %TRUE if @prop_id is one of the interface's properties (then @value is set)
 */
gboolean
cs_field_binding_get_property (CsFieldBinding *binding,
                               guint           prop_id,
                               GValue         *value)
{
  switch (prop_id)
    {
    case CS_FIELD_EDITOR_PROP_COLUMN:
      g_value_set_string (value, binding->column);
      return TRUE;

    case CS_FIELD_EDITOR_PROP_RECORD:
      g_value_set_object (value, binding->record);
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * cs_field_binding_set_property:
 * @binding: a binding
 * @prop_id: a property id
 * @value: the value
 *
 * Returns: %TRUE if @prop_id is one of the interface's writable properties (then it is set)
 */
gboolean
cs_field_binding_set_property (CsFieldBinding *binding,
                               guint           prop_id,
                               const GValue   *value)
{
  if (prop_id != CS_FIELD_EDITOR_PROP_COLUMN)
    return FALSE;

  g_free (binding->column);
  binding->column = g_value_dup_string (value);
  return TRUE;
}

/* containers */

/**
 * cs_field_editors_bind:
 * @container: a widget
 * @store: (nullable): the project
 * @record: (nullable): the record
 *
 * Binds every #CsFieldEditor under @container (itself included) to @record.
 */
void
cs_field_editors_bind (GtkWidget *container,
                       CsStore   *store,
                       CsRecord  *record)
{
  g_return_if_fail (GTK_IS_WIDGET (container));

  if (CS_IS_FIELD_EDITOR (container))
    {
      cs_field_editor_bind (CS_FIELD_EDITOR (container), store, record);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (container);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cs_field_editors_bind (child, store, record);
}

static gboolean
editor_matches (CsFieldEditor *editor,
                const char    *table,
                gint64         record_id,
                const char    *field)
{
  CsFieldBinding *binding = cs_field_editor_get_binding (editor);

  if (binding->record == NULL)
    return FALSE;
  if (table != NULL && !g_str_equal (cs_record_get_entity (binding->record)->table, table))
    return FALSE;
  if (record_id != 0 && cs_record_get_id (binding->record) != record_id)
    return FALSE;

  if (field == NULL || g_strcmp0 (binding->column, field) == 0)
    return TRUE;

  return CS_FIELD_EDITOR_GET_IFACE (editor)->edits != NULL &&
         CS_FIELD_EDITOR_GET_IFACE (editor)->edits (editor, field);
}

/**
 * cs_field_editors_find:
 * @container: a widget
 * @table: (nullable): the table of the record, or %NULL for any
 * @record_id: the record, or 0 for any
 * @field: (nullable): the column, or %NULL for any
 *
 * Finds the first #CsFieldEditor under @container that edits @field of the record
 * @record_id of @table.
 *
 * Returns: (transfer none) (nullable): the editor
 */
GtkWidget *
cs_field_editors_find (GtkWidget  *container,
                       const char *table,
                       gint64      record_id,
                       const char *field)
{
  g_return_val_if_fail (GTK_IS_WIDGET (container), NULL);

  if (CS_IS_FIELD_EDITOR (container))
    return editor_matches (CS_FIELD_EDITOR (container), table, record_id, field) ? container
                                                                                 : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (container);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cs_field_editors_find (child, table, record_id, field);

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
 * cs_field_editors_reveal:
 * @target: a widget of a page
 *
 * Expands the rows that hide @target and focuses it (again once the rows are allocated, so
 * that the page scrolls to it).
 *
 * Returns: %TRUE if @target took the focus
 */
gboolean
cs_field_editors_reveal (GtkWidget *target)
{
  g_return_val_if_fail (GTK_IS_WIDGET (target), FALSE);

  for (GtkWidget *parent = gtk_widget_get_parent (target);
       parent != NULL;
       parent = gtk_widget_get_parent (parent))
    if (ADW_IS_EXPANDER_ROW (parent))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (parent), TRUE);

  g_timeout_add_full (G_PRIORITY_DEFAULT, 250, grab_focus_cb, g_object_ref (target),
                      g_object_unref);

  /* A row that does not take the focus itself (an expander row) gives it to its first child. */
  return gtk_widget_grab_focus (target) || gtk_widget_child_focus (target, GTK_DIR_TAB_FORWARD);
}

/**
 * cs_field_editors_reveal_or_first:
 * @target: (nullable): the widget to reveal and focus
 * @container: where to look for a field editor when @target is %NULL
 *
 * Reveals and focuses @target (see cs_field_editors_reveal()), or else the first field
 * editor of @container: a page's answer to a finding about a field it does not show.
 *
 * Returns: whether a widget took the focus
 */
gboolean
cs_field_editors_reveal_or_first (GtkWidget *target,
                                  GtkWidget *container)
{
  g_return_val_if_fail (target == NULL || GTK_IS_WIDGET (target), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (container), FALSE);

  if (target == NULL)
    target = cs_field_editors_find (container, NULL, 0, NULL);

  return target != NULL && cs_field_editors_reveal (target);
}

/**
 * cs_field_editors_focus:
 * @container: a widget
 * @table: the table of the record
 * @record_id: the record, or 0 for any
 * @field: (nullable): the column, or %NULL for any
 *
 * Expands the rows holding the editor of @field of the record (of the record's first editor
 * when no editor edits @field) and focuses it; the page scrolls to the focus.
 *
 * Returns: %TRUE if an editor was found
 */
gboolean
cs_field_editors_focus (GtkWidget  *container,
                        const char *table,
                        gint64      record_id,
                        const char *field)
{
  GtkWidget *found;

  g_return_val_if_fail (GTK_IS_WIDGET (container), FALSE);

  if (table == NULL)
    return FALSE;

  found = cs_field_editors_find (container, table, record_id, field);
  if (found == NULL && field != NULL)
    found = cs_field_editors_find (container, table, record_id, NULL);
  if (found == NULL)
    return FALSE;

  cs_field_editors_reveal (found);

  return TRUE;
}

/**
 * cs_format_number:
 * @value: a number (not NaN)
 *
 * Formats a stated number without trailing zeros.
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
