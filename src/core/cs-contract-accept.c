/* cs-contract-accept.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-contract"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-contract-private.h"

#include <string.h>

/*
 * Accepting a proposal: the value goes through the store into the offer's record (the SLA
 * target of its priority and the first backup policy are created when the offer has none),
 * the clause reference fills the record's contract reference, and the clause text is kept as
 * evidence in the offer's clause table (once per reference). Every change is recorded in a
 * CsContractUndo, which puts back the old values and deletes what was added, newest first.
 */

typedef struct
{
  CsRecord *record;
  char     *column;   /* NULL: the record was added; undo deletes it */
  GValue    old;
} Change;

struct _CsContractUndo
{
  GArray *changes;
};

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->record);
  g_clear_pointer (&change->column, g_free);
  if (G_IS_VALUE (&change->old))
    g_value_unset (&change->old);
}

/**
 * cs_contract_undo_new:
 *
 * Returns: (transfer full): an empty record of accepted changes
 */
CsContractUndo *
cs_contract_undo_new (void)
{
  CsContractUndo *undo = g_new0 (CsContractUndo, 1);

  undo->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (undo->changes, change_clear);
  return undo;
}

/**
 * cs_contract_undo_free:
 * @undo: (nullable): a record of accepted changes
 *
 * Frees @undo without undoing anything.
 */
void
cs_contract_undo_free (CsContractUndo *undo)
{
  if (undo == NULL)
    return;
  g_array_unref (undo->changes);
  g_free (undo);
}

/**
 * cs_contract_undo_apply:
 * @undo: a record of accepted changes
 * @store: the store they were made in
 * @error: return location for a #CsStoreError
 *
 * Takes back the accepted changes, newest first; @undo is then empty.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_contract_undo_apply (CsContractUndo  *undo,
                        CsStore         *store,
                        GError         **error)
{
  g_return_val_if_fail (undo != NULL, FALSE);
  g_return_val_if_fail (CS_IS_STORE (store), FALSE);

  while (undo->changes->len > 0)
    {
      Change *change = &g_array_index (undo->changes, Change, undo->changes->len - 1);

      if (change->column == NULL)
        {
          g_autoptr(CsDeletion) deletion = cs_store_delete (store, change->record, error);

          if (deletion == NULL)
            return FALSE;
        }
      else if (!cs_store_set_value (store, change->record, change->column, &change->old, error))
        return FALSE;
      g_array_set_size (undo->changes, undo->changes->len - 1);
    }
  return TRUE;
}

static void
record_added (CsContractUndo *undo,
              CsRecord       *record)
{
  Change change = { g_object_ref (record), NULL, G_VALUE_INIT };

  if (undo != NULL)
    g_array_append_val (undo->changes, change);
  else
    g_object_unref (record);
}

static gboolean
set_value (CsStore        *store,
           CsRecord       *record,
           const char     *column,
           const GValue   *value,
           CsContractUndo *undo,
           GError        **error)
{
  g_autofree char *property = g_strdelimit (g_strdup (column), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  Change change = { NULL, NULL, G_VALUE_INIT };

  if (pspec == NULL)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                   _("The offer has no field “%s”."), column);
      return FALSE;
    }
  g_value_init (&change.old, pspec->value_type);
  g_object_get_property (G_OBJECT (record), property, &change.old);
  if (!cs_store_set_value (store, record, column, value, error))
    {
      g_value_unset (&change.old);
      return FALSE;
    }
  change.record = g_object_ref (record);
  change.column = g_strdup (column);
  if (undo != NULL)
    g_array_append_val (undo->changes, change);
  else
    change_clear (&change);
  return TRUE;
}

static GType
type_of_table (const char *table)
{
  guint n = 0;
  const GType *types = cs_model_get_record_types (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (cs_record_type_get_entity (types[i])->table, table))
      return types[i];
  return G_TYPE_INVALID;
}

/* The record a proposal is written into, created when the offer has none yet. */
static CsRecord *
target_record (CsStore                  *store,
               CsOffer                  *offer,
               const CsContractProposal *proposal,
               CsContractUndo           *undo,
               GError                  **error)
{
  gint64 offer_id = cs_record_get_id (CS_RECORD (offer));
  GType type = type_of_table (proposal->table);
  g_autoptr(CsRecord) record = NULL;
  GListModel *list = NULL;

  if (g_str_equal (proposal->table, "offer"))
    return CS_RECORD (offer);
  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);
  if (cs_record_type_get_entity (type)->one_per_parent)
    return cs_store_get_section (store, type, offer_id);

  list = cs_store_list (store, type, offer_id);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsRecord) candidate = g_list_model_get_item (list, i);

      if (type == CS_TYPE_SLA_TARGET
          && (g_strcmp0 (cs_record_get_string (candidate, "kind"), "incident") != 0
              || cs_record_get_int (candidate, "priority") != proposal->priority))
        continue;
      return candidate; /* the list keeps it alive */
    }

  if (type == CS_TYPE_SLA_TARGET)
    record = g_object_new (type, "offer-id", offer_id, "kind", "incident",
                           "priority", (gint64) proposal->priority, NULL);
  else
    record = g_object_new (type, "offer-id", offer_id, NULL);
  if (!cs_store_add (store, record, error))
    return NULL;
  record_added (undo, record);
  return record; /* the store's lists hold it too */
}

