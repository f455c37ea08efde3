/* cs-labels.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-labels.h"

#include "cs-i18n.h"

static const char * const criticality_labels[CS_N_CRITICALITIES] = {
  /* Translators: asset criticality levels, 1 being the most critical */
  N_("1 – Critical"), N_("2 – High"), N_("3 – Moderate"), N_("4 – Low"),
};

static const struct
{
  const char *value;
  const char *label;
} choice_labels[] = {
  /* tri-state answers */
  { "unknown", N_("Not stated") },
  { "yes", N_("Yes") },
  { "no", N_("No") },
  /* security controls */
  { "not_stated", N_("Not stated") },
  { "committed", N_("Committed") },
  /* Translators: a security control only partly committed */
  { "partial", N_("Partial") },
  /* Translators: a security control the offer explicitly does not provide */
  { "absent", N_("Absent") },
  { "not_applicable", N_("Not applicable") },
  /* exit assistance */
  { "included", N_("Included in the price") },
  { "fixed", N_("Fixed price") },
  { "rate_card", N_("Rate card") },
  { "on_quotation", N_("On quotation") },
  /* exit deliverables */
  { "pending", N_("Pending") },
  { "delivered", N_("Delivered") },
  { "verified", N_("Verified") },
  /* billing models */
  { "flat", N_("Flat fee") },
  { "per_user", N_("Per user") },
  { "per_device", N_("Per device") },
  { "month", N_("Every month") },
  { "quarter", N_("Every quarter") },
  { "year", N_("Every year") },
  { "block_hours", N_("Block of hours") },
  { "time_and_materials", N_("Time and materials") },
  /* Translators: a billing model combining several */
  { "mixed", N_("Mixed") },
  /* units and clocks of service-level times */
  { "minutes", N_("minutes") },
  { "hours", N_("hours") },
  { "days", N_("days") },
  /* Translators: a time target counted only during the coverage window */
  { "business", N_("business time") },
  /* Translators: a time target counted around the clock */
  { "calendar", N_("calendar time") },
  /* renewal modes */
  { "none", N_("Ends at the end of the term") },
  { "tacit", N_("Tacit renewal") },
  { "express", N_("Renewal by express agreement") },
};

/**
 * cs_offer_kind_get_label:
 * @kind: (nullable): an offer's kind, "incumbent" or "proposal"
 *
 * Returns: the translated name of @kind (a proposal for anything but "incumbent")
 */
const char *
cs_offer_kind_get_label (const char *kind)
{
  if (g_strcmp0 (kind, "incumbent") == 0)
    /* Translators: the kind of an offer: the contract in force today */
    return _("Incumbent contract");

  /* Translators: the kind of an offer: a provider's proposal */
  return _("Proposal");
}

/**
 * cs_asset_criticality_get_label:
 * @criticality: from 1 (critical) to %CS_N_CRITICALITIES
 *
 * Returns: the translated label of @criticality, such as "1 – Critical"
 */
const char *
cs_asset_criticality_get_label (gint64 criticality)
{
  g_return_val_if_fail (criticality >= 1 && criticality <= CS_N_CRITICALITIES, "");

  return _(criticality_labels[criticality - 1]);
}

/**
 * cs_choice_get_label:
 * @value: a value of a choice field (cs-model.c), such as "committed"
 *
 * Returns: the translated label of @value, or @value itself when it has none
 */
const char *
cs_choice_get_label (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (choice_labels); i++)
    if (g_str_equal (choice_labels[i].value, value))
      return _(choice_labels[i].label);

  return value;
}

/* The units prices are commonly given per, as the project stores them. */
static const struct {
  const char *id;
  const char *label;
} price_units[] = {
  { "hour", NC_("price unit", "hour") },
  { "day", NC_("price unit", "day") },
  { "week", NC_("price unit", "week") },
  { "month", NC_("price unit", "month") },
  { "quarter", NC_("price unit", "quarter") },
  { "year", NC_("price unit", "year") },
  { "user", NC_("price unit", "user") },
  { "device", NC_("price unit", "device") },
  { "site", NC_("price unit", "site") },
};

/**
 * cs_price_format:
 * @amount: a price
 * @currency: (nullable): an ISO 4217 code (%NULL: EUR)
 * @unit: (nullable): what the price is per, as stored ("day", or the user's own words)
 *
 * A price in the interface's language, its money and number format included: "€720.00 per
 * day", "720,00 € par jour". Common units are translated; others are shown as typed.
 *
 * Returns: (transfer full): the price as text
 */
static const char *
get_price_unit_label (const char *unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (price_units); i++)
    if (g_ascii_strcasecmp (unit, price_units[i].id) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "price unit", price_units[i].label);

  return unit;
}

char *
cs_price_format (double      amount,
                 const char *currency,
                 const char *unit)
{
  g_autofree char *money = cs_i18n_format_money (NULL, amount, currency);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&money);

  /* Translators: a price, then what it is per: "€720.00 per day" */
  return g_strdup_printf (_("%s per %s"), money, get_price_unit_label (unit));
}

/**
 * cs_price_unit_format:
 * @currency: (nullable): an ISO 4217 code (%NULL: EUR)
 * @unit: (nullable): what a price is per, as stored ("month", or the user's own words)
 *
 * The unit of a price field, beside its number: the currency as cs_price_format() shows it,
 * then what the price is per, in the same words: "€", "€ per month", "€ par mois".
 *
 * Returns: (transfer full): the unit as text
 */
char *
cs_price_unit_format (const char *currency,
                      const char *unit)
{
  const char *symbol = cs_i18n_currency_symbol (currency);

  if (unit == NULL || unit[0] == '\0')
    return g_strdup (symbol);

  /* Translators: a price, then what it is per: "€720.00 per day" */
  return g_strdup_printf (_("%s per %s"), symbol, get_price_unit_label (unit));
}
