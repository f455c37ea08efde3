/* cs-flags-group.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-flags-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-flags-group.h"
#include "cs-sections.h"
#include "cs-source.h"

/**
 * CsFlagsGroup:
 *
 * The "Points to Check" group at the top of a section page: the flags the section's
 * computed checks raise for the offer, read from the project's #CsReviewState (which runs
 * cs_section_get_flags() once per change), most severe first, each an
 * activatable row that emits #CsFlagsGroup::flag-activated so that the page can focus the
 * field that fixes it. The flags are computed again after every change written to the
 * project (the store's "saved" and "reloaded" signals), while the group is shown; the group
 * hides itself when there is nothing to check.
 */
struct _CsFlagsGroup
{
  AdwPreferencesGroup  parent_instance;

  CsReviewState       *review_state;
  CsStore             *store;
  CsOffer             *offer;
  CsSection            section;
  GPtrArray           *flags;
  GPtrArray           *rows;
  guint                update_id;
  gboolean             dirty;

  AdwExpanderRow      *expander;
};

enum {
  FLAG_ACTIVATED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CsFlagsGroup, cs_flags_group, ADW_TYPE_PREFERENCES_GROUP)

static guint signals[N_SIGNALS];

static const char *
get_icon_name (CsFlagSeverity severity)
{
  switch (severity)
    {
    case CS_FLAG_CRITICAL:
      return "dialog-error-symbolic";
    case CS_FLAG_MAJOR:
      return "dialog-warning-symbolic";
    case CS_FLAG_MINOR:
    default:
      return "dialog-information-symbolic";
    }
}

static void
on_row_activated_cb (AdwActionRow *row,
                     CsFlagsGroup *self)
{
  CsFlag *flag = NULL;
  guint index;

  /* The rows are in the order of the flags. */
  if (!g_ptr_array_find (self->rows, row, &index))
    g_assert_not_reached ();
  flag = g_ptr_array_index (self->flags, index);

  g_signal_emit (self, signals[FLAG_ACTIVATED], 0, flag->table, flag->record_id, flag->field);
}

static GtkWidget *
create_row (CsFlagsGroup *self,
            const CsFlag *flag)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (get_icon_name (flag->severity));
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), flag->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cs_flag_severity_get_label (flag->severity));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (flag->severity == CS_FLAG_CRITICAL)
    gtk_widget_add_css_class (icon, "error");
  else if (flag->severity == CS_FLAG_MAJOR)
    gtk_widget_add_css_class (icon, "warning");
  else
    gtk_widget_add_css_class (icon, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  /* Translators: accessible name of a point to check: severity, then the explanation */
  accessible = g_strdup_printf (_("%s: %s"), cs_flag_severity_get_label (flag->severity),
                                flag->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (row, _("Go to the field to fix"));

  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);

  return row;
}

