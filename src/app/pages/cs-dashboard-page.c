/* cs-dashboard-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-dashboard-page"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cs-dashboard-page.h"
#include "cs-clause-editor.h"
#include "cs-finding-row.h"
#include "cs-labels.h"
#include "cs-offer-selector.h"
#include "cs-override-dialog.h"
#include "cs-review-state.h"
#include "cs-score-chart.h"
#include "cs-toast.h"

/**
 * CsDashboardPage:
 *
 * The review of the selected offer at a glance: the overall completeness with its standing
 * band, the knock-outs, a chart of each section's score, and the findings — knock-outs
 * first, then by severity — each with what is wrong, why it matters, the remedy, a button
 * that goes to where it is fixed, and for checklist items a button to assess a manual item or
 * override a computed status with a justification. "All items" lists every checklist item,
 * so satisfied ones can be revisited. General contract wording (not tied to one section) is
 * pasted at the bottom. The page follows the project's #CsReviewState, which evaluates the
 * checklist again shortly after every change; the list keeps its scroll position.
 *
 * The page is one #GtkGridView (the demo project has over a hundred findings, each several
 * wrapped labels): its model is the overview, then the findings, then the wording area, so
 * that only the rows in view are built and laid out. The findings are spliced, not
 * replaced, when the report changes, and rows are recycled with cs_finding_row_set_finding().
 * A search entry above the list (Ctrl+F) keeps only the findings whose title, identifier,
 * message, section or quoted wording contains its words.
 */
struct _CsDashboardPage
{
  CsSectionPage        parent_instance;

  CsReviewState       *review_state;
  CsOffer             *watched_offer;
  GtkWidget           *clause_editor;  /* owned: the list shows it as its last item */
  GListStore          *shown;  /* the findings the list shows, spliced rather than rebuilt */
  GObject             *header_item;
  GObject             *footer_item;
  /* holds @footer_item once the checklist is evaluated: until then the wording area would be
   * laid out at the top of an empty list, then pushed away by the findings */
  GListStore          *footer;
  CsFinding           *focus_finding;  /* the finding Home or End goes to, once built */
  guint                focus_tick;
  guint                focus_ticks_left;

  /* template children */
  GtkStack            *stack;
  GtkLabel            *offer_label;
  GtkGridView         *list_view;
  GtkWidget           *header_box;
  GtkLabel            *score_label;
  GtkLabel            *band_label;
  GtkLabel            *assessed_label;
  GtkLabel            *scoring_label;
  GtkLabel            *knock_outs_label;
  GtkLabel            *counts_label;
  GtkLabel            *error_label;
  CsScoreChart        *chart;
  AdwPreferencesGroup *findings_group;
  GtkSwitch           *show_all_switch;
  GtkSearchEntry      *search_entry;
};

G_DEFINE_FINAL_TYPE (CsDashboardPage, cs_dashboard_page, CS_TYPE_SECTION_PAGE)

static CsReport *
get_report (CsDashboardPage *self)
{
  CsReport *report;

  /* Not evaluated yet: the page shows placeholders until "changed" brings the report. */
  if (self->review_state == NULL || cs_page_offer (self) == NULL
      || cs_review_state_is_pending (self->review_state))
    return NULL;

  report = cs_review_state_get_report (self->review_state);
  if (report == NULL ||
      cs_report_get_offer_id (report) != cs_page_offer_id (self))
    return NULL;

  return report;
}

/* go to, assess */

static void
go_to_finding (CsDashboardPage *self,
               CsFinding       *finding)
{
  CsSection section = cs_finding_get_section (finding);
  gboolean wording = cs_finding_get_kind (finding) == CS_FINDING_LINTER;

  if (section >= CS_N_SECTIONS)
    section = CS_SECTION_DASHBOARD;

  /* Weak wording: the clause with the wording selected; an item: the field its check reads. */
  gtk_widget_activate_action (GTK_WIDGET (self), "project.show-target", "(ssxsii)",
                              cs_section_get_id (section),
                              wording ? "clause" : "",
                              wording ? cs_finding_get_record_id (finding) : (gint64) 0,
                              wording ? "text" : (cs_finding_get_field (finding) != NULL
                                                  ? cs_finding_get_field (finding) : ""),
                              wording ? (gint32) cs_finding_get_start (finding) : -1,
                              wording ? (gint32) cs_finding_get_end (finding) : -1);
}

