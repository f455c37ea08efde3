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
#define CS_STORE_SCHEMA_VERSION 4

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
 * @CS_STORE_ERROR_JOURNAL: a journal or WAL file beside the project that cannot be applied
 *   safely (it belongs to another file, or the project is in WAL mode); nothing was changed
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
  CS_STORE_ERROR_JOURNAL,
} CsStoreError;

/**
 * CsStoreOpenFlags:
 * @CS_STORE_OPEN_DEFAULT: open for editing when the file can be written, else read-only
 * @CS_STORE_OPEN_READ_ONLY: open read-only even when the file could be written
 * @CS_STORE_OPEN_CHECK_LATER: when the integrity check is needed (the file was not closed
 *   cleanly by this application) and no upgrade is, leave it to cs_store_check_async(); the
 *   project is readable at once and refuses changes until the check passed
 */
typedef enum {
  CS_STORE_OPEN_DEFAULT     = 0,
  CS_STORE_OPEN_READ_ONLY   = 1 << 0,
  CS_STORE_OPEN_CHECK_LATER = 1 << 1,
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
gboolean     cs_store_is_file             (CsStore           *self,
                                           const char        *path);
gboolean     cs_store_is_read_only        (CsStore           *self);
gboolean     cs_store_get_integrity_checked (CsStore         *self);
gboolean     cs_store_is_checking         (CsStore           *self);
void         cs_store_check_async         (CsStore           *self,
                                           GCancellable      *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer           user_data);
gboolean     cs_store_check_finish        (CsStore           *self,
                                           GAsyncResult      *result,
                                           GError           **error);
gboolean     cs_store_is_closed           (CsStore           *self);
int          cs_store_get_schema_version  (CsStore           *self);
const char  *cs_store_get_recovery_note   (CsStore           *self);

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
CsRecord    *cs_store_ref_record          (CsStore           *self,
                                           GType              type,
                                           gint64             id);
const char  *cs_store_get_standard_party_name (const char     *kind);

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
gboolean     cs_store_renumber            (CsStore           *self,
                                           GPtrArray         *records,
                                           gint64             first,
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

void         cs_store_push_undo           (CsStore           *self,
                                           CsDeletion * const *deletions,
                                           guint              n_deletions);
gboolean     cs_store_can_undo            (CsStore           *self);
CsRecord    *cs_store_peek_undo_record    (CsStore           *self);
gboolean     cs_store_undo                (CsStore           *self,
                                           GError           **error);

CsKeptDocument *
             cs_store_keep_document       (CsStore           *self,
                                           gint64             offer_id,
                                           const char        *file_name,
                                           const char        *media_type,
                                           GBytes            *contents,
                                           GError           **error);
GBytes      *cs_store_read_document       (CsStore           *self,
                                           CsKeptDocument *document,
                                           GError           **error);
GBytes      *cs_kept_document_deflate     (GBytes            *contents,
                                           const char        *file_name,
                                           GError           **error);
GBytes      *cs_kept_document_inflate     (GBytes            *compressed,
                                           gsize              size,
                                           const char        *sha256,
                                           const char        *file_name,
                                           GError           **error);

gboolean     cs_store_batch               (CsStore           *self,
                                           CsStoreBatchFunc   func,
                                           gpointer           user_data,
                                           GError           **error);

gboolean     cs_store_save_copy           (CsStore           *self,
                                           const char        *destination,
                                           GError           **error);

/* Perimeter: the asset inventory at scale, coverage per offer, bulk import (issue "Perimeter and
 * exclusions"). */

/**
 * CsCoverageState:
 * @CS_COVERAGE_NOT_ADDRESSED: the offer says nothing about the asset (no coverage row)
 * @CS_COVERAGE_MANAGED: the asset is managed
 * @CS_COVERAGE_PARTIAL: the asset is partially managed
 * @CS_COVERAGE_EXCLUDED: the asset is explicitly excluded
 *
 * The coverage of an asset by an offer, in the order of the `coverage.state` choices.
 */
typedef enum {
  CS_COVERAGE_NOT_ADDRESSED,
  CS_COVERAGE_MANAGED,
  CS_COVERAGE_PARTIAL,
  CS_COVERAGE_EXCLUDED,
  CS_N_COVERAGE_STATES
} CsCoverageState;

/**
 * CsAssetSort:
 * @CS_ASSET_SORT_ID: insertion order
 * @CS_ASSET_SORT_CATEGORY: by category, then id
 * @CS_ASSET_SORT_NAME: by name (case-insensitive), then id
 * @CS_ASSET_SORT_SITE: by site name (assets without a site first), then id
 * @CS_ASSET_SORT_QUANTITY: by quantity, then id
 * @CS_ASSET_SORT_CRITICALITY: by criticality (1, the most critical, first), then id
 * @CS_ASSET_SORT_OWNER: by owner, then id
 * @CS_ASSET_SORT_VENDOR: by vendor, then id
 * @CS_ASSET_SORT_NOTES: by notes, then id
 * @CS_ASSET_SORT_COVERAGE: by the coverage state under #CsAssetQuery.offer_id, then id
 *
 * The orders of an asset list: one per column of the inventory view.
 */
typedef enum {
  CS_ASSET_SORT_ID,
  CS_ASSET_SORT_CATEGORY,
  CS_ASSET_SORT_NAME,
  CS_ASSET_SORT_SITE,
  CS_ASSET_SORT_QUANTITY,
  CS_ASSET_SORT_CRITICALITY,
  CS_ASSET_SORT_OWNER,
  CS_ASSET_SORT_VENDOR,
  CS_ASSET_SORT_NOTES,
  CS_ASSET_SORT_COVERAGE,
} CsAssetSort;

/**
 * CS_ASSET_SITE_NONE:
 *
 * #CsAssetQuery.site_id value that selects the assets without a site (0 selects every site).
 */
#define CS_ASSET_SITE_NONE ((gint64) -1)

/**
 * CsAssetQuery:
 * @categories: bit `1 << i` selects category i of cs_asset_categories(); 0 selects all
 * @site_id: a site id, %CS_ASSET_SITE_NONE, or 0 for every site
 * @criticalities: bit `1 << c` selects criticality c (1–4); 0 selects all
 * @offer_id: the offer whose coverage is filtered and sorted on (0: none)
 * @coverage_states: bit `1 << state` (#CsCoverageState) under @offer_id; 0 selects all
 * @search: (nullable): text searched (case-insensitive) in name, owner, vendor, model, serial
 *   and notes
 * @sort: the order
 * @descending: reverse the order
 *
 * Which assets an asset list shows, and in what order. A plain struct: zero it, then set the
 * filters wanted.
 */
typedef struct
{
  guint32      categories;
  gint64       site_id;
  guint32      criticalities;
  gint64       offer_id;
  guint32      coverage_states;
  const char  *search;
  CsAssetSort  sort;
  gboolean     descending;
} CsAssetQuery;

GArray      *cs_store_query_asset_ids     (CsStore            *self,
                                           const CsAssetQuery *query,
                                           GError            **error);
gboolean     cs_store_locate_asset        (CsStore            *self,
                                           const CsAssetQuery *query,
                                           gint64              asset_id,
                                           guint              *out_position);

/**
 * CsCoverageChange:
 *
 * What cs_store_set_coverage() replaced, so that cs_store_restore_coverage() can put it back.
 */
typedef struct _CsCoverageChange CsCoverageChange;

#define CS_TYPE_COVERAGE_CHANGE (cs_coverage_change_get_type ())
GType             cs_coverage_change_get_type   (void) G_GNUC_CONST;
CsCoverageChange *cs_coverage_change_ref        (CsCoverageChange *change);
void              cs_coverage_change_unref      (CsCoverageChange *change);
guint             cs_coverage_change_get_n_assets (CsCoverageChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsCoverageChange, cs_coverage_change_unref)

CsCoverageChange *cs_store_set_coverage       (CsStore            *self,
                                               gint64              offer_id,
                                               const gint64       *asset_ids,
                                               guint               n_asset_ids,
                                               CsCoverageState     state,
                                               const char         *note,
                                               const char         *reference,
                                               GError            **error);
gboolean     cs_store_restore_coverage        (CsStore            *self,
                                               CsCoverageChange   *change,
                                               GError            **error);
CsCoverageState cs_store_get_coverage_state   (CsStore            *self,
                                               gint64              offer_id,
                                               gint64              asset_id);
CsCoverage  *cs_store_find_coverage           (CsStore            *self,
                                               gint64              offer_id,
                                               gint64              asset_id);
gboolean     cs_store_count_coverage_states   (CsStore            *self,
                                               gint64              offer_id,
                                               guint               counts[CS_N_COVERAGE_STATES],
                                               guint              *out_critical_unmanaged,
                                               GError            **error);

void         cs_store_reload                  (CsStore            *self);

/**
 * CsAssetValues:
 * @category: a category of cs_asset_categories()
 * @name: the name (not empty)
 * @site_id: a site id, or 0
 * @quantity: 0 or more
 * @criticality: 1 (most critical) to 4
 * @owner: (nullable): text
 * @vendor: (nullable): text
 * @model: (nullable): text
 * @serial: (nullable): text
 * @notes: (nullable): text
 *
 * The fields of one asset written by a #CsStoreBulk, already checked by the caller (the file's
 * constraints still refuse what does not fit).
 */
typedef struct
{
  const char *category;
  const char *name;
  gint64      site_id;
  gint64      quantity;
  gint64      criticality;
  const char *owner;
  const char *vendor;
  const char *model;
  const char *serial;
  const char *notes;
} CsAssetValues;

/**
 * CsStoreBulk:
 *
 * A second connection to a project file for bulk imports, usable from one worker thread while
 * the #CsStore it came from stays on the main thread. Everything it writes is in one
 * transaction: cs_store_bulk_commit() makes all of it visible, cs_store_bulk_free() without a
 * commit leaves the project exactly as it was. It creates no record objects.
 */
typedef struct _CsStoreBulk CsStoreBulk;

typedef void (*CsStoreBulkAssetFunc) (gint64      id,
                                      const char *name,
                                      gint64      site_id,
                                      const char *serial,
                                      gpointer    user_data);
typedef void (*CsStoreBulkSiteFunc)  (gint64      id,
                                      const char *name,
                                      gpointer    user_data);

CsStoreBulk *cs_store_bulk_new            (CsStore              *self,
                                           GError              **error);
gboolean     cs_store_bulk_limit_cache    (CsStoreBulk          *bulk,
                                           GError              **error);
gboolean     cs_store_bulk_begin          (CsStoreBulk          *bulk,
                                           GError              **error);
gboolean     cs_store_bulk_foreach_site   (CsStoreBulk          *bulk,
                                           CsStoreBulkSiteFunc   func,
                                           gpointer              user_data,
                                           GError              **error);
gboolean     cs_store_bulk_foreach_asset  (CsStoreBulk          *bulk,
                                           CsStoreBulkAssetFunc  func,
                                           gpointer              user_data,
                                           GError              **error);
gint64       cs_store_bulk_add_site       (CsStoreBulk          *bulk,
                                           const char           *name,
                                           GError              **error);
gint64       cs_store_bulk_add_asset      (CsStoreBulk          *bulk,
                                           const CsAssetValues  *values,
                                           GError              **error);
gboolean     cs_store_bulk_queue_asset    (CsStoreBulk          *bulk,
                                           const CsAssetValues  *values,
                                           gint64               *out_id,
                                           GError              **error);
gboolean     cs_store_bulk_flush          (CsStoreBulk          *bulk,
                                           GError              **error);
gboolean     cs_store_bulk_defer_indexes  (CsStoreBulk          *bulk,
                                           GError              **error);
gboolean     cs_store_bulk_restart        (CsStoreBulk          *bulk,
                                           GError              **error);
gboolean     cs_store_bulk_update_asset   (CsStoreBulk          *bulk,
                                           gint64                id,
                                           const CsAssetValues  *values,
                                           GError              **error);
gboolean     cs_store_bulk_save_mapping   (CsStoreBulk          *bulk,
                                           const char           *signature,
                                           const char           *mapping,
                                           GError              **error);
gboolean     cs_store_bulk_commit         (CsStoreBulk          *bulk,
                                           GError              **error);
void         cs_store_bulk_free           (CsStoreBulk          *bulk);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsStoreBulk, cs_store_bulk_free)

/**
 * CsCoverageCounts:
 * @n_assets: asset records in the project
 * @n_managed: assets the offer manages
 * @n_partial: assets the offer partly manages
 * @n_excluded: assets the offer excludes
 * @n_not_addressed: assets the offer does not address (no coverage row, or "not_addressed")
 * @n_critical: assets at or above the critical level
 * @n_critical_managed: critical assets the offer manages
 * @n_critical_backed_up: critical assets in a backup policy of the offer
 *
 * How an offer covers the inventory, counted by cs_store_count_coverage().
 */
typedef struct
{
  guint n_assets;
  guint n_managed;
  guint n_partial;
  guint n_excluded;
  guint n_not_addressed;
  guint n_critical;
  guint n_critical_managed;
  guint n_critical_backed_up;
} CsCoverageCounts;

gboolean     cs_store_count_coverage      (CsStore              *self,
                                           gint64                offer_id,
                                           gint                  critical_level,
                                           CsCoverageCounts     *out_counts,
                                           GError              **error);

G_END_DECLS
