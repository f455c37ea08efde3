/* cs-record.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-record"

#include "config.h"

#include <math.h>

#include "cs-record-private.h"

/**
 * CsRecord:
 *
 * One row of a project table as a GObject. A record type is described by a static #CsEntity;
 * cs_record_class_set_entity() turns each #CsField into a property of the right type, so that
 * the store, the exchange formats and the widgets all work from the same description.
 *
 * A record whose id is 0 has not been stored yet. Records are changed through the store,
 * which writes the value to the project file first and then updates the record, so that a
 * record never shows a value that is not on disk.
 */

typedef struct
{
  gint64  id;
  GValue *values;
} CsRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CsRecord, cs_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GValue *
get_values (CsRecord *self)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  /* Allocated on first use: during instance init the class is still the base class. */
  if (priv->values == NULL)
    {
      const CsEntity *entity = cs_record_get_entity (self);

      g_assert (entity != NULL);

      priv->values = g_new0 (GValue, entity->n_fields);
      for (guint i = 0; i < entity->n_fields; i++)
        {
          const CsField *field = &entity->fields[i];

          switch (field->type)
            {
            case CS_FIELD_STRING:
            case CS_FIELD_DATE:
              g_value_init (&priv->values[i], G_TYPE_STRING);
              g_value_set_static_string (&priv->values[i], "");
              break;

            case CS_FIELD_CHOICE:
              g_value_init (&priv->values[i], G_TYPE_STRING);
              g_value_set_static_string (&priv->values[i], field->choices[0]);
              break;

            case CS_FIELD_INT:
            case CS_FIELD_REF:
              g_value_init (&priv->values[i], G_TYPE_INT64);
              g_value_set_int64 (&priv->values[i], field->type == CS_FIELD_INT ? field->def : 0);
              break;

            case CS_FIELD_NUMBER:
              g_value_init (&priv->values[i], G_TYPE_DOUBLE);
              g_value_set_double (&priv->values[i], NAN);
              break;

            case CS_FIELD_BOOLEAN:
              g_value_init (&priv->values[i], G_TYPE_BOOLEAN);
              g_value_set_boolean (&priv->values[i], field->def != 0);
              break;

            default:
              g_assert_not_reached ();
            }
        }
    }

  return priv->values;
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  g_assert (G_VALUE_TYPE (a) == G_VALUE_TYPE (b));

  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_BOOLEAN:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case G_TYPE_DOUBLE:
      {
        double x = g_value_get_double (a);
        double y = g_value_get_double (b);

        return (isnan (x) && isnan (y)) || x == y;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
cs_record_field_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsRecord *self = CS_RECORD (object);
  guint index = prop_id - 1;

  g_assert (index < cs_record_get_entity (self)->n_fields);

  g_value_copy (&get_values (self)[index], value);
}

static void
cs_record_field_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsRecord *self = CS_RECORD (object);
  guint index = prop_id - 1;

  g_assert (index < cs_record_get_entity (self)->n_fields);

  if (values_equal (&get_values (self)[index], value))
    return;

  g_value_copy (value, &get_values (self)[index]);
  g_object_notify_by_pspec (object, pspec);
}

