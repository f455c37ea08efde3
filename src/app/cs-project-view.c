/* cs-project-view.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-project-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-project-view.h"
#include "cs-backup-page.h"
#include "cs-compare-view.h"
#include "cs-contract-review.h"
#include "cs-dashboard-page.h"
#include "cs-dialog-helpers.h"
#include "cs-exclusions-page.h"
#include "cs-exit-page.h"
#include "cs-offer-dialog.h"
#include "cs-offer-selector.h"
#include "cs-perimeter-page.h"
#include "cs-responsibilities-page.h"
#include "cs-review-state.h"
#include "cs-score-chart.h"
#include "cs-section-page.h"
#include "cs-security-page.h"
#include "cs-sla-page.h"
#include "cs-subcontracting-page.h"
#include "cs-terms-page.h"
#include "cs-toast.h"

/**
 * CsProjectView:
 *
 * What a window shows for an open project: a sidebar with the offer selector and the list of
 * sections, each with its completeness score and knock-out count (from the project's
 * #CsReviewState, evaluated again shortly after every change), and the selected section of
 * the selected offer. The header bar shows the
 * client name, the file name and the save state ("Saved" once a change is on disk,
 * "Read-only" when the project cannot be changed).
 *
 * Actions: `project.add-offer`, `project.rename-offer`, `project.delete-offer` (after a
 * confirmation), `project.undo` (Ctrl+Z: puts back the last deletion of any page, from the
 * store's undo stack; every deletion toast's Undo button activates it),
 * `project.open-contract` (reads the provider's contract for the selected offer),
 * `project.open-kept-contract` (reviews again the contract last kept in the project for it),
 * `project.show-sidebar`, and those
 * through which the pages reach their container: `project.show-section` (a section id),
 * `project.show-target` (section id, table, record id, field, start and end of the wording
 * for a clause, -1 otherwise), `project.toast` (a plain-text message) and
 * `project.show-offer-section` ((xs): an offer id, 0 for the one shown, and a section id).
 *
 * Below the sections, the sidebar's last row shows the Compare view (#CsCompareView).
 */
struct _CsProjectView
{
  AdwBin           parent_instance;

  CsStore         *store;
  CsOffer         *renamed_offer;   /* the offer the offer dialog edits, %NULL: a new one */
  CsSection        section;
  /* created when first shown, each with its "offer" property kept on the selected offer */
  GtkWidget       *pages[CS_N_SECTIONS];
  GtkStack        *pages_stack;
  CsReviewState   *review_state;
  GtkLabel        *score_labels[CS_N_SECTIONS];
  GtkLabel        *knock_out_labels[CS_N_SECTIONS];
  GtkWidget       *compare_view;

  /* template children (not the bin's own child, which AdwBin disposes of itself) */
  AdwLeaflet      *leaflet;
  GtkWidget       *content;
  CsOfferSelector *offer_selector;
  GtkListBox      *sections_list;
  AdwWindowTitle  *window_title;
  GtkLabel        *save_state_label;
  GtkRevealer     *read_only_revealer;
};

enum {
  PROP_0,
  PROP_REVIEW_STATE,
  PROP_STORE,
  PROP_SECTION,
  PROP_OFFER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsProjectView, cs_project_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void
show_error_toast (CsProjectView *self,
                  const GError  *error)
{
  cs_toast_show_error (adw_bin_get_child (ADW_BIN (self)), error);
}

static const char *
get_offer_display_name (CsOffer *offer)
{
  const char *provider = cs_offer_get_provider (offer);

  if (provider == NULL || provider[0] == '\0')
    return _("Unnamed offer");

  return provider;
}

static void
update_actions (CsProjectView *self)
{
  gboolean writable = self->store != NULL && !cs_store_is_read_only (self->store);
  gboolean has_offer = cs_offer_selector_get_selected_offer (self->offer_selector) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.add-offer", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.rename-offer", writable && has_offer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.delete-offer", writable && has_offer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.open-contract", writable && has_offer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.open-kept-contract", writable && has_offer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.undo",
                                 self->store != NULL && cs_store_can_undo (self->store));
}

static void
update_subtitle (CsProjectView *self)
{
  g_autofree char *basename = g_path_get_basename (cs_store_get_path (self->store));

  adw_window_title_set_subtitle (self->window_title, basename);
}

static void
update_title (CsProjectView *self)
{
  const char *client_name = cs_project_get_client_name (cs_store_get_project (self->store));

  if (client_name == NULL || client_name[0] == '\0')
    client_name = _("Unnamed client");

  adw_window_title_set_title (self->window_title, client_name);
}

static GtkWidget *
create_section_row (CsProjectView *self,
                    CsSection      section)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  image = gtk_image_new_from_icon_name (cs_section_get_icon_name (section));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
  gtk_box_append (GTK_BOX (box), image);

  label = gtk_label_new (cs_section_get_title (section));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  self->knock_out_labels[section] = GTK_LABEL (label);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  self->score_labels[section] = GTK_LABEL (label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, cs_section_get_id (section));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cs_section_get_title (section),
                                  -1);

  return row;
}

