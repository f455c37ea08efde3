/* cs-store-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cs-store.h"

G_BEGIN_DECLS

/*
 * CsMigration:
 * @from_version: the file format the step upgrades from (to @from_version + 1)
 * @sql: the statements of the step, run inside the upgrade transaction
 */
typedef struct
{
  int         from_version;
  const char *sql;
} CsMigration;

CsStore *_cs_store_open_full (const char         *path,
                              CsStoreOpenFlags    flags,
                              const CsMigration  *migrations,
                              guint               n_migrations,
                              int                 target_version,
                              GError            **error);

/* For the other cs-store-*.c files, the only other code that runs SQL. */
sqlite3 *_cs_store_get_db    (CsStore            *self);

G_END_DECLS
