/* cs-sections.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-sections"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cs-sections.h"

#include <math.h>
#include <string.h>
#include <time.h>

/*
 * The computed side of the offer sections: values derived from what the consultant recorded
 * (worst-case SLA times, the cancel-by date, the RACI matrix) and flags pointing at the fields
 * to fix. Everything reads through the public #CsStore API; only cs_raci_set_roles() writes.
 *
 * Rules chosen here:
 * - SLA: a business-time target runs under the offer's coverage window (see cs-sla.c); one
 *   business day is one window day's length. When the offer states on-call for P1, P1
 *   incident targets run around the clock. The worst cases examine the openings of one
 *   calendar year (the caller's choice; the current year by default).
 * - Availability periods: a month counts 30 days, a quarter 90, a year 365 (DOMAIN.md's
 *   reference figures use 30-day months).
 * - Backup: a critical asset is one of criticality 1 that holds data or configuration (server,
 *   NAS, SaaS or cloud tenant, business application, firewall, switch). A policy has an offline copy when its
 *   offline or its immutable copy is stated "yes".
 * - Terms: the initial term ends on the day before start + term months; each tacit renewal
 *   adds the renewal months. The cancel-by date is the end of the first period whose notice
 *   deadline has not passed, minus the notice days; the decide-by date subtracts the client's
 *   internal lead days too.
 */

G_DEFINE_BOXED_TYPE (CsFlag, cs_flag, cs_flag_copy, cs_flag_free)

/* Security controls the store creates for every offer, with the checklist's critical ones. */
static const struct
{
  const char *control;
  const char *label;
  gboolean    critical;
} security_controls[] = {
  { "named-accounts", N_("Named individual accounts"), TRUE },
  { "mfa-provider-access", N_("MFA on every provider access"), TRUE },
  { "privileged-inventory", N_("Privileged-account inventory"), FALSE },
  { "least-privilege", N_("Least privilege and access reviews"), FALSE },
  { "remote-tools", N_("Declared remote-administration tools"), TRUE },
  { "remote-access", N_("Remote-access conditions"), FALSE },
  { "admin-workstations", N_("Dedicated administration workstations"), FALSE },
  { "logging", N_("Logging and log retention"), FALSE },
  { "encryption", N_("Encryption"), FALSE },
  { "patching", N_("Patching"), FALSE },
  { "incident-notification", N_("Security-incident notification delay"), FALSE },
  { "deprovisioning", N_("Access removal when staff leave"), FALSE },
  { "staff-confidentiality", N_("Staff confidentiality"), FALSE },
  { "audits", N_("Security audits"), FALSE },
  { "certifications", N_("Certifications"), FALSE },
  { "security-plan", N_("Security assurance plan"), FALSE },
  { "password-vault", N_("Password vault"), FALSE },
};

/* What an outgoing provider hands back (DOMAIN.md, Exit). */
static const struct
{
  const char *item;
  const char *label;
} exit_items[] = {
  { "credentials", N_("Administrator credentials") },
  { "documentation", N_("Documentation") },
  { "data-exports", N_("Data exports") },
  { "inventory", N_("Asset inventory") },
  { "backup-state", N_("Backup state and last restore test") },
  { "licences", N_("Licences and subscriptions") },
  { "network-parameters", N_("Network parameters") },
  { "scripts", N_("Automation scripts") },
  { "transition-calendar", N_("Transition calendar") },
};

static const char * const exit_item_ids[] = {
  "credentials", "documentation", "data-exports", "inventory", "backup-state", "licences",
  "network-parameters", "scripts", "transition-calendar", NULL
};

/* Helpers */

G_GNUC_PRINTF (7, 8) static void
add_flag (GPtrArray      *flags,
          CsFlagSeverity  severity,
          const char     *code,
          CsRecord       *record,
          const char     *table,
          const char     *field,
          const char     *format,
          ...)
{
  CsFlag *flag = g_new0 (CsFlag, 1);
  va_list args;

  flag->severity = severity;
  flag->code = g_strdup (code);
  flag->table = record != NULL ? cs_record_get_entity (record)->table : table;
  flag->record_id = record != NULL ? cs_record_get_id (record) : 0;
  flag->field = g_strdup (field);

  va_start (args, format);
  flag->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (flags, flag);
}

static GPtrArray *
flags_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cs_flag_free);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
is_empty (CsRecord   *record,
          const char *column)
{
  return is_blank (cs_record_get_string (record, column));
}

static gboolean
is_yes (CsRecord   *record,
        const char *column)
{
  return g_strcmp0 (cs_record_get_string (record, column), "yes") == 0;
}

static gboolean
is_stated (double value)
{
  return !isnan (value);
}

static GPtrArray *
list_records (CsStore *store,
              GType    type,
              gint64   parent_id)
{
  GListModel *list = cs_store_list (store, type, parent_id);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (list);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (records, g_list_model_get_item (list, i));

  return records;
}

/* Rounds half away from zero, without libm. */
static gint64
round_to_int (double value)
{
  return (gint64) (value < 0 ? value - 0.5 : value + 0.5);
}

/**
 * cs_flag_copy:
 * @flag: a flag
 *
 * Returns: (transfer full): a copy of @flag
 */
CsFlag *
cs_flag_copy (const CsFlag *flag)
{
  CsFlag *copy = NULL;

  g_return_val_if_fail (flag != NULL, NULL);

  copy = g_new0 (CsFlag, 1);
  copy->severity = flag->severity;
  copy->code = g_strdup (flag->code);
  copy->table = flag->table;
  copy->record_id = flag->record_id;
  copy->field = g_strdup (flag->field);
  copy->message = g_strdup (flag->message);

  return copy;
}

/**
 * cs_flag_free:
 * @flag: (transfer full): a flag
 *
 * Frees @flag.
 */
void
cs_flag_free (CsFlag *flag)
{
  if (flag == NULL)
    return;

  g_free (flag->code);
  g_free (flag->field);
  g_free (flag->message);
  g_free (flag);
}

/**
 * cs_flag_severity_get_id:
 * @severity: a severity
 *
 * Returns: "minor", "major" or "critical"
 */
