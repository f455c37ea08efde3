/* cs-record-list.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_RECORD_LIST (cs_record_list_get_type ())

G_DECLARE_FINAL_TYPE (CsRecordList, cs_record_list, CS, RECORD_LIST, GObject)

/**
 * CsRecordListRowFunc:
 * @row: the row of @record
 * @record: a record of the list
 *
 * Sets the title, subtitle and accessible name of @row from @record.
 */
typedef void   (*CsRecordListRowFunc)    (AdwExpanderRow *row,
                                          CsRecord       *record);

/**
 * CsRecordListFieldsFunc:
 * @fields: (element-type GtkWidget): where to append the editing rows
 * @record: a record of the list
 * @user_data: the data given with the function
 *
 * Appends the unbound editing rows (#CsFieldEditor rows) of @record's fields, in order.
 */
typedef void   (*CsRecordListFieldsFunc) (GPtrArray      *fields,
                                          CsRecord       *record,
                                          gpointer        user_data);

/**
 * CsRecordListTitleFunc:
 * @record: the record about to be deleted
 *
 * Returns: (transfer full): the markup title of the toast that offers to undo the deletion
 */
typedef char  *(*CsRecordListTitleFunc)  (CsRecord       *record);

/**
 * CsRecordListChangedFunc:
 * @user_data: the data given with the function
 *
 * Called after a deletion or an undo, for the owner to update its actions.
 */
typedef void   (*CsRecordListChangedFunc) (gpointer       user_data);

/**
 * CsRecordListInfo:
 * @record_type: the type of the records, with an "offer-id" and a "position"
 * @table: the table of the records, as #CsSectionPage targets name it
 * @name_column: the field focused in a record just added
 * @action_prefix: the prefix of the list's actions in its owner
 * @delete_label: the tooltip and accessible name of a row's delete button
 * @placeholder: the text shown while the list is empty
 * @update_row: sets a row's title from its record
 * @add_fields: gives a row's editing rows
 * @deleted_title: gives the title of the toast after a deletion
 * @changed: called after a deletion or an undo
 * @user_data: passed to @add_fields and @changed
 *
 * What a #CsRecordList shows and how; the strings are copied.
 */
typedef struct
{
  GType                    record_type;
  const char              *table;
  const char              *name_column;
  const char              *action_prefix;
  const char              *delete_label;
  const char              *placeholder;
  CsRecordListRowFunc      update_row;
  CsRecordListFieldsFunc   add_fields;
  CsRecordListTitleFunc    deleted_title;
  CsRecordListChangedFunc  changed;
  gpointer                 user_data;
} CsRecordListInfo;

CsRecordList *cs_record_list_new             (GtkWidget              *owner,
                                              GtkListBox             *list_box,
                                              CsStore                *store,
                                              const CsRecordListInfo *info);
void          cs_record_list_set_offer       (CsRecordList           *self,
                                              gint64                  offer_id);
GListModel   *cs_record_list_get_model       (CsRecordList           *self);
void          cs_record_list_update_actions  (CsRecordList           *self,
                                              gboolean                writable);
GtkWidget    *cs_record_list_find_row        (CsRecordList           *self,
                                              gint64                  record_id);
GtkWidget    *cs_record_list_find_target     (CsRecordList           *self,
                                              gint64                  record_id,
                                              const char             *field);

GtkWidget    *cs_record_button_new           (const char             *icon_name,
                                              const char             *tooltip,
                                              const char             *accessible_label,
                                              const char             *action_name,
                                              gint64                  record_id);

G_END_DECLS
