#!/usr/bin/python3
# test-new-project.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end: starts the real contract-scope binary and drives it from outside through AT-SPI,
# as a screen reader would: New Project → client name → Create → Add Offer → provider name →
# Add, then reads the offer and the save state back, and checks the file with the CLI.
#
# Usage: test-new-project.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP. Needs a display and a
# session bus; the AT-SPI bus is D-Bus-activated (org.a11y.Bus) on the session bus, or started
# here when nothing provides it. Without a display or any AT-SPI bus it prints "1..0 # SKIP".

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    StepFailed, click, find, labels_below, name_of, safe, text_of, type_into,
    wait_application, wait_find, wait_for
)

CLIENT = 'Acme / Lyon'
FILE_NAME = 'Acme - Lyon.contractscope'
PROVIDER = 'Rhône Infogérance'
KIND = 'Proposal'

STEPS = [
    'the application appears on the AT-SPI desktop',
    '"New Project" opens the New Project dialog',
    'the dialog shows the documents folder and a file name that follows the client name',
    'Create opens the project window without any file chooser',
    '"Add Offer" adds the offer and the "Offer" selector reads it back',
    'the "Save state" label reads "Saved"',
    'the project file exists in the documents folder',
    'contract-scope-cli info --json shows the client and the offer',
]


def make_steps(run):
    """The step functions, one per line of STEPS."""
    process = run.process
    cli = run.cli
    documents = run.documents
    state = run.state

    def appears():
        state['app'] = wait_application(process)
        state['window'] = wait_find(state['app'], 'Contract Scope', ['frame'])

    def new_project():
        click(wait_find(state['app'], 'New Project', ['push button']))
        state['dialog'] = wait_find(state['app'], 'New Project', ['dialog'])

    def dialog_fields():
        dialog = state['dialog']
        type_into(wait_find(dialog, 'Client name', ['text']), CLIENT)
        rows = {}
        for title in ('Save in', 'File name'):
            row = wait_find(dialog, title, ['list item'])
            rows[title] = wait_for('the "%s" row to read a value' % title,
                                   lambda: labels_below(row)[1:] or None, timeout=5)
        if rows['Save in'][0] != '~/Documents':
            raise StepFailed('"Save in" reads %r, expected "~/Documents"' % rows['Save in'][0])
        wait_for('"File name" to read "%s" (reads %r)' % (FILE_NAME, rows['File name'][0]),
                 lambda: labels_below(find(dialog, 'File name', ['list item']))[1] == FILE_NAME,
                 timeout=5)
        if find(dialog, 'Choose Folder', ['push button']) is None:
            raise StepFailed('no "Choose Folder" button in the dialog')

    def create():
        click(wait_find(state['dialog'], 'Create', ['push button']))
        title = '%s — Contract Scope' % CLIENT
        state['window'] = wait_find(state['app'], title, ['frame'])
        wait_find(state['window'], 'Add Offer', ['push button'])
        # GTK 4.8 names a label after its text once it has one: "Save state" is its name only
        # while nothing has been saved yet, so keep the object to read it later.
        state['save_state'] = wait_find(state['window'], 'Save state', ['label'])
        if find(state['app'], 'Choose a Folder for the Project', ['dialog', 'file chooser']):
            raise StepFailed('a file chooser opened')

    def add_offer():
        window = state['window']
        click(wait_find(window, 'Add Offer', ['push button']))
        dialog = wait_find(state['app'], 'Add Offer', ['dialog'])
        type_into(wait_find(dialog, 'Provider name', ['text']), PROVIDER)
        click(wait_find(dialog, 'Add', ['push button']))
        wait_for('the Add Offer dialog to close', lambda: find(state['app'], 'Add Offer',
                                                              ['dialog']) is None)
        expected = '%s, %s' % (PROVIDER, KIND)

        def selector_reads():
            selector = find(window, 'Offer', ['combo box'])
            if selector is None:
                return None
            named = find(selector, expected)
            labels = [label for label in labels_below(selector) if label in (PROVIDER, KIND)]
            state['selector'] = (name_of(named) if named else None, labels_below(selector))
            return named is not None and labels == [PROVIDER, KIND]

        try:
            wait_for('the "Offer" selector', selector_reads)
        except StepFailed as error:
            raise StepFailed('%s to read "%s"; it reads %r' % (error, expected,
                                                             state.get('selector')))

    def saved():
        label = state['save_state']
        try:
            wait_for('"Save state"', lambda: text_of(label) == 'Saved', timeout=10)
        except StepFailed as error:
            raise StepFailed('%s to read "Saved"; it reads %r' % (error, safe(
                lambda: text_of(label))))

    def file_exists():
        path = os.path.join(documents, FILE_NAME)
        if not os.path.isfile(path):
            raise StepFailed('%s does not exist; the folder holds %r'
                             % (path, sorted(os.listdir(documents))))
        state['path'] = path

    def cli_info():
        result = subprocess.run([cli, 'info', '--json', state['path']], capture_output=True,
                                text=True, timeout=30)
        if result.returncode != 0:
            raise StepFailed('contract-scope-cli exited with %d: %s'
                             % (result.returncode, result.stderr.strip()))
        info = json.loads(result.stdout)
        client = info['project'].get('client_name')
        if client != CLIENT:
            raise StepFailed('the client is %r, expected %r' % (client, CLIENT))
        offers = [(o.get('provider'), o.get('kind')) for o in info['offers']]
        if offers != [(PROVIDER, 'proposal')]:
            raise StepFailed('the offers are %r, expected [(%r, "proposal")]'
                             % (offers, PROVIDER))

    return [appears, new_project, dialog_fields, create, add_offer, saved,
            file_exists, cli_info]


if __name__ == '__main__':
    sys.exit(cs_e2e.main(STEPS, make_steps, documents=True, app_steps=6))
