/* cs-store.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cs-autocleanups-private.h"
#include "cs-core-resources.h"
#include "cs-record-private.h"
#include "cs-store-private.h"

/**
 * CsStore:
 *
 * One open review project: the only owner of the SQLite connection and the only code that
 * writes SQL.
 *
 * The project file is SQLite used as an application file format. Opening is careful: the
 * header, the application id, the schema version and an integrity check are verified before
 * anything is written, and a file that fails is refused and left untouched. Every change is
 * committed when it is made (rollback journal, `synchronous=FULL`), so that a plain copy of an
 * idle project is the whole project and a crash loses no acknowledged change. One program
 * edits a file at a time: the writer holds a `flock()` on it, and a second writer is told the
 * project is already open.
 *
 * Records handed out are cached: the same row is always the same object, and the list models
 * change as records are added, deleted and restored.
 */

#define HEADER_SIZE 100
#define MAX_TEXT_LENGTH (64 * 1024)

struct _CsStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  int         lock_fd;
  int         schema_version;
  guint       read_only : 1;

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
  gint64      coverage_changes;
};

struct _CsDeletion
{
  gatomicrefcount  ref_count;
  CsRecord        *record;
  /* every row removed, parents first */
  GPtrArray       *rows;
  /* references cleared by the deletion: (record type, column, id of the row) */
  GArray          *cleared;
};

typedef struct
{
  GType       type;
  const char *column;
  gint64      id;
} ClearedRef;

G_DEFINE_FINAL_TYPE (CsStore, cs_store, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (CsDeletion, cs_deletion, cs_deletion_ref, cs_deletion_unref)
G_DEFINE_QUARK (cs-store-error-quark, cs_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  SAVED,
  RECORD_ADDED,
  RECORD_REMOVED,
  RECORD_CHANGED,
  COVERAGE_CHANGED,
  RELOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The standard catalogues every new project starts with (DOMAIN.md, Responsibilities). */
static const struct { const char *kind; const char *name; } default_parties[] = {
  { "client", N_("Client") },
  { "provider", N_("Provider") },
  { "subcontractor", N_("Subcontractor") },
  { "vendor", N_("Software vendor") },
};

static const struct { const char *key; const char *area; const char *name; } default_activities[] = {
  { "account-creation", "access", N_("User account creation") },
  { "access-approval", "access", N_("Access-right approval") },
  { "privileged-accounts", "access", N_("Privileged-account management") },
  { "mfa", "security", N_("MFA enrolment and enforcement") },
  { "patching", "security", N_("Patching") },
  { "endpoint-protection", "security", N_("Endpoint protection (EDR/antivirus)") },
  { "firewall-rules", "security", N_("Firewall rule changes") },
  { "log-review", "security", N_("Log review") },
  { "incident-lead", "security", N_("Security-incident response lead") },
  { "breach-notification", "security", N_("Breach notification to insurer and authorities") },
  { "backup-monitoring", "backup", N_("Backup monitoring") },
  { "restore", "backup", N_("Restore") },
  { "restore-tests", "backup", N_("Restore tests") },
  { "interruption-decision", "operations", N_("Service-interruption decision") },
  { "change-approval", "operations", N_("Change approval") },
  { "vendor-relationship", "operations", N_("Software-vendor relationship") },
  { "inventory-upkeep", "operations", N_("Inventory upkeep") },
  { "licence-management", "operations", N_("Licence management") },
  { "documentation", "operations", N_("Documentation upkeep") },
};

/* Security controls recorded for every offer (DOMAIN.md, Security & access). */
static const char * const default_controls[] = {
  "named-accounts", "mfa-provider-access", "privileged-inventory", "least-privilege",
  "remote-tools", "remote-access", "admin-workstations", "logging", "encryption", "patching",
  "incident-notification", "deprovisioning", "staff-confidentiality", "audits", "certifications",
  "security-plan", "password-vault",
};

/* Errors */

static gboolean
set_sqlite_error (GError      **error,
                  sqlite3      *db,
                  int           rc,
                  const char   *what)
{
  int primary = rc & 0xff;

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_ALREADY_OPEN,
                   _("The project is in use by another program; nothing was changed. Close it there and try again."));
      break;

    case SQLITE_FULL:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("The disk is full: %s failed and nothing was changed. Free some space and try again."),
                   what);
      break;

    case SQLITE_READONLY:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY,
                   _("The project file cannot be written: %s failed and nothing was changed."),
                   what);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The value does not fit the project (%s); nothing was changed."),
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("The project file is damaged (%s); nothing was changed."),
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;

    default:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("The project file could not be read or written: %s failed (%s); nothing was changed."),
                   what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    }

  return FALSE;
}

static gboolean
check_writable (CsStore  *self,
                GError  **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED,
                   _("The project is closed; nothing was changed."));
      return FALSE;
    }

  if (self->read_only)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY,
                   _("The project is open read-only; nothing was changed."));
      return FALSE;
    }

  return TRUE;
}

/* Statements */

static sqlite3_stmt *
get_statement (CsStore     *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("reading the project"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (error, db, rc, what);

  return TRUE;
}

static gboolean
step_done (CsStore       *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (error, self->db, rc, what);

  return TRUE;
}

/* Transactions: savepoints nest, the outermost one commits. */

static gboolean
begin (CsStore  *self,
       GError  **error)
{
  if (!exec_sql (self->db, "SAVEPOINT cs_edit", _("starting a change"), error))
    return FALSE;

  self->savepoint_depth++;
  return TRUE;
}

static void reload_caches (CsStore *self);

/* Forgets the aggregates of cs_store_count_coverage(). */
static void
invalidate_aggregates (CsStore *self)
{
  g_clear_pointer (&self->coverage_counts, g_hash_table_unref);
}

static void
rollback (CsStore *self)
{
  g_assert (self->savepoint_depth > 0);

  /* The outermost savepoint is the transaction: roll all of it back, so that nothing at all
   * is committed (ROLLBACK TO + RELEASE would commit an empty transaction). */
  if (self->savepoint_depth == 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  else
    {
      sqlite3_exec (self->db, "ROLLBACK TO cs_edit", NULL, NULL, NULL);
      sqlite3_exec (self->db, "RELEASE cs_edit", NULL, NULL, NULL);
    }
  self->savepoint_depth--;
  /* A rollback undoes changes that sqlite3_total_changes64() has already counted. */
  invalidate_aggregates (self);

  /* Caches changed by committed inner steps of this transaction no longer match the file. */
  if (self->savepoint_depth == 0 && self->caches_dirty)
    reload_caches (self);
}

static gboolean
commit (CsStore  *self,
        GError  **error)
{
  g_assert (self->savepoint_depth > 0);

  if (!exec_sql (self->db, "RELEASE cs_edit", _("saving the change"), error))
    {
      /* A failed commit leaves the savepoint open: roll it back so the file stays as it was. */
      rollback (self);
      return FALSE;
    }

  self->savepoint_depth--;
  if (self->savepoint_depth == 0)
    {
      self->caches_dirty = FALSE;
      g_hash_table_remove_all (self->limbo);
      /* Emitted by flush_saved() once the records and lists show the change too. */
      self->saved_pending = TRUE;
    }

  return TRUE;
}

/*
 * flush_saved:
 * Emits "saved" after the outermost commit, once the public call that committed has also
 * updated its records and lists, so that handlers read the new values.
 */
static void
flush_saved (CsStore *self)
{
  if (self->savepoint_depth > 0 || !self->saved_pending)
    return;

  self->saved_pending = FALSE;
  g_signal_emit (self, signals[SAVED], 0);
}

static void
mark_caches (CsStore *self)
{
  if (self->savepoint_depth > 0)
    self->caches_dirty = TRUE;
}

/* Values */

static char *
cache_key (GType  type,
           gint64 id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, g_type_name (type), id);
}

static void
read_field (sqlite3_stmt  *stmt,
            int            column,
            const CsField *field,
            GValue        *value)
{
  gboolean is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

  switch (field->type)
    {
    case CS_FIELD_STRING:
    case CS_FIELD_DATE:
    case CS_FIELD_CHOICE:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);

        g_value_init (value, G_TYPE_STRING);
        if (is_null || text == NULL)
          text = field->type == CS_FIELD_CHOICE ? field->choices[0] : "";

        if (!g_utf8_validate (text, -1, NULL))
          {
            g_value_take_string (value, g_utf8_make_valid (text, -1));
          }
        else if (field->type == CS_FIELD_CHOICE && !g_strv_contains (field->choices, text))
          {
            /* A value this version does not know: show the default, leave the file alone. */
            g_debug ("Unknown value “%s” for %s", text, field->column);
            g_value_set_static_string (value, field->choices[0]);
          }
        else
          {
            g_value_set_string (value, text);
          }
      }
      break;

    case CS_FIELD_INT:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, is_null ? field->def
                                        : CLAMP (sqlite3_column_int64 (stmt, column),
                                                 field->min, field->max));
      break;

    case CS_FIELD_REF:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, is_null ? 0 : MAX (0, sqlite3_column_int64 (stmt, column)));
      break;

    case CS_FIELD_NUMBER:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, is_null ? NAN : sqlite3_column_double (stmt, column));
      break;

    case CS_FIELD_BOOLEAN:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, is_null ? field->def != 0
                                          : sqlite3_column_int64 (stmt, column) != 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
bind_field (sqlite3_stmt  *stmt,
            int            param,
            const CsField *field,
            const GValue  *value)
{
  switch (field->type)
    {
    case CS_FIELD_STRING:
    case CS_FIELD_CHOICE:
      {
        const char *text = g_value_get_string (value);

        sqlite3_bind_text (stmt, param, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
      }
      break;

    case CS_FIELD_DATE:
      {
        const char *text = g_value_get_string (value);

        if (text == NULL || *text == '\0')
          sqlite3_bind_null (stmt, param);
        else
          sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
      }
      break;

    case CS_FIELD_INT:
      sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
      break;

    case CS_FIELD_REF:
      if (g_value_get_int64 (value) == 0)
        sqlite3_bind_null (stmt, param);
      else
        sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
      break;

    case CS_FIELD_NUMBER:
      if (isnan (g_value_get_double (value)))
        sqlite3_bind_null (stmt, param);
      else
        sqlite3_bind_double (stmt, param, g_value_get_double (value));
      break;

    case CS_FIELD_BOOLEAN:
      sqlite3_bind_int (stmt, param, g_value_get_boolean (value) ? 1 : 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

/*
 * validate_value:
 * Converts @value into @out (initialised to the field's GType) and checks it against the
 * field's constraints, so that nothing the file would refuse is ever sent to SQLite.
 */
static gboolean
validate_value (const CsEntity  *entity,
                const CsField   *field,
                const GValue    *value,
                GValue          *out,
                GError         **error)
{
  GType want;

  switch (field->type)
    {
    case CS_FIELD_STRING:
    case CS_FIELD_DATE:
    case CS_FIELD_CHOICE:
      want = G_TYPE_STRING;
      break;
    case CS_FIELD_INT:
    case CS_FIELD_REF:
      want = G_TYPE_INT64;
      break;
    case CS_FIELD_NUMBER:
      want = G_TYPE_DOUBLE;
      break;
    case CS_FIELD_BOOLEAN:
      want = G_TYPE_BOOLEAN;
      break;
    default:
      g_assert_not_reached ();
    }

  g_value_init (out, want);
  if (!g_value_type_transformable (G_VALUE_TYPE (value), want) || !g_value_transform (value, out))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The value for “%s” has the wrong type; nothing was changed."),
                   field->column);
      return FALSE;
    }

  switch (field->type)
    {
    case CS_FIELD_STRING:
      {
        const char *text = g_value_get_string (out);
        gsize limit = field->max_length != 0 ? field->max_length : MAX_TEXT_LENGTH;

        if (text == NULL)
          {
            g_value_set_static_string (out, "");
            text = "";
          }
        if (!g_utf8_validate (text, -1, NULL))
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("The text for “%s” is not valid UTF-8; nothing was changed."),
                         field->column);
            return FALSE;
          }
        if (strlen (text) > limit)
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("The text for “%s” is longer than %" PRIu64 " bytes; nothing was changed."),
                         field->column, (guint64) limit);
            return FALSE;
          }
      }
      break;

    case CS_FIELD_CHOICE:
      {
        const char *text = g_value_get_string (out);

        if (text == NULL || !g_strv_contains (field->choices, text))
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("“%s” is not a valid value for “%s”; nothing was changed."),
                         text != NULL ? text : "", field->column);
            return FALSE;
          }
      }
      break;

    case CS_FIELD_DATE:
      {
        const char *text = g_value_get_string (out);
        int y = 0, m = 0, d = 0;
        char tail = 0;

        if (text == NULL)
          g_value_set_static_string (out, "");
        else if (*text != '\0'
                 && (strlen (text) != 10
                     || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3
                     || text[4] != '-' || text[7] != '-'
                     || !g_date_valid_dmy (d, m, y)))
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("“%s” is not a valid date (YYYY-MM-DD) for “%s”; nothing was changed."),
                         text, field->column);
            return FALSE;
          }
      }
      break;

    case CS_FIELD_INT:
      if (g_value_get_int64 (out) < field->min || g_value_get_int64 (out) > field->max)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("%" PRId64 " is out of range for “%s” (%" PRId64 "–%" PRId64 "); nothing was changed."),
                       g_value_get_int64 (out), field->column, field->min, field->max);
          return FALSE;
        }
      break;

    case CS_FIELD_REF:
      if (g_value_get_int64 (out) < 0)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("“%s” refers to a missing item; nothing was changed."),
                       field->column);
          return FALSE;
        }
      break;

    case CS_FIELD_NUMBER:
      if (isinf (g_value_get_double (out)))
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("The number for “%s” is too large; nothing was changed."),
                       field->column);
          return FALSE;
        }
      break;

    case CS_FIELD_BOOLEAN:
    default:
      break;
    }

  (void) entity;
  return TRUE;
}

/* SQL built from the static entity descriptions (identifiers are ours, values are bound) */

static char *
select_sql (const CsEntity *entity,
            const char     *where)
{
  GString *sql = g_string_new ("SELECT id");

  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (sql, ", \"%s\"", entity->fields[i].column);
  g_string_append_printf (sql, " FROM \"%s\"", entity->table);
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append_printf (sql, " ORDER BY %s", entity->order_by);

  return g_string_free (sql, FALSE);
}

static CsRecord *
record_from_row (GType          type,
                 const CsEntity *entity,
                 sqlite3_stmt  *stmt)
{
  CsRecord *record = g_object_new (type, NULL);

  cs_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < entity->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      read_field (stmt, i + 1, &entity->fields[i], &value);
      _cs_record_load_value (record, i, &value);
    }

  return record;
}

/* The cache */

typedef struct
{
  CsStore  *store;
  char     *key;      /* owned by the table */
  CsRecord *record;   /* NULL once a weakly held record is gone */
  gboolean  strong;   /* the cache owns a reference, else a weak reference */
} CacheEntry;

static void
record_gone_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  CacheEntry *entry = data;
  g_autofree char *key = g_strdup (entry->key);

  entry->record = NULL;
  g_hash_table_remove (entry->store->records, key);
}

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  if (entry->record != NULL && entry->strong)
    g_object_unref (entry->record);
  else if (entry->record != NULL)
    g_object_weak_unref (G_OBJECT (entry->record), record_gone_cb, entry);
  g_free (entry);
}