const char *
cs_flag_severity_get_id (CsFlagSeverity severity)
{
  switch (severity)
    {
    case CS_FLAG_MINOR:
      return "minor";
    case CS_FLAG_MAJOR:
      return "major";
    case CS_FLAG_CRITICAL:
      return "critical";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * cs_flag_severity_get_label:
 * @severity: a severity
 *
 * Returns: the translated name of @severity
 */
const char *
cs_flag_severity_get_label (CsFlagSeverity severity)
{
  switch (severity)
    {
    case CS_FLAG_MINOR:
      return _("Minor");
    case CS_FLAG_MAJOR:
      return _("Major");
    case CS_FLAG_CRITICAL:
      return _("Critical");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * cs_time_to_minutes:
 * @value: a stated value, NaN when not stated
 * @unit: "minutes", "hours" or "days"
 * @day_minutes: the length of a day in minutes (1440, or a business day's length)
 *
 * Returns: @value in minutes, or NaN when @value is not stated or @unit is unknown
 */
double
cs_time_to_minutes (double      value,
                    const char *unit,
                    double      day_minutes)
{
  if (isnan (value) || unit == NULL)
    return NAN;

  if (g_str_equal (unit, "minutes"))
    return value;
  if (g_str_equal (unit, "hours"))
    return value * 60.0;
  if (g_str_equal (unit, "days"))
    return value * day_minutes;

  return NAN;
}

/**
 * cs_format_minutes:
 * @minutes: a duration in minutes, NaN when not stated, `INFINITY` for never
 *
 * Returns: (transfer full): the duration for people, with its unit ("66 h", "4 h 30 min")
 */
char *
cs_format_minutes (double minutes)
{
  gint64 whole = 0;

  if (isnan (minutes))
    return g_strdup (_("not stated"));
  if (isinf (minutes))
    return g_strdup (_("never"));

  whole = (gint64) round_to_int (minutes);
  if (whole < 60)
    return g_strdup_printf (_("%" PRId64 " min"), whole);
  if (whole % 60 == 0)
    return g_strdup_printf (_("%" PRId64 " h"), whole / 60);

  return g_strdup_printf (_("%" PRId64 " h %02" PRId64 " min"),
                          whole / 60, whole % 60);
}

static char *
format_date (const GDate *date)
{
  char text[64];

  if (!g_date_valid (date))
    return g_strdup (_("not stated"));

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* Responsibilities */

/**
 * cs_raci_normalize_roles:
 * @roles: roles as typed, such as "ar" or "R, A"
 * @error: return location for a %CS_STORE_ERROR_INVALID error
 *
 * Returns: (transfer full) (nullable): the roles in canonical order ("RA"), "" for none, or
 *   %NULL when @roles holds something other than R, A, C, I, spaces, commas and slashes
 */
char *
cs_raci_normalize_roles (const char  *roles,
                         GError     **error)
{
  static const char order[] = "RACI";
  gboolean seen[4] = { FALSE, };
  GString *text = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (const char *p = roles != NULL ? roles : ""; *p != '\0'; p++)
    {
      const char *found = strchr (order, g_ascii_toupper (*p));

      if (*p == ' ' || *p == ',' || *p == '/' || *p == '+')
        continue;

      if (found == NULL || *p == '\0')
        {
          g_autofree char *valid = g_utf8_make_valid (roles, -1);

          g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_INVALID,
                       _("“%s” is not a set of roles: use the letters R, A, C and I"), valid);
          return NULL;
        }

      seen[found - order] = TRUE;
    }

  text = g_string_new (NULL);
  for (guint i = 0; i < 4; i++)
    if (seen[i])
      g_string_append_c (text, order[i]);

  return g_string_free (text, FALSE);
}

static CsRecord *
find_cell (CsStore *store,
           gint64   offer_id,
           gint64   activity_id,
           gint64   party_id)
{
  GListModel *cells = cs_store_list (store, CS_TYPE_RESPONSIBILITY, offer_id);
  guint n_items = g_list_model_get_n_items (cells);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CsRecord) cell = g_list_model_get_item (cells, i);

      if (cs_record_get_int (cell, "activity_id") == activity_id
          && cs_record_get_int (cell, "party_id") == party_id)
        return cell; /* the live list keeps it */
    }

  return NULL;
}

/**
 * cs_raci_set_roles:
 * @store: a writable store
 * @offer_id: an offer
 * @activity_id: an activity of the catalogue
 * @party_id: a party of the catalogue
 * @roles: the roles, as accepted by cs_raci_normalize_roles(); "" empties the cell
 * @error: return location for a #CsStoreError
 *
 * Sets one cell of the offer's matrix, adding or deleting its record as needed.
 *
 * Returns: %TRUE if the cell was saved
 */
gboolean
cs_raci_set_roles (CsStore     *store,
                   gint64       offer_id,
                   gint64       activity_id,
                   gint64       party_id,
                   const char  *roles,
                   GError     **error)
{
  g_autofree char *normalized = NULL;
  CsRecord *cell = NULL;

  g_return_val_if_fail (CS_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  normalized = cs_raci_normalize_roles (roles, error);
  if (normalized == NULL)
    return FALSE;

  cell = find_cell (store, offer_id, activity_id, party_id);
  if (cell != NULL && *normalized == '\0')
    {
      g_autoptr(CsDeletion) deletion = cs_store_delete (store, cell, error);

      return deletion != NULL;
    }

  if (cell != NULL)
    return cs_store_set_string (store, cell, "roles", normalized, error);

  if (*normalized == '\0')
    return TRUE;

  {
    g_autoptr(CsRecord) record = g_object_new (CS_TYPE_RESPONSIBILITY,
                                               "offer-id", offer_id,
                                               "activity-id", activity_id,
                                               "party-id", party_id,
                                               "roles", normalized,
                                               NULL);

    return cs_store_add (store, record, error);
  }
}

/**
 * cs_raci_find_accountable:
 * @store: a store
 * @offer_id: an offer
 * @activity_key: the key of an activity of the catalogue ("restore" …)
 *
 * Returns: (transfer none) (nullable): the first party Accountable for the activity
 */
CsParty *
cs_raci_find_accountable (CsStore    *store,
                          gint64      offer_id,
                          const char *activity_key)
{
  GListModel *activities = NULL;
  GListModel *cells = NULL;
  gint64 activity_id = 0;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (activity_key != NULL, NULL);

  activities = cs_store_list (store, CS_TYPE_ACTIVITY, 0);
  for (guint i = 0; i < g_list_model_get_n_items (activities) && activity_id == 0; i++)
    {
      g_autoptr(CsRecord) activity = g_list_model_get_item (activities, i);

      if (g_strcmp0 (cs_record_get_string (activity, "key"), activity_key) == 0)
        activity_id = cs_record_get_id (activity);
    }

  cells = cs_store_list (store, CS_TYPE_RESPONSIBILITY, offer_id);
  for (guint i = 0; activity_id != 0 && i < g_list_model_get_n_items (cells); i++)
    {
      g_autoptr(CsRecord) cell = g_list_model_get_item (cells, i);

      if (cs_record_get_int (cell, "activity_id") == activity_id
          && strchr (cs_record_get_string (cell, "roles"), 'A') != NULL)
        return (CsParty *) cs_store_find (store, CS_TYPE_PARTY,
                                          cs_record_get_int (cell, "party_id"));
    }

  return NULL;
}

static void
raci_row_free (gpointer data)
{
  CsRaciRow *row = data;

  g_clear_object (&row->activity);
  g_strfreev (row->roles);
  g_free (row);
}

/**
 * cs_raci_matrix_new:
 * @store: a store
 * @offer_id: an offer
 *
 * Builds the who-does-what matrix of an offer and flags the activities that do not have
 * exactly one Accountable party.
 *
 * Returns: (transfer full): the matrix; free it with cs_raci_matrix_free()
 */
CsRaciMatrix *
cs_raci_matrix_new (CsStore *store,
                    gint64   offer_id)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  CsRaciMatrix *matrix = NULL;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  matrix = g_new0 (CsRaciMatrix, 1);
  matrix->offer_id = offer_id;
  matrix->parties = list_records (store, CS_TYPE_PARTY, 0);
  matrix->rows = g_ptr_array_new_with_free_func (raci_row_free);
  matrix->flags = flags_new ();

  activities = list_records (store, CS_TYPE_ACTIVITY, 0);
  cells = list_records (store, CS_TYPE_RESPONSIBILITY, offer_id);

  if (cells->len == 0)
    add_flag (matrix->flags, CS_FLAG_CRITICAL, "raci-empty", NULL, "responsibility", NULL,
              "%s", _("The offer says nothing about who does what: no responsibility is recorded"));

  for (guint i = 0; i < activities->len; i++)
    {
      CsRecord *activity = g_ptr_array_index (activities, i);
      CsRaciRow *row = g_new0 (CsRaciRow, 1);
      const char *name = cs_record_get_string (activity, "name");

      row->activity = g_object_ref (CS_ACTIVITY (activity));
      row->roles = g_new0 (char *, matrix->parties->len + 1);

      for (guint j = 0; j < matrix->parties->len; j++)
        {
          CsRecord *party = g_ptr_array_index (matrix->parties, j);
          const char *stored = "";

          for (guint k = 0; k < cells->len; k++)
            {
              CsRecord *cell = g_ptr_array_index (cells, k);

              if (cs_record_get_int (cell, "activity_id") == cs_record_get_id (activity)
                  && cs_record_get_int (cell, "party_id") == cs_record_get_id (party))
                {
                  g_autofree char *normalized = cs_raci_normalize_roles (
                    cs_record_get_string (cell, "roles"), NULL);

                  stored = cs_record_get_string (cell, "roles");
                  if (normalized == NULL)
                    add_flag (matrix->flags, CS_FLAG_MINOR, "raci-invalid-roles", cell, NULL,
                              "roles", _("“%s” for “%s” holds letters other than R, A, C and I"),
                              stored, name);
                  break;
                }
            }

          row->roles[j] = g_strdup (stored);
          if (strchr (stored, 'A') != NULL || strchr (stored, 'a') != NULL)
            row->n_accountable++;
          if (strchr (stored, 'R') != NULL || strchr (stored, 'r') != NULL)
            row->n_responsible++;
        }

      if (cells->len > 0 && row->n_accountable == 0)
        add_flag (matrix->flags, CS_FLAG_MAJOR, "raci-no-accountable", activity, NULL, "roles",
                  _("No party is accountable for “%s”"), name);
      else if (row->n_accountable > 1)
        add_flag (matrix->flags, CS_FLAG_MAJOR, "raci-several-accountable", activity, NULL,
                  "roles", _("%u parties are accountable for “%s”: exactly one should be"),
                  row->n_accountable, name);
      if (cells->len > 0 && row->n_accountable > 0 && row->n_responsible == 0)
        add_flag (matrix->flags, CS_FLAG_MINOR, "raci-no-responsible", activity, NULL, "roles",
                  _("No party is responsible for doing “%s”"), name);

      g_ptr_array_add (matrix->rows, row);
    }

  return matrix;
}

/**
 * cs_raci_matrix_free:
 * @matrix: (transfer full): a matrix
 *
 * Frees @matrix.
 */
void
cs_raci_matrix_free (CsRaciMatrix *matrix)
{
  if (matrix == NULL)
    return;

  g_ptr_array_unref (matrix->parties);
  g_ptr_array_unref (matrix->rows);
  g_ptr_array_unref (matrix->flags);
  g_free (matrix);
}

/* SLA */

/**
 * cs_availability_period_days:
 * @period: an availability measurement period as typed ("calendar month", "mois" …)
 *
 * Returns: its length in days (a month is 30 days), or NaN when not understood
 */
double
cs_availability_period_days (const char *period)
{
  static const struct { const char *word; double days; } words[] = {
    { "quarter", 90 }, { "trimest", 90 }, { "month", 30 }, { "mois", 30 }, { "mensu", 30 },
    { "week", 7 }, { "semaine", 7 }, { "hebdo", 7 }, { "year", 365 }, { "annu", 365 },
    { "année", 365 }, { "day", 1 }, { "daily", 1 }, { "jour", 1 }, { "quotid", 1 },
  };
  g_autofree char *lower = NULL;

  if (period == NULL)
    return NAN;

  lower = g_utf8_strdown (period, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i].word) != NULL)
      return words[i].days;

  return NAN;
}

static void
target_report_free (gpointer data)
{
  CsSlaTargetReport *report = data;

  g_clear_object (&report->target);
  cs_worst_case_clear (&report->response.worst);
  cs_worst_case_clear (&report->resolution.worst);
  g_free (report);
}

static void
normalize_time (CsSlaReport *report,
                CsRecord    *target,
                const char  *prefix,
                gboolean     around_the_clock,
                CsSlaTime   *time)
{
  g_autofree char *value_column = g_strconcat (prefix, "_value", NULL);
  g_autofree char *unit_column = g_strconcat (prefix, "_unit", NULL);
  g_autofree char *clock_column = g_strconcat (prefix, "_clock", NULL);
  double day_minutes = cs_coverage_window_get_day_minutes (report->window);

  time->business = g_strcmp0 (cs_record_get_string (target, clock_column), "business") == 0
                   && !around_the_clock;
  time->stated_minutes = cs_time_to_minutes (cs_record_get_number (target, value_column),
                                             cs_record_get_string (target, unit_column),
                                             time->business ? day_minutes : 1440);
  time->worst.wall_minutes = time->stated_minutes;

  if (!is_stated (time->stated_minutes) || time->stated_minutes < 0 || !time->business)
    return;

  cs_coverage_window_get_worst_case (report->window, time->stated_minutes, report->year,
                                     &time->worst);
}

static void
check_priority_order (CsSlaReport *report,
                      const char  *prefix,
                      const char  *what)
{
  g_autofree char *column = g_strconcat (prefix, "_value", NULL);

  for (guint i = 0; i < report->targets->len; i++)
    {
      CsSlaTargetReport *high = g_ptr_array_index (report->targets, i);
      CsSlaTime *high_time = g_str_equal (prefix, "response") ? &high->response : &high->resolution;

      for (guint j = i + 1; j < report->targets->len; j++)
        {
          CsSlaTargetReport *low = g_ptr_array_index (report->targets, j);
          CsSlaTime *low_time = g_str_equal (prefix, "response") ? &low->response
                                                                 : &low->resolution;
          g_autofree char *high_text = NULL;
          g_autofree char *low_text = NULL;

          if (!g_str_equal (cs_record_get_string (CS_RECORD (high->target), "kind"),
                            cs_record_get_string (CS_RECORD (low->target), "kind"))
              || !is_stated (high_time->worst.wall_minutes)
              || !is_stated (low_time->worst.wall_minutes)
              || high_time->worst.wall_minutes <= low_time->worst.wall_minutes)
            continue;

          high_text = cs_format_minutes (high_time->worst.wall_minutes);
          low_text = cs_format_minutes (low_time->worst.wall_minutes);
          /* Translators: "P1 resolution can take 66 h, longer than P2 (24 h)" */
          add_flag (report->flags, CS_FLAG_MAJOR, "sla-priority-order", CS_RECORD (high->target),
                    NULL, column, _("P%d %s can take %s, longer than P%d (%s)"),
                    (int) cs_record_get_int (CS_RECORD (high->target), "priority"), what,
                    high_text,
                    (int) cs_record_get_int (CS_RECORD (low->target), "priority"), low_text);
        }
    }
}

/**
 * cs_sla_report_new:
 * @store: a store
 * @offer_id: an offer
 * @year: the year whose ticket openings the worst cases examine, 0 for the current year
 *
 * Normalises every SLA target of an offer to worst-case wall-clock time under its coverage
 * window and flags gaps and inconsistencies.
 *
 * Returns: (transfer full): the report; free it with cs_sla_report_free()
 */
CsSlaReport *
cs_sla_report_new (CsStore *store,
                   gint64   offer_id,
                   int      year)
{
  CsSlaReport *report = NULL;
  CsRecord *terms = NULL;
  const char *time_zone = NULL;
  const char *holidays = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  gboolean zone_ok = TRUE;
  gboolean holidays_ok = TRUE;
  gboolean oncall = FALSE;
  gboolean has_request = FALSE;
  guint days = 0;
  double availability = NAN;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  terms = cs_store_get_section (store, CS_TYPE_SLA_TERMS, offer_id);
  g_return_val_if_fail (terms != NULL, NULL);

  report = g_new0 (CsSlaReport, 1);
  report->terms = g_object_ref (CS_SLA_TERMS (terms));
  report->flags = flags_new ();
  report->targets = g_ptr_array_new_with_free_func (target_report_free);

  if (year <= 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
    }
  report->year = year;

  days = cs_record_get_int (terms, "window_days");
  time_zone = cs_record_get_string (terms, "time_zone");
  holidays = cs_record_get_string (terms, "holidays");

  if (days == 0)
    add_flag (report->flags, CS_FLAG_CRITICAL, "sla-window-empty", terms, NULL, "window_days",
              "%s", _("The coverage window has no day: the service desk never opens"));

  if (time_zone == NULL || *time_zone == '\0')
    {
      zone_ok = FALSE;
      add_flag (report->flags, CS_FLAG_MAJOR, "sla-no-time-zone", terms, NULL, "time_zone",
                "%s", _("The time zone of the coverage window is not stated: UTC is assumed"));
    }
  else
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (time_zone);

      zone_ok = zone != NULL;
      if (!zone_ok)
        add_flag (report->flags, CS_FLAG_MAJOR, "sla-bad-time-zone", terms, NULL, "time_zone",
                  _("“%s” is not a known time zone: UTC is assumed"), time_zone);
    }

  if (is_blank (holidays))
    add_flag (report->flags, CS_FLAG_MAJOR, "sla-no-holidays", terms, NULL, "holidays", "%s",
              _("Public holidays are not stated: none are assumed, yet the provider may close on them"));
  else if (!cs_holidays_validate (holidays, &error))
    {
      holidays_ok = FALSE;
      add_flag (report->flags, CS_FLAG_MAJOR, "sla-bad-holidays", terms, NULL, "holidays",
                "%s", error->message);
    }

  report->window = cs_coverage_window_new (days, cs_record_get_int (terms, "window_start"),
                                           cs_record_get_int (terms, "window_end"),
                                           zone_ok ? time_zone : NULL,
                                           holidays_ok ? holidays : NULL, NULL);
  g_assert (report->window != NULL);
  report->window_text = cs_coverage_window_describe (report->window);
  report->week_minutes = (double) __builtin_popcount (days)
                         * cs_coverage_window_get_day_minutes (report->window);

  oncall = is_yes (terms, "oncall_p1");

  availability = cs_record_get_number (terms, "availability_target");
  report->period_days = cs_availability_period_days (cs_record_get_string (terms,
                                                                           "availability_period"));
  report->allowed_downtime_minutes = NAN;
  if (!is_stated (availability))
    add_flag (report->flags, CS_FLAG_MAJOR, "sla-no-availability", terms, NULL,
              "availability_target", "%s", _("No availability target is stated"));
  else if (availability <= 0 || availability > 100)
    add_flag (report->flags, CS_FLAG_MAJOR, "sla-bad-availability", terms, NULL,
              "availability_target", _("An availability of %g %% is not a percentage"),
              availability);
  else if (!is_stated (report->period_days))
    add_flag (report->flags, CS_FLAG_MAJOR, "sla-availability-no-period", terms, NULL,
              "availability_period", "%s",
              _("The availability target has no measurement period (month, quarter, year)"));
  else
    report->allowed_downtime_minutes = (100.0 - availability) / 100.0 * report->period_days
                                       * 1440.0;

  if (is_stated (availability) && !is_stated (cs_record_get_number (terms, "maintenance_hours")))
    add_flag (report->flags, CS_FLAG_MAJOR, "sla-maintenance-unbounded", terms, NULL,
              "maintenance_hours", "%s",
              _("Planned maintenance is not capped: it may be excluded from availability without limit"));
  if (is_stated (availability)
      && !is_stated (cs_record_get_number (terms, "maintenance_notice_days")))
    add_flag (report->flags, CS_FLAG_MINOR, "sla-maintenance-no-notice", terms, NULL,
              "maintenance_notice_days", "%s", _("No notice period is stated for planned maintenance"));
  if (is_empty (terms, "escalation"))
    add_flag (report->flags, CS_FLAG_MAJOR, "sla-no-escalation", terms, NULL, "escalation", "%s",
              _("No escalation levels are stated"));
  if (is_empty (terms, "credits"))
    add_flag (report->flags, CS_FLAG_MAJOR, "sla-no-credits", terms, NULL, "credits", "%s",
              _("No service credits or penalties are stated: a missed target costs the provider nothing"));
  if (is_empty (terms, "reporting"))
    add_flag (report->flags, CS_FLAG_MAJOR, "sla-no-reporting", terms, NULL, "reporting", "%s",
              _("No SLA reporting is stated"));

  targets = list_records (store, CS_TYPE_SLA_TARGET, offer_id);
  for (guint i = 0; i < targets->len; i++)
    {
      CsRecord *target = g_ptr_array_index (targets, i);
      CsSlaTargetReport *item = g_new0 (CsSlaTargetReport, 1);
      gboolean incident = g_str_equal (cs_record_get_string (target, "kind"), "incident");
      int priority = cs_record_get_int (target, "priority");
      gboolean around_the_clock = incident && priority == 1 && oncall;

      item->target = g_object_ref (CS_SLA_TARGET (target));
      normalize_time (report, target, "response", around_the_clock, &item->response);
      normalize_time (report, target, "resolution", around_the_clock, &item->resolution);
      g_ptr_array_add (report->targets, item);

      if (!incident)
        {
          has_request = TRUE;
          continue;
        }

      if (!is_stated (item->response.stated_minutes))
        add_flag (report->flags, CS_FLAG_CRITICAL, "sla-no-response", target, NULL,
                  "response_value", _("P%d has no response time with a unit"), priority);
      if (!is_stated (item->resolution.stated_minutes))
        add_flag (report->flags, CS_FLAG_CRITICAL, "sla-no-resolution", target, NULL,
                  "resolution_value", _("P%d has no resolution time with a unit"), priority);
      if (is_empty (target, "definition"))
        add_flag (report->flags, CS_FLAG_MAJOR, "sla-no-definition", target, NULL, "definition",
                  _("P%d is not defined: which incidents it covers is open to argument"),
                  priority);
      if (is_stated (item->response.worst.wall_minutes)
          && is_stated (item->resolution.worst.wall_minutes)
          && item->resolution.worst.wall_minutes < item->response.worst.wall_minutes)
        add_flag (report->flags, CS_FLAG_MAJOR, "sla-resolution-before-response", target, NULL,
                  "resolution_value", _("P%d may have to be resolved before the response is due"),
                  priority);

      if (priority == 1 && !oncall && item->response.business
          && is_stated (item->response.worst.wall_minutes))
        {
          g_autofree char *text = cs_format_minutes (item->response.worst.wall_minutes);

          add_flag (report->flags, CS_FLAG_MAJOR, "sla-no-oncall", terms, NULL, "oncall_p1",
                    _("No on-call for P1: a critical incident raised when the desk closes may wait %s for a response"),
                    text);
        }
    }

  check_priority_order (report, "response", _("response"));
  check_priority_order (report, "resolution", _("resolution"));

  if (!has_request)
    add_flag (report->flags, CS_FLAG_MINOR, "sla-no-request-targets", terms, NULL, NULL, "%s",
              _("No targets are stated for service requests (accounts, installations)"));

  return report;
}

