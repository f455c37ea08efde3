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

#include "cs-checklist-private.h"

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

static GPtrArray *
flags_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cs_flag_free);
}

/* The table whose form holds the fields of a checklist group. */
static const char *
group_table (const char *group)
{
  static const struct { const char *group; const char *table; } tables[] = {
    { "perimeter", "coverage" }, { "exclusions", "exclusion" },
    { "responsibilities", "responsibility" }, { "sla", "sla_terms" },
    { "backup", "backup_policy" }, { "security", "security_control" },
    { "subcontracting", "subcontracting" }, { "exit", "exit_terms" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (group, tables[i].group) == 0)
      return tables[i].table;

  return "terms";
}

static CsLinter *
get_default_linter (void)
{
  static CsLinter *linter = NULL;

  if (g_once_init_enter (&linter))
    {
      g_autoptr(GError) error = NULL;
      CsLinter *loaded = cs_linter_new_default (&error);

      if (loaded == NULL)
        g_error ("The bundled linter rules do not load: %s", error->message);
      g_once_init_leave (&linter, loaded);
    }

  return linter;
}

/* The checklist engine's results for one section: every item of the section that is not
 * satisfied (missing or partial), with its status, severity and evidence, most severe first
 * (knock-outs first, then by severity, in pack order). */
static GPtrArray *
section_flags_for_year (CsStore   *store,
                        CsSection  section,
                        gint64     offer_id,
                        int        year)
{
  GPtrArray *flags = flags_new ();
  g_autoptr(CsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results = NULL;
  guint n = 0;

  if (section == CS_SECTION_DASHBOARD)
    return flags;

  report = _cs_checklist_evaluate_year (cs_checklist_get_default (), store, get_default_linter (),
                                        offer_id, year, &error);
  if (report == NULL)
    {
      g_debug ("No flags for offer %" G_GINT64_FORMAT ": %s", offer_id, error->message);
      return flags;
    }

  results = cs_report_get_results (report);
  n = g_list_model_get_n_items (results);
  for (int pass = 0; pass < 4; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CsFinding) finding = g_list_model_get_item (results, i);
        CsItemStatus status = cs_finding_get_status (finding);
        const char *detail = cs_finding_get_detail (finding);
        CsFlag *flag = NULL;
        int rank = cs_finding_get_knock_out (finding) ? 0 : 1 + (int) cs_finding_get_severity (finding);

        if (cs_finding_get_section (finding) != section || rank != pass
            || (status != CS_ITEM_MISSING && status != CS_ITEM_PARTIAL))
          continue;

        flag = g_new0 (CsFlag, 1);
        flag->severity = cs_finding_get_severity (finding) == CS_SEVERITY_CRITICAL ? CS_FLAG_CRITICAL
                         : cs_finding_get_severity (finding) == CS_SEVERITY_MAJOR ? CS_FLAG_MAJOR
                         : CS_FLAG_MINOR;
        flag->code = g_strdup (cs_finding_get_id (finding));
        flag->table = group_table (cs_finding_get_group (finding));
        flag->field = g_strdup (cs_finding_get_field (finding));
        flag->status = status;
        flag->knock_out = cs_finding_get_knock_out (finding);
        flag->detail = g_strdup (detail);
        flag->source = g_strdup (cs_finding_get_source (finding));
        flag->remedy = g_strdup (cs_finding_get_remedy (finding));
        flag->why = g_strdup (cs_finding_get_message (finding));
        /* Translators: a point to check: "SEC-11 Security incident notification: 96 h, above …" */
        flag->message = detail != NULL
                        ? g_strdup_printf (_("%s %s: %s"), flag->code, cs_finding_get_title (finding),
                                           detail)
                        : g_strdup_printf (_("%s %s"), flag->code, cs_finding_get_title (finding));
        g_ptr_array_add (flags, flag);
      }

  return flags;
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
  copy->status = flag->status;
  copy->knock_out = flag->knock_out;
  copy->detail = g_strdup (flag->detail);
  copy->source = g_strdup (flag->source);
  copy->remedy = g_strdup (flag->remedy);
  copy->why = g_strdup (flag->why);

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
  g_free (flag->detail);
  g_free (flag->source);
  g_free (flag->remedy);
  g_free (flag->why);
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


  for (guint i = 0; i < activities->len; i++)
    {
      CsRecord *activity = g_ptr_array_index (activities, i);
      CsRaciRow *row = g_new0 (CsRaciRow, 1);

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
                  break;
                }
            }

          row->roles[j] = g_strdup (stored);
          if (strchr (stored, 'A') != NULL || strchr (stored, 'a') != NULL)
            row->n_accountable++;
          if (strchr (stored, 'R') != NULL || strchr (stored, 'r') != NULL)
            row->n_responsible++;
        }


      g_ptr_array_add (matrix->rows, row);
    }

  g_ptr_array_unref (matrix->flags);
  matrix->flags = section_flags_for_year (store, CS_SECTION_RESPONSIBILITIES, offer_id, 0);

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

