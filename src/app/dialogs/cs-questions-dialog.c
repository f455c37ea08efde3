/* cs-questions-dialog.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-questions-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-questions-dialog.h"
#include "cs-construct-property.h"
#include "cs-date-row.h"
#include "cs-handover.h"
#include "cs-long-text-row.h"
#include "cs-toast.h"

/**
 * CsQuestionsDialog:
 *
 * Records the provider's answers to the questions for the provider of one offer. The questions
 * are those of the questions document (cs_handover_list_questions(): refreshed from the review
 * by the same code, with the same numbers), grouped by section with their contract reference.
 * Each has a multi-line answer and the date it was answered, both field editors saving through
 * the store as every other field does (a pause in typing, leaving the field, Ctrl+Enter; the
 * text keeps its undo history). A first answer dates itself today; the header counts the
 * answered questions.
 */
struct _CsQuestionsDialog
{
  AdwWindow            parent_instance;

  CsStore             *store;
  CsOffer             *offer;
  CsChecklist         *checklist;
  CsLinter            *linter;
  GPtrArray           *questions;   /* CsHandoverQuestion */
  GHashTable          *heads;       /* CsProviderQuestion → its AdwActionRow (the question) */
  GPtrArray           *groups;      /* AdwPreferencesGroup shown on the page */

  /* template children */
  AdwWindowTitle      *window_title;
  GtkLabel            *count_label;
  GtkStack            *stack;
  AdwPreferencesPage  *page;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_OFFER,
  PROP_CHECKLIST,
  PROP_LINTER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsQuestionsDialog, cs_questions_dialog, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];

static gboolean
is_answered (CsProviderQuestion *question)
{
  return *cs_record_get_string (CS_RECORD (question), "answer") != '\0';
}

static void
update_head (CsQuestionsDialog  *self,
             CsProviderQuestion *question)
{
  AdwActionRow *head = g_hash_table_lookup (self->heads, question);
  const char *reference = cs_record_get_string (CS_RECORD (question), "reference");
  const char *answered = cs_record_get_string (CS_RECORD (question), "answered");
  g_autofree char *where = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  if (head == NULL)
    return;
  where = *reference != '\0' ? g_strdup_printf (_("Contract reference: %s"), reference)
                             : g_strdup (_("No contract reference"));
  if (!is_answered (question))
    when = g_strdup (_("Not answered yet"));
  else if (*answered != '\0')
    when = g_strdup_printf (_("Answered on %s"), answered);
  else
    when = g_strdup (_("Answered"));
  subtitle = g_strdup_printf ("%s · %s", where, when);
  adw_action_row_set_subtitle (head, subtitle);
}

static void
update_count (CsQuestionsDialog *self)
{
  guint total = cs_questions_dialog_get_n_questions (self);
  guint answered = cs_questions_dialog_get_n_answered (self);
  g_autofree char *text = NULL;

  /* Translators: "3 of 12 questions answered" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u question answered",
                                       "%u of %u questions answered", total),
                          answered, total);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), total > 0);
  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "questions" : "empty");
}

static GtkWidget *
add_group (CsQuestionsDialog *self,
           CsSection          section)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;

  /* Group titles are markup in libadwaita 1.2. */
  title = g_markup_escape_text (section < CS_N_SECTIONS ? cs_section_get_title (section)
                                                        : _("Questions Whose Gap Was Closed"),
                                -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (section >= CS_N_SECTIONS)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("The review no longer finds these gaps; their "
                                             "answers are kept."));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return group;
}

static void
add_question (CsQuestionsDialog  *self,
              GtkWidget          *group,
              CsHandoverQuestion *question)
{
  CsRecord *record = CS_RECORD (question->record);
  GtkWidget *head = adw_action_row_new ();
  g_autofree char *title = NULL;

  title = question->number > 0
          ? g_strdup_printf ("%u. %s", question->number, cs_record_get_string (record, "question"))
          : g_strdup (cs_record_get_string (record, "question"));
  /* User and project text is never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (head), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (head), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (head), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (head), 0);
  gtk_widget_add_css_class (head, "question-row");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), head);
  g_hash_table_insert (self->heads, question->record, head);
  update_head (self, question->record);

  cs_field_editor_add_bound (group, cs_long_text_row_new (_("Answer"), "answer"), self->store,
                             record);
  cs_field_editor_add_bound (group, cs_date_row_new (_("Answered on (YYYY-MM-DD)"), "answered"),
                             self->store, record);
}

static void
load_questions (CsQuestionsDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *group = NULL;
  int section = -1;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->heads);
  g_clear_pointer (&self->questions, g_ptr_array_unref);

  self->questions = cs_handover_list_questions (self->store, self->checklist, self->linter,
                                                cs_record_get_id (CS_RECORD (self->offer)), NULL,
                                                &error);
  if (self->questions == NULL)
    {
      cs_toast_show_error (GTK_WIDGET (self->stack), error);
      self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_handover_question_free);
    }
  for (guint i = 0; i < self->questions->len; i++)
    {
      CsHandoverQuestion *question = g_ptr_array_index (self->questions, i);

      if ((int) question->section != section)
        {
          section = question->section;
          group = add_group (self, question->section);
        }
      add_question (self, group, question);
    }
  update_count (self);
}

/* A first answer dates itself today; an answer taken back is no longer dated. */
static void
on_record_changed_cb (CsStore           *store,
                      CsRecord          *record,
                      const char        *column,
                      CsQuestionsDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!CS_IS_PROVIDER_QUESTION (record) || !g_hash_table_contains (self->heads, record))
    return;
  if (g_strcmp0 (column, "answer") == 0 && !cs_store_is_read_only (store))
    {
      const char *answered = cs_record_get_string (record, "answered");
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      if (is_answered (CS_PROVIDER_QUESTION (record)) && *answered == '\0'
          && !cs_store_set_string (store, record, "answered", today, &error))
        cs_toast_show_error (GTK_WIDGET (self->stack), error);
      else if (!is_answered (CS_PROVIDER_QUESTION (record)) && *answered != '\0'
               && !cs_store_set_string (store, record, "answered", "", &error))
        cs_toast_show_error (GTK_WIDGET (self->stack), error);
    }
  update_head (self, CS_PROVIDER_QUESTION (record));
  update_count (self);
}

