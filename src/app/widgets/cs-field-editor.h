/* cs-field-editor.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-store.h"

G_BEGIN_DECLS

/**
 * CsFieldBinding:
 * @editor: the widget editing the field
 * @store: (nullable): the project
 * @record: (nullable): the record edited
 * @column: the column edited
 * @notify_id: the handler following the record's column
 * @commit_id: the pending commit after a pause in typing
 * @syncing: %TRUE while the editor shows the record's value
 *
 * What a field editor edits: one column of one record. Every #CsFieldEditor holds one in its
 * instance struct.
 */
typedef struct
{
  GtkWidget *editor;
  CsStore   *store;
  CsRecord  *record;
  char      *column;
  gulong     notify_id;
  guint      commit_id;
  gboolean   syncing;
} CsFieldBinding;

#define CS_TYPE_FIELD_EDITOR (cs_field_editor_get_type ())

G_DECLARE_INTERFACE (CsFieldEditor, cs_field_editor, CS, FIELD_EDITOR, GtkWidget)

/**
 * CsFieldEditorInterface:
 * @get_binding: returns the editor's binding
 * @sync: shows the record's value (or the state without a record)
 * @commit: writes the value shown, if it differs; @final is %FALSE after a pause in typing,
 *   when a half-typed value is not an error yet. Returns %TRUE if the record holds the value.
 * @edits: (nullable): whether the editor also edits @column of its record (a number row with
 *   the unit beside its value)
 *
 * A widget editing one field of a record through the store. Every editor commits the same
 * way: Enter, leaving the editor, or a pause in typing; shows "not stated" apart from any
 * value; follows the record's changes (undo, other views); and is read-only when the project
 * is. A refused value is reported in a toast and the editor shows the stored value again.
 *
 * Editors: #CsTextRow, #CsLongTextRow, #CsNumberRow, #CsChoiceRow, #CsTristateRow and
 * #CsDateRow. Each has a construct-only "column" property, so it can be used in a `.ui`
 * file, and gets its record from cs_field_editors_bind() or cs_field_editor_bind().
 */
struct _CsFieldEditorInterface
{
  GTypeInterface parent_iface;

  CsFieldBinding *(*get_binding) (CsFieldEditor *self);
  void            (*sync)        (CsFieldEditor *self);
  gboolean        (*commit)      (CsFieldEditor *self,
                                  gboolean       final);
  gboolean        (*edits)       (CsFieldEditor *self,
                                  const char    *column);
};

void            cs_field_binding_init        (CsFieldBinding *binding,
                                              GtkWidget      *editor);
void            cs_field_binding_clear       (CsFieldBinding *binding);
const CsField  *cs_field_binding_get_field   (CsFieldBinding *binding);
gboolean        cs_field_binding_is_writable (CsFieldBinding *binding);

CsFieldBinding *cs_field_editor_get_binding  (CsFieldEditor  *self);
const char     *cs_field_editor_get_column   (CsFieldEditor  *self);
CsRecord       *cs_field_editor_get_record   (CsFieldEditor  *self);
void            cs_field_editor_bind         (CsFieldEditor  *self,
                                              CsStore        *store,
                                              CsRecord       *record);
GtkWidget      *cs_field_editor_bound        (GtkWidget      *editor,
                                              CsStore        *store,
                                              CsRecord       *record);
void            cs_field_editor_add_bound    (GtkWidget      *parent,
                                              GtkWidget      *editor,
                                              CsStore        *store,
                                              CsRecord       *record);
void            cs_field_editor_sync         (CsFieldEditor  *self);
gboolean        cs_field_editor_commit       (CsFieldEditor  *self,
                                              gboolean        final);
void            cs_field_editor_watch        (CsFieldEditor  *self,
                                              GtkWidget      *input);
void            cs_field_editor_name_after_title (CsFieldEditor *self);
void            cs_field_editor_queue_commit (CsFieldEditor  *self,
                                              gboolean        focused);
gboolean        cs_field_editor_store_string (CsFieldEditor  *self,
                                              const char     *value);
gboolean        cs_field_editor_store_number (CsFieldEditor  *self,
                                              double          value);
gboolean        cs_field_editor_store_int    (CsFieldEditor  *self,
                                              gint64          value);
/**
 * CS_FIELD_EDITOR_PROP_COLUMN:
 *
 * The property id an editor gives to "column"; "record" is the next one, and the editor's own
 * properties follow %CS_FIELD_EDITOR_N_PROPS.
 */
#define CS_FIELD_EDITOR_PROP_COLUMN 1
#define CS_FIELD_EDITOR_PROP_RECORD 2
#define CS_FIELD_EDITOR_N_PROPS     3

void            cs_field_editor_class_setup        (GObjectClass   *klass);
void            cs_field_editor_install_properties (GObjectClass   *klass);
gboolean        cs_field_binding_get_property      (CsFieldBinding *binding,
                                                    guint           prop_id,
                                                    GValue         *value);
gboolean        cs_field_binding_set_property      (CsFieldBinding *binding,
                                                    guint           prop_id,
                                                    const GValue   *value);

void            cs_field_editors_bind        (GtkWidget      *container,
                                              CsStore        *store,
                                              CsRecord       *record);
GtkWidget      *cs_field_editors_find        (GtkWidget      *container,
                                              const char     *table,
                                              gint64          record_id,
                                              const char     *field);
gboolean        cs_field_editors_reveal      (GtkWidget      *target);
gboolean        cs_field_editors_reveal_or_first (GtkWidget  *target,
                                                  GtkWidget  *container);
gboolean        cs_field_editors_focus       (GtkWidget      *container,
                                              const char     *table,
                                              gint64          record_id,
                                              const char     *field);

char           *cs_format_number             (double          value);
gboolean        cs_parse_number              (const char     *text,
                                              double         *out_value);

G_END_DECLS
