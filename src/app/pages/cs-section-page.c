/* cs-section-page.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-section-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-section-page.h"
#include "cs-choice-row.h"
#include "cs-clause-editor.h"
#include "cs-date-row.h"
#include "cs-flags-group.h"
#include "cs-labels.h"
#include "cs-long-text-row.h"
#include "cs-number-row.h"
#include "cs-text-row.h"
#include "cs-toast.h"
#include "cs-tristate-row.h"

/**
 * CsSectionPage:
 *
 * The shell every section page derives from. It owns the review of the project
 * ("review-state", construct-only, which gives the "store") and the offer shown ("offer",
 * nullable), and supplies what every section shows the same
 * way: the state without an offer (a status page with Add Offer), the points to check for
 * the section (#CsFlagsGroup, read from the review state, which computes them once per change
 * with cs_section_get_flags()), the contract wording of the
 * section (#CsClauseEditor), a note when the project is read-only, and the toasts.
 *
 * A section declares itself with cs_section_page_class_set_section() and adds its content as
 * children of its template; it reacts to the offer in #CsSectionPageClass.offer_changed and
 * shows a finding's field in #CsSectionPageClass.focus_target. Pages reach their container
 * only through actions (`project.add-offer`, `project.show-section`, `project.show-target`,
 * `project.toast`).
 */
typedef struct
{
  CsReviewState       *review_state;
  CsStore             *store;
  CsOffer             *offer;
  GtkWidget           *clause_editor;
  GtkWidget           *free_child;

  /* template children */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwStatusPage       *no_offer_page;
  GtkWidget           *add_offer_button;
  GtkScrolledWindow   *scrolled_window;
  AdwClamp            *clamp;
  GtkBox              *content_box;
  GtkWidget           *heading_box;
  GtkLabel            *title_label;
  GtkLabel            *offer_label;
  GtkWidget           *read_only_label;
  CsFlagsGroup        *flags_group;
} CsSectionPagePrivate;

enum {
  PROP_0,
  PROP_REVIEW_STATE,
  PROP_STORE,
  PROP_OFFER,
  PROP_CONTENT_WIDTH,
  N_PROPS
};

static void cs_section_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (CsSectionPage, cs_section_page, ADW_TYPE_BIN,
                         G_ADD_PRIVATE (CsSectionPage)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                cs_section_page_buildable_init))

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

static gboolean
has_form (CsSectionPage *self)
{
  return CS_SECTION_PAGE_GET_CLASS (self)->layout == CS_SECTION_PAGE_LAYOUT_FORM;
}

static void
update_no_offer (CsSectionPage *self)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);
  CsSectionPageClass *klass = CS_SECTION_PAGE_GET_CLASS (self);
  gboolean has_offers = priv->store != NULL && !cs_store_is_closed (priv->store) &&
                        g_list_model_get_n_items (cs_store_get_offers (priv->store)) > 0;

  if (has_offers && klass->choose_offer_text != NULL)
    adw_status_page_set_description (priv->no_offer_page, _(klass->choose_offer_text));
  else if (!has_offers && klass->add_offer_text != NULL)
    adw_status_page_set_description (priv->no_offer_page, _(klass->add_offer_text));
  gtk_widget_set_visible (priv->add_offer_button, !has_offers);
}

static void
update_title (CsSectionPage *self)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);
  CsSectionPageClass *klass = CS_SECTION_PAGE_GET_CLASS (self);
  const char *provider = NULL;
  const char *kind = NULL;
  g_autofree char *offer = NULL;

  gtk_widget_set_visible (priv->heading_box, priv->offer != NULL);
  if (priv->offer == NULL)
    return;

  provider = cs_offer_get_provider (priv->offer);
  if (provider == NULL || provider[0] == '\0')
    provider = _("Unnamed offer");
  kind = cs_offer_kind_get_label (cs_offer_get_kind (priv->offer));
  gtk_label_set_text (priv->title_label, cs_section_get_title (klass->section));
  if (kind != NULL && kind[0] != '\0')
    /* Translators: below a section page's heading: the offer's provider, then its kind */
    offer = g_strdup_printf (_("%s — %s"), provider, kind);
  else
    offer = g_strdup (provider);
  gtk_label_set_text (priv->offer_label, offer);
}

