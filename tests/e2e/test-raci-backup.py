#!/usr/bin/python3
# test-raci-backup.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end: starts the real contract-scope binary on a fresh demo project and drives it from
# outside through AT-SPI: opens the Responsibilities section, types roles in lower case into a
# cell of the who-does-what matrix and leaves it (the page normalises and commits them), then
# opens the Backup section, sets a policy's backup frequency longer than its RPO and reads the
# warning the page shows under it.
#
# Usage: test-raci-backup.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP. Needs a display and a
# session bus; the AT-SPI bus is D-Bus-activated (org.a11y.Bus) on the session bus, or started
# here when nothing provides it. Without a display or any AT-SPI bus it prints "1..0 # SKIP".

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    StepFailed, cli_show, log, name_of, open_section, project_file, safe, text_of,
    wait_application, wait_find, wait_for, wait_project_window
)

STEPS = [
    'the application appears on the AT-SPI desktop with the demo project',
    'the Responsibilities section opens and shows the matrix cell "Restore, Client"',
    'roles typed "ca" in a cell are shown and saved as "AC"',
    'the Backup section opens and shows "Backup every, in hours"',
    'a frequency longer than the RPO is saved and shows a warning under it',
    'the "Save state" label reads "Saved"',
]


def make_steps(run):
    """The step functions, one per line of STEPS."""
    process = run.process
    cli = run.cli
    root = run.root
    state = run.state

    def appears():
        state['app'] = wait_application(process)
        state['window'] = wait_project_window(state['app'])
        state['save_state'] = wait_find(state['window'], 'Save state', ['label'])

    def open_responsibilities():
        window = state['window']
        open_section(window, 'Responsibilities')
        state['cell'] = wait_find(window, 'Restore, Client', ['text', 'entry'])
        state['other'] = wait_find(window, 'Restore, Provider', ['text', 'entry'])
        log('"Restore, Client" reads %r' % text_of(state['cell']))

    def edit_cell():
        cell = state['cell']
        # Typed as an assistive technology does, without the keyboard focus: the page commits
        # after a short pause and shows the roles in canonical order.
        editable = cell.queryEditableText()
        if not editable.setTextContents('ca'):
            raise StepFailed('could not type into "%s"' % name_of(cell))
        wait_for('"Restore, Client" to read "AC"', lambda: text_of(cell) == 'AC', timeout=10)

        def roles_in_file():
            records = cli_show(cli, project_file(root), 'Rhône', 'responsibilities')
            activity = next(a['id'] for a in records['activity'] if a['key'] == 'restore')
            party = next(p['id'] for p in records['party'] if p['kind'] == 'client')
            return next((r['roles'] for r in records['responsibility']
                         if r['activity_id'] == activity and r['party_id'] == party), '')

        wait_for('the file to hold "AC" for Restore, Client', lambda: roles_in_file() == 'AC',
                 timeout=10)

    def open_backup():
        window = state['window']
        open_section(window, 'Backup')
        state['frequency'] = wait_find(window, 'Backup every, in hours', ['spin button'])
        state['rpo'] = wait_find(window, 'RPO (maximum data loss), in hours', ['spin button'])

    def frequency_over_rpo():
        # Reading a spin button's value through AT-SPI is unreliable with GTK 4.8 (garbage,
        # then an abort in libatspi): values are set through AT-SPI and read from the file.
        def first_policy():
            policies = cli_show(cli, project_file(root), 'Rhône', 'backup')['backup_policy']
            return sorted(policies, key=lambda p: (p['position'], p['id']))[0]

        rpo = first_policy()['rpo_hours']
        if rpo is None:
            # The incumbent's policy states no RPO: give it one first.
            rpo = 12.0
            state['rpo'].queryValue().currentValue = rpo
            wait_for('the file to hold an RPO of %g h' % rpo,
                     lambda: first_policy()['rpo_hours'] == rpo, timeout=10)
        # Set it, then read what reached the file and what the page computed from it.
        new = rpo + 24.0
        log('RPO %r h, backup frequency set to %r h' % (rpo, new))
        state['frequency'].queryValue().currentValue = new
        wait_for('the file to hold a backup frequency of %g h' % new,
                 lambda: first_policy()['frequency_hours'] == new, timeout=10)

        # The warning is the subtitle of the frequency's own row and its accessible
        # description, computed from the file. Only the row is looked at: elsewhere the page
        # replaces rows as the checks change, and libatspi can abort when an object vanishes
        # under it.
        def warning():
            row = state['frequency']
            for _ in range(6):
                row = safe(lambda: row.parent)
                if row is None:
                    return None
                if 'Longer than the RPO of %g h' % rpo in (safe(lambda: row.description, '') or ''):
                    return row
            return None

        wait_for('the warning "Longer than the RPO" on the "Backup every" row', warning,
                 timeout=10)

    def saved():
        label = state['save_state']
        wait_for('"Save state" to read "Saved"', lambda: text_of(label) == 'Saved', timeout=10)

    return [appears, open_responsibilities, edit_cell, open_backup, frequency_over_rpo,
            saved]


if __name__ == '__main__':
    sys.exit(cs_e2e.main(STEPS, make_steps, app_args=['--demo'], prefix='cs-e2e-raci-backup-'))
