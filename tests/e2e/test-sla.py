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
import shutil
import signal
import subprocess
import sys
import tempfile
import time

STEPS = [
    'the application appears on the AT-SPI desktop with the demo project',
    'the SLA section opens and shows the P1 worst-case response',
    'changing "P1 response time" recomputes the P1 worst-case response',
    'the "Save state" label reads "Saved"',
]

# GtkButton ignores activations less than about 250 ms apart.
CLICK_PAUSE = 0.3
APP_TIMEOUT = 30
STEP_TIMEOUT = 15


class StepFailed(Exception):
    pass


def log(message):
    for line in str(message).splitlines():
        print('# ' + line, flush=True)


def display_opens(name):
    """Whether GDK can open the display, as gtk_init_check() in the widget tests."""
    probe = ('import gi, sys\n'
             'gi.require_version("Gdk", "4.0")\n'
             'from gi.repository import Gdk\n'
             'sys.exit(0 if Gdk.Display.open(sys.argv[1]) is not None else 1)\n')
    try:
        return subprocess.run([sys.executable, '-c', probe, name], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=20).returncode == 0
    except subprocess.TimeoutExpired:
        return False


def skip_all(reason):
    print('1..0 # SKIP ' + reason, flush=True)
    sys.exit(0)


# -- buses --

def a11y_bus_address(timeout_ms):
    """The AT-SPI bus address from org.a11y.Bus on the session bus, or None."""
    from gi.repository import Gio, GLib

    try:
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        reply = bus.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress',
                              None, GLib.VariantType.new('(s)'),
                              Gio.DBusCallFlags.NONE, timeout_ms, None)
        return reply.unpack()[0] or None
    except GLib.Error as error:
        log('org.a11y.Bus.GetAddress: ' + error.message)
        return None


def ensure_buses(cleanup):
    """Makes sure a session bus and an AT-SPI bus exist, starting them when needed."""
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        if shutil.which('dbus-daemon') is None:
            skip_all('no session bus, hence no AT-SPI bus')
        daemon = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1'],
                                  stdout=subprocess.PIPE, text=True)
        cleanup.append(daemon)
        address = daemon.stdout.readline().strip()
        if not address:
            skip_all('could not start a session bus, hence no AT-SPI bus')
        os.environ['DBUS_SESSION_BUS_ADDRESS'] = address
        log('started a session bus: ' + address)

    # D-Bus activation of org.a11y.Bus normally does it (dbus-run-session provides it).
    if a11y_bus_address(10000) is not None:
        return

    launcher = '/usr/libexec/at-spi-bus-launcher'
    if not os.access(launcher, os.X_OK):
        skip_all('no AT-SPI bus (org.a11y.Bus) and no ' + launcher)
    log('starting ' + launcher)
    cleanup.append(subprocess.Popen([launcher], stdin=subprocess.DEVNULL))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if a11y_bus_address(2000) is not None:
            return
        time.sleep(0.2)
    skip_all('no AT-SPI bus: org.a11y.Bus did not answer')


# -- accessibles --

def safe(function, default=None):
    try:
        return function()
    except Exception:  # objects vanish while we look at them
        return default


def name_of(accessible):
    return safe(lambda: accessible.name, '') or ''


def role_of(accessible):
    return safe(lambda: accessible.getRoleName(), '') or ''


def is_showing(accessible):
    """GTK 4.8 sets "visible" on the widgets that are, and never "showing"."""
    import pyatspi

    states = safe(lambda: accessible.getState())
    return states is not None and (states.contains(pyatspi.STATE_SHOWING) or
                                   states.contains(pyatspi.STATE_VISIBLE))


def matches(accessible, name, roles):
    """GTK 4.8 appends the visible label to the accessible label ("New Project New Project…"),
    and libadwaita 1.2 puts the mnemonic in response buttons' names ("C_reate Create")."""
    if roles and role_of(accessible) not in roles:
        return False
    actual = name_of(accessible).replace('_', '')
    return actual == name or actual.startswith(name + ' ')


def descendants(root, max_depth=60):
    stack = [(root, 0)]
    while stack:
        accessible, depth = stack.pop()
        yield accessible
        if depth >= max_depth:
            continue
        count = safe(lambda: accessible.childCount, 0) or 0
        children = []
        for i in range(count):
            child = safe(lambda: accessible.getChildAtIndex(i))
            if child is not None:
                children.append((child, depth + 1))
        stack.extend(reversed(children))


def find(root, name, roles=None, showing=True):
    for accessible in descendants(root):
        if matches(accessible, name, roles) and (not showing or is_showing(accessible)):
            return accessible
    return None


# The application under test, so that waits end as soon as it is gone.
watched_process = None


