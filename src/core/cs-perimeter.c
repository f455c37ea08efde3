/* cs-perimeter.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-perimeter"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-perimeter.h"

/**
 * CsAssetList:
 *
 * A #GListModel of #CsAsset for the inventory view that does not materialise its rows: it
 * holds the ordered asset ids of a #CsAssetQuery and creates a record only when a row is
 * asked for (cs_store_ref_record()). Changing the query queries the ids again; adding, deleting,
 * restoring or editing an asset moves only that row (items-changed of one item), found with
 * cs_store_locate_asset().
 */
struct _CsAssetList
{
  GObject       parent_instance;

  CsStore      *store;
  CsAssetQuery  query;
  char         *search;
  GArray       *ids;
};

static void cs_asset_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsAssetList, cs_asset_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cs_asset_list_model_init))

/* Columns of an asset whose change can move its row. */
static const char * const sorted_columns[] = {
  "category", "name", "site_id", "quantity", "criticality", "owner", "vendor", "model",
  "serial", "notes", NULL
};

static gboolean
find_index (CsAssetList *self,
            gint64       id,
            guint       *out_index)
{
  const gint64 *ids = (const gint64 *) (gpointer) self->ids->data;

  for (guint i = 0; i < self->ids->len; i++)
    if (ids[i] == id)
      {
        *out_index = i;
        return TRUE;
      }

  return FALSE;
}

/* A new query changes the rows between the ones it keeps at both ends. One change replacing
 * them makes GTK 4.8's selection models look up added rows (one query per asset) to find
 * selected rows the change removed, so above this many added rows the change is made in two,
 * removals then additions, in constant time; the selection of the replaced rows is dropped. */
#define MAX_ADDED_IN_ONE_CHANGE 1000