static void
cs_record_finalize (GObject *object)
{
  CsRecord *self = CS_RECORD (object);
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      guint n = cs_record_get_entity (self)->n_fields;

      for (guint i = 0; i < n; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (cs_record_parent_class)->finalize (object);
}

static void
cs_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CsRecord *self = CS_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, cs_record_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CsRecord *self = CS_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      cs_record_set_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_record_class_init (CsRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_record_finalize;
  object_class->get_property = cs_record_get_property;
  object_class->set_property = cs_record_set_property;

  /**
   * CsRecord:id:
   *
   * The row id in the project file, or 0 when the record is not stored yet.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_record_init (CsRecord *self)
{
}

/**
 * cs_record_class_set_entity:
 * @klass: the class of a record type, in its `class_init`
 * @entity: (transfer none): a static description of the type
 *
 * Installs one property per field of @entity. Called by CS_DEFINE_RECORD_TYPE().
 */
void
cs_record_class_set_entity (CsRecordClass  *klass,
                            const CsEntity *entity)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_NICK
                            | G_PARAM_STATIC_BLURB;

  g_return_if_fail (CS_IS_RECORD_CLASS (klass));
  g_return_if_fail (entity != NULL);

  klass->entity = entity;
  klass->field_pspecs = g_new0 (GParamSpec *, entity->n_fields);
  object_class->get_property = cs_record_field_get_property;
  object_class->set_property = cs_record_field_set_property;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CsField *field = &entity->fields[i];
      g_autofree char *name = g_strdelimit (g_strdup (field->column), "_", '-');
      GParamSpec *pspec = NULL;

      switch (field->type)
        {
        case CS_FIELD_STRING:
        case CS_FIELD_DATE:
          pspec = g_param_spec_string (name, NULL, NULL, "", flags);
          break;

        case CS_FIELD_CHOICE:
          pspec = g_param_spec_string (name, NULL, NULL, field->choices[0], flags);
          break;

        case CS_FIELD_INT:
          pspec = g_param_spec_int64 (name, NULL, NULL, field->min, field->max, field->def, flags);
          break;

        case CS_FIELD_REF:
          pspec = g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, flags);
          break;

        case CS_FIELD_NUMBER:
          /* GParamSpecDouble cannot have NaN as default or accept it through g_object_set(),
           * so "not stated" is only ever set by _cs_record_take_value(); reading works. */
          pspec = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
          break;

        case CS_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (name, NULL, NULL, field->def != 0, flags);
          break;

        default:
          g_assert_not_reached ();
        }

      /* Property ids start at 1; the index into the fields is id - 1. */
      klass->field_pspecs[i] = g_param_spec_ref_sink (pspec);
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

/**
 * cs_record_get_entity:
 * @self: a record
 *
 * Returns: (transfer none): the description of the record's type
 */
const CsEntity *
cs_record_get_entity (CsRecord *self)
{
  g_return_val_if_fail (CS_IS_RECORD (self), NULL);

  return CS_RECORD_GET_CLASS (self)->entity;
}

/**
 * cs_record_type_get_entity:
 * @type: a record type
 *
 * Returns: (transfer none): the description of @type
 */
const CsEntity *
cs_record_type_get_entity (GType type)
{
  CsRecordClass *klass = NULL;

  g_return_val_if_fail (g_type_is_a (type, CS_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  g_type_class_unref (klass); /* record classes are static: they live as long as the program */

  return klass->entity;
}

/**
 * cs_entity_find_field:
 * @entity: a record type description
 * @column: a column name (underscores) or property name (dashes)
 * @out_index: (out) (optional): where to store the field index
 *
 * Returns: (nullable): the field, or %NULL if @entity has no such field
 */
const CsField *
cs_entity_find_field (const CsEntity *entity,
                      const char     *column,
                      guint          *out_index)
{
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *a = entity->fields[i].column;
      const char *b = column;

      while (*a != '\0' && (*a == *b || (*a == '_' && *b == '-')))
        a++, b++;

      if (*a == '\0' && *b == '\0')
        {
          if (out_index != NULL)
            *out_index = i;
          return &entity->fields[i];
        }
    }

  return NULL;
}

/**
 * cs_record_get_id:
 * @self: a record
 *
 * Returns: the row id, or 0 when the record is not stored
 */
gint64
cs_record_get_id (CsRecord *self)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_val_if_fail (CS_IS_RECORD (self), 0);

  return priv->id;
}

/**
 * cs_record_set_id:
 * @self: a record
 * @id: the row id
 *
 * Sets the row id. Only the store calls this.
 */
void
cs_record_set_id (CsRecord *self,
                  gint64    id)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_if_fail (CS_IS_RECORD (self));

  if (priv->id == id)
    return;

  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * cs_record_get_parent_id:
 * @self: a record
 *
 * Returns: the id of the owning row (the offer of a section record), or 0 for top-level records
 */
gint64
cs_record_get_parent_id (CsRecord *self)
{
  const CsEntity *entity = NULL;

  g_return_val_if_fail (CS_IS_RECORD (self), 0);

  entity = cs_record_get_entity (self);
  if (entity->parent == NULL)
    return 0;

  return cs_record_get_int (self, entity->parent);
}

/**
 * cs_record_peek_value:
 * @self: a record
 * @index: a field index
 *
 * Returns: (transfer none): the value of field @index
 */
const GValue *
cs_record_peek_value (CsRecord *self,
                      guint     index)
{
  g_return_val_if_fail (CS_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < cs_record_get_entity (self)->n_fields, NULL);

  return &get_values (self)[index];
}

/*
 * _cs_record_take_value:
 * @self: a record
 * @index: a field index
 * @value: a value of the field's type
 *
 * Sets field @index, notifying its property when it changed. Only the store calls this, after
 * the value is on disk.
 */
void
_cs_record_take_value (CsRecord     *self,
                       guint         index,
                       const GValue *value)
{
  GValue *values = NULL;

  g_return_if_fail (CS_IS_RECORD (self));
  g_return_if_fail (index < cs_record_get_entity (self)->n_fields);

  values = get_values (self);
  g_return_if_fail (G_VALUE_TYPE (value) == G_VALUE_TYPE (&values[index]));

  if (values_equal (&values[index], value))
    return;

  g_value_copy (value, &values[index]);
  g_object_notify_by_pspec (G_OBJECT (self), CS_RECORD_GET_CLASS (self)->field_pspecs[index]);
}

static const GValue *
lookup (CsRecord   *self,
        const char *column)
{
  guint index = 0;

  if (cs_entity_find_field (cs_record_get_entity (self), column, &index) == NULL)
    {
      g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), column);
      return NULL;
    }

  return &get_values (self)[index];
}