def wait_for(what, function, timeout=STEP_TIMEOUT, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = safe(function)
        if value:
            return value
        if watched_process is not None and watched_process.poll() is not None:
            raise StepFailed('the application exited with status %d while waiting for %s'
                             % (watched_process.returncode, what))
        if time.monotonic() >= deadline:
            raise StepFailed('timed out after %d s waiting for %s' % (timeout, what))
        time.sleep(interval)


def wait_find(root, name, roles=None, timeout=STEP_TIMEOUT):
    return wait_for('%s "%s"' % ('/'.join(roles) if roles else 'an object', name),
                    lambda: find(root, name, roles), timeout)


def click(accessible):
    action = accessible.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    index = names.index('click') if 'click' in names else 0
    if not action.doAction(index):
        raise StepFailed('"%s" refused its "%s" action' % (name_of(accessible), names[index]))
    time.sleep(CLICK_PAUSE)


def type_into(accessible, text):
    editable = accessible.queryEditableText()
    if not editable.setTextContents(text):
        raise StepFailed('could not type into "%s"' % name_of(accessible))
    wait_for('"%s" to read "%s"' % (name_of(accessible), text),
             lambda: text_of(accessible) == text, timeout=5)


def text_of(accessible):
    text = accessible.queryText()
    return text.getText(0, text.characterCount)


def labels_below(accessible):
    return [text_of(a) for a in descendants(accessible)
            if role_of(a) == 'label' and is_showing(a)]


# -- the test --

def make_environment(root):
    home = os.path.join(root, 'home')
    config = os.path.join(root, 'config')
    for path in (home, config):
        os.makedirs(path, exist_ok=True)
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env.update({
        'GTK_A11Y': 'atspi',
        'GSETTINGS_BACKEND': 'memory',
        'HOME': home,
        'XDG_CONFIG_HOME': config,
        'XDG_DATA_HOME': os.path.join(root, 'data'),
        'XDG_CACHE_HOME': os.path.join(root, 'cache'),
        'XDG_STATE_HOME': os.path.join(root, 'state'),
        'XDG_RUNTIME_DIR': os.path.join(root, 'runtime'),
        'LANG': 'C.UTF-8',
        'LANGUAGE': 'C',
        'LC_ALL': 'C.UTF-8',
        'G_DEBUG': 'gc-friendly',
    })
    os.makedirs(env['XDG_RUNTIME_DIR'], mode=0o700, exist_ok=True)
    return env


def find_application(pid):
    import pyatspi

    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        application = safe(lambda: desktop.getChildAtIndex(i))
        if application is not None and safe(lambda: application.get_process_id()) == pid:
            return application
    return None


def worst_case_text(window, name):
    row = find(window, name, None)
    if row is None:
        return None
    labels = labels_below(row)
    # title, then the computed value
    return labels[1] if len(labels) > 1 else None


def run_steps(process, results):
    state = {}

    def step(function):
        try:
            function()
        except StepFailed as error:
            results.append((False, str(error)))
            return False
        except Exception as error:  # AT-SPI errors
            results.append((False, '%s: %s' % (type(error).__name__, error)))
            return False
        if process.poll() is not None:
            results.append((False, 'the application exited with status %d' % process.returncode))
            return False
        results.append((True, None))
        return True

    def appears():
        state['app'] = wait_for('the application with pid %d' % process.pid,
                                lambda: find_application(process.pid), timeout=APP_TIMEOUT)
        state['window'] = wait_for('the project window', lambda: next(
            (a for a in descendants(state['app']) if role_of(a) == 'frame' and
             'Contract Scope' in name_of(a) and is_showing(a)), None))
        state['save_state'] = wait_find(state['window'], 'Save state', ['label'])

    def open_sla():
        window = state['window']
        row = wait_for('the "SLA" section row', lambda: next(
            (a for a in descendants(window) if role_of(a) in ('list item', 'list box item')
             and 'SLA' in labels_below(a)), None))
        selection = safe(lambda: row.parent.querySelection())
        if selection is not None and selection.selectChild(row.getIndexInParent()):
            time.sleep(CLICK_PAUSE)
        else:
            click(row)
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

    for function in (appears, open_sla, change_p1, saved):
        if not step(function):
            break


def main():
    global watched_process

    if len(sys.argv) != 4:
        print('usage: %s APP CLI SCHEMA_DIR' % sys.argv[0], file=sys.stderr)
        return 2
    app, cli, schema_dir = sys.argv[1:]

    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        skip_all('no display')

    debug = [flag for flag in os.environ.get('G_DEBUG', '').split(',')
             if flag and flag not in ('fatal-warnings', 'fatal-criticals')]
    os.environ['G_DEBUG'] = ','.join(debug)

    cleanup = []
    root = None
    process = None
    results = []
    log_path = None
    try:
        ensure_buses(cleanup)
        root = tempfile.mkdtemp(prefix='cs-e2e-sla-')

        import gi
        gi.require_version('Atspi', '2.0')
        import pyatspi  # noqa: F401 — after the buses exist

        env = make_environment(root)
        env['GSETTINGS_SCHEMA_DIR'] = schema_dir
        log_path = os.path.join(root, 'app.log')
        with open(log_path, 'w') as app_log:
            process = subprocess.Popen([app, '--demo'], env=env, stdin=subprocess.DEVNULL,
                                       stdout=app_log, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        watched_process = process
        run_steps(process, results)
    finally:
        if process is not None:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        for helper in reversed(cleanup):
            helper.kill()
            helper.wait(timeout=10)

    print('1..%d' % len(STEPS))
    failed = False
    for index, description in enumerate(STEPS):
        number = index + 1
        if index < len(results):
            ok, reason = results[index]
            if ok:
                print('ok %d - %s' % (number, description))
            else:
                failed = True
                print('not ok %d - %s' % (number, description))
                log(reason)
        else:
            failed = True
            print('not ok %d - %s # not reached: an earlier step failed' % (number, description))

    if failed and log_path is not None and os.path.exists(log_path):
        log('the application said:')
        with open(log_path) as app_log:
            log(app_log.read()[-4000:] or '(nothing)')
    if root is not None:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
