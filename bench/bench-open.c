/* bench-open.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GUI process opening a project with 100,000 assets and 5 offers (built with the bulk API
 * and cs_store_set_coverage()) next to an empty project, in the same run:
 *
 *  - open: the time from the start of main() to the first frame drawn by the project window
 *    ("after-paint" of its GdkFrameClock while the project view is mapped); the time from the
 *    parent's spawn is printed too, as it includes exec and the dynamic linker;
 *  - memory: VmRSS from /proc/self/status once that window is drawn and has been idle for 1 s.
 *
 * Each measurement is a fresh process (this program run again with --measure), alternating
 * between the two projects; the figures are medians. DESIGN's targets: open ≤ 1.3 × and
 * resident memory ≤ 2 × those of an empty project.
 *
 * Needs a display: without one it says so and exits successfully.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "cs-application.h"
#include "cs-bench-utils.h"
#include "cs-perimeter.h"
#include "cs-project-view.h"
#include "cs-review-state.h"
#include "cs-store.h"
#include "cs-window.h"

#define CS_BENCH_N_ASSETS  100000
#define CS_BENCH_N_OFFERS  5
#define N_RUNS    5
#define IDLE_MS   1000

#define OPEN_TARGET 1.3
#define RSS_TARGET  2.0

typedef struct
{
  gint64         start_us;
  gint64         frame_us;
  GMainLoop     *loop;
  CsWindow      *window;
  GdkFrameClock *frame_clock;
  gulong         after_paint_id;
  guint64        rss_kib;
  gint64         evaluated_us;
} Measure;

typedef struct
{
  gint64  main_to_frame_us;
  gint64  spawn_to_frame_us;
  gint64  store_open_us;
  gint64  set_store_us;
  guint64 rss_kib;
} Sample;

static gboolean
idle_elapsed_cb (gpointer user_data)
{
  Measure *m = user_data;

  m->rss_kib = cs_bench_status_kib ("VmRSS:");
  g_main_loop_quit (m->loop);

  return G_SOURCE_REMOVE;
}

/* The checklist evaluated (again), after the first frame: the dashboard's figures and findings
 * are there from the first frame on, so this stays 0 unless an evaluation comes later. */
static void
on_review_state_changed_cb (CsReviewState *state,
                            gpointer       user_data)
{
  Measure *m = user_data;

  if (m->evaluated_us == 0 && m->frame_us != 0 && cs_review_state_get_report (state) != NULL)
    m->evaluated_us = g_get_monotonic_time ();
}

static void
on_frame_clock_after_paint_cb (GdkFrameClock *frame_clock,
                               gpointer       user_data)
{
  Measure *m = user_data;
  CsProjectView *view = cs_window_get_project_view (m->window);

  if (m->frame_us != 0 || view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    return;

  m->frame_us = g_get_monotonic_time ();
  g_clear_signal_handler (&m->after_paint_id, frame_clock);
  g_timeout_add (IDLE_MS, idle_elapsed_cb, m);
}

static void
on_window_realize_cb (GtkWidget *widget,
                      gpointer   user_data)
{
  Measure *m = user_data;

  m->frame_clock = gtk_widget_get_frame_clock (widget);
  m->after_paint_id = g_signal_connect (m->frame_clock, "after-paint",
                                        G_CALLBACK (on_frame_clock_after_paint_cb), m);
}

/* In the child: open @path in a project window, report the times to its first frame and
 * VmRSS once it has been idle. */
static int
measure (gint64      start_us,
         const char *path,
         gint64      spawn_us)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsApplication) app = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Measure m = { 0 };
  GskRenderer *renderer;
  gint64 before_open_us, store_open_us, set_store_us;

  if (!gtk_init_check ())
    {
      g_printerr ("no display\n");
      return 1;
    }

  app = g_object_new (CS_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  before_open_us = g_get_monotonic_time ();
  store = cs_store_open (path, CS_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  store_open_us = g_get_monotonic_time () - before_open_us;

  loop = g_main_loop_new (NULL, FALSE);
  m.start_us = start_us;
  m.loop = loop;
  m.window = cs_window_new (app);
  g_signal_connect (m.window, "realize", G_CALLBACK (on_window_realize_cb), &m);
  set_store_us = g_get_monotonic_time ();
  cs_window_set_store (m.window, store);
  set_store_us = g_get_monotonic_time () - set_store_us;
  if (cs_window_get_project_view (m.window) != NULL)
    g_signal_connect (cs_project_view_get_review_state (cs_window_get_project_view (m.window)),
                      "changed", G_CALLBACK (on_review_state_changed_cb), &m);
  gtk_window_present (GTK_WINDOW (m.window));

  g_main_loop_run (loop);

  renderer = gtk_native_get_renderer (GTK_NATIVE (m.window));
  /* the last figure: first frame to the checklist evaluated (0: no offer to evaluate) */
  g_print ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
           " %" G_GUINT64_FORMAT " %s %" G_GINT64_FORMAT "\n",
           m.frame_us - m.start_us, m.frame_us - spawn_us, store_open_us, set_store_us, m.rss_kib,
           renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none",
           m.evaluated_us > 0 ? m.evaluated_us - m.frame_us : 0);

  gtk_window_destroy (GTK_WINDOW (m.window));

  return 0;
}

