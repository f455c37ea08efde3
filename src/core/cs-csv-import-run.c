/* cs-csv-import-run.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-csv-import"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cs-csv-import-private.h"

/* The import */

typedef struct
{
  CsCsvImport  *self;
  CsStoreBulk  *bulk;
  CsCsvReport  *report;
  GCancellable *cancellable;
  gboolean      dry_run;
  GHashTable   *sites;       /* casefolded name → id (owns the ids) */
  GHashTable   *site_names;  /* exact name → id (borrowed from sites) */
  GHashTable   *serials;     /* serial → index + 1 in @ids */
  GHashTable   *names;       /* "site-id\x1fname" → index + 1 in @ids */
  GStringChunk *keys;        /* the keys of @serials and @names */
  GArray       *ids;         /* gint64 asset ids */
  GString      *key;         /* scratch, reused for each row */
  GError       *error;
  gboolean      cancelled;
  guint         n_existing;  /* assets in the project before the import */
  /* Assets are queued and inserted many at a time. Should the file refuse one, or the queue
   * fail in any way, the import starts again without it (@retry), one row at a time, so that
   * the rows refused and the duplicates are exactly those of row-by-row inserts. */
  gboolean      batched;
  gboolean      retry;
} RunState;

static void
add_rejection (CsCsvReport *report,
               guint        line,
               char        *reason)
{
  CsCsvRejection rejection = { line, reason };

  g_array_append_val (report->rejected, rejection);
}

static void
collect_site_cb (gint64      id,
                 const char *name,
                 gpointer    user_data)
{
  RunState *run = user_data;

  g_hash_table_insert (run->sites, g_utf8_casefold (name != NULL ? name : "", -1),
                       g_memdup2 (&id, sizeof id));
}

/* Sets the scratch key identifying an asset by site and name, without allocating. */
static const char *
name_key (RunState   *run,
          gint64      site_id,
          const char *name)
{
  char digits[24];
  guint n = 0;
  guint64 value = (guint64) MAX (site_id, 0);

  /* Decimal digits, backwards: this runs for every row. */
  do
    digits[n++] = '0' + value % 10;
  while ((value /= 10) > 0);
  g_string_truncate (run->key, 0);
  while (n > 0)
    g_string_append_c (run->key, digits[--n]);
  g_string_append_c (run->key, '\x1f');
  g_string_append (run->key, name);

  return run->key->str;
}

/* Duplicate tables map keys (in one string chunk) to indexes in one array of ids. */
static void
remember_id (RunState   *run,
             GHashTable *table,
             const char *key,
             gint64      id)
{
  g_array_append_val (run->ids, id);
  g_hash_table_insert (table, g_string_chunk_insert (run->keys, key),
                       GUINT_TO_POINTER (run->ids->len));
}

static gint64
lookup_id (RunState   *run,
           GHashTable *table,
           const char *key)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  return index > 0 ? g_array_index (run->ids, gint64, index - 1) : 0;
}

static void
collect_asset_cb (gint64      id,
                  const char *name,
                  gint64      site_id,
                  const char *serial,
                  gpointer    user_data)
{
  RunState *run = user_data;

  run->n_existing++;
  if (serial != NULL && *serial != '\0' && !g_hash_table_contains (run->serials, serial))
    remember_id (run, run->serials, serial, id);
  /* The last asset of a name wins, as before. */
  if (name != NULL)
    remember_id (run, run->names, name_key (run, site_id, name), id);
}

/*
 * A row the file refuses (a value out of range) is rejected and the import goes on. Anything
 * else (a full disk, an I/O error) stops it: SQLite may have rolled the transaction back
 * already, and rows written after that would each be committed on their own.
 */
static gboolean
reject_or_stop (RunState  *run,
                guint      line,
                GError   **error)
{
  if (g_error_matches (*error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID))
    {
      add_rejection (run->report, line, g_strdup ((*error)->message));
      g_clear_error (error);
      return TRUE;
    }

  g_clear_error (&run->error);
  g_propagate_error (&run->error, g_steal_pointer (error));
  return FALSE;
}

