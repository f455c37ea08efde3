/* cs-store.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-model.h"

G_BEGIN_DECLS

/**
 * CS_STORE_SCHEMA_VERSION:
 *
 * The schema version this build writes, kept in `PRAGMA user_version`.
 */
#define CS_STORE_SCHEMA_VERSION 1

/**
 * CS_STORE_APPLICATION_ID:
 *
 * The `PRAGMA application_id` of every Contract Scope project file ("CScp").
 */
#define CS_STORE_APPLICATION_ID 0x43536370

#define CS_STORE_ERROR (cs_store_error_quark ())

/**
 * CsStoreError:
 * @CS_STORE_ERROR_NOT_FOUND: the file does not exist (it is never created by opening)
 * @CS_STORE_ERROR_EXISTS: creating a project where a file already exists
 * @CS_STORE_ERROR_NOT_REGULAR: the path is a folder or a special file
 * @CS_STORE_ERROR_EMPTY: the file is empty
 * @CS_STORE_ERROR_TRUNCATED: the file is shorter than its header says
 * @CS_STORE_ERROR_NOT_SQLITE: the file is not an SQLite database
 * @CS_STORE_ERROR_FOREIGN: an SQLite database that is not a Contract Scope project
 * @CS_STORE_ERROR_TOO_NEW: a project written by a newer version of Contract Scope
 * @CS_STORE_ERROR_CORRUPT: the integrity check failed
 * @CS_STORE_ERROR_ALREADY_OPEN: another window or program has the project open
 * @CS_STORE_ERROR_READ_ONLY: a change was asked of a project opened read-only
 * @CS_STORE_ERROR_INVALID: a value does not fit its field
 * @CS_STORE_ERROR_MIGRATION: upgrading an older project failed; the file was left as it was
 * @CS_STORE_ERROR_CLOSED: the project was closed
 * @CS_STORE_ERROR_IO: the file could not be read or written (disk full, permissions …)
 *
 * Errors of #CsStore. Every message is translated and says what is safe.
 */
typedef enum {
  CS_STORE_ERROR_NOT_FOUND,
  CS_STORE_ERROR_EXISTS,
  CS_STORE_ERROR_NOT_REGULAR,
  CS_STORE_ERROR_EMPTY,
  CS_STORE_ERROR_TRUNCATED,
  CS_STORE_ERROR_NOT_SQLITE,
  CS_STORE_ERROR_FOREIGN,
  CS_STORE_ERROR_TOO_NEW,
  CS_STORE_ERROR_CORRUPT,
  CS_STORE_ERROR_ALREADY_OPEN,
  CS_STORE_ERROR_READ_ONLY,
  CS_STORE_ERROR_INVALID,
  CS_STORE_ERROR_MIGRATION,
  CS_STORE_ERROR_CLOSED,
  CS_STORE_ERROR_IO,
} CsStoreError;

/**
 * CsStoreOpenFlags:
 * @CS_STORE_OPEN_DEFAULT: open for editing when the file can be written, else read-only
 * @CS_STORE_OPEN_READ_ONLY: open read-only even when the file could be written
 */
typedef enum {
  CS_STORE_OPEN_DEFAULT   = 0,
  CS_STORE_OPEN_READ_ONLY = 1 << 0,
} CsStoreOpenFlags;

/**
 * CsDeletion:
 *
 * What cs_store_delete() removed, so that cs_store_undelete() can put it back.
 */
typedef struct _CsDeletion CsDeletion;

#define CS_TYPE_DELETION (cs_deletion_get_type ())
GType        cs_deletion_get_type   (void) G_GNUC_CONST;
CsDeletion  *cs_deletion_ref        (CsDeletion *deletion);
void         cs_deletion_unref      (CsDeletion *deletion);
CsRecord    *cs_deletion_get_record (CsDeletion *deletion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsDeletion, cs_deletion_unref)

#define CS_TYPE_STORE (cs_store_get_type ())

G_DECLARE_FINAL_TYPE (CsStore, cs_store, CS, STORE, GObject)

/**
 * CsStoreBatchFunc:
 * @store: the store
 * @user_data: the data given to cs_store_batch()
 * @error: return location for an error
 *
 * A group of changes made by cs_store_batch().
 *
 * Returns: %TRUE to commit the changes, %FALSE (with @error set) to roll all of them back
 */
typedef gboolean (*CsStoreBatchFunc) (CsStore   *store,
                                      gpointer   user_data,
                                      GError   **error);

GQuark       cs_store_error_quark         (void);

CsStore     *cs_store_create              (const char        *path,
                                           const char        *client_name,
                                           GError           **error);
CsStore     *cs_store_open                (const char        *path,
                                           CsStoreOpenFlags   flags,
                                           GError           **error);
void         cs_store_close               (CsStore           *self);

const char  *cs_store_get_path            (CsStore           *self);
gboolean     cs_store_is_read_only        (CsStore           *self);
gboolean     cs_store_is_closed           (CsStore           *self);
int          cs_store_get_schema_version  (CsStore           *self);

CsProject   *cs_store_get_project         (CsStore           *self);
GListModel  *cs_store_get_sites           (CsStore           *self);
GListModel  *cs_store_get_offers          (CsStore           *self);
GListModel  *cs_store_list                (CsStore           *self,
                                           GType              type,
                                           gint64             parent_id);
CsRecord    *cs_store_get_section         (CsStore           *self,
                                           GType              type,
                                           gint64             parent_id);
CsRecord    *cs_store_find                (CsStore           *self,
                                           GType              type,
                                           gint64             id);

guint        cs_store_count_assets        (CsStore           *self,
                                           guint64           *out_units,
                                           GHashTable       **out_per_category);

gboolean     cs_store_add                 (CsStore           *self,
                                           CsRecord          *record,
                                           GError           **error);
gboolean     cs_store_set_value           (CsStore           *self,
                                           CsRecord          *record,
                                           const char        *column,
                                           const GValue      *value,
                                           GError           **error);
gboolean     cs_store_set_string          (CsStore           *self,
                                           CsRecord          *record,
                                           const char        *column,
                                           const char        *value,
                                           GError           **error);
gboolean     cs_store_set_int             (CsStore           *self,
                                           CsRecord          *record,
                                           const char        *column,
                                           gint64             value,
                                           GError           **error);
gboolean     cs_store_set_number          (CsStore           *self,
                                           CsRecord          *record,
                                           const char        *column,
                                           double             value,
                                           GError           **error);
gboolean     cs_store_set_boolean         (CsStore           *self,
                                           CsRecord          *record,
                                           const char        *column,
                                           gboolean           value,
                                           GError           **error);
CsDeletion  *cs_store_delete              (CsStore           *self,
                                           CsRecord          *record,
                                           GError           **error);
gboolean     cs_store_undelete            (CsStore           *self,
                                           CsDeletion        *deletion,
                                           GError           **error);

gboolean     cs_store_batch               (CsStore           *self,
                                           CsStoreBatchFunc   func,
                                           gpointer           user_data,
                                           GError           **error);

gboolean     cs_store_save_copy           (CsStore           *self,
                                           const char        *destination,
                                           GError           **error);

G_END_DECLS
