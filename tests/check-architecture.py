#!/usr/bin/env python3
# check-architecture.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The layering rules of DESIGN.md, checked on the sources: nothing under src/core/ includes
# GTK or libadwaita (core runs without a display), only the store (src/core/cs-store*.c)
# speaks SQL: no other source has a string with SQL in it, nor calls SQLite's statement
# functions; the files of src/app include each other without cycles, but for the
# application and its window; and no source under src/ is above 1,500 lines. Each check
# first runs on a sample that breaks it, so that it is seen to fail.
#
# Usage: check-architecture.py SOURCE_ROOT. Prints TAP.

import os
import re
import sys

GUI_INCLUDE = re.compile(r'^\s*#\s*include\s*[<"](gtk/|gdk/|adwaita\.h|libadwaita)', re.M)
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
# Statements as the store writes them: keywords in capitals (prose does not shout).
SQL = re.compile(r'\b(SELECT\s+.+\s+FROM|INSERT\s+(OR\s+[A-Z]+\s+)?INTO|UPDATE\s+\w+\s+SET|'
                 r'DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)|ALTER\s+TABLE|'
                 r'DROP\s+(TABLE|INDEX)|PRAGMA\s+\w+|BEGIN\s+(IMMEDIATE|TRANSACTION)|'
                 r'VACUUM\b|SAVEPOINT\s+\w+|RELEASE\s+\w+|ROLLBACK\b)')
SQLITE_CALL = re.compile(r'\bsqlite3_(prepare\w*|exec|step|bind_\w+)\s*\(')
# STYLE.md: a file that grows past this is split along its seams.
MAX_LINES = 1500


def strip_comments(text):
    return re.sub(r'/\*.*?\*/|//[^\n]*', '', text, flags=re.S)


def gui_includes(text):
    return GUI_INCLUDE.findall(strip_comments(text))


def sql_uses(text):
    text = strip_comments(text)
    found = [s for s in STRING.findall(text) if SQL.search(s)]
    found += [m.group(0) for m in SQLITE_CALL.finditer(text)]
    return found


INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)
# cs-application creates windows, a window asks its application for settings and actions.
ALLOWED_CYCLES = [{'cs-application', 'cs-window'}]


# Files that implement part of one type, as STYLE.md's cs-window-actions.c does, belong to it.
TYPE_PARTS = ('cs-application', 'cs-window', 'cs-perimeter-page')


def module_of(path):
    stem = os.path.basename(path).rsplit('.', 1)[0]
    for owner in TYPE_PARTS:
        if stem.startswith(owner + '-'):
            return owner
    return stem


def include_cycles(files):
    """files: {path: text}. Returns the cycles (sets of modules, a module being a .c and its
    .h, with the files implementing part of the application or the window) of the include
    graph, as strongly connected components of more than one module."""
    modules = {module_of(p) for p in files}
    graph = {m: set() for m in modules}
    for path, text in files.items():
        module = module_of(path)
        for name in INCLUDE.findall(strip_comments(text)):
            target = module_of(name)
            if target in modules and target != module:
                graph[module].add(target)

    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def oversized(files):
    """files: {path: text}. Returns the paths of the files above MAX_LINES lines."""
    return sorted(p for p, text in files.items() if text.count('\n') > MAX_LINES)


def sources(root, folder):
    for directory, _, names in os.walk(os.path.join(root, folder)):
        for name in sorted(names):
            if name.endswith(('.c', '.h')):
                yield os.path.join(directory, name)


def is_store(path):
    return re.search(r'src/core/cs-store[^/]*\.c$', path.replace(os.sep, '/')) is not None


def main():
    root = sys.argv[1]
    results = []

    # The checks can fail: samples that break the rules are caught.
    results.append(('the GUI include check catches #include <gtk/gtk.h>',
                    gui_includes('#include <gtk/gtk.h>\n#include "cs-store.h"\n') != []))
    results.append(('the SQL check catches a statement in a string and a prepared query',
                    len(sql_uses('q = "SELECT id FROM asset WHERE x = ?";\n'
                                 'sqlite3_prepare_v2 (db, q, -1, &s, NULL);\n')) == 2))
    results.append(('the SQL check lets prose through',
                    sql_uses('_("Select the assets from the list, then commit.");\n') == []))

    results.append(('the include-cycle check catches a.c -> b.h -> a.h',
                    include_cycles({'a.c': '#include "b.h"\n', 'b.h': '#include "a.h"\n',
                                    'a.h': ''}) == [{'a', 'b'}]))

    results.append(('the file-size check catches a file of %d lines' % (MAX_LINES + 1),
                    oversized({'big.c': 'x;\n' * (MAX_LINES + 1), 'small.c': 'x;\n' * MAX_LINES})
                    == ['big.c']))

    offenders = []
    for path in sources(root, 'src/core'):
        with open(path, encoding='utf-8') as f:
            if gui_includes(f.read()):
                offenders.append(os.path.relpath(path, root))
    results.append(('no file under src/core/ includes GTK or libadwaita%s'
                    % (': ' + ', '.join(offenders) if offenders else ''), not offenders))

    offenders = []
    for path in sources(root, 'src'):
        if is_store(path):
            continue
        with open(path, encoding='utf-8') as f:
            uses = sql_uses(f.read())
        if uses:
            offenders.append('%s (%s)' % (os.path.relpath(path, root), uses[0]))
    results.append(('no source outside src/core/cs-store*.c speaks SQL%s'
                    % (': ' + '; '.join(offenders) if offenders else ''), not offenders))

    app = {}
    for path in sources(root, 'src/app'):
        with open(path, encoding='utf-8') as f:
            app[path] = f.read()
    cycles = [c for c in include_cycles(app) if c not in ALLOWED_CYCLES]
    results.append(('no include cycle in src/app beyond the application and its window%s'
                    % (': ' + '; '.join(' '.join(sorted(c)) for c in cycles) if cycles else ''),
                    not cycles))

    texts = {}
    for path in sources(root, 'src'):
        with open(path, encoding='utf-8') as f:
            texts[os.path.relpath(path, root)] = f.read()
    offenders = oversized(texts)
    results.append(('no file under src/ is above %d lines%s'
                    % (MAX_LINES, ': ' + ', '.join('%s (%d)' % (p, texts[p].count('\n'))
                                                    for p in offenders) if offenders else ''),
                    not offenders))

    print('1..%d' % len(results))
    for number, (title, ok) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', number, title))

    return 0 if all(ok for _, ok in results) else 1


if __name__ == '__main__':
    sys.exit(main())
