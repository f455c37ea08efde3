/* cs-finding-row.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-finding-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-finding-row.h"

/**
 * CsFindingRow:
 *
 * One finding of the dashboard: its severity, title, knock-out badge, status (with the
 * justification when the consultant overrode it), what is wrong, why it matters, the remedy
 * and the source; a button that goes to where it is fixed, and for checklist items one that
 * assesses a manual item or overrides a computed status.
 *
 * The row is the child of a #GtkListView item, which recycles it for another finding with
 * cs_finding_row_set_finding(). Its accessible name is the finding's title and its
 * description the status line.
 *
 * Signals: "go-to", "assess". Actions: `finding-row.go-to`, `finding-row.assess`.
 */
struct _CsFindingRow
{
  GtkWidget      parent_instance;

  CsFinding     *finding;
  gboolean       editable;

  /* template children */
  GtkWidget     *box;
  GtkImage      *severity_image;
  GtkLabel      *title_label;
  GtkLabel      *knock_out_label;
  GtkLabel      *status_label;
  GtkLabel      *wrong_label;
  GtkLabel      *why_label;
  GtkLabel      *remedy_label;
  GtkLabel      *note_label;
  GtkLabel      *source_label;
  GtkButton     *go_button;
  GtkButton     *assess_button;
};

enum {
  PROP_0,
  PROP_FINDING,
  N_PROPS
};

