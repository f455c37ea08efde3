/* cs-construct-property.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-construct-property"

#include "config.h"

#include "cs-construct-property.h"

/* Returns: the key under which a property's spec keeps its member's offset */
static GQuark
member_offset_quark (void)
{
  return g_quark_from_static_string ("cs-construct-property-offset");
}

/* Returns: where the property's value lives in the instance, 0 for a property of another kind */
static gsize
get_member_offset (GParamSpec *pspec)
{
  return GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, member_offset_quark ()));
}

/**
 * cs_param_spec_construct_object:
 * @name: the property's name (a static string)
 * @object_type: the #GType of its value
 * @member_offset: where the instance struct keeps the value, from G_STRUCT_OFFSET()
 *
 * Returns: (transfer floating): a readable, construct-only object property whose value
 *   cs_construct_property_set() keeps, with a reference, in the member at @member_offset
 */
GParamSpec *
cs_param_spec_construct_object (const char *name,
                                GType       object_type,
                                gsize       member_offset)
{
  GParamSpec *pspec;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (g_type_is_a (object_type, G_TYPE_OBJECT)
                        || G_TYPE_IS_INTERFACE (object_type), NULL);
  g_return_val_if_fail (member_offset >= sizeof (GObject), NULL);

  pspec = g_param_spec_object (name, NULL, NULL, object_type,
                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_param_spec_set_qdata (pspec, member_offset_quark (), GSIZE_TO_POINTER (member_offset));

  return pspec;
}

/**
 * cs_construct_property_get:
 * @object: the instance
 * @prop_id: the property's id
 * @value: where to put its value
 * @pspec: its spec, made by cs_param_spec_construct_object()
 *
 * A #GObjectClass.get_property for classes whose properties are all construct-only objects.
 */
void
cs_construct_property_get (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  gsize offset = get_member_offset (pspec);

  if (offset == 0)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_value_set_object (value, G_STRUCT_MEMBER (gpointer, object, offset));
}

/**
 * cs_construct_property_set:
 * @object: the instance
 * @prop_id: the property's id
 * @value: the value given at construction
 * @pspec: its spec, made by cs_param_spec_construct_object()
 *
 * A #GObjectClass.set_property for classes whose properties are all construct-only objects:
 * keeps a reference to the value in the instance's member.
 */
void
cs_construct_property_set (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  gsize offset = get_member_offset (pspec);

  if (offset == 0)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_clear_object (&G_STRUCT_MEMBER (GObject *, object, offset));
  G_STRUCT_MEMBER (GObject *, object, offset) = g_value_dup_object (value);
}
