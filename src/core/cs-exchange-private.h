/* cs-exchange-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-exchange.h"

G_BEGIN_DECLS

/* Shared by the writer (cs-exchange.c) and the reader (cs-exchange-import.c). */

/* Text fields without a length of their own hold up to 64 KiB, as in the store. */
#define CS_EXCHANGE_DEFAULT_MAX_TEXT (64 * 1024)

const CsEntity *_cs_exchange_table_entity (guint          index);
int             _cs_exchange_find_table   (const char    *name);
gsize           _cs_exchange_max_length   (const CsField *field);

G_END_DECLS