static void
on_offer_provider_changed_cb (CsOffer       *offer,
                              GParamSpec    *pspec,
                              CsSectionPage *self)
{
  update_title (self);
}

static void
update_offer (CsSectionPage *self)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);
  CsSectionPageClass *klass = CS_SECTION_PAGE_GET_CLASS (self);
  const char *shown;

  /* A free page shows its own state without an offer (the perimeter lists the assets). */
  if (!has_form (self))
    shown = "free";
  else if (priv->offer == NULL)
    shown = "no-offer";
  else
    shown = "offer";

  if (g_str_equal (shown, "no-offer"))
    update_no_offer (self);

  /* The pages not shown are hidden too, so that assistive technologies do not list their
   * buttons (a stack only unmaps them). */
  gtk_widget_set_visible (GTK_WIDGET (priv->no_offer_page), g_str_equal (shown, "no-offer"));
  gtk_widget_set_visible (GTK_WIDGET (priv->scrolled_window), g_str_equal (shown, "offer"));
  gtk_stack_set_visible_child_name (priv->stack, shown);

  if (has_form (self))
    cs_flags_group_set_source (priv->flags_group, priv->review_state, klass->section,
                               priv->offer);
  if (priv->clause_editor != NULL)
    cs_clause_editor_set_offer (CS_CLAUSE_EDITOR (priv->clause_editor), priv->offer);

  update_title (self);
}

static void
on_offers_changed_cb (GListModel    *offers,
                      guint          position,
                      guint          removed,
                      guint          added,
                      CsSectionPage *self)
{
  update_no_offer (self);
}

static void
on_flag_activated_cb (CsFlagsGroup  *group,
                      const char    *table,
                      gint64         record_id,
                      const char    *field,
                      CsSectionPage *self)
{
  cs_section_page_focus_target (self, table, record_id, field);
}

/* GtkBuildable: a section's template children are the page's content */

static void
cs_section_page_add_child (GtkBuildable *buildable,
                           GtkBuilder   *builder,
                           GObject      *child,
                           const char   *type)
{
  CsSectionPage *self = CS_SECTION_PAGE (buildable);
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  if (priv->content_box == NULL || !GTK_IS_WIDGET (child))
    {
      parent_buildable_iface->add_child (buildable, builder, child, type);
      return;
    }

  if (has_form (self))
    {
      gtk_box_append (priv->content_box, GTK_WIDGET (child));
      return;
    }

  g_return_if_fail (priv->free_child == NULL);
  priv->free_child = GTK_WIDGET (child);
  gtk_stack_add_named (priv->stack, GTK_WIDGET (child), "free");
}

static void
cs_section_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = cs_section_page_add_child;
}

/* GObject vfuncs */

static void
cs_section_page_constructed (GObject *object)
{
  CsSectionPage *self = CS_SECTION_PAGE (object);
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);
  CsSectionPageClass *klass = CS_SECTION_PAGE_GET_CLASS (self);

  G_OBJECT_CLASS (cs_section_page_parent_class)->constructed (object);

  g_assert (CS_IS_REVIEW_STATE (priv->review_state));
  priv->store = g_object_ref (cs_review_state_get_store (priv->review_state));

  adw_status_page_set_title (priv->no_offer_page, cs_section_get_title (klass->section));
  adw_status_page_set_icon_name (priv->no_offer_page, cs_section_get_icon_name (klass->section));

  if (has_form (self))
    {
      /* Last, after the section's own content. */
      priv->clause_editor = cs_clause_editor_new (priv->store, klass->section);
      gtk_box_append (priv->content_box, priv->clause_editor);
      gtk_widget_set_visible (priv->read_only_label, cs_store_is_read_only (priv->store));
    }

  g_signal_connect_object (cs_store_get_offers (priv->store), "items-changed",
                           G_CALLBACK (on_offers_changed_cb), self, G_CONNECT_AFTER);

  update_offer (self);
}

