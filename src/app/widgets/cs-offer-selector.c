/* cs-offer-selector.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-offer-selector"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-offer-selector.h"
#include "cs-accessible.h"
#include "cs-labels.h"

/**
 * CsOfferSelector:
 *
 * The sidebar's offer chooser: a drop-down over the project's offers (provider and kind),
 * with buttons for the `project.add-offer`, `project.rename-offer` and
 * `project.delete-offer` actions, which the enclosing view provides.
 */
struct _CsOfferSelector
{
  AdwBin       parent_instance;

  GListModel  *model;
  CsOffer     *selected_offer;

  /* template children */
  GtkStack    *stack;
  GtkDropDown *drop_down;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED_OFFER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CsOfferSelector, cs_offer_selector, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void
update_offer_row (CsOffer    *offer,
                  GParamSpec *pspec,
                  GtkWidget  *box)
{
  GtkWidget *provider_label = gtk_widget_get_first_child (box);
  GtkWidget *kind_label = gtk_widget_get_next_sibling (provider_label);
  const char *provider = cs_offer_get_provider (offer);
  const char *kind = cs_offer_kind_get_label (cs_offer_get_kind (offer));
  g_autofree char *accessible = NULL;

  if (provider == NULL || provider[0] == '\0')
    provider = _("Unnamed offer");

  gtk_label_set_text (GTK_LABEL (provider_label), provider);
  gtk_label_set_text (GTK_LABEL (kind_label), kind);

  /* Translators: accessible name of an offer: provider name, then kind of offer */
  accessible = g_strdup_printf (_("%s, %s"), provider, kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     CsOfferSelector          *self)
{
  GtkWidget *box;
  GtkWidget *provider_label;
  GtkWidget *kind_label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  provider_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (provider_label), PANGO_ELLIPSIZE_END);
  /* Keeps the sidebar at its own width whatever the provider's name. */
  gtk_label_set_max_width_chars (GTK_LABEL (provider_label), 16);
  gtk_label_set_xalign (GTK_LABEL (provider_label), 0);
  gtk_widget_set_hexpand (provider_label, TRUE);
  gtk_box_append (GTK_BOX (box), provider_label);

  kind_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (kind_label, "dim-label");
  gtk_widget_add_css_class (kind_label, "caption");
  gtk_box_append (GTK_BOX (box), kind_label);

  gtk_list_item_set_child (list_item, box);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    CsOfferSelector          *self)
{
  CsOffer *offer = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  update_offer_row (offer, NULL, box);
  g_signal_connect_object (offer, "notify", G_CALLBACK (update_offer_row), box, 0);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      CsOfferSelector          *self)
{
  CsOffer *offer = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  if (offer != NULL)
    g_signal_handlers_disconnect_by_func (offer, update_offer_row, box);
}

static void
sync_selection (CsOfferSelector *self)
{
  CsOffer *offer = NULL;
  gboolean has_offers;

  has_offers = self->model != NULL && g_list_model_get_n_items (self->model) > 0;
  gtk_stack_set_visible_child_name (self->stack, has_offers ? "offers" : "empty");

  if (has_offers)
    offer = gtk_drop_down_get_selected_item (self->drop_down);

  if (g_set_object (&self->selected_offer, offer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_OFFER]);
}

static void
on_drop_down_selected_item_cb (GtkDropDown     *drop_down,
                               GParamSpec      *pspec,
                               CsOfferSelector *self)
{
  sync_selection (self);
}

static void
on_model_items_changed_cb (GListModel      *model,
                           guint            position,
                           guint            removed,
                           guint            added,
                           CsOfferSelector *self)
{
  sync_selection (self);
}

/* GObject vfuncs */

static void
cs_offer_selector_dispose (GObject *object)
{
  CsOfferSelector *self = CS_OFFER_SELECTOR (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->selected_offer);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_OFFER_SELECTOR);

  G_OBJECT_CLASS (cs_offer_selector_parent_class)->dispose (object);
}

