/* cs-clause-editor.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-clause-editor"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cs-clause-editor.h"
#include "cs-finding.h"
#include "cs-linter.h"
#include "cs-review-state.h"
#include "cs-source.h"
#include "cs-toast.h"
#include "cs-values.h"

/* How long typing may pause before the text is committed and checked again. */
#define COMMIT_DELAY_MS 600
#define LINT_DELAY_MS   150

/**
 * CsClauseEditor:
 *
 * The "Contract wording" area of a section page: one row per clause of the section of the
 * selected offer, each with its reference and its text. Edits are committed through the
 * store when the field loses the focus, when the reference is activated and after a short
 * pause in typing. The clause linter checks every clause as it is typed; weak wording is
 * underlined (colour by severity) with a tooltip, and listed under the clause so keyboard and
 * screen-reader users get the same explanation. Under each clause a compact line shows the
 * typed values the linter read in it ("4 business hours · 99.5 % per month · €720 per day"),
 * in the user's language and number format.
 *
 * Actions: `clause-editor.add`, `clause-editor.delete` (a clause id, "x").
 */
struct _CsClauseEditor
{
  AdwBin              parent_instance;

  CsStore            *store;
  CsOffer            *offer;
  CsSection           section;
  GtkFilterListModel *clauses;
  guint               n_findings;
  GHashTable         *rows;   /* GtkListBoxRow → its ClauseRow, while the row lives */

  /* template children (not the bin's own child, which AdwBin disposes of itself) */
  GtkButton           *add_button;
  GtkLabel            *summary_label;
  GtkListBox          *list_box;
};

/* What a row of the list holds, found from the GtkListBoxRow in the editor's table. */
typedef struct
{
  CsClauseEditor *editor;
  CsClause       *clause;
  GtkWidget      *row;
  GtkEntry       *reference_entry;
  GtkTextView    *text_view;
  GtkTextBuffer  *buffer;
  GtkLabel       *findings_label;
  GtkLabel       *values_label;
  GtkWidget      *delete_button;
  GPtrArray      *findings;
  GArray         *char_offsets;   /* glong start and end of each finding, in characters */
  GArray         *values;         /* CsValue read in the clause, or NULL */
  GError         *lint_error;
  guint           commit_id;
  guint           lint_id;
  gboolean        loading;
  /* the row is gone: widgets still emitting signals while they are destroyed find this */
  gboolean        dead;
} ClauseRow;

enum {
  PROP_0,
  PROP_STORE,
  PROP_SECTION,
  PROP_OFFER,
  PROP_N_FINDINGS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsClauseEditor, cs_clause_editor, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static const char * const severity_tags[] = {
  [CS_SEVERITY_CRITICAL] = "lint-critical",
  [CS_SEVERITY_MAJOR] = "lint-major",
  [CS_SEVERITY_MINOR] = "lint-minor",
};

/* Underline colours readable on light and dark backgrounds (GNOME palette red 3, orange 4,
 * blue 3), with a faint wash of the same colour so the span shows without the underline too. */
static const char * const severity_colors[] = {
  [CS_SEVERITY_CRITICAL] = "#e01b24",
  [CS_SEVERITY_MAJOR] = "#e66100",
  [CS_SEVERITY_MINOR] = "#3584e4",
};

static void
show_error_toast (CsClauseEditor *self,
                  const GError   *error)
{
  cs_toast_show_error (GTK_WIDGET (self), error);
}

static gboolean
is_writable (CsClauseEditor *self)
{
  return self->store != NULL && !cs_store_is_closed (self->store) &&
         !cs_store_is_read_only (self->store);
}

static ClauseRow *
get_clause_row (CsClauseEditor *self,
                GtkWidget      *row)
{
  return self->rows != NULL ? g_hash_table_lookup (self->rows, row) : NULL;
}

static char *
get_buffer_text (ClauseRow *cr)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (cr->buffer, &start, &end);

  return gtk_text_buffer_get_text (cr->buffer, &start, &end, FALSE);
}

static void
update_summary (CsClauseEditor *self)
{
  GtkWidget *child;
  guint n_findings = 0;
  guint n_clauses = 0;
  guint n_weak_clauses = 0;
  g_autofree char *text = NULL;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ClauseRow *cr = get_clause_row (self, child);

      if (cr == NULL)
        continue;

      n_clauses++;
      if (cr->findings != NULL && cr->findings->len > 0)
        {
          n_findings += cr->findings->len;
          n_weak_clauses++;
        }
    }

  if (n_clauses == 0)
    text = g_strdup ("");
  else if (n_findings == 0)
    text = g_strdup (_("No weak wording found."));
  else
    {
      g_autofree char *findings = NULL;

      /* Translators: the first half of "3 weak wordings in 2 clauses" */
      findings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u weak wording",
                                               "%u weak wordings", n_findings),
                                  n_findings);
      /* Translators: %s is "N weak wordings", %u a number of clauses */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u clause",
                                           "%s in %u clauses", n_weak_clauses),
                              findings, n_weak_clauses);
    }

  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), text[0] != '\0');

  if (self->n_findings != n_findings)
    {
      self->n_findings = n_findings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINDINGS]);
    }
}

static void
byte_range_to_iters (ClauseRow   *cr,
                     const char  *text,
                     gsize        length,
                     guint        start,
                     guint        end,
                     GtkTextIter *start_iter,
                     GtkTextIter *end_iter)
{
  start = MIN (start, length);
  end = CLAMP (end, start, length);

  gtk_text_buffer_get_iter_at_offset (cr->buffer, start_iter,
                                      g_utf8_pointer_to_offset (text, text + start));
  gtk_text_buffer_get_iter_at_offset (cr->buffer, end_iter,
                                      g_utf8_pointer_to_offset (text, text + end));
}

