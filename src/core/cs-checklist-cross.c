/* cs-checklist-cross.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-checklist"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-checklist-private.h"
#include "cs-store-export.h"

#include <math.h>

/* Cross-checks of the checklist engine for items whose data lies in several sections (dates
 * and terms, caps, exclusions, the responsibility matrix, sites, locations, exit). The
 * generic checks and the thresholds are in cs-checklist-checks.c. */

/* The effective date and the initial term: either alone is half the answer. */
CsItemStatus
_cs_cross_start_and_term (Ctx         *ctx,
                      const Item  *item,
                      char       **detail)
{
  CsRecord *terms = _cs_check_get_section (ctx, CS_TYPE_TERMS);
  gboolean start = terms != NULL && _cs_check_field_is_stated (terms, "start_date");
  gboolean term = terms != NULL && !isnan (cs_record_get_number (terms, "term_months"));

  if (start && term)
    return CS_ITEM_SATISFIED;
  if (start || term)
    {
      *detail = g_strdup (start ? _("The initial term is not stated.")
                                : _("The start date is not stated."));
      return CS_ITEM_PARTIAL;
    }

  *detail = g_strdup (_("Neither the start date nor the initial term is stated."));
  return CS_ITEM_MISSING;
}

/* A text column stated, and its cap (a number column) within the pack's threshold. */
static CsItemStatus
stated_and_capped (Ctx         *ctx,
                   const Item  *item,
                   GType        type,
                   const char  *text_column,
                   const char  *cap_column,
                   const char  *what,
                   char       **detail)
{
  CsRecord *record = _cs_check_get_section (ctx, type);
  CsItemStatus cap = CS_ITEM_MISSING;

  if (record == NULL || !_cs_check_field_is_stated (record, text_column))
    {
      *detail = g_strdup (_("The offer does not state it."));
      return CS_ITEM_MISSING;
    }

  cap = _cs_check_column_threshold (item, record, cap_column, what, FALSE, detail);
  if (cap == CS_ITEM_MISSING && *detail == NULL)
    *detail = g_strdup_printf (_("%s: no cap is stated."), what);

  return cap == CS_ITEM_MISSING ? CS_ITEM_PARTIAL : cap;
}

CsItemStatus
_cs_cross_credits_capped (Ctx         *ctx,
                      const Item  *item,
                      char       **detail)
{
  return stated_and_capped (ctx, item, CS_TYPE_SLA_TERMS, "credits", "credits_cap_percent",
                            _("Service-credit cap (percent of the fee)"), detail);
}

CsItemStatus
_cs_cross_revision_capped (Ctx         *ctx,
                       const Item  *item,
                       char       **detail)
{
  return stated_and_capped (ctx, item, CS_TYPE_TERMS, "revision_index", "revision_cap_percent",
                            _("Price-revision cap (percent)"), detail);
}

/* Every exclusion decided "excluded" has a price for the work. */
CsItemStatus
_cs_cross_exclusions_priced (Ctx         *ctx,
                         const Item  *item,
                         char       **detail)
{
  g_autoptr(GPtrArray) exclusions = _cs_check_get_records (ctx, CS_TYPE_EXCLUSION);
  guint n_excluded = 0, n_priced = 0;

  for (guint i = 0; i < exclusions->len; i++)
    if (g_strcmp0 (cs_record_get_string (exclusions->pdata[i], "decision"), "excluded") == 0)
      {
        n_excluded++;
        n_priced += !isnan (cs_record_get_number (exclusions->pdata[i], "price"));
      }

  if (n_excluded == 0)
    {
      *detail = g_strdup (_("No exclusion is recorded, so no price of excluded work either."));
      return CS_ITEM_MISSING;
    }
  if (n_priced < n_excluded)
    /* Translators: "1 of 3 exclusions has a price for the work." */
    *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u exclusions has a price for the work.",
                                            "%u of %u exclusions have a price for the work.",
                                            n_priced),
                               n_priced, n_excluded);

  return _cs_check_aggregate (n_priced, 0, n_excluded, detail);
}

/* The standard exclusion named by the check's value (after_hours …) has a decision: included,
 * or excluded with a price. */