static CacheEntry *
cache_lookup_entry (CsStore    *self,
                    const char *key)
{
  return g_hash_table_lookup (self->records, key);
}

static CsRecord *
cache_lookup (CsStore    *self,
              const char *key)
{
  CacheEntry *entry = g_hash_table_lookup (self->records, key);

  return entry != NULL ? entry->record : NULL;
}

/* Caches @record under @key (taken). Strong: the cache takes over the caller's reference. */
static void
cache_insert (CsStore  *self,
              char     *key,
              CsRecord *record,
              gboolean  strong)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);

  entry->store = self;
  entry->key = key;
  entry->record = record;
  entry->strong = strong;
  if (!strong)
    g_object_weak_ref (G_OBJECT (record), record_gone_cb, entry);
  /* replace, not insert: the entry points at its key */
  g_hash_table_replace (self->records, key, entry);
}

/* From now on the cache keeps @entry's record alive. */
static void
cache_pin (CacheEntry *entry)
{
  if (entry->strong)
    return;

  g_object_weak_unref (G_OBJECT (entry->record), record_gone_cb, entry);
  g_object_ref (entry->record);
  entry->strong = TRUE;
}

/* The cached records, each with a reference: signal handlers run while the caller walks the
 * array may drop the last reference to a weakly cached record, which removes it from the
 * table. */
static GPtrArray *
cache_snapshot (CsStore    *self,
                const char *prefix)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CacheEntry *entry = value;

      if (entry->record != NULL && (prefix == NULL || g_str_has_prefix (key, prefix)))
        g_ptr_array_add (records, g_object_ref (entry->record));
    }

  return records;
}

/*
 * Returns the cached record for the row under @stmt, or caches a new one. @strong: the cache
 * keeps it alive, and the record is returned (transfer none); otherwise it is held weakly and
 * returned (transfer full).
 */
static CsRecord *
intern_row_full (CsStore        *self,
                 GType           type,
                 const CsEntity *entity,
                 sqlite3_stmt   *stmt,
                 gboolean        strong)
{
  g_autofree char *key = cache_key (type, sqlite3_column_int64 (stmt, 0));
  CacheEntry *entry = cache_lookup_entry (self, key);
  CsRecord *record = NULL;
  gpointer stolen_key = NULL;

  if (entry != NULL)
    {
      if (strong)
        cache_pin (entry);
      return strong ? entry->record : g_object_ref (entry->record);
    }

  /* A record deleted by a transaction that was rolled back comes back as the same object. */
  if (g_hash_table_steal_extended (self->limbo, key, &stolen_key, (gpointer *) &record))
    {
      g_free (stolen_key);
      for (guint i = 0; i < entity->n_fields; i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          read_field (stmt, i + 1, &entity->fields[i], &value);
          cs_record_take_value (record, i, &value);
        }
      /* The limbo's reference: it was held strongly until now, keep it so. */
      cache_insert (self, g_steal_pointer (&key), record, TRUE);
      return strong ? record : g_object_ref (record);
    }

  record = record_from_row (type, entity, stmt);
  cache_insert (self, g_steal_pointer (&key), record, strong);

  return record;
}

static CsRecord *
intern_row (CsStore        *self,
            GType           type,
            const CsEntity *entity,
            sqlite3_stmt   *stmt)
{
  return intern_row_full (self, type, entity, stmt, TRUE);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  CsRecord *ra = CS_RECORD ((gpointer) a);
  CsRecord *rb = CS_RECORD ((gpointer) b);
  const CsEntity *entity = cs_record_get_entity (ra);
  g_auto(GStrv) columns = g_strsplit (entity->order_by, ",", -1);

  for (guint i = 0; columns[i] != NULL; i++)
    {
      const char *column = g_strstrip (columns[i]);
      const CsField *field = NULL;
      guint index = 0;
      int cmp = 0;

      if (g_str_equal (column, "id"))
        {
          gint64 x = cs_record_get_id (ra), y = cs_record_get_id (rb);

          cmp = (x > y) - (x < y);
        }
      else if ((field = cs_entity_find_field (entity, column, &index)) != NULL)
        {
          const GValue *va = cs_record_peek_value (ra, index);
          const GValue *vb = cs_record_peek_value (rb, index);

          if (G_VALUE_HOLDS_STRING (va))
            cmp = g_strcmp0 (g_value_get_string (va), g_value_get_string (vb));
          else if (G_VALUE_HOLDS_INT64 (va))
            cmp = (g_value_get_int64 (va) > g_value_get_int64 (vb))
                  - (g_value_get_int64 (va) < g_value_get_int64 (vb));
        }

      if (cmp != 0)
        return cmp;
    }

  return 0;
}

static char *
list_key (GType  type,
          gint64 parent_id)
{
  return cache_key (type, parent_id);
}

static GListStore *
peek_list (CsStore *self,
           GType    type,
           gint64   parent_id)
{
  g_autofree char *key = list_key (type, parent_id);

  return g_hash_table_lookup (self->lists, key);
}

static void
list_insert_sorted (GListStore *list,
                    CsRecord   *record)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  /* Appending is the common case: new records sort last. */
  if (n > 0)
    {
      g_autoptr(CsRecord) last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);

      if (compare_records (last, record, NULL) > 0)
        {
          g_list_store_insert_sorted (list, record, compare_records, NULL);
          return;
        }
    }

  g_list_store_append (list, record);
}

static void
list_remove (GListStore *list,
             CsRecord   *record)
{
  guint position = 0;

  if (g_list_store_find (list, record, &position))
    g_list_store_remove (list, position);
}

static GPtrArray *
query_list (CsStore *self,
            GType    type,
            gint64   parent_id)
{
  const CsEntity *entity = cs_record_type_get_entity (type);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  if (self->db == NULL)
    return g_steal_pointer (&items);

  if (entity->parent != NULL && parent_id != 0)
    where = g_strdup_printf ("\"%s\" = ?1", entity->parent);
  sql = select_sql (entity, where);
  stmt = get_statement (self, sql, NULL);
  if (stmt == NULL)
    return g_steal_pointer (&items);

  if (where != NULL)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, intern_row (self, type, entity, stmt));
  sqlite3_reset (stmt);

  return g_steal_pointer (&items);
}

/*
 * reload_caches:
 * After a rolled-back transaction the cached records and lists may show what is not on disk.
 * Refresh them in place from the file, keeping every record object that still exists, so that
 * widgets holding records stay valid.
 */
static void
reload_caches (CsStore *self)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cached = NULL;
  GHashTableIter iter;
  gpointer key, value;

  self->caches_dirty = FALSE;
  invalidate_aggregates (self);

  cached = cache_snapshot (self, NULL);
  for (guint c = 0; c < cached->len; c++)
    {
      CsRecord *record = g_ptr_array_index (cached, c);
      const CsEntity *entity = cs_record_get_entity (record);
      g_autofree char *sql = select_sql (entity, "id = ?1");
      sqlite3_stmt *stmt = get_statement (self, sql, NULL);

      if (stmt == NULL)
        continue;

      sqlite3_bind_int64 (stmt, 1, cs_record_get_id (record));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (guint i = 0; i < entity->n_fields; i++)
            {
              g_auto(GValue) field_value = G_VALUE_INIT;

              read_field (stmt, i + 1, &entity->fields[i], &field_value);
              cs_record_take_value (record, i, &field_value);
            }
        }
      else
        {
          g_ptr_array_add (gone, cache_key (G_OBJECT_TYPE (record), cs_record_get_id (record)));
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < gone->len; i++)
    g_hash_table_remove (self->records, g_ptr_array_index (gone, i));

  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, ":", 2);
      g_autoptr(GPtrArray) items = query_list (self, g_type_from_name (parts[0]),
                                               g_ascii_strtoll (parts[1], NULL, 10));

      g_list_store_splice (G_LIST_STORE (value), 0,
                           g_list_model_get_n_items (G_LIST_MODEL (value)),
                           items->pdata, items->len);
    }

  g_hash_table_remove_all (self->limbo);
  g_signal_emit (self, signals[RELOADED], 0);
}

/* Careful open */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/*
 * check_header:
 * Reads the first bytes of the file without SQLite, so that a file that is not one of ours is
 * refused before any library gets to write to it (a hot journal would otherwise be rolled
 * back into a foreign file).
 */
static gboolean
check_header (int          fd,
              const char  *display_name,
              int          max_version,
              int         *out_version,
              GError     **error)
{
  guint8 header[HEADER_SIZE];
  struct stat st;
  gssize n_read = 0;
  guint32 page_size, page_count, app_id, user_version;

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("“%s” could not be read: %s."), display_name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_REGULAR,
                   _("“%s” is not a file."), display_name);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_EMPTY,
                   _("“%s” is empty: it is not a Contract Scope project. It was left unchanged."),
                   display_name);
      return FALSE;
    }

  while (n_read < HEADER_SIZE)
    {
      gssize r = pread (fd, header + n_read, HEADER_SIZE - n_read, n_read);

      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          int saved_errno = errno;

          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                       _("“%s” could not be read: %s."), display_name, g_strerror (saved_errno));
          return FALSE;
        }
      if (r == 0)
        break;
      n_read += r;
    }

  if (memcmp (header, "SQLite format 3", MIN (n_read, 16)) != 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a Contract Scope project (it is not a database file). It was left unchanged."),
                   display_name);
      return FALSE;
    }

  if (n_read < HEADER_SIZE)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_TRUNCATED,
                   _("“%s” is truncated: the file ends inside its header. It was left unchanged."),
                   display_name);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  user_version = read_be32 (header + 60);
  app_id = read_be32 (header + 68);

  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: its header is invalid. It was left unchanged."),
                   display_name);
      return FALSE;
    }

  /* The in-header page count is valid when "version-valid-for" matches the change counter. */
  if (read_be32 (header + 92) == read_be32 (header + 24)
      && (guint64) st.st_size < (guint64) page_size * page_count)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_TRUNCATED,
                   _("“%s” is truncated: it is shorter than its header says (%" PRIu64 " of %" PRIu64 " bytes). It was left unchanged."),
                   display_name, (guint64) st.st_size, (guint64) page_size * page_count);
      return FALSE;
    }

  if (st.st_size % page_size != 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_TRUNCATED,
                   _("“%s” is truncated: its size is not a whole number of pages. It was left unchanged."),
                   display_name);
      return FALSE;
    }

  if (app_id != CS_STORE_APPLICATION_ID)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not a Contract Scope project. It was left unchanged."),
                   display_name);
      return FALSE;
    }

  if (user_version > (guint32) max_version)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Contract Scope (file format %u; this version reads up to %d). Update Contract Scope to open it. It was left unchanged."),
                   display_name, user_version, max_version);
      return FALSE;
    }

  if (user_version < 1)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("“%s” is an incomplete Contract Scope project (no file format version). It was left unchanged."),
                   display_name);
      return FALSE;
    }

  *out_version = (int) user_version;
  return TRUE;
}

static gboolean
configure_connection (sqlite3  *db,
                      GError  **error)
{
  int enabled = 0;

  /* Untrusted files: no writes to the schema through SQL, no functions run from the schema. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 0);

  return exec_sql (db,
                   "PRAGMA trusted_schema = OFF;"
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA cell_size_check = ON;",
                   _("opening the project"), error);
}

static gboolean
quick_check (sqlite3     *db,
             const char  *display_name,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    result = (const char *) sqlite3_column_text (stmt, 0);

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_ALREADY_OPEN,
                   _("“%s” is being changed by another program. Try again in a moment."),
                   display_name);
      return FALSE;
    }

  if (rc != SQLITE_ROW || g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: the integrity check failed (%s). It was left unchanged."),
                   display_name,
                   result != NULL ? result : sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;

  /* No write bit at all means "keep this file as it is", even for root, who access() lets
   * write anything. The folder must be writable for the rollback journal. */
  if (g_stat (path, &st) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

static gboolean
backup_before_migration (sqlite3     *db,
                         const char  *path,
                         int          from_version,
                         GError     **error)
{
  g_autofree char *stem = g_str_has_suffix (path, ".contractscope")
                            ? g_strndup (path, strlen (path) - strlen (".contractscope"))
                            : g_strdup (path);
  g_autofree char *backup = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  for (guint i = 0; backup == NULL || g_file_test (backup, G_FILE_TEST_EXISTS); i++)
    {
      g_free (backup);
      backup = i == 0 ? g_strdup_printf ("%s.backup-v%d.contractscope", stem, from_version)
                      : g_strdup_printf ("%s.backup-v%d-%u.contractscope", stem, from_version, i);
    }

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_MIGRATION,
                   _("The project could not be upgraded: the backup copy could not be written (%s). The file was left unchanged."),
                   sqlite3_errmsg (db));
      return FALSE;
    }

  g_debug ("Backed up %s to %s before migrating", path, backup);
  return TRUE;
}