static GtkWidget *
create_compare_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name ("view-dual-symbolic");
  /* Translators: the sidebar row that shows the offers side by side */
  GtkWidget *label = gtk_label_new (_("Compare Offers"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), image);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, "compare");
  gtk_widget_add_css_class (row, "compare-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Compare Offers"), -1);

  return row;
}

static void
on_store_saved_cb (CsStore       *store,
                   CsProjectView *self)
{
  /* Translators: the save state in the header bar, once a change is written to disk */
  gtk_label_set_text (self->save_state_label, _("Saved"));
}

static void
on_project_client_name_changed_cb (CsProject     *project,
                                   GParamSpec    *pspec,
                                   CsProjectView *self)
{
  update_title (self);
}

static void
update_scores (CsProjectView *self)
{
  /* Until the first evaluation the sections show no figure rather than wait for it. */
  CsReport *report = cs_review_state_is_pending (self->review_state)
                     ? NULL : cs_review_state_get_report (self->review_state);
  CsOffer *offer = cs_offer_selector_get_selected_offer (self->offer_selector);

  if (report != NULL && (offer == NULL || cs_report_get_offer_id (report) !=
                                          cs_record_get_id (CS_RECORD (offer))))
    report = NULL;

  for (CsSection section = 0; section < CS_N_SECTIONS; section++)
    {
      const CsScore *score = report != NULL ? cs_report_get_score (report, section) : NULL;
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->sections_list, section));
      g_autofree char *percent = NULL;
      g_autofree char *knock_outs = NULL;
      g_autofree char *description = NULL;
      g_autofree char *assessed = NULL;
      CsScoreBand band = CS_SCORE_BAND_NONE;

      if (self->score_labels[section] == NULL || row == NULL)
        continue;

      if (score != NULL)
        {
          percent = cs_score_format_percent (score->score);
          band = cs_score_band_from_score (score->score);
        }
      gtk_label_set_text (self->score_labels[section], percent != NULL ? percent : "");

      for (CsScoreBand b = CS_SCORE_BAND_RED; b <= CS_SCORE_BAND_BLUE; b++)
        gtk_widget_remove_css_class (GTK_WIDGET (self->score_labels[section]),
                                     cs_score_band_get_css_class (b));
      if (cs_score_band_get_css_class (band) != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->score_labels[section]),
                                  cs_score_band_get_css_class (band));

      if (score != NULL && score->n_knock_outs > 0)
        /* Translators: sidebar badge: number of knock-outs (missing critical items) */
        knock_outs = g_strdup_printf (_("%u KO"), score->n_knock_outs);
      gtk_label_set_text (self->knock_out_labels[section], knock_outs != NULL ? knock_outs : "");
      gtk_widget_set_visible (GTK_WIDGET (self->knock_out_labels[section]), knock_outs != NULL);

      if (score != NULL)
        assessed = cs_score_format_percent (score->assessed);
      if (score != NULL && score->n_knock_outs > 0)
        /* Translators: accessible description of a sidebar row: score, share assessed, knock-outs */
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Score %s, assessed %s, %u knock-out",
                                                    "Score %s, assessed %s, %u knock-outs",
                                                    score->n_knock_outs),
                                       percent, assessed, score->n_knock_outs);
      else if (score != NULL)
        /* Translators: accessible description of a sidebar row: score, share assessed */
        description = g_strdup_printf (_("Score %s, assessed %s"), percent, assessed);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description != NULL ? description : "",
                                      -1);
      gtk_widget_set_tooltip_text (row, description);
    }
}

static void
on_store_checking_cb (CsStore       *store,
                      GParamSpec    *pspec,
                      CsProjectView *self)
{
  if (!cs_store_is_checking (store))
    gtk_label_set_text (self->save_state_label, "");
}

static void
on_review_state_changed_cb (CsReviewState *state,
                            CsProjectView *self)
{
  update_scores (self);
}

static void
on_offer_selector_selected_offer_cb (CsOfferSelector *selector,
                                     GParamSpec      *pspec,
                                     CsProjectView   *self)
{
  CsOffer *offer = cs_offer_selector_get_selected_offer (selector);

  if (self->review_state != NULL)
    cs_review_state_set_offer (self->review_state, offer);

  for (guint i = 0; i < CS_N_SECTIONS; i++)
    if (self->pages[i] != NULL)
      g_object_set (self->pages[i], "offer", offer, NULL);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFER]);
}

static void
show_page (CsProjectView *self,
           CsSection      section)
{
  if (self->pages[section] == NULL)
    {
      self->pages[section] = cs_project_view_create_page (section, self->review_state);
      gtk_widget_set_vexpand (self->pages[section], TRUE);
      g_object_set (self->pages[section],
                    "offer", cs_offer_selector_get_selected_offer (self->offer_selector),
                    NULL);
      gtk_stack_add_named (self->pages_stack, self->pages[section], cs_section_get_id (section));
    }

  gtk_stack_set_visible_child (self->pages_stack, self->pages[section]);

  if (self->section != section)
    {
      self->section = section;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
    }
}

/* Selects the row at @index of the sidebar, which shows its section or, after the sections,
 * the Compare view. */