CsItemStatus
_cs_cross_exclusion_decided (Ctx         *ctx,
                         const Item  *item,
                         char       **detail)
{
  g_autoptr(GPtrArray) exclusions = _cs_check_get_records (ctx, CS_TYPE_EXCLUSION);
  CsRecord *exclusion = _cs_check_find_by_key (exclusions, "category", item->value);
  const char *decision = exclusion != NULL ? cs_record_get_string (exclusion, "decision") : NULL;

  if (exclusion == NULL || g_strcmp0 (decision, "not_stated") == 0)
    {
      *detail = g_strdup (_("The offer does not say whether this is included or excluded."));
      return CS_ITEM_MISSING;
    }
  if (g_strcmp0 (decision, "excluded") == 0 && isnan (cs_record_get_number (exclusion, "price")))
    {
      *detail = g_strdup (_("Excluded with no price for the work."));
      return CS_ITEM_PARTIAL;
    }

  return CS_ITEM_SATISFIED;
}

/* The offer's recurring price and what it is per: the invoicing basis. */
CsItemStatus
_cs_cross_offer_priced (Ctx         *ctx,
                    const Item  *item,
                    char       **detail)
{
  CsRecord *offer = cs_store_find (ctx->store, CS_TYPE_OFFER, ctx->offer_id);

  if (offer != NULL && !isnan (cs_record_get_number (offer, "price_recurring")))
    return CS_ITEM_SATISFIED;
  if (offer != NULL && !isnan (cs_record_get_number (offer, "price_one_off")))
    {
      *detail = g_strdup (_("Only a one-off price is stated: the recurring invoice is unknown."));
      return CS_ITEM_PARTIAL;
    }

  *detail = g_strdup (_("The offer states no price."));
  return CS_ITEM_MISSING;
}

/* Block hours: the unit prices say what happens to unused and extra hours. */
CsItemStatus
_cs_cross_block_hours_rules (Ctx         *ctx,
                         const Item  *item,
                         char       **detail)
{
  static GRegex *rules = NULL;
  CsRecord *terms = _cs_check_get_section (ctx, CS_TYPE_TERMS);
  const char *model = terms != NULL ? cs_record_get_string (terms, "billing_model") : NULL;

  if (g_once_init_enter (&rules))
    g_once_init_leave (&rules, g_regex_new ("\\b(?:expir\\w*|roll ?over|carr(?:y|ied) over|"
                                            "report\\w*|overrun|depassement\\w*|perim\\w*|"
                                            "peremption)\\b", G_REGEX_OPTIMIZE, 0, NULL));

  if (model == NULL || g_str_equal (model, "not_stated"))
    {
      *detail = g_strdup (_("The pricing model is not stated."));
      return CS_ITEM_MISSING;
    }
  if (!g_str_equal (model, "block_hours") && !g_str_equal (model, "mixed"))
    return CS_ITEM_NOT_APPLICABLE;
  if (_cs_check_text_matches (rules, cs_record_get_string (terms, "unit_prices")))
    return CS_ITEM_SATISFIED;

  *detail = g_strdup (_("The unit prices do not say when block hours expire, roll over or what extra hours cost."));
  return CS_ITEM_PARTIAL;
}

/* The activities named by the check's value (keys, space-separated) have one Accountable,
 * of the party kinds of `accept` when given. */
