/* cs-store-undo.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-store-private.h"

/* The store's undo stack: every deletion the user made and can put back, newest last, shared
 * by every page and by the window's Ctrl+Z, so that an Undo button and the shortcut always
 * agree on what comes back. */

/* Enough for a working session; the oldest entries are forgotten first. */
#define MAX_UNDO 100

void
_cs_store_reserve_ids (CsStore    *self,
                       CsDeletion *deletion)
{
  for (guint i = 0; i < deletion->rows->len; i++)
    {
      CsRecord *row = g_ptr_array_index (deletion->rows, i);
      const char *table = cs_record_get_entity (row)->table;
      gint64 id = cs_record_get_id (row);
      gint64 *reserved = g_hash_table_lookup (self->reserved_ids, table);

      if (reserved == NULL)
        g_hash_table_insert (self->reserved_ids, (gpointer) table, g_memdup2 (&id, sizeof id));
      else if (*reserved < id)
        *reserved = id;
    }
}

/* The highest id of @table deleted in this session, or 0. */
gint64
_cs_store_get_reserved_id (CsStore    *self,
                           const char *table)
{
  gint64 *reserved = g_hash_table_lookup (self->reserved_ids, table);

  return reserved != NULL ? *reserved : 0;
}

/**
 * cs_store_push_undo:
 * @self: a store
 * @deletions: (array length=n_deletions): what cs_store_delete() returned for one user action
 * @n_deletions: the number of @deletions, at least 1
 *
 * Remembers @deletions as one step that cs_store_undo() puts back, after the steps pushed
 * before. The stack is emptied when the store closes.
 */
void
cs_store_push_undo (CsStore           *self,
                    CsDeletion * const *deletions,
                    guint              n_deletions)
{
  GPtrArray *entry;

  g_return_if_fail (CS_IS_STORE (self));
  g_return_if_fail (deletions != NULL);
  g_return_if_fail (n_deletions > 0);

  entry = g_ptr_array_new_full (n_deletions, (GDestroyNotify) cs_deletion_unref);
  for (guint i = 0; i < n_deletions; i++)
    g_ptr_array_add (entry, cs_deletion_ref (deletions[i]));

  if (self->undo_stack->len >= MAX_UNDO)
    g_ptr_array_remove_index (self->undo_stack, 0);
  g_ptr_array_add (self->undo_stack, entry);

  if (self->undo_stack->len == 1)
    _cs_store_notify_can_undo (self);
}

/**
 * cs_store_can_undo:
 * @self: a store
 *
 * Returns: %TRUE when cs_store_undo() has a deletion to put back and the store can be written
 */
gboolean
cs_store_can_undo (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), FALSE);

  return self->undo_stack->len > 0 && self->db != NULL && !self->read_only;
}

/**
 * cs_store_peek_undo_record:
 * @self: a store
 *
 * Returns: (transfer none) (nullable): the record cs_store_undo() would put back first (the
 *   first of its step), or %NULL when there is nothing to undo
 */
CsRecord *
cs_store_peek_undo_record (CsStore *self)
{
  GPtrArray *entry;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;

  entry = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return cs_deletion_get_record (g_ptr_array_index (entry, 0));
}

static gboolean
undo_entry_cb (CsStore   *store,
               gpointer   user_data,
               GError   **error)
{
  GPtrArray *entry = user_data;

  /* Last deleted, first back: a child never comes back before its parent. */
  for (guint i = entry->len; i > 0; i--)
    if (!cs_store_undelete (store, g_ptr_array_index (entry, i - 1), error))
      return FALSE;

  return TRUE;
}

/**
 * cs_store_undo:
 * @self: a store
 * @error: return location for a #CsStoreError
 *
 * Puts back the last step of the undo stack (see cs_store_push_undo()), in one transaction.
 * The step leaves the stack even when it cannot be put back.
 *
 * Returns: %TRUE if the step was put back; %FALSE with @error set when there was nothing to
 *   undo or putting it back failed, in which case nothing was changed
 */
gboolean
cs_store_undo (CsStore  *self,
               GError  **error)
{
  g_autoptr(GPtrArray) entry = NULL;
  gboolean ok;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->undo_stack->len == 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("There is nothing to undo; nothing was changed."));
      return FALSE;
    }

  entry = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  if (entry->len == 1)
    ok = cs_store_undelete (self, g_ptr_array_index (entry, 0), error);
  else
    ok = cs_store_batch (self, undo_entry_cb, entry, error);

  if (self->undo_stack->len == 0)
    _cs_store_notify_can_undo (self);

  return ok;
}
