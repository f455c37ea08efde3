/* cs-source.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CsSourceFunc:
 * @data: the data given when the call was scheduled
 *
 * Work done once, later, from the main loop.
 */
typedef void (*CsSourceFunc) (gpointer data);

void cs_idle_add_once    (guint        *source_id,
                          int           priority,
                          CsSourceFunc  func,
                          gpointer      data);
void cs_timeout_add_once (guint        *source_id,
                          guint         interval_ms,
                          CsSourceFunc  func,
                          gpointer      data);

G_END_DECLS
