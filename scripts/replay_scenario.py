#!/usr/bin/env python3
"""Replay a scripted call scenario against the hub and watch the routing engine decide.

    python3 scripts/replay_scenario.py --hub .build/debug/hub samples/scenarios/01-queue-no-answer-overflow.json
    python3 scripts/replay_scenario.py --url http://127.0.0.1:8080 --token "$(cat var/demo-token)" samples/scenarios/02-rush-hysteresis.json

With --hub the script seeds the demo tenant into a temporary data directory, starts that hub on a free
port, replays the scenario and stops the hub again (your own data stays untouched). With --url it uses a
running hub; the scenario then REPLACES that tenant's routing plan (PUT .../routing), so use a throwaway hub.

The hub runs on the real clock (it has no manual clock), so scenarios keep their ring times short
(5 s, the minimum the plan validation allows) and the script sleeps until each step's second.

A scenario file is JSON:
    {"title": str, "description": str, "tenant": "acme",
     "routing": {"plan": {...}, "schedules": {...}},          PUT first (optional)
     "steps": [{"at": seconds, "do": "offer"|"event"|"login"|"logout"|"presence"|"dial", ...}],
     "expect": [{"type": "call.decision", "call": "c1", "action": "divert", "reason": "no_answer",
                 "at": 11, "within": 1.5}, {"absent": true, ...}, {"count": 2, ...}],
     "duration": seconds to keep watching after the last step (optional)}
Steps:
    offer     {"call", "from", "to", "priority"?}                POST /calls
    event     {"call", "type", "leg"? | "user"?, "reason"?, "to"?} POST /calls/{call}/events; "user" picks the
              leg last rung to that user in that call
    login     {"user", "queue"}                                   PUT /queues/{queue}/agents/{user}
    logout    {"user", "queue"}                                   DELETE /queues/{queue}/agents/{user}
    presence  {"user", "activity"?, "role"?}                      PATCH /users/{user}/presence
    dial      {"user", "to", "call"?, "terminal"?}                POST /users/{user}/calls
An expectation matches an event whose flattened fields (see flatten()) equal all its keys; "at" (seconds
after the first step, ± "within", default 1.5) checks the time, "absent" that nothing matches, "count"
how many match. Exit status: 0 when every expectation holds, 1 when one fails, 2 on a usage or hub error.
"""

import argparse
import datetime
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

META_KEYS = {"at", "within", "absent", "count", "note"}
PRINT_LOCK = threading.Lock()


def say(text):
    """Prints one whole line; the event thread and the step loop never interleave within a line."""
    with PRINT_LOCK:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()


class HubError(Exception):
    """An HTTP call the scenario needs failed."""


class Hub:
    """The hub's HTTP API as the scenario uses it."""

    def __init__(self, url, token, tenant):
        self.url = url.rstrip("/")
        self.token = token
        self.tenant = tenant

    def request(self, method, path, body=None, ok=(200, 201, 204)):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode()
                status = response.status
        except urllib.error.HTTPError as error:
            text = error.read().decode()
            status = error.code
        if status not in ok:
            raise HubError(f"{method} {path} -> {status}: {text}")
        return json.loads(text) if text.strip() else None

    def tenant_path(self, rest):
        return f"/api/v1/tenants/{self.tenant}{rest}"


class EventWatcher(threading.Thread):
    """Reads the tenant's Server-Sent Events and keeps the routing events, printing decisions as they come."""

    def __init__(self, hub, origin):
        super().__init__(daemon=True)
        self.hub = hub
        self.origin = origin
        self.events = []
        self.lock = threading.Lock()
        self.connected = threading.Event()
        self.error = None

    def run(self):
        try:
            parsed = urllib.parse.urlparse(self.hub.url)
            connection = http.client.HTTPConnection(parsed.hostname, parsed.port or 80, timeout=None)
            connection.request("GET", self.hub.tenant_path("/events"),
                               headers={"Authorization": "Bearer " + self.hub.token, "Accept": "text/event-stream"})
            response = connection.getresponse()
            if response.status != 200:
                raise HubError(f"GET events -> {response.status}: {response.read().decode()}")
            self.connected.set()
            data = []
            while True:
                line = response.readline()
                if not line:
                    return
                line = line.decode().rstrip("\r\n")
                if line.startswith("data:"):
                    data.append(line[5:].strip())
                elif line == "" and data:
                    self.receive(json.loads("\n".join(data)))
                    data = []
        except Exception as error:  # the main thread reports it
            self.error = error
            self.connected.set()

    def receive(self, wire):
        routing = wire.get("routing")
        if not routing:
            return
        event = flatten(routing)
        event["t"] = parse_time(wire.get("at")) - self.origin() if wire.get("at") else None
        with self.lock:
            self.events.append(event)
        print_event(event)

    def snapshot(self):
        with self.lock:
            return list(self.events)


