/* cs-test-vfs.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A test VFS over the default one, registered as the default while installed.
 *
 * Buffering: writes stay in memory until the file is synced (as in an OS page cache that a
 * power cut or the death of the machine loses); reads see them. A power cut, at a chosen
 * write, sync or truncation, resolves every unsynced write at random, independently: lost,
 * written, or torn (only its first sectors written), then fails every later call with an I/O
 * error, as if the machine stopped. Disk full: writes fail with SQLITE_FULL once a budget of
 * bytes is spent.
 */
void     cs_test_vfs_install          (void);
void     cs_test_vfs_uninstall        (void);
void     cs_test_vfs_set_buffering    (gboolean  buffering);
void     cs_test_vfs_set_power_cut    (guint     after_n_operations,
                                       guint32   seed);
void     cs_test_vfs_cut_now          (guint32   seed);
void     cs_test_vfs_set_kill         (guint     after_n_operations);
gboolean cs_test_vfs_has_cut          (void);
guint    cs_test_vfs_get_n_operations (void);
void     cs_test_vfs_set_write_budget (gint64    bytes);
void     cs_test_vfs_reset            (void);

G_END_DECLS
