/* cs-demo.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-store.h"

G_BEGIN_DECLS

CsStore  *cs_demo_create_in_language      (const char  *path,
                                           const char  *language,
                                           GError     **error);
CsStore  *cs_demo_create                  (const char  *path,
                                           GError     **error);
gboolean  cs_store_load_json_data         (CsStore     *store,
                                           GBytes      *json,
                                           GError     **error);
CsStore  *cs_store_create_from_json_data  (const char  *path,
                                           GBytes      *json,
                                           GError     **error);

G_END_DECLS