CsItemStatus
_cs_cross_raci_activity (Ctx         *ctx,
                     const Item  *item,
                     char       **detail)
{
  g_auto(GStrv) keys = g_strsplit (item->value != NULL ? item->value : "", " ", -1);
  g_autoptr(GPtrArray) activities = _cs_check_get_records (ctx, CS_TYPE_ACTIVITY);
  g_autoptr(GPtrArray) cells = _cs_check_get_records (ctx, CS_TYPE_RESPONSIBILITY);
  guint n_ok = 0, n_keys = 0;

  for (guint k = 0; keys[k] != NULL; k++)
    {
      CsRecord *activity = _cs_check_find_by_key (activities, "key", keys[k]);
      guint n_accountable = 0;
      gboolean right_party = TRUE;

      if (*keys[k] == '\0')
        continue;
      n_keys++;
      if (activity == NULL)
        continue;

      for (guint i = 0; i < cells->len; i++)
        {
          CsRecord *cell = cells->pdata[i];
          CsRecord *party = NULL;

          if (cs_record_get_int (cell, "activity_id") != cs_record_get_id (activity)
              || !_cs_check_roles_contain (cell, "A"))
            continue;
          n_accountable++;
          party = cs_store_find (ctx->store, CS_TYPE_PARTY, cs_record_get_int (cell, "party_id"));
          if (item->accept != NULL
              && (party == NULL
                  || !g_strv_contains ((const char * const *) item->accept,
                                       cs_record_get_string (party, "kind"))))
            right_party = FALSE;
        }

      if (n_accountable == 1 && right_party)
        n_ok++;
      else if (*detail == NULL)
        *detail = g_strdup_printf (n_accountable == 0 ? _("No accountable party for: %s.")
                                   : n_accountable > 1 ? _("Several accountable parties for: %s.")
                                   : _("The accountable party for “%s” should be the client."),
                                   cs_record_get_string (activity, "name"));
    }

  if (n_keys == 0)
    return CS_ITEM_MISSING;
  if (n_ok == n_keys)
    return CS_ITEM_SATISFIED;
  if (*detail == NULL)
    *detail = g_strdup (_("The activity is not in the responsibility matrix."));

  return n_ok > 0 ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

/* Every site of the project has at least one asset the offer manages (or partly manages), read
 * in one query: looking each coverage's asset up cost seconds on 100,000 assets. */
CsItemStatus
_cs_cross_sites_covered (Ctx         *ctx,
                     const Item  *item,
                     char       **detail)
{
  GListModel *sites = cs_store_list (ctx->store, CS_TYPE_SITE, 0);
  guint n_sites = g_list_model_get_n_items (sites), n_covered = 0;
  g_autoptr(GHashTable) covered = NULL;
  g_autoptr(GError) error = NULL;

  if (n_sites == 0)
    {
      *detail = g_strdup (_("No site is recorded for the project."));
      return CS_ITEM_MISSING;
    }

  covered = cs_store_list_covered_sites (ctx->store, ctx->offer_id, &error);
  if (covered == NULL)
    {
      *detail = g_strdup (error->message);
      return CS_ITEM_MISSING;
    }
  for (guint s = 0; s < n_sites; s++)
    {
      g_autoptr(CsRecord) site = g_list_model_get_item (sites, s);
      gint64 site_id = cs_record_get_id (site);

      if (g_hash_table_contains (covered, &site_id))
        n_covered++;
      else if (*detail == NULL)
        *detail = g_strdup_printf (_("No asset of the site “%s” is managed by the offer."),
                                   cs_record_get_string (site, "name"));
    }

  return _cs_check_aggregate (n_covered, 0, n_sites, detail);
}

/* The project states how many users the service covers. */
CsItemStatus
_cs_cross_users_covered (Ctx         *ctx,
                     const Item  *item,
                     char       **detail)
{
  CsProject *project = cs_store_get_project (ctx->store);

  if (project != NULL && cs_record_get_int (CS_RECORD (project), "users") > 0)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup (_("The number of users covered is not recorded."));
  return CS_ITEM_MISSING;
}

/* Countries of delivery: every subcontractor's and every off-site backup's. */
CsItemStatus
_cs_cross_locations_stated (Ctx         *ctx,
                        const Item  *item,
                        char       **detail)
{
  g_autoptr(GPtrArray) subcontractors = _cs_check_get_records (ctx, CS_TYPE_SUBCONTRACTOR);
  g_autoptr(GPtrArray) policies = _cs_check_get_records (ctx, CS_TYPE_BACKUP_POLICY);
  guint n = subcontractors->len + policies->len, n_ok = 0;

  for (guint i = 0; i < subcontractors->len; i++)
    n_ok += _cs_check_field_is_stated (subcontractors->pdata[i], "country");
  for (guint i = 0; i < policies->len; i++)
    n_ok += _cs_check_field_is_stated (policies->pdata[i], "offsite_country");

  if (n > 0 && n_ok < n)
    /* Translators: "1 of 3 subcontractors and backup copies states its country." */
    *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u subcontractors and backup copies states its country.",
                                            "%u of %u subcontractors and backup copies state their country.",
                                            n_ok),
                               n_ok, n);
  else if (n == 0)
    *detail = g_strdup (_("No subcontractor or backup copy says where the service and data are."));

  return _cs_check_aggregate (n_ok, 0, n, detail);
}

CsItemStatus
_cs_check_two_parts (gboolean     first,
           gboolean     second,
           const char  *message,
           char       **detail)
{
  if (first && second)
    return CS_ITEM_SATISFIED;

  *detail = g_strdup (message);
  return first || second ? CS_ITEM_PARTIAL : CS_ITEM_MISSING;
}

/* The client gets its backups: a retrieval period after the end and the backup state handed
 * over at exit. */
CsItemStatus
_cs_cross_backup_access (Ctx         *ctx,
                     const Item  *item,
                     char       **detail)
{
  CsRecord *exit_terms = _cs_check_get_section (ctx, CS_TYPE_EXIT_TERMS);
  g_autoptr(GPtrArray) deliverables = _cs_check_get_records (ctx, CS_TYPE_EXIT_DELIVERABLE);

  return _cs_check_two_parts (exit_terms != NULL && !isnan (cs_record_get_number (exit_terms, "retrieval_days")),
                    _cs_check_find_by_key (deliverables, "item", "backup-state") != NULL,
                    _("The client needs a retrieval period after the end and the backups handed over at exit."),
                    detail);
}