static void
cs_section_page_dispose (GObject *object)
{
  CsSectionPage *self = CS_SECTION_PAGE (object);
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  if (priv->offer != NULL)
    g_signal_handlers_disconnect_by_func (priv->offer, on_offer_provider_changed_cb, self);
  g_clear_object (&priv->offer);

  /* No gtk_widget_dispose_template() here: in GTK 4.8 the subclass's call drops the template
   * children of every class of the instance (a second call fails an assertion). Our children
   * all live under the bin's child, which AdwBin disposes of. */
  priv->toast_overlay = NULL;
  priv->stack = NULL;
  priv->no_offer_page = NULL;
  priv->add_offer_button = NULL;
  priv->scrolled_window = NULL;
  priv->clamp = NULL;
  priv->content_box = NULL;
  priv->heading_box = NULL;
  priv->title_label = NULL;
  priv->offer_label = NULL;
  priv->read_only_label = NULL;
  priv->flags_group = NULL;
  priv->clause_editor = NULL;
  priv->free_child = NULL;
  g_clear_object (&priv->store);
  g_clear_object (&priv->review_state);

  G_OBJECT_CLASS (cs_section_page_parent_class)->dispose (object);
}

static void
cs_section_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsSectionPage *self = CS_SECTION_PAGE (object);
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_REVIEW_STATE:
      g_value_set_object (value, priv->review_state);
      break;

    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_OFFER:
      g_value_set_object (value, priv->offer);
      break;

    case PROP_CONTENT_WIDTH:
      g_value_set_int (value, adw_clamp_get_maximum_size (priv->clamp));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_section_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsSectionPage *self = CS_SECTION_PAGE (object);
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_REVIEW_STATE:
      priv->review_state = g_value_dup_object (value);
      break;

    case PROP_OFFER:
      cs_section_page_set_offer (self, g_value_get_object (value));
      break;

    case PROP_CONTENT_WIDTH:
      adw_clamp_set_maximum_size (priv->clamp, g_value_get_int (value));
      adw_clamp_set_tightening_threshold (priv->clamp, g_value_get_int (value) * 2 / 3);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_section_page_class_init (CsSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_section_page_constructed;
  object_class->dispose = cs_section_page_dispose;
  object_class->get_property = cs_section_page_get_property;
  object_class->set_property = cs_section_page_set_property;

  /**
   * CsSectionPage:review-state:
   *
   * The review of the open project, shared by the pages: the points to check come from it.
   */
  properties[PROP_REVIEW_STATE] =
    g_param_spec_object ("review-state", NULL, NULL,
                         CS_TYPE_REVIEW_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CsSectionPage:store:
   *
   * The project, the review state's.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CS_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CsSectionPage:offer:
   *
   * The offer whose section the page edits, or %NULL.
   */
  properties[PROP_OFFER] =
    g_param_spec_object ("offer", NULL, NULL,
                         CS_TYPE_OFFER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsSectionPage:content-width:
   *
   * The widest the content column grows, in pixels.
   */
  properties[PROP_CONTENT_WIDTH] =
    g_param_spec_int ("content-width", NULL, NULL,
                      0, G_MAXINT, 860,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CS_TYPE_FLAGS_GROUP);
  /* The field rows the templates of the sections use. */
  g_type_ensure (CS_TYPE_TEXT_ROW);
  g_type_ensure (CS_TYPE_LONG_TEXT_ROW);
  g_type_ensure (CS_TYPE_NUMBER_ROW);
  g_type_ensure (CS_TYPE_DATE_ROW);
  g_type_ensure (CS_TYPE_CHOICE_ROW);
  g_type_ensure (CS_TYPE_TRISTATE_ROW);

  klass->section = CS_SECTION_DASHBOARD;
  klass->layout = CS_SECTION_PAGE_LAYOUT_FORM;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-section-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, toast_overlay);
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, no_offer_page);
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, add_offer_button);
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, scrolled_window);
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, clamp);
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, content_box);
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, heading_box);
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, title_label);
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, offer_label);
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, read_only_label);
  gtk_widget_class_bind_template_child_private (widget_class, CsSectionPage, flags_group);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_activated_cb);
}

static void
cs_section_page_init (CsSectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

/**
 * cs_section_page_class_set_section:
 * @klass: a #CsSectionPageClass
 * @section: the section the page edits
 * @layout: where the page's template children go
 * @choose_offer_text: (nullable): untranslated (N_()) text shown without an offer selected
 * @add_offer_text: (nullable): untranslated (N_()) text shown when the project has no offer
 *
 * Declares what a subclass edits; call it from its class_init.
 */
void
cs_section_page_class_set_section (CsSectionPageClass  *klass,
                                   CsSection            section,
                                   CsSectionPageLayout  layout,
                                   const char          *choose_offer_text,
                                   const char          *add_offer_text)
{
  g_return_if_fail (CS_IS_SECTION_PAGE_CLASS (klass));
  g_return_if_fail (section < CS_N_SECTIONS);

  klass->section = section;
  klass->layout = layout;
  klass->choose_offer_text = choose_offer_text;
  klass->add_offer_text = add_offer_text;
}

/**
 * cs_section_page_get_store:
 * @self: a #CsSectionPage
 *
 * Returns: (transfer none): the project
 */
CsStore *
cs_section_page_get_store (CsSectionPage *self)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), NULL);

  return priv->store;
}

