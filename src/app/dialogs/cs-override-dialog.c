/* cs-override-dialog.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-override-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-override-dialog.h"

/**
 * CsOverrideDialog:
 *
 * Asks for the consultant's status of one checklist item: for a manual item, how far the
 * contract commits to it (satisfied, partly, missing, not applicable) with its contract
 * reference and an optional note; for a computed item, the status that replaces the computed
 * one, with a justification that is required (it is shown wherever the status is) and the
 * contract reference. Responses: "cancel", "remove" (clears the answer, offered only when
 * there is one), "apply".
 */
struct _CsOverrideDialog
{
  AdwMessageDialog  parent_instance;

  CsFinding        *finding;
  gboolean          is_override;

  /* template children */
  GtkToggleButton  *status_buttons[5];   /* in the order of statuses[] */
  GtkEntry         *reference_entry;
  GtkLabel         *justification_title;
  GtkTextView      *justification_view;
};

G_DEFINE_FINAL_TYPE (CsOverrideDialog, cs_override_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The first choice, "Not assessed", stores nothing: it is the start of every new answer. */
static const char * const statuses[] = {
  NULL, "satisfied", "partial", "missing", "not_applicable"
};

static void
update_apply (CsOverrideDialog *self)
{
  g_autofree char *justification = cs_override_dialog_get_justification (self);

  /* An override without a reason would be unexplained in every export: require one. Nothing
   * is saved until a status is chosen. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply",
                                           cs_override_dialog_get_status (self) != NULL
                                           && (!self->is_override || justification[0] != '\0'));
}

static void
on_justification_changed_cb (GtkTextBuffer    *buffer,
                             CsOverrideDialog *self)
{
  update_apply (self);
}

static void
on_status_selected_cb (GtkToggleButton  *button,
                       GParamSpec       *pspec,
                       CsOverrideDialog *self)
{
  update_apply (self);
}

/* "Last changed by Claire Moreau on 20 January 2026 at 09:30", in local time. */
static char *
describe_change (CsFinding *finding)
{
  const char *who = cs_finding_get_changed_by (finding);
  const char *when = cs_finding_get_changed_at (finding);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  if (who == NULL || *who == '\0')
    return NULL;
  if (when != NULL)
    utc = g_date_time_new_from_iso8601 (when, NULL);
  if (utc == NULL)
    /* Translators: who set a checklist answer */
    return g_strdup_printf (_("Last changed by %s."), who);

  local = g_date_time_to_local (utc);
  date = g_date_time_format (local, "%x %H:%M");
  /* Translators: who set a checklist answer, and when (date and time) */
  return g_strdup_printf (_("Last changed by %s on %s."), who, date);
}

static void
setup (CsOverrideDialog *self)
{
  CsFinding *finding = self->finding;
  CsItemStatus status = cs_finding_get_status (finding);
  gboolean answered = cs_finding_get_origin (finding) != CS_ORIGIN_COMPUTED;
  g_autofree char *body = NULL;

  self->is_override = cs_finding_get_origin (finding) != CS_ORIGIN_MANUAL;

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), cs_finding_get_title (finding));
  gtk_window_set_title (GTK_WINDOW (self), cs_finding_get_title (finding));

  if (self->is_override)
    {
      /* Translators: body of the override dialog; %s is the computed detail or status */
      body = g_strdup_printf (_("The status of this item is computed from what the offer records. "
                                "Override it only when the contract says otherwise, and say why: "
                                "the justification is shown with the status and in exports.\n\n%s"),
                              cs_finding_get_message (finding) ?: "");
      gtk_label_set_text_with_mnemonic (self->justification_title, _("_Justification (required)"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "remove",
                                             _("_Remove Override"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "apply", _("_Override"));
    }
  else
    {
      /* Translators: body of the assessment dialog of a manual item; %s is its guidance */
      body = g_strdup_printf (_("Only you can judge this item from the contract text: %s"),
                              cs_finding_get_message (finding) ?: "");
      gtk_label_set_text_with_mnemonic (self->justification_title, _("_Note (optional)"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "remove",
                                             _("_Clear Assessment"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "apply", _("_Save"));
    }
  {
    g_autofree char *change = describe_change (finding);

    if (change != NULL)
      {
        g_autofree char *with_change = g_strconcat (body, "\n\n", change, NULL);

        g_free (body);
        body = g_steal_pointer (&with_change);
      }
  }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  /* Start from the answer given, or from "Not assessed": never from a status nobody chose. */
  gtk_toggle_button_set_active (self->status_buttons[0], TRUE);
  if (answered)
    switch (status)
      {
      case CS_ITEM_SATISFIED:
        cs_override_dialog_set_status (self, "satisfied");
        break;
      case CS_ITEM_PARTIAL:
        cs_override_dialog_set_status (self, "partial");
        break;
      case CS_ITEM_MISSING:
        cs_override_dialog_set_status (self, "missing");
        break;
      case CS_ITEM_NOT_APPLICABLE:
        cs_override_dialog_set_status (self, "not_applicable");
        break;
      case CS_ITEM_UNANSWERED:
      case CS_ITEM_REFERENCE:
      default:
        break;
      }

  cs_override_dialog_set_reference (self, cs_finding_get_reference (finding));
  cs_override_dialog_set_justification (self, cs_finding_get_justification (finding));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "remove", answered);
  gtk_widget_set_visible (GTK_WIDGET (self->justification_view), TRUE);
  update_apply (self);
}

static void
cs_override_dialog_dispose (GObject *object)
{
  CsOverrideDialog *self = CS_OVERRIDE_DIALOG (object);

  g_clear_object (&self->finding);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_OVERRIDE_DIALOG);

  G_OBJECT_CLASS (cs_override_dialog_parent_class)->dispose (object);
}

static void
cs_override_dialog_class_init (CsOverrideDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_override_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-override-dialog.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "status_none", FALSE,
                                             G_STRUCT_OFFSET (CsOverrideDialog, status_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_satisfied", FALSE,
                                             G_STRUCT_OFFSET (CsOverrideDialog, status_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_partial", FALSE,
                                             G_STRUCT_OFFSET (CsOverrideDialog, status_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_missing", FALSE,
                                             G_STRUCT_OFFSET (CsOverrideDialog, status_buttons[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_not_applicable", FALSE,
                                             G_STRUCT_OFFSET (CsOverrideDialog, status_buttons[4]));
  gtk_widget_class_bind_template_child (widget_class, CsOverrideDialog, reference_entry);
  gtk_widget_class_bind_template_child (widget_class, CsOverrideDialog, justification_title);
  gtk_widget_class_bind_template_child (widget_class, CsOverrideDialog, justification_view);
}

static void
cs_override_dialog_init (CsOverrideDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->justification_view), "changed",
                           G_CALLBACK (on_justification_changed_cb), self, 0);
  for (guint i = 0; i < G_N_ELEMENTS (self->status_buttons); i++)
    g_signal_connect_object (self->status_buttons[i], "notify::active",
                             G_CALLBACK (on_status_selected_cb), self, 0);
}

/**
 * cs_override_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @finding: the checklist result to assess or override
 *
 * Returns: (transfer none): a new dialog, to present
 */
CsOverrideDialog *
cs_override_dialog_new (GtkWindow *parent,
                        CsFinding *finding)
{
  CsOverrideDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CS_IS_FINDING (finding), NULL);

  self = g_object_new (CS_TYPE_OVERRIDE_DIALOG, "transient-for", parent, NULL);
  self->finding = g_object_ref (finding);
  setup (self);

  return self;
}

/**
 * cs_override_dialog_get_finding:
 * @self: a #CsOverrideDialog
 *
 * Returns: (transfer none): the checklist result assessed
 */
CsFinding *
cs_override_dialog_get_finding (CsOverrideDialog *self)
{
  g_return_val_if_fail (CS_IS_OVERRIDE_DIALOG (self), NULL);

  return self->finding;
}

/**
 * cs_override_dialog_get_is_override:
 * @self: a #CsOverrideDialog
 *
 * Returns: %TRUE if the answer overrides a computed status (a justification is required)
 */
gboolean
cs_override_dialog_get_is_override (CsOverrideDialog *self)
{
  g_return_val_if_fail (CS_IS_OVERRIDE_DIALOG (self), FALSE);

  return self->is_override;
}

/**
 * cs_override_dialog_get_status:
 * @self: a #CsOverrideDialog
 *
 * Returns: (nullable): the status chosen, as stored: "satisfied", "partial", "missing" or
 *   "not_applicable"; %NULL while it is "Not assessed"
 */
const char *
cs_override_dialog_get_status (CsOverrideDialog *self)
{
  g_return_val_if_fail (CS_IS_OVERRIDE_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->status_buttons); i++)
    if (gtk_toggle_button_get_active (self->status_buttons[i]))
      return statuses[i];

  return NULL;
}

/**
 * cs_override_dialog_set_status:
 * @self: a #CsOverrideDialog
 * @status: a stored status, e.g. "partial"
 *
 * Selects @status.
 */
void
cs_override_dialog_set_status (CsOverrideDialog *self,
                               const char       *status)
{
  g_return_if_fail (CS_IS_OVERRIDE_DIALOG (self));
  g_return_if_fail (status != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      gtk_toggle_button_set_active (self->status_buttons[i], TRUE);
}

/**
 * cs_override_dialog_get_justification:
 * @self: a #CsOverrideDialog
 *
 * Returns: (transfer full): the justification typed, without surrounding white space
 */
char *
cs_override_dialog_get_justification (CsOverrideDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (CS_IS_OVERRIDE_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->justification_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/**
 * cs_override_dialog_set_justification:
 * @self: a #CsOverrideDialog
 * @justification: (nullable): a justification
 *
 * Sets the justification shown.
 */
void
cs_override_dialog_set_justification (CsOverrideDialog *self,
                                      const char       *justification)
{
  g_return_if_fail (CS_IS_OVERRIDE_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->justification_view),
                            justification != NULL ? justification : "", -1);
}

/**
 * cs_override_dialog_get_reference:
 * @self: a #CsOverrideDialog
 *
 * Returns: the contract reference typed
 */
const char *
cs_override_dialog_get_reference (CsOverrideDialog *self)
{
  g_return_val_if_fail (CS_IS_OVERRIDE_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->reference_entry));
}

/**
 * cs_override_dialog_set_reference:
 * @self: a #CsOverrideDialog
 * @reference: (nullable): a contract reference
 *
 * Sets the contract reference shown.
 */
void
cs_override_dialog_set_reference (CsOverrideDialog *self,
                                  const char       *reference)
{
  g_return_if_fail (CS_IS_OVERRIDE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reference_entry), reference != NULL ? reference : "");
}