enum {
  GO_TO,
  ASSESS,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CsFindingRow, cs_finding_row, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_labelled_text (GtkLabel   *label,
                   const char *prefix,
                   const char *text)
{
  g_autofree char *escaped_prefix = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  if (text == NULL || text[0] == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  escaped_prefix = g_markup_escape_text (prefix, -1);
  escaped = g_markup_escape_text (text, -1);
  markup = g_strdup_printf ("<b>%s</b> %s", escaped_prefix, escaped);
  gtk_label_set_markup (label, markup);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static const char *
get_wrong_text (CsFinding *finding)
{
  const char *detail = cs_finding_get_detail (finding);

  if (detail != NULL && detail[0] != '\0')
    return detail;

  switch (cs_finding_get_status (finding))
    {
    case CS_ITEM_UNANSWERED:
      return _("Not assessed yet: read the contract and set how far it commits to this.");
    case CS_ITEM_MISSING:
      return _("The offer does not commit to this.");
    case CS_ITEM_PARTIAL:
      return _("The offer commits to part of this only.");
    case CS_ITEM_SATISFIED:
    case CS_ITEM_NOT_APPLICABLE:
    case CS_ITEM_REFERENCE:
    default:
      return NULL;
    }
}

static void
update (CsFindingRow *self)
{
  CsFinding *finding = self->finding;
  gboolean linter;
  CsSeverity severity;
  const char *icon_name;
  const char *style;
  g_autofree char *status = NULL;
  g_autofree char *go_label = NULL;
  g_autofree char *go_accessible = NULL;
  g_autofree char *assess_accessible = NULL;
  g_autoptr(GString) note = NULL;
  const char *assess_label = NULL;

  if (finding == NULL)
    return;

  linter = cs_finding_get_kind (finding) == CS_FINDING_LINTER;
  severity = cs_finding_get_severity (finding);

  switch (severity)
    {
    case CS_SEVERITY_CRITICAL:
      icon_name = "dialog-error-symbolic";
      style = "error";
      break;
    case CS_SEVERITY_MAJOR:
      icon_name = "dialog-warning-symbolic";
      style = "warning";
      break;
    case CS_SEVERITY_MINOR:
    default:
      icon_name = "dialog-information-symbolic";
      style = "dim-label";
      break;
    }

  if (!linter && (cs_finding_get_status (finding) == CS_ITEM_SATISFIED ||
                  cs_finding_get_status (finding) == CS_ITEM_NOT_APPLICABLE ||
                  cs_finding_get_status (finding) == CS_ITEM_REFERENCE))
    {
      icon_name = "emblem-ok-symbolic";
      style = "success";
    }

  gtk_image_set_from_icon_name (self->severity_image, icon_name);
  gtk_widget_remove_css_class (GTK_WIDGET (self->severity_image), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->severity_image), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->severity_image), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->severity_image), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->severity_image), style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->severity_image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cs_severity_get_label (severity),
                                  -1);

  gtk_label_set_text (self->title_label, cs_finding_get_title (finding));
  /* The row itself takes the focus (arrows in the dashboard's list) and is announced by its
   * title; its buttons follow with Tab. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cs_finding_get_title (finding), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->knock_out_label), cs_finding_get_knock_out (finding));

  if (linter)
    /* Translators: the status line of a weak wording: severity, then section */
    status = g_strdup_printf (_("%s · Weak wording in %s"), cs_severity_get_label (severity),
                              cs_section_get_title (cs_finding_get_section (finding)));
  else
    {
      const char *origin;

      switch (cs_finding_get_origin (finding))
        {
        case CS_ORIGIN_MANUAL:
          /* Translators: how a checklist status was set */
          origin = _("assessed by the consultant");
          break;
        case CS_ORIGIN_OVERRIDE:
          origin = _("overridden by the consultant");
          break;
        case CS_ORIGIN_COMPUTED:
        default:
          origin = _("computed from the offer");
          break;
        }
      /* Translators: severity · status (how it was set) · section, e.g. "Critical · Missing
       * (computed from the offer) · Backup" */
      status = g_strdup_printf (_("%s · %s (%s) · %s"), cs_severity_get_label (severity),
                                cs_item_status_get_label (cs_finding_get_status (finding)), origin,
                                cs_section_get_title (cs_finding_get_section (finding)));
    }
  gtk_label_set_text (self->status_label, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cs_finding_get_title (finding),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status,
                                  -1);

  if (linter)
    {
      g_autofree char *quoted = NULL;

      /* Translators: %s is the weak wording quoted from a clause */
      quoted = g_strdup_printf (_("“%s”"), cs_finding_get_matched_text (finding) ?: "");
      set_labelled_text (self->wrong_label, _("Wording:"), quoted);
      set_labelled_text (self->why_label, _("Why it is weak:"), cs_finding_get_message (finding));
      set_labelled_text (self->remedy_label, _("Better:"), cs_finding_get_remedy (finding));
    }
  else
    {
      set_labelled_text (self->wrong_label, _("What is wrong:"), get_wrong_text (finding));
      set_labelled_text (self->why_label, _("Why it matters:"), cs_finding_get_message (finding));
      set_labelled_text (self->remedy_label, _("Remedy:"), cs_finding_get_remedy (finding));
    }

  note = g_string_new (NULL);
  if (cs_finding_get_origin (finding) == CS_ORIGIN_OVERRIDE)
    {
      g_autofree char *escaped = g_markup_escape_text (cs_finding_get_justification (finding) ?: "",
                                                       -1);

      /* Translators: shown with a status the consultant overrode; %s is the justification */
      g_string_append_printf (note, _("<b>Overridden:</b> %s"), escaped);
    }
  else if (cs_finding_get_justification (finding) != NULL &&
           cs_finding_get_justification (finding)[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (cs_finding_get_justification (finding), -1);

      /* Translators: the consultant's note on a manual item; %s is the note */
      g_string_append_printf (note, _("<b>Note:</b> %s"), escaped);
    }
  if (cs_finding_get_reference (finding) != NULL && cs_finding_get_reference (finding)[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (cs_finding_get_reference (finding), -1);

      if (note->len > 0)
        g_string_append_c (note, '\n');
      /* Translators: %s is a contract reference such as "Annex 3 §2" */
      g_string_append_printf (note, _("<b>Contract reference:</b> %s"), escaped);
    }
  gtk_label_set_markup (self->note_label, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note->len > 0);

  if (cs_finding_get_source (finding) != NULL && cs_finding_get_source (finding)[0] != '\0')
    {
      g_autofree char *source = NULL;

      /* Translators: where a checklist item or linter rule comes from */
      source = g_strdup_printf (_("Source: %s"), cs_finding_get_source (finding));
      gtk_label_set_text (self->source_label, source);
      gtk_widget_set_visible (GTK_WIDGET (self->source_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->source_label), FALSE);

  /* Translators: button of a finding; %s is a section title */
  go_label = g_strdup_printf (_("Go to %s"), cs_section_get_title (cs_finding_get_section (finding)));
  gtk_button_set_label (self->go_button, go_label);
  /* Translators: accessible name of a finding's button: "Go to Backup: RPO" */
  go_accessible = g_strdup_printf (_("Go to %s: %s"),
                                   cs_section_get_title (cs_finding_get_section (finding)),
                                   cs_finding_get_title (finding));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->go_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, go_accessible,
                                  -1);

  if (!linter)
    {
      switch (cs_finding_get_origin (finding))
        {
        case CS_ORIGIN_MANUAL:
          assess_label = _("Assess…");
          break;
        case CS_ORIGIN_OVERRIDE:
          assess_label = _("Edit Override…");
          break;
        case CS_ORIGIN_COMPUTED:
        default:
          assess_label = _("Override…");
          break;
        }
      gtk_button_set_label (self->assess_button, assess_label);
      /* Translators: accessible name of a finding's button: "Assess…: Sites covered" */
      assess_accessible = g_strdup_printf (_("%s: %s"), assess_label, cs_finding_get_title (finding));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->assess_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, assess_accessible,
                                      -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->assess_button), !linter);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finding-row.assess", !linter && self->editable);
}

