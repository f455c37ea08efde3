/* cs-record.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * CsFieldType:
 * @CS_FIELD_STRING: text; `NULL` and "" are both stored as "" (not stated)
 * @CS_FIELD_CHOICE: text restricted to #CsField.choices; the first choice is the default
 * @CS_FIELD_DATE: an ISO 8601 date "YYYY-MM-DD", or "" when not stated (stored as NULL)
 * @CS_FIELD_INT: a whole number within [#CsField.min, #CsField.max], never NULL
 * @CS_FIELD_NUMBER: a real number; NaN means "not stated" and is stored as NULL
 * @CS_FIELD_BOOLEAN: a flag, never NULL
 * @CS_FIELD_REF: the id of a row of #CsField.ref_table; 0 means none (stored as NULL)
 *
 * The kinds of values a record field holds. Each field is both a GObject property of the
 * record type and a column of the record's table, under the same name (with dashes in the
 * property name where the column has underscores).
 */
typedef enum {
  CS_FIELD_STRING,
  CS_FIELD_CHOICE,
  CS_FIELD_DATE,
  CS_FIELD_INT,
  CS_FIELD_NUMBER,
  CS_FIELD_BOOLEAN,
  CS_FIELD_REF,
} CsFieldType;

/**
 * CsRefAction:
 * @CS_REF_CASCADE: deleting the referenced row deletes this one
 * @CS_REF_SET_NULL: deleting the referenced row clears the reference
 */
typedef enum {
  CS_REF_CASCADE,
  CS_REF_SET_NULL,
} CsRefAction;

typedef struct _CsField CsField;
typedef struct _CsEntity CsEntity;

/**
 * CsField:
 * @column: column name in the table (underscores); the property name is the same with dashes
 * @type: the kind of value
 * @choices: (nullable): for %CS_FIELD_CHOICE, the allowed values, %NULL-terminated
 * @min: for %CS_FIELD_INT, the smallest value allowed
 * @max: for %CS_FIELD_INT, the largest value allowed
 * @def: for %CS_FIELD_INT and %CS_FIELD_BOOLEAN, the default value
 * @max_length: for text fields, the longest value in bytes (0: 64 KiB)
 * @ref_table: for %CS_FIELD_REF, the table referenced
 * @ref_action: for %CS_FIELD_REF, what deleting the referenced row does
 *
 * One field of a record type: a static description shared by the GObject property, the
 * SQLite column and the validation done by the store.
 */
struct _CsField
{
  const char         *column;
  CsFieldType         type;
  const char * const *choices;
  gint64              min;
  gint64              max;
  gint64              def;
  guint               max_length;
  const char         *ref_table;
  CsRefAction         ref_action;
};

/**
 * CsEntity:
 * @table: the SQLite table holding the records
 * @fields: the fields, in column order (the `id` column is implicit)
 * @n_fields: the number of @fields
 * @parent: (nullable): the column naming the owning row (e.g. "offer_id"), if any
 * @one_per_parent: %TRUE when each parent has exactly one such record (created with it)
 * @order_by: the SQL ordering used for lists of these records (a column list of our own)
 * @blob_column: (nullable): a BLOB column of the table, after the fields, that records never
 *   hold: only the store's own calls read and write it (a kept contract document's bytes)
 *
 * The static description of a record type.
 */
struct _CsEntity
{
  const char    *table;
  const CsField *fields;
  guint          n_fields;
  const char    *parent;
  gboolean       one_per_parent;
  const char    *order_by;
  const char    *blob_column;
};

#define CS_TYPE_RECORD (cs_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (CsRecord, cs_record, CS, RECORD, GObject)

/**
 * CsRecordClass:
 * @entity: the description of the record type, set by cs_record_class_set_entity()
 */
struct _CsRecordClass
{
  GObjectClass    parent_class;

  const CsEntity *entity;

  /*< private >*/
  GParamSpec    **field_pspecs;
};

void             cs_record_class_set_entity (CsRecordClass  *klass,
                                             const CsEntity *entity);

const CsEntity  *cs_record_get_entity       (CsRecord       *self);
const CsEntity  *cs_record_type_get_entity  (GType           type);
const CsField   *cs_entity_find_field       (const CsEntity *entity,
                                             const char     *column,
                                             guint          *out_index);

gint64           cs_record_get_id           (CsRecord       *self);
void             cs_record_set_id           (CsRecord       *self,
                                             gint64          id);
gint64           cs_record_get_parent_id    (CsRecord       *self);

const GValue    *cs_record_peek_value       (CsRecord       *self,
                                             guint           index);

const char      *cs_record_get_string       (CsRecord       *self,
                                             const char     *column);
gint64           cs_record_get_int          (CsRecord       *self,
                                             const char     *column);
double           cs_record_get_number       (CsRecord       *self,
                                             const char     *column);
gboolean         cs_record_get_boolean      (CsRecord       *self,
                                             const char     *column);

CsRecord        *cs_record_copy             (CsRecord       *self);

int              cs_record_compare_positions (CsRecord      *a,
                                              CsRecord      *b);
GPtrArray       *cs_records_sort_by_position (GListModel    *records);

/**
 * CS_DEFINE_RECORD_TYPE:
 * @TypeName: the type name, e.g. `CsSite`
 * @type_name: the function prefix, e.g. `cs_site`
 * @entity: a `static const CsEntity` describing the table
 *
 * Defines a final record type whose properties are the fields of @entity. The header declares
 * it with `G_DECLARE_FINAL_TYPE (TypeName, type_name, CS, NAME, CsRecord)`.
 */
#define CS_DEFINE_RECORD_TYPE(TypeName, type_name, entity)                    \
  struct _##TypeName { CsRecord parent_instance; };                          \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, CS_TYPE_RECORD)                  \
  static void type_name##_class_init (TypeName##Class *klass)                \
  {                                                                          \
    cs_record_class_set_entity (CS_RECORD_CLASS (klass), &(entity));         \
  }                                                                          \
  static void type_name##_init (TypeName *self) { (void) self; }

G_END_DECLS
