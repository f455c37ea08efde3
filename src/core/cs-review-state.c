/* cs-review-state.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-review-state"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-review-state.h"
#include "cs-sections.h"

/* How long after a commit the checklist is evaluated again: a burst of edits costs one run. */
#define EVALUATE_DELAY_MS 150

/**
 * CsReviewState:
 *
 * What the review of an open project currently says, computed once per change whoever shows
 * it: the checklist report of the selected offer (the dashboard and the sidebar), and the
 * points to check of each section of each offer a page shows (cs_section_get_flags(),
 * computed when first asked and kept until the next change). Whoever opens the project
 * creates one with cs_review_state_new() and hands it to what shows the project (the
 * window gives it to the project view, which gives it to its pages). It evaluates again
 * shortly after every commit ("saved") and after a reload, and emits "changed" with the new
 * report.
 */
struct _CsReviewState
{
  GObject      parent_instance;

  CsStore     *store;
  CsOffer     *offer;
  CsReport    *report;
  GError      *error;
  guint        evaluate_id;
  /* the offer is set but not evaluated yet (cs_review_state_set_offer_pending()) */
  guint        pending : 1;
  /* "offer id:section" → GPtrArray of CsFlag, emptied at every change */
  GHashTable  *flags;
};

enum {
  PROP_0,
  PROP_OFFER,
  PROP_REPORT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CsReviewState, cs_review_state, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CsChecklist *
get_checklist (GError **error)
{
  static CsChecklist *checklist = NULL;
  static GError *load_error = NULL;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Loaded and validated once per process, shared by every project. */
      checklist = cs_checklist_new_default (&load_error);
      g_once_init_leave (&initialized, 1);
    }

  if (checklist == NULL && error != NULL)
    *error = g_error_copy (load_error);

  return checklist;
}