def parse_time(text):
    """Seconds since the epoch of an ISO 8601 time as the hub writes it."""
    text = text.replace("Z", "+00:00")
    return datetime.datetime.fromisoformat(text).timestamp()


def kind(value):
    """The case name of a Swift enum encoded as {"case": {...}} or a plain string."""
    if isinstance(value, dict) and len(value) == 1:
        return next(iter(value))
    return value


def flatten(routing):
    """One routing event as a flat dict: type, call, user, queue, action, reason, to, terminal, leg, seconds,
    announcement, presence, outcome, availability, inCall, status."""
    event = {"type": routing.get("type")}
    for key in ("call", "user", "queue", "inCall", "reason"):
        if key in routing and routing[key] is not None:
            event[key] = routing[key]
    decision = routing.get("decision")
    if decision:
        event["action"] = decision.get("action")
        ring = decision.get("ring") or {}
        for key, source in (("user", ring.get("user") or decision.get("user")), ("terminal", ring.get("terminal")),
                            ("leg", decision.get("leg")), ("seconds", ring.get("seconds")), ("to", decision.get("to")),
                            ("reason", decision.get("reason")), ("queue", decision.get("queue")),
                            ("callerID", decision.get("callerID"))):
            if source is not None:
                event[key] = source
        announcement = decision.get("announcement")
        if announcement:
            name = kind(announcement)
            value = announcement[name].get("_0") if isinstance(announcement.get(name), dict) else None
            event["announcement"] = value if name == "message" else name
            if name != "message":
                event[name] = value
        if decision.get("presence"):
            event["presence"] = decision["presence"].get("activity")
    record = routing.get("record")
    if record:
        event["outcome"] = kind(record.get("outcome"))
        if record.get("answeredBy"):
            event["answeredBy"] = record["answeredBy"]
    if routing.get("availability") is not None:
        event["availability"] = kind(routing["availability"])
    if routing.get("status") is not None:
        event["status"] = kind(routing["status"])
    return event


def describe(event):
    """A line a person reads: what was decided for which call."""
    parts = [event.get("type", "?")]
    for key in ("call", "action", "user", "terminal", "leg", "seconds", "to", "reason", "queue", "announcement", "position",
                "estimatedWait", "presence", "outcome", "answeredBy", "availability", "status", "inCall"):
        if key in event:
            parts.append(f"{key}={event[key]}")
    return " ".join(parts)


def print_event(event):
    if event.get("type") in ("agent.changed",):
        return
    stamp = f"{event['t']:6.1f}s" if event.get("t") is not None else "     ?"
    say(f"  [{stamp}] {describe(event)}")


def matches(expectation, event):
    return all(event.get(key) == value for key, value in expectation.items() if key not in META_KEYS)


def check(expectations, events):
    """Prints each expectation with PASS or FAIL; returns the number failed."""
    failed = 0
    for expectation in expectations:
        wanted = {key: value for key, value in expectation.items() if key not in META_KEYS}
        wanted.setdefault("type", "call.decision")
        found = [event for event in events if matches(wanted, event)]
        problem = None
        if expectation.get("absent"):
            if found:
                problem = f"expected none, saw {len(found)} (first at {found[0].get('t') or 0:.1f}s)"
        elif "count" in expectation and len(found) != expectation["count"]:
            problem = f"expected {expectation['count']}, saw {len(found)}"
        elif not found:
            problem = "never happened"
        elif "at" in expectation:
            within = expectation.get("within", 1.5)
            on_time = [event for event in found if event.get("t") is not None and abs(event["t"] - expectation["at"]) <= within]
            if not on_time:
                problem = f"expected at {expectation['at']}s ± {within}, happened at " + ", ".join(f"{event.get('t') or 0:.1f}s" for event in found)
        label = json.dumps(wanted, ensure_ascii=False) + (f" at {expectation['at']}s" if "at" in expectation else "") + \
            (" (absent)" if expectation.get("absent") else "")
        note = f" — {expectation['note']}" if "note" in expectation else ""
        if problem:
            failed += 1
            print(f"  FAIL {label}{note}: {problem}")
        else:
            print(f"  PASS {label}{note}")
    return failed


