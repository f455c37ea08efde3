#!/usr/bin/python3
# test-sla.py
#
# Copyright 2026 The Contract Scope Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end: starts the real contract-scope binary on a fresh demo project and drives it from
# outside through AT-SPI: opens the SLA section, reads the P1 worst-case response, changes the
# P1 response time through its spin button, and reads the recomputed worst case.
#
# Usage: test-sla.py APP CLI SCHEMA_DIR
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi). Prints TAP. Needs a display and a
# session bus; the AT-SPI bus is D-Bus-activated (org.a11y.Bus) on the session bus, or started
# here when nothing provides it. Without a display or any AT-SPI bus it prints "1..0 # SKIP".

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cs_e2e  # noqa: E402
from cs_e2e import (  # noqa: E402
    StepFailed, find, labels_below, log, name_of, open_section, text_of, wait_application,
    wait_find, wait_for, wait_project_window
)

STEPS = [
    'the application appears on the AT-SPI desktop with the demo project',
    'the SLA section opens and shows the P1 worst-case response',
    'changing "P1 response time" recomputes the P1 worst-case response',
    'the "Save state" label reads "Saved"',
]


def worst_case_text(window, name):
    row = find(window, name, None)
    if row is None:
        return None
    labels = labels_below(row)
    # title, then the computed value
    return labels[1] if len(labels) > 1 else None


def make_steps(run):
    """The step functions, one per line of STEPS."""
    process = run.process
    state = run.state

    def appears():
        state['app'] = wait_application(process)
        state['window'] = wait_project_window(state['app'])
        state['save_state'] = wait_find(state['window'], 'Save state', ['label'])

    def open_sla():
        window = state['window']
        open_section(window, 'SLA')
        state['before'] = wait_for('"P1 worst-case response" to read a value',
                                   lambda: worst_case_text(window, 'P1 worst-case response'))
        log('P1 worst-case response before: ' + state['before'])

    def change_p1():
        window = state['window']
        spin = wait_find(window, 'P1 response time', ['spin button'])
        value = spin.queryValue()
        old = value.currentValue
        new = 4.0 if old != 4.0 else 6.0
        # Hours, business time: the worst case then spans the night or the weekend.
        unit = wait_find(window, 'P1 response unit', ['combo box'])
        clock = wait_find(window, 'P1 response clock', ['combo box'])
        log('P1 response was %r (%s, %s)' % (old, name_of(unit), name_of(clock)))
        value.currentValue = new
        wait_for('"P1 response time" to read %r' % new,
                 lambda: abs(spin.queryValue().currentValue - new) < 1e-6, timeout=5)
        after = wait_for('"P1 worst-case response" to change from %r' % state['before'],
                         lambda: (worst_case_text(window, 'P1 worst-case response')
                                  if worst_case_text(window, 'P1 worst-case response')
                                  != state['before'] else None), timeout=10)
        log('P1 worst-case response after: ' + after)
        expected = '%d h' % new if 'calendar' in after else None
        if expected is not None and not after.startswith(expected):
            raise StepFailed('the worst case reads %r, expected it to start with %r'
                             % (after, expected))
        if 'calendar' not in after and 'opened' not in after:
            raise StepFailed('the worst case reads %r: neither calendar time nor an opening '
                             'instant' % after)

    def saved():
        label = state['save_state']
        wait_for('"Save state" to read "Saved"', lambda: text_of(label) == 'Saved', timeout=10)

    return [appears, open_sla, change_p1, saved]


if __name__ == '__main__':
    sys.exit(cs_e2e.main(STEPS, make_steps, app_args=['--demo'], prefix='cs-e2e-sla-'))