static gboolean
migrate (sqlite3              *db,
         const char           *path,
         int                   from_version,
         const CsMigration    *migrations,
         guint                 n_migrations,
         int                   target_version,
         GError              **error)
{
  g_autofree char *set_version = NULL;

  if (from_version >= target_version)
    return TRUE;

  if (!backup_before_migration (db, path, from_version, error))
    return FALSE;

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_MIGRATION,
                   _("The project could not be upgraded (%s). The file was left unchanged."),
                   sqlite3_errmsg (db));
      return FALSE;
    }

  for (int version = from_version; version < target_version; version++)
    {
      const CsMigration *step = NULL;

      for (guint i = 0; i < n_migrations; i++)
        if (migrations[i].from_version == version)
          step = &migrations[i];

      if (step == NULL || sqlite3_exec (db, step->sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_MIGRATION,
                       _("The project could not be upgraded from file format %d (%s). The file was left unchanged."),
                       version,
                       step == NULL ? _("no upgrade step") : sqlite3_errmsg (db));
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  /* PRAGMA takes no bound parameters; the version is our own integer. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", target_version);
  if (sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_MIGRATION,
                   _("The project could not be upgraded (%s). The file was left unchanged."),
                   sqlite3_errmsg (db));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* The released migrations, from_version → from_version + 1, each a frozen SQL file among the
 * core's resources ("migration-N.sql" upgrades N - 1 to N). A new project runs schema-1.sql and
 * then every migration, so new and upgraded files share one schema. */
static const CsMigration *
store_migrations (void)
{
  static CsMigration migrations[CS_STORE_SCHEMA_VERSION - 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (int version = 1; version < CS_STORE_SCHEMA_VERSION; version++)
        {
          g_autofree char *resource = g_strdup_printf ("/org/contractscope/ContractScope/core/migration-%d.sql",
                                                       version + 1);
          /* Kept for the life of the process, like the migrations' static table. */
          GBytes *sql = g_resource_lookup_data (cs_core_get_resource (), resource,
                                                G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

          g_assert (sql != NULL);
          migrations[version - 1].from_version = version;
          migrations[version - 1].sql = g_bytes_get_data (sql, NULL);
        }
      g_once_init_leave (&initialized, 1);
    }

  return migrations;
}

static gboolean
exec_migrations (sqlite3  *db,
                 GError  **error)
{
  const CsMigration *migrations = store_migrations ();

  for (guint i = 0; i < CS_STORE_SCHEMA_VERSION - 1; i++)
    if (!exec_sql (db, migrations[i].sql, _("creating the project"), error))
      return FALSE;

  return TRUE;
}

/* GObject */

static void
cs_store_dispose (GObject *object)
{
  CsStore *self = CS_STORE (object);

  cs_store_close (self);

  G_OBJECT_CLASS (cs_store_parent_class)->dispose (object);
}

static void
cs_store_finalize (GObject *object)
{
  CsStore *self = CS_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->limbo, g_hash_table_unref);
  g_clear_pointer (&self->coverage_counts, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cs_store_parent_class)->finalize (object);
}

static void
cs_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CsStore *self = CS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_store_class_init (CsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_store_dispose;
  object_class->finalize = cs_store_finalize;
  object_class->get_property = cs_store_get_property;

  /**
   * CsStore:path:
   *
   * The path of the project file.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CsStore:read-only:
   *
   * Whether the project was opened read-only.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CsStore::saved:
   * @self: the store
   *
   * Emitted after a change was committed to the project file.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * CsStore::record-added:
   * @self: the store
   * @record: the record added or restored
   *
   * Emitted when a record joins the project (added, or restored by cs_store_undelete()).
   * Lazy lists (see cs_store_query_asset_ids()) use it to update themselves in place.
   */
  signals[RECORD_ADDED] =
    g_signal_new ("record-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CS_TYPE_RECORD);

  /**
   * CsStore::record-removed:
   * @self: the store
   * @record: the record deleted
   *
   * Emitted when a cached record leaves the project.
   */
  signals[RECORD_REMOVED] =
    g_signal_new ("record-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CS_TYPE_RECORD);

  /**
   * CsStore::record-changed:
   * @self: the store
   * @record: the record
   * @column: the column changed
   *
   * Emitted after a field of a record was changed through the store.
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CS_TYPE_RECORD, G_TYPE_STRING);

  /**
   * CsStore::coverage-changed:
   * @self: the store
   * @offer_id: the offer whose coverage changed
   *
   * Emitted after cs_store_set_coverage() or cs_store_restore_coverage() changed the coverage
   * of any number of assets at once.
   */
  signals[COVERAGE_CHANGED] =
    g_signal_new ("coverage-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * CsStore::reloaded:
   * @self: the store
   *
   * Emitted after the cached records and lists were refreshed from the file as a whole (a
   * rolled-back transaction, or cs_store_reload() after a bulk import). Lazy lists query again.
   */
  signals[RELOADED] =
    g_signal_new ("reloaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cs_store_init (CsStore *self)
{
  self->lock_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
  self->limbo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* Public API */

/**
 * cs_deletion_ref:
 * @deletion: a deletion
 *
 * Returns: (transfer full): @deletion
 */
CsDeletion *
cs_deletion_ref (CsDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, NULL);

  g_atomic_ref_count_inc (&deletion->ref_count);
  return deletion;
}

/**
 * cs_deletion_unref:
 * @deletion: a deletion
 *
 * Drops a reference.
 */
void
cs_deletion_unref (CsDeletion *deletion)
{
  g_return_if_fail (deletion != NULL);

  if (g_atomic_ref_count_dec (&deletion->ref_count))
    {
      g_clear_object (&deletion->record);
      g_clear_pointer (&deletion->rows, g_ptr_array_unref);
      g_clear_pointer (&deletion->cleared, g_array_unref);
      g_free (deletion);
    }
}

/**
 * cs_deletion_get_record:
 * @deletion: a deletion
 *
 * Returns: (transfer none): the record that was deleted
 */
CsRecord *
cs_deletion_get_record (CsDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, NULL);

  return deletion->record;
}

CsStore *
_cs_store_open_full (const char         *path,
                     CsStoreOpenFlags    flags,
                     const CsMigration  *migrations,
                     guint               n_migrations,
                     int                 target_version,
                     GError            **error)
{
  g_autoptr(CsStore) self = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *display_name = NULL;
  gboolean read_only = FALSE;
  int version = 0;
  int fd = -1;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist."), display_name);
      return NULL;
    }

  read_only = (flags & CS_STORE_OPEN_READ_ONLY) != 0 || !is_writable (path);

  fd = g_open (path, (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EISDIR)
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_REGULAR,
                     _("“%s” is not a file."), display_name);
      else
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                     _("“%s” could not be opened: %s."), display_name, g_strerror (saved_errno));
      return NULL;
    }

  /* One writer per file. flock() locks are separate from the POSIX locks SQLite uses, so a
   * reader (a read-only view, the command line) still reads between our transactions. */
  if (!read_only && flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      close (fd);
      if (saved_errno == EWOULDBLOCK)
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_ALREADY_OPEN,
                     _("“%s” is already open in another window or program. Close it there first; nothing was changed."),
                     display_name);
      else
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                     _("“%s” could not be locked for editing: %s."),
                     display_name, g_strerror (saved_errno));
      return NULL;
    }

  if (!check_header (fd, display_name, target_version, &version, error))
    {
      close (fd);
      return NULL;
    }

  self = g_object_new (CS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->lock_fd = read_only ? -1 : fd;
  if (read_only)
    close (fd);

  /* Check with a read-only connection first: nothing is written to a file we refuse. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK && !configure_connection (db, error))
    return NULL;

  if (rc == SQLITE_OK && !quick_check (db, display_name, error))
    {
      /* A hot journal left by a crash needs a writer to roll it back: only then retry. */
      if (read_only || sqlite3_extended_errcode (db) != SQLITE_READONLY_ROLLBACK)
        return NULL;
      g_clear_error (error);
    }
  else if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, _("opening the project"));
      return NULL;
    }

  if (!read_only)
    {
      g_clear_pointer (&db, sqlite3_close);
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, db, rc, _("opening the project"));
          return NULL;
        }
      if (!configure_connection (db, error)
          || !exec_sql (db,
                        "PRAGMA journal_mode = DELETE;"
                        "PRAGMA synchronous = FULL;",
                        _("opening the project"), error)
          || !quick_check (db, display_name, error))
        return NULL;

      if (!migrate (db, path, version, migrations, n_migrations, target_version, error))
        return NULL;
      version = MAX (version, target_version);
    }
  else if (version < target_version)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_MIGRATION,
                   _("“%s” uses an older file format (%d) and must be upgraded, which a read-only file does not allow. Open a writable copy. It was left unchanged."),
                   display_name, version);
      return NULL;
    }

  self->db = g_steal_pointer (&db);
  self->schema_version = version;

  /* The project row must be there: it is what the window and the command line show first. */
  if (cs_store_get_project (self) == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: it has no project record. It was left unchanged."),
                   display_name);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * cs_store_open:
 * @path: the project file
 * @flags: how to open it
 * @error: return location for a #CsStoreError
 *
 * Opens an existing project carefully: a missing file is never created, and a file that is not
 * a complete Contract Scope project of a version this build reads is refused and left
 * byte-for-byte unchanged. A project of an older format is upgraded in one transaction after a
 * backup copy. A file that cannot be written is opened read-only.
 *
 * Returns: (transfer full): the open project, or %NULL with @error set
 */
CsStore *
cs_store_open (const char        *path,
               CsStoreOpenFlags   flags,
               GError           **error)
{
  return _cs_store_open_full (path, flags, store_migrations (), CS_STORE_SCHEMA_VERSION - 1,
                              CS_STORE_SCHEMA_VERSION, error);
}

static gboolean
insert_catalogues (CsStore  *self,
                   GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_parties); i++)
    {
      g_autoptr(CsRecord) party = g_object_new (CS_TYPE_PARTY,
                                                "name", _(default_parties[i].name),
                                                "kind", default_parties[i].kind,
                                                NULL);

      if (!cs_store_add (self, party, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (default_activities); i++)
    {
      g_autoptr(CsRecord) activity = g_object_new (CS_TYPE_ACTIVITY,
                                                   "key", default_activities[i].key,
                                                   "area", default_activities[i].area,
                                                   "name", _(default_activities[i].name),
                                                   NULL);

      if (!cs_store_add (self, activity, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cs_store_create:
 * @path: where to create the project; no file may exist there
 * @client_name: the client's name
 * @error: return location for a #CsStoreError
 *
 * Creates a new, complete project file and opens it. The file is built under a temporary name
 * beside @path and linked into place only when complete, so @path never holds half a project
 * and an existing file is never replaced.
 *
 * Returns: (transfer full): the open project, or %NULL with @error set
 */
CsStore *
cs_store_create (const char  *path,
                 const char  *client_name,
                 GError     **error)
{
  g_autoptr(CsStore) self = NULL;
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *pragmas = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int fd, rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (client_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_EXISTS,
                   _("“%s” already exists; it was left unchanged. Choose another name."),
                   display_name);
      return NULL;
    }

  if (!g_utf8_validate (client_name, -1, NULL) || strlen (client_name) > MAX_TEXT_LENGTH)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The client name is not valid text; no project was created."));
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("“%s” could not be created: %s."), display_name, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  /* Looked up through the generated getter, which also keeps the core's resources linked in. */
  schema = g_resource_lookup_data (cs_core_get_resource (),
                                   "/org/contractscope/ContractScope/core/schema-1.sql",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (schema != NULL);

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             CS_STORE_APPLICATION_ID, CS_STORE_SCHEMA_VERSION);

  rc = sqlite3_open_v2 (tmp_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK
      || !configure_connection (db, error)
      || !exec_sql (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; BEGIN",
                    _("creating the project"), error)
      || !exec_sql (db, g_bytes_get_data (schema, NULL), _("creating the project"), error)
      || !exec_migrations (db, error)
      || !exec_sql (db, pragmas, _("creating the project"), error))
    {
      if (rc != SQLITE_OK)
        set_sqlite_error (error, db, rc, _("creating the project"));
      g_clear_pointer (&db, sqlite3_close);
      g_unlink (tmp_path);
      return NULL;
    }

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO project (id, client_name, currency) VALUES (1, ?1, 'EUR')",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, client_name, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (rc != SQLITE_OK || !exec_sql (db, "COMMIT", _("creating the project"), error))
    {
      if (rc != SQLITE_OK)
        set_sqlite_error (error, db, rc, _("creating the project"));
      g_clear_pointer (&db, sqlite3_close);
      g_unlink (tmp_path);
      return NULL;
    }
  g_clear_pointer (&db, sqlite3_close);

  /* link() fails if the name was taken in the meantime: nothing is ever replaced. */
  if (link (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, CS_STORE_ERROR,
                   saved_errno == EEXIST ? CS_STORE_ERROR_EXISTS : CS_STORE_ERROR_IO,
                   _("“%s” could not be created: %s."), display_name, g_strerror (saved_errno));
      return NULL;
    }
  g_unlink (tmp_path);

  self = cs_store_open (path, CS_STORE_OPEN_DEFAULT, error);
  if (self == NULL)
    return NULL;

  if (!begin (self, error))
    return NULL;
  if (!insert_catalogues (self, error))
    {
      rollback (self);
      return NULL;
    }
  if (!commit (self, error))
    return NULL;

  flush_saved (self);

  return g_steal_pointer (&self);
}

/**
 * cs_store_close:
 * @self: a store
 *
 * Closes the project file and releases the lock. Every change was already committed; further
 * changes fail with %CS_STORE_ERROR_CLOSED. Records handed out stay valid as plain objects.
 */
void
cs_store_close (CsStore *self)
{
  g_return_if_fail (CS_IS_STORE (self));

  g_hash_table_remove_all (self->statements);
  invalidate_aggregates (self);

  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_warning ("Closing %s: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }

  /* Closed after SQLite: closing any descriptor of the file drops the process's POSIX locks. */
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

/**
 * cs_store_get_path:
 * @self: a store
 *
 * Returns: the path of the project file
 */
const char *
cs_store_get_path (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  return self->path;
}

/**
 * cs_store_is_read_only:
 * @self: a store
 *
 * Returns: %TRUE if the project cannot be changed
 */
gboolean
cs_store_is_read_only (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * cs_store_is_closed:
 * @self: a store
 *
 * Returns: %TRUE after cs_store_close()
 */
gboolean
cs_store_is_closed (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), TRUE);

  return self->db == NULL;
}

/**
 * cs_store_get_schema_version:
 * @self: a store
 *
 * Returns: the file format version of the project
 */
int
cs_store_get_schema_version (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * cs_store_find:
 * @self: a store
 * @type: a record type
 * @id: a row id
 *
 * Returns: (transfer none) (nullable): the record, or %NULL if there is no such row
 */
CsRecord *
cs_store_find (CsStore *self,
               GType    type,
               gint64   id)
{
  const CsEntity *entity = NULL;
  g_autofree char *key = NULL;
  g_autofree char *sql = NULL;
  CsRecord *record = NULL;
  CacheEntry *entry = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CS_TYPE_RECORD), NULL);

  key = cache_key (type, id);
  entry = cache_lookup_entry (self, key);
  if (entry != NULL)
    {
      /* Lent (transfer none): from now on the cache must keep it alive. */
      cache_pin (entry);
      return entry->record;
    }
  if (self->db == NULL)
    return NULL;

  entity = cs_record_type_get_entity (type);
  sql = select_sql (entity, "id = ?1");
  stmt = get_statement (self, sql, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = intern_row (self, type, entity, stmt);
  sqlite3_reset (stmt);

  return record;
}

/**
 * cs_store_ref_record:
 * @self: a store
 * @type: a record type
 * @id: a row id
 *
 * Like cs_store_find(), but returns a reference of the caller's own and does not make the
 * store keep the record: a record nobody holds any more is freed, and read again when asked
 * for. While anyone holds it, the same row is the same object, whether it was found here, by
 * cs_store_find() or in a list. Lazy lists of many rows (#CsAssetList) use it.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL when there is no such row
 */
CsRecord *
cs_store_ref_record (CsStore *self,
                     GType    type,
                     gint64   id)
{
  const CsEntity *entity = NULL;
  g_autofree char *key = NULL;
  g_autofree char *sql = NULL;
  CsRecord *record = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CS_TYPE_RECORD), NULL);

  key = cache_key (type, id);
  record = cache_lookup (self, key);
  if (record != NULL)
    return g_object_ref (record);
  if (self->db == NULL)
    return NULL;

  entity = cs_record_type_get_entity (type);
  sql = select_sql (entity, "id = ?1");
  stmt = get_statement (self, sql, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = intern_row_full (self, type, entity, stmt, FALSE);
  sqlite3_reset (stmt);

  return record;
}

/**
 * cs_store_get_standard_party_name:
 * @kind: a party kind ("client", "provider", "subcontractor", "vendor", "other")
 *
 * Every new project starts with one party of each standard kind, named in the language of the
 * user who created it: `_(name)` of the name returned here. Code matching parties across
 * projects (the demo loader) must not rely on that name.
 *
 * Returns: (nullable): the untranslated name of the standard party of @kind, or %NULL when
 *   the store makes none of that kind
 */
const char *
cs_store_get_standard_party_name (const char *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (default_parties); i++)
    if (g_str_equal (default_parties[i].kind, kind))
      return default_parties[i].name;

  return NULL;
}

/**
 * cs_store_get_project:
 * @self: a store
 *
 * Returns: (transfer none): the project record
 */
CsProject *
cs_store_get_project (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  return (CsProject *) cs_store_find (self, CS_TYPE_PROJECT, 1);
}

/**
 * cs_store_list:
 * @self: a store
 * @type: a record type
 * @parent_id: the owning row (an offer id for section records), or 0 for top-level types
 *
 * Returns: (transfer none): a live list of the records of @type under @parent_id, in display
 *   order; it changes as records are added, deleted and restored
 */
GListModel *
cs_store_list (CsStore *self,
               GType    type,
               gint64   parent_id)
{
  const CsEntity *entity = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GListStore *list = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CS_TYPE_RECORD), NULL);

  entity = cs_record_type_get_entity (type);
  if (entity->parent == NULL)
    parent_id = 0;

  key = list_key (type, parent_id);
  list = g_hash_table_lookup (self->lists, key);
  if (list != NULL)
    return G_LIST_MODEL (list);

  list = g_list_store_new (type);
  g_hash_table_insert (self->lists, g_steal_pointer (&key), list);

  items = query_list (self, type, parent_id);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (list);
}

/**
 * cs_store_get_sites:
 * @self: a store
 *
 * Returns: (transfer none): the live list of #CsSite
 */
GListModel *
cs_store_get_sites (CsStore *self)
{
  return cs_store_list (self, CS_TYPE_SITE, 0);
}

/**
 * cs_store_get_offers:
 * @self: a store
 *
 * Returns: (transfer none): the live list of #CsOffer
 */
GListModel *
cs_store_get_offers (CsStore *self)
{
  return cs_store_list (self, CS_TYPE_OFFER, 0);
}

/**
 * cs_store_get_section:
 * @self: a store
 * @type: a one-per-offer record type (#CsSlaTerms, #CsSubcontracting, #CsExitTerms, #CsTerms)
 * @parent_id: the offer id
 *
 * Returns: (transfer none) (nullable): the offer's record of @type, created with the offer
 */
CsRecord *
cs_store_get_section (CsStore *self,
                      GType    type,
                      gint64   parent_id)
{
  const CsEntity *entity = NULL;
  GListModel *list = NULL;
  CsRecord *record = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CS_TYPE_RECORD), NULL);

  entity = cs_record_type_get_entity (type);
  g_return_val_if_fail (entity->one_per_parent, NULL);

  list = cs_store_list (self, type, parent_id);
  if (g_list_model_get_n_items (list) == 0)
    return NULL;

  /* The list keeps the record alive: hand it out borrowed. */
  record = g_list_model_get_item (list, 0);
  g_object_unref (record);

  return record;
}

