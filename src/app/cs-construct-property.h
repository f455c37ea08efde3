/* cs-construct-property.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Construct-only object properties kept in a member of the instance struct: the store a dialog
 * edits, the record it shows. The property's spec knows the member, so a class whose properties
 * are all of this kind uses cs_construct_property_get() and cs_construct_property_set() as its
 * get_property and set_property; its dispose still clears the members.
 */

GParamSpec *cs_param_spec_construct_object (const char   *name,
                                            GType         object_type,
                                            gsize         member_offset);
void        cs_construct_property_get      (GObject      *object,
                                            guint         prop_id,
                                            GValue       *value,
                                            GParamSpec   *pspec);
void        cs_construct_property_set      (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec);

G_END_DECLS