/**
 * cs_sla_report_free:
 * @report: (transfer full): a report
 *
 * Frees @report.
 */
void
cs_sla_report_free (CsSlaReport *report)
{
  if (report == NULL)
    return;

  g_clear_object (&report->terms);
  g_clear_pointer (&report->window, cs_coverage_window_unref);
  g_free (report->window_text);
  g_ptr_array_unref (report->targets);
  g_ptr_array_unref (report->flags);
  g_free (report);
}

/* Backup */

/* Backups are owed for data and configurations, not for printers or handsets. */
static gboolean
holds_data (CsRecord *asset)
{
  static const char * const categories[] = {
    "server", "nas", "saas_tenant", "cloud_tenant", "business_application", "firewall", "switch",
    NULL
  };

  return g_strv_contains (categories, cs_record_get_string (asset, "category"));
}

static void
policy_report_free (gpointer data)
{
  CsBackupPolicyReport *report = data;

  g_clear_object (&report->policy);
  g_ptr_array_unref (report->assets);
  g_free (report);
}

/**
 * cs_backup_report_new:
 * @store: a store
 * @offer_id: an offer
 *
 * Checks the backup policies of an offer: frequency against RPO, offline copy, restore
 * tests, critical assets left out, backup outcome left to the client.
 *
 * Returns: (transfer full): the report; free it with cs_backup_report_free()
 */
