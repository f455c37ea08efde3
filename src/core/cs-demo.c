/* cs-demo.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-demo.h"

#include "cs-core-resources.h"
#include "cs-i18n.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/*
 * Project data as JSON: the demo project, and test fixtures.
 *
 * The format is driven by the entity descriptors of cs-model.c, so every record type can be
 * written without code of its own:
 *
 * ```json
 * {
 *   "version": 1,
 *   "project": { "client_name": "…", "regulated": false, … },
 *   "sites": [ { "id": "hq", "name": "…" } ],
 *   "assets": [ { "id": "erp", "category": "business_application", "site": "hq", … } ],
 *   "parties": [ … ], "activities": [ … ],
 *   "offers": [
 *     { "provider": "…", "kind": "incumbent", "price_recurring": 6850,
 *       "sla_terms": { "window_days": 31, … },
 *       "sla_targets": [ { "kind": "incident", "priority": 1, … } ],
 *       "exclusions": [ … ],
 *       "coverages": [ { "asset": "erp", "state": "managed" } ],
 *       "backup_policies": [ { "name": "…", "backup_scopes": [ { "asset": "erp" } ] } ] }
 *   ]
 * }
 * ```
 *
 * - The top level holds "version" (1), "project" and one list per top-level table.
 * - A record holds its fields under their column names, plus its children under the name of
 *   their table: an object for a one-per-parent section ("sla_terms"), otherwise a list named
 *   with the plural of the table ("exclusions", "backup_policies"). The parent reference is
 *   implied by the nesting and never written.
 * - A record of a list may carry an "id": a symbolic name, unique in its table within the file.
 *   A reference field is written without its "_id" suffix ("site", "asset", "activity") and
 *   holds such a name; it is mapped to the row id when the record is stored.
 * - Values are typed per field: strings for text, choices and dates ("YYYY-MM-DD"), whole
 *   numbers, numbers, booleans. `null` means "not stated" and is allowed for text, dates,
 *   numbers and references only.
 * - Some records are identified among their siblings by a few fields (natural_keys below, as
 *   the schema's UNIQUE constraints do). Two such records with the same key are an error; a
 *   record whose key matches one the store made by itself (the catalogues of parties and
 *   activities, the SLA targets and security controls of each offer) updates it. A document
 *   refers to a catalogue entry by listing it with an "id":
 *   `"activities": [ { "id": "restore", "key": "restore" } ]`.
 *
 * Loading first checks the whole document without writing anything, then writes it through
 * the public #CsStore API inside one cs_store_batch(): either all of it reaches the file or
 * nothing does.
 */

#define DEMO_RESOURCE "/org/contractscope/ContractScope/core/demo.json"
#define DEMO_RESOURCE_FR "/org/contractscope/ContractScope/core/demo-fr.json"
#define FORMAT_VERSION 1

/* Larger documents are not data we wrote: refuse them before parsing. */
#define MAX_DOCUMENT_SIZE (64 * 1024 * 1024)

typedef struct
{
  const CsField *field;
  gboolean       is_null;
  GValue         value;
} Stated;

typedef struct
{
  JsonObject *object; /* borrowed from the document */
  char       *path;   /* "offers[1]", for error messages */
  gint64      id;     /* the row id, or a stand-in while checking */
} Node;

typedef struct
{
  CsStore    *store;     /* NULL while checking the document */
  GHashTable *keys;      /* "table:key" → gint64 * */
  GHashTable *nodes;     /* table → GPtrArray of Node, in document order */
  GHashTable *seen;      /* "table:parent:natural key" → path of the record */
  gint64      next_id;   /* stand-in ids while checking */
} Loader;

/* The fields identifying a record among the records of its parent (see schema-1.sql). */
static const struct
{
  const char *table;
  const char *columns[3];
} natural_keys[] = {
  { "party", { "kind", "name", NULL } },
  { "activity", { "key", NULL } },
  { "coverage", { "asset_id", NULL } },
  { "responsibility", { "activity_id", "party_id", NULL } },
  { "sla_target", { "kind", "priority", NULL } },
  { "backup_scope", { "asset_id", NULL } },
  { "security_control", { "control", NULL } },
  { "checklist_answer", { "item_id", NULL } },
  { "import_mapping", { "signature", NULL } },
};

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->path);
  g_free (node);
}

