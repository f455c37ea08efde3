/* cs-contract-review.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-contract-review"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-contract-review.h"

/**
 * CsContractReview:
 *
 * The review of a provider's contract document for one offer. The document is read in a
 * thread (with Cancel) by #CsContractDocument; then the window lists the values proposed for
 * the offer's fields, each with its clause, a value the consultant may change, Accept and
 * Reject; the sections and critical checklist items the contract says nothing about; and
 * every clause, sorted by section, with its reference, page and confidence.
 *
 * Nothing is written until a value is accepted; "Undo Accepted Values" takes back every
 * acceptance of this review. The document itself is copied into the project only when the
 * consultant switches "Keep a copy in the project" on (#CsContractReview:keep-copy, off by
 * default); the documents the offer keeps are listed, to be opened again (read from the
 * project, checked against their SHA-256) or removed (Undo in the project window).
 * Actions: `review.accept` and `review.reject` (the proposal's index), `review.undo`,
 * `review.cancel`, `review.next-section` and `review.previous-section` (Alt+Down, Alt+Up: the
 * clause list's next or previous section heading), `review.keep-copy`, `review.open-kept` and `review.remove-kept` (the kept
 * document's position in the offer's list).
 */
struct _CsContractReview
{
  AdwWindow           parent_instance;

  CsStore            *store;
  CsOffer            *offer;
  GFile              *file;
  GCancellable       *cancellable;
  CsContractDocument *document;
  CsContractUndo     *undo;
  GPtrArray          *rows;        /* AdwActionRow per proposal */
  GPtrArray          *spins;       /* GtkSpinButton per proposal */
  GPtrArray          *choices;     /* GtkDropDown per proposal with candidates, else NULL */
  GArray             *decided;     /* gboolean per proposal: accepted or rejected */
  const char         *state;
  /* the document's bytes as read, its name, and its copy in the project if one is kept */
  GBytes             *bytes;
  char               *name;
  CsKeptDocument     *kept;
  gboolean            keep_copy;
  GListModel         *kept_list;   /* the offer's kept documents */
  GPtrArray          *kept_rows;   /* AdwActionRow per kept document */

  /* template children */
  AdwWindowTitle     *window_title;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  AdwPreferencesGroup *proposals_group;
  AdwPreferencesGroup *gaps_group;
  GtkListView        *clause_list;
  AdwPreferencesGroup *kept_group;
  AdwActionRow       *keep_row;
};

enum {
  PROP_0,
  PROP_KEEP_COPY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsContractReview, cs_contract_review, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];

/* What the reading thread is given and gives back. */
typedef struct
{
  GFile   *file;    /* (nullable): read from this file … */
  GBytes  *bytes;   /* … or these bytes; the bytes read from the file once done */
  char    *name;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->name);
  g_free (job);
}

static void
set_state (CsContractReview *self,
           const char       *state)
{
  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "reading"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.cancel", g_str_equal (state, "reading"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.undo",
                                 self->undo != NULL && self->rows != NULL && g_str_equal (state, "review"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.keep-copy",
                                 g_str_equal (state, "review") && self->bytes != NULL
                                 && !cs_store_is_read_only (self->store));
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(CsContractDocument) document = NULL;
  g_autoptr(CsLinter) linter = NULL;
  GError *error = NULL;

  if (job->file != NULL)
    {
      g_autofree char *path = g_file_get_path (job->file);

      document = cs_contract_document_new_from_file (path, cancellable, &error);
      /* The same bytes again (from the cache), for a copy the consultant may want kept. */
      if (document != NULL)
        job->bytes = g_file_load_bytes (job->file, cancellable, NULL, &error);
      if (job->bytes == NULL)
        g_clear_object (&document);
    }
  else
    {
      document = cs_contract_document_new_from_bytes (job->bytes, job->name, cancellable, &error);
    }
  if (document != NULL)
    linter = cs_linter_new_default (&error);
  if (document == NULL || linter == NULL
      || !cs_contract_document_analyse (document, linter, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&document), g_object_unref);
}

/* "Art. 4.2 · p. 2 · SLA 79 %" */
static char *
describe_clause (const CsContractClause *clause)
{
  return g_strdup_printf (_("%s · p. %u · %s %.0f %%"),
                          *clause->reference != '\0' ? clause->reference : _("Unnumbered"),
                          clause->page, cs_contract_section_get_title (clause->section),
                          clause->confidence * 100);
}