typedef struct
{
  gsize byte;
  guint slot;
} OffsetRequest;

static int
compare_requests (gconstpointer a,
                  gconstpointer b)
{
  const OffsetRequest *ra = a;
  const OffsetRequest *rb = b;

  return (ra->byte > rb->byte) - (ra->byte < rb->byte);
}

/* The character offsets of the start and end of every finding, in one pass over @text: a
 * 1 MB clause with many findings is walked once, not once per finding. */
static GArray *
compute_char_offsets (const char *text,
                      gsize       length,
                      GPtrArray  *findings)
{
  g_autoptr(GArray) requests = g_array_sized_new (FALSE, FALSE, sizeof (OffsetRequest),
                                                  2 * findings->len);
  GArray *offsets = g_array_sized_new (FALSE, TRUE, sizeof (glong), 2 * findings->len);
  const char *p = text;
  glong chars = 0;

  g_array_set_size (offsets, 2 * findings->len);
  for (guint i = 0; i < findings->len; i++)
    {
      CsFinding *finding = g_ptr_array_index (findings, i);
      gsize start = MIN (cs_finding_get_start (finding), length);
      gsize end = CLAMP (cs_finding_get_end (finding), start, length);
      OffsetRequest r1 = { start, 2 * i }, r2 = { end, 2 * i + 1 };

      g_array_append_val (requests, r1);
      g_array_append_val (requests, r2);
    }
  g_array_sort (requests, compare_requests);

  for (guint r = 0; r < requests->len; r++)
    {
      OffsetRequest *request = &g_array_index (requests, OffsetRequest, r);

      while (p < text + request->byte)
        {
          p = g_utf8_next_char (p);
          chars++;
        }
      g_array_index (offsets, glong, request->slot) = chars;
    }

  return offsets;
}

static void
update_findings_label (ClauseRow *cr)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  if (cr->lint_error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (cr->lint_error->message, -1);

      g_string_append (markup, escaped);
    }

  for (guint i = 0; cr->findings != NULL && i < cr->findings->len; i++)
    {
      CsFinding *finding = g_ptr_array_index (cr->findings, i);
      g_autofree char *matched = g_markup_escape_text (cs_finding_get_matched_text (finding) ?: "",
                                                       -1);
      g_autofree char *title = g_markup_escape_text (cs_finding_get_title (finding) ?: "", -1);
      g_autofree char *remedy = g_markup_escape_text (cs_finding_get_remedy (finding) ?: "", -1);

      if (markup->len > 0)
        g_string_append_c (markup, '\n');

      /* Translators: one weak wording under a clause: “matched text” — rule title. Remedy */
      g_string_append_printf (markup, _("“%s” — <b>%s</b>. %s"), matched, title, remedy);
    }

  gtk_label_set_markup (cr->findings_label, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (cr->findings_label), markup->len > 0);
}

/* A number as the user's locale writes it ("99.5", "99,5"; "1,500", "1 500"): no exponent,
 * no trailing zeros. */
static char *
format_number (double value)
{
  return g_strdup_printf ("%'.10g", value);
}

/* "4", or "2–4" for a range. */
static char *
format_quantity (const CsValue *value)
{
  g_autofree char *low = format_number (value->value);
  g_autofree char *high = NULL;

  if (isnan (value->max) || value->max <= value->value)
    return g_steal_pointer (&low);
  high = format_number (value->max);
  /* Translators: a range of two numbers, "2–4" */
  return g_strdup_printf (_("%s–%s"), low, high);
}

static const char *
period_text (CsTimeUnit period)
{
  switch (period)
    {
    case CS_TIME_UNIT_SECONDS:
      return _("per second");
    case CS_TIME_UNIT_MINUTES:
      return _("per minute");
    case CS_TIME_UNIT_HOURS:
      return _("per hour");
    case CS_TIME_UNIT_DAYS:
      return _("per day");
    case CS_TIME_UNIT_WEEKS:
      return _("per week");
    case CS_TIME_UNIT_MONTHS:
      return _("per month");
    case CS_TIME_UNIT_QUARTERS:
      return _("per quarter");
    case CS_TIME_UNIT_YEARS:
      return _("per year");
    case CS_TIME_UNIT_NONE:
    default:
      return NULL;
    }
}