static void
cs_questions_dialog_constructed (GObject *object)
{
  CsQuestionsDialog *self = CS_QUESTIONS_DIALOG (object);

  G_OBJECT_CLASS (cs_questions_dialog_parent_class)->constructed (object);

  g_assert (CS_IS_STORE (self->store) && CS_IS_OFFER (self->offer)
            && CS_IS_CHECKLIST (self->checklist));
  adw_window_title_set_subtitle (self->window_title, cs_offer_get_provider (self->offer));
  g_signal_connect_object (self->store, "record-changed", G_CALLBACK (on_record_changed_cb),
                           self, 0);
  load_questions (self);
}

static void
cs_questions_dialog_dispose (GObject *object)
{
  CsQuestionsDialog *self = CS_QUESTIONS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_QUESTIONS_DIALOG);
  g_clear_pointer (&self->heads, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->offer);
  g_clear_object (&self->checklist);
  g_clear_object (&self->linter);

  G_OBJECT_CLASS (cs_questions_dialog_parent_class)->dispose (object);
}

static void
cs_questions_dialog_class_init (CsQuestionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_questions_dialog_constructed;
  object_class->dispose = cs_questions_dialog_dispose;
  object_class->get_property = cs_construct_property_get;
  object_class->set_property = cs_construct_property_set;

  properties[PROP_STORE] =
    cs_param_spec_construct_object ("store", CS_TYPE_STORE,
                                    G_STRUCT_OFFSET (CsQuestionsDialog, store));
  properties[PROP_OFFER] =
    cs_param_spec_construct_object ("offer", CS_TYPE_OFFER,
                                    G_STRUCT_OFFSET (CsQuestionsDialog, offer));
  properties[PROP_CHECKLIST] =
    cs_param_spec_construct_object ("checklist", CS_TYPE_CHECKLIST,
                                    G_STRUCT_OFFSET (CsQuestionsDialog, checklist));
  properties[PROP_LINTER] =
    cs_param_spec_construct_object ("linter", CS_TYPE_LINTER,
                                    G_STRUCT_OFFSET (CsQuestionsDialog, linter));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/contractscope/ContractScope/ui/cs-questions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsQuestionsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CsQuestionsDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, CsQuestionsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CsQuestionsDialog, page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cs_questions_dialog_init (CsQuestionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->heads = g_hash_table_new (NULL, NULL);
  self->groups = g_ptr_array_new ();
}

/**
 * cs_questions_dialog_new:
 * @store: the project
 * @offer: the offer whose provider answers
 * @checklist: the checklist rules
 * @linter: (nullable): the clause linter
 *
 * Returns: (transfer floating): a new dialog listing the questions and their answers
 */
GtkWidget *
cs_questions_dialog_new (CsStore     *store,
                         CsOffer     *offer,
                         CsChecklist *checklist,
                         CsLinter    *linter)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_OFFER (offer), NULL);
  g_return_val_if_fail (CS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (linter == NULL || CS_IS_LINTER (linter), NULL);

  return g_object_new (CS_TYPE_QUESTIONS_DIALOG, "store", store, "offer", offer,
                       "checklist", checklist, "linter", linter, NULL);
}

/**
 * cs_questions_dialog_get_n_questions:
 * @self: a #CsQuestionsDialog
 *
 * Returns: how many questions the dialog lists
 */
guint
cs_questions_dialog_get_n_questions (CsQuestionsDialog *self)
{
  g_return_val_if_fail (CS_IS_QUESTIONS_DIALOG (self), 0);
  return self->questions != NULL ? self->questions->len : 0;
}

/**
 * cs_questions_dialog_get_n_answered:
 * @self: a #CsQuestionsDialog
 *
 * Returns: how many of them have an answer
 */
guint
cs_questions_dialog_get_n_answered (CsQuestionsDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (CS_IS_QUESTIONS_DIALOG (self), 0);
  for (guint i = 0; self->questions != NULL && i < self->questions->len; i++)
    n += is_answered (((CsHandoverQuestion *) g_ptr_array_index (self->questions, i))->record);
  return n;
}