static char *
describe_proposal (CsContractReview *self,
                   guint             index)
{
  const CsContractProposal *p = cs_contract_document_get_proposal (self->document, index);
  const CsContractClause *clause = cs_contract_document_get_clause (self->document, p->clause);

  return g_strdup_printf (_("“%s” in %s: %s"), p->display,
                          *clause->reference != '\0' ? clause->reference : _("the preamble"),
                          clause->text);
}

/* The consultant picks another of the values the contract gives for the field. */
static void
on_choice_selected_cb (GtkDropDown      *choice,
                       GParamSpec       *pspec,
                       CsContractReview *self)
{
  guint index = 0;
  g_autofree char *subtitle = NULL;
  const CsContractProposal *p;
  GtkSpinButton *spin;

  if (!g_ptr_array_find (self->choices, choice, &index)
      || !cs_contract_document_choose (self->document, index, gtk_drop_down_get_selected (choice)))
    return;
  p = cs_contract_document_get_proposal (self->document, index);
  spin = g_ptr_array_index (self->spins, index);
  gtk_spin_button_set_digits (spin, p->value == (gint64) p->value ? 0 : 2);
  gtk_spin_button_set_value (spin, p->value);
  subtitle = describe_proposal (self, index);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (g_ptr_array_index (self->rows, index)), subtitle);
}

/* A drop-down of the values the contract gives for the field, as written ("30 minutes"); the
 * row's subtitle names the clause of the one picked. */
static GtkWidget *
create_choice (CsContractReview         *self,
               const CsContractProposal *p)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkWidget *choice;

  for (guint i = 0; i < p->candidates->len; i++)
    gtk_string_list_append (strings, g_array_index (p->candidates, CsContractCandidate, i).display);
  choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), p->chosen);
  gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (choice, _("The contract gives several values: pick one"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Values the contract gives"), -1);
  g_signal_connect_object (choice, "notify::selected", G_CALLBACK (on_choice_selected_cb), self, 0);
  return choice;
}

static void
add_proposal_row (CsContractReview *self,
                  guint             index)
{
  const CsContractProposal *p = cs_contract_document_get_proposal (self->document, index);
  g_autofree char *subtitle = describe_proposal (self, index);
  GtkWidget *choice = p->candidates != NULL ? create_choice (self, p) : NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 1e9, 1);
  GtkWidget *accept = gtk_button_new_with_mnemonic (_("_Accept"));
  GtkWidget *reject = gtk_button_new_with_mnemonic (_("_Reject"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), p->value == (gint64) p->value ? 0 : 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), p->value);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 7);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, p->label, -1);
  gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (reject, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (accept, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (accept), "review.accept");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (accept), "u", index);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reject), "review.reject");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (reject), "u", index);
  if (choice != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reject);

  adw_preferences_group_add (self->proposals_group, row);
  g_ptr_array_add (self->rows, row);
  g_ptr_array_add (self->spins, spin);
  g_ptr_array_add (self->choices, choice);
}

/* The clause list's items: "s:SECTION" heads the clauses of a section, "N" is clause N. */
#define SECTION_PREFIX "s:"

static void
setup_clause_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "xalign", 0.0f, NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_widget_set_margin_top (heading, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_lines (GTK_LABEL (text), 4);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  /* wrapped labels measure one word a line without these */
  gtk_label_set_width_chars (GTK_LABEL (text), 40);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 80);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (item, box);
}