/* The row's site, found or created; FALSE (with run->error) when the file refuses it. */
static gboolean
resolve_site (RunState *run,
              CsCsvRow *row)
{
  g_autoptr(GError) local_error = NULL;
  gint64 *site_id;
  g_autofree char *folded = NULL;

  if (*row->site_name == '\0')
    return TRUE;

  site_id = g_hash_table_lookup (run->site_names, row->site_name);
  folded = site_id == NULL ? g_utf8_casefold (row->site_name, -1) : NULL;
  if (site_id == NULL && (site_id = g_hash_table_lookup (run->sites, folded)) != NULL)
    g_hash_table_insert (run->site_names, g_strdup (row->site_name), site_id);

  if (site_id == NULL)
    {
      gint64 id = cs_store_bulk_add_site (run->bulk, row->site_name, &local_error);

      if (id == 0)
        {
          g_propagate_error (&run->error, g_steal_pointer (&local_error));
          return FALSE;
        }
      site_id = g_memdup2 (&id, sizeof id);
      g_hash_table_insert (run->sites, g_steal_pointer (&folded), site_id);
      g_hash_table_insert (run->site_names, g_strdup (row->site_name), site_id);
      run->report->n_sites_created++;
    }
  row->asset.site_id = *site_id;

  return TRUE;
}

/* Adds the row's asset, queued or at once, and remembers its keys (the lookups already said
 * whether they are known). Returns FALSE to stop the pass. */
static gboolean
insert_row (RunState   *run,
            guint       line,
            CsCsvRow   *row,
            const char *key,
            gboolean    remember_serial,
            gboolean    remember_name)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id = 0;

  if (run->batched)
    {
      if (!cs_store_bulk_queue_asset (run->bulk, &row->asset, &id, NULL))
        {
          run->retry = TRUE;
          return FALSE;
        }
    }
  else
    {
      id = cs_store_bulk_add_asset (run->bulk, &row->asset, &local_error);
    }

  if (id == 0)
    return reject_or_stop (run, line, &local_error);

  run->report->n_imported++;
  if (remember_serial)
    remember_id (run, run->serials, row->asset.serial, id);
  if (remember_name)
    remember_id (run, run->names, key, id);

  return TRUE;
}

/* Imports one converted row (its strings belong to the caller). Returns FALSE to stop. */
static gboolean
apply_row (RunState *run,
           guint     line,
           CsCsvRow *row)
{
  CsCsvImport *self = run->self;
  g_autoptr(GError) local_error = NULL;
  const char *key = NULL;
  gint64 existing = 0;
  gboolean by_serial = FALSE;
  gboolean name_checked = FALSE;
  gboolean name_known = FALSE;

  if (!resolve_site (run, row))
    return FALSE;

  if (*row->asset.serial != '\0')
    {
      existing = lookup_id (run, run->serials, row->asset.serial);
      by_serial = existing != 0;
    }
  key = name_key (run, row->asset.site_id, row->asset.name);
  if (existing == 0)
    {
      existing = lookup_id (run, run->names, key);
      name_checked = TRUE;
      name_known = existing != 0;
    }

  if (existing != 0)
    {
      gpointer choice = g_hash_table_lookup (self->line_actions, GUINT_TO_POINTER (line));
      CsDuplicateAction action = choice != NULL ? GPOINTER_TO_UINT (choice) - 1
                                                : self->duplicate_action;
      CsCsvDuplicate duplicate = { line, g_strdup (row->asset.name), existing, by_serial, action };

      g_array_append_val (run->report->duplicates, duplicate);
      if (action == CS_DUPLICATE_SKIP)
        {
          run->report->n_skipped++;
          return TRUE;
        }
      if (action == CS_DUPLICATE_UPDATE)
        {
          /* The asset may still be in the queue. */
          if (run->batched && !cs_store_bulk_flush (run->bulk, NULL))
            {
              run->retry = TRUE;
              return FALSE;
            }
          if (!cs_store_bulk_update_asset (run->bulk, existing, &row->asset, &local_error))
            return reject_or_stop (run, line, &local_error);
          run->report->n_updated++;
          return TRUE;
        }
    }

  return insert_row (run, line, row, key, *row->asset.serial != '\0' && !by_serial,
                     name_checked ? !name_known : !g_hash_table_contains (run->names, key));
}

