#!/usr/bin/python3
# test-read-contract.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end (issue 16): starts the real contract-scope binary on the demo project (made by
# contract-scope-cli new --demo, given on the command line), adds a new offer through the
# "Add Offer" dialog, reads the score its dashboard shows, then reads
# tests/data/contracts/managed-en.pdf into that offer through the window's "open-contract"
# action on D-Bus (org.gtk.Actions.Activate: the same review window the offer menu's
# "Open Contract…" opens, without a file chooser to drive), accepts every proposed value with
# the review's "Accept" buttons, and checks that the dashboard's score becomes the one the
# accepted values imply: contract-scope-cli read-contract --accept-all, then score, on a copy
# of the project taken before the review.
#
# Usage: test-read-contract.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP; "1..0 # SKIP" without a
# display or an AT-SPI bus.

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    StepFailed, click, descendants, find, is_showing, log, matches, name_of, role_of, safe,
    text_of, type_into, wait_application, wait_find, wait_for
)

APP_ID = 'org.contractscope.ContractScope'
PROVIDER = 'Contrat Lu Services'
SCORE_DESCRIPTION = 'How good the answers are, over the items assessed'
CONTRACT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data',
                                        'contracts', 'managed-en.pdf'))

STEPS = [
    'the application appears with the demo project',
    '"Add Offer" adds a new offer, which the dashboard shows with its score',
    'the command line computes the score the contract\'s proposed values imply, on a copy',
    'win.open-contract (D-Bus) reads the contract PDF into the new offer and proposes values',
    'every proposed value is accepted with its "Accept" button',
    'the dashboard score of the new offer changes to the one the accepted values imply',
]


def percent(text):
    match = re.fullmatch(r'(\d+) %', text or '')
    return int(match.group(1)) if match else None


def find_by_description(root, description, roles=None):
    for accessible in descendants(root):
        if roles and role_of(accessible) not in roles:
            continue
        if safe(lambda: accessible.description, '') == description and is_showing(accessible):
            return accessible
    return None


def activate_window_action(name, value):
    """org.gtk.Actions.Activate on the application's windows, first that answers."""
    from gi.repository import Gio, GLib

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    last_error = None
    for window_id in range(1, 6):
        try:
            bus.call_sync(APP_ID, '/org/contractscope/ContractScope/window/%d' % window_id,
                          'org.gtk.Actions', 'Activate',
                          GLib.Variant('(sava{sv})', (name, [GLib.Variant('s', value)], {})),
                          None, Gio.DBusCallFlags.NONE, 10000, None)
            return
        except GLib.Error as error:
            last_error = error.message
    raise StepFailed('could not activate win.%s over D-Bus: %s' % (name, last_error))