static void
bind_clause_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CsContractReview         *self)
{
  const char *id = gtk_string_object_get_string (gtk_list_item_get_item (item));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (heading);
  GtkWidget *text = gtk_widget_get_last_child (box);
  gboolean is_heading = g_str_has_prefix (id, SECTION_PREFIX);

  gtk_widget_set_visible (heading, is_heading);
  gtk_widget_set_visible (title, !is_heading);
  gtk_widget_set_visible (text, !is_heading);
  gtk_list_item_set_activatable (item, !is_heading);
  if (is_heading)
    {
      const char *section = id + strlen (SECTION_PREFIX);
      guint n = 0;

      for (guint i = 0; i < cs_contract_document_get_n_clauses (self->document); i++)
        n += g_str_equal (cs_contract_document_get_clause (self->document, i)->section, section);
      {
        /* Translators: a section of the contract and how many clauses it has */
        g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u clause",
                                                               "%s · %u clauses", n),
                                                  cs_contract_section_get_title (section), n);

        gtk_label_set_text (GTK_LABEL (heading), label);
      }
    }
  else
    {
      guint index = (guint) g_ascii_strtoull (id, NULL, 10);
      const CsContractClause *clause = cs_contract_document_get_clause (self->document, index);
      g_autofree char *described = describe_clause (clause);

      gtk_label_set_text (GTK_LABEL (title), described);
      gtk_label_set_text (GTK_LABEL (text), clause->text);
    }
}

/* The clauses under one heading per section, in the sections' order ("Other" last), each
 * section's clauses in the document's order. */
static void
fill_clauses (CsContractReview *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;

  for (const char * const *section = cs_contract_sections (); *section != NULL; section++)
    {
      gboolean headed = FALSE;

      for (guint i = 0; i < cs_contract_document_get_n_clauses (self->document); i++)
        if (g_str_equal (cs_contract_document_get_clause (self->document, i)->section, *section))
          {
            char number[16];

            if (!headed)
              {
                g_autofree char *heading = g_strconcat (SECTION_PREFIX, *section, NULL);

                gtk_string_list_append (strings, heading);
                headed = TRUE;
              }
            g_snprintf (number, sizeof number, "%u", i);
            gtk_string_list_append (strings, number);
          }
    }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_clause_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_clause_cb), self, 0);
  gtk_list_view_set_factory (self->clause_list, factory);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&strings)));
  /* Nothing selected until the consultant moves in the list. */
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->clause_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_object_unref (factory);
}

static void
fill_gaps (CsContractReview *self)
{
  g_autoptr(CsReport) report = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(CsLinter) linter = cs_linter_new_default (NULL);
  CsChecklist *checklist = cs_checklist_get_default ();

  if (checklist != NULL && linter != NULL)
    report = cs_checklist_evaluate (checklist, self->store, linter,
                                    cs_record_get_id (CS_RECORD (self->offer)), NULL);
  gaps = cs_contract_document_list_gaps (self->document, report);
  for (guint i = 0; i < gaps->len; i++)
    {
      CsContractGap *gap = g_ptr_array_index (gaps, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gap->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cs_contract_section_get_title (gap->section));
      adw_preferences_group_add (self->gaps_group, row);
    }
  if (gaps->len == 0)
    adw_preferences_group_set_description (self->gaps_group,
                                           _("Every section and critical item has a clause."));
}

/* "Kept 2026-12-07 · 1.2 MB · SHA-256 9f0adc37…" */
static char *
describe_kept (CsKeptDocument *kept)
{
  CsRecord *record = CS_RECORD (kept);
  g_autofree char *size = g_format_size ((guint64) cs_record_get_int (record, "size"));
  g_autofree char *day = g_strndup (cs_record_get_string (record, "stored_at"), 10);
  g_autofree char *sha = g_strndup (cs_record_get_string (record, "sha256"), 8);

  /* Translators: a document kept in the project: the day it was kept, its size, the start of
   * its SHA-256 */
  return g_strdup_printf (_("Kept %s · %s · SHA-256 %s…"), day, size, sha);
}

static void
update_keep_row (CsContractReview *self)
{
  g_autofree char *described = NULL;

  if (self->kept != NULL)
    {
      described = describe_kept (self->kept);
      adw_action_row_set_subtitle (self->keep_row, described);
    }
  else
    {
      adw_action_row_set_subtitle (self->keep_row,
                                   _("Off: the document stays where it is and is not copied into the project."));
    }
}

/* The offer's kept documents, but the one this review shows: Open and Remove each. */
static void
fill_kept (CsContractReview *self)
{
  for (guint i = 0; i < self->kept_rows->len; i++)
    adw_preferences_group_remove (self->kept_group, g_ptr_array_index (self->kept_rows, i));
  g_ptr_array_set_size (self->kept_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (self->kept_list); i++)
    {
      g_autoptr(CsKeptDocument) kept = g_list_model_get_item (self->kept_list, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *open, *remove;

      if (kept == self->kept)
        continue;
      subtitle = describe_kept (kept);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     cs_record_get_string (CS_RECORD (kept), "file_name"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      open = gtk_button_new_with_label (_("Open"));
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_tooltip_text (remove, _("Remove from the project"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove from the project"), -1);
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "review.open-kept");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "u", i);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "review.remove-kept");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->kept_group, row);
      g_ptr_array_add (self->kept_rows, row);
    }
}