static void
run_child (const char  *self_path,
           const char  *project,
           Sample      *sample,
           char       **renderer)
{
  g_autofree char *spawn_us = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  const char *argv[] = { self_path, "--measure", project, spawn_us, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  char name[64] = "";
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("measuring failed: %s", error->message);
  if (sscanf (output, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %"
              G_GINT64_FORMAT " %" G_GUINT64_FORMAT " %63s",
              &sample->main_to_frame_us, &sample->spawn_to_frame_us, &sample->store_open_us,
              &sample->set_store_us, &sample->rss_kib, name) != 6)
    g_error ("unexpected output: %s", output);
  if (*renderer == NULL)
    *renderer = g_strdup (name);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static Sample
median (const Sample *samples)
{
  gint64 main_us[N_RUNS], spawn_us[N_RUNS], open_us[N_RUNS], set_us[N_RUNS], rss[N_RUNS];
  Sample result;

  for (guint i = 0; i < N_RUNS; i++)
    {
      main_us[i] = samples[i].main_to_frame_us;
      spawn_us[i] = samples[i].spawn_to_frame_us;
      open_us[i] = samples[i].store_open_us;
      set_us[i] = samples[i].set_store_us;
      rss[i] = (gint64) samples[i].rss_kib;
    }
  qsort (main_us, N_RUNS, sizeof (gint64), compare_int64);
  qsort (spawn_us, N_RUNS, sizeof (gint64), compare_int64);
  qsort (open_us, N_RUNS, sizeof (gint64), compare_int64);
  qsort (set_us, N_RUNS, sizeof (gint64), compare_int64);
  qsort (rss, N_RUNS, sizeof (gint64), compare_int64);
  result.main_to_frame_us = main_us[N_RUNS / 2];
  result.spawn_to_frame_us = spawn_us[N_RUNS / 2];
  result.store_open_us = open_us[N_RUNS / 2];
  result.set_store_us = set_us[N_RUNS / 2];
  result.rss_kib = (guint64) rss[N_RUNS / 2];

  return result;
}

static void
print_ratio (const char *what,
             double      ratio,
             double      target)
{
  g_print ("  %-32s %5.2f  (target ≤ %.1f: %s)\n", what, ratio, target,
           ratio <= target ? "met" : "NOT met");
}

int
main (int   argc,
      char *argv[])
{
  gint64 start_us = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *big = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *renderer = NULL;
  Sample empty_samples[N_RUNS], big_samples[N_RUNS];
  Sample e, b;
  gint64 build_us;

  if (argc == 4 && g_str_equal (argv[1], "--measure"))
    return measure (start_us, argv[2], g_ascii_strtoll (argv[3], NULL, 10));

  if (!gtk_init_check ())
    {
      g_print ("bench-open: no display (gtk_init_check() failed): nothing measured; run it "
               "under a display, e.g. xvfb-run -a dbus-run-session -- meson test --benchmark\n");
      return 0;
    }

  self_path = g_file_read_link ("/proc/self/exe", &error);
  if (self_path == NULL)
    g_error ("%s", error->message);
  dir = g_strdup ("cs-bench-open-XXXXXX");
  if (g_mkdtemp (dir) == NULL)
    g_error ("cannot create a folder under the current directory: %s", g_strerror (errno));
  big = g_build_filename (dir, "big.contractscope", NULL);
  empty = g_build_filename (dir, "empty.contractscope", NULL);

  build_us = g_get_monotonic_time ();
  cs_bench_build_project (big);
  build_us = g_get_monotonic_time () - build_us;
  {
    g_autoptr(CsStore) store = cs_store_create (empty, "Bench", &error);

    if (store == NULL)
      g_error ("%s", error->message);
  }
  g_print ("built %u assets and %u offers in %.2f s\n", CS_BENCH_N_ASSETS, CS_BENCH_N_OFFERS, build_us / 1e6);

  for (guint r = 0; r < N_RUNS; r++)
    {
      run_child (self_path, empty, &empty_samples[r], &renderer);
      run_child (self_path, big, &big_samples[r], &renderer);
    }
  e = median (empty_samples);
  b = median (big_samples);

  g_print ("GUI process opening a project to its first drawn frame, then idle %u ms "
           "(renderer %s, GSK_RENDERER=%s; medians of %u processes each, alternated):\n",
           IDLE_MS, renderer, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(unset)",
           N_RUNS);
  g_print ("  %-24s %14s %15s %14s %13s %10s\n", "project", "main->frame ms", "spawn->frame ms",
           "store open ms", "set_store ms", "VmRSS KiB");
  g_print ("  %-24s %14.1f %15.1f %14.1f %13.1f %10" G_GUINT64_FORMAT "\n", "empty",
           e.main_to_frame_us / 1e3, e.spawn_to_frame_us / 1e3, e.store_open_us / 1e3,
           e.set_store_us / 1e3, e.rss_kib);
  g_print ("  %-24s %14.1f %15.1f %14.1f %13.1f %10" G_GUINT64_FORMAT "\n",
           "100,000 assets, 5 offers", b.main_to_frame_us / 1e3, b.spawn_to_frame_us / 1e3,
           b.store_open_us / 1e3, b.set_store_us / 1e3, b.rss_kib);
  for (guint r = 0; r < N_RUNS; r++)
    g_print ("  run %u: empty %.1f ms %" G_GUINT64_FORMAT " KiB, big %.1f ms %" G_GUINT64_FORMAT
             " KiB\n", r + 1, empty_samples[r].main_to_frame_us / 1e3, empty_samples[r].rss_kib,
             big_samples[r].main_to_frame_us / 1e3, big_samples[r].rss_kib);
  g_print ("ratios big / empty:\n");
  print_ratio ("open (main -> first frame)",
               (double) b.main_to_frame_us / e.main_to_frame_us, OPEN_TARGET);
  print_ratio ("open (spawn -> first frame)",
               (double) b.spawn_to_frame_us / e.spawn_to_frame_us, OPEN_TARGET);
  print_ratio ("resident memory (VmRSS)", (double) b.rss_kib / e.rss_kib, RSS_TARGET);

  g_unlink (big);
  g_unlink (empty);
  g_rmdir (dir);

  return 0;
}