static void
loader_init (Loader  *self,
             CsStore *store)
{
  self->store = store;
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->nodes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->next_id = 0;
}

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
}

static void
stated_clear (gpointer data)
{
  Stated *stated = data;

  g_value_unset (&stated->value);
}

static const char * const *
find_natural_key (const CsEntity *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (natural_keys); i++)
    if (g_str_equal (natural_keys[i].table, entity->table))
      return natural_keys[i].columns;

  return NULL;
}

/*
 * The store names the standard parties (one client, provider, subcontractor and software
 * vendor) in the language of whoever created the project, so a document cannot find them by
 * kind and name: under French, "Provider" would not match "Prestataire" and the demo would get
 * a second provider. A party the document names as a standard one (its English name, or that
 * name in the current language) is therefore identified by its kind alone.
 */
#define STANDARD_PARTY_MARK "\x1fstandard"

static char *
standard_party_key (CsRecord *record)
{
  const char *kind = NULL;
  const char *name = NULL;
  const char *standard = NULL;

  if (!CS_IS_PARTY (record))
    return NULL;

  kind = cs_record_get_string (record, "kind");
  name = cs_record_get_string (record, "name");
  standard = kind != NULL ? cs_store_get_standard_party_name (kind) : NULL;
  if (standard == NULL || name == NULL
      || (g_strcmp0 (name, standard) != 0 && g_strcmp0 (name, _(standard)) != 0))
    return NULL;

  return g_strconcat (kind, STANDARD_PARTY_MARK, NULL);
}

/* The natural key of @record as text, or %NULL when its type has none. */
static char *
natural_key_string (CsRecord *record)
{
  const CsEntity *entity = cs_record_get_entity (record);
  const char * const *columns = find_natural_key (entity);
  GString *text = NULL;
  char *standard = standard_party_key (record);

  if (standard != NULL)
    return standard;

  if (columns == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autofree char *contents = NULL;
      guint index = 0;

      if (cs_entity_find_field (entity, columns[i], &index) == NULL)
        g_assert_not_reached ();

      contents = g_strdup_value_contents (cs_record_peek_value (record, index));
      g_string_append_printf (text, "%s%s", i > 0 ? "\x1f" : "", contents);
    }

  return g_string_free (text, FALSE);
}

/* The member naming a child collection: the table for singletons, else its plural. */
static char *
collection_name (GType type)
{
  const CsEntity *entity = cs_record_type_get_entity (type);
  const char *table = entity->table;
  gsize len = strlen (table);

  if (type == CS_TYPE_PROJECT || entity->one_per_parent)
    return g_strdup (table);

  if (len > 1 && table[len - 1] == 'y' && strchr ("aeiou", table[len - 2]) == NULL)
    return g_strdup_printf ("%.*sies", (int) (len - 1), table);

  return g_strdup_printf ("%ss", table);
}

/* The member naming a field: the column, without "_id" for references. */
static char *
member_name (const CsField *field)
{
  if (field->type == CS_FIELD_REF && g_str_has_suffix (field->column, "_id"))
    return g_strndup (field->column, strlen (field->column) - strlen ("_id"));

  return g_strdup (field->column);
}

static const char *
parent_table (const CsEntity *entity)
{
  const CsField *field = NULL;

  if (entity->parent == NULL)
    return NULL;

  field = cs_entity_find_field (entity, entity->parent, NULL);
  g_assert (field != NULL && field->type == CS_FIELD_REF);

  return field->ref_table;
}

static const CsField *
find_member_field (const CsEntity *entity,
                   const char     *name)
{
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CsField *field = &entity->fields[i];
      g_autofree char *member = NULL;

      if (g_strcmp0 (field->column, entity->parent) == 0)
        continue;

      member = member_name (field);
      if (g_str_equal (member, name))
        return field;
    }

  return NULL;
}

static gboolean
is_child_collection (const CsEntity *entity,
                     const char     *name)
{
  const GType *types = NULL;
  guint n_types = 0;

  types = cs_model_get_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      const CsEntity *child = cs_record_type_get_entity (types[i]);
      g_autofree char *collection = NULL;

      if (g_strcmp0 (parent_table (child), entity->table) != 0)
        continue;

      collection = collection_name (types[i]);
      if (g_str_equal (collection, name))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_valid_date (const char *text)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  if (text[10] != '\0')
    return FALSE;

  year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100
         + g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  month = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  day = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);

  return g_date_valid_dmy (day, month, year);
}