/**
 * _cs_sla_report_compute:
 * @store: a store
 * @offer_id: an offer
 * @year: the year whose ticket openings the worst cases examine, 0 for the current year
 *
 * The SLA computations alone, without the checklist's results: what the checklist engine's
 * cross-checks read.
 *
 * Returns: (transfer full): the report, with an empty @flags
 */
CsSlaReport *
_cs_sla_report_compute (CsStore *store,
                        gint64   offer_id,
                        int      year)
{
  CsSlaReport *report = NULL;
  CsRecord *terms = NULL;
  const char *time_zone = NULL;
  const char *holidays = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  gboolean zone_ok = FALSE;
  gboolean oncall = FALSE;
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
  if (!is_blank (time_zone))
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (time_zone);

      zone_ok = zone != NULL;
    }

  /* An unknown time zone counts as UTC, unreadable holidays as none. */
  report->window = cs_coverage_window_new (days, cs_record_get_int (terms, "window_start"),
                                           cs_record_get_int (terms, "window_end"),
                                           zone_ok ? time_zone : NULL,
                                           !is_blank (holidays) && cs_holidays_validate (holidays, NULL)
                                           ? holidays : NULL, NULL);
  g_assert (report->window != NULL);
  report->window_text = cs_coverage_window_describe (report->window);
  report->week_minutes = (double) __builtin_popcount (days)
                         * cs_coverage_window_get_day_minutes (report->window);

  oncall = is_yes (terms, "oncall_p1");

  availability = cs_record_get_number (terms, "availability_target");
  report->period_days = cs_availability_period_days (cs_record_get_string (terms,
                                                                           "availability_period"));
  report->allowed_downtime_minutes = NAN;
  if (is_stated (availability) && availability > 0 && availability <= 100
      && is_stated (report->period_days))
    report->allowed_downtime_minutes = (100.0 - availability) / 100.0 * report->period_days
                                       * 1440.0;

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
    }

  return report;
}

/**
 * cs_sla_report_new:
 * @store: a store
 * @offer_id: an offer
 * @year: the year whose ticket openings the worst cases examine, 0 for the current year
 *
 * Normalises every SLA target of an offer to worst-case wall-clock time under its coverage
 * window. Its @flags are the checklist's results for the SLA section
 * (cs_section_get_flags()).
 *
 * Returns: (transfer full): the report; free it with cs_sla_report_free()
 */
CsSlaReport *
cs_sla_report_new (CsStore *store,
                   gint64   offer_id,
                   int      year)
{
  CsSlaReport *report = _cs_sla_report_compute (store, offer_id, year);

  g_ptr_array_unref (report->flags);
  report->flags = section_flags_for_year (store, CS_SECTION_SLA, offer_id, report->year);

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

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  report = _cs_backup_report_compute (store, offer_id);
  g_ptr_array_unref (report->flags);
  report->flags = section_flags_for_year (store, CS_SECTION_BACKUP, offer_id, 0);
  return report;
}

