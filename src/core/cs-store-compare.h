/* cs-store-compare.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-store.h"

G_BEGIN_DECLS

gboolean cs_store_count_critical_coverage (CsStore  *self,
                                           gint64    offer_id,
                                           guint    *out_partial,
                                           guint    *out_excluded,
                                           GError  **error);

G_END_DECLS