/**
 * cs_record_get_string:
 * @self: a record
 * @column: a text, choice or date field
 *
 * Returns: (transfer none): the value, never %NULL ("" when not stated)
 */
const char *
cs_record_get_string (CsRecord   *self,
                      const char *column)
{
  const GValue *value = NULL;

  g_return_val_if_fail (CS_IS_RECORD (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  value = lookup (self, column);
  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_STRING (value), NULL);

  return g_value_get_string (value) != NULL ? g_value_get_string (value) : "";
}

/**
 * cs_record_get_int:
 * @self: a record
 * @column: a whole-number or reference field
 *
 * Returns: the value (0 for an empty reference)
 */
gint64
cs_record_get_int (CsRecord   *self,
                   const char *column)
{
  const GValue *value = NULL;

  g_return_val_if_fail (CS_IS_RECORD (self), 0);
  g_return_val_if_fail (column != NULL, 0);

  value = lookup (self, column);
  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_INT64 (value), 0);

  return g_value_get_int64 (value);
}

/**
 * cs_record_get_number:
 * @self: a record
 * @column: a number field
 *
 * Returns: the value, NaN when not stated
 */
double
cs_record_get_number (CsRecord   *self,
                      const char *column)
{
  const GValue *value = NULL;

  g_return_val_if_fail (CS_IS_RECORD (self), NAN);
  g_return_val_if_fail (column != NULL, NAN);

  value = lookup (self, column);
  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_DOUBLE (value), NAN);

  return g_value_get_double (value);
}

/**
 * cs_record_get_boolean:
 * @self: a record
 * @column: a boolean field
 *
 * Returns: the value
 */
gboolean
cs_record_get_boolean (CsRecord   *self,
                       const char *column)
{
  const GValue *value = NULL;

  g_return_val_if_fail (CS_IS_RECORD (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  value = lookup (self, column);
  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_BOOLEAN (value), FALSE);

  return g_value_get_boolean (value);
}

/**
 * cs_record_copy:
 * @self: a record
 *
 * Returns: (transfer full): a new record of the same type with the same id and values
 */
CsRecord *
cs_record_copy (CsRecord *self)
{
  CsRecord *copy = NULL;
  guint n = 0;

  g_return_val_if_fail (CS_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  n = cs_record_get_entity (self)->n_fields;
  for (guint i = 0; i < n; i++)
    g_value_copy (&get_values (self)[i], &get_values (copy)[i]);
  cs_record_set_id (copy, cs_record_get_id (self));

  return copy;
}

/**
 * cs_record_compare_positions:
 * @a: a record with a "position" field
 * @b: another
 *
 * The order of ordered records (deliverables, policies, the RACI catalogues …): their
 * "position", then their id, as the store sorts them on load.
 *
 * Returns: a negative number if @a comes first, a positive one if @b does, 0 if the same
 */
int
cs_record_compare_positions (CsRecord *a,
                             CsRecord *b)
{
  gint64 pa = cs_record_get_int (a, "position");
  gint64 pb = cs_record_get_int (b, "position");
  gint64 ia = cs_record_get_id (a);
  gint64 ib = cs_record_get_id (b);

  if (pa != pb)
    return pa < pb ? -1 : 1;

  return (ia > ib) - (ia < ib);
}

static int
compare_positions_cb (gconstpointer a,
                      gconstpointer b)
{
  return cs_record_compare_positions (*(CsRecord **) a, *(CsRecord **) b);
}

/**
 * cs_records_sort_by_position:
 * @records: (element-type CsRecord): records with a "position" field
 *
 * A sorted copy of a list: the store's live lists are not sorted again when a position
 * changes.
 *
 * Returns: (transfer container) (element-type CsRecord): the records, in their order
 */
GPtrArray *
cs_records_sort_by_position (GListModel *records)
{
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_LIST_MODEL (records), sorted);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (records, i));
  g_ptr_array_sort (sorted, compare_positions_cb);

  return sorted;
}

/*
 * _cs_record_load_value:
 * @self: a record being loaded from the file
 * @index: a field index
 * @value: the value read
 *
 * Sets a field without notification, for records nobody watches yet.
 */
void
_cs_record_load_value (CsRecord     *self,
                       guint         index,
                       const GValue *value)
{
  GValue *values = get_values (self);

  g_assert (index < cs_record_get_entity (self)->n_fields);
  g_assert (G_VALUE_TYPE (value) == G_VALUE_TYPE (&values[index]));

  g_value_copy (value, &values[index]);
}