/* "4 business hours", "2–4 days", with the plural of the larger bound. */
static char *
format_duration (const CsValue *value,
                 const char    *q)
{
  double larger = isnan (value->max) ? value->value : MAX (value->value, value->max);
  gulong n = (gulong) MIN (ceil (fabs (larger)), (double) G_MAXULONG);

  if (value->clock == CS_CLOCK_BUSINESS && value->unit == CS_TIME_UNIT_HOURS)
    return g_strdup_printf (ngettext ("%s business hour", "%s business hours", n), q);
  if (value->clock == CS_CLOCK_BUSINESS && value->unit == CS_TIME_UNIT_DAYS)
    return g_strdup_printf (ngettext ("%s business day", "%s business days", n), q);
  if (value->clock == CS_CLOCK_CALENDAR && value->unit == CS_TIME_UNIT_HOURS)
    return g_strdup_printf (ngettext ("%s calendar hour", "%s calendar hours", n), q);
  if (value->clock == CS_CLOCK_CALENDAR && value->unit == CS_TIME_UNIT_DAYS)
    return g_strdup_printf (ngettext ("%s calendar day", "%s calendar days", n), q);

  switch (value->unit)
    {
    case CS_TIME_UNIT_SECONDS:
      return g_strdup_printf (ngettext ("%s second", "%s seconds", n), q);
    case CS_TIME_UNIT_MINUTES:
      return g_strdup_printf (ngettext ("%s minute", "%s minutes", n), q);
    case CS_TIME_UNIT_HOURS:
      return g_strdup_printf (ngettext ("%s hour", "%s hours", n), q);
    case CS_TIME_UNIT_DAYS:
      return g_strdup_printf (ngettext ("%s day", "%s days", n), q);
    case CS_TIME_UNIT_WEEKS:
      return g_strdup_printf (ngettext ("%s week", "%s weeks", n), q);
    case CS_TIME_UNIT_MONTHS:
      return g_strdup_printf (ngettext ("%s month", "%s months", n), q);
    case CS_TIME_UNIT_QUARTERS:
      return g_strdup_printf (ngettext ("%s quarter", "%s quarters", n), q);
    case CS_TIME_UNIT_YEARS:
      return g_strdup_printf (ngettext ("%s year", "%s years", n), q);
    case CS_TIME_UNIT_NONE:
    default:
      return g_strdup (q);
    }
}

static char *
format_amount (const CsValue *value,
               const char    *quantity)
{
  if (g_str_equal (value->currency, "EUR"))
    /* Translators: an amount in euros; French writes "720 €" */
    return g_strdup_printf (_("€%s"), quantity);
  if (g_str_equal (value->currency, "USD"))
    /* Translators: an amount in US dollars; French writes "720 $ US" */
    return g_strdup_printf (_("US$%s"), quantity);
  if (g_str_equal (value->currency, "GBP"))
    /* Translators: an amount in pounds sterling; French writes "720 £" */
    return g_strdup_printf (_("£%s"), quantity);
  /* Translators: an amount and its ISO 4217 currency code, "720 CHF" */
  return g_strdup_printf (_("%s %s"), quantity, value->currency);
}

/* One typed value as the user reads it, in the user's language: "4 business hours",
 * "99.5 % per month", "€720 per day", "1 March 2026". @text is the clause, for the words a
 * count is of ("3 servers"). */
static char *
format_value (const CsValue *value,
              const char    *text)
{
  g_autofree char *quantity = format_quantity (value);
  g_autofree char *base = NULL;
  const char *period = period_text (value->period);

  switch (value->kind)
    {
    case CS_VALUE_DURATION:
      base = format_duration (value, quantity);
      break;
    case CS_VALUE_PERCENT:
      /* Translators: a percentage, "99.5 %", with a no-break space */
      base = g_strdup_printf (_("%s %%"), quantity);
      break;
    case CS_VALUE_AMOUNT:
      base = format_amount (value, quantity);
      break;
    case CS_VALUE_COUNT:
      /* the number and the things counted, as the clause words them */
      base = g_strndup (text + value->start, value->end - value->start);
      break;
    case CS_VALUE_DATE:
      {
        int ymd = (int) value->value;
        g_autoptr(GDateTime) date = g_date_time_new_local (ymd / 10000, ymd / 100 % 100,
                                                           ymd % 100, 0, 0, 0);

        base = date != NULL ? g_date_time_format (date, "%x") : g_strdup (quantity);
        return g_steal_pointer (&base);
      }
    default:
      base = g_strdup (quantity);
      break;
    }

  if (period == NULL)
    return g_steal_pointer (&base);
  /* Translators: a value and its period, "99.5 % per month", "€720 per day" */
  return g_strdup_printf (_("%s %s"), base, period);
}

/* The line of typed values under the clause; hidden when the clause has none. */
static void
update_values_label (ClauseRow  *cr,
                     const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *accessible = NULL;

  for (guint i = 0; cr->values != NULL && i < cr->values->len; i++)
    {
      g_autofree char *formatted = format_value (&g_array_index (cr->values, CsValue, i), text);

      if (line->len > 0)
        /* Translators: the separator between two values in the line under a clause */
        g_string_append (line, _(" · "));
      g_string_append (line, formatted);
    }

  gtk_label_set_text (cr->values_label, line->str);
  /* Translators: what a screen reader says for the line of values under a clause */
  accessible = g_strdup_printf (_("Values in this clause: %s"), line->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cr->values_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (cr->values_label), line->len > 0);
}