/**
 * cs_store_count_assets:
 * @self: a store
 * @out_units: (out) (optional): the sum of the assets' quantities
 * @out_per_category: (out) (optional) (transfer full): category → number of asset records,
 *   as `GUINT_TO_POINTER`
 *
 * Returns: the number of asset records
 */
guint
cs_store_count_assets (CsStore     *self,
                       guint64     *out_units,
                       GHashTable **out_per_category)
{
  g_autoptr(GHashTable) per_category = NULL;
  sqlite3_stmt *stmt = NULL;
  guint64 units = 0;
  guint total = 0;

  g_return_val_if_fail (CS_IS_STORE (self), 0);

  per_category = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (self->db != NULL
      && (stmt = get_statement (self,
                                "SELECT category, COUNT(*), TOTAL(quantity) FROM asset "
                                "GROUP BY category ORDER BY category",
                                NULL)) != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *category = (const char *) sqlite3_column_text (stmt, 0);
          guint count = sqlite3_column_int (stmt, 1);

          total += count;
          units += (guint64) sqlite3_column_double (stmt, 2);
          g_hash_table_insert (per_category, g_strdup (category != NULL ? category : ""),
                               GUINT_TO_POINTER (count));
        }
      sqlite3_reset (stmt);
    }

  if (out_units != NULL)
    *out_units = units;
  if (out_per_category != NULL)
    *out_per_category = g_steal_pointer (&per_category);

  return total;
}

static gboolean
insert_row (CsStore   *self,
            CsRecord  *record,
            gboolean   keep_id,
            GError   **error)
{
  const CsEntity *entity = cs_record_get_entity (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int param = 1;

  g_string_append_printf (sql, "INSERT INTO \"%s\" (%s", entity->table, keep_id ? "id, " : "");
  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", entity->fields[i].column);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < entity->n_fields + (keep_id ? 1 : 0); i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");

  stmt = get_statement (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  if (keep_id)
    sqlite3_bind_int64 (stmt, param++, cs_record_get_id (record));
  for (guint i = 0; i < entity->n_fields; i++)
    bind_field (stmt, param++, &entity->fields[i], cs_record_peek_value (record, i));

  if (!step_done (self, stmt, _("adding an item"), error))
    return FALSE;

  if (!keep_id)
    cs_record_set_id (record, sqlite3_last_insert_rowid (self->db));

  return TRUE;
}

static void
cache_added (CsStore  *self,
             CsRecord *record)
{
  GType type = G_OBJECT_TYPE (record);
  const CsEntity *entity = cs_record_get_entity (record);
  gint64 parent_id = entity->parent != NULL ? cs_record_get_parent_id (record) : 0;
  GListStore *list = NULL;

  mark_caches (self);
  cache_insert (self, cache_key (type, cs_record_get_id (record)), g_object_ref (record), TRUE);

  list = peek_list (self, type, parent_id);
  if (list != NULL)
    list_insert_sorted (list, record);

  g_signal_emit (self, signals[RECORD_ADDED], 0, record);
}

static gboolean
next_position (CsStore   *self,
               CsRecord  *record,
               GError   **error)
{
  const CsEntity *entity = cs_record_get_entity (record);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint index = 0;

  if (cs_entity_find_field (entity, "position", &index) == NULL
      || g_value_get_int64 (cs_record_peek_value (record, index)) != 0)
    return TRUE;

  if (entity->parent != NULL)
    sql = g_strdup_printf ("SELECT COALESCE(MAX(position), 0) + 1 FROM \"%s\" WHERE \"%s\" = ?1",
                           entity->table, entity->parent);
  else
    sql = g_strdup_printf ("SELECT COALESCE(MAX(position), 0) + 1 FROM \"%s\"", entity->table);

  stmt = get_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (entity->parent != NULL)
    sqlite3_bind_int64 (stmt, 1, cs_record_get_parent_id (record));

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, MIN (sqlite3_column_int64 (stmt, 0), G_MAXINT32));
      cs_record_take_value (record, index, &value);
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
add_offer_sections (CsStore   *self,
                    CsRecord  *offer,
                    GError   **error)
{
  const GType one_per_offer[] = {
    CS_TYPE_SLA_TERMS, CS_TYPE_SUBCONTRACTING, CS_TYPE_EXIT_TERMS, CS_TYPE_TERMS,
  };
  gint64 offer_id = cs_record_get_id (offer);

  for (guint i = 0; i < G_N_ELEMENTS (one_per_offer); i++)
    {
      g_autoptr(CsRecord) section = g_object_new (one_per_offer[i], "offer-id", offer_id, NULL);

      if (!insert_row (self, section, FALSE, error))
        return FALSE;
      cache_added (self, section);
    }

  for (guint priority = 1; priority <= 4; priority++)
    {
      g_autoptr(CsRecord) target = g_object_new (CS_TYPE_SLA_TARGET,
                                                 "offer-id", offer_id,
                                                 "kind", "incident",
                                                 "priority", (gint64) priority,
                                                 NULL);

      if (!insert_row (self, target, FALSE, error))
        return FALSE;
      cache_added (self, target);
    }

  for (guint i = 0; i < G_N_ELEMENTS (default_controls); i++)
    {
      g_autoptr(CsRecord) control = g_object_new (CS_TYPE_SECURITY_CONTROL,
                                                  "offer-id", offer_id,
                                                  "control", default_controls[i],
                                                  NULL);

      if (!insert_row (self, control, FALSE, error))
        return FALSE;
      cache_added (self, control);
    }

  return TRUE;
}

/**
 * cs_store_add:
 * @self: a store
 * @record: a new record (id 0) whose fields are set
 * @error: return location for a #CsStoreError
 *
 * Validates @record, inserts it and commits. On success @record has its id, is cached and
 * appears in the live lists. A new offer comes with its section records (SLA terms, four
 * incident priorities, the security controls, subcontracting, exit and contract terms).
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
cs_store_add (CsStore   *self,
              CsRecord  *record,
              GError   **error)
{
  const CsEntity *entity = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (cs_record_get_id (record) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  entity = cs_record_get_entity (record);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      g_auto(GValue) checked = G_VALUE_INIT;

      if (!validate_value (entity, &entity->fields[i], cs_record_peek_value (record, i),
                           &checked, error))
        return FALSE;
      _cs_record_load_value (record, i, &checked);
    }

  if (entity->parent != NULL && cs_record_get_parent_id (record) == 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The item belongs to no offer; nothing was changed."));
      return FALSE;
    }

  if (!begin (self, error))
    return FALSE;

  if (!next_position (self, record, error)
      || !insert_row (self, record, FALSE, error)
      || (CS_IS_OFFER (record) && !add_offer_sections (self, record, error)))
    {
      rollback (self);
      cs_record_set_id (record, 0);
      return FALSE;
    }

  cache_added (self, record);

  if (!commit (self, error))
    {
      cs_record_set_id (record, 0);
      return FALSE;
    }

  flush_saved (self);

  return TRUE;
}

/* A change to a column the lists are ordered by moves the record in its cached list. */
static void
resort_cached (CsStore    *self,
               CsRecord   *record,
               const char *column)
{
  const CsEntity *entity = cs_record_get_entity (record);
  g_auto(GStrv) columns = g_strsplit (entity->order_by, ",", -1);
  GListStore *list = NULL;
  guint position = 0;
  gboolean ordered = FALSE;

  for (guint i = 0; columns[i] != NULL; i++)
    if (g_str_equal (g_strstrip (columns[i]), column))
      ordered = TRUE;

  if (!ordered)
    return;

  list = peek_list (self, G_OBJECT_TYPE (record),
                    entity->parent != NULL ? cs_record_get_parent_id (record) : 0);
  if (list == NULL || !g_list_store_find (list, record, &position))
    return;

  g_object_ref (record);
  g_list_store_remove (list, position);
  g_list_store_insert_sorted (list, record, compare_records, NULL);
  g_object_unref (record);
}

/**
 * cs_store_set_value:
 * @self: a store
 * @record: a stored record
 * @column: the field to change (column or property name)
 * @value: the new value, of the field's type or one that transforms to it
 * @error: return location for a #CsStoreError
 *
 * Writes one field and commits; only then updates @record (which notifies the property).
 *
 * Returns: %TRUE on success; on failure the file and @record are unchanged
 */
gboolean
cs_store_set_value (CsStore       *self,
                    CsRecord      *record,
                    const char    *column,
                    const GValue  *value,
                    GError       **error)
{
  const CsEntity *entity = NULL;
  const CsField *field = NULL;
  g_auto(GValue) checked = G_VALUE_INIT;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint index = 0;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  entity = cs_record_get_entity (record);
  field = cs_entity_find_field (entity, column, &index);
  if (field == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("There is no field “%s”; nothing was changed."), column);
      return FALSE;
    }

  if (cs_record_get_id (record) == 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The item is not part of the project; nothing was changed."));
      return FALSE;
    }

  if (!validate_value (entity, field, value, &checked, error))
    return FALSE;

  sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE id = ?2",
                         entity->table, field->column);
  stmt = get_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_field (stmt, 1, field, &checked);
  sqlite3_bind_int64 (stmt, 2, cs_record_get_id (record));

  if (!begin (self, error))
    return FALSE;

  if (!step_done (self, stmt, _("saving the change"), error))
    {
      rollback (self);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The item no longer exists; nothing was changed."));
      return FALSE;
    }

  if (!commit (self, error))
    return FALSE;

  mark_caches (self);
  cs_record_take_value (record, index, &checked);
  resort_cached (self, record, field->column);
  g_signal_emit (self, signals[RECORD_CHANGED], 0, record, field->column);
  flush_saved (self);

  return TRUE;
}

/**
 * cs_store_set_string:
 * @self: a store
 * @record: a stored record
 * @column: a text, choice or date field
 * @value: (nullable): the new text; %NULL is the same as ""
 * @error: return location for a #CsStoreError
 *
 * See cs_store_set_value().
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_set_string (CsStore     *self,
                     CsRecord    *record,
                     const char  *column,
                     const char  *value,
                     GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value != NULL ? value : "");

  return cs_store_set_value (self, record, column, &gvalue, error);
}

/**
 * cs_store_set_int:
 * @self: a store
 * @record: a stored record
 * @column: a whole-number or reference field
 * @value: the new value
 * @error: return location for a #CsStoreError
 *
 * See cs_store_set_value().
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_set_int (CsStore     *self,
                  CsRecord    *record,
                  const char  *column,
                  gint64       value,
                  GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT64);
  g_value_set_int64 (&gvalue, value);

  return cs_store_set_value (self, record, column, &gvalue, error);
}

/**
 * cs_store_set_number:
 * @self: a store
 * @record: a stored record
 * @column: a number field
 * @value: the new value, or NaN for "not stated"
 * @error: return location for a #CsStoreError
 *
 * See cs_store_set_value().
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_set_number (CsStore     *self,
                     CsRecord    *record,
                     const char  *column,
                     double       value,
                     GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_DOUBLE);
  g_value_set_double (&gvalue, value);

  return cs_store_set_value (self, record, column, &gvalue, error);
}

/**
 * cs_store_set_boolean:
 * @self: a store
 * @record: a stored record
 * @column: a boolean field
 * @value: the new value
 * @error: return location for a #CsStoreError
 *
 * See cs_store_set_value().
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_set_boolean (CsStore     *self,
                      CsRecord    *record,
                      const char  *column,
                      gboolean     value,
                      GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_BOOLEAN);
  g_value_set_boolean (&gvalue, value);

  return cs_store_set_value (self, record, column, &gvalue, error);
}

/* Collects @type/@id and everything that cascades from it, parents first. */
static gboolean
collect_deletion (CsStore     *self,
                  GType        type,
                  gint64       id,
                  CsDeletion  *deletion,
                  GError     **error)
{
  const CsEntity *entity = cs_record_type_get_entity (type);
  g_autofree char *sql = select_sql (entity, "id = ?1");
  sqlite3_stmt *stmt = get_statement (self, sql, error);
  const GType *types = NULL;
  guint n_types = 0;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  g_ptr_array_add (deletion->rows, record_from_row (type, entity, stmt));
  sqlite3_reset (stmt);

  types = cs_model_get_record_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      const CsEntity *child = cs_record_type_get_entity (types[t]);

      for (guint f = 0; f < child->n_fields; f++)
        {
          const CsField *field = &child->fields[f];
          g_autofree char *ids_sql = NULL;
          g_autoptr(GArray) ids = NULL;
          sqlite3_stmt *ids_stmt = NULL;

          if (field->type != CS_FIELD_REF || g_strcmp0 (field->ref_table, entity->table) != 0)
            continue;

          ids_sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?1 ORDER BY id",
                                     child->table, field->column);
          ids_stmt = get_statement (self, ids_sql, error);
          if (ids_stmt == NULL)
            return FALSE;

          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          sqlite3_bind_int64 (ids_stmt, 1, id);
          while (sqlite3_step (ids_stmt) == SQLITE_ROW)
            {
              gint64 child_id = sqlite3_column_int64 (ids_stmt, 0);

              g_array_append_val (ids, child_id);
            }
          sqlite3_reset (ids_stmt);

          for (guint i = 0; i < ids->len; i++)
            {
              gint64 child_id = g_array_index (ids, gint64, i);

              if (field->ref_action == CS_REF_CASCADE)
                {
                  if (!collect_deletion (self, types[t], child_id, deletion, error))
                    return FALSE;
                }
              else
                {
                  ClearedRef cleared = { types[t], field->column, child_id };

                  g_array_append_val (deletion->cleared, cleared);
                }
            }
        }
    }

  return TRUE;
}

