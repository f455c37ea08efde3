/* test-source.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-source.h"

typedef struct
{
  guint source_id;
  guint n_calls;
  guint id_during_call;
} Owner;

static void
count_cb (gpointer data)
{
  Owner *owner = data;

  owner->n_calls++;
  owner->id_during_call = owner->source_id;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A burst of requests makes one call; the id is 0 again when the function runs. */
static void
test_source_idle_once (void)
{
  Owner owner = { 0 };

  for (guint i = 0; i < 5; i++)
    cs_idle_add_once (&owner.source_id, G_PRIORITY_HIGH_IDLE, count_cb, &owner);
  g_assert_cmpuint (owner.source_id, !=, 0);
  g_assert_cmpuint (owner.n_calls, ==, 0);

  iterate ();
  g_assert_cmpuint (owner.n_calls, ==, 1);
  g_assert_cmpuint (owner.id_during_call, ==, 0);
  g_assert_cmpuint (owner.source_id, ==, 0);

  /* Once run, the next request makes a new call. */
  cs_idle_add_once (&owner.source_id, G_PRIORITY_DEFAULT_IDLE, count_cb, &owner);
  iterate ();
  g_assert_cmpuint (owner.n_calls, ==, 2);
}

/* A pending call removed by its owner never runs. */
static void
test_source_removed (void)
{
  Owner owner = { 0 };

  cs_idle_add_once (&owner.source_id, G_PRIORITY_DEFAULT_IDLE, count_cb, &owner);
  g_clear_handle_id (&owner.source_id, g_source_remove);
  iterate ();
  g_assert_cmpuint (owner.n_calls, ==, 0);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

/* A timeout waits its delay, once for a burst, and can be started again by removing it. */
static void
test_source_timeout_once (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Owner owner = { 0 };
  gint64 start = g_get_monotonic_time ();

  cs_timeout_add_once (&owner.source_id, 50, count_cb, &owner);
  cs_timeout_add_once (&owner.source_id, 1, count_cb, &owner);
  iterate ();
  g_assert_cmpuint (owner.n_calls, ==, 0);

  g_timeout_add (200, quit_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpuint (owner.n_calls, ==, 1);
  g_assert_cmpuint (owner.source_id, ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 50 * 1000);

  cs_timeout_add_once (&owner.source_id, 10000, count_cb, &owner);
  g_clear_handle_id (&owner.source_id, g_source_remove);
  cs_timeout_add_once (&owner.source_id, 1, count_cb, &owner);
  g_timeout_add (100, quit_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpuint (owner.n_calls, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/source/idle-once", test_source_idle_once);
  g_test_add_func ("/source/removed", test_source_removed);
  g_test_add_func ("/source/timeout-once", test_source_timeout_once);

  return g_test_run ();
}