def leg_of(call, user, responses, watcher):
    """The leg last rung to `user` in `call`, from step answers and the event stream."""
    legs = [decision["ring"]["leg"] for step_call, decision in responses
            if step_call == call and decision.get("action") == "ring" and (decision.get("ring") or {}).get("user") == user]
    legs += [event["leg"] for event in watcher.snapshot()
             if event.get("call") == call and event.get("action") == "ring" and event.get("user") == user]
    return max(legs) if legs else None


def describe_step(step):
    """The step as a line: its kind and its fields."""
    return step["do"] + " " + " ".join(f"{key}={value}" for key, value in step.items() if key not in ("at", "do"))


def run_step(hub, step, responses, watcher):
    """Performs one step; returns a short description."""
    action = step["do"]
    if action == "offer":
        body = {key: step[key] for key in ("from", "to", "priority", "fromUser") if key in step}
        body["id"] = step["call"]
        answer = hub.request("POST", hub.tenant_path("/calls"), body)
        responses += [(step["call"], decision) for decision in answer.get("decisions", [])]
        return f"offer {step['call']} from {step['from']} to {step['to']}"
    if action == "event":
        body = {key: step[key] for key in ("type", "leg", "reason", "to") if key in step}
        if "user" in step:
            leg = None
            for _ in range(40):  # the ring may still be on its way through the stream
                leg = leg_of(step["call"], step["user"], responses, watcher)
                if leg is not None:
                    break
                time.sleep(0.05)
            if leg is None:
                raise HubError(f"step {step}: no leg of {step['call']} rang {step['user']}")
            body["leg"] = leg
        answer = hub.request("POST", hub.tenant_path(f"/calls/{step['call']}/events"), body)
        responses += [(step["call"], decision) for decision in answer.get("decisions", [])]
        return f"event {step['call']} {step['type']}" + (f" leg {body['leg']}" if "leg" in body else "") + \
            (f" ({step['user']})" if "user" in step else "")
    if action == "login":
        hub.request("PUT", hub.tenant_path(f"/queues/{step['queue']}/agents/{step['user']}"))
        return f"login {step['user']} to {step['queue']}"
    if action == "logout":
        hub.request("DELETE", hub.tenant_path(f"/queues/{step['queue']}/agents/{step['user']}"))
        return f"logout {step['user']} from {step['queue']}"
    if action == "presence":
        body = {key: step[key] for key in ("activity", "role", "until", "note") if key in step}
        hub.request("PATCH", hub.tenant_path(f"/users/{step['user']}/presence"), body)
        return f"presence {step['user']} " + " ".join(f"{key}={value}" for key, value in body.items())
    if action == "dial":
        body = {"to": step["to"], "terminal": step.get("terminal", "softphone")}
        if "call" in step:
            body["id"] = step["call"]
        answer = hub.request("POST", hub.tenant_path(f"/users/{step['user']}/calls"), body)
        responses += [(answer.get("call"), decision) for decision in answer.get("decisions", [])]
        return f"dial {step['user']} -> {step['to']} ({answer.get('call')})"
    raise HubError(f"unknown step kind '{action}' in {step}")