static void
cache_removed (CsStore  *self,
               CsRecord *row)
{
  GType type = G_OBJECT_TYPE (row);
  const CsEntity *entity = cs_record_get_entity (row);
  g_autofree char *key = cache_key (type, cs_record_get_id (row));
  CsRecord *cached = cache_lookup (self, key);
  GListStore *list = NULL;

  if (cached == NULL)
    return;

  mark_caches (self);
  list = peek_list (self, type, entity->parent != NULL ? cs_record_get_parent_id (cached) : 0);
  if (list != NULL)
    list_remove (list, cached);

  if (self->savepoint_depth > 0)
    g_hash_table_insert (self->limbo, g_strdup (key), g_object_ref (cached));
  g_object_ref (cached);
  g_hash_table_remove (self->records, key);
  g_signal_emit (self, signals[RECORD_REMOVED], 0, cached);
  g_object_unref (cached);
}

static void
set_cached_ref (CsStore    *self,
                GType       type,
                const char *column,
                gint64      id,
                gint64      value)
{
  g_autofree char *key = cache_key (type, id);
  CsRecord *cached = cache_lookup (self, key);
  g_auto(GValue) gvalue = G_VALUE_INIT;
  guint index = 0;

  if (cached == NULL || cs_entity_find_field (cs_record_get_entity (cached), column, &index) == NULL)
    return;

  mark_caches (self);
  g_value_init (&gvalue, G_TYPE_INT64);
  g_value_set_int64 (&gvalue, value);
  cs_record_take_value (cached, index, &gvalue);
  g_signal_emit (self, signals[RECORD_CHANGED], 0, cached, column);
}

/**
 * cs_store_delete:
 * @self: a store
 * @record: a stored record
 * @error: return location for a #CsStoreError
 *
 * Deletes @record and everything that belongs to it (deleting an offer deletes its sections;
 * deleting a site leaves its assets without a site) in one transaction.
 *
 * Returns: (transfer full) (nullable): what was deleted, for cs_store_undelete(); %NULL on
 *   failure, when nothing was changed
 */
CsDeletion *
cs_store_delete (CsStore   *self,
                 CsRecord  *record,
                 GError   **error)
{
  g_autoptr(CsDeletion) deletion = NULL;
  const CsEntity *entity = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (CS_IS_RECORD (record), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_writable (self, error))
    return NULL;

  if (CS_IS_PROJECT (record))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The project record cannot be deleted; nothing was changed."));
      return NULL;
    }

  deletion = g_new0 (CsDeletion, 1);
  g_atomic_ref_count_init (&deletion->ref_count);
  deletion->record = g_object_ref (record);
  deletion->rows = g_ptr_array_new_with_free_func (g_object_unref);
  deletion->cleared = g_array_new (FALSE, FALSE, sizeof (ClearedRef));

  if (!begin (self, error))
    return NULL;

  if (!collect_deletion (self, G_OBJECT_TYPE (record), cs_record_get_id (record), deletion, error))
    {
      rollback (self);
      return NULL;
    }

  if (deletion->rows->len == 0)
    {
      rollback (self);
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The item no longer exists; nothing was changed."));
      return NULL;
    }

  entity = cs_record_get_entity (record);
  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?1", entity->table);
  stmt = get_statement (self, sql, error);
  if (stmt == NULL)
    {
      rollback (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, cs_record_get_id (record));

  if (!step_done (self, stmt, _("deleting an item"), error))
    {
      rollback (self);
      return NULL;
    }

  if (!commit (self, error))
    return NULL;

  /* Children last to first, so that lists never hold an item whose parent is gone. */
  for (guint i = deletion->rows->len; i > 0; i--)
    cache_removed (self, g_ptr_array_index (deletion->rows, i - 1));
  for (guint i = 0; i < deletion->cleared->len; i++)
    {
      ClearedRef *cleared = &g_array_index (deletion->cleared, ClearedRef, i);

      set_cached_ref (self, cleared->type, cleared->column, cleared->id, 0);
    }
  flush_saved (self);

  return g_steal_pointer (&deletion);
}

/**
 * cs_store_undelete:
 * @self: a store
 * @deletion: what cs_store_delete() returned
 * @error: return location for a #CsStoreError
 *
 * Puts back everything @deletion removed, with the same ids, and restores the references it
 * cleared, in one transaction. The restored record is the same object that was deleted.
 *
 * Returns: %TRUE on success; on failure nothing was changed
 */
gboolean
cs_store_undelete (CsStore     *self,
                   CsDeletion  *deletion,
                   GError     **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (deletion != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < deletion->rows->len; i++)
    {
      if (!insert_row (self, g_ptr_array_index (deletion->rows, i), TRUE, error))
        {
          rollback (self);
          return FALSE;
        }
    }

  for (guint i = 0; i < deletion->cleared->len; i++)
    {
      ClearedRef *cleared = &g_array_index (deletion->cleared, ClearedRef, i);
      const CsEntity *entity = cs_record_type_get_entity (cleared->type);
      g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE id = ?2",
                                              entity->table, cleared->column);
      sqlite3_stmt *stmt = get_statement (self, sql, error);

      if (stmt == NULL)
        {
          rollback (self);
          return FALSE;
        }

      sqlite3_bind_int64 (stmt, 1, cs_record_get_id (g_ptr_array_index (deletion->rows, 0)));
      sqlite3_bind_int64 (stmt, 2, cleared->id);
      if (!step_done (self, stmt, _("restoring an item"), error))
        {
          rollback (self);
          return FALSE;
        }
    }

  if (!commit (self, error))
    return FALSE;

  for (guint i = 0; i < deletion->rows->len; i++)
    {
      CsRecord *row = g_ptr_array_index (deletion->rows, i);

      /* The deleted object itself comes back, so that widgets holding it stay valid. */
      cache_added (self, i == 0 ? deletion->record : row);
    }
  for (guint i = 0; i < deletion->cleared->len; i++)
    {
      ClearedRef *cleared = &g_array_index (deletion->cleared, ClearedRef, i);

      set_cached_ref (self, cleared->type, cleared->column, cleared->id,
                      cs_record_get_id (deletion->record));
    }
  flush_saved (self);

  return TRUE;
}

/**
 * cs_store_batch:
 * @self: a store
 * @func: (scope call): makes the changes, through the store's own calls
 * @user_data: data for @func
 * @error: return location for an error
 *
 * Runs @func inside one transaction: either every change it makes reaches the file, or none
 * does (and the records and lists are put back as they were). #CsStore::saved is emitted once.
 *
 * Returns: %TRUE if @func succeeded and its changes were committed
 */
gboolean
cs_store_batch (CsStore           *self,
                CsStoreBatchFunc   func,
                gpointer           user_data,
                GError           **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !begin (self, error))
    return FALSE;

  if (!func (self, user_data, error))
    {
      rollback (self);
      return FALSE;
    }

  if (!commit (self, error))
    return FALSE;

  flush_saved (self);

  return TRUE;
}

/**
 * cs_store_save_copy:
 * @self: a store
 * @destination: where to write the copy
 * @error: return location for a #CsStoreError
 *
 * Writes a complete, compacted copy of the project with `VACUUM INTO`, under a temporary name
 * that is renamed to @destination only when complete (replacing it, as the file chooser
 * confirmed). The open project is not changed.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_save_copy (CsStore     *self,
                    const char  *destination,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int fd, rc;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_filename_display_basename (destination);

  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED,
                   _("The project is closed; no copy was written."));
      return FALSE;
    }

  {
    g_autoptr(GFile) a = g_file_new_for_path (destination);
    g_autoptr(GFile) b = g_file_new_for_path (self->path);

    if (g_file_equal (a, b))
      {
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_EXISTS,
                     _("A copy cannot replace the open project itself; choose another name."));
        return FALSE;
      }
  }

  dir = g_path_get_dirname (destination);
  base = g_path_get_basename (destination);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("The copy “%s” could not be written: %s."),
                   display_name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  /* VACUUM INTO wants to create the file itself. */
  g_unlink (tmp_path);

  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, tmp_path, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("writing the copy"));
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, destination) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("The copy “%s” could not be written: %s."),
                   display_name, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Perimeter: lazy asset lists, coverage in bulk, bulk import */

static const char *
asset_sort_key (CsAssetSort sort)
{
  switch (sort)
    {
    case CS_ASSET_SORT_CATEGORY:
      return "a.category";
    case CS_ASSET_SORT_NAME:
      return "a.name COLLATE NOCASE";
    case CS_ASSET_SORT_SITE:
      return "COALESCE(s.name, '') COLLATE NOCASE";
    case CS_ASSET_SORT_QUANTITY:
      return "a.quantity";
    case CS_ASSET_SORT_CRITICALITY:
      return "a.criticality";
    case CS_ASSET_SORT_OWNER:
      return "a.owner COLLATE NOCASE";
    case CS_ASSET_SORT_VENDOR:
      return "a.vendor COLLATE NOCASE";
    case CS_ASSET_SORT_NOTES:
      return "a.notes COLLATE NOCASE";
    case CS_ASSET_SORT_COVERAGE:
      return "(CASE COALESCE(c.state, 'not_addressed') WHEN 'not_addressed' THEN 0 "
             "WHEN 'managed' THEN 1 WHEN 'partial' THEN 2 ELSE 3 END)";
    case CS_ASSET_SORT_ID:
    default:
      return "a.id";
    }
}

#define COVERAGE_INDEX_SQL \
  "(CASE COALESCE(c.state, 'not_addressed') WHEN 'not_addressed' THEN 0 " \
  "WHEN 'managed' THEN 1 WHEN 'partial' THEN 2 ELSE 3 END)"

/*
 * asset_query_sql:
 * Builds the SELECT of an asset list from the fixed pieces above; every value is a numbered
 * parameter (?1 categories, ?2 site, ?3 criticalities, ?4 offer, ?5 coverage states,
 * ?6 search pattern, ?7 sort key, ?8 id), bound by bind_asset_query(). The text depends only
 * on which filters are on, so the prepared statements stay few.
 */
static char *
asset_query_sql (const CsAssetQuery *query,
                 const char         *what,
                 const char         *extra_where)
{
  GString *sql = g_string_new (NULL);
  gboolean join_coverage = query->offer_id > 0
                           && (query->coverage_states != 0 || query->sort == CS_ASSET_SORT_COVERAGE);

  g_string_append_printf (sql, "SELECT %s FROM asset a", what);
  if (query->sort == CS_ASSET_SORT_SITE)
    g_string_append (sql, " LEFT JOIN site s ON s.id = a.site_id");
  if (join_coverage)
    g_string_append (sql, " LEFT JOIN coverage c ON c.asset_id = a.id AND c.offer_id = ?4");
  g_string_append (sql, " WHERE 1");
  if (query->categories != 0)
    g_string_append (sql, " AND instr(?1, ',' || a.category || ',') > 0");
  if (query->site_id == CS_ASSET_SITE_NONE)
    g_string_append (sql, " AND a.site_id IS NULL");
  else if (query->site_id > 0)
    g_string_append (sql, " AND a.site_id = ?2");
  if (query->criticalities != 0)
    g_string_append (sql, " AND ((?3 >> a.criticality) & 1) = 1");
  if (join_coverage && query->coverage_states != 0)
    g_string_append (sql, " AND ((?5 >> " COVERAGE_INDEX_SQL ") & 1) = 1");
  if (query->search != NULL && *query->search != '\0')
    g_string_append (sql, " AND (a.name LIKE ?6 ESCAPE '\\' OR a.owner LIKE ?6 ESCAPE '\\'"
                          " OR a.vendor LIKE ?6 ESCAPE '\\' OR a.model LIKE ?6 ESCAPE '\\'"
                          " OR a.serial LIKE ?6 ESCAPE '\\' OR a.notes LIKE ?6 ESCAPE '\\')");
  if (extra_where != NULL)
    g_string_append_printf (sql, " AND %s", extra_where);

  return g_string_free (sql, FALSE);
}

static void
bind_asset_query (sqlite3_stmt       *stmt,
                  const CsAssetQuery *query)
{
  const char * const *categories = cs_asset_categories ();
  g_autoptr(GString) list = g_string_new (",");
  g_autoptr(GString) pattern = g_string_new ("%");
  int index;

  for (guint i = 0; categories[i] != NULL && i < 32; i++)
    if (query->categories & (1u << i))
      g_string_append_printf (list, "%s,", categories[i]);

  if (query->search != NULL)
    {
      for (const char *p = query->search; *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
    }
  g_string_append_c (pattern, '%');

  if ((index = sqlite3_bind_parameter_index (stmt, "?1")) > 0)
    sqlite3_bind_text (stmt, index, list->str, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, "?2")) > 0)
    sqlite3_bind_int64 (stmt, index, query->site_id);
  if ((index = sqlite3_bind_parameter_index (stmt, "?3")) > 0)
    sqlite3_bind_int64 (stmt, index, query->criticalities);
  if ((index = sqlite3_bind_parameter_index (stmt, "?4")) > 0)
    sqlite3_bind_int64 (stmt, index, query->offer_id);
  if ((index = sqlite3_bind_parameter_index (stmt, "?5")) > 0)
    sqlite3_bind_int64 (stmt, index, query->coverage_states);
  if ((index = sqlite3_bind_parameter_index (stmt, "?6")) > 0)
    sqlite3_bind_text (stmt, index, pattern->str, -1, SQLITE_TRANSIENT);
}

/**
 * cs_store_query_asset_ids:
 * @self: a store
 * @query: the filters and order
 * @error: return location for a #CsStoreError
 *
 * Runs @query and returns the ids only: no record is created, so that a list of 100,000 assets
 * costs 800 KB until its rows are shown (materialise them with cs_store_find()).
 *
 * Returns: (transfer full) (element-type gint64): the asset ids in order, or %NULL with @error set
 */