static char *
join_choices (const char * const *choices)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, choices[i]);
    }

  return g_string_free (text, FALSE);
}

static gboolean
read_string (JsonNode    *node,
             const char **out_string)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out_string = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *out_string = json_node_get_string (node);
  return TRUE;
}

static gboolean
lookup_key (Loader      *self,
            const char  *table,
            const char  *key,
            gint64      *out_id)
{
  g_autofree char *full_key = g_strdup_printf ("%s:%s", table, key);
  gint64 *id = g_hash_table_lookup (self->keys, full_key);

  if (id == NULL)
    return FALSE;

  *out_id = *id;
  return TRUE;
}

/* Reads @node as a value of @field into @value (initialised here), checking it fully. */
static gboolean
read_value (Loader         *self,
            const CsField  *field,
            JsonNode       *node,
            const char     *path,
            GValue         *value,
            GError        **error)
{
  gboolean is_null = JSON_NODE_HOLDS_NULL (node);
  GType value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                  : G_TYPE_INVALID;
  const char *text = NULL;

  switch (field->type)
    {
    case CS_FIELD_STRING:
      {
        guint max_length = field->max_length != 0 ? field->max_length : 64 * 1024;

        if (!read_string (node, &text))
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("%s: expected text"), path);
            return FALSE;
          }

        if (text != NULL && strlen (text) > max_length)
          {
            g_autofree char *limit = g_strdup_printf ("%u", max_length);

            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("%s: text longer than %s bytes"), path, limit);
            return FALSE;
          }

        g_value_init (value, G_TYPE_STRING);
        g_value_set_string (value, text != NULL ? text : "");
        return TRUE;
      }

    case CS_FIELD_DATE:
      if (!read_string (node, &text) || (text != NULL && *text != '\0' && !is_valid_date (text)))
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("%s: expected a date (YYYY-MM-DD)"), path);
          return FALSE;
        }

      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, text != NULL ? text : "");
      return TRUE;

    case CS_FIELD_CHOICE:
      if (!is_null && read_string (node, &text) && g_strv_contains (field->choices, text))
        {
          g_value_init (value, G_TYPE_STRING);
          g_value_set_string (value, text);
          return TRUE;
        }
      else
        {
          g_autofree char *choices = join_choices (field->choices);

          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("%s: expected one of %s"), path, choices);
          return FALSE;
        }

    case CS_FIELD_INT:
      if (value_type != G_TYPE_INT64)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("%s: expected a whole number"), path);
          return FALSE;
        }

      if (json_node_get_int (node) < field->min || json_node_get_int (node) > field->max)
        {
          g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, field->min);
          g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, field->max);

          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("%s: expected a whole number from %s to %s"), path, min, max);
          return FALSE;
        }

      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, json_node_get_int (node));
      return TRUE;

    case CS_FIELD_NUMBER:
      {
        double number = NAN;

        if (value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE)
          number = json_node_get_double (node);

        if (!is_null && !isfinite (number))
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("%s: expected a number"), path);
            return FALSE;
          }

        g_value_init (value, G_TYPE_DOUBLE);
        g_value_set_double (value, number);
        return TRUE;
      }

    case CS_FIELD_BOOLEAN:
      if (value_type != G_TYPE_BOOLEAN)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("%s: expected true or false"), path);
          return FALSE;
        }

      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;

    case CS_FIELD_REF:
      {
        gint64 id = 0;

        if (!read_string (node, &text) || (text != NULL && *text == '\0'))
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("%s: expected the id of a “%s” record"), path, field->ref_table);
            return FALSE;
          }

        if (text != NULL && !lookup_key (self, field->ref_table, text, &id))
          {
            g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                         _("%s: no “%s” record has the id “%s”"), path, field->ref_table, text);
            return FALSE;
          }

        g_value_init (value, G_TYPE_INT64);
        g_value_set_int64 (value, id);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
