#!/usr/bin/python3
# test-open-files.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end: starts the real contract-scope binary with project files on its command line,
# as the file manager does through the desktop file (Exec=contract-scope %F): two projects
# made by contract-scope-cli and a third one cut short. Through AT-SPI it checks that each
# project opens in its own window on its dashboard (not the welcome page), that the damaged
# file is refused with a dialog that says why and that closing it leaves the application
# running, then that the damaged file was not changed.
#
# Usage: test-open-files.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP; "1..0 # SKIP" without a
# display or an AT-SPI bus.

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    StepFailed, click, descendants, find, is_showing, labels_below, name_of, role_of,
    wait_application, wait_find, wait_for
)

CLIENTS = ['Acme Logistique', 'Brasserie Duval']
BROKEN = 'Broken.contractscope'

STEPS = [
    'the application appears',
    'each project given on the command line opens in a window of its own, on its dashboard',
    'the damaged file is refused with a dialog naming it and saying why',
    'closing the dialog leaves both projects open and the application running',
    'the damaged file is left unchanged',
]


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def make_files(cli, folder):
    """Two projects made by the CLI and a copy of the first cut short. Returns the paths."""
    paths = []
    for client in CLIENTS:
        path = os.path.join(folder, client + '.contractscope')
        subprocess.run([cli, 'new', path, '--client', client], check=True, timeout=60,
                       stdout=subprocess.DEVNULL)
        paths.append(path)
    broken = os.path.join(folder, BROKEN)
    with open(paths[0], 'rb') as whole, open(broken, 'wb') as cut:
        cut.write(whole.read()[:3000])
    return paths + [broken]


def make_steps(run, broken, broken_hash):
    """The step functions, one per line of STEPS."""
    state = run.state

    def appears():
        state['app'] = wait_application(run.process)

    def projects_open():
        app = state['app']
        state['windows'] = []
        for client in CLIENTS:
            window = wait_find(app, '%s — Contract Scope' % client, ['frame'])
            # the project view: its sections, and the dashboard asking for a first offer
            wait_find(window, 'Add Offer', ['push button'])
            rows = [a for a in descendants(window) if role_of(a) in ('list item', 'list box item')
                    and 'Dashboard' in labels_below(a)]
            if not rows:
                raise StepFailed('the window of %s shows no Dashboard section' % client)
            # GTK 4.8 exposes the pages a GtkStack does not show as "visible": the welcome
            # page must be hidden, not only covered, for a screen reader to know it is gone.
            if find(window, 'Open the Demo Project', ['push button']) is not None:
                raise StepFailed('the window of %s shows the welcome page' % client)
            state['windows'].append(window)

    def refused():
        app = state['app']
        heading = 'Could Not Open “%s”' % BROKEN
        dialog = wait_for('the dialog about %s' % BROKEN, lambda: next(
            (a for a in descendants(app, 2) if role_of(a) in ('dialog', 'alert', 'frame')
             and heading in name_of(a) and is_showing(a)), None))
        said = ' '.join(labels_below(dialog))
        cs_e2e.log('the dialog says: ' + said)
        for words in ('truncated', 'left unchanged'):
            if words not in said:
                raise StepFailed('the dialog does not say "%s": %r' % (words, said))
        state['dialog'] = dialog

    def closes():
        app = state['app']
        click(wait_find(state['dialog'], 'Close', ['push button']))
        wait_for('the dialog to close', lambda: not any(
            BROKEN in name_of(a) and is_showing(a) for a in descendants(app, 2)))
        for client in CLIENTS:
            wait_find(app, '%s — Contract Scope' % client, ['frame'])

    def unchanged():
        if sha256(broken) != broken_hash:
            raise StepFailed('%s was changed' % broken)

    return [appears, projects_open, refused, closes, unchanged]


def main():
    if len(sys.argv) != 4:
        print('usage: %s APP CLI SCHEMA_DIR' % sys.argv[0], file=sys.stderr)
        return 2
    folder = tempfile.mkdtemp(prefix='cs-e2e-open-files-')
    try:
        files = make_files(sys.argv[2], folder)
        broken_hash = sha256(files[-1])
        return cs_e2e.main(STEPS, lambda run: make_steps(run, files[-1], broken_hash),
                           app_args=files, prefix='cs-e2e-open-')
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