static void
on_finding_row_go_to_cb (CsFindingRow    *row,
                         CsDashboardPage *self)
{
  go_to_finding (self, cs_finding_row_get_finding (row));
}

/* Enter on a focused finding (or a double click) goes where it is fixed, as its button does. */
static void
on_list_view_activate_cb (GtkGridView     *view,
                          guint            position,
                          CsDashboardPage *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (gtk_grid_view_get_model (view)),
                                                   position);

  if (CS_IS_FINDING (item))
    go_to_finding (self, CS_FINDING (item));
}

typedef struct
{
  CsRecord   *answer;
  const char *status;
  gboolean    is_override;
  const char *justification;
  const char *reference;
  const char *changed_by;
  const char *changed_at;
} AnswerChange;

/* Who changes an answer: the user's full name, or the login when the system has none. */
static const char *
get_user_display_name (void)
{
  const char *name = g_get_real_name ();

  return name != NULL && *name != '\0' && !g_str_equal (name, "Unknown") ? name : g_get_user_name ();
}

static gboolean
update_answer_cb (CsStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  AnswerChange *change = user_data;

  return cs_store_set_string (store, change->answer, "status", change->status, error) &&
         cs_store_set_boolean (store, change->answer, "override", change->is_override, error) &&
         cs_store_set_string (store, change->answer, "justification", change->justification, error) &&
         cs_store_set_string (store, change->answer, "reference", change->reference, error) &&
         cs_store_set_string (store, change->answer, "changed_by", change->changed_by, error) &&
         cs_store_set_string (store, change->answer, "changed_at", change->changed_at, error);
}

static void
remove_answer (CsDashboardPage *self,
               CsRecord        *answer,
               const char      *title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CsDeletion) deletion = NULL;

  deletion = cs_store_delete (cs_page_store (self), answer, &error);
  if (deletion == NULL)
    {
      cs_section_page_show_error (CS_SECTION_PAGE (self), error);
      return;
    }

  /* Translators: %s is a checklist item title */
  text = g_markup_printf_escaped (_("Status of “%s” cleared"), title);
  cs_section_page_show_deleted (CS_SECTION_PAGE (self), &deletion, 1, text);
}

static void
on_override_dialog_response_cb (CsOverrideDialog *dialog,
                                const char       *response,
                                CsDashboardPage  *self)
{
  CsFinding *finding = cs_override_dialog_get_finding (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *justification = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *changed_at = NULL;
  CsRecord *answer = NULL;

  if (!cs_page_is_writable (self) || cs_page_offer (self) == NULL)
    return;

  if (cs_finding_get_record_id (finding) > 0)
    answer = cs_store_find (cs_page_store (self), CS_TYPE_CHECKLIST_ANSWER,
                            cs_finding_get_record_id (finding));

  if (g_str_equal (response, "remove"))
    {
      if (answer != NULL)
        remove_answer (self, answer, cs_finding_get_title (finding));
      return;
    }

  if (!g_str_equal (response, "apply"))
    return;

  if (cs_override_dialog_get_status (dialog) == NULL)
    return;

  justification = cs_override_dialog_get_justification (dialog);
  reference = g_strstrip (g_strdup (cs_override_dialog_get_reference (dialog)));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    changed_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  }

  if (answer == NULL)
    {
      g_autoptr(CsRecord) record = NULL;

      record = g_object_new (CS_TYPE_CHECKLIST_ANSWER,
                             "offer-id", cs_page_offer_id (self),
                             "item-id", cs_finding_get_id (finding),
                             "status", cs_override_dialog_get_status (dialog),
                             "override", cs_override_dialog_get_is_override (dialog),
                             "justification", justification,
                             "reference", reference,
                             "changed-by", get_user_display_name (),
                             "changed-at", changed_at,
                             NULL);
      if (!cs_store_add (cs_page_store (self), record, &error))
        cs_section_page_show_error (CS_SECTION_PAGE (self), error);
    }
  else
    {
      AnswerChange change = {
        .answer = answer,
        .status = cs_override_dialog_get_status (dialog),
        .is_override = cs_override_dialog_get_is_override (dialog),
        .justification = justification,
        .reference = reference,
        .changed_by = get_user_display_name (),
        .changed_at = changed_at,
      };

      if (!cs_store_batch (cs_page_store (self), update_answer_cb, &change, &error))
        cs_section_page_show_error (CS_SECTION_PAGE (self), error);
    }
}