static gboolean
evaluate_timeout_cb (gpointer user_data)
{
  CsReviewState *self = user_data;

  self->evaluate_id = 0;
  cs_review_state_evaluate (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_evaluation (CsReviewState *self)
{
  g_clear_handle_id (&self->evaluate_id, g_source_remove);
  self->evaluate_id = g_timeout_add (EVALUATE_DELAY_MS, evaluate_timeout_cb, self);
}

static void
on_store_saved_cb (CsStore       *store,
                   CsReviewState *self)
{
  g_hash_table_remove_all (self->flags);
  schedule_evaluation (self);
}

static void
cs_review_state_dispose (GObject *object)
{
  CsReviewState *self = CS_REVIEW_STATE (object);

  g_clear_handle_id (&self->evaluate_id, g_source_remove);
  g_clear_object (&self->offer);
  g_clear_object (&self->report);
  g_clear_object (&self->store);
  if (self->flags != NULL)
    g_hash_table_remove_all (self->flags);

  G_OBJECT_CLASS (cs_review_state_parent_class)->dispose (object);
}

static void
cs_review_state_finalize (GObject *object)
{
  CsReviewState *self = CS_REVIEW_STATE (object);

  g_clear_error (&self->error);
  g_clear_pointer (&self->flags, g_hash_table_unref);

  G_OBJECT_CLASS (cs_review_state_parent_class)->finalize (object);
}

static void
cs_review_state_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsReviewState *self = CS_REVIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_OFFER:
      g_value_set_object (value, self->offer);
      break;

    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_review_state_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsReviewState *self = CS_REVIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_OFFER:
      cs_review_state_set_offer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_review_state_class_init (CsReviewStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_review_state_dispose;
  object_class->finalize = cs_review_state_finalize;
  object_class->get_property = cs_review_state_get_property;
  object_class->set_property = cs_review_state_set_property;

  /**
   * CsReviewState:offer:
   *
   * The offer evaluated, or %NULL.
   */
  properties[PROP_OFFER] =
    g_param_spec_object ("offer", NULL, NULL,
                         CS_TYPE_OFFER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsReviewState:report:
   *
   * The latest report of the offer, or %NULL (no offer, or the evaluation failed).
   */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL,
                         CS_TYPE_REPORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CsReviewState::changed:
   * @self: the review state
   *
   * Emitted after every evaluation, whether or not the scores changed, and when the offer
   * changes.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cs_review_state_init (CsReviewState *self)
{
  self->flags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
}

/**
 * cs_review_state_get_linter:
 * @error: return location for a #GError
 *
 * The clause linter with the default rules, loaded once per process.
 *
 * Returns: (transfer none) (nullable): the linter, or %NULL if its rules do not load
 */
CsLinter *
cs_review_state_get_linter (GError **error)
{
  static CsLinter *linter = NULL;
  static GError *load_error = NULL;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      linter = cs_linter_new_default (&load_error);
      g_once_init_leave (&initialized, 1);
    }

  if (linter == NULL && error != NULL)
    *error = g_error_copy (load_error);

  return linter;
}

/**
 * cs_review_state_new:
 * @store: an open project
 *
 * Creates the review state of @store, for whoever opens the project to hand to what shows
 * it.
 *
 * Returns: (transfer full): a new #CsReviewState
 */
CsReviewState *
cs_review_state_new (CsStore *store)
{
  CsReviewState *self;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  self = g_object_new (CS_TYPE_REVIEW_STATE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "saved", G_CALLBACK (on_store_saved_cb), self, 0);
  g_signal_connect_object (store, "reloaded", G_CALLBACK (on_store_saved_cb), self, 0);

  return self;
}

/**
 * cs_review_state_get_flags:
 * @self: a #CsReviewState
 * @offer_id: an offer of the project
 * @section: a section
 *
 * The points to check of @section of the offer (cs_section_get_flags()), computed when
 * first asked after a change and shared by whoever asks again.
 *
 * Returns: (transfer none) (element-type CsFlag): the flags, most severe first; valid until
 *   the next change to the project
 */
GPtrArray *
cs_review_state_get_flags (CsReviewState *self,
                           gint64         offer_id,
                           CsSection      section)
{
  g_autofree char *key = NULL;
  GPtrArray *flags;

  g_return_val_if_fail (CS_IS_REVIEW_STATE (self), NULL);
  g_return_val_if_fail (section < CS_N_SECTIONS, NULL);

  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%u", offer_id, section);
  flags = g_hash_table_lookup (self->flags, key);
  if (flags == NULL)
    {
      flags = cs_section_get_flags (self->store, section, offer_id, NULL);
      g_hash_table_insert (self->flags, g_steal_pointer (&key), flags);
    }

  return flags;
}

/**
 * cs_review_state_get_store:
 * @self: a #CsReviewState
 *
 * Returns: (transfer none): the project
 */
CsStore *
cs_review_state_get_store (CsReviewState *self)
{
  g_return_val_if_fail (CS_IS_REVIEW_STATE (self), NULL);

  return self->store;
}

/**
 * cs_review_state_get_offer:
 * @self: a #CsReviewState
 *
 * Returns: (transfer none) (nullable): the offer evaluated
 */
CsOffer *
cs_review_state_get_offer (CsReviewState *self)
{
  g_return_val_if_fail (CS_IS_REVIEW_STATE (self), NULL);

  return self->offer;
}

/**
 * cs_review_state_set_offer:
 * @self: a #CsReviewState
 * @offer: (nullable): an offer of the project
 *
 * Evaluates @offer at once, and again after every change.
 */
void
cs_review_state_set_offer (CsReviewState *self,
                           CsOffer       *offer)
{
  g_return_if_fail (CS_IS_REVIEW_STATE (self));
  g_return_if_fail (offer == NULL || CS_IS_OFFER (offer));

  if (self->offer == offer)
    return;

  g_set_object (&self->offer, offer);
  cs_review_state_evaluate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFER]);
}

/**
 * cs_review_state_set_offer_pending:
 * @self: a #CsReviewState
 * @offer: (nullable): an offer of the project
 *
 * Follows @offer without evaluating it yet, so that a window can draw its first frame before
 * the checklist runs: cs_review_state_is_pending() is %TRUE, "changed" is emitted for views to
 * show placeholders, and the evaluation happens at cs_review_state_evaluate_at_idle(), at
 * cs_review_state_evaluate(), or when the report is asked for.
 */
void
cs_review_state_set_offer_pending (CsReviewState *self,
                                   CsOffer       *offer)
{
  g_return_if_fail (CS_IS_REVIEW_STATE (self));
  g_return_if_fail (offer == NULL || CS_IS_OFFER (offer));

  g_clear_handle_id (&self->evaluate_id, g_source_remove);
  g_set_object (&self->offer, offer);
  g_clear_object (&self->report);
  g_clear_error (&self->error);
  self->pending = offer != NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cs_review_state_evaluate_at_idle:
 * @self: a #CsReviewState
 *
 * Evaluates a pending offer once the main loop has nothing more urgent to do.
 */
void
cs_review_state_evaluate_at_idle (CsReviewState *self)
{
  g_return_if_fail (CS_IS_REVIEW_STATE (self));

  if (!self->pending || self->evaluate_id != 0)
    return;
  self->evaluate_id = g_idle_add_full (G_PRIORITY_LOW, evaluate_timeout_cb, self, NULL);
}

/**
 * cs_review_state_is_pending:
 * @self: a #CsReviewState
 *
 * Returns: %TRUE while the offer set with cs_review_state_set_offer_pending() is not evaluated
 */
gboolean
cs_review_state_is_pending (CsReviewState *self)
{
  g_return_val_if_fail (CS_IS_REVIEW_STATE (self), FALSE);

  return self->pending;
}

/**
 * cs_review_state_get_report:
 * @self: a #CsReviewState
 *
 * The latest report of the offer; a pending offer is evaluated first.
 *
 * Returns: (transfer none) (nullable): the latest report of the offer
 */
CsReport *
cs_review_state_get_report (CsReviewState *self)
{
  g_return_val_if_fail (CS_IS_REVIEW_STATE (self), NULL);

  if (self->pending)
    cs_review_state_evaluate (self);

  return self->report;
}

/**
 * cs_review_state_get_error:
 * @self: a #CsReviewState
 *
 * Returns: (transfer none) (nullable): why the latest evaluation failed (translated)
 */
const GError *
cs_review_state_get_error (CsReviewState *self)
{
  g_return_val_if_fail (CS_IS_REVIEW_STATE (self), NULL);

  return self->error;
}

/**
 * cs_review_state_evaluate:
 * @self: a #CsReviewState
 *
 * Evaluates the offer now (a pending evaluation is dropped) and emits "changed".
 */
void
cs_review_state_evaluate (CsReviewState *self)
{
  g_autoptr(CsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CsChecklist *checklist;

  g_return_if_fail (CS_IS_REVIEW_STATE (self));

  g_clear_handle_id (&self->evaluate_id, g_source_remove);
  self->pending = FALSE;

  if (self->offer != NULL && self->store != NULL && !cs_store_is_closed (self->store) &&
      cs_record_get_id (CS_RECORD (self->offer)) > 0)
    {
      checklist = get_checklist (&error);
      if (checklist != NULL)
        report = cs_checklist_evaluate (checklist, self->store, cs_review_state_get_linter (NULL),
                                        cs_record_get_id (CS_RECORD (self->offer)), &error);
    }

  g_clear_error (&self->error);
  if (report == NULL && error != NULL &&
      !g_error_matches (error, CS_CHECKLIST_ERROR, CS_CHECKLIST_ERROR_NO_OFFER))
    self->error = g_steal_pointer (&error);

  g_set_object (&self->report, report);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  g_signal_emit (self, signals[CHANGED], 0);
}