GArray *
cs_store_query_asset_ids (CsStore            *self,
                          const CsAssetQuery *query,
                          GError            **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *order = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED, _("The project is closed."));
      return NULL;
    }

  order = asset_query_sql (query, "a.id", NULL);
  sql = g_strdup_printf ("%s ORDER BY %s %s, a.id %s", order, asset_sort_key (query->sort),
                         query->descending ? "DESC" : "ASC", query->descending ? "DESC" : "ASC");
  stmt = get_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_asset_query (stmt, query);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("reading the inventory"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * cs_store_locate_asset:
 * @self: a store
 * @query: the filters and order of a list
 * @asset_id: an asset id
 * @out_position: (out) (optional): where the asset sorts in the list
 *
 * Finds where one asset belongs in the list @query describes, without querying the whole
 * list, so that a lazy list can insert or move one row after an edit.
 *
 * Returns: %TRUE if the asset exists and matches the filters of @query
 */
gboolean
cs_store_locate_asset (CsStore            *self,
                       const CsAssetQuery *query,
                       gint64              asset_id,
                       guint              *out_position)
{
  g_autofree char *key_sql = NULL;
  g_autofree char *select = NULL;
  g_autofree char *count_sql = NULL;
  g_autofree char *where = NULL;
  sqlite3_value *key = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (self->db == NULL)
    return FALSE;

  select = g_strdup_printf ("%s AS k", asset_sort_key (query->sort));
  key_sql = asset_query_sql (query, select, "a.id = ?8");
  stmt = get_statement (self, key_sql, NULL);
  if (stmt == NULL)
    return FALSE;
  bind_asset_query (stmt, query);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "?8"), asset_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      key = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
    }
  sqlite3_reset (stmt);

  if (!found || out_position == NULL)
    {
      sqlite3_value_free (key);
      return found;
    }

  where = g_strdup_printf ("(%1$s %2$s ?7 OR (%1$s = ?7 AND a.id %2$s ?8))",
                           asset_sort_key (query->sort), query->descending ? ">" : "<");
  count_sql = asset_query_sql (query, "COUNT(*)", where);
  stmt = get_statement (self, count_sql, NULL);
  *out_position = 0;
  if (stmt != NULL)
    {
      bind_asset_query (stmt, query);
      sqlite3_bind_value (stmt, sqlite3_bind_parameter_index (stmt, "?7"), key);
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "?8"), asset_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *out_position = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  sqlite3_value_free (key);

  return TRUE;
}

/* Coverage */

typedef struct
{
  gint64  id;
  gint64  asset_id;
  char   *state;
  char   *note;
  char   *reference;
} CoverageRow;

struct _CsCoverageChange
{
  gatomicrefcount  ref_count;
  gint64           offer_id;
  GArray          *asset_ids;
  GArray          *rows;
};

G_DEFINE_BOXED_TYPE (CsCoverageChange, cs_coverage_change,
                     cs_coverage_change_ref, cs_coverage_change_unref)

static void
clear_coverage_row (gpointer data)
{
  CoverageRow *row = data;

  g_free (row->state);
  g_free (row->note);
  g_free (row->reference);
}

/**
 * cs_coverage_change_ref:
 * @change: a coverage change
 *
 * Returns: (transfer full): @change
 */
CsCoverageChange *
cs_coverage_change_ref (CsCoverageChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  g_atomic_ref_count_inc (&change->ref_count);
  return change;
}

/**
 * cs_coverage_change_unref:
 * @change: (transfer full): a coverage change
 *
 * Drops a reference to @change.
 */
void
cs_coverage_change_unref (CsCoverageChange *change)
{
  g_return_if_fail (change != NULL);

  if (!g_atomic_ref_count_dec (&change->ref_count))
    return;

  g_array_unref (change->asset_ids);
  g_array_unref (change->rows);
  g_free (change);
}

/**
 * cs_coverage_change_get_n_assets:
 * @change: a coverage change
 *
 * Returns: how many assets the change was asked for (for "Coverage of 12 assets changed")
 */
guint
cs_coverage_change_get_n_assets (CsCoverageChange *change)
{
  g_return_val_if_fail (change != NULL, 0);

  return change->asset_ids->len;
}

/* Re-reads the cached records of @type after a change made in SQL without them. */
static void
refresh_cached_type (CsStore *self,
                     GType    type)
{
  const CsEntity *entity = cs_record_type_get_entity (type);
  g_autofree char *prefix = g_strdup_printf ("%s:", g_type_name (type));
  g_autofree char *sql = select_sql (entity, "id = ?1");
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cached = cache_snapshot (self, prefix);
  GHashTableIter iter;
  gpointer key, value;

  for (guint c = 0; c < cached->len; c++)
    {
      CsRecord *record = g_ptr_array_index (cached, c);
      sqlite3_stmt *stmt = NULL;

      if ((stmt = get_statement (self, sql, NULL)) == NULL)
        continue;

      sqlite3_bind_int64 (stmt, 1, cs_record_get_id (record));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (guint i = 0; i < entity->n_fields; i++)
            {
              g_auto(GValue) field_value = G_VALUE_INIT;

              read_field (stmt, i + 1, &entity->fields[i], &field_value);
              cs_record_take_value (record, i, &field_value);
            }
        }
      else
        {
          g_ptr_array_add (gone, g_object_ref (record));
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < gone->len; i++)
    cache_removed (self, g_ptr_array_index (gone, i));

  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = NULL;
      g_autoptr(GPtrArray) items = NULL;

      if (!g_str_has_prefix (key, prefix))
        continue;
      parts = g_strsplit (key, ":", 2);
      items = query_list (self, type, g_ascii_strtoll (parts[1], NULL, 10));
      g_list_store_splice (G_LIST_STORE (value), 0,
                           g_list_model_get_n_items (G_LIST_MODEL (value)),
                           items->pdata, items->len);
    }
}

static gboolean
fill_id_table (CsStore       *self,
               const gint64  *ids,
               guint          n_ids,
               GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!exec_sql (self->db,
                 "CREATE TEMP TABLE IF NOT EXISTS cs_ids (id INTEGER PRIMARY KEY);"
                 "DELETE FROM temp.cs_ids;",
                 _("saving the change"), error))
    return FALSE;

  stmt = get_statement (self, "INSERT OR IGNORE INTO temp.cs_ids (id) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if (!step_done (self, stmt, _("saving the change"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
snapshot_coverage (CsStore           *self,
                   CsCoverageChange  *change,
                   GError           **error)
{
  sqlite3_stmt *stmt = get_statement (self,
                                      "SELECT id, asset_id, state, note, reference FROM coverage "
                                      "WHERE offer_id = ?1 AND asset_id IN (SELECT id FROM temp.cs_ids)",
                                      error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, change->offer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CoverageRow row = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
      };

      g_array_append_val (change->rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("reading the coverage"));

  return TRUE;
}

static void
coverage_changed (CsStore *self,
                  gint64   offer_id)
{
  refresh_cached_type (self, CS_TYPE_COVERAGE);
  g_signal_emit (self, signals[COVERAGE_CHANGED], 0, offer_id);
}

/**
 * cs_store_set_coverage:
 * @self: a store
 * @offer_id: an offer id
 * @asset_ids: (array length=n_asset_ids): the assets (a selection, or every id of a filtered
 *   list from cs_store_query_asset_ids()); ids of missing assets are ignored
 * @n_asset_ids: the number of @asset_ids
 * @state: the coverage to record
 * @note: (nullable): the note to record, or %NULL to keep each asset's note
 * @reference: (nullable): the contract reference to record, or %NULL to keep each one's
 * @error: return location for a #CsStoreError
 *
 * Sets the coverage of many assets by one offer in one transaction. "Not addressed" with no
 * note and no reference removes the coverage rows (no row means not addressed). Emits
 * #CsStore::coverage-changed once; cached #CsCoverage records are updated.
 *
 * Returns: (transfer full) (nullable): what was replaced, for cs_store_restore_coverage()
 *   (Undo); %NULL with @error set when nothing was changed
 */
CsCoverageChange *
cs_store_set_coverage (CsStore          *self,
                       gint64            offer_id,
                       const gint64     *asset_ids,
                       guint             n_asset_ids,
                       CsCoverageState   state,
                       const char       *note,
                       const char       *reference,
                       GError          **error)
{
  static const char * const states[] = { "not_addressed", "managed", "partial", "excluded" };
  g_autoptr(CsCoverageChange) change = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean remove = FALSE;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (asset_ids != NULL || n_asset_ids == 0, NULL);
  g_return_val_if_fail (state < CS_N_COVERAGE_STATES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_writable (self, error))
    return NULL;

  if (cs_store_find (self, CS_TYPE_OFFER, offer_id) == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The offer no longer exists; nothing was changed."));
      return NULL;
    }

  if ((note != NULL && (strlen (note) > MAX_TEXT_LENGTH || !g_utf8_validate (note, -1, NULL)))
      || (reference != NULL
          && (strlen (reference) > MAX_TEXT_LENGTH || !g_utf8_validate (reference, -1, NULL))))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The note or reference is too long or not valid text; nothing was changed."));
      return NULL;
    }

  change = g_new0 (CsCoverageChange, 1);
  g_atomic_ref_count_init (&change->ref_count);
  change->offer_id = offer_id;
  change->asset_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_asset_ids);
  g_array_append_vals (change->asset_ids, asset_ids, n_asset_ids);
  change->rows = g_array_new (FALSE, FALSE, sizeof (CoverageRow));
  g_array_set_clear_func (change->rows, clear_coverage_row);

  remove = state == CS_COVERAGE_NOT_ADDRESSED
           && (note == NULL || *note == '\0') && (reference == NULL || *reference == '\0');

  if (!begin (self, error))
    return NULL;

  if (!fill_id_table (self, asset_ids, n_asset_ids, error)
      || !snapshot_coverage (self, change, error))
    {
      rollback (self);
      return NULL;
    }

  if (remove)
    stmt = get_statement (self,
                          "DELETE FROM coverage WHERE offer_id = ?1 "
                          "AND asset_id IN (SELECT id FROM temp.cs_ids)",
                          error);
  else
    stmt = get_statement (self,
                          "INSERT INTO coverage (offer_id, asset_id, state, note, reference) "
                          "SELECT ?1, t.id, ?2, COALESCE(?3, ''), COALESCE(?4, '') "
                          "FROM temp.cs_ids t JOIN asset a ON a.id = t.id WHERE 1 "
                          "ON CONFLICT (offer_id, asset_id) DO UPDATE SET state = excluded.state, "
                          "note = CASE WHEN ?3 IS NULL THEN note ELSE ?3 END, "
                          "reference = CASE WHEN ?4 IS NULL THEN reference ELSE ?4 END",
                          error);
  if (stmt == NULL)
    {
      rollback (self);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, offer_id);
  if (!remove)
    {
      sqlite3_bind_text (stmt, 2, states[state], -1, SQLITE_STATIC);
      if (note != NULL)
        sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
      if (reference != NULL)
        sqlite3_bind_text (stmt, 4, reference, -1, SQLITE_TRANSIENT);
    }

  if (!step_done (self, stmt, _("saving the coverage"), error))
    {
      rollback (self);
      return NULL;
    }

  mark_caches (self);
  if (!commit (self, error))
    return NULL;

  coverage_changed (self, offer_id);
  flush_saved (self);

  return g_steal_pointer (&change);
}

/**
 * cs_store_restore_coverage:
 * @self: a store
 * @change: what cs_store_set_coverage() returned
 * @error: return location for a #CsStoreError
 *
 * Puts the coverage of the assets @change touched back as it was before, in one transaction
 * (assets deleted since are skipped).
 *
 * Returns: %TRUE on success; on failure nothing was changed
 */
gboolean
cs_store_restore_coverage (CsStore           *self,
                           CsCoverageChange  *change,
                           GError           **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !begin (self, error))
    return FALSE;

  if (!fill_id_table (self, (const gint64 *) (gpointer) change->asset_ids->data,
                      change->asset_ids->len, error)
      || (stmt = get_statement (self,
                                "DELETE FROM coverage WHERE offer_id = ?1 "
                                "AND asset_id IN (SELECT id FROM temp.cs_ids)",
                                error)) == NULL)
    {
      rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, change->offer_id);
  if (!step_done (self, stmt, _("restoring the coverage"), error))
    {
      rollback (self);
      return FALSE;
    }

  for (guint i = 0; i < change->rows->len; i++)
    {
      CoverageRow *row = &g_array_index (change->rows, CoverageRow, i);

      stmt = get_statement (self,
                            "INSERT INTO coverage (id, offer_id, asset_id, state, note, reference) "
                            "SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS "
                            "(SELECT 1 FROM asset WHERE id = ?3) "
                            "AND EXISTS (SELECT 1 FROM offer WHERE id = ?2)",
                            error);
      if (stmt == NULL)
        {
          rollback (self);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, row->id);
      sqlite3_bind_int64 (stmt, 2, change->offer_id);
      sqlite3_bind_int64 (stmt, 3, row->asset_id);
      sqlite3_bind_text (stmt, 4, row->state, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, row->note, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, row->reference, -1, SQLITE_STATIC);
      if (!step_done (self, stmt, _("restoring the coverage"), error))
        {
          rollback (self);
          return FALSE;
        }
    }

  mark_caches (self);
  if (!commit (self, error))
    return FALSE;

  coverage_changed (self, change->offer_id);
  flush_saved (self);

  return TRUE;
}

/**
 * cs_store_get_coverage_state:
 * @self: a store
 * @offer_id: an offer id
 * @asset_id: an asset id
 *
 * Returns: how @offer_id covers @asset_id (%CS_COVERAGE_NOT_ADDRESSED when nothing is recorded)
 */
CsCoverageState
cs_store_get_coverage_state (CsStore *self,
                             gint64   offer_id,
                             gint64   asset_id)
{
  CsCoverageState state = CS_COVERAGE_NOT_ADDRESSED;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), CS_COVERAGE_NOT_ADDRESSED);

  if (self->db == NULL
      || (stmt = get_statement (self,
                                "SELECT " COVERAGE_INDEX_SQL " FROM coverage c "
                                "WHERE c.offer_id = ?1 AND c.asset_id = ?2",
                                NULL)) == NULL)
    return state;

  sqlite3_bind_int64 (stmt, 1, offer_id);
  sqlite3_bind_int64 (stmt, 2, asset_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    state = CLAMP (sqlite3_column_int (stmt, 0), 0, CS_N_COVERAGE_STATES - 1);
  sqlite3_reset (stmt);

  return state;
}

/**
 * cs_store_find_coverage:
 * @self: a store
 * @offer_id: an offer id
 * @asset_id: an asset id
 *
 * Returns: (transfer none) (nullable): the coverage record of the pair, or %NULL when the offer
 *   does not address the asset
 */