static void
on_finding_row_assess_cb (CsFindingRow    *row,
                          CsDashboardPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CsOverrideDialog *dialog;

  if (!cs_page_is_writable (self))
    return;

  dialog = cs_override_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   cs_finding_row_get_finding (row));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_override_dialog_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* list items: the header, a finding row, or the wording area */

/* GTK 4.8 left the wording area's Add button insensitive, its action enabled, once the list
 * had moved the area out of a row and into another (/ui/dashboard/after-first-frame): each
 * button bound to an action looks it up afresh when the area is put in a row. */
static void
refresh_actionables (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
    {
      g_autofree char *name = g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), name);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    refresh_actionables (child);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    CsDashboardPage          *self)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  gtk_list_item_set_activatable (list_item, CS_IS_FINDING (item));
  gtk_list_item_set_selectable (list_item, FALSE);

  if (item == self->header_item)
    gtk_list_item_set_child (list_item, self->header_box);
  else if (item == self->footer_item)
    {
      gtk_list_item_set_child (list_item, self->clause_editor);
      refresh_actionables (self->clause_editor);
    }
  else
    {
      if (!CS_IS_FINDING_ROW (child))
        {
          child = cs_finding_row_new (CS_FINDING (item));
          g_signal_connect_object (child, "go-to", G_CALLBACK (on_finding_row_go_to_cb), self, 0);
          g_signal_connect_object (child, "assess", G_CALLBACK (on_finding_row_assess_cb), self, 0);
          gtk_list_item_set_child (list_item, child);
        }
      cs_finding_row_set_finding (CS_FINDING_ROW (child), CS_FINDING (item));
      cs_finding_row_set_editable (CS_FINDING_ROW (child), cs_page_is_writable (self));
    }
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      CsDashboardPage          *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  /* The header and the wording area outlive the item (they keep their state when scrolled
   * away); finding rows stay for the next finding. */
  if (child != NULL && (child == self->header_box || child == self->clause_editor))
    gtk_list_item_set_child (list_item, NULL);
}

/* updates */

/* What a row shows of a finding: rows whose finding did not change are kept. */
static char *
get_signature (CsFinding *finding)
{
  return g_strdup_printf ("%d\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%u\x1f%u\x1f%d\x1f%d\x1f%d"
                          "\x1f%s\x1f%s\x1f%s\x1f%s",
                          cs_finding_get_kind (finding), cs_finding_get_id (finding),
                          cs_finding_get_record_id (finding), cs_finding_get_start (finding),
                          cs_finding_get_end (finding), cs_finding_get_status (finding),
                          cs_finding_get_origin (finding), cs_finding_get_knock_out (finding),
                          cs_finding_get_detail (finding) ?: "",
                          cs_finding_get_justification (finding) ?: "",
                          cs_finding_get_reference (finding) ?: "",
                          cs_finding_get_matched_text (finding) ?: "");
}

static gboolean
same_finding (GListModel *a,
              guint       i,
              GListModel *b,
              guint       j)
{
  g_autoptr(CsFinding) x = g_list_model_get_item (a, i);
  g_autoptr(CsFinding) y = g_list_model_get_item (b, j);
  g_autofree char *sx = get_signature (x);
  g_autofree char *sy = get_signature (y);

  return g_str_equal (sx, sy);
}