CsBackupReport *
cs_backup_report_new (CsStore *store,
                      gint64   offer_id)
{
  CsBackupReport *report = NULL;
  g_autoptr(GPtrArray) policies = NULL;
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GHashTable) protected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            NULL);
  static const char * const outcome_activities[] = { "restore", "backup-monitoring" };

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  report = g_new0 (CsBackupReport, 1);
  report->policies = g_ptr_array_new_with_free_func (policy_report_free);
  report->unprotected_critical = g_ptr_array_new_with_free_func (g_object_unref);
  report->flags = flags_new ();

  policies = list_records (store, CS_TYPE_BACKUP_POLICY, offer_id);
  if (policies->len == 0)
    add_flag (report->flags, CS_FLAG_CRITICAL, "backup-none", NULL, "backup_policy", NULL, "%s",
              _("No backup policy is recorded: what is backed up, how often and for how long is unknown"));

  for (guint i = 0; i < policies->len; i++)
    {
      CsRecord *policy = g_ptr_array_index (policies, i);
      CsBackupPolicyReport *item = g_new0 (CsBackupPolicyReport, 1);
      g_autoptr(GPtrArray) scopes = list_records (store, CS_TYPE_BACKUP_SCOPE,
                                                  cs_record_get_id (policy));
      const char *name = cs_record_get_string (policy, "name");
      double frequency = cs_record_get_number (policy, "frequency_hours");
      double rpo = cs_record_get_number (policy, "rpo_hours");
      double tests = cs_record_get_number (policy, "restore_test_months");

      if (*name == '\0')
        name = _("Unnamed policy");

      item->policy = g_object_ref (CS_BACKUP_POLICY (policy));
      item->assets = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint j = 0; j < scopes->len; j++)
        {
          CsRecord *scope = g_ptr_array_index (scopes, j);
          /* Held by the report only: the store need not keep every backed-up asset. */
          CsRecord *asset = cs_store_ref_record (store, CS_TYPE_ASSET,
                                                 cs_record_get_int (scope, "asset_id"));

          if (asset == NULL)
            continue;
          g_ptr_array_add (item->assets, asset);
          g_hash_table_add (protected, g_memdup2 (&(gint64) { cs_record_get_id (asset) },
                                                  sizeof (gint64)));
        }
      item->frequency_exceeds_rpo = is_stated (frequency) && is_stated (rpo) && frequency > rpo;
      g_ptr_array_add (report->policies, item);

      if (item->assets->len == 0 && is_empty (policy, "scope"))
        add_flag (report->flags, CS_FLAG_MAJOR, "backup-no-scope", policy, NULL, "scope",
                  _("“%s” does not say what it backs up"), name);
      if (!is_stated (frequency))
        add_flag (report->flags, CS_FLAG_CRITICAL, "backup-no-frequency", policy, NULL,
                  "frequency_hours", _("“%s” has no backup frequency"), name);
      if (!is_stated (rpo))
        add_flag (report->flags, CS_FLAG_CRITICAL, "backup-no-rpo", policy, NULL, "rpo_hours",
                  _("“%s” has no RPO (maximum data loss)"), name);
      if (item->frequency_exceeds_rpo)
        add_flag (report->flags, CS_FLAG_MAJOR, "backup-frequency-exceeds-rpo", policy, NULL,
                  "frequency_hours",
                  _("“%s” runs every %g h but promises an RPO of %g h: up to %g h of data can be lost"),
                  name, frequency, rpo, frequency);
      if (!is_stated (cs_record_get_number (policy, "retention_days")))
        add_flag (report->flags, CS_FLAG_MAJOR, "backup-no-retention", policy, NULL,
                  "retention_days", _("“%s” does not say how long backups are kept"), name);
      if (!is_stated (cs_record_get_number (policy, "rto_hours")))
        add_flag (report->flags, CS_FLAG_CRITICAL, "backup-no-rto", policy, NULL, "rto_hours",
                  _("“%s” has no RTO (time to restore)"), name);
      if (!is_yes (policy, "offline_copy") && !is_yes (policy, "immutable_copy"))
        add_flag (report->flags, CS_FLAG_CRITICAL, "backup-no-offline-copy", policy, NULL,
                  "offline_copy",
                  _("“%s” has no offline or immutable copy: ransomware can reach every backup"),
                  name);
      if (!is_stated (tests) || tests <= 0)
        add_flag (report->flags, CS_FLAG_CRITICAL, "backup-no-restore-test", policy, NULL,
                  "restore_test_months",
                  _("“%s” has no restore test: a backup never restored proves nothing"), name);
      else
        {
          if (tests > 12)
            add_flag (report->flags, CS_FLAG_MAJOR, "backup-restore-test-rare", policy, NULL,
                      "restore_test_months", _("“%s” is restore-tested only every %g months"),
                      name, tests);
          if (is_empty (policy, "restore_evidence"))
            add_flag (report->flags, CS_FLAG_MAJOR, "backup-no-restore-evidence", policy, NULL,
                      "restore_evidence", _("“%s” names no evidence of its restore tests"),
                      name);
        }
      if (!is_yes (policy, "encrypted"))
        add_flag (report->flags, CS_FLAG_MAJOR, "backup-not-encrypted", policy, NULL,
                  "encrypted", _("“%s” does not state that backups are encrypted"), name);
      if (is_empty (policy, "offsite_location"))
        add_flag (report->flags, CS_FLAG_MAJOR, "backup-no-offsite", policy, NULL,
                  "offsite_location", _("“%s” names no off-site location"), name);
      if (is_empty (policy, "monitoring"))
        add_flag (report->flags, CS_FLAG_MAJOR, "backup-no-monitoring", policy, NULL,
                  "monitoring", _("“%s” does not say how failed jobs are detected and handled"),
                  name);
    }

  assets = list_records (store, CS_TYPE_ASSET, 0);
  for (guint i = 0; i < assets->len; i++)
    {
      CsRecord *asset = g_ptr_array_index (assets, i);
      gint64 id = cs_record_get_id (asset);

      if (cs_record_get_int (asset, "criticality") != 1 || !holds_data (asset)
          || g_hash_table_contains (protected, &id))
        continue;

      g_ptr_array_add (report->unprotected_critical, g_object_ref (asset));
      add_flag (report->flags, CS_FLAG_CRITICAL, "backup-critical-unprotected", asset, NULL,
                NULL, _("“%s” is critical but in no backup policy"),
                cs_record_get_string (asset, "name"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (outcome_activities); i++)
    {
      CsParty *party = cs_raci_find_accountable (store, offer_id, outcome_activities[i]);

      if (party != NULL
          && g_str_equal (cs_record_get_string (CS_RECORD (party), "kind"), "client"))
        {
          add_flag (report->flags, CS_FLAG_CRITICAL, "backup-client-accountable", NULL,
                    "responsibility", "roles", "%s",
                    _("The client is accountable for backups succeeding and restoring: the core risk stays with the client"));
          break;
        }
    }

  return report;
}

/**
 * cs_backup_report_free:
 * @report: (transfer full): a report
 *
 * Frees @report.
 */
void
cs_backup_report_free (CsBackupReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->policies);
  g_ptr_array_unref (report->unprotected_critical);
  g_ptr_array_unref (report->flags);
  g_free (report);
}