CsCoverage *
cs_store_find_coverage (CsStore *self,
                        gint64   offer_id,
                        gint64   asset_id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  if (self->db == NULL
      || (stmt = get_statement (self,
                                "SELECT id FROM coverage WHERE offer_id = ?1 AND asset_id = ?2",
                                NULL)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, offer_id);
  sqlite3_bind_int64 (stmt, 2, asset_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id != 0 ? (CsCoverage *) cs_store_find (self, CS_TYPE_COVERAGE, id) : NULL;
}

/**
 * cs_store_count_coverage_states:
 * @self: a store
 * @offer_id: an offer id
 * @counts: (out caller-allocates): the number of asset records per #CsCoverageState
 * @out_critical_unmanaged: (out) (optional): the number of assets of criticality 1 the offer
 *   does not fully manage (not addressed, partial or excluded)
 * @error: return location for a #CsStoreError
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_count_coverage_states (CsStore  *self,
                                gint64    offer_id,
                                guint     counts[CS_N_COVERAGE_STATES],
                                guint    *out_critical_unmanaged,
                                GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  guint critical = 0;
  int rc;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (counts, 0, sizeof (guint) * CS_N_COVERAGE_STATES);
  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED, _("The project is closed."));
      return FALSE;
    }

  stmt = get_statement (self,
                        "SELECT " COVERAGE_INDEX_SQL ", COUNT(*), TOTAL(a.criticality = 1) "
                        "FROM asset a LEFT JOIN coverage c ON c.asset_id = a.id "
                        "AND c.offer_id = ?1 GROUP BY 1",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, offer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int state = CLAMP (sqlite3_column_int (stmt, 0), 0, CS_N_COVERAGE_STATES - 1);

      counts[state] += sqlite3_column_int (stmt, 1);
      if (state != CS_COVERAGE_MANAGED)
        critical += (guint) sqlite3_column_double (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("reading the coverage"));

  if (out_critical_unmanaged != NULL)
    *out_critical_unmanaged = critical;

  return TRUE;
}

/**
 * cs_store_reload:
 * @self: a store
 *
 * Refreshes every cached record and list from the file after a #CsStoreBulk committed, then
 * emits #CsStore::reloaded (lazy lists query again) and #CsStore::saved. Main thread only.
 */
void
cs_store_reload (CsStore *self)
{
  g_return_if_fail (CS_IS_STORE (self));
  g_return_if_fail (self->savepoint_depth == 0);

  if (self->db == NULL)
    return;

  reload_caches (self);
  g_signal_emit (self, signals[SAVED], 0);
}

/* Bulk import on a connection of its own */

enum {
  BULK_INSERT_ASSET,
  BULK_UPDATE_ASSET,
  BULK_INSERT_SITE,
  BULK_SAVE_MAPPING,
  N_BULK_STATEMENTS
};

static const char * const bulk_sql[N_BULK_STATEMENTS] = {
  "INSERT INTO asset (category, name, site_id, quantity, criticality, owner, vendor, model, "
  "serial, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  "UPDATE asset SET category = ?1, name = ?2, site_id = ?3, quantity = ?4, criticality = ?5, "
  "owner = ?6, vendor = ?7, model = ?8, serial = ?9, notes = ?10 WHERE id = ?11",
  "INSERT INTO site (name, position) VALUES (?1, (SELECT COALESCE(MAX(position), 0) + 1 FROM site))",
  "INSERT INTO import_mapping (signature, mapping) VALUES (?1, ?2) "
  "ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping",
};

/* Queued assets are inserted BULK_BATCH at a time by one multi-row INSERT: one statement
 * (and one statement journal) for 64 rows instead of one per row. */
#define BULK_BATCH         64
#define BULK_N_TEXTS       7
#define BULK_N_PARAMETERS  10

/* Indexes on the asset table dropped by cs_store_bulk_defer_indexes(): building them once at
 * the end from the sorted table is cheaper than updating them for each row. */
static const char * const bulk_deferrable_indexes[] = { "asset_site_id" };

typedef struct
{
  gsize   texts[BULK_N_TEXTS];  /* offsets in CsStoreBulk.texts */
  gint64  site_id;
  gint64  quantity;
  gint64  criticality;
} QueuedAsset;

struct _CsStoreBulk
{
  sqlite3      *db;
  sqlite3_stmt *statements[N_BULK_STATEMENTS];
  sqlite3_stmt *insert_batch;      /* BULK_BATCH rows */
  gboolean      in_transaction;

  QueuedAsset   queue[BULK_BATCH];
  guint         n_queued;
  GByteArray   *texts;             /* NUL-terminated texts of the queued assets */
  gint64        next_id;           /* id of the next queued asset; 0: not read yet */
  GPtrArray    *deferred_indexes;  /* CREATE INDEX statements to run before the commit */
};

/**
 * cs_store_bulk_new:
 * @self: a store open for editing
 * @error: return location for a #CsStoreError
 *
 * Opens a second connection to the project file of @self, for one bulk import. Create it on
 * the main thread, then use it from one worker thread only. While it holds its transaction the
 * main thread may still read through @self (lists, cs_store_find()), but its changes would be
 * refused as "in use": keep editing off until the import finished, then call cs_store_reload().
 *
 * Returns: (transfer full) (nullable): the bulk writer, or %NULL with @error set
 */
CsStoreBulk *
cs_store_bulk_new (CsStore  *self,
                   GError  **error)
{
  g_autoptr(CsStoreBulk) bulk = NULL;
  g_autoptr(GString) sql = NULL;
  int rc;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_writable (self, error))
    return NULL;

  bulk = g_new0 (CsStoreBulk, 1);
  rc = sqlite3_open_v2 (self->path, &bulk->db,
                        /* One thread at a time uses it (see above): no mutex per call. */
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, bulk->db, rc, _("opening the project"));
      return NULL;
    }

  /* A large page cache keeps the whole import in memory until the commit, so that readers on
   * the main connection are not locked out by a spill; the busy timeout waits for them. */
  if (!configure_connection (bulk->db, error)
      || !exec_sql (bulk->db,
                    "PRAGMA synchronous = FULL;"
                    "PRAGMA cache_size = -131072;",
                    _("opening the project"), error))
    return NULL;
  sqlite3_busy_timeout (bulk->db, 10000);

  for (guint i = 0; i < N_BULK_STATEMENTS; i++)
    {
      rc = sqlite3_prepare_v3 (bulk->db, bulk_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &bulk->statements[i], NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, bulk->db, rc, _("opening the project"));
          return NULL;
        }
    }

  sql = g_string_new ("INSERT INTO asset (category, name, site_id, quantity, criticality, owner, "
                      "vendor, model, serial, notes) VALUES ");
  for (guint row = 0; row < BULK_BATCH; row++)
    {
      g_string_append (sql, row > 0 ? ", (" : "(");
      for (guint column = 0; column < BULK_N_PARAMETERS; column++)
        g_string_append (sql, column > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  rc = sqlite3_prepare_v3 (bulk->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT,
                           &bulk->insert_batch, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, bulk->db, rc, _("opening the project"));
      return NULL;
    }
  bulk->texts = g_byte_array_sized_new (16 * 1024);
  bulk->deferred_indexes = g_ptr_array_new_with_free_func (g_free);

  return g_steal_pointer (&bulk);
}

/**
 * cs_store_bulk_begin:
 * @bulk: a bulk writer
 * @error: return location for a #CsStoreError
 *
 * Starts the one transaction of the import.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_begin (CsStoreBulk  *bulk,
                     GError      **error)
{
  g_return_val_if_fail (bulk != NULL, FALSE);
  g_return_val_if_fail (!bulk->in_transaction, FALSE);

  if (!exec_sql (bulk->db, "BEGIN IMMEDIATE", _("starting the import"), error))
    return FALSE;

  bulk->in_transaction = TRUE;
  bulk->n_queued = 0;
  bulk->next_id = 0;
  g_byte_array_set_size (bulk->texts, 0);
  g_ptr_array_set_size (bulk->deferred_indexes, 0);
  return TRUE;
}

/**
 * cs_store_bulk_restart:
 * @bulk: a bulk writer in its transaction
 * @error: return location for a #CsStoreError
 *
 * Rolls back everything written since cs_store_bulk_begin() (dropping the queue, restoring
 * deferred indexes) and starts the transaction again, as after a failed
 * cs_store_bulk_flush().
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_restart (CsStoreBulk  *bulk,
                       GError      **error)
{
  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);

  bulk->in_transaction = FALSE;
  if (!exec_sql (bulk->db, "ROLLBACK", _("starting the import"), error))
    return FALSE;

  return cs_store_bulk_begin (bulk, error);
}

/**
 * cs_store_bulk_defer_indexes:
 * @bulk: a bulk writer in its transaction, with nothing queued
 * @error: return location for a #CsStoreError
 *
 * Drops the secondary indexes of the asset table until cs_store_bulk_commit(), which builds
 * them again before committing: worth it when the import adds many more assets than the
 * project has. Nothing may read the assets by site meanwhile (inserts and updates by id do not).
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_defer_indexes (CsStoreBulk  *bulk,
                             GError      **error)
{
  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);
  g_return_val_if_fail (bulk->n_queued == 0, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (bulk_deferrable_indexes); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *create = NULL;
      char *drop = NULL;
      gboolean dropped;
      int rc;

      rc = sqlite3_prepare_v2 (bulk->db,
                               "SELECT sql FROM sqlite_schema WHERE type = 'index' "
                               "AND tbl_name = 'asset' AND name = ?1 AND sql IS NOT NULL",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, bulk_deferrable_indexes[i], -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
        }
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        return set_sqlite_error (error, bulk->db, rc, _("starting the import"));

      /* Only a plain CREATE INDEX is run again: one statement, as SQLite parsed it. */
      create = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      /* A statement still reading the schema would keep the index from being dropped. */
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (create == NULL || !g_str_has_prefix (create, "CREATE INDEX ")
          || strchr (create, ';') != NULL)
        continue;

      drop = sqlite3_mprintf ("DROP INDEX \"%w\"", bulk_deferrable_indexes[i]);
      dropped = exec_sql (bulk->db, drop, _("starting the import"), error);
      sqlite3_free (drop);
      if (!dropped)
        return FALSE;
      g_ptr_array_add (bulk->deferred_indexes, g_steal_pointer (&create));
    }

  return TRUE;
}

/**
 * cs_store_bulk_foreach_site:
 * @bulk: a bulk writer
 * @func: (scope call): called for each site
 * @user_data: data for @func
 * @error: return location for a #CsStoreError
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_foreach_site (CsStoreBulk          *bulk,
                            CsStoreBulkSiteFunc   func,
                            gpointer              user_data,
                            GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (bulk != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  rc = sqlite3_prepare_v2 (bulk->db, "SELECT id, name FROM site ORDER BY id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = SQLITE_ROW;
  while (rc == SQLITE_ROW && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1), user_data);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, bulk->db, rc, _("reading the sites"));

  return TRUE;
}

/**
 * cs_store_bulk_foreach_asset:
 * @bulk: a bulk writer
 * @func: (scope call): called with the identifying fields of each asset
 * @user_data: data for @func
 * @error: return location for a #CsStoreError
 *
 * Lists what duplicate detection needs, without creating records.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_foreach_asset (CsStoreBulk          *bulk,
                             CsStoreBulkAssetFunc  func,
                             gpointer              user_data,
                             GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (bulk != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  rc = sqlite3_prepare_v2 (bulk->db, "SELECT id, name, COALESCE(site_id, 0), serial FROM asset "
                           "ORDER BY id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = SQLITE_ROW;
  while (rc == SQLITE_ROW && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
          sqlite3_column_int64 (stmt, 2), (const char *) sqlite3_column_text (stmt, 3), user_data);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, bulk->db, rc, _("reading the inventory"));

  return TRUE;
}

/* @what is untranslated (N_()): translating it for each of 100,000 rows took locks. */
static gboolean
bulk_step (CsStoreBulk   *bulk,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, bulk->db, rc, _(what));

  return TRUE;
}

/**
 * cs_store_bulk_add_site:
 * @bulk: a bulk writer in its transaction
 * @name: the site name
 * @error: return location for a #CsStoreError
 *
 * Returns: the new site id, or 0 with @error set
 */
gint64
cs_store_bulk_add_site (CsStoreBulk  *bulk,
                        const char   *name,
                        GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, 0);
  g_return_val_if_fail (name != NULL, 0);

  stmt = bulk->statements[BULK_INSERT_SITE];
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!bulk_step (bulk, stmt, N_("adding a site"), error))
    return 0;

  return sqlite3_last_insert_rowid (bulk->db);
}

static void
bind_asset_values (sqlite3_stmt        *stmt,
                   const CsAssetValues *values)
{
  sqlite3_bind_text (stmt, 1, values->category, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, values->name, -1, SQLITE_STATIC);
  if (values->site_id > 0)
    sqlite3_bind_int64 (stmt, 3, values->site_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, values->quantity);
  sqlite3_bind_int64 (stmt, 5, values->criticality);
  sqlite3_bind_text (stmt, 6, values->owner != NULL ? values->owner : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, values->vendor != NULL ? values->vendor : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, values->model != NULL ? values->model : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, values->serial != NULL ? values->serial : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, values->notes != NULL ? values->notes : "", -1, SQLITE_STATIC);
}

/**
 * cs_store_bulk_add_asset:
 * @bulk: a bulk writer in its transaction
 * @values: the asset
 * @error: return location for a #CsStoreError
 *
 * Inserts one asset. A row the file refuses fails alone; the transaction goes on.
 *
 * Returns: the new asset id, or 0 with @error set
 */
gint64
cs_store_bulk_add_asset (CsStoreBulk          *bulk,
                         const CsAssetValues  *values,
                         GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, 0);
  g_return_val_if_fail (values != NULL && values->name != NULL && values->category != NULL, 0);

  stmt = bulk->statements[BULK_INSERT_ASSET];
  bind_asset_values (stmt, values);
  if (!bulk_step (bulk, stmt, N_("adding an asset"), error))
    return 0;

  return sqlite3_last_insert_rowid (bulk->db);
}

static void
bind_queued_asset (CsStoreBulk       *bulk,
                   sqlite3_stmt      *stmt,
                   int                first,
                   const QueuedAsset *asset)
{
  static const int text_columns[BULK_N_TEXTS] = { 1, 2, 6, 7, 8, 9, 10 };
  const char *texts = (const char *) bulk->texts->data;

  /* The texts stay put until the queue is emptied: no copy. */
  for (guint i = 0; i < BULK_N_TEXTS; i++)
    sqlite3_bind_text (stmt, first + text_columns[i] - 1, texts + asset->texts[i], -1,
                       SQLITE_STATIC);
  if (asset->site_id > 0)
    sqlite3_bind_int64 (stmt, first + 2, asset->site_id);
  else
    sqlite3_bind_null (stmt, first + 2);
  sqlite3_bind_int64 (stmt, first + 3, asset->quantity);
  sqlite3_bind_int64 (stmt, first + 4, asset->criticality);
}

/**
 * cs_store_bulk_flush:
 * @bulk: a bulk writer in its transaction
 * @error: return location for a #CsStoreError
 *
 * Inserts the assets queued by cs_store_bulk_queue_asset(). On failure the queue is dropped
 * and some of it may have been written: call cs_store_bulk_restart() (then add the rows one by
 * one with cs_store_bulk_add_asset() to learn which one the file refuses).
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_flush (CsStoreBulk  *bulk,
                     GError      **error)
{
  guint n;
  guint done = 0;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);

  n = bulk->n_queued;
  if (n == 0)
    return TRUE;

  bulk->n_queued = 0;
  if (n == BULK_BATCH)
    {
      for (guint row = 0; row < BULK_BATCH; row++)
        bind_queued_asset (bulk, bulk->insert_batch, row * BULK_N_PARAMETERS + 1,
                           &bulk->queue[row]);
      /* No reset of the bindings: the next batch binds every parameter again. */
      rc = sqlite3_step (bulk->insert_batch);
      sqlite3_reset (bulk->insert_batch);
      done = BULK_BATCH;
    }
  for (; done < n && rc == SQLITE_DONE; done++)
    {
      sqlite3_stmt *stmt = bulk->statements[BULK_INSERT_ASSET];

      bind_queued_asset (bulk, stmt, 1, &bulk->queue[done]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  g_byte_array_set_size (bulk->texts, 0);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, bulk->db, rc, _("adding an asset"));
  /* The ids handed out must be those SQLite chose (it does, unless the largest id is taken). */
  if (sqlite3_last_insert_rowid (bulk->db) != bulk->next_id - 1)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                   _("The assets did not get the expected identifiers."));
      return FALSE;
    }

  return TRUE;
}