/* Backups returned, then deleted with a certificate. */
CsItemStatus
_cs_cross_backup_end (Ctx         *ctx,
                  const Item  *item,
                  char       **detail)
{
  CsRecord *exit_terms = _cs_check_get_section (ctx, CS_TYPE_EXIT_TERMS);
  g_autoptr(GPtrArray) deliverables = _cs_check_get_records (ctx, CS_TYPE_EXIT_DELIVERABLE);

  return _cs_check_two_parts (_cs_check_find_by_key (deliverables, "item", "data-exports") != NULL,
                    exit_terms != NULL
                    && g_strcmp0 (cs_record_get_string (exit_terms, "erasure_certificate"), "yes") == 0,
                    _("At the end, the data must be returned, then erased with a certificate."),
                    detail);
}

/* The provider's access removed, with a proof. */
CsItemStatus
_cs_cross_access_removal (Ctx         *ctx,
                      const Item  *item,
                      char       **detail)
{
  g_autoptr(GPtrArray) controls = _cs_check_get_records (ctx, CS_TYPE_SECURITY_CONTROL);
  CsRecord *control = _cs_check_find_by_key (controls, "control", "deprovisioning");
  const char *status = control != NULL ? cs_record_get_string (control, "status") : NULL;

  if (g_strcmp0 (status, "committed") == 0 && _cs_check_field_is_stated (control, "proof"))
    return CS_ITEM_SATISFIED;
  if (g_strcmp0 (status, "committed") == 0 || g_strcmp0 (status, "partial") == 0)
    {
      *detail = g_strdup (_("Access removal is committed without a proof method."));
      return CS_ITEM_PARTIAL;
    }

  *detail = g_strdup (_("The removal of the provider's access and tools is not committed."));
  return CS_ITEM_MISSING;
}

/* Clock rules: every stated target has a unit and a clock, under a stated coverage window. */
CsItemStatus
_cs_cross_clock_rules (Ctx         *ctx,
                   const Item  *item,
                   char       **detail)
{
  CsSlaReport *sla = _cs_check_get_sla (ctx);
  CsRecord *terms = _cs_check_get_section (ctx, CS_TYPE_SLA_TERMS);
  guint n_stated = 0, n_business = 0;

  for (guint i = 0; i < sla->targets->len; i++)
    {
      CsSlaTargetReport *target = g_ptr_array_index (sla->targets, i);

      n_stated += !isnan (target->response.stated_minutes) + !isnan (target->resolution.stated_minutes);
      n_business += target->response.business + target->resolution.business;
    }

  if (n_stated == 0)
    {
      *detail = g_strdup (_("No target states a time with its unit."));
      return CS_ITEM_MISSING;
    }
  if (n_business > 0 && (terms == NULL || cs_record_get_int (terms, "window_days") == 0))
    {
      *detail = g_strdup (_("Targets count business time, but the business hours are not stated."));
      return CS_ITEM_PARTIAL;
    }

  return CS_ITEM_SATISFIED;
}

/* Repeated SLA breaches are among the exit triggers. */
CsItemStatus
_cs_cross_sla_termination (Ctx         *ctx,
                       const Item  *item,
                       char       **detail)
{
  static GRegex *sla = NULL;
  CsRecord *exit_terms = _cs_check_get_section (ctx, CS_TYPE_EXIT_TERMS);
  CsRecord *terms = _cs_check_get_section (ctx, CS_TYPE_TERMS);

  if (g_once_init_enter (&sla))
    g_once_init_leave (&sla, g_regex_new ("\\b(?:sla|service levels?|niveaux? de service|"
                                          "gti|gtr|repeated|repetes?|penalit\\w*|service credits?)\\b",
                                          G_REGEX_OPTIMIZE, 0, NULL));

  /* The early-termination terms may give the right as well. */
  if (terms != NULL && _cs_check_text_matches (sla, cs_record_get_string (terms, "early_termination")))
    return CS_ITEM_SATISFIED;
  if (exit_terms == NULL || !_cs_check_field_is_stated (exit_terms, "triggers"))
    {
      *detail = g_strdup (_("No exit trigger is stated."));
      return CS_ITEM_MISSING;
    }
  if (_cs_check_text_matches (sla, cs_record_get_string (exit_terms, "triggers")))
    return CS_ITEM_SATISFIED;

  *detail = g_strdup (_("The exit triggers do not include repeated SLA breaches."));
  return CS_ITEM_PARTIAL;
}