static void
on_kept_list_changed_cb (GListModel       *list,
                         guint             position,
                         guint             removed,
                         guint             added,
                         CsContractReview *self)
{
  gboolean listed = FALSE;

  /* A copy removed elsewhere is no longer this review's. */
  for (guint i = 0; self->kept != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CsKeptDocument) kept = g_list_model_get_item (list, i);

      listed |= kept == self->kept;
    }
  if (!listed)
    g_clear_object (&self->kept);
  if ((self->kept != NULL) != self->keep_copy)
    {
      self->keep_copy = self->kept != NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_COPY]);
    }
  update_keep_row (self);
  fill_kept (self);
}

/* A document already kept (the same SHA-256) is this one's copy. */
static void
find_own_copy (CsContractReview *self)
{
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->bytes);

  for (guint i = 0; self->kept == NULL && i < g_list_model_get_n_items (self->kept_list); i++)
    {
      g_autoptr(CsKeptDocument) kept = g_list_model_get_item (self->kept_list, i);

      if (g_strcmp0 (cs_record_get_string (CS_RECORD (kept), "sha256"), sha) == 0)
        self->kept = g_steal_pointer (&kept);
    }
  self->keep_copy = self->kept != NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_COPY]);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CsContractReview) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  CsContractDocument *document = g_task_propagate_pointer (G_TASK (result), &error);

  if (document == NULL)
    {
      g_autofree char *escaped = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      escaped = g_markup_escape_text (error->message, -1);
      adw_status_page_set_description (self->error_page, escaped);
      set_state (self, "error");
      return;
    }

  self->document = document;
  self->bytes = g_steal_pointer (&((ReadJob *) g_task_get_task_data (G_TASK (result)))->bytes);
  find_own_copy (self);
  update_keep_row (self);
  fill_kept (self);
  self->undo = cs_contract_undo_new ();
  self->rows = g_ptr_array_new ();
  self->spins = g_ptr_array_new ();
  self->choices = g_ptr_array_new ();
  self->decided = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (self->decided, cs_contract_document_get_n_proposals (document));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u clause, %u value proposed",
                                           "%u clauses, %u values proposed",
                                           cs_contract_document_get_n_clauses (document)),
                              cs_contract_document_get_n_clauses (document),
                              cs_contract_document_get_n_proposals (document));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  for (guint i = 0; i < cs_contract_document_get_n_proposals (document); i++)
    add_proposal_row (self, i);
  fill_gaps (self);
  fill_clauses (self);
  set_state (self, "review");
}

static void
cs_contract_review_accept_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CsContractReview *self = CS_CONTRACT_REVIEW (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;
  GtkWidget *row = NULL;
  double value = 0;

  if (self->document == NULL || index >= self->rows->len
      || g_array_index (self->decided, gboolean, index))
    return;
  row = g_ptr_array_index (self->rows, index);
  value = gtk_spin_button_get_value (g_ptr_array_index (self->spins, index));
  if (!cs_contract_document_accept (self->document, index, value, self->store, self->offer,
                                    self->undo, &error))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      return;
    }
  g_array_index (self->decided, gboolean, index) = TRUE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Accepted: written into the offer, with its clause as evidence"));
  gtk_widget_set_sensitive (g_ptr_array_index (self->spins, index), FALSE);
  if (g_ptr_array_index (self->choices, index) != NULL)
    gtk_widget_set_sensitive (g_ptr_array_index (self->choices, index), FALSE);
  gtk_widget_add_css_class (row, "success");
  gtk_widget_action_set_enabled (widget, "review.undo", TRUE);
}

static void
cs_contract_review_reject_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CsContractReview *self = CS_CONTRACT_REVIEW (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (self->document == NULL || index >= self->rows->len
      || g_array_index (self->decided, gboolean, index))
    return;
  g_array_index (self->decided, gboolean, index) = TRUE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (g_ptr_array_index (self->rows, index)),
                               _("Rejected: nothing written"));
  gtk_widget_set_sensitive (g_ptr_array_index (self->rows, index), FALSE);
}

