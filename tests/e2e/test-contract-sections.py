#!/usr/bin/python3
# test-contract-sections.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end: starts the real contract-scope binary on a fresh demo project and drives the
# contract-section pages from outside through AT-SPI, as a screen reader would: Terms & GDPR
# (types the breach-notification delay, reads the computed notice date), Subcontracting (adds
# a subcontractor, names it, deletes it and brings it back with Undo), Exit and Security &
# Access (the pages show their fields); then checks the project file with the CLI.
#
# Usage: test-contract-sections.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP. Needs a display and a
# session bus; without a display or any AT-SPI bus it prints "1..0 # SKIP".

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    CLICK_PAUSE, StepFailed, cli_show, click, descendants, find, is_showing, log, matches,
    name_of, project_file, role_of, text_of, type_into, wait_application, wait_find, wait_for,
    wait_project_window
)

SUBCONTRACTOR = 'Nuit Claire & Fils'
BREACH_HOURS = '24'

STEPS = [
    'the application appears with the demo project',
    'the "Terms & GDPR" page shows the last day to give notice',
    'a breach-notification delay set in hours is committed and its point to check goes',
    'the "Subcontracting" page adds a subcontractor and names it',
    'deleting the subcontractor offers Undo, which brings it back',
    'the "Exit" and "Security & Access" pages show their fields',
    'contract-scope-cli show reads the edited values from the project file',
]
# After each change the window lays its pages out again, which takes a while under AT-SPI.
COMMIT_TIMEOUT = 60


def select_section(window, title):
    """Selects a section in the sidebar through the list's AT-SPI Selection, as a screen
    reader does, and waits for the row to be selected."""
    import pyatspi

    row = wait_find(window, title, ['list item'])
    sidebar = row.parent
    selection = sidebar.querySelection()
    if not selection.selectChild(row.getIndexInParent()):
        raise StepFailed('the sidebar refused to select "%s"' % title)
    wait_for('"%s" to be selected' % title,
             lambda: row.getState().contains(pyatspi.STATE_SELECTED), timeout=5)
    time.sleep(CLICK_PAUSE)


def text_below(accessible):
    # Text is typed in an entry row's text, a number in a number row's spin button.
    for child in descendants(accessible):
        if role_of(child) in ('text', 'spin button'):
            return child
    return None


def type_text(field, text):
    """Sets the text of an entry or number row as an assistive technology does, without the
    keyboard focus: the row commits it after a short pause (there is no Enter or focus-out)."""
    entry = wait_for('the text of "%s"' % name_of(field), lambda: text_below(field), timeout=5)
    type_into(entry, text)
    return entry


def make_steps(run):
    """The step functions, one per line of STEPS."""
    process = run.process
    cli = run.cli
    root = run.root
    state = run.state

    def appears():
        state['app'] = wait_application(process)
        state['window'] = wait_project_window(state['app'], 'Maison Verdier', showing=False,
                                              max_depth=2)
        wait_find(state['window'], 'Terms & GDPR', ['list item'])

    def terms_page():
        window = state['window']
        select_section(window, 'Terms & GDPR')
        # GTK 4.8 names a label after its text: the date is the label after the group title.
        def read_dates():
            labels = [a for a in descendants(window) if role_of(a) == 'label' and is_showing(a)]
            titles = [i for i, a in enumerate(labels)
                      if text_of(a) == 'Last Day to Give Notice']
            if not titles or titles[0] + 2 >= len(labels):
                return None
            return text_of(labels[titles[0] + 1]), text_of(labels[titles[0] + 2])

        date, days = wait_for('the last day to give notice', read_dates)
        if not date or date == 'Not computed yet' or not days.endswith(('left', 'ago')):
            raise StepFailed('the last day to give notice reads %r, %r' % (date, days))
        log('give notice by %s (%s)' % (date, days))

    def breach_delay():
        window = state['window']
        page = wait_for('the Terms & GDPR page', lambda: next(
            (a for a in descendants(window, 16) if name_of(a) == 'CsTermsPage'), None))
        def points_to_check():
            for accessible in descendants(page):
                words = name_of(accessible).split(' ')
                if (role_of(accessible) == 'list item' and len(words) > 1 and
                        words[1] in ('finding', 'findings')):
                    return int(words[0])
            return None

        before = wait_for('the number of findings', points_to_check)
        entry = type_text(wait_find(page, 'Personal-data breach notified within (hours)'),
                          BREACH_HOURS)
        # Committed: the "no breach delay" point to check goes once the change is in the file.
        # The application is busy laying out for a while after a change.
        after = wait_for('%d findings (from %d)' % (before - 1, before),
                         lambda: points_to_check() == before - 1 and before - 1,
                         timeout=COMMIT_TIMEOUT, interval=1)
        log('points to check: %d, then %d' % (before, after))
        if text_of(entry) != BREACH_HOURS:
            raise StepFailed('the delay reads %r after the commit' % text_of(entry))

    def add_subcontractor():
        window = state['window']
        select_section(window, 'Subcontracting')
        click(wait_find(window, 'Add Subcontractor', ['push button']))
        row = wait_find(window, 'Unnamed subcontractor', timeout=COMMIT_TIMEOUT)
        name = wait_for('the "Name" field of the new subcontractor',
                        lambda: find(row, 'Name', ['text'], showing=False))
        type_text(name, SUBCONTRACTOR)
        # Committed: the row's title follows the record.
        state['row'] = wait_find(window, SUBCONTRACTOR, timeout=COMMIT_TIMEOUT)

    def delete_and_undo():
        window = state['window']
        buttons = [a for a in descendants(state['row'])
                   if matches(a, 'Delete Subcontractor', ['push button'])]
        if not buttons:
            raise StepFailed('no "Delete Subcontractor" button in the new row')
        click(buttons[0])
        wait_for('the subcontractor to leave the list after "Delete"',
                 lambda: find(window, SUBCONTRACTOR) is None, timeout=COMMIT_TIMEOUT)
        # The toast offers Undo for a while: take it as soon as it shows, breadth first
        # (walking the whole window again first could outlast the toast).
        undo = wait_for('the toast\'s "Undo" button',
                        lambda: cs_e2e.find_shallow(window, 'Undo', ['push button']),
                        timeout=COMMIT_TIMEOUT)
        click(undo)
        wait_find(window, SUBCONTRACTOR, timeout=COMMIT_TIMEOUT)

    def other_pages():
        window = state['window']
        select_section(window, 'Exit')
        wait_find(window, 'Transition period with continued service (days)')
        wait_find(window, 'Add Standard Deliverables', ['push button'])
        select_section(window, 'Security & Access')
        wait_find(window, 'Status of Named individual accounts')

    def cli_check():
        path = project_file(root)
        terms = cli_show(cli, path, 'Rhône', 'terms')['terms']
        if terms.get('breach_notification_hours') != float(BREACH_HOURS):
            raise StepFailed('breach_notification_hours is %r in the file'
                             % terms.get('breach_notification_hours'))
        records = cli_show(cli, path, 'Rhône', 'subcontracting')
        names = [s.get('name') for s in records.get('subcontractor') or []]
        if SUBCONTRACTOR not in names:
            raise StepFailed('the subcontractors in the file are %r' % names)

    return [appears, terms_page, breach_delay, add_subcontractor, delete_and_undo,
            other_pages, cli_check]


if __name__ == '__main__':
    sys.exit(cs_e2e.main(STEPS, make_steps, app_args=['--demo'], app_steps=len(STEPS) - 1))
