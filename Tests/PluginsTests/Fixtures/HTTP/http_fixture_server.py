#!/usr/bin/env python3
"""Loopback HTTP server for the CurlHTTPClient tests.

Binds 127.0.0.1 on a free port, prints "PORT <n>" on stdout and serves until killed.
With `--tls CERT KEY` it serves HTTPS with that certificate.

  /echo           any method: JSON {method, path, headers (lower-case names), body}
  /basic          200 "hello <user>" for Basic alice:s3cret, else 401 + WWW-Authenticate: Basic
  /bearer         200 for "Authorization: Bearer tok-123", else 401
  /ntlm           NTLM handshake: type 1 -> 401 with a type 2 challenge, type 3 -> 200 "ntlm <domain>\\<user>"
  /slow?ms=N      answers after N ms
  /drip?ms=N      chunked body, one byte every N ms for a minute; counts clients that hang up (see /stats)
  /bytes?n=N      N bytes of "x" with Content-Length; add &chunked=1 for a chunked body without length
  /retry          429 with Retry-After: 7
  /ews-busy       500 with an ErrorServerBusy SOAP fault carrying BackOffMilliseconds 5000
  /hold?ms=N      answers after N ms and records how many such requests overlapped (see /stats)
  /stats          JSON {aborted, max_in_flight}
"""
import base64
import json
import os
import signal
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

lock = threading.Lock()
stats = {"aborted": 0, "in_flight": 0, "max_in_flight": 0}

EWS_BUSY = b"""<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorServerBusy</faultcode>
<faultstring xml:lang="en-US">The server cannot service this request right now. Try again later.</faultstring>
<detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorServerBusy</e:ResponseCode>
<e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The server cannot service this request right now. Try again later.</e:Message>
<t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
<t:Value Name="BackOffMilliseconds">5000</t:Value></t:MessageXml></detail></s:Fault></s:Body></s:Envelope>"""


def ntlm_challenge():
    # Minimal NTLM type 2 message: flags NEGOTIATE_UNICODE | NEGOTIATE_NTLM, fixed server challenge.
    flags = 0x00000001 | 0x00000200
    return b"NTLMSSP\x00" + struct.pack("<I", 2) + struct.pack("<HHI", 0, 0, 48) + struct.pack("<I", flags) \
        + b"\x01\x23\x45\x67\x89\xab\xcd\xef" + b"\x00" * 8 + struct.pack("<HHI", 0, 0, 48)


def ntlm_field(message, offset):
    length, _, start = struct.unpack_from("<HHI", message, offset)
    return message[start:start + length].decode("utf-16-le")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_any(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        route = url.path
        if route == "/echo":
            payload = {"method": self.command, "path": self.path,
                       "headers": {k.lower(): v for k, v in self.headers.items()},
                       "body": body.decode("utf-8", "replace")}
            self.reply(200, json.dumps(payload).encode(), [("Content-Type", "application/json"), ("X-Echo", "yes")])
        elif route == "/basic":
            expected = "Basic " + base64.b64encode(b"alice:s3cret").decode()
            if self.headers.get("Authorization") == expected:
                self.reply(200, b"hello alice")
            else:
                self.reply(401, b"who are you", [("WWW-Authenticate", 'Basic realm="hub"')])
        elif route == "/bearer":
            if self.headers.get("Authorization") == "Bearer tok-123":
                self.reply(200, b"token ok")
            else:
                self.reply(401, b"bad token", [("WWW-Authenticate", "Bearer")])
        elif route == "/ntlm":
            auth = self.headers.get("Authorization", "")
            message = base64.b64decode(auth[5:]) if auth.startswith("NTLM ") else b""
            kind = struct.unpack_from("<I", message, 8)[0] if len(message) >= 12 else 0
            if kind == 1:
                challenge = base64.b64encode(ntlm_challenge()).decode()
                self.reply(401, b"", [("WWW-Authenticate", "NTLM " + challenge)])
            elif kind == 3:
                user = ntlm_field(message, 36)
                domain = ntlm_field(message, 28)
                self.reply(200, ("ntlm %s\\%s" % (domain, user)).encode())
            else:
                self.reply(401, b"", [("WWW-Authenticate", "NTLM")])
        elif route == "/slow":
            time.sleep(int(query.get("ms", "1000")) / 1000)
            self.reply(200, b"slow")
        elif route == "/hold":
            with lock:
                stats["in_flight"] += 1
                stats["max_in_flight"] = max(stats["max_in_flight"], stats["in_flight"])
            time.sleep(int(query.get("ms", "500")) / 1000)
            with lock:
                stats["in_flight"] -= 1
            self.reply(200, self.path.encode())
        elif route == "/drip":
            pause = int(query.get("ms", "100")) / 1000
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for _ in range(int(60 / pause)):
                    self.wfile.write(b"1\r\nx\r\n")
                    self.wfile.flush()
                    time.sleep(pause)
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                with lock:
                    stats["aborted"] += 1
                self.close_connection = True
        elif route == "/bytes":
            data = b"x" * int(query.get("n", "0"))
            if query.get("chunked") == "1":
                self.send_response(200)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                try:
                    for start in range(0, len(data), 4096):
                        piece = data[start:start + 4096]
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    self.wfile.write(b"0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True
            else:
                self.reply(200, data)
        elif route == "/retry":
            self.reply(429, b"slow down", [("Retry-After", "7")])
        elif route == "/ews-busy":
            self.reply(500, EWS_BUSY, [("Content-Type", "text/xml; charset=utf-8")])
        elif route == "/stats":
            with lock:
                self.reply(200, json.dumps(stats).encode(), [("Content-Type", "application/json")])
        else:
            self.reply(404, b"no such fixture")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_REPORT = do_PROPFIND = handle_any


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def handle_error(self, request, client_address):
        # Clients hanging up (the cancellation test does it on purpose) are not fixture errors.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def exit_with_parent():
    # The test holds our stdin open; EOF means it died (even by SIGKILL), so no server outlives its test.
    sys.stdin.buffer.read()
    os._exit(0)


if __name__ == "__main__":
    # The Swift test runner may hand SIGTERM down ignored or blocked; Process.terminate() must work.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=exit_with_parent, daemon=True).start()
    server = Server(("127.0.0.1", 0), Handler)
    if len(sys.argv) == 4 and sys.argv[1] == "--tls":
        import ssl
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[2], sys.argv[3])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()