static void
cs_contract_review_undo_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CsContractReview *self = CS_CONTRACT_REVIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->undo == NULL)
    return;
  if (!cs_contract_undo_apply (self->undo, self->store, &error))
    {
      adw_window_title_set_subtitle (self->window_title, error->message);
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      g_array_index (self->decided, gboolean, i) = FALSE;
      gtk_widget_remove_css_class (row, "success");
      gtk_widget_set_sensitive (row, TRUE);
      gtk_widget_set_sensitive (g_ptr_array_index (self->spins, i), TRUE);
      if (g_ptr_array_index (self->choices, i) != NULL)
        gtk_widget_set_sensitive (g_ptr_array_index (self->choices, i), TRUE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Taken back: nothing of it is left in the offer"));
    }
}

/* Keeps the document in the project, or takes the copy out again (Undo in the project window
 * brings it back). On failure the choice stays as it was and the row says why. */
static void
set_keep_copy (CsContractReview *self,
               gboolean          keep_copy)
{
  g_autoptr(GError) error = NULL;

  keep_copy = !!keep_copy;
  if (keep_copy == self->keep_copy)
    return;

  if (keep_copy && self->kept == NULL && self->bytes != NULL)
    {
      g_autofree char *type = g_content_type_guess (self->name, g_bytes_get_data (self->bytes, NULL),
                                                    g_bytes_get_size (self->bytes), NULL);
      g_autofree char *media_type = g_content_type_get_mime_type (type);

      self->kept = cs_store_keep_document (self->store, cs_record_get_id (CS_RECORD (self->offer)),
                                           self->name, media_type != NULL ? media_type : "",
                                           self->bytes, &error);
    }
  else if (!keep_copy && self->kept != NULL)
    {
      g_autoptr(CsDeletion) deletion = cs_store_delete (self->store, CS_RECORD (self->kept), &error);

      if (deletion != NULL)
        {
          cs_store_push_undo (self->store, &deletion, 1);
          g_clear_object (&self->kept);
        }
    }

  if (error != NULL)
    {
      adw_action_row_set_subtitle (self->keep_row, error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_COPY]);
      return;
    }

  self->keep_copy = keep_copy;
  update_keep_row (self);
  fill_kept (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_COPY]);
}

static void
cs_contract_review_open_kept_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CsContractReview *self = CS_CONTRACT_REVIEW (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(CsKeptDocument) kept = NULL;
  CsContractReview *review;

  if (self->kept_list == NULL || index >= g_list_model_get_n_items (self->kept_list))
    return;
  kept = g_list_model_get_item (self->kept_list, index);
  review = cs_contract_review_new_for_kept (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                            self->store, self->offer, kept);
  gtk_window_present (GTK_WINDOW (review));
}

static void
cs_contract_review_remove_kept_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  CsContractReview *self = CS_CONTRACT_REVIEW (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(CsKeptDocument) kept = NULL;
  g_autoptr(CsDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *removed = NULL;

  if (self->kept_list == NULL || index >= g_list_model_get_n_items (self->kept_list))
    return;
  kept = g_list_model_get_item (self->kept_list, index);
  deletion = cs_store_delete (self->store, CS_RECORD (kept), &error);
  if (deletion == NULL)
    {
      adw_preferences_group_set_description (self->kept_group, error->message);
      return;
    }
  cs_store_push_undo (self->store, &deletion, 1);
  /* Translators: %s is a file name */
  removed = g_strdup_printf (_("“%s” was removed from the project; Undo in the project window brings it back."),
                             cs_record_get_string (CS_RECORD (kept), "file_name"));
  adw_preferences_group_set_description (self->kept_group, removed);
}

/* Moves the clause list's selection (and the view) to the next or previous section heading. */
static void
cs_contract_review_move_section_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  CsContractReview *self = CS_CONTRACT_REVIEW (widget);
  GtkSelectionModel *model = gtk_list_view_get_model (self->clause_list);
  gboolean forward = g_str_equal (action_name, "review.next-section");
  guint n, selected;

  if (!GTK_IS_SINGLE_SELECTION (model))
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = forward ? G_MAXUINT : n;

  for (guint i = forward ? selected + 1 : selected; forward ? i < n : i > 0; forward ? i++ : i--)
    {
      guint position = forward ? i : i - 1;
      g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (model), position);

      if (g_str_has_prefix (gtk_string_object_get_string (item), SECTION_PREFIX))
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), position);
          gtk_widget_activate_action (GTK_WIDGET (self->clause_list), "list.scroll-to-item", "u",
                                      position);
          return;
        }
    }
}