static void
requery (CsAssetList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  const gint64 *old, *new;
  guint prefix = 0, suffix = 0, removed, added, shortest;

  ids = cs_store_query_asset_ids (self->store, &self->query, &error);
  if (ids == NULL)
    {
      g_debug ("Inventory list not refreshed: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  old = (const gint64 *) (gpointer) self->ids->data;
  new = (const gint64 *) (gpointer) ids->data;
  shortest = MIN (self->ids->len, ids->len);
  while (prefix < shortest && old[prefix] == new[prefix])
    prefix++;
  while (suffix < shortest - prefix
         && old[self->ids->len - 1 - suffix] == new[ids->len - 1 - suffix])
    suffix++;
  removed = self->ids->len - prefix - suffix;
  added = ids->len - prefix - suffix;

  if (removed > 0 && added > MAX_ADDED_IN_ONE_CHANGE)
    {
      g_array_remove_range (self->ids, prefix, removed);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
      removed = 0;
    }

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
}

/* Removes the row of @id if shown, then inserts it where it now belongs if it matches. */
static void
relocate (CsAssetList *self,
          gint64       id)
{
  guint old_index = 0, new_index = 0;
  gboolean was_shown = find_index (self, id, &old_index);
  gboolean matches = cs_store_locate_asset (self->store, &self->query, id, &new_index);

  if (was_shown)
    {
      g_array_remove_index (self->ids, old_index);
      if (matches && new_index == old_index)
        {
          g_array_insert_val (self->ids, new_index, id);
          return;
        }
      g_list_model_items_changed (G_LIST_MODEL (self), old_index, 1, 0);
    }

  if (matches)
    {
      new_index = MIN (new_index, self->ids->len);
      g_array_insert_val (self->ids, new_index, id);
      g_list_model_items_changed (G_LIST_MODEL (self), new_index, 0, 1);
    }
}

static gboolean
coverage_matters (CsAssetList *self,
                  CsRecord    *coverage)
{
  return self->query.offer_id > 0
         && cs_record_get_int (coverage, "offer_id") == self->query.offer_id
         && (self->query.coverage_states != 0 || self->query.sort == CS_ASSET_SORT_COVERAGE);
}

static gboolean
site_matters (CsAssetList *self)
{
  return self->query.sort == CS_ASSET_SORT_SITE || self->query.site_id != 0;
}

static void
on_store_record_added_cb (CsAssetList *self,
                          CsRecord    *record)
{
  if (CS_IS_ASSET (record))
    relocate (self, cs_record_get_id (record));
  else if (CS_IS_COVERAGE (record) && coverage_matters (self, record))
    relocate (self, cs_record_get_int (record, "asset_id"));
}

static void
on_store_record_removed_cb (CsAssetList *self,
                            CsRecord    *record)
{
  guint index = 0;

  if (CS_IS_ASSET (record))
    {
      if (find_index (self, cs_record_get_id (record), &index))
        {
          g_array_remove_index (self->ids, index);
          g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
        }
    }
  else if (CS_IS_COVERAGE (record) && coverage_matters (self, record))
    {
      relocate (self, cs_record_get_int (record, "asset_id"));
    }
  else if (CS_IS_SITE (record) && site_matters (self))
    {
      /* Assets lost their site in SQL, cached or not. */
      requery (self);
    }
}

static void
on_store_record_changed_cb (CsAssetList *self,
                            CsRecord    *record,
                            const char  *column)
{
  if (CS_IS_ASSET (record))
    {
      if (g_strv_contains (sorted_columns, column))
        relocate (self, cs_record_get_id (record));
    }
  else if (CS_IS_COVERAGE (record) && coverage_matters (self, record))
    {
      relocate (self, cs_record_get_int (record, "asset_id"));
    }
  else if (CS_IS_SITE (record) && self->query.sort == CS_ASSET_SORT_SITE
           && g_str_equal (column, "name"))
    {
      requery (self);
    }
}

static void
on_store_coverage_changed_cb (CsAssetList *self,
                              gint64       offer_id)
{
  if (offer_id == self->query.offer_id
      && (self->query.coverage_states != 0 || self->query.sort == CS_ASSET_SORT_COVERAGE))
    requery (self);
}

static GType
cs_asset_list_get_item_type (GListModel *model)
{
  return CS_TYPE_ASSET;
}

static guint
cs_asset_list_get_n_items (GListModel *model)
{
  return CS_ASSET_LIST (model)->ids->len;
}

static gpointer
cs_asset_list_get_item (GListModel *model,
                        guint       position)
{
  CsAssetList *self = CS_ASSET_LIST (model);

  if (position >= self->ids->len)
    return NULL;

  /* Not kept by the store once the caller drops it: scrolling 100,000 rows keeps only those
   * on screen. */
  return cs_store_ref_record (self->store, CS_TYPE_ASSET,
                              g_array_index (self->ids, gint64, position));
}

static void
cs_asset_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cs_asset_list_get_item_type;
  iface->get_n_items = cs_asset_list_get_n_items;
  iface->get_item = cs_asset_list_get_item;
}

static void
cs_asset_list_dispose (GObject *object)
{
  CsAssetList *self = CS_ASSET_LIST (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_asset_list_parent_class)->dispose (object);
}

static void
cs_asset_list_finalize (GObject *object)
{
  CsAssetList *self = CS_ASSET_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (cs_asset_list_parent_class)->finalize (object);
}

static void
cs_asset_list_class_init (CsAssetListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_asset_list_dispose;
  object_class->finalize = cs_asset_list_finalize;
}

static void
cs_asset_list_init (CsAssetList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * cs_asset_list_new:
 * @store: a store
 * @query: (nullable): the filters and order, copied; %NULL for every asset by id
 *
 * Returns: (transfer full): a lazy list of the assets of @store
 */
CsAssetList *
cs_asset_list_new (CsStore            *store,
                   const CsAssetQuery *query)
{
  CsAssetList *self = NULL;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  self = g_object_new (CS_TYPE_ASSET_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "record-added", G_CALLBACK (on_store_record_added_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "record-removed", G_CALLBACK (on_store_record_removed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (on_store_record_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "coverage-changed", G_CALLBACK (on_store_coverage_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (requery), self, G_CONNECT_SWAPPED);

  if (query != NULL)
    cs_asset_list_set_query (self, query);
  else
    requery (self);

  return self;
}

/**
 * cs_asset_list_get_query:
 * @self: a list
 *
 * Returns: (transfer none): the current query
 */
const CsAssetQuery *
cs_asset_list_get_query (CsAssetList *self)
{
  g_return_val_if_fail (CS_IS_ASSET_LIST (self), NULL);

  return &self->query;
}

/**
 * cs_asset_list_set_query:
 * @self: a list
 * @query: the new filters and order (copied)
 *
 * Queries the ids again (no record is created) and emits one items-changed.
 */
void
cs_asset_list_set_query (CsAssetList        *self,
                         const CsAssetQuery *query)
{
  g_return_if_fail (CS_IS_ASSET_LIST (self));
  g_return_if_fail (query != NULL);

  g_free (self->search);
  self->search = g_strdup (query->search);
  self->query = *query;
  self->query.search = self->search;
  requery (self);
}

/**
 * cs_asset_list_get_id:
 * @self: a list
 * @position: a position
 *
 * Returns: the asset id at @position, without materialising the record (0 if out of range)
 */
gint64
cs_asset_list_get_id (CsAssetList *self,
                      guint        position)
{
  g_return_val_if_fail (CS_IS_ASSET_LIST (self), 0);

  return position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;
}

/**
 * cs_asset_list_dup_ids:
 * @self: a list
 *
 * Returns: (transfer full) (element-type gint64): the ids shown, in order ("everything
 *   matching the filter")
 */
GArray *
cs_asset_list_dup_ids (CsAssetList *self)
{
  GArray *copy = NULL;

  g_return_val_if_fail (CS_IS_ASSET_LIST (self), NULL);

  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->ids->len);
  g_array_append_vals (copy, self->ids->data, self->ids->len);
  return copy;
}

/**
 * cs_asset_query_init_not_addressed:
 * @query: (out caller-allocates): a query
 * @offer_id: an offer id
 *
 * Sets @query to the assets @offer_id does not address.
 */
void
cs_asset_query_init_not_addressed (CsAssetQuery *query,
                                   gint64        offer_id)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->offer_id = offer_id;
  query->coverage_states = 1u << CS_COVERAGE_NOT_ADDRESSED;
}

/**
 * cs_asset_query_init_critical_unmanaged:
 * @query: (out caller-allocates): a query
 * @offer_id: an offer id
 *
 * Sets @query to the critical assets (criticality 1) that @offer_id does not fully manage:
 * not addressed, partially managed or excluded.
 */
void
cs_asset_query_init_critical_unmanaged (CsAssetQuery *query,
                                        gint64        offer_id)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->offer_id = offer_id;
  query->criticalities = 1u << 1;
  query->coverage_states = (1u << CS_COVERAGE_NOT_ADDRESSED) | (1u << CS_COVERAGE_PARTIAL)
                           | (1u << CS_COVERAGE_EXCLUDED);
}

static const struct { const char *id; const char *label; } coverage_states[CS_N_COVERAGE_STATES] = {
  { "not_addressed", N_("Not addressed") },
  { "managed", N_("Managed") },
  { "partial", N_("Partially managed") },
  { "excluded", N_("Excluded") },
};

/**
 * cs_coverage_state_get_id:
 * @state: a coverage state
 *
 * Returns: the value stored in `coverage.state`
 */
const char *
cs_coverage_state_get_id (CsCoverageState state)
{
  g_return_val_if_fail (state < CS_N_COVERAGE_STATES, NULL);

  return coverage_states[state].id;
}

/**
 * cs_coverage_state_get_label:
 * @state: a coverage state
 *
 * Returns: the translated label of @state
 */
const char *
cs_coverage_state_get_label (CsCoverageState state)
{
  g_return_val_if_fail (state < CS_N_COVERAGE_STATES, NULL);

  return _(coverage_states[state].label);
}

/**
 * cs_perimeter_set_coverage_for_list:
 * @store: a store
 * @list: a list whose query names an offer
 * @state: the coverage to record
 * @note: (nullable): the note, or %NULL to keep each asset's
 * @reference: (nullable): the contract reference, or %NULL to keep each asset's
 * @error: return location for a #CsStoreError
 *
 * Sets the coverage of every asset @list shows ("set it for the whole filter") in one
 * transaction. For a selection, call cs_store_set_coverage() with the selected ids.
 *
 * Returns: (transfer full) (nullable): the change, for cs_store_restore_coverage() (Undo)
 */
CsCoverageChange *
cs_perimeter_set_coverage_for_list (CsStore          *store,
                                    CsAssetList      *list,
                                    CsCoverageState   state,
                                    const char       *note,
                                    const char       *reference,
                                    GError          **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_ASSET_LIST (list), NULL);

  ids = cs_asset_list_dup_ids (list);
  return cs_store_set_coverage (store, list->query.offer_id, (const gint64 *) (gpointer) ids->data,
                                ids->len, state, note, reference, error);
}

/**
 * cs_perimeter_duplicate_asset:
 * @store: a store
 * @asset: an asset
 * @error: return location for a #CsStoreError
 *
 * Adds a copy of @asset named "NAME (copy)"; its coverage is not copied.
 *
 * Returns: (transfer full) (nullable): the copy
 */
CsAsset *
cs_perimeter_duplicate_asset (CsStore  *store,
                              CsAsset  *asset,
                              GError  **error)
{
  g_autoptr(CsRecord) copy = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_ASSET (asset), NULL);

  copy = cs_record_copy (CS_RECORD (asset));
  cs_record_set_id (copy, 0);
  /* Translators: the name of a duplicated asset */
  name = g_strdup_printf (_("%s (copy)"), cs_asset_get_name (asset));
  if (strlen (name) <= 64 * 1024)
    g_object_set (copy, "name", name, NULL);

  if (!cs_store_add (store, copy, error))
    return NULL;

  return (CsAsset *) g_steal_pointer (&copy);
}

typedef struct
{
  GPtrArray *assets;
  GPtrArray *deletions;
} DeleteData;

static gboolean
delete_assets_cb (CsStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  DeleteData *data = user_data;

  for (guint i = 0; i < data->assets->len; i++)
    {
      CsDeletion *deletion = cs_store_delete (store, g_ptr_array_index (data->assets, i), error);

      if (deletion == NULL)
        return FALSE;
      g_ptr_array_add (data->deletions, deletion);
    }

  return TRUE;
}

/**
 * cs_perimeter_delete_assets:
 * @store: a store
 * @assets: (element-type CsAsset): the selected assets
 * @error: return location for a #CsStoreError
 *
 * Deletes @assets (and their coverage) in one transaction.
 *
 * Returns: (transfer full) (element-type CsDeletion) (nullable): what to give
 *   cs_perimeter_undelete_assets() for the Undo toast; %NULL when nothing was deleted
 */
GPtrArray *
cs_perimeter_delete_assets (CsStore    *store,
                            GPtrArray  *assets,
                            GError    **error)
{
  g_autoptr(GPtrArray) deletions = NULL;
  DeleteData data;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (assets != NULL, NULL);

  deletions = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_deletion_unref);
  data.assets = assets;
  data.deletions = deletions;
  if (!cs_store_batch (store, delete_assets_cb, &data, error))
    return NULL;

  return g_steal_pointer (&deletions);
}