static void
lint_row (ClauseRow *cr)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = get_buffer_text (cr);
  gsize length = strlen (text);
  GtkTextIter start_iter, end_iter;
  CsLinter *linter;

  g_clear_pointer (&cr->findings, g_ptr_array_unref);
  g_clear_pointer (&cr->char_offsets, g_array_unref);
  g_clear_pointer (&cr->values, g_array_unref);
  g_clear_error (&cr->lint_error);

  gtk_text_buffer_get_bounds (cr->buffer, &start_iter, &end_iter);
  for (guint i = 0; i < G_N_ELEMENTS (severity_tags); i++)
    gtk_text_buffer_remove_tag_by_name (cr->buffer, severity_tags[i], &start_iter, &end_iter);

  linter = cs_review_state_get_linter (&error);
  if (linter != NULL)
    cr->findings = cs_linter_check_text (linter, text, length, CS_LANGUAGE_ANY,
                                         cr->editor->section,
                                         cs_record_get_id (CS_RECORD (cr->clause)),
                                         CS_CLAUSE_SPLIT_DEFAULT, NULL, &cr->values, &error);

  if (cr->findings == NULL)
    cr->lint_error = g_steal_pointer (&error);
  else
    cr->char_offsets = compute_char_offsets (text, length, cr->findings);

  for (guint i = 0; cr->findings != NULL && i < cr->findings->len; i++)
    {
      CsFinding *finding = g_ptr_array_index (cr->findings, i);
      CsSeverity severity = cs_finding_get_severity (finding);

      if (severity >= G_N_ELEMENTS (severity_tags))
        severity = CS_SEVERITY_MINOR;

      gtk_text_buffer_get_iter_at_offset (cr->buffer, &start_iter,
                                          g_array_index (cr->char_offsets, glong, 2 * i));
      gtk_text_buffer_get_iter_at_offset (cr->buffer, &end_iter,
                                          g_array_index (cr->char_offsets, glong, 2 * i + 1));
      gtk_text_buffer_apply_tag_by_name (cr->buffer, severity_tags[severity], &start_iter,
                                         &end_iter);
    }

  update_findings_label (cr);
  update_values_label (cr, text);
  update_summary (cr->editor);
}

static void
load_text (ClauseRow *cr)
{
  const char *text = cs_record_get_string (CS_RECORD (cr->clause), "text");

  cr->loading = TRUE;
  gtk_text_buffer_set_text (cr->buffer, text != NULL ? text : "", -1);
  cr->loading = FALSE;

  g_clear_handle_id (&cr->lint_id, g_source_remove);
  lint_row (cr);
}

static void
load_reference (ClauseRow *cr)
{
  const char *reference = cs_record_get_string (CS_RECORD (cr->clause), "reference");

  gtk_editable_set_text (GTK_EDITABLE (cr->reference_entry), reference != NULL ? reference : "");
}

static void
commit_text (ClauseRow *cr)
{
  CsClauseEditor *self = cr->editor;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_clear_handle_id (&cr->commit_id, g_source_remove);

  if (!is_writable (self))
    return;

  text = get_buffer_text (cr);
  if (g_strcmp0 (text, cs_record_get_string (CS_RECORD (cr->clause), "text")) == 0)
    return;

  if (!cs_store_set_string (self->store, CS_RECORD (cr->clause), "text", text, &error))
    {
      show_error_toast (self, error);
      load_text (cr);
    }
}

static void
commit_reference (ClauseRow *cr)
{
  CsClauseEditor *self = cr->editor;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;

  if (!is_writable (self))
    return;

  reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (cr->reference_entry))));
  if (g_strcmp0 (reference, cs_record_get_string (CS_RECORD (cr->clause), "reference")) == 0)
    return;

  if (!cs_store_set_string (self->store, CS_RECORD (cr->clause), "reference", reference, &error))
    {
      show_error_toast (self, error);
      load_reference (cr);
    }
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      ClauseRow     *cr)
{
  if (cr->dead)
    return;

  if (cr->loading)
    return;

  g_clear_handle_id (&cr->lint_id, g_source_remove);
  cs_timeout_add_once (&cr->lint_id, LINT_DELAY_MS, (CsSourceFunc) lint_row, cr);

  g_clear_handle_id (&cr->commit_id, g_source_remove);
  cs_timeout_add_once (&cr->commit_id, COMMIT_DELAY_MS, (CsSourceFunc) commit_text, cr);
}

static void
on_text_focus_leave_cb (GtkEventControllerFocus *controller,
                        ClauseRow               *cr)
{
  if (cr->dead)
    return;

  commit_text (cr);
}

static void
on_reference_activate_cb (GtkEntry  *entry,
                          ClauseRow *cr)
{
  if (cr->dead)
    return;

  commit_reference (cr);
}

static void
on_reference_focus_leave_cb (GtkEventControllerFocus *controller,
                             ClauseRow               *cr)
{
  if (cr->dead)
    return;

  commit_reference (cr);
}

static void
on_clause_notify_cb (CsClause   *clause,
                     GParamSpec *pspec,
                     ClauseRow  *cr)
{
  /* A change made elsewhere (undo, another view): show it unless the user is typing here. */
  if (g_str_equal (pspec->name, "text"))
    {
      g_autofree char *text = get_buffer_text (cr);

      if (cr->commit_id == 0 &&
          g_strcmp0 (text, cs_record_get_string (CS_RECORD (clause), "text")) != 0)
        load_text (cr);
    }
  else if (g_str_equal (pspec->name, "reference"))
    {
      if (!gtk_widget_has_focus (GTK_WIDGET (cr->reference_entry)) &&
          !gtk_widget_is_focus (GTK_WIDGET (cr->reference_entry)))
        load_reference (cr);
    }
}

static CsFinding *
find_finding_at (ClauseRow *cr,
                 int        char_offset)
{
  if (cr->findings == NULL || cr->char_offsets == NULL)
    return NULL;

  /* offsets computed at lint time: a hover costs nothing per character of the clause */
  for (guint i = 0; i < cr->findings->len; i++)
    if (char_offset >= g_array_index (cr->char_offsets, glong, 2 * i)
        && char_offset < g_array_index (cr->char_offsets, glong, 2 * i + 1))
      return g_ptr_array_index (cr->findings, i);

  return NULL;
}