def cli(run, *args):
    result = subprocess.run([run.cli] + list(args), capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise StepFailed('contract-scope-cli %s exited with %d: %s'
                         % (args[0], result.returncode, result.stderr.strip()))
    return json.loads(result.stdout)


def roundings(score):
    """The whole percentages the dashboard may show for a score the CLI gives to 0.1."""
    shown = {int('%.0f' % score)}
    if abs(score * 10 - round(score * 10)) < 1e-6 and round(score * 10) % 10 == 5:
        shown |= {int(score - 0.5), int(score + 0.5)}
    return shown


def make_steps(run):
    """The step functions, one per line of STEPS."""
    process = run.process
    state = run.state

    def appears():
        state['app'] = wait_application(process)
        state['window'] = wait_find(state['app'], 'Maison Verdier Distribution — Contract Scope',
                                    ['frame'])

    def adds_offer():
        window = state['window']
        # The offer selector's "+" (exactly "Add Offer"), not the hidden "No Offers Yet" page's
        # "Add Offer…" that AT-SPI still reports as showing.
        button = wait_for('the offer selector\'s "Add Offer" button', lambda: next(
            (a for a in descendants(window)
             if role_of(a) == 'push button' and name_of(a) == 'Add Offer' and is_showing(a)), None))
        click(button)
        dialog = wait_find(state['app'], 'Add Offer', ['dialog'])
        type_into(wait_find(dialog, 'Provider name', ['text']), PROVIDER)
        click(wait_find(dialog, 'Add', ['push button']))
        wait_for('the Add Offer dialog to close',
                 lambda: find(state['app'], 'Add Offer', ['dialog']) is None)
        wait_for('the window to show the new offer', lambda: any(
            role_of(a) == 'label' and is_showing(a) and safe(lambda: text_of(a), '') == PROVIDER
            for a in descendants(window)))
        label = wait_for('the overall score label',
                         lambda: find_by_description(window, SCORE_DESCRIPTION, ['label']))
        state['score_label'] = label
        state['before'] = wait_for('the overall score to read "N %"',
                                   lambda: percent(text_of(label)) is not None
                                   and percent(text_of(label)) + 1) - 1
        log('the new offer scores %d %%' % state['before'])

    def expected_score():
        # Between edits the file is the whole project: a copy is the project as it stands.
        folder = tempfile.mkdtemp(prefix='cs-e2e-expected-')
        copy = os.path.join(folder, 'expected.contractscope')
        shutil.copyfile(PROJECT, copy)
        before = cli(run, 'score', copy, '--offer', PROVIDER, '--json')
        read = cli(run, 'read-contract', copy, '--offer', PROVIDER, CONTRACT, '--accept-all',
                   '--json')
        after = cli(run, 'score', copy, '--offer', PROVIDER, '--json')
        shutil.rmtree(folder, ignore_errors=True)
        state['n_proposals'] = read['accepted']
        state['before_cli'] = before['offers'][0]['overall']['score']
        state['expected'] = after['offers'][0]['overall']['score']
        log('command line: %d values accepted, score %.1f %% → %.1f %%'
            % (state['n_proposals'], state['before_cli'], state['expected']))
        if state['before'] not in roundings(state['before_cli']):
            raise StepFailed('the dashboard shows %d %% before the review, the command line %.1f %%'
                             % (state['before'], state['before_cli']))
        if state['before'] in roundings(state['expected']):
            raise StepFailed('accepting the contract\'s values would not change the score shown')

    def reads_contract():
        activate_window_action('open-contract', CONTRACT)
        review = wait_for('the review window', lambda: next(
            (a for a in descendants(state['app'], 2)
             if role_of(a) in ('frame', 'dialog', 'window') and is_showing(a)
             and 'Contract Review' in name_of(a)), None))
        state['review'] = review

        def accept_buttons():
            buttons = [a for a in descendants(review) if matches(a, 'Accept', ['push button'])]
            return buttons if len(buttons) == state['n_proposals'] else None

        state['accept'] = wait_for('%d "Accept" buttons' % state['n_proposals'], accept_buttons,
                                   timeout=30)

    def accepts():
        def n_accepted():
            # Each accepted row says so in place of its clause.
            return sum(1 for a in descendants(state['review'])
                       if role_of(a) == 'label'
                       and safe(lambda: text_of(a), '').startswith('Accepted:'))

        # Each acceptance commits and rescores the offer: on a busy machine the application
        # may answer a click after AT-SPI stopped waiting. A row already accepted ignores a
        # second click, so the buttons are clicked again until every row says "Accepted".
        for attempt in range(3):
            for button in state['accept']:
                try:
                    click(button)
                except Exception as error:  # GLib.Error: "Did not receive a reply"
                    log('a click went unanswered (%s); going on' % error)
                    time.sleep(1)
            try:
                wait_for('every proposal to read "Accepted"',
                         lambda: n_accepted() == state['n_proposals'], timeout=30)
                return
            except StepFailed:
                log('%d of %d accepted after round %d' % (n_accepted(), state['n_proposals'],
                                                          attempt + 1))
        raise StepFailed('%d of %d proposals read "Accepted"' % (n_accepted(), state['n_proposals']))

    def score_changes():
        label = state['score_label']
        shown = roundings(state['expected'])
        try:
            wait_for('the overall score to read one of %s %%' % sorted(shown),
                     lambda: percent(text_of(label)) in shown, timeout=15)
        except StepFailed as error:
            raise StepFailed('%s; it reads %r' % (error, safe(lambda: text_of(label))))
        log('the dashboard now shows %s for the new offer' % text_of(label))

    return [appears, adds_offer, expected_score, reads_contract, accepts, score_changes]


if __name__ == '__main__':
    # The demo project made by the command line, opened as the file manager opens it.
    if len(sys.argv) == 4:
        FOLDER = tempfile.mkdtemp(prefix='cs-e2e-read-contract-')
        PROJECT = os.path.join(FOLDER, 'demo.contractscope')
        subprocess.run([sys.argv[2], 'new', PROJECT, '--demo'], check=True,
                       stdout=subprocess.DEVNULL)
    try:
        status = cs_e2e.main(STEPS, make_steps, app_args=[PROJECT] if len(sys.argv) == 4 else [])
    finally:
        if len(sys.argv) == 4:
            shutil.rmtree(FOLDER, ignore_errors=True)
    sys.exit(status)
