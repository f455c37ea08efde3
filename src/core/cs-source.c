/* cs-source.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-source"

#include "config.h"

#include "cs-source.h"

/*
 * One call of a function, later, from the main loop, remembered in a source id that the
 * owner keeps: while the call is pending the id is set (scheduling again does nothing, so a
 * burst of changes makes one call), the id is back to 0 when the function runs, and the
 * owner removes a pending call with g_clear_handle_id() when it goes away. This is what
 * every page does to update once after a change, or to commit after a typing pause.
 */

typedef struct
{
  guint        *source_id;
  CsSourceFunc  func;
  gpointer      data;
} Once;

static gboolean
once_cb (gpointer user_data)
{
  Once *once = user_data;

  *once->source_id = 0;
  once->func (once->data);

  return G_SOURCE_REMOVE;
}

static Once *
once_new (guint        *source_id,
          CsSourceFunc  func,
          gpointer      data)
{
  Once *once = g_new (Once, 1);

  once->source_id = source_id;
  once->func = func;
  once->data = data;

  return once;
}

/**
 * cs_idle_add_once:
 * @source_id: (inout): where the owner keeps the id of the pending call, 0 if none
 * @priority: the priority of the idle source, as for g_idle_add_full()
 * @func: what to call
 * @data: what to pass to @func
 *
 * Calls @func when the main loop is idle, unless a call is already pending in @source_id.
 * @source_id is 0 again when @func runs; a pending call is removed with
 * g_clear_handle_id (@source_id, g_source_remove).
 */
void
cs_idle_add_once (guint        *source_id,
                  int           priority,
                  CsSourceFunc  func,
                  gpointer      data)
{
  g_return_if_fail (source_id != NULL);
  g_return_if_fail (func != NULL);

  if (*source_id != 0)
    return;

  *source_id = g_idle_add_full (priority, once_cb, once_new (source_id, func, data), g_free);
}

/**
 * cs_timeout_add_once:
 * @source_id: (inout): where the owner keeps the id of the pending call, 0 if none
 * @interval_ms: the delay before the call, in milliseconds
 * @func: what to call
 * @data: what to pass to @func
 *
 * Calls @func after @interval_ms, unless a call is already pending in @source_id (to start
 * the delay again, remove the pending call first). @source_id is 0 again when @func runs.
 */
void
cs_timeout_add_once (guint        *source_id,
                     guint         interval_ms,
                     CsSourceFunc  func,
                     gpointer      data)
{
  g_return_if_fail (source_id != NULL);
  g_return_if_fail (func != NULL);

  if (*source_id != 0)
    return;

  *source_id = g_timeout_add_full (G_PRIORITY_DEFAULT, interval_ms, once_cb,
                                   once_new (source_id, func, data), g_free);
}