static gsize
queue_text (CsStoreBulk *bulk,
            const char  *text)
{
  gsize offset = bulk->texts->len;
  gsize length;

  if (text == NULL)
    text = "";
  length = strlen (text) + 1;
  g_byte_array_set_size (bulk->texts, offset + length);
  memcpy (bulk->texts->data + offset, text, length);

  return offset;
}

/**
 * cs_store_bulk_queue_asset:
 * @bulk: a bulk writer in its transaction
 * @values: the asset (copied)
 * @out_id: (out): return location for the id the asset will have
 * @error: return location for a #CsStoreError
 *
 * Queues one asset for insertion with many others, much faster than cs_store_bulk_add_asset();
 * a full queue is flushed (see cs_store_bulk_flush(), whose failure this shares). Flush the
 * rest before anything else reads or writes the assets, and before committing.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_queue_asset (CsStoreBulk          *bulk,
                           const CsAssetValues  *values,
                           gint64               *out_id,
                           GError              **error)
{
  QueuedAsset *asset;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);
  g_return_val_if_fail (values != NULL && values->name != NULL && values->category != NULL, FALSE);
  g_return_val_if_fail (out_id != NULL, FALSE);

  if (bulk->next_id == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc = sqlite3_prepare_v2 (bulk->db, "SELECT COALESCE(MAX(id), 0) FROM asset", -1,
                                   &stmt, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        return set_sqlite_error (error, bulk->db, rc, _("adding an asset"));
      bulk->next_id = sqlite3_column_int64 (stmt, 0);
      if (bulk->next_id == G_MAXINT64)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_IO,
                       _("The assets did not get the expected identifiers."));
          return FALSE;
        }
      bulk->next_id++;
    }

  asset = &bulk->queue[bulk->n_queued++];
  asset->texts[0] = queue_text (bulk, values->category);
  asset->texts[1] = queue_text (bulk, values->name);
  asset->texts[2] = queue_text (bulk, values->owner);
  asset->texts[3] = queue_text (bulk, values->vendor);
  asset->texts[4] = queue_text (bulk, values->model);
  asset->texts[5] = queue_text (bulk, values->serial);
  asset->texts[6] = queue_text (bulk, values->notes);
  asset->site_id = values->site_id;
  asset->quantity = values->quantity;
  asset->criticality = values->criticality;
  *out_id = bulk->next_id++;

  if (bulk->n_queued == BULK_BATCH)
    return cs_store_bulk_flush (bulk, error);

  return TRUE;
}

/**
 * cs_store_bulk_update_asset:
 * @bulk: a bulk writer in its transaction
 * @id: an asset id
 * @values: the new fields of the asset
 * @error: return location for a #CsStoreError
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_update_asset (CsStoreBulk          *bulk,
                            gint64                id,
                            const CsAssetValues  *values,
                            GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);
  g_return_val_if_fail (values != NULL && values->name != NULL && values->category != NULL, FALSE);

  stmt = bulk->statements[BULK_UPDATE_ASSET];
  bind_asset_values (stmt, values);
  sqlite3_bind_int64 (stmt, 11, id);

  return bulk_step (bulk, stmt, N_("updating an asset"), error);
}

/**
 * cs_store_bulk_save_mapping:
 * @bulk: a bulk writer in its transaction
 * @signature: the signature of a CSV header
 * @mapping: the column mapping chosen for it
 * @error: return location for a #CsStoreError
 *
 * Remembers @mapping for files with the same header (table `import_mapping`).
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_bulk_save_mapping (CsStoreBulk  *bulk,
                            const char   *signature,
                            const char   *mapping,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);
  g_return_val_if_fail (signature != NULL && mapping != NULL, FALSE);

  stmt = bulk->statements[BULK_SAVE_MAPPING];
  sqlite3_bind_text (stmt, 1, signature, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mapping, -1, SQLITE_STATIC);

  return bulk_step (bulk, stmt, N_("saving the column mapping"), error);
}

/**
 * cs_store_bulk_commit:
 * @bulk: a bulk writer in its transaction
 * @error: return location for a #CsStoreError
 *
 * Commits everything written since cs_store_bulk_begin(). Then call cs_store_reload() on the
 * main thread.
 *
 * Returns: %TRUE on success; on failure everything was rolled back
 */
gboolean
cs_store_bulk_commit (CsStoreBulk  *bulk,
                      GError      **error)
{
  g_return_val_if_fail (bulk != NULL && bulk->in_transaction, FALSE);
  g_return_val_if_fail (bulk->n_queued == 0, FALSE);

  for (guint i = 0; i < bulk->deferred_indexes->len; i++)
    if (!exec_sql (bulk->db, g_ptr_array_index (bulk->deferred_indexes, i),
                   _("saving the import"), error))
      {
        bulk->in_transaction = FALSE;
        sqlite3_exec (bulk->db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  g_ptr_array_set_size (bulk->deferred_indexes, 0);

  bulk->in_transaction = FALSE;
  if (!exec_sql (bulk->db, "COMMIT", _("saving the import"), error))
    {
      sqlite3_exec (bulk->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * cs_store_bulk_free:
 * @bulk: (transfer full): a bulk writer
 *
 * Rolls back what was not committed and closes the connection.
 */
void
cs_store_bulk_free (CsStoreBulk *bulk)
{
  if (bulk == NULL)
    return;

  if (bulk->in_transaction)
    sqlite3_exec (bulk->db, "ROLLBACK", NULL, NULL, NULL);
  for (guint i = 0; i < N_BULK_STATEMENTS; i++)
    sqlite3_finalize (bulk->statements[i]);
  sqlite3_finalize (bulk->insert_batch);
  sqlite3_close (bulk->db);
  g_clear_pointer (&bulk->texts, g_byte_array_unref);
  g_clear_pointer (&bulk->deferred_indexes, g_ptr_array_unref);
  g_free (bulk);
}

/**
 * cs_store_count_coverage:
 * @self: a store
 * @offer_id: an offer id
 * @critical_level: assets whose criticality is at most this level (1 is the most critical)
 *   count as critical
 * @out_counts: (out caller-allocates): the counts
 * @error: return location for an error
 *
 * Counts how @offer_id covers the asset inventory, without loading the assets: fast enough to
 * score every offer of a project with 100,000 assets.
 *
 * Returns: %TRUE on success
 */
/* The counts are those of the file as it is: no commit on this connection (total changes),
 * none on another one (data_version), no rollback since (invalidate_aggregates()). */
static gboolean
coverage_counts_valid (CsStore *self,
                       gint     critical_level,
                       gint64  *out_data_version,
                       gint64  *out_changes)
{
  sqlite3_stmt *stmt = get_statement (self, "PRAGMA data_version", NULL);

  *out_data_version = -1;
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    *out_data_version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  *out_changes = sqlite3_total_changes64 (self->db);

  return self->coverage_counts != NULL
         && *out_data_version >= 0
         && self->coverage_level == critical_level
         && self->coverage_data_version == *out_data_version
         && self->coverage_changes == *out_changes;
}

static CsCoverageCounts *
lookup_offer_counts (GHashTable *counts,
                     gint64      offer_id)
{
  CsCoverageCounts *c = g_hash_table_lookup (counts, &offer_id);

  if (c == NULL)
    {
      c = g_new0 (CsCoverageCounts, 1);
      g_hash_table_insert (counts, g_memdup2 (&offer_id, sizeof offer_id), c);
    }

  return c;
}

/*
 * Counts the coverage of every offer at once: each query reads the inventory or the coverage
 * table once for all offers, instead of once per offer. Rows come grouped by asset where the
 * query needs distinct assets, so no temporary b-tree is needed.
 */
static gboolean
compute_coverage_counts (CsStore  *self,
                         gint      critical_level,
                         GError  **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_free);
  g_autoptr(GHashTable) policies = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, g_free);
  CsCoverageCounts totals = { 0 };
  CsCoverageCounts *current = NULL;
  gint64 current_id = 0;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  /* Assets, and critical assets, of the whole project. */
  /* Level 1 (what the checklist uses) is spelt "criticality = 1", the condition of the partial
   * index asset_critical: SQLite uses a partial index only for its very condition. */
  stmt = get_statement (self,
                        critical_level == 1
                        ? "SELECT (SELECT COUNT(*) FROM asset), "
                          "(SELECT COUNT(*) FROM asset WHERE criticality = 1 AND ?1 = 1)"
                        : "SELECT (SELECT COUNT(*) FROM asset), "
                          "(SELECT COUNT(*) FROM asset WHERE criticality <= ?1)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, critical_level);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      totals.n_assets = sqlite3_column_int (stmt, 0);
      totals.n_critical = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (error, self->db, rc, _("reading the project"));

  /* Coverage rows by offer and state: one range of the index coverage_offer_state each.
   * Counting a range is about twice as fast as GROUP BY offer_id, state over the index, which
   * decodes and compares both columns of each of the (offers × assets) entries. */
  stmt = get_statement (self, "SELECT id FROM offer", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    lookup_offer_counts (counts, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("reading the project"));

  stmt = get_statement (self,
                        "SELECT COUNT(*) FROM coverage WHERE offer_id = ?1 AND state = ?2",
                        error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      static const char * const states[] = { "managed", "partial", "excluded" };
      CsCoverageCounts *c = value;
      guint *fields[] = { &c->n_managed, &c->n_partial, &c->n_excluded };

      for (guint i = 0; i < G_N_ELEMENTS (states); i++)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
          sqlite3_bind_text (stmt, 2, states[i], -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
          if (rc != SQLITE_ROW)
            {
              sqlite3_reset (stmt);
              return set_sqlite_error (error, self->db, rc, _("reading the project"));
            }
          *fields[i] = sqlite3_column_int (stmt, 0);
        }
    }
  sqlite3_reset (stmt);

  /* Critical assets managed, per offer: critical assets first, then their coverage rows
   * (index coverage_asset_state), counted here rather than with GROUP BY, which would sort
   * every row through a temporary b-tree. */
  stmt = get_statement (self,
                        critical_level == 1
                        ? "SELECT c.offer_id FROM asset a CROSS JOIN coverage c "
                          "ON c.asset_id = a.id AND c.state = 'managed' "
                          "WHERE a.criticality = 1 AND ?1 = 1"
                        : "SELECT c.offer_id FROM asset a CROSS JOIN coverage c "
                          "ON c.asset_id = a.id AND c.state = 'managed' "
                          "WHERE a.criticality <= ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, critical_level);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 offer_id = sqlite3_column_int64 (stmt, 0);

      /* Consecutive rows often name the same offer: skip the hash lookup then. */
      if (current == NULL || current_id != offer_id)
        {
          current = lookup_offer_counts (counts, offer_id);
          current_id = offer_id;
        }
      current->n_critical_managed++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("reading the project"));

  /* Critical assets in a backup policy, per offer, each asset once per offer however many
   * of its policies hold it. */
  stmt = get_statement (self, "SELECT id, offer_id FROM backup_policy", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 policy_id = sqlite3_column_int64 (stmt, 0);
      gint64 offer_id = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (policies, g_memdup2 (&policy_id, sizeof policy_id),
                           g_memdup2 (&offer_id, sizeof offer_id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("reading the project"));

  if (g_hash_table_size (policies) > 0)
    {
      /* offer id → the last asset counted for it */
      g_autoptr(GHashTable) last_counted = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                  NULL, g_free);

      stmt = get_statement (self,
                            critical_level == 1
                            ? "SELECT s.asset_id, s.policy_id FROM asset a "
                              "CROSS JOIN backup_scope s ON s.asset_id = a.id "
                              "WHERE a.criticality = 1 AND ?1 = 1"
                            : "SELECT s.asset_id, s.policy_id FROM asset a "
                              "CROSS JOIN backup_scope s ON s.asset_id = a.id "
                              "WHERE a.criticality <= ?1",
                            error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, critical_level);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 asset_id = sqlite3_column_int64 (stmt, 0);
          gint64 policy_id = sqlite3_column_int64 (stmt, 1);
          gint64 *offer_id = g_hash_table_lookup (policies, &policy_id);
          gint64 *last = NULL;

          if (offer_id == NULL)
            continue;
          /* The rows of one asset are consecutive (nested loop on the asset). */
          last = g_hash_table_lookup (last_counted, offer_id);
          if (last != NULL && *last == asset_id)
            continue;
          if (last == NULL)
            {
              last = g_new (gint64, 1);
              g_hash_table_insert (last_counted, offer_id, last);
            }
          *last = asset_id;
          lookup_offer_counts (counts, *offer_id)->n_critical_backed_up++;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (error, self->db, rc, _("reading the project"));
    }
  g_clear_pointer (&self->coverage_counts, g_hash_table_unref);
  self->coverage_counts = g_steal_pointer (&counts);
  self->coverage_totals = totals;
  self->coverage_level = critical_level;

  return TRUE;
}

/**
 * cs_store_count_coverage:
 * @self: a store
 * @offer_id: an offer id
 * @critical_level: assets whose criticality is at most this level (1 is the most critical)
 *   count as critical
 * @out_counts: (out caller-allocates): the counts
 * @error: return location for an error
 *
 * Counts how @offer_id covers the asset inventory, without loading the assets. The counts of
 * every offer are computed together the first time and kept until the file changes (an edit,
 * a rollback, an import, a commit by another connection), so that scoring every offer of a
 * project with 100,000 assets reads the inventory once.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_store_count_coverage (CsStore           *self,
                         gint64             offer_id,
                         gint               critical_level,
                         CsCoverageCounts  *out_counts,
                         GError           **error)
{
  CsCoverageCounts *c = NULL;
  gint64 data_version = 0, changes = 0;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  memset (out_counts, 0, sizeof *out_counts);

  if (self->db == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CLOSED, _("The project is closed."));
      return FALSE;
    }

  if (!coverage_counts_valid (self, critical_level, &data_version, &changes))
    {
      if (!compute_coverage_counts (self, critical_level, error))
        return FALSE;
      self->coverage_data_version = data_version;
      self->coverage_changes = changes;
    }

  c = g_hash_table_lookup (self->coverage_counts, &offer_id);
  if (c != NULL)
    *out_counts = *c;
  out_counts->n_assets = self->coverage_totals.n_assets;
  out_counts->n_critical = self->coverage_totals.n_critical;
  out_counts->n_not_addressed = out_counts->n_assets
                                - MIN (out_counts->n_assets,
                                       out_counts->n_managed + out_counts->n_partial
                                       + out_counts->n_excluded);

  return TRUE;
}

/* For cs-store-*.c: the connection, or NULL once closed. */
sqlite3 *
_cs_store_get_db (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  return self->db;
}