/*
 * Parsing alongside inserting: a parser thread reads the file (libcsv), converts each row and
 * copies it into a batch; the thread that inserts takes the batches in order. A few batches
 * go round between the two (bounded memory), so the parser is never more than
 * PIPE_N_BATCHES × PIPE_BATCH_ROWS rows ahead, and both stop when either does.
 */
#define PIPE_BATCH_ROWS  1024
#define PIPE_N_BATCHES   4

typedef struct
{
  guint          line;
  char          *reason;     /* owned: why the row is rejected, or NULL */
  CsAssetValues  asset;      /* strings in the batch's chunk */
  const char    *site_name;
} PipeRow;

typedef struct
{
  GArray       *rows;        /* PipeRow */
  GStringChunk *chunk;
  gboolean      last;        /* the end of the file, or of the parse */
} PipeBatch;

typedef struct
{
  CsCsvImport      *self;
  const char       *data;
  gsize             length;
  gboolean          release;
  GCancellable     *cancellable;
  GAsyncQueue      *full;    /* PipeBatch, parsed, in file order */
  GAsyncQueue      *free;    /* PipeBatch, to be filled */
  PipeBatch        *batch;   /* being filled */
  gint              stop;    /* atomic: the inserting side stopped */
  gboolean          header_seen;
  guint             counter;
  gboolean          cancelled;
  gboolean          parsed;
  CsCsvParseResult  result;
  GError           *error;
} Pipe;

static void
pipe_batch_clear (PipeBatch *batch)
{
  for (guint i = 0; i < batch->rows->len; i++)
    g_free (g_array_index (batch->rows, PipeRow, i).reason);
  g_array_set_size (batch->rows, 0);
  g_string_chunk_clear (batch->chunk);
  batch->last = FALSE;
}

static void
pipe_batch_free (PipeBatch *batch)
{
  pipe_batch_clear (batch);
  g_array_unref (batch->rows);
  g_string_chunk_free (batch->chunk);
  g_free (batch);
}

static const char *
chunk_copy (GStringChunk *chunk,
            const char   *text)
{
  return text != NULL ? g_string_chunk_insert (chunk, text) : NULL;
}

/* The parser thread's record callback: converts the row and queues a copy of it. */
static gboolean
pipe_record_cb (GPtrArray *fields,
                gboolean   has_nul,
                guint      line,
                gpointer   user_data)
{
  Pipe *pipe = user_data;
  PipeRow item = { line, NULL };
  CsCsvRow row;

  if (g_atomic_int_get (&pipe->stop))
    return FALSE;
  if (cs_csv_row_is_blank (fields))
    return TRUE;
  if (!pipe->header_seen)
    {
      pipe->header_seen = TRUE;
      return TRUE;
    }
  if ((++pipe->counter & 255) == 0 && g_cancellable_is_cancelled (pipe->cancellable))
    {
      pipe->cancelled = TRUE;
      return FALSE;
    }

  if (pipe->batch == NULL)
    pipe->batch = g_async_queue_pop (pipe->free);

  item.reason = cs_csv_row_convert (pipe->self, fields, has_nul, &row);
  if (item.reason == NULL)
    {
      GStringChunk *chunk = pipe->batch->chunk;

      /* The category is the import's own string (the default or a mapped one). */
      item.asset = row.asset;
      item.asset.name = chunk_copy (chunk, row.asset.name);
      item.asset.owner = chunk_copy (chunk, row.asset.owner);
      item.asset.vendor = chunk_copy (chunk, row.asset.vendor);
      item.asset.model = chunk_copy (chunk, row.asset.model);
      item.asset.serial = chunk_copy (chunk, row.asset.serial);
      item.asset.notes = chunk_copy (chunk, row.asset.notes);
      item.site_name = chunk_copy (chunk, row.site_name);
    }
  cs_csv_row_clear (&row);
  g_array_append_val (pipe->batch->rows, item);

  if (pipe->batch->rows->len >= PIPE_BATCH_ROWS)
    g_async_queue_push (pipe->full, g_steal_pointer (&pipe->batch));

  return TRUE;
}