store_value (CsStore        *store,
             CsRecord       *record,
             const CsField  *field,
             const GValue   *value,
             GError        **error)
{
  /* NaN ("not stated") only goes through the number setter. */
  if (field->type == CS_FIELD_NUMBER)
    return cs_store_set_number (store, record, field->column, g_value_get_double (value), error);

  return cs_store_set_value (store, record, field->column, value, error);
}

static gboolean
update_record (Loader      *self,
               CsRecord    *record,
               GArray      *stated,
               const char  *path,
               GError     **error)
{
  for (guint i = 0; i < stated->len; i++)
    {
      Stated *item = &g_array_index (stated, Stated, i);
      g_autoptr(GError) local_error = NULL;

      if (!store_value (self->store, record, item->field, &item->value, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s.%s: ",
                                      path, item->field->column);
          return FALSE;
        }
    }

  return TRUE;
}

/* A new record of @type holding the stated values, "not stated" (or the default) elsewhere. */
static CsRecord *
new_record (GType        type,
            GArray      *stated,
            const char  *parent_column,
            gint64       parent_id)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);

  for (guint i = 0; i < stated->len; i++)
    {
      Stated *item = &g_array_index (stated, Stated, i);
      GValue *value = NULL;

      if (item->is_null)
        continue;

      g_ptr_array_add (names, g_strdelimit (g_strdup (item->field->column), "_", '-'));
      g_array_set_size (values, values->len + 1);
      value = &g_array_index (values, GValue, values->len - 1);
      g_value_init (value, G_VALUE_TYPE (&item->value));
      g_value_copy (&item->value, value);
    }

  if (parent_id != 0)
    {
      GValue *value = NULL;

      g_ptr_array_add (names, g_strdelimit (g_strdup (parent_column), "_", '-'));
      g_array_set_size (values, values->len + 1);
      value = &g_array_index (values, GValue, values->len - 1);
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, parent_id);
    }

  return CS_RECORD (g_object_new_with_properties (type, names->len, (const char **) names->pdata,
                                                  (const GValue *) (gpointer) values->data));
}

/*
 * Loads one record. A record of a list (@is_new) is added with @parent_id as its parent, or
 * updates the record of @siblings (natural key → record) it matches. The project and the
 * one-per-parent sections already exist: they are @existing, %NULL while checking.
 */