static gboolean
on_text_view_query_tooltip_cb (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip,
                               ClauseRow  *cr)
{
  GtkTextIter iter;
  CsFinding *finding;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autofree char *remedy = NULL;
  g_autofree char *better = NULL;
  g_autoptr(GString) markup = NULL;

  if (cr->dead)
    return FALSE;

  if (keyboard_mode)
    {
      GtkTextMark *insert = gtk_text_buffer_get_insert (cr->buffer);

      gtk_text_buffer_get_iter_at_mark (cr->buffer, &iter, insert);
    }
  else
    {
      int bx, by;

      gtk_text_view_window_to_buffer_coords (cr->text_view, GTK_TEXT_WINDOW_WIDGET, x, y,
                                             &bx, &by);
      if (!gtk_text_view_get_iter_at_location (cr->text_view, &iter, bx, by))
        return FALSE;
    }

  finding = find_finding_at (cr, gtk_text_iter_get_offset (&iter));
  if (finding == NULL)
    return FALSE;

  title = g_markup_escape_text (cs_finding_get_title (finding) ?: "", -1);
  message = g_markup_escape_text (cs_finding_get_message (finding) ?: "", -1);
  remedy = g_markup_escape_text (cs_finding_get_remedy (finding) ?: "", -1);

  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<b>%s</b> (%s)\n%s\n%s", title,
                          cs_severity_get_label (cs_finding_get_severity (finding)),
                          message, remedy);
  if (cs_finding_get_example (finding) != NULL && cs_finding_get_example (finding)[0] != '\0')
    {
      better = g_markup_escape_text (cs_finding_get_example (finding), -1);
      /* Translators: in the tooltip of weak wording, before an example of a better clause */
      g_string_append_printf (markup, "\n\n%s", _("Better wording:"));
      g_string_append_printf (markup, "\n<i>%s</i>", better);
    }

  gtk_tooltip_set_markup (tooltip, markup->str);

  return TRUE;
}

static void
on_delete_clicked_cb (GtkButton *button,
                      ClauseRow *cr)
{
  g_autofree char *target = NULL;

  if (cr->dead)
    return;

  target = g_strdup_printf ("%" G_GINT64_FORMAT, cs_record_get_id (CS_RECORD (cr->clause)));
  gtk_widget_activate_action (GTK_WIDGET (cr->editor), "clause-editor.delete", "x", target);
}

/*
 * The row's data is reference-counted: the row holds one reference and every signal
 * connection on its widgets holds one, because a focused text view still emits "leave"
 * while the row is being destroyed, after the row let go of its data.
 */
static ClauseRow *
clause_row_acquire (ClauseRow *cr)
{
  return g_rc_box_acquire (cr);
}

static void
clause_row_release (gpointer data)
{
  g_rc_box_release (data);
}

static void
clause_row_release_closure (gpointer  data,
                            GClosure *closure)
{
  g_rc_box_release (data);
}

