#!/usr/bin/env python3
"""A sample `exec` plugin for the hub, in Python 3 with the standard library only.

It follows a text file or a FIFO of lines like

    anna.virtanen in_meeting 45 Quarterly review

(user, activity, optional minutes, optional note) and sends each as a presence update. It logs the
hub's answers and events on stderr. The protocol is described in docs/plugin-protocol.md.

Instance file (plugins.d/bridge.toml):

    plugin = "exec"
    tenant = "acme"
    [settings]
    command = ["python3", "/opt/hub/plugins/presence_bridge.py"]
    [settings.config]
    watch = "/var/lib/hub/bridge/presence.txt"   # a regular file (followed like tail -F) or a FIFO
    source = "access_control"                     # optional: access_control, calendar, sip, api_client
    from_start = false                            # optional: read a regular file from its start
    echo = false                                  # optional: echo every hub message back as a log line
"""

import json
import os
import stat
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

_out = threading.Lock()


def send(message):
    """Writes one JSON line on stdout (shared by two threads, hence the lock)."""
    line = json.dumps(message, separators=(",", ":"), ensure_ascii=False)
    with _out:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def log(level, text):
    """Logs on stderr with a level prefix the hub understands: E!, W!, I! or D!."""
    sys.stderr.write(f"{level}! {text}\n")
    sys.stderr.flush()


def iso(moment):
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def presence_from(line, source):
    """'anna.virtanen in_meeting 45 Quarterly review' -> a presence message, or None if too short."""
    parts = line.strip().split(maxsplit=3)
    if len(parts) < 2:
        return None
    now = datetime.now(timezone.utc)
    message = {"type": "presence", "user": parts[0], "activity": parts[1], "source": source,
               "occurred_at": iso(now)}
    rest = parts[2:]
    if rest and rest[0].isdigit():
        ends = iso(now + timedelta(minutes=int(rest[0])))
        message["until"] = ends
        message["ends_at"] = ends
        rest = rest[1:]
    if rest:
        message["note"] = " ".join(rest)
    return message


def follow(path, from_start):
    """Yields lines from a FIFO (reopened after each writer) or a regular file (followed like tail -F)."""
    while True:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            time.sleep(0.5)
            continue
        if stat.S_ISFIFO(mode):
            with open(path, encoding="utf-8", errors="replace") as fifo:
                yield from fifo
            continue
        with open(path, encoding="utf-8", errors="replace") as file:
            if not from_start:
                file.seek(0, os.SEEK_END)
            from_start = True  # after a rotation, read the new file from its start
            inode = os.fstat(file.fileno()).st_ino
            pending = ""
            while True:
                chunk = file.readline()
                if chunk:
                    pending += chunk
                    if pending.endswith("\n"):
                        yield pending
                        pending = ""
                    continue
                time.sleep(0.1)
                try:
                    current = os.stat(path)
                except FileNotFoundError:
                    break
                if current.st_ino != inode or current.st_size < file.tell():
                    break  # replaced or truncated: reopen


def listen_to_hub(echo):
    """Reads the hub's messages after hello: acks and events. Exits when the hub closes stdin."""
    for raw in sys.stdin:
        try:
            message = json.loads(raw)
        except ValueError:
            log("W", f"hub sent a line that is not JSON: {raw[:80]!r}")
            continue
        if echo:
            send({"type": "log", "level": "info", "message": "hub: " + raw.strip()})
        kind = message.get("type")
        if kind == "ack":
            level = "D" if message.get("result") == "applied" else "W"
            log(level, f"ack id={message.get('id')} result={message.get('result')} reason={message.get('reason')}")
        elif kind == "presence.changed":
            after = message.get("presence", {})
            log("D", f"{message.get('user')} is now {after.get('activity')} ({message.get('source')})")
        # Other types are ignored, as the protocol asks of every plugin.
    log("I", "hub closed stdin; exiting")
    os._exit(0)


def main():
    hello = json.loads(sys.stdin.readline() or "null")
    if not isinstance(hello, dict) or hello.get("type") != "hello" or hello.get("protocol") != 1:
        log("E", f"expected a protocol 1 hello, got {hello!r}")
        return 2
    config = hello.get("config") or {}
    log("I", f"hello: instance={hello.get('instance')} tenant={hello.get('tenant')} protocol=1")
    threading.Thread(target=listen_to_hub, args=(bool(config.get("echo")),), daemon=True).start()
    watch = config.get("watch")
    if not watch:
        log("W", "no 'watch' path in config; only listening to the hub")
        threading.Event().wait()
    source = config.get("source", "api_client")
    log("I", f"following {watch}")
    for number, line in enumerate(follow(watch, bool(config.get("from_start"))), start=1):
        message = presence_from(line, source)
        if message is None:
            if line.strip():
                log("W", f"skipping line {line.strip()[:80]!r}: want 'user activity [minutes] [note]'")
            continue
        message["id"] = number
        send(message)
    return 0


if __name__ == "__main__":
    sys.exit(main())