static void
show_row (CsProjectView *self,
          int            index)
{
  gtk_list_box_select_row (self->sections_list,
                           gtk_list_box_get_row_at_index (self->sections_list, index));
}

/* A row is selected by a click, Enter, the arrows, a screen reader's selection or the code;
 * never by Tab, which leaves the list (leave_sections_list_cb). */
static void
on_sections_list_row_selected_cb (GtkListBox    *list,
                                  GtkListBoxRow *row,
                                  CsProjectView *self)
{
  int index;

  if (row == NULL)
    return;

  index = gtk_list_box_row_get_index (row);
  g_assert (index >= 0 && index <= CS_N_SECTIONS);

  /* The row after the sections: the offers side by side. */
  if (index == CS_N_SECTIONS)
    {
      if (self->compare_view == NULL)
        {
          self->compare_view = cs_compare_view_new (self->store);
          gtk_widget_set_vexpand (self->compare_view, TRUE);
          gtk_stack_add_named (self->pages_stack, self->compare_view, "compare");
        }
      gtk_stack_set_visible_child (self->pages_stack, self->compare_view);
      return;
    }

  show_page (self, index);
}

static void
on_sections_list_row_activated_cb (GtkListBox    *list,
                                   GtkListBoxRow *row,
                                   CsProjectView *self)
{
  /* On a narrow window, choosing a section goes to its page. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Tab and Shift+Tab leave the sections list at once instead of visiting (and, as the focus
 * selects a row of a list box, opening) its eleven rows. */
static gboolean
leave_sections_list_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  CsProjectView *self = CS_PROJECT_VIEW (user_data);
  GtkWidget *list = GTK_WIDGET (self->sections_list);
  GtkRoot *root = gtk_widget_get_root (list);

  if (root == NULL)
    return FALSE;

  gtk_widget_set_can_focus (list, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (root), g_variant_get_boolean (args)
                                               ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  gtk_widget_set_can_focus (list, TRUE);

  return TRUE;
}

static void
add_tab_shortcuts (CsProjectView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct { guint keyval; GdkModifierType mods; gboolean backward; } keys[] = {
    { GDK_KEY_Tab, 0, FALSE },
    { GDK_KEY_KP_Tab, 0, FALSE },
    { GDK_KEY_Tab, GDK_SHIFT_MASK, TRUE },
    { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, TRUE },
    { GDK_KEY_KP_Tab, GDK_SHIFT_MASK, TRUE },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].mods),
                        gtk_callback_action_new (leave_sections_list_cb, self, NULL)));
  /* The direction, as the shortcut's arguments. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

      gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (keys[i].backward));
    }
  gtk_widget_add_controller (GTK_WIDGET (self->sections_list), controller);
}

/* Alt+1 … Alt+9, Alt+0 (the ten sections in the sidebar's order) and Ctrl+Page Down/Up
 * (next, previous), caught before the focused widget: a scrolled window would otherwise take
 * Ctrl+Page Down for a horizontal page. */
static void
add_section_shortcuts (CsProjectView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "cs-section-shortcuts");
  gtk_shortcut_controller_add_shortcut (
    shortcuts, gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, GDK_CONTROL_MASK),
                                 gtk_named_action_new ("project.next-section")));
  gtk_shortcut_controller_add_shortcut (
    shortcuts, gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, GDK_CONTROL_MASK),
                                 gtk_named_action_new ("project.previous-section")));
  for (CsSection section = 0; section < CS_N_SECTIONS; section++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_0 + (section + 1) % 10, GDK_ALT_MASK),
                          gtk_named_action_new ("project.show-section"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (cs_section_get_id (section)));
      gtk_shortcut_controller_add_shortcut (shortcuts, shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
step_section (CsProjectView *self,
              int            step)
{
  int index = self->section;

  if (self->compare_view != NULL &&
      gtk_stack_get_visible_child (self->pages_stack) == self->compare_view)
    index = CS_N_SECTIONS;

  /* Round the sections and the Compare view. */
  index = (index + step + CS_N_SECTIONS + 1) % (CS_N_SECTIONS + 1);
  show_row (self, index);
}

static void
cs_project_view_next_section_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  step_section (CS_PROJECT_VIEW (widget), 1);
}

static void
cs_project_view_previous_section_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  step_section (CS_PROJECT_VIEW (widget), -1);
}

static void
on_offer_dialog_response_cb (CsOfferDialog *dialog,
                             const char    *response,
                             CsProjectView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *provider = NULL;
  const char *kind;
  CsOffer *offer;

  if (!g_str_equal (response, "apply"))
    return;

  provider = g_strstrip (g_strdup (cs_offer_dialog_get_provider_name (dialog)));
  kind = cs_offer_dialog_get_kind (dialog);
  offer = self->renamed_offer;

  if (offer == NULL)
    {
      if (!cs_project_view_add_offer (self, provider, kind, &error))
        show_error_toast (self, error);
      return;
    }

  if (g_strcmp0 (provider, cs_offer_get_provider (offer)) != 0 &&
      !cs_store_set_string (self->store, CS_RECORD (offer), "provider", provider, &error))
    {
      show_error_toast (self, error);
      return;
    }

  if (g_strcmp0 (kind, cs_offer_get_kind (offer)) != 0 &&
      !cs_store_set_string (self->store, CS_RECORD (offer), "kind", kind, &error))
    show_error_toast (self, error);
}