static void
clause_row_kill (gpointer data)
{
  ClauseRow *cr = data;

  cr->dead = TRUE;
  g_clear_handle_id (&cr->commit_id, g_source_remove);
  g_clear_handle_id (&cr->lint_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (cr->clause, cr);
  g_clear_object (&cr->clause);
  g_clear_pointer (&cr->findings, g_ptr_array_unref);
  g_clear_pointer (&cr->char_offsets, g_array_unref);
  g_clear_pointer (&cr->values, g_array_unref);
  g_clear_error (&cr->lint_error);
  clause_row_release (cr);
}

/* The row is destroyed: its data is let go (kept by the signal connections still there). */
static void
clause_row_gone_cb (gpointer  data,
                    GObject  *where_the_row_was)
{
  ClauseRow *cr = data;

  if (cr->editor->rows != NULL)
    g_hash_table_remove (cr->editor->rows, where_the_row_was);
  clause_row_kill (cr);
}

#define connect_row(instance, signal, callback, cr) \
  g_signal_connect_data ((instance), (signal), G_CALLBACK (callback), \
                         clause_row_acquire (cr), clause_row_release_closure, 0)

static void
create_tags (GtkTextBuffer *buffer)
{
  for (guint i = 0; i < G_N_ELEMENTS (severity_tags); i++)
    {
      GdkRGBA color, wash;

      gdk_rgba_parse (&color, severity_colors[i]);
      wash = color;
      wash.alpha = 0.15;
      gtk_text_buffer_create_tag (buffer, severity_tags[i],
                                  "underline", PANGO_UNDERLINE_ERROR,
                                  "underline-rgba", &color,
                                  "background-rgba", &wash,
                                  NULL);
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CsClauseEditor *self = user_data;
  gboolean writable = is_writable (self);
  GtkEventController *controller;
  GtkWidget *box, *header, *frame, *image;
  ClauseRow *cr;

  cr = g_rc_box_new0 (ClauseRow);
  cr->editor = self;
  cr->clause = g_object_ref (CS_CLAUSE (item));

  /* The row takes the focus so that the arrows go from clause to clause; Enter (its
   * activation) goes into its text. */
  cr->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (cr->row), TRUE);
  gtk_widget_set_focusable (cr->row, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cr->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clause"),
                                  -1);
  g_hash_table_insert (self->rows, cr->row, cr);
  g_object_weak_ref (G_OBJECT (cr->row), clause_row_gone_cb, cr);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (cr->row), box);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), header);

  cr->reference_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (cr->reference_entry), TRUE);
  gtk_entry_set_placeholder_text (cr->reference_entry, _("Reference, e.g. Annex 3 §2"));
  gtk_editable_set_editable (GTK_EDITABLE (cr->reference_entry), writable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cr->reference_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clause reference"),
                                  -1);
  connect_row (cr->reference_entry, "activate", on_reference_activate_cb, cr);
  controller = gtk_event_controller_focus_new ();
  connect_row (controller, "leave", on_reference_focus_leave_cb, cr);
  gtk_widget_add_controller (GTK_WIDGET (cr->reference_entry), controller);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (cr->reference_entry));

  cr->delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (cr->delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cr->delete_button, "flat");
  gtk_widget_set_tooltip_text (cr->delete_button, _("Delete Clause"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cr->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Clause"),
                                  -1);
  gtk_widget_set_visible (cr->delete_button, writable);
  connect_row (cr->delete_button, "clicked", on_delete_clicked_cb, cr);
  gtk_box_append (GTK_BOX (header), cr->delete_button);

  cr->buffer = gtk_text_buffer_new (NULL);
  create_tags (cr->buffer);
  cr->text_view = GTK_TEXT_VIEW (gtk_text_view_new_with_buffer (cr->buffer));
  g_object_unref (cr->buffer);
  gtk_text_view_set_wrap_mode (cr->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (cr->text_view, writable);
  gtk_text_view_set_accepts_tab (cr->text_view, FALSE);
  gtk_text_view_set_top_margin (cr->text_view, 8);
  gtk_text_view_set_bottom_margin (cr->text_view, 8);
  gtk_text_view_set_left_margin (cr->text_view, 8);
  gtk_text_view_set_right_margin (cr->text_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (cr->text_view), -1, 72);
  gtk_widget_add_css_class (GTK_WIDGET (cr->text_view), "clause-text");
  gtk_widget_set_has_tooltip (GTK_WIDGET (cr->text_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cr->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clause text"),
                                  -1);
  connect_row (cr->text_view, "query-tooltip", on_text_view_query_tooltip_cb, cr);
  controller = gtk_event_controller_focus_new ();
  connect_row (controller, "leave", on_text_focus_leave_cb, cr);
  gtk_widget_add_controller (GTK_WIDGET (cr->text_view), controller);

  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (cr->text_view));
  gtk_box_append (GTK_BOX (box), frame);

  cr->values_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_use_markup (cr->values_label, FALSE);
  gtk_label_set_wrap (cr->values_label, TRUE);
  gtk_label_set_wrap_mode (cr->values_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (cr->values_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (cr->values_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (cr->values_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (cr->values_label), "clause-values");
  gtk_widget_set_visible (GTK_WIDGET (cr->values_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (cr->values_label));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
  gtk_widget_add_css_class (image, "warning");
  gtk_box_append (GTK_BOX (header), image);
  cr->findings_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (cr->findings_label, TRUE);
  gtk_label_set_wrap_mode (cr->findings_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (cr->findings_label, 0);
  gtk_label_set_selectable (cr->findings_label, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (cr->findings_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (cr->findings_label), "caption");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (cr->findings_label));
  g_object_bind_property (cr->findings_label, "visible", header, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), header);

  load_reference (cr);
  load_text (cr);
  connect_row (cr->buffer, "changed", on_buffer_changed_cb, cr);
  g_signal_connect (cr->clause, "notify", G_CALLBACK (on_clause_notify_cb), cr);

  return cr->row;
}

static ClauseRow *
find_row (CsClauseEditor *self,
          gint64          clause_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ClauseRow *cr = get_clause_row (self, child);

      if (cr != NULL && cs_record_get_id (CS_RECORD (cr->clause)) == clause_id)
        return cr;
    }

  return NULL;
}

static void
flush_rows (CsClauseEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ClauseRow *cr = get_clause_row (self, child);

      if (cr != NULL && cr->commit_id != 0)
        commit_text (cr);
    }
}

static gboolean
filter_clause_cb (gpointer item,
                  gpointer user_data)
{
  CsClauseEditor *self = user_data;

  return g_strcmp0 (cs_record_get_string (CS_RECORD (item), "section"),
                    cs_section_get_id (self->section)) == 0;
}

static void
update_actions (CsClauseEditor *self)
{
  gboolean writable = is_writable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clause-editor.add",
                                 writable && self->offer != NULL);
  /* A read-only project cannot take clauses: no Add button to look disabled. The dashboard's
   * general wording, when there is none to read, is not shown at all. */
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), writable);
  if (self->section == CS_SECTION_DASHBOARD)
    gtk_widget_set_visible (GTK_WIDGET (self),
                            writable || (self->clauses != NULL &&
                                         g_list_model_get_n_items (G_LIST_MODEL (self->clauses)) > 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clause-editor.delete",
                                 is_writable (self) && self->offer != NULL);
}

static void
update_model (CsClauseEditor *self)
{
  GListModel *clauses = NULL;

  if (self->store != NULL && self->offer != NULL && !cs_store_is_closed (self->store))
    clauses = cs_store_list (self->store, CS_TYPE_CLAUSE, cs_record_get_id (CS_RECORD (self->offer)));

  flush_rows (self);
  gtk_filter_list_model_set_model (self->clauses, clauses);
  update_summary (self);
  update_actions (self);
}

/* Scrolls the page to show @widget, once it has a size; a list view scrolls by itself. */
static gboolean
scroll_into_view_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page;

  if (scrolled == NULL)
    return G_SOURCE_REMOVE;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (!GTK_IS_VIEWPORT (content))
    return G_SOURCE_REMOVE;
  content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;
  if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, MIN (bounds.origin.y,
                                               bounds.origin.y + bounds.size.height - page));

  return G_SOURCE_REMOVE;
}

