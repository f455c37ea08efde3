/* cs-store-private.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cs-record.h"
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

#define HEADER_SIZE 100
#define MAX_TEXT_LENGTH (64 * 1024)

struct _CsStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  int         lock_fd;
  int         schema_version;
  /* what the open did to recover the file after a crash, for the user; NULL when nothing */
  char       *recovery_note;
  guint       read_only : 1;
  /* the open ran the integrity check (FALSE: skipped, the file was as our last clean close
   * left it, see cs-store-clean.c) */
  guint       integrity_checked : 1;
  /* the integrity check was left to cs_store_check_async(): changes are refused until it
   * passed */
  guint       checking : 1;
  /* PRAGMA data_version once open: a different value at close means another connection
   * committed, and the close is not recorded as clean */
  gint64      open_data_version;

  /* SQL text → prepared statement, for the life of the connection */
  GHashTable *statements;
  /* "type:parent" → GListStore of records */
  GHashTable *lists;
  /* "type:id" → CacheEntry: every record handed out and still alive. Records in cached lists,
   * sections and those returned by cs_store_find() (transfer none) are held strongly; asset
   * rows handed out one by one with cs_store_ref_record() (the lazy CsAssetList) only weakly,
   * so that scrolling through 100,000 assets does not keep them all. */
  GHashTable *records;
  /* records removed inside a transaction not committed yet, kept for a rollback */
  GHashTable *limbo;
  guint       savepoint_depth;
  /* the caches changed inside a transaction that is not committed yet */
  guint       caches_dirty : 1;
  /* a commit happened whose "saved" signal is not emitted yet */
  guint       saved_pending : 1;

  /* cs_store_count_coverage(): the counts of every offer, computed in one pass for all of
   * them and kept while the file is unchanged (see coverage_counts_valid()) */
  GHashTable *coverage_counts;      /* offer id (gint64 *) → CsCoverageCounts */
  CsCoverageCounts coverage_totals; /* n_assets, n_critical; the rest unused */
  gint        coverage_level;
  gint64      coverage_data_version;
  gint64      coverage_changes;         /* perimeter_generation they were computed for */

  /* writes to the tables the aggregates read, counted by an update hook
   * (cs-store-aggregates.c) */
  gint64      perimeter_generation;
  /* cs_store_list_covered_sites(): offer id (gint64 *) → set of site ids (gint64 *) */
  GHashTable *covered_sites;
  gint64      covered_sites_generation;
  gint64      covered_sites_data_version;
  /* how many times each was computed from the tables (for the tests) */
  guint       n_coverage_computations;
  guint       n_covered_sites_computations;

  /* cs_store_push_undo(): the deletions the user can still put back, oldest first; each entry
   * is a GPtrArray of CsDeletion put back together */
  GPtrArray  *undo_stack;
  /* table name (static) → the highest id deleted in this session: new rows never take an id
   * that a deletion on the undo stack would need again */
  GHashTable *reserved_ids;
};

struct _CsDeletion
{
  gatomicrefcount  ref_count;
  CsRecord        *record;
  /* every row removed, parents first */
  GPtrArray       *rows;
  /* references cleared by the deletion: (record type, column, id of the row) */
  GArray          *cleared;
  /* row (CsRecord *) → its blob column (GBytes), for rows of entities that have one */
  GHashTable      *blobs;
  /* a deleted offer's coverage default (cs-store-coverage.c) */
  CsCoverageState  coverage_default;
  /* a deleted asset: every offer's coverage default when it went (OfferDefault), for the
   * coverage it had without a row of its own */
  GArray          *offer_defaults;
};

typedef struct
{
  gint64          offer_id;
  CsCoverageState state;
} OfferDefault;

typedef struct
{
  GType       type;
  const char *column;
  gint64      id;
} ClearedRef;

typedef struct
{
  CsStore  *store;
  char     *key;      /* owned by the table */
  CsRecord *record;   /* NULL once a weakly held record is gone */
  gboolean  strong;   /* the cache owns a reference, else a weak reference */
} CacheEntry;

enum {
  SAVED,
  RECORD_ADDED,
  RECORD_REMOVED,
  RECORD_CHANGED,
  COVERAGE_CHANGED,
  RELOADED,
  N_SIGNALS
};

extern guint _cs_store_signals[N_SIGNALS];
extern GParamSpec *_cs_store_checking_pspec;