/* Terms & GDPR */

static void
date_minus_days (GDate       *out,
                 const GDate *date,
                 double       days)
{
  g_date_clear (out, 1);
  if (!g_date_valid (date) || !is_stated (days) || days < 0 || days > 36500)
    return;

  *out = *date;
  g_date_subtract_days (out, (guint) round_to_int (days));
}

/**
 * cs_term_dates_compute:
 * @start: (nullable): the start date; %NULL or invalid when not stated
 * @term_months: the initial term in months, NaN when not stated
 * @renewal_mode: "tacit", "express", "none" or "not_stated"
 * @renewal_months: the length of each tacit renewal, NaN when not stated (then the initial
 *   term is assumed)
 * @notice_days: the notice in days, NaN when not stated
 * @lead_days: the client's internal lead time in days, NaN when not stated (then 0)
 * @today: (nullable): the reference day, %NULL for today
 * @out_dates: (out caller-allocates): the dates
 *
 * Computes the end of the term and the last day notice can be given (see cs-sections.c).
 */
void
cs_term_dates_compute (const GDate *start,
                       double       term_months,
                       const char  *renewal_mode,
                       double       renewal_months,
                       double       notice_days,
                       double       lead_days,
                       const GDate *today,
                       CsTermDates *out_dates)
{
  GDate reference;
  GDate end;
  gboolean tacit = g_strcmp0 (renewal_mode, "tacit") == 0;
  guint renewal = 0;

  g_return_if_fail (out_dates != NULL);

  g_date_clear (&out_dates->initial_end, 1);
  g_date_clear (&out_dates->current_end, 1);
  g_date_clear (&out_dates->cancel_end, 1);
  g_date_clear (&out_dates->cancel_by, 1);
  g_date_clear (&out_dates->decide_by, 1);
  out_dates->days_left = 0;

  g_date_clear (&reference, 1);
  if (today != NULL && g_date_valid (today))
    reference = *today;
  else
    g_date_set_time_t (&reference, time (NULL));

  if (start == NULL || !g_date_valid (start) || !is_stated (term_months) || term_months < 1
      || term_months > 1200)
    return;

  end = *start;
  g_date_add_months (&end, (guint) round_to_int (term_months));
  g_date_subtract_days (&end, 1);
  out_dates->initial_end = end;
  out_dates->current_end = end;
  out_dates->cancel_end = end;

  renewal = (guint) round_to_int (is_stated (renewal_months) && renewal_months >= 1
                             && renewal_months <= 1200 ? renewal_months : term_months);

  if (tacit)
    {
      /* Roll the periods forward past the reference day; each renewal starts the day after
       * the previous end, counted from the start date to avoid month-end drift. */
      guint months = (guint) round_to_int (term_months);

      for (guint n = 0; n < 1200 && g_date_compare (&end, &reference) < 0; n++)
        {
          months += renewal;
          end = *start;
          g_date_add_months (&end, months);
          g_date_subtract_days (&end, 1);
        }
      out_dates->current_end = end;

      if (is_stated (notice_days))
        {
          GDate cancel_by;

          date_minus_days (&cancel_by, &end, notice_days);
          if (g_date_valid (&cancel_by) && g_date_compare (&cancel_by, &reference) < 0)
            {
              months += renewal;
              end = *start;
              g_date_add_months (&end, months);
              g_date_subtract_days (&end, 1);
            }
        }
      out_dates->cancel_end = end;
    }

  date_minus_days (&out_dates->cancel_by, &out_dates->cancel_end, notice_days);
  if (!g_date_valid (&out_dates->cancel_by))
    return;

  date_minus_days (&out_dates->decide_by, &out_dates->cancel_by,
                   is_stated (lead_days) ? lead_days : 0);
  out_dates->days_left = (int) g_date_get_julian (&out_dates->cancel_by)
                         - (int) g_date_get_julian (&reference);
}