/* filter */

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || *haystack == '\0')
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

/* Whether @finding contains every word of @words (casefolded), in any of its texts. */
static gboolean
finding_matches (CsFinding   *finding,
                 char       **words)
{
  CsSection section = cs_finding_get_section (finding);
  const char *texts[] = {
    cs_finding_get_title (finding),
    cs_finding_get_id (finding),
    cs_finding_get_message (finding),
    cs_finding_get_group (finding),
    cs_finding_get_matched_text (finding),
    section < CS_N_SECTIONS ? cs_section_get_title (section) : NULL,
  };

  for (guint w = 0; words[w] != NULL; w++)
    {
      gboolean found = FALSE;

      if (*words[w] == '\0')
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (texts) && !found; i++)
        found = contains_casefolded (texts[i], words[w]);
      if (!found)
        return FALSE;
    }

  return TRUE;
}

/* The findings of @model that match the search entry: @model itself when it is empty. */
static GListModel *
filter_findings (CsDashboardPage *self,
                 GListModel      *model)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  GListStore *filtered;

  folded = g_utf8_casefold (text != NULL ? text : "", -1);
  g_strstrip (folded);
  if (model == NULL || *folded == '\0')
    return model != NULL ? g_object_ref (model) : NULL;

  words = g_strsplit_set (folded, " \t", -1);
  filtered = g_list_store_new (CS_TYPE_FINDING);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CsFinding) finding = g_list_model_get_item (model, i);

      if (finding_matches (finding, words))
        g_list_store_append (filtered, finding);
    }

  return G_LIST_MODEL (filtered);
}

static void
update_findings (CsDashboardPage *self,
                 CsReport        *report)
{
  g_autoptr(GListModel) model = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  GListModel *shown = G_LIST_MODEL (self->shown);
  guint n_old = g_list_model_get_n_items (shown);
  guint n_new = 0;
  guint prefix = 0;
  guint suffix = 0;

  if (report != NULL)
    model = filter_findings (self, gtk_switch_get_active (self->show_all_switch)
                                   ? cs_report_get_results (report)
                                   : cs_report_get_findings (report));
  if (model != NULL)
    n_new = g_list_model_get_n_items (model);

  /* An edit changes a few findings: replace only the rows between the unchanged head and
   * tail, which keeps the others as they are; the list view keeps its anchor item, hence
   * the place the user was reading. */
  while (prefix < n_old && prefix < n_new && same_finding (shown, prefix, model, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         same_finding (shown, n_old - 1 - suffix, model, n_new - 1 - suffix))
    suffix++;

  for (guint i = prefix; i < n_new - suffix; i++)
    g_ptr_array_add (added, g_list_model_get_item (model, i));
  g_ptr_array_set_free_func (added, g_object_unref);

  if (n_old - prefix - suffix > 0 || added->len > 0)
    g_list_store_splice (self->shown, prefix, n_old - prefix - suffix, added->pdata, added->len);

  if (report != NULL)
    {
      guint n = g_list_model_get_n_items (cs_report_get_findings (report));
      const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

      if (search != NULL && *search != '\0')
        /* Translators: description of the findings list when the search entry filters it */
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u item matches the search.",
                                                    "%u items match the search.",
                                                    n_new),
                                       n_new);
      else if (gtk_switch_get_active (self->show_all_switch))
        /* Translators: description of the findings list when every item is listed */
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Every checklist item; %u finding to fix or annotate.",
                                                    "Every checklist item; %u findings to fix or annotate.",
                                                    n),
                                       n);
      else if (n > 0)
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u finding, knock-outs first, then by severity.",
                                                    "%u findings, knock-outs first, then by severity.",
                                                    n),
                                       n);
    }
  adw_preferences_group_set_description (self->findings_group, description);
}

