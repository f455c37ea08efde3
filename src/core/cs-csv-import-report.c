/* cs-csv-import-report.c
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

/* Report */

/**
 * cs_csv_report_ref:
 * @report: a report
 *
 * Returns: (transfer full): @report
 */
CsCsvReport *
cs_csv_report_ref (CsCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

/**
 * cs_csv_report_unref:
 * @report: (transfer full): a report
 *
 * Drops a reference to @report.
 */
void
cs_csv_report_unref (CsCsvReport *report)
{
  g_return_if_fail (report != NULL);

  if (!g_atomic_ref_count_dec (&report->ref_count))
    return;

  g_array_unref (report->rejected);
  g_array_unref (report->duplicates);
  g_free (report);
}

static void
clear_rejection (gpointer data)
{
  g_free (((CsCsvRejection *) data)->reason);
}

static void
clear_duplicate (gpointer data)
{
  g_free (((CsCsvDuplicate *) data)->name);
}

CsCsvReport *
cs_csv_report_new (gboolean dry_run)
{
  CsCsvReport *report = g_new0 (CsCsvReport, 1);

  g_atomic_ref_count_init (&report->ref_count);
  report->dry_run = dry_run;
  report->rejected = g_array_new (FALSE, FALSE, sizeof (CsCsvRejection));
  g_array_set_clear_func (report->rejected, clear_rejection);
  report->duplicates = g_array_new (FALSE, FALSE, sizeof (CsCsvDuplicate));
  g_array_set_clear_func (report->duplicates, clear_duplicate);

  return report;
}

static const char *
duplicate_action_label (CsDuplicateAction action)
{
  switch (action)
    {
    case CS_DUPLICATE_UPDATE:
      return _("updated the existing asset");
    case CS_DUPLICATE_ADD:
      return _("added as another asset");
    case CS_DUPLICATE_SKIP:
    default:
      return _("skipped");
    }
}

/**
 * cs_csv_report_to_text:
 * @report: a report
 *
 * Returns: (transfer full): the report as translated plain text, one line per rejected or
 *   duplicate row, for the "Save report" button and the command line
 */
char *
cs_csv_report_to_text (CsCsvReport *report)
{
  GString *text = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, _("Rows read: %u\nImported: %u\nUpdated: %u\nRejected: %u\nDuplicates: %u (skipped: %u)\nSites created: %u\n"),
                          report->n_rows, report->n_imported, report->n_updated,
                          report->rejected->len, report->duplicates->len, report->n_skipped,
                          report->n_sites_created);
  if (report->dry_run)
    g_string_append_printf (text, "%s\n", _("This was a preview: nothing was written."));

  if (report->rejected->len > 0)
    g_string_append_printf (text, "\n%s\n", _("Rejected rows:"));
  for (guint i = 0; i < report->rejected->len; i++)
    {
      CsCsvRejection *r = &g_array_index (report->rejected, CsCsvRejection, i);

      g_string_append_printf (text, _("Line %u: %s"), r->line, r->reason);
      g_string_append_c (text, '\n');
    }

  if (report->duplicates->len > 0)
    g_string_append_printf (text, "\n%s\n", _("Duplicate rows:"));
  for (guint i = 0; i < report->duplicates->len; i++)
    {
      CsCsvDuplicate *d = &g_array_index (report->duplicates, CsCsvDuplicate, i);

      g_string_append_printf (text,
                              d->by_serial ? _("Line %u: “%s” has the serial number of an asset already listed; %s")
                                           : _("Line %u: “%s” has the name and site of an asset already listed; %s"),
                              d->line, d->name, duplicate_action_label (d->action));
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/**
 * cs_csv_report_save:
 * @report: a report
 * @path: where to write it
 * @error: return location for a #GFileError
 *
 * Writes cs_csv_report_to_text() to @path (atomically: a failure leaves no partial file).
 *
 * Returns: %TRUE on success
 */
gboolean
cs_csv_report_save (CsCsvReport  *report,
                    const char   *path,
                    GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = cs_csv_report_to_text (report);
  return g_file_set_contents (path, text, -1, error);
}