/**
 * cs_section_page_get_review_state:
 * @self: a #CsSectionPage
 *
 * Returns: (transfer none): the review of the project the page shows
 */
CsReviewState *
cs_section_page_get_review_state (CsSectionPage *self)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), NULL);

  return priv->review_state;
}

/**
 * cs_section_page_get_section:
 * @self: a #CsSectionPage
 *
 * Returns: the section the page edits
 */
CsSection
cs_section_page_get_section (CsSectionPage *self)
{
  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), CS_SECTION_DASHBOARD);

  return CS_SECTION_PAGE_GET_CLASS (self)->section;
}

/**
 * cs_section_page_get_offer:
 * @self: a #CsSectionPage
 *
 * Returns: (transfer none) (nullable): the offer shown
 */
CsOffer *
cs_section_page_get_offer (CsSectionPage *self)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), NULL);

  return priv->offer;
}

/**
 * cs_section_page_get_offer_id:
 * @self: a #CsSectionPage
 *
 * Returns: the id of the offer shown, or 0 while the page shows none
 */
gint64
cs_section_page_get_offer_id (CsSectionPage *self)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), 0);

  return priv->offer != NULL ? cs_record_get_id (CS_RECORD (priv->offer)) : 0;
}

/**
 * cs_section_page_set_offer:
 * @self: a #CsSectionPage
 * @offer: (nullable): the offer to show
 *
 * Shows @offer's section, or the state without an offer.
 */
void
cs_section_page_set_offer (CsSectionPage *self,
                           CsOffer       *offer)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_if_fail (CS_IS_SECTION_PAGE (self));
  g_return_if_fail (offer == NULL || CS_IS_OFFER (offer));

  if (priv->offer == offer)
    return;

  if (priv->offer != NULL)
    g_signal_handlers_disconnect_by_func (priv->offer, on_offer_provider_changed_cb, self);
  g_set_object (&priv->offer, offer);
  if (offer != NULL)
    g_signal_connect_object (offer, "notify::provider",
                             G_CALLBACK (on_offer_provider_changed_cb), self, 0);

  /* Before construction ends the store is not there yet: constructed() shows the offer. The
   * subclass's constructed() shows its own content. */
  if (priv->store != NULL)
    {
      update_offer (self);
      if (CS_SECTION_PAGE_GET_CLASS (self)->offer_changed != NULL)
        CS_SECTION_PAGE_GET_CLASS (self)->offer_changed (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFER]);
}

/**
 * cs_section_page_is_writable:
 * @self: a #CsSectionPage
 *
 * Returns: %TRUE if the project is open and can be changed
 */
gboolean
cs_section_page_is_writable (CsSectionPage *self)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), FALSE);

  return priv->store != NULL && !cs_store_is_closed (priv->store) &&
         !cs_store_is_read_only (priv->store);
}

/**
 * cs_section_page_get_clause_editor:
 * @self: a #CsSectionPage
 *
 * Returns: (transfer none) (nullable): the #CsClauseEditor of the section, %NULL for a page
 *   without contract wording
 */
GtkWidget *
cs_section_page_get_clause_editor (CsSectionPage *self)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), NULL);

  return priv->clause_editor;
}

/**
 * cs_section_page_get_flags_group:
 * @self: a #CsSectionPage
 *
 * Returns: (transfer none): the #CsFlagsGroup listing the section's points to check
 */
GtkWidget *
cs_section_page_get_flags_group (CsSectionPage *self)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), NULL);

  return GTK_WIDGET (priv->flags_group);
}

/**
 * cs_section_page_focus_target:
 * @self: a #CsSectionPage
 * @table: (nullable): the table of the record to show, e.g. "sla_target"; "clause" for the
 *   contract wording
 * @record_id: the record, or 0
 * @field: (nullable): the column to focus, e.g. "resolution_value"
 *
 * Shows and focuses where a finding is fixed. Without an offer, focuses Add Offer.
 *
 * Returns: %TRUE if the page found the target
 */
