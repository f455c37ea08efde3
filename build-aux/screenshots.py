#!/usr/bin/python3
# screenshots.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Regenerate the screenshots of data/screenshots/ from the real application.

Usage (from the source tree, after `meson compile -C build`):

  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \\
      /usr/bin/python3 build-aux/screenshots.py build [OUTPUT_DIR]

Starts the contract-scope binary of the build folder with its own HOME (English interface,
no settings kept), opens the welcome page, then a fresh copy of the demo project, and drives
it through AT-SPI as the end-to-end tests do (tests/e2e/cs_e2e.py): each section is selected
in the sidebar as a screen reader selects it, and the window is captured with ImageMagick's
`import` once it is drawn. The dark screenshot is taken from a second run with libadwaita's
ADW_DEBUG_COLOR_SCHEME=prefer-dark. OUTPUT_DIR defaults to data/screenshots/. The metainfo
(data/org.contractscope.ContractScope.metainfo.xml.in) and the README name these files.

Needs Debian's /usr/bin/python3 with python3-pyatspi, Xvfb, x11-utils (`xwininfo`) and
ImageMagick (`import`).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(SOURCE_DIR, 'tests', 'e2e'))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    descendants, is_showing, name_of, open_section, role_of, wait_application, wait_for,
    wait_find
)

DEMO_TITLE = 'Maison Verdier Distribution — Contract Scope'
# Time for a page to be laid out and drawn after it is shown (cairo renderer, loaded machine).
SETTLE = 2.0

# (file name, section of the sidebar or None for the dashboard as it opens)
DEMO_SHOTS = [
    ('demo-light.png', None),
    ('perimeter.png', 'Perimeter'),
    ('sla.png', 'SLA'),
    ('exit.png', 'Exit'),
    ('compare.png', 'Compare Offers'),
]


def x_window(title):
    """The X window id of the biggest top-level window called title (GTK also names its
    1×1 client leader window after the application), from xwininfo."""
    tree = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True,
                          check=True, timeout=30).stdout
    best = None
    for match in re.finditer(r'^\s*(0x[0-9a-f]+) "(.*)": \(.*\)\s+(\d+)x(\d+)', tree, re.M):
        if match.group(2) == title:
            area = int(match.group(3)) * int(match.group(4))
            if best is None or area > best[1]:
                best = (match.group(1), area)
    if best is None:
        raise cs_e2e.StepFailed('no X window called "%s"' % title)
    return best[0]


def capture(frame, path):
    """Captures the window of frame (its whole surface, the rounded corners included)."""
    time.sleep(SETTLE)
    subprocess.run(['import', '-window', x_window(name_of(frame)), path], check=True,
                   timeout=60)
    print('wrote %s' % path, flush=True)


def run_app(app, schema_dir, args, extra_env, shots):
    """Starts the application with args, calls shots(application) and stops it."""
    cleanup = []
    process = None
    root = tempfile.mkdtemp(prefix='cs-screenshots-')
    try:
        cs_e2e.ensure_buses(cleanup)
        import gi
        gi.require_version('Atspi', '2.0')
        import pyatspi  # noqa: F401 — after the buses exist

        env, _ = cs_e2e.make_environment(root, schema_dir)
        env.update(extra_env)
        env['GSK_RENDERER'] = 'cairo'
        process = cs_e2e.start_application([app] + args, env, os.path.join(root, 'app.log'))
        shots(wait_application(process))
    finally:
        cs_e2e.stop(process, cleanup)
        shutil.rmtree(root, ignore_errors=True)


def frame_named(application, title):
    return wait_for('the window "%s"' % title, lambda: next(
        (a for a in descendants(application, 3) if role_of(a) == 'frame'
         and name_of(a) == title and is_showing(a)), None))


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    build_dir = os.path.abspath(sys.argv[1])
    out_dir = os.path.abspath(sys.argv[2] if len(sys.argv) == 3
                              else os.path.join(SOURCE_DIR, 'data', 'screenshots'))
    app = os.path.join(build_dir, 'src', 'app', 'contract-scope')
    schema_dir = os.path.join(build_dir, 'data')
    if not os.access(app, os.X_OK):
        print('%s: not built (meson compile -C %s)' % (app, build_dir), file=sys.stderr)
        return 1
    if not os.environ.get('DISPLAY'):
        print('no display: run under xvfb-run (see --help)', file=sys.stderr)
        return 1
    for tool in ('import', 'xwininfo'):
        if shutil.which(tool) is None:
            print('%s is missing (ImageMagick, x11-utils)' % tool, file=sys.stderr)
            return 1
    os.makedirs(out_dir, exist_ok=True)

    def welcome(application):
        frame = frame_named(application, 'Contract Scope')
        wait_find(frame, 'Open the Demo Project', ['push button', 'button'])
        capture(frame, os.path.join(out_dir, 'welcome.png'))

    def demo(application):
        frame = frame_named(application, DEMO_TITLE)
        for name, section in DEMO_SHOTS:
            if section is not None:
                try:
                    open_section(frame, section)
                except Exception as error:  # noqa: BLE001
                    # A page that takes long to build (Compare on a loaded machine) may
                    # answer the selection after AT-SPI's timeout: it is shown all the same.
                    print('%s: %s; waiting for the page' % (section, error), flush=True)
                    time.sleep(10)
            else:
                wait_find(frame, 'Search findings')
            capture(frame, os.path.join(out_dir, name))

    def demo_dark(application):
        frame = frame_named(application, DEMO_TITLE)
        wait_find(frame, 'Search findings')
        capture(frame, os.path.join(out_dir, 'demo-dark.png'))

    run_app(app, schema_dir, [], {}, welcome)
    run_app(app, schema_dir, ['--demo'], {}, demo)
    run_app(app, schema_dir, ['--demo'], {'ADW_DEBUG_COLOR_SCHEME': 'prefer-dark'}, demo_dark)
    return 0


if __name__ == '__main__':
    sys.exit(main())