static void
update_offer_label (CsDashboardPage *self)
{
  const char *provider;
  g_autofree char *text = NULL;

  if (cs_page_offer (self) == NULL)
    return;

  provider = cs_offer_get_provider (cs_page_offer (self));
  if (provider == NULL || provider[0] == '\0')
    provider = _("Unnamed offer");

  /* Translators: which offer the dashboard is about; provider name, then kind */
  text = g_strdup_printf (_("%s — %s"), provider,
                          cs_offer_kind_get_label (cs_offer_get_kind (cs_page_offer (self))));
  gtk_label_set_text (self->offer_label, text);
}

/* Until the checklist is evaluated (cs_review_state_is_pending()) the overview and the list
 * say they are busy, for screen readers and tests, and the wording area waits below the
 * findings it follows. */
static void
update_pending (CsDashboardPage *self,
                gboolean         pending)
{
  gboolean has_footer = g_list_model_get_n_items (G_LIST_MODEL (self->footer)) > 0;

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->header_box),
                               GTK_ACCESSIBLE_STATE_BUSY, pending, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->list_view),
                               GTK_ACCESSIBLE_STATE_BUSY, pending, -1);
  if (pending && has_footer)
    g_list_store_remove_all (self->footer);
  else if (!pending && !has_footer)
    g_list_store_append (self->footer, self->footer_item);
}

static void
update (CsDashboardPage *self)
{
  CsReport *report = get_report (self);
  const GError *error = self->review_state != NULL ? cs_review_state_get_error (self->review_state)
                                                   : NULL;
  const CsScore *score = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *knock_outs = NULL;
  g_autofree char *counts = NULL;
  CsScoreBand band;
  const char *css_class;
  gboolean pending = self->review_state != NULL && cs_review_state_is_pending (self->review_state);

  gtk_stack_set_visible_child_name (self->stack,
                                    cs_page_offer (self) != NULL ? "review" : "no-offer");
  if (cs_page_offer (self) == NULL)
    {
      g_list_store_remove_all (self->shown);
      cs_score_chart_set_report (self->chart, NULL);
      return;
    }

  update_offer_label (self);
  update_pending (self, pending);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_label_set_text (self->error_label, error->message);

  if (report != NULL)
    score = cs_report_get_score (report, CS_SECTION_DASHBOARD);

  percent = cs_score_format_percent (score != NULL ? score->score : NAN);
  gtk_label_set_text (self->score_label, percent);
  band = cs_score_band_from_score (score != NULL ? score->score : NAN);
  /* A placeholder is no figure: "Not scored" would be read as one. */
  gtk_label_set_text (self->band_label, pending ? "" : cs_score_band_get_label (band));
  for (CsScoreBand b = CS_SCORE_BAND_RED; b <= CS_SCORE_BAND_BLUE; b++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), cs_score_band_get_css_class (b));
      gtk_widget_remove_css_class (GTK_WIDGET (self->band_label), cs_score_band_get_css_class (b));
    }
  css_class = cs_score_band_get_css_class (band);
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->score_label), css_class);
      gtk_widget_add_css_class (GTK_WIDGET (self->band_label), css_class);
    }

  if (score != NULL)
    {
      if (score->n_knock_outs == 0)
        knock_outs = g_strdup (_("No knock-out"));
      else
        /* Translators: a knock-out is a missing critical item that rules the offer out */
        knock_outs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u knock-out: a critical item is missing",
                                                   "%u knock-outs: critical items are missing",
                                                   score->n_knock_outs),
                                      score->n_knock_outs);

      counts = cs_score_format_counts (score);
    }
  gtk_label_set_text (self->knock_outs_label, knock_outs != NULL ? knock_outs : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->knock_outs_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->knock_outs_label), "success");
  if (score != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->knock_outs_label),
                              score->n_knock_outs > 0 ? "error" : "success");
  if (counts == NULL && pending)
    /* Translators: shown on the dashboard until the checklist has been evaluated */
    counts = g_strdup (_("Evaluating the checklist…"));
  gtk_label_set_text (self->counts_label, counts != NULL ? counts : "");

  /* Two figures: "not reviewed yet" is not "weak". */
  {
    g_autofree char *assessed_percent = cs_score_format_percent (score != NULL ? score->assessed : NAN);
    /* Translators: share of the checklist's weight that has an answer, e.g. "Assessed: 64 %" */
    g_autofree char *assessed = g_strdup_printf (_("Assessed: %s"), assessed_percent);

    gtk_label_set_text (self->assessed_label, pending ? "" : assessed);
    /* The bands and knock-out rules, as the checklist pack states them. */
    gtk_label_set_text (self->scoring_label,
                        cs_checklist_get_scoring_explanation (cs_checklist_get_default ()) ?: "");
  }

  cs_score_chart_set_report (self->chart, report);
  update_findings (self, report);
}