def replay(hub, scenario):
    """Runs the scenario against `hub`; returns the number of failed expectations."""
    print(f"== {scenario.get('title', 'scenario')} ==")
    if scenario.get("description"):
        print(scenario["description"])
    if "routing" in scenario:
        hub.request("PUT", hub.tenant_path("/routing"), scenario["routing"])
        plan = scenario["routing"].get("plan", {})
        print(f"routing plan replaced: {len(plan.get('queues', []))} queue(s), {len(plan.get('huntGroups', []))} hunt group(s), "
              f"rules for {len(plan.get('rules', {}))} user(s)")
    start = [None]
    watcher = EventWatcher(hub, lambda: start[0] if start[0] is not None else time.time())
    watcher.start()
    watcher.connected.wait(10)
    if watcher.error:
        raise HubError(f"event stream: {watcher.error}")
    steps = sorted(scenario.get("steps", []), key=lambda step: step["at"])
    responses = []
    start[0] = time.time()
    for step in steps:
        delay = start[0] + step["at"] - time.time()
        if delay > 0:
            time.sleep(delay)
        say(f"  [{time.time() - start[0]:6.1f}s] >> {describe_step(step)}")
        run_step(hub, step, responses, watcher)
    expectations = scenario.get("expect", [])
    last = max([step["at"] for step in steps] + [expectation.get("at", 0) + expectation.get("within", 1.5) for expectation in expectations] + [0])
    end = start[0] + max(last, scenario.get("duration", 0)) + 0.5
    while time.time() < end:
        time.sleep(0.1)
    if watcher.error:
        raise HubError(f"event stream: {watcher.error}")
    print("expectations:")
    failed = check(expectations, watcher.snapshot())
    print(f"{len(expectations) - failed} of {len(expectations)} expectations hold" + ("" if failed == 0 else f"; {failed} FAILED"))
    return failed


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_hub(binary, tenant_file, keep):
    """Seeds a temporary data directory and starts `hub serve` on a free port; returns (process, url, token, folder)."""
    folder = tempfile.mkdtemp(prefix="hub-scenario-")
    data = os.path.join(folder, "data")
    plugins = os.path.join(folder, "plugins.d")
    os.makedirs(plugins)
    seeded = subprocess.run([binary, "seed", "--data-dir", data, tenant_file], capture_output=True, text=True)
    if seeded.returncode != 0:
        raise HubError(f"hub seed failed: {seeded.stdout}{seeded.stderr}")
    with open(os.path.join(data, "demo-token"), encoding="utf-8") as handle:
        token = handle.read().strip()
    port = free_port()
    log = open(os.path.join(folder, "serve.log"), "w", encoding="utf-8")
    process = subprocess.Popen([binary, "serve", "--data-dir", data, "--port", str(port), "--plugins", plugins, "--log-level", "warning"],
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    print(f"hub started on {url} (data in {folder}{', kept' if keep else ''})")
                    return process, url, token, folder
        except OSError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise HubError(f"the hub did not start; log: {open(os.path.join(folder, 'serve.log'), encoding='utf-8').read()[-2000:]}")


def stop_hub(process, folder, keep):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description="Replay a call scenario and check the routing decisions.")
    parser.add_argument("scenario", nargs="+", help="scenario JSON file(s), e.g. samples/scenarios/01-queue-no-answer-overflow.json")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--hub", help="hub binary: start a throwaway hub seeded with the demo tenant")
    target.add_argument("--url", help="URL of a running hub (its routing plan is replaced!)")
    parser.add_argument("--token", help="main_admin token (with --url; default: contents of var/demo-token)")
    parser.add_argument("--tenant-file", default="samples/demo/tenant.json", help="tenant file to seed (with --hub)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway hub's data directory and log")
    arguments = parser.parse_args()

    scenarios = []
    for path in arguments.scenario:
        try:
            with open(path, encoding="utf-8") as handle:
                scenarios.append(json.load(handle))
        except (OSError, ValueError) as error:
            print(f"replay_scenario: {path}: {error}", file=sys.stderr)
            return 2
    process = folder = None
    try:
        if arguments.hub:
            process, url, token, folder = start_hub(arguments.hub, arguments.tenant_file, arguments.keep)
        else:
            url = arguments.url
            token = arguments.token
            if token is None and os.path.exists("var/demo-token"):
                token = open("var/demo-token", encoding="utf-8").read().strip()
            if not token:
                print("replay_scenario: --token is required with --url (or run `make run` once to create var/demo-token)", file=sys.stderr)
                return 2
        failed = 0
        for scenario in scenarios:
            failed += replay(Hub(url, token, scenario.get("tenant", "acme")), scenario)
            print()
        return 1 if failed else 0
    except HubError as error:
        print(f"replay_scenario: {error}", file=sys.stderr)
        return 2
    finally:
        if process is not None:
            stop_hub(process, folder, arguments.keep)


if __name__ == "__main__":
    sys.exit(main())
