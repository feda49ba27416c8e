#!/usr/bin/env python3
"""A local stand-in for an SMS provider's HTTP API, for the sms_http tests and benchmark.

    provider.py --style 46elks|sinch|twilio --port N --record FILE [--user U --password P | --token T]

Answers send requests the way the provider documents them (46elks: 200 {"id"}, Sinch: 201 {"id"},
Twilio: 201 {"sid"}), checks the credentials (401 otherwise), records every request as one JSON line
(method, path, query, headers, body) in FILE, and then sends a delivery report to the callback URL the
request carried (46elks `whendelivered`, Twilio `StatusCallback` as form POSTs; Sinch `callback_url`
as JSON). A text containing RETRY gets 503 with Retry-After: 7; REJECT gets 400. Prints "ready" when
listening. Standard library only.
"""
import argparse
import base64
import itertools
import json
import sys
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

args = None
counter = itertools.count(1)
record_lock = threading.Lock()


def send_report(url, style, provider_id):
    """POSTs a 'delivered' report to the callback URL, as the provider would."""
    if style == "sinch":
        data = json.dumps({"type": "recipient_delivery_report_sms", "batch_id": provider_id, "status": "Delivered", "code": 0}).encode()
        content_type = "application/json"
    elif style == "twilio":
        data = urllib.parse.urlencode({"MessageSid": provider_id, "MessageStatus": "delivered"}).encode()
        content_type = "application/x-www-form-urlencoded"
    else:
        data = urllib.parse.urlencode({"id": provider_id, "status": "delivered", "delivered": "2026-11-25T12:00:00"}).encode()
        content_type = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=data, headers={"Content-Type": content_type}, method="POST")
    try:
        urllib.request.urlopen(request, timeout=5).read()
    except Exception as error:  # the test sees the missing report
        print(f"callback failed: {error}", file=sys.stderr, flush=True)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, the client's delayed ACK adds 40 ms each.
    disable_nagle_algorithm = True

    def log_message(self, *_):
        pass

    def answer(self, status, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def authorised(self):
        header = self.headers.get("Authorization", "")
        if args.token:
            return header == f"Bearer {args.token}"
        expected = base64.b64encode(f"{args.user}:{args.password}".encode()).decode()
        return header == f"Basic {expected}"

    def handle_send(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        path, _, query = self.path.partition("?")
        with record_lock, open(args.record, "a", encoding="utf-8") as record:
            record.write(json.dumps({"method": self.command, "path": path, "query": query,
                                     "headers": dict(self.headers.items()), "body": body}) + "\n")
        if not self.authorised():
            return self.answer(401, {"error": "unauthorised"})
        if args.style == "sinch":
            fields = json.loads(body)
            text, callback = fields.get("body", ""), fields.get("callback_url")
        else:
            fields = dict(urllib.parse.parse_qsl(body or query, keep_blank_values=True))
            text = fields.get("message") or fields.get("Body") or ""
            callback = fields.get("whendelivered") or fields.get("StatusCallback")
        if "RETRY" in text:
            return self.answer(503, {"error": "busy"}, [("Retry-After", "7")])
        if "REJECT" in text:
            return self.answer(400, {"error": "invalid recipient"})
        number = next(counter)
        if args.style == "sinch":
            provider_id = f"01BATCH{number:06d}"
            self.answer(201, {"id": provider_id, "to": fields.get("to"), "body": text})
        elif args.style == "twilio":
            provider_id = f"SM{number:032d}"
            self.answer(201, {"sid": provider_id, "status": "queued"})
        else:
            provider_id = f"s{number:08x}"
            self.answer(200, {"id": provider_id, "status": "created", "parts": 1})
        if callback:
            threading.Thread(target=send_report, args=(callback, args.style, provider_id), daemon=True).start()

    do_POST = handle_send
    do_GET = handle_send


def main():
    global args
    parser = argparse.ArgumentParser()
    parser.add_argument("--style", choices=["46elks", "sinch", "twilio"], required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--record", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--token")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