static void
cs_offer_selector_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CsOfferSelector *self = CS_OFFER_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SELECTED_OFFER:
      g_value_set_object (value, self->selected_offer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_offer_selector_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CsOfferSelector *self = CS_OFFER_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      cs_offer_selector_set_model (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_OFFER:
      cs_offer_selector_set_selected_offer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_offer_selector_class_init (CsOfferSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_offer_selector_dispose;
  object_class->get_property = cs_offer_selector_get_property;
  object_class->set_property = cs_offer_selector_set_property;

  /**
   * CsOfferSelector:model:
   *
   * The offers to choose from, a #GListModel of #CsOffer.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsOfferSelector:selected-offer:
   *
   * The chosen offer, or %NULL when there is none.
   */
  properties[PROP_SELECTED_OFFER] =
    g_param_spec_object ("selected-offer", NULL, NULL,
                         CS_TYPE_OFFER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cs-offer-selector.ui");
  gtk_widget_class_bind_template_child (widget_class, CsOfferSelector, stack);
  gtk_widget_class_bind_template_child (widget_class, CsOfferSelector, drop_down);
  gtk_widget_class_bind_template_callback (widget_class, on_drop_down_selected_item_cb);
}

static void
cs_offer_selector_init (CsOfferSelector *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The drop-down's own button takes the focus; without a label of its own a screen reader
   * announced it as "GtkToggleButton". */
  /* Translators: accessible name of the offer selector */
  cs_accessible_label_drop_down (GTK_WIDGET (self->drop_down), C_("accessible", "Offer"));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  gtk_drop_down_set_factory (self->drop_down, factory);

  sync_selection (self);
}

/* public API */

/**
 * cs_offer_selector_new:
 *
 * Returns: (transfer floating): a new #CsOfferSelector without offers
 */
GtkWidget *
cs_offer_selector_new (void)
{
  return g_object_new (CS_TYPE_OFFER_SELECTOR, NULL);
}

/**
 * cs_offer_selector_get_model:
 * @self: a #CsOfferSelector
 *
 * Returns: (transfer none) (nullable): the offers
 */
GListModel *
cs_offer_selector_get_model (CsOfferSelector *self)
{
  g_return_val_if_fail (CS_IS_OFFER_SELECTOR (self), NULL);

  return self->model;
}

/**
 * cs_offer_selector_set_model:
 * @self: a #CsOfferSelector
 * @model: (nullable): a #GListModel of #CsOffer
 *
 * Sets the offers to choose from; the first one is selected.
 */
void
cs_offer_selector_set_model (CsOfferSelector *self,
                             GListModel      *model)
{
  g_return_if_fail (CS_IS_OFFER_SELECTOR (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  g_set_object (&self->model, model);
  gtk_drop_down_set_model (self->drop_down, model);

  /* Connected after the drop-down's own selection, which is then already up to date. */
  if (self->model != NULL)
    g_signal_connect_object (self->model, "items-changed",
                             G_CALLBACK (on_model_items_changed_cb), self, G_CONNECT_AFTER);

  sync_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * cs_offer_selector_get_selected_offer:
 * @self: a #CsOfferSelector
 *
 * Returns: (transfer none) (nullable): the chosen offer
 */
CsOffer *
cs_offer_selector_get_selected_offer (CsOfferSelector *self)
{
  g_return_val_if_fail (CS_IS_OFFER_SELECTOR (self), NULL);

  return self->selected_offer;
}

/**
 * cs_offer_selector_set_selected_offer:
 * @self: a #CsOfferSelector
 * @offer: (nullable): an offer of the model
 *
 * Chooses @offer, found in the model by identity or else by record id. Does nothing when
 * @offer is not in the model.
 */
void
cs_offer_selector_set_selected_offer (CsOfferSelector *self,
                                      CsOffer         *offer)
{
  guint n_items;

  g_return_if_fail (CS_IS_OFFER_SELECTOR (self));
  g_return_if_fail (offer == NULL || CS_IS_OFFER (offer));

  if (self->model == NULL || offer == NULL)
    return;

  n_items = g_list_model_get_n_items (self->model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CsOffer) item = g_list_model_get_item (self->model, i);

      if (item == offer ||
          cs_record_get_id (CS_RECORD (item)) == cs_record_get_id (CS_RECORD (offer)))
        {
          gtk_drop_down_set_selected (self->drop_down, i);
          break;
        }
    }

  sync_selection (self);
}