static void
on_review_state_changed_cb (CsReviewState   *state,
                            CsDashboardPage *self)
{
  update (self);
}

static void
on_offer_notify_cb (CsOffer         *offer,
                    GParamSpec      *pspec,
                    CsDashboardPage *self)
{
  update_offer_label (self);
}

static void
on_show_all_switch_active_cb (GtkSwitch       *sw,
                              GParamSpec      *pspec,
                              CsDashboardPage *self)
{
  update_findings (self, get_report (self));
}

static void
on_search_changed_cb (GtkSearchEntry  *entry,
                      CsDashboardPage *self)
{
  update_findings (self, get_report (self));

  /* A new search reads from the top: the heading that counts the matches, then the first. */
  if (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (self->list_view))) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
on_search_stopped_cb (GtkSearchEntry  *entry,
                      CsDashboardPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
cs_dashboard_page_focus_search_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
cs_dashboard_page_show_wording_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (widget);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (self->list_view)));

  if (n_items > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                n_items - 1);
}

/* CsSectionPage */

static gboolean
cs_dashboard_page_focus_target (CsSectionPage *page,
                                const char    *table,
                                gint64         record_id,
                                const char    *field)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (page);

  if (g_strcmp0 (table, "clause") == 0 && record_id > 0 && self->clause_editor != NULL)
    {
      GListModel *shown = G_LIST_MODEL (self->shown);
      guint start = 0;
      guint end = 0;

      /* The weak wording of the clause, when the list shows it. */
      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(CsFinding) finding = g_list_model_get_item (shown, i);

          if (cs_finding_get_kind (finding) == CS_FINDING_LINTER &&
              cs_finding_get_record_id (finding) == record_id)
            {
              start = cs_finding_get_start (finding);
              end = cs_finding_get_end (finding);
              break;
            }
        }

      /* The wording area is the last item: the list builds and maps it once scrolled there
       * (it may not even be in the list's widgets while a finding has the focus), and the
       * editor takes the focus when it is mapped. */
      gtk_widget_activate_action (GTK_WIDGET (self), "dashboard.show-wording", NULL);
      return cs_clause_editor_focus_clause (CS_CLAUSE_EDITOR (self->clause_editor), record_id,
                                            start, end);
    }

  /* The first finding, just after the header item. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 1);

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view)) ||
         gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Home and End on a finding: the first finding and the last one (not the overview above
 * them or the wording area below, the list's first and last items). The list builds the rows
 * in view only: the row takes the focus once scrolled to and built. */