static gpointer
pipe_parse_thread (gpointer data)
{
  Pipe *pipe = data;
  PipeBatch *last = NULL;

  pipe->parsed = cs_csv_parse_text (pipe->data, pipe->length, pipe->self->delimiter,
                                    g_strv_length (pipe->self->headers), pipe_record_cb, pipe,
                                    &pipe->self->progress, &pipe->result, pipe->release,
                                    &pipe->error);
  if (pipe->batch != NULL)
    g_async_queue_push (pipe->full, g_steal_pointer (&pipe->batch));
  last = g_async_queue_pop (pipe->free);
  last->last = TRUE;
  g_async_queue_push (pipe->full, last);

  return NULL;
}

/* Parses @data in a thread of its own and imports its rows here, in order. Returns FALSE
 * with @error when the file could not be parsed. */
static gboolean
parse_and_apply (RunState          *run,
                 const char        *data,
                 gsize              length,
                 gboolean           release,
                 CsCsvParseResult  *result,
                 GError           **error)
{
  Pipe pipe = { 0 };
  GThread *thread = NULL;
  gboolean stopped = FALSE;

  pipe.self = run->self;
  pipe.data = data;
  pipe.length = length;
  pipe.release = release;
  pipe.cancellable = run->cancellable;
  pipe.full = g_async_queue_new ();
  pipe.free = g_async_queue_new ();
  for (guint i = 0; i < PIPE_N_BATCHES; i++)
    {
      PipeBatch *batch = g_new0 (PipeBatch, 1);

      batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (PipeRow), PIPE_BATCH_ROWS);
      batch->chunk = g_string_chunk_new (64 * 1024);
      g_async_queue_push (pipe.free, batch);
    }

  thread = g_thread_new ("cs-csv-parse", pipe_parse_thread, &pipe);
  for (;;)
    {
      PipeBatch *batch = g_async_queue_pop (pipe.full);
      gboolean last = batch->last;

      for (guint i = 0; i < batch->rows->len && !stopped; i++)
        {
          PipeRow *item = &g_array_index (batch->rows, PipeRow, i);
          CsCsvRow row = { 0 };

          run->report->n_rows++;
          if (item->reason != NULL)
            {
              add_rejection (run->report, item->line, g_steal_pointer (&item->reason));
              continue;
            }
          row.asset = item->asset;
          row.site_name = item->site_name;
          if (!apply_row (run, item->line, &row))
            {
              stopped = TRUE;
              g_atomic_int_set (&pipe.stop, TRUE);
            }
        }
      pipe_batch_clear (batch);
      g_async_queue_push (pipe.free, batch);
      if (last)
        break;
    }
  g_thread_join (thread);

  run->cancelled |= pipe.cancelled;
  *result = pipe.result;
  while (g_async_queue_length (pipe.free) > 0)
    pipe_batch_free (g_async_queue_pop (pipe.free));
  g_async_queue_unref (pipe.free);
  g_async_queue_unref (pipe.full);
  if (!pipe.parsed)
    {
      g_propagate_error (error, pipe.error);
      return FALSE;
    }

  return TRUE;
}

/* Below this many assets in the project, a file this large rebuilds the site, category and
 * name indexes of the assets once after its inserts rather than updating them row by row
 * (see cs_store_bulk_defer_indexes(); importing 100,000 assets, the site index alone: 6 %
 * fewer instructions). */
#define DEFER_INDEXES_MAX_ASSETS  1000
#define DEFER_INDEXES_MIN_BYTES   (64 * 1024)