gboolean
cs_section_page_focus_target (CsSectionPage *self,
                              const char    *table,
                              gint64         record_id,
                              const char    *field)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);
  CsSectionPageClass *klass;

  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), FALSE);

  klass = CS_SECTION_PAGE_GET_CLASS (self);

  if (priv->offer == NULL)
    return gtk_widget_grab_focus (priv->add_offer_button);

  if (g_strcmp0 (table, "clause") == 0 && priv->clause_editor != NULL)
    return cs_clause_editor_focus_clause (CS_CLAUSE_EDITOR (priv->clause_editor), record_id,
                                          0, 0) ||
           gtk_widget_grab_focus (priv->clause_editor);

  if (klass->focus_target != NULL)
    return klass->focus_target (self, table, record_id, field);

  return gtk_widget_grab_focus (GTK_WIDGET (self));
}

/**
 * cs_section_page_focus_clause:
 * @self: a #CsSectionPage
 * @clause_id: a clause of the section
 * @start: the first character of the wording to select
 * @end: the character after it
 *
 * Shows the clause with the weak wording selected.
 *
 * Returns: %TRUE if the clause is on this page
 */
gboolean
cs_section_page_focus_clause (CsSectionPage *self,
                              gint64         clause_id,
                              guint          start,
                              guint          end)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), FALSE);

  if (priv->clause_editor == NULL)
    return FALSE;

  return cs_clause_editor_focus_clause (CS_CLAUSE_EDITOR (priv->clause_editor), clause_id,
                                        start, end);
}

/**
 * cs_section_page_add_toast:
 * @self: a #CsSectionPage
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the page, where the page's actions (an Undo) are reachable.
 */
void
cs_section_page_add_toast (CsSectionPage *self,
                           AdwToast      *toast)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_if_fail (CS_IS_SECTION_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (priv->toast_overlay, toast);
}

/**
 * cs_section_page_show_error:
 * @self: a #CsSectionPage
 * @error: a translated error
 *
 * Shows @error in a toast over the page, until dismissed.
 */
void
cs_section_page_show_error (CsSectionPage *self,
                            const GError  *error)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_if_fail (CS_IS_SECTION_PAGE (self));
  g_return_if_fail (error != NULL);

  cs_toast_show_error (GTK_WIDGET (priv->toast_overlay), error);
}

/**
 * cs_section_page_delete_record:
 * @self: a #CsSectionPage
 * @record: a record of the page's project
 * @title: the toast's title once deleted, in Pango markup (escape names)
 *
 * Deletes @record (and what cascades from it) and shows @title with an Undo button, as
 * cs_section_page_show_deleted() does; a failure is shown in a toast instead.
 *
 * Returns: %TRUE if @record was deleted
 */
gboolean
cs_section_page_delete_record (CsSectionPage *self,
                               CsRecord      *record,
                               const char    *title)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);
  g_autoptr(CsDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CS_IS_SECTION_PAGE (self), FALSE);
  g_return_val_if_fail (CS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  deletion = cs_store_delete (priv->store, record, &error);
  if (deletion == NULL)
    {
      cs_section_page_show_error (self, error);
      return FALSE;
    }

  cs_section_page_show_deleted (self, &deletion, 1, title);
  return TRUE;
}

/**
 * cs_section_page_show_deleted:
 * @self: a #CsSectionPage
 * @deletions: (array length=n_deletions): what one user action deleted
 * @n_deletions: the number of @deletions, at least 1
 * @title: the toast's title, in Pango markup
 *
 * Shows that something was deleted, with an Undo button that, like Ctrl+Z, activates
 * `project.undo`: @deletions go on the project's undo stack.
 */
void
cs_section_page_show_deleted (CsSectionPage      *self,
                              CsDeletion * const *deletions,
                              guint               n_deletions,
                              const char         *title)
{
  CsSectionPagePrivate *priv = cs_section_page_get_instance_private (self);

  g_return_if_fail (CS_IS_SECTION_PAGE (self));

  cs_toast_show_deleted (GTK_WIDGET (priv->toast_overlay), priv->store, deletions, n_deletions,
                         title);
}