/* actions */

static void
cs_project_view_add_offer_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);
  CsOfferDialog *dialog;

  g_clear_object (&self->renamed_offer);
  dialog = cs_offer_dialog_new (cs_get_parent_window (widget), NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_offer_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cs_project_view_rename_offer_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);
  CsOffer *offer = cs_offer_selector_get_selected_offer (self->offer_selector);
  CsOfferDialog *dialog;

  if (offer == NULL)
    return;

  dialog = cs_offer_dialog_new (cs_get_parent_window (widget),
                                cs_offer_get_provider (offer));
  cs_offer_dialog_set_kind (dialog, cs_offer_get_kind (offer));
  g_set_object (&self->renamed_offer, offer);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_offer_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_offer_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             CsProjectView    *self)
{
  CsOffer *offer = cs_offer_selector_get_selected_offer (self->offer_selector);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsOffer) deleted = NULL;
  g_autoptr(CsDeletion) deletion = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "delete") || offer == NULL || self->store == NULL)
    return;

  /* The selection moves on as soon as the offer leaves the model. */
  deleted = g_object_ref (offer);
  deletion = cs_store_delete (self->store, CS_RECORD (deleted), &error);
  if (deletion == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  /* Translators: %s is a provider name */
  title = g_markup_printf_escaped (_("Offer “%s” deleted"), get_offer_display_name (deleted));
  cs_toast_show_deleted (adw_bin_get_child (ADW_BIN (self)), self->store, &deletion, 1, title);

  update_actions (self);
}

/* The offer a contract is being chosen for, kept while the file chooser is open. */
typedef struct
{
  CsProjectView *view;
  CsOffer       *offer;
} ContractChoice;

static void
contract_choice_free (ContractChoice *choice)
{
  g_object_unref (choice->view);
  g_object_unref (choice->offer);
  g_free (choice);
}

static void
contract_chosen_cb (GFile     *file,
                    GtkWindow *parent,
                    gpointer   user_data)
{
  ContractChoice *choice = user_data;
  CsContractReview *review;

  if (choice->view->store == NULL)
    return;

  review = cs_contract_review_new (cs_get_parent_window (GTK_WIDGET (choice->view)),
                                   choice->view->store, choice->offer, file);
  gtk_window_present (GTK_WINDOW (review));
}

static void
cs_project_view_open_contract_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);
  CsOffer *offer = cs_offer_selector_get_selected_offer (self->offer_selector);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser = NULL;
  ContractChoice *choice = NULL;

  if (offer == NULL)
    return;

  gtk_file_filter_set_name (filter, _("Contracts (PDF, ODT, DOCX, text)"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  chooser = cs_file_chooser_new (cs_get_parent_window (widget),
                                 _("Open the Provider’s Contract"),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  choice = g_new0 (ContractChoice, 1);
  choice->view = g_object_ref (self);
  choice->offer = g_object_ref (offer);
  cs_file_chooser_run (chooser, contract_chosen_cb, choice, (GDestroyNotify) contract_choice_free);
}

static void
cs_project_view_open_kept_contract_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);
  CsOffer *offer = cs_offer_selector_get_selected_offer (self->offer_selector);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(CsKeptDocument) kept = NULL;
  CsContractReview *review = NULL;
  GListModel *documents;
  guint n;

  if (offer == NULL || self->store == NULL)
    return;

  documents = cs_store_list (self->store, CS_TYPE_KEPT_DOCUMENT, cs_record_get_id (CS_RECORD (offer)));
  n = g_list_model_get_n_items (documents);
  if (n == 0)
    {
      cs_toast_add (adw_bin_get_child (ADW_BIN (self)),
                    adw_toast_new (_("No contract of this offer is kept in the project: open one and switch on “Keep a copy in the project”.")));
      return;
    }

  /* The last kept; its review lists the others, to open or remove. */
  kept = g_list_model_get_item (documents, n - 1);
  review = cs_contract_review_new_for_kept (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            self->store, offer, kept);
  gtk_window_present (GTK_WINDOW (review));
}

static void
cs_project_view_delete_offer_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);
  CsOffer *offer = cs_offer_selector_get_selected_offer (self->offer_selector);
  AdwMessageDialog *dialog;

  if (offer == NULL)
    return;

  dialog = cs_question_dialog_new (cs_get_parent_window (widget), NULL,
                                   _("Its sections, clauses and answers are deleted with it. "
                                     "Undo puts everything back."),
                                   "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  /* Translators: %s is a provider name */
  adw_message_dialog_format_heading (dialog, _("Delete Offer “%s”?"),
                                     get_offer_display_name (offer));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_offer_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cs_project_view_undo_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);
  g_autoptr(CsRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || !cs_store_can_undo (self->store))
    return;

  g_set_object (&record, cs_store_peek_undo_record (self->store));
  if (!cs_store_undo (self->store, &error))
    show_error_toast (self, error);
  else if (CS_IS_OFFER (record))
    cs_offer_selector_set_selected_offer (self->offer_selector, CS_OFFER (record));

  update_actions (self);
}