static void
rebuild (CsFlagsGroup *self)
{
  guint n_critical = 0;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  self->dirty = FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (self->expander, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->flags, g_ptr_array_unref);

  if (self->review_state == NULL || self->offer == NULL || cs_store_is_closed (self->store))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  self->flags = g_ptr_array_ref (cs_review_state_get_flags (self->review_state,
                                                           cs_record_get_id (CS_RECORD
                                                                             (self->offer)),
                                                           self->section));

  for (guint i = 0; i < self->flags->len; i++)
    {
      const CsFlag *flag = g_ptr_array_index (self->flags, i);
      GtkWidget *row = create_row (self, flag);

      /* The knock-outs the sidebar and the dashboard count: missing critical items, not every
       * critical finding (a partial one is not a knock-out). */
      if (flag->knock_out)
        n_critical++;
      adw_expander_row_add_row (self->expander, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->flags->len > 0);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding",
                                        "%u findings", self->flags->len),
                           self->flags->len);
  if (n_critical > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u knock-out: choose a finding to go to its field",
                                             "%u knock-outs: choose a finding to go to its field",
                                             n_critical),
                                n_critical);
  else
    subtitle = g_strdup (_("Choose a finding to go to its field"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->expander), title);
  adw_expander_row_set_subtitle (self->expander, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static void
mark_dirty (CsFlagsGroup *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || !gtk_widget_get_visible (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->dirty = TRUE;
}

static void
on_store_changed_cb (CsStore      *store,
                     CsFlagsGroup *self)
{
  /* "saved" comes when the change is on disk, before the record objects show it; and a
   * batch of changes needs one update. */
  cs_idle_add_once (&self->update_id, G_PRIORITY_DEFAULT_IDLE, (CsSourceFunc) mark_dirty, self);
}

/* GtkWidget vfuncs */

static void
cs_flags_group_map (GtkWidget *widget)
{
  CsFlagsGroup *self = CS_FLAGS_GROUP (widget);

  GTK_WIDGET_CLASS (cs_flags_group_parent_class)->map (widget);

  if (self->dirty)
    rebuild (self);
}

/* GObject vfuncs */

static void
cs_flags_group_dispose (GObject *object)
{
  CsFlagsGroup *self = CS_FLAGS_GROUP (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->review_state);
  g_clear_object (&self->offer);
  g_clear_pointer (&self->flags, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_flags_group_parent_class)->dispose (object);
}

static void
cs_flags_group_class_init (CsFlagsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_flags_group_dispose;
  widget_class->map = cs_flags_group_map;

  /**
   * CsFlagsGroup::flag-activated:
   * @self: the group
   * @table: (nullable): the table of the record concerned
   * @record_id: the record concerned, or 0
   * @field: (nullable): the column concerned
   *
   * Emitted when the user chooses a flag: the page should show and focus the field.
   */
  signals[FLAG_ACTIVATED] =
    g_signal_new ("flag-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING);
}

static void
cs_flags_group_init (CsFlagsGroup *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  self->rows = g_ptr_array_new ();
  self->section = CS_SECTION_DASHBOARD;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Findings"));

  self->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_expander_row_set_expanded (self->expander, TRUE);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_expander_row_add_prefix (self->expander, icon);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->expander));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* public API */

/**
 * cs_flags_group_new:
 *
 * Returns: (transfer floating): a new, empty #CsFlagsGroup
 */
GtkWidget *
cs_flags_group_new (void)
{
  return g_object_new (CS_TYPE_FLAGS_GROUP, NULL);
}

/**
 * cs_flags_group_set_source:
 * @self: a #CsFlagsGroup
 * @review_state: (nullable): the review of the project
 * @section: the section checked
 * @offer: (nullable): the offer checked
 *
 * Shows the flags of @section of @offer, and keeps them current.
 */
void
cs_flags_group_set_source (CsFlagsGroup  *self,
                           CsReviewState *review_state,
                           CsSection      section,
                           CsOffer       *offer)
{
  CsStore *store;

  g_return_if_fail (CS_IS_FLAGS_GROUP (self));
  g_return_if_fail (review_state == NULL || CS_IS_REVIEW_STATE (review_state));
  g_return_if_fail (section < CS_N_SECTIONS);
  g_return_if_fail (offer == NULL || CS_IS_OFFER (offer));

  store = review_state != NULL ? cs_review_state_get_store (review_state) : NULL;
  g_set_object (&self->review_state, review_state);

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        {
          g_signal_connect (store, "saved", G_CALLBACK (on_store_changed_cb), self);
          g_signal_connect (store, "reloaded", G_CALLBACK (on_store_changed_cb), self);
        }
    }

  self->section = section;
  g_set_object (&self->offer, offer);
  rebuild (self);

  /* A few points stay in view; a long list waits behind its summary. */
  adw_expander_row_set_expanded (self->expander, cs_flags_group_get_n_flags (self) <= 5);
}

/**
 * cs_flags_group_refresh:
 * @self: a #CsFlagsGroup
 *
 * Computes the flags again now.
 */
void
cs_flags_group_refresh (CsFlagsGroup *self)
{
  g_return_if_fail (CS_IS_FLAGS_GROUP (self));

  rebuild (self);
}

/**
 * cs_flags_group_get_n_flags:
 * @self: a #CsFlagsGroup
 *
 * Returns: the number of flags shown
 */
guint
cs_flags_group_get_n_flags (CsFlagsGroup *self)
{
  g_return_val_if_fail (CS_IS_FLAGS_GROUP (self), 0);

  return self->flags != NULL ? self->flags->len : 0;
}

/**
 * cs_flags_group_get_flags:
 * @self: a #CsFlagsGroup
 *
 * Returns: (transfer none) (nullable) (element-type CsFlag): the flags shown
 */
GPtrArray *
cs_flags_group_get_flags (CsFlagsGroup *self)
{
  g_return_val_if_fail (CS_IS_FLAGS_GROUP (self), NULL);

  return self->flags;
}