/* One pass over the rows; %NULL without @error when it must start again unbatched. */
/* The mapping with the date it is saved on, for "using the mapping saved on …". */
static char *
mapping_to_save (CsCsvImport *self)
{
  g_autofree char *mapping = cs_csv_import_get_mapping_string (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("%ssaved\t%s\n", mapping, date);
}

static CsCsvReport *
run_pass (CsCsvImport   *self,
          CsStoreBulk   *bulk,
          const char    *data,
          gsize          length,
          gboolean       release,
          gboolean       dry_run,
          gboolean       batched,
          GCancellable  *cancellable,
          gboolean      *out_retry,
          GError       **error)
{
  g_autoptr(CsCsvReport) report = cs_csv_report_new (dry_run);
  g_autofree char *mapping = NULL;
  RunState run = { 0 };
  CsCsvParseResult result;

  *out_retry = FALSE;
  run.self = self;
  run.bulk = bulk;
  run.report = report;
  run.cancellable = cancellable;
  run.dry_run = dry_run;
  run.batched = batched;
  run.sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.site_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.serials = g_hash_table_new (g_str_hash, g_str_equal);
  run.names = g_hash_table_new (g_str_hash, g_str_equal);
  run.keys = g_string_chunk_new (64 * 1024);
  run.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  run.key = g_string_sized_new (256);
  g_atomic_int_set (&self->progress, 0);

  if (cs_store_bulk_foreach_site (bulk, collect_site_cb, &run, error)
      && cs_store_bulk_foreach_asset (bulk, collect_asset_cb, &run, error)
      && (!batched || run.n_existing > DEFER_INDEXES_MAX_ASSETS
          || length < DEFER_INDEXES_MIN_BYTES || cs_store_bulk_defer_indexes (bulk, error))
      && parse_and_apply (&run, data, length, release, &result, error))
    {
      if (run.error != NULL)
        g_propagate_error (error, g_steal_pointer (&run.error));
      else if (run.cancelled || g_cancellable_is_cancelled (cancellable))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                     _("The import was cancelled; the project was left as it was."));
      else if (run.retry || (batched && !cs_store_bulk_flush (bulk, NULL)))
        {
          *out_retry = TRUE;
          g_clear_pointer (&report, cs_csv_report_unref);
        }
      else
        {
          if (result.unclosed_quote)
            add_rejection (report, result.unclosed_line,
                           g_strdup_printf (_("a quote opened on this line is never closed; the rest of the file (%u lines) was not imported"),
                                            result.n_lines - result.unclosed_line + 1));
          mapping = mapping_to_save (self);
          if (!cs_store_bulk_save_mapping (bulk, self->signature, mapping, error))
            g_clear_pointer (&report, cs_csv_report_unref);
          else if (!dry_run && !cs_store_bulk_commit (bulk, error))
            g_clear_pointer (&report, cs_csv_report_unref);
        }
    }

  if (error != NULL && *error != NULL)
    g_clear_pointer (&report, cs_csv_report_unref);

  g_clear_error (&run.error);
  g_hash_table_unref (run.site_names);
  g_hash_table_unref (run.sites);
  g_hash_table_unref (run.serials);
  g_hash_table_unref (run.names);
  g_string_chunk_free (run.keys);
  g_array_unref (run.ids);
  g_string_free (run.key, TRUE);

  return g_steal_pointer (&report);
}

static CsCsvReport *
run_in_bulk (CsCsvImport   *self,
             CsStoreBulk   *bulk,
             gboolean       dry_run,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(CsCsvReport) report = NULL;
  const char *data = NULL;
  gsize length = 0;
  gboolean has_name = FALSE;
  gboolean retry = FALSE;
  gboolean release = FALSE;

  for (guint c = 0; self->headers[c] != NULL; c++)
    has_name |= self->mapping[c] == CS_CSV_FIELD_NAME;
  if (!has_name)
    {
      g_autofree char *header = cs_csv_import_describe_header (self);

      g_set_error (error, CS_CSV_ERROR, CS_CSV_ERROR_NO_NAME,
                   _("No column of “%s” is mapped to the asset name; choose one. Nothing was imported. Its first line, read as %s with the delimiter “%s”, gives the columns %s: if these are not its column names, the encoding or the delimiter is wrong."),
                   self->display_name, cs_csv_encoding_name (self->encoding),
                   cs_csv_delimiter_name (self->delimiter), header);
      return NULL;
    }

  if (!cs_csv_import_decode (self, &data, &length, error) || !cs_store_bulk_begin (bulk, error))
    return NULL;

  /* A mapped file is read a window at a time (what was read is given back). */
  release = self->mapped && data == g_bytes_get_data (self->raw, NULL);
  report = run_pass (self, bulk, data, length, release, dry_run, TRUE, cancellable, &retry, error);
  if (retry && cs_store_bulk_restart (bulk, error))
    report = run_pass (self, bulk, data, length, release, dry_run, FALSE, cancellable, &retry,
                       error);
  g_atomic_int_set (&self->progress, 1000000);

  return g_steal_pointer (&report);
}

