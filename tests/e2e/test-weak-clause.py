#!/usr/bin/python3
# test-weak-clause.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end (issue 9, "One verdict"): starts the real contract-scope binary on the demo project
# without the incumbent's backup clause, where BCK-12 ("Responsibility for outcome") is
# satisfied; pastes a weak backup clause on the Backup page through AT-SPI, then watches BCK-12
# turn into a knock-out on the dashboard, with the clause as its evidence.
#
# Usage: test-weak-clause.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP. Needs a display and a
# session bus; without a display or any AT-SPI bus it prints "1..0 # SKIP".

import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    CLICK_PAUSE, StepFailed, click, descendants, find, is_showing, log, name_of, role_of,
    safe, search_findings, text_of, type_into, wait_application, wait_find, wait_for,
    wait_project_window
)

ITEM = 'Responsibility for outcome'
CLAUSE = 'Backups remain the responsibility of the client.'
# After each change the window lays its pages out again, which takes a while under AT-SPI.
COMMIT_TIMEOUT = 60

STEPS = [
    'the application appears with the project',
    'the dashboard lists no gap for "%s" and reads its knock-outs' % ITEM,
    'a weak backup clause is pasted on the Backup page',
    'the dashboard shows "%s" as a missing knock-out quoting the clause, one knock-out more'
    % ITEM,
]


def prepare_project(cli):
    """The demo project without the incumbent's Art. 7 (its backup clause)."""
    folder = tempfile.mkdtemp(prefix='cs-e2e-clause-')
    path = os.path.join(folder, 'weak-clause.contractscope')
    subprocess.run([cli, 'new', path, '--demo'], check=True, stdout=subprocess.DEVNULL)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM clause WHERE section = 'backup'")
    return folder, path


def select_section(window, title):
    """Selects a section in the sidebar through the list's AT-SPI Selection."""
    import pyatspi

    row = wait_find(window, title, ['list item'])
    selection = row.parent.querySelection()
    if not selection.selectChild(row.getIndexInParent()):
        raise StepFailed('the sidebar refused to select "%s"' % title)
    # The application may be busy checking the clause just typed.
    wait_for('"%s" to be selected' % title,
             lambda: row.getState().contains(pyatspi.STATE_SELECTED), timeout=COMMIT_TIMEOUT)
    time.sleep(CLICK_PAUSE)


def knock_outs(window):
    """The number of knock-outs the dashboard's overview reads ("No knock-out", "3 knock-outs:
    critical items are missing"); GTK 4.8 names a label after its text."""
    for accessible in descendants(window):
        if role_of(accessible) != 'label' or not is_showing(accessible):
            continue
        text = safe(lambda: text_of(accessible), '') or name_of(accessible)
        if text == 'No knock-out':
            return 0
        words = text.split(' ')
        if len(words) > 1 and words[0].isdigit() and words[1].startswith('knock-out'):
            return int(words[0])
    return None


def backup_wording(window):
    """The Backup page's wording area (GTK 4.8 names a widget without a label after its
    type): the dashboard has one too, and the Backup page other text fields. Found by its
    ancestors, which GTK 4.8 reports more reliably than a page's children."""
    for accessible in descendants(window):
        if name_of(accessible) != 'CsClauseEditor' or not is_showing(accessible):
            continue
        ancestor = accessible.parent
        for _ in range(16):
            if ancestor is None:
                break
            if name_of(ancestor) == 'CsBackupPage':
                return accessible
            ancestor = ancestor.parent
    return None


def finding_row(window):
    for accessible in descendants(window):
        if name_of(accessible) == ITEM and is_showing(accessible) and \
                'Backup' in safe(lambda: accessible.description, ''):
            return accessible
    return None


def make_steps(run):
    """The step functions, one per line of STEPS."""
    process = run.process
    state = run.state

    def appears():
        state['app'] = wait_application(process)
        state['window'] = wait_project_window(state['app'], 'Maison Verdier', showing=False,
                                              max_depth=2)

    def dashboard_before():
        window = state['window']
        select_section(window, 'Dashboard')
        # The first frame comes before the checklist is evaluated: the dashboard says it is busy
        # until its figures are there.
        cs_e2e.wait_not_busy(window, timeout=COMMIT_TIMEOUT)
        state['before'] = wait_for('the knock-outs label', lambda: (
            knock_outs(window) is not None and knock_outs(window) + 1), timeout=COMMIT_TIMEOUT) - 1
        log('knock-outs before: %d' % state['before'])
        # Only the rows in view are accessible: search, as a user does among many findings.
        search_findings(window, ITEM, timeout=COMMIT_TIMEOUT)
        if finding_row(window) is not None:
            raise StepFailed('"%s" is already a gap: %r' % (
                ITEM, safe(lambda: finding_row(window).description)))

    def paste_clause():
        window = state['window']
        select_section(window, 'Backup')
        wording = wait_for('the Backup page\'s wording', lambda: backup_wording(window),
                           timeout=COMMIT_TIMEOUT)
        click(wait_find(wording, 'Add Clause', ['push button'], timeout=COMMIT_TIMEOUT))

        import pyatspi

        def empty_text():
            # The clause's text view (several lines), not its reference entry.
            for accessible in descendants(wording):
                if role_of(accessible) == 'text' and is_showing(accessible) and \
                        accessible.getState().contains(pyatspi.STATE_MULTI_LINE) and \
                        safe(lambda: text_of(accessible), None) == '' and \
                        safe(lambda: accessible.queryEditableText(), None) is not None:
                    return accessible
            return None

        text = wait_for('the text of the new clause', empty_text, timeout=COMMIT_TIMEOUT)
        type_into(text, CLAUSE)

    def dashboard_after():
        window = state['window']
        select_section(window, 'Dashboard')
        search_findings(window, ITEM, timeout=COMMIT_TIMEOUT)
        row = wait_for('"%s" among the findings' % ITEM, lambda: finding_row(window),
                       timeout=COMMIT_TIMEOUT)
        description = safe(lambda: row.description, '')
        log('%s: %s' % (ITEM, description))
        if 'Missing' not in description:
            raise StepFailed('"%s" reads %r, not missing' % (ITEM, description))
        labels = [safe(lambda: text_of(a), '') or name_of(a) for a in descendants(row)
                  if role_of(a) == 'label']
        if 'Knock-out' not in labels:
            raise StepFailed('"%s" has no knock-out badge: %r' % (ITEM, labels))
        if not any('Backups remain the responsibility of the client' in text for text in labels):
            raise StepFailed('"%s" does not quote the clause as its evidence: %r' % (ITEM, labels))
        after = wait_for('%d knock-outs' % (state['before'] + 1),
                         lambda: knock_outs(window) == state['before'] + 1 and
                         state['before'] + 1, timeout=COMMIT_TIMEOUT)
        log('knock-outs after: %d' % after)

    return [appears, dashboard_before, paste_clause, dashboard_after]


if __name__ == '__main__':
    if len(sys.argv) == 4:
        FOLDER, PROJECT = prepare_project(sys.argv[2])
    else:
        FOLDER, PROJECT = None, ''
    try:
        STATUS = cs_e2e.main(STEPS, make_steps, app_args=[PROJECT], prefix='cs-e2e-clause-')
    finally:
        if FOLDER is not None:
            subprocess.run(['rm', '-rf', FOLDER], check=False)
    sys.exit(STATUS)