/**
 * _cs_backup_report_compute:
 * @store: a store
 * @offer_id: an offer
 *
 * The backup checks alone, without the checklist's results (which evaluating the whole
 * checklist costs): what a document that shows the figures only reads.
 *
 * Returns: (transfer full): the report, with an empty @flags
 */
CsBackupReport *
_cs_backup_report_compute (CsStore *store,
                           gint64   offer_id)
{
  CsBackupReport *report = NULL;
  g_autoptr(GPtrArray) policies = NULL;
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GHashTable) protected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            NULL);

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  report = g_new0 (CsBackupReport, 1);
  report->policies = g_ptr_array_new_with_free_func (policy_report_free);
  report->unprotected_critical = g_ptr_array_new_with_free_func (g_object_unref);
  report->flags = flags_new ();

  policies = list_records (store, CS_TYPE_BACKUP_POLICY, offer_id);

  for (guint i = 0; i < policies->len; i++)
    {
      CsRecord *policy = g_ptr_array_index (policies, i);
      CsBackupPolicyReport *item = g_new0 (CsBackupPolicyReport, 1);
      g_autoptr(GPtrArray) scopes = list_records (store, CS_TYPE_BACKUP_SCOPE,
                                                  cs_record_get_id (policy));
      const char *name = cs_record_get_string (policy, "name");
      double frequency = cs_record_get_number (policy, "frequency_hours");
      double rpo = cs_record_get_number (policy, "rpo_hours");

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
  g_ptr_array_unref (report->flags);
  report->flags = section_flags_for_year (store, CS_SECTION_TERMS, offer_id,
                                          today != NULL && g_date_valid (today)
                                          ? g_date_get_year (today) : 0);

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

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  report = _cs_exit_report_compute (store, offer_id);
  g_ptr_array_unref (report->flags);
  report->flags = section_flags_for_year (store, CS_SECTION_EXIT, offer_id, 0);
  return report;
}

/**
 * _cs_exit_report_compute:
 * @store: a store
 * @offer_id: an offer
 *
 * The reversibility checks alone, without the checklist's results.
 *
 * Returns: (transfer full): the report, with an empty @flags
 */
CsExitReport *
_cs_exit_report_compute (CsStore *store,
                         gint64   offer_id)
{
  CsExitReport *report = NULL;
  CsRecord *terms = NULL;
  g_autoptr(GPtrArray) deliverables = NULL;
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  terms = cs_store_get_section (store, CS_TYPE_EXIT_TERMS, offer_id);
  g_return_val_if_fail (terms != NULL, NULL);

  report = g_new0 (CsExitReport, 1);
  report->terms = g_object_ref (CS_EXIT_TERMS (terms));
  report->flags = flags_new ();
  report->last_deadline_days = NAN;
  report->total_price = NAN;



  deliverables = list_records (store, CS_TYPE_EXIT_DELIVERABLE, offer_id);

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
      if (is_stated (price))
        report->total_price = (is_stated (report->total_price) ? report->total_price : 0) + price;
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
    }
  report->missing_items = g_strv_builder_end (missing);

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

/**
 * cs_section_get_flags:
 * @store: a store
 * @section: a section
 * @offer_id: an offer
 * @today: (nullable): the reference day for dates, %NULL for today
 *
 * The points to check of one section of an offer: the checklist engine's results for the
 * section (cs_checklist_evaluate() with the bundled packs and linter rules) that are missing
 * or partial, with the same item id, status, severity and evidence as the checklist and the
 * dashboard. The SLA worst cases examine the year of @today.
 *
 * Returns: (transfer full) (element-type CsFlag): the flags, knock-outs first, then by
 *   severity
 */
GPtrArray *
cs_section_get_flags (CsStore     *store,
                      CsSection    section,
                      gint64       offer_id,
                      const GDate *today)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);

  return section_flags_for_year (store, section, offer_id,
                                 today != NULL && g_date_valid (today) ? g_date_get_year (today) : 0);
}