/* actions */

static void
cs_finding_row_go_to_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  g_signal_emit (widget, signals[GO_TO], 0);
}

static void
cs_finding_row_assess_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  g_signal_emit (widget, signals[ASSESS], 0);
}

/* GObject vfuncs */

static void
cs_finding_row_dispose (GObject *object)
{
  CsFindingRow *self = CS_FINDING_ROW (object);

  g_clear_object (&self->finding);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_FINDING_ROW);

  G_OBJECT_CLASS (cs_finding_row_parent_class)->dispose (object);
}

static void
cs_finding_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsFindingRow *self = CS_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      g_value_set_object (value, self->finding);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_finding_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CsFindingRow *self = CS_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      cs_finding_row_set_finding (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_finding_row_class_init (CsFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_finding_row_dispose;
  object_class->get_property = cs_finding_row_get_property;
  object_class->set_property = cs_finding_row_set_property;

  /**
   * CsFindingRow:finding:
   *
   * The finding shown.
   */
  properties[PROP_FINDING] =
    g_param_spec_object ("finding", NULL, NULL,
                         CS_TYPE_FINDING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CsFindingRow::go-to:
   * @self: the row
   *
   * Emitted when the user asks to see where the finding is fixed.
   */
  signals[GO_TO] = g_signal_new ("go-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CsFindingRow::assess:
   * @self: the row
   *
   * Emitted when the user asks to assess a manual item or override a computed status.
   */
  signals[ASSESS] = g_signal_new ("assess", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findingrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, box);
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, severity_image);
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, knock_out_label);
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, wrong_label);
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, why_label);
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, remedy_label);
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, go_button);
  gtk_widget_class_bind_template_child (widget_class, CsFindingRow, assess_button);

  gtk_widget_class_install_action (widget_class, "finding-row.go-to", NULL,
                                   cs_finding_row_go_to_action);
  gtk_widget_class_install_action (widget_class, "finding-row.assess", NULL,
                                   cs_finding_row_assess_action);
}

static void
cs_finding_row_init (CsFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->editable = TRUE;
}

/**
 * cs_finding_row_new:
 * @finding: a finding of a report
 *
 * Returns: (transfer floating): a new #CsFindingRow
 */
GtkWidget *
cs_finding_row_new (CsFinding *finding)
{
  g_return_val_if_fail (CS_IS_FINDING (finding), NULL);

  return g_object_new (CS_TYPE_FINDING_ROW, "finding", finding, NULL);
}

/**
 * cs_finding_row_get_finding:
 * @self: a #CsFindingRow
 *
 * Returns: (transfer none): the finding shown
 */
CsFinding *
cs_finding_row_get_finding (CsFindingRow *self)
{
  g_return_val_if_fail (CS_IS_FINDING_ROW (self), NULL);

  return self->finding;
}

/**
 * cs_finding_row_set_finding:
 * @self: a #CsFindingRow
 * @finding: (nullable): the finding to show
 *
 * Shows @finding, e.g. when the list recycles the row for another item.
 */
void
cs_finding_row_set_finding (CsFindingRow *self,
                            CsFinding    *finding)
{
  g_return_if_fail (CS_IS_FINDING_ROW (self));
  g_return_if_fail (finding == NULL || CS_IS_FINDING (finding));

  if (!g_set_object (&self->finding, finding))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING]);
}

/**
 * cs_finding_row_set_editable:
 * @self: a #CsFindingRow
 * @editable: whether the finding can be assessed (a writable project)
 *
 * Enables or disables the assess / override button.
 */
void
cs_finding_row_set_editable (CsFindingRow *self,
                             gboolean      editable)
{
  g_return_if_fail (CS_IS_FINDING_ROW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  update (self);
}
