#!/usr/bin/env python3
"""Scripted HTTP fixture server for the calendar adapter tests (EWS, Graph, Domino).

Answers requests with recorded/documented vendor payloads chosen by a scenario and records every request
so tests can assert what the hub sent. Standard library only.

    fixture_server.py SCENARIO.json     # binds 127.0.0.1 on a free port, prints "LISTENING <port>"

Scenario: {"routes": [route, ...]}; a route matches on
  method, path (exact, after percent-decoding), query_contains [...], body_contains [...],
and answers with its "responses" in turn (the last one repeats). A response is
  {"status": 200, "headers": {...}, "body": "text" | "file": "graph/x.json"}; "{base}" in bodies and headers
becomes http://127.0.0.1:<port>. Route options:
  "require_header": {"Authorization": "Bearer t"}  -> 401 with "unauthorized" (or an empty body) if different
Top-level "ntlm": true makes every request do an NTLM handshake first (type 1 -> challenge, type 3
accepted without checking the hash; the user name is recorded as "ntlm_user").
Unmatched requests get 599 and are recorded with "unmatched": true.
Control: GET /__requests (JSON list), POST /__reset (forget requests), POST /__scenario (replace routes).
"""
import base64
import json
import os
import signal
import struct
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIXTURES = os.path.dirname(os.path.abspath(__file__))
LOCK = threading.Lock()
STATE = {"routes": [], "served": {}, "requests": [], "ntlm": False}


def load_scenario(scenario):
    with LOCK:
        STATE["routes"] = scenario["routes"]
        STATE["ntlm"] = scenario.get("ntlm", False)
        STATE["served"] = {}


def ntlm_challenge():
    # Type 2: signature, type, empty target name, flags (unicode, OEM, request target, NTLM, always sign),
    # server challenge, reserved, empty target info.
    flags = 0x00000001 | 0x00000002 | 0x00000004 | 0x00000200 | 0x00008000
    message = b"NTLMSSP\x00" + struct.pack("<I", 2) + struct.pack("<HHI", 0, 0, 48) + struct.pack("<I", flags)
    message += b"\x01\x23\x45\x67\x89\xab\xcd\xef" + b"\x00" * 8 + struct.pack("<HHI", 0, 0, 48)
    return base64.b64encode(message).decode()


def ntlm_user(message):
    def field(offset):
        length, _, start = struct.unpack_from("<HHI", message, offset)
        return message[start:start + length]
    flags = struct.unpack_from("<I", message, 60)[0] if len(message) >= 64 else 1
    decode = (lambda b: b.decode("utf-16-le")) if flags & 1 else (lambda b: b.decode("latin-1"))
    domain, user = decode(field(28)), decode(field(36))
    return f"{domain}\\{user}" if domain else user


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def do_PUT(self):
        self.handle_any()

    def do_DELETE(self):
        self.handle_any()

    def base(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def send(self, status, headers=None, body=b""):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value.replace("{base}", self.base()))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parsed = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(parsed.path)
        query = urllib.parse.unquote(parsed.query)
        if path == "/__requests":
            with LOCK:
                data = json.dumps(STATE["requests"]).encode()
            return self.send(200, {"Content-Type": "application/json"}, data)
        if path == "/__reset":
            with LOCK:
                STATE["requests"] = []
            return self.send(204)
        if path == "/__scenario":
            load_scenario(json.loads(body))
            return self.send(204)
        record = {"method": self.command, "path": path, "query": query, "headers": [[k, v] for k, v in self.headers.items()],
                  "body": body.decode("utf-8", "replace")}
        text = record["body"]
        with LOCK:
            routes = list(enumerate(STATE["routes"]))
            ntlm = STATE["ntlm"]
        if ntlm:
            auth = self.headers.get("Authorization", "")
            token = base64.b64decode(auth[5:]) if auth.startswith("NTLM ") else b""
            if len(token) < 12 or token[8] not in (1, 3):
                return self.handshake(record, "NTLM")
            if token[8] == 1:
                return self.handshake(record, "NTLM " + ntlm_challenge())
            record["ntlm_user"] = ntlm_user(token)
        for index, route in routes:
            if route.get("method", self.command) != self.command or route.get("path", path) != path:
                continue
            if not all(part in query for part in route.get("query_contains", [])):
                continue
            if not all(part in text for part in route.get("body_contains", [])):
                continue
            required = route.get("require_header", {})
            if any(self.headers.get(name) != value for name, value in required.items()):
                self.remember(record, route.get("name", index), 401)
                answer = route.get("unauthorized", {"status": 401})
                return self.answer(answer)
            with LOCK:
                served = STATE["served"].get(index, 0)
                STATE["served"][index] = served + 1
            responses = route["responses"]
            answer = responses[min(served, len(responses) - 1)]
            self.remember(record, route.get("name", index), answer.get("status", 200))
            return self.answer(answer)
        record["unmatched"] = True
        self.remember(record, None, 599)
        self.send(599, {"Content-Type": "text/plain"}, b"no fixture route matches")

    def handshake(self, record, challenge):
        record["ntlm_handshake"] = True
        self.remember(record, "ntlm", 401)
        self.send(401, {"WWW-Authenticate": challenge})

    def remember(self, record, route, status):
        record["route"] = route
        record["status"] = status
        with LOCK:
            STATE["requests"].append(record)

    def answer(self, answer):
        if "file" in answer:
            with open(os.path.join(FIXTURES, answer["file"]), "rb") as handle:
                data = handle.read()
        else:
            data = answer.get("body", "").encode()
        data = data.replace(b"{base}", self.base().encode())
        self.send(answer.get("status", 200), answer.get("headers", {}), data)


def main():
    # A parent that blocks signals (Foundation.Process does) must still be able to stop us with SIGTERM.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, set(signal.Signals))
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    # Exit when the test process goes away (our stdin is its pipe), even if it could not stop us.
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    scenario = {"routes": []}
    if len(sys.argv) > 1:
        with open(sys.argv[1]) as handle:
            scenario = json.load(handle)
    load_scenario(scenario)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"LISTENING {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