static gboolean
undelete_assets_cb (CsStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  GPtrArray *deletions = user_data;

  for (guint i = deletions->len; i > 0; i--)
    if (!cs_store_undelete (store, g_ptr_array_index (deletions, i - 1), error))
      return FALSE;

  return TRUE;
}

/**
 * cs_perimeter_undelete_assets:
 * @store: a store
 * @deletions: (element-type CsDeletion): what cs_perimeter_delete_assets() returned
 * @error: return location for a #CsStoreError
 *
 * Puts the assets back, with their coverage, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_perimeter_undelete_assets (CsStore    *store,
                              GPtrArray  *deletions,
                              GError    **error)
{
  g_return_val_if_fail (CS_IS_STORE (store), FALSE);
  g_return_val_if_fail (deletions != NULL, FALSE);

  return cs_store_batch (store, undelete_assets_cb, deletions, error);
}

/**
 * cs_perimeter_get_summary:
 * @store: a store
 * @offer_id: the selected offer, or 0 (coverage counts then stay 0)
 * @summary: (out caller-allocates): the summary
 * @error: return location for a #CsStoreError
 *
 * Counts per category and per coverage state, and the critical assets the offer does not
 * fully manage. List them with cs_asset_query_init_not_addressed() and
 * cs_asset_query_init_critical_unmanaged().
 *
 * Returns: %TRUE on success
 */
