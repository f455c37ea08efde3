/* cs-bench-utils.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CS_BENCH_N_ASSETS 100000
#define CS_BENCH_N_OFFERS 5

void     cs_bench_build_project (const char *path);
guint64  cs_bench_status_kib    (const char *field);

G_END_DECLS