static void
cs_contract_review_cancel_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CsContractReview *self = CS_CONTRACT_REVIEW (widget);

  g_cancellable_cancel (self->cancellable);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cs_contract_review_dispose (GObject *object)
{
  CsContractReview *self = CS_CONTRACT_REVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->store);
  g_clear_object (&self->offer);
  g_clear_object (&self->file);
  g_clear_object (&self->kept);
  if (self->kept_list != NULL)
    g_signal_handlers_disconnect_by_func (self->kept_list, on_kept_list_changed_cb, self);
  g_clear_object (&self->kept_list);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_CONTRACT_REVIEW);

  G_OBJECT_CLASS (cs_contract_review_parent_class)->dispose (object);
}

static void
cs_contract_review_finalize (GObject *object)
{
  CsContractReview *self = CS_CONTRACT_REVIEW (object);

  g_clear_pointer (&self->undo, cs_contract_undo_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->decided, g_array_unref);
  g_clear_pointer (&self->kept_rows, g_ptr_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->name);

  G_OBJECT_CLASS (cs_contract_review_parent_class)->finalize (object);
}

static void
cs_contract_review_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CsContractReview *self = CS_CONTRACT_REVIEW (object);

  switch (prop_id)
    {
    case PROP_KEEP_COPY:
      g_value_set_boolean (value, self->keep_copy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_contract_review_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CsContractReview *self = CS_CONTRACT_REVIEW (object);

  switch (prop_id)
    {
    case PROP_KEEP_COPY:
      set_keep_copy (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_contract_review_class_init (CsContractReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_contract_review_dispose;
  object_class->finalize = cs_contract_review_finalize;
  object_class->get_property = cs_contract_review_get_property;
  object_class->set_property = cs_contract_review_set_property;

  /**
   * CsContractReview:keep-copy:
   *
   * Whether a copy of the document is kept in the project (off unless the consultant asks).
   */
  properties[PROP_KEEP_COPY] =
    g_param_spec_boolean ("keep-copy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/contractscope/ContractScope/ui/cs-contract-review.ui");
  gtk_widget_class_bind_template_child (widget_class, CsContractReview, window_title);
  gtk_widget_class_bind_template_child (widget_class, CsContractReview, stack);
  gtk_widget_class_bind_template_child (widget_class, CsContractReview, spinner);
  gtk_widget_class_bind_template_child (widget_class, CsContractReview, error_page);
  gtk_widget_class_bind_template_child (widget_class, CsContractReview, proposals_group);
  gtk_widget_class_bind_template_child (widget_class, CsContractReview, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, CsContractReview, clause_list);
  gtk_widget_class_bind_template_child (widget_class, CsContractReview, kept_group);
  gtk_widget_class_bind_template_child (widget_class, CsContractReview, keep_row);

  gtk_widget_class_install_action (widget_class, "review.accept", "u", cs_contract_review_accept_action);
  gtk_widget_class_install_action (widget_class, "review.reject", "u", cs_contract_review_reject_action);
  gtk_widget_class_install_action (widget_class, "review.undo", NULL, cs_contract_review_undo_action);
  gtk_widget_class_install_action (widget_class, "review.cancel", NULL, cs_contract_review_cancel_action);
  gtk_widget_class_install_property_action (widget_class, "review.keep-copy", "keep-copy");
  gtk_widget_class_install_action (widget_class, "review.open-kept", "u", cs_contract_review_open_kept_action);
  gtk_widget_class_install_action (widget_class, "review.remove-kept", "u", cs_contract_review_remove_kept_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "review.next-section", NULL,
                                   cs_contract_review_move_section_action);
  gtk_widget_class_install_action (widget_class, "review.previous-section", NULL,
                                   cs_contract_review_move_section_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "review.next-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "review.previous-section", NULL);
}

static void
cs_contract_review_init (CsContractReview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->kept_rows = g_ptr_array_new ();
}

/* Starts reading @job in a thread; the window shows progress, then the review. */
static CsContractReview *
start_review (GtkWindow *parent,
              CsStore   *store,
              CsOffer   *offer,
              ReadJob   *job)
{
  CsContractReview *self = g_object_new (CS_TYPE_CONTRACT_REVIEW, "transient-for", parent, NULL);
  g_autoptr(GTask) task = NULL;

  self->store = g_object_ref (store);
  self->offer = g_object_ref (offer);
  self->name = g_strdup (job->name);
  self->kept_list = g_object_ref (cs_store_list (store, CS_TYPE_KEPT_DOCUMENT,
                                                 cs_record_get_id (CS_RECORD (offer))));
  g_signal_connect (self->kept_list, "items-changed", G_CALLBACK (on_kept_list_changed_cb), self);
  adw_window_title_set_subtitle (self->window_title, job->name);
  set_state (self, "reading");

  task = g_task_new (NULL, self->cancellable, read_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_review);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
  return self;
}

/**
 * cs_contract_review_new:
 * @parent: (nullable): the window to stay above
 * @store: the project
 * @offer: the offer the contract belongs to
 * @file: the contract document
 *
 * Starts reading @file; the window shows progress, then the review.
 *
 * Returns: (transfer full): a new review window, not yet shown
 */
CsContractReview *
cs_contract_review_new (GtkWindow *parent,
                        CsStore   *store,
                        CsOffer   *offer,
                        GFile     *file)
{
  CsContractReview *self = NULL;
  ReadJob *job = NULL;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_OFFER (offer), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  job = g_new0 (ReadJob, 1);
  job->file = g_object_ref (file);
  job->name = g_file_get_basename (file);
  self = start_review (parent, store, offer, job);
  self->file = g_object_ref (file);
  return self;
}

/**
 * cs_contract_review_new_for_kept:
 * @parent: (nullable): the window to stay above
 * @store: the project
 * @offer: the offer the contract belongs to
 * @kept: a document of @offer kept in the project
 *
 * Reads @kept back from the project (checked against its SHA-256: a damaged copy is said so)
 * and reviews it as cs_contract_review_new() does a file.
 *
 * Returns: (transfer full): a new review window, not yet shown
 */
CsContractReview *
cs_contract_review_new_for_kept (GtkWindow      *parent,
                                 CsStore        *store,
                                 CsOffer        *offer,
                                 CsKeptDocument *kept)
{
  g_autoptr(GError) error = NULL;
  CsContractReview *self = NULL;
  ReadJob *job = NULL;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_OFFER (offer), NULL);
  g_return_val_if_fail (CS_IS_KEPT_DOCUMENT (kept), NULL);

  job = g_new0 (ReadJob, 1);
  job->name = g_strdup (cs_record_get_string (CS_RECORD (kept), "file_name"));
  job->bytes = cs_store_read_document (store, kept, &error);
  if (job->bytes == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      self = g_object_new (CS_TYPE_CONTRACT_REVIEW, "transient-for", parent, NULL);
      self->store = g_object_ref (store);
      self->offer = g_object_ref (offer);
      adw_window_title_set_subtitle (self->window_title, job->name);
      adw_status_page_set_description (self->error_page, escaped);
      set_state (self, "error");
      read_job_free (job);
      return self;
    }

  self = start_review (parent, store, offer, job);
  self->kept = g_object_ref (kept);
  return self;
}

/**
 * cs_contract_review_get_state:
 * @self: a review
 *
 * Returns: "reading", "error" or "review"
 */
const char *
cs_contract_review_get_state (CsContractReview *self)
{
  g_return_val_if_fail (CS_IS_CONTRACT_REVIEW (self), NULL);
  return self->state;
}

/**
 * cs_contract_review_get_document:
 * @self: a review
 *
 * Returns: (transfer none) (nullable): the document, once read
 */
CsContractDocument *
cs_contract_review_get_document (CsContractReview *self)
{
  g_return_val_if_fail (CS_IS_CONTRACT_REVIEW (self), NULL);
  return self->document;
}