static void
cs_project_view_show_sidebar_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
parse_section (const char *id,
               CsSection  *section)
{
  for (CsSection s = 0; s < CS_N_SECTIONS; s++)
    if (g_strcmp0 (cs_section_get_id (s), id) == 0)
      {
        *section = s;
        return TRUE;
      }

  g_warning ("No section “%s”", id);
  return FALSE;
}

static void
cs_project_view_show_section_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);
  CsSection section;

  if (parse_section (g_variant_get_string (parameter, NULL), &section))
    cs_project_view_set_section (self, section);
}

static void
cs_project_view_show_target_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);
  const char *section_id;
  const char *table;
  const char *field;
  gint64 record_id;
  gint32 start;
  gint32 end;
  CsSection section;

  g_variant_get (parameter, "(&s&sx&sii)", &section_id, &table, &record_id, &field, &start, &end);
  if (!parse_section (section_id, &section))
    return;

  if (g_str_equal (table, "clause") && start >= 0 && end >= start)
    {
      cs_project_view_set_section (self, section);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      if (self->pages[section] != NULL &&
          cs_section_page_focus_clause (CS_SECTION_PAGE (self->pages[section]), record_id,
                                        start, end))
        return;
    }

  cs_project_view_show_target (self, section, table[0] != '\0' ? table : NULL, record_id,
                               field[0] != '\0' ? field : NULL);
}

static void
cs_project_view_toast_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);
  g_autofree char *escaped = g_markup_escape_text (g_variant_get_string (parameter, NULL), -1);

  cs_project_view_add_toast (self, adw_toast_new (escaped));
}

static void
cs_project_view_show_offer_section_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);
  gint64 offer_id = 0;
  const char *section_id = NULL;
  CsSection section;

  g_variant_get (parameter, "(x&s)", &offer_id, &section_id);
  if (!cs_section_from_id (section_id, &section))
    return;

  if (offer_id > 0)
    {
      CsRecord *offer = cs_store_find (self->store, CS_TYPE_OFFER, offer_id);

      if (offer != NULL)
        cs_offer_selector_set_selected_offer (self->offer_selector, CS_OFFER (offer));
    }
  cs_project_view_set_section (self, section);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* GObject vfuncs */

static void
cs_project_view_constructed (GObject *object)
{
  CsProjectView *self = CS_PROJECT_VIEW (object);
  GtkWidget *scrolled;
  gboolean read_only;

  G_OBJECT_CLASS (cs_project_view_parent_class)->constructed (object);

  g_assert (CS_IS_STORE (self->store));

  self->pages_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->pages_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  /* Size only the visible page: a homogeneous stack measures every page (the dashboard's
   * findings included) at each layout, which made each edit take seconds. */
  gtk_stack_set_hhomogeneous (self->pages_stack, FALSE);
  gtk_stack_set_vhomogeneous (self->pages_stack, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->pages_stack), TRUE);
  /* The window's width alone decides whether the sidebar folds: a page wider than the room
   * left scrolls sideways instead of raising the content's minimum width (which folded the
   * sidebar on some pages only). Pages scroll vertically themselves. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->pages_stack));
  gtk_box_append (GTK_BOX (self->content), scrolled);

  /* One evaluation of the selected offer, shared by the sidebar and the dashboard. */
  g_signal_connect_object (self->review_state, "changed",
                           G_CALLBACK (on_review_state_changed_cb), self, 0);

  /* The offer selector has its model before the first page is shown, so pages start on it. */
  cs_offer_selector_set_model (self->offer_selector, cs_store_get_offers (self->store));

  for (CsSection section = 0; section < CS_N_SECTIONS; section++)
    gtk_list_box_append (self->sections_list, create_section_row (self, section));
  gtk_list_box_append (self->sections_list, create_compare_row ());
  show_row (self, 0);


  g_signal_connect_object (self->store, "saved", G_CALLBACK (on_store_saved_cb), self, 0);
  g_signal_connect_object (self->store, "notify::can-undo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (cs_store_get_project (self->store), "notify::client-name",
                           G_CALLBACK (on_project_client_name_changed_cb), self, 0);

  read_only = cs_store_is_read_only (self->store);
  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);
  if (read_only)
    /* Translators: the save state in the header bar of a project that cannot be changed */
    gtk_label_set_text (self->save_state_label, _("Read-only"));
  else if (cs_store_is_checking (self->store))
    {
      /* Translators: the save state in the header bar while the project's integrity is
       * checked; changes are refused until then */
      gtk_label_set_text (self->save_state_label, _("Checking…"));
      g_signal_connect_object (self->store, "notify::checking",
                               G_CALLBACK (on_store_checking_cb), self, 0);
    }

  /* The checklist runs once the first frame is drawn (on_frame_clock_after_paint_cb()). */
  cs_review_state_set_offer_pending (self->review_state,
                                     cs_offer_selector_get_selected_offer (self->offer_selector));
  update_scores (self);

  update_title (self);
  update_subtitle (self);
  update_actions (self);
}