static GtkWidget *
find_finding_row (GtkWidget *root,
                  CsFinding *finding)
{
  if (CS_IS_FINDING_ROW (root))
    return cs_finding_row_get_finding (CS_FINDING_ROW (root)) == finding ? root : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_finding_row (child, finding);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
focus_finding_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (user_data);
  GtkWidget *row = self->focus_finding != NULL
                   ? find_finding_row (GTK_WIDGET (self->list_view), self->focus_finding) : NULL;

  /* The list item holding the row takes the focus, as the arrows give it. */
  if (row != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (row));

  if (row != NULL || self->focus_ticks_left-- == 0)
    {
      g_clear_object (&self->focus_finding);
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
on_list_home_end_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (user_data);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint index;

  /* On a finding only: in the overview and the wording area the keys keep their meaning. */
  if (n == 0 || focus == NULL ||
      (!CS_IS_FINDING_ROW (focus) && gtk_widget_get_ancestor (focus, CS_TYPE_FINDING_ROW) == NULL &&
       !CS_IS_FINDING_ROW (gtk_widget_get_first_child (focus))))
    return FALSE;

  index = g_variant_get_boolean (args) ? n - 1 : 0;
  g_clear_object (&self->focus_finding);
  self->focus_finding = g_list_model_get_item (G_LIST_MODEL (self->shown), index);
  /* The findings come after the overview, the list's first item. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", index + 1);
  self->focus_ticks_left = 30;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                     focus_finding_tick_cb, self, NULL);

  return TRUE;
}

static void
add_home_end_keys (CsDashboardPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct { guint keyval; gboolean end; } keys[] = {
    { GDK_KEY_Home, FALSE }, { GDK_KEY_KP_Home, FALSE }, { GDK_KEY_End, TRUE }, { GDK_KEY_KP_End, TRUE },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                gtk_callback_action_new (on_list_home_end_cb,
                                                                         self, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (keys[i].end));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
}

/* GObject vfuncs */

static void
cs_dashboard_page_constructed (GObject *object)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (object);
  g_autoptr(GListStore) parts = NULL;
  g_autoptr(GListStore) header = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkNoSelection *selection;

  G_OBJECT_CLASS (cs_dashboard_page_parent_class)->constructed (object);

  self->review_state = g_object_ref (cs_section_page_get_review_state (CS_SECTION_PAGE (self)));
  g_signal_connect_object (self->review_state, "changed",
                           G_CALLBACK (on_review_state_changed_cb), self, 0);

  /* General wording, not tied to one section, goes at the bottom of the dashboard. */
  self->clause_editor = g_object_ref_sink (cs_clause_editor_new (cs_page_store (self),
                                                                CS_SECTION_DASHBOARD));
  gtk_widget_set_margin_top (self->clause_editor, 18);
  gtk_widget_set_margin_bottom (self->clause_editor, 24);
  gtk_widget_set_margin_start (self->clause_editor, 12);
  gtk_widget_set_margin_end (self->clause_editor, 12);

  self->shown = g_list_store_new (CS_TYPE_FINDING);
  self->header_item = g_object_new (G_TYPE_OBJECT, NULL);
  self->footer_item = g_object_new (G_TYPE_OBJECT, NULL);
  header = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_append (header, self->header_item);
  self->footer = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_append (self->footer, self->footer_item);
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, header);
  g_list_store_append (parts, self->shown);
  g_list_store_append (parts, self->footer);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self, 0);
  selection = gtk_no_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (
                                      G_LIST_MODEL (g_steal_pointer (&parts)))));
  gtk_grid_view_set_factory (self->list_view, factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_list_view_activate_cb),
                           self, 0);
  g_object_unref (selection);
  add_home_end_keys (self);

  update (self);
}

static void
cs_dashboard_page_dispose (GObject *object)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (object);

  /* Unbinding gives the header and the wording area back before they are dropped. */
  if (self->list_view != NULL)
    {
      if (self->focus_tick != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick);
      self->focus_tick = 0;
      g_clear_object (&self->focus_finding);
      gtk_grid_view_set_model (self->list_view, NULL);
      gtk_grid_view_set_factory (self->list_view, NULL);
    }
  if (self->watched_offer != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_offer, self);
  g_clear_object (&self->watched_offer);
  g_clear_object (&self->shown);
  g_clear_object (&self->review_state);
  g_clear_object (&self->header_item);
  g_clear_object (&self->footer_item);
  g_clear_object (&self->footer);
  g_clear_object (&self->clause_editor);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (cs_dashboard_page_parent_class)->dispose (object);
}