static void
check_terms (CsTermsReport *report,
             const GDate   *today)
{
  CsRecord *terms = CS_RECORD (report->terms);
  GPtrArray *flags = report->flags;
  const char *mode = cs_record_get_string (terms, "renewal_mode");
  double notice = cs_record_get_number (terms, "notice_days");
  double renewal = cs_record_get_number (terms, "renewal_months");
  double breach = cs_record_get_number (terms, "breach_notification_hours");
  static const struct { const char *column; CsFlagSeverity severity; const char *message; } yes[] = {
    { "instructions", CS_FLAG_MAJOR, N_("The processor is not bound to act only on documented instructions") },
    { "confidentiality", CS_FLAG_MAJOR, N_("Staff confidentiality is not committed") },
    { "assistance", CS_FLAG_MINOR, N_("Assistance with data-subject rights and compliance is not committed") },
    { "return_deletion", CS_FLAG_MAJOR, N_("Return or deletion of personal data at the end is not committed") },
    { "gdpr_audits", CS_FLAG_MAJOR, N_("The client's right to audit the processor is not stated") },
  };
  static const struct { const char *column; CsFlagSeverity severity; const char *message; } texts[] = {
    { "unit_counting", CS_FLAG_MAJOR, N_("How billed units are counted is not stated") },
    { "change_procedure", CS_FLAG_MAJOR, N_("No procedure says how assets and users are added or removed and how the bill follows") },
    { "governance_meetings", CS_FLAG_MAJOR, N_("No governance meetings are stated") },
    { "reports", CS_FLAG_MAJOR, N_("No periodic reports are stated") },
    { "audit_rights", CS_FLAG_MINOR, N_("No audit rights are stated") },
    { "processing_description", CS_FLAG_CRITICAL, N_("The personal-data processing is not described (subject, duration, purpose, data, data subjects)") },
    { "security_measures", CS_FLAG_CRITICAL, N_("No technical and organisational security measures are annexed") },
    { "subprocessors", CS_FLAG_MAJOR, N_("Sub-processors are not listed") },
    { "transfers", CS_FLAG_MINOR, N_("Transfers outside the EEA are not addressed") },
  };

  (void) today;

  if (g_str_equal (cs_record_get_string (terms, "billing_model"), "not_stated"))
    add_flag (flags, CS_FLAG_MAJOR, "terms-no-billing-model", terms, NULL, "billing_model", "%s",
              _("The billing model is not stated"));
  if (!is_empty (terms, "revision_index")
      && !is_stated (cs_record_get_number (terms, "revision_cap_percent")))
    add_flag (flags, CS_FLAG_MINOR, "terms-revision-uncapped", terms, NULL,
              "revision_cap_percent", "%s", _("The price revision has no cap"));
  else if (is_empty (terms, "revision_index"))
    add_flag (flags, CS_FLAG_MINOR, "terms-no-revision-index", terms, NULL, "revision_index",
              "%s", _("No price-revision rule is stated"));
  if (*cs_record_get_string (terms, "start_date") == '\0')
    add_flag (flags, CS_FLAG_CRITICAL, "terms-no-start", terms, NULL, "start_date", "%s",
              _("The start date is not stated"));
  if (!is_stated (cs_record_get_number (terms, "term_months")))
    add_flag (flags, CS_FLAG_CRITICAL, "terms-no-term", terms, NULL, "term_months", "%s",
              _("The initial term is not stated"));
  if (g_str_equal (mode, "not_stated"))
    add_flag (flags, CS_FLAG_MAJOR, "terms-no-renewal-mode", terms, NULL, "renewal_mode", "%s",
              _("What happens at the end of the term is not stated"));
  if (!is_stated (notice))
    add_flag (flags, CS_FLAG_MAJOR, "terms-no-notice", terms, NULL, "notice_days", "%s",
              _("The notice period is not stated"));
  if (g_str_equal (mode, "tacit")
      && ((is_stated (notice) && notice >= 90) || (is_stated (renewal) && renewal >= 12)))
    add_flag (flags, CS_FLAG_MAJOR, "terms-renewal-trap", terms, NULL, "renewal_mode", "%s",
              _("Tacit renewal with a long notice or renewal period: missing the date locks the client in for another period"));
  if (!is_stated (cs_record_get_number (terms, "internal_lead_days")))
    add_flag (flags, CS_FLAG_MINOR, "terms-no-lead-time", terms, NULL, "internal_lead_days",
              "%s", _("No internal lead time is set: the decide-by date equals the cancel-by date"));
  if (g_date_valid (&report->dates.cancel_by))
    {
      g_autofree char *date = format_date (&report->dates.cancel_by);

      if (report->dates.days_left < 0)
        add_flag (flags, CS_FLAG_MINOR, "terms-cancel-by-passed", terms, NULL, "notice_days",
                  _("The last day to give notice, %s, has passed"), date);
      else if (report->dates.days_left <= 90)
        add_flag (flags, CS_FLAG_MAJOR, "terms-cancel-by-soon", terms, NULL, "notice_days",
                  _("Notice must reach the provider by %s, in %d days"), date,
                  report->dates.days_left);
    }
  if (!is_stated (cs_record_get_number (terms, "liability_cap")))
    add_flag (flags, CS_FLAG_MINOR, "terms-no-liability-cap", terms, NULL, "liability_cap", "%s",
              _("The liability cap is not stated"));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (is_empty (terms, texts[i].column))
      add_flag (flags, texts[i].severity, "terms-missing", terms, NULL, texts[i].column, "%s",
                _(texts[i].message));

  if (!is_yes (terms, "dpa_present"))
    add_flag (flags, CS_FLAG_CRITICAL, "gdpr-no-dpa", terms, NULL, "dpa_present", "%s",
              _("No data-processing agreement (GDPR Art. 28) is part of the contract"));
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (!is_yes (terms, yes[i].column))
      add_flag (flags, yes[i].severity, "gdpr-missing", terms, NULL, yes[i].column, "%s",
                _(yes[i].message));
  if (!is_stated (breach))
    add_flag (flags, CS_FLAG_CRITICAL, "gdpr-no-breach-delay", terms, NULL,
              "breach_notification_hours", "%s",
              _("No delay is stated for notifying a personal-data breach to the client"));
  else if (breach >= 72)
    add_flag (flags, CS_FLAG_CRITICAL, "gdpr-breach-delay-long", terms, NULL,
              "breach_notification_hours",
              _("A breach is notified within %g h: the client itself has only 72 h to notify the authority"),
              breach);
  else if (breach > 24)
    add_flag (flags, CS_FLAG_MAJOR, "gdpr-breach-delay-long", terms, NULL,
              "breach_notification_hours",
              _("A breach is notified within %g h: 24 h is the usual commitment"), breach);
}

/**
 * cs_terms_report_new:
 * @store: a store
 * @offer_id: an offer
 * @today: (nullable): the reference day for the cancel-by date, %NULL for today
 *
 * Computes the term dates of an offer and checks its billing, governance and GDPR terms.
 *
 * Returns: (transfer full): the report; free it with cs_terms_report_free()
 */
CsTermsReport *
cs_terms_report_new (CsStore     *store,
                     gint64       offer_id,
                     const GDate *today)
{
  CsTermsReport *report = NULL;
  CsRecord *terms = NULL;
  GDate start;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  terms = cs_store_get_section (store, CS_TYPE_TERMS, offer_id);
  g_return_val_if_fail (terms != NULL, NULL);

  report = g_new0 (CsTermsReport, 1);
  report->terms = g_object_ref (CS_TERMS (terms));
  report->flags = flags_new ();

  g_date_clear (&start, 1);
  if (*cs_record_get_string (terms, "start_date") != '\0')
    g_date_set_parse (&start, cs_record_get_string (terms, "start_date"));

  cs_term_dates_compute (&start, cs_record_get_number (terms, "term_months"),
                         cs_record_get_string (terms, "renewal_mode"),
                         cs_record_get_number (terms, "renewal_months"),
                         cs_record_get_number (terms, "notice_days"),
                         cs_record_get_number (terms, "internal_lead_days"),
                         today, &report->dates);
  check_terms (report, today);

  return report;
}

/**
 * cs_terms_report_free:
 * @report: (transfer full): a report
 *
 * Frees @report.
 */
void
cs_terms_report_free (CsTermsReport *report)
{
  if (report == NULL)
    return;

  g_clear_object (&report->terms);
  g_ptr_array_unref (report->flags);
  g_free (report);
}

/* Exit */

/**
 * cs_exit_standard_items:
 *
 * Returns: (transfer none): the items every exit should hand back, %NULL-terminated
 */
const char * const *
cs_exit_standard_items (void)
{
  return exit_item_ids;
}

/**
 * cs_exit_item_get_label:
 * @item: a deliverable item ("credentials" …)
 *
 * Returns: the translated label of @item, or @item itself when it is not a standard one
 */
const char *
cs_exit_item_get_label (const char *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (exit_items); i++)
    if (g_str_equal (exit_items[i].item, item))
      return _(exit_items[i].label);

  return item;
}

/**
 * cs_exit_report_new:
 * @store: a store
 * @offer_id: an offer
 *
 * Checks the reversibility terms and deliverables of an offer.
 *
 * Returns: (transfer full): the report; free it with cs_exit_report_free()
 */