/* actions */

static void
cs_clause_editor_add_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CsClauseEditor *self = CS_CLAUSE_EDITOR (widget);
  g_autoptr(CsRecord) clause = NULL;
  g_autoptr(GError) error = NULL;
  ClauseRow *cr;

  if (self->offer == NULL || !is_writable (self))
    return;

  clause = g_object_new (CS_TYPE_CLAUSE,
                         "offer-id", cs_record_get_id (CS_RECORD (self->offer)),
                         "section", cs_section_get_id (self->section),
                         NULL);
  if (!cs_store_add (self->store, clause, &error))
    {
      show_error_toast (self, error);
      return;
    }

  cr = find_row (self, cs_record_get_id (clause));
  if (cr != NULL)
    {
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (cr->text_view),
                                                GTK_TYPE_LIST_BOX_ROW);

      gtk_widget_grab_focus (GTK_WIDGET (cr->text_view));
      /* The new row has no size yet: scroll to it once it is laid out. */
      if (row != NULL)
        gtk_widget_add_tick_callback (row, scroll_into_view_cb, NULL, NULL);
    }
}

static void
cs_clause_editor_delete_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CsClauseEditor *self = CS_CLAUSE_EDITOR (widget);
  gint64 clause_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRecord) clause = NULL;
  g_autofree char *title = NULL;
  g_autoptr(CsDeletion) deletion = NULL;
  const char *reference;
  ClauseRow *cr;

  if (!is_writable (self))
    return;

  cr = find_row (self, clause_id);
  if (cr == NULL)
    return;

  /* Keep what was typed last: the Undo brings back the clause as the user saw it. */
  commit_text (cr);
  commit_reference (cr);

  clause = g_object_ref (CS_RECORD (cr->clause));
  deletion = cs_store_delete (self->store, clause, &error);
  if (deletion == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  reference = cs_record_get_string (clause, "reference");
  if (reference != NULL && reference[0] != '\0')
    /* Translators: %s is a clause reference such as "Annex 3 §2" */
    title = g_markup_printf_escaped (_("Clause “%s” deleted"), reference);
  else
    title = g_strdup (_("Clause deleted"));

  cs_toast_show_deleted (GTK_WIDGET (self), self->store, &deletion, 1, title);
}

/* GObject vfuncs */

static void
on_row_activated_cb (GtkListBox     *list_box,
                     GtkListBoxRow  *row,
                     CsClauseEditor *self)
{
  ClauseRow *cr = g_hash_table_lookup (self->rows, row);

  if (cr != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (cr->text_view));
}

static void
cs_clause_editor_constructed (GObject *object)
{
  CsClauseEditor *self = CS_CLAUSE_EDITOR (object);
  GtkCustomFilter *filter;
  GtkWidget *placeholder;

  G_OBJECT_CLASS (cs_clause_editor_parent_class)->constructed (object);

  filter = gtk_custom_filter_new (filter_clause_cb, self, NULL);
  self->clauses = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->clauses), create_row, self, NULL);

  if (self->section == CS_SECTION_DASHBOARD)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_bin_get_child (ADW_BIN (self)));

      /* The dashboard's wording is the contract's general clauses, not one section's. */
      adw_preferences_group_set_title (group, _("General Contract Wording"));
      adw_preferences_group_set_description (group,
                                             _("Paste the clauses that apply to the whole "
                                               "contract, with their reference. Weak wording is "
                                               "underlined: point at it, or read the list under "
                                               "the clause, to see why and a better wording."));
      placeholder = gtk_label_new (_("No general clauses yet. Use Add Clause and paste the "
                                     "contract’s general terms to check their wording."));
    }
  else
    placeholder = gtk_label_new (_("No clauses yet. Use Add Clause and paste the contract text of "
                                   "this section to check its wording."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  /* An empty list is an invitation, not a disabled area: the placeholder is not dimmed. */
  gtk_list_box_set_placeholder (self->list_box, placeholder);
  g_signal_connect_object (self->list_box, "row-activated",
                           G_CALLBACK (on_row_activated_cb), self, 0);

  g_signal_connect_object (self->clauses, "items-changed", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  update_model (self);
}

static void
on_text_view_map_focus_cb (GtkTextView *text_view,
                           gpointer     user_data)
{
  g_signal_handlers_disconnect_by_func (text_view, on_text_view_map_focus_cb, user_data);
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  gtk_text_view_scroll_to_mark (text_view, gtk_text_buffer_get_insert (gtk_text_view_get_buffer (text_view)),
                                0.1, FALSE, 0, 0);
}

static void
cs_clause_editor_dispose (GObject *object)
{
  CsClauseEditor *self = CS_CLAUSE_EDITOR (object);

  if (self->list_box != NULL)
    {
      flush_rows (self);
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
    }
  if (self->rows != NULL)
    {
      GHashTableIter iter;
      gpointer row, cr;

      /* Rows still held elsewhere: their data goes now, with the editor. */
      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, &row, &cr))
        {
          g_object_weak_unref (row, clause_row_gone_cb, cr);
          clause_row_kill (cr);
        }
      g_clear_pointer (&self->rows, g_hash_table_unref);
    }
  g_clear_object (&self->clauses);
  g_clear_object (&self->offer);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_CLAUSE_EDITOR);

  G_OBJECT_CLASS (cs_clause_editor_parent_class)->dispose (object);
}