static gboolean
load_record (Loader      *self,
             GType        type,
             JsonNode    *json,
             const char  *path,
             gboolean     is_new,
             gint64       parent_id,
             CsRecord    *existing,
             GHashTable  *siblings,
             GError     **error)
{
  const CsEntity *entity = cs_record_type_get_entity (type);
  g_autoptr(GArray) stated = g_array_new (FALSE, TRUE, sizeof (Stated));
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name = NULL;
  JsonNode *member = NULL;
  const char *key = NULL;
  GPtrArray *nodes = NULL;
  Node *node = NULL;
  gint64 id = 0;

  g_array_set_clear_func (stated, stated_clear);

  if (!JSON_NODE_HOLDS_OBJECT (json))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("%s: expected an object"), path);
      return FALSE;
    }

  object = json_node_get_object (json);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, name);
      const CsField *field = NULL;
      Stated *item = NULL;

      if (is_new && g_str_equal (name, "id"))
        {
          if (!read_string (member, &key) || key == NULL || *key == '\0')
            {
              g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                           _("%s: expected text"), member_path);
              return FALSE;
            }
          continue;
        }

      field = find_member_field (entity, name);
      if (field == NULL)
        {
          if (is_child_collection (entity, name))
            continue;

          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("%s: unknown key"), member_path);
          return FALSE;
        }

      g_array_set_size (stated, stated->len + 1);
      item = &g_array_index (stated, Stated, stated->len - 1);
      item->field = field;
      item->is_null = JSON_NODE_HOLDS_NULL (member);
      if (!read_value (self, field, member, member_path, &item->value, error))
        return FALSE;
    }

  if (is_new)
    {
      g_autoptr(CsRecord) record = new_record (type, stated, entity->parent, parent_id);
      g_autofree char *natural_key = natural_key_string (record);
      CsRecord *match = NULL;

      if (natural_key != NULL)
        {
          g_autofree char *seen_key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s",
                                                       entity->table, parent_id, natural_key);
          const char *earlier = g_hash_table_lookup (self->seen, seen_key);

          if (earlier != NULL)
            {
              g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                           _("%s: the same record as %s"), path, earlier);
              return FALSE;
            }

          g_hash_table_insert (self->seen, g_steal_pointer (&seen_key), g_strdup (path));

          if (siblings != NULL)
            match = g_hash_table_lookup (siblings, natural_key);
        }

      if (self->store == NULL)
        id = ++self->next_id;
      else if (match != NULL)
        {
          /* A standard party keeps the name the store gave it, in its user's language. */
          if (natural_key != NULL && g_str_has_suffix (natural_key, STANDARD_PARTY_MARK))
            for (guint i = stated->len; i > 0; i--)
              if (g_str_equal (g_array_index (stated, Stated, i - 1).field->column, "name"))
                g_array_remove_index (stated, i - 1);

          if (!update_record (self, match, stated, path, error))
            return FALSE;
          id = cs_record_get_id (match);
        }
      else
        {
          g_autoptr(GError) local_error = NULL;

          if (!cs_store_add (self->store, record, &local_error))
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
              return FALSE;
            }
          id = cs_record_get_id (record);
        }
    }
  else if (existing != NULL)
    {
      if (!update_record (self, existing, stated, path, error))
        return FALSE;
      id = cs_record_get_id (existing);
    }
  else
    id = ++self->next_id;

  if (key != NULL)
    {
      g_autofree char *full_key = g_strdup_printf ("%s:%s", entity->table, key);

      if (g_hash_table_contains (self->keys, full_key))
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("%s.id: “%s” is already the id of another “%s” record"),
                       path, key, entity->table);
          return FALSE;
        }

      g_hash_table_insert (self->keys, g_steal_pointer (&full_key), g_memdup2 (&id, sizeof id));
    }

  nodes = g_hash_table_lookup (self->nodes, entity->table);
  if (nodes == NULL)
    {
      nodes = g_ptr_array_new_with_free_func (node_free);
      g_hash_table_insert (self->nodes, (gpointer) entity->table, nodes);
    }

  node = g_new0 (Node, 1);
  node->object = object;
  node->path = g_strdup (path);
  node->id = id;
  g_ptr_array_add (nodes, node);

  return TRUE;
}

/* The records the store already holds under @parent_id, by natural key. */
static GHashTable *
index_siblings (Loader  *self,
                GType    type,
                gint64   parent_id)
{
  g_autoptr(GHashTable) siblings = NULL;
  GListModel *list = NULL;
  guint n_items = 0;

  if (self->store == NULL || find_natural_key (cs_record_type_get_entity (type)) == NULL)
    return NULL;

  siblings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  list = cs_store_list (self->store, type, parent_id);
  n_items = g_list_model_get_n_items (list);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (list, i);
      char *natural_key = natural_key_string (record);

      g_hash_table_insert (siblings, natural_key, g_steal_pointer (&record));
    }

  /* A standard party named in another language than the current one (the project was
   * created under another locale): the first party of that kind stands for it. */
  for (guint i = 0; type == CS_TYPE_PARTY && i < n_items; i++)
    {
      g_autoptr(CsRecord) record = g_list_model_get_item (list, i);
      const char *kind = cs_record_get_string (record, "kind");
      g_autofree char *key = NULL;

      if (kind == NULL || cs_store_get_standard_party_name (kind) == NULL)
        continue;
      key = g_strconcat (kind, STANDARD_PARTY_MARK, NULL);
      if (!g_hash_table_contains (siblings, key))
        g_hash_table_insert (siblings, g_steal_pointer (&key), g_steal_pointer (&record));
    }

  return g_steal_pointer (&siblings);
}