/**
 * cs_csv_import_run:
 * @self: an import
 * @store: the project to import into (open for editing)
 * @dry_run: %TRUE to compute the report (rejections, duplicates) and write nothing
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error (%G_IO_ERROR_CANCELLED when cancelled)
 *
 * Imports every row in one transaction, blocking; the command line uses it. Rows that cannot
 * be imported are listed in the report, not errors. On error or cancellation nothing was
 * written. On success the caches of @store are refreshed.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
CsCsvReport *
cs_csv_import_run (CsCsvImport   *self,
                   CsStore       *store,
                   gboolean       dry_run,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(CsStoreBulk) bulk = NULL;
  g_autoptr(CsCsvReport) report = NULL;

  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Blocking, on the command line: nothing reads the project meanwhile, memory is bounded. */
  bulk = cs_store_bulk_new (store, error);
  if (bulk == NULL || !cs_store_bulk_limit_cache (bulk, error))
    return NULL;

  report = run_in_bulk (self, bulk, dry_run, cancellable, error);
  g_clear_pointer (&bulk, cs_store_bulk_free);
  if (report != NULL && !dry_run)
    cs_store_reload (store);

  return g_steal_pointer (&report);
}

typedef struct
{
  CsStore     *store;
  CsStoreBulk *bulk;
  gboolean     dry_run;
} TaskData;

static void
task_data_free (gpointer data)
{
  TaskData *task_data = data;

  g_clear_object (&task_data->store);
  g_clear_pointer (&task_data->bulk, cs_store_bulk_free);
  g_free (task_data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      data,
            GCancellable *cancellable)
{
  TaskData *task_data = data;
  GError *error = NULL;
  CsCsvReport *report = run_in_bulk (source_object, task_data->bulk, task_data->dry_run,
                                     cancellable, &error);

  /* Close the second connection in the worker: it is its thread. */
  g_clear_pointer (&task_data->bulk, cs_store_bulk_free);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) cs_csv_report_unref);
}

/**
 * cs_csv_import_run_async:
 * @self: an import; do not change it until the import finished
 * @store: the project, open for editing
 * @dry_run: %TRUE to compute the report only (to let the user choose what to do with each
 *   duplicate, see cs_csv_import_set_line_duplicate_action())
 * @cancellable: (nullable): cancels the import: the project is left exactly as before
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Runs cs_csv_import_run() in a worker thread on a connection of its own. Until @callback
 * runs, the main thread may read @store but must not edit it; drive a progress bar by
 * polling cs_csv_import_get_progress().
 */
void
cs_csv_import_run_async (CsCsvImport         *self,
                         CsStore             *store,
                         gboolean             dry_run,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  TaskData *task_data = NULL;

  g_return_if_fail (CS_IS_CSV_IMPORT (self));
  g_return_if_fail (CS_IS_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_csv_import_run_async);

  task_data = g_new0 (TaskData, 1);
  task_data->store = g_object_ref (store);
  task_data->dry_run = dry_run;
  task_data->bulk = cs_store_bulk_new (store, &error);
  g_task_set_task_data (task, task_data, task_data_free);

  if (task_data->bulk == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, run_thread);
}

/**
 * cs_csv_import_run_finish:
 * @self: an import
 * @result: the result given to the callback
 * @error: return location for an error (%G_IO_ERROR_CANCELLED when cancelled)
 *
 * Finishes cs_csv_import_run_async() and, after a committed import, refreshes the store's
 * records and lists (cs_store_reload()). Always call it.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
CsCsvReport *
cs_csv_import_run_finish (CsCsvImport   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  CsCsvReport *report = NULL;
  TaskData *task_data = NULL;

  g_return_val_if_fail (CS_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cs_csv_import_run_async, NULL);

  task_data = g_task_get_task_data (G_TASK (result));
  report = g_task_propagate_pointer (G_TASK (result), error);
  if (report != NULL && !task_data->dry_run)
    cs_store_reload (task_data->store);

  return report;
}

