/* cs-record-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-record.h"

G_BEGIN_DECLS

void  _cs_record_load_value (CsRecord     *self,
                             guint         index,
                             const GValue *value);
void  _cs_record_take_value (CsRecord     *self,
                             guint         index,
                             const GValue *value);

G_END_DECLS