static gboolean
load_list (Loader      *self,
           GType        type,
           JsonNode    *json,
           const char  *path,
           gint64       parent_id,
           GError     **error)
{
  g_autoptr(GHashTable) siblings = NULL;
  JsonArray *array = NULL;
  guint length = 0;

  if (!JSON_NODE_HOLDS_ARRAY (json))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("%s: expected a list"), path);
      return FALSE;
    }

  /* Indexed before the first record is added: only records the store made can match. */
  siblings = index_siblings (self, type, parent_id);

  array = json_node_get_array (json);
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);

      if (!load_record (self, type, json_array_get_element (array, i), item_path, TRUE,
                        parent_id, NULL, siblings, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_children (Loader      *self,
               GType        type,
               GError     **error)
{
  const CsEntity *entity = cs_record_type_get_entity (type);
  g_autofree char *collection = collection_name (type);
  GPtrArray *parents = g_hash_table_lookup (self->nodes, parent_table (entity));

  for (guint i = 0; parents != NULL && i < parents->len; i++)
    {
      Node *parent = g_ptr_array_index (parents, i);
      JsonNode *member = json_object_get_member (parent->object, collection);
      g_autofree char *path = NULL;

      if (member == NULL)
        continue;

      path = g_strdup_printf ("%s.%s", parent->path, collection);

      if (entity->one_per_parent)
        {
          CsRecord *section = NULL;

          if (self->store != NULL)
            {
              section = cs_store_get_section (self->store, type, parent->id);
              if (section == NULL)
                {
                  g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                               _("%s: the project has no such section"), path);
                  return FALSE;
                }
            }

          if (!load_record (self, type, member, path, FALSE, parent->id, section, NULL, error))
            return FALSE;
        }
      else if (!load_list (self, type, member, path, parent->id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_root_keys (JsonObject  *root,
                 GError     **error)
{
  const GType *types = NULL;
  guint n_types = 0;
  JsonObjectIter iter;
  const char *name = NULL;
  JsonNode *member = NULL;

  types = cs_model_get_record_types (&n_types);

  json_object_iter_init (&iter, root);
  while (json_object_iter_next (&iter, &name, &member))
    {
      gboolean known = FALSE;

      if (g_str_equal (name, "version"))
        {
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64
              || json_node_get_int (member) != FORMAT_VERSION)
            {
              g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                           _("version: expected %d"), FORMAT_VERSION);
              return FALSE;
            }
          continue;
        }

      for (guint i = 0; i < n_types && !known; i++)
        {
          g_autofree char *collection = NULL;

          if (cs_record_type_get_entity (types[i])->parent != NULL)
            continue;

          collection = collection_name (types[i]);
          known = g_str_equal (collection, name);
        }

      if (!known)
        {
          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("%s: unknown key"), name);
          return FALSE;
        }
    }

  return TRUE;
}

/* Loads @root into @store, or only checks it when @store is %NULL. */
static gboolean
load_root (CsStore     *store,
           JsonNode    *root,
           GError     **error)
{
  Loader loader;
  const GType *types = NULL;
  guint n_types = 0;
  JsonObject *object = NULL;
  gboolean ret = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                           _("The project data is not a JSON object"));
      return FALSE;
    }

  object = json_node_get_object (root);
  if (!check_root_keys (object, error))
    return FALSE;

  loader_init (&loader, store);

  /* Parents come before children in this order, and every referenced table before the
   * tables referencing it, so each reference is known by the time it is read. */
  types = cs_model_get_record_types (&n_types);
  for (guint i = 0; i < n_types && ret; i++)
    {
      const CsEntity *entity = cs_record_type_get_entity (types[i]);
      g_autofree char *collection = collection_name (types[i]);
      JsonNode *member = NULL;

      if (entity->parent != NULL)
        {
          ret = load_children (&loader, types[i], error);
          continue;
        }

      member = json_object_get_member (object, collection);
      if (member == NULL)
        continue;

      if (types[i] == CS_TYPE_PROJECT)
        {
          CsRecord *project = store != NULL ? CS_RECORD (cs_store_get_project (store)) : NULL;

          ret = load_record (&loader, types[i], member, collection, FALSE, 0, project, NULL,
                             error);
        }
      else
        ret = load_list (&loader, types[i], member, collection, 0, error);
    }

  loader_clear (&loader);

  return ret;
}

