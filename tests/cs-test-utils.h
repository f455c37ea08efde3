/* cs-test-utils.h
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *cs_test_build_path   (const char  *name);
char     *cs_test_file_sha256  (const char  *path);
void      cs_test_assert_unchanged (const char *path,
                                    const char *sha256);
void      cs_test_write_file   (const char  *path,
                                const void  *data,
                                gsize        length);
void      cs_test_copy_file    (const char  *from,
                                const char  *to);

/*
 * Every test is registered through these, so that the user directories GLib drops between
 * tests stay reachable (see cs-test-utils.c). Test files include this header before adding
 * their tests.
 */
void      cs_test_add_func     (const char       *path,
                                GTestFunc         func);
void      cs_test_add_data_func (const char      *path,
                                 gconstpointer    test_data,
                                 GTestDataFunc    func);
void      cs_test_add_vtable   (const char       *path,
                                gsize             data_size,
                                gconstpointer     test_data,
                                GTestFixtureFunc  setup,
                                GTestFixtureFunc  test,
                                GTestFixtureFunc  teardown);

/* Object-like: g_test_add() takes the address of g_test_add_vtable(). */
#ifndef CS_TEST_UTILS_NO_WRAP
#define g_test_add_func cs_test_add_func
#define g_test_add_data_func cs_test_add_data_func
#define g_test_add_vtable cs_test_add_vtable
#endif

G_END_DECLS
