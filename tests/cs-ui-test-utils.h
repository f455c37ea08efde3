/* cs-ui-test-utils.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-application.h"
#include "cs-model.h"
#include "cs-project-view.h"
#include "cs-store.h"
#include "cs-window.h"
#include "cs-test-utils.h"

G_BEGIN_DECLS

/**
 * CsUiTestDone:
 * @data: the data given to cs_ui_test_wait_until()
 *
 * Says whether what a test waits for has happened.
 *
 * Returns: %TRUE when the wait is over
 */
typedef gboolean (*CsUiTestDone) (gpointer data);

/**
 * CsUiTestDemoWindow:
 * @window: the application window, 1280 × 900, presented
 * @store: the demo project it shows
 * @view: the window's project view
 *
 * A window on a fresh copy of the demo project, for the tests that drive the whole window.
 */
typedef struct
{
  CsWindow      *window;
  CsStore       *store;
  CsProjectView *view;
} CsUiTestDemoWindow;

gboolean   cs_ui_test_init             (int            *argc,
                                        char         ***argv);
void       cs_ui_test_iterate          (void);
void       cs_ui_test_iterate_rounds   (guint           rounds);
gboolean   cs_ui_test_wait_until       (CsUiTestDone    done,
                                        gpointer        data);
gpointer   cs_ui_test_find_descendant  (GtkWidget      *root,
                                        GType           type);
GtkWidget *cs_ui_test_find_nth         (GtkWidget      *root,
                                        GType           type,
                                        const char     *title,
                                        guint           n);
gpointer   cs_ui_test_find_toplevel    (GType           type);
GtkWidget *cs_ui_test_focused_spin     (GtkWidget      *window);
GtkWidget *cs_ui_test_present          (GtkWidget      *child,
                                        int             width,
                                        int             height);
gboolean   cs_ui_test_activate_shortcut (GtkWidget  *widget,
                                         const char *accel);
void       cs_ui_test_save_shot        (GtkWidget      *window,
                                        const char     *name);
char      *cs_ui_test_project_path     (const char     *name);
GtkWidget *cs_ui_test_new_page         (CsSection       section,
                                        CsStore        *store);
CsStore   *cs_ui_test_create_demo      (const char     *path);
void       cs_ui_test_demo_window_open  (CsUiTestDemoWindow *demo,
                                         CsApplication      *app,
                                         const char         *name);
void       cs_ui_test_demo_window_close (CsUiTestDemoWindow *demo);
CsOffer   *cs_ui_test_offer_with_most  (CsStore        *store,
                                        GType           type);
void       cs_ui_test_close            (GtkWindow     **window,
                                        CsStore       **store);
CsRecord  *cs_ui_test_dup_record       (CsStore        *store,
                                        GType           type,
                                        gint64          id);

G_END_DECLS