CsExitReport *
cs_exit_report_new (CsStore *store,
                    gint64   offer_id)
{
  CsExitReport *report = NULL;
  CsRecord *terms = NULL;
  g_autoptr(GPtrArray) deliverables = NULL;
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  const char *mode = NULL;
  double transition = NAN;
  double retrieval = NAN;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  terms = cs_store_get_section (store, CS_TYPE_EXIT_TERMS, offer_id);
  g_return_val_if_fail (terms != NULL, NULL);

  report = g_new0 (CsExitReport, 1);
  report->terms = g_object_ref (CS_EXIT_TERMS (terms));
  report->flags = flags_new ();
  report->last_deadline_days = NAN;
  report->total_price = NAN;

  mode = cs_record_get_string (terms, "assistance_mode");
  transition = cs_record_get_number (terms, "transition_days");
  retrieval = cs_record_get_number (terms, "retrieval_days");

  if (!is_yes (terms, "clause_present"))
    add_flag (report->flags, CS_FLAG_CRITICAL, "exit-no-clause", terms, NULL, "clause_present",
              "%s", _("The contract has no reversibility clause"));
  if (g_str_equal (mode, "on_quotation"))
    add_flag (report->flags, CS_FLAG_CRITICAL, "exit-on-quotation", terms, NULL,
              "assistance_mode", "%s",
              _("Exit assistance is “on quotation”: its cost is unknown until the client is locked in"));
  else if (g_str_equal (mode, "not_stated"))
    add_flag (report->flags, CS_FLAG_MAJOR, "exit-no-assistance", terms, NULL, "assistance_mode",
              "%s", _("The price of exit assistance is not stated"));
  if (!is_stated (cs_record_get_number (terms, "plan_delivery_months")))
    add_flag (report->flags, CS_FLAG_MAJOR, "exit-no-plan", terms, NULL, "plan_delivery_months",
              "%s", _("No date is set for delivering the reversibility plan"));
  if (!is_stated (transition))
    add_flag (report->flags, CS_FLAG_MAJOR, "exit-no-transition", terms, NULL,
              "transition_days", "%s", _("The transition period is not stated"));
  if (!is_stated (retrieval))
    add_flag (report->flags, CS_FLAG_MAJOR, "exit-no-retrieval", terms, NULL, "retrieval_days",
              "%s", _("How long data stays retrievable after the transition is not stated"));
  else if (retrieval < 30)
    add_flag (report->flags, CS_FLAG_MINOR, "exit-short-retrieval", terms, NULL,
              "retrieval_days",
              _("Data stays retrievable only %g days after the transition (the Data Act asks at least 30 of cloud providers)"),
              retrieval);
  if (!is_yes (terms, "erasure_certificate"))
    add_flag (report->flags, CS_FLAG_MAJOR, "exit-no-erasure", terms, NULL,
              "erasure_certificate", "%s", _("No certificate of erasure is promised"));
  if (!is_stated (cs_record_get_number (terms, "knowledge_transfer_hours")))
    add_flag (report->flags, CS_FLAG_MINOR, "exit-no-knowledge-transfer", terms, NULL,
              "knowledge_transfer_hours", "%s", _("No knowledge-transfer time is stated"));

  deliverables = list_records (store, CS_TYPE_EXIT_DELIVERABLE, offer_id);
  if (deliverables->len == 0)
    add_flag (report->flags, CS_FLAG_CRITICAL, "exit-no-deliverables", NULL, "exit_deliverable",
              NULL, "%s", _("No exit deliverable is listed"));

  for (guint i = 0; i < deliverables->len; i++)
    {
      CsRecord *deliverable = g_ptr_array_index (deliverables, i);
      double deadline = cs_record_get_number (deliverable, "deadline_days");
      double price = cs_record_get_number (deliverable, "price");
      const char *label = cs_record_get_string (deliverable, "label");
      const char *status = cs_record_get_string (deliverable, "status");

      if (*label == '\0')
        label = cs_exit_item_get_label (cs_record_get_string (deliverable, "item"));

      if (is_stated (deadline))
        report->last_deadline_days = is_stated (report->last_deadline_days)
                                     ? MAX (report->last_deadline_days, deadline) : deadline;
      else
        add_flag (report->flags, CS_FLAG_MAJOR, "exit-no-deadline", deliverable, NULL,
                  "deadline_days", _("“%s” has no deadline"), label);
      if (is_stated (price))
        report->total_price = (is_stated (report->total_price) ? report->total_price : 0) + price;
      if (is_empty (deliverable, "format"))
        add_flag (report->flags, CS_FLAG_MAJOR, "exit-no-format", deliverable, NULL, "format",
                  _("“%s” has no format"), label);
      if (is_empty (deliverable, "owner"))
        add_flag (report->flags, CS_FLAG_MINOR, "exit-no-owner", deliverable, NULL, "owner",
                  _("“%s” has no owner"), label);
      if (g_str_equal (status, "delivered") || g_str_equal (status, "verified"))
        report->n_delivered++;
    }

  for (guint i = 0; exit_item_ids[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < deliverables->len && !found; j++)
        found = g_strcmp0 (cs_record_get_string (g_ptr_array_index (deliverables, j), "item"),
                           exit_item_ids[i]) == 0;

      if (found)
        continue;

      g_strv_builder_add (missing, exit_item_ids[i]);
      if (deliverables->len > 0)
        add_flag (report->flags, CS_FLAG_MAJOR, "exit-missing-item", NULL, "exit_deliverable",
                  "item", _("The exit deliverables lack: %s"),
                  cs_exit_item_get_label (exit_item_ids[i]));
    }
  report->missing_items = g_strv_builder_end (missing);

  if (is_stated (transition) && is_stated (report->last_deadline_days)
      && report->last_deadline_days > transition)
    add_flag (report->flags, CS_FLAG_MAJOR, "exit-deadline-after-transition", terms, NULL,
              "transition_days",
              _("A deliverable is due %g days after notice, after the %g-day transition ends"),
              report->last_deadline_days, transition);

  return report;
}

/**
 * cs_exit_report_free:
 * @report: (transfer full): a report
 *
 * Frees @report.
 */
void
cs_exit_report_free (CsExitReport *report)
{
  if (report == NULL)
    return;

  g_clear_object (&report->terms);
  g_strfreev (report->missing_items);
  g_ptr_array_unref (report->flags);
  g_free (report);
}

/* Security, subcontracting, perimeter, exclusions */

/**
 * cs_security_control_get_label:
 * @control: a control key ("mfa-provider-access" …)
 *
 * Returns: the translated label of @control, or @control itself for a custom one
 */
const char *
cs_security_control_get_label (const char *control)
{
  g_return_val_if_fail (control != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (security_controls); i++)
    if (g_str_equal (security_controls[i].control, control))
      return _(security_controls[i].label);

  return control;
}

static gboolean
is_critical_control (const char *control)
{
  for (guint i = 0; i < G_N_ELEMENTS (security_controls); i++)
    if (g_str_equal (security_controls[i].control, control))
      return security_controls[i].critical;

  return FALSE;
}

static void
check_security (CsStore   *store,
                gint64     offer_id,
                GPtrArray *flags)
{
  g_autoptr(GPtrArray) controls = list_records (store, CS_TYPE_SECURITY_CONTROL, offer_id);

  for (guint i = 0; i < controls->len; i++)
    {
      CsRecord *control = g_ptr_array_index (controls, i);
      const char *key = cs_record_get_string (control, "control");
      const char *status = cs_record_get_string (control, "status");
      const char *label = cs_security_control_get_label (key);
      gboolean critical = is_critical_control (key);

      if (g_str_equal (status, "not_stated"))
        add_flag (flags, critical ? CS_FLAG_CRITICAL : CS_FLAG_MAJOR, "security-not-stated",
                  control, NULL, "status", _("%s: not stated"), label);
      else if (g_str_equal (status, "absent"))
        add_flag (flags, critical ? CS_FLAG_CRITICAL : CS_FLAG_MAJOR, "security-absent", control,
                  NULL, "status", _("%s: explicitly not provided"), label);
      else if (g_str_equal (status, "partial"))
        add_flag (flags, CS_FLAG_MINOR, "security-partial", control, NULL, "detail",
                  _("%s: only partly committed"), label);
      else if (g_str_equal (status, "committed") && is_empty (control, "proof"))
        add_flag (flags, CS_FLAG_MINOR, "security-no-proof", control, NULL, "proof",
                  _("%s: committed without a proof method"), label);
    }
}