static void
cs_clause_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CsClauseEditor *self = CS_CLAUSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SECTION:
      g_value_set_uint (value, self->section);
      break;

    case PROP_OFFER:
      g_value_set_object (value, self->offer);
      break;

    case PROP_N_FINDINGS:
      g_value_set_uint (value, self->n_findings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_clause_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CsClauseEditor *self = CS_CLAUSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SECTION:
      self->section = g_value_get_uint (value);
      break;

    case PROP_OFFER:
      cs_clause_editor_set_offer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_clause_editor_class_init (CsClauseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_clause_editor_constructed;
  object_class->dispose = cs_clause_editor_dispose;
  object_class->get_property = cs_clause_editor_get_property;
  object_class->set_property = cs_clause_editor_set_property;

  /**
   * CsClauseEditor:store:
   *
   * The project.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CsClauseEditor:section:
   *
   * The #CsSection whose clauses are edited.
   */
  properties[PROP_SECTION] =
    g_param_spec_uint ("section", NULL, NULL,
                       0, CS_N_SECTIONS - 1, CS_SECTION_DASHBOARD,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CsClauseEditor:offer:
   *
   * The offer whose clauses are edited, or %NULL.
   */
  properties[PROP_OFFER] =
    g_param_spec_object ("offer", NULL, NULL,
                         CS_TYPE_OFFER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsClauseEditor:n-findings:
   *
   * The number of weak wordings found in the clauses shown.
   */
  properties[PROP_N_FINDINGS] =
    g_param_spec_uint ("n-findings", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-clause-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CsClauseEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, CsClauseEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CsClauseEditor, list_box);

  gtk_widget_class_install_action (widget_class, "clause-editor.add", NULL,
                                   cs_clause_editor_add_action);
  gtk_widget_class_install_action (widget_class, "clause-editor.delete", "x",
                                   cs_clause_editor_delete_action);
}

static void
cs_clause_editor_init (CsClauseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new (NULL, NULL);
}

/* public API */

/**
 * cs_clause_editor_new:
 * @store: the project
 * @section: the section whose clauses are edited
 *
 * Returns: (transfer floating): a new #CsClauseEditor, with no offer yet
 */
GtkWidget *
cs_clause_editor_new (CsStore   *store,
                      CsSection  section)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);

  return g_object_new (CS_TYPE_CLAUSE_EDITOR, "store", store, "section", section, NULL);
}

/**
 * cs_clause_editor_get_offer:
 * @self: a #CsClauseEditor
 *
 * Returns: (transfer none) (nullable): the offer whose clauses are shown
 */
CsOffer *
cs_clause_editor_get_offer (CsClauseEditor *self)
{
  g_return_val_if_fail (CS_IS_CLAUSE_EDITOR (self), NULL);

  return self->offer;
}

/**
 * cs_clause_editor_set_offer:
 * @self: a #CsClauseEditor
 * @offer: (nullable): an offer of the project
 *
 * Shows the clauses of @offer for the editor's section.
 */
void
cs_clause_editor_set_offer (CsClauseEditor *self,
                            CsOffer        *offer)
{
  g_return_if_fail (CS_IS_CLAUSE_EDITOR (self));
  g_return_if_fail (offer == NULL || CS_IS_OFFER (offer));

  if (self->offer == offer)
    return;

  flush_rows (self);
  g_set_object (&self->offer, offer);
  update_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFER]);
}

/**
 * cs_clause_editor_get_n_findings:
 * @self: a #CsClauseEditor
 *
 * Returns: the number of weak wordings found in the clauses shown
 */
guint
cs_clause_editor_get_n_findings (CsClauseEditor *self)
{
  g_return_val_if_fail (CS_IS_CLAUSE_EDITOR (self), 0);

  return self->n_findings;
}

/**
 * cs_clause_editor_focus_clause:
 * @self: a #CsClauseEditor
 * @clause_id: the clause to show
 * @start: start of the range to select, a byte offset in the clause text
 * @end: end of the range to select (equal to @start to select nothing)
 *
 * Focuses the text of a clause and selects a range of it, e.g. weak wording the dashboard
 * points to.
 *
 * Returns: %TRUE if the clause is shown by this editor
 */
gboolean
cs_clause_editor_focus_clause (CsClauseEditor *self,
                               gint64          clause_id,
                               guint           start,
                               guint           end)
{
  g_autofree char *text = NULL;
  GtkTextIter start_iter, end_iter;
  ClauseRow *cr;

  g_return_val_if_fail (CS_IS_CLAUSE_EDITOR (self), FALSE);

  cr = find_row (self, clause_id);
  if (cr == NULL)
    return FALSE;

  text = get_buffer_text (cr);
  byte_range_to_iters (cr, text, strlen (text), start, end, &start_iter, &end_iter);
  gtk_text_buffer_select_range (cr->buffer, &start_iter, &end_iter);

  /* A page may show the editor only once it scrolls into view (the dashboard's list view
   * builds its items lazily): the focus then follows when the text view is mapped. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (cr->text_view)))
    {
      g_signal_connect (cr->text_view, "map", G_CALLBACK (on_text_view_map_focus_cb), NULL);
      /* A page that builds us lazily offers to bring us into view. */
      gtk_widget_activate_action (GTK_WIDGET (self), "dashboard.show-wording", NULL);
      return TRUE;
    }

  gtk_widget_grab_focus (GTK_WIDGET (cr->text_view));
  gtk_text_view_scroll_to_mark (cr->text_view, gtk_text_buffer_get_insert (cr->buffer),
                                0.1, FALSE, 0, 0);

  return TRUE;
}
