#!/usr/bin/python3
# test-export.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end: starts the real contract-scope binary on a fresh demo project, opens the main
# menu through AT-SPI, chooses Export → Reversibility Checklist…, accepts the file chooser's
# suggested name in the documents folder, and reads the PDF back with pdftotext: every exit
# deliverable of the selected offer (read from the project file with contract-scope-cli show)
# must be in it.
#
# Usage: test-export.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP. Needs a display and a
# session bus; without them it prints "1..0 # SKIP".

import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    StepFailed, cli_show, click, descendants, find, log, name_of, project_file, role_of,
    wait_application, wait_find, wait_for
)

STEPS = [
    'the application appears with the demo project',
    'the main menu opens and shows Export',
    'Export → Reversibility Checklist… opens the file chooser with the suggested name',
    'Export writes the PDF in the documents folder and a toast says so',
    'pdftotext finds every exit deliverable of the offer in the PDF',
]

MENU_ROLES = ['menu item', 'push button', 'check menu item', 'radio menu item', 'menu']


def press(accessible):
    """Clicks accessible, or the first of its descendants with an action (a GtkMenuButton
    exposes its inner toggle button)."""
    candidates = [accessible] + list(descendants(accessible, 3))
    for candidate in candidates:
        action = cs_e2e.safe(lambda: candidate.queryAction())
        if action is not None and cs_e2e.safe(lambda: action.nActions, 0) > 0:
            click(candidate)
            return
    raise StepFailed('"%s" has no action' % name_of(accessible))


def collapse(text):
    return re.sub(r'\s+', ' ', re.sub(r'-\s+', '-', text)).strip()


def make_steps(run):
    """The step functions, one per line of STEPS."""
    state = run.state

    def appears():
        state['app'] = wait_application(run.process)
        state['window'] = wait_for('the project window',
                                   lambda: next((a for a in descendants(state['app'], 2)
                                                 if role_of(a) == 'frame' and
                                                 name_of(a).endswith('— Contract Scope')), None))

    def main_menu():
        press(wait_find(state['window'], 'Main Menu'))
        # the Export submenu itself, not "Export Project as XML…" above it
        state['export'] = wait_for('the Export submenu', lambda: next(
            (a for a in descendants(state['app']) if role_of(a) in MENU_ROLES
             and name_of(a).replace('_', '').split() in (['Export'], ['Export', 'Export'])
             and cs_e2e.is_showing(a)), None))

    def chooser():
        press(state['export'])
        press(wait_find(state['app'], 'Reversibility Checklist…', MENU_ROLES))
        state['dialog'] = wait_find(state['app'], 'Export', ['dialog', 'file chooser', 'frame',
                                                             'window', 'filler'])
        name = wait_for('the suggested file name', lambda: next(
            (a for a in descendants(state['dialog'])
             if role_of(a) in ('text', 'entry') and
             'Reversibility checklist' in (cs_e2e.safe(lambda: cs_e2e.text_of(a), '') or '')),
            None))
        state['name'] = cs_e2e.text_of(name)
        log('suggested name: %s' % state['name'])
        if not state['name'].startswith('Maison Verdier Distribution – '):
            raise StepFailed('unexpected suggested name %r' % state['name'])

    def export():
        press(wait_find(state['dialog'], 'Export', ['push button']))
        state['pdf'] = os.path.join(run.documents, state['name'])
        wait_for('the PDF in the documents folder', lambda: os.path.exists(state['pdf']),
                 timeout=30)
        wait_find(state['app'], 'Open', ['push button'], timeout=10)

    def deliverables():
        text = collapse(subprocess.run(['pdftotext', '-raw', state['pdf'], '-'],
                                       capture_output=True, text=True, check=True).stdout)
        path = project_file(run.root)
        records = cli_show(run.cli, path, '1', 'exit')
        labels = [collapse(r['label']) for r in records.get('exit_deliverable', [])
                  if r.get('label')]
        if not labels:
            raise StepFailed('the offer has no deliverable to look for: %r' % records[:2])
        missing = [label for label in labels if label not in text]
        if missing:
            raise StepFailed('not in the PDF: %r' % missing)
        log('%d deliverables found in the PDF' % len(labels))

    return [appears, main_menu, chooser, export, deliverables]


if __name__ == '__main__':
    sys.exit(cs_e2e.main(STEPS, make_steps, app_args=['--demo'], documents=True))