void         _cs_store_notify_can_undo     (CsStore     *self);
GBytes      *_cs_store_read_blob           (CsStore         *self,
                                            const CsEntity  *entity,
                                            gint64           id,
                                            GError         **error);
gboolean     _cs_store_write_blob          (CsStore         *self,
                                            const CsEntity  *entity,
                                            gint64           id,
                                            GBytes          *blob,
                                            GError         **error);
void         _cs_store_reserve_ids         (CsStore     *self,
                                            CsDeletion  *deletion);
gint64       _cs_store_get_reserved_id     (CsStore     *self,
                                            const char  *table);

/* private open flag: check a file (a recovered copy) as a read-only open would, whatever its
 * version */
#define CS_STORE_OPEN_CHECK_ONLY (1 << 16)

/* cs-store-check.c: the checks of the careful open */
guint32 _cs_store_read_be32 (const guint8 *p);
gboolean _cs_store_set_open_error (GError     **error,
                                   sqlite3     *db,
                                   int          rc,
                                   const char  *display_name);
gboolean _cs_store_check_path (const char  *path,
                               const char  *display_name,
                               GError     **error);
gboolean _cs_store_check_header (int          fd,
                                 const char  *display_name,
                                 int          max_version,
                                 int         *out_version,
                                 GError     **error);
gboolean _cs_store_check_side_files (int          fd,
                                     const char  *path,
                                     const char  *display_name,
                                     gboolean    *out_hot,
                                     GError     **error);
gboolean _cs_store_quick_check (sqlite3     *db,
                                const char  *display_name,
                                GError     **error);
gboolean _cs_store_check_schema (sqlite3            *db,
                                 int                 version,
                                 const CsMigration  *migrations,
                                 guint               n_migrations,
                                 const char         *display_name,
                                 GError            **error);
/* cs-store-clean.c: the record of a clean close */
gboolean _cs_store_clean_close_matches (int          fd,
                                        const char  *path,
                                        char       **out_kept);
void     _cs_store_clean_close_record  (int          fd,
                                        const char  *path,
                                        const char  *kept);
void     _cs_store_clean_close_forget  (const char *path);

gboolean _cs_store_check_constraints (const char  *path,
                                      const char  *display_name,
                                      GError     **error);
gboolean _cs_store_check_numbers (sqlite3     *db,
                                  const char  *display_name,
                                  GError     **error);
gboolean _cs_store_copy_file (const char  *from,
                              const char  *to,
                              GError     **error);
void     _cs_store_sync_folder (const char *dir);
gboolean _cs_store_roll_back_journal (const char  *path,
                                      GError     **error);

/* cs-store.c: open and migration */
const CsMigration *_cs_store_builtin_migrations (void);
CsStore *_cs_store_open_full (const char         *path,
                              CsStoreOpenFlags    flags,
                              const CsMigration  *migrations,
                              guint               n_migrations,
                              int                 target_version,
                              GError            **error);

/* cs_collect_ids(?9, id) appends to the GArray of gint64 bound to ?9 with this pointer type */
#define CS_STORE_ID_ARRAY_POINTER_TYPE "cs-asset-ids"

gboolean _cs_store_add_functions (sqlite3 *db);
gboolean _cs_store_configure_connection (sqlite3  *db,
                                         GError  **error);

gboolean _cs_store_begin (CsStore  *self,
                          GError  **error);

void _cs_store_bind_field (sqlite3_stmt  *stmt,
                           int            param,
                           const CsField *field,
                           const GValue  *value);

void _cs_store_cache_entry_free (gpointer data);

void _cs_store_cache_insert (CsStore  *self,
                             char     *key,
                             CsRecord *record,
                             gboolean  strong);

char * _cs_store_cache_key (GType  type,
                            gint64 id);

CsRecord * _cs_store_cache_lookup (CsStore    *self,
                                   const char *key);

CacheEntry * _cs_store_cache_lookup_entry (CsStore    *self,
                                           const char *key);

void _cs_store_cache_pin (CacheEntry *entry);

GPtrArray * _cs_store_cache_snapshot (CsStore    *self,
                                      const char *prefix);

gboolean _cs_store_check_writable (CsStore  *self,
                                   GError  **error);

gboolean _cs_store_commit (CsStore  *self,
                           GError  **error);