static void
on_frame_clock_after_paint_cb (GdkFrameClock *frame_clock,
                               CsProjectView *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_frame_clock_after_paint_cb, self);
  cs_review_state_evaluate_at_idle (self->review_state);
}

/* The first frame is drawn before the checklist is evaluated (see constructed()). */
static void
cs_project_view_map (GtkWidget *widget)
{
  CsProjectView *self = CS_PROJECT_VIEW (widget);
  GdkFrameClock *frame_clock;

  GTK_WIDGET_CLASS (cs_project_view_parent_class)->map (widget);

  frame_clock = gtk_widget_get_frame_clock (widget);
  if (!cs_review_state_is_pending (self->review_state))
    return;
  if (frame_clock == NULL)
    cs_review_state_evaluate_at_idle (self->review_state);
  else if (g_signal_handler_find (frame_clock, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0,
                                  NULL, on_frame_clock_after_paint_cb, self) == 0)
    g_signal_connect_object (frame_clock, "after-paint",
                             G_CALLBACK (on_frame_clock_after_paint_cb), self, 0);
}

static void
cs_project_view_dispose (GObject *object)
{
  CsProjectView *self = CS_PROJECT_VIEW (object);

  g_clear_object (&self->renamed_offer);
  g_clear_object (&self->review_state);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_PROJECT_VIEW);

  G_OBJECT_CLASS (cs_project_view_parent_class)->dispose (object);
}