gboolean
cs_perimeter_get_summary (CsStore            *store,
                          gint64              offer_id,
                          CsPerimeterSummary *summary,
                          GError            **error)
{
  g_autoptr(GHashTable) per_category = NULL;
  const char * const *categories = cs_asset_categories ();

  g_return_val_if_fail (CS_IS_STORE (store), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  summary->n_assets = cs_store_count_assets (store, &summary->n_units, &per_category);
  for (guint i = 0; categories[i] != NULL && i < G_N_ELEMENTS (summary->per_category); i++)
    summary->per_category[i] = GPOINTER_TO_UINT (g_hash_table_lookup (per_category, categories[i]));

  if (offer_id > 0)
    return cs_store_count_coverage_states (store, offer_id, summary->coverage,
                                           &summary->critical_unmanaged, error);

  return TRUE;
}

/* Exclusions */

static const char * const standard_exclusions[] = {
  "licences", "carrier_network", "personal_devices", "offsite_interventions",
  "business_applications", "hardware_replacement", "projects", "user_training", "after_hours",
  "unsupported_systems", "client_caused_incidents", NULL
};

static const char * const standard_exclusion_labels[] = {
  N_("Licences"), N_("Carrier network"), N_("Personal devices"), N_("Off-site interventions"),
  N_("Business-specific applications"), N_("Hardware replacement"), N_("Projects"),
  N_("User training"), N_("After-hours work"), N_("Unsupported or end-of-life systems"),
  N_("Client-caused incidents"),
};

/* Normalised (ASCII, lower case, single spaces) whole-word keywords, English and French. */
static const struct { CsCoreObligation obligation; const char *keywords[24]; } core_keywords[] = {
  { CS_CORE_OBLIGATION_RESTORE, { "restore", "restores", "restoring", "restoration",
                                  "restauration", "restaurations", "restaurer", "restitution",
                                  "data recovery", "recuperation des donnees", "recovery",
                                  "reprise", "remise en service des donnees", NULL } },
  { CS_CORE_OBLIGATION_BACKUP, { "backup", "backups", "back up", "back ups", "sauvegarde",
                                 "sauvegardes", "sauvegarder", NULL } },
  { CS_CORE_OBLIGATION_SECURITY_INCIDENTS, { "security incident", "security incidents",
                                             "security breach", "incident de securite",
                                             "incidents de securite", "cyberattack",
                                             "cyberattacks", "cyber attack", "cyberattaque",
                                             "cyberattaques", "ransomware", "rancongiciel",
                                             "rancongiciels", "malware", "virus", "intrusion",
                                             "piratage", "compromission", NULL } },
};

/**
 * cs_exclusion_standard_categories:
 *
 * Returns: (transfer none): the standard exclusion categories, as stored in
 *   `exclusion.category`; custom exclusions have the category "custom"
 */
const char * const *
cs_exclusion_standard_categories (void)
{
  return standard_exclusions;
}

/**
 * cs_exclusion_category_get_label:
 * @category: an exclusion category
 *
 * Returns: its translated label ("Custom exclusion" for others)
 */
const char *
cs_exclusion_category_get_label (const char *category)
{
  g_return_val_if_fail (category != NULL, NULL);

  for (guint i = 0; standard_exclusions[i] != NULL; i++)
    if (g_str_equal (category, standard_exclusions[i]))
      return _(standard_exclusion_labels[i]);

  return _("Custom exclusion");
}

typedef struct
{
  gint64 offer_id;
} EnsureData;

static gboolean
ensure_exclusions_cb (CsStore   *store,
                      gpointer   user_data,
                      GError   **error)
{
  EnsureData *data = user_data;
  GListModel *list = cs_store_list (store, CS_TYPE_EXCLUSION, data->offer_id);

  for (guint i = 0; standard_exclusions[i] != NULL; i++)
    {
      g_autoptr(CsRecord) exclusion = NULL;
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (list) && !found; j++)
        {
          g_autoptr(CsRecord) existing = g_list_model_get_item (list, j);

          found = g_str_equal (cs_record_get_string (existing, "category"), standard_exclusions[i]);
        }
      if (found)
        continue;

      exclusion = g_object_new (CS_TYPE_EXCLUSION,
                                "offer-id", data->offer_id,
                                "category", standard_exclusions[i],
                                "label", _(standard_exclusion_labels[i]),
                                "position", (gint64) (i + 1),
                                NULL);
      if (!cs_store_add (store, exclusion, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cs_perimeter_ensure_exclusions:
 * @store: a store
 * @offer_id: an offer id
 * @error: return location for a #CsStoreError
 *
 * Creates the standard exclusion categories the offer does not have yet (decision "not
 * stated"), in one transaction. Exclusions are created on demand — when the Exclusions page
 * first shows an offer, or by any code that reads them — not with the offer, so that projects
 * written before this existed get them too. Idempotent; commits nothing when all exist.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_perimeter_ensure_exclusions (CsStore  *store,
                                gint64    offer_id,
                                GError  **error)
{
  GListModel *list = NULL;
  EnsureData data = { offer_id };
  guint standard = 0;

  g_return_val_if_fail (CS_IS_STORE (store), FALSE);
  g_return_val_if_fail (offer_id > 0, FALSE);

  list = cs_store_list (store, CS_TYPE_EXCLUSION, offer_id);
  for (guint j = 0; j < g_list_model_get_n_items (list); j++)
    {
      g_autoptr(CsRecord) existing = g_list_model_get_item (list, j);

      standard += g_strv_contains (standard_exclusions, cs_record_get_string (existing, "category"));
    }
  if (standard >= g_strv_length ((GStrv) standard_exclusions) || cs_store_is_read_only (store))
    return TRUE;

  return cs_store_batch (store, ensure_exclusions_cb, &data, error);
}

/**
 * cs_perimeter_add_custom_exclusion:
 * @store: a store
 * @offer_id: an offer id
 * @label: what is excluded, in the consultant's words
 * @error: return location for a #CsStoreError
 *
 * Returns: (transfer none) (nullable): the new exclusion (category "custom"), last in order
 */
CsExclusion *
cs_perimeter_add_custom_exclusion (CsStore     *store,
                                   gint64       offer_id,
                                   const char  *label,
                                   GError     **error)
{
  g_autoptr(CsRecord) exclusion = NULL;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  exclusion = g_object_new (CS_TYPE_EXCLUSION,
                            "offer-id", offer_id,
                            "category", "custom",
                            "label", label,
                            NULL);
  if (!cs_store_add (store, exclusion, error))
    return NULL;

  return (CsExclusion *) exclusion;
}

static char *
normalise_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *ascii = g_str_to_ascii (valid, "C");
  GString *out = g_string_new (" ");
  gboolean space = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (space && out->len > 1)
            g_string_append_c (out, ' ');
          g_string_append_c (out, g_ascii_tolower (*p));
          space = FALSE;
        }
      else
        {
          space = TRUE;
        }
    }
  g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

/**
 * cs_exclusion_text_hollows_core:
 * @category: (nullable): an exclusion category
 * @text: (nullable): its label and wording
 *
 * Returns: the core obligations (backup, restore, security incidents) that excluding
 *   @category / @text would remove, from the category and from English and French keywords
 */
CsCoreObligation
cs_exclusion_text_hollows_core (const char *category,
                                const char *text)
{
  CsCoreObligation found = CS_CORE_OBLIGATION_NONE;
  g_autofree char *norm = NULL;

  if (category != NULL)
    {
      if (g_str_equal (category, "backup"))
        found |= CS_CORE_OBLIGATION_BACKUP;
      else if (g_str_equal (category, "restore"))
        found |= CS_CORE_OBLIGATION_RESTORE;
      else if (g_str_equal (category, "security_incidents"))
        found |= CS_CORE_OBLIGATION_SECURITY_INCIDENTS;
    }

  if (text == NULL)
    return found;

  norm = normalise_text (text);
  for (guint i = 0; i < G_N_ELEMENTS (core_keywords); i++)
    for (guint k = 0; core_keywords[i].keywords[k] != NULL; k++)
      {
        g_autofree char *needle = g_strdup_printf (" %s ", core_keywords[i].keywords[k]);

        if (strstr (norm, needle) != NULL)
          found |= core_keywords[i].obligation;
      }

  return found;
}

/**
 * cs_exclusion_get_hollowed_obligations:
 * @exclusion: an exclusion
 *
 * An exclusion decided "excluded" whose category, label or wording removes a core obligation
 * (restores, security incidents, backup) hollows out the contract (DOMAIN.md, EXC-03): the
 * Exclusions page flags it.
 *
 * Returns: the core obligations the exclusion removes, or %CS_CORE_OBLIGATION_NONE
 */
CsCoreObligation
cs_exclusion_get_hollowed_obligations (CsExclusion *exclusion)
{
  CsRecord *record = CS_RECORD (exclusion);
  g_autofree char *text = NULL;

  g_return_val_if_fail (CS_IS_EXCLUSION (exclusion), CS_CORE_OBLIGATION_NONE);

  if (!g_str_equal (cs_record_get_string (record, "decision"), "excluded"))
    return CS_CORE_OBLIGATION_NONE;

  text = g_strconcat (cs_record_get_string (record, "label"), "\n",
                      cs_record_get_string (record, "wording"), NULL);
  return cs_exclusion_text_hollows_core (cs_record_get_string (record, "category"), text);
}

/**
 * cs_core_obligations_to_string:
 * @obligations: core obligations
 *
 * Returns: (transfer full): a translated, comma-separated list ("backup, restores")
 */
char *
cs_core_obligations_to_string (CsCoreObligation obligations)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (obligations & CS_CORE_OBLIGATION_BACKUP)
    g_ptr_array_add (parts, (gpointer) _("backup"));
  if (obligations & CS_CORE_OBLIGATION_RESTORE)
    g_ptr_array_add (parts, (gpointer) _("restores"));
  if (obligations & CS_CORE_OBLIGATION_SECURITY_INCIDENTS)
    g_ptr_array_add (parts, (gpointer) _("security incidents"));
  g_ptr_array_add (parts, NULL);

  /* Translators: separator of a list of obligations */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}