int _cs_store_compare_records (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data);

gboolean _cs_store_exec_sql (sqlite3     *db,
                             const char  *sql,
                             const char  *what,
                             GError     **error);

void _cs_store_flush_saved (CsStore *self);

sqlite3_stmt * _cs_store_get_statement (CsStore     *self,
                                        const char  *sql,
                                        GError     **error);

CsRecord * _cs_store_intern_row (CsStore        *self,
                                 GType           type,
                                 const CsEntity *entity,
                                 sqlite3_stmt   *stmt);

CsRecord * _cs_store_intern_row_full (CsStore        *self,
                                      GType           type,
                                      const CsEntity *entity,
                                      sqlite3_stmt   *stmt,
                                      gboolean        strong);

void _cs_store_invalidate_aggregates (CsStore *self);

/* cs-store-coverage.c */
const char     *_cs_coverage_state_name        (CsCoverageState   state);
CsCoverageState _cs_coverage_state_from_name   (const char       *name);
CsCoverageState _cs_store_get_coverage_default (CsStore          *self,
                                                gint64            offer_id);
gboolean        _cs_store_set_coverage_default (CsStore          *self,
                                                gint64            offer_id,
                                                CsCoverageState   state,
                                                GError          **error);
gboolean        _cs_store_normalise_coverage   (CsStore          *self,
                                                gint64            offer_id,
                                                guint             n_changed,
                                                GError          **error);
gboolean        _cs_store_cover_new_assets     (sqlite3          *db,
                                                gint64            first_asset_id,
                                                GError          **error);

/* cs-store-aggregates.c */
void        _cs_store_watch_perimeter       (CsStore  *self);
gboolean    _cs_store_coverage_counts_valid (CsStore  *self,
                                             gint      critical_level,
                                             gint64   *out_data_version,
                                             gint64   *out_generation);
GArray     *_cs_store_coverage_delta_begin  (CsStore  *self,
                                             gint64    offer_id,
                                             guint     n_assets);
void        _cs_store_coverage_delta_end    (CsStore  *self,
                                             gint64    offer_id,
                                             GArray   *before);
int         _cs_store_site_is_covered       (CsStore  *self,
                                             gint64    offer_id,
                                             gint64    site_id);
GHashTable *_cs_store_get_covered_sites     (CsStore  *self,
                                             gint64    offer_id,
                                             GError  **error);
char       *_cs_store_save_aggregates       (CsStore  *self);
void        _cs_store_load_aggregates       (CsStore    *self,
                                             const char *saved);

void _cs_store_list_insert_sorted (GListStore *list,
                                   CsRecord   *record);

char * _cs_store_list_key (GType  type,
                           gint64 parent_id);

void _cs_store_list_remove (GListStore *list,
                            CsRecord   *record);

void _cs_store_mark_caches (CsStore *self);

GListStore * _cs_store_peek_list (CsStore *self,
                                  GType    type,
                                  gint64   parent_id);

GPtrArray * _cs_store_query_list (CsStore *self,
                                  GType    type,
                                  gint64   parent_id);

void _cs_store_read_field (sqlite3_stmt  *stmt,
                           int            column,
                           const CsField *field,
                           GValue        *value);

CsRecord * _cs_store_record_from_row (GType          type,
                                      const CsEntity *entity,
                                      sqlite3_stmt  *stmt);

void _cs_store_reload_caches (CsStore *self);

void _cs_store_rollback (CsStore *self);

char * _cs_store_select_sql (const CsEntity *entity,
                             const char     *where);

gboolean _cs_store_set_sqlite_error (GError      **error,
                                     sqlite3      *db,
                                     int           rc,
                                     const char   *what);

gboolean _cs_store_step_done (CsStore       *self,
                              sqlite3_stmt  *stmt,
                              const char    *what,
                              GError       **error);

gboolean _cs_store_validate_value (const CsEntity  *entity,
                                   const CsField   *field,
                                   const GValue    *value,
                                   GValue          *out,
                                   GError         **error);

void _cs_store_cache_removed (CsStore  *self,
                              CsRecord *row);

/* cs-store-import.c */
guint64 _cs_store_bulk_count_scan_steps (CsStoreBulk *bulk);

/* For the other cs-store-*.c files, the only other code that runs SQL. */
sqlite3 *_cs_store_get_db    (CsStore            *self);

G_END_DECLS