static JsonNode *
parse_json (GBytes  *json,
            GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (json, &size);

  if (size > MAX_DOCUMENT_SIZE)
    {
      g_set_error_literal (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                           _("The project data is too large"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", size, &local_error))
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The project data is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                           _("The project data is empty"));
      return NULL;
    }

  return json_parser_steal_root (parser);
}

static void
remove_project_file (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm", "" };

  /* The sidecar files first, so that a failure never leaves a journal without its file. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_debug ("Could not remove %s: %s", file, g_strerror (errno));
    }
}

static gboolean
load_batch_cb (CsStore   *store,
               gpointer   user_data,
               GError   **error)
{
  return load_root (store, user_data, error);
}

/**
 * cs_store_load_json_data:
 * @self: an open, writable project
 * @json: a JSON document in the project data format (see cs-demo.c)
 * @error: return location for a #GError
 *
 * Adds the records of @json to @self and sets the project fields it states, in one
 * transaction. The whole document is checked before anything is written: a document with an
 * unknown key, a value of the wrong type, an unknown choice, a reference to a missing record or
 * a record stated twice fails with %CS_STORE_ERROR_INVALID and a message starting with the path
 * of the culprit (for example `offers[1].sla_terms.window_days: expected a whole number`).
 * On any failure @self is left unchanged.
 *
 * Returns: %TRUE if the whole document was loaded
 */
gboolean
cs_store_load_json_data (CsStore  *self,
                         GBytes   *json,
                         GError  **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  root = parse_json (json, error);
  if (root == NULL)
    return FALSE;

  if (!load_root (NULL, root, error))
    return FALSE;

  return cs_store_batch (self, load_batch_cb, root, error);
}

/**
 * cs_store_create_from_json_data:
 * @path: where to create the project file; nothing may exist there yet
 * @json: a JSON document in the project data format (see cs_store_load_json_data())
 * @error: return location for a #GError
 *
 * Creates a project file holding the records of @json, named after the document's
 * `project.client_name`. When anything fails, no file is left at @path (a file that was
 * there before is left alone).
 *
 * Returns: (transfer full) (nullable): the new project, open for editing
 */
CsStore *
cs_store_create_from_json_data (const char  *path,
                                GBytes      *json,
                                GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CsStore) store = NULL;
  JsonNode *project = NULL;
  const char *client_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = parse_json (json, error);
  if (root == NULL)
    return NULL;

  /* Check before creating: a malformed document never touches the disk. */
  if (!load_root (NULL, root, error))
    return NULL;

  project = json_object_get_member (json_node_get_object (root), "project");
  if (project != NULL)
    client_name = json_object_get_string_member_with_default (json_node_get_object (project),
                                                              "client_name", NULL);

  store = cs_store_create (path, client_name != NULL ? client_name : "", error);
  if (store == NULL)
    return NULL;

  if (!cs_store_batch (store, load_batch_cb, root, error))
    {
      cs_store_close (store);
      g_clear_object (&store);
      remove_project_file (path);
      return NULL;
    }

  return g_steal_pointer (&store);
}

/**
 * cs_demo_create_in_language:
 * @path: where to create the demo project file; nothing may exist there yet
 * @language: (nullable): "en", "fr", or "" / %NULL for the interface's language
 * @error: return location for a #GError
 *
 * Creates the demo project written in @language: the same client, inventory and offers in
 * English or in French (data/demo/demo.json, data/demo/demo-fr.json), with the same figures,
 * so that they reach the same verdict. The French project's documents are in French.
 * On failure no file is left at @path.
 *
 * Returns: (transfer full) (nullable): the new project, open for editing
 */
CsStore *
cs_demo_create_in_language (const char  *path,
                            const char  *language,
                            GError     **error)
{
  gboolean french = g_str_equal (cs_i18n_resolve_language (language), "fr");
  g_autoptr(GBytes) json = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  json = g_resource_lookup_data (cs_core_get_resource (),
                                 french ? DEMO_RESOURCE_FR : DEMO_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (json == NULL)
    return NULL;

  return cs_store_create_from_json_data (path, json, error);
}

/**
 * cs_demo_create:
 * @path: where to create the demo project file; nothing may exist there yet
 * @error: return location for a #GError
 *
 * Creates the demo project, a fictional client with its inventory and offers, in the
 * interface's language (see cs_demo_create_in_language()). On failure no file is left at
 * @path.
 *
 * Returns: (transfer full) (nullable): the new project, open for editing
 */
CsStore *
cs_demo_create (const char  *path,
                GError     **error)
{
  return cs_demo_create_in_language (path, NULL, error);
}