static void
check_subcontracting (CsStore   *store,
                      gint64     offer_id,
                      GPtrArray *flags)
{
  CsRecord *terms = cs_store_get_section (store, CS_TYPE_SUBCONTRACTING, offer_id);
  g_autoptr(GPtrArray) subcontractors = list_records (store, CS_TYPE_SUBCONTRACTOR, offer_id);
  const char *allowed = cs_record_get_string (terms, "allowed");

  if (g_str_equal (allowed, "unknown"))
    add_flag (flags, CS_FLAG_MAJOR, "subcontracting-not-stated", terms, NULL, "allowed", "%s",
              _("Whether the provider may subcontract is not stated"));
  else if (g_str_equal (allowed, "no") && subcontractors->len > 0)
    add_flag (flags, CS_FLAG_MAJOR, "subcontracting-contradiction", terms, NULL, "allowed", "%s",
              _("Subcontracting is forbidden, yet subcontractors are listed"));

  if (g_str_equal (allowed, "no"))
    return;

  if (g_str_equal (allowed, "yes") && subcontractors->len == 0)
    add_flag (flags, CS_FLAG_MAJOR, "subcontracting-no-list", terms, NULL, NULL, "%s",
              _("Subcontracting is allowed but no subcontractor is named"));
  if (!is_stated (cs_record_get_number (terms, "notice_days")))
    add_flag (flags, CS_FLAG_MAJOR, "subcontracting-no-notice", terms, NULL, "notice_days", "%s",
              _("No notice is due before a subcontractor is added or changed"));
  if (!is_yes (terms, "right_to_object"))
    add_flag (flags, CS_FLAG_MAJOR, "subcontracting-no-objection", terms, NULL,
              "right_to_object", "%s", _("The client cannot object to a new subcontractor"));
  if (!is_yes (terms, "liability_kept"))
    add_flag (flags, CS_FLAG_MAJOR, "subcontracting-liability", terms, NULL, "liability_kept",
              "%s", _("The provider does not stay liable for its subcontractors"));
  if (!is_yes (terms, "flow_down"))
    add_flag (flags, CS_FLAG_MINOR, "subcontracting-no-flow-down", terms, NULL, "flow_down",
              "%s", _("The contract's obligations are not passed down to subcontractors"));

  for (guint i = 0; i < subcontractors->len; i++)
    {
      CsRecord *subcontractor = g_ptr_array_index (subcontractors, i);
      const char *name = cs_record_get_string (subcontractor, "name");

      if (is_empty (subcontractor, "country"))
        add_flag (flags, CS_FLAG_MINOR, "subcontractor-no-country", subcontractor, NULL,
                  "country", _("%s: the country of service is not stated"), name);
      if (is_yes (subcontractor, "personal_data") && !is_yes (subcontractor, "gdpr_subprocessor"))
        add_flag (flags, CS_FLAG_MAJOR, "subcontractor-not-subprocessor", subcontractor, NULL,
                  "gdpr_subprocessor",
                  _("%s handles personal data but is not declared a GDPR sub-processor"), name);
    }
}

static void
check_perimeter (CsStore   *store,
                 gint64     offer_id,
                 GPtrArray *flags)
{
  g_autoptr(GPtrArray) assets = list_records (store, CS_TYPE_ASSET, 0);
  g_autoptr(GPtrArray) coverages = list_records (store, CS_TYPE_COVERAGE, offer_id);

  if (coverages->len == 0)
    {
      add_flag (flags, CS_FLAG_CRITICAL, "perimeter-no-inventory", NULL, "coverage", NULL, "%s",
                _("The offer addresses no asset of the inventory"));
      return;
    }

  for (guint i = 0; i < assets->len; i++)
    {
      CsRecord *asset = g_ptr_array_index (assets, i);
      const char *state = "not_addressed";

      if (cs_record_get_int (asset, "criticality") > 2)
        continue;

      for (guint j = 0; j < coverages->len; j++)
        {
          CsRecord *coverage = g_ptr_array_index (coverages, j);

          if (cs_record_get_int (coverage, "asset_id") == cs_record_get_id (asset))
            state = cs_record_get_string (coverage, "state");
        }

      if (g_str_equal (state, "not_addressed"))
        add_flag (flags, CS_FLAG_MAJOR, "perimeter-not-addressed", asset, NULL, NULL,
                  _("“%s” (criticality %d) is not addressed by the offer"),
                  cs_record_get_string (asset, "name"),
                  (int) cs_record_get_int (asset, "criticality"));
      else if (g_str_equal (state, "excluded"))
        add_flag (flags, CS_FLAG_MAJOR, "perimeter-excluded", asset, NULL, NULL,
                  _("“%s” (criticality %d) is excluded from the offer"),
                  cs_record_get_string (asset, "name"),
                  (int) cs_record_get_int (asset, "criticality"));
    }
}

static void
check_exclusions (CsStore   *store,
                  gint64     offer_id,
                  GPtrArray *flags)
{
  g_autoptr(GPtrArray) exclusions = list_records (store, CS_TYPE_EXCLUSION, offer_id);

  if (exclusions->len == 0)
    add_flag (flags, CS_FLAG_CRITICAL, "exclusions-none", NULL, "exclusion", NULL, "%s",
              _("No exclusion is listed: what is billed on top remains to be discovered"));

  for (guint i = 0; i < exclusions->len; i++)
    {
      CsRecord *exclusion = g_ptr_array_index (exclusions, i);
      const char *label = cs_record_get_string (exclusion, "label");
      const char *decision = cs_record_get_string (exclusion, "decision");

      if (*label == '\0')
        label = cs_record_get_string (exclusion, "category");

      if (g_str_equal (decision, "not_stated"))
        add_flag (flags, CS_FLAG_MINOR, "exclusions-not-stated", exclusion, NULL, "decision",
                  _("%s: the offer does not say whether it is included"), label);
      else if (g_str_equal (decision, "excluded")
               && !is_stated (cs_record_get_number (exclusion, "price")))
        add_flag (flags, CS_FLAG_MINOR, "exclusions-no-price", exclusion, NULL, "price",
                  _("%s: excluded with no price for the work"), label);
    }
}

/**
 * cs_section_get_flags:
 * @store: a store
 * @section: a section
 * @offer_id: an offer
 * @today: (nullable): the reference day for dates, %NULL for today
 *
 * Runs the computed checks of one section of an offer. The SLA worst cases examine the
 * year of @today.
 *
 * Returns: (transfer full) (element-type CsFlag): the flags, most severe first
 */
GPtrArray *
cs_section_get_flags (CsStore     *store,
                      CsSection    section,
                      gint64       offer_id,
                      const GDate *today)
{
  GPtrArray *flags = NULL;
  GPtrArray *found = NULL;
  int year = today != NULL && g_date_valid (today) ? g_date_get_year (today) : 0;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);

  flags = flags_new ();

  switch (section)
    {
    case CS_SECTION_DASHBOARD:
      break;

    case CS_SECTION_PERIMETER:
      check_perimeter (store, offer_id, flags);
      break;

    case CS_SECTION_EXCLUSIONS:
      check_exclusions (store, offer_id, flags);
      break;

    case CS_SECTION_RESPONSIBILITIES:
      {
        g_autoptr(CsRaciMatrix) matrix = cs_raci_matrix_new (store, offer_id);

        found = g_ptr_array_ref (matrix->flags);
      }
      break;

    case CS_SECTION_SLA:
      {
        g_autoptr(CsSlaReport) report = cs_sla_report_new (store, offer_id, year);

        found = g_ptr_array_ref (report->flags);
      }
      break;

    case CS_SECTION_BACKUP:
      {
        g_autoptr(CsBackupReport) report = cs_backup_report_new (store, offer_id);

        found = g_ptr_array_ref (report->flags);
      }
      break;

    case CS_SECTION_SECURITY:
      check_security (store, offer_id, flags);
      break;

    case CS_SECTION_SUBCONTRACTING:
      check_subcontracting (store, offer_id, flags);
      break;

    case CS_SECTION_EXIT:
      {
        g_autoptr(CsExitReport) report = cs_exit_report_new (store, offer_id);

        found = g_ptr_array_ref (report->flags);
      }
      break;

    case CS_SECTION_TERMS:
      {
        g_autoptr(CsTermsReport) report = cs_terms_report_new (store, offer_id, today);

        found = g_ptr_array_ref (report->flags);
      }
      break;

    case CS_N_SECTIONS:
    default:
      g_assert_not_reached ();
    }

  if (found != NULL)
    {
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (flags, cs_flag_copy (g_ptr_array_index (found, i)));
      g_ptr_array_unref (found);
    }

  /* Stable: flags of one severity keep the order of the fields. */
  for (guint i = 1; i < flags->len; i++)
    for (guint j = i; j > 0; j--)
      {
        CsFlag *a = g_ptr_array_index (flags, j - 1);
        CsFlag *b = g_ptr_array_index (flags, j);

        if (a->severity >= b->severity)
          break;
        flags->pdata[j - 1] = b;
        flags->pdata[j] = a;
      }

  return flags;
}