static void
cs_project_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsProjectView *self = CS_PROJECT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SECTION:
      g_value_set_uint (value, cs_project_view_get_section (self));
      break;

    case PROP_OFFER:
      g_value_set_object (value, cs_project_view_get_offer (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_project_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsProjectView *self = CS_PROJECT_VIEW (object);

  switch (prop_id)
    {
    case PROP_REVIEW_STATE:
      self->review_state = g_value_dup_object (value);
      self->store = g_object_ref (cs_review_state_get_store (self->review_state));
      break;

    case PROP_SECTION:
      cs_project_view_set_section (self, g_value_get_uint (value));
      break;

    case PROP_OFFER:
      cs_project_view_set_offer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_project_view_class_init (CsProjectViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_project_view_constructed;
  object_class->dispose = cs_project_view_dispose;
  object_class->get_property = cs_project_view_get_property;
  object_class->set_property = cs_project_view_set_property;
  widget_class->map = cs_project_view_map;

  /**
   * CsProjectView:review-state:
   *
   * The review of the open project, owned by whoever opened it; the view keeps it on the
   * selected offer and hands it to its pages.
   */
  properties[PROP_REVIEW_STATE] =
    g_param_spec_object ("review-state", NULL, NULL,
                         CS_TYPE_REVIEW_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CsProjectView:store:
   *
   * The open project, the review state's.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CS_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CsProjectView:section:
   *
   * The #CsSection shown.
   */
  properties[PROP_SECTION] =
    g_param_spec_uint ("section", NULL, NULL,
                       0, CS_N_SECTIONS - 1, CS_SECTION_DASHBOARD,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsProjectView:offer:
   *
   * The offer shown, or %NULL when the project has none.
   */
  properties[PROP_OFFER] =
    g_param_spec_object ("offer", NULL, NULL,
                         CS_TYPE_OFFER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CS_TYPE_OFFER_SELECTOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-project-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CsProjectView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CsProjectView, content);
  gtk_widget_class_bind_template_child (widget_class, CsProjectView, offer_selector);
  gtk_widget_class_bind_template_child (widget_class, CsProjectView, sections_list);
  gtk_widget_class_bind_template_child (widget_class, CsProjectView, window_title);
  gtk_widget_class_bind_template_child (widget_class, CsProjectView, save_state_label);
  gtk_widget_class_bind_template_child (widget_class, CsProjectView, read_only_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_offer_selector_selected_offer_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "project.add-offer", NULL,
                                   cs_project_view_add_offer_action);
  gtk_widget_class_install_action (widget_class, "project.rename-offer", NULL,
                                   cs_project_view_rename_offer_action);
  gtk_widget_class_install_action (widget_class, "project.delete-offer", NULL,
                                   cs_project_view_delete_offer_action);
  gtk_widget_class_install_action (widget_class, "project.open-contract", NULL,
                                   cs_project_view_open_contract_action);
  gtk_widget_class_install_action (widget_class, "project.open-kept-contract", NULL,
                                   cs_project_view_open_kept_contract_action);
  gtk_widget_class_install_action (widget_class, "project.undo", NULL,
                                   cs_project_view_undo_action);
  /* Bubbling: a text field with the focus undoes its own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "project.undo", NULL);
  gtk_widget_class_install_action (widget_class, "project.next-section", NULL,
                                   cs_project_view_next_section_action);
  gtk_widget_class_install_action (widget_class, "project.previous-section", NULL,
                                   cs_project_view_previous_section_action);
  gtk_widget_class_install_action (widget_class, "project.show-sidebar", NULL,
                                   cs_project_view_show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "project.show-section", "s",
                                   cs_project_view_show_section_action);
  gtk_widget_class_install_action (widget_class, "project.show-target", "(ssxsii)",
                                   cs_project_view_show_target_action);
  gtk_widget_class_install_action (widget_class, "project.toast", "s",
                                   cs_project_view_toast_action);
  gtk_widget_class_install_action (widget_class, "project.show-offer-section", "(xs)",
                                   cs_project_view_show_offer_section_action);
}

static void
cs_project_view_init (CsProjectView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_tab_shortcuts (self);
  add_section_shortcuts (self);
}

/* public API */

/**
 * cs_project_view_new:
 * @review_state: the review of an open project
 *
 * Returns: (transfer floating): a new #CsProjectView showing the dashboard of the first offer
 */
CsProjectView *
cs_project_view_new (CsReviewState *review_state)
{
  g_return_val_if_fail (CS_IS_REVIEW_STATE (review_state), NULL);

  return g_object_new (CS_TYPE_PROJECT_VIEW, "review-state", review_state, NULL);
}

/* The page of each section: a #CsSectionPage taking the review state. */
static GType (* const page_types[CS_N_SECTIONS]) (void) = {
  [CS_SECTION_DASHBOARD] = cs_dashboard_page_get_type,
  [CS_SECTION_PERIMETER] = cs_perimeter_page_get_type,
  [CS_SECTION_EXCLUSIONS] = cs_exclusions_page_get_type,
  [CS_SECTION_RESPONSIBILITIES] = cs_responsibilities_page_get_type,
  [CS_SECTION_SLA] = cs_sla_page_get_type,
  [CS_SECTION_BACKUP] = cs_backup_page_get_type,
  [CS_SECTION_SECURITY] = cs_security_page_get_type,
  [CS_SECTION_SUBCONTRACTING] = cs_subcontracting_page_get_type,
  [CS_SECTION_EXIT] = cs_exit_page_get_type,
  [CS_SECTION_TERMS] = cs_terms_page_get_type,
};

/**
 * cs_project_view_create_page:
 * @section: a section
 * @review_state: the review of the open project
 *
 * Creates the page that edits @section; the view keeps its "offer" on the selected offer.
 *
 * Returns: (transfer floating): the page, a #CsSectionPage
 */
GtkWidget *
cs_project_view_create_page (CsSection      section,
                             CsReviewState *review_state)
{
  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);
  g_return_val_if_fail (CS_IS_REVIEW_STATE (review_state), NULL);

  return g_object_new (page_types[section] (), "review-state", review_state, NULL);
}

/**
 * cs_project_view_get_store:
 * @self: a #CsProjectView
 *
 * Returns: (transfer none): the project
 */
CsStore *
cs_project_view_get_store (CsProjectView *self)
{
  g_return_val_if_fail (CS_IS_PROJECT_VIEW (self), NULL);

  return self->store;
}

/**
 * cs_project_view_get_section:
 * @self: a #CsProjectView
 *
 * Returns: the section shown
 */
CsSection
cs_project_view_get_section (CsProjectView *self)
{
  g_return_val_if_fail (CS_IS_PROJECT_VIEW (self), CS_SECTION_DASHBOARD);

  return self->section;
}

/**
 * cs_project_view_set_section:
 * @self: a #CsProjectView
 * @section: a section
 *
 * Shows @section, selecting its row in the sidebar.
 */
void
cs_project_view_set_section (CsProjectView *self,
                             CsSection      section)
{
  g_return_if_fail (CS_IS_PROJECT_VIEW (self));
  g_return_if_fail (section < CS_N_SECTIONS);

  show_row (self, section);
}

/**
 * cs_project_view_get_offer:
 * @self: a #CsProjectView
 *
 * Returns: (transfer none) (nullable): the offer shown
 */
CsOffer *
cs_project_view_get_offer (CsProjectView *self)
{
  g_return_val_if_fail (CS_IS_PROJECT_VIEW (self), NULL);

  return cs_offer_selector_get_selected_offer (self->offer_selector);
}

/**
 * cs_project_view_set_offer:
 * @self: a #CsProjectView
 * @offer: an offer of the project
 *
 * Shows @offer.
 */
void
cs_project_view_set_offer (CsProjectView *self,
                           CsOffer       *offer)
{
  g_return_if_fail (CS_IS_PROJECT_VIEW (self));
  g_return_if_fail (offer == NULL || CS_IS_OFFER (offer));

  cs_offer_selector_set_selected_offer (self->offer_selector, offer);
}

/**
 * cs_project_view_get_sections_list:
 * @self: a #CsProjectView
 *
 * Returns: (transfer none): the sidebar's list of sections, one row per #CsSection, then the
 *   row of the Compare view
 */
GtkListBox *
cs_project_view_get_sections_list (CsProjectView *self)
{
  g_return_val_if_fail (CS_IS_PROJECT_VIEW (self), NULL);

  return self->sections_list;
}

/**
 * cs_project_view_get_offer_selector:
 * @self: a #CsProjectView
 *
 * Returns: (transfer none): the sidebar's #CsOfferSelector
 */
GtkWidget *
cs_project_view_get_offer_selector (CsProjectView *self)
{
  g_return_val_if_fail (CS_IS_PROJECT_VIEW (self), NULL);

  return GTK_WIDGET (self->offer_selector);
}

/**
 * cs_project_view_get_section_page:
 * @self: a #CsProjectView
 *
 * Returns: (transfer none): the #CsSectionPage in the content area
 */
GtkWidget *
cs_project_view_get_section_page (CsProjectView *self)
{
  g_return_val_if_fail (CS_IS_PROJECT_VIEW (self), NULL);

  return self->pages[self->section];
}

/**
 * cs_project_view_add_toast:
 * @self: a #CsProjectView
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the project.
 */
void
cs_project_view_add_toast (CsProjectView *self,
                           AdwToast      *toast)
{
  g_return_if_fail (CS_IS_PROJECT_VIEW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self))), toast);
}

/**
 * cs_project_view_add_offer:
 * @self: a #CsProjectView
 * @provider: the provider name
 * @kind: "incumbent" or "proposal"
 * @error: return location for a #GError
 *
 * Adds an offer to the project and shows it.
 *
 * Returns: %TRUE if the offer was added
 */
gboolean
cs_project_view_add_offer (CsProjectView  *self,
                           const char     *provider,
                           const char     *kind,
                           GError        **error)
{
  g_autoptr(CsOffer) offer = NULL;

  g_return_val_if_fail (CS_IS_PROJECT_VIEW (self), FALSE);
  g_return_val_if_fail (provider != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  offer = g_object_new (CS_TYPE_OFFER, "provider", provider, "kind", kind, NULL);
  if (!cs_store_add (self->store, CS_RECORD (offer), error))
    return FALSE;

  cs_offer_selector_set_selected_offer (self->offer_selector, offer);

  return TRUE;
}

/**
 * cs_project_view_get_save_state:
 * @self: a #CsProjectView
 *
 * Returns: the save state shown in the header bar: "" before any change, "Saved" once a
 *   change is on disk, "Read-only" for a read-only project (translated)
 */
const char *
cs_project_view_get_save_state (CsProjectView *self)
{
  g_return_val_if_fail (CS_IS_PROJECT_VIEW (self), NULL);

  return gtk_label_get_text (self->save_state_label);
}

/**
 * cs_project_view_show_target:
 * @self: a #CsProjectView
 * @section: the section where the target is
 * @table: (nullable): the table of the record, e.g. "sla_target"; "clause" for contract wording
 * @record_id: the record, or 0
 * @field: (nullable): the column, e.g. "resolution_value"
 *
 * Selects @section in the sidebar, shows its page and asks it to show and focus where
 * @field of the record is edited (see cs_section_page_focus_target()).
 *
 * Returns: %TRUE if the page found the target (it is shown in any case)
 */
gboolean
cs_project_view_show_target (CsProjectView *self,
                             CsSection      section,
                             const char    *table,
                             gint64         record_id,
                             const char    *field)
{
  g_return_val_if_fail (CS_IS_PROJECT_VIEW (self), FALSE);
  g_return_val_if_fail (section < CS_N_SECTIONS, FALSE);

  cs_project_view_set_section (self, section);
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  if (self->pages[section] == NULL)
    return FALSE;

  return cs_section_page_focus_target (CS_SECTION_PAGE (self->pages[section]), table,
                                       record_id, field);
}

/**
 * cs_project_view_show_finding:
 * @self: a #CsProjectView
 * @finding: a finding of the current report
 *
 * Goes to where @finding is fixed: for weak wording, the clause on its section page with the
 * wording selected; for a checklist item, the field its check reads on its section page.
 *
 * Returns: %TRUE if the page found the target
 */
gboolean
cs_project_view_show_finding (CsProjectView *self,
                              CsFinding     *finding)
{
  CsSection section;

  g_return_val_if_fail (CS_IS_PROJECT_VIEW (self), FALSE);
  g_return_val_if_fail (CS_IS_FINDING (finding), FALSE);

  section = cs_finding_get_section (finding);
  if (section >= CS_N_SECTIONS)
    section = CS_SECTION_DASHBOARD;

  if (cs_finding_get_kind (finding) != CS_FINDING_LINTER)
    return cs_project_view_show_target (self, section, NULL, 0, cs_finding_get_field (finding));

  cs_project_view_set_section (self, section);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  if (self->pages[section] == NULL)
    return FALSE;

  /* Every section page has the clause editor of its section: select the weak wording. */
  if (cs_section_page_focus_clause (CS_SECTION_PAGE (self->pages[section]),
                                    cs_finding_get_record_id (finding),
                                    cs_finding_get_start (finding),
                                    cs_finding_get_end (finding)))
    return TRUE;

  return cs_section_page_focus_target (CS_SECTION_PAGE (self->pages[section]), "clause",
                                       cs_finding_get_record_id (finding), "text");
}

/**
 * cs_project_view_get_review_state:
 * @self: a #CsProjectView
 *
 * Returns: (transfer none): the evaluation of the selected offer the sidebar shows
 */
CsReviewState *
cs_project_view_get_review_state (CsProjectView *self)
{
  g_return_val_if_fail (CS_IS_PROJECT_VIEW (self), NULL);

  return self->review_state;
}