static void
cs_dashboard_page_offer_changed (CsSectionPage *page)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (page);
  CsOffer *offer = cs_section_page_get_offer (page);

  if (self->watched_offer != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_offer, self);
  g_set_object (&self->watched_offer, offer);
  if (offer != NULL)
    g_signal_connect_object (offer, "notify", G_CALLBACK (on_offer_notify_cb), self, 0);

  if (self->clause_editor != NULL)
    cs_clause_editor_set_offer (CS_CLAUSE_EDITOR (self->clause_editor), offer);

  /* The project view keeps the shared state on the selected offer; alone (e.g. in a test),
   * the page does it itself. Setting it evaluates and emits "changed", which updates us. */
  if (self->review_state != NULL && cs_review_state_get_offer (self->review_state) != offer)
    cs_review_state_set_offer (self->review_state, offer);
  else if (self->review_state != NULL)
    update (self);
}

static void
cs_dashboard_page_class_init (CsDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsSectionPageClass *page_class = CS_SECTION_PAGE_CLASS (klass);

  object_class->constructed = cs_dashboard_page_constructed;
  object_class->dispose = cs_dashboard_page_dispose;
  page_class->offer_changed = cs_dashboard_page_offer_changed;
  page_class->focus_target = cs_dashboard_page_focus_target;

  cs_section_page_class_set_section (page_class, CS_SECTION_DASHBOARD, CS_SECTION_PAGE_LAYOUT_FREE,
                                     NULL, NULL);

  g_type_ensure (CS_TYPE_SCORE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, offer_label);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, band_label);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, assessed_label);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, scoring_label);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, knock_outs_label);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, chart);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, findings_group);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, show_all_switch);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.show-wording", NULL,
                                   cs_dashboard_page_show_wording_action);
  gtk_widget_class_install_action (widget_class, "dashboard.focus-search", NULL,
                                   cs_dashboard_page_focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "dashboard.focus-search", NULL);
}

static void
cs_dashboard_page_init (CsDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cs_dashboard_page_get_score_text:
 * @self: a #CsDashboardPage
 *
 * Returns: the overall score shown, e.g. "21 %"
 */
const char *
cs_dashboard_page_get_score_text (CsDashboardPage *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);

  return gtk_label_get_text (self->score_label);
}

/**
 * cs_dashboard_page_get_assessed_text:
 * @self: a #CsDashboardPage
 *
 * Returns: how much of the checklist has an answer, as shown, e.g. "Assessed: 64 %"
 */
const char *
cs_dashboard_page_get_assessed_text (CsDashboardPage *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);

  return gtk_label_get_text (self->assessed_label);
}

/**
 * cs_dashboard_page_get_findings:
 * @self: a #CsDashboardPage
 *
 * Returns: (transfer none): the #CsFinding items the list shows, in order
 */
GListModel *
cs_dashboard_page_get_findings (CsDashboardPage *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);

  return G_LIST_MODEL (self->shown);
}

/**
 * cs_dashboard_page_get_findings_view:
 * @self: a #CsDashboardPage
 *
 * The virtualized list of the page (a grid view of one column): its items are the overview, one #CsFindingRow per finding
 * (built only for the rows in view), then the wording area.
 *
 * Returns: (transfer none): the list view
 */
GtkGridView *
cs_dashboard_page_get_findings_view (CsDashboardPage *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);

  return self->list_view;
}

/**
 * cs_dashboard_page_set_show_all:
 * @self: a #CsDashboardPage
 * @show_all: %TRUE to list every checklist item, %FALSE for the findings only
 *
 * Chooses what the list shows.
 */
void
cs_dashboard_page_set_show_all (CsDashboardPage *self,
                                gboolean         show_all)
{
  g_return_if_fail (CS_IS_DASHBOARD_PAGE (self));

  gtk_switch_set_active (self->show_all_switch, show_all);
}

/**
 * cs_dashboard_page_get_search_entry:
 * @self: a #CsDashboardPage
 *
 * Returns: (transfer none): the entry that filters the findings
 */
GtkEditable *
cs_dashboard_page_get_search_entry (CsDashboardPage *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}