static gboolean
keep_evidence (CsStore                *store,
               CsOffer                *offer,
               const CsContractClause *clause,
               CsContractUndo         *undo,
               GError                **error)
{
  gint64 offer_id = cs_record_get_id (CS_RECORD (offer));
  GListModel *list = cs_store_list (store, CS_TYPE_CLAUSE, offer_id);
  g_autoptr(CsRecord) record = NULL;
  CsSection section = cs_contract_section_to_section (clause->section);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsRecord) existing = g_list_model_get_item (list, i);

      if (g_strcmp0 (cs_record_get_string (existing, "reference"), clause->reference) == 0
          && g_strcmp0 (cs_record_get_string (existing, "text"), clause->text) == 0)
        return TRUE;
    }

  record = g_object_new (CS_TYPE_CLAUSE, "offer-id", offer_id,
                         "section", cs_section_get_id (section == CS_SECTION_DASHBOARD
                                                       ? CS_SECTION_TERMS : section),
                         "reference", clause->reference, "text", clause->text, NULL);
  if (!cs_store_add (store, record, error))
    return FALSE;
  record_added (undo, record);
  return TRUE;
}

/**
 * cs_contract_document_accept:
 * @self: an analysed document
 * @proposal: the index of the proposal accepted
 * @value: the value to write, as proposed or as edited, in the proposal's unit
 * @store: the project
 * @offer: the offer the contract belongs to
 * @undo: (nullable): where to record the changes, to take them back
 * @error: return location for a #CsStoreError
 *
 * Writes the value of a proposal into the offer, with the clause reference as the record's
 * contract reference and the clause text as evidence.
 *
 * Returns: %TRUE on success; on failure, what was written before stays recorded in @undo
 */
gboolean
cs_contract_document_accept (CsContractDocument  *self,
                             guint                proposal,
                             double               value,
                             CsStore             *store,
                             CsOffer             *offer,
                             CsContractUndo      *undo,
                             GError             **error)
{
  const CsContractProposal *p = NULL;
  const CsContractClause *clause = NULL;
  g_auto(GValue) number = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;
  CsRecord *record = NULL;

  g_return_val_if_fail (CS_IS_CONTRACT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (proposal < cs_contract_document_get_n_proposals (self), FALSE);
  g_return_val_if_fail (CS_IS_STORE (store), FALSE);
  g_return_val_if_fail (CS_IS_OFFER (offer), FALSE);

  p = cs_contract_document_get_proposal (self, proposal);
  clause = cs_contract_document_get_clause (self, p->clause);

  record = target_record (store, offer, p, undo, error);
  if (record == NULL)
    return FALSE;

  g_value_init (&number, G_TYPE_DOUBLE);
  g_value_set_double (&number, value);
  if (!set_value (store, record, p->column, &number, undo, error))
    return FALSE;

  g_value_init (&text, G_TYPE_STRING);
  if (p->unit != NULL && g_str_has_suffix (p->column, "_value"))
    {
      g_autofree char *stem = g_strndup (p->column, strlen (p->column) - strlen ("_value"));
      g_autofree char *unit_column = g_strconcat (stem, "_unit", NULL);

      g_value_set_string (&text, p->unit);
      if (!set_value (store, record, unit_column, &text, undo, error))
        return FALSE;
    }
  if (g_str_equal (p->table, "offer") && g_str_equal (p->column, "price_recurring"))
    {
      g_value_set_string (&text, "month");
      if (!set_value (store, record, "price_period", &text, undo, error))
        return FALSE;
    }
  if (*clause->reference != '\0'
      && cs_entity_find_field (cs_record_get_entity (record), "reference", NULL) != NULL
      && !g_str_equal (p->table, "offer"))
    {
      g_value_set_string (&text, clause->reference);
      if (!set_value (store, record, "reference", &text, undo, error))
        return FALSE;
    }

  return keep_evidence (store, offer, clause, undo, error);
}
