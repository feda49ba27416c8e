#!/usr/bin/env python3
"""A real SMTP server for the hub's tests, on aiosmtpd (pinned in scripts/install-deps.sh).

Listens on 127.0.0.1:<port>, stores every accepted message as <dir>/<n>.eml and appends one line
"<Message-ID>\t<MAIL FROM>\t<RCPT TO,...>\t<AUTH user or ->\t<TLS yes/no>" to <dir>/received.log
(flushed per message). Writes "READY <port>" on stdout once listening; stops on SIGTERM or when
stdin closes.

Recipients starting with "reject" get 550, "later" get 451 (to test failure classification).
--delay seconds per DATA slows the server down; --tls CERT KEY offers STARTTLS (and --require-tls
demands it); --auth USER:PASSWORD requires AUTH PLAIN/LOGIN with those credentials.
"""
import argparse
import asyncio
import email
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, directory, delay):
        self.directory = directory
        self.delay = delay
        self.count = 0
        self.log = open(os.path.join(directory, "received.log"), "a", buffering=1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("reject"):
            return "550 5.1.1 mailbox unavailable"
        if address.startswith("later"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.count += 1
        raw = envelope.original_content or envelope.content
        with open(os.path.join(self.directory, "%d.eml" % self.count), "wb") as handle:
            handle.write(raw)
        message = email.message_from_bytes(raw)
        user = session.authenticated and getattr(session, "auth_data", None)
        login = user.login.decode() if isinstance(user, LoginPassword) else "-"
        tls = "yes" if session.ssl is not None else "no"
        self.log.write("%s\t%s\t%s\t%s\t%s\n" % (
            message.get("Message-ID", ""), envelope.mail_from, ",".join(envelope.rcpt_tos), login, tls))
        return "250 2.0.0 queued as %d" % self.count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--require-tls", action="store_true")
    parser.add_argument("--auth")
    arguments = parser.parse_args()

    options = {"hostname": "127.0.0.1", "port": arguments.port, "data_size_limit": 50 * 1024 * 1024}
    if arguments.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(arguments.tls[0], arguments.tls[1])
        options["tls_context"] = context
        options["require_starttls"] = arguments.require_tls
    if arguments.auth:
        expected_user, expected_password = arguments.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == expected_user
                  and auth_data.password.decode() == expected_password)
            return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

        options["authenticator"] = authenticator
        options["auth_require_tls"] = bool(arguments.tls)
        options["auth_required"] = True
    controller = Controller(Handler(arguments.dir, arguments.delay), **options)
    controller.start()
    print("READY %d" % arguments.port, flush=True)

    stop = threading.Event()
    # received.log is flushed per message, so SIGTERM may end the process at once.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    # A parent may start us with SIGTERM blocked (the mask is inherited); take it back.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})

    def watch_stdin():
        sys.stdin.read()
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
